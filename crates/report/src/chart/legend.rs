//! The legend under the chart: what each swatch means.

use super::*;

/// One legend entry: what its swatch looks like and what it says.
pub(super) struct LegendItem {
    pub(super) swatch: Swatch,
    pub(super) label: String,
}

pub(super) enum Swatch {
    Point,
    ProxyPoint,
    CommitmentPath,
    Tone,
    Shift,
    Band(&'static str),
    AsOf,
}

pub(super) fn legend_items(
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

pub(super) struct Placed<'a> {
    pub(super) item: &'a LegendItem,
    pub(super) row: usize,
    pub(super) x: f64,
}

/// Flow the legend left to right, wrapping at the chart width. Text width is
/// estimated (no font metrics without a browser), generously.
pub(super) fn legend_layout(items: &[LegendItem]) -> Vec<Placed<'_>> {
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

pub(super) fn legend_svg(svg: &mut String, items: &[LegendItem], top: f64, id: &str) {
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
