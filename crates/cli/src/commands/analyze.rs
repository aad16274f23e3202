//! `stanceshift analyze --actor NAME`: an actor's stance shifts, one row per
//! flagged shift, with the two statements that show it. Exit 0 when shifts
//! were found, 1 when none.
//!
//! Also home of [`Corpus`], the index plus actor book seen from the analysis
//! side, which `report` shares: which statements count for an actor, whom
//! `--all` analyzes, display names.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;
use stanceshift_analyzer::timeline::analyze_actor_with;
use stanceshift_analyzer::topic::Aliases;
use stanceshift_analyzer::{
    administration_of, is_text_institution, president_of, surname_aliases, ActorBook,
};
use stanceshift_core::{ActorAnalysis, ActorId, ActorKind, ArticleId, Evidence, ProxyKind, Shift, Statement};
use stanceshift_index::{Index, Role, Searcher, StatementQuery};
use stanceshift_report::ReportMeta;

use super::index::actor_book;
use super::search::resolve_actor;
use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
#[command(after_help = "Exit status: 0 when shifts were flagged, 1 when none were, 2 on error.\n\
    Pass the same --actors file the index was built with: it says whom spokespeople and offices speak for.")]
pub struct AnalyzeArgs {
    /// Actor id, name or alias ("donald-trump", "Donald Trump", "Trump")
    #[arg(long, value_name = "NAME")]
    pub actor: String,
    /// Only this topic, as words every statement must mention ("meet Putin")
    #[arg(long, value_name = "Q")]
    pub topic: Option<String>,
    /// First statement day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last statement day, inclusive (YYYY-MM-DD); open commitments are judged as of this day
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Print the analysis as a JSON report (schema stanceshift.report/v1) instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: AnalyzeArgs, settings: Settings) -> Result<Status> {
    let corpus = Corpus::open(&settings, args.to)?;
    let actor = corpus.resolve(&args.actor)?;
    let statements = corpus.statements_for(&actor, args.from, args.to)?;
    let analysis = corpus.analyze(&actor, &statements, args.topic.as_deref());
    let flagged: Vec<(&str, &Shift)> = analysis
        .topics
        .iter()
        .flat_map(|t| t.shifts.iter().map(move |s| (t.topic.label.as_str(), s)))
        .filter(|(_, s)| s.kind.is_change())
        .collect();
    if args.json {
        let meta = corpus.meta(&settings, args.topic.clone());
        out!("{}", stanceshift_report::json(std::slice::from_ref(&analysis), &meta));
        return Ok(Status::found(!flagged.is_empty()));
    }
    let statements_on_topics: BTreeSet<(&str, u32)> = analysis
        .topics
        .iter()
        .flat_map(|t| &t.points)
        .map(|p| (p.statement.article_id.as_str(), p.statement.index))
        .collect();
    let summary = format!(
        "{} ({}): {} statements, {} on {} topic(s); {} flagged shift(s); as of {}",
        analysis.name,
        actor,
        statements.len(),
        statements_on_topics.len(),
        analysis.topics.len(),
        flagged.len(),
        analysis.as_of
    );
    if flagged.is_empty() {
        if !settings.quiet {
            eprintln!("no flagged shifts: {summary}");
            if statements.is_empty() {
                eprintln!("{}", corpus.no_statements_hint(&actor)?);
            }
        }
        return Ok(Status::NothingFound);
    }
    if !settings.quiet {
        outln!("{summary}\n");
    }
    let proxies = ProxyLookup::new(&analysis);
    out!("{}", shift_table(&flagged, &proxies));
    if !settings.quiet {
        outln!(
            "\n[proxy] = said for {} by someone else (spokesperson, official, institution). \
             Full evidence: stanceshift report --actor {:?} -o report.html",
            analysis.name,
            args.actor
        );
    }
    Ok(Status::Success)
}

/// Which cited statements were a proxy's: anyone but the actor speaking.
struct ProxyLookup<'a> {
    actor: &'a ActorId,
    statements: BTreeMap<(&'a str, u32), &'a Statement>,
}

