//! From one article to its statements.

use crate::actors::ActorBook;
use crate::attribution::{Attributor, RawStatement};
use crate::statement_date::{article_date, date_statement};
use crate::{quotes, referents, sentences};
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
    let sentences = bounded_sentences(body, sentences::split(body));
    let quotes = quotes::find(body, &sentences, &mut diagnostics);
    let mut attributor = Attributor::new(body, actors, &sentences, &quotes);
    attributor.run();
    for raw in &mut attributor.statements {
        end_content_at_main_clause(body, sentences[raw.sentence].span, raw);
    }
    let referents = referents::resolve(
        body,
        &sentences,
        &attributor.names.mentions,
        &attributor.statements,
        &quotes,
        actors,
    );
    let date = article.date.date_naive();
    let mut statements: Vec<Statement> = Vec::with_capacity(attributor.statements.len());
    let mut dates: Vec<StatementDate> = Vec::with_capacity(attributor.statements.len());
    let mut times_by_sentence: crate::FastMap<usize, Vec<stanceshift_timex::TimeExpr>> =
        crate::FastMap::default();
    for (index, raw) in attributor.statements.iter().enumerate() {
        let statement_date = match raw.continues.and_then(|i| dates.get(i)) {
            Some(d) => StatementDate { basis: stanceshift_core::DateBasis::Context, ..d.clone() },
            None => {
                let span = sentences[raw.sentence].span;
                let times = times_by_sentence
                    .entry(raw.sentence)
                    .or_insert_with(|| crate::statement_date::sentence_times(body, span, date));
                date_statement(body, span, raw, &quotes, date, dates.last(), times)
            }
        };
        let statement_date = if raw.continues.is_some() && statement_date.evidence.is_none() {
            article_date(date)
        } else {
            statement_date
        };
        let statement_date = match statement_date.basis {
            stanceshift_core::DateBasis::ArticleDate => {
                inherited_date(body, &attributor.statements, &dates, index).unwrap_or(statement_date)
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

/// Words that open a fronted time clause ("After X said …, Y", "Two weeks after X said …, Y").
const FRONTED_SUBORDINATORS: &[&str] = &["after", "before", "since", "when", "until", "once"];

/// Finite verbs that show a new clause has begun after a comma.
const FINITE_VERBS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "did", "does", "do",
    "remains", "remained", "appears", "appeared", "seems", "seemed",
];

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
    (date.basis != stanceshift_core::DateBasis::ArticleDate)
        .then(|| StatementDate { basis: stanceshift_core::DateBasis::Context, ..date.clone() })
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
        a White House official | donald-trump-administration | AnonymousOfficial/anon | said | Mixed | 2025-10-21(article) | there were “no plans” for a meeting “in the immediate future.”
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

    /// Regression: "the president" (an alias of an actor heading the
    /// administration) was filed as an affiliate of that administration.
    #[test]
    fn a_head_described_by_title_speaks_for_himself() {
        let text = "President Donald Trump spoke to Putin. The president said the ministers would meet.";
        insta::assert_snapshot!(render(text, "2025-10-16", &sample_book()), @"The president [donald-trump] | donald-trump | - | said | Indirect | 2025-10-16(article) | the ministers would meet");
    }

    #[test]
    fn direct_quotes_straight_curly_split_and_inverted() {
        let text = "\"We will not retreat,\" Mayor Ana Ruiz said on Monday.\n\n\
            “The bridge is safe,” said Tomas Berg, the city engineer. “It was built to last.”\n\n\
            “We are ready,” he said, “but the budget is tight.”";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
            Mayor Ana Ruiz [ana-ruiz] | ana-ruiz | - | said | Direct | 2025-10-20(relative "Monday") | "We will not retreat,"
            Tomas Berg [tomas-berg] | tomas-berg | - | said | Direct | 2025-10-21(article) | “The bridge is safe,”
            Tomas Berg [tomas-berg] | tomas-berg | - |  | Direct | 2025-10-21(article) | “It was built to last.”
            he [tomas-berg] | tomas-berg | - | said | Direct | 2025-10-21(article) | “We are ready,” … “but the budget is tight.”
        "#);
    }

    #[test]
    fn indirect_speech_patterns() {
        let text =
            "Governor Lena Park said the plan would pass. The treasurer told reporters that the fund was \
            empty. Park has said she would veto any cut. Lawmakers insisted they had the votes. The plan is \
            dead, according to two senior aides. Park acknowledged the delay, Park's office added. \
            Berg declined to comment. The deal will hold, said Park.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
            Governor Lena Park [lena-park] | lena-park | - | said | Indirect | 2025-10-21(article) | the plan would pass
            The treasurer | - | - | told | Indirect | 2025-10-21(article) | that the fund was empty
            Park [lena-park] | lena-park | - | has said | Indirect | 2025-10-21(article) | she would veto any cut
            Lawmakers | - | - | insisted | Indirect | 2025-10-21(article) | they had the votes
            two senior aides | - | anon | according to | AccordingTo | 2025-10-21(article) | The plan is dead
            Park [lena-park] | lena-park | - | acknowledged | Indirect | 2025-10-21(article) | the delay
            Park's office [lena-park] | lena-park | - | added | Indirect | 2025-10-21(article) | Park acknowledged the delay
            Berg [berg] | berg | - | declined to comment | NoComment | 2025-10-21(article) | 
            Park [lena-park] | lena-park | - | said | Indirect | 2025-10-21(article) | The deal will hold
        "#);
    }

    #[test]
    fn colon_lead_in_appositive_titles_and_proxies() {
        let text = "Kremlin spokesman Dmitry Peskov told reporters: “There is nothing to announce.”\n\n\
            Secretary of State Marco Rubio said talks would continue. \
            Dmitry Peskov, the Kremlin spokesman, said the date was not set. \
            A senior administration official said the invitation stood. \
            The State Department said it had no comment on the report. \
            The Kremlin said the call was “constructive.” \
            Officials said the talks could resume.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
            Kremlin spokesman Dmitry Peskov [dmitry-peskov] | kremlin | Spokesperson | told | Colon | 2025-10-21(article) | “There is nothing to announce.”
            Secretary of State Marco Rubio [marco-rubio] | marco-rubio | - | said | Indirect | 2025-10-21(article) | talks would continue
            Dmitry Peskov, the Kremlin spokesman [dmitry-peskov] | kremlin | Spokesperson | said | Indirect | 2025-10-21(article) | the date was not set
            A senior administration official | administration | AnonymousOfficial/anon | said | Indirect | 2025-10-21(article) | the invitation stood
            The State Department [state-department] | administration | Institution | said | Indirect | 2025-10-21(article) | it had no comment on the report
            The Kremlin [kremlin] | kremlin | Institution | said | Mixed | 2025-10-21(article) | the call was “constructive.”
            Officials | - | anon | said | Indirect | 2025-10-21(article) | the talks could resume
        "#);
    }

    #[test]
    fn proxies_keep_their_principal_across_mentions() {
        let text = "A White House official said there were no plans for a summit. The official said a \
            ministers' meeting was not necessary. Dmitry Peskov, the Kremlin spokesman, said work would begin. \
            Peskov said the date was open. Prime Minister Anna Berg said the vote would pass. Her spokesman, \
            Piet Hal, said the text was ready. Chancellor Edda Varga will attend, her spokesman said. \
            \"Nothing has changed,\" the spokesman, Oskar Lind, told reporters. A Russian diplomat said calls \
            would come first. Valdoria's government said the plan stood. A government spokesman, Ivo Rask, \
            said talks went on. The Coastal Union's delegation in Velmar declined to comment. The plan \
            stalled days after the minister announced it.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
        A White House official | administration | AnonymousOfficial/anon | said | Indirect | 2025-10-21(article) | there were no plans for a summit
        The official | administration | AnonymousOfficial/anon | said | Indirect | 2025-10-21(article) | a ministers' meeting was not necessary
        Dmitry Peskov, the Kremlin spokesman [dmitry-peskov] | kremlin | Spokesperson | said | Indirect | 2025-10-21(article) | work would begin
        Peskov [dmitry-peskov] | kremlin | Spokesperson | said | Indirect | 2025-10-21(article) | the date was open
        Prime Minister Anna Berg [anna-berg] | anna-berg | - | said | Indirect | 2025-10-21(article) | the vote would pass
        Her spokesman, Piet Hal [piet-hal] | anna-berg | Spokesperson | said | Indirect | 2025-10-21(article) | the text was ready
        her spokesman | edda-varga | Spokesperson/anon | said | Indirect | 2025-10-21(article) | Chancellor Edda Varga will attend
        the spokesman, Oskar Lind [oskar-lind] | edda-varga | Spokesperson | told | Direct | 2025-10-21(article) | "Nothing has changed,"
        A Russian diplomat | russian-government | AnonymousOfficial/anon | said | Indirect | 2025-10-21(article) | calls would come first
        Valdoria's government [valdoria-government] | valdoria-government | - | said | Indirect | 2025-10-21(article) | the plan stood
        A government spokesman, Ivo Rask [ivo-rask] | valdoria-government | Spokesperson | said | Indirect | 2025-10-21(article) | talks went on
        The Coastal Union's delegation in Velmar [coastal-union] | coastal-union | - | declined to comment | NoComment | 2025-10-21(article) |
        "#);
    }

    /// Regression: "he" went to the first man named in the sentence before
    /// (the minister the president talked about), not to the president.
    #[test]
    fn a_pronoun_after_a_report_is_its_speaker() {
        let text = "President Ana Ruiz spoke by phone. The president said Minister Tomas Berg and Lena Park \
            would meet. “They will meet next week,” she said.\n\nDaniel Stone said the vote was close. \
            “We lost,” he said.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        The president [ana-ruiz] | ana-ruiz | - | said | Indirect | 2025-10-21(article) | Minister Tomas Berg and Lena Park would meet
        she [ana-ruiz] | ana-ruiz | - | said | Direct | 2025-10-21(article) | “They will meet next week,”
        Daniel Stone [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | the vote was close
        he [daniel-stone] | daniel-stone | - | said | Direct | 2025-10-21(article) | “We lost,”
        ");
    }

    /// Regression (PolNeAR): "Sam Nunberg, a former Trump aide, said" was
    /// filed as Trump speaking for Nunberg; "Trump, who has told aides …" as
    /// Trump speaking through an aide.
    #[test]
    fn appositives_describe_the_name_before_them() {
        let text = "Sam Nunberg, a former Trump aide, said the campaign was adrift. \
            Donald Trump, who has told aides he wants a wall, said it would be built. \
            Hope Hicks, a Trump spokeswoman, said the rally would go ahead.";
        insta::assert_snapshot!(check(text, "2016-03-01"), @"
        Sam Nunberg, a former Trump aide [sam-nunberg] | sam-nunberg | - | said | Indirect | 2016-03-01(article) | the campaign was adrift
        who [donald-trump] | donald-trump | - | has told | Indirect | 2016-03-01(article) | he wants a wall
        Donald Trump, who has told aides he wants a wall [donald-trump] | donald-trump | - | said | Indirect | 2016-03-01(article) | it would be built
        Hope Hicks, a Trump spokeswoman [hope-hicks] | donald-trump | Spokesperson | said | Indirect | 2016-03-01(article) | the rally would go ahead
        ");
    }

    #[test]
    fn pronouns_resolve_to_the_nearest_fitting_speaker() {
        let text = "Maria Lopez met Daniel Stone on Friday. She said the meeting went well. \
            Stone, a former senator, disagreed. He said the matter was not settled. \
            The Finance Ministry issued a note. It said talks would go on.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
            She [maria-lopez] | maria-lopez | - | said | Indirect | 2025-10-21(article) | the meeting went well
            He [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | the matter was not settled
            It [finance-ministry] | finance-ministry | - | said | Indirect | 2025-10-21(article) | talks would go on
        "#);
    }

    #[test]
    fn quotes_attributed_across_sentences_and_paragraphs() {
        let text = "Daniel Stone said the vote was close. “We lost by a hair.”\n\n\
            Maria Lopez said: “We will come back.\n\n\
            “And we will win.”\n\n\
            “Nobody expected this.” That is what Stone said afterwards.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
            Daniel Stone [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | the vote was close
            Daniel Stone [daniel-stone] | daniel-stone | - |  | Direct | 2025-10-21(article) | “We lost by a hair.”
            Maria Lopez [maria-lopez] | maria-lopez | - | said | Colon | 2025-10-21(article) | “We will come back. “And we will win.”
            Stone [daniel-stone] | daniel-stone | - | said | Direct | 2025-10-21(article) | “Nobody expected this.”
        "#);
    }

    #[test]
    fn statement_dates_come_from_the_reporting_clause() {
        let text = "Daniel Stone said last week he would decide within two weeks. \
            On Oct. 3, Maria Lopez said the deal was off. \
            Lopez said on Friday that a deal could come next month. \
            At the time, Stone said he was confident. \
            Stone said he would meet “in the immediate future.”";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
        Daniel Stone [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-13..2025-10-19(relative "last week") | he would decide within two weeks
        Maria Lopez [maria-lopez] | maria-lopez | - | said | Indirect | 2025-10-03(explicit "Oct. 3") | the deal was off
        Lopez [maria-lopez] | maria-lopez | - | said | Indirect | 2025-10-17(relative "Friday") | that a deal could come next month
        Stone [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-17(context) | he was confident
        Stone [daniel-stone] | daniel-stone | - | said | Mixed | 2025-10-17(context) | he would meet “in the immediate future.”
        "#);
    }

    #[test]
    fn statement_dates_from_fronted_clauses_and_the_lead() {
        let text = "Two weeks after Daniel Stone said he would sign the deal \"within days,\" no date has \
            been set.\n\n\
            Maria Lopez said on Tuesday evening that she did not want a rushed vote. \
            “We need more time,” Lopez told reporters. She said the vote could slip. \
            Lopez says the talks resume today.\n\n\
            Ann Vik, traveling in Asia this week, said the plan stood.";
        insta::assert_snapshot!(check(text, "2025-10-30"), @r#"
        Daniel Stone [daniel-stone] | daniel-stone | - | said | Mixed | 2025-10-13..2025-10-19(relative "Two weeks after") | he would sign the deal "within days,"
        Maria Lopez [maria-lopez] | maria-lopez | - | said | Indirect | 2025-10-28(relative "Tuesday evening") | that she did not want a rushed vote
        Lopez [maria-lopez] | maria-lopez | - | told | Direct | 2025-10-28(context) | “We need more time,”
        She [maria-lopez] | maria-lopez | - | said | Indirect | 2025-10-28(context) | the vote could slip
        Lopez [maria-lopez] | maria-lopez | - | says | Indirect | 2025-10-30(article) | the talks resume today
        Ann Vik, traveling in Asia this week [ann-vik] | ann-vik | - | said | Indirect | 2025-10-27..2025-10-30(relative "this week") | the plan stood
        "#);
    }

    /// `statement: referring words => antecedent` for every referent.
    fn referents(text: &str, date: &str) -> String {
        let date: DateTime<FixedOffset> = format!("{date}T12:00:00Z").parse().unwrap();
        let analysis = analyze_article(&Article::new(date, text.to_string()), &ActorBook::builtin());
        analysis
            .statements
            .iter()
            .flat_map(|s| {
                s.referents.iter().map(move |r| {
                    assert_eq!(&s.content[r.content_offset..r.content_offset + r.text.len()], r.text);
                    format!("{}: {} => {}", s.speaker.text, r.text, r.antecedent)
                })
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn referents_give_pronouns_groups_and_events_their_names() {
        let text = "A summit between President Ana Ruiz and Prime Minister Tomas Berg stalled on Monday. \
            Foreign Minister Lena Park and Secretary of State Daniel Stone spoke by phone.\n\n\
            “They will meet next week,” Ruiz said. An aide said a meeting of the two ministers was not \
            needed. “No dates have been set,” Berg's spokesman said. “They will announce it,” he said, \
            referring to Park and Stone. Officials said they would not comment on the presidents.";
        insta::assert_snapshot!(referents(text, "2025-10-21"), @"
        Ruiz: They => Lena Park and Secretary of State Daniel Stone
        An aide: the two ministers => Lena Park and Secretary of State Daniel Stone
        Berg's spokesman: dates => summit between President Ana Ruiz and Prime Minister Tomas Berg
        he: They => Park and Stone
        ");
    }

    #[test]
    fn positions_judgements_and_findings() {
        let text = "Governor Lena Park thinks the plan will pass. Daniel Stone believes that the vote was \
            rigged. Park wants to cut the budget. The ministry plans to close two offices. Stone vowed to fight \
            the ruling. Park urged lawmakers to act. Stone criticized the budget for its cuts. Park called the \
            deal a disaster. Stone called for a recount. Park described the plan as a compromise. Stone \
            accused Park of lying. A new poll shows Park leading by five points. The survey found that most \
            voters back the plan. Park said Stone wants to delay the vote. Park called Stone on Monday. A \
            group called Fair Votes met. A committee supporting Stone raised money. Park's plans to cut the \
            budget stalled. Stone wants a recount. Park described their economic struggles. Park called upon \
            voters to stay home.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        Governor Lena Park [lena-park] | lena-park | - | thinks | Position | 2025-10-21(article) | the plan will pass
        Daniel Stone [daniel-stone] | daniel-stone | - | believes | Position | 2025-10-21(article) | that the vote was rigged
        Park [lena-park] | lena-park | - | wants | Position | 2025-10-21(article) | to cut the budget
        The ministry | - | - | plans | Position | 2025-10-21(article) | to close two offices
        Stone [daniel-stone] | daniel-stone | - | vowed | Indirect | 2025-10-21(article) | to fight the ruling
        Park [lena-park] | lena-park | - | urged | Indirect | 2025-10-21(article) | lawmakers to act
        Stone [daniel-stone] | daniel-stone | - | criticized | Position | 2025-10-21(article) | the budget for its cuts
        Park [lena-park] | lena-park | - | called | Indirect | 2025-10-21(article) | the deal a disaster
        Stone [daniel-stone] | daniel-stone | - | called for | Indirect | 2025-10-21(article) | a recount
        Park [lena-park] | lena-park | - | described | Position | 2025-10-21(article) | the plan as a compromise
        Stone [daniel-stone] | daniel-stone | - | accused | Indirect | 2025-10-21(article) | Park of lying
        A new poll | - | - | shows | Position | 2025-10-21(article) | Park leading by five points
        The survey | - | - | found | Position | 2025-10-21(article) | that most voters back the plan
        Park [lena-park] | lena-park | - | said | Indirect | 2025-10-21(article) | Stone wants to delay the vote
        Stone [daniel-stone] | daniel-stone | - | wants | Position | 2025-10-21(article) | a recount
        Park [lena-park] | lena-park | - | described | Position | 2025-10-21(article) | their economic struggles
        Park [lena-park] | lena-park | - | called upon | Indirect | 2025-10-21(article) | voters to stay home
        ");
    }

    #[test]
    fn coordinated_and_participle_cues_take_the_subject() {
        let text = "Governor Lena Park defended the budget on Monday, saying it was fair. Daniel Stone, a \
            former senator, praised the deal and said it would last. Park on Thursday declared that the \
            vote would go ahead. Stone said the deal was dead and said he would appeal. The storm hit the \
            coast, flooding two towns.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
        Governor Lena Park [lena-park] | lena-park | - | defended | Position | 2025-10-21(article) | the budget on Monday
        Governor Lena Park [lena-park] | lena-park | - | saying | Indirect | 2025-10-20(relative "Monday") | it was fair
        Daniel Stone, a former senator [daniel-stone] | daniel-stone | - | praised | Position | 2025-10-21(article) | the deal
        Daniel Stone, a former senator [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | it would last
        Park [lena-park] | lena-park | - | declared | Indirect | 2025-10-16(relative "Thursday") | that the vote would go ahead
        Stone [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | the deal was dead and said he would appeal
        "#);
    }

    #[test]
    fn longer_speaker_phrases() {
        let text = "VELMAR (HWS) - The trade commissioner, Ivo Rask, on Monday praised the deal and said \
            talks were over. Stone himself said the vote was lost. Several supporters of reform said the \
            rules were unfair. Turnout was high, election officials said. Members of Congress said the \
            bill was dead. “Why not?” Park asked.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
        The trade commissioner, Ivo Rask [ivo-rask] | ivo-rask | - | praised | Position | 2025-10-20(relative "Monday") | the deal
        The trade commissioner, Ivo Rask [ivo-rask] | ivo-rask | - | said | Indirect | 2025-10-20(relative "Monday") | talks were over
        Stone himself [stone] | stone | - | said | Indirect | 2025-10-21(article) | the vote was lost
        Several supporters of reform | - | - | said | Indirect | 2025-10-21(article) | the rules were unfair
        election officials | - | anon | said | Indirect | 2025-10-21(article) | Turnout was high
        Members of Congress [congress] | congress | Institution | said | Indirect | 2025-10-21(article) | the bill was dead
        Park [park] | park | - | asked | Direct | 2025-10-21(article) | “Why not?”
        "#);
    }

    #[test]
    fn according_to_takes_any_named_source() {
        let text = "According to recent polls, Park leads by five points. Turnout was low, according to \
            exit polls reported by the Courier. The plan is dead, according to him.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        recent polls | - | - | According to | AccordingTo | 2025-10-21(article) | Park leads by five points
        exit polls reported | - | - | according to | AccordingTo | 2025-10-21(article) | Turnout was low
        ");
    }

    #[test]
    fn phrasal_cues_contractions_and_issued_statements() {
        let text = "Governor Lena Park made it clear that she would run. Daniel Stone went on to say the \
            vote was rigged. Park lashed out at the council over the delay. Stone voted against the budget. \
            Park sees the plan as a trap. Stone expressed concern about the cuts. He's hoping the court will \
            agree. The Finance Ministry issued a statement saying the fund was safe.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        Governor Lena Park [lena-park] | lena-park | - | made it clear | Indirect | 2025-10-21(article) | that she would run
        Daniel Stone [daniel-stone] | daniel-stone | - | went on to say | Indirect | 2025-10-21(article) | the vote was rigged
        Park [lena-park] | lena-park | - | lashed out at | Position | 2025-10-21(article) | the council over the delay
        Stone [daniel-stone] | daniel-stone | - | voted against | Position | 2025-10-21(article) | the budget
        Park [lena-park] | lena-park | - | sees | Position | 2025-10-21(article) | the plan as a trap
        Stone [daniel-stone] | daniel-stone | - | expressed | Position | 2025-10-21(article) | concern about the cuts
        He [daniel-stone] | daniel-stone | - | 's hoping | Position | 2025-10-21(article) | the court will agree
        The Finance Ministry [finance-ministry] | finance-ministry | - | issued a statement saying | Indirect | 2025-10-21(article) | the fund was safe
        ");
    }

    #[test]
    fn appositives_with_relative_clauses_places_and_inversions() {
        let text = "Daniel Stone, who calls the plan “a disgrace,” said he would oppose it. Lena Park, \
            speaking in Arnhalt, Velmar, said the talks would resume. Sen. Ana Ruiz (D-Velmar), who backs \
            the deal, said it was fair. The plan will pass, said Stone. The plan is dead, said Park has \
            argued for months.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        Daniel Stone, who calls the plan “a disgrace,” [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | he would oppose it
        Lena Park [lena-park] | lena-park | - | said | Indirect | 2025-10-21(article) | the talks would resume
        Ana Ruiz (D-Velmar), who backs the deal [ana-ruiz] | ana-ruiz | - | said | Indirect | 2025-10-21(article) | it was fair
        Stone [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | The plan will pass
        ");
    }

    #[test]
    fn shares_of_people_as_speakers() {
        let text = "One in three said the plan was unfair. About 46 percent of voters said they would back \
            Park. Most of them said the vote was close, and all but two said they would return. Park won 120 \
            pledged delegates.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        One in three | - | - | said | Indirect | 2025-10-21(article) | the plan was unfair
        About 46 percent of voters | - | - | said | Indirect | 2025-10-21(article) | they would back Park
        Most of them | - | - | said | Indirect | 2025-10-21(article) | the vote was close
        all but two | - | - | said | Indirect | 2025-10-21(article) | they would return
        ");
    }

    #[test]
    fn ages_titles_topics_and_fronted_conditions() {
        let text = "Ana Ruiz, 27, a teacher in Velmar, said the vote was fair. The author of the report, Ivo \
            Rask, said it was accurate. Tomas Berg, the author of “Salt and Stone,” said he would move. He said \
            of the council: “They need to act.” She says to voters: “This one is for you.” Park said, if \
            elected, she would cut taxes. “It was a good day,” said local activist Mira Holm.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        Ana Ruiz, 27, a teacher in Velmar [ana-ruiz] | ana-ruiz | - | said | Indirect | 2025-10-21(article) | the vote was fair
        The author of the report, Ivo Rask [ivo-rask] | ivo-rask | - | said | Indirect | 2025-10-21(article) | it was accurate
        Tomas Berg, the author of “Salt and Stone,” [tomas-berg] | tomas-berg | - | said | Indirect | 2025-10-21(article) | he would move
        He [tomas-berg] | tomas-berg | - | said | Colon | 2025-10-21(article) | “They need to act.”
        She [tomas-berg] | tomas-berg | - | says | Colon | 2025-10-21(article) | “This one is for you.”
        Park [park] | park | - | said | Indirect | 2025-10-21(article) | if elected, she would cut taxes
        local activist Mira Holm [mira-holm] | mira-holm | - | said | Direct | 2025-10-21(article) | “It was a good day,”
        ");
    }

    #[test]
    fn labels_tallies_and_questions_before_colons_are_not_statements() {
        let text = "Breaking: Park Wins The Vote.\n\nQ: Will you run again?\n\nLena Park: 1,501.\n\n\
            Lena Park: Reformer or career politician?\n\nLena Park: “We will win.”";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"Lena Park [lena-park] | lena-park | - | : | Colon | 2025-10-21(article) | “We will win.”");
    }

    #[test]
    fn unlisted_verbs_before_a_that_clause() {
        let text = "Governor Lena Park lamented that the budget was too small. She recognizes that the \
            vote will be close. The court ruled that the law was void. Park worked so that the plan would \
            pass. The results that came in were mixed.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        Governor Lena Park [lena-park] | lena-park | - | lamented | Position | 2025-10-21(article) | that the budget was too small
        She [lena-park] | lena-park | - | recognizes | Position | 2025-10-21(article) | that the vote will be close
        ");
    }

    #[test]
    fn findings_with_modifiers() {
        let text = "New polls released Sunday showed Park taking the lead. A Courier poll, conducted with \
            the Review, shows Stone ahead. Park had to lend her campaign money, fundraising documents show.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @r#"
        New polls | - | - | showed | Position | 2025-10-19(relative "Sunday") | Park taking the lead
        A Courier poll | - | - | shows | Position | 2025-10-21(article) | Stone ahead
        fundraising documents | - | - | show | Position | 2025-10-21(article) | Park had to lend her campaign money
        "#);
    }

    #[test]
    fn names_in_a_relative_clause_or_role_are_not_the_speaker() {
        let text = "Daniel Stone, who endorsed Lena Park, said the vote was fair. Tomas Berg, a former aide \
            to Lena Park, said the count was slow.";
        insta::assert_snapshot!(check(text, "2025-10-21"), @"
        Daniel Stone, who endorsed Lena Park [daniel-stone] | daniel-stone | - | said | Indirect | 2025-10-21(article) | the vote was fair
        Tomas Berg, a former aide to Lena Park [tomas-berg] | tomas-berg | - | said | Indirect | 2025-10-21(article) | the count was slow
        ");
    }

    #[test]
    fn messy_text_never_fails() {
        let texts = [
            "",
            "“",
            "said.",
            "\"Unclosed quote said he, and ” stray marks “ everywhere.\n\n\"",
            "According to",
            "He said: ",
            ", said",
            "Mr. . . . U.S. ?! “” ‘’ \u{0}\u{feff} said that",
        ];
        for text in texts {
            let _ = check(text, "2025-10-21");
        }
        insta::assert_snapshot!(check("“We are fine,” she said.\n\nThen “nothing.", "2025-10-21"), @r#"
            she | - | - | said | Direct | 2025-10-21(article) | “We are fine,”
            ! unbalanced quote: no closing mark before the text ends
        "#);
    }
}
