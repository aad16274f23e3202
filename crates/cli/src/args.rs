use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::commands;

/// Track how public actors' stances shift over time in a corpus of dated news articles.
#[derive(Debug, Parser)]
#[command(name = "stanceshift", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand shares. Each overrides the config file.
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Index directory [default: from the config file, else ./stanceshift-index]
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Config file [default: ./stanceshift.toml if present]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Actor file with canonical actors, aliases and affiliations [default: from the config file,
    /// else the one the index was built with]
    #[arg(long, global = true, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Built-in actors only: no actor file, neither the config file's nor the one recorded in the
    /// index (`index --no-actors` re-analyzes without it and drops it)
    #[arg(long, global = true, conflicts_with = "actors")]
    pub no_actors: bool,
    /// Print nothing but results and errors
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Colour and bold in the output: auto (on a terminal, unless NO_COLOR is set), always or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    #[default]
    Auto,
    Always,
    Never,
}

/// A day given on the command line, with the format in the error.
pub fn day_arg(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|e| format!("{e}: write the day as YYYY-MM-DD, e.g. 2025-10-16"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index corpus files or directories (batch job; idempotent and resumable)
    Index(commands::index::IndexArgs),
    /// Search the index
    Search(commands::search::SearchArgs),
    /// List an actor's statements in date order
    Statements(commands::statements::StatementsArgs),
    /// List the index's actor ids with their statement counts
    Actors(commands::actors::ActorsArgs),
    /// Flag stance shifts for an actor (exit 0 if any, 1 if none)
    Analyze(commands::analyze::AnalyzeArgs),
    /// Write a change report (Markdown, HTML or JSON)
    Report(commands::report::ReportArgs),
    /// Analyze articles and write their statements as JSON Lines (for Spark's RDD.pipe and other engines)
    Extract(commands::extract::ExtractArgs),
    /// Steps of a sharded build: the shard of each record, publishing a generation
    Shards(commands::shards::ShardsArgs),
    /// Score the analyzer against gold annotations
    Eval(commands::eval::EvalArgs),
    /// Index the bundled sample corpus, search it and analyze it
    Demo(commands::demo::DemoArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(commands::completions::CompletionsArgs),
    /// Print the manual page (roff; `stanceshift man | man -l -`)
    Man(commands::man::ManArgs),
}

impl Command {
    /// The `--from`/`--to` days a command was given, to check their order once for all.
    pub fn day_bounds(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            Command::Search(a) => (a.from, a.to),
            Command::Statements(a) => (a.from, a.to),
            Command::Analyze(a) => (a.scope.from, a.scope.to),
            Command::Report(a) => (a.scope.from, a.scope.to),
            _ => (None, None),
        }
    }
}

/// Which statements an analysis looks at: one topic, a range of statement
/// days. Shared by `analyze` and `report`.
#[derive(Debug, Clone, Args, Default)]
pub struct AnalysisScope {
    /// Only this topic, as words every statement must mention ("meet Putin")
    #[arg(long, value_name = "Q")]
    pub topic: Option<String>,
    /// First statement day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    pub from: Option<NaiveDate>,
    /// Last statement day, inclusive (YYYY-MM-DD); open commitments are judged as of this day
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    pub to: Option<NaiveDate>,
}
