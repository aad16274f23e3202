//! stanceshift-report: render [`ActorAnalysis`] values as a change report in
//! Markdown, one self-contained HTML file (inline CSS and SVG timelines, no
//! scripts, no network resources) or versioned JSON (`stanceshift.report/v1`,
//! documented in `docs/report-schema.md`).
//!
//! Rendering is a pure function of its input: no clock, no I/O, everything
//! sorted and every number printed with a fixed precision, so the same
//! analyses always give byte-identical reports.
//!
//! ```
//! use chrono::NaiveDate;
//! use stanceshift_core::{ActorAnalysis, ActorId};
//! use stanceshift_report::{render, Format, ReportMeta};
//!
//! let as_of = NaiveDate::from_ymd_opt(2025, 10, 28).unwrap();
//! let analysis = ActorAnalysis {
//!     actor: ActorId::new("donald-trump"),
//!     name: "Donald Trump".into(),
//!     as_of,
//!     topics: vec![],
//! };
//! let meta = ReportMeta::new("sample-index", as_of);
//! let markdown = stanceshift_report::markdown(&[analysis.clone()], &meta);
//! assert!(markdown.contains("## Donald Trump"));
//!
//! // The format can come from the output file name.
//! let format = Format::from_path("trump.json").unwrap();
//! let json = render(format, &[analysis], &meta);
//! assert!(json.contains("\"schema\": \"stanceshift.report/v1\""));
//! ```

/// `writeln!` into a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

mod chart;
mod error;
mod escape;
mod glossary;
mod html;
mod json;
mod markdown;
mod model;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use stanceshift_core::{ActorAnalysis, ActorId, ArticleId};

pub use error::{Error, Result};
pub use json::{statements_json, SCHEMA, STATEMENTS_SCHEMA};

/// What a report says about where it came from. Deliberately no wall-clock
/// timestamp: a report is a function of the index, not of when it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportMeta {
    /// The index path or corpus name the analyses were computed from.
    pub generated_from: String,
    /// The corpus's last date: pending commitments are pending as of this day.
    pub as_of: NaiveDate,
    /// The topic the user asked about, when the report is restricted to one.
    pub topic_query: Option<String>,
    /// Version of the tool that wrote the report.
    pub tool_version: String,
    /// Display names of actors the report mentions without analyzing them
    /// (the principal a proxy speaks for, such as "Trump administration"), to
    /// label proxies by name rather than by id. Analyzed actors use their own
    /// `ActorAnalysis::name`; anyone else falls back to the id.
    #[serde(default)]
    pub actor_names: BTreeMap<ActorId, String>,
    /// Outlet, headline, date and link of the articles quotes come from, so a
    /// reader can cite them; an article missing here is cited by id only.
    #[serde(default)]
    pub articles: BTreeMap<ArticleId, ArticleSource>,
    /// Shifts scoring below this are not flagged (`report --min-score`).
    #[serde(default)]
    pub min_score: Option<f32>,
    /// What a report with several actors does with actors without a flagged shift.
    #[serde(default)]
    pub unflagged: Unflagged,
}

/// Where a quote was published: what a reader needs to find and cite it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArticleSource {
    /// The outlet ("Valdoria Daily Courier"), as the corpus gives it.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// A link to the article, when the corpus gives one.
    pub url: Option<String>,
    /// The publication day (the article's own date, in its time zone).
    pub published: Option<NaiveDate>,
}

/// What a report covering several actors does with those that have no
/// flagged shift: a full section each, one line each in a compact list, or
/// nothing. A one-actor report always shows its actor in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unflagged {
    #[default]
    Detailed,
    OneLine,
    LeftOut,
}

impl ReportMeta {
    /// Metadata with no topic filter and this crate's version as the tool version.
    pub fn new(generated_from: impl Into<String>, as_of: NaiveDate) -> ReportMeta {
        ReportMeta {
            generated_from: generated_from.into(),
            as_of,
            topic_query: None,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            actor_names: BTreeMap::new(),
            articles: BTreeMap::new(),
            min_score: None,
            unflagged: Unflagged::Detailed,
        }
    }

    pub fn with_articles(mut self, articles: BTreeMap<ArticleId, ArticleSource>) -> ReportMeta {
        self.articles = articles;
        self
    }

