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
use stanceshift_core::{Shift, StancePoint};

use crate::escape::html as esc;
use crate::model::{
    display_quote, fixed, plural, signed, window_label, ActorView, Report, TopicView, STATUSES,
};

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

/// The chart's x scale: days from `start` (inclusive) to `end` (exclusive).
struct Scale {
    start: NaiveDate,
    days: f64,
}

impl Scale {
    /// A scale covering every date the chart shows, padded so nothing sits on
    /// the frame; at least a week wide so a single day is not stretched.
    fn covering(dates: impl IntoIterator<Item = NaiveDate>) -> Option<Scale> {
        let mut dates = dates.into_iter();
        let first = dates.next()?;
        let (mut min, mut max) = (first, first);
        for date in dates {
            min = min.min(date);
            max = max.max(date);
        }
        let span = (max - min).num_days();
        let pad = (span / 25).max(1);
        let mut start = min - Duration::days(pad);
        let mut end = max + Duration::days(pad + 1);
        let short = 7 - (end - start).num_days();
        if short > 0 {
            start -= Duration::days(short / 2);
            end += Duration::days(short - short / 2);
        }
        Some(Scale { start, days: (end - start).num_days() as f64 })
    }

    /// x of a moment `fraction` into `date` (0 = its start, 0.5 = noon).
    fn x(&self, date: NaiveDate, fraction: f64) -> f64 {
        let days = (date - self.start).num_days() as f64 + fraction;
        LEFT + days / self.days * plot_width()
    }

    fn end(&self) -> NaiveDate {
        self.start + Duration::days(self.days as i64)
    }

    fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end()
    }
}

fn level_y(score: i8) -> f64 {
    TOP + f64::from(3 - score) * ROW + ROW / 2.0
}

fn tone_y(tone: f32) -> f64 {
    let tone = if tone.is_finite() { f64::from(tone).clamp(-1.0, 1.0) } else { 0.0 };
    TOP + (1.0 - tone) / 2.0 * PLOT_HEIGHT
}

/// A tick: its x position and one or two label lines.
struct Tick {
    x: f64,
    label: String,
    /// Printed under the label on the first tick and where the year changes.
    year: Option<i32>,
}

#[derive(Clone, Copy)]
enum Step {
    Days(i64),
    Months(u32),
    Years(i32),
}

const STEPS: [Step; 15] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(25),
    Step::Years(50),
    Step::Years(100),
];

/// The finest step that gives at most [`MAX_TICKS`] ticks.
fn ticks(scale: &Scale) -> Vec<Tick> {
    for step in STEPS {
        let dates = tick_dates(scale, step);
        // Daily ticks may be denser: a two-week axis reads better day by day
        // than with two weekly ticks, while five months read better as months.
        let cap = if matches!(step, Step::Days(1 | 2)) { MAX_TICKS } else { 8 };
        if dates.len() <= cap {
            let mut last_year = None;
            return dates
                .into_iter()
                .map(|date| {
                    let (label, fraction) = match step {
                        Step::Days(_) => (date.format("%b %-d").to_string(), 0.5),
                        Step::Months(_) => (date.format("%b").to_string(), 0.0),
                        Step::Years(_) => (date.format("%Y").to_string(), 0.0),
                    };
                    let year = match step {
                        Step::Years(_) => None,
                        _ if last_year != Some(date.year()) => Some(date.year()),
                        _ => None,
                    };
                    last_year = Some(date.year());
                    Tick { x: scale.x(date, fraction), label, year }
                })
                .collect();
        }
    }
    // Millennia of data: even century steps are too fine, so label the two ends.
    [scale.start, scale.end() - Duration::days(1)]
        .into_iter()
        .map(|date| Tick { x: scale.x(date, 0.5), label: date.to_string(), year: None })
        .collect()
}

fn tick_dates(scale: &Scale, step: Step) -> Vec<NaiveDate> {
    let end = scale.end();
    let mut dates = Vec::new();
    match step {
        Step::Days(n) => {
            let mut date = scale.start;
            // Weekly steps fall on Mondays, others on days counted from a fixed epoch,
            // so the same dates get the same ticks in every chart.
            while !aligned(date, n) {
                date += Duration::days(1);
            }
            while date < end {
                dates.push(date);
                if dates.len() > MAX_TICKS {
                    break;
                }
                date += Duration::days(n);
            }
        }
        Step::Months(n) => {
            let (mut year, mut month0) = (scale.start.year(), scale.start.month0());
            loop {
                if month0 % n == 0 {
                    if let Some(date) = NaiveDate::from_ymd_opt(year, month0 + 1, 1) {
                        if date >= end {
                            break;
                        }
                        if date >= scale.start {
                            dates.push(date);
                        }
                    }
                }
                if dates.len() > MAX_TICKS {
                    break;
                }
                month0 += 1;
                if month0 == 12 {
                    month0 = 0;
                    year += 1;
                }
            }
        }
        Step::Years(n) => {
            let mut year = scale.start.year();
            while let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) {
                if date >= end || dates.len() > MAX_TICKS {
                    break;
                }
                if year.rem_euclid(n) == 0 && date >= scale.start {
                    dates.push(date);
                }
                year += 1;
            }
        }
    }
    dates
}