impl<'a> ProxyLookup<'a> {
    fn new(analysis: &'a ActorAnalysis) -> ProxyLookup<'a> {
        let statements = analysis
            .topics
            .iter()
            .flat_map(|t| &t.points)
            .map(|p| ((p.statement.article_id.as_str(), p.statement.index), &p.statement))
            .collect();
        ProxyLookup { actor: &analysis.actor, statements }
    }

    fn is_proxy(&self, evidence: &Evidence) -> bool {
        match self.statements.get(&(evidence.article_id.as_str(), evidence.statement_index)) {
            Some(statement) => statement.speaker.actor.as_ref() != Some(self.actor),
            None => evidence.proxy_for.is_some(),
        }
    }
}

const QUOTE_CHARS: usize = 44;
const SPEAKER_CHARS: usize = 28;

/// The flagged shifts as an aligned plain-text table.
fn shift_table(flagged: &[(&str, &Shift)], proxies: &ProxyLookup<'_>) -> String {
    let cell = |e: &Evidence| {
        let marker = if proxies.is_proxy(e) { "[proxy] " } else { "" };
        format!("{} {marker}{}: “{}”", e.date, clip(&e.speaker, SPEAKER_CHARS), clip(&e.quote, QUOTE_CHARS))
    };
    let mut rows =
        vec![["KIND".to_string(), "SCORE".into(), "TOPIC".into(), "BEFORE".into(), "AFTER".into()]];
    for (topic, shift) in flagged {
        rows.push([
            kind_name(shift).to_string(),
            format!("{:.2}", shift.score),
            topic.to_string(),
            cell(&shift.before),
            cell(&shift.after),
        ]);
    }
    let mut widths = [0usize; 5];
    for row in &rows {
        for (width, text) in widths.iter_mut().zip(row) {
            *width = (*width).max(text.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, (text, width)) in row.iter().zip(widths).enumerate() {
            if i + 1 == row.len() {
                line.push_str(text);
            } else {
                line.push_str(text);
                line.push_str(&" ".repeat(width - text.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn kind_name(shift: &Shift) -> &'static str {
    use stanceshift_core::ShiftKind::*;
    match shift.kind {
        Reaffirm => "reaffirm",
        Soften => "soften",
        Harden => "harden",
        Reverse => "reverse",
        Withdraw => "withdraw",
        TimelineSlip => "timeline_slip",
        ToneShift => "tone_shift",
    }
}

/// At most `max` chars of `text`, whitespace collapsed, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The index and the actor book, as the analysis commands need them.
pub(crate) struct Corpus {
    searcher: Searcher,
    book: ActorBook,
    /// Every name and alias in the book, so topics read "Putin" and "Vladimir Putin" as one argument.
    aliases: Aliases,
    /// Surname-only actors of the corpus and the full-name actor they are
    /// (`reagan` -> `ronald-reagan`), learned from the index's actor counts.
    surnames: BTreeMap<ActorId, ActorId>,
    /// The corpus's last date, or `--to` when earlier.
    pub as_of: NaiveDate,
}

impl Corpus {
    pub fn open(settings: &Settings, to: Option<NaiveDate>) -> Result<Corpus> {
        let index = Index::open(&settings.index)
            .with_context(|| format!("opening index {}", settings.index.display()))?;
        let searcher = index.searcher()?;
        // The same actor book the index was built with, when the same --actors is given.
        let book = actor_book(settings)?;
        let (_, last) = searcher
            .date_range()?
            .with_context(|| format!("the index {} holds no articles", settings.index.display()))?;
        let as_of = to.map_or(last, |to| to.min(last));
        let aliases = Aliases::from_book(&book);
        let surnames = surname_aliases(&searcher.actors()?);
        Ok(Corpus { searcher, book, aliases, surnames, as_of })
    }

    /// The actor a name denotes: an id from the actor book, else what
    /// `search --actor` would take it for (an alias, a stored id, the slug).
    pub fn resolve(&self, name: &str) -> Result<ActorId> {
        let id = match self.book.get(&ActorId::new(name.trim())) {
            Some(actor) => actor.id.clone(),
            None => resolve_actor(&self.searcher, &self.book, name)?,
        };
        Ok(self.canonical(&id))
    }

    /// The full-name actor a surname-only actor of the corpus is, else itself;
    /// the same for the administration learned under a surname
    /// (`reagan-administration` -> `ronald-reagan-administration`).
    fn canonical(&self, id: &ActorId) -> ActorId {
        if let Some(full) = self.surnames.get(id) {
            return full.clone();
        }
        match president_of(id).as_ref().and_then(|p| self.surnames.get(p)) {
            Some(full) => administration_of(full),
            None => id.clone(),
        }
    }

    /// A statement with its actors named canonically (see [`Corpus::canonical`]).
    fn canonicalized(&self, mut statement: Statement) -> Statement {
        if let Some(actor) = &statement.speaker.actor {
            statement.speaker.actor = Some(self.canonical(actor));
        }
        if let Some(principal) = &statement.principal {
            statement.principal = Some(self.canonical(principal));
        }
        statement
    }

    /// Display name: the actor book's, else the id in title case
    /// ("joren-pell" -> "Joren Pell"), which is how the analyzer slugs names.
    pub fn name(&self, actor: &ActorId) -> String {
        match self.book.get(actor) {
            Some(known) => known.name.clone(),
            None => actor
                .as_str()
                .split('-')
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let mut chars = w.chars();
                    chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// Whether a statement counts for `actor`: the actor's own words, words
    /// said for it as principal, and words of spokespeople, officials and
    /// institutions whose principal it heads (a White House official speaks
    /// for the administration, which the president heads). A named affiliate
    /// (a minister) speaks for the government, not for its head personally.
    pub fn counts_for(&self, statement: &Statement, actor: &ActorId) -> bool {
        if statement.speaker.actor.as_ref() == Some(actor) || statement.principal.as_ref() == Some(actor) {
            return true;
        }
        match (statement.proxy, &statement.principal) {
            (Some(ProxyKind::Affiliate) | None, _) | (_, None) => false,
            (Some(_), Some(principal)) => self.book.counts_toward(principal).contains(actor),
        }
    }

    /// Every statement that counts for `actor`, in date order.
    pub fn statements_for(
        &self,
        actor: &ActorId,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Statement>> {
        // Principals whose proxies may speak for the actor: itself and every
        // institution in the book whose chain leads to it.
        let mut actors: Vec<ActorId> = vec![actor.clone(), administration_of(actor)];
        // The surname-only ids the corpus knows this actor by ("reagan").
        for (short, _) in self.surnames.iter().filter(|(_, full)| *full == actor) {
            actors.push(short.clone());
            actors.push(administration_of(short));
        }
        actors.extend(
            self.book
                .actors()
                .map(|a| a.id.clone())
                .filter(|id| id != actor && self.book.counts_toward(id).contains(actor)),
        );
        let query = StatementQuery { actors, from, to, ..StatementQuery::default() };
        let mut statements: Vec<Statement> = self
            .searcher
            .statements(&query)?
            .into_iter()
            .map(|s| self.canonicalized(s))
            .filter(|s| self.counts_for(s, actor))
            .collect();
        // Spokespeople the corpus showed speaking for the actor ("Her spokesman,
        // Piet Halloran, said") speak for it where an article names only their
        // role ("government spokesman Piet Halloran").
        let learned = learned_spokespeople(&statements);
        let spokespeople: Vec<ActorId> =
            learned.iter().filter(|(_, principal)| *principal == actor).map(|(s, _)| s.clone()).collect();
        if !spokespeople.is_empty() {
            let query = StatementQuery {
                actors: spokespeople,
                role: Role::Speaker,
                from,
                to,
                ..StatementQuery::default()
            };
            let known: BTreeSet<(ArticleId, u32)> =
                statements.iter().map(|s| (s.article_id.clone(), s.index)).collect();
            let more: Vec<Statement> = self
                .searcher
                .statements(&query)?
                .into_iter()
                .map(|s| self.canonicalized(s))
                .filter(|s| !known.contains(&(s.article_id.clone(), s.index)))
                .filter(|s| self.speaks_as_learned(s, &learned, actor))
                .collect();
            statements.extend(more);
            statements.sort_by(|a, b| {
                (a.date.date, &a.article_id, a.index).cmp(&(b.date.date, &b.article_id, b.index))
            });
        }
        Ok(statements)
    }

    /// Whether `statement`, by a spokesperson `learned` says speaks for
    /// `actor`, counts for it: unless the article gave it another person's
    /// name to speak for, it does.
    fn speaks_as_learned(
        &self,
        statement: &Statement,
        learned: &BTreeMap<ActorId, ActorId>,
        actor: &ActorId,
    ) -> bool {
        let Some(speaker) = &statement.speaker.actor else { return false };
        if learned.get(speaker) != Some(actor) {
            return false;
        }
        match &statement.principal {
            None => true,
            Some(p) => p == speaker || p == actor || !self.is_person(p),
        }
    }

    /// Whether an id names a person: the book says so, or it is no institution the analyzer makes up.
    fn is_person(&self, id: &ActorId) -> bool {
        match self.book.get(id) {
            Some(a) => a.kind == ActorKind::Person,
            None => !is_text_institution(id),
        }
    }

    /// Every statement in the date range, in date order.
    pub fn all_statements(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Statement>> {
        let statements =
            self.searcher.statements(&StatementQuery { from, to, ..StatementQuery::default() })?;
        Ok(statements.into_iter().map(|s| self.canonicalized(s)).collect())
    }

    /// Every statement grouped under each actor `--all` analyzes: every
    /// person who speaks or is spoken for, and every institution with no
    /// person at its head. An institution's words go to the person heading it
    /// ("the White House" -> the president), so they are not analyzed twice.
    /// One pass over the statements: each goes to the few actors it can count
    /// for (speaker, principal, the principal's chain), as [`Corpus::counts_for`] decides.
    pub fn group_by_actor(&self, statements: Vec<Statement>) -> BTreeMap<ActorId, Vec<Statement>> {
        let learned = learned_spokespeople(&statements);
        let is_person = |id: &ActorId| self.is_person(id);
        let target = |id: &ActorId| {
            if is_person(id) {
                return id.clone();
            }
            self.book.counts_toward(id).into_iter().find(|a| is_person(a)).unwrap_or_else(|| id.clone())
        };
        // A spokesperson's words are the principal's: someone who only ever
        // spoke for another is not analyzed apart.
        let speaks_for_self: BTreeSet<&ActorId> = statements
            .iter()
            .filter(|s| s.proxy != Some(ProxyKind::Spokesperson) || s.principal == s.speaker.actor)
            .filter_map(|s| s.speaker.actor.as_ref())
            .collect();
        let targets: BTreeSet<ActorId> = statements
            .iter()
            .flat_map(|s| {
                s.speaker.actor.iter().filter(|a| speaks_for_self.contains(a)).chain(s.principal.iter())
            })
            .map(target)
            .collect();
        let mut groups: BTreeMap<ActorId, Vec<Statement>> = BTreeMap::new();
        for statement in statements {
            let mut candidates: BTreeSet<ActorId> =
                statement.speaker.actor.iter().chain(statement.principal.iter()).cloned().collect();
            if let Some(principal) = &statement.principal {
                candidates.extend(self.book.counts_toward(principal));
            }
            let learned_for = statement.speaker.actor.as_ref().and_then(|s| learned.get(s)).cloned();
            for actor in candidates {
                if targets.contains(&actor) && self.counts_for(&statement, &actor) {
                    groups.entry(actor).or_default().push(statement.clone());
                }
            }
            if let Some(actor) = learned_for {
                let group = groups.entry(actor.clone()).or_default();
                let known =
                    group.iter().any(|s| s.article_id == statement.article_id && s.index == statement.index);
                if !known && self.speaks_as_learned(&statement, &learned, &actor) {
                    group.push(statement.clone());
                }
            }
        }
        groups
    }

    pub fn analyze(&self, actor: &ActorId, statements: &[Statement], topic: Option<&str>) -> ActorAnalysis {
        analyze_actor_with(actor, &self.name(actor), statements, topic, self.as_of, &self.aliases)
    }

    /// Report metadata: no clock, so the same index gives the same report.
    pub fn meta(&self, settings: &Settings, topic: Option<String>) -> ReportMeta {
        let names = self.book.actors().map(|a| (a.id.clone(), a.name.clone())).collect();
        ReportMeta::new(settings.index.display().to_string(), self.as_of)
            .with_topic_query(topic)
            .with_tool_version(env!("CARGO_PKG_VERSION"))
            .with_actor_names(names)
    }

    /// Why an actor may have no statements, for the terminal.
    pub fn no_statements_hint(&self, actor: &ActorId) -> Result<String> {
        let known: Vec<String> =
            self.searcher.actors()?.into_iter().take(10).map(|(id, _)| id.to_string()).collect();
        Ok(if known.is_empty() {
            "the index holds no statements (was it built with --no-analyze?)".to_string()
        } else {
            format!("no statements count for {actor}; actors with the most statements: {}", known.join(", "))
        })
    }
}

/// Spokespeople the statements show speaking for a person (speaker -> that
/// person): a statement by a spokesperson whose principal is someone else, a
/// person. When several, the one most statements name.
pub(crate) fn learned_spokespeople(statements: &[Statement]) -> BTreeMap<ActorId, ActorId> {
    let mut counts: BTreeMap<(ActorId, ActorId), usize> = BTreeMap::new();
    for s in statements {
        if let (Some(ProxyKind::Spokesperson), Some(speaker), Some(principal)) =
            (s.proxy, &s.speaker.actor, &s.principal)
        {
            if speaker != principal && !is_text_institution(principal) {
                *counts.entry((speaker.clone(), principal.clone())).or_default() += 1;
            }
        }
    }
    let mut best: BTreeMap<ActorId, (usize, ActorId)> = BTreeMap::new();
    for ((speaker, principal), n) in counts {
        let entry = best.entry(speaker).or_insert((0, principal.clone()));
        if n > entry.0 {
            *entry = (n, principal);
        }
    }
    best.into_iter().map(|(speaker, (_, principal))| (speaker, principal)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_collapses_whitespace_and_marks_cuts() {
        assert_eq!(clip("no  plans\nat all", 40), "no plans at all");
        assert_eq!(clip("within two weeks or so", 10), "within tw…");
    }
}
