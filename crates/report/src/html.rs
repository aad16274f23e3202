//! The HTML report: one self-contained file. Styles are inline, charts are
//! inline SVG, nothing is scripted, and a content security policy forbids the
//! browser to fetch anything, so the report opens the same offline, from an
//! e-mail attachment or in ten years.

use stanceshift_core::{CommitmentStatus, Cue, Evidence, Shift, StancePoint};

use crate::chart::topic_chart;
use crate::escape::{html as esc, id_fragment};
use crate::model::{
    date_note, display_quote, fixed, plural, signed, window_label, ActorView, Report, TopicView, SHIFT_KINDS,
};

const STYLE: &str = include_str!("report.css");

pub(crate) fn render(report: &Report<'_>) -> String {
    let meta = report.meta;
    let mut out = String::new();
    let title = match report.actors.as_slice() {
        [only] => format!("Stance shift report: {}", only.analysis.name),
        actors => format!("Stance shift report: {}", plural(actors.len(), "actor", "actors")),
    };
    put!(out, "<!DOCTYPE html>");
    put!(out, r#"<html lang="en">"#);
    put!(out, "<head>");
    put!(out, r#"<meta charset="utf-8">"#);
    put!(out, r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#);
    // The report must never reach the network; the policy makes that a guarantee.
    put!(
        out,
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
    );
    put!(out, r#"<meta name="generator" content="stanceshift {}">"#, esc(&meta.tool_version));
    put!(out, "<title>{}</title>", esc(&title));
    put!(out, "<style>\n{STYLE}</style>");
    put!(out, "</head>");
    put!(out, "<body>");
    put!(out, "<header>");
    put!(out, "<h1>Stance shift report</h1>");
    put!(out, r#"<dl class="meta">"#);
    put!(out, "<dt>Generated from</dt><dd><code>{}</code></dd>", esc(&meta.generated_from));
    put!(out, "<dt>As of</dt><dd>{}</dd>", meta.as_of);
    put!(
        out,
        "<dt>Topic</dt><dd>{}</dd>",
        meta.topic_query.as_deref().map(esc).unwrap_or_else(|| "all topics".into())
    );
    put!(out, "<dt>Tool</dt><dd>stanceshift {}</dd>", esc(&meta.tool_version));
    put!(out, "<dt>Actors</dt><dd>{}</dd>", report.actors.len());
    put!(out, "</dl>");
    if report.actors.len() > 1 {
        put!(out, r#"<nav aria-label="Actors"><ol class="toc">"#);
        for (i, actor) in report.actors.iter().enumerate() {
            put!(
                out,
                r##"<li><a href="#{}">{}</a> <span class="muted">{}</span></li>"##,
                actor_anchor(i, actor),
                esc(&actor.analysis.name),
                esc(&plural(actor.summary.flagged(), "flagged shift", "flagged shifts"))
            );
        }
        put!(out, "</ol></nav>");
    }
    put!(out, "</header>");
    put!(out, "<main>");
    if report.actors.is_empty() {
        put!(out, r#"<p class="empty">No actor had statements to analyze.</p>"#);
    }
    for (i, actor) in report.actors.iter().enumerate() {
        render_actor(&mut out, report, actor, i);
    }
    put!(out, "</main>");
    put!(
        out,
        "<footer>Written by stanceshift {} from <code>{}</code>, as of {}. Proxy statements (spokespeople, officials, institutions) keep their literal speaker and are marked as such.</footer>",
        esc(&meta.tool_version),
        esc(&meta.generated_from),
        meta.as_of
    );
    put!(out, "</body>");
    put!(out, "</html>");
    out
}

fn actor_anchor(i: usize, actor: &ActorView<'_>) -> String {
    format!("actor-{}-{}", i + 1, id_fragment(actor.analysis.actor.as_str()))
}

fn render_actor(out: &mut String, report: &Report<'_>, actor: &ActorView<'_>, i: usize) {
    let analysis = actor.analysis;
    let anchor = actor_anchor(i, actor);
    put!(out, r#"<section class="actor" id="{anchor}" aria-labelledby="{anchor}-name">"#);
    put!(
        out,
        r#"<h2 id="{anchor}-name">{} <code class="actor-id">{}</code></h2>"#,
        esc(&analysis.name),
        esc(analysis.actor.as_str())
    );
    let summary = &actor.summary;
    put!(out, r#"<div class="cards">"#);
    let proxies = match summary.proxy_statements {
        0 => "none by proxies".to_string(),
        1 => "1 by a proxy".to_string(),
        n => format!("{n} by proxies"),
    };
    card(out, "Statements", summary.statements, &proxies);
    card(out, "Topics", summary.topics, &format!("as of {}", analysis.as_of));
    let kinds: Vec<String> = SHIFT_KINDS
        .iter()
        .filter_map(|kind| summary.changes.get(kind).map(|n| format!("{n} {}", kind.label())))
        .collect();
    let kinds = if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") };
    card(out, "Flagged shifts", summary.flagged(), &kinds);
    card(
        out,
        "Open commitments",
        summary.open(),
        &format!(
            "{} kept, {} broken, {} withdrawn",
            summary.status(CommitmentStatus::Kept),
            summary.status(CommitmentStatus::Broken),
            summary.status(CommitmentStatus::Withdrawn)
        ),
    );
    put!(out, "</div>");
    if actor.topics.is_empty() {
        put!(out, r#"<p class="empty">No statements on any topic.</p>"#);
    }
    for (j, topic) in actor.topics.iter().enumerate() {
        render_topic(out, report, actor, topic, &format!("{anchor}-t{}", j + 1));
    }
    put!(out, "</section>");
}

fn card(out: &mut String, label: &str, value: usize, detail: &str) {
    put!(
        out,
        r#"<div class="card"><span class="card-label">{}</span><b>{value}</b><span class="card-detail">{}</span></div>"#,
        esc(label),
        esc(detail)
    );
}

fn render_topic(
    out: &mut String,
    report: &Report<'_>,
    actor: &ActorView<'_>,
    topic: &TopicView<'_>,
    id: &str,
) {
    let timeline = topic.timeline;
    put!(out, r#"<section class="topic" id="{id}" aria-labelledby="{id}-label">"#);
    put!(out, r#"<h3 id="{id}-label">{}</h3>"#, esc(&timeline.topic.label));
    let terms: Vec<String> = timeline.matched_terms.iter().map(|t| format!("<q>{}</q>", esc(t))).collect();
    put!(
        out,
        r#"<p class="muted">Topic key <code>{}</code> · matched terms: {}</p>"#,
        esc(&timeline.topic.key),
        if terms.is_empty() { "none".to_string() } else { terms.join(", ") }
    );
    if let Some(svg) = topic_chart(report, actor, topic, &format!("{id}-chart")) {
        put!(out, r#"<figure class="chart-figure">"#);
        out.push_str(&svg);
        put!(
            out,
            "<figcaption>Commitment level (left axis) and tone (right axis) of each statement by date. Hollow markers are statements by proxies; arrows are flagged shifts; shaded bands are commitment windows (lighter: slack days). Every statement is listed in the table below.</figcaption>"
        );
        put!(out, "</figure>");
    }

    put!(out, "<h4>Flagged shifts</h4>");
    let changes: Vec<&Shift> = topic.changes().collect();
    if changes.is_empty() {
        put!(out, r#"<p class="empty">No flagged shifts.</p>"#);
    }
    for shift in &changes {
        render_shift(out, report, topic, shift);
    }
    let reaffirmations: Vec<String> =
        topic.shifts.iter().filter(|s| !s.kind.is_change()).map(|s| s.after.date.to_string()).collect();
    if !reaffirmations.is_empty() {
        put!(
            out,
            r#"<p class="muted">Not flagged: {} ({}).</p>"#,
            plural(reaffirmations.len(), "reaffirmation", "reaffirmations"),
            reaffirmations.join(", ")
        );
    }

    put!(out, "<h4>Timeline</h4>");
    if topic.points.is_empty() {
        put!(out, r#"<p class="empty">No statements.</p>"#);
    } else {
        put!(out, r#"<div class="table-wrap"><table class="timeline">"#);
        put!(
            out,
            "<caption>Every statement of {} on {}, in date order</caption>",
            esc(&actor.analysis.name),
            esc(&timeline.topic.label)
        );
        put!(
            out,
            r#"<thead><tr><th scope="col">Date</th><th scope="col">Speaker</th><th scope="col">Commitment</th><th scope="col">Timeframe</th><th scope="col" class="num">Tone</th><th scope="col">Quote</th><th scope="col">Source</th></tr></thead>"#
        );
        put!(out, "<tbody>");
        for point in &topic.points {
            timeline_row(out, report, topic, point);
        }
        put!(out, "</tbody></table></div>");
    }

    put!(out, "<h4>Commitment ledger</h4>");
    if topic.commitments.is_empty() {
        put!(out, r#"<p class="empty">No dated commitments.</p>"#);
    } else {
        put!(out, r#"<div class="table-wrap"><table class="ledger">"#);
        put!(out, "<caption>Commitments with a deadline window and what became of them</caption>");
        put!(
            out,
            r#"<thead><tr><th scope="col">Opened</th><th scope="col">Commitment</th><th scope="col">Due window</th><th scope="col">Status</th><th scope="col">Settled by</th></tr></thead>"#
        );
        put!(out, "<tbody>");
        for entry in &topic.commitments {
            let status = entry.status.as_str();
            let status_text = match entry.status {
                CommitmentStatus::Pending => format!("pending as of {}", entry.as_of),
                _ => status.to_string(),
            };
            let settled = match &entry.settled_by {
                Some(evidence) => evidence_brief(report, topic, evidence),
                None => "—".to_string(),
            };
            put!(
                out,
                r#"<tr><td>{}</td><td><span class="level">{}</span> <q>{}</q></td><td class="date">{}</td><td><span class="badge badge-{status}">{}</span></td><td>{}</td></tr>"#,
                evidence_brief(report, topic, &entry.opened),
                entry.opened.commitment.factbank_label(),
                esc(display_quote(&entry.opened.quote)),
                esc(&window_label(&entry.due)),
                esc(&status_text),
                settled
            );
        }
        put!(out, "</tbody></table></div>");
    }
    put!(out, "</section>");
}

fn timeline_row(out: &mut String, report: &Report<'_>, topic: &TopicView<'_>, point: &StancePoint) {
    let statement = &point.statement;
    let features = &point.features;
    let proxy = topic.is_proxy(statement);
    let mut speaker = esc(&statement.speaker.text);
    if proxy {
        let principal = report.name_of(topic.spoke_for(statement));
        let kind = statement.proxy.map(stanceshift_core::ProxyKind::label).unwrap_or("proxy");
        speaker.push_str(&format!(
            r#" <span class="proxy-tag" title="speaks for {0}">for {0} · {1}</span>"#,
            esc(principal),
            esc(kind)
        ));
    }
    let mut source = format!("<code>{}</code>", esc(&statement.id()));
    if !point.reprints.is_empty() {
        let reprints: Vec<&str> = point.reprints.iter().map(|r| r.as_str()).collect();
        source.push_str(&format!(
            r#" <span class="muted" title="{}">+{}</span>"#,
            esc(&reprints.join(", ")),
            plural(point.reprints.len(), "reprint", "reprints")
        ));
    }
    put!(
        out,
        r#"<tr{}><td class="date">{}</td><td>{speaker}</td><td><span class="level">{}</span></td><td class="timeframe">{}</td><td class="num">{}</td><td class="quote"><q>{}</q></td><td class="source">{source}</td></tr>"#,
        if proxy { r#" class="proxy-row""# } else { "" },
        match date_note(&statement.date) {
            Some(note) =>
                format!(r#"{}<br><small class="muted">{}</small>"#, statement.date.date, esc(&note)),
            None => statement.date.date.to_string(),
        },
        features.commitment.factbank_label(),
        features.timeframe.as_ref().map(|w| esc(&window_label(w))).unwrap_or_else(|| "—".into()),
        signed(features.tone, 2),
        esc(display_quote(&statement.content)),
    );
}

/// "2025-10-21 · a White House official [for Donald Trump] · a2#1".
fn evidence_brief(report: &Report<'_>, topic: &TopicView<'_>, evidence: &Evidence) -> String {
    format!(
        r#"<span class="date">{}</span> · {}{} · <code>{}#{}</code>"#,
        evidence.date,
        esc(&evidence.speaker),
        proxy_tag(report, topic, evidence),
        esc(evidence.article_id.as_str()),
        evidence.statement_index
    )
}

fn proxy_tag(report: &Report<'_>, topic: &TopicView<'_>, evidence: &Evidence) -> String {
    match topic.evidence_proxy_for(evidence) {
        Some(principal) => {
            format!(r#" <span class="proxy-tag">for {} · proxy</span>"#, esc(report.name_of(principal)))
        }
        None => String::new(),
    }
}

fn render_shift(out: &mut String, report: &Report<'_>, topic: &TopicView<'_>, shift: &Shift) {
    put!(out, r#"<article class="shift-card shift-{}">"#, shift.kind.as_str());
    put!(
        out,
        r#"<h5><span class="kind">{}</span> <span class="score">score {}</span> <span class="muted">{} → {}</span></h5>"#,
        esc(shift.kind.label()),
        fixed(shift.score, 2),
        shift.before.date,
        shift.after.date
    );
    put!(out, r#"<p class="why">{}</p>"#, esc(&shift.explanation));
    put!(out, r#"<div class="evidence">"#);
    for (label, evidence) in [("Before", &shift.before), ("After", &shift.after)] {
        put!(out, "<div>");
        put!(out, "<h6>{label}</h6>");
        let mut facts = format!(
            "{} · bytes {}–{} · <span class=\"level\">{}</span> · tone {}",
            evidence_brief(report, topic, evidence),
            evidence.span.start,
            evidence.span.end,
            evidence.commitment.factbank_label(),
            signed(evidence.tone, 2)
        );
        if let Some(window) = &evidence.timeframe {
            facts.push_str(&format!(" · timeframe {}", esc(&window_label(window))));
        }
        put!(out, r#"<p class="facts">{facts}</p>"#);
        put!(out, "<blockquote>{}</blockquote>", esc(display_quote(&evidence.quote)));
        put!(out, r#"<p class="cues">Deciding cues: {}</p>"#, cues(&evidence.cues));
        put!(out, "</div>");
    }
    put!(out, "</div>");
    put!(out, "</article>");
}

fn cues(cues: &[Cue]) -> String {
    crate::model::list_cues(cues, " ", |cue| {
        let kind = cue.kind.as_str();
        format!(
            r#"<span class="cue cue-{kind}">{kind} <q>{}</q> <small>{}–{}</small></span>"#,
            esc(&cue.text),
            cue.span.start,
            cue.span.end
        )
    })
}
