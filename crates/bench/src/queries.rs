//! The fixed query set, and how each system spells each query.
//!
//! Operands are words or phrases (an operand with a space is a phrase). Date
//! filters are whole calendar months so that the grep emulation can express
//! them exactly as prefixes of the JSONL `"date":"YYYY-MM` field.

use chrono::{Datelike, Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Single(&'static str),
    And(&'static str, &'static str),
    Or(&'static str, &'static str),
    AndNot(&'static str, &'static str),
}

/// Inclusive range of calendar months, `(year, month)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthWindow {
    pub first: (i32, u32),
    pub last: (i32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BenchQuery {
    pub shape: Shape,
    pub months: Option<MonthWindow>,
}

/// Query classes, for per-class latency figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Term,
    Phrase,
    Boolean,
    DateFiltered,
}

impl Class {
    pub const ALL: [Class; 4] = [Class::Term, Class::Phrase, Class::Boolean, Class::DateFiltered];

    pub fn label(self) -> &'static str {
        match self {
            Class::Term => "single term",
            Class::Phrase => "phrase",
            Class::Boolean => "boolean",
            Class::DateFiltered => "with date filter",
        }
    }
}

const TERMS: [&str; 14] = [
    "oil",
    "opec",
    "coffee",
    "cocoa",
    "wheat",
    "dollar",
    "tariffs",
    "yen",
    "bankruptcy",
    "merger",
    "inflation",
    "unemployment",
    "gold",
    "strike",
];

const PHRASES: [&str; 12] = [
    "interest rates",
    "trade deficit",
    "federal reserve",
    "crude oil",
    "money supply",
    "stock exchange",
    "central bank",
    "oil prices",
    "james baker",
    "exchange rate",
    "world bank",
    "united states",
];

const BOOLEANS: [Shape; 12] = [
    Shape::And("oil", "opec"),
    Shape::Or("coffee", "cocoa"),
    Shape::AndNot("wheat", "corn"),
    Shape::And("dollar", "yen"),
    Shape::And("bank", "rate"),
    Shape::Or("gold", "silver"),
    Shape::And("japan", "tariffs"),
    Shape::AndNot("tax", "oil"),
    Shape::And("merger", "bid"),
    Shape::Or("sugar", "rice"),
    Shape::And("interest rates", "inflation"),
    Shape::AndNot("crude oil", "opec"),
];

const fn months(first: (i32, u32), last: (i32, u32)) -> Option<MonthWindow> {
    Some(MonthWindow { first, last })
}

/// The 50 benchmark queries: 14 terms, 12 phrases, 12 booleans, and 12 of
/// those again restricted to a date window.
pub fn query_set() -> Vec<BenchQuery> {
    let mut set: Vec<BenchQuery> = Vec::with_capacity(50);
    set.extend(TERMS.iter().map(|t| BenchQuery { shape: Shape::Single(t), months: None }));
    set.extend(PHRASES.iter().map(|p| BenchQuery { shape: Shape::Single(p), months: None }));
    set.extend(BOOLEANS.iter().map(|&shape| BenchQuery { shape, months: None }));
    let windows = [
        months((1987, 3), (1987, 5)),
        months((1987, 6), (1987, 6)),
        months((1988, 1), (1988, 3)),
        months((1987, 9), (1987, 12)),
    ];
    let filtered = [
        Shape::Single("oil"),
        Shape::Single("coffee"),
        Shape::Single("dollar"),
        Shape::Single("inflation"),
        Shape::Single("interest rates"),
        Shape::Single("trade deficit"),
        Shape::Single("federal reserve"),
        Shape::Single("crude oil"),
        Shape::And("oil", "opec"),
        Shape::Or("coffee", "cocoa"),
        Shape::AndNot("wheat", "corn"),
        Shape::And("dollar", "yen"),
    ];
    set.extend(
        filtered
            .iter()
            .enumerate()
            .map(|(i, &shape)| BenchQuery { shape, months: windows[i % windows.len()] }),
    );
    set
}

fn is_phrase(operand: &str) -> bool {
    operand.contains(' ')
}

impl BenchQuery {
    pub fn class(&self) -> Class {
        match (self.months, self.shape) {
            (Some(_), _) => Class::DateFiltered,
            (None, Shape::Single(op)) if is_phrase(op) => Class::Phrase,
            (None, Shape::Single(_)) => Class::Term,
            (None, _) => Class::Boolean,
        }
    }

    /// The query in the tantivy query language that both stanceshift and the
    /// bare tantivy baseline parse (`AND`, `OR`, `-`, `"phrase"`).
    pub fn tantivy_text(&self) -> String {
        let q = |op: &str| if is_phrase(op) { format!("\"{op}\"") } else { op.to_owned() };
        match self.shape {
            Shape::Single(a) => q(a),
            Shape::And(a, b) => format!("{} AND {}", q(a), q(b)),
            Shape::Or(a, b) => format!("{} OR {}", q(a), q(b)),
            // `-b` rather than `AND NOT b`: tantivy's parser reads the latter
            // as a query matching nothing.
            Shape::AndNot(a, b) => format!("{} -{}", q(a), q(b)),
        }
    }

