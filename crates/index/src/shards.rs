//! Sharded indexes: several index directories, each holding the articles
//! whose id hashes to it ([`stanceshift_core::shard_of`]), listed by a
//! manifest and searched as one.
//!
//! A sharded index is a directory with `manifest.json`:
//!
//! ```json
//! {"generation": 3, "analyzer_version": 12, "shards": ["gen-3/part-0", "gen-3/part-1"]}
//! ```
//!
//! Shard paths are relative to the directory, which also holds the copy of
//! the actor file the shards recorded (`actors.toml`, see `actor_file.rs`).
//! Writers build a new generation beside the current one and then replace
//! `manifest.json` by renaming a complete file over it, so readers see either
//! the old generation or the new one, never a mix.
//!
//! [`Shards`] answers like one index of the same articles: search scores use
//! statistics summed over all shards (tantivy's `Bm25StatisticsProvider`),
//! snippets weigh terms by their corpus-wide frequency, and hits of all
//! shards are merged by score (or date) with ties broken by article id; a
//! one-shard set uses the same rules, so an unsharded index and a sharded
//! copy give the same hits.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use stanceshift_core::{ActorId, Article, ArticleId, Statement, StatementQuery, StatementSource};
use tantivy::collector::{Count, TopDocs};
use tantivy::index::SegmentReader;
use tantivy::query::{Bm25StatisticsProvider, Query};
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocId, Score, TantivyDocument, Term};

use crate::error::{Error, OrEngine, Result};
use crate::index::{is_index, Index};
use crate::search::{
    bucketize, Bucket, FacetField, Hit, SearchQuery, SearchResults, Searcher, Sort, SortInstant,
    SNIPPET_CHARS,
};

/// The manifest file of a sharded index directory.
pub const MANIFEST: &str = "manifest.json";

/// What `manifest.json` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Increases with each published build.
    pub generation: u64,
    /// The analyzer version every shard was built with.
    pub analyzer_version: u32,
    /// Shard directories relative to the manifest's directory, shard 0 first.
    pub shards: Vec<PathBuf>,
}

impl Manifest {
    /// Reads `dir/manifest.json`.
    pub fn read(dir: &Path) -> Result<Manifest> {
        let path = dir.join(MANIFEST);
        let text =
            std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        serde_json::from_str(&text).map_err(|e| Error::Manifest { path: path.clone(), detail: e.to_string() })
    }

    /// Writes `dir/manifest.json` atomically: a complete temporary file,
    /// synced, then renamed over the old manifest.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let mut text = serde_json::to_string_pretty(self).expect("a manifest serializes");
        text.push('\n');
        crate::actor_file::write_atomic(dir, MANIFEST, text.as_bytes())
    }
}

/// Whether `dir` is a sharded index (holds a manifest).
pub fn is_sharded(dir: &Path) -> bool {
    dir.join(MANIFEST).is_file()
}

/// Searchers on every shard of a sharded index, or on one plain index.
#[derive(Clone)]
pub struct Shards {
    searchers: Vec<Searcher>,
}

impl std::fmt::Debug for Shards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shards").field("shards", &self.searchers.len()).finish()
    }
}

/// One hit before its document is read: sort key, shard, address, article id.
struct Candidate {
    score: Option<Score>,
    date: i64,
    shard: usize,
    address: DocAddress,
    id: String,
}

impl Shards {
    /// Opens a sharded index (a directory with `manifest.json`) or a plain index.
    pub fn open(dir: impl AsRef<Path>) -> Result<Shards> {
        let dir = dir.as_ref();
        if !is_sharded(dir) {
            return Ok(Shards { searchers: vec![Index::open(dir)?.searcher()?] });
        }
        let manifest = Manifest::read(dir)?;
        if manifest.shards.is_empty() {
            return Err(Error::Manifest { path: dir.to_path_buf(), detail: "lists no shards".into() });
        }
        let mut searchers = Vec::with_capacity(manifest.shards.len());
        for shard in &manifest.shards {
            let path = dir.join(shard);
            if !is_index(&path) {
                return Err(Error::Manifest {
                    path: dir.to_path_buf(),
                    detail: format!("shard {} holds no index", path.display()),
                });
            }
            searchers.push(Index::open(&path)?.searcher()?);
        }
        Ok(Shards { searchers })
    }

    /// Number of shards (1 for a plain index).
    pub fn len(&self) -> usize {
        self.searchers.len()
    }

    /// Always false: a set has at least one shard.
    pub fn is_empty(&self) -> bool {
        self.searchers.is_empty()
    }

