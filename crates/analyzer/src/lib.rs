//! stanceshift-analyzer: from article text to statements (who said what, for
//! whom, when), to stance features, to shifts and a commitment ledger.
//!
//! The modules show the two phases; arrows point one way, downwards:
//!
//! ```text
//! attribution (index time)      stance (query time)
//!          \                      /
//!           actors   ←──────────┘      (actor book, name learner)
//!             |
//!          clauses                     (clause split, statement words)
//!             |
//!          lexicon                     (every word list, parsed once)
//!             |
//!           text                       (words, tokens, sentences, quotes)
//! ```
//!
//! - `text`: words with byte offsets, tokens, sentences and quotation spans.
//! - `lexicon`: the lists in `data/lexicons/` and the closed-class words.
//! - `clauses`: the clause split and statement words both phases read.
//! - `actors`: the actor book and the name learner.
//! - `attribution`: statements from an article (cues, content, speakers,
//!   referents, dating), run when indexing.
//! - `stance`: features, assessment, tone, topics, timeline, shifts and the
//!   ledger, run when a question is asked.
//!
//! `attribution` and `stance` never import each other.

mod error;

/// Hash maps and sets keyed by short words and ids, hashed with foldhash:
/// the analyzer looks words up several times per token, and SipHash's
/// protection against crafted keys buys nothing for lexicon lookups.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

mod actors;
mod attribution;
pub mod clauses;
pub mod lexicon;
pub mod stance;
pub mod text;

pub use stance::{ledger, shift, timeline, topic};
pub use text::{quotes, sentences};

pub use actors::{
    administration_of, company_aliases, is_text_institution, president_of, surname_aliases, ActorBook,
    ActorRelations, Gender,
};
pub use attribution::article::{analyze_article, ArticleAnalysis, ANALYZER_VERSION};

pub use error::{Error, Result};

// Query time: which statements count for an actor.
mod selection;
pub use selection::{resolve_name, Selection, SelectionError};
