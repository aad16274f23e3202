//! The stanceshift index: articles and the statements found in them, stored in
//! one tantivy index behind a small API (no tantivy type appears in it).
//!
//! - **Upsert by id.** [`Writer::upsert`] compares the article's content hash
//!   and the analyzer version with what is stored: unchanged articles cost a
//!   lookup and write nothing; changed ones are deleted and re-added, with
//!   their statements, in one operation, so no commit holds half an update.
//!   Indexing the same corpus twice leaves the same documents.
//! - **Batched commits with a checkpoint.** [`Writer::commit`] stores a
//!   [`Checkpoint`] (files done, position in the current file, counts) in the
//!   commit itself; after a crash, [`Index::last_checkpoint`] tells a re-run
//!   what it can skip, and the last commit is searchable.
//! - **The actor file it was built with.** [`record_actors`] keeps a
//!   byte-for-byte copy of the actor file in the index directory
//!   ([`ACTOR_FILE`]), [`recorded_actors`] reads it back (for a sharded
//!   index, checked against its shards'), so that queries use the actors
//!   the statements were attributed with without being told again.
//! - **One writer.** [`Index::writer`] takes tantivy's writer lock, an OS file
//!   lock released when the process dies; a second writer gets
//!   [`Error::Locked`]. Readers never take it.
//! - **Search.** [`Searcher::search`] runs the query language over title and
//!   body (English stemming, positions for phrases) with date, source and
//!   actor filters, relevance or date order, and highlighted snippets;
//!   [`Searcher::count`] and [`Searcher::histogram`] count matches.
//! - **Timelines.** Statements are separate documents keyed by statement date
//!   and speaker/principal, so [`Searcher::statements`] gives an actor's
//!   statements in date order with one query.
//!
//!
//! ## Query language
//!
//! `budapest summit` (all words: the default operator is AND; English
//! stemming, so `meeting` finds `meet`), `"meet putin"` (phrase),
//! `putin OR kremlin`, `putin -budapest`, `putin NOT budapest` or
//! `putin AND NOT budapest` (exclusion), `+word`, parentheses, `Budap*`
//! (prefix), `Putn~1` (edit distance, at most 2), and the fields
//! [`QUERY_FIELDS`]: `title:` / `body:`, `source:"Meridian Post"` (the whole
//! source, any case), `author:` (a word of the author's name; schema v2),
//! `date:2025-10-16` (or `2025-10`, `2025`), `date:[2025-10-01 TO 2025-10-31]`
//! (`{..}` excludes an end, `*` leaves it open) and `id:some-article-id`.
//! Empty text or `*` matches every article. A query that does not parse, or
//! names another field, is an [`Error::Query`] whose message gives the
//! character position and the fields (`query.rs`).
//!
//! ## Stability
//!
//! The benchmarks and the CLI use this API; change it only additively. The
//! on-disk schema is pinned by a compatibility test against an index written
//! by the first version (`tests/fixtures/index-v1` in the repository). Schema
//! v2 only adds a field (`author_words`), so a v1 index opens and answers
//! everything but `author:`; any other difference makes [`Index::open`] fail
//! with [`Error::Incompatible`] (re-index with `--rebuild`) rather than
//! misread old data.
//!
//! ```
//! use stanceshift_core::{ActorId, Article, ArticleId, DateBasis, DateWindow, Mention, Span, SpeechKind,
//!     Statement, StatementDate};
//! use stanceshift_index::{Checkpoint, Index, SearchQuery, Sort, StatementQuery, UpsertOutcome, WriterOptions};
//!
//! # fn main() -> stanceshift_index::Result<()> {
//! let dir = tempfile::tempdir().unwrap();
//! let index = Index::open_or_create(dir.path())?;
//! let article = Article::new("2025-10-16T12:00:00Z".parse().unwrap(),
//!         "Trump said he would meet Putin in Budapest within two weeks.".into())
//!     .with_id(ArticleId::new("a1"))
//!     .with_title("Trump and Putin to meet".into())
//!     .with_source("Example Wire".into());
//! let day = article.date.date_naive();
//! let statement = Statement {
//!     article_id: article.id.clone(),
//!     index: 0,
//!     speaker: Mention { text: "Trump".into(), span: Span::new(0, 5),
//!                        actor: Some(ActorId::new("donald-trump")) },
//!     principal: None, proxy: None, anonymous: false,
//!     cue: "said".into(), cue_span: Span::new(6, 10),
//!     content: "he would meet Putin in Budapest within two weeks".into(), content_span: Span::new(11, 60),
//!     kind: SpeechKind::Indirect,
//!     date: StatementDate { date: day, window: DateWindow::new(day, day), basis: DateBasis::ArticleDate,
//!                           evidence: None, timex_value: None },
//!     confidence: 0.9,
//!     referents: Vec::new(),
//!     continues: None,
//! };
//!
//! let mut writer = index.writer(WriterOptions::default())?;
//! assert_eq!(writer.upsert(&article, &[statement.clone()], 1)?, UpsertOutcome::Added);
//! writer.commit(&Checkpoint::default())?;
//! // Same content, same analyzer version: nothing to write.
//! assert_eq!(writer.upsert(&article, &[statement], 1)?, UpsertOutcome::Unchanged);
//! drop(writer);
//!
//! let searcher = index.searcher()?;
//! let results = searcher.search(&SearchQuery { sort: Sort::Newest, ..SearchQuery::new("\"meeting putin\"") })?;
//! assert_eq!(results.total, 1);
//! let snippet = results.hits[0].snippet.as_ref().unwrap();
//! assert_eq!(snippet.marked("[", "]"), "Trump said he would [meet] [Putin] in Budapest within two weeks.");
//!
//! let timeline = searcher.statements(&StatementQuery::actor(ActorId::new("donald-trump")))?;
//! assert_eq!(timeline.len(), 1);
//! # Ok(())
//! # }
//! ```

mod actor_file;
mod checkpoint;
mod error;
mod index;
mod query;
mod schema;
mod search;
mod shards;
mod term_stats;
mod writer;

pub use actor_file::{
    forget_actors, record_actors, recorded_actors, ActorRecord, RecordedActors, ACTOR_FILE, ACTOR_SOURCE,
};
pub use checkpoint::{Checkpoint, Counts, FileProgress, FileStamp, RejectsMark};
pub use error::{Error, Result};
pub use index::{is_index, Index};
pub use query::{MAX_QUERY_NESTING, QUERY_FIELDS};
pub use search::{Bucket, FacetField, Hit, SearchQuery, SearchResults, Searcher, Snippet, Sort};
pub use shards::{is_sharded, Manifest, Shards, MANIFEST};
pub use term_stats::CorpusTermStats;
// Statement queries are core types so the analyzer can select statements from any source.
pub use stanceshift_core::{Role, StatementQuery, StatementSource};
pub use writer::{UpsertOutcome, Writer, WriterOptions, NOT_ANALYZED};
