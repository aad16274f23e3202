//! Plain text and Markdown: one article per file. The date comes from the top
//! of the file (`date 2025-10-21`, `Date: Oct. 21, 2025`, a bare date, or
//! `---` front matter with `date:`, `title:`, `source:`, `id:`, `url:`, `author:`,
//! `speaker:`);
//! a leading `# Heading` becomes the title; the rest is the body. When the
//! text itself has no date, a date in the file name is used
//! (`publisher_2016-09-12_slug.txt`, `20161012-story.md`), a common corpus layout.

use std::io::{self, Read};

use crate::date::{date_error, parse_date, parse_date_with, DateOptions};
use crate::error::{Origin, RecordError, Reject};
use crate::fields::{classify, file_looks_binary, looks_binary, Field, RawFields, Value};
use crate::input::Source;
use crate::Record;

/// Reads the whole (single-record) file, at most `limit` bytes of it.
pub(crate) fn read_text_file(mut source: Source, limit: usize) -> Record {
    let mut buf = Vec::new();
    let read = (&mut source.reader).take(limit as u64 + 1).read_to_end(&mut buf);
    let mut origin = Origin { path: source.path, line: 0, bytes: buf.len() as u64 };
    if let Err(error) = read {
        return Record::Rejected(Reject::new(origin, RecordError::Io(error.to_string()), &buf));
    }
    if buf.len() > limit {
        // Count the rest without keeping it.
        let rest = io::copy(&mut source.reader, &mut io::sink());
        origin.bytes += rest.as_ref().copied().unwrap_or(0);
        let error = match rest {
            Ok(_) => RecordError::TooLong { bytes: origin.bytes, limit },
            Err(error) => RecordError::Io(error.to_string()),
        };
        let total = origin.bytes;
        return Record::Rejected(Reject::with_prefix(origin, error, &buf, total));
    }
    let result = (|| {
        if looks_binary(&buf) || file_looks_binary(&buf[..buf.len().min(8192)]) {
            return Err(RecordError::Binary);
        }
        let text =
            std::str::from_utf8(&buf).map_err(|e| RecordError::InvalidUtf8 { offset: e.valid_up_to() })?;
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(RecordError::EmptyBody);
        }
        let file_date = origin.path.file_name().and_then(|name| date_in_file_name(&name.to_string_lossy()));
        parse_text(text, file_date.as_deref(), &source.dates)
    })();
    match result {
        Ok(fields) => match fields.into_article_with(&source.dates) {
            Ok(article) => Record::Article { article, origin },
            Err(error) => Record::Rejected(Reject::new(origin, error, &buf)),
        },
        Err(error) => Record::Rejected(Reject::new(origin, error, &buf)),
    }
}

/// Lines with their byte offsets (line text without the line break).
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = offset;
        offset += line.len();
        (start, line.trim_end_matches(['\n', '\r']))
    })
}

/// Splits the header (front matter or leading date/title lines) from the body.
pub(crate) fn parse_text(
    text: &str,
    file_date: Option<&str>,
    dates: &DateOptions,
) -> Result<RawFields, RecordError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut fields = RawFields::default();
    let mut lines = lines_with_offsets(text).peekable();
    while lines.peek().is_some_and(|(_, line)| line.trim().is_empty()) {
        lines.next();
    }
    let mut body_start = text.len();
    let front_matter = lines.peek().is_some_and(|(_, line)| line.trim_end() == "---")
        && lines_with_offsets(text)
            .skip_while(|(_, l)| l.trim().is_empty())
            .skip(1)
            .any(|(_, l)| is_fence(l));
    if front_matter {
        lines.next();
        for (offset, line) in lines.by_ref() {
            if is_fence(line) {
                body_start = offset + line.len();
                break;
            }
            if let Some((key, value)) = line.split_once(':') {
                if let Some((field, rank)) = classify(key) {
                    fields.set(field, rank, Value::Text(unquote(value).to_string()));
                }
            }
        }
        // The body may open with a `# Title` heading.
        let rest = &text[body_start..];
        let (title, body_offset) = heading(rest);
        if let (Some(title), false) = (title, fields.has(Field::Title)) {
            fields.set(Field::Title, 0, Value::Text(title.to_string()));
            body_start += body_offset;
        }
    } else {
        body_start = header_lines(text, &mut fields, dates);
    }
    if !fields.has(Field::Date) {
        match file_date {
            Some(date) => fields.set(Field::Date, 0, Value::Text(date.to_string())),
            None if !front_matter => return Err(RecordError::TextWithoutDate),
            None => {}
        }
    }
    fields.set(Field::Body, 0, Value::Text(text[body_start.min(text.len())..].to_string()));
    Ok(fields)
}

