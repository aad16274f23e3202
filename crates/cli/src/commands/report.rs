//! `stanceshift report (--actor NAME | --all) -o FILE`: a change report in
//! Markdown, self-contained HTML or JSON. `--all` analyzes every actor of the
//! corpus in parallel and writes one report. The same index always gives the
//! same bytes: nothing in a report depends on the clock or on thread timing.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{ArgGroup, Args};
use rayon::prelude::*;
use stanceshift_core::ActorAnalysis;
use stanceshift_report::Format;

use crate::args::AnalysisScope;
use crate::config::Settings;
use crate::exit::Status;
use crate::session::Corpus;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("who").required(true).args(["actor", "all"])))]
#[command(after_help = "Exit status: 0 when the report covers at least one topic, 1 when no actor had \
    statements on any topic (the report is still written), 2 on error.\n\
    The same index always gives the same bytes: reports hold no timestamps.")]
pub struct ReportArgs {
    /// Actor id, name or alias ("donald-trump", "Donald Trump", "Trump")
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Every actor in the corpus, analyzed in parallel, in one report
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub scope: AnalysisScope,
    /// md, html or json [default: from the output file's extension; md on stdout]
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Output file, or - for stdout
    #[arg(short = 'o', long = "output", value_name = "FILE", default_value = "-")]
    pub output: PathBuf,
}

pub fn run(args: ReportArgs, settings: Settings) -> Result<Status> {
    let to_stdout = args.output.as_os_str() == "-";
    let format = match args.format {
        Some(format) => format,
        None if to_stdout => Format::Markdown,
        None => Format::from_path(&args.output)?,
    };
    let corpus = Corpus::open(&settings, args.scope.to)?;
    let topic = args.scope.topic.as_deref();
    let analyses: Vec<ActorAnalysis> = match &args.actor {
        Some(name) => {
            let actor = corpus.resolve(name)?;
            let statements = corpus.statements_for(&actor, args.scope.from, args.scope.to)?;
            if statements.is_empty() && !settings.quiet {
                eprintln!("{}", corpus.no_statements_hint(&actor)?);
            }
            vec![corpus.analyze(&actor, &statements, topic)]
        }
        None => {
            let groups =
                corpus.selection().group_by_actor(corpus.all_statements(args.scope.from, args.scope.to)?);
            // One analysis per actor, in parallel; the report sorts them, so
            // the order threads finish in never shows.
            groups
                .par_iter()
                .filter_map(|(actor, statements)| {
                    let analysis = corpus.analyze(actor, statements, topic);
                    (!analysis.topics.is_empty()).then_some(analysis)
                })
                .collect()
        }
    };
    let meta = corpus.meta(&settings, args.scope.topic.clone());
    let text = stanceshift_report::render(format, &analyses, &meta);
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes()).context("writing the report to stdout")?;
        stdout.flush()?;
    } else {
        write_atomically(&args.output, text.as_bytes())?;
    }
    let found = analyses.iter().any(|a| !a.topics.is_empty());
    if !settings.quiet && !to_stdout {
        let flagged: usize = analyses.iter().map(|a| a.changes().count()).sum();
        eprintln!(
            "wrote {} ({format}): {} actor(s), {flagged} flagged shift(s)",
            args.output.display(),
            analyses.len()
        );
    }
    Ok(Status::found(found))
}

/// Write to a temporary file beside `path`, then rename it into place, so a
/// reader (or a crash) never sees half a report.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    // A symlink is written through (its target is replaced); anything that is
    // not a regular file (a FIFO, a device, a directory) is refused.
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = std::fs::canonicalize(path).with_context(|| {
                format!("{} is a symlink to nowhere; refusing to write the report", path.display())
            })?;
            resolved.as_path()
        }
        _ => path,
    };
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            anyhow::bail!(
                "{} is not a regular file ({}); refusing to replace it with the report",
                path.display(),
                file_kind(&meta)
            );
        }
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().with_context(|| format!("{} is not a file name", path.display()))?;
    let temp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
    std::fs::write(&temp, bytes).with_context(|| format!("writing {}", temp.display()))?;
    std::fs::rename(&temp, path).with_context(|| {
        let _ = std::fs::remove_file(&temp);
        format!("moving the report into {}", path.display())
    })
}

/// What kind of file system object `meta` describes, for error messages.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}
