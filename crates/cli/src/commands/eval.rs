use anyhow::Result;
use clap::Args;
use std::path::PathBuf;

use crate::config::Settings;
use crate::exit::Status;

/// Score the analyzer against gold annotations. Third-party gold data is never
/// bundled: give its path, or set STANCESHIFT_DATA (default ../shared/data).
/// The actors and dates golds are our own files (data/gold/); the articles
/// they point into are read from the same data directory.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// tempeval | polnear | factuality | meantime | actors | dates | all
    pub task: String,
    /// Gold directory or file [default: $STANCESHIFT_DATA/<task's usual place>, data/gold/<task>-dev.tsv]
    pub path: Option<PathBuf>,
    /// Print figures as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: EvalArgs, _settings: Settings) -> Result<Status> {
    let tasks: Vec<_> =
        stanceshift_eval::TASKS.iter().filter(|task| args.task == "all" || task.name == args.task).collect();
    if tasks.is_empty() {
        let names: Vec<_> = stanceshift_eval::TASKS.iter().map(|t| t.name).collect();
        anyhow::bail!("unknown eval task {:?}; expected one of {} or all", args.task, names.join(", "));
    }
    if args.path.is_some() && tasks.len() > 1 {
        anyhow::bail!("a gold path can only be given for a single task");
    }
    let mut reports = Vec::new();
    let data = stanceshift_eval::data_dir();
    for task in tasks {
        let name = task.name;
        let path = args.path.clone().unwrap_or_else(|| task.gold.path(&data));
        if !path.exists() {
            // Third-party gold data may be absent: skip, don't fail.
            eprintln!("skipping {name}: no gold data at {}", path.display());
            continue;
        }
        let report = match (task.run)(&path, &data) {
            Ok(report) => report,
            Err(e) if e.is_missing_data() => {
                eprintln!("skipping {name}: {e}");
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if !args.json {
            outln!("{}", report.text);
        }
        reports.push(report);
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&reports)?);
    }
    Ok(Status::found(!reports.is_empty()))
}
