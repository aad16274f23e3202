use anyhow::Result;
use clap::Args;

use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct StatementsArgs {}

pub fn run(_args: StatementsArgs, _settings: Settings) -> Result<Status> {
    anyhow::bail!("`statements` is not built yet")
}
