//! Integration tests: each runs the real `stanceshift` binary in a temp dir.
//! One module per area; one regression test per bug.

mod actors;
mod analyze;
mod cli;
mod expectations;
mod extract;
mod first_person;
mod index;
mod query;
mod readme;
mod report;
mod robust;
mod search;
mod shards;
mod util;
