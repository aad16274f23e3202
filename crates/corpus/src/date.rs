//! Publication dates as news corpora write them.
//!
//! [`parse_date`] accepts RFC 3339 / ISO 8601 (with or without time and zone),
//! RFC 2822 and common news formats such as `13-MAR-1987 15:05:02.92`
//! (Reuters), `Oct. 21, 2025`, `October 21, 2025`, `21 October 2025`,
//! `Tuesday, October 21, 2025`, `2025/10/21`, `10/21/2025`, `21.10.2025`.
//! Numeric day/month dates are read only when unambiguous (`13/10/2025`), or
//! in the order [`DateOptions::order`] says; bare numbers as Unix time (10 or
//! 13 digits) only when [`DateOptions::unix_time`] asks for it.
//! A time zone (numeric offset, `Z`, `UTC`/`GMT` or a common abbreviation such as
//! `EST`) is kept; without one the time is taken as UTC. A date without a time
//! is midnight.

use std::sync::OnceLock;

use chrono::format::{parse, Item, Parsed, StrftimeItems};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

/// Date-and-time layouts tried after normalisation (commas removed, `Oct.` ->
/// `Oct`, weekday and ordinal suffixes dropped, zone split off). `%B` parses
/// both full and abbreviated month names, case-insensitively.
const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S%.f",
    "%Y/%m/%d %H:%M",
    "%d-%B-%Y %H:%M:%S%.f",
    "%d-%B-%Y %H:%M",
    "%B %d %Y %H:%M:%S%.f",
    "%B %d %Y %H:%M",
    "%B %d %Y %I:%M %p",
    "%B %d %Y %I:%M:%S %p",
    "%B %d %Y %I:%M%p",
    "%d %B %Y %H:%M:%S%.f",
    "%d %B %Y %H:%M",
    "%d %B %Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S%.f",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
];

/// Date-only layouts (midnight). Numeric day/month dates reach them rewritten
/// month first (see [`numeric_day_month`]).
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d", "%Y/%m/%d", "%d-%B-%Y", "%B %d %Y", "%d %B %Y", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y",
    "%Y.%m.%d",
];

/// Parses a publication date; `None` when the text is not a recognisable date.
///
/// ```
/// use stanceshift_corpus::date::parse_date;
/// let d = parse_date("Tuesday, Oct. 21, 2025").unwrap();
/// assert_eq!(d.to_rfc3339(), "2025-10-21T00:00:00+00:00");
/// let d = parse_date("2025-10-21T09:30:00-04:00").unwrap();
/// assert_eq!(d.offset().local_minus_utc(), -4 * 3600);
/// assert!(parse_date("next Tuesday").is_none());
/// ```
pub fn parse_date(input: &str) -> Option<DateTime<FixedOffset>> {
    parse_date_with(input, &DateOptions::default())
}

/// Which of day and month comes first in numeric dates such as `02/10/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonthOrder {
    /// `02/10/2025` is 2 October.
    DayFirst,
    /// `02/10/2025` is 10 February.
    MonthFirst,
}

/// How to read dates that could mean more than one thing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateOptions {
    /// Numeric day/month order; `None` accepts only dates that read one way.
    pub order: Option<DayMonthOrder>,
    /// Read bare 9-10 digit numbers as Unix seconds and 12-13 digit ones as milliseconds.
    pub unix_time: bool,
}

/// Why `input` is not a date under `opts`: ambiguous, a bare number, or not a date at all.
pub fn date_error(input: &str, opts: &DateOptions) -> crate::RecordError {
    let s = input.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let shown = crate::fields::shorten(s, 100);
    if !opts.unix_time && matches!(s.len(), 9 | 10 | 12 | 13) && s.bytes().all(|b| b.is_ascii_digit()) {
        let unix = DateOptions { unix_time: true, ..*opts };
        if parse_date_with(s, &unix).is_some() {
            return crate::RecordError::NumberDate(shown);
        }
    }
    if opts.order.is_none() {
        let (text, _) = split_zone(&normalize(s));
        if numeric_day_month(&text, None) == Some(None) {
            return crate::RecordError::AmbiguousDate(shown);
        }
    }
    crate::RecordError::BadDate(shown)
}

