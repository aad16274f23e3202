//! Per-actor timelines: topics, stance points in statement-date order, shifts
//! between consecutive distinct statements, and the commitment ledger.
//!
//! Output is deterministic: statements are ordered by (date, article id,
//! index), topics by key, and no hash-map order reaches the result.
//!
//! ```
//! use chrono::NaiveDate;
//! use stanceshift_analyzer::timeline::analyze_actor;
//! use stanceshift_core::*;
//!
//! let day = |d: u32| NaiveDate::from_ymd_opt(2025, 10, d).unwrap();
//! let said = |article: &str, date: NaiveDate, speaker: &str, content: &str| Statement {
//!     article_id: ArticleId::new(article),
//!     index: 0,
//!     speaker: Mention { text: speaker.into(), span: Span::new(0, speaker.len()), actor: None },
//!     principal: Some(ActorId::new("donald-trump")),
//!     proxy: (speaker != "Trump").then_some(ProxyKind::AnonymousOfficial),
//!     anonymous: speaker != "Trump",
//!     cue: "said".into(),
//!     cue_span: Span::new(0, 0),
//!     content: content.into(),
//!     content_span: Span::new(100, 100 + content.len()),
//!     kind: SpeechKind::Indirect,
//!     date: StatementDate { date, window: DateWindow::new(date, date), basis: DateBasis::ArticleDate, evidence: None, timex_value: None },
//!     confidence: 1.0,
//!     referents: Vec::new(),
//!     continues: None,
//! };
//! let statements = [
//!     said("a", day(16), "Trump", "he would meet Putin within two weeks or so"),
//!     said("b", day(21), "an official", "there are no plans for a meeting with Putin in the immediate future"),
//! ];
//! let analysis = analyze_actor(&ActorId::new("donald-trump"), "Donald Trump", &statements, Some("meet Putin"), day(21));
//! let topic = &analysis.topics[0];
//! assert_eq!(topic.shifts[0].kind, ShiftKind::Withdraw);
//! assert!(topic.shifts[0].after.proxy_for.is_some());
//! assert_eq!(topic.commitments[0].status, CommitmentStatus::Withdrawn);
//! ```

use crate::lexicon::{is_cue_word, words};
use crate::stance::features;
use crate::stance::gate;
use crate::stance::identity::{identity, shared_specificity, Arguments};
use crate::stance::ledger::ledger;
use crate::stance::shift::{is_by_proxy, is_paraphrase_echo, is_quote, judge, Comparison};
use crate::stance::topic::{group, own_name_terms, parse_query_with, statement_matches, Aliases, TopicGroup};
use chrono::NaiveDate;
use stanceshift_core::{
    ActorAnalysis, ActorId, ArticleId, CueKind, Shift, SpeechKind, StancePoint, Statement, TermStats, Topic,
    TopicTimeline, UnflaggedPair,
};
use std::collections::{BTreeMap, BTreeSet};

/// Word-set overlap above which two statements by one speaker are one statement reprinted.
const REPRINT_SIMILARITY: f64 = 0.8;

/// How many days apart a reprint may be dated: the same words weeks later
/// ("We still intend to conclude the agreement") are said again, not reprinted.
const REPRINT_DAYS: i64 = 2;

/// Analyze one actor's statements (already filtered to those counting for the
/// actor, any order). With `topic_query` ("meet Putin") one topic is built from
/// the statements that mention every query term; without one, recurring
/// topics are found by grouping predicate–argument frames, and kept when some
/// statement looks forward (a promise, an intention, a retreat) or the
/// predicate is an event of the topic list, and they hold two distinct
/// statements or a commitment.
/// `as_of` is the corpus's last date: open commitments are pending as of it.
pub fn analyze_actor(
    actor: &ActorId,
    name: &str,
    statements: &[Statement],
    topic_query: Option<&str>,
    as_of: NaiveDate,
) -> ActorAnalysis {
    analyze_actor_with(actor, name, statements, topic_query, as_of, &Aliases::default())
}

