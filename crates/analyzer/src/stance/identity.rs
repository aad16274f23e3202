//! Whether two statements are about the same proposition: the topic's
//! predicate with the same specific arguments. Arguments weigh by how rare
//! their words are in the corpus ([`TermStats`]), so sharing "Budapest" says
//! much and sharing "pct" or "billion" says little; names weigh more than
//! other words, as they pick out which company, tender or person.

use std::collections::{BTreeMap, BTreeSet};

use stanceshift_core::{Statement, TermStats, Topic};

use crate::stance::topic::{statement_frames, Aliases, Frame};

/// Total specificity below which a statement's arguments name nothing in
/// particular (a word in about a third of the articles has specificity 1).
const MIN_SPECIFIC: f32 = 0.5;

/// Identity of two statements when one names only commonplace arguments:
/// below the gate's minimum, so such a pair is never flagged.
const COMMONPLACE_IDENTITY: f32 = 0.2;

/// How much more a name weighs than another content word.
const NAME_WEIGHT: f32 = 1.5;

/// The arguments one statement gives the topic's predicate: canonical term ->
/// (surface word, is a name).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Arguments {
    terms: BTreeMap<String, (String, bool)>,
}

impl Arguments {
    /// The arguments of the frames of `statement` whose predicate is the
    /// topic's; of every frame when none is.
    pub fn of(
        statement: &Statement,
        topic: &Topic,
        exclude: &BTreeSet<String>,
        aliases: &Aliases,
    ) -> Arguments {
        let predicate = topic.key.split_whitespace().next().unwrap_or("");
        let frames = statement_frames(statement, exclude, aliases);
        let on_topic: Vec<_> = frames.iter().filter(|f| f.predicate == predicate).collect();
        let chosen = if on_topic.is_empty() { frames.iter().collect() } else { on_topic };
        chosen.into_iter().fold(Arguments::default(), |all, frame| all.with(&Arguments::of_frame(frame)))
    }

    /// The arguments of one frame.
    pub fn of_frame(frame: &Frame) -> Arguments {
        let mut terms = BTreeMap::new();
        for (term, surface) in &frame.names {
            terms.insert(term.clone(), (surface.to_lowercase(), true));
        }
        for (term, surface) in &frame.nouns {
            terms.entry(term.clone()).or_insert_with(|| (surface.to_lowercase(), false));
        }
        Arguments { terms }
    }

    /// These arguments with `other`'s added (own surface forms win).
    pub fn with(&self, other: &Arguments) -> Arguments {
        let mut terms = self.terms.clone();
        for (term, value) in &other.terms {
            terms.entry(term.clone()).or_insert_with(|| value.clone());
        }
        Arguments { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    fn weight(&self, term: &str, stats: Option<&dyn TermStats>) -> f32 {
        let Some((surface, is_name)) = self.terms.get(term) else { return 0.0 };
        // A multi-word alias ("Russian leader") is as rare as its rarest word.
        // Specificity is the idf above its floor of 1: a word in nearly every
        // article ("Congress" in State of the Union addresses, "pct" on the
        // wire) picks out nothing and weighs nearly nothing.
        let rarity = match stats {
            Some(stats) => surface.split_whitespace().map(|w| stats.idf(w) - 1.0).fold(0.0, f32::max),
            None => 1.0,
        };
        if *is_name {
            rarity * NAME_WEIGHT
        } else {
            rarity
        }
    }

    fn total(&self, stats: Option<&dyn TermStats>) -> f32 {
        self.terms.keys().map(|t| self.weight(t, stats)).sum()
    }
}

/// How far two statements share their specific arguments, 0..1: the weight of
/// the shared arguments over the weight of the sparer side's. 1 when neither
/// side names any argument and there are no corpus statistics (nothing tells
/// them apart), 0 when one side has arguments and they share none.
pub fn identity(a: &Arguments, b: &Arguments, stats: Option<&dyn TermStats>) -> f32 {
    if a.is_empty() && b.is_empty() {
        // Nothing tells them apart. In a handful of articles that is the
        // likeliest reading; across a corpus, two argument-less remarks ("We
        // can't let this happen", "I'm not going to let that happen") are as
        // likely about two things as about one.
        return if stats.is_some() { COMMONPLACE_IDENTITY } else { 1.0 };
    }
    if a.is_empty() || b.is_empty() {
        // One side names nothing ("We will do it"): the grouping joined them on
        // the predicate alone; weakly the same.
        return 0.5;
    }
    let shared = shared_specificity(a, b, stats);
    let sparer = a.total(stats).min(b.total(stats));
    // A side whose arguments are all commonplace ("good", "levels",
    // "Congress" in addresses to Congress) names nothing specific: nothing
    // shows the two are one proposition.
    if sparer < MIN_SPECIFIC {
        return COMMONPLACE_IDENTITY;
    }
    // `+ 0.0` keeps a zero from printing as "-0.00".
    (shared / sparer).clamp(0.0, 1.0) + 0.0
}

/// The summed specificity of the arguments `a` and `b` share, each at the
/// larger of its two weights: what the shared words alone pick out.
pub fn shared_specificity(a: &Arguments, b: &Arguments, stats: Option<&dyn TermStats>) -> f32 {
    a.terms
        .keys()
        .filter(|t| b.terms.contains_key(*t))
        .map(|t| a.weight(t, stats).max(b.weight(t, stats)))
        .sum()
}

/// The shared arguments, for explanations ("budapest, summit").
pub fn shared_terms(a: &Arguments, b: &Arguments) -> Vec<String> {
    a.terms
        .iter()
        .filter(|(t, _)| b.terms.contains_key(*t))
        .map(|(_, (surface, _))| surface.clone())
        .collect()
}
