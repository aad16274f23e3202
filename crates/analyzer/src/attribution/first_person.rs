//! Statements in the speaker's own words: speeches, transcripts and press
//! releases, where the document has a speaker ([`Article::speaker`]) and no
//! "X said" introduces what the speaker holds.
//!
//! A sentence of the speaker in which a first-person subject ("I", "we", "my
//! administration", "this government") comes right before a word of
//! position, intention, commitment, belief or judgement ("will", "must",
//! "believe", "propose", "have directed", "oppose") becomes a
//! [`SpeechKind::Position`] statement of the speaker, dated the document date.
//! So does a sentence of the speaker's own voice (no label of someone else)
//! with no first-person subject whose main clause requires or judges
//! ("Government revenues must not be reduced", "ratification is among our top
//! priorities"); forecasts and narration ("will reach", "was passed") are not.
//! Questions, greetings and thanks are no stance; sentences whose words other
//! statements already hold ("as Lincoln once said, …") stay theirs, and so do
//! sentences inside quotation marks.
//!
//! Transcripts: a line that begins with an upper-case speaker label
//! (`THE PRESIDENT.`, `Q.`, `Q:`, `MR. SMITH:`, `PRESIDENT OBAMA:`) starts a
//! turn. `THE PRESIDENT` (and a label naming the speaker) is the document
//! speaker, `Q` is a reporter's question and no one's stance, any other label
//! is that person.
//!
//! [`Article::speaker`]: stanceshift_core::Article::speaker

use crate::actors::ActorBook;
use crate::attribution::RawStatement;
use crate::text::quotes::Quote;
use crate::text::sentences::Sentence;
use stanceshift_core::{ActorId, Mention, Span, SpeechKind};

/// Confidence of a first-person statement: the speaker is known, whether the
/// sentence states a position is read from a few words.
const CONFIDENCE: f32 = 0.7;

/// Words right after a first-person subject that make the sentence a position,
/// intention, commitment, belief or judgement.
const MARKERS: &[&str] = &[
    "will",
    "shall",
    "won't",
    "must",
    "intend",
    "intends",
    "plan",
    "plans",
    "propose",
    "proposes",
    "recommend",
    "recommends",
    "urge",
    "urges",
    "ask",
    "asks",
    "call",
    "calls",
    "believe",
    "believes",
    "think",
    "thinks",
    "support",
    "supports",
    "oppose",
    "opposes",
    "reject",
    "rejects",
    "pledge",
    "pledges",
    "promise",
    "promises",
    "commit",
    "vow",
    "vows",
    "want",
    "wants",
    "hope",
    "hopes",
    "favor",
    "favors",
    "insist",
    "insists",
    "cannot",
    "can't",
    "should",
    "need",
    "needs",
    "request",
    "requests",
    "demand",
    "demands",
    "expect",
    "expects",
    "submit",
    "submits",
    "seek",
    "seeks",
    "welcome",
    "condemn",
    "condemns",
    "refuse",
    "refuses",
    "stand",
    "stands",
    "am",
    "are",
    "is",
    "have",
    "has",
    "'ll",
    "'m",
    "'re",
    "'ve",
    "do",
    "does",
    "would",
];

/// Markers that need a further word to state a stance ("I am determined",
/// "we have directed", "I do not accept", "we are going to").
const AUXILIARIES: &[&str] = &["am", "are", "is", "have", "has", "'m", "'re", "'ve", "do", "does", "would"];

/// Words after an auxiliary that make it a stance.
const AFTER_AUXILIARY: &[&str] = &[
    "determined",
    "committed",
    "convinced",
    "confident",
    "resolved",
    "prepared",
    "ready",
    "going",
    "opposed",
    "directed",
    "ordered",
    "instructed",
    "asked",
    "proposed",
    "decided",
    "pledged",
    "sent",
    "submitted",
    "recommended",
    "called",
    "requested",
    "proud",
    "sure",
    "certain",
    "persuaded",
    "against",
    "urging",
    "asking",
    "calling",
    "proposing",
    "working",
    "fighting",
    "seeking",
    "like",
    "support",
    "oppose",
    "accept",
    "believe",
    "want",
    "hope",
    "favor",
    "reject",
    "agree",
    "disagree",
];

