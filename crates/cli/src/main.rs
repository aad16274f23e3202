//! The `stanceshift` command line. Thin on purpose: parsing lives in
//! `args.rs`, each subcommand in `commands/`, and exit codes in `exit.rs`.

mod args;
mod commands;
mod config;
mod exit;
mod session;

use clap::Parser;
use std::process::ExitCode;

// Analysis allocates many small strings per sentence; mimalloc makes indexing
// with analysis about a tenth faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    match commands::run(args) {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("error: {err:#}");
            exit::Status::Error.into()
        }
    }
}
