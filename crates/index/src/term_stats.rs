//! Corpus term statistics for the analyzer: how many articles hold a word,
//! read from the index's own postings, so "Budapest" weighs more than "meet"
//! when two statements are compared.

use std::collections::HashMap;
use std::sync::Mutex;

use stanceshift_core::TermStats;
use tantivy::tokenizer::TokenStream;
use tantivy::Term;

use crate::{Result, Shards};

/// Document frequencies of body words over every shard, looked up once per
/// word. Safe to share between the threads of `report --all`.
pub struct CorpusTermStats {
    shards: Shards,
    articles: u64,
    cache: Mutex<HashMap<String, u64>>,
}

impl std::fmt::Debug for CorpusTermStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusTermStats").field("articles", &self.articles).finish()
    }
}

impl CorpusTermStats {
    /// Statistics of `shards` (a cheap clone of its searchers).
    pub fn new(shards: &Shards) -> Result<CorpusTermStats> {
        Ok(CorpusTermStats {
            shards: shards.clone(),
            articles: shards.num_articles()?,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// Articles whose body holds every token of `word` as the body's
    /// tokenizer reads it (stemmed); a word of several tokens counts its rarest.
    fn lookup(&self, word: &str) -> u64 {
        let Some(first) = self.shards.searchers().first() else { return 0 };
        let body = first.fields.body;
        let Ok(mut tokenizer) = first.inner.index().tokenizer_for_field(body) else { return 0 };
        let mut stream = tokenizer.token_stream(word);
        let mut rarest: Option<u64> = None;
        while stream.advance() {
            let term = Term::from_field_text(body, &stream.token().text);
            let df: u64 = self.shards.searchers().iter().map(|s| s.inner.doc_freq(&term).unwrap_or(0)).sum();
            rarest = Some(rarest.map_or(df, |r| r.min(df)));
        }
        rarest.unwrap_or(0)
    }
}

impl TermStats for CorpusTermStats {
    fn documents(&self) -> u64 {
        self.articles
    }

    fn document_frequency(&self, word: &str) -> u64 {
        let key = word.to_lowercase();
        if let Some(&df) = self.cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return df;
        }
        let df = self.lookup(&key);
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).insert(key, df);
        df
    }
}