fn is_fence(line: &str) -> bool {
    matches!(line.trim_end(), "---" | "...")
}

fn unquote(value: &str) -> &str {
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}

/// The first non-blank line as a `# Title`, and the offset just after it.
fn heading(text: &str) -> (Option<&str>, usize) {
    for (offset, line) in lines_with_offsets(text) {
        if line.trim().is_empty() {
            continue;
        }
        return match line.trim_start().strip_prefix("# ") {
            Some(title) if !title.trim().is_empty() => {
                (Some(title.trim().trim_end_matches('#').trim()), offset + line.len())
            }
            _ => (None, 0),
        };
    }
    (None, 0)
}

/// Reads leading header lines in any order: a bare date, `date 2025-10-21`,
/// `Key: value` for the known keys, one `# Title`. Returns where the body starts.
fn header_lines(text: &str, fields: &mut RawFields, dates: &DateOptions) -> usize {
    // A header line is a date if it reads as one under `dates`, or would but
    // for its ambiguity (then the article is rejected saying so).
    let is_date = |text: &str| {
        parse_date_with(text, dates).is_some() || !matches!(date_error(text, dates), RecordError::BadDate(_))
    };
    let mut body_start = 0;
    for (offset, line) in lines_with_offsets(text) {
        let trimmed = line.trim();
        let end = offset + line.len();
        if trimmed.is_empty() {
            continue;
        }
        // Markdown emphasis around header lines: "**Date:** Oct. 21, 2025", "*October 21, 2025*".
        let plain = if trimmed.contains('*') { trimmed.replace('*', "") } else { trimmed.to_string() };
        let plain = plain.trim();
        if let Some(title) = trimmed.strip_prefix("# ").filter(|_| !fields.has(Field::Title)) {
            fields.set(Field::Title, 0, Value::Text(title.trim().trim_end_matches('#').trim().to_string()));
        } else if let Some((field, rank, value)) = key_value(plain).filter(|(f, _, _)| !fields.has(*f)) {
            // "date 2025-10-21    The first paragraph...": the date, then the body.
            if let (Field::Date, false, Some((date, rest))) =
                (field, is_date(value), date_then_text(value, &is_date))
            {
                fields.set(field, rank, Value::Text(date.to_string()));
                return rest_of_line(offset, line, rest);
            }
            fields.set(field, rank, Value::Text(value.to_string()));
        } else if !fields.has(Field::Date) && is_date(plain) {
            fields.set(Field::Date, 0, Value::Text(plain.to_string()));
        } else if let Some((date, rest)) =
            date_then_text(plain, &is_date).filter(|_| !fields.has(Field::Date))
        {
            fields.set(Field::Date, 0, Value::Text(date.to_string()));
            return rest_of_line(offset, line, rest);
        } else {
            break;
        }
        body_start = end;
    }
    body_start
}

/// A line that opens with a date and goes on with text: the longest run of
/// leading words (at most eight) that is a date, and the text after it.
fn date_then_text<'a>(line: &'a str, is_date: &dyn Fn(&str) -> bool) -> Option<(&'a str, &'a str)> {
    let ends: Vec<usize> = line
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && i > 0 && !line[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| i)
        .take(8)
        .collect();
    ends.iter().rev().find_map(|&end| {
        let (date, rest) = line.split_at(end);
        let rest = rest.trim_start();
        (!rest.is_empty() && is_date(date)).then_some((date.trim(), rest))
    })
}

