//! stanceshift-analyzer: from article text to statements (who said what, for
//! whom, when), to stance features, to shifts and a commitment ledger.
//!
//! Module ownership while the crate is being built:
//! - attribution side: `sentences`, `attribution`, `actors`, `statement_date`, `analyze_article`
//! - stance side: `stance`, `topic`, `shift`, `ledger`, `timeline`

mod error;

/// Hash maps and sets keyed by short words and ids, hashed with foldhash:
/// the analyzer looks words up several times per token, and SipHash's
/// protection against crafted keys buys nothing for lexicon lookups.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
pub mod ledger;
pub mod lexicon;
pub mod shift;
pub mod stance;
pub mod timeline;
pub mod topic;

// Attribution side.
mod actors;
mod article;
mod attribution;
mod cues;
mod names;
pub mod quotes;
mod referents;
pub mod sentences;
mod statement_date;
mod tokens;
pub use actors::{
    administration_of, is_text_institution, president_of, surname_aliases, ActorBook, ActorRelations, Gender,
};
pub use article::{analyze_article, ArticleAnalysis, ANALYZER_VERSION};

pub use error::{Error, Result};

// Query time: which statements count for an actor.
mod selection;
pub use selection::{resolve_name, Selection, SelectionError};
