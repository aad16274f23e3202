//! What statements are about: a light predicate–argument frame per clause,
//! grouping of one actor's statements into topics, and matching of a user's
//! topic query.
//!
//! A frame is the predicate (the first content word after a modal, intention,
//! retreat or negation cue, else an event noun such as "meeting"/"summit",
//! mapped to its verb through `topic_words.txt`) plus its arguments: names
//! (capitalised words) and other content words of the clause, minus stop
//! words, cue words, time words and the actor's own name. Topic keys are
//! canonical terms joined by spaces, predicate first ("meet putin").
//!
//! ```
//! use stanceshift_analyzer::topic::{parse_query, query_matches};
//! let query = parse_query("meet Putin");
//! assert_eq!(query.key, "meet putin");
//! let matched = query_matches(&query, "There are no plans for a meeting with Putin soon.").unwrap();
//! assert_eq!(matched, ["meeting", "Putin"]);
//! ```

use crate::clauses::clauses;
pub use crate::clauses::statement_words;
use crate::lexicon::EVENT_WORDS;
use crate::lexicon::{is_negation_word, lexicon, topic_term, words, PhraseList, PhraseMatch, Word};
use crate::stance::identity::{identity, Arguments};
use stanceshift_core::{ActorId, Statement, TermStats, Topic};
use std::collections::{BTreeMap, BTreeSet};

/// Known actor names and aliases, so that "Putin", "Vladimir Putin" and (when
/// the actor file says so) "the Russian leader" are one argument: the actor id.
#[derive(Debug, Clone)]
pub struct Aliases {
    phrases: PhraseList<ActorId>,
}

impl Default for Aliases {
    fn default() -> Aliases {
        Aliases::new(std::iter::empty())
    }
}

impl Aliases {
    /// From (name or alias, actor) pairs; a leading "the" is dropped.
    pub fn new(pairs: impl IntoIterator<Item = (String, ActorId)>) -> Aliases {
        let pairs = pairs.into_iter().filter_map(|(name, id)| {
            let trimmed = name.trim();
            let name =
                trimmed.strip_prefix("the ").or_else(|| trimmed.strip_prefix("The ")).unwrap_or(trimmed);
            (!name.is_empty()).then(|| (name.to_string(), id))
        });
        Aliases { phrases: PhraseList::from_pairs(pairs) }
    }

    /// Every actor's name and aliases from an actor book.
    pub fn from_book(book: &crate::ActorBook) -> Aliases {
        Aliases::new(book.actors().flat_map(|a| {
            std::iter::once(a.name.clone()).chain(a.aliases.iter().cloned()).map(|n| (n, a.id.clone()))
        }))
    }

    /// Alias matches in a word sequence (capitalised or multi-word phrases only,
    /// so a common word that happens to be an alias does not count).
    fn find(&self, ws: &[Word]) -> Vec<PhraseMatch<ActorId>> {
        self.phrases
            .find_all(ws)
            .into_iter()
            .filter(|m| m.last > m.first || ws[m.first].capitalized)
            .collect()
    }
}

/// Canonical terms of every word in `ws`: the actor id for words inside an
/// alias, else [`topic_term`].
fn terms_of(ws: &[Word], aliases: &Aliases) -> Vec<String> {
    let mut terms: Vec<String> = ws.iter().map(|w| topic_term(&w.lower)).collect();
    for m in aliases.find(ws) {
        for t in &mut terms[m.first..=m.last] {
            *t = m.value.to_string();
        }
    }
    terms
}

/// One proposition in one clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Canonical predicate term ("meet").
    pub predicate: String,
    /// Canonical terms of capitalised argument words, with their surface form.
    pub names: BTreeMap<String, String>,
    /// Canonical terms of other content words, with their surface form.
    pub nouns: BTreeMap<String, String>,
    /// Terms of arguments that follow the predicate (objects rank before subjects in labels).
    pub objects: BTreeSet<String>,
    /// The predicate was only the clause's first content word: no modal,
    /// intention or retreat cue, event word, state or past-tense verb named it.
    /// Such frames ("There's a problem", "Sure") never found a topic of their own.
    pub guessed: bool,
}

/// A parsed topic query: canonical terms (all must match) and the topic it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicQuery {
    pub terms: Vec<String>,
    pub key: String,
    pub label: String,
}

