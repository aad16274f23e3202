use anyhow::Result;
use clap::Args;

use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct IndexArgs {}

pub fn run(_args: IndexArgs, _settings: Settings) -> Result<Status> {
    anyhow::bail!("`index` is not built yet")
}
