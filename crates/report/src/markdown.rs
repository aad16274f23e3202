//! The Markdown report (GitHub-flavoured: pipe tables).

use stanceshift_core::{ArticleId, CommitmentStatus, Cue, Evidence, Shift, StancePoint};

use crate::escape::{markdown as esc, markdown_code as code};
use crate::model::{
    date_note, display_quote, fixed, plural, safe_url, signed, window_label, ActorView, Report, SpeakerName,
    Summary, TopicView, SHIFT_KINDS,
};

pub(crate) fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    let meta = report.meta;
    put!(out, "# Stance shift report\n");
    put!(out, "- Generated from: {}", code(&meta.generated_from, false));
    put!(out, "- As of: {}", meta.as_of);
    match &meta.topic_query {
        Some(topic) => put!(out, "- Topic: {}", esc(topic)),
        None => put!(out, "- Topic: all topics"),
    }
    put!(out, "- Tool: stanceshift {}", esc(&meta.tool_version));
    put!(out, "- Actors: {}", report.actors.len() + report.one_line.len());
    if let Some(min) = meta.min_score {
        put!(out, "- Minimum score: {}", fixed(min, 2));
    }
    put!(out, "\nShort labels (CT+, PR−, withdraw, …) are explained under [How to read this report](#how-to-read-this-report) at the end.");
    if report.actors.is_empty() && report.one_line.is_empty() {
        put!(out, "\nNo actor had statements to analyze.");
    }
    if report.actors.len() + report.one_line.len() > 1 {
        render_findings(&mut out, report);
    }
    for actor in &report.actors {
        render_actor(&mut out, report, actor);
    }
    if !report.one_line.is_empty() {
        put!(out, "\n## Actors without flagged shifts\n");
        for actor in &report.one_line {
            put!(
                out,
                "- {} ({}): {}",
                esc(&actor.analysis.name),
                code(actor.analysis.actor.as_str(), false),
                summary_line(&actor.summary)
            );
        }
    }
    render_legend(&mut out);
    out
}

/// The flagged shifts of every actor, strongest first.
fn render_findings(out: &mut String, report: &Report<'_>) {
    put!(out, "\n## Findings\n");
    if report.findings.is_empty() {
        put!(out, "No flagged shifts.");
        return;
    }
    put!(out, "| # | Score | Shift | Actor | Topic | Before → after | Why |");
    put!(out, "|---:|---:|---|---|---|---|---|");
    for finding in &report.findings {
        let actor = &report.actors[finding.actor];
        let topic = &actor.topics[finding.topic];
        let shift = finding.shift;
        put!(
            out,
            "| {} | {} | {} | {} | {} | {} → {} | {} |",
            finding.rank,
            fixed(shift.score, 2),
            shift.kind.label(),
            esc(&actor.analysis.name),
            esc(&topic.timeline.topic.label),
            shift.before.date,
            shift.after.date,
            esc(&shift.explanation)
        );
    }
}

fn render_legend(out: &mut String) {
    put!(out, "\n## How to read this report\n");
    put!(out, "| Label | Meaning |");
    put!(out, "|---|---|");
    let mut section = "";
    for (kind, label, meaning) in crate::glossary::entries() {
        if kind != section {
            put!(out, "| **{}** | |", esc(&legend_heading(kind)));
            section = kind;
        }
        put!(out, "| {} | {} |", esc(&label), esc(meaning));
    }
}

pub(crate) fn legend_heading(section: &str) -> String {
    match section {
        "Commitment" => "Commitment (how sure the speaker is)".into(),
        "Shift" => "Shifts (how a stance changed)".into(),
        "Ledger" => "Commitment ledger (what became of a dated promise)".into(),
        _ => "Other notation".into(),
    }
}

fn render_actor(out: &mut String, report: &Report<'_>, actor: &ActorView<'_>) {
    let analysis = actor.analysis;
    put!(out, "\n## {}\n", esc(&analysis.name));
    put!(out, "Actor id: {} · as of {}\n", code(analysis.actor.as_str(), false), analysis.as_of);
    put!(out, "**Summary:** {}", summary_line(&actor.summary));
    if actor.topics.is_empty() {
        put!(out, "\nNo statements on any topic.");
    }
    for topic in &actor.topics {
        render_topic(out, report, topic);
    }
}

