//! What a statement's words refer to elsewhere in the article.
//!
//! Statements are often about something they do not name: "They're going to
//! meet pretty soon" (Rubio and Lavrov, named the sentence before), "a meeting
//! of the two ministers", "the meeting could take place within two weeks" or
//! "no dates have been set" (the summit the article is about). Topics need the
//! names, so each such expression gets the antecedent it most likely has:
//!
//! - **they / them / their** (not the speaker's own group): a "referring to X
//!   and Y" in the same sentence, else the nearest pair of people coordinated
//!   with "and" before the words ("Marco Rubio and Sergei Lavrov");
//! - **group nouns** ("the two ministers", "both leaders", "the presidents"):
//!   the nearest such pair as well;
//! - **event words without names in their clause** ("the meeting", "a summit",
//!   "preparation", "no dates", "the timetable"): the nearest earlier mention
//!   of an event with people named around it, preferring one that involves the
//!   statement's principal ("a summit between President Donald Trump and
//!   Russian President Vladimir Putin").
//!
//! Deliberately conservative: a referent is only recorded when an antecedent
//! with names is found, and it only ever adds words for topic matching; the
//! statement's own words are never changed.

use crate::actors::names::{EntityKind, NameMention};
use crate::actors::ActorBook;
use crate::attribution::RawStatement;
use crate::lexicon::closed::PLURAL_PRONOUNS;
use crate::lexicon::EVENT_WORDS;
use crate::lexicon::{words, Word};
use crate::text::quotes::Quote;
use crate::text::sentences::Sentence;
use stanceshift_core::{ActorId, Span};

/// Words that refer to an event named elsewhere: event nouns, and words for
/// the date, preparation or timetable *of* an event.
fn refers_to_event(lower: &str) -> bool {
    EVENT_WORDS.event_nouns.contains(lower) || EVENT_WORDS.relational_nouns.contains(lower)
}

/// Words that can head an antecedent event.
fn names_an_event(lower: &str) -> bool {
    EVENT_WORDS.event_nouns.contains(lower) || EVENT_WORDS.event_verbs.contains(lower)
}

/// How far around an event word its participants may be named, in words.
const EVENT_WINDOW: usize = 12;

/// An event mentioned with people around it, found once per article.
#[derive(Debug, Clone)]
struct EventMention {
    /// Hull of the event word and the people named around it.
    span: Span,
    people: Vec<ActorId>,
}

/// A referring expression with its antecedent, in body offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Span,
    pub antecedent: Span,
}

