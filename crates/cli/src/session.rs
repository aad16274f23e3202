//! The one contact point between settings and the libraries, as ripgrep's
//! `HiArgs` is: commands get an index, an actor book and an actor selection
//! from here, and never from each other.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use stanceshift_analyzer::{resolve_name, ActorBook, Selection, SelectionError};
use stanceshift_core::{ActorAnalysis, ActorId, ArticleId, Shift, Statement, StatementQuery, UnflaggedPair};
use stanceshift_eval::shifts::Placement;
use stanceshift_index::{
    forget_actors, record_actors, recorded_actors, ActorRecord, CorpusTermStats, RecordedActors, Shards,
};
use stanceshift_report::{ArticleSource, ReportMeta};
use std::path::{Path, PathBuf};

use crate::config::{Actors, Settings};

/// The actor book of a command on the index: the built-in actors, extended
/// (and overridden) by [`index_actor_file`]. Warns on stderr (unless
/// `--quiet`) when that is not the file the index was built with.
pub fn actor_book(settings: &Settings) -> Result<ActorBook> {
    let choice = index_actor_file(settings)?;
    if !settings.quiet {
        for warning in choice.query_warnings() {
            eprintln!("warning: {warning}");
        }
    }
    choice.book()
}

/// The actor book of a command that reads no index (`extract`): the
/// built-in actors and the configured actor file, if any.
pub fn given_actor_book(settings: &Settings) -> Result<ActorBook> {
    let mut book = ActorBook::builtin();
    if let Some(path) = settings.actors.file() {
        book.merge(
            ActorBook::from_file(path).with_context(|| format!("loading actors from {}", path.display()))?,
        );
    }
    Ok(book)
}

/// Where the actor file of a command on an index comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorOrigin {
    /// `--actors FILE` or the config file's `actors`.
    Given,
    /// Neither: the copy recorded in the index.
    Recorded,
    /// No actor file: none given and none recorded, or `--no-actors`.
    Builtin,
}

/// The actor file a command on an index uses, beside the one the index
/// recorded when it was built.
#[derive(Debug)]
pub struct ActorChoice {
    pub origin: ActorOrigin,
    /// The file used (as given, or the recorded copy) and its bytes.
    file: Option<(PathBuf, Vec<u8>)>,
    record: ActorRecord,
    index: PathBuf,
}

/// The actor file of a command on the index: `--actors FILE` or the config
/// file's `actors` when given, else the one recorded in the index (`index`
/// records the file it analyzes with), else none; none under `--no-actors`.
/// Results never depend on repeating `--actors`.
pub fn index_actor_file(settings: &Settings) -> Result<ActorChoice> {
    let index = &settings.index;
    let record = recorded_actors(index)
        .with_context(|| format!("reading the actor file recorded in {}", index.display()))?;
    let (origin, file) = match &settings.actors {
        Actors::File(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("loading actors from {}", path.display()))?;
            (ActorOrigin::Given, Some((path.clone(), bytes)))
        }
        Actors::BuiltinOnly => (ActorOrigin::Builtin, None),
        Actors::Unset => match &record.actors {
            Some(recorded) => (ActorOrigin::Recorded, Some((recorded.path.clone(), recorded.bytes.clone()))),
            None => (ActorOrigin::Builtin, None),
        },
    };
    Ok(ActorChoice { origin, file, record, index: index.clone() })
}

impl ActorChoice {
    /// The bytes of the actor file used; `None` for the built-in actors only.
    pub fn bytes(&self) -> Option<&[u8]> {
        self.file.as_ref().map(|(_, bytes)| bytes.as_slice())
    }

    /// The built-in actors, extended (and overridden) by the actor file used.
    pub fn book(&self) -> Result<ActorBook> {
        let mut book = ActorBook::builtin();
        if let Some((path, bytes)) = &self.file {
            let loading = || format!("loading actors from {}", path.display());
            let text = std::str::from_utf8(bytes).context("the file is not UTF-8").with_context(loading)?;
            let file = ActorBook::from_toml_str(text).map_err(|e| match e {
                stanceshift_analyzer::Error::ActorFile { message, .. } => {
                    stanceshift_analyzer::Error::ActorFile { path: path.clone(), message }
                }
                other => other,
            });
            book.merge(file.with_context(loading)?);
        }
        Ok(book)
    }

