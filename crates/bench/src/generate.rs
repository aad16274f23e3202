//! Synthetic corpora made by replicating Reuters-21578: replica `k` of an
//! article is shifted `k * 7` days later and gets the id `reuters-<newid>-r<k>`,
//! so every document is distinct to the indexer (new id, new date) while the
//! text keeps the vocabulary and length distribution of real newswire.

use anyhow::{Context, Result};
use chrono::{Duration as Days, FixedOffset, TimeZone};
use stanceshift_core::{Article, ArticleId};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::reuters::ReutersArticle;

/// How big a generated corpus should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusSize {
    Docs(u64),
    /// Decimal megabytes of JSONL (1 MB = 10^6 bytes).
    Megabytes(u64),
}

impl CorpusSize {
    /// The file name a corpus of this size gets in the work directory.
    pub fn file_name(&self, seed: u64) -> String {
        match self {
            CorpusSize::Docs(n) => format!("reuters-{n}docs-s{seed}.jsonl"),
            CorpusSize::Megabytes(mb) => format!("reuters-{mb}mb-s{seed}.jsonl"),
        }
    }

    fn reached(&self, docs: u64, bytes: u64) -> bool {
        match *self {
            CorpusSize::Docs(n) => docs >= n,
            CorpusSize::Megabytes(mb) => bytes >= mb * 1_000_000,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Generated {
    pub docs: u64,
    pub bytes: u64,
}

/// Writes a corpus of `size` to `out` (via a temporary file renamed at the
/// end, so an interrupted run never leaves a truncated corpus behind).
pub fn write_corpus(
    articles: &[ReutersArticle],
    size: CorpusSize,
    seed: u64,
    out: &Path,
) -> Result<Generated> {
    anyhow::ensure!(!articles.is_empty(), "no Reuters articles to replicate");
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let partial = out.with_extension("jsonl.partial");
    let file = std::fs::File::create(&partial).with_context(|| format!("creating {}", partial.display()))?;
    let mut writer = BufWriter::with_capacity(1 << 20, file);
    let mut rng = SplitMix64(seed);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    let (mut docs, mut bytes) = (0u64, 0u64);
    let mut line = Vec::with_capacity(16 << 10);
    'replicas: for replica in 0u32.. {
        // A fresh permutation per replica so neighbouring documents are not
        // the same story a week apart (which would flatter compression).
        shuffle(&mut order, &mut rng);
        for &i in &order {
            if size.reached(docs, bytes) {
                break 'replicas;
            }
            line.clear();
            serde_json::to_writer(&mut line, &replicate(&articles[i], replica))?;
            line.push(b'\n');
            writer.write_all(&line)?;
            docs += 1;
            bytes += line.len() as u64;
        }
    }
    writer.flush()?;
    drop(writer);
    std::fs::rename(&partial, out).with_context(|| format!("renaming to {}", out.display()))?;
    Ok(Generated { docs, bytes })
}

/// Replica `replica` of one article, as the JSONL record stanceshift reads.
pub fn replicate(article: &ReutersArticle, replica: u32) -> Article {
    let utc = FixedOffset::east_opt(0).expect("zero offset is valid");
    let date = utc.from_utc_datetime(&(article.date + Days::days(7 * i64::from(replica))));
    let mut doc = Article::new(date, article.body.clone())
        .with_id(ArticleId::new(format!("reuters-{}-r{replica}", article.new_id)));
    doc.title = article.title.clone();
    doc.source = Some(source_of(article));
    doc
}

/// "Reuters Toronto" from the dateline city, else from the first place code.
fn source_of(article: &ReutersArticle) -> String {
    let place = article.dateline_city.as_deref().or(article.places.first().map(String::as_str));
    match place {
        Some(place) => format!("Reuters {}", title_case(place)),
        None => "Reuters".to_owned(),
    }
}

fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric();
    }
    out
}

/// Default path of a generated corpus in the work directory.
pub fn corpus_path(work: &Path, size: CorpusSize, seed: u64) -> PathBuf {
    work.join(size.file_name(seed))
}

/// A tiny deterministic generator (SplitMix64): the seed alone fixes the corpus.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn shuffle(items: &mut [usize], rng: &mut SplitMix64) {
    for i in (1..items.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn article(new_id: u32) -> ReutersArticle {
        ReutersArticle {
            new_id,
            date: NaiveDate::from_ymd_opt(1987, 3, 3).unwrap().and_hms_opt(9, 15, 5).unwrap(),
            title: Some("ACME SAYS PROFIT UP".into()),
            dateline_city: Some("NEW YORK".into()),
            places: vec!["usa".into()],
            body: "Acme said profit rose.".into(),
        }
    }

    #[test]
    fn replicas_shift_dates_and_ids() {
        let doc = replicate(&article(7), 2);
        assert_eq!(doc.id.as_str(), "reuters-7-r2");
        assert_eq!(doc.date.to_rfc3339(), "1987-03-17T09:15:05+00:00");
        assert_eq!(doc.source.as_deref(), Some("Reuters New York"));
        assert_eq!(doc.title.as_deref(), Some("ACME SAYS PROFIT UP"));
    }

    #[test]
    fn writes_exactly_the_requested_docs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("c.jsonl");
        let articles = [article(1), article(2), article(3)];
        let generated = write_corpus(&articles, CorpusSize::Docs(7), 1, &out).unwrap();
        assert_eq!(generated.docs, 7);
        let text = std::fs::read_to_string(&out).unwrap();
        assert_eq!(text.lines().count(), 7);
        assert_eq!(generated.bytes, text.len() as u64);
        let ids: std::collections::BTreeSet<String> = text
            .lines()
            .map(|l| serde_json::from_str::<Article>(l).unwrap().id.as_str().to_owned())
            .collect();
        assert_eq!(ids.len(), 7, "every replica has its own id");
        assert!(ids.contains("reuters-1-r2") || ids.contains("reuters-2-r2") || ids.contains("reuters-3-r2"));
    }
}
