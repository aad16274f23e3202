//! stanceshift-corpus
