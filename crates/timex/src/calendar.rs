//! Calendar units ("points") and their TIMEX3 values and day ranges. All
//! arithmetic is checked: out-of-range years give `None`, never a panic.

use crate::lexicon::Unit;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Seasons as TIMEX3 writes them (`SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// First month of the season (winter starts in December of its year).
    fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }

    pub(crate) fn of_month(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// A calendar unit of some granularity: what a DATE TIMEX3 value denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Day(NaiveDate),
    /// ISO week-numbering year and week.
    Week(i32, u32),
    /// The Saturday and Sunday of an ISO week.
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// Decade as its first three digits: 198 is the 1980s.
    Decade(i32),
    /// Century as its first two digits: 19 is the 1900s.
    Century(i32),
}

/// Sensible bounds for years we normalise; outside them we do not guess.
pub(crate) fn plausible_year(year: i64) -> bool {
    (1..=9999).contains(&year)
}

pub(crate) fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

/// Adds calendar months, clamping the day to the target month's length.
pub(crate) fn add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let total = i64::from(date.year()) * 12 + i64::from(date.month0()) + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month0 = u32::try_from(total.rem_euclid(12)).ok()?;
    let last = month_last_day(year, month0 + 1)?;
    ymd(year, month0 + 1, date.day().min(last.day()))
}

pub(crate) fn month_last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 { (year.checked_add(1)?, 1) } else { (year, month + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

pub(crate) fn quarter_of(date: NaiveDate) -> u32 {
    date.month0() / 3 + 1
}

/// The most recent day (on or before `reference`) falling on `weekday`,
/// or the next one (on or after) when `future`.
pub(crate) fn weekday_near(reference: NaiveDate, weekday: Weekday, future: bool) -> Option<NaiveDate> {
    let have = i64::from(reference.weekday().num_days_from_monday());
    let want = i64::from(weekday.num_days_from_monday());
    if future {
        add_days(reference, (want - have).rem_euclid(7))
    } else {
        add_days(reference, -(have - want).rem_euclid(7))
    }
}

impl Point {
    pub(crate) fn of_day_week(date: NaiveDate) -> Point {
        let w = date.iso_week();
        Point::Week(w.year(), w.week())
    }

    /// The TIMEX3 value, e.g. `2025-10-16`, `2025-W42`, `2025-Q3`, `198`.
    pub(crate) fn value(&self) -> String {
        match *self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// First and last day covered, inclusive.
    pub(crate) fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Point::Day(d) => Some((d, d)),
            Point::Week(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                Some((monday, add_days(monday, 6)?))
            }
            Point::Weekend(y, w) => {
                let saturday = NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
                Some((saturday, add_days(saturday, 1)?))
            }
            Point::Month(y, m) => Some((ymd(y, m, 1)?, month_last_day(y, m)?)),
            Point::Quarter(y, q) => {
                let first = (q.checked_sub(1)?) * 3 + 1;
                Some((ymd(y, first, 1)?, month_last_day(y, first + 2)?))
            }
            Point::Half(y, h) => {
                let first = (h.checked_sub(1)?) * 6 + 1;
                Some((ymd(y, first, 1)?, month_last_day(y, first + 5)?))
            }
            Point::Season(y, s) => {
                let start = ymd(y, s.first_month(), 1)?;
                let end = add_days(add_months(start, 3)?, -1)?;
                Some((start, end))
            }
            Point::Year(y) => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            Point::Decade(d) => Some((ymd(d.checked_mul(10)?, 1, 1)?, ymd(d.checked_mul(10)? + 9, 12, 31)?)),
            Point::Century(c) => {
                Some((ymd(c.checked_mul(100)?, 1, 1)?, ymd(c.checked_mul(100)? + 99, 12, 31)?))
            }
        }
    }

    /// The unit `n` steps later (or earlier for negative `n`) at the same granularity.
    pub(crate) fn shift(&self, n: i64) -> Option<Point> {
        let n32 = i32::try_from(n).ok()?;
        Some(match *self {
            Point::Day(d) => Point::Day(add_days(d, n)?),
            Point::Week(..) => Point::of_day_week(add_days(self.range()?.0, n.checked_mul(7)?)?),
            Point::Weekend(..) => {
                let Point::Week(y, w) = Point::of_day_week(add_days(self.range()?.0, n.checked_mul(7)?)?)
                else {
                    return None;
                };
                Point::Weekend(y, w)
            }
            Point::Month(y, m) => {
                let d = add_months(ymd(y, m, 1)?, n)?;
                Point::Month(d.year(), d.month())
            }
            Point::Quarter(y, q) => {
                let d = add_months(ymd(y, (q.checked_sub(1)?) * 3 + 1, 1)?, n.checked_mul(3)?)?;
                Point::Quarter(d.year(), quarter_of(d))
            }
            Point::Half(y, h) => {
                let d = add_months(ymd(y, (h.checked_sub(1)?) * 6 + 1, 1)?, n.checked_mul(6)?)?;
                Point::Half(d.year(), d.month0() / 6 + 1)
            }
            Point::Season(y, s) => Point::Season(y.checked_add(n32)?, s),
            Point::Year(y) => Point::Year(y.checked_add(n32)?),
            Point::Decade(d) => Point::Decade(d.checked_add(n32)?),
            Point::Century(c) => Point::Century(c.checked_add(n32)?),
        })
    }

    /// The same unit `years` years earlier or later (a quarter a year ago, ...).
    pub(crate) fn shift_years(&self, years: i64) -> Option<Point> {
        let y = i32::try_from(years).ok()?;
        Some(match *self {
            Point::Day(d) => Point::Day(add_months(d, years.checked_mul(12)?)?),
            Point::Week(wy, w) => {
                let d = add_months(NaiveDate::from_isoywd_opt(wy, w, Weekday::Mon)?, years.checked_mul(12)?)?;
                Point::of_day_week(d)
            }
            Point::Weekend(wy, w) => Point::Weekend(wy.checked_add(y)?, w),
            Point::Month(py, m) => Point::Month(py.checked_add(y)?, m),
            Point::Quarter(py, q) => Point::Quarter(py.checked_add(y)?, q),
            Point::Half(py, h) => Point::Half(py.checked_add(y)?, h),
            Point::Season(py, s) => Point::Season(py.checked_add(y)?, s),
            Point::Year(py) => Point::Year(py.checked_add(y)?),
            Point::Decade(_) | Point::Century(_) => return None,
        })
    }

    /// The month, quarter or year containing this point, when the point is no
    /// coarser than that (a day or month gives its year; a year gives no month).
    pub(crate) fn coarsened(&self, unit: Unit) -> Option<Point> {
        let (start, end) = self.range()?;
        let point = match unit {
            Unit::Month => Point::Month(start.year(), start.month()),
            Unit::Quarter => Point::Quarter(start.year(), quarter_of(start)),
            Unit::Year => Point::Year(start.year()),
            _ => return None,
        };
        let (s, e) = point.range()?;
        (s <= start && end <= e).then_some(point)
    }

    pub(crate) fn is_day(&self) -> bool {
        matches!(self, Point::Day(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn values_and_ranges() {
        let week = Point::of_day_week(d("2025-10-21"));
        assert_eq!(week.value(), "2025-W43");
        assert_eq!(week.shift(-1).unwrap().range(), Some((d("2025-10-13"), d("2025-10-19"))));
        assert_eq!(Point::Quarter(2025, 4).shift(1), Some(Point::Quarter(2026, 1)));
        assert_eq!(Point::Season(2025, Season::Winter).range(), Some((d("2025-12-01"), d("2026-02-28"))));
        assert_eq!(Point::Decade(198).value(), "198");
        assert_eq!(add_months(d("2025-01-31"), 1), Some(d("2025-02-28")));
        assert_eq!(weekday_near(d("2025-10-21"), Weekday::Mon, false), Some(d("2025-10-20")));
        assert_eq!(weekday_near(d("2025-10-21"), Weekday::Mon, true), Some(d("2025-10-27")));
        assert_eq!(Point::Year(i32::MAX).shift(1), None);
        assert_eq!(Point::Year(i32::MAX).range(), None);
    }
}
