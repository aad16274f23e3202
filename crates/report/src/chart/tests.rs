//! Tests of the chart layout.

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
    for (a, b) in [("2025-01-01", "2025-01-20"), ("2025-01-01", "2025-04-20"), ("1900-01-01", "2025-12-31")] {
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
