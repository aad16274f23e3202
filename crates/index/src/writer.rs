use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use stanceshift_core::{ActorId, Article, Statement};
use tantivy::columnar::Column;
use tantivy::directory::error::LockError;
use tantivy::index::{InvertedIndexReader, SegmentReader};
use tantivy::indexer::{IndexWriterOptions, UserOperation};
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocSet, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term, TERMINATED,
};

use crate::checkpoint::{self, Checkpoint};
use crate::error::{Error, OrEngine, Result};
use crate::schema::{
    actor_facet, day_number, source_facet, split_hash, Fields, F_ANALYZER_VERSION, F_HASH_HI, F_HASH_LO,
    KIND_ARTICLE, KIND_STATEMENT,
};

/// Analyzer version for articles indexed without analysis (`--no-analyze`).
/// Upserting with it leaves an article whose content is unchanged alone,
/// whatever analyzer version it was stored with, so a quick re-index never
/// throws statements away.
pub const NOT_ANALYZED: u32 = 0;

/// Tantivy's own writer lock file, named in [`Error::Locked`].
const WRITER_LOCK_FILE: &str = ".tantivy-writer.lock";

/// How much memory and how many threads the writer may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriterOptions {
    /// Indexing heap shared by the indexing threads; a segment is flushed
    /// to disk whenever a thread's share fills up, so memory stays bounded.
    pub heap_bytes: usize,
    /// Indexing threads (at least 1).
    pub threads: usize,
}

impl Default for WriterOptions {
    fn default() -> WriterOptions {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        WriterOptions { heap_bytes: 128 << 20, threads: cpus.clamp(1, 4) }
    }
}

/// What [`Writer::upsert`] did with an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpsertOutcome {
    /// The id was new.
    Added,
    /// The id was known but its content or analyzer version differed; the
    /// old article and its statements were replaced.
    Updated,
    /// Same content, same analyzer version: nothing was written.
    Unchanged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DocState {
    hash: u128,
    analyzer_version: u32,
}

/// The fast-field columns needed to check an id's stored state in one segment.
struct SegmentLookup {
    reader: SegmentReader,
    ids: Arc<InvertedIndexReader>,
    hash_hi: Column<u64>,
    hash_lo: Column<u64>,
    analyzer_version: Column<u64>,
}

/// The single writer of an index (holds the writer lock until dropped).
///
/// Changes become visible to searchers, and durable, at [`Writer::commit`];
/// a crash before that loses only the changes since the last commit.
pub struct Writer {
    inner: IndexWriter,
    fields: Fields,
    /// Reader over the last commit, used to look up stored content hashes.
    reader: IndexReader,
    lookups: Vec<SegmentLookup>,
    /// Ids written since the last commit, which `reader` cannot see yet.
    pending: HashMap<String, DocState>,
    /// `clear` was called: the committed documents are deleted at the next commit.
    cleared: bool,
    dir: PathBuf,
}