    pub fn with_min_score(mut self, min_score: Option<f32>) -> ReportMeta {
        self.min_score = min_score;
        self
    }

    pub fn with_unflagged(mut self, unflagged: Unflagged) -> ReportMeta {
        self.unflagged = unflagged;
        self
    }

    pub fn with_actor_names(mut self, actor_names: BTreeMap<ActorId, String>) -> ReportMeta {
        self.actor_names = actor_names;
        self
    }

    pub fn with_topic_query(mut self, topic_query: Option<String>) -> ReportMeta {
        self.topic_query = topic_query;
        self
    }

    pub fn with_tool_version(mut self, tool_version: impl Into<String>) -> ReportMeta {
        self.tool_version = tool_version.into();
        self
    }
}

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Json];

    /// The usual file extension (`md`, `html`, `json`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The format a file name asks for, from its extension (case-insensitive;
    /// `.markdown` and `.htm` are understood too).
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Format> {
        let path = path.as_ref();
        path.extension()
            .and_then(|ext| ext.to_str())
            .and_then(|ext| ext.parse().ok())
            .ok_or_else(|| Error::NoFormatForPath(path.display().to_string()))
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(text: &str) -> Result<Format> {
        match text.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            _ => Err(Error::UnknownFormat(text.to_string())),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Every article the analyses quote (their statements and the evidence of
/// their shifts and ledgers): the ones [`ReportMeta::articles`] should describe.
pub fn cited_articles(analyses: &[ActorAnalysis]) -> std::collections::BTreeSet<ArticleId> {
    let mut ids = std::collections::BTreeSet::new();
    for timeline in analyses.iter().flat_map(|a| &a.topics) {
        ids.extend(timeline.points.iter().map(|p| p.statement.article_id.clone()));
        for shift in &timeline.shifts {
            ids.extend([shift.before.article_id.clone(), shift.after.article_id.clone()]);
        }
        for entry in &timeline.commitments {
            ids.insert(entry.opened.article_id.clone());
            ids.extend(entry.settled_by.iter().map(|e| e.article_id.clone()));
        }
    }
    ids
}

/// Overlapping or cut chart labels in an HTML report, one line each: the
/// layout check the tests run over sample and crowded reports. Label boxes
/// are estimated from font size and text length. Empty when all is well.
pub fn chart_label_collisions(html: &str) -> Vec<String> {
    chart::check::collisions(html)
}

/// Render `analyses` in `format`.
pub fn render(format: Format, analyses: &[ActorAnalysis], meta: &ReportMeta) -> String {
    match format {
        Format::Markdown => markdown(analyses, meta),
        Format::Html => html(analyses, meta),
        Format::Json => json(analyses, meta),
    }
}

/// A Markdown report: per actor a summary, then per topic a timeline table,
/// the flagged shifts with both quotes as evidence, and the commitment ledger.
pub fn markdown(analyses: &[ActorAnalysis], meta: &ReportMeta) -> String {
    markdown::render(&model::Report::new(analyses, meta))
}

/// One self-contained HTML file with an SVG timeline chart per topic. It loads
/// nothing (no scripts, fonts or stylesheets from anywhere) and its content
/// security policy forbids any network request.
pub fn html(analyses: &[ActorAnalysis], meta: &ReportMeta) -> String {
    html::render(&model::Report::new(analyses, meta))
}

/// Pretty-printed JSON following the `stanceshift.report/v1` schema.
pub fn json(analyses: &[ActorAnalysis], meta: &ReportMeta) -> String {
    json::render(&model::Report::new(analyses, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_paths() {
        assert_eq!("MD".parse::<Format>(), Ok(Format::Markdown));
        assert_eq!(Format::from_path("out/report.HTM"), Ok(Format::Html));
        assert_eq!(Format::from_path("x.json"), Ok(Format::Json));
        assert_eq!(Format::from_path("report"), Err(Error::NoFormatForPath("report".into())));
        assert_eq!("pdf".parse::<Format>(), Err(Error::UnknownFormat("pdf".into())));
        for format in Format::ALL {
            assert_eq!(format.extension().parse::<Format>(), Ok(format));
        }
    }
}