/// Adverbs allowed between the subject and the marker ("I also believe").
const ADVERBS: &[&str] =
    &["also", "now", "therefore", "strongly", "firmly", "still", "again", "fully", "today", "hereby"];

/// What follows "want to", "would like to", "am pleased to": thanks and greetings.
const COURTESIES: &[&str] = &[
    "thank",
    "thanks",
    "welcome",
    "congratulate",
    "acknowledge",
    "recognize",
    "salute",
    "greet",
    "express",
    "pay",
    "extend",
    "be",
    "begin",
    "start",
    "say",
    "tell",
    "report",
    "speak",
    "talk",
    "share",
    "note",
    "mention",
    "introduce",
];

/// One labelled turn of a transcript: where it starts and whose it is.
#[derive(Debug, Clone, PartialEq)]
enum Voice {
    /// The document speaker.
    Speaker,
    /// A question: no one's stance.
    Question,
    /// Someone else, by name as the label gives it.
    Other(String),
}

/// In a document whose speaker is `speaker`: statements attributed to "I" or
/// "we" become the speaker's, and the speaker's first-person positions are
/// appended (after `statements`, so indices of earlier ones stay valid).
pub(crate) fn extend(
    body: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    statements: &mut Vec<RawStatement>,
    speaker: &str,
    book: &ActorBook,
) {
    let speaker_id = actor_for(book, speaker);
    let turns = turns(body, speaker);
    for statement in statements.iter_mut() {
        if is_first_person(&statement.speaker.text) {
            let courtesy =
                statement.content_pieces.first().and_then(|c| body.get(c.start..c.end)).is_some_and(|c| {
                    let mut words = c
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
                    words.next().is_some_and(|w| w == "to")
                        && words.next().is_some_and(|w| COURTESIES.contains(&w.as_str()))
                });
            statement.speaker.actor = match voice_at(&turns, statement.speaker.span.start) {
                _ if courtesy => None,
                Voice::Speaker => Some(speaker_id.clone()),
                Voice::Question => None,
                Voice::Other(name) => Some(actor_for(book, &name)),
            };
            statement.principal = None;
            statement.proxy = None;
            statement.anonymous = false;
        }
    }
    let found = self::statements(body, sentences, quotes, statements, speaker, book);
    statements.extend(found);
}

/// The first-person statements of a document whose speaker is `speaker`.
/// `existing` are the statements attribution found; sentences they hold are left to them.
pub(crate) fn statements(
    body: &str,
    sentences: &[Sentence],
    quotes: &[Quote],
    existing: &[RawStatement],
    speaker: &str,
    book: &ActorBook,
) -> Vec<RawStatement> {
    let speaker_id = actor_for(book, speaker);
    let turns = turns(body, speaker);
    let taken: Vec<Span> = existing
        .iter()
        .flat_map(|s| s.content_pieces.iter().copied().chain(std::iter::once(s.cue_span)))
        .collect();
    let mut out = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let mut span = sentence.span;
        // The voice of the turn the sentence starts in; a label in the
        // sentence itself is cut off.
        let turn = turns.iter().rev().find(|t| t.0 <= span.start.max(span.end.saturating_sub(1)));
        let voice = match turn {
            Some((start, end, voice)) => {
                if *start >= span.start && *end > span.start {
                    span.start = (*end).min(span.end);
                }
                voice.clone()
            }
            None => Voice::Speaker,
        };
        let actor = match &voice {
            Voice::Speaker => speaker_id.clone(),
            Voice::Question => continue,
            Voice::Other(name) => actor_for(book, name),
        };
        let Some(text) = body.get(span.start..span.end) else { continue };
        let trimmed = text.trim_end();
        if trimmed.is_empty()
            || trimmed.ends_with('?')
            || trimmed.trim_end_matches(['"', '”', '’']).ends_with('?')
        {
            continue;
        }
        if taken.iter().any(|t| t.start < span.end && span.start < t.end) {
            continue;
        }
        if quotes.iter().any(|q| q.span.start <= span.start && span.start < q.span.end) {
            continue;
        }
        // Without a first-person subject, the speaker still holds what a
        // sentence of their own voice requires or judges ("Government
        // revenues must not be reduced", "Ratification of the treaty is among
        // our top priorities"): the speaker is the one who says it.
        let (subject, cue, impersonal) = match find_stance(body, span) {
            Some((subject, cue)) => (subject, cue, false),
            None => match (voice == Voice::Speaker).then(|| find_impersonal_position(body, span)).flatten() {
                Some(cue) => (cue, cue, true),
                None => continue,
            },
        };
        let lead = trimmed.len() - trimmed.trim_start().len();
        let content_span = Span::new(span.start + lead, span.start + trimmed.len());
        out.push(RawStatement {
            sentence: index,
            speaker: Mention {
                // An impersonal position has no subject word: the speaker's name
                // stands for it, at the cue.
                text: if impersonal {
                    speaker.to_string()
                } else {
                    body[subject.start..subject.end].to_string()
                },
                span: subject,
                actor: Some(actor),
            },
            principal: None,
            proxy: None,
            anonymous: false,
            cue_span: cue,
            content_pieces: vec![content_span],
            kind: SpeechKind::Position,
            confidence: CONFIDENCE,
            continues: None,
            outer: false,
        });
    }
    out
}

