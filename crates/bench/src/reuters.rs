//! A small, forgiving reader for the Reuters-21578 SGML files (`reut2-*.sgm`).
//!
//! The files are not well-formed XML (bare `&#N;` control characters, one
//! non-UTF-8 byte in `reut2-017.sgm`), so this is a tag scanner rather than
//! an XML parser: it finds each `<REUTERS ...>...</REUTERS>` block and pulls
//! out the few elements the benchmarks need.

use anyhow::{Context, Result};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::path::{Path, PathBuf};

/// One article as found in the SGML, before any replication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReutersArticle {
    pub new_id: u32,
    pub date: NaiveDateTime,
    pub title: Option<String>,
    /// City from the dateline ("SALVADOR, Feb 26 - " -> "SALVADOR").
    pub dateline_city: Option<String>,
    /// Entries of `<PLACES>`, in order.
    pub places: Vec<String>,
    pub body: String,
}

/// What a parse found, including what it had to leave out and why.
#[derive(Debug, Default)]
pub struct ParseOutcome {
    pub articles: Vec<ReutersArticle>,
    /// Blocks without a usable date or without any text.
    pub skipped: usize,
}

/// The `reut2-*.sgm` files of a Reuters-21578 directory, sorted by name.
pub fn sgml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).max_depth(1) {
        let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && name.starts_with("reut2-") && name.ends_with(".sgm") {
            files.push(entry.into_path());
        }
    }
    files.sort();
    Ok(files)
}

/// Parses every `reut2-*.sgm` file under `dir`.
pub fn read_dir(dir: &Path) -> Result<ParseOutcome> {
    let files = sgml_files(dir)?;
    anyhow::ensure!(!files.is_empty(), "no reut2-*.sgm files in {}", dir.display());
    let mut outcome = ParseOutcome::default();
    for file in files {
        let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        let part = parse_sgml(&bytes);
        outcome.articles.extend(part.articles);
        outcome.skipped += part.skipped;
    }
    Ok(outcome)
}

/// Parses the `<REUTERS>` blocks of one SGML file.
pub fn parse_sgml(bytes: &[u8]) -> ParseOutcome {
    let text = decode(bytes);
    let mut outcome = ParseOutcome::default();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("<REUTERS") {
        let after_start = &rest[start..];
        let end = after_start.find("</REUTERS>").map_or(after_start.len(), |e| e + "</REUTERS>".len());
        let block = &after_start[..end];
        rest = &after_start[end..];
        match parse_block(block) {
            Some(article) => outcome.articles.push(article),
            None => outcome.skipped += 1,
        }
    }
    outcome
}

/// UTF-8 when valid, otherwise Latin-1 (every byte is a character), so no
/// input is ever rejected.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn parse_block(block: &str) -> Option<ReutersArticle> {
    let open_tag_end = block.find('>')?;
    let new_id = attribute(&block[..open_tag_end], "NEWID")?.parse().ok()?;
    let date = parse_date(&unescape(element(block, "DATE")?))?;
    let title = element(block, "TITLE").map(|t| collapse_whitespace(&unescape(t))).filter(|t| !t.is_empty());
    let dateline_city = element(block, "DATELINE").and_then(|d| {
        let city = unescape(d);
        let city = city.split(',').next().unwrap_or("").trim();
        (!city.is_empty()).then(|| city.to_owned())
    });
    let places = element(block, "PLACES")
        .map(|p| all_elements(p, "D").map(|d| unescape(d).trim().to_owned()).collect())
        .unwrap_or_default();
    // Briefs and unprocessed stories have no <BODY>; their text is what is left of <TEXT>.
    let body = match element(block, "BODY") {
        Some(body) => unescape(body),
        None => strip_tags(element(block, "TEXT").unwrap_or("")),
    };
    let body = body.trim().to_owned();
    if body.is_empty() && title.is_none() {
        return None;
    }
    Some(ReutersArticle { new_id, date, title, dateline_city, places, body })
}

/// `NAME="value"` inside an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Content of the first `<NAME>` / `<NAME attr..>` element.
fn element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    all_elements(text, name).next()
}

