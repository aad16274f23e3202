use std::collections::BTreeMap;
use std::ops::Bound;

use chrono::{DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use stanceshift_core::{ActorId, Article, ArticleId, Role, Span, Statement, StatementQuery, StatementSource};
use tantivy::collector::{Collector, Count, DocSetCollector, FacetCollector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::index::SegmentReader;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, TantivyDocument, Term};

use crate::error::{Error, OrEngine, Result};
use crate::query::{day_range, QueryBuilder};
use crate::schema::{
    actor_facet, day_from_number, day_number, source_facet, Fields, F_DATE, F_DAY, KIND_ARTICLE,
    KIND_STATEMENT,
};

/// Longest snippet, in characters.
pub(crate) const SNIPPET_CHARS: usize = 200;

/// Order of search hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best BM25 match first.
    #[default]
    Relevance,
    /// Latest article first.
    Newest,
    /// Earliest article first.
    Oldest,
}

impl std::str::FromStr for Sort {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Sort, String> {
        match s.to_ascii_lowercase().as_str() {
            "relevance" => Ok(Sort::Relevance),
            "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            other => Err(format!("unknown sort {other:?} (expected relevance, newest or oldest)")),
        }
    }
}

/// An article search. `text` uses the query language (terms, `"phrases"`,
/// `AND`/`OR`/`NOT`, `+`/`-`, `title:word`); all terms are required unless
/// joined with `OR`. Empty text matches every article. Filters combine with
/// AND; several sources (or actors) match any of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    pub text: String,
    /// First day, inclusive (the article's own calendar date).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Sources, matched case-insensitively.
    pub sources: Vec<String>,
    /// Articles with a statement by (or for) any of these actors.
    pub actors: Vec<ActorId>,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
    /// Compute a highlighted body snippet per hit.
    pub snippets: bool,
}

impl SearchQuery {
    /// A query for `text` with no filters, the 10 best hits and snippets.
    pub fn new(text: impl Into<String>) -> SearchQuery {
        SearchQuery {
            text: text.into(),
            from: None,
            to: None,
            sources: Vec::new(),
            actors: Vec::new(),
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            snippets: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of matching articles (not just those in `hits`).
    pub total: u64,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: ArticleId,
    pub date: DateTime<FixedOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Relevance score (only when sorted by relevance).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
}

/// A passage of the article body with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// Plain text of the passage.
    pub text: String,
    /// Byte ranges of matched words within `text`, in order, not overlapping.
    pub highlights: Vec<Span>,
    /// The same ranges in characters (Unicode scalar values), for readers
    /// whose strings are not indexed by UTF-8 byte.
    pub char_highlights: Vec<Span>,
}

impl Snippet {
    /// A snippet of `text` with these byte ranges highlighted.
    pub fn new(text: String, highlights: Vec<Span>) -> Snippet {
        let chars = |at: usize| text.get(..at).map_or(0, |s| s.chars().count());
        let char_highlights = highlights.iter().map(|h| Span::new(chars(h.start), chars(h.end))).collect();
        Snippet { text, highlights, char_highlights }
    }

    /// The text with each highlight wrapped in `open` .. `close`
    /// (`"**"`, `"**"` for Markdown; ANSI bold codes for a terminal).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + self.highlights.len() * 8);
        let mut at = 0;
        for span in &self.highlights {
            let (Some(before), Some(word)) = (self.text.get(at..span.start), span.slice(&self.text)) else {
                continue;
            };
            out.push_str(before);
            out.push_str(open);
            out.push_str(word);
            out.push_str(close);
            at = span.end;
        }
        out.push_str(self.text.get(at..).unwrap_or(""));
        out
    }
}

/// What search hits can be counted by (`search --facet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FacetField {
    /// The article's source, lowercased (sources match case-insensitively).
    Source,
    /// Actors with a statement in the article, as speaker or principal.
    Actor,
}

impl FacetField {
    fn root(self) -> &'static str {
        match self {
            FacetField::Source => "/source",
            FacetField::Actor => "/actor",
        }
    }
}

