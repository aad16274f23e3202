//! Prints the topic frames the analyzer reads in statements, to see why
//! statements do or do not share a topic.
//!
//! ```text
//! stanceshift extract CORPUS.jsonl | grep '"principal":"cyacq' \
//!   | cargo run -p stanceshift-analyzer --example frames
//! ```
//! Reads statements as JSON Lines, the way `stanceshift extract` writes them
//! (`statements --json` prints the report schema, not the statement itself).

use stanceshift_analyzer::topic::{statement_frames, Aliases};
use stanceshift_core::Statement;
use std::collections::BTreeSet;
use std::io::BufRead;

fn main() {
    let statements = std::io::stdin().lock().lines().map_while(Result::ok).filter(|l| !l.trim().is_empty());
    for (n, line) in statements.enumerate() {
        let s: Statement = match serde_json::from_str(&line) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("line {}: not a statement as `extract` writes it: {e}", n + 1);
                continue;
            }
        };
        let s = &s;
        println!("{} {} | {}", s.date.date, s.speaker.text, s.content);
        for r in &s.referents {
            println!("    referent {:?} => {:?}", r.text, r.antecedent);
        }
        for f in statement_frames(s, &BTreeSet::new(), &Aliases::default()) {
            let names: Vec<&str> = f.names.keys().map(String::as_str).collect();
            let nouns: Vec<&str> = f.nouns.keys().map(String::as_str).collect();
            println!("    frame {}(names: {}; nouns: {})", f.predicate, names.join(", "), nouns.join(", "));
        }
    }
}
