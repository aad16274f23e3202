//! Run the TempEval-3 TIMEX3 evaluation on a directory of `.tml` files.
//!
//! `cargo run -p stanceshift-eval --example tempeval -- /path/to/TBAQ-cleaned [--json]`
//! (default: `$STANCESHIFT_DATA/tempeval3/TBAQ-cleaned`). Set
//! `STANCESHIFT_TEMPEVAL_DEBUG=1` to list every error on stderr.

use stanceshift_eval::tempeval;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| stanceshift_eval::data_dir().join(tempeval::DEFAULT_SUBDIR));
    match tempeval::evaluate(&path) {
        Ok(report) if args.iter().any(|a| a == "--json") => {
            println!("{}", serde_json::to_string_pretty(&report.figures).unwrap_or_default())
        }
        Ok(report) => print!("{}", report.text),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
