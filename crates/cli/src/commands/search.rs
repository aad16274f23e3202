use anyhow::Result;
use clap::Args;

use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct SearchArgs {}

pub fn run(_args: SearchArgs, _settings: Settings) -> Result<Status> {
    anyhow::bail!("`search` is not built yet")
}
