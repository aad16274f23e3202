//! Runs the PolNeAR evaluation on a split directory and prints the table;
//! with `--errors N` also prints up to N missed and spurious sources.
//!
//! `cargo run --release -p stanceshift-eval --example polnear -- ../shared/data/polnear/data/train`

use stanceshift_eval::polnear;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(split) = args.first() else {
        eprintln!("usage: polnear SPLIT_DIR [--errors N]");
        std::process::exit(2);
    };
    let errors: usize = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    match polnear::evaluate(Path::new(split)) {
        Ok(report) => println!("{}", report.text),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
    if errors == 0 {
        return;
    }
    let book = stanceshift_analyzer::ActorBook::builtin();
    let mut shown = 0;
    for (name, text, ann) in polnear::documents(Path::new(split)).unwrap_or_default() {
        let text = std::fs::read_to_string(text).unwrap_or_default();
        let gold = polnear::parse_ann(&std::fs::read_to_string(ann).unwrap_or_default(), &text);
        let date = chrono::NaiveDate::from_ymd_opt(2016, 6, 1).unwrap_or_default();
        let predicted = polnear::predict(&text, date, &book);
        for p in &predicted {
            let Some(s) = p.source else { continue };
            if !gold.iter().any(|g| g.source.is_some_and(|x| x.overlaps(&s))) {
                let ctx = |sp: Option<stanceshift_core::Span>| {
                    sp.and_then(|x| x.slice(&text)).unwrap_or("").replace('\n', " ")
                };
                println!(
                    "FP {name}: [{}] [{}] [{}]",
                    ctx(Some(s)),
                    ctx(p.cue),
                    ctx(p.content).chars().take(80).collect::<String>()
                );
                shown += 1;
            }
        }
        for g in gold.iter().filter(|g| g.speech) {
            let Some(s) = g.source else { continue };
            if !predicted.iter().any(|p| p.source.is_some_and(|x| x.overlaps(&s))) {
                let ctx = |sp: Option<stanceshift_core::Span>| {
                    sp.and_then(|x| x.slice(&text)).unwrap_or("").replace('\n', " ")
                };
                println!(
                    "FN {name}: [{}] [{}] [{}]",
                    ctx(Some(s)),
                    ctx(g.cue),
                    ctx(g.content).chars().take(80).collect::<String>()
                );
                shown += 1;
            }
        }
        if shown >= errors {
            break;
        }
    }
}
