//! stanceshift-analyzer: from article text to statements (who said what, for
//! whom, when), to stance features, to shifts and a commitment ledger.
//!
//! Module ownership while the crate is being built:
//! - attribution side: `sentences`, `attribution`, `actors`, `statement_date`, `analyze_article`
//! - stance side: `stance`, `topic`, `shift`, `ledger`, `timeline`

mod error;

pub use error::{Error, Result};
