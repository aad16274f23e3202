//! Runs the meantime evaluation and prints the table.
//!
//! `cargo run --release -p stanceshift-eval --example meantime -- ../shared/data/meantime_english`

use stanceshift_eval::meantime;
use std::path::PathBuf;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| stanceshift_eval::data_dir().join(meantime::DEFAULT_SUBDIR));
    match meantime::evaluate(&path) {
        Ok(report) => println!("{}", report.text),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
