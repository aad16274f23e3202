//! Print the time expressions in each line of stdin.
//!
//! `cargo run -p stanceshift-timex --example timex -- 2025-10-21 < text.txt`
//! With `--bench`, time recognition over stdin (repeated to at least 20 MB) instead.

use std::io::Read;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reference = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(|a| stanceshift_timex::parse_reference(a).expect("reference date"))
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2025, 10, 21).expect("valid date"));
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    if args.iter().any(|a| a == "--bench") {
        let mut text = input.clone();
        while text.len() < 20_000_000 && !input.is_empty() {
            text.push_str(&input);
        }
        let start = Instant::now();
        let mut count = 0;
        for chunk in text.split("\n\n") {
            count += stanceshift_timex::find(chunk, reference).len();
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{} bytes, {count} expressions, {secs:.3} s, {:.1} MB/s",
            text.len(),
            text.len() as f64 / 1e6 / secs
        );
        return;
    }
    for line in input.lines() {
        for e in stanceshift_timex::find(line, reference) {
            let window =
                e.window.map(|w| format!(" | {}..{} +{}", w.start, w.end, w.slack_days)).unwrap_or_default();
            println!(
                "{} | {} | {}{window}{}{}",
                e.text,
                e.kind,
                e.value,
                if e.deadline { " | deadline" } else { "" },
                if e.vague { " | vague" } else { "" }
            );
        }
    }
}
