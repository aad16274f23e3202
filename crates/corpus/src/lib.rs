//! Reading dated news articles from files, streaming, without letting bad input
//! stop or corrupt the rest.
//!
//! [`Corpus::open`] takes files and directories (walked recursively in sorted
//! order; hidden files skipped, files without an extension sniffed, files with
//! another extension rejected as not a corpus format) and iterates over
//! [`Record`]s: an [`Article`] with its [`Origin`] (file, line, size), or a
//! [`Reject`] saying exactly what was wrong and where. Formats:
//!
//! * JSON Lines (`.jsonl`, `.ndjson`, `.json`); a `.json` file may instead hold an
//!   array of objects or pretty-printed objects, streamed value by value;
//! * CSV / TSV with a header row (`.csv`, `.tsv`), quoted multi-line fields allowed
//!   (rows swallowed by an unbalanced quote are recovered from the next line);
//! * plain text / Markdown (`.txt`, `.md`, `.markdown`), one article per file, with
//!   the date on the first line, in `---` front matter, or else in the file name
//!   (`publisher_2016-09-12_slug.txt`).
//!
//! The path `-` reads standard input (format sniffed). Any of them may be gzipped (`.gz`, or detected by its magic bytes). Field
//! names have common aliases (`text`/`content` for `body`, `published_at` or
//! `timestamp` for `date`, `headline` for `title`, ...); only `date` and `body`
//! are required, and the id is derived from the content when absent. Dates are
//! read by [`date::parse_date`]. Files named explicitly are read whatever their
//! extension (the format is sniffed).
//!
//! Memory stays bounded by [`ReadOptions::max_record_bytes`]: a longer line, row
//! or value is skipped in chunks and rejected as [`RecordError::TooLong`] with its
//! first [`RAW_KEEP_BYTES`]. A read error (a truncated gzip file) rejects the
//! record it hit and moves on to the next file.
//!
//! ```
//! use stanceshift_corpus::{Corpus, ReadOptions, Record};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("news.jsonl");
//! std::fs::write(
//!     &path,
//!     concat!(
//!         r#"{"id":"a1","date":"2025-10-21","title":"Summit","body":"The president said he would meet."}"#,
//!         "\n",
//!         "{not json\n",
//!         r#"{"published_at":"Oct. 22, 2025","text":"Officials denied it."}"#,
//!         "\n",
//!     ),
//! )
//! .unwrap();
//!
//! let corpus = Corpus::open(&[dir.path().to_path_buf()], ReadOptions::default()).unwrap();
//! assert_eq!(corpus.files(), &[path.clone()]);
//! let mut articles = Vec::new();
//! let mut rejects = Vec::new();
//! for record in corpus {
//!     match record {
//!         Record::Article { article, origin } => articles.push((article, origin.line)),
//!         Record::Rejected(reject) => rejects.push(reject),
//!     }
//! }
//! assert_eq!(articles.len(), 2);
//! assert_eq!(articles[0].0.id.as_str(), "a1");
//! assert_eq!(articles[1].0.date.to_rfc3339(), "2025-10-22T00:00:00+00:00");
//! assert_eq!(articles[1].1, 3, "line numbers are 1-based");
//! assert_eq!(rejects.len(), 1);
//! assert_eq!(
//!     rejects[0].to_string(),
//!     format!("{}:2: invalid JSON: key must be a string at column 2", path.display())
//! );
//! ```

pub mod date;
mod delimited;
mod error;
mod fields;
mod input;
mod json;
mod rejects;
mod text;

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::fs;
use std::io;
use std::iter::FusedIterator;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use stanceshift_core::Article;

pub use error::{Error, Origin, RecordError, Reject, Result, RAW_KEEP_BYTES};
pub use rejects::RejectsWriter;

use crate::delimited::Delimited;
use crate::fields::file_looks_binary;
use crate::input::{format_from_path, json_layout, sniff_format, Format, JsonLayout, Source};
use crate::json::{JsonLines, JsonValues};

/// Limits for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Longest record (line, CSV row, array element, text file) accepted; longer
    /// ones are skipped without being held in memory and rejected as too long.
    pub max_record_bytes: usize,
    /// How to read numeric day/month dates and bare numbers.
    pub dates: date::DateOptions,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions { max_record_bytes: 16 * 1024 * 1024, dates: date::DateOptions::default() }
    }
}

/// One item of a corpus: an article, or a record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Article { article: Article, origin: Origin },
    Rejected(Reject),
}

