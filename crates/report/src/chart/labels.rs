//! Where labels go so that none overlaps another: commitment-window labels
//! above the plot, shift labels beside their markers.

use super::*;

/// Where a commitment window's label goes: above the plot, on the lowest row
/// where it overlaps no other label.
pub(super) struct BandLabel {
    pub(super) text: String,
    pub(super) x: f64,
    pub(super) anchor: &'static str,
    pub(super) row: usize,
}

pub(super) const LABEL_ROW: f64 = 16.0;

/// The commitment windows to draw: identical ones (same window, same
/// status: a promise reported by several articles) once, with their count,
/// so they neither stack into one dark block nor pile up three labels.
pub(super) fn windows<'a>(topic: &TopicView<'a>) -> Vec<(&'a CommitmentEntry, usize)> {
    let mut windows: Vec<(&CommitmentEntry, usize)> = Vec::new();
    for entry in &topic.commitments {
        match windows.iter_mut().find(|(seen, _)| seen.due == entry.due && seen.status == entry.status) {
            Some((_, count)) => *count += 1,
            None => windows.push((entry, 1)),
        }
    }
    windows
}

pub(super) fn band_labels(scale: &Scale, topic: &TopicView<'_>) -> Vec<BandLabel> {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut labels = Vec::new();
    for (entry, count) in windows(topic) {
        let mut text = format!("due {} · {}", window_label(&entry.due), entry.status.as_str());
        if count > 1 {
            text.push_str(&format!(" ×{count}"));
        }
        // Bold 11.5px text: about 6.9px a character, generously.
        let width = text.chars().count() as f64 * 6.9;
        let x0 = scale.x(entry.due.start, 0.0);
        let x2 = scale.x(entry.due.latest(), 1.0).max(x0 + 3.0);
        // Ending at the plot's right edge at the latest: the tone axis labels are beyond it.
        let plot_right = LEFT + plot_width();
        let (x, anchor, left) = if x0 + width > plot_right {
            let right = x2.min(plot_right);
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

/// Places shift labels so they overlap neither markers nor each other: the
/// first free spot among right of, left of, above and below the marker, then
/// further down; the last resort is right of the marker, overlaps and all.
pub(super) struct LabelPlacer {
    pub(super) taken: Vec<Rect>,
}

#[derive(Clone, Copy)]
pub(super) struct Rect {
    pub(super) x0: f64,
    pub(super) y0: f64,
    pub(super) x1: f64,
    pub(super) y1: f64,
}

impl Rect {
    pub(super) fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Bold 12px text: about 7.2px a character, generously; 14px tall.
pub(super) const LABEL_CHAR: f64 = 7.2;
pub(super) const LABEL_HEIGHT: f64 = 14.0;

impl LabelPlacer {
    pub(super) fn new(markers: impl Iterator<Item = (f64, f64)>) -> LabelPlacer {
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
    pub(super) fn place(
        &mut self,
        (x, y): (f64, f64),
        prefer_right: bool,
        chars: usize,
    ) -> (f64, f64, &'static str) {
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
        // Inside the plot: beyond it are the axis labels, and past the right
        // edge of the chart a label would be cut.
        let inside = |r: &Rect| {
            r.x0 >= LEFT
                && r.x1 <= LEFT + plot_width()
                && r.y0 >= TOP - 4.0
                && r.y1 <= TOP + PLOT_HEIGHT + 4.0
        };
        let free = |r: &Rect| self.taken.iter().all(|t| !t.overlaps(r));
        let chosen = candidates
            .iter()
            .copied()
            .find(|c| inside(&rect(*c)) && free(&rect(*c)))
            .or_else(|| candidates.iter().copied().find(|c| inside(&rect(*c))))
            .unwrap_or(candidates[0]);
        self.taken.push(rect(chosen));
        chosen
    }
}