    /// Matching articles of all shards, one page of hits, and how many matched.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        let stats = GlobalStats { shards: &self.searchers };
        let want = query.offset + query.limit.max(1);
        let mut total = 0u64;
        let mut candidates = Vec::new();
        let mut text_query: Option<Box<dyn Query>> = None;
        for (shard, searcher) in self.searchers.iter().enumerate() {
            let (full, text) = searcher.article_query(query)?;
            text_query = text_query.or(text);
            let (count, found) = top_of_shard(searcher, &full, query.sort, want, &stats)?;
            total += count;
            for (score, date, address) in found {
                let doc: TantivyDocument = searcher.inner.doc(address).or_engine()?;
                let id = doc
                    .get_first(searcher.fields.id)
                    .and_then(|v| tantivy::schema::Value::as_str(&v))
                    .unwrap_or_default()
                    .to_string();
                candidates.push(Candidate { score, date, shard, address, id });
            }
        }
        candidates.sort_by(|a, b| {
            let primary = match query.sort {
                Sort::Relevance => b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)),
                Sort::Newest => b.date.cmp(&a.date),
                Sort::Oldest => a.date.cmp(&b.date),
            };
            primary.then_with(|| a.id.cmp(&b.id))
        });
        let page: Vec<Candidate> = if query.limit == 0 {
            Vec::new()
        } else {
            candidates.into_iter().skip(query.offset).take(query.limit).collect()
        };
        let snippets = match (&text_query, query.snippets) {
            (Some(text), true) => Some(self.snippet_generator(text.as_ref())?),
            _ => None,
        };
        let mut hits = Vec::with_capacity(page.len());
        for candidate in page {
            let searcher = &self.searchers[candidate.shard];
            let doc: TantivyDocument = searcher.inner.doc(candidate.address).or_engine()?;
            let article = searcher.article_from_doc(&doc)?;
            hits.push(Hit::of(article, candidate.score, query.snippets.then_some(snippets.as_ref())));
        }
        Ok(SearchResults { total, hits })
    }

    /// Like tantivy's `SnippetGenerator::create`, with document frequencies
    /// of all shards.
    fn snippet_generator(&self, query: &dyn Query) -> Result<SnippetGenerator> {
        let first = &self.searchers[0];
        let body: Field = first.fields.body;
        let mut terms: BTreeSet<&Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == body {
                terms.insert(term);
            }
        });
        let mut weights: BTreeMap<String, Score> = BTreeMap::new();
        for term in terms {
            let value = term.value();
            let Some(text) = value.as_str() else { continue };
            let mut doc_freq = 0u64;
            for searcher in &self.searchers {
                doc_freq += searcher.inner.doc_freq(term).or_engine()?;
            }
            if doc_freq > 0 {
                weights.insert(text.to_string(), 1.0 / (1.0 + doc_freq as Score));
            }
        }
        let tokenizer = first.inner.index().tokenizer_for_field(body).or_engine()?;
        Ok(SnippetGenerator::new(weights, tokenizer, body, SNIPPET_CHARS))
    }

    /// How many articles match in all shards.
    pub fn count(&self, query: &SearchQuery) -> Result<u64> {
        self.searchers.iter().map(|s| s.count(query)).sum()
    }

    /// Matching articles per day, week or month over all shards.
    pub fn histogram(&self, query: &SearchQuery, bucket: Bucket) -> Result<Vec<(NaiveDate, u64)>> {
        let mut days: BTreeMap<i64, u64> = BTreeMap::new();
        for searcher in &self.searchers {
            for (day, n) in searcher.day_counts(query)? {
                *days.entry(day).or_default() += n;
            }
        }
        Ok(bucketize(&days, bucket))
    }

    /// Statements of all shards, in the order one index would give them.
    pub fn statements(&self, query: &StatementQuery) -> Result<Vec<Statement>> {
        if self.searchers.len() == 1 {
            return self.searchers[0].statements(query);
        }
        let mut keyed = Vec::new();
        for searcher in &self.searchers {
            keyed.extend(searcher.keyed_statements(query)?);
        }
        keyed.sort_by(|(a_date, a), (b_date, b)| {
            (a.date.date, a_date, &a.article_id, a.index).cmp(&(b.date.date, b_date, &b.article_id, b.index))
        });
        Ok(keyed.into_iter().map(|(_, statement)| statement).collect())
    }

    /// The stored article with this id, from whichever shard holds it.
    pub fn article(&self, id: &ArticleId) -> Result<Option<Article>> {
        for searcher in &self.searchers {
            if let Some(article) = searcher.article(id)? {
                return Ok(Some(article));
            }
        }
        Ok(None)
    }

    /// First and last article day over all shards.
    pub fn date_range(&self) -> Result<Option<(NaiveDate, NaiveDate)>> {
        let mut range: Option<(NaiveDate, NaiveDate)> = None;
        for searcher in &self.searchers {
            if let Some((first, last)) = searcher.date_range()? {
                range = Some(match range {
                    Some((a, b)) => (a.min(first), b.max(last)),
                    None => (first, last),
                });
            }
        }
        Ok(range)
    }

    /// Actors with statements in any shard and how many, most first.
    pub fn actors(&self) -> Result<Vec<(ActorId, u64)>> {
        let counts = self.merged_counts(|s| {
            s.actors().map(|counts| counts.into_iter().map(|(a, n)| (a.to_string(), n)).collect())
        })?;
        Ok(counts.into_iter().map(|(id, n)| (ActorId::new(id), n)).collect())
    }

    /// Article sources (lowercased) and how many articles each, most first.
    pub fn sources(&self) -> Result<Vec<(String, u64)>> {
        self.merged_counts(Searcher::sources)
    }

    /// How many matching articles of all shards each source or actor has, most first.
    pub fn facet_counts(&self, query: &SearchQuery, facet: FacetField) -> Result<Vec<(String, u64)>> {
        self.merged_counts(|s| s.facet_counts(query, facet))
    }

    fn merged_counts(
        &self,
        counts: impl Fn(&Searcher) -> Result<Vec<(String, u64)>>,
    ) -> Result<Vec<(String, u64)>> {
        let mut all: BTreeMap<String, u64> = BTreeMap::new();
        for searcher in &self.searchers {
            for (name, n) in counts(searcher)? {
                *all.entry(name).or_default() += n;
            }
        }
        let mut out: Vec<(String, u64)> = all.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(out)
    }

    /// The searcher of each shard.
    pub(crate) fn searchers(&self) -> &[Searcher] {
        &self.searchers
    }

    /// Number of articles in all shards.
    pub fn num_articles(&self) -> Result<u64> {
        self.searchers.iter().map(Searcher::num_articles).sum()
    }

    /// Number of statements in all shards.
    pub fn num_statements(&self) -> Result<u64> {
        self.searchers.iter().map(Searcher::num_statements).sum()
    }
}