impl Writer {
    pub(crate) fn new(
        index: tantivy::Index,
        fields: Fields,
        dir: &Path,
        options: WriterOptions,
    ) -> Result<Writer> {
        let threads = options.threads.max(1);
        let writer_options = IndexWriterOptions::builder()
            .memory_budget_per_thread((options.heap_bytes / threads).max(16 << 20))
            .num_worker_threads(threads)
            .num_merge_threads(threads.min(2))
            .build();
        let inner = match index.writer_with_options(writer_options) {
            Ok(writer) => writer,
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                return Err(Error::Locked(dir.join(WRITER_LOCK_FILE)))
            }
            Err(err) => return Err(Error::Engine(Box::new(err))),
        };
        // Segment files written by a job killed before its commit are orphans;
        // remove them now that no other writer can be using them.
        inner.garbage_collect_files().wait().or_engine()?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().or_engine()?;
        let mut writer = Writer {
            inner,
            fields,
            reader,
            lookups: Vec::new(),
            pending: HashMap::new(),
            cleared: false,
            dir: dir.to_path_buf(),
        };
        writer.refresh_lookups()?;
        Ok(writer)
    }

    /// Adds `article` with its `statements`, replacing any stored article
    /// with the same id (and that article's statements) in the same commit.
    /// Nothing is written when the stored article has the same content hash
    /// and was analyzed by the same `analyzer_version` (see [`NOT_ANALYZED`]).
    pub fn upsert(
        &mut self,
        article: &Article,
        statements: &[Statement],
        analyzer_version: u32,
    ) -> Result<UpsertOutcome> {
        let hash = article.content_hash();
        let existing = self.state_of(article.id.as_str())?;
        if let Some(state) = existing {
            if is_current(state, hash, analyzer_version) {
                return Ok(UpsertOutcome::Unchanged);
            }
        }
        // A content change under NOT_ANALYZED drops the old statements with the
        // old text, and the article is stored as not analyzed.
        let stored_version = analyzer_version;
        let mut operations = Vec::with_capacity(3 + statements.len());
        // An id neither committed nor written in this batch has nothing to
        // replace: skipping its deletes spares every later commit from
        // applying them (most of a first run's work otherwise).
        if existing.is_some() {
            operations
                .push(UserOperation::Delete(Term::from_field_text(self.fields.id, article.id.as_str())));
            operations.push(UserOperation::Delete(Term::from_field_text(
                self.fields.article_id,
                article.id.as_str(),
            )));
        }
        operations.push(UserOperation::Add(self.article_doc(article, statements, hash, stored_version)));
        for statement in statements {
            operations.push(UserOperation::Add(self.statement_doc(article, statement)?));
        }
        // One `run` gives the deletes and adds contiguous opstamps, so no commit
        // can ever contain the deletion without the new documents.
        self.inner.run(operations).or_engine()?;
        self.pending
            .insert(article.id.as_str().to_string(), DocState { hash, analyzer_version: stored_version });
        Ok(if existing.is_some() { UpsertOutcome::Updated } else { UpsertOutcome::Added })
    }

    /// True when [`Writer::upsert`] would leave `article` unchanged, so the
    /// caller can skip analyzing it.
    pub fn is_current(&self, article: &Article, analyzer_version: u32) -> Result<bool> {
        Ok(self
            .state_of(article.id.as_str())?
            .is_some_and(|state| is_current(state, article.content_hash(), analyzer_version)))
    }

    /// Makes every change since the last commit durable and visible, together
    /// with `checkpoint` (readable later with [`crate::Index::last_checkpoint`]).
    pub fn commit(&mut self, checkpoint: &Checkpoint) -> Result<()> {
        let mut prepared = self.inner.prepare_commit().or_engine()?;
        prepared.set_payload(&checkpoint::to_payload(checkpoint));
        prepared.commit().or_engine()?;
        self.pending.clear();
        self.cleared = false;
        publish_metadata(&self.dir);
        self.refresh_lookups()
    }

    /// Discards every change since the last commit.
    pub fn rollback(&mut self) -> Result<()> {
        self.inner.rollback().or_engine()?;
        self.pending.clear();
        self.cleared = false;
        Ok(())
    }

    /// Deletes every document at the next commit (`--rebuild`). Until then
    /// the old documents stay searchable, and upserts treat every id as new.
    pub fn clear(&mut self) -> Result<()> {
        self.inner.delete_all_documents().or_engine()?;
        self.pending.clear();
        self.cleared = true;
        Ok(())
    }

    /// Number of articles written since the last commit.
    pub fn uncommitted(&self) -> usize {
        self.pending.len()
    }

    /// Waits for background segment merges, then releases the lock.
    /// Dropping the writer instead is safe but may abandon a merge.
    pub fn finish(self) -> Result<()> {
        let dir = self.dir.clone();
        self.inner.wait_merging_threads().or_engine()?;
        publish_metadata(&dir);
        Ok(())
    }

    fn state_of(&self, id: &str) -> Result<Option<DocState>> {
        if let Some(state) = self.pending.get(id) {
            return Ok(Some(*state));
        }
        if self.cleared {
            return Ok(None);
        }
        let term = Term::from_field_text(self.fields.id, id);
        for lookup in &self.lookups {
            let Some(mut postings) = lookup.ids.read_postings(&term, IndexRecordOption::Basic).or_engine()?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if lookup.reader.alive_bitset().is_none_or(|alive| alive.is_alive(doc)) {
                    let hi = lookup.hash_hi.first(doc).unwrap_or_default();
                    let lo = lookup.hash_lo.first(doc).unwrap_or_default();
                    let version = lookup.analyzer_version.first(doc).unwrap_or_default();
                    return Ok(Some(DocState {
                        hash: (u128::from(hi) << 64) | u128::from(lo),
                        analyzer_version: u32::try_from(version).unwrap_or(u32::MAX),
                    }));
                }
                doc = postings.advance();
            }
        }
        Ok(None)
    }

    fn refresh_lookups(&mut self) -> Result<()> {
        self.reader.reload().or_engine()?;
        let searcher = self.reader.searcher();
        let mut lookups = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            lookups.push(SegmentLookup {
                reader: segment.clone(),
                ids: segment.inverted_index(self.fields.id).or_engine()?,
                hash_hi: fast.u64(F_HASH_HI).or_engine()?,
                hash_lo: fast.u64(F_HASH_LO).or_engine()?,
                analyzer_version: fast.u64(F_ANALYZER_VERSION).or_engine()?,
            });
        }
        self.lookups = lookups;
        Ok(())
    }

    fn article_doc(
        &self,
        article: &Article,
        statements: &[Statement],
        hash: u128,
        analyzer_version: u32,
    ) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_text(f.kind, KIND_ARTICLE);
        doc.add_text(f.id, article.id.as_str());
        if let Some(title) = &article.title {
            doc.add_text(f.title, title);
        }
        doc.add_text(f.body, &article.body);
        if let Some(source) = &article.source {
            doc.add_text(f.source, source);
            doc.add_facet(f.tags, source_facet(source));
        }
        if let Some(url) = &article.url {
            doc.add_text(f.url, url);
        }
        if let Some(author) = &article.author {
            doc.add_text(f.author, author);
            // A version-1 index has no field for it; it keeps working without `author:`.
            if let Some(words) = f.author_words {
                doc.add_text(words, author);
            }
        }
        doc.add_text(f.date_text, article.date.to_rfc3339());
        doc.add_date(f.date, sort_instant(article));
        doc.add_i64(f.day, day_number(article.date.date_naive()));
        let actors: BTreeSet<&ActorId> =
            statements.iter().flat_map(|s| s.speaker.actor.iter().chain(s.principal.iter())).collect();
        for actor in actors {
            doc.add_facet(f.tags, actor_facet("actor", actor));
        }
        let (hi, lo) = split_hash(hash);
        doc.add_u64(f.hash_hi, hi);
        doc.add_u64(f.hash_lo, lo);
        doc.add_u64(f.analyzer_version, u64::from(analyzer_version));
        doc
    }

    fn statement_doc(&self, article: &Article, statement: &Statement) -> Result<TantivyDocument> {
        let f = &self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_text(f.kind, KIND_STATEMENT);
        doc.add_text(f.article_id, article.id.as_str());
        doc.add_text(f.date_text, article.date.to_rfc3339());
        doc.add_date(f.date, sort_instant(article));
        doc.add_i64(f.day, day_number(statement.date.date));
        let mut actors = BTreeSet::new();
        if let Some(speaker) = &statement.speaker.actor {
            doc.add_facet(f.tags, actor_facet("speaker", speaker));
            actors.insert(speaker);
        }
        if let Some(principal) = &statement.principal {
            doc.add_facet(f.tags, actor_facet("principal", principal));
            actors.insert(principal);
        }
        for actor in actors {
            doc.add_facet(f.tags, actor_facet("actor", actor));
        }
        let json = serde_json::to_string(statement).map_err(|e| Error::Corrupt(e.to_string()))?;
        doc.add_text(f.statement, json);
        Ok(doc)
    }
}

