//! From one article to its statements.

use crate::actors::ActorBook;
use crate::attribution::statement_date::{article_date, date_statement, occasion_of_previous_sentence};
use crate::attribution::{coordination, first_person, referents};
use crate::attribution::{Attributor, RawStatement};
use crate::lexicon::closed::{FINITE_VERBS, FRONTED_SUBORDINATORS};
use crate::lexicon::speech::is_speech_verb;
use crate::text::{quotes, sentences};
use stanceshift_core::{Article, Diagnostic, Referent, Span, Statement, StatementDate};

/// Version of the attribution output; bump whenever statements for the same
/// text can change, so indexes know to re-analyze.
pub const ANALYZER_VERSION: u32 = 3;

/// Bodies longer than this are analyzed up to this length only (with a diagnostic).
const MAX_BODY_BYTES: usize = 4 << 20;

/// Longest sentence analyzed as one: work per sentence grows faster than its
/// length, so a run-on "sentence" (a text without punctuation) is analyzed
/// in pieces of at most this many bytes, cut at white space.
const MAX_SENTENCE_BYTES: usize = 8 << 10;

/// `sentences` with any longer than [`MAX_SENTENCE_BYTES`] cut into pieces.
fn bounded_sentences(body: &str, sentences: Vec<sentences::Sentence>) -> Vec<sentences::Sentence> {
    if sentences.iter().all(|s| s.span.end - s.span.start <= MAX_SENTENCE_BYTES) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let mut start = sentence.span.start;
        while sentence.span.end - start > MAX_SENTENCE_BYTES {
            let mut limit = start + MAX_SENTENCE_BYTES;
            while !body.is_char_boundary(limit) {
                limit -= 1;
            }
            let Some(cut) = body[start..limit].rfind(char::is_whitespace).filter(|&c| c > 0) else { break };
            let end = start + cut;
            out.push(sentences::Sentence { span: Span::new(start, end), ..sentence });
            start = end + body[end..].chars().next().map_or(1, char::len_utf8);
            while body[start..sentence.span.end].starts_with(char::is_whitespace) {
                start += body[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out.push(sentences::Sentence { span: Span::new(start, sentence.span.end), ..sentence });
    }
    out
}

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
    let sentences = bounded_sentences(body, sentences::split(body, is_speech_verb));
    let quotes = quotes::find(body, &sentences, &mut diagnostics);
    let mut attributor = Attributor::new(body, actors, &sentences, &quotes);
    attributor.run();
    for raw in &mut attributor.statements {
        end_content_at_main_clause(body, sentences[raw.sentence].span, raw);
    }
    coordination::split_coordinated_clauses(body, &quotes, &mut attributor.statements);
    let referents = referents::resolve(
        body,
        &sentences,
        &attributor.names.mentions,
        &attributor.statements,
        &quotes,
        actors,
    );
    // Statements from here on are the document speaker's own words.
    let attributed = attributor.statements.len();
    if let Some(speaker) = article.speaker.as_deref() {
        first_person::extend(body, &sentences, &quotes, &mut attributor.statements, speaker, actors);
    }
    let date = article.date.date_naive();
    // In a speech or a transcript, the speaker's own reported words ("I
    // believe …", "we recommend …") are said on the document date: the dates
    // of the history it recounts around them are not theirs.
    let document_speaker = article.speaker.as_deref().map(|name| first_person::actor_for(actors, name));
    let by_document_speaker = |raw: &RawStatement| {
        document_speaker.is_some()
            && (raw.speaker.actor == document_speaker || raw.principal == document_speaker)
    };
    let mut statements: Vec<Statement> = Vec::with_capacity(attributor.statements.len());
    let mut dates: Vec<StatementDate> = Vec::with_capacity(attributor.statements.len());
    let mut times_by_sentence: crate::FastMap<usize, Vec<stanceshift_timex::TimeExpr>> =
        crate::FastMap::default();
    for (index, raw) in attributor.statements.iter().enumerate() {
        let statement_date = match raw.continues.and_then(|i| dates.get(i)) {
            // The speaker speaks on the document date.
            _ if index >= attributed => article_date(date),
            Some(d) => StatementDate { basis: stanceshift_core::DateBasis::Context, ..d.clone() },
            None => {
                let span = sentences[raw.sentence].span;
                let times = times_by_sentence
                    .entry(raw.sentence)
                    .or_insert_with(|| crate::attribution::statement_date::sentence_times(body, span, date));
                date_statement(body, span, raw, &quotes, date, dates.last(), times)
            }
        };
        let statement_date = if raw.continues.is_some() && statement_date.evidence.is_none() {
            article_date(date)
        } else {
            statement_date
        };
        let statement_date = match statement_date.basis {
            stanceshift_core::DateBasis::Context if by_document_speaker(raw) => article_date(date),
            stanceshift_core::DateBasis::ArticleDate if by_document_speaker(raw) => statement_date,
            stanceshift_core::DateBasis::ArticleDate if index < attributed => {
                inherited_date(body, &attributor.statements, &dates, index)
                    .or_else(|| {
                        let previous = raw.sentence.checked_sub(1)?;
                        let span = sentences[previous].span;
                        occasion_of_previous_sentence(
                            body,
                            span,
                            previous,
                            &mut times_by_sentence,
                            &quotes,
                            date,
                            raw,
                        )
                    })
                    .unwrap_or(statement_date)
            }
            _ => statement_date,
        };
        dates.push(statement_date.clone());
        let content_span = raw.content_span();
        let content = ContentText::new(body, &raw.content_pieces);
        let referents = referents
            .get(index)
            .into_iter()
            .flatten()
            .filter_map(|found| {
                Some(Referent {
                    text: body.get(found.span.start..found.span.end)?.to_string(),
                    span: found.span,
                    content_offset: content.offset_of(found.span.start)?,
                    antecedent: body
                        .get(found.antecedent.start..found.antecedent.end)?
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    antecedent_span: found.antecedent,
                })
            })
            .collect();
        let content = content.text;
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
            referents,
            continues: raw.continues.map(|i| i as u32),
        });
    }
    ArticleAnalysis { statements, diagnostics }
}