    /// Whether the index recorded an actor file other than the one used
    /// (an index that recorded none, built without one or by an older
    /// version, differs from nothing).
    fn differs_from_record(&self) -> bool {
        self.record.actors.as_ref().is_some_and(|recorded| Some(recorded.bytes.as_slice()) != self.bytes())
    }

    /// The recorded copy, and where it came from, for messages.
    fn recorded_name(&self) -> String {
        match &self.record.actors {
            Some(RecordedActors { path, source: Some(source), .. }) => {
                format!("{}, a copy of {}", path.display(), source.display())
            }
            Some(RecordedActors { path, .. }) => path.display().to_string(),
            None => "none".to_string(),
        }
    }

    /// What a query command warns of: another actor file than the index
    /// was built with, and a sharded index's stale copy.
    fn query_warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(stale) = &self.record.stale_copy {
            warnings.push(format!(
                "{} is not the actor file the shards of the current generation recorded ({}); using theirs \
                 (re-run `stanceshift shards publish` if no publish is under way)",
                stale.display(),
                self.recorded_name(),
            ));
        }
        if self.differs_from_record() {
            let recorded = self.recorded_name();
            let built = match &self.file {
                Some((path, _)) => format!("another actor file ({recorded}) than {}", path.display()),
                None => format!("an actor file ({recorded}) that --no-actors leaves out"),
            };
            warnings.push(format!(
                "the index {} was built with {built}: its statements keep the attribution they were indexed \
                 with until the corpus is re-indexed",
                self.index.display(),
            ));
        }
        warnings
    }

    /// What `index` says of its actor file (unless `--quiet`), when it is
    /// not simply the one given.
    pub fn index_note(&self) -> Option<String> {
        match self.origin {
            ActorOrigin::Recorded => Some(format!(
                "actors: using the actor file recorded in the index ({}); --actors FILE replaces it, --no-actors \
                 drops it",
                self.recorded_name()
            )),
            ActorOrigin::Given if self.differs_from_record() => Some(format!(
                "actors: {} is not the actor file the index was built with ({}): articles are re-analyzed \
                 with it and it is recorded instead",
                self.file.as_ref().map_or_else(String::new, |(path, _)| path.display().to_string()),
                self.recorded_name()
            )),
            ActorOrigin::Builtin if self.differs_from_record() => Some(format!(
                "actors: --no-actors: articles are re-analyzed with the built-in actors only and the recorded \
                 actor file ({}) is dropped",
                self.recorded_name()
            )),
            ActorOrigin::Given | ActorOrigin::Builtin => None,
        }
    }

    /// Records in the index directory `dir` the actor file `index` analyzed
    /// with (or drops the recorded one under `--no-actors`). `index` calls
    /// this once its first batch is committed: until then no committed
    /// article used the new file, so a crash earlier leaves the old record,
    /// which is what the committed articles were analyzed with.
    pub fn record_in(&self, dir: &Path) -> Result<()> {
        let recorded = self.record.actors.as_ref();
        match (&self.origin, &self.file) {
            (ActorOrigin::Given, Some((path, bytes))) => {
                let source = std::fs::canonicalize(path).or_else(|_| std::path::absolute(path))?;
                let same = recorded.is_some_and(|r| r.bytes == *bytes && r.source.as_ref() == Some(&source));
                if !same {
                    record_actors(dir, bytes, &source)?;
                }
            }
            (ActorOrigin::Builtin, _) if recorded.is_some() => forget_actors(dir)?,
            _ => {}
        }
        Ok(())
    }
}

/// Searchers on the configured index's last commit: one index, or every
/// shard a sharded index's manifest lists, searched as one.
pub fn open_searcher(settings: &Settings) -> Result<Shards> {
    Shards::open(&settings.index).with_context(|| format!("opening index {}", settings.index.display()))
}

/// What `search --actor NAME` filters on: an alias of the book, an actor of
/// the index written that way, else the name's slug.
pub fn resolve_actor(searcher: &Shards, book: &ActorBook, name: &str) -> Result<ActorId> {
    resolve_name(searcher, book, name).map_err(selection_error)
}

fn selection_error(err: SelectionError<stanceshift_index::Error>) -> anyhow::Error {
    match err {
        SelectionError::Source(e) => anyhow::Error::new(e).context("listing actors"),
        other => anyhow::Error::new(other),
    }
}

/// The index seen from the analysis side: its statements and the analyzer's
/// [`Selection`] of them for an actor.
pub struct Corpus {
    searcher: Shards,
    selection: Selection,
    /// The index's word counts, so shared rare arguments weigh more than common ones.
    stats: CorpusTermStats,
    quiet: bool,
}

