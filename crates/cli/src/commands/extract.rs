//! `stanceshift extract`: articles in, statements out, one JSON object per
//! line, for engines that drive the analyzer over their own partitions
//! (Spark's `RDD.pipe`, `xargs`, a shell pipeline). Reads JSON Lines on
//! standard input (no path, or `-`) or the files and directories `index`
//! reads; bad records go to standard error as `file:line: problem` and are
//! skipped. Streams: memory stays bounded by one chunk of articles however
//! long the input, and output keeps input order.

use anyhow::{Context, Result};
use clap::Args;
use rayon::prelude::*;
use stanceshift_analyzer::analyze_article;
use stanceshift_core::{Article, Statement};
use stanceshift_corpus::{Corpus, ReadOptions, Record};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::config::Settings;
use crate::exit::Status;
use crate::session::given_actor_book;

/// Articles analyzed together in parallel before their statements are written.
const CHUNK: usize = 64;
/// Where standard input is read from (the corpus reader takes paths).
const STDIN: &str = "/dev/stdin";

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Corpus files or directories; none or `-` reads JSON Lines from standard input
    #[arg(value_name = "CORPUS")]
    pub corpus: Vec<PathBuf>,
    /// Threads for analysis [default: all cores]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..256))]
    pub threads: Option<u64>,
    /// Exit with an error status when any record was rejected
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: ExtractArgs, settings: Settings) -> Result<Status> {
    let book = given_actor_book(&settings)?;
    let paths: Vec<PathBuf> = if args.corpus.is_empty() {
        vec![PathBuf::from(STDIN)]
    } else {
        args.corpus
            .iter()
            .map(|p| if p.as_os_str() == "-" { PathBuf::from(STDIN) } else { p.clone() })
            .collect()
    };
    let corpus = Corpus::open(&paths, ReadOptions::default())?;
    let threads = args
        .threads
        .map(|n| n as usize)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut rejected = 0u64;
    let mut chunk: Vec<Article> = Vec::with_capacity(CHUNK);
    let write = |chunk: &mut Vec<Article>, out: &mut dyn Write| -> Result<()> {
        let found: Vec<Vec<Statement>> =
            pool.install(|| chunk.par_iter().map(|a| analyze_article(a, &book).statements).collect());
        for statement in found.iter().flatten() {
            serde_json::to_writer(&mut *out, statement)?;
            out.write_all(b"\n")?;
        }
        chunk.clear();
        Ok(())
    };
    for record in corpus {
        match record {
            Record::Article { article, .. } => {
                chunk.push(article);
                if chunk.len() >= CHUNK {
                    write(&mut chunk, &mut out).context("writing statements")?;
                }
            }
            Record::Rejected(reject) => {
                rejected += 1;
                let shown = if reject.origin.path == Path::new(STDIN) {
                    format!("-:{}: {}", reject.origin.line, reject.error)
                } else {
                    reject.to_string()
                };
                eprintln!("{shown}");
            }
        }
    }
    write(&mut chunk, &mut out).context("writing statements")?;
    out.flush().context("writing statements")?;
    if rejected > 0 && !settings.quiet {
        eprintln!("{rejected} records rejected");
    }
    Ok(if args.strict && rejected > 0 { Status::Error } else { Status::Success })
}
