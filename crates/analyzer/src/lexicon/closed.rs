//! Closed-class words: pronouns, determiners, prepositions, auxiliaries and
//! other function words. Open-class lists (nouns, verbs, adjectives, names of
//! things) live in `data/lexicons/`; these few hundred words are grammar, so
//! they stay in code, in one place.

use crate::FastSet;
use std::sync::LazyLock;

/// Words that cannot be inside a speaker phrase.
pub(crate) const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "if", "when", "while",
    "as", "after", "before", "since", "although", "though", "to", "of", "for", "with", "by", "from", "in",
    "on", "at", "into", "about", "than", "so", "where", "what", "how", "why", "not", "is", "was", "were",
    "are", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "must", "do", "does", "did", "said", "says", "say", "told", "also", "there", "here", "it", "he",
    "she", "they", "we", "i", "you", "him", "them", "me", "us", "whether", "then", "now", "yet", "both",
    "either", "neither", "over", "under", "during", "without", "against", "like", "unlike", "per", "via",
    "until", "unless", "once", "just", "only", "even", "still", "already", "this", "these", "those", "all",
];

/// Determiners and quantifiers that may open a noun phrase.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "several", "some", "many", "two",
    "three", "four", "five", "other", "another", "one", "most", "few", "both",
];

/// Subject pronouns (and "who") that can be a speaker.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "you"];

/// Object and reflexive pronouns.
pub(crate) const OBJECT_PRONOUNS: &[&str] =
    &["him", "her", "them", "it", "me", "us", "you", "himself", "herself", "themselves", "itself", "myself"];

/// Prepositions and particles that cannot start the content of a position ("thinking about", "opposed to").
pub(crate) const PREPOSITIONS: &[&str] = &[
    "about", "of", "on", "in", "at", "to", "for", "from", "into", "against", "over", "after", "before",
    "with", "without", "by", "up", "out", "off", "down", "back", "away", "around", "through", "so", "as",
];

/// [`NP_STOP`] as a hash set: it is asked about several times per token.
pub(crate) static NP_STOP_SET: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| NP_STOP.iter().copied().collect());

/// Plural pronouns that refer to a pair or group of people.
pub(crate) const PLURAL_PRONOUNS: &[&str] = &["they", "them", "their"];

/// Words that open a fronted time clause ("After X said …, Y").
pub(crate) const FRONTED_SUBORDINATORS: &[&str] = &["after", "before", "since", "when", "until", "once"];

/// Auxiliaries and copular verbs that show a new clause has begun after a comma.
pub(crate) const FINITE_VERBS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "did", "does", "do",
    "remains", "remained", "appears", "appeared", "seems", "seemed",
];
