//! The HTML report: one self-contained file. Styles are inline, charts are
//! inline SVG, nothing is scripted, and a content security policy forbids the
//! browser to fetch anything, so the report opens the same offline, from an
//! e-mail attachment or in ten years.

use stanceshift_core::{ArticleId, CommitmentStatus, Cue, Evidence, Shift, StancePoint};

use crate::chart::topic_chart;
use crate::escape::{html as esc, id_fragment};
use crate::model::{
    date_note, display_quote, fixed, plural, safe_url, signed, window_label, ActorView, Report, SpeakerName,
    TopicView, SHIFT_KINDS,
};

const STYLE: &str = include_str!("report.css");

pub(crate) fn render(report: &Report<'_>) -> String {
    let meta = report.meta;
    let mut out = String::new();
    let actor_count = report.actors.len() + report.one_line.len();
    let title = match report.actors.as_slice() {
        [only] if actor_count == 1 => format!("Stance shift report: {}", only.analysis.name),
        _ => format!("Stance shift report: {}", plural(actor_count, "actor", "actors")),
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
    put!(out, "<dt>Actors</dt><dd>{actor_count}</dd>");
    if let Some(min) = meta.min_score {
        put!(out, "<dt>Minimum score</dt><dd>{}</dd>", fixed(min, 2));
    }
    put!(out, "</dl>");
    put!(
        out,
        r##"<p class="muted">Short labels (CT+, PR−, withdraw, …) are explained under <a href="#how-to-read">How to read this report</a>.</p>"##
    );
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
    if actor_count == 0 {
        put!(out, r#"<p class="empty">No actor had statements to analyze.</p>"#);
    }
    if actor_count > 1 {
        render_findings(&mut out, report);
    }
    for (i, actor) in report.actors.iter().enumerate() {
        render_actor(&mut out, report, actor, i);
    }
    if !report.one_line.is_empty() {
        put!(
            out,
            r#"<section class="quiet-actors" id="without-flags"><h2>Actors without flagged shifts</h2><ul>"#
        );
        for actor in &report.one_line {
            put!(
                out,
                r#"<li><b>{}</b> <code class="actor-id">{}</code> <span class="muted">{}</span></li>"#,
                esc(&actor.analysis.name),
                esc(actor.analysis.actor.as_str()),
                esc(&crate::markdown::summary_line(&actor.summary))
            );
        }
        put!(out, "</ul></section>");
    }
    render_legend(&mut out);
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

/// The flagged shifts of every actor, strongest first, each linked to its card.
fn render_findings(out: &mut String, report: &Report<'_>) {
    put!(out, r#"<section class="findings" id="findings" aria-labelledby="findings-title">"#);
    put!(out, r#"<h2 id="findings-title">Findings</h2>"#);
    if report.findings.is_empty() {
        put!(out, r#"<p class="empty">No flagged shifts.</p></section>"#);
        return;
    }
    put!(out, r#"<div class="table-wrap"><table class="findings-table">"#);
    put!(out, "<caption>Every flagged shift, strongest first</caption>");
    put!(
        out,
        r#"<thead><tr><th scope="col" class="num">#</th><th scope="col" class="num">Score</th><th scope="col">Shift</th><th scope="col">Actor</th><th scope="col">Topic</th><th scope="col">Before → after</th></tr></thead><tbody>"#
    );
    for finding in &report.findings {
        let actor = &report.actors[finding.actor];
        let topic = &actor.topics[finding.topic];
        let shift = finding.shift;
        let anchor =
            shift_anchor(&topic_anchor(&actor_anchor(finding.actor, actor), finding.topic), finding.number);
        put!(
            out,
            r##"<tr><td class="num" data-label="#">{}</td><td class="num" data-label="Score">{}</td><td data-label="Shift"><a href="#{anchor}">{}</a></td><td data-label="Actor">{}</td><td data-label="Topic">{}</td><td class="date" data-label="Before → after">{} → {}</td></tr>"##,
            finding.rank,
            fixed(shift.score, 2),
            esc(shift.kind.label()),
            esc(&actor.analysis.name),
            esc(&topic.timeline.topic.label),
            shift.before.date,
            shift.after.date
        );
    }
    put!(out, "</tbody></table></div></section>");
}

/// What every short label means, in words.
fn render_legend(out: &mut String) {
    put!(out, r#"<section class="legend-section" id="how-to-read" aria-labelledby="how-to-read-title">"#);
    put!(out, r#"<h2 id="how-to-read-title">How to read this report</h2>"#);
    put!(out, r#"<div class="glossary">"#);
    let mut section = "";
    for (kind, label, meaning) in crate::glossary::entries() {
        if kind != section {
            if !section.is_empty() {
                put!(out, "</dl></div>");
            }
            put!(out, "<div><h3>{}</h3><dl>", esc(&crate::markdown::legend_heading(kind)));
            section = kind;
        }
        put!(out, "<dt>{}</dt><dd>{}</dd>", esc(&label), esc(meaning));
    }
    put!(out, "</dl></div></div></section>");
}

fn topic_anchor(actor_anchor: &str, topic: usize) -> String {
    format!("{actor_anchor}-t{}", topic + 1)
}

fn shift_anchor(topic_anchor: &str, number: usize) -> String {
    format!("{topic_anchor}-s{number}")
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
            "{} kept, {} broken, {} overdue, {} withdrawn",
            summary.status(CommitmentStatus::Kept),
            summary.status(CommitmentStatus::Broken),
            summary.status(CommitmentStatus::Overdue),
            summary.status(CommitmentStatus::Withdrawn)
        ),
    );
    put!(out, "</div>");
    if actor.topics.is_empty() {
        put!(out, r#"<p class="empty">No statements on any topic.</p>"#);
    }
    for (j, topic) in actor.topics.iter().enumerate() {
        render_topic(out, report, actor, topic, &topic_anchor(&anchor, j));
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
        // Scrolls sideways on a phone rather than shrinking its text away.
        put!(out, r#"<div class="chart-scroll">"#);
        out.push_str(&svg);
        put!(out, "</div>");
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
    for (number, shift) in changes.iter().enumerate() {
        render_shift(out, report, topic, shift, &shift_anchor(id, number + 1));
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
    let below = topic.below_min_score();
    if below > 0 {
        put!(
            out,
            r#"<p class="muted">Not flagged: {} below the minimum score.</p>"#,
            plural(below, "shift", "shifts")
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
                r#"<tr><td data-label="Opened">{}</td><td data-label="Commitment"><span class="level">{}</span> <q>{}</q></td><td class="date" data-label="Due window">{}</td><td data-label="Status"><span class="badge badge-{status}">{}</span></td><td data-label="Settled by">{}</td></tr>"#,
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
    let speaker = speaker_html(&report.speaker(statement), report.proxy_note(topic, statement));
    let mut source = citation(report, &statement.article_id);
    source.push_str(&format!("<code>{}</code>", esc(&statement.id())));
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
        r#"<tr{}><td class="date" data-label="Date">{}</td><td class="speaker-cell" data-label="Speaker">{speaker}</td><td data-label="Commitment"><span class="level">{}</span></td><td class="timeframe" data-label="Timeframe">{}</td><td class="num" data-label="Tone">{}</td><td class="quote" data-label="Quote"><q>{}</q></td><td class="source" data-label="Source">{source}</td></tr>"#,
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

/// "2025-10-21 · a White House official [for Trump administration · anonymous
/// official] · Outlet, “Headline” · a2#1".
fn evidence_brief(report: &Report<'_>, topic: &TopicView<'_>, evidence: &Evidence) -> String {
    format!(
        r#"<span class="date">{}</span> · {} · {}<code>{}#{}</code>"#,
        evidence.date,
        speaker_html(
            &report.evidence_speaker_name(topic, evidence),
            report.evidence_proxy_note(topic, evidence)
        ),
        citation(report, &evidence.article_id),
        esc(evidence.article_id.as_str()),
        evidence.statement_index
    )
}

/// The speaker's name, the words as written beside it (and on hover) when
/// they differ, and the proxy tag when someone spoke for the actor.
fn speaker_html(name: &SpeakerName, proxy: Option<String>) -> String {
    let mut html = match &name.as_written {
        Some(words) => format!(
            r#"<span class="speaker" title="as written: {0}">{1}</span> <small class="as-written">“{0}”</small>"#,
            esc(words),
            esc(&name.shown)
        ),
        None => format!(r#"<span class="speaker">{}</span>"#, esc(&name.shown)),
    };
    if let Some(note) = proxy {
        html.push_str(&format!(r#" <span class="proxy-tag">{}</span>"#, esc(&note)));
    }
    html
}

/// Outlet, linked headline and publication day of an article, then " · ";
/// empty when the report knows nothing of it.
fn citation(report: &Report<'_>, article: &ArticleId) -> String {
    let Some(source) = report.article(article) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(outlet) = &source.outlet {
        parts.push(format!(r#"<span class="outlet">{}</span>"#, esc(outlet)));
    }
    let url = source.url.as_deref().and_then(safe_url);
    match (&source.title, url) {
        (Some(title), Some(url)) => parts.push(format!(
            r#"<a class="headline" href="{}" rel="noopener noreferrer">{}</a>"#,
            esc(url),
            esc(title)
        )),
        (Some(title), None) => parts.push(format!(r#"<cite class="headline">{}</cite>"#, esc(title))),
        (None, Some(url)) => {
            parts.push(format!(r#"<a href="{}" rel="noopener noreferrer">link</a>"#, esc(url)))
        }
        (None, None) => {}
    }
    if let Some(day) = source.published {
        parts.push(format!(r#"<span class="date">{day}</span>"#));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!(r#"<span class="citation">{}</span> · "#, parts.join(", "))
}

fn render_shift(out: &mut String, report: &Report<'_>, topic: &TopicView<'_>, shift: &Shift, id: &str) {
    put!(out, r#"<article class="shift-card shift-{}" id="{id}">"#, shift.kind.as_str());
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

#[cfg(test)]
mod tests {
    use super::STYLE;

    /// `#rrggbb` (or `#rgb`) to relative luminance, as WCAG 2 defines it.
    fn luminance(hex: &str) -> f64 {
        let hex = hex.trim_start_matches('#');
        let hex: String =
            if hex.len() == 3 { hex.chars().flat_map(|c| [c, c]).collect() } else { hex.to_string() };
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex colour")) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// A colour value of the stylesheet: a hex literal or a `var(--name)`.
    fn resolve(value: &str) -> Option<String> {
        let value = value.trim();
        if let Some(name) = value.strip_prefix("var(").and_then(|v| v.strip_suffix(')')) {
            let at = STYLE.find(&format!("{name}:"))?;
            return resolve(STYLE[at + name.len() + 1..].split(';').next()?);
        }
        value.starts_with('#').then(|| value.to_string())
    }

    /// Every text colour the stylesheet sets (`color`, and `fill` of SVG
    /// text classes) against the backgrounds text sits on: small text needs
    /// at least 4.5:1 (WCAG AA).
    #[test]
    fn small_text_has_enough_contrast() {
        let backgrounds = ["var(--paper)", "var(--page)", "#fbfcfd", "#eef1f4"].map(|b| resolve(b).unwrap());
        let text_fill = ["text", "level", "title", "date", "label"];
        let mut checked = 0;
        for rule in STYLE.split('}') {
            let Some((selector, body)) = rule.split_once('{') else { continue };
            for declaration in body.split(';') {
                let Some((property, value)) = declaration.split_once(':') else { continue };
                let property = property.trim();
                let is_text = property == "color"
                    || (property == "fill" && text_fill.iter().any(|t| selector.contains(t)));
                let Some(colour) = resolve(value).filter(|_| is_text) else { continue };
                if selector.contains(".badge") {
                    continue; // white on the status colours, checked below
                }
                for background in &backgrounds {
                    let ratio = contrast(&colour, background);
                    assert!(
                        ratio >= 4.5,
                        "{} {property} {colour} on {background}: {ratio:.2}",
                        selector.trim()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 40, "the check found the stylesheet's colours ({checked})");
        for status in crate::model::STATUSES.map(|s| s.as_str()) {
            let colour =
                resolve(&format!("var(--{status})")).unwrap_or_else(|| panic!("no --{status} colour"));
            assert!(contrast("#ffffff", &colour) >= 4.5, "badge {status}");
        }
    }
}
