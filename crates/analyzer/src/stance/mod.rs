//! Stance features of one statement on one topic: polarity (with negation
//! scope), commitment on the FactBank-like scale, certainty after hedges and
//! boosters, futurity, the timeframe resolved against the statement date, and
//! tone. Every decision is kept as a [`Cue`] with byte offsets into the article
//! body (the statement's `content_span.start` plus the offset inside the content).
//!
//! The query-time half of the analyzer: `assess` (what the lexicon says about
//! a stretch of words), `features` (one statement on one topic), `tone`,
//! `topic` (frames, grouping, queries), `timeline` (an actor's points and
//! shifts), `shift` (comparing two points) and `ledger` (commitments kept or
//! dropped). Nothing here imports `attribution`.
//!
//! ```
//! use stanceshift_analyzer::stance::assess;
//! use stanceshift_core::{Commitment, Polarity};
//!
//! let said = assess("There are no plans for a meeting in the immediate future.", None);
//! assert_eq!(said.commitment, Commitment::ProbableNot);
//! assert_eq!(said.polarity, Polarity::Negative);
//! assert_eq!(assess("We might meet.", None).commitment, Commitment::Possible);
//! assert_eq!(assess("I will not attend.", None).commitment, Commitment::CertainNot);
//! ```

pub mod ledger;
pub mod shift;
pub mod timeline;
pub mod topic;

mod assess;
mod features;
mod gate;
pub mod identity;
mod tone;

use assess::*;
pub use assess::{assess, assess_with, AssessOptions, Assessment};
pub use features::features;
use features::*;
pub use tone::tone;
use tone::*;

pub use crate::clauses::clauses;
use crate::clauses::statement_words;
use crate::lexicon::{is_negation_word, lexicon, topic_term, words, Word};
use stanceshift_core::{
    Commitment, Cue, CueKind, DateWindow, Polarity, Span, SpeechKind, StanceFeatures, Statement, Topic,
};
use std::ops::Range;

/// An adjective that makes an event a particular kind of event ("a wasted
/// meeting", "a premature summit"): "not want" then bears on the kind.
pub(crate) fn is_evaluative_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "wasted" | "useless" | "pointless" | "premature" | "rushed" | "empty" | "bad" | "hasty" | "symbolic"
    ) || (lower.len() > 5 && ["less", "ful", "ive", "ous", "ed"].iter().any(|s| lower.ends_with(s)))
}

#[cfg(test)]
mod tests;