/// Parses a user's topic query ("meet Putin"): content words, canonicalised.
pub fn parse_query(query: &str) -> TopicQuery {
    parse_query_with(query, &Aliases::default())
}

/// [`parse_query`] resolving actor names in the query through `aliases`.
pub fn parse_query_with(query: &str, aliases: &Aliases) -> TopicQuery {
    let lex = lexicon();
    let ws = words(query);
    let terms = terms_of(&ws, aliases);
    let terms: Vec<String> = ws
        .iter()
        .zip(terms)
        .filter(|(w, t)| {
            w.lower.chars().any(char::is_alphanumeric)
                && (t.contains('-') || !lex.stopwords.contains(&w.lower))
        })
        .map(|(_, t)| t)
        .fold(Vec::new(), |mut acc, t| {
            if !acc.contains(&t) {
                acc.push(t);
            }
            acc
        });
    let key = terms.join(" ");
    TopicQuery { terms, key, label: query.split_whitespace().collect::<Vec<_>>().join(" ") }
}

/// The words of `text` that satisfy the query, when one clause holds every
/// query term (by canonical term, so "summit" and "talks" satisfy "meet").
pub fn query_matches(query: &TopicQuery, text: &str) -> Option<Vec<String>> {
    query_matches_with(query, text, &Aliases::default())
}

/// [`query_matches`] resolving actor names in the text through `aliases`.
pub fn query_matches_with(query: &TopicQuery, text: &str, aliases: &Aliases) -> Option<Vec<String>> {
    query_matches_words(query, text, &words(text), aliases)
}

/// [`query_matches_with`] on a statement, its referents included
/// ("No dates have been set" matches "meet Putin" when the dates are the summit's).
pub fn statement_matches(
    query: &TopicQuery,
    statement: &Statement,
    aliases: &Aliases,
) -> Option<Vec<String>> {
    query_matches_words(query, &statement.content, &statement_words(statement), aliases)
}

fn query_matches_words(
    query: &TopicQuery,
    text: &str,
    ws: &[Word],
    aliases: &Aliases,
) -> Option<Vec<String>> {
    if query.terms.is_empty() {
        return None;
    }
    clauses(ws).into_iter().find_map(|range| {
        let clause = &ws[range];
        let terms = terms_of(clause, aliases);
        let mut matched: Vec<&Word> = Vec::new();
        for term in &query.terms {
            let hit: Vec<&Word> =
                clause.iter().zip(&terms).filter(|(_, t)| *t == term).map(|(w, _)| w).collect();
            if hit.is_empty() {
                return None;
            }
            matched.extend(hit);
        }
        matched.sort_by_key(|w| w.start);
        matched.dedup_by_key(|w| w.start);
        Some(matched.iter().filter_map(|w| text.get(w.start..w.end)).map(str::to_string).collect())
    })
}

/// The frames of a statement's content; `exclude` holds canonical terms that
/// never count as arguments (the actor's and speaker's own names).
pub fn frames(
    text: &str,
    reference: chrono::NaiveDate,
    exclude: &BTreeSet<String>,
    aliases: &Aliases,
) -> Vec<Frame> {
    frames_of_words(text, &words(text), reference, exclude, aliases)
}

/// [`frames`] of a statement, its referents included.
pub fn statement_frames(statement: &Statement, exclude: &BTreeSet<String>, aliases: &Aliases) -> Vec<Frame> {
    frames_of_words(&statement.content, &statement_words(statement), statement.date.date, exclude, aliases)
}

