//! stanceshift-eval: read standard gold formats and score the analyzer.
//! Paths always come from the caller; nothing here knows where data lives.
//!
//! - `metrics`: precision/recall/F1, Pearson r, MAE
//! - `tempeval`: TimeML TIMEX3 extent and value F1 (TempEval-3)
//! - `polnear`: attribution source/cue/content F1 on PolNeAR brat files
//! - `factuality`: UW/MEANTIME unified factuality (Pearson r, MAE)
//! - `meantime`: MEANTIME event certainty/polarity/time macro-F1

pub mod factuality;
pub mod meantime;
pub mod metrics;
pub mod polnear;
pub mod tempeval;

mod error;
pub use error::{Error, Result};