impl Record {
    pub fn origin(&self) -> &Origin {
        match self {
            Record::Article { origin, .. } => origin,
            Record::Rejected(reject) => &reject.origin,
        }
    }

    pub fn article(&self) -> Option<&Article> {
        match self {
            Record::Article { article, .. } => Some(article),
            Record::Rejected(_) => None,
        }
    }
}

/// A streaming iterator over the records of many files; see the crate docs.
pub struct Corpus {
    files: Vec<PathBuf>,
    sizes: Vec<u64>,
    total_bytes: u64,
    opts: ReadOptions,
    next_file: usize,
    current: Option<FileReader>,
    /// Problems found while walking directories, reported first.
    pending: VecDeque<Reject>,
    /// On-disk bytes read so far (compressed bytes for gzip files).
    bytes_read: Arc<AtomicU64>,
    /// Sizes of the files started so far.
    finished_bytes: u64,
}

enum FileReader {
    Lines(JsonLines),
    Values(JsonValues),
    Delimited(Box<Delimited>),
}

impl FileReader {
    fn next_record(&mut self) -> Option<Record> {
        match self {
            FileReader::Lines(reader) => reader.next_record(),
            FileReader::Values(reader) => reader.next_record(),
            FileReader::Delimited(reader) => reader.next_record(),
        }
    }
}

impl Corpus {
    /// Expands directories (walked recursively, entries sorted for determinism,
    /// hidden files skipped, files without an extension sniffed, unknown
    /// extensions reported as [`RecordError::NotCorpusFile`]) and keeps explicitly named
    /// files whatever their extension (their format is sniffed). Errors only if
    /// a named path does not exist; anything unreadable is reported as a
    /// [`Record::Rejected`] while iterating.
    pub fn open(paths: &[PathBuf], opts: ReadOptions) -> Result<Corpus> {
        let mut corpus = Corpus {
            files: Vec::new(),
            sizes: Vec::new(),
            total_bytes: 0,
            opts,
            next_file: 0,
            current: None,
            pending: VecDeque::new(),
            bytes_read: Arc::new(AtomicU64::new(0)),
            finished_bytes: 0,
        };
        // Only overlapping named paths can list a file twice.
        let mut seen = (paths.len() > 1).then(HashSet::new);
        for path in paths {
            if path == Path::new(input::STDIN) {
                corpus.add_file(path, 0, &mut seen);
                continue;
            }
            let metadata = match fs::metadata(path) {
                Ok(metadata) => Some(metadata),
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    return Err(Error::NotFound(path.clone()))
                }
                // Reported when the file is opened.
                Err(_) => None,
            };
            if metadata.as_ref().is_some_and(|m| m.is_dir()) {
                corpus.walk(path, &mut seen);
            } else {
                corpus.add_file(path, metadata.map_or(0, |m| m.len()), &mut seen);
            }
        }
        // A file of another type that is also named explicitly is read, not skipped.
        if corpus.pending.iter().any(|r| matches!(r.error, RecordError::NotCorpusFile(_))) {
            let canonical = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            let named: HashSet<PathBuf> = corpus.files.iter().map(|f| canonical(f)).collect();
            corpus.pending.retain(|r| {
                !matches!(r.error, RecordError::NotCorpusFile(_))
                    || !named.contains(&canonical(&r.origin.path))
            });
        }
        Ok(corpus)
    }

    fn walk(&mut self, dir: &Path, seen: &mut Option<HashSet<PathBuf>>) {
        let walker = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) => {
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    // Files without an extension are read, their format sniffed;
                    // other extensions are listed as skipped, never dropped silently.
                    match unknown_extension(entry.path()) {
                        None => {
                            let size = entry.metadata().map_or(0, |m| m.len());
                            self.add_file(entry.path(), size, seen);
                        }
                        Some(extension) => {
                            let origin = Origin { path: entry.path().to_path_buf(), line: 0, bytes: 0 };
                            self.pending.push_back(Reject::new(
                                origin,
                                RecordError::NotCorpusFile(extension),
                                b"",
                            ));
                        }
                    }
                }
                Err(error) => {
                    let path = error.path().unwrap_or(dir).to_path_buf();
                    let origin = Origin { path, line: 0, bytes: 0 };
                    self.pending.push_back(Reject::new(origin, RecordError::Io(error.to_string()), b""));
                }
            }
        }
    }

    fn add_file(&mut self, path: &Path, size: u64, seen: &mut Option<HashSet<PathBuf>>) {
        // The same file named twice (or inside a named directory) is read once.
        let first_time = seen
            .as_mut()
            .is_none_or(|seen| seen.insert(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())));
        if first_time {
            self.files.push(path.to_path_buf());
            self.sizes.push(size);
            self.total_bytes += size;
        }
    }

    /// The files that will be read, in order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// On-disk size of those files (for a progress bar).
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// On-disk bytes consumed so far, comparable with [`Corpus::total_bytes`]
    /// (compressed bytes for gzip files; a file counts in full once finished).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed).min(self.total_bytes)
    }

    /// Starts reading the next file: either a reader for its records, or the
    /// one record it makes (a text file, or a reject when it cannot be read).
    fn start_file(&mut self, index: usize) -> Option<Record> {
        // Files before this one count in full, however far they could be read.
        self.bytes_read.fetch_max(self.finished_bytes, Ordering::Relaxed);
        self.finished_bytes += self.sizes[index];
        let path = self.files[index].clone();
        let whole_file = |path: PathBuf, error: RecordError, bytes: u64| {
            Some(Record::Rejected(Reject::new(Origin { path, line: 0, bytes }, error, b"")))
        };
        let mut opened = match input::open(&path, self.sizes[index], Arc::clone(&self.bytes_read)) {
            Ok(opened) => opened,
            Err(error) => return whole_file(path, RecordError::Io(error.to_string()), 0),
        };
        let head = match input::peek(&mut opened.reader, 8192) {
            Ok(head) => head,
            Err(error) => return whole_file(path, RecordError::Io(error.to_string()), 0),
        };
        let format = format_from_path(&path).unwrap_or_else(|| sniff_format(&head));
        if format != Format::Text && file_looks_binary(&head) {
            return whole_file(path, RecordError::Binary, self.sizes[index]);
        }
        let limit = self.opts.max_record_bytes;
        let mut source = Source::new(path, opened.reader);
        source.dates = self.opts.dates;
        self.current = Some(match format {
            Format::Text => return Some(text::read_text_file(source, limit)),
            Format::JsonLines | Format::Json => match json_layout(&head) {
                // JSON Lines files keep line-by-line recovery even when a first
                // line is broken; only `.json` files may hold pretty-printed objects.
                JsonLayout::Lines => FileReader::Lines(JsonLines::new(source, limit)),
                JsonLayout::Concatenated if format == Format::JsonLines => {
                    FileReader::Lines(JsonLines::new(source, limit))
                }
                JsonLayout::Array | JsonLayout::Concatenated => {
                    FileReader::Values(JsonValues::new(source, limit))
                }
            },
            Format::Csv => FileReader::Delimited(Box::new(Delimited::new(source, b',', limit))),
            Format::Tsv => FileReader::Delimited(Box::new(Delimited::new(source, b'\t', limit))),
        });
        None
    }
}