/// The referents of every statement, parallel to `statements`.
pub(crate) fn resolve(
    body: &str,
    sentences: &[Sentence],
    mentions: &[NameMention],
    statements: &[RawStatement],
    quotes: &[Quote],
    book: &ActorBook,
) -> Vec<Vec<Found>> {
    let people: Vec<&NameMention> = mentions.iter().filter(|m| m.kind == EntityKind::Person).collect();
    // Each article-wide table is built only when a statement needs it: most
    // statements refer to nothing.
    let pairs = std::cell::OnceCell::new();
    let pairs = || pairs.get_or_init(|| coordinated_pairs(body, &people));
    let titles = std::cell::OnceCell::new();
    let titles = || titles.get_or_init(|| titles_of(body, &people));
    let events = std::cell::OnceCell::new();
    let events = || {
        events.get_or_init(|| {
            let speakers: Vec<Span> = statements.iter().map(|s| s.speaker.span).collect();
            event_mentions(body, sentences, &people, &speakers, quotes)
        })
    };
    statements
        .iter()
        .map(|st| {
            let mut found = Vec::new();
            let sentence = sentences.get(st.sentence).map_or(Span::new(0, 0), |s| s.span);
            let speaker_plural = st.speaker.actor.is_none() || st.speaker.text.to_lowercase().ends_with('s');
            for piece in &st.content_pieces {
                let Some(text) = body.get(piece.start..piece.end) else { continue };
                if !may_refer(text) {
                    continue;
                }
                let ws = words(text);
                if !ws.iter().any(|w| refers(&w.lower)) {
                    continue;
                }
                let clauses = crate::clauses::clauses(&ws);
                for (i, w) in ws.iter().enumerate() {
                    let at = Span::new(piece.start + w.start, piece.start + w.end);
                    let lower = w.lower.as_str();
                    let resolved: Option<(Span, Span)> = if PLURAL_PRONOUNS.contains(&lower) {
                        if speaker_plural {
                            continue;
                        }
                        referring_to(body, sentence, pairs(), piece.end)
                            .or_else(|| nearest_pair(pairs(), at.start, sentences, st.sentence))
                            .map(|a| (at, a))
                    } else if is_bare_the_two(&ws, i) {
                        let phrase = Span::new(piece.start + ws[i - 1].start, at.end);
                        nearest_pair(pairs(), phrase.start, sentences, st.sentence).map(|a| (phrase, a))
                    } else if EVENT_WORDS.group_nouns.contains(lower) && is_definite_group(&ws, i) {
                        let phrase = Span::new(piece.start + ws[group_start(&ws, i)].start, at.end);
                        let fits =
                            |pair: &[ActorId; 2]| pair.iter().all(|p| fits_group(lower, titles().get(p)));
                        let candidates: Vec<(Span, [ActorId; 2])> =
                            pairs().iter().filter(|(_, pair)| fits(pair)).cloned().collect();
                        nearest_pair(&candidates, phrase.start, sentences, st.sentence).map(|a| (phrase, a))
                    } else if refers_to_event(lower) && {
                        let clause = clauses.iter().find(|r| r.contains(&i)).cloned().unwrap_or(0..ws.len());
                        !names_someone_else(&ws, &clause, piece.start, &people, st)
                            && !names_a_group(&ws, &clause)
                    } {
                        event_antecedent(events(), at.start, st, book).map(|a| (at, a))
                    } else {
                        None
                    };
                    if let Some((span, antecedent)) = resolved {
                        found.push(Found { span, antecedent });
                    }
                }
            }
            found
        })
        .collect()
}

/// The words before and of each person's mentions ("secretary of state marco
/// rubio", "russian president vladimir putin"), lowercase, joined: what their
/// title is in this article.
fn titles_of(body: &str, people: &[&NameMention]) -> crate::FastMap<ActorId, String> {
    let mut titles: crate::FastMap<ActorId, String> = crate::FastMap::default();
    for m in people {
        let before = body.get(m.span.start.saturating_sub(40)..m.span.start).unwrap_or("");
        let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        let entry = titles.entry(m.id.clone()).or_default();
        for w in words.iter().rev() {
            entry.push(' ');
            entry.push_str(&w.to_lowercase());
        }
        // A title the name scan kept inside the name ("Russian President Vladimir Putin").
        entry.push(' ');
        entry.push_str(&body.get(m.span.start..m.span.end).unwrap_or("").to_lowercase());
    }
    titles
}

/// Whether a person with these title words fits a group noun: "the ministers"
/// are ministers or secretaries, "the presidents" presidents; "leaders", "men",
/// "sides" and the rest fit anyone.
fn fits_group(noun: &str, title: Option<&String>) -> bool {
    let title = title.map_or("", String::as_str);
    match noun {
        "ministers" => title.contains("minister") || title.contains("secretary"),
        "presidents" => title.contains("president"),
        "diplomats" | "envoys" => {
            title.contains("minister") || title.contains("secretary") || title.contains("envoy")
        }
        _ => true,
    }
}

/// Whether `clause` has a group or plural pronoun that names an event's
/// participants itself ("a meeting of the foreign ministers").
fn names_a_group(ws: &[Word], clause: &std::ops::Range<usize>) -> bool {
    clause.clone().any(|k| {
        PLURAL_PRONOUNS.contains(&ws[k].lower.as_str())
            || EVENT_WORDS.group_nouns.contains(ws[k].lower.as_str()) && is_definite_group(ws, k)
            || is_bare_the_two(ws, k)
    })
}

/// "the two ministers", "both leaders", "the foreign ministers": a definite
/// determiner at most two words before the group noun.
fn is_definite_group(ws: &[Word], i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|k| matches!(ws[k].lower.as_str(), "the" | "both"))
}

