//! `stanceshift index`: read corpus files, analyze articles in parallel and
//! upsert them into the index, committing in batches with a checkpoint so a
//! killed job can be re-run and picks up where it stopped.

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use stanceshift_analyzer::{analyze_article, ActorBook, ANALYZER_VERSION};
use stanceshift_core::{shard_of, Article, Statement};
use stanceshift_corpus::{Corpus, Origin, ReadOptions, Record, Reject, RejectsWriter};
use stanceshift_index::{
    Checkpoint, Counts, FileProgress, FileStamp, Index, UpsertOutcome, Writer, WriterOptions, NOT_ANALYZED,
};
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::Settings;
use crate::exit::Status;
use crate::session::actor_book;

/// Articles analyzed together in parallel before being written one by one.
const CHUNK: usize = 256;
/// Bad records printed in full before only counting them.
const MAX_PRINTED_REJECTS: u64 = 20;

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Corpus files or directories (JSON Lines, CSV, text/Markdown, .gz of these)
    #[arg(required = true, value_name = "CORPUS")]
    pub corpus: Vec<PathBuf>,
    /// Delete everything in the index first (in the same commit as the first batch)
    #[arg(long)]
    pub rebuild: bool,
    /// Stop at the first bad record, committing nothing of the current batch
    #[arg(long)]
    pub strict: bool,
    /// Where to write bad records [default: <index>/rejects.jsonl]
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Commit after this many records (a killed job resumes from the last commit;
    /// fewer commits index faster)
    #[arg(long, value_name = "N", default_value_t = 50_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
    /// Index the text only, without finding statements
    #[arg(long)]
    pub no_analyze: bool,
    /// Threads for analysis and indexing [default: all cores]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..256))]
    pub threads: Option<u64>,
    /// Index only the articles of shard K of --shards (by a hash of the article id)
    #[arg(long, value_name = "K", requires = "shards")]
    pub shard: Option<u32>,
    /// Number of shards the corpus is split into (see `shards publish`)
    #[arg(long, value_name = "N", requires = "shard", value_parser = clap::value_parser!(u32).range(1..))]
    pub shards: Option<u32>,
}

