//! `stanceshift search`: full-text search with date, source and actor
//! filters; hits, a total (`--count`) or counts per day/week/month (`--per`).

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde_json::json;
use stanceshift_analyzer::ActorBook;
use stanceshift_index::{Bucket, SearchQuery, Sort};
use std::io::IsTerminal;

use crate::config::Settings;
use crate::exit::Status;
use crate::session::{actor_book, open_searcher, resolve_actor};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words, "phrases", AND/OR/NOT, +word/-word, title:word
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// First day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only articles from this source (repeat for any of several)
    #[arg(long = "source", value_name = "S")]
    pub sources: Vec<String>,
    /// Only articles with a statement by or for this actor (repeat for any of several)
    // The id must differ from the global `--actors FILE` (the field name is the default id).
    #[arg(long = "actor", id = "actor", value_name = "A")]
    pub actors: Vec<String>,
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Number of hits to show (at most 100000)
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u64).range(0..=MAX_LIMIT))]
    pub limit: u64,
    /// Hits to skip (for paging; at most 10000000)
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=MAX_OFFSET))]
    pub offset: u64,
    /// Print one JSON document
    #[arg(long)]
    pub json: bool,
    /// Print only the number of matching articles
    #[arg(long, conflicts_with = "per")]
    pub count: bool,
    /// Print the number of matching articles per day, week or month
    #[arg(long, value_enum, value_name = "BUCKET")]
    pub per: Option<PerArg>,
}

/// Most hits one search prints.
const MAX_LIMIT: u64 = 100_000;
/// Most hits one search skips.
const MAX_OFFSET: u64 = 10_000_000;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PerArg {
    Day,
    Week,
    Month,
}

pub fn run(args: SearchArgs, settings: Settings) -> Result<Status> {
    let searcher = open_searcher(&settings)?;
    let book = if args.actors.is_empty() { ActorBook::default() } else { actor_book(&settings)? };
    let query = SearchQuery {
        text: args.query.clone(),
        from: args.from,
        to: args.to,
        sources: args.sources.clone(),
        actors: args.actors.iter().map(|a| resolve_actor(&searcher, &book, a)).collect::<Result<_>>()?,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
        limit: args.limit as usize,
        offset: args.offset as usize,
        snippets: !args.count && args.per.is_none(),
    };

    if args.count {
        let total = searcher.count(&query)?;
        if args.json {
            outln!("{}", json!({ "query": args.query, "total": total }));
        } else {
            outln!("{total}");
        }
        return Ok(Status::found(total > 0));
    }
    if let Some(per) = args.per {
        let bucket = match per {
            PerArg::Day => Bucket::Day,
            PerArg::Week => Bucket::Week,
            PerArg::Month => Bucket::Month,
        };
        let counts = searcher.histogram(&query, bucket)?;
        if args.json {
            let buckets: Vec<_> =
                counts.iter().map(|(start, n)| json!({ "start": start, "count": n })).collect();
            outln!("{}", json!({ "query": args.query, "per": bucket, "buckets": buckets }));
        } else {
            for (start, n) in &counts {
                outln!("{start}\t{n}");
            }
        }
        return Ok(Status::found(counts.iter().any(|(_, n)| *n > 0)));
    }

    let results = searcher.search(&query)?;
    if args.json {
        let doc = json!({ "query": args.query, "total": results.total, "hits": results.hits });
        outln!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(Status::found(results.total > 0));
    }
    let (open, close) = if std::io::stdout().is_terminal() { ("\x1b[1m", "\x1b[0m") } else { ("**", "**") };
    for hit in &results.hits {
        outln!(
            "{}  {}  {}  [{}]",
            hit.date.format("%Y-%m-%d"),
            hit.source.as_deref().unwrap_or("-"),
            hit.title.as_deref().unwrap_or("(untitled)"),
            hit.id
        );
        if let Some(snippet) = &hit.snippet {
            outln!("    {}", snippet.marked(open, close).replace('\n', " "));
        }
    }
    if !settings.quiet {
        let shown = results.hits.len();
        if shown == 0 && args.offset > 0 {
            eprintln!("no hits after the first {} (of {} hits)", args.offset, results.total);
        } else {
            let first = if shown == 0 { 0 } else { args.offset + 1 };
            eprintln!("{first}-{} of {} hits", args.offset + shown as u64, results.total);
        }
    }
    Ok(Status::found(results.total > 0))
}
