//! `stanceshift statements --actor NAME`: an actor's statements in date order,
//! including those made for the actor by spokespeople and officials;
//! `--article ID`: every statement found in one article (any speaker).

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use stanceshift_core::{ActorId, ArticleId, Statement, StatementDate};

use crate::args::day_arg;
use crate::config::Settings;
use crate::exit::Status;
use crate::session::Corpus;
use crate::terminal::unquoted;

#[derive(Debug, Args)]
pub struct StatementsArgs {
    /// Actor id or name ("donald-trump", "Donald Trump")
    #[arg(long, value_name = "NAME", required_unless_present = "article")]
    pub actor: Option<String>,
    /// Only statements found in this article (repeatable); without --actor, every speaker's
    #[arg(long, value_name = "ID")]
    pub article: Vec<String>,
    /// First statement day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    pub from: Option<NaiveDate>,
    /// Last statement day, inclusive (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    pub to: Option<NaiveDate>,
    /// List at most N statements (the first N in date order)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Which of the actor's statements to list: its own words, words spoken for it (by
    /// spokespeople, officials, institutions it heads), or both
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
    let corpus = Corpus::open(&settings, None)?;
    let articles: Vec<ArticleId> = args.article.iter().map(ArticleId::new).collect();
    let actor = match &args.actor {
        Some(name) => Some(corpus.resolve(name)?),
        None => None,
    };
    let statements: Vec<Statement> = match &actor {
        // The statements `analyze` and `report` use for the actor, by the same rule.
        Some(actor) => corpus
            .statements_for(actor, args.from, args.to)?
            .into_iter()
            .filter(|s| articles.is_empty() || articles.contains(&s.article_id))
            .filter(|s| args.role.admits(s, actor))
            .collect(),
        None => corpus.article_statements(&articles, args.from, args.to)?,
    };
    let found = statements.len();
    let statements: Vec<Statement> = statements.into_iter().take(args.limit.unwrap_or(usize::MAX)).collect();
    if args.json {
        // The report's point shape (docs/report-schema.md), with outlet and headline.
        let ids: std::collections::BTreeSet<ArticleId> =
            statements.iter().map(|s| s.article_id.clone()).collect();
        let meta = corpus.meta(&settings, None).with_articles(corpus.article_sources(ids)?);
        out!("{}", stanceshift_report::statements_json(actor.as_ref(), &statements, &meta));
    } else {
        for statement in &statements {
            outln!("{}", line(statement));
        }
    }
    if found > statements.len() && !settings.quiet && !args.json {
        eprintln!("{} of {found} statements (--limit {})", statements.len(), statements.len());
    }
    if statements.is_empty() && !settings.quiet && !args.json {
        match actor {
            Some(actor) => eprintln!("{}", corpus.no_statements_hint(&actor)?),
            None => eprintln!("no statements in {}", articles_named(&args.article)),
        }
    }
    Ok(Status::found(!statements.is_empty()))
}

impl RoleArg {
    /// Whether a statement that counts for `actor` is one this role lists.
    fn admits(self, statement: &Statement, actor: &ActorId) -> bool {
        let own_words = statement.speaker.actor.as_ref() == Some(actor);
        match self {
            RoleArg::Any => true,
            RoleArg::Speaker => own_words,
            RoleArg::Principal => !own_words,
        }
    }
}

/// `2025-10-16  Karoline Leavitt (for donald-trump) said: We will …  [article-id]`:
/// the colon introduces the words, so they need no quotation marks of their own.
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
    let content = unquoted(&content);
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

/// "article a" or "articles a, b".
fn articles_named(ids: &[String]) -> String {
    let noun = if ids.len() == 1 { "article" } else { "articles" };
    format!("{noun} {}", ids.join(", "))
}