/// Where the body starts when it begins with `rest`, the end of the header `line` at `offset`.
fn rest_of_line(offset: usize, line: &str, rest: &str) -> usize {
    match line.rfind(rest) {
        Some(at) => offset + at,
        None => offset + line.len(),
    }
}

/// `Key: value` with a known key, or `date <value>` without the colon.
fn key_value(line: &str) -> Option<(Field, u8, &str)> {
    if let Some((key, value)) = line.split_once(':') {
        // A key is one short word: "Date", "published_at"; never a sentence.
        if !key.trim().contains(' ') {
            if let Some((field, rank)) = classify(key) {
                return Some((field, rank, unquote(value)));
            }
        }
    }
    let (key, value) = line.split_once(char::is_whitespace)?;
    key.eq_ignore_ascii_case("date").then(|| (Field::Date, 0, unquote(value)))
}

/// The first plausible date in a file name: `2016-09-12` (or with `_` or `.`
/// between the parts), or eight digits `20160912`, not inside a longer number.
pub(crate) fn date_in_file_name(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    let digits_at =
        |at: usize, n: usize| bytes.get(at..at + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    for start in 0..bytes.len() {
        if !digits_at(start, 4) || (start > 0 && bytes[start - 1].is_ascii_digit()) {
            continue;
        }
        let separated = [b'-', b'_', b'.']
            .iter()
            .any(|&sep| bytes.get(start + 4) == Some(&sep) && bytes.get(start + 7) == Some(&sep))
            && digits_at(start + 5, 2)
            && digits_at(start + 8, 2);
        let candidate = if separated && !digits_at(start + 10, 1) {
            format!(
                "{}-{}-{}",
                &name[start..start + 4],
                &name[start + 5..start + 7],
                &name[start + 8..start + 10]
            )
        } else if digits_at(start, 8) && !digits_at(start + 8, 1) {
            name[start..start + 8].to_string()
        } else {
            continue;
        };
        if parse_date(&candidate).is_some() {
            return Some(candidate);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use stanceshift_core::Article;

    fn article(text: &str) -> Result<Article, RecordError> {
        parse_text(text, None, &DateOptions::default())?.into_article()
    }

    #[test]
    fn date_line_forms() {
        for text in ["date 2025-10-21\nBody.", "Date: Oct. 21, 2025\n\nBody.", "October 21, 2025\nBody.\n"] {
            let a = article(text).unwrap();
            assert_eq!(a.date.to_rfc3339(), "2025-10-21T00:00:00+00:00", "{text:?}");
            assert_eq!(a.body, "Body.");
            assert_eq!(a.title, None);
        }
    }

    #[test]
    fn markdown_emphasis_around_the_date() {
        for text in ["**Date:** Oct. 21, 2025\n\nBody.", "*October 21, 2025*\nBody."] {
            let a = article(text).unwrap();
            assert_eq!(a.date.to_rfc3339(), "2025-10-21T00:00:00+00:00", "{text:?}");
            assert_eq!(a.body, "Body.");
        }
    }

    #[test]
    fn heading_and_keys() {
        let a = article(
            "\u{feff}date: 2025-10-21\nSource: Wire\n\n# Summit plans\n\nThe president said.\n\nMore.",
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Summit plans"));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.body, "The president said.\n\nMore.");
    }

    #[test]
    fn front_matter() {
        let a = article(
            "---\ntitle: \"Quoted: title\"\ndate: 2025-10-21T09:30:00-04:00\nid: a-1\nurl: https://x.test/a\nextra: x\n---\n# Heading\nBody text\n",
        )
        .unwrap();
        assert_eq!(a.id.as_str(), "a-1");
        assert_eq!(a.title.as_deref(), Some("Quoted: title"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(
            a.body, "# Heading\nBody text",
            "a heading stays in the body when front matter has a title"
        );
        let b = article("---\ndate: 2025-10-21\n---\n\n# Heading\nBody text").unwrap();
        assert_eq!((b.title.as_deref(), b.body.as_str()), (Some("Heading"), "Body text"));
    }

    #[test]
    fn errors() {
        assert_eq!(article("Hello world\n2025-10-21").unwrap_err(), RecordError::TextWithoutDate);
        assert_eq!(article("date: someday\nBody").unwrap_err(), RecordError::BadDate("someday".into()));
        assert_eq!(article("date 2025-10-21\n# Title\n   \n").unwrap_err(), RecordError::EmptyBody);
        assert_eq!(article("---\ndate: 2025-10-21\n---\n").unwrap_err(), RecordError::EmptyBody);
        assert_eq!(article("---\ntitle: x\n---\nbody").unwrap_err(), RecordError::MissingField("date"));
    }

    #[test]
    fn date_from_the_file_name() {
        assert_eq!(date_in_file_name("breitbart_2016-09-12_stealth.txt").as_deref(), Some("2016-09-12"));
        assert_eq!(date_in_file_name("a_2016_09_12.md").as_deref(), Some("2016-09-12"));
        assert_eq!(date_in_file_name("20161012-story.md").as_deref(), Some("20161012"));
        assert_eq!(date_in_file_name("id-123456789-x.txt"), None, "inside a longer number");
        assert_eq!(date_in_file_name("2016-13-40.txt"), None);
        assert_eq!(date_in_file_name("v1234-5678.txt"), None);
        assert_eq!(date_in_file_name("notes.txt"), None);
        // The text's own date wins; the file name only fills a gap.
        let own = parse_text("date 2025-10-21\nBody", Some("2016-09-12"), &DateOptions::default())
            .unwrap()
            .into_article()
            .unwrap();
        assert_eq!(own.date.to_rfc3339(), "2025-10-21T00:00:00+00:00");
        let named = parse_text("Title line\n\nBody", Some("2016-09-12"), &DateOptions::default())
            .unwrap()
            .into_article()
            .unwrap();
        assert_eq!(
            (named.date.to_rfc3339().as_str(), named.body.as_str()),
            ("2016-09-12T00:00:00+00:00", "Title line\n\nBody")
        );
        let front = parse_text("---\ntitle: T\n---\nBody", Some("2016-09-12"), &DateOptions::default())
            .unwrap()
            .into_article()
            .unwrap();
        assert_eq!(front.title.as_deref(), Some("T"));
    }

    #[test]
    fn a_date_header_followed_by_text_on_the_same_line() {
        let a = article("date 2025-10-21      The first paragraph.\nThe second.").unwrap();
        assert_eq!(a.date.to_rfc3339(), "2025-10-21T00:00:00+00:00");
        assert_eq!(a.body, "The first paragraph.\nThe second.");
        let b = article("Date: Oct. 21, 2025\tWASHINGTON - The talks failed.").unwrap();
        assert_eq!(b.date.to_rfc3339(), "2025-10-21T00:00:00+00:00");
        assert_eq!(b.body, "WASHINGTON - The talks failed.");
        let c = article("October 21, 2025   The president said so.").unwrap();
        assert_eq!(
            (c.date.to_rfc3339().as_str(), c.body.as_str()),
            ("2025-10-21T00:00:00+00:00", "The president said so.")
        );
        assert_eq!(
            article("date: someday soon\nBody").unwrap_err(),
            RecordError::BadDate("someday soon".into())
        );
    }

    #[test]
    fn file_name_dates_of_any_year_the_parser_reads() {
        assert_eq!(date_in_file_name("1789-04-30-first-inaugural.txt").as_deref(), Some("1789-04-30"));
        assert_eq!(date_in_file_name("speech_1066-10-14.txt").as_deref(), Some("1066-10-14"));
        assert_eq!(date_in_file_name("2250-01-01.md").as_deref(), Some("2250-01-01"));
    }

    #[test]
    fn body_sentences_are_not_headers() {
        let a = article("2025-10-21\nSource: officials said the talks failed.\nMore").unwrap();
        // "Source" is a known key, so this line is metadata; a sentence with a
        // multi-word key ("Officials said: ...") is not.
        assert_eq!(a.source.as_deref(), Some("officials said the talks failed."));
        let b = article("2025-10-21\nThe minister said: no.\nMore").unwrap();
        assert_eq!(b.body, "The minister said: no.\nMore");
    }
}
