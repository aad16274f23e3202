//! stanceshift-analyzer