    /// The FTS5 `MATCH` expression; every operand is quoted so no word is
    /// mistaken for an FTS5 keyword.
    pub fn fts5_text(&self) -> String {
        let q = |op: &str| format!("\"{op}\"");
        match self.shape {
            Shape::Single(a) => q(a),
            Shape::And(a, b) => format!("{} AND {}", q(a), q(b)),
            Shape::Or(a, b) => format!("{} OR {}", q(a), q(b)),
            Shape::AndNot(a, b) => format!("{} NOT {}", q(a), q(b)),
        }
    }

    /// A shell pipeline counting matching JSONL lines with GNU grep: case
    /// insensitive whole-word fixed strings (`-i -w -F`), AND as a pipe, OR as
    /// two `-e` patterns, NOT as `-v`, and the date window as fixed-string
    /// prefixes of the `"date"` field. `$CORPUS` is the corpus path.
    pub fn grep_pipeline(&self) -> String {
        let word = |op: &str| format!("-e '{op}'");
        let mut stages: Vec<String> = match self.shape {
            Shape::Single(a) => vec![format!("grep -i -w -F {}", word(a))],
            Shape::And(a, b) => {
                vec![format!("grep -i -w -F {}", word(a)), format!("grep -i -w -F {}", word(b))]
            }
            Shape::Or(a, b) => vec![format!("grep -i -w -F {} {}", word(a), word(b))],
            Shape::AndNot(a, b) => {
                vec![format!("grep -i -w -F {}", word(a)), format!("grep -v -i -w -F {}", word(b))]
            }
        };
        if let Some(window) = self.months {
            let prefixes: Vec<String> =
                month_prefixes(window).iter().map(|p| format!("-e '\"date\":\"{p}'")).collect();
            stages.push(format!("grep -F {}", prefixes.join(" ")));
        }
        // The first stage reads the corpus; the last one counts.
        stages[0].push_str(" \"$CORPUS\"");
        let last = stages.len() - 1;
        stages[last] = stages[last].replacen("grep ", "grep -c ", 1);
        stages.join(" | ")
    }

    /// Inclusive first and last day of the date window.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let window = self.months?;
        let first = NaiveDate::from_ymd_opt(window.first.0, window.first.1, 1)?;
        let after_last =
            NaiveDate::from_ymd_opt(window.last.0, window.last.1, 1)?.checked_add_months(Months::new(1))?;
        Some((first, after_last.pred_opt()?))
    }

    pub fn label(&self) -> String {
        let text = self.tantivy_text();
        match self.date_range() {
            Some((from, to)) => format!("{text} [{from}..{to}]"),
            None => text,
        }
    }
}

/// `YYYY-MM` of every month in the window.
fn month_prefixes(window: MonthWindow) -> Vec<String> {
    let mut out = Vec::new();
    let Some(mut month) = NaiveDate::from_ymd_opt(window.first.0, window.first.1, 1) else {
        return out;
    };
    let Some(last) = NaiveDate::from_ymd_opt(window.last.0, window.last.1, 1) else {
        return out;
    };
    while month <= last {
        out.push(format!("{:04}-{:02}", month.year(), month.month()));
        match month.checked_add_months(Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_has_fifty_queries_in_four_classes() {
        let set = query_set();
        assert_eq!(set.len(), 50);
        let count = |c: Class| set.iter().filter(|q| q.class() == c).count();
        assert_eq!(
            [count(Class::Term), count(Class::Phrase), count(Class::Boolean), count(Class::DateFiltered)],
            [14, 12, 12, 12]
        );
    }

    #[test]
    fn each_system_spells_a_query() {
        let q =
            BenchQuery { shape: Shape::AndNot("crude oil", "opec"), months: months((1987, 11), (1988, 1)) };
        assert_eq!(q.tantivy_text(), "\"crude oil\" -opec");
        assert_eq!(q.fts5_text(), "\"crude oil\" NOT \"opec\"");
        assert_eq!(
            q.grep_pipeline(),
            "grep -i -w -F -e 'crude oil' \"$CORPUS\" | grep -v -i -w -F -e 'opec' | \
             grep -c -F -e '\"date\":\"1987-11' -e '\"date\":\"1987-12' -e '\"date\":\"1988-01'"
        );
        let range = q.date_range().unwrap();
        assert_eq!((range.0.to_string(), range.1.to_string()), ("1987-11-01".into(), "1988-01-31".into()));
        let single = BenchQuery { shape: Shape::Or("gold", "silver"), months: None };
        assert_eq!(single.grep_pipeline(), "grep -c -i -w -F -e 'gold' -e 'silver' \"$CORPUS\"");
    }
}
