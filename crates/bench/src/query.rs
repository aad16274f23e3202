//! Query latency over the fixed query set: stanceshift's index (through the
//! `stanceshift_index` search API), bare tantivy, SQLite FTS5, and GNU grep
//! scanning the raw JSONL.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::baselines::{Fts5Search, TantivySearch};
use crate::queries::{BenchQuery, Class};
use crate::stats::{millis, percentile, Table};

/// One system able to answer the benchmark queries.
pub enum Engine {
    Stanceshift {
        searcher: stanceshift_index::Searcher,
        snippets: bool,
    },
    Tantivy(TantivySearch),
    Fts5(Fts5Search),
    /// GNU grep pipelines over the corpus, one `sh -c` process per query.
    Grep {
        corpus: PathBuf,
    },
}

impl Engine {
    pub fn stanceshift(index_dir: &Path, snippets: bool) -> Result<Engine> {
        let index = stanceshift_index::Index::open(index_dir)
            .with_context(|| format!("opening stanceshift index {}", index_dir.display()))?;
        Ok(Engine::Stanceshift { searcher: index.searcher()?, snippets })
    }

    pub fn label(&self) -> &'static str {
        match self {
            Engine::Stanceshift { snippets: true, .. } => "stanceshift (top 10 + snippets)",
            Engine::Stanceshift { snippets: false, .. } => "stanceshift (top 10, no snippets)",
            Engine::Tantivy(_) => "bare tantivy",
            Engine::Fts5(_) => "SQLite FTS5",
            Engine::Grep { .. } => "grep (GNU, subprocess)",
        }
    }

    pub fn is_grep(&self) -> bool {
        matches!(self, Engine::Grep { .. })
    }

    /// Runs one query; returns the number of matching documents.
    pub fn run(&self, query: &BenchQuery) -> Result<u64> {
        match self {
            Engine::Stanceshift { searcher, snippets } => {
                let mut search = stanceshift_index::SearchQuery::new(query.tantivy_text());
                search.snippets = *snippets;
                if let Some((from, to)) = query.date_range() {
                    search.from = Some(from);
                    search.to = Some(to);
                }
                let results = searcher.search(&search)?;
                std::hint::black_box(&results.hits);
                Ok(results.total)
            }
            Engine::Tantivy(search) => search.run(query),
            Engine::Fts5(search) => search.run(query),
            Engine::Grep { corpus } => run_grep(corpus, query),
        }
    }
}

