//! The one contact point between settings and the libraries, as ripgrep's
//! `HiArgs` is: commands get an index, an actor book and an actor selection
//! from here, and never from each other.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use stanceshift_analyzer::{resolve_name, ActorBook, Selection, SelectionError};
use stanceshift_core::{ActorAnalysis, ActorId, ArticleId, Shift, Statement, StatementQuery, UnflaggedPair};
use stanceshift_eval::shifts::Placement;
use stanceshift_index::{CorpusTermStats, Shards};
use stanceshift_report::{ArticleSource, ReportMeta};

use crate::config::Settings;

/// The built-in actors, extended (and overridden) by the configured actor file.
pub fn actor_book(settings: &Settings) -> Result<ActorBook> {
    let mut book = ActorBook::builtin();
    if let Some(path) = &settings.actors {
        book.merge(
            ActorBook::from_file(path).with_context(|| format!("loading actors from {}", path.display()))?,
        );
    }
    Ok(book)
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
    /// The index and the same actor book it was built with (when the same
    /// `--actors` is given), judged as of its last day or `to` when earlier.
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
