//! stanceshift-index
