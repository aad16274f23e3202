//! `stanceshift index`: read corpus files, analyze articles in parallel and
//! upsert them into the index, committing in batches with a checkpoint so a
//! killed job can be re-run and picks up where it stopped.

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use stanceshift_analyzer::{analyze_article, ActorBook, ANALYZER_VERSION};
use stanceshift_core::{shard_of, Article, Statement};
use stanceshift_corpus::date::{DateOptions, DayMonthOrder};
use stanceshift_corpus::{Corpus, Origin, ReadOptions, Record, RecordError, Reject, RejectsWriter};
use stanceshift_index::{
    Checkpoint, Counts, FileProgress, FileStamp, Index, RejectsMark, UpsertOutcome, Writer, WriterOptions,
    NOT_ANALYZED,
};
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::Settings;
use crate::exit::Status;
use crate::session::{index_actor_file, ActorChoice};
use crate::terminal::counted;

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
    /// Who speaks in these documents (speeches, transcripts, press releases):
    /// first-person sentences become this speaker's statements. A record's own
    /// `speaker` field or front matter wins
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
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
    /// Order of day and month in numeric dates such as 02/10/2025 [default: accept
    /// only dates that read one way]
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<DateOrderArg>,
    /// Read dates that are bare numbers as Unix time (seconds, or milliseconds for 13 digits)
    #[arg(long)]
    pub unix_time: bool,
    /// Threads for analysis and indexing [default: all cores]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..256))]
    pub threads: Option<u64>,
    /// Index only the articles of shard K of --shards (by a hash of the article id)
    #[arg(long, value_name = "K", requires = "shards")]
    pub shard: Option<u32>,
    /// Number of shards the corpus is split into (see `shards publish`)
    #[arg(long, value_name = "N", requires = "shard", value_parser = clap::value_parser!(u32).range(1..))]
    pub shards: Option<u32>,
    /// Print the summary as one JSON document (docs/cli-json.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum DateOrderArg {
    /// Day first: 02/10/2025 is 2 October
    Dmy,
    /// Month first: 02/10/2025 is 10 February
    Mdy,
}

pub fn run(args: IndexArgs, settings: Settings) -> Result<Status> {
    let index_dir = settings.index.clone();
    run_job(args, settings).map_err(|err| explain_disk_full(err, &index_dir))
}

/// A job that failed for want of disk space says so, once, with the path:
/// the engine often reports only that a worker thread died.
fn explain_disk_full(err: anyhow::Error, index_dir: &Path) -> anyhow::Error {
    let full = |e: &std::io::Error| e.kind() == std::io::ErrorKind::StorageFull;
    let text = format!("{err:#}");
    let says_full = err.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(full))
        || text.contains("No space left on device");
    let worker_died = text.contains("index writer was killed") || text.contains("worker thread");
    if says_full || (worker_died && no_space_in(index_dir)) {
        return anyhow::anyhow!(
            "no space left on device writing the index {} (nothing after the last commit was kept)",
            index_dir.display()
        );
    }
    err
}

/// Whether a small file can no longer be written in `dir` for want of space.
fn no_space_in(dir: &Path) -> bool {
    let probe = dir.join(format!(".space-probe-{}", std::process::id()));
    let result = std::fs::write(&probe, vec![0u8; 256 * 1024]);
    let _ = std::fs::remove_file(&probe);
    result.is_err_and(|e| e.kind() == std::io::ErrorKind::StorageFull)
}

