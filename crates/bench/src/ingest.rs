//! Ingest throughput: stanceshift's real `index` command against bare tantivy
//! and SQLite FTS5, every system run as its own process on a fresh directory
//! so wall time and peak RSS are measured the same way for all of them.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::process::run_measured;
use crate::stats::{thousands, Table, MB};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Stanceshift,
    StanceshiftNoAnalyze,
    Tantivy,
    Fts5,
}

impl System {
    pub fn label(self) -> &'static str {
        match self {
            System::Stanceshift => "stanceshift index",
            System::StanceshiftNoAnalyze => "stanceshift index --no-analyze",
            System::Tantivy => "bare tantivy",
            System::Fts5 => "SQLite FTS5",
        }
    }

    /// Where this system's index of a corpus lives in the work directory.
    pub fn index_path(self, indexes: &Path) -> PathBuf {
        indexes.join(match self {
            System::Stanceshift => "stanceshift",
            System::StanceshiftNoAnalyze => "stanceshift-no-analyze",
            System::Tantivy => "tantivy",
            System::Fts5 => "fts5.sqlite",
        })
    }
}

/// Everything an ingest run needs to know about the programs and settings.
#[derive(Debug, Clone)]
pub struct Setup {
    pub stanceshift_bin: PathBuf,
    /// Whether `stanceshift index --help` lists `--no-analyze`.
    pub has_no_analyze: bool,
    pub heap_bytes: usize,
    pub threads: usize,
}

impl Setup {
    pub fn new(stanceshift_bin: PathBuf, heap_bytes: usize, threads: usize) -> Result<Setup> {
        if !stanceshift_bin.is_file() {
            bail!(
                "no stanceshift binary at {} (build it with `cargo build --release -p stanceshift` \
                 in the same target directory, or pass --stanceshift PATH)",
                stanceshift_bin.display()
            );
        }
        let help = Command::new(&stanceshift_bin)
            .args(["index", "--help"])
            .output()
            .with_context(|| format!("running {} index --help", stanceshift_bin.display()))?;
        let help = String::from_utf8_lossy(&help.stdout);
        Ok(Setup { has_no_analyze: help.contains("--no-analyze"), stanceshift_bin, heap_bytes, threads })
    }

    pub fn systems(&self) -> Vec<System> {
        let mut systems = vec![System::Stanceshift];
        if self.has_no_analyze {
            systems.push(System::StanceshiftNoAnalyze);
        }
        systems.extend([System::Tantivy, System::Fts5]);
        systems
    }

    fn command(&self, system: System, corpus: &Path, target: &Path) -> Result<Command> {
        let mut command = match system {
            System::Stanceshift | System::StanceshiftNoAnalyze => {
                let mut c = Command::new(&self.stanceshift_bin);
                c.arg("--quiet").arg("index").arg(corpus).arg("--index").arg(target);
                if system == System::StanceshiftNoAnalyze {
                    c.arg("--no-analyze");
                }
                c
            }
            System::Tantivy | System::Fts5 => {
                let mut c = Command::new(std::env::current_exe()?);
                let name = if system == System::Tantivy { "tantivy" } else { "fts5" };
                c.args(["baseline", name]).arg(corpus).arg(target);
                c.arg("--heap-bytes").arg(self.heap_bytes.to_string());
                c.arg("--threads").arg(self.threads.to_string());
                c
            }
        };
        // Run from the corpus directory so no stanceshift.toml of the caller applies.
        command.current_dir(corpus.parent().unwrap_or(Path::new(".")));
        Ok(command)
    }
}

#[derive(Debug, Clone)]
pub struct IngestRun {
    pub system: System,
    pub docs: u64,
    pub bytes: u64,
    pub wall: Duration,
    pub peak_rss: Option<u64>,
    pub index_bytes: u64,
    /// Statements the analyzer stored (stanceshift runs only): shows whether
    /// the measured run really analyzed.
    pub statements: Option<u64>,
}

impl IngestRun {
    pub fn docs_per_sec(&self) -> f64 {
        self.docs as f64 / self.wall.as_secs_f64()
    }

    pub fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / MB / self.wall.as_secs_f64()
    }
}

/// Indexes `corpus` with `system` into a fresh `target`, timing the process.
pub fn ingest(setup: &Setup, system: System, corpus: &Path, target: &Path, docs: u64) -> Result<IngestRun> {
    remove_any(target)?;
    let bytes = std::fs::metadata(corpus)?.len();
    eprintln!("  {} on {} ...", system.label(), corpus.display());
    let measured = run_measured(&mut setup.command(system, corpus, target)?)?;
    if !measured.status.success() {
        bail!("{} failed ({}): {}", system.label(), measured.status, measured.stderr.trim());
    }
    let statements = match system {
        System::Stanceshift | System::StanceshiftNoAnalyze => Some(check_stanceshift_index(target, docs)?),
        System::Tantivy | System::Fts5 => None,
    };
    Ok(IngestRun {
        system,
        docs,
        bytes,
        wall: measured.wall,
        peak_rss: measured.peak_rss,
        index_bytes: disk_usage(target),
        statements,
    })
}

/// Checks that every document made it into the index; returns the number of statements.
fn check_stanceshift_index(dir: &Path, docs: u64) -> Result<u64> {
    let searcher = stanceshift_index::Index::open(dir)?.searcher()?;
    let articles = searcher.num_articles()?;
    if articles != docs {
        bail!("{} holds {articles} articles, expected {docs} (see its rejects.jsonl)", dir.display());
    }
    Ok(searcher.num_statements()?)
}

fn remove_any(path: &Path) -> Result<()> {
    if path.is_dir() {
        std::fs::remove_dir_all(path).with_context(|| format!("removing {}", path.display()))?;
    } else if path.exists() {
        std::fs::remove_file(path).with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

fn disk_usage(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Lines of a JSONL file, i.e. documents.
pub fn count_docs(corpus: &Path) -> Result<u64> {
    use std::io::Read;
    let mut file = std::fs::File::open(corpus).with_context(|| format!("opening {}", corpus.display()))?;
    let mut buf = vec![0u8; 1 << 20];
    let mut lines = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(lines);
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
}

/// The ingest table; ratios are wall time over bare tantivy's on the same corpus.
pub fn table(runs: &[IngestRun]) -> String {
    let mut table = Table::new(&[
        "system",
        "docs",
        "MB",
        "seconds",
        "docs/s",
        "MB/s",
        "time vs bare tantivy",
        "peak RSS MB",
        "index MB",
        "statements",
    ]);
    for run in runs {
        let baseline = runs.iter().find(|r| r.system == System::Tantivy && r.bytes == run.bytes);
        let ratio = baseline
            .map_or("-".to_owned(), |b| format!("{:.2}×", run.wall.as_secs_f64() / b.wall.as_secs_f64()));
        table.row(vec![
            run.system.label().to_owned(),
            thousands(run.docs as f64),
            format!("{:.0}", run.bytes as f64 / MB),
            format!("{:.1}", run.wall.as_secs_f64()),
            thousands(run.docs_per_sec()),
            format!("{:.1}", run.mb_per_sec()),
            ratio,
            run.peak_rss.map_or("-".to_owned(), |r| format!("{:.0}", r as f64 / MB)),
            format!("{:.0}", run.index_bytes as f64 / MB),
            run.statements.map_or("-".to_owned(), |n| thousands(n as f64)),
        ]);
    }
    table.render()
}
