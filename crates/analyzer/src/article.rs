//! From one article to its statements.

use crate::actors::ActorBook;
use crate::attribution::Attributor;
use crate::statement_date::{article_date, date_statement};
use crate::{quotes, sentences};
use stanceshift_core::{Article, Diagnostic, Statement, StatementDate};

/// Version of the attribution output; bump whenever statements for the same
/// text can change, so indexes know to re-analyze.
pub const ANALYZER_VERSION: u32 = 1;

/// Bodies longer than this are analyzed up to this length only (with a diagnostic).
const MAX_BODY_BYTES: usize = 4 << 20;

/// The statements of one article and what was noticed on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleAnalysis {
    pub statements: Vec<Statement>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds who said what, for whom and when in `article`. Never panics and
/// never fails: problems are reported as diagnostics.
pub fn analyze_article(article: &Article, actors: &ActorBook) -> ArticleAnalysis {
    let mut diagnostics = Vec::new();
    let mut body = article.body.as_str();
    if body.len() > MAX_BODY_BYTES {
        let mut cut = MAX_BODY_BYTES;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body = &body[..cut];
        diagnostics.push(Diagnostic::warning(
            format!("body longer than {MAX_BODY_BYTES} bytes: analyzed the first {cut} bytes only"),
            None,
        ));
    }
    let sentences = sentences::split(body);
    let quotes = quotes::find(body, &sentences, &mut diagnostics);
    let mut attributor = Attributor::new(body, actors, &sentences, &quotes);
    attributor.run();
    let date = article.date.date_naive();
    let mut statements: Vec<Statement> = Vec::with_capacity(attributor.statements.len());
    let mut dates: Vec<StatementDate> = Vec::with_capacity(attributor.statements.len());
    for (index, raw) in attributor.statements.iter().enumerate() {
        let statement_date = match raw.continues.and_then(|i| dates.get(i)) {
            Some(d) => StatementDate { basis: stanceshift_core::DateBasis::Context, ..d.clone() },
            None => date_statement(body, sentences[raw.sentence].span, raw, &quotes, date, dates.last()),
        };
        let statement_date = if raw.continues.is_some() && statement_date.evidence.is_none() {
            article_date(date)
        } else {
            statement_date
        };
        dates.push(statement_date.clone());
        let content_span = raw.content_span();
        let content =
            raw.content_pieces.iter().map(|p| body[p.start..p.end].trim()).collect::<Vec<_>>().join(" … ");
        statements.push(Statement {
            article_id: article.id.clone(),
            index: index as u32,
            speaker: raw.speaker.clone(),
            principal: raw.principal.clone(),
            proxy: raw.proxy,
            anonymous: raw.anonymous,
            cue: body[raw.cue_span.start..raw.cue_span.end].to_string(),
            cue_span: raw.cue_span,
            content,
            content_span,
            kind: raw.kind,
            date: statement_date,
            confidence: raw.confidence,
        });
    }
    ArticleAnalysis { statements, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset};
    use stanceshift_core::DateBasis;

    /// Renders statements one per line:
    /// `speaker | principal | proxy/anon | cue | kind | date(basis) | content`.
    fn render(text: &str, date: &str, actors: &ActorBook) -> String {
        let date: DateTime<FixedOffset> = format!("{date}T12:00:00Z").parse().unwrap();
        let analysis = analyze_article(&Article::new(date, text.to_string()), actors);
        let mut lines: Vec<String> = analysis
            .statements
            .iter()
            .map(|s| {
                let speaker = match &s.speaker.actor {
                    Some(id) if s.speaker.text.is_empty() => format!("[{id}]"),
                    Some(id) => format!("{} [{id}]", s.speaker.text),
                    None => s.speaker.text.clone(),
                };
                let proxy = match (s.proxy, s.anonymous) {
                    (Some(p), true) => format!("{p:?}/anon"),
                    (Some(p), false) => format!("{p:?}"),
                    (None, true) => "anon".to_string(),
                    (None, false) => "-".to_string(),
                };
                let basis = match s.date.basis {
                    DateBasis::ArticleDate => "article".to_string(),
                    DateBasis::Relative => format!("relative {:?}", s.date.evidence.as_deref().unwrap_or("")),
                    DateBasis::Explicit => format!("explicit {:?}", s.date.evidence.as_deref().unwrap_or("")),
                    DateBasis::Context => "context".to_string(),
                };
                let date = if s.date.window.start == s.date.window.end {
                    s.date.date.to_string()
                } else {
                    format!("{}..{}", s.date.window.start, s.date.window.end)
                };
                format!(
                    "{speaker} | {} | {proxy} | {} | {:?} | {date}({basis}) | {}",
                    s.principal.as_ref().map_or("-".to_string(), |p| p.to_string()),
                    s.cue,
                    s.kind,
                    s.content
                )
            })
            .collect();
        lines.extend(analysis.diagnostics.iter().map(|d| format!("! {}", d.message)));
        lines.join("\n")
    }

    fn check(text: &str, date: &str) -> String {
        render(text, date, &ActorBook::builtin())
    }

    fn sample_book() -> ActorBook {
        let mut book = ActorBook::builtin();
        book.merge(ActorBook::from_toml_str(include_str!("../../../data/actors.toml")).unwrap());
        book
    }

    const MOTIVATING: &str = "President Donald Trump said after last week's phone call with Russian President \
        Vladimir Putin that he would meet him “within two weeks or so.”\n\n\
        But a White House official, speaking on condition of anonymity, said there were “no plans” \
        for a meeting “in the immediate future.”\n\n\
        Kremlin spokesman Dmitry Peskov told reporters that “serious preparation is needed” before any summit.";

    #[test]
    fn motivating_case_builtin_actors() {
        insta::assert_snapshot!(check(MOTIVATING, "2025-10-21"), @r#"
            President Donald Trump [donald-trump] | donald-trump | - | said | Mixed | 2025-10-13..2025-10-19(relative "last week") | that he would meet him “within two weeks or so.”
            a White House official | administration | AnonymousOfficial/anon | said | Mixed | 2025-10-21(article) | there were “no plans” for a meeting “in the immediate future.”
            Kremlin spokesman Dmitry Peskov [dmitry-peskov] | kremlin | Spokesperson | told | Mixed | 2025-10-21(article) | that “serious preparation is needed” before any summit
        "#);
    }

    #[test]
    fn motivating_case_sample_actors() {
        insta::assert_snapshot!(render(MOTIVATING, "2025-10-21", &sample_book()), @r#"
            President Donald Trump [donald-trump] | donald-trump | - | said | Mixed | 2025-10-13..2025-10-19(relative "last week") | that he would meet him “within two weeks or so.”
            a White House official | trump-administration | AnonymousOfficial/anon | said | Mixed | 2025-10-21(article) | there were “no plans” for a meeting “in the immediate future.”
            Kremlin spokesman Dmitry Peskov [dmitry-peskov] | vladimir-putin | Spokesperson | told | Mixed | 2025-10-21(article) | that “serious preparation is needed” before any summit
        "#);
    }
}