fn run_job(args: IndexArgs, settings: Settings) -> Result<Status> {
    let started = Instant::now();
    let threads = args
        .threads
        .map(|n| n as usize)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let analyzer = Analyzer::load(&settings, args.no_analyze)?;
    if let Some(note) = analyzer.actors.as_ref().and_then(ActorChoice::index_note).filter(|_| !settings.quiet)
    {
        eprintln!("{note}");
    }
    let shard = match (args.shard, args.shards) {
        (Some(k), Some(n)) if k >= n => anyhow::bail!("--shard {k} is not below --shards {n}"),
        (Some(k), Some(n)) => Some((k, n)),
        _ => None,
    };

    // A mistyped corpus path fails before the index is created or locked.
    let dates = DateOptions {
        order: args.date_order.map(|order| match order {
            DateOrderArg::Dmy => DayMonthOrder::DayFirst,
            DateOrderArg::Mdy => DayMonthOrder::MonthFirst,
        }),
        unix_time: args.unix_time,
    };
    let corpus = Corpus::open(&args.corpus, ReadOptions { dates, ..ReadOptions::default() })?;
    let index = Index::open_or_create(&settings.index)
        .with_context(|| format!("opening index {}", settings.index.display()))?;
    let mut writer = index.writer(WriterOptions { threads: threads.min(4), ..WriterOptions::default() })?;
    let resume = if args.rebuild { None } else { resumable(&index, analyzer.version)? };
    if args.rebuild {
        writer.clear()?;
    }
    let rejects_path = args.rejects.clone().unwrap_or_else(|| settings.index.join("rejects.jsonl"));
    let rejects = open_rejects(&rejects_path, resume.as_ref())?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let progress = progress_bar(corpus.total_bytes(), settings.quiet);

    let mut job = Job {
        writer,
        index_dir: settings.index.clone(),
        analyzer,
        rejects,
        rejects_path,
        strict: args.strict,
        shard,
        speaker: args.speaker.clone().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        batch: args.batch,
        progress,
        position: Position::default(),
        skip: Skip::default(),
        paths: CanonicalPaths::default(),
        run: Counts::default(),
        before: Counts::default(),
        rejects_seen: 0,
        since_commit: 0,
        analysis_failures: 0,
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
        // A writer that died cannot roll back; the job's own error says why.
        let _ = job.writer.rollback();
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
    if args.json {
        let summary = serde_json::json!({
            "index": settings.index.display().to_string(),
            "added": counts.added,
            "updated": counts.updated,
            "unchanged": counts.unchanged,
            "skipped": skipped,
            "rejected": counts.rejected,
            "statements": statements,
            "elapsed_seconds": (secs * 1000.0).round() / 1000.0,
            "rejects": job.rejects_path.display().to_string(),
        });
        outln!("{summary}");
    } else {
        outln!(
            "added {}, updated {}, unchanged {}, rejected {} in {:.1} s ({:.0} docs/s, {:.1} MB/s)",
            counts.added,
            counts.updated,
            counts.unchanged,
            counts.rejected,
            secs,
            articles as f64 / secs,
            bytes as f64 / 1e6 / secs,
        );
    }
    if !settings.quiet && !args.json && statements > 0 {
        eprintln!("{} found", counted(statements, "statement", "statements"));
    }
    if job.analysis_failures > 0 {
        eprintln!(
            "analysis failed on {}, indexed without statements (see {})",
            counted(job.analysis_failures, "article", "articles"),
            job.rejects_path.display()
        );
    }
    let kept = counts.added + counts.updated + counts.unchanged;
    if kept == 0 && counts.rejected > 0 {
        eprintln!(
            "error: every record was rejected ({}); nothing was indexed (see {})",
            counts.rejected,
            job.rejects_path.display()
        );
        return Ok(Status::NothingFound);
    }
    Ok(Status::Success)
}

/// The rejects file: a fresh one per run, except that a resumed run appends
/// to the rejects of the run it continues, cut back first to what that run
/// had committed (so each rejected record is in it once, on whole lines).
fn open_rejects(path: &Path, resume: Option<&Checkpoint>) -> Result<RejectsWriter> {
    let Some(checkpoint) = resume else {
        return RejectsWriter::create(path)
            .with_context(|| format!("creating rejects file {}", path.display()));
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("opening rejects file {}", path.display()))?;
    if let Some(mark) = checkpoint.rejects.as_ref().filter(|m| m.path == canonical(path)) {
        let len = file.metadata().with_context(|| format!("reading {}", path.display()))?.len();
        if len > mark.bytes {
            file.set_len(mark.bytes)
                .with_context(|| format!("truncating rejects file {}", path.display()))?;
        }
    }
    Ok(RejectsWriter::new(std::io::BufWriter::new(file)))
}

/// The canonical form of `path` (the path itself when it cannot be resolved:
/// standard input, a file that is gone).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
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
    /// The actor file analyzed with, to record in the index after the first
    /// commit (then `None`); `None` under `--no-analyze`, which records nothing.
    actors: Option<ActorChoice>,
}

impl Analyzer {
    fn load(settings: &Settings, no_analyze: bool) -> Result<Analyzer> {
        if no_analyze {
            return Ok(Analyzer { version: NOT_ANALYZED, book: None, actors: None });
        }
        // Given, else the one recorded in the index: a re-run without
        // --actors analyzes as the run that built the index did.
        let actors = index_actor_file(settings)?;
        let book = actors.book()?;
        // Statements depend on the actor file too: editing it must re-analyze
        // articles whose text did not change, so its bytes go into the version.
        let version = actors.bytes().map_or(ANALYZER_VERSION, |bytes| fingerprint(ANALYZER_VERSION, bytes));
        Ok(Analyzer { version, book: Some(book), actors: Some(actors) })
    }