/// The extension of a file in a walked directory that is not a corpus format
/// (`None` for known formats and for names without an extension).
fn unknown_extension(path: &Path) -> Option<String> {
    if format_from_path(path).is_some() {
        return None;
    }
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').map(|(_, extension)| extension.to_string())
}

/// Reads one JSON object (a line of a JSON Lines file) as [`Corpus`] would,
/// for tools that get records one by one (engines that partition a corpus).
/// `dates` as `index --date-order/--unix-time` would set them.
pub fn parse_json_line(bytes: &[u8], origin: Origin, dates: &date::DateOptions) -> Record {
    json::parse_record(bytes, origin, dates)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| name.starts_with('.'))
}

impl Iterator for Corpus {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(reject) = self.pending.pop_front() {
                return Some(Record::Rejected(reject));
            }
            if let Some(reader) = &mut self.current {
                if let Some(record) = reader.next_record() {
                    return Some(record);
                }
                self.current = None;
            }
            if self.next_file >= self.files.len() {
                self.bytes_read.fetch_max(self.total_bytes, Ordering::Relaxed);
                return None;
            }
            let index = self.next_file;
            self.next_file += 1;
            if let Some(record) = self.start_file(index) {
                return Some(record);
            }
        }
    }
}

impl FusedIterator for Corpus {}

impl fmt::Debug for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Corpus")
            .field("files", &self.files)
            .field("total_bytes", &self.total_bytes)
            .field("next_file", &self.next_file)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
