//! Opening files (transparently gunzipped), guessing their format, and reading
//! lines with a hard bound on memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;

use crate::error::RAW_KEEP_BYTES;
use crate::fields::classify;

/// The path that names standard input.
pub(crate) const STDIN: &str = "-";

const READ_BUFFER: usize = 256 * 1024;
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `.jsonl`, `.ndjson`: one object per line (or, if it starts with `[`, an array).
    JsonLines,
    /// `.json`: one array, one object per line, or pretty-printed objects (sniffed).
    Json,
    Csv,
    Tsv,
    Text,
}

/// The format an extension promises (`.gz` looks through to the inner one);
/// `None` for extensions a directory walk skips.
pub(crate) fn format_from_path(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (_, ext) = name.rsplit_once('.')?;
    match ext {
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "json" => Some(Format::Json),
        "csv" => Some(Format::Csv),
        "tsv" | "tab" => Some(Format::Tsv),
        "txt" | "text" | "md" | "markdown" => Some(Format::Text),
        _ => None,
    }
}

/// Guesses the format from the first bytes of an explicitly named file.
pub(crate) fn sniff_format(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    match head.get(start) {
        Some(b'{' | b'[') => return Format::Json,
        None => return Format::Text,
        _ => {}
    }
    let first_line = &head[start..];
    let first_line = &first_line[..memchr::memchr(b'\n', first_line).unwrap_or(first_line.len())];
    let Ok(first_line) = std::str::from_utf8(first_line) else { return Format::Text };
    for (delimiter, format) in [('\t', Format::Tsv), (',', Format::Csv)] {
        let columns: Vec<&str> = first_line.split(delimiter).collect();
        let known = columns.iter().filter(|c| classify(c.trim().trim_matches('"')).is_some()).count();
        if columns.len() > 1 && known >= 2 {
            return format;
        }
    }
    Format::Text
}

/// How a JSON file is laid out, judged from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonLayout {
    Array,
    Lines,
    /// Objects spanning several lines (a pretty-printed object or several).
    Concatenated,
}

pub(crate) fn json_layout(head: &[u8]) -> JsonLayout {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    if head.get(start) == Some(&b'[') {
        return JsonLayout::Array;
    }
    // One object per line ends its first line with `}`; a first line longer
    // than the sniffed head is taken to be one long record.
    match memchr::memchr(b'\n', &head[start..]) {
        Some(end) if !head[start..start + end].trim_ascii_end().ends_with(b"}") => JsonLayout::Concatenated,
        _ => JsonLayout::Lines,
    }
}

/// Counts the on-disk bytes read, so that progress can be shown in compressed bytes too.
pub(crate) struct CountingFile {
    file: Box<dyn Read + Send>,
    count: Arc<AtomicU64>,
}

impl Read for CountingFile {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Says that a decompression error is one (flate2's messages, such as
/// "incomplete deflate stream", do not mention gzip).
struct GzipErrors<R>(R);

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|error| match error.kind() {
            io::ErrorKind::Interrupted => error,
            kind => io::Error::new(kind, format!("corrupt or truncated gzip data: {error}")),
        })
    }
}

pub(crate) type DynRead = Box<dyn BufRead + Send>;

pub(crate) struct Opened {
    pub reader: DynRead,
}

/// Opens a file, gunzipping it when it starts with the gzip magic (whatever its
/// name). Buffers are sized to the file: `BufReader` zeroes its buffer once, which
/// costs more than reading a small file.
pub(crate) fn open(path: &Path, size: u64, count: Arc<AtomicU64>) -> io::Result<Opened> {
    // `-` is standard input.
    let file: Box<dyn Read + Send> =
        if path == Path::new(STDIN) { Box::new(io::stdin()) } else { Box::new(File::open(path)?) };
    let capacity = usize::try_from(size.saturating_add(1)).unwrap_or(READ_BUFFER).clamp(4096, READ_BUFFER);
    let mut plain = BufReader::with_capacity(capacity, CountingFile { file, count });
    let gzip = plain.fill_buf()?.starts_with(&GZIP_MAGIC);
    let reader: DynRead = if gzip {
        let capacity = capacity.saturating_mul(4).min(READ_BUFFER);
        Box::new(BufReader::with_capacity(capacity, GzipErrors(MultiGzDecoder::new(plain))))
    } else {
        Box::new(plain)
    };
    Ok(Opened { reader })
}

/// Up to `want` bytes from the start of the stream, without consuming them
/// (`fill_buf` alone may return a short gzip block). Returns a copy.
pub(crate) fn peek(reader: &mut DynRead, want: usize) -> io::Result<Vec<u8>> {
    let head = reader.fill_buf()?;
    Ok(head[..head.len().min(want)].to_vec())
}