/// "the two" standing alone for a pair just named ("a meeting between the
/// two also wasn't necessary"), not "the two companies": the next word, if
/// any, is a mark or a word that cannot be its noun.
fn is_bare_the_two(ws: &[Word], i: usize) -> bool {
    const AFTER_BARE: &[&str] = &[
        "also", "both", "have", "had", "has", "would", "will", "could", "should", "must", "might", "may",
        "can", "were", "are", "did", "do", "met", "agreed", "said", "to", "and", "in", "on", "at", "for",
        "was", "is",
    ];
    ws[i].lower == "two"
        && i > 0
        && ws[i - 1].lower == "the"
        && ws.get(i + 1).is_none_or(|next| {
            !next.lower.starts_with(char::is_alphanumeric) || AFTER_BARE.contains(&next.lower.as_str())
        })
}

/// First word of a definite group phrase ending at `i` ("the" of "the two ministers").
fn group_start(ws: &[Word], i: usize) -> usize {
    (i.saturating_sub(3)..i).find(|&k| matches!(ws[k].lower.as_str(), "the" | "both")).unwrap_or(i)
}

/// Pairs of people coordinated with "and" ("Marco Rubio and Sergei Lavrov",
/// "between Trump and Putin"), as the hull of both names.
fn coordinated_pairs(body: &str, people: &[&NameMention]) -> Vec<(Span, [ActorId; 2])> {
    people
        .windows(2)
        .filter(|w| w[0].id != w[1].id)
        .filter(|w| {
            // "Marco Rubio and Foreign Minister Sergei Lavrov": titles may sit after "and".
            body.get(w[0].span.end..w[1].span.start).is_some_and(|between| {
                let between = between.trim().trim_start_matches(',').trim_start();
                let Some(rest) = between.strip_prefix("and").or_else(|| between.strip_prefix('&')) else {
                    return false;
                };
                rest.is_empty()
                    || rest.starts_with(' ')
                        && rest
                            .split_whitespace()
                            .all(|w| crate::actors::names::is_capitalised(w) || w == "of")
            })
        })
        .map(|w| (Span::new(w[0].span.start, w[1].span.end), [w[0].id.clone(), w[1].id.clone()]))
        .collect()
}

/// "…,” he said, referring to Secretary of State Marco Rubio and Foreign
/// Minister Sergei Lavrov": a pair named after "referring to" in the sentence.
fn referring_to(body: &str, sentence: Span, pairs: &[(Span, [ActorId; 2])], after: usize) -> Option<Span> {
    let text = body.get(after..sentence.end)?;
    let at = text.to_ascii_lowercase().find("referring to")? + after;
    pairs.iter().find(|(span, _)| span.start > at && span.end <= sentence.end).map(|(span, _)| *span)
}

/// The nearest pair named before `before`, in this sentence or the two before it.
fn nearest_pair(
    pairs: &[(Span, [ActorId; 2])],
    before: usize,
    sentences: &[Sentence],
    sentence: usize,
) -> Option<Span> {
    let earliest = sentences.get(sentence.saturating_sub(2)).map_or(0, |s| s.span.start);
    pairs.iter().rev().find(|(span, _)| span.end <= before && span.start >= earliest).map(|(span, _)| *span)
}

/// Whether any word of `text` might [`refers`], without building its words:
/// most content refers to nothing, and splitting it into words was an eighth
/// of the analyzer's time. Tests every run of letters, digits, hyphens and
/// apostrophes whole and cut at them, a superset of the words [`words`] makes.
fn may_refer(text: &str) -> bool {
    let mut lower = String::new();
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .filter(|run| !run.is_empty())
        .any(|run| {
            let mut test = |part: &str| {
                lower.clear();
                lower.extend(part.chars().flat_map(char::to_lowercase).map(|c| {
                    if c == '’' {
                        '\''
                    } else {
                        c
                    }
                }));
                refers(&lower)
            };
            test(run) || (run.contains(['-', '\'', '’']) && run.split(['-', '\'', '’']).any(&mut test))
        })
}

/// Whether any word could refer to something named elsewhere.
fn refers(lower: &str) -> bool {
    REFERRING.contains(lower)
}

