//! Closed-class words: pronouns, determiners, prepositions, auxiliaries and
//! other function words. Open-class lists (nouns, verbs, adjectives, names of
//! things) live in `data/lexicons/`; these few hundred words are grammar, so
//! they stay in code, in one place.