fn frames_of_words(
    text: &str,
    ws: &[Word],
    reference: chrono::NaiveDate,
    exclude: &BTreeSet<String>,
    aliases: &Aliases,
) -> Vec<Frame> {
    let lex = lexicon();
    // Words inside time expressions are never arguments.
    let times = stanceshift_timex::find(text, reference);
    let in_time = |w: &Word| times.iter().any(|t| t.span.start <= w.start && w.end <= t.span.end);
    let mut out = Vec::new();
    for range in clauses(ws) {
        let mut cue_word = vec![false; range.len()];
        let mut after_cue = Vec::new();
        let clause = &ws[range.clone()];
        let terms = terms_of(clause, aliases);
        let mut alias_word = vec![false; range.len()];
        for m in aliases.find(clause) {
            (m.first..=m.last).for_each(|i| alias_word[i] = true);
        }
        for list in [
            &lex.retreat.find_all(clause).iter().map(|m| (m.first, m.last)).collect::<Vec<_>>(),
            &lex.modals.find_all(clause).iter().map(|m| (m.first, m.last)).collect(),
            &lex.negation.find_all(clause).iter().map(|m| (m.first, m.last)).collect(),
            &lex.hedges.find_all(clause).iter().map(|m| (m.first, m.last)).collect(),
            &lex.boosters.find_all(clause).iter().map(|m| (m.first, m.last)).collect(),
        ] {
            for &(f, l) in list {
                (f..=l).for_each(|i| cue_word[i] = true);
                after_cue.push(l + 1);
            }
        }
        let content = |i: usize| -> bool {
            let w = &clause[i];
            // Titles and nationalities ("President", "Foreign Minister", "Russian")
            // describe an argument; the name is the argument.
            let title_word = w.capitalized
                && !alias_word[i]
                && (crate::lexicon::speech::LEXICONS.title_starts.contains(&w.lower)
                    || crate::lexicon::speech::LEXICONS.is_demonym(&w.lower)
                    || matches!(w.lower.as_str(), "minister" | "state" | "secretary" | "general"));
            // A company's legal form ("Corp") and a time zone ("EST") pick out nothing.
            let filler = crate::lexicon::NAME_WORDS.is_legal_form(&w.lower) || is_time_zone(&w.lower);
            !cue_word[i]
                && !title_word
                && !filler
                && w.lower.chars().any(char::is_alphabetic)
                && !lex.stopwords.contains(&w.lower)
                && !is_negation_word(&w.lower)
                && !in_time(w)
                && !exclude.contains(&terms[i])
                && !exclude.contains(&topic_term(&w.lower))
        };
        // A capitalised first word of the content is a name only if it is not a function word.
        // The first word of the content ("“Serious preparation …") is capitalised
        // because it starts a sentence: a name only when a known alias, or the
        // first of several capitalised words ("Vladimir Putin said …").
        let first_word = ws.iter().position(|w| w.lower.chars().any(char::is_alphanumeric)).unwrap_or(0);
        let is_name = |i: usize| {
            alias_word[i]
                || clause[i].capitalized
                    && (range.start + i != first_word
                        || is_proper(&clause[i]) && clause.get(i + 1).is_some_and(|n| n.capitalized))
        };
        // Predicate: first content word after a cue (skipping light verbs), else an event noun.
        after_cue.sort_unstable();
        let after = after_cue.iter().find_map(|&start| {
            (start..clause.len())
                .find(|&i| {
                    content(i)
                        && !is_name(i)
                        && !EVENT_WORDS.light_verbs.contains(clause[i].lower.as_str())
                        && !is_quantity_word(&clause[i].lower)
                })
                .filter(|&i| i <= start + 5)
        });
        let is_event = |i: usize| content(i) && lex.topic_words.contains_key(&clause[i].lower);
        let event_noun = (0..clause.len()).find(|&i| is_event(i));
        // "the meeting could take place", "would start preparing the meeting",
        // "no dates have been set", "nothing to report about a meeting": a word
        // that only relates to an event, or a verb of happening or telling,
        // yields the predicate to the event it is about (the next one, else any).
        let yields = |i: usize| {
            let w = clause[i].lower.as_str();
            EVENT_WORDS.relational_nouns.contains(w)
                || EVENT_WORDS.weak_predicates.contains(topic_term(w).as_str())
        };
        let after = match after {
            Some(i) if yields(i) => (i + 1..clause.len()).find(|&k| is_event(k)).or(event_noun).or(Some(i)),
            // "a wasted meeting": an adjective before the event word; "its
            // exchange offer", "a tender offer": a noun before it.
            Some(i)
                if i + 1 < clause.len()
                    && is_event(i + 1)
                    && (crate::stance::is_evaluative_modifier(&clause[i].lower)
                        || !is_event(i)
                            && i > 0
                            && matches!(
                                clause[i - 1].lower.as_str(),
                                "its" | "their" | "his" | "her" | "our" | "the" | "a" | "an"
                            )) =>
            {
                Some(i + 1)
            }
            other => other,
        };
        // Without a cue or event noun, a past-tense verb ("the plant opened") is
        // the likeliest predicate; else the first content word.
        let past_verb = (0..clause.len()).find(|&i| {
            content(i) && !is_name(i) && clause[i].lower.len() > 4 && clause[i].lower.ends_with("ed")
        });
        // "This plant is open": the state after a copula.
        // Only the word right after the copula (or after "now", "still", "not"):
        // "There's a problem" states no state.
        let copula_state = (0..clause.len())
            .filter(|&i| {
                matches!(
                    clause[i].lower.as_str(),
                    "is" | "are" | "was" | "were" | "'s" | "'re" | "remains" | "remain"
                )
            })
            .find_map(|c| {
                let mut i = c + 1;
                while i < clause.len()
                    && matches!(clause[i].lower.as_str(), "now" | "still" | "not" | "already")
                {
                    i += 1;
                }
                (i < clause.len()
                    && content(i)
                    && !is_name(i)
                    && !EVENT_WORDS.light_verbs.contains(clause[i].lower.as_str()))
                .then_some(i)
            });
        let named = after.or(event_noun).or(copula_state).or(past_verb);
        let Some(pred_at) = named.or_else(|| (0..clause.len()).find(|&i| content(i) && !is_name(i))) else {
            continue;
        };
        let guessed = named.is_none();
        let predicate = topic_term(&clause[pred_at].lower);
        let mut names = BTreeMap::new();
        let mut nouns = BTreeMap::new();
        let mut objects = BTreeSet::new();
        for i in (0..clause.len()).filter(|&i| {
            i != pred_at && content(i) && !EVENT_WORDS.light_verbs.contains(clause[i].lower.as_str())
        }) {
            let term = terms[i].clone();
            // A verb after "to" is a purpose ("to prepare the summit"), not an argument.
            if term == predicate || (i > 0 && clause[i - 1].lower == "to" && !is_name(i)) {
                continue;
            }
            // An alias is shown as written in full ("Russian leader").
            let (first, last) = if alias_word[i] {
                let same = |j: usize| alias_word[j] && terms[j] == term;
                let first = (0..=i).rev().take_while(|&j| same(j)).last().unwrap_or(i);
                let last = (i..clause.len()).take_while(|&j| same(j)).last().unwrap_or(i);
                (first, last)
            } else {
                (i, i)
            };
            let written = text.get(clause[first].start..clause[last].end).unwrap_or("");
            // Words a referent added carry the referring words' offsets ("They"):
            // show the antecedent's words instead.
            let spelled: Vec<String> = clause[first..=last]
                .iter()
                .map(|w| {
                    let mut chars = w.lower.chars();
                    match (w.capitalized, chars.next()) {
                        (true, Some(c)) => c.to_uppercase().chain(chars).collect(),
                        _ => w.lower.clone(),
                    }
                })
                .collect();
            let implied = !written.to_lowercase().contains(&clause[i].lower);
            let surface = if implied { spelled.join(" ") } else { written.to_string() };
            if i > pred_at {
                objects.insert(term.clone());
            }
            if is_name(i) {
                names.entry(term).or_insert(surface);
            } else {
                nouns.entry(term).or_insert(surface);
            }
        }
        out.push(Frame { predicate, names, nouns, objects, guessed });
    }
    out
}

