//! `stanceshift-bench`: the figures behind docs/benchmarks.md.
//!
//! - `generate`: a JSONL corpus of any size by replicating Reuters-21578
//!   with shifted dates and new ids (written outside the repository).
//! - `ingest`: docs/s, MB/s and peak RSS of `stanceshift index` (a real
//!   release binary run as a subprocess) against bare tantivy and SQLite FTS5.
//! - `query`: p50/p99 latency of a fixed 50-query set on each index and
//!   against GNU grep scanning the raw JSONL.
//! - `analyze`: analyzer throughput in MB/s, single-threaded and on all cores.
//! - `growth`: analysis time against the length of one long sentence and of
//!   one long statement, doubling sizes (flat time per character = linear).
//! - `all`: everything above at the published sizes (`--quick`: a smoke run).
//!
//! Timing lives here, never in tests: the tests only check that what is
//! measured is computed correctly.

mod analyze;
mod baselines;
mod generate;
mod growth;
mod ingest;
mod process;
mod queries;
mod query;
mod reuters;
mod stats;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

use generate::CorpusSize;
use ingest::{IngestRun, Setup, System};

/// Benchmarks for stanceshift: ingest, query latency, analyzer throughput.
#[derive(Debug, Parser)]
#[command(name = "stanceshift-bench")]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Args)]
struct Global {
    /// Where generated corpora, indexes and result tables go (never inside the repository)
    #[arg(long, global = true, value_name = "DIR", default_value = "/work/bench-data")]
    work: PathBuf,
    /// Reuters-21578 directory [default: $STANCESHIFT_DATA/reuters21578, else ../shared/data/reuters21578]
    #[arg(long, global = true, value_name = "DIR")]
    reuters: Option<PathBuf>,
    /// Small sizes so that everything runs in under a minute (a smoke test)
    #[arg(long, global = true)]
    quick: bool,
    /// Seed of the replica order in generated corpora
    #[arg(long, global = true, default_value_t = 1987)]
    seed: u64,
    /// The stanceshift binary [default: `stanceshift` next to this binary]
    #[arg(long, global = true, value_name = "PATH")]
    stanceshift: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
struct SizeArgs {
    /// Corpus size in documents
    #[arg(long, value_name = "N")]
    docs: Vec<u64>,
    /// Corpus size in (decimal) megabytes of JSONL
    #[arg(long, value_name = "MB")]
    mb: Vec<u64>,
    /// An existing JSONL corpus instead of a generated one
    #[arg(long, value_name = "FILE")]
    corpus: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Write a JSONL corpus replicated from Reuters-21578
    Generate {
        #[arg(long, value_name = "N", required_unless_present = "mb")]
        docs: Option<u64>,
        #[arg(long, value_name = "MB", conflicts_with = "docs")]
        mb: Option<u64>,
        /// Output file [default: <work>/reuters-<size>-s<seed>.jsonl]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Ingest throughput and peak memory [default sizes: 100k docs and 1000 MB]
    Ingest {
        #[command(flatten)]
        size: SizeArgs,
    },
    /// Query latency against grep [default size: 1000 MB]
    Query {
        #[command(flatten)]
        size: SizeArgs,
        /// Timed passes over the query set per index (grep always gets one)
        #[arg(long, value_name = "N")]
        reps: Option<usize>,
    },
    /// Analyzer throughput on the Reuters bodies
    Analyze {
        /// Use only the first N articles
        #[arg(long, value_name = "N")]
        docs: Option<usize>,
    },
    /// Analysis time against input length: one long sentence, one long statement
    Growth {
        /// Largest size in characters [default: 1000000; --quick: 100000]
        #[arg(long, value_name = "CHARS")]
        max: Option<usize>,
    },
    /// ingest, query and analyze at the published sizes
    All,
    /// (internal) Build one baseline index; run as a subprocess by `ingest`
    #[command(hide = true)]
    Baseline {
        system: BaselineSystem,
        corpus: PathBuf,
        target: PathBuf,
        #[arg(long)]
        heap_bytes: usize,
        #[arg(long)]
        threads: usize,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum BaselineSystem {
    Tantivy,
    Fts5,
}

fn main() {
    let cli = Cli::parse();
    if let Err(err) = run(cli) {
        eprintln!("error: {err:#}");
        std::process::exit(2);
    }
}

fn run(cli: Cli) -> Result<()> {
    let bench = Bench::new(cli.global)?;
    match cli.command {
        Cmd::Generate { docs, mb, out } => {
            let size = match (docs, mb) {
                (Some(n), _) => CorpusSize::Docs(n),
                (None, Some(mb)) => CorpusSize::Megabytes(mb),
                (None, None) => unreachable!("clap requires --docs or --mb"),
            };
            let out = out.unwrap_or_else(|| generate::corpus_path(&bench.work, size, bench.seed));
            let Some(articles) = bench.reuters_articles()? else { return Ok(()) };
            let generated = generate::write_corpus(&articles, size, bench.seed, &out)?;
            println!(
                "wrote {} docs, {:.1} MB to {}",
                generated.docs,
                generated.bytes as f64 / stats::MB,
                out.display()
            );
            Ok(())
        }
        Cmd::Ingest { size } => {
            let sizes = bench.sizes(&size, &bench.default_ingest_sizes())?;
            bench.ingest(&sizes).map(drop)
        }
        Cmd::Query { size, reps } => {
            let sizes = bench.sizes(&size, &[bench.default_query_size()])?;
            for corpus in sizes {
                bench.query(&corpus, reps)?;
            }
            Ok(())
        }
        Cmd::Analyze { docs } => bench.analyze(docs),
        Cmd::Growth { max } => bench.growth(max),
        Cmd::All => {
            let ingest_sizes = bench.sizes(&SizeArgs::default(), &bench.default_ingest_sizes())?;
            bench.ingest(&ingest_sizes)?;
            let query_size = bench.sizes(&SizeArgs::default(), &[bench.default_query_size()])?;
            for corpus in query_size {
                bench.query(&corpus, None)?;
            }
            bench.analyze(None)
        }
        Cmd::Baseline { system, corpus, target, heap_bytes, threads } => {
            match system {
                BaselineSystem::Tantivy => baselines::build_tantivy(&corpus, &target, heap_bytes, threads)?,
                BaselineSystem::Fts5 => baselines::build_fts5(&corpus, &target)?,
            };
            Ok(())
        }
    }
}

/// A corpus to benchmark on: a file, or a size to generate.
#[derive(Debug, Clone)]
enum CorpusSpec {
    Generated(CorpusSize),
    File(PathBuf),
}

struct Bench {
    work: PathBuf,
    reuters: PathBuf,
    quick: bool,
    seed: u64,
    stanceshift: PathBuf,
}

impl Bench {
    fn new(global: Global) -> Result<Bench> {
        let reuters = global.reuters.unwrap_or_else(|| {
            let data = std::env::var_os("STANCESHIFT_DATA")
                .map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from);
            data.join("reuters21578")
        });
        let stanceshift = match global.stanceshift {
            Some(path) => path,
            None => std::env::current_exe()?.with_file_name("stanceshift"),
        };
        Ok(Bench { work: global.work, reuters, quick: global.quick, seed: global.seed, stanceshift })
    }

    fn default_ingest_sizes(&self) -> Vec<CorpusSpec> {
        if self.quick {
            vec![
                CorpusSpec::Generated(CorpusSize::Docs(2_000)),
                CorpusSpec::Generated(CorpusSize::Docs(8_000)),
            ]
        } else {
            vec![
                CorpusSpec::Generated(CorpusSize::Docs(100_000)),
                CorpusSpec::Generated(CorpusSize::Megabytes(1_000)),
            ]
        }
    }

    fn default_query_size(&self) -> CorpusSpec {
        if self.quick {
            CorpusSpec::Generated(CorpusSize::Docs(8_000))
        } else {
            CorpusSpec::Generated(CorpusSize::Megabytes(1_000))
        }
    }

    fn sizes(&self, args: &SizeArgs, defaults: &[CorpusSpec]) -> Result<Vec<CorpusSpec>> {
        let mut specs: Vec<CorpusSpec> =
            args.docs.iter().map(|&n| CorpusSpec::Generated(CorpusSize::Docs(n))).collect();
        specs.extend(args.mb.iter().map(|&mb| CorpusSpec::Generated(CorpusSize::Megabytes(mb))));
        specs.extend(args.corpus.iter().cloned().map(CorpusSpec::File));
        if specs.is_empty() {
            specs = defaults.to_vec();
        }
        Ok(specs)
    }

    /// The parsed Reuters articles, or `None` (after saying why) when the
    /// data is not there: the benchmarks then skip instead of failing.
    fn reuters_articles(&self) -> Result<Option<Vec<reuters::ReutersArticle>>> {
        if reuters::sgml_files(&self.reuters).map_or(true, |files| files.is_empty()) {
            eprintln!(
                "skipping: no Reuters-21578 data (reut2-*.sgm) in {}; pass --reuters DIR or set STANCESHIFT_DATA",
                self.reuters.display()
            );
            return Ok(None);
        }
        let outcome = reuters::read_dir(&self.reuters)?;
        eprintln!(
            "Reuters-21578: {} articles parsed, {} blocks skipped (no date or no text)",
            outcome.articles.len(),
            outcome.skipped
        );
        Ok(Some(outcome.articles))
    }

    /// The corpus file for a spec, generating it on first use. `None` when
    /// it would need the Reuters data and that is absent.
    fn corpus(&self, spec: &CorpusSpec) -> Result<Option<PathBuf>> {
        match spec {
            CorpusSpec::File(path) => Ok(Some(path.clone())),
            CorpusSpec::Generated(size) => {
                let path = generate::corpus_path(&self.work, *size, self.seed);
                if path.is_file() {
                    return Ok(Some(path));
                }
                let Some(articles) = self.reuters_articles()? else { return Ok(None) };
                eprintln!("generating {} ...", path.display());
                generate::write_corpus(&articles, *size, self.seed, &path)?;
                Ok(Some(path))
            }
        }
    }

    /// Indexes of a corpus live in `<work>/indexes/<corpus file stem>/`.
    fn index_dir(&self, corpus: &Path) -> PathBuf {
        let stem = corpus.file_stem().map_or_else(|| "corpus".into(), |s| s.to_string_lossy().into_owned());
        self.work.join("indexes").join(stem)
    }

    fn setup(&self) -> Result<Setup> {
        let writer = stanceshift_index::WriterOptions::default();
        Setup::new(self.stanceshift.clone(), writer.heap_bytes, writer.threads)
    }

    /// Writes a result table to stdout and to `<work>/results/<name>.md`.
    fn publish(&self, name: &str, title: &str, body: &str) -> Result<()> {
        let text = format!("## {title}\n\n{}\n{body}\n", machine_note());
        println!("{text}");
        let dir = self.work.join("results");
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.md")), &text)
            .with_context(|| format!("writing results/{name}.md"))
    }

    fn ingest(&self, specs: &[CorpusSpec]) -> Result<Vec<IngestRun>> {
        let setup = self.setup()?;
        if !setup.has_no_analyze {
            eprintln!("note: `stanceshift index --help` has no --no-analyze; measuring with analysis only");
        }
        let mut runs = Vec::new();
        for spec in specs {
            let Some(corpus) = self.corpus(spec)? else { return Ok(runs) };
            let docs = ingest::count_docs(&corpus)?;
            let indexes = self.index_dir(&corpus);
            for system in setup.systems() {
                runs.push(ingest::ingest(&setup, system, &corpus, &system.index_path(&indexes), docs)?);
            }
        }
        let settings = format!(
            "Writer heap {} MiB and {} indexing threads for stanceshift and bare tantivy (stanceshift's \
             defaults); FTS5 is single-threaded by design.\n",
            setup.heap_bytes >> 20,
            setup.threads
        );
        self.publish("ingest", "Ingest", &format!("{settings}\n{}", ingest::table(&runs)))?;
        Ok(runs)
    }

    fn query(&self, spec: &CorpusSpec, reps: Option<usize>) -> Result<()> {
        let Some(corpus) = self.corpus(spec)? else { return Ok(()) };
        let indexes = self.index_dir(&corpus);
        let setup = self.setup()?;
        let docs = ingest::count_docs(&corpus)?; // also puts the corpus in the page cache for grep
                                                 // Reuse the indexes `ingest` left behind; build (untimed) what is missing.
        let stanceshift_dir = [System::Stanceshift, System::StanceshiftNoAnalyze]
            .into_iter()
            .map(|s| s.index_path(&indexes))
            .find(|dir| stanceshift_index::is_index(dir));
        let stanceshift_dir = match stanceshift_dir {
            Some(dir) => dir,
            None => {
                let system =
                    if setup.has_no_analyze { System::StanceshiftNoAnalyze } else { System::Stanceshift };
                ingest::ingest(&setup, system, &corpus, &system.index_path(&indexes), docs)?;
                system.index_path(&indexes)
            }
        };
        for system in [System::Tantivy, System::Fts5] {
            let path = system.index_path(&indexes);
            let built = match system {
                System::Tantivy => path.join("meta.json").is_file(),
                _ => path.is_file(),
            };
            if !built {
                ingest::ingest(&setup, system, &corpus, &path, docs)?;
            }
        }
        let engines = [
            query::Engine::stanceshift(&stanceshift_dir, true)?,
            query::Engine::stanceshift(&stanceshift_dir, false)?,
            query::Engine::Tantivy(baselines::TantivySearch::open(&System::Tantivy.index_path(&indexes))?),
            query::Engine::Fts5(baselines::Fts5Search::open(&System::Fts5.index_path(&indexes))?),
            query::Engine::Grep { corpus: corpus.clone() },
        ];
        let queries = queries::query_set();
        let index_reps = reps.unwrap_or(if self.quick { 3 } else { 10 });
        let mut results = Vec::new();
        for engine in &engines {
            eprintln!("  querying {} ...", engine.label());
            let reps = if engine.is_grep() { 1 } else { index_reps };
            results.push(query::measure(engine, &queries, reps)?);
        }
        let grep_label = engines.iter().find(|e| e.is_grep()).map_or("", |e| e.label());
        let size = std::fs::metadata(&corpus)?.len() as f64 / stats::MB;
        let intro = format!(
            "{} queries on {} ({} docs, {size:.0} MB); indexes: {} timed passes after one warm-up pass; \
             grep: one warm-up and one timed pass (`LC_ALL=C`, corpus in the page cache).\n",
            queries.len(),
            corpus.display(),
            stats::thousands(docs as f64),
            index_reps
        );
        self.publish(
            "query",
            "Query latency",
            &format!("{intro}\n{}", query::tables(&results, &queries, grep_label)),
        )?;
        self.publish("query-hits", "Hits per query", &query::hits_table(&results, &queries))
    }

    fn growth(&self, max: Option<usize>) -> Result<()> {
        let max = max.unwrap_or(if self.quick { 100_000 } else { 1_000_000 });
        let sizes = growth::sizes((max / 8).max(1), max);
        let sentence = growth::long_sentence(&sizes);
        let content = growth::long_content(&sizes);
        let body = format!(
            "One unpunctuated sentence of reporting verbs through `analyze_article`:\n\n{}\n\
             One statement with a long content through `analyze_article`'s statements and \
             `timeline::analyze_actor` (what `analyze` and `report` run):\n\n{}",
            growth::table(&sentence, "statements"),
            growth::table(&content, "topics")
        );
        self.publish("growth", "Analysis time against input length", &body)
    }

    fn analyze(&self, docs: Option<usize>) -> Result<()> {
        let Some(mut articles) = self.reuters_articles()? else { return Ok(()) };
        let limit = docs.unwrap_or(if self.quick { 500 } else { usize::MAX });
        articles.truncate(limit);
        let articles = analyze::as_articles(&articles);
        let bytes = analyze::text_bytes(&articles);
        // The actor book `stanceshift index` uses when no actor file is given.
        let book = stanceshift_analyzer::ActorBook::builtin();
        let passes = analyze::passes(&articles, |article| {
            stanceshift_analyzer::analyze_article(article, &book).statements.len()
        })?;
        let intro =
            "`stanceshift_analyzer::analyze_article` (built-in actor book) over the Reuters-21578 articles \
             (title + body bytes); one untimed warm-up on 200 articles before each pass.\n";
        self.publish(
            "analyze",
            "Analyzer throughput",
            &format!("{intro}\n{}", analyze::table(&passes, articles.len(), bytes)),
        )?;
        let query_time = analyze::query_time(&articles, &book)?;
        let intro = "The query-time side over the same articles' statements, held in memory: \
             `Selection::group_by_actor` and one `Selection::analyze` per actor, as `report --all` does, \
             on one thread.\n";
        self.publish(
            "analyze-query-time",
            "Stance analysis throughput",
            &format!("{intro}\n{}", query_time.table()),
        )
    }
}

/// Machine facts printed above every table: cores and the load average, so
/// a figure taken while other work shared the machine says so.
fn machine_note() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into());
    let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    format!("Measured {date} on {cores} cores (1-minute load average {load} when the table was printed).\n")
}
