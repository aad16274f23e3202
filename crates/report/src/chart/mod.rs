//! The SVG timeline chart of one actor's stance on one topic.
//!
//! x is the statement date (labelled ticks at day, week, month or year steps,
//! whichever gives at most [`MAX_TICKS`]); the left y axis is the commitment
//! level (CT- .. CT+), the right one the tone (-1 .. +1). Commitment windows are
//! bands behind the data, flagged shifts are arrows from the earlier statement
//! to the later one, and proxy statements are hollow markers. Styling comes from
//! the page's stylesheet (classes only), so the chart carries no colours of
//! its own beyond what the legend explains.
//!
//! Every coordinate is printed with one decimal, so the output is stable.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use stanceshift_core::{CommitmentEntry, Shift, StancePoint};

use crate::escape::html as esc;
use crate::model::{
    display_quote, fixed, plural, signed, window_label, ActorView, Report, TopicView, STATUSES,
};

pub(crate) mod check;
mod labels;
mod legend;
mod scale;

use labels::*;
use legend::*;
use scale::*;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 60.0;
/// Room above the plot for commitment-window labels.
const TOP: f64 = 52.0;
const ROW: f64 = 32.0;
/// Commitment levels from the top row down: CT+ .. CT-.
const LEVELS: [(i8, &str); 7] =
    [(3, "CT+"), (2, "PR+"), (1, "PS+"), (0, "Uu"), (-1, "PS−"), (-2, "PR−"), (-3, "CT−")];
const PLOT_HEIGHT: f64 = ROW * LEVELS.len() as f64;
/// Room below the plot for tick labels (two lines: day and year).
const AXIS: f64 = 48.0;
const LEGEND_ROW: f64 = 22.0;
const MAX_TICKS: usize = 12;
const RADIUS: f64 = 6.0;
/// Horizontal spread between statements on the same day at the same level.
const JITTER: f64 = 9.0;

fn plot_width() -> f64 {
    WIDTH - LEFT - RIGHT
}

/// Where each statement is drawn, keyed by (article id, statement index), so
/// shift arrows start and end exactly on their statements' markers.
type Positions<'a> = BTreeMap<(&'a str, u32), (f64, f64)>;

fn positions<'a>(scale: &Scale, points: &[&'a StancePoint]) -> Positions<'a> {
    let mut groups: BTreeMap<(NaiveDate, i8), Vec<&StancePoint>> = BTreeMap::new();
    for point in points {
        groups.entry((point.statement.date.date, point.features.commitment.score())).or_default().push(point);
    }
    let mut positions = Positions::new();
    for ((date, score), group) in groups {
        let middle = (group.len() as f64 - 1.0) / 2.0;
        for (i, point) in group.iter().enumerate() {
            let x = scale.x(date, 0.5) + (i as f64 - middle) * JITTER;
            positions
                .insert((point.statement.article_id.as_str(), point.statement.index), (x, level_y(score)));
        }
    }
    positions
}

/// Truncate on a char boundary for tooltips.
fn clip(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let clipped: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        format!("{}…", clipped.trim_end())
    } else {
        clipped
    }
}

