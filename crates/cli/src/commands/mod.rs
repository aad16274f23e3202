//! One file per subcommand; each exposes `XArgs` and `run(args, settings)`.

pub mod actors;
pub mod analyze;
pub mod completions;
pub mod demo;
pub mod eval;
pub mod extract;
pub mod index;
pub mod man;
pub mod report;
pub mod search;
pub mod shards;
pub mod statements;

use anyhow::Result;

use crate::args::{Cli, Command};
use crate::config::Settings;
use crate::exit::Status;

pub fn run(cli: Cli) -> Result<Status> {
    let settings = Settings::resolve(&cli.global)?;
    if let (Some(from), Some(to)) = cli.command.day_bounds() {
        if from > to {
            anyhow::bail!("--from {from} is after --to {to}: nothing can fall between them");
        }
    }
    match cli.command {
        Command::Index(args) => index::run(args, settings),
        Command::Search(args) => search::run(args, settings),
        Command::Statements(args) => statements::run(args, settings),
        Command::Analyze(args) => analyze::run(args, settings),
        Command::Actors(args) => actors::run(args, settings),
        Command::Report(args) => report::run(args, settings),
        Command::Shards(args) => shards::run(args, settings),
        Command::Eval(args) => eval::run(args, settings),
        Command::Extract(args) => extract::run(args, settings),
        Command::Demo(args) => demo::run(args, settings),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    }
}
