use anyhow::Result;
use clap::Args;

use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct AnalyzeArgs {}

pub fn run(_args: AnalyzeArgs, _settings: Settings) -> Result<Status> {
    anyhow::bail!("`analyze` is not built yet")
}
