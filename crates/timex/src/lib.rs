//! stanceshift-timex