/// Every word [`refers`] accepts, in one set: it is asked of every word of
/// every statement's content, and one lookup is cheaper than four.
static REFERRING: std::sync::LazyLock<crate::FastSet<String>> = std::sync::LazyLock::new(|| {
    let pronouns = PLURAL_PRONOUNS.iter().map(|w| w.to_string());
    let events = EVENT_WORDS.event_nouns.iter().chain(&EVENT_WORDS.relational_nouns);
    let the_two = std::iter::once("two".to_string());
    pronouns.chain(EVENT_WORDS.group_nouns.iter().cloned()).chain(events.cloned()).chain(the_two).collect()
});

/// Whether `clause` names a person other than the speaker (then an event
/// word in it has its participants already).
fn names_someone_else(
    ws: &[Word],
    clause: &std::ops::Range<usize>,
    base: usize,
    people: &[&NameMention],
    st: &RawStatement,
) -> bool {
    let (Some(first), Some(last)) = (ws.get(clause.start), ws.get(clause.end.saturating_sub(1))) else {
        return false;
    };
    let span = Span::new(base + first.start, base + last.end);
    let own = |id: &ActorId| st.speaker.actor.as_ref() == Some(id);
    people.iter().any(|m| span.start <= m.span.start && m.span.end <= span.end && !own(&m.id))
}

/// Every event word with people named within [`EVENT_WINDOW`] words of it, in
/// the same sentence. A speaker named beside a quoted event word ("“… the
/// meeting …,” Peskov said") reports it and takes no part: the participants are
/// the other names. Outside quotes ("Trump said he would meet Putin") the
/// speaker counts.
fn event_mentions(
    body: &str,
    sentences: &[Sentence],
    people: &[&NameMention],
    speakers: &[Span],
    quotes: &[Quote],
) -> Vec<EventMention> {
    let mut out = Vec::new();
    for sentence in sentences {
        let Some(text) = body.get(sentence.span.start..sentence.span.end) else { continue };
        if !EVENT_WORDS.event_nouns.iter().chain(&EVENT_WORDS.event_verbs).any(|e| text.contains(e.as_str()))
        {
            continue;
        }
        let ws = words(text);
        for (i, w) in ws.iter().enumerate() {
            if !names_an_event(&w.lower) {
                continue;
            }
            let lo = sentence.span.start + ws[i.saturating_sub(EVENT_WINDOW)].start;
            let hi = sentence.span.start + ws[(i + EVENT_WINDOW).min(ws.len() - 1)].end;
            let at = sentence.span.start + w.start;
            let quoted = quotes.iter().any(|q| q.span.start < at && at < q.span.end);
            let is_speaker =
                |m: &NameMention| speakers.iter().any(|s| s.start <= m.span.start && m.span.end <= s.end);
            let around: Vec<&&NameMention> = people
                .iter()
                .filter(|m| m.span.start >= lo && m.span.end <= hi && !(quoted && is_speaker(m)))
                .collect();
            if around.is_empty() {
                continue;
            }
            let start = around.iter().map(|m| m.span.start).min().unwrap_or(at).min(at);
            let end = around.iter().map(|m| m.span.end).max().unwrap_or(at).max(at + w.lower.len());
            let mut ids: Vec<ActorId> = around.iter().map(|m| m.id.clone()).collect();
            ids.dedup();
            out.push(EventMention { span: Span::new(start, end), people: ids });
        }
    }
    out
}

/// The event an unnamed event word stands for: the nearest earlier event with
/// people, preferring one the statement's principal (or speaker) takes part in.
fn event_antecedent(
    events: &[EventMention],
    before: usize,
    st: &RawStatement,
    book: &ActorBook,
) -> Option<Span> {
    let earlier: Vec<&EventMention> = events.iter().filter(|e| e.span.end <= before).collect();
    // The principal and whoever heads it: the Kremlin's summit is Putin's.
    let mut side: Vec<ActorId> = st.speaker.actor.iter().cloned().collect();
    if let Some(principal) = &st.principal {
        side.extend(book.counts_toward(principal));
    }
    let involves = |e: &&&EventMention| side.iter().any(|id| e.people.contains(id));
    earlier.iter().rev().find(involves).or_else(|| earlier.last()).map(|e| e.span)
}
