//! The tantivy schema: one index holds two kinds of documents, articles and
//! the statements found in them, told apart by the `kind` field. Keeping both
//! in one index means an upsert replaces an article and its statements in the
//! same commit.

use chrono::{Datelike, NaiveDate};
use stanceshift_core::ActorId;
use tantivy::schema::Facet;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use crate::error::{Error, Result};

pub(crate) const KIND_ARTICLE: &str = "article";
pub(crate) const KIND_STATEMENT: &str = "statement";

/// English tokenizer with stemming, registered by tantivy by default.
pub(crate) const TEXT_TOKENIZER: &str = "en_stem";

/// Version of the index schema, shown in messages about older indexes.
/// 1: the first release (`tests/fixtures/index-v1`); 2: adds `author_words`,
/// the author's words for `author:` queries. A version-1 index stays readable:
/// everything but `author:` works on it.
pub(crate) const SCHEMA_VERSION: u32 = 2;

/// The author's words, lower-cased, not stemmed (names), not stored.
pub(crate) const F_AUTHOR_WORDS: &str = "author_words";

/// Fields added since schema version 1: an index without them is an older one.
const ADDED_FIELDS: &[&str] = &[F_AUTHOR_WORDS];

/// Field handles, resolved once per opened index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `article` or `statement`.
    pub kind: Field,
    /// Article id (article docs only); the upsert key.
    pub id: Field,
    /// Id of the article a statement came from (statement docs only).
    pub article_id: Field,
    pub title: Field,
    pub body: Field,
    /// Source as given, for display.
    pub source: Field,
    pub url: Field,
    pub author: Field,
    /// Article date as RFC 3339 text, keeping the original UTC offset.
    pub date_text: Field,
    /// Article date as an instant, for sorting by time.
    pub date: Field,
    /// Calendar day (days from the common era): the article's local date for
    /// articles, the statement date for statements. Filters and histograms use it.
    pub day: Field,
    /// Facets: `/source/<lowercased source>`, `/actor/<id>` (any role), and on
    /// statements also `/speaker/<id>` and `/principal/<id>`.
    pub tags: Field,
    /// The article's content hash, split in two u64 halves (fast fields).
    pub hash_hi: Field,
    pub hash_lo: Field,
    /// Analyzer version that produced the article's statements (0: not analyzed).
    pub analyzer_version: Field,
    /// The statement as JSON (statement docs only).
    pub statement: Field,
    /// The author's words (schema version 2; `None` in a version-1 index).
    pub author_words: Option<Field>,
}

pub(crate) const F_DATE: &str = "date";
pub(crate) const F_DAY: &str = "day";
pub(crate) const F_HASH_HI: &str = "hash_hi";
pub(crate) const F_HASH_LO: &str = "hash_lo";
pub(crate) const F_ANALYZER_VERSION: &str = "analyzer_version";

pub(crate) fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    builder.add_text_field("kind", STRING);
    builder.add_text_field("id", STRING | STORED);
    builder.add_text_field("article_id", STRING);
    builder.add_text_field("title", text.clone());
    builder.add_text_field("body", text);
    builder.add_text_field("source", STORED);
    builder.add_text_field("url", STORED);
    builder.add_text_field("author", STORED);
    builder.add_text_field("date_text", STORED);
    builder.add_date_field(
        F_DATE,
        DateOptions::from(INDEXED).set_fast().set_precision(DateTimePrecision::Seconds),
    );
    builder.add_i64_field(F_DAY, NumericOptions::from(INDEXED | FAST));
    builder.add_facet_field("tags", FacetOptions::default());
    builder.add_u64_field(F_HASH_HI, FAST);
    builder.add_u64_field(F_HASH_LO, FAST);
    builder.add_u64_field(F_ANALYZER_VERSION, FAST);
    builder.add_text_field("statement", STORED);
    let names = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    builder.add_text_field(F_AUTHOR_WORDS, names);
    builder.build()
}

impl Fields {
    /// Resolves the handles, checking that `schema` is exactly the one this
    /// version writes; anything else is an index from another version.
    pub(crate) fn resolve(schema: &Schema, index_dir: &std::path::Path) -> Result<Fields> {
        let expected = build_schema();
        let mut absent_additions = 0;
        for (_, entry) in expected.fields() {
            let found = schema.get_field(entry.name()).ok().map(|f| schema.get_field_entry(f));
            if found.is_none() && ADDED_FIELDS.contains(&entry.name()) {
                absent_additions += 1;
                continue;
            }
            if found != Some(entry) {
                let detail = match found {
                    None => format!("field `{}` is missing", entry.name()),
                    Some(_) => format!("field `{}` has different options", entry.name()),
                };
                return Err(Error::Incompatible { path: index_dir.to_path_buf(), detail });
            }
        }
        if schema.num_fields() + absent_additions != expected.num_fields() {
            let extra: Vec<&str> = schema
                .fields()
                .map(|(_, e)| e.name())
                .filter(|name| expected.get_field(name).is_err())
                .collect();
            let detail = format!("unknown fields {}", extra.join(", "));
            return Err(Error::Incompatible { path: index_dir.to_path_buf(), detail });
        }
        let field = |name: &str| schema.get_field(name).expect("checked above");
        Ok(Fields {
            kind: field("kind"),
            id: field("id"),
            article_id: field("article_id"),
            title: field("title"),
            body: field("body"),
            source: field("source"),
            url: field("url"),
            author: field("author"),
            date_text: field("date_text"),
            date: field(F_DATE),
            day: field(F_DAY),
            tags: field("tags"),
            hash_hi: field(F_HASH_HI),
            hash_lo: field(F_HASH_LO),
            analyzer_version: field(F_ANALYZER_VERSION),
            statement: field("statement"),
            author_words: schema.get_field(F_AUTHOR_WORDS).ok(),
        })
    }
}

/// Day number stored in the `day` field.
/// Earliest and latest instants (Unix seconds) the `date` field can hold.
pub(crate) const MIN_INSTANT_SECS: i64 = i64::MIN / 1_000_000_000 + 1;
pub(crate) const MAX_INSTANT_SECS: i64 = i64::MAX / 1_000_000_000 - 1;

pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

pub(crate) fn day_from_number(day: i64) -> Option<NaiveDate> {
    i32::try_from(day).ok().and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// Sources match case-insensitively, so the facet holds the lowercased name.
pub(crate) fn source_facet(source: &str) -> Facet {
    Facet::from_path(["source", source.trim().to_lowercase().as_str()])
}

pub(crate) fn actor_facet(role: &str, actor: &ActorId) -> Facet {
    Facet::from_path([role, actor.as_str()])
}

pub(crate) fn split_hash(hash: u128) -> (u64, u64) {
    ((hash >> 64) as u64, hash as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let date = NaiveDate::from_ymd_opt(2025, 10, 16).unwrap();
        assert_eq!(day_from_number(day_number(date)), Some(date));
        assert_eq!(day_number(date) + 1, day_number(date.succ_opt().unwrap()));
    }

    #[test]
    fn facets_escape_slashes_and_ignore_case() {
        assert_eq!(source_facet(" AP/Reuters ").to_path(), vec!["source", "ap/reuters"]);
    }

    #[test]
    fn own_schema_resolves() {
        let schema = build_schema();
        assert!(Fields::resolve(&schema, std::path::Path::new("x")).unwrap().author_words.is_some());
        let mut other = Schema::builder();
        other.add_text_field("kind", STRING);
        let err = Fields::resolve(&other.build(), std::path::Path::new("x")).unwrap_err();
        assert!(err.to_string().contains("incompatible"), "{err}");
    }
}