/// [`analyze_actor`] with known actor names and aliases (see
/// [`Aliases::from_book`]), so "Putin" and "the Russian leader" are one argument
/// and the actor's own names never are.
pub fn analyze_actor_with(
    actor: &ActorId,
    name: &str,
    statements: &[Statement],
    topic_query: Option<&str>,
    as_of: NaiveDate,
    aliases: &Aliases,
) -> ActorAnalysis {
    analyze_actor_in(actor, name, statements, topic_query, as_of, &Context { aliases, stats: None })
}

/// What an analysis knows beyond one actor's statements.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// Known actor names and aliases.
    pub aliases: &'a Aliases,
    /// How common words are in the corpus, to weigh shared arguments; without
    /// it every argument weighs alike.
    pub stats: Option<&'a dyn TermStats>,
}

/// [`analyze_actor_with`] in a [`Context`] (with corpus term statistics).
pub fn analyze_actor_in(
    actor: &ActorId,
    name: &str,
    statements: &[Statement],
    topic_query: Option<&str>,
    as_of: NaiveDate,
    context: &Context<'_>,
) -> ActorAnalysis {
    let aliases = context.aliases;
    // In a handful of articles every word is common: how often words occur
    // says nothing about which are specific.
    let stats = context.stats.filter(|s| s.documents() >= MIN_STATS_DOCUMENTS);
    // Work per statement grows faster than its length: bound it.
    let capped: Vec<Statement>;
    let statements = if statements.iter().any(|s| s.content.len() > MAX_ANALYZED_CONTENT) {
        capped = statements.iter().map(capped_content).collect();
        capped.as_slice()
    } else {
        statements
    };
    let (distinct, reprints) = merge_reprints(statements);
    let groups: Vec<TopicGroup> = match topic_query {
        Some(q) => {
            let query = parse_query_with(q, aliases);
            let mut members = Vec::new();
            let mut matched: BTreeSet<String> = BTreeSet::new();
            for (i, s) in distinct.iter().enumerate() {
                if let Some(words) = statement_matches(&query, s, aliases) {
                    members.push(i);
                    matched.extend(words);
                }
            }
            if members.is_empty() || query.terms.is_empty() {
                Vec::new()
            } else {
                let topic = Topic { key: query.key.clone(), label: query.label.clone() };
                vec![TopicGroup { topic, members, matched_terms: matched.into_iter().collect() }]
            }
        }
        None => group(&distinct, &own_names(actor, name), aliases, stats),
    };
    let own = own_names(actor, name);

    let tones = occasion_tones(&distinct);
    let mut topics = Vec::new();
    for g in groups {
        let points: Vec<StancePoint> = g
            .members
            .iter()
            .map(|&i| {
                let statement = distinct[i].clone();
                let mut features = features(&statement, &g.topic);
                features.tone = tones[i];
                StancePoint { statement, features, reprints: reprints.get(&i).cloned().unwrap_or_default() }
            })
            .collect();
        let points = fold_back_references(points);
        let arguments: Vec<Arguments> = points
            .iter()
            .map(|p| {
                let mut exclude = own.clone();
                exclude.extend(own_name_terms(&[p.statement.speaker.text.as_str()]));
                Arguments::of(&p.statement, &g.topic, &exclude, aliases)
            })
            .collect();
        // What a statement's article says on the topic completes it: "We will
        // meet in Budapest" is about Putin when the same article has Trump say
        // he will meet Putin. Two statements of one article are compared on
        // their own words only, or the article would make everything in it one.
        // Each article's arguments on the topic, gathered once; a point's own
        // surface forms come first when it is completed from them.
        let mut by_article: BTreeMap<&ArticleId, Arguments> = BTreeMap::new();
        for (point, args) in points.iter().zip(&arguments) {
            let merged = by_article.remove(&point.statement.article_id).unwrap_or_default().with(args);
            by_article.insert(&point.statement.article_id, merged);
        }
        let in_article: Vec<Arguments> = points
            .iter()
            .zip(&arguments)
            .map(|(point, args)| args.with(&by_article[&point.statement.article_id]))
            .collect();
        let same = |b: usize, a: usize| {
            let own = identity(&arguments[b], &arguments[a], stats);
            let shared = shared_specificity(&arguments[b], &arguments[a], stats);
            let (value, shared) = if points[b].statement.article_id == points[a].statement.article_id {
                (own, shared)
            } else {
                let wide = identity(&in_article[b], &in_article[a], stats);
                let wide_shared = shared_specificity(&in_article[b], &in_article[a], stats);
                if wide > own {
                    (wide, wide_shared)
                } else {
                    (own, shared)
                }
            };
            let weighted = stats.is_some();
            gate::Identity { value, weighted, shared: if weighted { shared } else { 0.0 } }
        };
        let (shifts, unflagged) = shifts_by_day(actor, &g.topic, &points, same);
        let commitments = ledger(actor, &g.topic, &points, as_of);
        // Found topics are what someone promised, intended or ruled out, or an
        // event of the topic list ("the talks were productive"): a run of
        // opinions that share a word is no stance to track.
        let forward = points.iter().any(|p| p.features.future) || is_event_predicate(&g.topic);
        if topic_query.is_some() || forward && (points.len() >= 2 || !commitments.is_empty()) {
            topics.push(TopicTimeline {
                topic: g.topic,
                matched_terms: g.matched_terms,
                points,
                shifts,
                commitments,
                unflagged,
            });
        }
    }
    topics.sort_by(|a, b| a.topic.key.cmp(&b.topic.key));
    ActorAnalysis { actor: actor.clone(), name: name.to_string(), as_of, topics }
}