/// A statement's content as stored: each piece's whitespace collapsed (so
/// multi-paragraph quotes read as one passage), pieces joined by " … ", with
/// the body offset of every whitespace-separated run kept to map offsets.
struct ContentText {
    text: String,
    /// (body start, body end, content start) of each run.
    runs: Vec<(usize, usize, usize)>,
}

impl ContentText {
    fn new(body: &str, pieces: &[Span]) -> ContentText {
        let mut text = String::new();
        let mut runs = Vec::new();
        for (n, piece) in pieces.iter().enumerate() {
            if n > 0 {
                text.push_str(" … ");
            }
            let Some(piece_text) = body.get(piece.start..piece.end) else { continue };
            let mut first = true;
            for (offset, run) in split_runs(piece_text) {
                if !first {
                    text.push(' ');
                }
                first = false;
                runs.push((piece.start + offset, piece.start + offset + run.len(), text.len()));
                text.push_str(run);
            }
        }
        ContentText { text, runs }
    }

    /// Where the body byte `at` landed in the content, if it is inside a run.
    fn offset_of(&self, at: usize) -> Option<usize> {
        self.runs
            .iter()
            .find(|(start, end, _)| *start <= at && at < *end)
            .map(|(start, _, c)| c + (at - start))
    }
}

/// Whitespace-separated runs of `text` with their byte offsets.
fn split_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0usize;
    std::iter::from_fn(move || {
        let tail = &text[rest..];
        let start = rest + (tail.len() - tail.trim_start().len());
        if start >= text.len() {
            return None;
        }
        let len = text[start..].find(char::is_whitespace).unwrap_or(text.len() - start);
        rest = start + len;
        Some((start, &text[start..start + len]))
    })
}

/// "Two weeks after Trump said he would meet Putin “within two weeks or so,”
/// no summit has been scheduled": when the reporting clause sits inside a
/// fronted time clause, the content ends where the sentence's main clause begins.
fn end_content_at_main_clause(body: &str, sentence: Span, raw: &mut RawStatement) {
    let Some(last) = raw.content_pieces.last_mut() else { return };
    let Some(lead) = body.get(sentence.start..raw.speaker.span.start.min(raw.cue_span.start)) else { return };
    let lead_words: Vec<String> = lead
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let opens_clause =
        lead_words.iter().take(5).position(|w| FRONTED_SUBORDINATORS.contains(&w.as_str())).is_some_and(
            |at| at == 0 || lead_words[..at].iter().any(|w| w.ends_with('s') || w == "week" || w == "day"),
        );
    if !opens_clause || lead.contains(',') {
        return;
    }
    let Some(content) = body.get(last.start..last.end) else { return };
    for (comma, _) in content.match_indices(',') {
        let mut cut = comma + 1;
        // Keep a closing quotation mark that follows the comma (“… or so,”).
        while let Some(c) = content[cut..].chars().next().filter(|c| matches!(c, '"' | '”' | '’' | '\''))
        {
            cut += c.len_utf8();
        }
        let next: Vec<String> = content[cut..]
            .split_whitespace()
            .take(6)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .collect();
        let starts_clause = next.first().is_some_and(|w| {
            !matches!(w.as_str(), "and" | "but" | "or" | "which" | "who" | "that" | "where" | "while")
        }) && next.iter().any(|w| FINITE_VERBS.contains(&w.as_str()));
        if starts_clause {
            last.end = last.start + cut;
            return;
        }
    }
}

/// Widest date an undated later statement of the same speaker inherits from
/// an earlier one further back than the sentence before.
const MAX_INHERITED_WINDOW_DAYS: i64 = 10;

/// The date of the speaker's earlier statement in the article when that one was
/// dated by its own words: the quotes and paraphrases after a lead such as
/// "Trump said on Tuesday evening …" report the same occasion. Statements in the
/// present tense ("says", "tells") are taken as current and inherit nothing.
fn inherited_date(
    body: &str,
    raws: &[RawStatement],
    dates: &[StatementDate],
    index: usize,
) -> Option<StatementDate> {
    let raw = &raws[index];
    let actor = raw.speaker.actor.as_ref()?;
    let cue = body.get(raw.cue_span.start..raw.cue_span.end).unwrap_or("");
    let present = cue.split_whitespace().any(|w| {
        let w = w.to_ascii_lowercase();
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !matches!(w.as_str(), "has" | "was" | "is")
    });
    if present {
        return None;
    }
    let earlier = (0..index).rev().find(|&j| raws[j].speaker.actor.as_ref() == Some(actor))?;
    let date = dates.get(earlier)?;
    // A day or a week names one occasion that the next quotes go on reporting;
    // "last year" or "in 2011" dates one remark recalled from the past, and
    // the article's later quotes of the same person are mostly its own news.
    let one_occasion = (date.window.end - date.window.start).num_days() <= MAX_INHERITED_WINDOW_DAYS;
    let adjacent = raws[earlier].sentence + 1 >= raw.sentence;
    (date.basis != stanceshift_core::DateBasis::ArticleDate && (one_occasion || adjacent))
        .then(|| StatementDate { basis: stanceshift_core::DateBasis::Context, ..date.clone() })
}
