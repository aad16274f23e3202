//! `stanceshift actors`: the actor ids the index files statements under, with
//! how many statements each speaks or is spoken for in, most first.

use anyhow::Result;
use clap::Args;
use serde_json::json;

use crate::config::Settings;
use crate::exit::Status;
use crate::session::open_searcher;

#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// Only the first N actors
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print one JSON document
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ActorsArgs, settings: Settings) -> Result<Status> {
    let searcher = open_searcher(&settings)?;
    let mut actors = searcher.actors()?;
    if let Some(limit) = args.limit {
        actors.truncate(limit);
    }
    if args.json {
        let list: Vec<_> =
            actors.iter().map(|(id, n)| json!({ "actor": id.as_str(), "statements": n })).collect();
        outln!("{}", serde_json::to_string_pretty(&json!({ "actors": list }))?);
    } else {
        for (id, n) in &actors {
            outln!("{n:>7}  {id}");
        }
    }
    if actors.is_empty() && !settings.quiet && !args.json {
        eprintln!("the index holds no statements (was it built with --no-analyze?)");
    }
    Ok(Status::found(!actors.is_empty()))
}