/// The chart, or `None` when the topic has no statements to plot.
pub(crate) fn topic_chart(
    report: &Report<'_>,
    actor: &ActorView<'_>,
    topic: &TopicView<'_>,
    id: &str,
) -> Option<String> {
    if topic.points.is_empty() {
        return None;
    }
    let changes: Vec<&Shift> = topic.changes().collect();
    let dates = topic
        .points
        .iter()
        .map(|p| p.statement.date.date)
        .chain(changes.iter().flat_map(|s| [s.before.date, s.after.date]))
        .chain(topic.commitments.iter().flat_map(|c| {
            [c.due.start, c.due.latest(), c.opened.date]
                .into_iter()
                .chain(c.settled_by.as_ref().map(|e| e.date))
        }));
    let scale = Scale::covering(dates)?;
    let positions = positions(&scale, &topic.points);
    let legend = legend_items(actor, topic, &changes, &scale);
    let legend_rows = legend_layout(&legend).last().map_or(1, |item| item.row + 1);
    let labels = band_labels(&scale, topic);
    // Band labels beyond the two rows TOP leaves room for push the chart down.
    let extra = labels.iter().map(|l| l.row + 1).max().unwrap_or(0).saturating_sub(2) as f64 * LABEL_ROW;
    let height = extra + TOP + PLOT_HEIGHT + AXIS + legend_rows as f64 * LEGEND_ROW + 8.0;

    let mut svg = String::new();
    put!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height:.0}" width="{WIDTH}" height="{height:.0}" role="img" aria-labelledby="{id}-title {id}-desc">"#
    );
    put!(svg, r#"<title id="{id}-title">{}</title>"#, esc(&title(actor, topic)));
    put!(svg, r#"<desc id="{id}-desc">{}</desc>"#, esc(&description(report, actor, topic, &changes)));
    put!(
        svg,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path class="arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>"#
    );
    put!(svg, r#"<g transform="translate(0 {extra:.0})">"#);
    frame(&mut svg, &scale);
    bands(&mut svg, report, topic, &scale, &labels);
    as_of_line(&mut svg, &scale, actor.analysis.as_of);
    paths(&mut svg, &topic.points, &positions);
    let shift_labels = shifts(&mut svg, report, topic, &changes, &positions, &scale, id);
    markers(&mut svg, report, topic, &positions);
    if !shift_labels.is_empty() {
        put!(svg, "{shift_labels}");
    }
    legend_svg(&mut svg, &legend, TOP + PLOT_HEIGHT + AXIS, id);
    put!(svg, "</g>");
    put!(svg, "</svg>");
    Some(svg)
}

fn title(actor: &ActorView<'_>, topic: &TopicView<'_>) -> String {
    format!("Stance of {} on “{}” over time", actor.analysis.name, topic.timeline.topic.label)
}

/// The text alternative: what a sighted reader takes from the chart.
fn description(
    report: &Report<'_>,
    actor: &ActorView<'_>,
    topic: &TopicView<'_>,
    changes: &[&Shift],
) -> String {
    let points = &topic.points;
    let (first, last) = (points[0], points[points.len() - 1]);
    let proxies = points.iter().filter(|p| topic.is_proxy(&p.statement)).count();
    let mut text = format!(
        "{} on {} from {} to {} ({} by proxies, drawn hollow). Commitment went from {} on {} to {} on {}.",
        plural(points.len(), "statement", "statements"),
        topic.timeline.topic.label,
        first.statement.date.date,
        last.statement.date.date,
        proxies,
        first.features.commitment.factbank_label(),
        first.statement.date.date,
        last.features.commitment.factbank_label(),
        last.statement.date.date,
    );
    if changes.is_empty() {
        text.push_str(" No flagged shifts.");
    } else {
        let listed: Vec<String> = changes
            .iter()
            .map(|s| {
                let via = if topic.evidence_proxy_for(&s.after).is_some() {
                    format!(" via {}", report.evidence_speaker(topic, &s.after))
                } else {
                    String::new()
                };
                format!("{} on {} (score {}){via}", s.kind.label(), s.after.date, fixed(s.score, 2))
            })
            .collect();
        text.push_str(&format!(" Flagged shifts: {}.", listed.join("; ")));
    }
    if !topic.commitments.is_empty() {
        let listed: Vec<String> = topic
            .commitments
            .iter()
            .map(|c| format!("{} ({})", window_label(&c.due), c.status.as_str()))
            .collect();
        text.push_str(&format!(" Commitment windows: {}.", listed.join("; ")));
    }
    text.push_str(&format!(" As of {}. The table below lists every statement.", actor.analysis.as_of));
    text
}

fn frame(svg: &mut String, scale: &Scale) {
    let (x0, x1) = (LEFT, LEFT + plot_width());
    let bottom = TOP + PLOT_HEIGHT;
    put!(
        svg,
        r#"<rect class="plot" x="{x0:.1}" y="{TOP:.1}" width="{:.1}" height="{PLOT_HEIGHT:.1}"/>"#,
        plot_width()
    );
    put!(svg, r#"<g class="grid">"#);
    for (score, _) in LEVELS {
        let y = level_y(score);
        let class = if score == 0 { "grid-zero" } else { "grid-line" };
        put!(svg, r#"<line class="{class}" x1="{x0:.1}" y1="{y:.1}" x2="{x1:.1}" y2="{y:.1}"/>"#);
    }
    let ticks = ticks(scale);
    for tick in &ticks {
        put!(
            svg,
            r#"<line class="grid-line" x1="{0:.1}" y1="{TOP:.1}" x2="{0:.1}" y2="{bottom:.1}"/>"#,
            tick.x
        );
    }
    put!(svg, "</g>");
    put!(svg, r#"<g class="axis">"#);
    for (score, label) in LEVELS {
        put!(
            svg,
            r#"<text class="level" x="{:.1}" y="{:.1}">{label}</text>"#,
            x0 - 10.0,
            level_y(score) + 4.0
        );
    }
    put!(
        svg,
        r#"<text class="axis-title" transform="translate(14 {:.1}) rotate(-90)">commitment</text>"#,
        TOP + PLOT_HEIGHT / 2.0
    );
    for (tone, label) in [(1.0, "+1"), (0.0, "0"), (-1.0, "−1")] {
        put!(
            svg,
            r#"<text class="tone-level" x="{:.1}" y="{:.1}">{label}</text>"#,
            x1 + 8.0,
            tone_y(tone) + 4.0
        );
    }
    put!(
        svg,
        r#"<text class="axis-title tone-title" transform="translate({:.1} {:.1}) rotate(90)">tone</text>"#,
        WIDTH - 12.0,
        TOP + PLOT_HEIGHT / 2.0
    );
    for tick in &ticks {
        put!(
            svg,
            r#"<line class="tick" x1="{0:.1}" y1="{bottom:.1}" x2="{0:.1}" y2="{1:.1}"/>"#,
            tick.x,
            bottom + 5.0
        );
        put!(
            svg,
            r#"<text class="date" x="{:.1}" y="{:.1}">{}</text>"#,
            tick.x,
            bottom + 19.0,
            esc(&tick.label)
        );
        if let Some(year) = tick.year {
            put!(svg, r#"<text class="date year" x="{:.1}" y="{:.1}">{year}</text>"#, tick.x, bottom + 34.0);
        }
    }
    put!(svg, "</g>");
}

fn bands(svg: &mut String, report: &Report<'_>, topic: &TopicView<'_>, scale: &Scale, labels: &[BandLabel]) {
    let commitments = &topic.commitments;
    if commitments.is_empty() {
        return;
    }
    put!(svg, r#"<g class="bands">"#);
    for ((entry, count), label) in windows(topic).into_iter().zip(labels) {
        let status = entry.status.as_str();
        let x0 = scale.x(entry.due.start, 0.0);
        let x1 = scale.x(entry.due.end, 1.0).max(x0 + 3.0);
        let x2 = scale.x(entry.due.latest(), 1.0);
        let settled = entry
            .settled_by
            .as_ref()
            .map(|e| format!(", settled {} by {}", e.date, report.evidence_speaker(topic, e)))
            .unwrap_or_default();
        let times = if count > 1 { format!(" ({count} reports of the same window)") } else { String::new() };
        let tooltip = format!(
            "Commitment opened {} by {}: due {}; {status}{settled}{times}",
            entry.opened.date,
            report.evidence_speaker(topic, &entry.opened),
            window_label(&entry.due)
        );
        put!(
            svg,
            r#"<rect class="band band-{status}" x="{x0:.1}" y="{TOP:.1}" width="{:.1}" height="{PLOT_HEIGHT:.1}"><title>{}</title></rect>"#,
            x1 - x0,
            esc(&tooltip)
        );
        if x2 > x1 {
            put!(
                svg,
                r#"<rect class="band slack band-{status}" x="{x1:.1}" y="{TOP:.1}" width="{:.1}" height="{PLOT_HEIGHT:.1}"><title>{} slack day(s)</title></rect>"#,
                x2 - x1,
                entry.due.slack_days
            );
        }
        put!(
            svg,
            r#"<text class="band-label band-text-{status}" x="{:.1}" y="{:.1}" text-anchor="{}">{}</text>"#,
            label.x,
            TOP - 8.0 - label.row as f64 * LABEL_ROW,
            label.anchor,
            esc(&label.text)
        );
    }
    put!(svg, "</g>");
}

fn as_of_line(svg: &mut String, scale: &Scale, as_of: NaiveDate) {
    if !scale.contains(as_of) {
        return;
    }
    let x = scale.x(as_of, 1.0);
    let text = format!("as of {as_of}");
    // Left of the line, unless that runs into the level labels left of the plot.
    let width = text.chars().count() as f64 * AS_OF_CHAR;
    let (label_x, anchor) = if x - 4.0 - width < LEFT + 2.0 { (x + 4.0, "start") } else { (x - 4.0, "end") };
    put!(
        svg,
        r#"<g class="as-of"><line x1="{x:.1}" y1="{TOP:.1}" x2="{x:.1}" y2="{:.1}"/><text class="as-of-label" x="{label_x:.1}" y="{:.1}" text-anchor="{anchor}">{text}</text></g>"#,
        TOP + PLOT_HEIGHT,
        TOP + PLOT_HEIGHT - 6.0
    );
}

/// 11px text: about 6.6px a character, generously.
const AS_OF_CHAR: f64 = 6.6;

/// The commitment path through the markers and the tone line.
fn paths(svg: &mut String, points: &[&StancePoint], positions: &Positions<'_>) {
    let commitment: Vec<String> = points
        .iter()
        .filter_map(|p| positions.get(&(p.statement.article_id.as_str(), p.statement.index)))
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    if commitment.len() > 1 {
        put!(svg, r#"<polyline class="commitment-path" points="{}"/>"#, commitment.join(" "));
    }
    let tones: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|p| {
            positions
                .get(&(p.statement.article_id.as_str(), p.statement.index))
                .map(|(x, _)| (*x, tone_y(p.features.tone)))
        })
        .collect();
    put!(svg, r#"<g class="tone">"#);
    if tones.len() > 1 {
        let line: Vec<String> = tones.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        put!(svg, r#"<polyline points="{}"/>"#, line.join(" "));
    }
    for (point, (x, y)) in points.iter().zip(&tones) {
        put!(
            svg,
            r#"<path d="M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z"><title>tone {}</title></path>"#,
            y - 4.0,
            x + 4.0,
            y + 4.0,
            x - 4.0,
            signed(point.features.tone, 2)
        );
    }
    put!(svg, "</g>");
}

fn shifts(
    svg: &mut String,
    report: &Report<'_>,
    topic: &TopicView<'_>,
    changes: &[&Shift],
    positions: &Positions<'_>,
    scale: &Scale,
    id: &str,
) -> String {
    let mut labels = String::new();
    if changes.is_empty() {
        return labels;
    }
    let locate = |evidence: &stanceshift_core::Evidence| {
        positions
            .get(&(evidence.article_id.as_str(), evidence.statement_index))
            .copied()
            .unwrap_or_else(|| (scale.x(evidence.date, 0.5), level_y(evidence.commitment.score())))
    };
    let mut placer = LabelPlacer::new(positions.values().copied());
    put!(svg, r#"<g class="shifts">"#);
    for shift in changes {
        let (bx, by) = locate(&shift.before);
        let (ax, ay) = locate(&shift.after);
        let tooltip = format!(
            "{} (score {}): {} — before {} {}, after {} {}",
            shift.kind.label(),
            fixed(shift.score, 2),
            shift.explanation,
            shift.before.date,
            report.evidence_speaker(topic, &shift.before),
            shift.after.date,
            report.evidence_speaker(topic, &shift.after)
        );
        put!(svg, r#"<g class="shift shift-{}"><title>{}</title>"#, shift.kind.as_str(), esc(&tooltip));
        let (dx, dy) = (ax - bx, ay - by);
        let length = (dx * dx + dy * dy).sqrt();
        if length > 2.0 * (RADIUS + 3.0) {
            // Stop short of both markers so the arrowhead stays visible.
            let (ux, uy) = (dx / length, dy / length);
            let gap = RADIUS + 3.0;
            put!(
                svg,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" marker-end="url(#{id}-arrow)"/>"#,
                bx + ux * gap,
                by + uy * gap,
                ax - ux * gap,
                ay - uy * gap
            );
        } else {
            // Same place (e.g. a tone shift on one day): a ring marks the later statement.
            put!(svg, r#"<circle class="shift-ring" cx="{ax:.1}" cy="{ay:.1}" r="{:.1}"/>"#, RADIUS + 5.0);
        }
        put!(svg, "</g>");
        // Near the later marker, where it overlaps no marker and no other
        // label. Drawn after the markers, so a neighbouring marker never hides it.
        let text = format!("{} {}", shift.kind.label(), fixed(shift.score, 2));
        let (x, y, anchor) = placer.place((ax, ay), bx <= ax, text.chars().count());
        put!(
            labels,
            r#"<text class="shift-label" x="{x:.1}" y="{y:.1}" text-anchor="{anchor}"><title>{}</title>{}</text>"#,
            esc(&tooltip),
            esc(&text)
        );
    }
    put!(svg, "</g>");
    format!(r#"<g class="shift-labels">{labels}</g>"#)
}

fn markers(svg: &mut String, report: &Report<'_>, topic: &TopicView<'_>, positions: &Positions<'_>) {
    let points = &topic.points;
    put!(svg, r#"<g class="points">"#);
    for point in points {
        let statement = &point.statement;
        let Some((x, y)) = positions.get(&(statement.article_id.as_str(), statement.index)) else {
            continue;
        };
        let class = if topic.is_proxy(statement) { "point proxy" } else { "point" };
        let tooltip = format!(
            "{} · {} · {} · tone {} · {}: “{}”",
            statement.date.date,
            report.speaker_label(topic, statement),
            point.features.commitment.factbank_label(),
            signed(point.features.tone, 2),
            statement.id(),
            clip(display_quote(&statement.content), 200)
        );
        put!(
            svg,
            r#"<circle class="{class}" cx="{x:.1}" cy="{y:.1}" r="{RADIUS:.1}"><title>{}</title></circle>"#,
            esc(&tooltip)
        );
    }
    put!(svg, "</g>");
}

#[cfg(test)]
mod tests;
