//! JSON Lines (one object per line) and JSON arrays (`[{...}, {...}]`), both streamed.

use std::io::{self, BufRead};

use crate::date::DateOptions;
use crate::error::{Origin, RecordError, Reject, RAW_KEEP_BYTES};
use crate::fields::{looks_binary, RawFields};
use crate::input::{LineRead, Source};
use crate::Record;

/// Checks and parses one JSON record's bytes. The origin's line makes
/// parse-error positions absolute for multi-line records.
pub(crate) fn parse_record(bytes: &[u8], origin: Origin, dates: &DateOptions) -> Record {
    let result = (|| {
        // Raw control characters are invalid JSON, so the (costlier) binary
        // ratio is only computed to explain a failure.
        let binary_or = |error| if looks_binary(bytes) { RecordError::Binary } else { error };
        if memchr::memchr(0, bytes).is_some() {
            return Err(RecordError::Binary);
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|e| binary_or(RecordError::InvalidUtf8 { offset: e.valid_up_to() }))?;
        let fields: RawFields =
            serde_json::from_str(text).map_err(|e| binary_or(json_error(&e, origin.line)))?;
        fields.into_article_with(dates)
    })();
    match result {
        Ok(article) => Record::Article { article, origin },
        Err(error) => Record::Rejected(Reject::new(origin, error, bytes)),
    }
}

/// serde_json's message with its position made file-relative: "at column C" for
/// one-line records, "at line L column C" otherwise.
fn json_error(error: &serde_json::Error, first_line: u64) -> RecordError {
    let mut message = error.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    if error.column() == 0 {
        // serde_json gives no useful position for type errors at the start.
    } else if error.line() == 1 {
        message.push_str(&format!(" at column {}", error.column()));
    } else if error.line() > 1 {
        let line = first_line + error.line() as u64 - 1;
        message.push_str(&format!(" at line {line} column {}", error.column()));
    }
    RecordError::InvalidJson(message)
}

fn trim_ascii(bytes: &[u8]) -> (&[u8], usize) {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |e| e + 1);
    (&bytes[start..end], start)
}

pub(crate) struct JsonLines {
    source: Source,
    buf: Vec<u8>,
    limit: usize,
}

impl JsonLines {
    pub(crate) fn new(source: Source, limit: usize) -> JsonLines {
        JsonLines { source, buf: Vec::with_capacity(64 * 1024), limit }
    }

    pub(crate) fn next_record(&mut self) -> Option<Record> {
        loop {
            // Fast path: the whole line is already in the reader's buffer, so it
            // is parsed in place rather than copied out first.
            if !self.source.failed {
                if let Ok(available) = self.source.reader.fill_buf() {
                    if let Some(end) = memchr::memchr(b'\n', available).filter(|&end| end <= self.limit) {
                        let start_line = self.source.line + 1;
                        let record = line_record(
                            &available[..end],
                            (&self.source.path, &self.source.dates),
                            start_line,
                            end as u64 + 1,
                        );
                        self.source.reader.consume(end + 1);
                        self.source.line += 1;
                        match record {
                            Some(record) => return Some(record),
                            None => continue,
                        }
                    }
                }
            }
            let read = self.source.read_line(&mut self.buf, self.limit);
            let path = || self.source.path.clone();
            match read {
                LineRead::Eof => return None,
                LineRead::TooLong { start_line, bytes } => {
                    let origin = Origin { path: path(), line: start_line, bytes };
                    let error = RecordError::TooLong { bytes, limit: self.limit };
                    return Some(Record::Rejected(Reject::with_prefix(origin, error, &self.buf, bytes)));
                }
                LineRead::Failed { start_line, bytes, error } => {
                    let origin = Origin { path: path(), line: start_line, bytes };
                    let error = RecordError::Io(error.to_string());
                    return Some(Record::Rejected(Reject::new(origin, error, &self.buf)));
                }
                LineRead::Line { start_line, bytes } => {
                    if let Some(record) =
                        line_record(&self.buf, (&self.source.path, &self.source.dates), start_line, bytes)
                    {
                        return Some(record);
                    }
                }
            }
        }
    }
}

/// The record of one line (without its `\n`); `None` for a blank line.
fn line_record(
    line: &[u8],
    (path, dates): (&std::path::Path, &DateOptions),
    start_line: u64,
    bytes: u64,
) -> Option<Record> {
    let mut content = line;
    if start_line == 1 {
        content = content.strip_prefix(b"\xef\xbb\xbf").unwrap_or(content);
    }
    let (content, _) = trim_ascii(content);
    if content.is_empty() {
        return None;
    }
    let origin = Origin { path: path.to_path_buf(), line: start_line, bytes };
    Some(match parse_record(content, origin, dates) {
        // Report UTF-8 offsets within the line, as an editor would show them.
        Record::Rejected(mut reject) => {
            if let RecordError::InvalidUtf8 { offset } = &mut reject.error {
                *offset += content.as_ptr() as usize - line.as_ptr() as usize;
            }
            Record::Rejected(reject)
        }
        article => article,
    })
}

/// A file holding JSON arrays of article objects and/or (pretty-printed)
/// objects one after the other, split into values by a small scanner (strings
/// and nesting tracked) so that no more than one value is held. `[a, b]`,
/// `{..} {..}` and `[a] [b]` all work.
pub(crate) struct JsonValues {
    source: Source,
    buf: Vec<u8>,
    limit: usize,
    /// Between a top-level `[` and its `]`.
    in_array: bool,
    done: bool,
}

/// How an element scan ended.
enum Scan {
    Complete {
        bytes: u64,
        too_long: bool,
    },
    /// End of file inside the element.
    Truncated {
        bytes: u64,
    },
}

