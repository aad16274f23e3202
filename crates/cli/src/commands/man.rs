//! `stanceshift man`: the manual page in roff, from the clap definition,
//! with one section per subcommand.

use anyhow::Result;
use clap::{Args, CommandFactory};

use crate::args::Cli;
use crate::exit::Status;

#[derive(Debug, Args)]
#[command(after_help = "Read it with `stanceshift man | man -l -`, or install it:\n  \
    stanceshift man > ~/.local/share/man/man1/stanceshift.1")]
pub struct ManArgs {}

pub fn run(_: ManArgs) -> Result<Status> {
    let command = Cli::command();
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    // Each subcommand's own options, which the overview above leaves out.
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = sub.get_name();
        page.extend_from_slice(format!(".SH \"STANCESHIFT {}\"\n", name.to_uppercase()).as_bytes());
        if let Some(about) = sub.get_about() {
            page.extend_from_slice(format!("{}\n", roff_text(&about.to_string())).as_bytes());
        }
        for arg in sub.get_arguments().filter(|a| !a.is_global_set() && !a.is_hide_set()) {
            let flag = match (arg.get_long(), arg.get_short()) {
                (Some(long), Some(short)) => format!("\\-{short}, \\-\\-{long}"),
                (Some(long), None) => format!("\\-\\-{long}"),
                _ => arg.get_value_names().map_or(arg.get_id().to_string(), |v| {
                    v.iter().map(|n| format!("<{n}>")).collect::<Vec<_>>().join(" ")
                }),
            };
            let help = arg.get_help().map(|h| roff_text(&h.to_string())).unwrap_or_default();
            page.extend_from_slice(format!(".TP\n\\fB{flag}\\fR\n{help}\n").as_bytes());
        }
    }
    man.render_version_section(&mut page)?;
    out!("{}", String::from_utf8_lossy(&page));
    Ok(Status::Success)
}

/// Text safe in a roff body: backslashes doubled, no line starting with a control character.
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .lines()
        .map(|line| if line.starts_with(['.', '\'']) { format!("\\&{line}") } else { line.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}
