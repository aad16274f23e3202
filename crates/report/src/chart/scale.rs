//! The chart's x scale (dates) and y scales (commitment level, tone), and the date ticks.

use super::*;

/// The chart's x scale: days from `start` (inclusive) to `end` (exclusive).
pub(super) struct Scale {
    pub(super) start: NaiveDate,
    pub(super) days: f64,
}

impl Scale {
    /// A scale covering every date the chart shows, padded so nothing sits on
    /// the frame; at least a week wide so a single day is not stretched.
    pub(super) fn covering(dates: impl IntoIterator<Item = NaiveDate>) -> Option<Scale> {
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
    pub(super) fn x(&self, date: NaiveDate, fraction: f64) -> f64 {
        let days = (date - self.start).num_days() as f64 + fraction;
        LEFT + days / self.days * plot_width()
    }

    pub(super) fn end(&self) -> NaiveDate {
        self.start + Duration::days(self.days as i64)
    }

    pub(super) fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end()
    }
}

pub(super) fn level_y(score: i8) -> f64 {
    TOP + f64::from(3 - score) * ROW + ROW / 2.0
}

pub(super) fn tone_y(tone: f32) -> f64 {
    let tone = if tone.is_finite() { f64::from(tone).clamp(-1.0, 1.0) } else { 0.0 };
    TOP + (1.0 - tone) / 2.0 * PLOT_HEIGHT
}

/// A tick: its x position and one or two label lines.
pub(super) struct Tick {
    pub(super) x: f64,
    pub(super) label: String,
    /// Printed under the label on the first tick and where the year changes.
    pub(super) year: Option<i32>,
}

#[derive(Clone, Copy)]
pub(super) enum Step {
    Days(i64),
    Months(u32),
    Years(i32),
}

pub(super) const STEPS: [Step; 15] = [
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
pub(super) fn ticks(scale: &Scale) -> Vec<Tick> {
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

pub(super) fn tick_dates(scale: &Scale, step: Step) -> Vec<NaiveDate> {
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

pub(super) fn aligned(date: NaiveDate, step: i64) -> bool {
    match step {
        1 => true,
        7 => date.weekday().num_days_from_monday() == 0,
        14 => date.weekday().num_days_from_monday() == 0 && date.num_days_from_ce().rem_euclid(14) < 7,
        n => i64::from(date.num_days_from_ce()).rem_euclid(n) == 0,
    }
}