/// "4 statements (2 by proxies) on 1 topic · 2 flagged shifts (1 withdraw, 1 timeline slip) · ..."
pub(crate) fn summary_line(summary: &Summary) -> String {
    let mut parts = Vec::new();
    let mut statements = plural(summary.statements, "statement", "statements");
    if summary.proxy_statements > 0 {
        let proxies = if summary.proxy_statements == 1 { "a proxy" } else { "proxies" };
        statements.push_str(&format!(" ({} by {proxies})", summary.proxy_statements));
    }
    parts.push(format!("{statements} on {}", plural(summary.topics, "topic", "topics")));
    let mut flagged = plural(summary.flagged(), "flagged shift", "flagged shifts");
    let kinds: Vec<String> = SHIFT_KINDS
        .iter()
        .filter_map(|kind| summary.changes.get(kind).map(|n| format!("{n} {}", kind.label())))
        .collect();
    if !kinds.is_empty() {
        flagged.push_str(&format!(" ({})", kinds.join(", ")));
    }
    parts.push(flagged);
    if summary.reaffirmations > 0 {
        parts.push(plural(summary.reaffirmations, "reaffirmation", "reaffirmations"));
    }
    parts.push(format!(
        "commitments: {} open, {} kept, {} broken, {} overdue, {} withdrawn",
        summary.open(),
        summary.status(CommitmentStatus::Kept),
        summary.status(CommitmentStatus::Broken),
        summary.status(CommitmentStatus::Overdue),
        summary.status(CommitmentStatus::Withdrawn),
    ));
    parts.join(" · ")
}

fn render_topic(out: &mut String, report: &Report<'_>, topic: &TopicView<'_>) {
    let timeline = topic.timeline;
    put!(out, "\n### {}\n", esc(&timeline.topic.label));
    let terms: Vec<String> = timeline.matched_terms.iter().map(|t| esc(t)).collect();
    put!(
        out,
        "Topic key: {} · matched terms: {}",
        code(&timeline.topic.key, false),
        if terms.is_empty() { "none".to_string() } else { terms.join(", ") }
    );

    put!(out, "\n#### Timeline\n");
    if topic.points.is_empty() {
        put!(out, "No statements.");
    } else {
        put!(out, "| Date | Speaker | Commitment | Timeframe | Tone | Quote | Source |");
        put!(out, "|---|---|---|---|---:|---|---|");
        for point in &topic.points {
            timeline_row(out, report, topic, point);
        }
    }

    put!(out, "\n#### Flagged shifts");
    let changes: Vec<&Shift> = topic.changes().collect();
    if changes.is_empty() {
        put!(out, "\nNo flagged shifts.");
    }
    for (number, shift) in changes.iter().enumerate() {
        render_shift(out, report, topic, number + 1, shift);
    }
    let reaffirmations: Vec<String> =
        topic.shifts.iter().filter(|s| !s.kind.is_change()).map(|s| s.after.date.to_string()).collect();
    if !reaffirmations.is_empty() {
        put!(
            out,
            "\nNot flagged: {} ({}).",
            plural(reaffirmations.len(), "reaffirmation", "reaffirmations"),
            reaffirmations.join(", ")
        );
    }
    let below = topic.below_min_score();
    if below > 0 {
        put!(out, "\nNot flagged: {} below the minimum score.", plural(below, "shift", "shifts"));
    }

    put!(out, "\n#### Commitment ledger\n");
    if topic.commitments.is_empty() {
        put!(out, "No dated commitments.");
    } else {
        put!(out, "| Opened | Speaker | Commitment | Due window | Status | Settled by |");
        put!(out, "|---|---|---|---|---|---|");
        for entry in &topic.commitments {
            let status = match entry.status {
                CommitmentStatus::Pending => format!("pending as of {}", entry.as_of),
                status => status.as_str().to_string(),
            };
            let settled = match &entry.settled_by {
                Some(evidence) => format!(
                    "{} · {} · {}{}: “{}”",
                    evidence.date,
                    speaker(
                        &report.evidence_speaker_name(topic, evidence),
                        report.evidence_proxy_note(topic, evidence)
                    ),
                    citation(report, &evidence.article_id),
                    source(evidence, true),
                    esc(display_quote(&evidence.quote))
                ),
                None => "—".to_string(),
            };
            put!(
                out,
                "| {} · {}{} | {} | {}: “{}” | {} | {} | {} |",
                entry.opened.date,
                citation(report, &entry.opened.article_id),
                source(&entry.opened, true),
                speaker(
                    &report.evidence_speaker_name(topic, &entry.opened),
                    report.evidence_proxy_note(topic, &entry.opened)
                ),
                entry.opened.commitment.factbank_label(),
                esc(display_quote(&entry.opened.quote)),
                window_label(&entry.due),
                status,
                settled
            );
        }
    }
}

