use anyhow::Result;
use clap::Args;

use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct DemoArgs {}

pub fn run(_args: DemoArgs, _settings: Settings) -> Result<Status> {
    anyhow::bail!("`demo` is not built yet")
}
