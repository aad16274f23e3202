//! stanceshift-eval: read standard gold formats and score the analyzer.
//! Paths always come from the caller; nothing here knows where data lives.
//!
//! - `metrics`: precision/recall/F1, Pearson r, MAE
//! - `tempeval`: TimeML TIMEX3 extent and value F1 (TempEval-3)
//! - `polnear`: attribution source/cue/content F1 on PolNeAR brat files
//! - `factuality`: UW/MEANTIME unified factuality (Pearson r, MAE)
//! - `meantime`: MEANTIME event certainty/polarity/time macro-F1
//! - `shifts`: flagged stance shifts against our hand-judged pairs (needs an index of the corpus)
//! - `actors`: canonical actor ids of speaker mentions, on our own gold over
//!   PolNeAR and Reuters (`data/gold/actors-dev.tsv`)
//! - `dates`: statement dates, on our own gold over PolNeAR (`data/gold/dates-dev.tsv`)
//! - `corpora`: the real corpora those golds point into, read as the export script reads them

pub mod actors;
pub mod corpora;
pub mod dates;
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

/// Where a task's gold lives by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldHome {
    /// Third-party gold under the shared data directory.
    SharedData(&'static str),
    /// Our own gold file in the project (relative to the project root); the
    /// articles it points into are read from the shared data directory.
    Project(&'static str),
}

impl GoldHome {
    /// The default gold path: under `data`, or in the project this binary was
    /// built from (the current directory first, so a checkout's own gold wins).
    pub fn path(self, data: &Path) -> PathBuf {
        match self {
            GoldHome::SharedData(subdir) => data.join(subdir),
            GoldHome::Project(file) => {
                let here = PathBuf::from(file);
                if here.exists() {
                    return here;
                }
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(file)
            }
        }
    }
}

/// FNV-1a, 32 bits: the checksum our gold files keep of a span of corpus
/// text instead of the text itself (actors, dates and shifts golds alike).
pub fn check_hash(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// One data row of a hand-made gold TSV (actors, dates), with errors that
/// name its file and line.
pub(crate) struct GoldRow<'a> {
    pub fields: Vec<&'a str>,
    line: usize,
    path: &'a Path,
}

impl GoldRow<'_> {
    pub fn error(&self, message: &str) -> Error {
        Error::Format { path: self.path.to_path_buf(), message: format!("line {}: {message}", self.line) }
    }

    /// The byte span in fields `start` and `end`.
    pub fn span(&self, start: usize, end: usize) -> Result<stanceshift_core::Span> {
        let offset = |i: usize| self.fields[i].parse::<usize>().map_err(|_| self.error("bad offset"));
        Ok(stanceshift_core::Span::new(offset(start)?, offset(end)?))
    }

    /// The [`check_hash`] in field `i` (hex).
    pub fn check(&self, i: usize) -> Result<u32> {
        u32::from_str_radix(self.fields[i], 16).map_err(|_| self.error("bad check hash"))
    }
}

/// The data rows of a gold TSV: blank lines and `#` lines are comments.
pub(crate) fn gold_rows<'a>(text: &'a str, path: &'a Path) -> impl Iterator<Item = GoldRow<'a>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(n, line)| GoldRow { fields: line.split('\t').collect(), line: n + 1, path })
}

/// Runs one evaluation on a gold path, with the shared data directory.
pub type Runner = fn(&Path, &Path) -> Result<EvalReport>;

/// One evaluation task.
pub struct Task {
    pub name: &'static str,
    pub gold: GoldHome,
    pub run: Runner,
}

/// Every evaluation task, where its gold lives, and its runner.
pub const TASKS: &[Task] = &[
    Task {
        name: "tempeval",
        gold: GoldHome::SharedData(tempeval::DEFAULT_SUBDIR),
        run: |gold, _| tempeval::evaluate(gold),
    },
    Task {
        name: "polnear",
        gold: GoldHome::SharedData(polnear::DEFAULT_SUBDIR),
        run: |gold, _| polnear::evaluate(gold),
    },
    Task {
        name: "factuality",
        gold: GoldHome::SharedData(factuality::DEFAULT_SUBDIR),
        run: |gold, _| factuality::evaluate(gold),
    },
    Task {
        name: "meantime",
        gold: GoldHome::SharedData(meantime::DEFAULT_SUBDIR),
        run: |gold, _| meantime::evaluate(gold),
    },
    Task { name: "actors", gold: GoldHome::Project(actors::DEFAULT_GOLD), run: actors::evaluate },
    Task { name: "dates", gold: GoldHome::Project(dates::DEFAULT_GOLD), run: dates::evaluate },
];