/// Histogram bucket width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    Day,
    /// ISO weeks, labelled by their Monday.
    Week,
    /// Calendar months, labelled by their first day.
    Month,
}

impl std::str::FromStr for Bucket {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Bucket, String> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Ok(Bucket::Day),
            "week" => Ok(Bucket::Week),
            "month" => Ok(Bucket::Month),
            other => Err(format!("unknown bucket {other:?} (expected day, week or month)")),
        }
    }
}

impl Bucket {
    /// First day of the bucket holding `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Bucket::Day => date,
            Bucket::Week => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
            Bucket::Month => date.with_day(1).expect("every month has a first day"),
        }
    }

    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Bucket::Day => start.succ_opt(),
            Bucket::Week => start.checked_add_signed(Duration::days(7)),
            Bucket::Month => start.checked_add_months(Months::new(1)),
        }
    }
}

/// A view of one commit of the index. Cheap to keep and reuse for many queries.
#[derive(Clone)]
pub struct Searcher {
    pub(crate) inner: tantivy::Searcher,
    pub(crate) fields: Fields,
    queries: QueryBuilder,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher").field("segments", &self.inner.segment_readers().len()).finish()
    }
}

impl Searcher {
    pub(crate) fn new(index: &tantivy::Index, fields: Fields, inner: tantivy::Searcher) -> Result<Searcher> {
        let text_analyzer = index
            .tokenizers()
            .get(crate::schema::TEXT_TOKENIZER)
            .ok_or_else(|| Error::Corrupt(format!("no tokenizer {}", crate::schema::TEXT_TOKENIZER)))?;
        let queries = QueryBuilder::new(index, fields, text_analyzer);
        Ok(Searcher { inner, fields, queries })
    }