/// A time zone's abbreviation ("1700 EST").
fn is_time_zone(lower: &str) -> bool {
    matches!(lower, "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt" | "gmt" | "bst" | "jst")
}

/// A unit of a quantity ("80 dlr a share", "12 pct"): what a proposition
/// measures, never its predicate.
fn is_quantity_word(lower: &str) -> bool {
    crate::lexicon::NAME_WORDS.units.contains(lower) || lower == "share"
}

/// A capitalised first word is a name only if it is not a common sentence opener.
fn is_proper(w: &Word) -> bool {
    !lexicon().stopwords.contains(&w.lower)
}

/// Canonical terms of a display name and of a speaker mention, to keep an
/// actor's own name out of its topics ("Trump said he would meet Putin" is about Putin).
pub fn own_name_terms(names: &[&str]) -> BTreeSet<String> {
    names
        .iter()
        .flat_map(|n| words(n))
        .filter(|w| w.lower.chars().any(char::is_alphabetic))
        .map(|w| topic_term(&w.lower))
        .collect()
}

/// Weighted share of arguments (see [`identity`]) at or above which two
/// frames of one predicate are one topic. Above the gate's minimum for a
/// flag, as grouping is transitive.
const GROUP_IDENTITY: f32 = 0.5;

/// A topic found by grouping: the topic, the indices of its statements, and the words that define it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicGroup {
    pub topic: Topic,
    pub members: Vec<usize>,
    pub matched_terms: Vec<String>,
}

