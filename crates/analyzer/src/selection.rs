//! Which statements count for an actor, at query time: the one rule behind
//! `statements --actor`, `analyze`, `report`, the bench and eval.
//!
//! An actor's statements are its own words, words said for it as principal,
//! and words of spokespeople, officials and institutions whose principal it
//! heads. Statements in a source keep the ids their article gave; a
//! [`Selection`] applies what the whole corpus taught when it reads them: a
//! surname-only actor of articles that never gave the full name (`reagan`) is
//! the one full-name actor ending in it (`ronald-reagan`), and a spokesperson
//! the corpus once showed speaking for a person speaks for that person where
//! an article names only the role.
//!
//! ```
//! use chrono::NaiveDate;
//! use stanceshift_analyzer::{analyze_article, ActorBook, Selection};
//! use stanceshift_core::Article;
//!
//! let date = "2025-10-16T00:00:00Z".parse().unwrap();
//! let article = Article::new(date, "Donald Trump said he would meet Vladimir Putin within two weeks or so.".into());
//! let statements = analyze_article(&article, &ActorBook::builtin()).statements;
//! let selection = Selection::new(ActorBook::builtin(), &statements[..], NaiveDate::from_ymd_opt(2025, 10, 21).unwrap()).unwrap();
//! let trump = selection.resolve(&statements[..], "Donald Trump").unwrap();
//! assert_eq!(trump.as_str(), "donald-trump");
//! assert_eq!(selection.statements_for(&statements[..], &trump, None, None).unwrap().len(), 1);
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use stanceshift_core::{
    ActorAnalysis, ActorId, ActorKind, ArticleId, ProxyKind, Role, Statement, StatementQuery,
    StatementSource, TermStats,
};

use crate::actors::{
    administration_of, company_aliases, is_text_institution, president_of, surname_aliases, ActorBook,
};
use crate::timeline::{analyze_actor_in, Context};
use crate::topic::Aliases;

/// Why a name could not be taken for an actor.
#[derive(Debug, thiserror::Error)]
pub enum SelectionError<E: std::error::Error + 'static> {
    #[error("actor name {0:?} has no letters or digits")]
    NoLetters(String),
    #[error("actor name {name:?} is ambiguous; candidates: {}", candidates.join(", "))]
    Ambiguous { name: String, candidates: Vec<String> },
    #[error("reading statements: {0}")]
    Source(#[source] E),
}

/// The actor book plus what the corpus taught about its actors, as of a day.
#[derive(Debug, Clone)]
pub struct Selection {
    book: ActorBook,
    /// Every name and alias in the book, so topics read "Putin" and "Vladimir Putin" as one argument.
    aliases: Aliases,
    /// Surname-only actors of the corpus and the full-name actor they are
    /// (`reagan` -> `ronald-reagan`), and companies' short names and the one
    /// longer name they stand for (`qintex` -> `qintex-america`), learned from
    /// the source's actor counts.
    surnames: BTreeMap<ActorId, ActorId>,
    /// The day open commitments are judged on: the corpus's last day, or an earlier `--to`.
    as_of: NaiveDate,
}

impl Selection {
    /// A selection over `source`'s actors, judged as of `as_of`.
    pub fn new<S: StatementSource + ?Sized>(
        book: ActorBook,
        source: &S,
        as_of: NaiveDate,
    ) -> Result<Selection, S::Error> {
        let aliases = Aliases::from_book(&book);
        let counts = source.actor_counts()?;
        let mut surnames = surname_aliases(&counts);
        for (short, long) in company_aliases(&counts) {
            surnames.entry(short).or_insert(long);
        }
        Ok(Selection { book, aliases, surnames, as_of })
    }

