//! stanceshift-eval: read standard gold formats and score the analyzer.
//! Paths always come from the caller; nothing here knows where data lives.
//!
//! - `metrics`: precision/recall/F1, Pearson r, MAE
//! - `tempeval`: TimeML TIMEX3 extent and value F1 (TempEval-3)
//! - `polnear`: attribution source/cue/content F1 on PolNeAR brat files
//! - `factuality`: UW/MEANTIME unified factuality (Pearson r, MAE)
//! - `meantime`: MEANTIME event certainty/polarity/time macro-F1
//! - `shifts`: flagged stance shifts against our hand-judged pairs (needs an index of the corpus)

pub mod factuality;
pub mod meantime;
pub mod metrics;
pub mod polnear;
pub mod shifts;
pub mod tempeval;

mod error;
mod xml;
pub use error::{Error, Result};

use std::path::{Path, PathBuf};

/// The outcome of one evaluation: a human table and the same figures as JSON.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EvalReport {
    pub task: String,
    pub gold: PathBuf,
    /// Plain-text table for the terminal.
    pub text: String,
    pub figures: serde_json::Value,
}

/// Environment variable naming the shared data directory (default `../shared/data`).
pub const DATA_ENV: &str = "STANCESHIFT_DATA";

/// The shared data directory: `$STANCESHIFT_DATA`, else `../shared/data`.
pub fn data_dir() -> PathBuf {
    std::env::var_os(DATA_ENV).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/data"))
}

/// Runs one evaluation on a gold directory.
pub type Runner = fn(&Path) -> Result<EvalReport>;

/// Every evaluation task, its default location under the data directory, and its runner.
pub const TASKS: &[(&str, &str, Runner)] = &[
    ("tempeval", tempeval::DEFAULT_SUBDIR, tempeval::evaluate),
    ("polnear", polnear::DEFAULT_SUBDIR, polnear::evaluate),
    ("factuality", factuality::DEFAULT_SUBDIR, factuality::evaluate),
    ("meantime", meantime::DEFAULT_SUBDIR, meantime::evaluate),
];
