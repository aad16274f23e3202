use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A window of calendar days, inclusive at both ends, with optional slack for
/// vague bounds: "within two weeks or so" said on Oct 16 is
/// `{start: Oct 16, end: Oct 30, slack_days: 3}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateWindow {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Days past `end` that still count as on time, for hedged bounds ("or so", "about").
    #[serde(default)]
    pub slack_days: u32,
}

impl DateWindow {
    pub fn new(start: NaiveDate, end: NaiveDate) -> DateWindow {
        DateWindow { start, end, slack_days: 0 }
    }

    pub fn with_slack(mut self, slack_days: u32) -> DateWindow {
        self.slack_days = slack_days;
        self
    }

    /// The last day that still counts as within the window, slack included.
    pub fn latest(&self) -> NaiveDate {
        self.end + chrono::Duration::days(i64::from(self.slack_days))
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.latest()
    }

    /// Length in days from start to end (not counting slack).
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_extends_the_window() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let w = DateWindow::new(d("2025-10-16"), d("2025-10-30")).with_slack(3);
        assert!(w.contains(d("2025-11-02")));
        assert!(!w.contains(d("2025-11-03")));
        assert_eq!(w.days(), 14);
    }
}
