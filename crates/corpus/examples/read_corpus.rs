//! Reads a corpus and reports throughput: `cargo run --release -p stanceshift-corpus
//! --example read_corpus -- PATH...`. Rejects are printed to stderr (first 20).

use std::path::PathBuf;
use std::time::Instant;

use stanceshift_corpus::{Corpus, ReadOptions, Record};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        return Err("usage: read_corpus PATH...".into());
    }
    let start = Instant::now();
    let corpus = Corpus::open(&paths, ReadOptions::default())?;
    let (files, on_disk) = (corpus.files().len(), corpus.total_bytes());
    let (mut articles, mut rejects, mut raw_bytes, mut body_bytes) = (0u64, 0u64, 0u64, 0u64);
    for record in corpus {
        raw_bytes += record.origin().bytes;
        match record {
            Record::Article { article, .. } => {
                articles += 1;
                body_bytes += article.body.len() as u64;
            }
            Record::Rejected(reject) => {
                rejects += 1;
                if rejects <= 20 {
                    eprintln!("{reject}");
                }
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let mb = raw_bytes as f64 / 1e6;
    println!(
        "{files} files, {:.1} MB on disk, {mb:.1} MB raw, {articles} articles ({:.1} MB of body), {rejects} rejects",
        on_disk as f64 / 1e6,
        body_bytes as f64 / 1e6
    );
    println!("{seconds:.2} s: {:.0} MB/s, {:.0} articles/s", mb / seconds, articles as f64 / seconds);
    Ok(())
}
