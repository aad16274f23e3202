//! `stanceshift shards`: the steps around building a sharded index that an
//! engine (the Spark job in `scale/spark/`) drives.
//!
//! - `shards key --shards N`: reads JSON Lines on standard input and prints,
//!   for each input line, the shard its article belongs to (the shard
//!   `index --shard K --shards N` keeps it in); lines that are not articles
//!   get shard 0, where `index` reports bad records.
//! - `shards publish DIR --generation G`: checks that `DIR/gen-G/part-0..N`
//!   are complete indexes built by one analyzer with one actor file, switches
//!   `DIR` to that generation by replacing `DIR/manifest.json` atomically,
//!   then copies the shards' recorded actor file to `DIR/actors.toml`.

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use stanceshift_core::shard_of;
use stanceshift_corpus::date::DateOptions;
use stanceshift_corpus::{parse_json_line, Origin, Record};
use stanceshift_index::{
    forget_actors, is_index, record_actors, recorded_actors, Index, Manifest, RecordedActors,
};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::config::Settings;
use crate::exit::Status;
use crate::terminal::counted;

#[derive(Debug, Args)]
pub struct ShardsArgs {
    #[command(subcommand)]
    pub command: ShardsCommand,
}

#[derive(Debug, Subcommand)]
pub enum ShardsCommand {
    /// Print the shard of each JSON Lines record read on standard input, one per line
    Key {
        /// Number of shards
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        shards: u32,
    },
    /// Make DIR/gen-G/part-* the shards of the index DIR (atomic manifest switch)
    Publish {
        /// Sharded index directory
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Generation to publish
        #[arg(long, value_name = "G")]
        generation: u64,
        /// Expected number of shards [default: as many part-K directories as there are]
        #[arg(long, value_name = "N")]
        shards: Option<u32>,
    },
}

pub fn run(args: ShardsArgs, settings: Settings) -> Result<Status> {
    match args.command {
        ShardsCommand::Key { shards } => key(shards),
        ShardsCommand::Publish { dir, generation, shards } => {
            let manifest = publish(&dir, generation, shards)?;
            if !settings.quiet {
                eprintln!(
                    "{}: generation {} with {} is current",
                    dir.display(),
                    manifest.generation,
                    counted(manifest.shards.len() as u64, "shard", "shards")
                );
            }
            Ok(Status::Success)
        }
    }
}

fn key(shards: u32) -> Result<Status> {
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let origin = Origin { path: PathBuf::from("-"), line: 0, bytes: 0 };
    for line in stdin.split(b'\n') {
        let line = line.context("reading standard input")?;
        let shard = match parse_json_line(&line, origin.clone(), &DateOptions::default()) {
            Record::Article { article, .. } => shard_of(&article.id, shards),
            Record::Rejected(_) => 0,
        };
        writeln!(out, "{shard}")?;
    }
    out.flush()?;
    Ok(Status::Success)
}

/// The directory of shard `k` of generation `g`, relative to the index directory.
pub fn shard_path(generation: u64, k: u32) -> PathBuf {
    PathBuf::from(format!("gen-{generation}")).join(format!("part-{k}"))
}

fn publish(dir: &Path, generation: u64, shards: Option<u32>) -> Result<Manifest> {
    let found = (0u32..).take_while(|&k| dir.join(shard_path(generation, k)).is_dir()).count() as u32;
    let n = shards.unwrap_or(found);
    if n == 0 || found < n {
        bail!("{}: generation {generation} has {found} shards of {n}", dir.display());
    }
    let mut analyzer_version = None;
    let mut actors: Option<Option<RecordedActors>> = None;
    let mut paths = Vec::with_capacity(n as usize);
    for k in 0..n {
        let path = shard_path(generation, k);
        let full = dir.join(&path);
        if !is_index(&full) {
            bail!("{} holds no index", full.display());
        }
        let index = Index::open(&full).with_context(|| format!("opening shard {}", full.display()))?;
        let checkpoint = index.last_checkpoint()?;
        let Some(checkpoint) = checkpoint.filter(|c| c.complete) else {
            bail!("shard {} is not completely built", full.display());
        };
        // Checked before the analyzer version, which differs too when the
        // actor files do (it includes their fingerprint) but says less.
        let recorded = recorded_actors(&full)?.actors;
        match &actors {
            None => actors = Some(recorded),
            Some(first) if first.as_ref().map(|r| &r.bytes) != recorded.as_ref().map(|r| &r.bytes) => {
                let name = |r: &Option<RecordedActors>| {
                    r.as_ref().map_or("none".to_string(), |r| r.path.display().to_string())
                };
                bail!(
                    "shard {} was built with another actor file than shard 0 ({} vs {})",
                    full.display(),
                    name(&recorded),
                    name(first)
                )
            }
            Some(_) => {}
        }
        match analyzer_version {
            None => analyzer_version = Some(checkpoint.analyzer_version),
            Some(v) if v != checkpoint.analyzer_version => {
                bail!(
                    "shard {} was built by another analyzer ({} vs {v})",
                    full.display(),
                    checkpoint.analyzer_version
                )
            }
            Some(_) => {}
        }
        paths.push(path);
    }
    let manifest = Manifest { generation, analyzer_version: analyzer_version.unwrap_or(0), shards: paths };
    manifest.write(dir)?;
    // After the switch, as `index` records its file after it commits: until
    // this copy is in place, readers find that it is not what the manifest's
    // shards recorded and use theirs (`stanceshift_index::recorded_actors`).
    match actors.flatten() {
        Some(recorded) => {
            let source = recorded.source.unwrap_or(recorded.path);
            record_actors(dir, &recorded.bytes, &source)?
        }
        None => forget_actors(dir)?,
    }
    Ok(manifest)
}