    pub fn book(&self) -> &ActorBook {
        &self.book
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The actor a name denotes: an id from the actor book, else an alias,
    /// else an actor of the source written that way, else the name's slug;
    /// named canonically (a surname-only actor is its full-name actor).
    pub fn resolve<S: StatementSource + ?Sized>(
        &self,
        source: &S,
        name: &str,
    ) -> Result<ActorId, SelectionError<S::Error>> {
        let id = match self.book.get(&ActorId::new(name.trim())) {
            Some(actor) => actor.id.clone(),
            None => resolve_name(source, &self.book, name)?,
        };
        Ok(self.canonical(&id))
    }

    /// The full-name actor a surname-only actor of the corpus is, else itself;
    /// the same for the administration learned under a surname
    /// (`reagan-administration` -> `ronald-reagan-administration`).
    pub fn canonical(&self, id: &ActorId) -> ActorId {
        if let Some(full) = self.surnames.get(id) {
            return full.clone();
        }
        match president_of(id).as_ref().and_then(|p| self.surnames.get(p)) {
            Some(full) => administration_of(full),
            None => id.clone(),
        }
    }

    /// A statement with its actors named canonically (see [`Selection::canonical`]).
    pub fn canonicalized(&self, mut statement: Statement) -> Statement {
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
    pub fn statements_for<S: StatementSource + ?Sized>(
        &self,
        source: &S,
        actor: &ActorId,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Statement>, S::Error> {
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
        let mut statements: Vec<Statement> = source
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
            let more: Vec<Statement> = source
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

    /// Every statement in the date range, in date order, named canonically.
    pub fn all_statements<S: StatementSource + ?Sized>(
        &self,
        source: &S,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Statement>, S::Error> {
        let statements = source.statements(&StatementQuery { from, to, ..StatementQuery::default() })?;
        Ok(statements.into_iter().map(|s| self.canonicalized(s)).collect())
    }

    /// Every statement grouped under each actor `--all` analyzes: every
    /// person who speaks or is spoken for, and every institution with no
    /// person at its head. An institution's words go to the person heading it
    /// ("the White House" -> the president), so they are not analyzed twice.
    /// One pass over the statements: each goes to the few actors it can count
    /// for (speaker, principal, the principal's chain), as [`Selection::counts_for`] decides.
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

    /// One actor's analysis over the statements that count for it.
    pub fn analyze(&self, actor: &ActorId, statements: &[Statement], topic: Option<&str>) -> ActorAnalysis {
        self.analyze_with(actor, statements, topic, None)
    }

    /// [`Selection::analyze`] weighing shared arguments by corpus term statistics.
    pub fn analyze_with(
        &self,
        actor: &ActorId,
        statements: &[Statement],
        topic: Option<&str>,
        stats: Option<&dyn TermStats>,
    ) -> ActorAnalysis {
        let context = Context { aliases: &self.aliases, stats };
        analyze_actor_in(actor, &self.name(actor), statements, topic, self.as_of, &context)
    }

    /// Every actor `--all` analyzes, with its statements, in actor order.
    pub fn analyze_all(&self, statements: Vec<Statement>, topic: Option<&str>) -> Vec<ActorAnalysis> {
        self.group_by_actor(statements)
            .iter()
            .map(|(actor, statements)| self.analyze(actor, statements, topic))
            .filter(|analysis| !analysis.topics.is_empty())
            .collect()
    }
}

/// The actor a name denotes without the book's ids: an alias, else an actor
/// of the source whose id is the name written lowercase or its slug, else the
/// slug. What `search --actor` filters on.
pub fn resolve_name<S: StatementSource + ?Sized>(
    source: &S,
    book: &ActorBook,
    name: &str,
) -> Result<ActorId, SelectionError<S::Error>> {
    if let Some(actor) = book.resolve(name) {
        return Ok(actor.id.clone());
    }
    let slug = ActorId::from_name(name);
    if slug.as_str().is_empty() {
        return Err(SelectionError::NoLetters(name.to_string()));
    }
    let known = source.actor_counts().map_err(SelectionError::Source)?;
    let wanted = name.trim().to_lowercase();
    if let Some((id, _)) = known.iter().find(|(id, _)| id.as_str().to_lowercase() == wanted || *id == slug) {
        return Ok(id.clone());
    }
    // A surname or short name ("volcker", "paul-volcker"): the one longer
    // person id ending in it; several are an error that lists them.
    let suffix = format!("-{slug}");
    let mut candidates: Vec<&ActorId> = known
        .iter()
        .map(|(id, _)| id)
        .filter(|id| id.as_str().ends_with(&suffix) && !is_text_institution(id))
        .collect();
    candidates.sort();
    match candidates.as_slice() {
        [] => Ok(slug),
        [only] => Ok((*only).clone()),
        several => Err(SelectionError::Ambiguous {
            name: name.trim().to_string(),
            candidates: several.iter().map(|id| id.to_string()).collect(),
        }),
    }
}

/// Spokespeople the statements show speaking for a person (speaker -> that
/// person): a statement by a spokesperson whose principal is someone else, a
/// person. When several, the one most statements name.
fn learned_spokespeople(statements: &[Statement]) -> BTreeMap<ActorId, ActorId> {
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
    use stanceshift_core::Article;

    #[test]
    fn a_surname_finds_the_one_longer_id_and_lists_several() {
        let date = "1987-03-03T00:00:00Z".parse().unwrap();
        let text = "Paul Volcker said rates would hold. Hal Brant said taxes would fall. Ida Brant said taxes would rise.";
        let book = ActorBook::builtin();
        let statements = crate::analyze_article(&Article::new(date, text.into()), &book).statements;
        let source = &statements[..];
        let check = |name: &str, expect: &str| {
            let got = match resolve_name(source, &book, name) {
                Ok(id) => id.to_string(),
                Err(e) => e.to_string(),
            };
            assert_eq!(got, expect, "{name}");
        };
        check("Volcker", "paul-volcker");
        check("paul-volcker", "paul-volcker");
        check("Brant", "actor name \"Brant\" is ambiguous; candidates: hal-brant, ida-brant");
        check("Nobody", "nobody");
    }
}
