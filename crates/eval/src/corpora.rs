//! The real corpora the hand-built golds point into, read where they are.
//!
//! Our gold files (`data/gold/*.tsv`) hold only article ids and byte offsets;
//! the text stays in the shared data directory. Articles are read exactly as
//! `scripts/export-real-corpora.py` exports them, so ids and offsets agree
//! with what `stanceshift index` and `extract` see on those exports:
//! - PolNeAR: `polnear/data/{train,dev}/text/<stem>.txt`, id `polnear-<stem>`,
//!   dated by `metadata.tsv` (else the date in the file name), body verbatim.
//! - Reuters-21578: `reuters21578/reut2-*.sgm` (Latin-1 SGML), id
//!   `reuters-<NEWID>`, dated by `<DATE>`, body the unescaped `<BODY>` (else
//!   the tag-stripped `<TEXT>`), control characters but newline and tab
//!   dropped, trimmed; the title when there is no body.

use crate::{Error, Result};
use chrono::NaiveDate;
use stanceshift_core::{Article, ArticleId};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A corpus a gold row points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Corpus {
    PolNear,
    Reuters,
}

impl Corpus {
    pub fn parse(name: &str) -> Option<Corpus> {
        match name {
            "polnear" => Some(Corpus::PolNear),
            "reuters" => Some(Corpus::Reuters),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Corpus::PolNear => "polnear",
            Corpus::Reuters => "reuters",
        }
    }

    /// Where the corpus lives under the shared data directory.
    pub fn home(self, data: &Path) -> PathBuf {
        match self {
            Corpus::PolNear => data.join("polnear").join("data"),
            Corpus::Reuters => data.join("reuters21578"),
        }
    }

    /// Every article of the corpus (PolNeAR: train and dev), in id order; empty
    /// when the corpus is absent.
    pub fn articles(self, data: &Path) -> Result<Vec<Article>> {
        let home = self.home(data);
        if !home.exists() {
            return Ok(Vec::new());
        }
        let mut out = match self {
            Corpus::PolNear => polnear(&home)?,
            Corpus::Reuters => reuters(&home)?,
        };
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

fn dated(id: String, date: NaiveDate, title: Option<String>, body: String) -> Option<Article> {
    let datetime = date.and_hms_opt(0, 0, 0)?.and_utc().fixed_offset();
    let article = Article::new(datetime, body).with_id(ArticleId::new(id));
    Some(match title {
        Some(title) => article.with_title(title),
        None => article,
    })
}

fn polnear(home: &Path) -> Result<Vec<Article>> {
    let mut dates: BTreeMap<String, NaiveDate> = BTreeMap::new();
    let metadata = home.join("metadata.tsv");
    if metadata.exists() {
        let text = String::from_utf8_lossy(&read(&metadata)?).into_owned();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let column = |name: &str| header.iter().position(|h| *h == name);
        if let (Some(file), Some(date)) = (column("filename"), column("publication_date")) {
            for line in lines {
                let fields: Vec<&str> = line.split('\t').collect();
                let parsed = fields.get(date).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                if let (Some(name), Some(day)) = (fields.get(file), parsed) {
                    dates.insert((*name).to_string(), day);
                }
            }
        }
    }
    let mut out = Vec::new();
    for split in ["train", "dev"] {
        let Ok(entries) = std::fs::read_dir(home.join(split).join("text")) else { continue };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let from_name =
                stem.split('_').nth(1).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let Some(date) = dates.get(&stem).copied().or(from_name) else { continue };
            let body = String::from_utf8_lossy(&read(&path)?).into_owned();
            out.extend(dated(format!("polnear-{stem}"), date, None, body));
        }
    }
    Ok(out)
}

fn reuters(home: &Path) -> Result<Vec<Article>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(home)
        .map_err(|source| Error::Io { path: home.to_path_buf(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("reut2-") && n.ends_with(".sgm"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        // Latin-1: every byte is the code point of the same value.
        let raw: String = read(&file)?.into_iter().map(char::from).collect();
        let mut rest = raw.as_str();
        while let Some(start) = rest.find("<REUTERS") {
            let Some(len) = rest[start..].find("</REUTERS>") else { break };
            let block = &rest[start..start + len];
            rest = &rest[start + len..];
            out.extend(reuters_article(block));
        }
    }
    Ok(out)
}

fn reuters_article(block: &str) -> Option<Article> {
    let new_id = attribute(block, "NEWID")?;
    let date_raw = unescape(element(block, "DATE")?);
    let date = NaiveDate::parse_from_str(date_raw.split_whitespace().next()?, "%d-%b-%Y").ok()?;
    let title = element(block, "TITLE").map(|t| unescape(t).split_whitespace().collect::<Vec<_>>().join(" "));
    let body = match element(block, "BODY") {
        Some(body) => body.to_string(),
        None => strip_tags(element(block, "TEXT").unwrap_or_default()),
    };
    let body = unescape(&body).trim().to_string();
    let body = match (body.is_empty(), &title) {
        (false, _) => body,
        (true, Some(title)) if !title.is_empty() => title.clone(),
        _ => return None,
    };
    dated(format!("reuters-{new_id}"), date, title.filter(|t| !t.is_empty()), body)
}

fn attribute<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = block.find(&key)? + key.len();
    let len = block[at..].find('"')?;
    Some(&block[at..at + len])
}

/// The text of the first `<name>` or `<name attrs>` element.
fn element<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(at) = block[from..].find(&open) {
        let after = from + at + open.len();
        match block[after..].chars().next() {
            Some('>') => {
                let start = after + 1;
                let end = block[start..].find(&format!("</{name}>"))?;
                return Some(&block[start..start + end]);
            }
            Some(c) if c.is_whitespace() => {
                let start = after + block[after..].find('>')? + 1;
                let end = block[start..].find(&format!("</{name}>"))?;
                return Some(&block[start..start + end]);
            }
            _ => from = after,
        }
    }
    None
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match (in_tag, c) {
            (false, '<') => in_tag = true,
            (true, '>') => {
                in_tag = false;
                out.push(' ');
            }
            (false, c) => out.push(c),
            (true, _) => {}
        }
    }
    out
}

