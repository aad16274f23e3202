//! `stanceshift statements --actor NAME`: an actor's statements in date order,
//! including those made for the actor by spokespeople and officials;
//! `--article ID`: every statement found in one article (any speaker).

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde_json::json;
use stanceshift_core::{ArticleId, Statement, StatementDate};
use stanceshift_index::{Index, Role, StatementQuery};

use super::index::actor_book;
use super::search::resolve_actor;
use crate::config::Settings;
use crate::exit::Status;

#[derive(Debug, Args)]
pub struct StatementsArgs {
    /// Actor id or name ("donald-trump", "Donald Trump")
    #[arg(long, value_name = "NAME", required_unless_present = "article")]
    pub actor: Option<String>,
    /// Only statements found in this article (repeatable); without --actor, every speaker's
    #[arg(long, value_name = "ID")]
    pub article: Vec<String>,
    /// First statement day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last statement day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Which statements count: the actor's own words, words spoken for the actor, or both
    #[arg(long, value_enum, default_value_t = RoleArg::Any)]
    pub role: RoleArg,
    /// Print one JSON document
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Any,
    Speaker,
    Principal,
}

pub fn run(args: StatementsArgs, settings: Settings) -> Result<Status> {
    let index = Index::open(&settings.index)?;
    let searcher = index.searcher()?;
    let actor = match &args.actor {
        Some(name) => Some(resolve_actor(&searcher, &actor_book(&settings)?, name)?),
        None => None,
    };
    let query = StatementQuery {
        actors: actor.iter().cloned().collect(),
        articles: args.article.iter().map(ArticleId::new).collect(),
        role: match args.role {
            RoleArg::Any => Role::Any,
            RoleArg::Speaker => Role::Speaker,
            RoleArg::Principal => Role::Principal,
        },
        from: args.from,
        to: args.to,
    };
    let statements = searcher.statements(&query)?;
    if args.json {
        let doc = json!({ "actor": actor, "statements": statements });
        outln!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        for statement in &statements {
            outln!("{}", line(statement));
        }
    }
    if statements.is_empty() && !settings.quiet && !args.json {
        let Some(actor) = actor else {
            eprintln!("no statements in article(s) {}", args.article.join(", "));
            return Ok(Status::found(false));
        };
        let known: Vec<String> =
            searcher.actors()?.into_iter().take(10).map(|(id, _)| id.to_string()).collect();
        if known.is_empty() {
            eprintln!(
                "no statements for {actor}: the index holds no statements (was it built with --no-analyze?)"
            );
        } else {
            eprintln!("no statements for {actor}; actors with the most statements: {}", known.join(", "));
        }
    }
    Ok(Status::found(!statements.is_empty()))
}

/// `2025-10-16  Karoline Leavitt (for donald-trump) said: "..."  [article-id]`
fn line(statement: &Statement) -> String {
    let speaker_actor = statement.speaker.actor.as_ref();
    let proxy_for = statement.principal.as_ref().filter(|p| Some(*p) != speaker_actor);
    let speaker = match proxy_for {
        Some(principal) => format!("{} (for {principal})", statement.speaker.text),
        None => statement.speaker.text.clone(),
    };
    let content = statement.content.split_whitespace().collect::<Vec<_>>().join(" ");
    let cue = if statement.cue.is_empty() { String::new() } else { format!(" {}", statement.cue) };
    // "declined to comment" says no words of its own.
    if content.is_empty() {
        return format!("{}  {speaker}{cue}  [{}]", date(&statement.date), statement.article_id);
    }
    // Direct quotes keep their own quotation marks.
    let content = if content.starts_with(['"', '“', '‘']) { content } else { format!("\"{content}\"") };
    format!("{}  {speaker}{cue}: {content}  [{}]", date(&statement.date), statement.article_id)
}

/// The statement day, with the window when the dating words allow several days.
fn date(date: &StatementDate) -> String {
    if date.window.start == date.window.end {
        date.date.to_string()
    } else {
        format!("{} ({}..{})", date.date, date.window.start, date.window.end)
    }
}