impl JsonValues {
    pub(crate) fn new(mut source: Source, limit: usize) -> JsonValues {
        // A read error here shows up again, and is reported, on the first read.
        if source.reader.fill_buf().is_ok_and(|head| head.starts_with(b"\xef\xbb\xbf")) {
            source.reader.consume(3);
        }
        JsonValues { source, buf: Vec::with_capacity(64 * 1024), limit, in_array: false, done: false }
    }

    fn origin(&self, line: u64, bytes: u64) -> Origin {
        Origin { path: self.source.path.clone(), line, bytes }
    }

    fn reject(&mut self, line: u64, bytes: u64, error: RecordError) -> Option<Record> {
        Some(Record::Rejected(Reject::with_prefix(self.origin(line, bytes), error, &self.buf, bytes)))
    }

    fn io_failure(&mut self, error: io::Error) -> Option<Record> {
        self.done = true;
        self.source.failed = true;
        let line = self.source.line + 1;
        self.reject(line, self.buf.len() as u64, RecordError::Io(error.to_string()))
    }

    pub(crate) fn next_record(&mut self) -> Option<Record> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            let next = match self.skip_whitespace() {
                Ok(next) => next,
                Err(error) => return self.io_failure(error),
            };
            let line = self.source.line + 1;
            match next {
                None => {
                    self.done = true;
                    if !self.in_array {
                        return None;
                    }
                    let error = RecordError::InvalidJson("end of file before the closing `]`".into());
                    return self.reject(line, 0, error);
                }
                Some(b'[') if !self.in_array => {
                    self.source.reader.consume(1);
                    self.in_array = true;
                }
                Some(b',') if self.in_array => self.source.reader.consume(1),
                Some(b']') if self.in_array => {
                    self.source.reader.consume(1);
                    self.in_array = false;
                }
                Some(byte @ (b'}' | b']' | b',')) => {
                    self.source.reader.consume(1);
                    self.buf.push(byte);
                    let error = RecordError::InvalidJson(format!("unexpected `{}`", byte as char));
                    return self.reject(line, 1, error);
                }
                Some(_) => {
                    return match self.scan_element() {
                        Err(error) => self.io_failure(error),
                        Ok(Scan::Complete { bytes, too_long: false }) => {
                            Some(parse_record(&self.buf, self.origin(line, bytes), &self.source.dates))
                        }
                        Ok(Scan::Complete { bytes, too_long: true }) => {
                            self.reject(line, bytes, RecordError::TooLong { bytes, limit: self.limit })
                        }
                        Ok(Scan::Truncated { bytes }) => {
                            self.done = true;
                            let error = RecordError::InvalidJson("end of file inside the value".into());
                            self.reject(line, bytes, error)
                        }
                    };
                }
            }
        }
    }

    /// The next non-whitespace byte, not consumed; `None` at end of file.
    fn skip_whitespace(&mut self) -> io::Result<Option<u8>> {
        loop {
            let available = match self.source.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                return Ok(None);
            }
            let skip = available.iter().position(|b| !b.is_ascii_whitespace());
            let consumed = skip.unwrap_or(available.len());
            let next = skip.map(|at| available[at]);
            self.source.line += memchr::memchr_iter(b'\n', &available[..consumed]).count() as u64;
            self.source.reader.consume(consumed);
            if next.is_some() {
                return Ok(next);
            }
        }
    }

    /// Scans one value into `buf` (at most `limit` bytes of it are kept, then only
    /// the first [`RAW_KEEP_BYTES`]). A scalar ends at `,`, `]` or whitespace;
    /// an object or array at its closing bracket.
    fn scan_element(&mut self) -> io::Result<Scan> {
        let mut depth: usize = 0;
        let mut in_string = false;
        let mut escaped = false;
        let mut bytes: u64 = 0;
        let mut too_long = false;
        loop {
            let available = match self.source.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                return Ok(if bytes > 0 && depth == 0 && !in_string {
                    Scan::Complete { bytes, too_long }
                } else {
                    Scan::Truncated { bytes }
                });
            }
            let mut at = 0;
            let mut end = None;
            while at < available.len() {
                if escaped {
                    escaped = false;
                    at += 1;
                    continue;
                }
                if in_string {
                    match memchr::memchr2(b'"', b'\\', &available[at..]) {
                        None => at = available.len(),
                        Some(offset) => {
                            at += offset + 1;
                            if available[at - 1] == b'\\' {
                                escaped = true;
                            } else {
                                in_string = false;
                                if depth == 0 {
                                    end = Some(at);
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
                match available[at] {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth == 0 => {
                        end = Some(at);
                        break;
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(at + 1);
                            break;
                        }
                    }
                    b',' if depth == 0 => {
                        end = Some(at);
                        break;
                    }
                    byte if depth == 0 && byte.is_ascii_whitespace() => {
                        end = Some(at);
                        break;
                    }
                    _ => {}
                }
                at += 1;
            }
            let consumed = end.unwrap_or(available.len());
            let chunk = &available[..consumed];
            if !too_long {
                if self.buf.len() + chunk.len() > self.limit {
                    too_long = true;
                    let room = RAW_KEEP_BYTES.saturating_sub(self.buf.len());
                    self.buf.truncate(RAW_KEEP_BYTES);
                    self.buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
                } else {
                    self.buf.extend_from_slice(chunk);
                }
            }
            self.source.line += memchr::memchr_iter(b'\n', chunk).count() as u64;
            bytes += consumed as u64;
            self.source.reader.consume(consumed);
            if end.is_some() {
                return Ok(Scan::Complete { bytes, too_long });
            }
        }
    }
}
