//! Where statements come from, as the query-time side sees them: the index
//! (`stanceshift_index::Searcher`) or statements held in memory (a slice).
//! The analyzer's actor selection is written against [`StatementSource`], so
//! the CLI, the bench and eval choose statements for an actor by one rule
//! whatever holds them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{ActorId, ArticleId, Statement};

/// In which role a [`StatementQuery`] actor must appear.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// As the literal speaker or as the principal spoken for.
    #[default]
    Any,
    Speaker,
    Principal,
}

/// Statements by actor, article and statement date. No actors means every statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementQuery {
    pub actors: Vec<ActorId>,
    pub role: Role,
    /// Only the statements found in these articles (none: any article).
    #[serde(default)]
    pub articles: Vec<ArticleId>,
    /// First statement day, inclusive.
    pub from: Option<NaiveDate>,
    /// Last statement day, inclusive.
    pub to: Option<NaiveDate>,
}

impl StatementQuery {
    /// Every statement by or for `actor`.
    pub fn actor(actor: ActorId) -> StatementQuery {
        StatementQuery { actors: vec![actor], ..StatementQuery::default() }
    }

    /// Whether `statement` is one this query asks for.
    pub fn matches(&self, statement: &Statement) -> bool {
        let in_role = |actor: &ActorId| match self.role {
            Role::Any => {
                statement.speaker.actor.as_ref() == Some(actor) || statement.principal.as_ref() == Some(actor)
            }
            Role::Speaker => statement.speaker.actor.as_ref() == Some(actor),
            Role::Principal => statement.principal.as_ref() == Some(actor),
        };
        (self.actors.is_empty() || self.actors.iter().any(in_role))
            && (self.articles.is_empty() || self.articles.contains(&statement.article_id))
            && self.from.is_none_or(|from| statement.date.date >= from)
            && self.to.is_none_or(|to| statement.date.date <= to)
    }
}

/// Something that holds statements and answers [`StatementQuery`]s.
pub trait StatementSource {
    type Error: std::error::Error + Send + Sync + 'static;

    /// The statements the query asks for, in date order (then article, then
    /// position in the article).
    fn statements(&self, query: &StatementQuery) -> Result<Vec<Statement>, Self::Error>;

    /// Actors with statements (as speaker or principal) and how many, most first.
    fn actor_counts(&self) -> Result<Vec<(ActorId, u64)>, Self::Error>;
}

/// Statements in memory (tests, eval, the bench): the same answers an index
/// holding them would give, except that ties on the statement day are broken
/// by article id rather than by the article's publication time.
impl StatementSource for [Statement] {
    type Error = std::convert::Infallible;

    fn statements(&self, query: &StatementQuery) -> Result<Vec<Statement>, Self::Error> {
        let mut found: Vec<Statement> = self.iter().filter(|s| query.matches(s)).cloned().collect();
        found.sort_by(|a, b| {
            (a.date.date, &a.article_id, a.index).cmp(&(b.date.date, &b.article_id, b.index))
        });
        Ok(found)
    }

    fn actor_counts(&self) -> Result<Vec<(ActorId, u64)>, Self::Error> {
        let mut counts: BTreeMap<&ActorId, u64> = BTreeMap::new();
        for statement in self {
            let speaker = statement.speaker.actor.as_ref();
            speaker.into_iter().for_each(|a| *counts.entry(a).or_default() += 1);
            if let Some(principal) = statement.principal.as_ref().filter(|p| Some(*p) != speaker) {
                *counts.entry(principal).or_default() += 1;
            }
        }
        let mut counts: Vec<(ActorId, u64)> = counts.into_iter().map(|(a, n)| (a.clone(), n)).collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(counts)
    }
}

/// How common words are in a corpus: what tells "Budapest" (rare, specific)
/// from "meet" (everywhere) when deciding whether two statements are about the
/// same thing. The index implements it from its own term statistics.
pub trait TermStats: Send + Sync {
    /// Articles in the corpus.
    fn documents(&self) -> u64;
    /// Articles containing `word` (any case, as the index's tokenizer reads it).
    fn document_frequency(&self, word: &str) -> u64;

    /// Inverse document frequency, `ln((N + 1) / (df + 1)) + 1`: at least 1.
    fn idf(&self, word: &str) -> f32 {
        let n = self.documents() as f32;
        let df = self.document_frequency(word) as f32;
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }
}