/// Fewest articles a corpus needs before its word statistics weigh arguments.
const MIN_STATS_DOCUMENTS: u64 = 100;

/// Longest statement content analyzed; longer ones (a run-on quote, a
/// mis-split body) are analyzed from their first this many bytes.
const MAX_ANALYZED_CONTENT: usize = 4096;

/// `statement` with its content cut at the last word boundary within
/// [`MAX_ANALYZED_CONTENT`] and marked with "…".
fn capped_content(statement: &Statement) -> Statement {
    let mut statement = statement.clone();
    if statement.content.len() > MAX_ANALYZED_CONTENT {
        let mut cut = MAX_ANALYZED_CONTENT;
        while !statement.content.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = statement.content[..cut].rfind(char::is_whitespace).filter(|&w| w > 0).unwrap_or(cut);
        statement.content.truncate(cut);
        statement.content.push('…');
        statement.referents.retain(|r| r.content_offset + r.text.len() <= cut);
    }
    statement
}

/// Canonical terms of an actor's own names, never arguments of its topics.
fn own_names(actor: &ActorId, name: &str) -> BTreeSet<String> {
    let mut own: Vec<&str> = vec![name, actor.as_str()];
    own.extend(actor.as_str().split('-'));
    let mut own = own_name_terms(&own);
    own.insert(actor.to_string());
    own
}

/// Whether a topic's predicate is one of the topic list's events ("meet", "sign").
fn is_event_predicate(topic: &Topic) -> bool {
    let predicate = topic.key.split_whitespace().next().unwrap_or("");
    crate::lexicon::lexicon().topic_words.values().any(|canonical| canonical == predicate)
}

/// Shifts between days. The points of one day are the actor's own words and
/// its proxies' words; each voice is summed up by its most telling point (a
/// dated one, then the most committed, a quote before a paraphrase) and
/// compared with the stance of the day before, which the actor's own words set
/// when it spoke. So the president's softer remark and an official's
/// withdrawal on the same day are each measured against the earlier promise,
/// never against each other. Refusals to comment ("declined to comment") are
/// no stance and are never compared.
fn shifts_by_day(
    actor: &ActorId,
    topic: &Topic,
    points: &[StancePoint],
    identity: impl Fn(usize, usize) -> gate::Identity,
) -> (Vec<Shift>, Vec<UnflaggedPair>) {
    let mut shifts = Vec::new();
    let mut unflagged = Vec::new();
    let mut baseline: Option<usize> = None;
    let mut i = 0;
    while i < points.len() {
        let day = points[i].statement.date.date;
        let end = (i..points.len()).find(|&j| points[j].statement.date.date != day).unwrap_or(points.len());
        let stances: Vec<usize> =
            (i..end).filter(|&j| points[j].statement.kind != SpeechKind::NoComment).collect();
        let own = |j: &usize| !is_by_proxy(actor, &points[*j]);
        let own_rep = representative(actor, points, stances.iter().copied().filter(own));
        let proxy_rep = representative(actor, points, stances.iter().copied().filter(|j| !own(j)));
        if let Some(b) = baseline {
            for rep in [own_rep, proxy_rep].into_iter().flatten() {
                match judge(actor, topic, &points[b], &points[rep], || identity(b, rep)) {
                    Comparison::Agree => {}
                    Comparison::Shift(shift) => shifts.push(shift),
                    Comparison::Unflagged(pair) => unflagged.push(pair),
                }
            }
        }
        // The day's stance becomes the baseline, unless it holds none of the
        // actor's own (a question, a condition, a report of facts), or is a
        // paraphrase one step off the quote, which leaves the quote as the baseline.
        let anchor = |j: &usize| gate::can_anchor(actor, &points[*j]);
        let own_anchor = representative(actor, points, stances.iter().copied().filter(own).filter(anchor));
        let proxy_anchor =
            representative(actor, points, stances.iter().copied().filter(|j| !own(j)).filter(anchor));
        if let Some(next) = own_anchor.or(proxy_anchor) {
            if !baseline.is_some_and(|b| is_paraphrase_echo(&points[b], &points[next])) {
                baseline = Some(next);
            }
        }
        i = end;
    }
    (shifts, unflagged)
}

