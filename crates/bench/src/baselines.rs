//! The two baselines: bare tantivy with a minimal schema, and SQLite FTS5.
//! Both parse the JSONL exactly as stanceshift does (serde_json into
//! `stanceshift_core::Article`), so the comparison is about indexing.

use anyhow::{Context, Result};
use std::io::BufRead;
use std::ops::Bound;
use std::path::Path;

use stanceshift_core::Article;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery};
use tantivy::schema::{DateOptions, Field, Schema, Value, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument, Term};

use crate::queries::BenchQuery;

/// Calls `each` with every article of a JSONL corpus, in order.
pub fn for_each_article(corpus: &Path, mut each: impl FnMut(Article) -> Result<()>) -> Result<u64> {
    let file = std::fs::File::open(corpus).with_context(|| format!("opening {}", corpus.display()))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut line = String::new();
    let mut count = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(count);
        }
        if line.trim().is_empty() {
            continue;
        }
        let article: Article = serde_json::from_str(&line)
            .with_context(|| format!("{}: line {}", corpus.display(), count + 1))?;
        each(article)?;
        count += 1;
    }
}

/// Field handles of the minimal schema.
#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    date: Field,
    title: Field,
    body: Field,
}

fn minimal_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        date: builder.add_date_field("date", DateOptions::from(INDEXED) | FAST),
        title: builder.add_text_field("title", TEXT | STORED),
        body: builder.add_text_field("body", TEXT | STORED),
    };
    (builder.build(), fields)
}

fn to_tantivy_date(date: chrono::NaiveDate) -> DateTime {
    let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc();
    DateTime::from_timestamp_secs(midnight.timestamp())
}

/// Indexes the corpus into a fresh directory: one writer with `heap_bytes`
/// and `threads`, one commit, then waits for merges (stanceshift's process
/// also ends only after its merges).
pub fn build_tantivy(corpus: &Path, dir: &Path, heap_bytes: usize, threads: usize) -> Result<u64> {
    std::fs::create_dir_all(dir)?;
    let (schema, f) = minimal_schema();
    let index = Index::create_in_dir(dir, schema)?;
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, heap_bytes)?;
    let count = for_each_article(corpus, |article| {
        let mut doc = TantivyDocument::new();
        doc.add_text(f.id, article.id.as_str());
        doc.add_date(f.date, DateTime::from_timestamp_secs(article.date.timestamp()));
        if let Some(title) = &article.title {
            doc.add_text(f.title, title);
        }
        doc.add_text(f.body, &article.body);
        writer.add_document(doc)?;
        Ok(())
    })?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(count)
}

/// Searches the bare tantivy index the way stanceshift does: conjunction by
/// default, BM25 top 10 plus total count, stored fields of the 10 hits loaded.
pub struct TantivySearch {
    searcher: tantivy::Searcher,
    parser: QueryParser,
    fields: Fields,
}

impl TantivySearch {
    pub fn open(dir: &Path) -> Result<TantivySearch> {
        let index = Index::open_in_dir(dir)?;
        let schema = index.schema();
        let field = |name: &str| schema.get_field(name);
        let fields =
            Fields { id: field("id")?, date: field("date")?, title: field("title")?, body: field("body")? };
        let mut parser = QueryParser::for_index(&index, vec![fields.title, fields.body]);
        parser.set_conjunction_by_default();
        let searcher = index.reader()?.searcher();
        Ok(TantivySearch { searcher, parser, fields })
    }

    /// Runs one query; returns the total number of matching documents.
    pub fn run(&self, query: &BenchQuery) -> Result<u64> {
        let text = self.parser.parse_query(&query.tantivy_text())?;
        let full: Box<dyn Query> = match query.date_range() {
            Some((from, to)) => {
                let after = to.succ_opt().context("date overflow")?;
                let range = RangeQuery::new(
                    Bound::Included(Term::from_field_date(self.fields.date, to_tantivy_date(from))),
                    Bound::Excluded(Term::from_field_date(self.fields.date, to_tantivy_date(after))),
                );
                Box::new(BooleanQuery::new(vec![(Occur::Must, text), (Occur::Must, Box::new(range))]))
            }
            None => text,
        };
        let (total, top) = self.searcher.search(&full, &(Count, TopDocs::with_limit(10).order_by_score()))?;
        for (_, address) in top {
            let doc: TantivyDocument = self.searcher.doc(address)?;
            // Touch the stored values as a result list would.
            let id_len = doc.get_first(self.fields.id).and_then(|v| v.as_str()).map_or(0, str::len);
            std::hint::black_box(id_len);
        }
        Ok(total as u64)
    }
}

const FTS5_SCHEMA: &str = "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, date UNINDEXED, title, body)";