/// A hit of one shard: its score (relevance order) or date (date order).
type ShardHit = (Option<Score>, i64, DocAddress);

/// The top `want` hits of one shard scored with corpus-wide statistics, and
/// every further hit tied with the last of them (so that ties can be broken
/// by article id across shards), with the shard's match count.
fn top_of_shard(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    want: usize,
    stats: &GlobalStats<'_>,
) -> Result<(u64, Vec<ShardHit>)> {
    let mut limit = want;
    loop {
        let (count, found): (usize, Vec<ShardHit>) = match sort {
            Sort::Relevance => {
                let collector = (Count, TopDocs::with_limit(limit).order_by_score());
                let (count, top) =
                    searcher.inner.search_with_statistics_provider(query, &collector, stats).or_engine()?;
                (count, top.into_iter().map(|(score, addr)| (Some(score), 0, addr)).collect())
            }
            Sort::Newest | Sort::Oldest => {
                // The same instant single-index search sorts on, right for every year.
                let newest = sort == Sort::Newest;
                let by_date = TopDocs::with_limit(limit).order_by(move |segment: &SegmentReader| {
                    let key = SortInstant::of(segment);
                    move |doc: DocId| if newest { key.secs(doc) } else { -key.secs(doc) }
                });
                let (count, top) = searcher.inner.search(query, &(Count, by_date)).or_engine()?;
                let secs = |key: i64| if newest { key } else { -key };
                (count, top.into_iter().map(|(key, addr)| (None, secs(key), addr)).collect())
            }
        };
        let key = |hit: &ShardHit| (hit.0.map(f32::to_bits), hit.1);
        let tied_past_cut = found.len() == limit
            && found.len() >= want
            && key(&found[found.len() - 1]) == key(&found[want - 1]);
        if !tied_past_cut || limit >= count {
            return Ok((count as u64, found));
        }
        limit *= 2;
    }
}

/// BM25 statistics of all shards together: what one index of all their
/// documents would have.
struct GlobalStats<'a> {
    shards: &'a [Searcher],
}

impl Bm25StatisticsProvider for GlobalStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.shards.iter().map(|s| Bm25StatisticsProvider::total_num_tokens(&s.inner, field)).sum()
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.shards.iter().map(|s| Bm25StatisticsProvider::total_num_docs(&s.inner)).sum()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.shards.iter().map(|s| s.inner.doc_freq(term)).sum()
    }
}

/// A sharded index as one statement source: surname aliases and learned
/// spokespeople are then learned over all shards.
impl StatementSource for Shards {
    type Error = Error;

    fn statements(&self, query: &StatementQuery) -> Result<Vec<Statement>> {
        Shards::statements(self, query)
    }

    fn actor_counts(&self) -> Result<Vec<(ActorId, u64)>> {
        self.actors()
    }
}
