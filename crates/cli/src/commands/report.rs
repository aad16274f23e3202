//! `stanceshift report (--actor NAME | --all) -o FILE`: a change report in
//! Markdown, self-contained HTML or JSON. `--all` analyzes every actor of the
//! corpus in parallel and writes one report that opens with the flagged
//! shifts of all actors ranked by score. The same index always gives the
//! same bytes: nothing in a report depends on the clock or on thread timing.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{ArgGroup, Args};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use stanceshift_core::ActorAnalysis;
use stanceshift_report::{Format, Unflagged};

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
    /// With --all: leave out actors without a flagged shift (by default they take one line each)
    #[arg(long, requires = "all")]
    pub only_flagged: bool,
    /// Flag only shifts scoring at least this (0..1)
    #[arg(long, value_name = "X", value_parser = parse_score)]
    pub min_score: Option<f32>,
    /// Open the written file with the desktop's viewer (xdg-open, open)
    #[arg(long)]
    pub open: bool,
}

fn parse_score(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(score) if (0.0..=1.0).contains(&score) => Ok(score),
        _ => Err(format!("{text:?} is not a score between 0 and 1")),
    }
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
            let progress = progress_bar(groups.len() as u64, settings.quiet);
            // One analysis per actor, in parallel; the report sorts them, so
            // the order threads finish in never shows.
            let analyses = groups
                .par_iter()
                .filter_map(|(actor, statements)| {
                    let analysis = corpus.analyze(actor, statements, topic);
                    progress.inc(1);
                    (!analysis.topics.is_empty()).then_some(analysis)
                })
                .collect();
            progress.finish_and_clear();
            analyses
        }
    };
    let unflagged = match (args.all, args.only_flagged) {
        (true, true) => Unflagged::LeftOut,
        (true, false) => Unflagged::OneLine,
        (false, _) => Unflagged::Detailed,
    };
    let articles = corpus.article_sources(stanceshift_report::cited_articles(&analyses))?;
    let meta = corpus
        .meta(&settings, args.scope.topic.clone())
        .with_articles(articles)
        .with_min_score(args.min_score)
        .with_unflagged(unflagged);
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
        let min = args.min_score.unwrap_or(0.0);
        let flagged: usize = analyses.iter().map(|a| a.changes().filter(|s| s.score >= min).count()).sum();
        eprintln!(
            "wrote {} ({format}): {} actor(s), {flagged} flagged shift(s)",
            args.output.display(),
            analyses.len()
        );
    }
    if args.open {
        open_in_viewer(&args.output, to_stdout);
    }
    Ok(Status::found(found))
}

/// A bar on standard error while actors are analyzed, only when a person
/// watches (a terminal) and did not ask for quiet.
fn progress_bar(actors: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(actors);
    if let Ok(style) = ProgressStyle::with_template("analyzing {bar:30} {pos}/{len} actors ({eta} left)") {
        bar.set_style(style);
    }
    bar
}

/// The desktop's "open this file" command on this platform.
const OPENERS: &[&str] = if cfg!(target_os = "macos") { &["open"] } else { &["xdg-open"] };

/// `report --open`: hand the written file to the desktop's viewer. Whatever
/// happens, the report is written and the command succeeds; when nothing can
/// open it, say where it is.
fn open_in_viewer(output: &Path, to_stdout: bool) {
    if to_stdout {
        eprintln!("--open: the report went to standard output; give -o FILE to open it");
        return;
    }
    let path = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    let Some(opener) = OPENERS.iter().find_map(|name| find_on_path(name)) else {
        eprintln!("--open: no {} found; the report is at {}", OPENERS.join(" or "), path.display());
        return;
    };
    let status = std::process::Command::new(&opener)
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => eprintln!(
            "--open: {} exited with {status}; the report is at {}",
            opener.display(),
            path.display()
        ),
        Err(err) => {
            eprintln!("--open: cannot run {}: {err}; the report is at {}", opener.display(), path.display())
        }
    }
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths).map(|dir| dir.join(name)).find(|candidate| candidate.is_file())
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
