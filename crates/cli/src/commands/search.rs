//! `stanceshift search`: full-text search with date, source and actor
//! filters; hits, a total (`--count`), counts per day/week/month (`--per`)
//! and counts per source or actor (`--facet`).

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde_json::json;
use stanceshift_analyzer::ActorBook;
use stanceshift_index::{Bucket, FacetField, SearchQuery, Shards, Sort};

use crate::args::day_arg;
use crate::config::Settings;
use crate::exit::Status;
use crate::session::{actor_book, open_searcher, resolve_actor};
use crate::terminal::counted;

/// The query language, for `search --help`.
const QUERY_HELP: &str = "\
Query syntax (every word is required unless joined with OR: the default operator is AND):
  budapest summit            both words (English stemming: meeting finds meet)
  \"foreign ministers\"        a phrase
  putin OR kremlin           either word
  putin -budapest            without budapest (also: putin NOT budapest, putin AND NOT budapest)
  (summit OR meeting) putin  parentheses group
  Budap*                     words starting with Budap
  Putn~1                     words within one edit of Putn (~2 at most; Putn~ is ~2)
  title:summit  body:x       a word in the title or the body only
  source:\"Meridian Post\"     one source (the whole name, any case)
  author:halloran            a word of the author's name
  date:2025-10-16            one day (also date:2025-10, date:2025)
  date:[2025-10-01 TO 2025-10-31]   a range of days ({..} excludes the ends, * leaves one open)
  id:cl-2025-10-21-no-plans  one article
  *  or an empty query       every article
Fields: title, body, source, author, date, id. AND is the default because --sort newest, --count and
--per do not rank: with OR, every article with any one of the words would count.";

#[derive(Debug, Args)]
#[command(after_long_help = QUERY_HELP, after_help = "Query syntax and fields: stanceshift search --help")]
pub struct SearchArgs {
    /// Query: words (all required: AND is the default), "phrases", OR, -word, Budap*, Putn~1,
    /// title: body: source: author: date: id: (see --help)
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// First day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    pub to: Option<NaiveDate>,
    /// Only articles from this source (repeat for any of several)
    #[arg(long = "source", value_name = "S")]
    pub sources: Vec<String>,
    /// Only articles with a statement by or for this actor (repeat for any of several)
    // The id must differ from the global `--actors FILE` (the field name is the default id).
    #[arg(long = "actor", id = "actor", value_name = "A")]
    pub actors: Vec<String>,
    /// Order of the hits: best match first (BM25, title words count double), newest or oldest
    /// article first
    #[arg(long, value_enum, value_name = "ORDER", default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Number of hits to show (at most 100000)
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u64).range(0..=MAX_LIMIT))]
    pub limit: u64,
    /// Hits to skip (for paging; at most 10000000)
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=MAX_OFFSET))]
    pub offset: u64,
    /// Print one JSON document (fields in docs/cli-json.md)
    #[arg(long)]
    pub json: bool,
    /// Print only the number of matching articles (with --per: per day, week or month)
    #[arg(long)]
    pub count: bool,
    /// Print the number of matching articles per day, week or month (implies --count)
    #[arg(long, value_enum, value_name = "BUCKET")]
    pub per: Option<PerArg>,
    /// Also count the matching articles per source or per actor (repeat for both)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub facet: Vec<FacetArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetArg {
    /// The article's source (lowercased)
    Source,
    /// Actors with a statement in the article, as speaker or principal
    Actor,
}

/// Most hits one search prints.
const MAX_LIMIT: u64 = 100_000;
/// Most hits one search skips.
const MAX_OFFSET: u64 = 10_000_000;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// Best match first
    Relevance,
    /// Latest article first
    Newest,
    /// Earliest article first
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

    let facets = facet_counts(&searcher, &query, &args.facet)?;
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
            let mut doc = json!({ "query": args.query, "per": bucket, "buckets": buckets });
            add_facets(&mut doc, &facets);
            outln!("{doc}");
        } else {
            for (start, n) in &counts {
                outln!("{start}\t{n}");
            }
            print_facets(&facets)?;
        }
        return Ok(Status::found(counts.iter().any(|(_, n)| *n > 0)));
    }
    if args.count {
        let total = searcher.count(&query)?;
        if args.json {
            let mut doc = json!({ "query": args.query, "total": total });
            add_facets(&mut doc, &facets);
            outln!("{doc}");
        } else {
            outln!("{total}");
            print_facets(&facets)?;
        }
        return Ok(Status::found(total > 0));
    }

    let results = searcher.search(&query)?;
    if args.json {
        let mut doc = json!({ "query": args.query, "total": results.total, "hits": results.hits });
        add_facets(&mut doc, &facets);
        outln!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(Status::found(results.total > 0));
    }
    let (open, close) = settings.color.highlight_marks();
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
    print_facets(&facets)?;
    if !settings.quiet {
        let shown = results.hits.len();
        let total = counted(results.total, "hit", "hits");
        if shown == 0 && args.offset > 0 && results.total > 0 {
            eprintln!("no hits after the first {} (there are {total})", args.offset);
        } else {
            let first = if shown == 0 { 0 } else { args.offset + 1 };
            eprintln!("{first}-{} of {total}", args.offset + shown as u64);
        }
    }
    Ok(Status::found(results.total > 0))
}

type FacetCounts = Vec<(FacetArg, Vec<(String, u64)>)>;

/// Counts per source or actor of every matching article (not only the page shown).
fn facet_counts(searcher: &Shards, query: &SearchQuery, facets: &[FacetArg]) -> Result<FacetCounts> {
    let mut out: FacetCounts = Vec::new();
    for &facet in facets {
        if out.iter().any(|(f, _)| *f == facet) {
            continue;
        }
        let field = match facet {
            FacetArg::Source => FacetField::Source,
            FacetArg::Actor => FacetField::Actor,
        };
        out.push((facet, searcher.facet_counts(query, field)?));
    }
    Ok(out)
}

impl FacetArg {
    fn name(self) -> &'static str {
        match self {
            FacetArg::Source => "source",
            FacetArg::Actor => "actor",
        }
    }
}

/// `"facets": {"source": [{"value": "meridian post", "count": 5}, ...]}`.
fn add_facets(doc: &mut serde_json::Value, facets: &FacetCounts) {
    if facets.is_empty() {
        return;
    }
    let map: serde_json::Map<String, serde_json::Value> = facets
        .iter()
        .map(|(facet, counts)| {
            let values = counts.iter().map(|(value, n)| json!({ "value": value, "count": n })).collect();
            (facet.name().to_string(), serde_json::Value::Array(values))
        })
        .collect();
    doc["facets"] = serde_json::Value::Object(map);
}

/// After the hits: `by source:` and one `COUNT  VALUE` line per source.
fn print_facets(facets: &FacetCounts) -> Result<()> {
    for (facet, counts) in facets {
        outln!("\nby {}:", facet.name());
        let width = counts.iter().map(|(_, n)| n.to_string().len()).max().unwrap_or(1);
        for (value, n) in counts {
            outln!("  {n:>width$}  {value}");
        }
        if counts.is_empty() {
            outln!("  (none)");
        }
    }
    Ok(())
}
