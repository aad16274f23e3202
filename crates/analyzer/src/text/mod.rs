//! Text before any word list: words with byte offsets, tokens, sentences and
//! quotation spans. Nothing here knows who speaks or what a stance is.

pub mod quotes;
pub mod sentences;
pub(crate) mod tokens;
pub mod words;
