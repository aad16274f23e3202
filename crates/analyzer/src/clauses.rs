//! Clauses and statement words: the split both phases share. Attribution
//! uses clause boundaries to find what a pronoun or "the meeting" refers to;
//! stance and topics read each statement's words (with its referents'
//! antecedents spliced in) clause by clause.

use crate::lexicon::{is_negation_word, lexicon, topic_term, words, Word};
use stanceshift_core::Statement;
use std::ops::Range;

/// Clause boundaries: `;`, `:`, dashes, "but", "although", "though", "while",
/// "whereas", ", and", and "and" when a modal or auxiliary follows within four
/// words (so "meet Putin and Zelensky" stays one clause but "he would meet X and
/// the ministers would meet" splits), unless it joins a compound subject
/// ("Putin and I will meet").
pub fn clauses(ws: &[Word]) -> Vec<Range<usize>> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..ws.len() {
        let w = ws[i].lower.as_str();
        let hard = matches!(w, ";" | ":" | "—" | "–" | "but" | "although" | "though" | "whereas" | "while");
        // "Putin and I will meet": a compound subject, not a new clause.
        let compound_subject = i > 0
            && ws[i - 1].capitalized
            && ws.get(i + 1).is_some_and(|n| {
                n.capitalized || matches!(n.lower.as_str(), "i" | "we" | "he" | "she" | "they" | "you")
            });
        let soft_and = w == "and"
            && ((i > 0 && ws[i - 1].lower == ",")
                // "that X and that Y": two reported clauses.
                || ws.get(i + 1).is_some_and(|n| n.lower == "that")
                || (!compound_subject
                    && (i + 1..(i + 5).min(ws.len())).any(|j| {
                        lex.modals.match_at(ws, j).is_some()
                            || matches!(
                                ws[j].lower.as_str(),
                                "was"
                                    | "were"
                                    | "is"
                                    | "are"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "said"
                                    | "says"
                                    | "told"
                                    | "added"
                            )
                            || is_negation_word(&ws[j].lower)
                    })));
        if (hard || soft_and) && i > start {
            out.push(start..i);
            start = i + 1;
        }
    }
    if start < ws.len() {
        out.push(start..ws.len());
    }
    if out.is_empty() {
        out.push(0..ws.len());
    }
    out
}

/// The words of a statement's content, with each [`Referent`]'s antecedent
/// names and event words added at the end of the referring words' clause
/// (carrying their offsets), so "They're going to meet" is about Rubio and Lavrov and "No dates
/// have been set" about the summit. Only capitalised words and event words of
/// the antecedent are added: never cue words, which would change the stance.
///
/// [`Referent`]: stanceshift_core::Referent
pub fn statement_words(statement: &Statement) -> Vec<Word> {
    let mut ws = words(&statement.content);
    if statement.referents.is_empty() {
        return ws;
    }
    let lex = lexicon();
    // At the end of the referent's clause, so they never split a cue phrase
    // ("serious preparation is needed").
    let clause_ends: Vec<usize> = clauses(&ws).into_iter().map(|r| r.end).collect();
    for referent in statement.referents.iter().rev() {
        let (start, end) = (referent.content_offset, referent.content_offset + referent.text.len());
        let Some(last) = ws.iter().rposition(|w| w.start >= start && w.end <= end) else { continue };
        let mut at = clause_ends.iter().copied().find(|&e| e > last).unwrap_or(ws.len());
        // Before the clause's closing punctuation, which may mark the boundary (", and").
        while at > last + 1 && !ws[at - 1].lower.chars().any(char::is_alphanumeric) {
            at -= 1;
        }
        let implied: Vec<Word> = words(&referent.antecedent)
            .into_iter()
            .filter(|w| {
                (w.capitalized && !lex.stopwords.contains(&w.lower))
                    || matches!(topic_term(&w.lower).as_str(), "meet" | "visit" | "sign" | "attend")
            })
            .map(|w| Word { start, end, lower: w.lower, capitalized: w.capitalized })
            .collect();
        ws.splice(at..at, implied);
    }
    ws
}