impl Corpus {
    /// The index and the actor book it was built with (unless another
    /// `--actors` is given, which is warned of), judged as of its last day or
    /// `to` when earlier.
    pub fn open(settings: &Settings, to: Option<NaiveDate>) -> Result<Corpus> {
        let searcher = open_searcher(settings)?;
        let book = actor_book(settings)?;
        let (_, last) = searcher
            .date_range()?
            .with_context(|| format!("the index {} holds no articles", settings.index.display()))?;
        let as_of = to.map_or(last, |to| to.min(last));
        let selection = Selection::new(book, &searcher, as_of)?;
        let stats = CorpusTermStats::new(&searcher)?;
        Ok(Corpus { searcher, selection, stats, quiet: settings.quiet })
    }

    /// The actor `--actor NAME` stands for. When the name is not the id
    /// itself (a surname, an alias), says on stderr which actor was chosen, so
    /// a surname silently read as someone else is seen.
    pub fn resolve(&self, name: &str) -> Result<ActorId> {
        let actor = self.selection.resolve(&self.searcher, name).map_err(selection_error)?;
        if !self.quiet && actor.as_str() != name.trim() {
            eprintln!("--actor {name:?}: {actor} ({})", self.selection.name(&actor));
        }
        Ok(actor)
    }

    /// Every statement that counts for `actor`, in date order.
    pub fn statements_for(
        &self,
        actor: &ActorId,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Statement>> {
        Ok(self.selection.statements_for(&self.searcher, actor, from, to)?)
    }

    /// Every statement in the date range, named canonically.
    pub fn all_statements(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Statement>> {
        Ok(self.selection.all_statements(&self.searcher, from, to)?)
    }

    /// Every statement found in these articles (all articles when none), named canonically.
    pub fn article_statements(
        &self,
        articles: &[ArticleId],
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Statement>> {
        let query = StatementQuery { articles: articles.to_vec(), from, to, ..StatementQuery::default() };
        let statements = self.searcher.statements(&query)?;
        Ok(statements.into_iter().map(|s| self.selection.canonicalized(s)).collect())
    }

    /// An article's body, when the index holds the article.
    pub fn article_body(&self, id: &ArticleId) -> Result<Option<String>> {
        Ok(self.searcher.article(id)?.map(|a| a.body))
    }

    /// Every flagged change across every actor of the corpus (what `report
    /// --all` flags), every compared pair turned down, with its reason, and
    /// where each statement was filed.
    pub fn all_comparisons(&self) -> Result<Comparisons> {
        use rayon::prelude::*;
        let groups = self.selection.group_by_actor(self.all_statements(None, None)?);
        let per_actor: Vec<Comparisons> = groups
            .par_iter()
            .map(|(actor, statements)| {
                let analysis = self.analyze(actor, statements, None);
                let mut out = Comparisons::default();
                let place = |s: &Statement, topic: Option<&str>| Placement {
                    actor: actor.clone(),
                    article: s.article_id.clone(),
                    span: s.content_span,
                    topic: topic.map(str::to_string),
                };
                out.placements.extend(statements.iter().map(|s| place(s, None)));
                for topic in analysis.topics {
                    out.placements
                        .extend(topic.points.iter().map(|p| place(&p.statement, Some(&topic.topic.key))));
                    out.flagged.extend(topic.shifts.into_iter().filter(|s| s.kind.is_change()));
                    out.unflagged.extend(topic.unflagged);
                }
                out
            })
            .collect();
        Ok(per_actor.into_iter().fold(Comparisons::default(), |mut all, one| {
            all.flagged.extend(one.flagged);
            all.unflagged.extend(one.unflagged);
            all.placements.extend(one.placements);
            all
        }))
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn analyze(&self, actor: &ActorId, statements: &[Statement], topic: Option<&str>) -> ActorAnalysis {
        self.selection.analyze_with(actor, statements, topic, Some(&self.stats))
    }

    /// Report metadata: no clock, so the same index gives the same report.
    pub fn meta(&self, settings: &Settings, topic: Option<String>) -> ReportMeta {
        let names = self.selection.book().actors().map(|a| (a.id.clone(), a.name.clone())).collect();
        ReportMeta::new(settings.index.display().to_string(), self.selection.as_of())
            .with_topic_query(topic)
            .with_tool_version(env!("CARGO_PKG_VERSION"))
            .with_actor_names(names)
    }

    /// Outlet, headline, link and day of each of these articles, for reports
    /// to cite; an id the index does not hold is left out.
    pub fn article_sources(
        &self,
        ids: impl IntoIterator<Item = ArticleId>,
    ) -> Result<std::collections::BTreeMap<ArticleId, ArticleSource>> {
        let mut sources = std::collections::BTreeMap::new();
        for id in ids {
            if let Some(article) = self.searcher.article(&id)? {
                let source = ArticleSource {
                    outlet: article.source,
                    title: article.title,
                    url: article.url,
                    published: Some(article.date.date_naive()),
                };
                sources.insert(id, source);
            }
        }
        Ok(sources)
    }

    /// Why an actor may have no statements, for the terminal.
    pub fn no_statements_hint(&self, actor: &ActorId) -> Result<String> {
        no_statements_hint(&self.searcher, actor)
    }
}

/// Why an actor may have no statements, for the terminal.
pub fn no_statements_hint(searcher: &Shards, actor: &ActorId) -> Result<String> {
    let known: Vec<String> = searcher.actors()?.into_iter().take(10).map(|(id, _)| id.to_string()).collect();
    Ok(if known.is_empty() {
        "the index holds no statements (was it built with --no-analyze?)".to_string()
    } else {
        format!("no statements count for {actor}; actors with the most statements: {}", known.join(", "))
    })
}

/// What [`Corpus::all_comparisons`] decided over a whole corpus.
#[derive(Debug, Default)]
pub struct Comparisons {
    pub flagged: Vec<Shift>,
    pub unflagged: Vec<UnflaggedPair>,
    pub placements: Vec<Placement>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::IndexOrigin;
    use crate::terminal::Color;

    fn settings(index: &Path, actors: Actors) -> Settings {
        Settings {
            index: index.to_path_buf(),
            index_origin: IndexOrigin::Flag,
            actors,
            quiet: false,
            color: Color::Plain,
        }
    }

    #[test]
    fn the_given_file_wins_then_the_recorded_one() {
        let dir = tempfile::tempdir().unwrap();
        let (index, same, other) =
            (dir.path().join("idx"), dir.path().join("same.toml"), dir.path().join("other.toml"));
        std::fs::create_dir(&index).unwrap();
        let text = b"[[actor]]\nname = \"Ada Quill\"\n";
        std::fs::write(&same, text).unwrap();
        std::fs::write(&other, b"").unwrap();
        // Nothing recorded: the built-in actors unless told, and nothing to warn of.
        let choice = index_actor_file(&settings(&index, Actors::Unset)).unwrap();
        assert_eq!((choice.origin, choice.bytes(), choice.index_note()), (ActorOrigin::Builtin, None, None));
        let choice = index_actor_file(&settings(&index, Actors::File(other.clone()))).unwrap();
        assert!(choice.query_warnings().is_empty() && choice.index_note().is_none());

        record_actors(&index, text, &same).unwrap();
        let choice = index_actor_file(&settings(&index, Actors::Unset)).unwrap();
        assert_eq!((choice.origin, choice.bytes()), (ActorOrigin::Recorded, Some(&text[..])));
        assert!(choice.book().unwrap().actors().any(|a| a.name == "Ada Quill"));
        assert!(choice.query_warnings().is_empty());
        assert!(choice
            .index_note()
            .unwrap()
            .starts_with("actors: using the actor file recorded in the index"));
        let choice = index_actor_file(&settings(&index, Actors::File(same))).unwrap();
        assert_eq!(choice.origin, ActorOrigin::Given);
        assert!(choice.query_warnings().is_empty() && choice.index_note().is_none());
        let choice = index_actor_file(&settings(&index, Actors::File(other))).unwrap();
        assert_eq!((choice.origin, choice.bytes()), (ActorOrigin::Given, Some(&b""[..])));
        assert_eq!(choice.query_warnings().len(), 1);
        assert!(choice.index_note().unwrap().contains("is not the actor file the index was built with"));
        let choice = index_actor_file(&settings(&index, Actors::BuiltinOnly)).unwrap();
        assert_eq!((choice.origin, choice.bytes()), (ActorOrigin::Builtin, None));
        assert!(choice.query_warnings()[0].contains("that --no-actors leaves out"));
        choice.record_in(&index).unwrap();
        assert!(recorded_actors(&index).unwrap().actors.is_none());
    }
}
