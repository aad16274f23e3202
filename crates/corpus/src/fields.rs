//! Article fields as any format delivers them (JSON keys, CSV columns, front
//! matter keys), their aliases, and the checks that turn them into an [`Article`].

use std::fmt;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use stanceshift_core::{Article, ArticleId};

use crate::date::{date_error, parse_date_with, DateOptions};
use crate::error::RecordError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Id,
    Date,
    Title,
    Source,
    Url,
    Author,
    Speaker,
    Body,
}

const FIELD_COUNT: usize = 8;

/// Accepted names, best first: when a record has several aliases of one field
/// (`body` and `text`), the earlier name wins whatever the key order.
const ALIASES: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "_id", "doc_id", "docid", "article_id", "uuid", "guid"]),
    (
        Field::Date,
        &[
            "date",
            "published_at",
            "publishedat",
            "published",
            "date_published",
            "datepublished",
            "publish_date",
            "publication_date",
            "pub_date",
            "pubdate",
            "timestamp",
            "datetime",
            "created_at",
        ],
    ),
    (Field::Title, &["title", "headline"]),
    (Field::Source, &["source", "source_name", "publisher", "outlet"]),
    (Field::Url, &["url", "link", "permalink"]),
    (Field::Author, &["author", "authors", "byline"]),
    (Field::Speaker, &["speaker"]),
    (Field::Body, &["body", "text", "content", "article", "maintext", "full_text"]),
];

/// The field a key names, and the alias rank (0 = canonical name). Case-insensitive.
pub(crate) fn classify(key: &str) -> Option<(Field, u8)> {
    let key = key.trim().trim_start_matches('\u{feff}');
    ALIASES.iter().find_map(|(field, names)| {
        names.iter().position(|n| n.eq_ignore_ascii_case(key)).map(|rank| (*field, rank as u8))
    })
}

pub(crate) fn field_name(field: Field) -> &'static str {
    ALIASES.iter().find(|(f, _)| *f == field).map(|(_, names)| names[0]).unwrap_or("?")
}

/// One field's value before validation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Int(i64),
    Float(f64),
    /// A JSON value of a type the field cannot take (its description).
    Other(&'static str),
}

/// The fields of one record, each keeping its best-ranked alias.
#[derive(Debug, Default)]
pub(crate) struct RawFields {
    slots: [Option<(u8, Value)>; FIELD_COUNT],
}

impl RawFields {
    pub(crate) fn set(&mut self, field: Field, rank: u8, value: Value) {
        let slot = &mut self.slots[field as usize];
        if slot.as_ref().is_none_or(|(held, _)| rank < *held) {
            *slot = Some((rank, value));
        }
    }

    pub(crate) fn has(&self, field: Field) -> bool {
        self.slots[field as usize].is_some()
    }

    fn take(&mut self, field: Field) -> Option<Value> {
        self.slots[field as usize].take().map(|(_, value)| value)
    }

    /// Validates and builds the article: date and body are required, the id is
    /// derived from the content when none is given.
    #[cfg(test)]
    pub(crate) fn into_article(self) -> Result<Article, RecordError> {
        self.into_article_with(&DateOptions::default())
    }

    /// [`RawFields::into_article`], reading dates as `dates` says.
    pub(crate) fn into_article_with(mut self, dates: &DateOptions) -> Result<Article, RecordError> {
        let date = match self.take(Field::Date) {
            None => return Err(RecordError::MissingField("date")),
            Some(Value::Text(text)) => {
                parse_date_with(&text, dates).ok_or_else(|| date_error(&text, dates))?
            }
            Some(Value::Int(n)) => epoch(n as f64).ok_or_else(|| RecordError::BadDate(n.to_string()))?,
            Some(Value::Float(n)) => epoch(n).ok_or_else(|| RecordError::BadDate(n.to_string()))?,
            Some(Value::Other(found)) => return Err(RecordError::WrongType { field: "date", found }),
        };
        let body = match self.take(Field::Body) {
            None => return Err(RecordError::MissingField("body")),
            Some(Value::Text(text)) => trim_owned(text),
            Some(Value::Int(_) | Value::Float(_)) => {
                return Err(RecordError::WrongType { field: "body", found: "a number" })
            }
            Some(Value::Other(found)) => return Err(RecordError::WrongType { field: "body", found }),
        };
        if body.is_empty() {
            return Err(RecordError::EmptyBody);
        }
        let title = self.optional(Field::Title);
        let source = self.optional(Field::Source);
        let url = self.optional(Field::Url);
        let author = self.optional(Field::Author);
        let speaker = self.optional(Field::Speaker);
        let id = match self.optional(Field::Id) {
            Some(id) => ArticleId::new(id),
            None => Article::derived_id(source.as_deref(), &date, title.as_deref(), &body),
        };
        Ok(Article { id, date, title, source, url, author, speaker, body })
    }