/// Loads the corpus into a fresh FTS5 table: one transaction, one prepared
/// statement, journal and fsync off (the fairest settings for a bulk load).
pub fn build_fts5(corpus: &Path, db_path: &Path) -> Result<u64> {
    if db_path.exists() {
        std::fs::remove_file(db_path)?;
    }
    let mut conn = rusqlite::Connection::open(db_path)?;
    conn.execute_batch("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")?;
    conn.execute_batch(FTS5_SCHEMA)?;
    let tx = conn.transaction()?;
    let count = {
        let mut insert = tx.prepare("INSERT INTO docs(id, date, title, body) VALUES (?1, ?2, ?3, ?4)")?;
        for_each_article(corpus, |article| {
            insert.execute(rusqlite::params![
                article.id.as_str(),
                article.date.to_rfc3339(),
                article.title.as_deref().unwrap_or(""),
                article.body,
            ])?;
            Ok(())
        })?
    };
    tx.commit()?;
    Ok(count)
}

/// FTS5 search: BM25 (`ORDER BY rank`) top 10 with the total count from a
/// window function, so one statement does what the tantivy searches do.
pub struct Fts5Search {
    conn: rusqlite::Connection,
}

const FTS5_QUERY: &str =
    "SELECT id, title, count(*) OVER () FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT 10";
const FTS5_QUERY_DATED: &str = "SELECT id, title, count(*) OVER () FROM docs \
     WHERE docs MATCH ?1 AND date >= ?2 AND date < ?3 ORDER BY rank LIMIT 10";

impl Fts5Search {
    pub fn open(db_path: &Path) -> Result<Fts5Search> {
        let conn =
            rusqlite::Connection::open_with_flags(db_path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(Fts5Search { conn })
    }

    pub fn run(&self, query: &BenchQuery) -> Result<u64> {
        let text = query.fts5_text();
        let mut total = 0u64;
        let mut take = |row: &rusqlite::Row<'_>| -> rusqlite::Result<()> {
            let id: String = row.get(0)?;
            std::hint::black_box(id);
            total = row.get::<_, i64>(2)? as u64;
            Ok(())
        };
        match query.date_range() {
            Some((from, to)) => {
                // Dates are stored as RFC 3339 in UTC, so string order is date order.
                let after = to.succ_opt().context("date overflow")?;
                let mut stmt = self.conn.prepare_cached(FTS5_QUERY_DATED)?;
                let mut rows = stmt.query(rusqlite::params![text, from.to_string(), after.to_string()])?;
                while let Some(row) = rows.next()? {
                    take(row)?;
                }
            }
            None => {
                let mut stmt = self.conn.prepare_cached(FTS5_QUERY)?;
                let mut rows = stmt.query(rusqlite::params![text])?;
                while let Some(row) = rows.next()? {
                    take(row)?;
                }
            }
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::{query_set, Shape};

    fn corpus(dir: &Path) -> std::path::PathBuf {
        let lines = [
            r#"{"id":"a","date":"1987-03-02T10:00:00+00:00","title":"Oil prices","body":"OPEC said crude oil prices would rise."}"#,
            r#"{"id":"b","date":"1987-06-10T10:00:00+00:00","body":"Coffee and cocoa talks stalled in June."}"#,
            r#"{"id":"c","date":"1988-01-05T10:00:00+00:00","title":"Wheat","body":"Wheat exports rose; oil was flat."}"#,
        ];
        let path = dir.join("c.jsonl");
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        path
    }

    #[test]
    fn baselines_agree_on_hit_counts() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = corpus(dir.path());
        assert_eq!(build_tantivy(&corpus, &dir.path().join("t"), 15 << 20, 1).unwrap(), 3);
        assert_eq!(build_fts5(&corpus, &dir.path().join("f.sqlite")).unwrap(), 3);
        let tantivy = TantivySearch::open(&dir.path().join("t")).unwrap();
        let fts5 = Fts5Search::open(&dir.path().join("f.sqlite")).unwrap();
        let oil = BenchQuery { shape: Shape::Single("oil"), months: None };
        assert_eq!((tantivy.run(&oil).unwrap(), fts5.run(&oil).unwrap()), (2, 2));
        let crude = BenchQuery { shape: Shape::Single("crude oil"), months: None };
        assert_eq!((tantivy.run(&crude).unwrap(), fts5.run(&crude).unwrap()), (1, 1));
        let not_opec = BenchQuery { shape: Shape::AndNot("oil", "opec"), months: None };
        assert_eq!((tantivy.run(&not_opec).unwrap(), fts5.run(&not_opec).unwrap()), (1, 1));
        // Every query of the real set parses in both systems.
        for query in query_set() {
            tantivy.run(&query).unwrap();
            fts5.run(&query).unwrap();
        }
        let dated = query_set().into_iter().find(|q| q.months.is_some()).unwrap();
        assert_eq!(dated.shape, Shape::Single("oil"));
        // The first dated query (oil, March to May 1987) matches only article a.
        assert_eq!((tantivy.run(&dated).unwrap(), fts5.run(&dated).unwrap()), (1, 1));
    }
}