    /// Matching articles, one page of hits, and how many matched in all.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        let (full, text) = self.article_query(query)?;
        let page = || TopDocs::with_limit(query.limit.max(1)).and_offset(query.offset);
        let (total, top): (usize, Vec<(Option<Score>, DocAddress)>) = match query.sort {
            Sort::Relevance => {
                let (total, top) = self.inner.search(&full, &(Count, page().order_by_score())).or_engine()?;
                (total, top.into_iter().map(|(score, addr)| (Some(score), addr)).collect())
            }
            Sort::Newest | Sort::Oldest => {
                let newest = query.sort == Sort::Newest;
                let by_date = page().order_by(move |segment: &SegmentReader| {
                    let key = SortInstant::of(segment);
                    move |doc: DocId| if newest { key.secs(doc) } else { -key.secs(doc) }
                });
                let (total, top) = self.inner.search(&full, &(Count, by_date)).or_engine()?;
                (total, top.into_iter().map(|(_, addr)| (None, addr)).collect())
            }
        };
        let top = if query.limit == 0 { Vec::new() } else { top };
        let snippets = match (&text, query.snippets) {
            (Some(text), true) => {
                let mut generator =
                    SnippetGenerator::create(&self.inner, text.as_ref(), self.fields.body).or_engine()?;
                generator.set_max_num_chars(SNIPPET_CHARS);
                Some(generator)
            }
            _ => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = self.inner.doc(address).or_engine()?;
            let article = self.article_from_doc(&doc)?;
            hits.push(Hit::of(article, score, query.snippets.then_some(snippets.as_ref())));
        }
        Ok(SearchResults { total: total as u64, hits })
    }

    /// How many articles match (filters included; `limit`, `sort` ignored).
    pub fn count(&self, query: &SearchQuery) -> Result<u64> {
        let (full, _) = self.article_query(query)?;
        Ok(self.inner.search(&full, &Count).or_engine()? as u64)
    }

    /// Matching articles per day, week or month, from the first non-empty
    /// bucket to the last, empty buckets in between included.
    pub fn histogram(&self, query: &SearchQuery, bucket: Bucket) -> Result<Vec<(NaiveDate, u64)>> {
        Ok(bucketize(&self.day_counts(query)?, bucket))
    }

    /// Matching articles per day number.
    pub(crate) fn day_counts(&self, query: &SearchQuery) -> Result<BTreeMap<i64, u64>> {
        let (full, _) = self.article_query(query)?;
        self.inner.search(&full, &DayCounts).or_engine()
    }

    /// Statements matching `query`, ordered by statement date, then article
    /// date, article id and position in the article.
    pub fn statements(&self, query: &StatementQuery) -> Result<Vec<Statement>> {
        Ok(self.keyed_statements(query)?.into_iter().map(|(_, statement)| statement).collect())
    }

    /// [`Searcher::statements`] with the date of each statement's article,
    /// the second sort key (for merging the statements of several shards).
    pub(crate) fn keyed_statements(
        &self,
        query: &StatementQuery,
    ) -> Result<Vec<(Option<DateTime<FixedOffset>>, Statement)>> {
        let f = &self.fields;
        let mut clauses = vec![filter(kind_query(f, KIND_STATEMENT))];
        if !query.actors.is_empty() {
            let role = match query.role {
                Role::Any => "actor",
                Role::Speaker => "speaker",
                Role::Principal => "principal",
            };
            let facets = query.actors.iter().map(|a| actor_facet(role, a)).collect();
            clauses.push(filter(any_facet(f, facets)));
        }
        if !query.articles.is_empty() {
            let ids: Vec<(Occur, Box<dyn Query>)> = query
                .articles
                .iter()
                .map(|id| {
                    let term = Term::from_field_text(f.article_id, id.as_str());
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            clauses.push(filter(BooleanQuery::new(ids)));
        }
        if let Some(range) = filter_days(f, query.from, query.to) {
            clauses.push(filter(range));
        }
        let addresses = self.inner.search(&BooleanQuery::new(clauses), &DocSetCollector).or_engine()?;
        let mut keyed = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = self.inner.doc(address).or_engine()?;
            let json = stored_str(&doc, f.statement).ok_or_else(|| corrupt("statement without JSON"))?;
            let statement: Statement =
                serde_json::from_str(json).map_err(|e| corrupt(&format!("statement JSON: {e}")))?;
            let article_date =
                stored_str(&doc, f.date_text).and_then(|d| DateTime::parse_from_rfc3339(d).ok());
            keyed.push((article_date, statement));
        }
        keyed.sort_by(|(a_date, a), (b_date, b)| {
            (a.date.date, a_date, &a.article_id, a.index).cmp(&(b.date.date, b_date, &b.article_id, b.index))
        });
        Ok(keyed)
    }

    /// The stored article with this id.
    pub fn article(&self, id: &ArticleId) -> Result<Option<Article>> {
        let query =
            TermQuery::new(Term::from_field_text(self.fields.id, id.as_str()), IndexRecordOption::Basic);
        let top = self.inner.search(&query, &TopDocs::with_limit(1).order_by_score()).or_engine()?;
        match top.first() {
            Some((_, address)) => {
                let doc: TantivyDocument = self.inner.doc(*address).or_engine()?;
                Ok(Some(self.article_from_doc(&doc)?))
            }
            None => Ok(None),
        }
    }

    /// First and last article day, or `None` for an empty index.
    pub fn date_range(&self) -> Result<Option<(NaiveDate, NaiveDate)>> {
        let days = self.inner.search(&kind_query(&self.fields, KIND_ARTICLE), &DayCounts).or_engine()?;
        let first = days.keys().next().copied().and_then(day_from_number);
        let last = days.keys().next_back().copied().and_then(day_from_number);
        Ok(first.zip(last))
    }

    /// Actors with statements (as speaker or principal) and how many, most first.
    pub fn actors(&self) -> Result<Vec<(ActorId, u64)>> {
        let counts = self.facet_counts_of_kind(KIND_STATEMENT, "/actor")?;
        Ok(counts.into_iter().map(|(id, n)| (ActorId::new(id), n)).collect())
    }

    /// Article sources (lowercased) and how many articles each, most first.
    pub fn sources(&self) -> Result<Vec<(String, u64)>> {
        self.facet_counts_of_kind(KIND_ARTICLE, "/source")
    }

    /// Number of articles in this commit.
    pub fn num_articles(&self) -> Result<u64> {
        Ok(self.inner.search(&kind_query(&self.fields, KIND_ARTICLE), &Count).or_engine()? as u64)
    }

    /// Number of statements in this commit.
    pub fn num_statements(&self) -> Result<u64> {
        Ok(self.inner.search(&kind_query(&self.fields, KIND_STATEMENT), &Count).or_engine()? as u64)
    }

    /// How many matching articles each source or actor has, most first
    /// (sources lowercased, actors by id).
    pub fn facet_counts(&self, query: &SearchQuery, facet: FacetField) -> Result<Vec<(String, u64)>> {
        let (full, _) = self.article_query(query)?;
        self.count_facets(&full, facet.root())
    }

    fn facet_counts_of_kind(&self, kind: &str, root: &str) -> Result<Vec<(String, u64)>> {
        self.count_facets(&kind_query(&self.fields, kind), root)
    }

    fn count_facets(&self, query: &dyn Query, root: &str) -> Result<Vec<(String, u64)>> {
        let mut collector = FacetCollector::for_field("tags");
        collector.add_facet(root);
        let counts = self.inner.search(query, &collector).or_engine()?;
        let mut out: Vec<(String, u64)> = counts
            .get(root)
            .filter_map(|(facet, n)| facet.to_path().get(1).map(|name| (name.to_string(), n)))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(out)
    }

    /// The whole query and, separately, its text part (for snippets).
    pub(crate) fn article_query(
        &self,
        query: &SearchQuery,
    ) -> Result<(BooleanQuery, Option<Box<dyn Query>>)> {
        let f = &self.fields;
        let mut clauses = vec![filter(kind_query(f, KIND_ARTICLE))];
        let text = query.text.trim();
        let text_query = if text.is_empty() || text == "*" {
            None
        } else {
            let parsed = self.queries.build(text)?;
            clauses.push((Occur::Must, parsed.box_clone()));
            Some(parsed)
        };
        if let Some(range) = filter_days(f, query.from, query.to) {
            clauses.push(filter(range));
        }
        if !query.sources.is_empty() {
            let facets = query.sources.iter().map(|s| source_facet(s)).collect();
            clauses.push(filter(any_facet(f, facets)));
        }
        if !query.actors.is_empty() {
            let facets = query.actors.iter().map(|a| actor_facet("actor", a)).collect();
            clauses.push(filter(any_facet(f, facets)));
        }
        Ok((BooleanQuery::new(clauses), text_query))
    }

    pub(crate) fn article_from_doc(&self, doc: &TantivyDocument) -> Result<Article> {
        let f = &self.fields;
        let text = |field| stored_str(doc, field).map(str::to_string);
        let id = text(f.id).ok_or_else(|| corrupt("article without id"))?;
        let date = text(f.date_text)
            .and_then(|d| DateTime::parse_from_rfc3339(&d).ok())
            .ok_or_else(|| corrupt(&format!("article {id} without a valid date")))?;
        Ok(Article {
            id: ArticleId::new(id),
            date,
            title: text(f.title),
            source: text(f.source),
            url: text(f.url),
            author: text(f.author),
            // Not stored: the speaker only matters to the analysis, which
            // runs on the corpus record when indexing.
            speaker: None,
            body: text(f.body).unwrap_or_default(),
        })
    }
}