/// Runs a query's grep pipeline. `LC_ALL=C` gives grep its fastest
/// (byte-wise) matching; the corpus is ASCII apart from a handful of bytes.
fn run_grep(corpus: &Path, query: &BenchQuery) -> Result<u64> {
    let pipeline = query.grep_pipeline();
    let output = Command::new("sh")
        .arg("-c")
        .arg(&pipeline)
        .env("CORPUS", corpus)
        .env("LC_ALL", "C")
        .output()
        .with_context(|| format!("running {pipeline}"))?;
    // grep -c exits 1 when it counted nothing; only 2 and up are errors.
    if output.status.code().is_none_or(|c| c > 1) {
        bail!("{pipeline} failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    let count = String::from_utf8_lossy(&output.stdout);
    count.trim().parse().with_context(|| format!("{pipeline} printed {count:?}"))
}

/// Latencies and hit counts of one engine over the query set.
pub struct EngineResult {
    pub label: &'static str,
    /// All timed samples, per query index.
    pub samples: Vec<Vec<Duration>>,
    pub hits: Vec<u64>,
}

impl EngineResult {
    pub fn all_samples(&self) -> Vec<Duration> {
        self.samples.iter().flatten().copied().collect()
    }

    fn class_samples(&self, queries: &[BenchQuery], class: Class) -> Vec<Duration> {
        queries
            .iter()
            .zip(&self.samples)
            .filter(|(q, _)| q.class() == class)
            .flat_map(|(_, s)| s)
            .copied()
            .collect()
    }
}

/// One untimed warm-up pass, then `reps` timed passes over the whole set
/// (passes rather than per-query loops, so caches see a realistic mix).
pub fn measure(engine: &Engine, queries: &[BenchQuery], reps: usize) -> Result<EngineResult> {
    let mut hits = Vec::with_capacity(queries.len());
    for query in queries {
        hits.push(engine.run(query).with_context(|| format!("{}: {}", engine.label(), query.label()))?);
    }
    let mut samples = vec![Vec::with_capacity(reps); queries.len()];
    for _ in 0..reps {
        for (i, query) in queries.iter().enumerate() {
            let started = Instant::now();
            engine.run(query)?;
            samples[i].push(started.elapsed());
        }
    }
    Ok(EngineResult { label: engine.label(), samples, hits })
}

fn ms(d: Option<Duration>) -> String {
    d.map_or("-".to_owned(), |d| format!("{:.3}", millis(d)))
}

/// p50/p99 per engine with the grep/engine ratios, then p50 per query class.
pub fn tables(results: &[EngineResult], queries: &[BenchQuery], grep_label: &str) -> String {
    let grep = results.iter().find(|r| r.label == grep_label);
    let grep_p = |p: f64| grep.and_then(|g| percentile(&g.all_samples(), p));
    let mut overall =
        Table::new(&["system", "samples", "p50 ms", "p99 ms", "mean ms", "grep p50 / p50", "grep p99 / p99"]);
    for result in results {
        let samples = result.all_samples();
        let (p50, p99) = (percentile(&samples, 50.0), percentile(&samples, 99.0));
        let mean = (!samples.is_empty()).then(|| samples.iter().sum::<Duration>() / samples.len() as u32);
        let ratio = |g: Option<Duration>, own: Option<Duration>| match (g, own) {
            (Some(g), Some(own)) if own > Duration::ZERO => {
                format!("{:.0}×", g.as_secs_f64() / own.as_secs_f64())
            }
            _ => "-".to_owned(),
        };
        overall.row(vec![
            result.label.to_owned(),
            samples.len().to_string(),
            ms(p50),
            ms(p99),
            ms(mean),
            ratio(grep_p(50.0), p50),
            ratio(grep_p(99.0), p99),
        ]);
    }
    let mut header = vec!["p50 ms by class"];
    header.extend(results.iter().map(|r| r.label));
    let mut by_class = Table::new(&header);
    for class in Class::ALL {
        let mut row =
            vec![format!("{} ({})", class.label(), queries.iter().filter(|q| q.class() == class).count())];
        row.extend(results.iter().map(|r| ms(percentile(&r.class_samples(queries, class), 50.0))));
        by_class.row(row);
    }
    format!("{}\n{}", overall.render(), by_class.render())
}

/// Hit counts per query and engine: the engines tokenize differently
/// (stanceshift stems English), so counts differ a little, but a query that
/// one engine answers with 0 and another with thousands would show a bug.
pub fn hits_table(results: &[EngineResult], queries: &[BenchQuery]) -> String {
    let mut header = vec!["query"];
    header.extend(results.iter().map(|r| r.label));
    let mut table = Table::new(&header);
    for (i, query) in queries.iter().enumerate() {
        let mut row = vec![query.label()];
        row.extend(results.iter().map(|r| r.hits[i].to_string()));
        table.row(row);
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::Shape;

    #[test]
    fn grep_counts_matching_lines() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c.jsonl");
        std::fs::write(
            &corpus,
            "{\"id\":\"a\",\"date\":\"1987-03-02T10:00:00+00:00\",\"body\":\"Crude oil rose; OPEC met.\"}\n\
             {\"id\":\"b\",\"date\":\"1987-07-02T10:00:00+00:00\",\"body\":\"Oil fell. Toiling on.\"}\n",
        )
        .unwrap();
        let run = |shape, months| run_grep(&corpus, &BenchQuery { shape, months }).unwrap();
        assert_eq!(run(Shape::Single("oil"), None), 2);
        assert_eq!(run(Shape::Single("crude oil"), None), 1);
        assert_eq!(run(Shape::AndNot("oil", "opec"), None), 1);
        assert_eq!(run(Shape::Single("gold"), None), 0);
        let march_to_may =
            crate::queries::query_set().into_iter().find(|q| q.months.is_some()).unwrap().months;
        assert_eq!(run(Shape::Single("oil"), march_to_may), 1);
    }
}
