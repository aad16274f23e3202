//! stanceshift-report
