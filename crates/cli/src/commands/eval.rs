use anyhow::Result;
use clap::Args;
use std::path::PathBuf;

use crate::config::Settings;
use crate::exit::Status;

/// Score the analyzer against gold annotations. Gold data is third-party and
/// never bundled: give its path, or set STANCESHIFT_DATA (default ../shared/data).
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// tempeval | polnear | factuality | meantime | all
    pub task: String,
    /// Gold directory [default: $STANCESHIFT_DATA/<task's usual place>]
    pub path: Option<PathBuf>,
    /// Print figures as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: EvalArgs, _settings: Settings) -> Result<Status> {
    let tasks: Vec<_> = stanceshift_eval::TASKS
        .iter()
        .filter(|(name, _, _)| args.task == "all" || *name == args.task)
        .collect();
    if tasks.is_empty() {
        let names: Vec<_> = stanceshift_eval::TASKS.iter().map(|t| t.0).collect();
        anyhow::bail!("unknown eval task {:?}; expected one of {} or all", args.task, names.join(", "));
    }
    if args.path.is_some() && tasks.len() > 1 {
        anyhow::bail!("a gold path can only be given for a single task");
    }
    let mut reports = Vec::new();
    for (name, subdir, evaluate) in tasks {
        let path = args.path.clone().unwrap_or_else(|| stanceshift_eval::data_dir().join(subdir));
        if !path.exists() {
            // Third-party gold data may be absent: skip, don't fail.
            eprintln!("skipping {name}: no gold data at {}", path.display());
            continue;
        }
        let report = evaluate(&path)?;
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
