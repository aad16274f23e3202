//! `stanceshift completions SHELL`: a completion script for the shell, from
//! the same clap definition the binary parses with, so it never goes stale.

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::args::Cli;
use crate::exit::Status;

#[derive(Debug, Args)]
#[command(after_help = "Install, e.g.:\n  \
    bash: stanceshift completions bash > ~/.local/share/bash-completion/completions/stanceshift\n  \
    zsh:  stanceshift completions zsh > ~/.zfunc/_stanceshift   (with fpath+=~/.zfunc)\n  \
    fish: stanceshift completions fish > ~/.config/fish/completions/stanceshift.fish")]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

pub fn run(args: CompletionsArgs) -> Result<Status> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "stanceshift", &mut script);
    out!("{}", String::from_utf8_lossy(&script));
    Ok(Status::Success)
}