fn timeline_row(out: &mut String, report: &Report<'_>, topic: &TopicView<'_>, point: &StancePoint) {
    let statement = &point.statement;
    let features = &point.features;
    let mut origin = citation(report, &statement.article_id);
    origin.push_str(&code(&statement.id(), true));
    if !point.reprints.is_empty() {
        origin.push_str(&format!(" (+{})", plural(point.reprints.len(), "reprint", "reprints")));
    }
    put!(
        out,
        "| {} | {} | {} | {} | {} | “{}” | {} |",
        match date_note(&statement.date) {
            Some(note) => format!("{} ({})", statement.date.date, esc(&note)),
            None => statement.date.date.to_string(),
        },
        speaker(&report.speaker(statement), report.proxy_note(topic, statement)),
        features.commitment.factbank_label(),
        features.timeframe.as_ref().map(window_label).unwrap_or_else(|| "—".into()),
        signed(features.tone, 2),
        esc(display_quote(&statement.content)),
        origin
    );
}

fn render_shift(out: &mut String, report: &Report<'_>, topic: &TopicView<'_>, number: usize, shift: &Shift) {
    put!(
        out,
        "\n##### {number}. {} · score {} · {} → {}\n",
        shift.kind.label(),
        fixed(shift.score, 2),
        shift.before.date,
        shift.after.date
    );
    put!(out, "Why: {}", esc(&shift.explanation));
    for (label, evidence) in [("Before", &shift.before), ("After", &shift.after)] {
        put!(out, "\n**{label}** {}\n", evidence_line(report, topic, evidence));
        put!(out, "> “{}”\n", esc(display_quote(&evidence.quote)));
        put!(out, "Deciding cues: {}", cues(&evidence.cues));
    }
}

/// "2025-10-16 · Donald Trump · `a1#0`, bytes 120–180 · CT+ · tone +0.20 · timeframe ..."
fn evidence_line(report: &Report<'_>, topic: &TopicView<'_>, evidence: &Evidence) -> String {
    let mut line = format!(
        "{} · {} · {}{}, bytes {}–{} · {} · tone {}",
        evidence.date,
        speaker(&report.evidence_speaker_name(topic, evidence), report.evidence_proxy_note(topic, evidence)),
        citation(report, &evidence.article_id),
        source(evidence, false),
        evidence.span.start,
        evidence.span.end,
        evidence.commitment.factbank_label(),
        signed(evidence.tone, 2)
    );
    if topic.evidence_proxy_for(evidence).is_some() {
        line.push_str(" · via proxy");
    }
    if let Some(window) = &evidence.timeframe {
        line.push_str(&format!(" · timeframe {}", window_label(window)));
    }
    line
}

/// "Donald Trump (“he”) (for X · spokesperson)": the name, the words as
/// written when they differ, and whom a proxy spoke for.
fn speaker(name: &SpeakerName, proxy: Option<String>) -> String {
    let mut text = esc(&name.plain());
    if let Some(note) = proxy {
        text.push_str(&format!(" ({})", esc(&note)));
    }
    text
}

/// "Valdoria Daily Courier, “Strand says …”, 2025-09-08, [link](https://…) · ":
/// what a reader needs to find the article, before its id. Empty when the
/// report knows nothing of the article.
fn citation(report: &Report<'_>, article: &ArticleId) -> String {
    let Some(source) = report.article(article) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(outlet) = &source.outlet {
        parts.push(esc(outlet));
    }
    // The headline is the link text; a link without a headline says "link".
    let url = source.url.as_deref().and_then(safe_url).map(|url| url.replace('|', "%7C"));
    match (&source.title, url) {
        (Some(title), Some(url)) => parts.push(format!("[“{}”](<{url}>)", esc(title))),
        (Some(title), None) => parts.push(format!("“{}”", esc(title))),
        (None, Some(url)) => parts.push(format!("[link](<{url}>)")),
        (None, None) => {}
    }
    if let Some(day) = source.published {
        parts.push(day.to_string());
    }
    if parts.is_empty() {
        return String::new();
    }
    format!("{} · ", parts.join(", "))
}

fn source(evidence: &Evidence, in_table: bool) -> String {
    code(&format!("{}#{}", evidence.article_id, evidence.statement_index), in_table)
}

fn cues(cues: &[Cue]) -> String {
    crate::model::list_cues(cues, "; ", |cue| {
        format!("{} “{}” (bytes {}–{})", cue.kind.as_str(), esc(&cue.text), cue.span.start, cue.span.end)
    })
}
