use anyhow::Result;
use clap::Args;
use std::path::PathBuf;

use crate::config::Settings;
use crate::exit::Status;
use crate::session::Corpus;

/// Score the analyzer against gold annotations. Third-party gold data is never
/// bundled: give its path, or set STANCESHIFT_DATA (default ../shared/data).
/// The actors and dates golds are our own files (data/gold/); the articles
/// they point into are read from the same data directory.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// tempeval | polnear | factuality | meantime | actors | dates | shifts | all
    pub task: String,
    /// Gold directory or file [default: $STANCESHIFT_DATA/<task's usual place>, data/gold/<task>-dev.tsv]
    pub path: Option<PathBuf>,
    /// shifts: an index of a corpus the gold pairs come from (repeat for several
    /// corpora); its `report --all` flags are scored against the gold
    #[arg(long = "corpus", value_name = "INDEX_DIR")]
    pub indexes: Vec<PathBuf>,
    /// Print figures as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: EvalArgs, settings: Settings) -> Result<Status> {
    if args.task == "shifts" {
        let report = evaluate_shifts(&args, &settings)?;
        if args.json {
            outln!("{}", serde_json::to_string_pretty(&[&report])?);
        } else {
            outln!("{}", report.text);
        }
        return Ok(Status::Success);
    }
    let tasks: Vec<_> =
        stanceshift_eval::TASKS.iter().filter(|task| args.task == "all" || task.name == args.task).collect();
    if tasks.is_empty() {
        let names: Vec<_> = stanceshift_eval::TASKS.iter().map(|t| t.name).collect();
        anyhow::bail!(
            "unknown eval task {:?}; expected one of {}, shifts or all",
            args.task,
            names.join(", ")
        );
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
    if !args.indexes.is_empty() {
        let report = evaluate_shifts(&args, &settings)?;
        if !args.json {
            outln!("{}", report.text);
        }
        reports.push(report);
    } else {
        eprintln!("skipping shifts: give --corpus INDEX_DIR for each corpus the gold pairs come from");
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&reports)?);
    }
    Ok(Status::found(!reports.is_empty()))
}

/// Flags of every given index scored against the shift gold.
fn evaluate_shifts(args: &EvalArgs, settings: &Settings) -> Result<stanceshift_eval::EvalReport> {
    if args.indexes.is_empty() {
        anyhow::bail!(
            "eval shifts needs --corpus INDEX_DIR: an index of each corpus the gold pairs come from"
        );
    }
    let gold_path = match (&args.path, args.task.as_str()) {
        (Some(path), "shifts") => path.clone(),
        _ => PathBuf::from(stanceshift_eval::shifts::DEFAULT_GOLD),
    };
    let gold = stanceshift_eval::shifts::read_gold(&gold_path)?;
    let mut corpora = Vec::new();
    let mut all = crate::session::Comparisons::default();
    for index in &args.indexes {
        let settings = Settings { index: index.clone(), ..settings.clone() };
        let corpus = Corpus::open(&settings, None)?;
        let found = corpus.all_comparisons()?;
        all.flagged.extend(found.flagged);
        all.unflagged.extend(found.unflagged);
        all.placements.extend(found.placements);
        corpora.push(corpus);
    }
    let body =
        |id: &stanceshift_core::ArticleId| corpora.iter().find_map(|c| c.article_body(id).ok().flatten());
    let analysis = stanceshift_eval::shifts::Analysis {
        flagged: &all.flagged,
        unflagged: &all.unflagged,
        placements: &all.placements,
    };
    Ok(stanceshift_eval::shifts::score(&gold_path, &gold, &analysis, &body))
}
