use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable identifier of an article: the id given by the corpus, or a hash of
/// its content (prefixed `h:`) so re-ingesting the same text yields the same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    pub fn new(id: impl Into<String>) -> ArticleId {
        ArticleId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One dated news article. Only `date` and `body` are required by every input format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// Publication date; the time zone is kept as given (UTC when none was given).
    pub date: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who speaks in the document (a speech, transcript or press release):
    /// first-person sentences count for this name. `author` stays the writer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub body: String,
}

impl Article {
    /// An article with a derived id; use the `with_*` builders to add metadata
    /// (each re-derives the id unless an explicit id was set with [`Article::with_id`]).
    pub fn new(date: DateTime<FixedOffset>, body: String) -> Article {
        let id = Article::derived_id(None, &date, None, &body);
        Article { id, date, title: None, source: None, url: None, author: None, speaker: None, body }
    }

    pub fn with_id(mut self, id: ArticleId) -> Article {
        self.id = id;
        self
    }

    pub fn with_title(mut self, title: String) -> Article {
        let derived = self.has_derived_id();
        self.title = Some(title);
        if derived {
            self.rederive_id();
        }
        self
    }

    pub fn with_source(mut self, source: String) -> Article {
        let derived = self.has_derived_id();
        self.source = Some(source);
        if derived {
            self.rederive_id();
        }
        self
    }

    /// Sets the document speaker; the id is kept (the speaker is metadata).
    pub fn with_speaker(mut self, speaker: String) -> Article {
        self.speaker = Some(speaker);
        self
    }

    fn has_derived_id(&self) -> bool {
        self.id == Article::derived_id(self.source.as_deref(), &self.date, self.title.as_deref(), &self.body)
    }

    fn rederive_id(&mut self) {
        self.id = Article::derived_id(self.source.as_deref(), &self.date, self.title.as_deref(), &self.body);
    }

    /// The id used when the corpus gives none: a hash of source, date, title
    /// and body. Fields are length-prefixed so ("ab","c") and ("a","bc") differ.
    pub fn derived_id(
        source: Option<&str>,
        date: &DateTime<FixedOffset>,
        title: Option<&str>,
        body: &str,
    ) -> ArticleId {
        let date = date.to_rfc3339();
        let hash = hash_fields(&[source.unwrap_or(""), &date, title.unwrap_or(""), body]);
        ArticleId(format!("h:{hash:032x}"))
    }

    /// Hash of everything that is indexed; the indexer compares it to decide
    /// whether an article with a known id changed (upsert) or not (unchanged).
    pub fn content_hash(&self) -> u128 {
        content_hash(self)
    }
}

/// See [`Article::content_hash`].
pub fn content_hash(article: &Article) -> u128 {
    let date = article.date.to_rfc3339();
    hash_fields(&[
        article.id.as_str(),
        &date,
        article.title.as_deref().unwrap_or(""),
        article.source.as_deref().unwrap_or(""),
        article.url.as_deref().unwrap_or(""),
        article.author.as_deref().unwrap_or(""),
        &article.body,
    ]) ^ article.speaker.as_deref().map_or(0, |speaker| hash_fields(&["speaker", speaker]))
}

fn hash_fields(fields: &[&str]) -> u128 {
    let mut buf = Vec::with_capacity(fields.iter().map(|f| f.len() + 8).sum());
    for field in fields {
        buf.extend_from_slice(&(field.len() as u64).to_le_bytes());
        buf.extend_from_slice(field.as_bytes());
    }
    xxhash_rust::xxh3::xxh3_128(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> DateTime<FixedOffset> {
        "2025-10-21T09:30:00-04:00".parse().unwrap()
    }

    #[test]
    fn derived_id_is_stable_and_field_separated() {
        let a = Article::derived_id(Some("ab"), &date(), Some("c"), "body");
        let b = Article::derived_id(Some("a"), &date(), Some("bc"), "body");
        assert_ne!(a, b);
        assert_eq!(a, Article::derived_id(Some("ab"), &date(), Some("c"), "body"));
    }

    #[test]
    fn builders_keep_explicit_ids() {
        let explicit =
            Article::new(date(), "text".into()).with_id(ArticleId::new("wire-1")).with_title("t".into());
        assert_eq!(explicit.id.as_str(), "wire-1");
        let derived = Article::new(date(), "text".into()).with_title("t".into());
        assert_eq!(derived.id, Article::derived_id(None, &date(), Some("t"), "text"));
    }

    #[test]
    fn content_hash_changes_with_body() {
        let a = Article::new(date(), "one".into()).with_id(ArticleId::new("x"));
        let mut b = a.clone();
        assert_eq!(a.content_hash(), b.content_hash());
        b.body.push('!');
        assert_ne!(a.content_hash(), b.content_hash());
    }

    #[test]
    fn speaker_is_optional_in_json_and_hash() {
        let a = Article::new(date(), "one".into()).with_id(ArticleId::new("x"));
        let json = serde_json::to_string(&a).unwrap();
        assert!(!json.contains("speaker"), "{json}");
        let back: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        let spoken = a.clone().with_speaker("Mara Keel".into());
        assert_eq!(spoken.id, a.id);
        assert_ne!(spoken.content_hash(), a.content_hash());
        let back: Article = serde_json::from_str(&serde_json::to_string(&spoken).unwrap()).unwrap();
        assert_eq!(back.speaker.as_deref(), Some("Mara Keel"));
    }
}