pub fn run(args: IndexArgs, settings: Settings) -> Result<Status> {
    let started = Instant::now();
    let threads = args
        .threads
        .map(|n| n as usize)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let analyzer = Analyzer::load(&settings, args.no_analyze)?;
    let shard = match (args.shard, args.shards) {
        (Some(k), Some(n)) if k >= n => anyhow::bail!("--shard {k} is not below --shards {n}"),
        (Some(k), Some(n)) => Some((k, n)),
        _ => None,
    };

    // A mistyped corpus path fails before the index is created or locked.
    let corpus = Corpus::open(&args.corpus, ReadOptions::default())?;
    let index = Index::open_or_create(&settings.index)
        .with_context(|| format!("opening index {}", settings.index.display()))?;
    let mut writer = index.writer(WriterOptions { threads: threads.min(4), ..WriterOptions::default() })?;
    let resume = if args.rebuild { None } else { resumable(&index, analyzer.version)? };
    if args.rebuild {
        writer.clear()?;
    }
    let rejects_path = args.rejects.clone().unwrap_or_else(|| settings.index.join("rejects.jsonl"));
    let rejects = open_rejects(&rejects_path, resume.is_some())?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let progress = progress_bar(corpus.total_bytes(), settings.quiet);

    let mut job = Job {
        writer,
        analyzer,
        rejects,
        rejects_path,
        strict: args.strict,
        shard,
        batch: args.batch,
        progress,
        position: Position::default(),
        skip: Skip::default(),
        run: Counts::default(),
        before: Counts::default(),
        rejects_seen: 0,
        since_commit: 0,
        bytes: 0,
        articles: 0,
        statements: 0,
        started,
    };
    if let Some(checkpoint) = resume {
        job.resume_from(checkpoint);
    }
    let outcome = pool.install(|| job.read(corpus));
    let counts = job.run;
    let elapsed = started.elapsed();
    job.progress.finish_and_clear();
    if let Err(err) = outcome {
        // Nothing of the unfinished batch is committed; earlier batches stay.
        job.writer.rollback()?;
        return Err(err);
    }
    job.rejects.flush()?;
    job.commit(true)?;
    let statements = job.statements;
    let bytes = job.bytes;
    let articles = job.articles;
    let skipped = job.skip.skipped;
    job.writer.finish()?;

    if counts.rejected > MAX_PRINTED_REJECTS {
        eprintln!(
            "... and {} more (all in {})",
            counts.rejected - MAX_PRINTED_REJECTS,
            job.rejects_path.display()
        );
    }
    if skipped > 0 && !settings.quiet {
        eprintln!("resumed an interrupted run: skipped {skipped} records indexed before it stopped");
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    println!(
        "added {}, updated {}, unchanged {}, rejected {} in {:.1} s ({:.0} docs/s, {:.1} MB/s)",
        counts.added,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        secs,
        articles as f64 / secs,
        bytes as f64 / 1e6 / secs,
    );
    if !settings.quiet && statements > 0 {
        eprintln!("{statements} statements found");
    }
    Ok(Status::Success)
}

/// The rejects file: a fresh one per run, except that a resumed run appends
/// to the rejects of the run it continues.
fn open_rejects(path: &Path, append: bool) -> Result<RejectsWriter> {
    if !append {
        return RejectsWriter::create(path)
            .with_context(|| format!("creating rejects file {}", path.display()));
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("opening rejects file {}", path.display()))?;
    Ok(RejectsWriter::new(std::io::BufWriter::new(file)))
}

/// The checkpoint of an interrupted run that this run can continue: same
/// analyzer, and the run did not finish.
fn resumable(index: &Index, analyzer_version: u32) -> Result<Option<Checkpoint>> {
    Ok(index.last_checkpoint()?.filter(|c| !c.complete && c.analyzer_version == analyzer_version))
}

/// The analyzer, or nothing under `--no-analyze`.
struct Analyzer {
    /// Stored with each article; a different value re-analyzes unchanged articles.
    version: u32,
    book: Option<ActorBook>,
}

impl Analyzer {
    fn load(settings: &Settings, no_analyze: bool) -> Result<Analyzer> {
        if no_analyze {
            return Ok(Analyzer { version: NOT_ANALYZED, book: None });
        }
        let book = actor_book(settings)?;
        // Statements depend on the actor file too: editing it must re-analyze
        // articles whose text did not change, so its bytes go into the version.
        let version = match &settings.actors {
            Some(path) => {
                let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
                fingerprint(ANALYZER_VERSION, &bytes)
            }
            None => ANALYZER_VERSION,
        };
        Ok(Analyzer { version, book: Some(book) })
    }

    fn analyze(&self, article: &Article) -> Vec<Statement> {
        match &self.book {
            Some(book) => analyze_article(article, book).statements,
            None => Vec::new(),
        }
    }
}

/// FNV-1a of the analyzer version and the actor file, never 0 (which means
/// "not analyzed"). Stable across builds, unlike std's hasher.
fn fingerprint(version: u32, actor_file: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in version.to_le_bytes().iter().chain(actor_file) {
        hash ^= u32::from(*byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash.max(1)
}

/// Where the job is in its input, for the checkpoint.
#[derive(Default)]
struct Position {
    files_done: Vec<FileStamp>,
    current: Option<FileProgress>,
}

impl Position {
    fn advance(&mut self, origin: &Origin) {
        let same = self.current.as_ref().is_some_and(|c| c.file.path == origin.path);
        if !same {
            if let Some(done) = self.current.take() {
                self.files_done.push(done.file);
            }
            let file = FileStamp::of(&origin.path).unwrap_or(FileStamp {
                path: origin.path.clone(),
                size: 0,
                modified_ns: 0,
            });
            self.current = Some(FileProgress { file, records: 0, bytes: 0 });
        }
        let current = self.current.as_mut().expect("set above");
        current.records += 1;
        current.bytes += origin.bytes;
    }
}

/// What an interrupted run already committed and this run may skip.
#[derive(Default)]
struct Skip {
    files: HashSet<PathBuf>,
    partial: Option<(PathBuf, u64)>,
    seen_in_partial: u64,
    skipped: u64,
}

impl Skip {
    fn check(&mut self, path: &Path) -> Skipped {
        let skipped = if self.files.contains(path) {
            Skipped::DoneFile
        } else if self.partial.as_ref().is_some_and(|(partial, records)| {
            partial == path && {
                self.seen_in_partial += 1;
                self.seen_in_partial <= *records
            }
        }) {
            Skipped::DoneRecord
        } else {
            Skipped::No
        };
        self.skipped += u64::from(skipped != Skipped::No);
        skipped
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skipped {
    No,
    /// A record of a file the interrupted run finished (already in `files_done`).
    DoneFile,
    /// One of the first records of the file the interrupted run stopped in.
    DoneRecord,
}

enum Item {
    Article(Article, Origin),
    Rejected(Origin),
    /// A record of another shard: only the position moves past it.
    Elsewhere(Origin),
}

struct Job {
    writer: Writer,
    analyzer: Analyzer,
    rejects: RejectsWriter,
    rejects_path: PathBuf,
    strict: bool,
    /// Only articles of shard `.0` of `.1`; bad records only in shard 0, so
    /// that the shards of one corpus report each once.
    shard: Option<(u32, u32)>,
    batch: u64,
    progress: ProgressBar,
    position: Position,
    skip: Skip,
    /// Counts of this run.
    run: Counts,
    /// Counts of the interrupted run this one continues.
    before: Counts,
    /// Bad records met so far (they are counted in `run` when their chunk is written).
    rejects_seen: u64,
    since_commit: u64,
    bytes: u64,
    articles: u64,
    statements: u64,
    started: Instant,
}

impl Job {
    fn resume_from(&mut self, checkpoint: Checkpoint) {
        for stamp in checkpoint.files_done {
            if stamp.is_unchanged() {
                self.skip.files.insert(stamp.path.clone());
                self.position.files_done.push(stamp);
            }
        }
        if let Some(current) = checkpoint.current.filter(|c| c.file.is_unchanged()) {
            self.skip.partial = Some((current.file.path.clone(), current.records));
        }
        self.before = checkpoint.counts;
    }

    fn read(&mut self, mut corpus: Corpus) -> Result<()> {
        let mut chunk = Vec::with_capacity(CHUNK);
        while let Some(record) = corpus.next() {
            self.progress.set_position(corpus.bytes_read());
            let origin = match &record {
                Record::Article { origin, .. } => origin,
                Record::Rejected(reject) => &reject.origin,
            };
            match self.skip.check(&origin.path) {
                Skipped::No => {}
                Skipped::DoneFile => continue,
                Skipped::DoneRecord => {
                    // Counted in the position so a second interruption still
                    // knows these records are done; earlier items go first.
                    let origin = origin.clone();
                    self.process(std::mem::take(&mut chunk))?;
                    self.position.advance(&origin);
                    continue;
                }
            }
            match record {
                Record::Article { article, origin } if !self.in_shard(&article) => {
                    chunk.push(Item::Elsewhere(origin))
                }
                Record::Rejected(reject) if self.shard.is_some_and(|(k, _)| k != 0) => {
                    chunk.push(Item::Elsewhere(reject.origin))
                }
                Record::Article { article, origin } => chunk.push(Item::Article(article, origin)),
                Record::Rejected(reject) => {
                    self.reject(&reject)?;
                    chunk.push(Item::Rejected(reject.origin));
                }
            }
            if chunk.len() >= CHUNK {
                self.process(std::mem::take(&mut chunk))?;
            }
        }
        self.process(chunk)
    }

    fn in_shard(&self, article: &Article) -> bool {
        self.shard.is_none_or(|(k, n)| shard_of(&article.id, n) == k)
    }

    fn reject(&mut self, reject: &Reject) -> Result<()> {
        self.rejects.write(reject)?;
        if self.strict {
            self.rejects.flush()?;
            anyhow::bail!("{reject} (--strict: nothing of the current batch was committed)");
        }
        self.rejects_seen += 1;
        if self.rejects_seen <= MAX_PRINTED_REJECTS {
            self.progress.suspend(|| eprintln!("{reject}"));
        }
        Ok(())
    }

    /// Analyzes the chunk's new or changed articles in parallel, then writes
    /// them in input order.
    fn process(&mut self, chunk: Vec<Item>) -> Result<()> {
        let mut stale = Vec::with_capacity(chunk.len());
        for item in &chunk {
            stale.push(match item {
                Item::Article(article, _) => !self.writer.is_current(article, self.analyzer.version)?,
                Item::Rejected(_) | Item::Elsewhere(_) => false,
            });
        }
        let analyzer = &self.analyzer;
        let statements: Vec<Vec<Statement>> = chunk
            .par_iter()
            .zip(stale.par_iter())
            .map(|(item, &stale)| match item {
                Item::Article(article, _) if stale => analyzer.analyze(article),
                _ => Vec::new(),
            })
            .collect();
        for (item, statements) in chunk.into_iter().zip(statements) {
            match item {
                Item::Article(article, origin) => {
                    match self.writer.upsert(&article, &statements, self.analyzer.version)? {
                        UpsertOutcome::Added => self.run.added += 1,
                        UpsertOutcome::Updated => self.run.updated += 1,
                        UpsertOutcome::Unchanged => self.run.unchanged += 1,
                    }
                    self.statements += statements.len() as u64;
                    self.articles += 1;
                    self.account(&origin);
                }
                Item::Rejected(origin) => {
                    self.run.rejected += 1;
                    self.account(&origin);
                }
                Item::Elsewhere(origin) => self.position.advance(&origin),
            }
            if self.since_commit >= self.batch {
                self.commit(false)?;
            }
        }
        Ok(())
    }

    fn account(&mut self, origin: &Origin) {
        self.position.advance(origin);
        self.since_commit += 1;
        self.bytes += origin.bytes;
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        self.progress.set_message(format!(
            "{} docs, {:.0} docs/s, {:.1} MB/s",
            self.articles,
            self.articles as f64 / secs,
            self.bytes as f64 / 1e6 / secs
        ));
    }

    fn commit(&mut self, complete: bool) -> Result<()> {
        let run = self.run;
        let before = self.before;
        let checkpoint = Checkpoint {
            files_done: self.position.files_done.clone(),
            current: self.position.current.clone(),
            counts: Counts {
                added: before.added + run.added,
                updated: before.updated + run.updated,
                unchanged: before.unchanged + run.unchanged,
                rejected: before.rejected + run.rejected,
            },
            analyzer_version: self.analyzer.version,
            complete,
        };
        self.writer.commit(&checkpoint)?;
        self.since_commit = 0;
        Ok(())
    }
}

fn progress_bar(total_bytes: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total_bytes);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:30} {binary_bytes}/{binary_total_bytes} {msg} [{elapsed_precise}]",
        )
        .expect("valid template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(path: &str) -> Origin {
        Origin { path: PathBuf::from(path), line: 1, bytes: 10 }
    }

    #[test]
    fn position_moves_finished_files_to_done() {
        let mut position = Position::default();
        for path in ["a", "a", "b"] {
            position.advance(&origin(path));
        }
        let done: Vec<&Path> = position.files_done.iter().map(|f| f.path.as_path()).collect();
        assert_eq!(done, vec![Path::new("a")]);
        let current = position.current.unwrap();
        assert_eq!((current.file.path.as_path(), current.records, current.bytes), (Path::new("b"), 1, 10));
    }

    #[test]
    fn skip_covers_done_files_and_the_first_records_of_the_partial_file() {
        let mut skip = Skip {
            files: [PathBuf::from("done")].into_iter().collect(),
            partial: Some((PathBuf::from("part"), 2)),
            ..Skip::default()
        };
        let seen: Vec<Skipped> = ["done", "part", "new", "part", "part", "done"]
            .iter()
            .map(|p| skip.check(Path::new(p)))
            .collect();
        use Skipped::*;
        assert_eq!(seen, vec![DoneFile, DoneRecord, No, DoneRecord, No, DoneFile]);
        assert_eq!(skip.skipped, 4);
    }

    #[test]
    fn fingerprints_differ_by_actor_file_and_are_never_zero() {
        assert_ne!(fingerprint(1, b"a"), fingerprint(1, b"b"));
        assert_ne!(fingerprint(1, b"a"), fingerprint(2, b"a"));
        assert_ne!(fingerprint(1, b""), NOT_ANALYZED);
    }
}
