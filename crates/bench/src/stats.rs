//! Latency summaries and plain-text tables.

use std::time::Duration;

/// Nearest-rank percentile (`p` in 0..=100) of unsorted samples; `None` when empty.
///
/// Nearest rank means the result is always one of the samples: p50 of
/// `[1, 2, 3, 4]` is 2 and p99 of 100 samples is the 99th smallest.
pub fn percentile(samples: &[Duration], p: f64) -> Option<Duration> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = ((p.clamp(0.0, 100.0) / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.saturating_sub(1)])
}

pub fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub const MB: f64 = 1e6;

/// A Markdown table; it reads fine in a terminal too, and pastes into docs as is.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let padded: Vec<String> = (0..columns)
                .map(|i| {
                    let cell = cells.get(i).map_or("", String::as_str);
                    format!("{cell:<width$}", width = widths[i])
                })
                .collect();
            format!("| {} |\n", padded.join(" | "))
        };
        let mut out = line(&self.header);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        out.push_str(&format!("|-{}-|\n", rule.join("-|-")));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// `1234567.8` -> `1,234,568`: big throughput figures stay readable.
pub fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: &[u64]) -> Vec<Duration> {
        values.iter().map(|&v| Duration::from_millis(v)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let samples = ms(&[4, 1, 3, 2]);
        assert_eq!(percentile(&samples, 50.0), Some(Duration::from_millis(2)));
        assert_eq!(percentile(&samples, 75.0), Some(Duration::from_millis(3)));
        assert_eq!(percentile(&samples, 99.0), Some(Duration::from_millis(4)));
        assert_eq!(percentile(&samples, 0.0), Some(Duration::from_millis(1)));
        let hundred: Vec<u64> = (1..=100).rev().collect();
        assert_eq!(percentile(&ms(&hundred), 99.0), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&ms(&hundred), 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn table_and_numbers_render() {
        let mut table = Table::new(&["system", "docs/s"]);
        table.row(vec!["tantivy".into(), thousands(1234567.8)]);
        assert_eq!(
            table.render(),
            "| system  | docs/s    |\n|---------|-----------|\n| tantivy | 1,234,568 |\n"
        );
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1000.0), "1,000");
    }
}
