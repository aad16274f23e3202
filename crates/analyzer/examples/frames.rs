//! Prints the topic frames the analyzer reads in statements, to see why
//! statements do or do not share a topic.
//!
//! ```text
//! stanceshift statements --actor "Vladimir Putin" --json --index IDX \
//!   | cargo run -p stanceshift-analyzer --example frames
//! ```
//! Reads the JSON document `stanceshift statements --json` prints on stdin.

use stanceshift_analyzer::topic::{statement_frames, Aliases};
use stanceshift_core::Statement;
use std::collections::BTreeSet;
use std::io::Read;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin");
    let doc: serde_json::Value = serde_json::from_str(&input).expect("statements --json output");
    let statements: Vec<Statement> =
        serde_json::from_value(doc["statements"].clone()).expect("a list of statements");
    for s in &statements {
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
