//! `stanceshift demo`: the main job on the bundled sample corpus, end to end.
//! It runs the real subcommands (parsed from argument lists, exactly as a user
//! would type them) so the demo can never drift from the CLI.

use anyhow::{Context, Result};
use clap::{Args, Parser};
use std::path::{Path, PathBuf};

use crate::args::Cli;
use crate::config::{Actors, IndexOrigin, Settings};
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Sample corpus to index [default: data/sample beside the binary's source tree, else ./data/sample]
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Where to write the demo index (unless --index DIR) and reports [default: ./stanceshift-demo]
    #[arg(long, value_name = "DIR", default_value = "stanceshift-demo")]
    pub out: PathBuf,
    /// Actor whose stance shifts are analyzed
    #[arg(long, default_value = "Donald Trump")]
    pub actor: String,
    /// Search query to run
    #[arg(long, default_value = "\"meet\" AND Putin")]
    pub query: String,
}

pub fn run(args: DemoArgs, settings: Settings) -> Result<Status> {
    let corpus = match args.corpus {
        Some(dir) => dir,
        None => default_corpus().context("no sample corpus found: pass --corpus DIR")?,
    };
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    // Only an explicit --index: an index named in a config file is the user's own corpus.
    let index = match settings.index_origin {
        IndexOrigin::Flag => settings.index.clone(),
        IndexOrigin::ConfigFile | IndexOrigin::Default => args.out.join("index"),
    };
    let index = index.to_str().context("demo index path is not UTF-8")?;
    let corpus = corpus.to_str().context("corpus path is not UTF-8")?;
    // The demo's own global flags reach every step.
    let mut extra = vec!["--color".to_string(), settings.color.as_flag().to_string()];
    if settings.quiet {
        extra.push("--quiet".into());
    }
    match &settings.actors {
        Actors::BuiltinOnly => extra.push("--no-actors".into()),
        given => {
            if let Some(path) =
                given.file().map(Path::to_path_buf).or_else(|| sample_actors(Path::new(corpus)))
            {
                extra.extend(["--actors".to_string(), path.to_string_lossy().into_owned()]);
            }
        }
    }
    let step = |title: &str| {
        if !settings.quiet {
            println!("\n== {title}");
        }
    };

    step("1/5 index the sample corpus (a second run would change nothing)");
    run_cli(&["index", corpus, "--index", index], &extra)?;

    step(&format!("2/5 search {}", args.query));
    run_cli(&["search", &args.query, "--index", index, "--sort", "oldest", "--limit", "5"], &extra)?;

    step(&format!("3/5 statements by {}", args.actor));
    run_cli(&["statements", "--actor", &args.actor, "--index", index], &extra)?;

    step(&format!("4/5 stance shifts of {}", args.actor));
    let found = run_cli(&["analyze", "--actor", &args.actor, "--index", index], &extra)?;

    step("5/5 change reports");
    for format in ["md", "html", "json"] {
        let out = args.out.join(format!("report.{format}"));
        let out = out.to_str().context("demo output path is not UTF-8")?;
        run_cli(
            &["report", "--actor", &args.actor, "--index", index, "--format", format, "-o", out],
            &extra,
        )?;
    }
    Ok(found)
}

fn run_cli(argv: &[&str], extra: &[String]) -> Result<Status> {
    let mut full: Vec<String> = vec!["stanceshift".into()];
    full.extend(argv.iter().map(|s| s.to_string()));
    full.extend(extra.iter().cloned());
    let cli = Cli::try_parse_from(&full).map_err(|e| anyhow::anyhow!("{e}"))?;
    let status = super::run(cli)?;
    if status == Status::Error {
        anyhow::bail!("`{}` failed", full.join(" "));
    }
    Ok(status)
}

/// data/sample in the source tree (for `cargo run`), else ./data/sample.
fn default_corpus() -> Option<PathBuf> {
    let candidates =
        [Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample"), PathBuf::from("data/sample")];
    candidates.into_iter().find(|p| p.is_dir())
}

/// The sample corpus's actor file, `data/actors.toml`, when it sits beside it.
fn sample_actors(corpus: &Path) -> Option<PathBuf> {
    let path = corpus.parent()?.join("actors.toml");
    path.is_file().then_some(path)
}
