//! Analyzer throughput: the same articles analyzed on one thread and then on
//! every core with rayon, reported as MB/s of article text per core.

use anyhow::Result;
use rayon::prelude::*;
use std::time::{Duration, Instant};

use stanceshift_analyzer::{analyze_article, ActorBook, Selection};
use stanceshift_core::{Article, Statement};

use crate::reuters::ReutersArticle;
use crate::stats::{thousands, Table, MB};

/// One timed pass.
#[derive(Debug, Clone, Copy)]
pub struct Pass {
    pub threads: usize,
    pub wall: Duration,
    /// What the analysis produced (statements), to show it did real work.
    pub outputs: usize,
}

/// Times `analyze` over `articles` on one thread, then on a rayon pool of
/// all cores; each pass is preceded by an untimed warm-up on a slice.
pub fn passes<F>(articles: &[Article], analyze: F) -> Result<Vec<Pass>>
where
    F: Fn(&Article) -> usize + Sync,
{
    let warm = &articles[..articles.len().min(200)];
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut passes = Vec::new();
    for threads in [1, cores] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
        pool.install(|| warm.par_iter().map(&analyze).sum::<usize>());
        let started = Instant::now();
        let outputs = pool.install(|| articles.par_iter().map(&analyze).sum::<usize>());
        passes.push(Pass { threads, wall: started.elapsed(), outputs });
        if cores == 1 {
            break;
        }
    }
    Ok(passes)
}

/// Bytes of text the analyzer reads per article (title and body).
pub fn text_bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| (a.body.len() + a.title.as_ref().map_or(0, String::len)) as u64).sum()
}

pub fn table(passes: &[Pass], articles: usize, bytes: u64) -> String {
    let mut table = Table::new(&[
        "threads",
        "articles",
        "MB",
        "seconds",
        "articles/s",
        "MB/s",
        "MB/s per core",
        "statements",
    ]);
    for pass in passes {
        let secs = pass.wall.as_secs_f64();
        let mb_s = bytes as f64 / MB / secs;
        table.row(vec![
            pass.threads.to_string(),
            thousands(articles as f64),
            format!("{:.1}", bytes as f64 / MB),
            format!("{secs:.2}"),
            thousands(articles as f64 / secs),
            format!("{mb_s:.1}"),
            format!("{:.1}", mb_s / pass.threads as f64),
            thousands(pass.outputs as f64),
        ]);
    }
    table.render()
}

/// One timed run of the query-time analysis over a corpus's statements.
#[derive(Debug, Clone, Copy)]
pub struct QueryTime {
    pub statements: usize,
    pub actors: usize,
    pub bytes: u64,
    pub wall: Duration,
}

/// Analyzes `articles` (untimed), then times what `report --all` does with
/// their statements: group them by actor and analyze each actor.
pub fn query_time(articles: &[Article], book: &ActorBook) -> Result<QueryTime> {
    let statements: Vec<Statement> =
        articles.par_iter().flat_map_iter(|a| analyze_article(a, book).statements).collect();
    let as_of = articles.iter().map(|a| a.date.date_naive()).max().unwrap_or_default();
    let selection = Selection::new(book.clone(), &statements[..], as_of)?;
    let started = Instant::now();
    let all = selection.all_statements(&statements[..], None, None)?;
    let analyses = selection.analyze_all(all, None);
    Ok(QueryTime {
        statements: statements.len(),
        actors: analyses.len(),
        bytes: text_bytes(articles),
        wall: started.elapsed(),
    })
}

impl QueryTime {
    pub fn table(&self) -> String {
        let secs = self.wall.as_secs_f64();
        let mut table =
            Table::new(&["statements", "actors with topics", "seconds", "statements/s", "article MB/s"]);
        table.row(vec![
            thousands(self.statements as f64),
            thousands(self.actors as f64),
            format!("{secs:.2}"),
            thousands(self.statements as f64 / secs),
            format!("{:.1}", self.bytes as f64 / MB / secs),
        ]);
        table.render()
    }
}

/// Reuters articles as stanceshift articles (replica 0: original dates).
pub fn as_articles(reuters: &[ReutersArticle]) -> Vec<Article> {
    reuters.iter().map(|a| crate::generate::replicate(a, 0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_count_every_article_once_per_pass() {
        let date = "1987-03-02T10:00:00Z".parse().unwrap();
        let articles: Vec<Article> = (0..50).map(|i| Article::new(date, format!("body {i}"))).collect();
        let passes = passes(&articles, |a| a.body.len()).unwrap();
        let expected: usize = articles.iter().map(|a| a.body.len()).sum();
        assert!(passes.iter().all(|p| p.outputs == expected));
        assert_eq!(passes[0].threads, 1);
        assert_eq!(text_bytes(&articles), expected as u64);
    }

    #[test]
    fn query_time_analyzes_every_actor_with_statements() {
        let date = "2025-10-16T00:00:00Z".parse().unwrap();
        let articles = vec![
            Article::new(
                date,
                "Donald Trump said he would meet Vladimir Putin within two weeks or so.".into(),
            ),
            Article::new(
                "2025-10-21T00:00:00Z".parse().unwrap(),
                "Donald Trump said there were no plans to meet Vladimir Putin in the immediate future."
                    .into(),
            ),
        ];
        let run = query_time(&articles, &ActorBook::builtin()).unwrap();
        assert_eq!(run.statements, 2);
        assert_eq!(run.actors, 1);
    }
}