    /// Metadata of an unusable type (an object as author) is dropped rather than
    /// losing the article over it.
    fn optional(&mut self, field: Field) -> Option<String> {
        match self.take(field)? {
            Value::Text(text) => Some(trim_owned(text)).filter(|t| !t.is_empty()),
            Value::Int(n) => Some(n.to_string()),
            Value::Float(n) => Some(n.to_string()),
            Value::Other(_) => None,
        }
    }
}

/// Unix seconds, or milliseconds when too large to be seconds.
fn epoch(n: f64) -> Option<DateTime<FixedOffset>> {
    if !n.is_finite() {
        return None;
    }
    let millis = if n.abs() >= 1e11 { n } else { n * 1000.0 };
    let date = Utc.timestamp_millis_opt(millis as i64).single()?;
    Some(date.fixed_offset())
}

pub(crate) fn trim_owned(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    if start > 0 {
        text.drain(..start);
    }
    text
}

pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// NUL bytes anywhere, or more than 10% control characters in the first 1 KiB
/// (enough to tell, and cheap on multi-megabyte records).
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let sample = &bytes[..bytes.len().min(1024)];
    // Cheap, vectorisable upper bound first: ordinary text (few line breaks and
    // tabs) never gets near 10% of bytes below 0x20.
    let low: usize = sample.iter().map(|&b| usize::from(b < 0x20 || b == 0x7f)).sum();
    if low * 10 <= sample.len() {
        return false;
    }
    let controls = count_controls(sample);
    controls > 0 && controls * 10 > sample.len()
}

/// Whether a file's first bytes are binary (an image, an archive): nearly all
/// of them in lines that look binary, over several lines. One bad line in a
/// text file, or a single long first line, does not make the file binary; its
/// records are then rejected one by one.
pub(crate) fn file_looks_binary(head: &[u8]) -> bool {
    // Fast exit for ordinary text: valid UTF-8 (a character cut off at the end
    // of the sample is fine) without NULs or many control bytes.
    let valid_utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none(),
    };
    if valid_utf8 && !looks_binary(head) {
        return false;
    }
    let (mut lines, mut binary_bytes) = (0usize, 0usize);
    for line in head.split(|&b| b == b'\n') {
        lines += 1;
        // Compressed or random bytes are invalid UTF-8 with a control byte in
        // nearly every line; legacy-encoded text (Latin-1) has no control bytes.
        let garbled = || std::str::from_utf8(line).is_err() && count_controls(line) > 0;
        if looks_binary(line) || garbled() {
            binary_bytes += line.len() + 1;
        }
    }
    lines >= 4 && binary_bytes * 10 >= head.len() * 9
}

fn count_controls(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0)) || b == 0x7f)
        .count()
}

// ---- JSON: a hand-written visitor so that aliases, key order, scalar ids and
// NewsAPI-style `"source": {"name": ...}` all work without an intermediate `Value`.

impl<'de> Deserialize<'de> for RawFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RawFieldsVisitor)
    }
}

struct RawFieldsVisitor;