/// Parses a publication date as [`parse_date`] does, reading numeric day/month
/// dates and bare numbers as `opts` says.
pub fn parse_date_with(input: &str, opts: &DateOptions) -> Option<DateTime<FixedOffset>> {
    let s = input.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    // The overwhelmingly common case in JSON corpora: no normalisation needed.
    if let Ok(date) = DateTime::parse_from_rfc3339(s) {
        return plausible(date);
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_digits(s, opts.unix_time);
    }
    parse_normalized(s, opts.order).or_else(|| DateTime::parse_from_rfc2822(s).ok()).and_then(plausible)
}

fn plausible(date: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    use chrono::Datelike;
    (1000..=9999).contains(&date.year()).then_some(date)
}

/// `20251021`; with `unix_time`, Unix seconds (9-10 digits) or milliseconds (12-13 digits).
fn parse_digits(s: &str, unix_time: bool) -> Option<DateTime<FixedOffset>> {
    let utc = FixedOffset::east_opt(0)?;
    let date = match s.len() {
        8 => {
            let naive =
                NaiveDate::from_ymd_opt(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..].parse().ok()?)?;
            utc.from_utc_datetime(&naive.and_hms_opt(0, 0, 0)?)
        }
        9 | 10 | 12 | 13 if !unix_time => return None,
        9 | 10 => Utc.timestamp_opt(s.parse().ok()?, 0).single()?.with_timezone(&utc),
        12 | 13 => Utc.timestamp_millis_opt(s.parse().ok()?).single()?.with_timezone(&utc),
        _ => return None,
    };
    plausible(date)
}

fn parse_normalized(s: &str, order: Option<DayMonthOrder>) -> Option<DateTime<FixedOffset>> {
    // Cheap exits for text that cannot be a date (a title line, a sentence).
    if !s.bytes().any(|b| b.is_ascii_digit()) || s.split_whitespace().count() > 8 {
        return None;
    }
    let (mut text, offset) = split_zone(&normalize(s));
    // `02/10/2025`, `21.10.2025`: rewritten month first, or refused when the
    // order is unknown and both readings are valid dates.
    match numeric_day_month(&text, order) {
        Some(Some(rewritten)) => text = rewritten,
        Some(None) => return None,
        None => {}
    }
    let offset = match offset {
        Some(offset) => offset,
        None => FixedOffset::east_opt(0)?,
    };
    let formats = compiled_formats();
    let naive = formats
        .datetimes
        .iter()
        .find_map(|items| {
            let mut parsed = Parsed::new();
            parse(&mut parsed, &text, items.iter()).ok()?;
            parsed.to_naive_datetime_with_offset(0).ok()
        })
        .or_else(|| {
            formats.dates.iter().find_map(|items| {
                let mut parsed = Parsed::new();
                parse(&mut parsed, &text, items.iter()).ok()?;
                parsed.to_naive_date().ok()?.and_hms_opt(0, 0, 0)
            })
        })?;
    offset.from_local_datetime(&naive).single()
}

/// The format strings parsed once: chrono's `parse_from_str` re-reads the
/// format on every call, which dominated date parsing.
struct CompiledFormats {
    datetimes: Vec<Vec<Item<'static>>>,
    dates: Vec<Vec<Item<'static>>>,
}