/// Groups statements (one actor's) into topics: frames with the same predicate
/// join when they share a name, or, when at most one of them names anyone, a content word.
/// Frames without arguments join the only group with their predicate, if there
/// is exactly one. Deterministic: groups are ordered by key.
pub fn group(
    statements: &[&Statement],
    own_names: &BTreeSet<String>,
    aliases: &Aliases,
    stats: Option<&dyn TermStats>,
) -> Vec<TopicGroup> {
    // (statement index, frame)
    let mut all: Vec<(usize, Frame)> = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        let mut exclude = own_names.clone();
        exclude.extend(own_name_terms(&[s.speaker.text.as_str()]));
        for f in statement_frames(s, &exclude, aliases) {
            all.push((i, f));
        }
    }
    let n = all.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let arguments: Vec<Arguments> = all.iter().map(|(_, f)| Arguments::of_frame(f)).collect();
    let linked = |i: usize, j: usize| -> bool {
        let (a, b) = (&all[i].1, &all[j].1);
        if a.predicate != b.predicate || a.guessed || b.guessed {
            return false;
        }
        // With corpus statistics, two frames are one topic when their
        // specific arguments are shared ("Cyclops", "Princeville"): a name
        // every article has ("Congress" in addresses to Congress) joins nothing.
        if stats.is_some() && !arguments[i].is_empty() && !arguments[j].is_empty() {
            return identity(&arguments[i], &arguments[j], stats) >= GROUP_IDENTITY;
        }
        match (a.names.is_empty(), b.names.is_empty()) {
            (false, false) => a.names.keys().any(|k| b.names.contains_key(k)),
            // A quote often drops the names its paraphrase gives ("the trade
            // agreement" vs "the trade agreement with the Coastal Union"): shared
            // content words are enough then — two, or the only one a side has.
            _ => {
                let shared = a.nouns.keys().filter(|k| b.nouns.contains_key(*k)).count();
                shared >= 2 || shared == 1 && a.nouns.len().min(b.nouns.len()) <= 1
            }
        }
    };
    let bare = |f: &Frame| f.names.is_empty() && f.nouns.is_empty() && !f.guessed;
    for i in 0..n {
        for j in i + 1..n {
            if !bare(&all[i].1) && !bare(&all[j].1) && linked(i, j) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    for i in (0..n).filter(|&i| bare(&all[i].1)) {
        let mut roots: BTreeSet<usize> = BTreeSet::new();
        for j in (0..n).filter(|&j| !bare(&all[j].1) && all[j].1.predicate == all[i].1.predicate) {
            roots.insert(root(&mut parent, j));
        }
        if roots.len() == 1 {
            let r = *roots.iter().next().unwrap_or(&i);
            parent[i] = r;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in (0..n).filter(|&i| !all[i].1.guessed) {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<TopicGroup> = groups
        .into_values()
        .map(|frame_ids| {
            let predicate = all[frame_ids[0]].1.predicate.clone();
            // What the statements say the predicate is done to or with labels the
            // topic: arguments after the predicate (objects) first, then the most
            // frequent, names before other words ("build stadium", "meet Putin").
            // (count, times seen as object, is a name, surface) per argument term.
            let mut counts: BTreeMap<String, (usize, usize, bool, String)> = BTreeMap::new();
            for &f in &frame_ids {
                let frame = &all[f].1;
                let args =
                    frame.names.iter().map(|a| (a, true)).chain(frame.nouns.iter().map(|a| (a, false)));
                for ((term, surface), is_name) in args {
                    let entry = counts.entry(term.clone()).or_insert((0, 0, is_name, surface.clone()));
                    entry.0 += 1;
                    entry.1 += usize::from(frame.objects.contains(term));
                    entry.2 |= is_name;
                    // An actor goes by its shortest name in labels ("Putin", not
                    // "Russian President Vladimir Putin").
                    if (surface.len(), surface) < (entry.3.len(), &entry.3) {
                        entry.3 = surface.clone();
                    }
                }
            }
            let mut ranked: Vec<(String, usize, String)> = counts
                .into_iter()
                .map(|(t, (c, o, name, s))| (t, 3 * o.min(c) + 2 * c + usize::from(name), s))
                .collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let top: Vec<&(String, usize, String)> =
                ranked.iter().filter(|r| r.1 + 2 >= ranked[0].1).take(2).collect();
            let mut key = predicate.clone();
            for (term, _, _) in &top {
                key.push(' ');
                key.push_str(term);
            }
            // "meet Rubio and Lavrov", "conclude agreement with Valdoria", "cut rates".
            let is_name = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
            let label = match top.as_slice() {
                [] => predicate.clone(),
                [one] => format!("{predicate} {}", one.2),
                [a, b, ..] => match (is_name(&a.2), is_name(&b.2)) {
                    (true, true) => format!("{predicate} {} and {}", a.2, b.2),
                    (false, true) => format!("{predicate} {} with {}", a.2, b.2),
                    (true, false) => format!("{predicate} {} with {}", b.2, a.2),
                    (false, false) => format!("{predicate} {}", a.2),
                },
            };
            let mut members: Vec<usize> = frame_ids.iter().map(|&f| all[f].0).collect();
            members.sort_unstable();
            members.dedup();
            let mut matched_terms: Vec<String> =
                std::iter::once(predicate).chain(top.iter().map(|t| t.2.clone())).collect();
            matched_terms.dedup();
            TopicGroup { topic: Topic { key, label }, members, matched_terms }
        })
        .collect();
    // Two groups can end up with one key (same predicate, disjoint arguments
    // ranked alike); merge them so topics stay unique.
    out.sort_by(|a, b| a.topic.key.cmp(&b.topic.key));
    let mut merged: Vec<TopicGroup> = Vec::new();
    for g in out {
        match merged.last_mut() {
            Some(last) if last.topic.key == g.topic.key => {
                last.members.extend(g.members);
                last.members.sort_unstable();
                last.members.dedup();
            }
            _ => merged.push(g),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn frame_line(text: &str) -> String {
        let exclude = own_name_terms(&["Donald Trump", "he"]);
        frames(text, NaiveDate::from_ymd_opt(2025, 10, 16).unwrap(), &exclude, &Aliases::default())
            .iter()
            .map(|f| {
                let names: Vec<&str> = f.names.keys().map(String::as_str).collect();
                let nouns: Vec<&str> = f.nouns.keys().map(String::as_str).collect();
                format!("{}({}; {})", f.predicate, names.join(","), nouns.join(","))
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn frames_split_clauses_and_drop_own_name() {
        insta::assert_snapshot!(
            frame_line("he would meet Putin within two weeks or so and the foreign ministers would meet pretty soon"),
            @"meet(putin; ) | meet(; foreign,minister)"
        );
        insta::assert_snapshot!(
            frame_line("There are no plans for a meeting between Trump and Putin in the immediate future"),
            @"meet(putin; )"
        );
        insta::assert_snapshot!(frame_line("a meeting of the foreign ministers wasn't necessary"), @"meet(; foreign,minister)");
        insta::assert_snapshot!(frame_line("I will hold a summit with Putin"), @"meet(putin; )");
    }

    #[test]
    fn predicates_come_from_cues_events_and_states() {
        // A relational word or a verb of happening yields to the event.
        insta::assert_snapshot!(frame_line("no dates have been set for the summit with Putin"), @"meet(putin; )");
        insta::assert_snapshot!(frame_line("the meeting with Putin could take place next week"), @"meet(putin; place)");
        // A state after a copula; but "there's a problem" names no state.
        insta::assert_snapshot!(frame_line("the Kessock plant is open"), @"open(kessock; plant)");
        let guessed = frames(
            "There's a problem with Putin",
            NaiveDate::from_ymd_opt(2025, 10, 16).unwrap(),
            &BTreeSet::new(),
            &Aliases::default(),
        );
        assert!(guessed.iter().all(|f| f.guessed), "{guessed:?}");
    }

    #[test]
    fn query_needs_every_term_in_one_clause() {
        let q = parse_query("meet Putin");
        assert_eq!(q.terms, ["meet", "putin"]);
        assert!(query_matches(&q, "The foreign ministers would meet soon, but Putin disagreed.").is_none());
        assert_eq!(query_matches(&q, "Putin talks are off").unwrap(), ["Putin", "talks"]);
    }
}
