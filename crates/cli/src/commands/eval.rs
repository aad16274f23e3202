use anyhow::Result;
use clap::Args;

use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct EvalArgs {}

pub fn run(_args: EvalArgs, _settings: Settings) -> Result<Status> {
    anyhow::bail!("`eval` is not built yet")
}
