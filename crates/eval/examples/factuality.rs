//! Runs the factuality evaluation and prints the table.
//!
//! `cargo run --release -p stanceshift-eval --example factuality -- ../shared/data/unified_factuality_uw_meantime`

use stanceshift_eval::factuality;
use std::path::PathBuf;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| stanceshift_eval::data_dir().join(factuality::DEFAULT_SUBDIR));
    match factuality::evaluate(&path) {
        Ok(report) => println!("{}", report.text),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
