//! Prints the statements of text files, or measures attribution throughput.
//!
//! ```text
//! cargo run --release -p stanceshift-analyzer --example attribution_throughput -- show FILE...
//! cargo run --release -p stanceshift-analyzer --example attribution_throughput -- bench FILE...
//! ```
//! `bench` splits Reuters-21578 `.sgm` files into their `<BODY>` texts (other
//! files count as one article each) and reports MB/s on one core.

use stanceshift_analyzer::{analyze_article, ActorBook};
use stanceshift_core::Article;
use std::time::Instant;

fn bodies(text: &str) -> Vec<String> {
    if !text.contains("<BODY>") {
        return vec![text.to_string()];
    }
    text.split("<BODY>")
        .skip(1)
        .filter_map(|chunk| {
            chunk.split_once("</BODY>").map(|(b, _)| b.replace("&lt;", "<").replace("&amp;", "&"))
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((mode, files)) = args.split_first() else {
        eprintln!("usage: attribution_throughput show|bench FILE...");
        std::process::exit(2);
    };
    let date = "2025-10-21T12:00:00Z".parse().expect("date");
    let book = ActorBook::builtin();
    let mut articles = Vec::new();
    for f in files {
        let raw = std::fs::read(f).expect("readable file");
        let text = String::from_utf8_lossy(&raw);
        for body in bodies(&text) {
            articles.push(Article::new(date, body));
        }
    }
    match mode.as_str() {
        "show" => {
            for a in &articles {
                let analysis = analyze_article(a, &book);
                for s in &analysis.statements {
                    println!(
                        "{} [{}] | {} | {:?}/{} | {} | {:?} | {} {:?} | {}",
                        s.speaker.text,
                        s.speaker.actor.as_ref().map_or("-", |a| a.as_str()),
                        s.principal.as_ref().map_or("-", |a| a.as_str()),
                        s.proxy,
                        s.anonymous,
                        s.cue,
                        s.kind,
                        s.date.date,
                        s.date.evidence,
                        s.content
                    );
                }
                for d in &analysis.diagnostics {
                    println!("! {}", d.message);
                }
            }
        }
        _ => {
            let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
            let start = Instant::now();
            let mut statements = 0usize;
            for a in &articles {
                statements += analyze_article(a, &book).statements.len();
            }
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{} articles, {:.2} MB, {} statements, {:.2} s, {:.2} MB/s",
                articles.len(),
                bytes as f64 / 1e6,
                statements,
                secs,
                bytes as f64 / 1e6 / secs
            );
        }
    }
}
