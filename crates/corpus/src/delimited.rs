//! CSV and TSV with a header row, parsed with `csv-core` so that memory stays
//! bounded by the record limit and every row knows the line it starts on.

use std::io::{self, BufRead};

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use crate::error::{Origin, RecordError, Reject, RAW_KEEP_BYTES};
use crate::fields::{classify, field_name, looks_binary, Field, RawFields, Value};
use crate::input::Source;
use crate::Record;

/// Columns beyond this many make a row "too long" rather than growing without bound.
const MAX_FIELDS: usize = 100_000;

pub(crate) struct Delimited {
    source: Source,
    parser: Reader,
    limit: usize,
    /// Field bytes of the current row, back to back; `ends[i]` is where field `i` ends.
    out: Vec<u8>,
    ends: Vec<usize>,
    /// The row's raw input (first [`RAW_KEEP_BYTES`]), for rejects.
    raw: Vec<u8>,
    /// For each column, the field it feeds and its alias rank.
    columns: Option<Vec<Option<(Field, u8)>>>,
    done: bool,
    /// Input to parse again before reading on: the lines after the first line
    /// of a malformed multi-line row (an unbalanced quote swallows the rows that
    /// follow; re-reading them from their own lines recovers them).
    replay: Vec<u8>,
    replay_pos: usize,
    delimiter: u8,
}

enum Row {
    Fields { start_line: u64, bytes: u64, count: usize, outlen: usize },
    TooLong { start_line: u64, bytes: u64 },
    Failed { start_line: u64, bytes: u64, error: io::Error },
    Eof,
}

impl Delimited {
    pub(crate) fn new(source: Source, delimiter: u8, limit: usize) -> Delimited {
        Delimited {
            source,
            parser: ReaderBuilder::new().delimiter(delimiter).build(),
            limit,
            out: vec![0; 64 * 1024],
            ends: vec![0; 64],
            raw: Vec::with_capacity(RAW_KEEP_BYTES),
            columns: None,
            done: false,
            replay: Vec::new(),
            replay_pos: 0,
            delimiter,
        }
    }

    fn origin(&self, line: u64, bytes: u64) -> Origin {
        Origin { path: self.source.path.clone(), line, bytes }
    }

    fn reject(&self, line: u64, bytes: u64, error: RecordError) -> Option<Record> {
        Some(Record::Rejected(Reject::with_prefix(self.origin(line, bytes), error, &self.raw, bytes)))
    }