/// The point that best stands for a voice on one day: a position of the
/// actor's before a report of facts or a condition (one reported clause
/// "preparations were continuing" must not hide the next, "no dates had been
/// set"), then one that sets a timeframe, then the most committed either way,
/// a quote before a paraphrase, a retreat cue before none, then the first.
fn representative(
    actor: &ActorId,
    points: &[StancePoint],
    candidates: impl Iterator<Item = usize>,
) -> Option<usize> {
    candidates.max_by_key(|&j| {
        let f = &points[j].features;
        (
            gate::can_anchor(actor, &points[j]),
            f.timeframe.is_some(),
            f.commitment.score().abs(),
            is_quote(&points[j]),
            f.cues.iter().any(|c| c.kind == CueKind::Retreat),
            std::cmp::Reverse(j),
        )
    })
}

/// A later article's restatement of an earlier statement ("After last week's
/// phone call, Trump said he would meet Putin “within two weeks or so”") is that
/// statement, not a new one: when a point dated only to a window of days by
/// the same speaker quotes words of a point made inside that window
/// in another article, or says nearly the same, it folds into that point as a
/// reprint.
fn fold_back_references(points: Vec<StancePoint>) -> Vec<StancePoint> {
    let vague = |p: &StancePoint| p.statement.date.window.start < p.statement.date.window.end;
    // Each point's text, read once: lowercase with straight quotes, and its words.
    let texts: Vec<String> = points.iter().map(|p| normalise_quotes(&p.statement.content)).collect();
    let word_sets: Vec<BTreeSet<String>> =
        points.iter().map(|p| content_words(&p.statement.content)).collect();
    let mut folded_into: Vec<Option<usize>> = vec![None; points.len()];
    for (i, p) in points.iter().enumerate() {
        if !vague(p) {
            continue;
        }
        let fragments = quoted_fragments(&texts[i]);
        let target = points.iter().enumerate().position(|(j, q)| {
            j != i
                && folded_into[j].is_none()
                && !vague(q)
                && q.statement.article_id != p.statement.article_id
                && same_speaker(&q.statement, &p.statement)
                && p.statement.date.window.contains(q.statement.date.date)
                && (fragments.iter().any(|f| texts[j].contains(f.as_str()))
                    || jaccard(&word_sets[i], &word_sets[j]) >= REPRINT_SIMILARITY)
        });
        folded_into[i] = target;
    }
    let mut kept: Vec<StancePoint> = Vec::with_capacity(points.len());
    let mut new_index: Vec<Option<usize>> = vec![None; points.len()];
    let mut extra: BTreeMap<usize, Vec<ArticleId>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        if let Some(j) = folded_into[i] {
            let list = extra.entry(j).or_default();
            list.push(p.statement.article_id.clone());
            list.extend(p.reprints.iter().cloned());
        }
    }
    for (i, p) in points.into_iter().enumerate() {
        if folded_into[i].is_none() {
            new_index[i] = Some(kept.len());
            kept.push(p);
        }
    }
    for (j, articles) in extra {
        if let Some(point) = new_index[j].and_then(|k| kept.get_mut(k)) {
            for a in articles {
                if a != point.statement.article_id && !point.reprints.contains(&a) {
                    point.reprints.push(a);
                }
            }
            point.reprints.sort();
        }
    }
    kept
}