/// For text opening with a numeric day and month (`02/10/2025 ...`,
/// `21.10.2025`): `Some(Some(text))` rewritten as `MM/DD/YYYY ...`, or
/// `Some(None)` when it is no date in `order` or, without an order, could be
/// read both ways. `None` for other text.
fn numeric_day_month(text: &str, order: Option<DayMonthOrder>) -> Option<Option<String>> {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let a_len = digits(0);
    let sep = *bytes.get(a_len)?;
    if !(1..=2).contains(&a_len) || !matches!(sep, b'/' | b'.') {
        return None;
    }
    let b_len = digits(a_len + 1);
    let year_at = a_len + 1 + b_len + 1;
    if !(1..=2).contains(&b_len)
        || bytes.get(a_len + 1 + b_len) != Some(&sep)
        || digits(year_at.min(bytes.len())) != 4
    {
        return None;
    }
    let a: u32 = text[..a_len].parse().ok()?;
    let b: u32 = text[a_len + 1..a_len + 1 + b_len].parse().ok()?;
    let valid = |month: u32, day: u32| (1..=12).contains(&month) && (1..=31).contains(&day);
    let (month, day) = match order {
        Some(DayMonthOrder::MonthFirst) => (a, b),
        Some(DayMonthOrder::DayFirst) => (b, a),
        None if a == b || !valid(b, a) => (a, b),
        None if !valid(a, b) => (b, a),
        None => return Some(None),
    };
    if !valid(month, day) {
        return Some(None);
    }
    Some(Some(format!("{month:02}/{day:02}/{}", &text[year_at..])))
}

fn compiled_formats() -> &'static CompiledFormats {
    static FORMATS: OnceLock<CompiledFormats> = OnceLock::new();
    FORMATS.get_or_init(|| {
        let compile = |formats: &[&'static str]| -> Vec<Vec<Item<'static>>> {
            formats.iter().map(|format| StrftimeItems::new(format).collect()).collect()
        };
        CompiledFormats { datetimes: compile(DATETIME_FORMATS), dates: compile(DATE_FORMATS) }
    })
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Commas become spaces, a `.` after a letter goes (`Oct.`, `a.m.`), whitespace
/// collapses, a leading weekday, ordinal suffixes (`21st`) and `Sept` are fixed.
fn normalize(s: &str) -> String {
    let mut collapsed = String::with_capacity(s.len());
    let mut prev_alpha = false;
    for c in s.chars() {
        let c = if c == ',' { ' ' } else { c };
        if c == '.' && prev_alpha {
            continue;
        }
        if c.is_whitespace() {
            if !collapsed.is_empty() && !collapsed.ends_with(' ') {
                collapsed.push(' ');
            }
        } else {
            collapsed.push(c);
        }
        prev_alpha = c.is_ascii_alphabetic();
    }
    let mut words: Vec<&str> = collapsed.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(words[0])) {
        words.remove(0);
    }
    // "October 21, 2025 at 9:30 a.m."
    words.retain(|w| !w.eq_ignore_ascii_case("at"));
    let mut out = String::with_capacity(collapsed.len());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.eq_ignore_ascii_case("sept") {
            out.push_str("Sep");
        } else {
            out.push_str(strip_ordinal(word));
        }
    }
    out
}

/// `21st` -> `21`; anything else unchanged.
fn strip_ordinal(word: &str) -> &str {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    // Digits are ASCII, so `digits` is a char boundary.
    let (number, suffix) = word.split_at(digits);
    if digits > 0 && ["st", "nd", "rd", "th"].iter().any(|s| s.eq_ignore_ascii_case(suffix)) {
        number
    } else {
        word
    }
}

/// Zone abbreviations seen in news datelines, with their offsets in hours.
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("UT", 0),
    ("Z", 0),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("BST", 1),
    ("CET", 1),
    ("CEST", 2),
];

/// Splits a trailing zone (`+04:00`, `-0400`, `Z`, `EST`, ...) off a normalised date.
fn split_zone(s: &str) -> (String, Option<FixedOffset>) {
    // A separate last word: "... 09:30 EST", "... 09:30:00 +0000".
    if let Some((rest, last)) = s.rsplit_once(' ') {
        if let Some(&(_, hours)) = ZONES.iter().find(|(name, _)| name.eq_ignore_ascii_case(last)) {
            return (rest.to_string(), FixedOffset::east_opt(hours * 3600));
        }
        if let Some(offset) = parse_offset(last) {
            return (rest.to_string(), Some(offset));
        }
    }
    // Attached to the time: "2025-10-21T09:30Z", "2025-10-21T09:30:00-04:00".
    // Only after a ':' so that the '-' of "2025-10-21" or "13-MAR-1987" is never taken.
    if let Some(colon) = s.rfind(':') {
        let tail = &s[colon..];
        if (tail.ends_with('Z') || tail.ends_with('z')) && s.len() > 1 {
            return (s[..s.len() - 1].to_string(), FixedOffset::east_opt(0));
        }
        if let Some(sign) = tail.rfind(['+', '-']) {
            let at = colon + sign;
            if let Some(offset) = parse_offset(&s[at..]) {
                return (s[..at].to_string(), Some(offset));
            }
        }
    }
    (s.to_string(), None)
}