    pub(crate) fn next_record(&mut self) -> Option<Record> {
        loop {
            if self.done {
                return None;
            }
            let (start_line, bytes, count, outlen) = match self.read_row() {
                Row::Eof => {
                    self.done = true;
                    return None;
                }
                Row::Failed { start_line, bytes, error } => {
                    self.done = true;
                    return self.reject(start_line, bytes, RecordError::Io(error.to_string()));
                }
                Row::TooLong { start_line, bytes } => {
                    if self.columns.is_none() {
                        self.done = true;
                    }
                    return self.reject(start_line, bytes, RecordError::TooLong { bytes, limit: self.limit });
                }
                Row::Fields { start_line, bytes, count, outlen } => (start_line, bytes, count, outlen),
            };
            let content = &self.out[..outlen];
            if count == 1 && content.iter().all(|b| b.is_ascii_whitespace()) {
                continue; // a blank line
            }
            if looks_binary(content) {
                if self.columns.is_none() {
                    self.done = true;
                }
                return self.reject(start_line, bytes, RecordError::Binary);
            }
            let content = match std::str::from_utf8(content) {
                Ok(content) => content,
                Err(error) => {
                    // Prefer the offset within the raw line when we still have it whole.
                    let offset = match std::str::from_utf8(&self.raw) {
                        Err(raw_error) if bytes <= RAW_KEEP_BYTES as u64 => raw_error.valid_up_to(),
                        _ => error.valid_up_to(),
                    };
                    if self.columns.is_none() {
                        self.done = true;
                    }
                    return self.reject(start_line, bytes, RecordError::InvalidUtf8 { offset });
                }
            };
            let Some(columns) = &self.columns else {
                match self.header(count) {
                    Ok(columns) => {
                        self.columns = Some(columns);
                        continue;
                    }
                    Err(error) => {
                        self.done = true;
                        return self.reject(start_line, bytes, error);
                    }
                }
            };
            if count != columns.len() {
                let error = RecordError::Csv(format!(
                    "row has {count} fields but the header has {} (an unbalanced quote?)",
                    columns.len()
                ));
                return Some(self.reject_and_resync(start_line, bytes, error));
            }
            if let Some(line) = self.swallowed_row(columns) {
                let error = RecordError::Csv(format!(
                    "a quoted field runs on over the row at line {} (an unbalanced quote?)",
                    start_line + line
                ));
                return Some(self.reject_and_resync(start_line, bytes, error));
            }
            let mut fields = RawFields::default();
            let mut start = 0;
            for (column, &end) in columns.iter().zip(&self.ends[..count]) {
                if let Some((field, rank)) = *column {
                    // Fields of valid UTF-8 input are valid UTF-8: the separators
                    // csv-core removed are ASCII, never inside a multi-byte character.
                    let text = content.get(start..end).unwrap_or_default();
                    // An empty body cell is an empty body; other empty cells are absent.
                    if field == Field::Body || !text.trim().is_empty() {
                        fields.set(field, rank, Value::Text(text.to_owned()));
                    }
                }
                start = end;
            }
            let origin = self.origin(start_line, bytes);
            return Some(match fields.into_article_with(&self.source.dates) {
                Ok(article) => Record::Article { article, origin },
                Err(error) => Record::Rejected(Reject::with_prefix(origin, error, &self.raw, bytes)),
            });
        }
    }

    fn header(&self, count: usize) -> Result<Vec<Option<(Field, u8)>>, RecordError> {
        let content = &self.out;
        let mut start = 0;
        let mut names = Vec::with_capacity(count);
        for &end in &self.ends[..count] {
            names.push(String::from_utf8_lossy(&content[start..end]).into_owned());
            start = end;
        }
        let columns: Vec<_> = names.iter().map(|name| classify(name)).collect();
        for required in [Field::Date, Field::Body] {
            if !columns.iter().any(|c| matches!(c, Some((f, _)) if *f == required)) {
                return Err(RecordError::Csv(format!(
                    "header has no `{}` column (columns: {})",
                    field_name(required),
                    names.join(", ")
                )));
            }
        }
        Ok(columns)
    }

    /// For a row spanning several lines, the first of its later lines (counted
    /// from the row's first line) that reads as a row of its own: the header's
    /// number of fields and a date in the date column. An unbalanced quote
    /// swallows the rows after it this way.
    fn swallowed_row(&self, columns: &[Option<(Field, u8)>]) -> Option<u64> {
        let first_line_end = memchr::memchr(b'\n', &self.raw)?;
        let date_column = columns.iter().position(|c| matches!(c, Some((Field::Date, _))))?;
        self.raw[first_line_end + 1..]
            .split(|&b| b == b'\n')
            .position(|line| {
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                line_is_a_row(line, self.delimiter, columns.len(), date_column, &self.source.dates)
            })
            .map(|i| i as u64 + 1)
    }

    /// Rejects a malformed row; when it spans several lines and all of it is at
    /// hand, only its first line is taken as bad and the rest is parsed again.
    fn reject_and_resync(&mut self, start_line: u64, bytes: u64, error: RecordError) -> Record {
        let first_line_end = memchr::memchr(b'\n', &self.raw);
        let (Some(first_line_end), true) = (first_line_end, bytes <= RAW_KEEP_BYTES as u64) else {
            return Record::Rejected(Reject::with_prefix(
                self.origin(start_line, bytes),
                error,
                &self.raw,
                bytes,
            ));
        };
        let mut replay = self.raw[first_line_end + 1..].to_vec();
        replay.push(b'\n');
        replay.extend_from_slice(&self.replay[self.replay_pos..]);
        self.replay = replay;
        self.replay_pos = 0;
        self.parser.reset();
        self.parser.set_line(start_line + 1);
        let first_line = &self.raw[..first_line_end];
        let first_line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
        let origin = self.origin(start_line, first_line_end as u64 + 1);
        Record::Rejected(Reject::new(origin, error, first_line))
    }