    /// The article's statements, or the panic message if the analyzer failed
    /// on it: one article must not stop a job.
    fn analyze(&self, article: &Article) -> Result<Vec<Statement>, String> {
        let Some(book) = &self.book else { return Ok(Vec::new()) };
        let _quiet = QuietPanics::enter();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // Debug builds only: lets the tests make the analyzer fail on one article.
            #[cfg(debug_assertions)]
            if std::env::var("STANCESHIFT_TEST_FAIL_ANALYSIS").is_ok_and(|id| id == article.id.as_str()) {
                panic!("analysis failure forced for a test");
            }
            analyze_article(article, book).statements
        }))
        .map_err(|payload| panic_message(payload.as_ref()))
    }
}

thread_local! {
    /// Set while this thread analyzes an article: its panics are caught and reported.
    static ANALYZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks the current thread as analyzing, so the panic hook stays silent for
/// panics that `Analyzer::analyze` catches and reports itself.
struct QuietPanics(bool);

impl QuietPanics {
    fn enter() -> QuietPanics {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            let default = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if !ANALYZING.with(|a| a.get()) {
                    default(info);
                }
            }));
        });
        QuietPanics(ANALYZING.with(|a| a.replace(true)))
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        ANALYZING.with(|a| a.set(self.0));
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
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
    /// Counts one record of `path` (canonical) of `bytes` bytes.
    fn advance(&mut self, path: &Path, bytes: u64) {
        let same = self.current.as_ref().is_some_and(|c| c.file.path == path);
        if !same {
            if let Some(done) = self.current.take() {
                self.files_done.push(done.file);
            }
            let file = FileStamp::of(path).unwrap_or(FileStamp {
                path: path.to_path_buf(),
                size: 0,
                modified_ns: 0,
            });
            self.current = Some(FileProgress { file, records: 0, bytes: 0 });
        }
        let current = self.current.as_mut().expect("set above");
        current.records += 1;
        current.bytes += bytes;
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
    Rejected(Reject),
    /// A record of another shard: only the position moves past it.
    Elsewhere(Origin),
}

/// The canonical path of the file records come from, computed once per file.
#[derive(Default)]
struct CanonicalPaths {
    last: Option<(PathBuf, PathBuf)>,
}

impl CanonicalPaths {
    fn of(&mut self, typed: &Path) -> PathBuf {
        match &self.last {
            Some((t, c)) if t == typed => c.clone(),
            _ => {
                let c = canonical(typed);
                self.last = Some((typed.to_path_buf(), c.clone()));
                c
            }
        }
    }
}

struct Job {
    writer: Writer,
    index_dir: PathBuf,
    analyzer: Analyzer,
    rejects: RejectsWriter,
    rejects_path: PathBuf,
    strict: bool,
    /// Only articles of shard `.0` of `.1`; bad records only in shard 0, so
    /// that the shards of one corpus report each once.
    shard: Option<(u32, u32)>,
    /// `--speaker`, for records that name none.
    speaker: Option<String>,
    batch: u64,
    progress: ProgressBar,
    position: Position,
    skip: Skip,
    paths: CanonicalPaths,
    /// Counts of this run.
    run: Counts,
    /// Counts of the interrupted run this one continues.
    before: Counts,
    /// Bad records met so far (they are counted in `run` when their chunk is written).
    rejects_seen: u64,
    since_commit: u64,
    /// Articles indexed without statements because the analyzer failed on them.
    analysis_failures: u64,
    bytes: u64,
    articles: u64,
    statements: u64,
    started: Instant,
}