/// A file being read record by record: its path, reader and line count.
pub(crate) struct Source {
    pub path: PathBuf,
    pub reader: DynRead,
    /// Newlines consumed so far; the next record starts on line `line + 1`.
    pub line: u64,
    /// Set after a read error: the rest of the file cannot be trusted.
    pub failed: bool,
    /// How to read its dates.
    pub dates: crate::date::DateOptions,
}

pub(crate) enum LineRead {
    /// The line (without its `\n`) is in the buffer.
    Line {
        start_line: u64,
        bytes: u64,
    },
    /// Longer than the limit: the buffer holds only its first [`RAW_KEEP_BYTES`].
    TooLong {
        start_line: u64,
        bytes: u64,
    },
    /// The stream broke (corrupt gzip, I/O error); the buffer holds what was read of the line.
    Failed {
        start_line: u64,
        bytes: u64,
        error: io::Error,
    },
    Eof,
}

impl Source {
    pub(crate) fn new(path: PathBuf, reader: DynRead) -> Source {
        Source { path, reader, line: 0, failed: false, dates: Default::default() }
    }

    /// Reads one line into `buf`, never holding more than `limit` bytes of it:
    /// past the limit the rest of the line is skipped chunk by chunk.
    pub(crate) fn read_line(&mut self, buf: &mut Vec<u8>, limit: usize) -> LineRead {
        buf.clear();
        if self.failed {
            return LineRead::Eof;
        }
        let start_line = self.line + 1;
        let mut bytes: u64 = 0;
        let mut too_long = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    self.failed = true;
                    return LineRead::Failed { start_line, bytes, error };
                }
            };
            if available.is_empty() {
                if bytes == 0 {
                    return LineRead::Eof;
                }
                self.line += 1;
                break;
            }
            let (chunk_len, found_newline) = match memchr::memchr(b'\n', available) {
                Some(at) => (at + 1, true),
                None => (available.len(), false),
            };
            let content = &available[..chunk_len - usize::from(found_newline)];
            if !too_long {
                if buf.len() + content.len() > limit {
                    too_long = true;
                    let room = RAW_KEEP_BYTES.saturating_sub(buf.len());
                    buf.truncate(RAW_KEEP_BYTES);
                    buf.extend_from_slice(&content[..content.len().min(room)]);
                } else {
                    buf.extend_from_slice(content);
                }
            }
            bytes += chunk_len as u64;
            self.reader.consume(chunk_len);
            if found_newline {
                self.line += 1;
                break;
            }
        }
        if too_long {
            LineRead::TooLong { start_line, bytes }
        } else {
            LineRead::Line { start_line, bytes }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(data: &'static [u8]) -> Source {
        Source::new("t".into(), Box::new(io::BufReader::with_capacity(4, data)))
    }

    #[test]
    fn lines_with_small_buffer_and_limit() {
        let mut src = source(b"one\ntwo two two\n\nlast");
        let mut buf = Vec::new();
        let mut seen = Vec::new();
        loop {
            match src.read_line(&mut buf, 8) {
                LineRead::Line { start_line, bytes } => {
                    seen.push(format!("{start_line}:{bytes}:{}", String::from_utf8_lossy(&buf)))
                }
                LineRead::TooLong { start_line, bytes } => {
                    seen.push(format!("{start_line}:{bytes}:too long"))
                }
                LineRead::Failed { .. } => panic!("no failure expected"),
                LineRead::Eof => break,
            }
        }
        assert_eq!(seen, ["1:4:one", "2:12:too long", "3:1:", "4:4:last"]);
    }

    #[test]
    fn formats_from_names_and_content() {
        assert_eq!(format_from_path(Path::new("a/b.JSONL.gz")), Some(Format::JsonLines));
        assert_eq!(format_from_path(Path::new("a/b.json")), Some(Format::Json));
        assert_eq!(format_from_path(Path::new("b.md")), Some(Format::Text));
        assert_eq!(format_from_path(Path::new("b.tsv")), Some(Format::Tsv));
        assert_eq!(format_from_path(Path::new("b.gz")), None);
        assert_eq!(format_from_path(Path::new("b.pdf")), None);
        assert_eq!(sniff_format(b"\xef\xbb\xbf  {\"a\":1}"), Format::Json);
        assert_eq!(sniff_format(b"id,date,title,body\n1,2,3,4"), Format::Csv);
        assert_eq!(sniff_format(b"date\tbody\n"), Format::Tsv);
        assert_eq!(sniff_format(b"date 2025-10-21\nHello, world"), Format::Text);
    }
}