/// The HTML entities Reuters uses (`&lt;`, `&gt;`, `&amp;`, `&#N;`), as
/// Python's `html.unescape` reads them (control code points vanish), then
/// every control character but newline and tab dropped.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = rest.find(';').filter(|&end| end <= 8).map(|end| (&rest[1..end], end));
        let decoded = entity.and_then(|(name, end)| {
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                _ => name.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()).and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| c == '\n' || c == '\t' || !(c.is_control() && (c as u32) < 0xa0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_reuters_block_as_the_export_does() {
        let block = "<REUTERS TOPICS=\"NO\" NEWID=\"7\">\n<DATE> 3-MAR-1987 09:10:11.00</DATE>\n<TEXT>&#2;\n<TITLE>RATE &lt;CUT&gt;</TITLE>\n<BODY>Officials said rates &amp; fees fell.\n&#3;</BODY></TEXT>";
        let article = reuters_article(block).unwrap();
        assert_eq!(article.id.as_str(), "reuters-7");
        assert_eq!(article.date.date_naive(), NaiveDate::from_ymd_opt(1987, 3, 3).unwrap());
        assert_eq!(article.title.as_deref(), Some("RATE <CUT>"));
        assert_eq!(article.body, "Officials said rates & fees fell.");
    }

    #[test]
    fn a_reuters_block_without_body_takes_its_stripped_text() {
        let block =
            "<REUTERS NEWID=\"8\"><DATE>4-MAR-1987</DATE><TEXT TYPE=\"BRIEF\"><TITLE>X SAYS Y</TITLE></TEXT>";
        assert_eq!(reuters_article(block).unwrap().body, "X SAYS Y");
    }

    #[test]
    fn an_absent_corpus_has_no_articles() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Corpus::Reuters.articles(dir.path()).unwrap().is_empty());
        assert!(Corpus::PolNear.articles(dir.path()).unwrap().is_empty());
    }
}
