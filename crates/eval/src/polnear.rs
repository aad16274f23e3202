//! polnear evaluation (being built).

use crate::{EvalReport, Result};
use std::path::Path;

/// Where the gold data lives under the shared data directory.
pub const DEFAULT_SUBDIR: &str = "polnear/data/dev";

pub fn evaluate(path: &Path) -> Result<EvalReport> {
    Err(crate::Error::NoGold(path.to_path_buf()))
}
