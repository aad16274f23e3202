//! Integration tests: each runs the real `stanceshift` binary in a temp dir.
//! One module per area; one regression test per bug.

mod util;
mod index;
mod search;
mod analyze;
mod report;