    /// Reads one row into `out`/`ends` and its raw bytes into `raw`. Past the
    /// limit the row's fields are discarded as they come, so memory stays bounded.
    fn read_row(&mut self) -> Row {
        self.raw.clear();
        let line_before = self.parser.line();
        let (mut outlen, mut endlen, mut bytes) = (0usize, 0usize, 0u64);
        let mut too_long = false;
        loop {
            let replaying = self.replay_pos < self.replay.len();
            let input = if replaying {
                &self.replay[self.replay_pos..]
            } else {
                match self.source.reader.fill_buf() {
                    Ok(input) => input,
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                    Err(error) => {
                        return Row::Failed { start_line: self.start_line(line_before), bytes, error }
                    }
                }
            };
            let (result, nin, nout, nend) =
                self.parser.read_record(input, &mut self.out[outlen..], &mut self.ends[endlen..]);
            let keep = nin.min(RAW_KEEP_BYTES.saturating_sub(self.raw.len()));
            self.raw.extend_from_slice(&input[..keep]);
            if replaying {
                self.replay_pos += nin;
            } else {
                self.source.reader.consume(nin);
            }
            bytes += nin as u64;
            outlen += nout;
            endlen += nend;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    if self.out.len() >= self.limit {
                        too_long = true;
                        outlen = 0;
                    } else {
                        let grown = (self.out.len() * 2).min(self.limit);
                        self.out.resize(grown, 0);
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() >= MAX_FIELDS {
                        too_long = true;
                        endlen = 0;
                    } else {
                        let grown = self.ends.len() * 2;
                        self.ends.resize(grown, 0);
                    }
                }
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return Row::Eof,
            }
        }
        let start_line = self.start_line(line_before);
        // Blank lines before the row were consumed with it: drop them from the raw text.
        let leading = self.raw.iter().take_while(|b| matches!(b, b'\n' | b'\r')).count();
        self.raw.drain(..leading);
        while matches!(self.raw.last(), Some(b'\n' | b'\r')) {
            self.raw.pop();
        }
        if too_long || outlen > self.limit {
            Row::TooLong { start_line, bytes }
        } else {
            Row::Fields { start_line, bytes, count: endlen, outlen }
        }
    }

    /// The row's first line: the line after the previous row, plus any blank lines skipped.
    fn start_line(&self, line_before: u64) -> u64 {
        let blank =
            self.raw.iter().take_while(|b| matches!(b, b'\n' | b'\r')).filter(|b| **b == b'\n').count();
        // csv-core counts lines from 1, so `line_before` is already the next line.
        line_before + blank as u64
    }
}

/// Whether `line` alone parses as a row of `count` fields with a date in
/// column `date_column`.
fn line_is_a_row(
    line: &[u8],
    delimiter: u8,
    count: usize,
    date_column: usize,
    dates: &crate::date::DateOptions,
) -> bool {
    if line.is_empty() || memchr::memchr(delimiter, line).is_none() {
        return false;
    }
    let mut parser = ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = vec![0; line.len() + 1];
    let mut ends = vec![0; count + 1];
    let (result, _, _, nend) = parser.read_record(line, &mut out, &mut ends);
    let (result, nend) = match result {
        ReadRecordResult::InputEmpty => {
            let (result, _, _, more) = parser.read_record(b"", &mut out, &mut ends[nend..]);
            (result, nend + more)
        }
        other => (other, nend),
    };
    if !matches!(result, ReadRecordResult::Record) || nend != count {
        return false;
    }
    let start = if date_column == 0 { 0 } else { ends[date_column - 1] };
    std::str::from_utf8(&out[start..ends[date_column]]).is_ok_and(|d| {
        crate::date::parse_date_with(d, dates).is_some()
            || !matches!(crate::date::date_error(d, dates), RecordError::BadDate(_))
    })
}