fn all_elements<'a>(text: &'a str, name: &str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let start = rest.find(&open)?;
        let after_name = &rest[start + open.len()..];
        // `<D>` must not match `<DATE>`: the name has to end at '>' or whitespace.
        if !after_name.starts_with(|c: char| c == '>' || c.is_whitespace()) {
            rest = after_name;
            continue;
        }
        let content_start = after_name.find('>')? + 1;
        let content = &after_name[content_start..];
        let end = content.find(&close).unwrap_or(content.len());
        rest = &content[end..];
        return Some(&content[..end]);
    })
}

/// `26-FEB-1987 15:01:01.79`, tolerating doubled spaces and trailing junk.
fn parse_date(raw: &str) -> Option<NaiveDateTime> {
    let mut parts = raw.split_whitespace();
    let day = NaiveDate::parse_from_str(parts.next()?, "%d-%b-%Y").ok()?;
    let time = parts
        .next()
        .and_then(|t| t.get(..8))
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M:%S").ok())
        .unwrap_or(NaiveTime::MIN);
    Some(day.and_time(time))
}

/// Resolves `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#N;`; drops control
/// characters other than newline and tab (the wire codes `&#2;`, `&#3;`...).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let entity_end = tail.find(';').filter(|&e| e <= 8);
        let decoded = entity_end.and_then(|end| match &tail[1..end] {
            "lt" => Some(Some('<')),
            "gt" => Some(Some('>')),
            "amp" => Some(Some('&')),
            "quot" => Some(Some('"')),
            numeric => numeric
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .map(|n| char::from_u32(n).filter(|c| !c.is_control())),
        });
        match (decoded, entity_end) {
            (Some(c), Some(end)) => {
                out.extend(c);
                rest = &tail[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| !c.is_control() || c == '\n' || c == '\t');
    out
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Written for this test in the shape of the Reuters files: wire control
    // codes, a date with junk after it, a brief without <BODY>, a block
    // without a date, and a Latin-1 byte.
    const SNIPPET: &[u8] = b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">
<REUTERS TOPICS=\"YES\" NEWID=\"7\">
<DATE>3-MAR-1987  09:15:05.40&#5;&#5;RM</DATE>
<PLACES><D>usa</D><D>canada</D></PLACES>
<TEXT>&#2;
<TITLE>ACME &lt;ACM&gt; SAYS PROFIT UP</TITLE>
<DATELINE>    TORONTO, March 3 - </DATELINE><BODY>Acme Corp said profit rose
to 5 mln dlrs &amp; sales fell.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID=\"8\">
<DATE>4-MAR-1987 10:00:00.00</DATE>
<PLACES></PLACES>
<TEXT TYPE=\"BRIEF\">&#2;
******<TITLE>CAF\xc9 PRICES STEADY</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID=\"9\">
<DATE>not a date</DATE>
<TEXT><BODY>lost</BODY></TEXT>
</REUTERS>
";

    #[test]
    fn parses_articles_and_counts_skips() {
        let outcome = parse_sgml(SNIPPET);
        assert_eq!(outcome.skipped, 1);
        assert_eq!(outcome.articles.len(), 2);

        let acme = &outcome.articles[0];
        assert_eq!(acme.new_id, 7);
        assert_eq!(acme.date.to_string(), "1987-03-03 09:15:05");
        assert_eq!(acme.title.as_deref(), Some("ACME <ACM> SAYS PROFIT UP"));
        assert_eq!(acme.dateline_city.as_deref(), Some("TORONTO"));
        assert_eq!(acme.places, ["usa", "canada"]);
        assert_eq!(acme.body, "Acme Corp said profit rose\nto 5 mln dlrs & sales fell.\n Reuter");

        let brief = &outcome.articles[1];
        assert_eq!(brief.new_id, 8);
        assert_eq!(brief.title.as_deref(), Some("CAF\u{c9} PRICES STEADY"));
        assert_eq!(brief.dateline_city, None);
        assert!(brief.places.is_empty());
        assert_eq!(brief.body, "******CAF\u{c9} PRICES STEADY");
    }

    #[test]
    fn unescape_keeps_unknown_ampersands() {
        assert_eq!(unescape("AT&T &#65;&#1;b &bogus"), "AT&T Ab &bogus");
    }
}
