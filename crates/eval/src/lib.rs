//! stanceshift-eval