/// Quoted fragments of two words or more ("within two weeks or so") of a
/// text already through [`normalise_quotes`].
fn quoted_fragments(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(|f| f.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|f| f.split_whitespace().count() >= 2)
        .collect()
}

/// Lowercase with curly double quotes made straight.
fn normalise_quotes(text: &str) -> String {
    text.to_lowercase().replace(['“', '”'], "\"")
}

/// The tone of each statement's occasion: a statement and the quote sentences
/// continuing it ("…,” Pell said. “…”) are one remark, with one tone.
fn occasion_tones(statements: &[&Statement]) -> Vec<f32> {
    let position: BTreeMap<(&ArticleId, u32), usize> =
        statements.iter().enumerate().map(|(i, s)| ((&s.article_id, s.index), i)).collect();
    let root = |mut i: usize| {
        for _ in 0..statements.len() {
            let s = statements[i];
            match s.continues.and_then(|c| position.get(&(&s.article_id, c))) {
                Some(&parent) if parent != i => i = parent,
                _ => break,
            }
        }
        i
    };
    let roots: Vec<usize> = (0..statements.len()).map(root).collect();
    // (sum, count) of the toned statements of each occasion.
    let mut occasions: BTreeMap<usize, (f32, usize)> = BTreeMap::new();
    for (s, &r) in statements.iter().zip(&roots) {
        let tone = crate::stance::tone(s);
        let entry = occasions.entry(r).or_default();
        if tone != 0.0 {
            *entry = (entry.0 + tone, entry.1 + 1);
        }
    }
    roots
        .iter()
        .map(|r| match occasions.get(r) {
            Some(&(sum, n)) if n > 0 => sum / n as f32,
            _ => 0.0,
        })
        .collect()
}

/// Statements in (date, article, index) order with reprints folded into the
/// earliest copy: returns the distinct statements and, per distinct index, the
/// other articles that carried it.
fn merge_reprints(statements: &[Statement]) -> (Vec<&Statement>, BTreeMap<usize, Vec<ArticleId>>) {
    let mut sorted: Vec<&Statement> = statements.iter().collect();
    sorted.sort_by(|a, b| (a.date.date, &a.article_id, a.index).cmp(&(b.date.date, &b.article_id, b.index)));
    sorted.dedup_by(|a, b| a.article_id == b.article_id && a.index == b.index);
    let mut distinct: Vec<&Statement> = Vec::new();
    let mut word_sets: Vec<BTreeSet<String>> = Vec::new();
    let mut reprints: BTreeMap<usize, Vec<ArticleId>> = BTreeMap::new();
    for s in sorted {
        let set = content_words(&s.content);
        let original = distinct.iter().zip(&word_sets).position(|(d, dset)| {
            d.article_id != s.article_id
                && (s.date.date - d.date.date).num_days().abs() <= REPRINT_DAYS
                && same_speaker(d, s)
                && jaccard(dset, &set) >= REPRINT_SIMILARITY
                && !dset.symmetric_difference(&set).any(|w| is_cue_word(w))
        });
        match original {
            Some(i) => {
                let list = reprints.entry(i).or_default();
                if !list.contains(&s.article_id) {
                    list.push(s.article_id.clone());
                }
            }
            None => {
                distinct.push(s);
                word_sets.push(set);
            }
        }
    }
    (distinct, reprints)
}

fn same_speaker(a: &Statement, b: &Statement) -> bool {
    match (&a.speaker.actor, &b.speaker.actor) {
        (Some(x), Some(y)) => x == y,
        _ => a.speaker.text.eq_ignore_ascii_case(&b.speaker.text),
    }
}

fn content_words(text: &str) -> BTreeSet<String> {
    words(text).into_iter().filter(|w| w.lower.chars().any(char::is_alphanumeric)).map(|w| w.lower).collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests;