fn is_current(state: DocState, hash: u128, analyzer_version: u32) -> bool {
    state.hash == hash && (analyzer_version == NOT_ANALYZED || state.analyzer_version == analyzer_version)
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").field("uncommitted", &self.pending.len()).finish_non_exhaustive()
    }
}

/// The article's instant for the `date` field, which holds nanoseconds in an
/// i64 (years ~1677 to ~2262): earlier and later instants are clamped to its
/// ends, and sorting falls back to the calendar day for them (see `search`).
fn sort_instant(article: &Article) -> tantivy::DateTime {
    let secs =
        article.date.timestamp().clamp(crate::schema::MIN_INSTANT_SECS, crate::schema::MAX_INSTANT_SECS);
    tantivy::DateTime::from_timestamp_secs(secs)
}

/// Makes the engine's metadata files (written 0600) as readable as the index
/// directory, so that an index anyone may read is searchable by anyone:
/// the directory's permissions without the execute bits. Best effort.
fn publish_metadata(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(dir_meta) = std::fs::metadata(dir) else { return };
        let mode = dir_meta.permissions().mode() & 0o666;
        for name in ["meta.json", ".managed.json"] {
            let _ = std::fs::set_permissions(dir.join(name), std::fs::Permissions::from_mode(mode));
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}