fn corrupt(what: &str) -> Error {
    Error::Corrupt(what.to_string())
}

fn stored_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// A clause that restricts without touching the score.
fn filter(query: impl Query) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(Box::new(query), 0.0)))
}

fn kind_query(fields: &Fields, kind: &str) -> TermQuery {
    TermQuery::new(Term::from_field_text(fields.kind, kind), IndexRecordOption::Basic)
}

fn any_facet(fields: &Fields, facets: Vec<Facet>) -> BooleanQuery {
    let clauses = facets
        .iter()
        .map(|facet| {
            let term = Term::from_facet(fields.tags, facet);
            (Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>)
        })
        .collect();
    BooleanQuery::new(clauses)
}

fn filter_days(fields: &Fields, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<RangeQuery> {
    if from.is_none() && to.is_none() {
        return None;
    }
    let bound = |date: Option<NaiveDate>| date.map_or(Bound::Unbounded, Bound::Included);
    Some(day_range(fields, bound(from), bound(to)))
}

/// Turns tantivy's fragment (`range` of `body`, highlights relative to it)
/// into a snippet that keeps trailing punctuation and shows with `…` where
/// the body goes on.
pub(crate) fn framed_snippet(
    body: &str,
    range: std::ops::Range<usize>,
    highlights: &[std::ops::Range<usize>],
) -> Snippet {
    let tail = &body[range.end..];
    let punctuation = tail.find(|c: char| c.is_whitespace() || c.is_alphanumeric()).unwrap_or(tail.len());
    let end = range.end + punctuation;
    let lead = if body[..range.start].trim().is_empty() { "" } else { "…" };
    let trail = if body[end..].trim().is_empty() { "" } else { "…" };
    let text = format!("{lead}{}{trail}", &body[range.start..end]);
    let shift = lead.len();
    Snippet::new(text, highlights.iter().map(|r| Span::new(r.start + shift, r.end + shift)).collect())
}

/// The start of the body, cut at a word boundary, when no match can be shown.
pub(crate) fn lead_snippet(body: &str) -> Snippet {
    let body = body.trim_start();
    let text = if body.chars().count() <= SNIPPET_CHARS {
        body.trim_end().to_string()
    } else {
        let cut = body.char_indices().nth(SNIPPET_CHARS).map_or(body.len(), |(i, _)| i);
        let head = &body[..cut];
        let head = head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]);
        format!("{}…", head.trim_end())
    };
    Snippet::new(text, Vec::new())
}