/// `+hh`, `+hhmm` or `+hh:mm` (and `-`).
fn parse_offset(s: &str) -> Option<FixedOffset> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|&c| c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || s[1..].matches(':').count() > 1 {
        return None;
    }
    let (hours, minutes): (i32, i32) = match digits.len() {
        2 => (digits.parse().ok()?, 0),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    if hours > 18 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each input with its expected RFC 3339 rendering (zone kept, UTC by default).
    const TABLE: &[(&str, &str)] = &[
        ("2025-10-21", "2025-10-21T00:00:00+00:00"),
        ("2025-10-21T09:30:00-04:00", "2025-10-21T09:30:00-04:00"),
        ("2025-10-21T09:30:00Z", "2025-10-21T09:30:00+00:00"),
        ("2025-10-21T09:30:00.123+02:00", "2025-10-21T09:30:00.123+02:00"),
        ("2025-10-21T09:30:00", "2025-10-21T09:30:00+00:00"),
        ("2025-10-21T09:30Z", "2025-10-21T09:30:00+00:00"),
        ("2025-10-21T09:30+0530", "2025-10-21T09:30:00+05:30"),
        ("2025-10-21 09:30", "2025-10-21T09:30:00+00:00"),
        ("2025-10-21 09:30:15", "2025-10-21T09:30:15+00:00"),
        ("2025-10-21 09:30:15 +0100", "2025-10-21T09:30:15+01:00"),
        ("2025-10-21 09:30:15 UTC", "2025-10-21T09:30:15+00:00"),
        ("Tue, 21 Oct 2025 09:30:00 -0400", "2025-10-21T09:30:00-04:00"),
        ("Tue, 21 Oct 2025 09:30:00 GMT", "2025-10-21T09:30:00+00:00"),
        ("21 Oct 2025 09:30:00 +0000", "2025-10-21T09:30:00+00:00"),
        ("13-MAR-1987 15:05:02.92", "1987-03-13T15:05:02.920+00:00"),
        (" 3-MAR-1987 09:18:21.26", "1987-03-03T09:18:21.260+00:00"),
        ("13-Mar-1987", "1987-03-13T00:00:00+00:00"),
        ("Oct. 21, 2025", "2025-10-21T00:00:00+00:00"),
        ("October 21, 2025", "2025-10-21T00:00:00+00:00"),
        ("october 21 2025", "2025-10-21T00:00:00+00:00"),
        ("21 October 2025", "2025-10-21T00:00:00+00:00"),
        ("Oct 21 2025", "2025-10-21T00:00:00+00:00"),
        ("Tuesday, October 21, 2025", "2025-10-21T00:00:00+00:00"),
        ("Tuesday, Oct. 21st, 2025", "2025-10-21T00:00:00+00:00"),
        ("Sept. 3, 2025", "2025-09-03T00:00:00+00:00"),
        ("October 21, 2025 9:30 AM", "2025-10-21T09:30:00+00:00"),
        ("October 21, 2025 9:30 p.m. EDT", "2025-10-21T21:30:00-04:00"),
        ("October 21, 2025 14:05", "2025-10-21T14:05:00+00:00"),
        ("2025/10/21", "2025-10-21T00:00:00+00:00"),
        ("2025/10/21 09:30", "2025-10-21T09:30:00+00:00"),
        ("10/21/2025", "2025-10-21T00:00:00+00:00"),
        ("21/10/2025", "2025-10-21T00:00:00+00:00"),
        ("21.10.2025", "2025-10-21T00:00:00+00:00"),
        ("10/10/2025", "2025-10-10T00:00:00+00:00"),
        ("10/21/2025 09:30", "2025-10-21T09:30:00+00:00"),
        ("20251021", "2025-10-21T00:00:00+00:00"),
        ("\"2025-10-21\"", "2025-10-21T00:00:00+00:00"),
        ("2025-10-21T09:30:00.000+0000", "2025-10-21T09:30:00+00:00"),
        ("2025-10-21 09:30:00+00", "2025-10-21T09:30:00+00:00"),
        ("Mon, 20 Oct 2025 09:30:00 +0000 (UTC)", "2025-10-20T09:30:00+00:00"),
        ("Oct 21, 2025 at 9:30 a.m. PDT", "2025-10-21T09:30:00-07:00"),
        ("21 Oct. 2025", "2025-10-21T00:00:00+00:00"),
        ("OCTOBER 21, 2025", "2025-10-21T00:00:00+00:00"),
    ];

    #[test]
    fn date_table() {
        let mut failures = Vec::new();
        for (input, expected) in TABLE {
            let got = parse_date(input).map(|d| d.to_rfc3339());
            if got.as_deref() != Some(*expected) {
                failures.push(format!("{input:?}: got {got:?}, expected {expected}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn ambiguous_day_month_needs_an_order_and_numbers_need_unix_time() {
        let iso = |d: Option<DateTime<FixedOffset>>| d.map(|d| d.to_rfc3339());
        assert_eq!(parse_date("02/10/2025"), None);
        assert!(date_error("02/10/2025", &DateOptions::default()).to_string().contains("ambiguous"));
        let dmy = DateOptions { order: Some(DayMonthOrder::DayFirst), ..DateOptions::default() };
        let mdy = DateOptions { order: Some(DayMonthOrder::MonthFirst), ..DateOptions::default() };
        assert_eq!(iso(parse_date_with("02/10/2025", &dmy)).as_deref(), Some("2025-10-02T00:00:00+00:00"));
        assert_eq!(iso(parse_date_with("02/10/2025", &mdy)).as_deref(), Some("2025-02-10T00:00:00+00:00"));
        assert_eq!(
            iso(parse_date_with("02.10.2025 14:05", &dmy)).as_deref(),
            Some("2025-10-02T14:05:00+00:00")
        );
        assert_eq!(parse_date_with("13/10/2025", &mdy), None, "no 13th month");
        assert_eq!(iso(parse_date("13/10/2025")).as_deref(), Some("2025-10-13T00:00:00+00:00"));
        assert_eq!(parse_date("1761039000"), None);
        assert!(date_error("1761039000", &DateOptions::default()).to_string().contains("--unix-time"));
        let unix = DateOptions { unix_time: true, ..DateOptions::default() };
        assert_eq!(iso(parse_date_with("1761039000", &unix)).as_deref(), Some("2025-10-21T09:30:00+00:00"));
        assert_eq!(
            iso(parse_date_with("1761039000000", &unix)).as_deref(),
            Some("2025-10-21T09:30:00+00:00")
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for input in
            ["éa", "1é", "Oct é 2025", "+:", "-", ":Z", "Z", "99:99+99:99", "2025-10-21T", "٣", "21ﬆ"]
        {
            let _ = parse_date(input);
        }
        let mut x: u32 = 99;
        let alphabet: Vec<char> = "0123456789-:/.,+ TZaeOctSeptMarstndrdth\u{e9}\u{2212}".chars().collect();
        for _ in 0..20_000 {
            let len = (x % 24) as usize;
            let text: String = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    alphabet[(x >> 16) as usize % alphabet.len()]
                })
                .collect();
            let _ = parse_date(&text);
        }
    }

    #[test]
    fn rejects_non_dates() {
        for input in [
            "",
            "   ",
            "yesterday",
            "2025-13-01",
            "2025-02-30",
            "October 2025",
            "12345",
            "99999999",
            "Tuesday",
            "2025-10-21T25:00:00",
            "the president said on October 21, 2025 that",
        ] {
            assert_eq!(parse_date(input), None, "{input:?}");
        }
    }
}