/// Whether a statement's literal speaker is the first person ("I", "we"),
/// which in a document with a speaker is that speaker.
pub(crate) fn is_first_person(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    matches!(lower.as_str(), "i" | "we" | "me" | "us" | "i'm" | "i'd" | "i've" | "i'll" | "we're" | "we'd")
        || lower.starts_with("my administration")
        || lower.starts_with("this administration")
}

/// The actor a name resolves to: the actor book's, else the name's slug.
pub(crate) fn actor_for(book: &ActorBook, name: &str) -> ActorId {
    match book.resolve(name) {
        Some(actor) => actor.id.clone(),
        None => ActorId::from_name(name),
    }
}

/// A word of the sentence with its span, lower-cased, apostrophes normalised.
struct Word {
    span: Span,
    lower: String,
}

fn words(body: &str, span: Span) -> Vec<Word> {
    let text = &body[span.start..span.end];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let part = c.is_alphanumeric() || c == '\'' || c == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let raw = text[s..i].trim_matches(|c| c == '\'' || c == '’');
                if !raw.is_empty() {
                    let offset = s + text[s..i].find(raw).unwrap_or(0);
                    let lower = raw.to_lowercase().replace('’', "'");
                    // Split contractions: "I'll" -> "i", "'ll"; "won't" stays.
                    if let Some(at) = lower.find('\'').filter(|_| lower != "won't" && lower != "can't") {
                        out.push(Word {
                            span: Span::new(span.start + offset, span.start + offset + at),
                            lower: lower[..at].to_string(),
                        });
                        out.push(Word {
                            span: Span::new(span.start + offset + at, span.start + offset + raw.len()),
                            lower: lower[at..].to_string(),
                        });
                    } else {
                        out.push(Word {
                            span: Span::new(span.start + offset, span.start + offset + raw.len()),
                            lower,
                        });
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The first-person subject and the stance word of the sentence, if it states one.
/// Deontic modals that make a sentence of the speaker's voice a position on
/// what is to be done, whoever its subject is. Not "will" and "shall": with
/// an impersonal subject they mostly forecast or narrate ("expenditures will
/// reach $780,000,000", "the findings will be transmitted").
const IMPERSONAL_MODALS: &[&str] = &["must", "should", "ought", "need", "needs"];

/// Judgement words that make a sentence of the speaker's voice a position
/// ("is essential", "among our top priorities", "not advisable").
const IMPERSONAL_JUDGEMENTS: &[&str] = &[
    "necessary",
    "unnecessary",
    "essential",
    "imperative",
    "vital",
    "desirable",
    "undesirable",
    "advisable",
    "inadvisable",
    "priority",
    "priorities",
    "urgent",
    "indispensable",
];

/// The cue of a position stated without a first-person subject in the
/// speaker's own voice: a deontic modal in the main clause
/// (within the first words, not inside a fronted "if" or "when" clause), or a
/// judgement word after a copula. Narration (past tense, "would", "could")
/// and questions are no position.
fn find_impersonal_position(body: &str, span: Span) -> Option<Span> {
    let words = words(body, span);
    let first = words.first()?.lower.as_str();
    if matches!(first, "if" | "when" | "unless" | "whether" | "as" | "while" | "although" | "though") {
        return None;
    }
    let at = |i: usize| words.get(i).map_or("", |w| w.lower.as_str());
    // The main verb group comes early in a sentence stating a position.
    let limit = words.len().min(14);
    for i in 1..limit {
        let w = at(i);
        if matches!(w, "that" | "which" | "who" | "if" | "because" | "when") {
            return None;
        }
        if IMPERSONAL_MODALS.contains(&w) {
            // "need" and "needs" are verbs only before "to" or a bare verb phrase.
            if matches!(w, "need" | "needs") && at(i + 1) != "to" {
                continue;
            }
            return Some(words[i].span);
        }
        if matches!(w, "is" | "are" | "remains" | "remain") {
            let judged = (i + 1..(i + 6).min(words.len())).find(|&k| IMPERSONAL_JUDGEMENTS.contains(&at(k)));
            if let Some(k) = judged {
                return Some(Span::new(words[i].span.start, words[k].span.end));
            }
        }
    }
    None
}

fn find_stance(body: &str, span: Span) -> Option<(Span, Span)> {
    let words = words(body, span);
    let first = words.first()?.lower.as_str();
    if matches!(first, "thank" | "thanks" | "good" | "hello" | "welcome" | "congratulations") {
        return None;
    }
    let at = |i: usize| words.get(i).map_or("", |w| w.lower.as_str());
    for i in 0..words.len() {
        let (subject_end, next) = match at(i) {
            "i" | "we" => (i, i + 1),
            "my" | "this" | "our" if matches!(at(i + 1), "administration" | "government") => (i + 1, i + 2),
            _ => continue,
        };
        // "than we", "as I" and "if we" do not state the position.
        if i > 0 && matches!(at(i - 1), "if" | "unless" | "than" | "as" | "when" | "whether" | "what" | "how")
        {
            continue;
        }
        let mut j = next;
        while ADVERBS.contains(&at(j)) && j < next + 2 {
            j += 1;
        }
        let marker = at(j);
        if !MARKERS.contains(&marker) {
            continue;
        }
        // "we stand by the agreements", not "I stand here tonight".
        if matches!(marker, "stand" | "stands")
            && !matches!(
                at(j + 1),
                "for" | "by" | "with" | "against" | "ready" | "firm" | "united" | "behind"
            )
        {
            continue;
        }
        if AUXILIARIES.contains(&marker) {
            let mut k = j + 1;
            // "we do not seek", "I would not sign"; not "I have not given" (narration).
            let negated = matches!(at(k), "not" | "never") && !matches!(marker, "have" | "has" | "'ve");
            while matches!(
                at(k),
                "not" | "never" | "also" | "now" | "always" | "firmly" | "strongly" | "fully" | "still"
            ) && k < j + 3
            {
                k += 1;
            }
            if !negated && !AFTER_AUXILIARY.contains(&at(k)) {
                continue;
            }
        }
        // "I want to thank", "we would like to welcome", "I am pleased to
        // introduce": courtesies, not positions.
        let tail: Vec<&str> = (j..(j + 5).min(words.len())).map(at).collect();
        if let Some(to) = tail.iter().position(|w| *w == "to") {
            if tail.get(to + 1).is_some_and(|w| COURTESIES.contains(w)) {
                return None;
            }
        }
        if matches!(marker, "welcome") || tail.iter().any(|w| matches!(*w, "thank" | "thanks" | "grateful")) {
            return None;
        }
        let subject = Span::new(words[i].span.start, words[subject_end].span.end);
        let cue_end = words[j].span.end;
        return Some((subject, Span::new(words[next.min(j)].span.start, cue_end)));
    }
    None
}

/// The voice of the turn `at` is in (the speaker's before any label).
fn voice_at(turns: &[(usize, usize, Voice)], at: usize) -> Voice {
    turns.iter().rev().find(|t| t.0 <= at).map_or(Voice::Speaker, |t| t.2.clone())
}

/// Labelled turns: (label start, label end, voice), in text order.
fn turns(body: &str, speaker: &str) -> Vec<(usize, usize, Voice)> {
    let speaker_words: Vec<String> = speaker
        .split_whitespace()
        .map(|w| w.trim_matches('.').to_uppercase())
        .filter(|w| w.len() > 2)
        .collect();
    let mut out = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let lead = line.len() - line.trim_start().len();
        if let Some((label, len)) = label(&line[lead..]) {
            let voice = voice(&label, &speaker_words);
            out.push((start + lead, start + lead + len, voice));
        }
    }
    out
}

/// Honorifics and titles a label may carry before the name.
const TITLES: &[&str] = &[
    "MR",
    "MRS",
    "MS",
    "DR",
    "PRESIDENT",
    "SECRETARY",
    "SENATOR",
    "GOVERNOR",
    "SPEAKER",
    "GENERAL",
    "ADMIRAL",
    "AMBASSADOR",
    "MINISTER",
    "PRIME",
    "VICE",
    "REP",
    "SEN",
    "GOV",
    "CHAIRMAN",
    "JUDGE",
    "MAYOR",
    "MISS",
];

/// A speaker label at the start of a line and its length (through the `.` or `:`).
fn label(line: &str) -> Option<(Vec<String>, usize)> {
    let mut words = Vec::new();
    let mut pos = 0;
    let mut dotted_end = None;
    for token in line.split_inclusive(char::is_whitespace) {
        let word = token.trim_end();
        let end = pos + word.len();
        pos += token.len();
        let bare = word.trim_end_matches(['.', ':', ',']);
        let upper = !bare.is_empty()
            && bare.chars().all(|c| c.is_uppercase() || c == '.' || c == '\'' || c == '-')
            && bare.chars().any(char::is_alphabetic);
        if !upper || words.len() >= 5 {
            break;
        }
        words.push(bare.trim_end_matches('.').to_string());
        if word.ends_with(':') {
            // "YESTERDAY'S GOALS: TOMORROW'S ACCOMPLISHMENTS", "THE ECONOMY:
            // TOWARD A NEW PROSPERITY": a heading goes on in capitals; a
            // speaker's words do not.
            let rest = line[end..].trim();
            let heading_goes_on = !rest.is_empty()
                && rest.chars().any(char::is_alphabetic)
                && !rest.chars().any(char::is_lowercase);
            return Some((words, end)).filter(|(w, _)| !heading_goes_on && is_label(w, true));
        }
        if word.ends_with('.') {
            dotted_end = Some((words.len(), end));
        }
    }
    let (count, end) = dotted_end?;
    // The label is followed by ordinary text on the same line ("THE PRESIDENT. Thank you").
    if line[end..].trim().is_empty() && count < words.len() {
        return None;
    }
    words.truncate(count);
    Some((words, end)).filter(|(w, _)| is_label(w, false))
}

/// Whether upper-case words read as a speaker label: `Q`, or a name with a
/// title; after a colon any short upper-case name.
fn is_label(words: &[String], colon: bool) -> bool {
    if words == ["Q"] {
        return true;
    }
    let letters: usize = words.iter().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).sum();
    if letters < 2 || words.iter().all(|w| is_roman(w)) {
        return false;
    }
    // "A STRONG DEFENSE:", "THE ECONOMY:": an article opens a heading, not a name,
    // unless a title follows ("THE PRESIDENT:").
    let article = |w: &str| matches!(w, "A" | "AN" | "THE");
    if words.first().is_some_and(|w| article(w))
        && !words.get(1).is_some_and(|w| TITLES.contains(&w.as_str()))
    {
        return false;
    }
    let titled =
        words.first().is_some_and(|w| TITLES.contains(&w.as_str()) || w == "THE") && words.len() >= 2;
    titled || (colon && words.len() <= 3)
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}

fn voice(label: &[String], speaker_words: &[String]) -> Voice {
    if label == ["Q"] {
        return Voice::Question;
    }
    if label == ["THE", "PRESIDENT"] || label.iter().any(|w| speaker_words.contains(w)) {
        return Voice::Speaker;
    }
    let name: Vec<String> = label
        .iter()
        .skip_while(|w| TITLES.contains(&w.as_str()) || w.as_str() == "THE")
        .map(|w| title_case(w))
        .collect();
    if name.is_empty() {
        Voice::Other(label.iter().map(|w| title_case(w)).collect::<Vec<_>>().join(" "))
    } else {
        Voice::Other(name.join(" "))
    }
}

fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stance(text: &str) -> Option<(String, String)> {
        find_stance(text, Span::new(0, text.len()))
            .map(|(s, c)| (text[s.start..s.end].into(), text[c.start..c.end].into()))
    }

    #[test]
    fn stances_and_non_stances() {
        let some = |s: &str, c: &str| Some((s.to_string(), c.to_string()));
        assert_eq!(stance("I will not sign a bill that raises this tax."), some("I", "will"));
        assert_eq!(stance("And we will bring our troops home by the end of next year."), some("we", "will"));
        assert_eq!(stance("My administration will open the new office."), some("My administration", "will"));
        assert_eq!(stance("I have directed that the office open by early next year."), some("I", "have"));
        assert_eq!(stance("I believe the treaty is wrong."), some("I", "believe"));
        assert_eq!(stance("I'll veto it."), some("I", "'ll"));
        assert_eq!(stance("Thank you all for coming."), None);
        assert_eq!(stance("I want to thank the mayor."), None);
        assert_eq!(stance("We have been here before."), None);
        assert_eq!(stance("I have not given the estimates, because they are in the reports."), None);
        assert_eq!(stance("We do not seek war."), some("We", "do"));
        assert_eq!(stance("We stand by the agreements."), some("We", "stand"));
        assert_eq!(stance("I stand here tonight."), None);
        assert_eq!(stance("We went to war in 1812."), None);
        assert_eq!(stance("It is larger than we will ever need."), None);
    }

    /// Regression (SOTU): the positions of real same-president shifts had no
    /// first-person subject ("Government revenues must not be reduced") and
    /// were never statements.
    #[test]
    fn impersonal_positions_in_the_speakers_voice() {
        fn cue(text: &str) -> Option<&str> {
            find_impersonal_position(text, Span::new(0, text.len())).map(|c| &text[c.start..c.end])
        }
        assert_eq!(cue("On the other hand, Government revenues must not be reduced."), Some("must"));
        assert_eq!(
            cue("The ratification of the treaty is therefore among our top priorities."),
            Some("is therefore among our top priorities")
        );
        assert_eq!(cue("A portion should come from revised estate taxes."), Some("should"));
        // Forecasts, narration, conditions and clauses of other sentences are none.
        assert_eq!(cue("Our expenditures will reach about $780,000,000."), None);
        assert_eq!(cue("The Congress passed the act in 1946."), None);
        assert_eq!(cue("If the war goes on, taxes must rise."), None);
        assert_eq!(cue("The report that the committee should read is long."), None);
    }

    #[test]
    fn labels() {
        let l = |line: &str| label(line).map(|(w, _)| w.join(" "));
        assert_eq!(l("THE PRESIDENT. Thank you."), Some("THE PRESIDENT".into()));
        assert_eq!(l("Q. Mr. President, will you?"), Some("Q".into()));
        assert_eq!(l("Q: Will you?"), Some("Q".into()));
        assert_eq!(l("MR. SMITH: We disagree."), Some("MR SMITH".into()));
        assert_eq!(l("PRESIDENT OBAMA: We will."), Some("PRESIDENT OBAMA".into()));
        assert_eq!(l("I. The budget."), None);
        assert_eq!(l("I will sign it."), None);
        assert_eq!(l("NATO. It is strong."), None);
        // Regression (SOTU 1972): section headings read as speaker labels took
        // 467 of the president's "I" and "we" statements.
        assert_eq!(l("YESTERDAY'S GOALS: TOMORROW'S ACCOMPLISHMENTS"), None);
        assert_eq!(l("A STRONG DEFENSE: THE GUARDIAN OF PEACE"), None);
        assert_eq!(l("THE ECONOMY: TOWARD A NEW PROSPERITY"), None);
        assert_eq!(l("THE PRESIDENT: We will act."), Some("THE PRESIDENT".into()));
        let speaker = vec!["BARACK".to_string(), "OBAMA".to_string()];
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(voice(&words("PRESIDENT OBAMA"), &speaker), Voice::Speaker);
        assert_eq!(voice(&words("MR SMITH"), &speaker), Voice::Other("Smith".into()));
    }
}
