//! The word lists attribution reads: closed-class words from
//! [`crate::lexicon::closed`], open-class ones from `data/lexicons/attribution.txt`.

pub(super) use crate::lexicon::closed::{DETERMINERS, NP_STOP_SET, OBJECT_PRONOUNS, PREPOSITIONS, PRONOUNS};
pub(super) use crate::lexicon::ATTRIBUTION as WORDS;