impl<'de> Visitor<'de> for RawFieldsVisitor {
    type Value = RawFields;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFields, A::Error> {
        let mut fields = RawFields::default();
        while let Some(key) = map.next_key::<Key>()? {
            match key.0 {
                Some((field, rank)) => {
                    if let Some(value) = map.next_value::<JsonValue>()?.0 {
                        fields.set(field, rank, value);
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(fields)
    }
}

struct Key(Option<(Field, u8)>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(Key(classify(key)))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// `None` for null; arrays of scalars are joined with ", " (lists of authors).
struct JsonValue(Option<Value>);

impl<'de> Deserialize<'de> for JsonValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonValueVisitor)
    }
}

struct JsonValueVisitor;

impl<'de> Visitor<'de> for JsonValueVisitor {
    type Value = JsonValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<JsonValue, E> {
        Ok(JsonValue(Some(Value::Text(v.to_owned()))))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<JsonValue, E> {
        Ok(JsonValue(Some(Value::Text(v))))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsonValue, E> {
        Ok(JsonValue(Some(Value::Int(v))))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsonValue, E> {
        Ok(JsonValue(Some(match i64::try_from(v) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::Float(v as f64),
        })))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonValue, E> {
        Ok(JsonValue(Some(Value::Float(v))))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<JsonValue, E> {
        Ok(JsonValue(Some(Value::Other("a boolean"))))
    }
    fn visit_unit<E: de::Error>(self) -> Result<JsonValue, E> {
        Ok(JsonValue(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<JsonValue, E> {
        Ok(JsonValue(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonValue, A::Error> {
        let mut joined = String::new();
        let mut scalars_only = true;
        while let Some(JsonValue(item)) = seq.next_element::<JsonValue>()? {
            let text = match item {
                Some(Value::Text(t)) => t,
                Some(Value::Int(n)) => n.to_string(),
                Some(Value::Float(n)) => n.to_string(),
                Some(Value::Other(_)) => {
                    scalars_only = false;
                    continue;
                }
                None => continue,
            };
            if !text.trim().is_empty() {
                if !joined.is_empty() {
                    joined.push_str(", ");
                }
                joined.push_str(text.trim());
            }
        }
        Ok(JsonValue(Some(if scalars_only { Value::Text(joined) } else { Value::Other("an array") })))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonValue, A::Error> {
        let mut name = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "name" {
                if let JsonValue(Some(Value::Text(text))) = map.next_value()? {
                    name = Some(text);
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(JsonValue(Some(match name {
            Some(name) => Value::Text(name),
            None => Value::Other("an object"),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(json: &str) -> Result<Article, RecordError> {
        serde_json::from_str::<RawFields>(json).unwrap().into_article()
    }

    #[test]
    fn aliases_and_ranks() {
        let a = article(r#"{"text":"second","body":"first","published_at":"2025-10-21","headline":"H"}"#)
            .unwrap();
        assert_eq!(a.body, "first");
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.date.to_rfc3339(), "2025-10-21T00:00:00+00:00");
        let a = article(r#"{"Content":"  b  ","timestamp":1761039000,"id":42}"#).unwrap();
        assert_eq!((a.body.as_str(), a.id.as_str()), ("b", "42"));
        assert_eq!(a.date.to_rfc3339(), "2025-10-21T09:30:00+00:00");
    }

    #[test]
    fn nested_and_list_metadata() {
        let a = article(
            r#"{"date":"2025-10-21","body":"b","source":{"id":null,"name":"Wire"},
                "authors":["A. One","B. Two"],"url":{"x":1},"title":null}"#,
        )
        .unwrap();
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.author.as_deref(), Some("A. One, B. Two"));
        assert_eq!((a.url, a.title), (None, None));
    }

    #[test]
    fn speaker_is_its_own_field() {
        let a = article(r#"{"date":"2025-10-21","body":"b","author":"A. Writer","speaker":" Mara Keel "}"#)
            .unwrap();
        assert_eq!(a.author.as_deref(), Some("A. Writer"));
        assert_eq!(a.speaker.as_deref(), Some("Mara Keel"));
        assert_eq!(article(r#"{"date":"2025-10-21","body":"b"}"#).unwrap().speaker, None);
    }

    #[test]
    fn validation_errors() {
        assert_eq!(article(r#"{"body":"b"}"#), Err(RecordError::MissingField("date")));
        assert_eq!(article(r#"{"date":"2025-10-21"}"#), Err(RecordError::MissingField("body")));
        assert_eq!(article(r#"{"date":"soon","body":"b"}"#), Err(RecordError::BadDate("soon".into())));
        assert_eq!(article(r#"{"date":"2025-10-21","body":" \n\t "}"#), Err(RecordError::EmptyBody));
        assert_eq!(
            article(r#"{"date":"2025-10-21","body":{"p":"x"}}"#),
            Err(RecordError::WrongType { field: "body", found: "an object" })
        );
    }

    #[test]
    fn derived_id_when_absent() {
        let a = article(r#"{"date":"2025-10-21","body":"b","title":"t","source":"s"}"#).unwrap();
        assert_eq!(a.id, Article::derived_id(Some("s"), &a.date, Some("t"), "b"));
        let again = article(r#"{"source":"s","title":"t","body":"b","date":"2025-10-21"}"#).unwrap();
        assert_eq!(a.id, again.id);
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(b"\x01\x02\x03abcdefgh"));
        assert!(!looks_binary("plain text, with tabs\tand newlines\n and é".as_bytes()));
        let mut mostly_text = b"one\n\x01\x02\x03\x04\n".repeat(3);
        mostly_text.extend_from_slice(&b"{\"a\": 1}\n".repeat(20));
        assert!(!file_looks_binary(&mostly_text));
        let mut noise = Vec::new();
        let mut x: u32 = 7;
        for _ in 0..4096 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            noise.push((x >> 16) as u8);
        }
        assert!(file_looks_binary(&noise));
        assert!(!file_looks_binary(b"\x01\x02\x03\x04"), "too few lines to judge");
    }
}