impl Job {
    fn resume_from(&mut self, checkpoint: Checkpoint) {
        // Stamps of older versions hold paths as typed: resolve them too.
        for mut stamp in checkpoint.files_done {
            if stamp.is_unchanged() {
                stamp.path = canonical(&stamp.path);
                self.skip.files.insert(stamp.path.clone());
                self.position.files_done.push(stamp);
            }
        }
        if let Some(current) = checkpoint.current.filter(|c| c.file.is_unchanged()) {
            self.skip.partial = Some((canonical(&current.file.path), current.records));
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
            let path = self.paths.of(&origin.path);
            match self.skip.check(&path) {
                Skipped::No => {}
                Skipped::DoneFile => continue,
                Skipped::DoneRecord => {
                    // Counted in the position so a second interruption still
                    // knows these records are done; earlier items go first.
                    let bytes = origin.bytes;
                    self.process(std::mem::take(&mut chunk))?;
                    self.position.advance(&path, bytes);
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
                Record::Article { mut article, origin } => {
                    if article.speaker.is_none() {
                        article.speaker.clone_from(&self.speaker);
                    }
                    chunk.push(Item::Article(article, origin))
                }
                Record::Rejected(reject) if self.strict => {
                    // Batches complete before the bad record are committed, as
                    // without --strict; nothing of the current one is.
                    self.process(std::mem::take(&mut chunk))?;
                    self.rejects.write(&reject)?;
                    self.rejects.flush()?;
                    anyhow::bail!("{reject} (--strict: nothing of the current batch was committed)");
                }
                Record::Rejected(reject) => chunk.push(Item::Rejected(reject)),
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

    /// Writes a bad record to the rejects file when its turn comes in the
    /// input order, so the file as of a commit holds the committed rejects only.
    fn reject(&mut self, reject: &Reject) -> Result<()> {
        self.rejects.write(reject)?;
        self.rejects_seen += 1;
        if self.rejects_seen <= MAX_PRINTED_REJECTS {
            self.progress.suspend(|| eprintln!("{reject}"));
        }
        Ok(())
    }

    /// Records an article the analyzer failed on in the rejects file and on
    /// stderr; the article is still indexed, without statements.
    fn analysis_failed(&mut self, article: &Article, origin: &Origin, message: String) -> Result<()> {
        let error = RecordError::AnalysisFailed { id: article.id.as_str().to_string(), message };
        let reject = Reject::without_raw(origin.clone(), error);
        self.rejects.write(&reject)?;
        self.analysis_failures += 1;
        self.progress.suspend(|| eprintln!("{reject}"));
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
        let statements: Vec<Result<Vec<Statement>, String>> = chunk
            .par_iter()
            .zip(stale.par_iter())
            .map(|(item, &stale)| match item {
                Item::Article(article, _) if stale => analyzer.analyze(article),
                _ => Ok(Vec::new()),
            })
            .collect();
        for (item, statements) in chunk.into_iter().zip(statements) {
            match item {
                Item::Article(article, origin) => {
                    let statements = match statements {
                        Ok(statements) => statements,
                        Err(message) => {
                            self.analysis_failed(&article, &origin, message)?;
                            Vec::new()
                        }
                    };
                    match self.writer.upsert(&article, &statements, self.analyzer.version)? {
                        UpsertOutcome::Added => self.run.added += 1,
                        UpsertOutcome::Updated => self.run.updated += 1,
                        UpsertOutcome::Unchanged => self.run.unchanged += 1,
                    }
                    self.statements += statements.len() as u64;
                    self.articles += 1;
                    self.account(&origin);
                }
                Item::Rejected(reject) => {
                    self.reject(&reject)?;
                    self.run.rejected += 1;
                    self.account(&reject.origin);
                }
                Item::Elsewhere(origin) => {
                    let path = self.paths.of(&origin.path);
                    self.position.advance(&path, origin.bytes);
                }
            }
            if self.since_commit >= self.batch {
                self.commit(false)?;
            }
        }
        Ok(())
    }

    fn account(&mut self, origin: &Origin) {
        let path = self.paths.of(&origin.path);
        self.position.advance(&path, origin.bytes);
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

    /// Flushes the rejects file and says how long it is, for the checkpoint.
    fn rejects_mark(&mut self) -> Result<Option<RejectsMark>> {
        self.rejects.flush()?;
        let path = canonical(&self.rejects_path);
        Ok(std::fs::metadata(&path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| RejectsMark { path, bytes: m.len() }))
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
            rejects: self.rejects_mark()?,
        };
        self.writer.commit(&checkpoint)?;
        if let Some(actors) = self.analyzer.actors.take() {
            actors.record_in(&self.index_dir).context("recording the actor file in the index")?;
        }
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
            let origin = origin(path);
            position.advance(&origin.path, origin.bytes);
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
    fn a_full_disk_is_named_once_with_the_index_path() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let err = anyhow::Error::new(full).context("index engine: writing a segment");
        let text = format!("{:#}", explain_disk_full(err, Path::new("/data/idx")));
        assert_eq!(
            text,
            "no space left on device writing the index /data/idx (nothing after the last commit was kept)"
        );
        // A dead worker with space to spare stays as it was.
        let dir = tempfile::tempdir().unwrap();
        let err = anyhow::anyhow!("An index writer was killed.. A worker thread encountered an error");
        assert!(format!("{:#}", explain_disk_full(err, dir.path())).starts_with("An index writer was killed"));
    }

    #[test]
    fn fingerprints_differ_by_actor_file_and_are_never_zero() {
        assert_ne!(fingerprint(1, b"a"), fingerprint(1, b"b"));
        assert_ne!(fingerprint(1, b"a"), fingerprint(2, b"a"));
        assert_ne!(fingerprint(1, b""), NOT_ANALYZED);
    }
}
