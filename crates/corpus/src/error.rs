//! Errors: [`Error`] for the corpus as a whole (only a named path that does not
//! exist, or a rejects file that cannot be written), [`RecordError`] for one bad
//! record, which never stops the stream.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// How much of a bad record's raw bytes a [`Reject`] keeps.
pub const RAW_KEEP_BYTES: usize = 64 * 1024;

/// Errors of the corpus reader itself. Bad records are not errors: they come out
/// of the iterator as [`crate::Record::Rejected`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file or directory", .0.display())]
    NotFound(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

/// Why one record (a line, a CSV row, an array element or a whole text file) was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    #[error("field `{field}` must be a string, found {found}")]
    WrongType { field: &'static str, found: &'static str },
    #[error("unparseable date {0:?}")]
    BadDate(String),
    #[error(
        "ambiguous date {0:?}: day and month could be either way (say which with --date-order dmy or mdy)"
    )]
    AmbiguousDate(String),
    #[error("date {0:?} is a bare number (read numbers as Unix time with --unix-time)")]
    NumberDate(String),
    #[error(
        "no date: put a date on the first line (e.g. `date 2025-10-21`), a `date:` key in front matter, \
         or a date in the file name"
    )]
    TextWithoutDate,
    #[error("empty body")]
    EmptyBody,
    #[error("binary data (NUL bytes or control characters)")]
    Binary,
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("record of {bytes} bytes is longer than the limit of {limit} bytes")]
    TooLong { bytes: u64, limit: usize },
    #[error("CSV: {0}")]
    Csv(String),
    #[error("read error: {0}")]
    Io(String),
    #[error(
        "skipped: `.{0}` is not a corpus format (JSON Lines, JSON, CSV, TSV, text, Markdown, or .gz of these); \
         name the file explicitly to read it anyway"
    )]
    NotCorpusFile(String),
    /// The analyzer failed on this article; it was indexed without statements.
    #[error("analysis failed for article {id}: {message} (indexed without statements)")]
    AnalysisFailed { id: String, message: String },
}

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    /// 1-based line where the record starts; 0 means the whole file.
    pub line: u64,
    /// Raw (decompressed) size of the record in bytes, for throughput figures.
    pub bytes: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.path.display())
        } else {
            write!(f, "{}:{}", self.path.display(), self.line)
        }
    }
}

/// A record that could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    pub origin: Origin,
    pub error: RecordError,
    /// Lossy UTF-8 of the raw record, at most [`RAW_KEEP_BYTES`] bytes followed by
    /// a `…[truncated N bytes]` marker when longer.
    pub raw: String,
}

impl Reject {
    pub(crate) fn new(origin: Origin, error: RecordError, raw: &[u8]) -> Reject {
        let total = raw.len() as u64;
        Reject { origin, error, raw: raw_text(raw, total) }
    }

    /// A reject made outside the readers (by the indexer), keeping no raw bytes.
    pub fn without_raw(origin: Origin, error: RecordError) -> Reject {
        Reject { origin, error, raw: String::new() }
    }

    /// For records of which only a prefix was kept (`kept`), `total` bytes long.
    pub(crate) fn with_prefix(origin: Origin, error: RecordError, kept: &[u8], total: u64) -> Reject {
        Reject { origin, error, raw: raw_text(kept, total) }
    }
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.error)
    }
}

/// Lossy text of the first [`RAW_KEEP_BYTES`] of a record that was `total` bytes long.
pub(crate) fn raw_text(kept: &[u8], total: u64) -> String {
    let kept = &kept[..kept.len().min(RAW_KEEP_BYTES)];
    let mut text = String::from_utf8_lossy(kept).into_owned();
    let omitted = total.saturating_sub(kept.len() as u64);
    if omitted > 0 {
        text.push_str(&format!("…[truncated {omitted} bytes]"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_path_line_and_message() {
        let origin = Origin { path: "news.jsonl".into(), line: 7, bytes: 3 };
        let reject =
            Reject::new(origin, RecordError::InvalidJson("expected value at column 1".into()), b"{x");
        assert_eq!(reject.to_string(), "news.jsonl:7: invalid JSON: expected value at column 1");
        let whole_file = Origin { path: "a.txt".into(), line: 0, bytes: 0 };
        assert_eq!(Reject::new(whole_file, RecordError::EmptyBody, b"").to_string(), "a.txt: empty body");
    }

    #[test]
    fn raw_is_truncated_with_marker() {
        let big = vec![b'a'; RAW_KEEP_BYTES + 10];
        let text = raw_text(&big, big.len() as u64);
        assert!(text.ends_with("…[truncated 10 bytes]"));
        assert_eq!(text.len(), RAW_KEEP_BYTES + "…[truncated 10 bytes]".len());
        assert_eq!(raw_text(b"ab\xffc", 4), "ab\u{fffd}c");
        assert_eq!(raw_text(b"ab", 100), "ab…[truncated 98 bytes]");
    }
}
