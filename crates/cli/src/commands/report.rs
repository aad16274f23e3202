use anyhow::Result;
use clap::Args;

use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct ReportArgs {}

pub fn run(_args: ReportArgs, _settings: Settings) -> Result<Status> {
    anyhow::bail!("`report` is not built yet")
}