pub(crate) fn bucketize(days: &BTreeMap<i64, u64>, bucket: Bucket) -> Vec<(NaiveDate, u64)> {
    let mut counts: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (&day, &n) in days {
        if let Some(date) = day_from_number(day) {
            *counts.entry(bucket.start_of(date)).or_default() += n;
        }
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = Some(first);
    while let Some(start) = at.filter(|d| *d <= last) {
        out.push((start, counts.get(&start).copied().unwrap_or(0)));
        at = bucket.next(start);
    }
    out
}

/// Counts matching documents per value of the `day` fast field.
struct DayCounts;

struct DaySegmentCounts {
    days: Column<i64>,
    counts: BTreeMap<i64, u64>,
}

impl Collector for DayCounts {
    type Fruit = BTreeMap<i64, u64>;
    type Child = DaySegmentCounts;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<DaySegmentCounts> {
        Ok(DaySegmentCounts { days: segment.fast_fields().i64(F_DAY)?, counts: BTreeMap::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<BTreeMap<i64, u64>>) -> tantivy::Result<BTreeMap<i64, u64>> {
        let mut all = BTreeMap::new();
        for fruit in fruits {
            for (day, n) in fruit {
                *all.entry(day).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for DaySegmentCounts {
    type Fruit = BTreeMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(day) = self.days.first(doc) {
            *self.counts.entry(day).or_default() += 1;
        }
    }

    fn harvest(self) -> BTreeMap<i64, u64> {
        self.counts
    }
}

/// The index as a statement source for the analyzer's actor selection.
impl StatementSource for Searcher {
    type Error = Error;

    fn statements(&self, query: &StatementQuery) -> Result<Vec<Statement>> {
        Searcher::statements(self, query)
    }

    fn actor_counts(&self) -> Result<Vec<(ActorId, u64)>> {
        self.actors()
    }
}

impl Hit {
    /// A hit for `article`; with `snippets: Some(..)` it carries a snippet:
    /// the generator's highlighted fragment, else the article's lead.
    pub(crate) fn of(
        article: Article,
        score: Option<Score>,
        snippets: Option<Option<&SnippetGenerator>>,
    ) -> Hit {
        let snippet = snippets.map(|generator| match generator.map(|g| g.snippet(&article.body)) {
            Some(s) if !s.is_empty() && !s.highlighted().is_empty() => {
                framed_snippet(&article.body, s.fragment_range(), s.highlighted())
            }
            _ => lead_snippet(&article.body),
        });
        Hit {
            id: article.id,
            date: article.date,
            title: article.title,
            source: article.source,
            url: article.url,
            score,
            snippet,
        }
    }
}

/// An article's instant in Unix seconds for sorting, over every year an
/// article may have: the `date` field where it holds the instant, else (before
/// ~1677, after ~2262, where it is clamped) midnight of the `day`.
pub(crate) struct SortInstant {
    dates: Option<Column<tantivy::DateTime>>,
    days: Option<Column<i64>>,
}

impl SortInstant {
    pub(crate) fn of(segment: &SegmentReader) -> SortInstant {
        let fast = segment.fast_fields();
        SortInstant { dates: fast.date(F_DATE).ok(), days: fast.i64(F_DAY).ok() }
    }

    pub(crate) fn secs(&self, doc: DocId) -> i64 {
        let instant = self.dates.as_ref().and_then(|c| c.first(doc)).map(|d| d.into_timestamp_secs());
        match instant {
            Some(secs)
                if secs > crate::schema::MIN_INSTANT_SECS && secs < crate::schema::MAX_INSTANT_SECS =>
            {
                secs
            }
            _ => {
                let day = self.days.as_ref().and_then(|c| c.first(doc));
                let epoch = day_number(NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date"));
                day.map_or(i64::MIN + 1, |day| (day - epoch).saturating_mul(86_400))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn buckets_start_on_monday_and_the_first() {
        assert_eq!(Bucket::Week.start_of(d("2025-10-16")), d("2025-10-13"));
        assert_eq!(Bucket::Week.start_of(d("2025-10-13")), d("2025-10-13"));
        assert_eq!(Bucket::Month.start_of(d("2025-10-16")), d("2025-10-01"));
    }

    #[test]
    fn histograms_fill_empty_buckets() {
        let days: BTreeMap<i64, u64> =
            [(day_number(d("2025-09-30")), 2), (day_number(d("2025-11-02")), 1)].into_iter().collect();
        assert_eq!(
            bucketize(&days, Bucket::Month),
            vec![(d("2025-09-01"), 2), (d("2025-10-01"), 0), (d("2025-11-01"), 1)]
        );
        assert_eq!(bucketize(&days, Bucket::Day).len(), 34);
        assert!(bucketize(&BTreeMap::new(), Bucket::Week).is_empty());
    }

    #[test]
    fn snippets_mark_highlights() {
        let snippet = Snippet::new("Putin will meet Trump".into(), vec![Span::new(0, 5), Span::new(11, 15)]);
        assert_eq!(snippet.marked("**", "**"), "**Putin** will **meet** Trump");
        assert_eq!(snippet.marked("[", "]"), "[Putin] will [meet] Trump");
        let accented = Snippet::new("…Orbán met Putin".into(), vec![Span::new(14, 19)]);
        assert_eq!(accented.char_highlights, vec![Span::new(11, 16)]);
        assert_eq!(accented.marked("[", "]"), "…Orbán met [Putin]");
    }

    #[test]
    fn lead_snippets_cut_at_words() {
        let body = "word ".repeat(100);
        let snippet = lead_snippet(&body);
        assert!(snippet.text.ends_with("word…"), "{}", snippet.text);
        assert!(snippet.text.chars().count() <= SNIPPET_CHARS + 1);
        assert_eq!(lead_snippet("  short body ").text, "short body");
    }
}
