//! Domain types for stanceshift. This crate does no I/O: it only describes
//! articles, statements, stances, shifts and commitments, so every other crate
//! (corpus reading, the index, the analyzer, reports) speaks one vocabulary.
//!
//! ```
//! use stanceshift_core::{Article, ArticleId};
//! use chrono::{DateTime, FixedOffset};
//!
//! let date: DateTime<FixedOffset> = "2025-10-21T00:00:00Z".parse().unwrap();
//! let article = Article::new(date, "The president said he would meet soon.".into())
//!     .with_title("Summit plans".into());
//! // Without an explicit id the id is a stable hash of source, date, title and body.
//! assert_eq!(article.id, Article::derived_id(None, &date, Some("Summit plans"), &article.body));
//! assert!(article.id.as_str().starts_with("h:"));
//! # let _ = ArticleId::new("x");
//! ```

mod actor;
mod analysis;
mod article;
mod diagnostic;
mod ledger;
mod names;
mod shard;
mod shift;
mod source;
mod span;
mod stance;
mod statement;
mod time;

pub use actor::{Actor, ActorId, ActorKind};
pub use analysis::{ActorAnalysis, StancePoint, TopicTimeline};
pub use article::{content_hash, Article, ArticleId};
pub use diagnostic::{Diagnostic, Severity};
pub use ledger::{CommitmentEntry, CommitmentStatus};
pub use shard::shard_of;
pub use shift::{Evidence, Shift, ShiftKind, Unflagged, UnflaggedPair};
pub use source::{Role, StatementQuery, StatementSource, TermStats};
pub use span::Span;
pub use stance::{Commitment, Cue, CueKind, Polarity, StanceFeatures, Topic};
pub use statement::{DateBasis, Mention, ProxyKind, Referent, SpeechKind, Statement, StatementDate};
pub use time::DateWindow;
