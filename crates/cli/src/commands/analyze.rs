//! `stanceshift analyze --actor NAME`: an actor's stance shifts, one row per
//! flagged shift, with the two statements that show it. Exit 0 when shifts
//! were found, 1 when none.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use clap::Args;
use stanceshift_core::{ActorAnalysis, ActorId, Evidence, Shift, Statement};

use crate::args::AnalysisScope;
use crate::config::Settings;
use crate::exit::Status;
use crate::session::Corpus;
use crate::terminal::{self, clip, counted, unquoted, Color};

#[derive(Debug, Args)]
#[command(after_help = "Exit status: 0 when shifts were flagged, 1 when none were, 2 on error.\n\
    Pass the same --actors file the index was built with: it says whom spokespeople and offices speak for.")]
pub struct AnalyzeArgs {
    /// Actor id, name or alias ("donald-trump", "Donald Trump", "Trump")
    #[arg(long, value_name = "NAME")]
    pub actor: String,
    #[command(flatten)]
    pub scope: AnalysisScope,
    /// Print the analysis as a JSON report (schema stanceshift.report/v1) instead of a table
    #[arg(long)]
    pub json: bool,
    /// Also list the pairs of statements compared but not flagged, and why not
    #[arg(long)]
    pub explain: bool,
}

pub fn run(args: AnalyzeArgs, settings: Settings) -> Result<Status> {
    let corpus = Corpus::open(&settings, args.scope.to)?;
    let actor = corpus.resolve(&args.actor)?;
    let statements = corpus.statements_for(&actor, args.scope.from, args.scope.to)?;
    let analysis = corpus.analyze(&actor, &statements, args.scope.topic.as_deref());
    let flagged: Vec<(&str, &Shift)> = analysis
        .topics
        .iter()
        .flat_map(|t| t.shifts.iter().map(move |s| (t.topic.label.as_str(), s)))
        .filter(|(_, s)| s.kind.is_change())
        .collect();
    if args.json {
        let meta = corpus.meta(&settings, args.scope.topic.clone());
        out!("{}", stanceshift_report::json(std::slice::from_ref(&analysis), &meta));
        return Ok(Status::found(!flagged.is_empty()));
    }
    let statements_on_topics: BTreeSet<(&str, u32)> = analysis
        .topics
        .iter()
        .flat_map(|t| &t.points)
        .map(|p| (p.statement.article_id.as_str(), p.statement.index))
        .collect();
    let summary = format!(
        "{} ({}): {}, {} on {}; {}; as of {}",
        analysis.name,
        actor,
        counted(statements.len() as u64, "statement", "statements"),
        statements_on_topics.len(),
        counted(analysis.topics.len() as u64, "topic", "topics"),
        counted(flagged.len() as u64, "flagged shift", "flagged shifts"),
        analysis.as_of
    );
    if args.explain {
        out!("{}", explain_unflagged(&analysis));
    }
    if flagged.is_empty() {
        if !settings.quiet {
            eprintln!("no flagged shifts: {summary}");
            if statements.is_empty() {
                eprintln!("{}", corpus.no_statements_hint(&actor)?);
            }
        }
        return Ok(Status::NothingFound);
    }
    if !settings.quiet {
        outln!("{summary}\n");
    }
    let proxies = ProxyLookup::new(&analysis);
    out!("{}", shift_table(&flagged, &proxies, settings.color));
    if !settings.quiet {
        outln!(
            "\n[proxy] = said for {} by someone else (spokesperson, official, institution). \
             Full evidence: stanceshift report --actor {:?} -o report.html",
            analysis.name,
            args.actor
        );
    }
    Ok(Status::Success)
}

/// Which cited statements were a proxy's: anyone but the actor speaking.
struct ProxyLookup<'a> {
    actor: &'a ActorId,
    statements: BTreeMap<(&'a str, u32), &'a Statement>,
}

impl<'a> ProxyLookup<'a> {
    fn new(analysis: &'a ActorAnalysis) -> ProxyLookup<'a> {
        let statements = analysis
            .topics
            .iter()
            .flat_map(|t| &t.points)
            .map(|p| ((p.statement.article_id.as_str(), p.statement.index), &p.statement))
            .collect();
        ProxyLookup { actor: &analysis.actor, statements }
    }

    fn is_proxy(&self, evidence: &Evidence) -> bool {
        match self.statements.get(&(evidence.article_id.as_str(), evidence.statement_index)) {
            Some(statement) => statement.speaker.actor.as_ref() != Some(self.actor),
            None => evidence.proxy_for.is_some(),
        }
    }
}

const QUOTE_CHARS: usize = 44;
const SPEAKER_CHARS: usize = 28;

/// The flagged shifts as an aligned plain-text table, as wide as the terminal allows.
fn shift_table(flagged: &[(&str, &Shift)], proxies: &ProxyLookup<'_>, color: Color) -> String {
    let cell = |e: &Evidence| {
        let marker = if proxies.is_proxy(e) { "[proxy] " } else { "" };
        format!(
            "{} {marker}{}: “{}”",
            e.date,
            clip(&e.speaker, SPEAKER_CHARS),
            clip(unquoted(&e.quote), QUOTE_CHARS)
        )
    };
    let mut rows = vec![["KIND", "SCORE", "TOPIC", "BEFORE", "AFTER"].map(String::from).to_vec()];
    for (topic, shift) in flagged {
        rows.push(vec![
            shift.kind.as_str().to_string(),
            format!("{:.2}", shift.score),
            topic.to_string(),
            cell(&shift.before),
            cell(&shift.after),
        ]);
    }
    terminal::table(&rows, terminal::width(), color)
}

/// `--explain`: every compared pair that was not flagged, with the reason and both quotes.
fn explain_unflagged(analysis: &ActorAnalysis) -> String {
    let mut out = String::new();
    for topic in &analysis.topics {
        for pair in &topic.unflagged {
            let (b, a) = (&pair.shift.before, &pair.shift.after);
            out.push_str(&format!(
                "not flagged  {} ({}) on {:?}: {} — {}\n  before {} {}#{}: {}\n  after  {} {}#{}: {}\n",
                pair.shift.kind.as_str(),
                pair.shift.score,
                topic.topic.label,
                pair.reason.as_str(),
                pair.detail,
                b.date,
                b.article_id,
                b.statement_index,
                clip(&b.quote, 90),
                a.date,
                a.article_id,
                a.statement_index,
                clip(&a.quote, 90),
            ));
        }
    }
    if out.is_empty() {
        out.push_str("not flagged: no compared pair was turned down\n");
    }
    out.push('\n');
    out
}
