//! Two reported clauses under one reporting verb are two statements:
//! "The official said the call had been productive, and a meeting of the two
//! ministers also wasn't necessary"; "… said Rubio and Lavrov had spoken and
//! that a meeting was not necessary". Each clause is its own proposition, so
//! each must be able to open or withdraw a commitment of its own; read as one
//! statement, the second clause's stance is lost under the first's topic.

use crate::attribution::RawStatement;
use crate::lexicon::closed::FINITE_VERBS;
use crate::text::quotes::Quote;
use stanceshift_core::{Span, SpeechKind};

/// Explicit second complementisers: the clause after them is reported too.
const SECOND_THAT: &[&str] = &[", and that ", " and that ", ", but that ", " but that "];

/// Conjunctions that may join two reported clauses after a comma without a
/// second "that". Not ", but" or ", while": on real news the clause after them
/// is mostly the reporter's own ("…, but he hasn't endorsed her").
const CLAUSE_JOINERS: &[&str] = &[", and "];

/// Words a new clause does not start with when the conjunction joins
/// something smaller: a relative, another conjunction, a verb sharing the
/// first clause's subject ("…, and would meet soon").
const NOT_A_SUBJECT: &[&str] =
    &["and", "but", "or", "which", "who", "whom", "whose", "that", "where", "when", "then"];

/// Longest subject of a second clause, in words, before its verb: "an
/// in-person meeting between the two also wasn't necessary" has eight.
const MAX_SUBJECT_WORDS: usize = 9;

/// Splits the single-piece reported content of each statement at a second
/// coordinated clause, keeping both under the same speaker and cue; the
/// second continues the first. Later statements' `continues` indices follow
/// the insertions.
pub(crate) fn split_coordinated_clauses(body: &str, quotes: &[Quote], statements: &mut Vec<RawStatement>) {
    if !statements.iter().any(|st| second_clause(body, quotes, st).is_some()) {
        return;
    }
    let old = std::mem::take(statements);
    let mut new_index = Vec::with_capacity(old.len());
    for mut st in old {
        // `continues` points to an earlier statement, whose new place is known.
        st.continues = st.continues.and_then(|i| new_index.get(i).copied());
        new_index.push(statements.len());
        while let Some((first_end, second)) = second_clause(body, quotes, &st) {
            let mut first = st.clone();
            first.content_pieces = vec![Span::new(st.content_pieces[0].start, first_end)];
            // One occasion: the second clause is dated (and toned) with the
            // first, whose words are no longer its content ("… had held a
            // call on Monday, and a meeting wasn't necessary" was not said Monday).
            st.continues = Some(statements.len());
            statements.push(first);
            st.content_pieces = vec![second];
        }
        statements.push(st);
    }
}

/// Where the first clause ends and the second begins, in body offsets.
fn second_clause(body: &str, quotes: &[Quote], st: &RawStatement) -> Option<(usize, Span)> {
    if !matches!(st.kind, SpeechKind::Indirect | SpeechKind::Mixed) || st.content_pieces.len() != 1 {
        return None;
    }
    let piece = st.content_pieces[0];
    let content = body.get(piece.start..piece.end)?;
    // Most content has no conjunction at all; this runs for every statement.
    if !content.contains(" and ") && !content.contains(" but ") {
        return None;
    }
    let quoted = |at: usize| quotes.iter().any(|q| q.span.start <= at && at < q.span.end);
    let mut best: Option<(usize, Span)> = None;
    for joiner in SECOND_THAT {
        for (at, _) in content.match_indices(joiner) {
            let abs = piece.start + at;
            let second_start = at + joiner.len();
            if quoted(abs) || !has_finite_verb(&content[..at]) || !has_finite_verb(&content[second_start..]) {
                continue;
            }
            let found = (abs, Span::new(piece.start + second_start, piece.end));
            if best.is_none_or(|(b, _)| abs < b) {
                best = Some(found);
            }
            break;
        }
    }
    for joiner in CLAUSE_JOINERS {
        for (at, second_start) in joiner_positions(content, joiner) {
            let abs = piece.start + at;
            let and_at = piece.start + second_start - 1;
            let cue_end = second_start;
            let (second_start, rest) = after_second_cue(content, second_start);
            // "…, and said that …": the speaker's own second report, whatever its subject.
            let second_cue = second_start != cue_end;
            let first_word = words(rest).next().unwrap_or_default();
            // A named subject after a bare ", and" is mostly the reporter going
            // on with the story ("…, and Mr. Obama was furious"); a common noun
            // phrase ("a meeting of the ministers") goes on with the report.
            let named_subject = rest.trim_start().starts_with(char::is_uppercase);
            // "…, and stepping up fund-raising": a gerund goes on with the first clause's verb.
            let gerund = first_word.len() > 5 && first_word.ends_with("ing");
            let starts_clause = second_cue && has_finite_verb(rest)
                || !named_subject
                    && !gerund
                    && !NOT_A_SUBJECT.contains(&first_word.as_str())
                    && !is_finite(&first_word)
                    && words(rest).take(MAX_SUBJECT_WORDS + 1).skip(1).any(|w| is_finite(&w));
            if quoted(and_at) || !starts_clause || !has_finite_verb(&content[..at]) {
                continue;
            }
            let found = (abs, Span::new(piece.start + second_start, piece.end));
            if best.is_none_or(|(b, _)| abs < b) {
                best = Some(found);
            }
            break;
        }
    }
    best
}

/// Where `joiner` (", and ") stands in `content`, also with a closing
/// quotation mark after the comma (`… or so," and …`): the byte where the
/// comma is and the byte after the joiner.
fn joiner_positions<'c>(content: &'c str, joiner: &'c str) -> impl Iterator<Item = (usize, usize)> + 'c {
    let word = joiner.trim_start_matches(',');
    content.match_indices(word).filter_map(move |(at, _)| {
        let before = content[..at].trim_end_matches(['"', '”', '’', '\'']);
        // The first clause keeps a closing quotation mark (`… or so,"`) but not a bare comma.
        let first_end = if before.len() < at { content[..at].trim_end().len() } else { before.len() - 1 };
        before.ends_with(',').then_some((first_end, at + word.len()))
    })
}

/// A second clause opened by its own verb of saying ("…, and said that
/// Rubio and Lavrov would meet") reports from after that verb and its "that".
fn after_second_cue(content: &str, start: usize) -> (usize, &str) {
    let rest = &content[start..];
    let mut words = rest.split_whitespace();
    let (Some(verb), Some(next)) = (words.next(), words.next()) else { return (start, rest) };
    if !crate::lexicon::speech::is_speech_verb(&verb.to_lowercase()) || next != "that" {
        return (start, rest);
    }
    let skip = rest.find(" that ").map_or(0, |i| i + " that ".len());
    (start + skip, &rest[skip..])
}

/// Lowercased words with the punctuation around them trimmed.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_lowercase())
}

fn has_finite_verb(text: &str) -> bool {
    words(text).any(|w| is_finite(&w))
}

/// An auxiliary, a modal or a copula, negated or not ("wasn't", "won't").
fn is_finite(word: &str) -> bool {
    let word = word.replace('’', "'");
    let base = match word.as_str() {
        "won't" => "will",
        "can't" | "cannot" => "can",
        "shan't" => "shall",
        w => w.strip_suffix("n't").unwrap_or(w),
    };
    FINITE_VERBS.contains(&base) || matches!(base, "should" | "must" | "may" | "might" | "shall")
}