fn aligned(date: NaiveDate, step: i64) -> bool {
    match step {
        1 => true,
        7 => date.weekday().num_days_from_monday() == 0,
        14 => date.weekday().num_days_from_monday() == 0 && date.num_days_from_ce().rem_euclid(14) < 7,
        n => i64::from(date.num_days_from_ce()).rem_euclid(n) == 0,
    }
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

/// Where a commitment window's label goes: above the plot, on the lowest row
/// where it overlaps no other label.
struct BandLabel {
    text: String,
    x: f64,
    anchor: &'static str,
    row: usize,
}

const LABEL_ROW: f64 = 16.0;

fn band_labels(scale: &Scale, topic: &TopicView<'_>) -> Vec<BandLabel> {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut labels = Vec::new();
    for entry in &topic.commitments {
        let text = format!("due {} · {}", window_label(&entry.due), entry.status.as_str());
        // Bold 11.5px text: about 6.9px a character, generously.
        let width = text.chars().count() as f64 * 6.9;
        let x0 = scale.x(entry.due.start, 0.0);
        let x2 = scale.x(entry.due.latest(), 1.0).max(x0 + 3.0);
        let (x, anchor, left) = if x0 + width > WIDTH - 4.0 {
            let right = x2.min(WIDTH - 4.0);
            (right, "end", right - width)
        } else {
            (x0, "start", x0)
        };
        let extent = (left - 6.0, left + width + 6.0);
        let free = |row: &Vec<(f64, f64)>| row.iter().all(|(a, b)| extent.1 <= *a || *b <= extent.0);
        let row = match rows.iter().position(free) {
            Some(row) => row,
            None => {
                rows.push(Vec::new());
                rows.len() - 1
            }
        };
        rows[row].push(extent);
        labels.push(BandLabel { text, x, anchor, row });
    }
    labels
}

fn bands(svg: &mut String, report: &Report<'_>, topic: &TopicView<'_>, scale: &Scale, labels: &[BandLabel]) {
    let commitments = &topic.commitments;
    if commitments.is_empty() {
        return;
    }
    put!(svg, r#"<g class="bands">"#);
    for (entry, label) in commitments.iter().zip(labels) {
        let status = entry.status.as_str();
        let x0 = scale.x(entry.due.start, 0.0);
        let x1 = scale.x(entry.due.end, 1.0).max(x0 + 3.0);
        let x2 = scale.x(entry.due.latest(), 1.0);
        let settled = entry
            .settled_by
            .as_ref()
            .map(|e| format!(", settled {} by {}", e.date, report.evidence_speaker(topic, e)))
            .unwrap_or_default();
        let tooltip = format!(
            "Commitment opened {} by {}: due {}; {status}{settled}",
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
    put!(
        svg,
        r#"<g class="as-of"><line x1="{x:.1}" y1="{TOP:.1}" x2="{x:.1}" y2="{:.1}"/><text x="{:.1}" y="{:.1}">as of {as_of}</text></g>"#,
        TOP + PLOT_HEIGHT,
        x - 4.0,
        TOP + PLOT_HEIGHT - 6.0
    );
}

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

/// Places shift labels so they overlap neither markers nor each other: the
/// first free spot among right of, left of, above and below the marker, then
/// further down; the last resort is right of the marker, overlaps and all.
struct LabelPlacer {
    taken: Vec<Rect>,
}

#[derive(Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Bold 12px text: about 7.2px a character, generously; 14px tall.
const LABEL_CHAR: f64 = 7.2;
const LABEL_HEIGHT: f64 = 14.0;

impl LabelPlacer {
    fn new(markers: impl Iterator<Item = (f64, f64)>) -> LabelPlacer {
        let taken = markers
            .map(|(x, y)| Rect {
                x0: x - RADIUS - 1.0,
                y0: y - RADIUS - 1.0,
                x1: x + RADIUS + 1.0,
                y1: y + RADIUS + 1.0,
            })
            .collect();
        LabelPlacer { taken }
    }

    /// Baseline position and anchor for a label of `chars` characters beside
    /// the marker at `(x, y)`; `prefer_right` when the arrow comes from the left.
    fn place(&mut self, (x, y): (f64, f64), prefer_right: bool, chars: usize) -> (f64, f64, &'static str) {
        let width = chars as f64 * LABEL_CHAR;
        let gap = RADIUS + 5.0;
        let right = (x + gap, y + 4.0, "start");
        let left = (x - gap, y + 4.0, "end");
        let mut candidates = if prefer_right { vec![right, left] } else { vec![left, right] };
        candidates.push((x, y - gap - 2.0, "middle"));
        candidates.push((x, y + gap + LABEL_HEIGHT - 2.0, "middle"));
        for step in 1..=4 {
            let down = y + 4.0 + step as f64 * (LABEL_HEIGHT + 2.0);
            candidates.push((right.0, down, "start"));
            candidates.push((left.0, down, "end"));
        }
        let rect = |(x, y, anchor): (f64, f64, &str)| {
            let x0 = match anchor {
                "start" => x,
                "end" => x - width,
                _ => x - width / 2.0,
            };
            Rect { x0, y0: y - LABEL_HEIGHT + 3.0, x1: x0 + width, y1: y + 3.0 }
        };
        let inside =
            |r: &Rect| r.x0 >= 0.0 && r.x1 <= WIDTH && r.y0 >= TOP - 4.0 && r.y1 <= TOP + PLOT_HEIGHT + 4.0;
        let chosen = candidates
            .iter()
            .copied()
            .find(|c| {
                let r = rect(*c);
                inside(&r) && self.taken.iter().all(|t| !t.overlaps(&r))
            })
            .unwrap_or(candidates[0]);
        self.taken.push(rect(chosen));
        chosen
    }
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

/// One legend entry: what its swatch looks like and what it says.
struct LegendItem {
    swatch: Swatch,
    label: String,
}

enum Swatch {
    Point,
    ProxyPoint,
    CommitmentPath,
    Tone,
    Shift,
    Band(&'static str),
    AsOf,
}

fn legend_items(
    actor: &ActorView<'_>,
    topic: &TopicView<'_>,
    changes: &[&Shift],
    scale: &Scale,
) -> Vec<LegendItem> {
    let mut items = vec![
        LegendItem { swatch: Swatch::Point, label: format!("statement by {}", actor.analysis.name) },
        LegendItem {
            swatch: Swatch::ProxyPoint,
            label: "statement by a proxy (spokesperson, official…)".into(),
        },
        LegendItem { swatch: Swatch::CommitmentPath, label: "commitment level (left axis)".into() },
        LegendItem { swatch: Swatch::Tone, label: "tone (right axis)".into() },
    ];
    if !changes.is_empty() {
        items.push(LegendItem { swatch: Swatch::Shift, label: "flagged shift".into() });
    }
    for status in STATUSES {
        if topic.commitments.iter().any(|c| c.status == status) {
            let name = status.as_str();
            items
                .push(LegendItem { swatch: Swatch::Band(name), label: format!("commitment window: {name}") });
        }
    }
    if scale.contains(actor.analysis.as_of) {
        items.push(LegendItem { swatch: Swatch::AsOf, label: "corpus as-of date".into() });
    }
    items
}

struct Placed<'a> {
    item: &'a LegendItem,
    row: usize,
    x: f64,
}

/// Flow the legend left to right, wrapping at the chart width. Text width is
/// estimated (no font metrics without a browser), generously.
fn legend_layout(items: &[LegendItem]) -> Vec<Placed<'_>> {
    let mut placed = Vec::new();
    let (mut row, mut x) = (0, LEFT);
    for item in items {
        let width = 30.0 + item.label.chars().count() as f64 * 6.8 + 18.0;
        if x + width > WIDTH - 8.0 && x > LEFT {
            row += 1;
            x = LEFT;
        }
        placed.push(Placed { item, row, x });
        x += width;
    }
    placed
}

fn legend_svg(svg: &mut String, items: &[LegendItem], top: f64, id: &str) {
    put!(svg, r#"<g class="legend">"#);
    for placed in legend_layout(items) {
        let y = top + placed.row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        let x = placed.x;
        let swatch = match placed.item.swatch {
            Swatch::Point => {
                format!(r#"<circle class="point" cx="{:.1}" cy="{y:.1}" r="{RADIUS:.1}"/>"#, x + 12.0)
            }
            Swatch::ProxyPoint => {
                format!(r#"<circle class="point proxy" cx="{:.1}" cy="{y:.1}" r="{RADIUS:.1}"/>"#, x + 12.0)
            }
            Swatch::CommitmentPath => {
                format!(
                    r#"<line class="commitment-path" x1="{x:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/>"#,
                    x + 24.0
                )
            }
            Swatch::Tone => format!(
                r#"<g class="tone"><line x1="{x:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><path d="M{:.1},{:.1} L{:.1},{y:.1} L{:.1},{:.1} L{:.1},{y:.1} Z"/></g>"#,
                x + 24.0,
                x + 12.0,
                y - 4.0,
                x + 16.0,
                x + 12.0,
                y + 4.0,
                x + 8.0
            ),
            Swatch::Shift => format!(
                r#"<g class="shift"><line x1="{x:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" marker-end="url(#{id}-arrow)"/></g>"#,
                x + 22.0
            ),
            Swatch::Band(status) => format!(
                r#"<rect class="band band-{status}" x="{x:.1}" y="{:.1}" width="24" height="14"/>"#,
                y - 7.0
            ),
            Swatch::AsOf => format!(
                r#"<g class="as-of"><line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/></g>"#,
                x + 12.0,
                y - 8.0,
                x + 12.0,
                y + 8.0
            ),
        };
        put!(
            svg,
            r#"{swatch}<text class="legend-label" x="{:.1}" y="{:.1}">{}</text>"#,
            x + 30.0,
            y + 4.0,
            esc(&placed.item.label)
        );
    }
    put!(svg, "</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn labels(dates: &[&str]) -> Vec<String> {
        let scale = Scale::covering(dates.iter().map(|s| d(s))).unwrap();
        ticks(&scale)
            .into_iter()
            .map(|t| match t.year {
                Some(year) => format!("{} {year}", t.label),
                None => t.label,
            })
            .collect()
    }

    #[test]
    fn ticks_pick_a_readable_step() {
        // Twelve days: two-day steps, year on the first tick only.
        assert_eq!(
            labels(&["2025-10-16", "2025-10-28"]),
            ["Oct 16 2025", "Oct 18", "Oct 20", "Oct 22", "Oct 24", "Oct 26", "Oct 28"]
        );
        // A single day still gets a week-wide axis.
        assert_eq!(labels(&["2025-10-16"]).len(), 7);
        // Half a year: months, year again where it changes.
        assert_eq!(labels(&["2025-10-02", "2026-02-20"]), ["Oct 2025", "Nov", "Dec", "Jan 2026", "Feb"]);
        // Decades: years.
        assert_eq!(
            labels(&["1990-06-01", "2020-01-01"]),
            ["1990", "1995", "2000", "2005", "2010", "2015", "2020"]
        );
    }

    #[test]
    fn ticks_never_exceed_the_maximum() {
        for (a, b) in
            [("2025-01-01", "2025-01-20"), ("2025-01-01", "2025-04-20"), ("1900-01-01", "2025-12-31")]
        {
            let scale = Scale::covering([d(a), d(b)]).unwrap();
            let ticks = ticks(&scale);
            assert!((2..=MAX_TICKS).contains(&ticks.len()), "{a}..{b}: {}", ticks.len());
            assert!(ticks.windows(2).all(|w| w[0].x < w[1].x));
        }
    }

    #[test]
    fn shift_labels_avoid_markers_and_each_other() {
        let markers = [(300.0, level_y(3)), (330.0, level_y(3)), (300.0, level_y(-2))];
        let mut placer = LabelPlacer::new(markers.into_iter());
        let first = placer.place(markers[0], true, 11);
        // Right of the first marker is taken by the second: it goes left.
        assert_eq!(first.2, "end");
        let second = placer.place(markers[1], true, 14);
        assert_eq!(second.2, "start");
        // A third label on the first marker still finds a free spot.
        placer.place(markers[0], true, 11);
        let labels = &placer.taken[markers.len()..];
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!a.overlaps(b));
            }
            for (x, y) in markers {
                let marker = Rect { x0: x - RADIUS, y0: y - RADIUS, x1: x + RADIUS, y1: y + RADIUS };
                assert!(!a.overlaps(&marker));
            }
        }
    }

    #[test]
    fn levels_and_tone_map_inside_the_plot() {
        assert_eq!(level_y(3), TOP + ROW / 2.0);
        assert_eq!(level_y(-3), TOP + PLOT_HEIGHT - ROW / 2.0);
        assert_eq!(tone_y(1.0), TOP);
        assert_eq!(tone_y(5.0), TOP);
        assert_eq!(tone_y(f32::NAN), TOP + PLOT_HEIGHT / 2.0);
    }
}
