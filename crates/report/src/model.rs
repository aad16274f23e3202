//! The report model shared by every format: the analyses in a canonical order
//! with their summaries, plus the small formatting rules (dates, windows,
//! fixed-precision numbers, speaker labels) all formats agree on.
//!
//! Sorting here, not in the renderers, is what makes reports reproducible: the
//! analyzer may hand actors over in any order (it runs them in parallel), and
//! the same index must still give byte-identical output.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use stanceshift_core::{
    ActorAnalysis, ActorId, ArticleId, CommitmentEntry, CommitmentStatus, Cue, DateBasis, DateWindow,
    Evidence, ProxyKind, Shift, ShiftKind, StancePoint, Statement, StatementDate, TopicTimeline,
};

use crate::{ArticleSource, ReportMeta, Unflagged};

/// Every report, whatever its format.
pub(crate) struct Report<'a> {
    pub meta: &'a ReportMeta,
    /// The actors shown in full, sorted by name then id.
    pub actors: Vec<ActorView<'a>>,
    /// Actors without a flagged shift in a report of several actors, when
    /// [`Unflagged::OneLine`] asks for one line each instead of a section.
    pub one_line: Vec<ActorView<'a>>,
    /// Every flagged shift of the shown actors, strongest first.
    pub findings: Vec<Finding<'a>>,
    /// Display names: the analyzed actors' own, then those the caller gave in
    /// [`ReportMeta::actor_names`], to write "for Donald Trump" rather than a
    /// slug when a proxy speaks for someone.
    names: BTreeMap<&'a ActorId, &'a str>,
}

pub(crate) struct ActorView<'a> {
    pub analysis: &'a ActorAnalysis,
    pub topics: Vec<TopicView<'a>>,
    pub summary: Summary,
}

/// One flagged shift in the ranking that opens a report of several actors.
pub(crate) struct Finding<'a> {
    /// 1-based position in the ranking.
    pub rank: usize,
    /// Index into [`Report::actors`] and into that actor's topics.
    pub actor: usize,
    pub topic: usize,
    /// 1-based number of the shift among its topic's flagged shifts (anchors use it).
    pub number: usize,
    pub shift: &'a Shift,
}

pub(crate) struct TopicView<'a> {
    /// The actor the timeline is about: statements by anyone else are a proxy's.
    pub actor: &'a ActorId,
    /// Shifts scoring below this are not flagged.
    min_score: Option<f32>,
    pub timeline: &'a TopicTimeline,
    /// In statement-date order.
    pub points: Vec<&'a StancePoint>,
    /// Every shift the analyzer returned (reaffirmations included), in date order.
    pub shifts: Vec<&'a Shift>,
    pub commitments: Vec<&'a CommitmentEntry>,
    /// The statements by (article id, statement index), to label evidence.
    statements: BTreeMap<(&'a str, u32), &'a Statement>,
}

impl<'a> TopicView<'a> {
    /// The shifts worth flagging: all but reaffirmations, and none scoring
    /// below the report's minimum score.
    pub fn changes(&self) -> impl Iterator<Item = &'a Shift> + '_ {
        self.shifts.iter().copied().filter(|s| self.is_flagged(s))
    }

    pub fn is_flagged(&self, shift: &Shift) -> bool {
        shift.kind.is_change() && self.min_score.is_none_or(|min| shift.score >= min)
    }

    /// Changes left unflagged because they score below the minimum.
    pub fn below_min_score(&self) -> usize {
        self.shifts.iter().filter(|s| s.kind.is_change() && !self.is_flagged(s)).count()
    }

    /// The statement a piece of evidence cites, when it is on this timeline.
    pub fn statement_of(&self, evidence: &Evidence) -> Option<&'a Statement> {
        self.statements.get(&(evidence.article_id.as_str(), evidence.statement_index)).copied()
    }

    /// Whether someone other than the actor said it: a spokesperson, an
    /// official, an institution. Relative to the actor, not to the statement's
    /// own principal, so the actor's own words are never drawn as a proxy's
    /// even when the analyzer files them under an affiliation.
    pub fn is_proxy(&self, statement: &Statement) -> bool {
        statement.speaker.actor.as_ref() != Some(self.actor)
    }

    /// Whom a proxy spoke for: the statement's principal, else the actor.
    pub fn spoke_for(&self, statement: &'a Statement) -> &'a ActorId {
        statement.counts_for().filter(|p| statement.speaker.actor.as_ref() != Some(*p)).unwrap_or(self.actor)
    }

    /// For evidence cited by a shift or ledger entry: whom the speaker spoke
    /// for when it was a proxy, `None` when the actor spoke. Decided from the
    /// cited statement when it is on this timeline, else from the evidence.
    pub fn evidence_proxy_for(&self, evidence: &'a Evidence) -> Option<&'a ActorId> {
        match self.statements.get(&(evidence.article_id.as_str(), evidence.statement_index)) {
            Some(statement) => self.is_proxy(statement).then(|| self.spoke_for(statement)),
            None => evidence.proxy_for.as_ref(),
        }
    }
}

/// Counts for one actor's summary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Summary {
    /// Distinct statements (a statement on two topics counts once).
    pub statements: usize,
    /// Distinct statements made by proxies (spokespeople, officials, institutions).
    pub proxy_statements: usize,
    pub topics: usize,
    /// Flagged changes per kind, in [`SHIFT_KINDS`] order; reaffirmations are not changes.
    pub changes: BTreeMap<ShiftKind, usize>,
    pub reaffirmations: usize,
    /// Commitments per status, in [`STATUSES`] order.
    pub commitments: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub fn flagged(&self) -> usize {
        self.changes.values().sum()
    }

    pub fn status(&self, status: CommitmentStatus) -> usize {
        self.commitments.get(status.as_str()).copied().unwrap_or(0)
    }

    /// Open commitments: pending ones and renewed ones (restated, so still open).
    pub fn open(&self) -> usize {
        self.status(CommitmentStatus::Pending) + self.status(CommitmentStatus::Renewed)
    }

    fn of(topics: &[TopicView<'_>]) -> Summary {
        let mut statements = BTreeSet::new();
        let mut proxies = BTreeSet::new();
        let mut summary = Summary { topics: topics.len(), ..Summary::default() };
        for status in STATUSES {
            summary.commitments.insert(status.as_str(), 0);
        }
        for topic in topics {
            for point in &topic.points {
                let key = (&point.statement.article_id, point.statement.index);
                statements.insert(key);
                if topic.is_proxy(&point.statement) {
                    proxies.insert(key);
                }
            }
            for shift in &topic.shifts {
                if topic.is_flagged(shift) {
                    *summary.changes.entry(shift.kind).or_default() += 1;
                } else if !shift.kind.is_change() {
                    summary.reaffirmations += 1;
                }
            }
            for entry in &topic.commitments {
                *summary.commitments.entry(entry.status.as_str()).or_default() += 1;
            }
        }
        summary.statements = statements.len();
        summary.proxy_statements = proxies.len();
        summary
    }
}

/// Every shift kind, in the order reports list them.
pub(crate) const SHIFT_KINDS: [ShiftKind; 7] = ShiftKind::ALL;

/// Every commitment status, in the order reports list them.
pub(crate) const STATUSES: [CommitmentStatus; 6] = [
    CommitmentStatus::Pending,
    CommitmentStatus::Renewed,
    CommitmentStatus::Kept,
    CommitmentStatus::Overdue,
    CommitmentStatus::Broken,
    CommitmentStatus::Withdrawn,
];

impl<'a> Report<'a> {
    pub fn new(analyses: &'a [ActorAnalysis], meta: &'a ReportMeta) -> Report<'a> {
        let mut sorted: Vec<&ActorAnalysis> = analyses.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.actor.cmp(&b.actor)));
        let mut names: BTreeMap<&ActorId, &str> =
            meta.actor_names.iter().map(|(id, name)| (id, name.as_str())).collect();
        names.extend(sorted.iter().map(|a| (&a.actor, a.name.as_str())));
        let several = sorted.len() > 1;
        let views = sorted
            .into_iter()
            .map(|analysis| {
                let mut topics: Vec<TopicView<'_>> = analysis
                    .topics
                    .iter()
                    .map(|t| TopicView::new(&analysis.actor, t, meta.min_score))
                    .collect();
                // Topics with the most flagged shifts first: that is what a reader came for.
                topics.sort_by(|a, b| {
                    b.changes()
                        .count()
                        .cmp(&a.changes().count())
                        .then_with(|| a.timeline.topic.cmp(&b.timeline.topic))
                });
                let summary = Summary::of(&topics);
                ActorView { analysis, topics, summary }
            })
            .collect::<Vec<_>>();
        let (mut actors, mut one_line) = (Vec::new(), Vec::new());
        for view in views {
            match meta.unflagged {
                _ if !several || view.summary.flagged() > 0 => actors.push(view),
                Unflagged::Detailed => actors.push(view),
                Unflagged::OneLine => one_line.push(view),
                Unflagged::LeftOut => {}
            }
        }
        let findings = Finding::rank(&actors);
        Report { meta, actors, one_line, findings, names }
    }

    /// Display name of an actor: its name if it is in this report, else its id.
    pub fn name_of<'s>(&'s self, actor: &'s ActorId) -> &'s str {
        self.names.get(actor).copied().unwrap_or(actor.as_str())
    }

    /// The display name of an actor the report knows by name (not its id).
    pub fn known_name(&self, actor: &ActorId) -> Option<&'a str> {
        self.names.get(actor).copied()
    }

    /// Where an article was published, when the caller said.
    pub fn article(&self, id: &ArticleId) -> Option<&'a ArticleSource> {
        self.meta.articles.get(id)
    }

    /// Who spoke, by name where the words resolve to a named actor ("he" said
    /// by Donald Trump is Donald Trump), with the words as written beside it
    /// when they do not name the actor themselves ("he", "the president"; not
    /// "Trump" or "Trump, traveling in Asia").
    pub fn speaker(&self, statement: &Statement) -> SpeakerName {
        let literal = &statement.speaker.text;
        let name = statement.speaker.actor.as_ref().and_then(|id| self.names.get(id).copied());
        match name {
            Some(name) if !name.eq_ignore_ascii_case(literal) => SpeakerName {
                shown: name.to_string(),
                as_written: (!shares_a_word(name, literal)).then(|| literal.clone()),
            },
            _ => SpeakerName { shown: literal.clone(), as_written: None },
        }
    }

    /// The speaker of a piece of evidence: as [`Report::speaker`] when the
    /// cited statement is on the timeline; else the actor's own name when the
    /// actor spoke, the words as written when a proxy did.
    pub fn evidence_speaker_name(&self, topic: &TopicView<'a>, evidence: &Evidence) -> SpeakerName {
        match topic.statement_of(evidence) {
            Some(statement) => self.speaker(statement),
            None => SpeakerName { shown: evidence.speaker.clone(), as_written: None },
        }
    }

    /// "for Trump administration · anonymous official" when someone else
    /// spoke for the actor: the one proxy label every format and place uses.
    pub fn proxy_note(&self, topic: &TopicView<'a>, statement: &'a Statement) -> Option<String> {
        topic.is_proxy(statement).then(|| {
            let kind = statement.proxy.map(ProxyKind::label).unwrap_or("proxy");
            format!("for {} · {kind}", self.name_of(topic.spoke_for(statement)))
        })
    }

    /// [`Report::proxy_note`] for shift and ledger evidence.
    pub fn evidence_proxy_note(&self, topic: &TopicView<'a>, evidence: &'a Evidence) -> Option<String> {
        match topic.statement_of(evidence) {
            Some(statement) => self.proxy_note(topic, statement),
            None => evidence.proxy_for.as_ref().map(|p| format!("for {} · proxy", self.name_of(p))),
        }
    }

    /// The speaker as one line of plain text: "Donald Trump (“he”)", plus
    /// "(for X · kind)" when a proxy spoke. For tooltips and text alternatives.
    pub fn speaker_label(&self, topic: &TopicView<'a>, statement: &'a Statement) -> String {
        let mut label = self.speaker(statement).plain();
        if let Some(note) = self.proxy_note(topic, statement) {
            label.push_str(&format!(" ({note})"));
        }
        label
    }

    /// The same label for shift and ledger evidence.
    pub fn evidence_speaker(&self, topic: &TopicView<'a>, evidence: &'a Evidence) -> String {
        let mut label = self.evidence_speaker_name(topic, evidence).plain();
        if let Some(note) = self.evidence_proxy_note(topic, evidence) {
            label.push_str(&format!(" ({note})"));
        }
        label
    }
}

/// A speaker's display name and, when they differ, the words as written.
pub(crate) struct SpeakerName {
    pub shown: String,
    pub as_written: Option<String>,
}

impl SpeakerName {
    /// "Donald Trump (“he”)".
    pub fn plain(&self) -> String {
        match &self.as_written {
            Some(words) => format!("{} (“{words}”)", self.shown),
            None => self.shown.clone(),
        }
    }
}

/// Whether `words` use a word of `name` (ignoring case and punctuation):
/// "President Donald Trump" and "Trump, traveling in Asia" do, "he" does not.
fn shares_a_word(name: &str, words: &str) -> bool {
    let split = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let name = split(name);
    split(words).iter().any(|w| name.contains(w))
}

impl<'a> Finding<'a> {
    /// Every flagged shift of `actors`, by score (highest first), then actor
    /// name, topic order and date, so equal scores keep a stable order.
    fn rank(actors: &[ActorView<'a>]) -> Vec<Finding<'a>> {
        let mut findings = Vec::new();
        for (a, actor) in actors.iter().enumerate() {
            for (t, topic) in actor.topics.iter().enumerate() {
                for (n, shift) in topic.changes().enumerate() {
                    findings.push(Finding { rank: 0, actor: a, topic: t, number: n + 1, shift });
                }
            }
        }
        findings.sort_by(|x, y| {
            y.shift
                .score
                .total_cmp(&x.shift.score)
                .then_with(|| (x.actor, x.topic, x.number).cmp(&(y.actor, y.topic, y.number)))
        });
        for (i, finding) in findings.iter_mut().enumerate() {
            finding.rank = i + 1;
        }
        findings
    }
}

impl<'a> TopicView<'a> {
    fn new(actor: &'a ActorId, timeline: &'a TopicTimeline, min_score: Option<f32>) -> TopicView<'a> {
        let mut points: Vec<&StancePoint> = timeline.points.iter().collect();
        points.sort_by(|a, b| statement_key(&a.statement).cmp(&statement_key(&b.statement)));
        let mut shifts: Vec<&Shift> = timeline.shifts.iter().collect();
        shifts.sort_by(|a, b| {
            evidence_key(&a.after)
                .cmp(&evidence_key(&b.after))
                .then_with(|| evidence_key(&a.before).cmp(&evidence_key(&b.before)))
                .then_with(|| a.kind.cmp(&b.kind))
        });
        let mut commitments: Vec<&CommitmentEntry> = timeline.commitments.iter().collect();
        commitments.sort_by(|a, b| {
            evidence_key(&a.opened)
                .cmp(&evidence_key(&b.opened))
                .then_with(|| (a.due.start, a.due.end).cmp(&(b.due.start, b.due.end)))
        });
        let statements = points
            .iter()
            .map(|p| ((p.statement.article_id.as_str(), p.statement.index), &p.statement))
            .collect();
        TopicView { actor, min_score, timeline, points, shifts, commitments, statements }
    }
}

fn statement_key(statement: &Statement) -> (NaiveDate, &str, u32) {
    (statement.date.date, statement.article_id.as_str(), statement.index)
}

fn evidence_key(evidence: &Evidence) -> (NaiveDate, &str, u32) {
    (evidence.date, evidence.article_id.as_str(), evidence.statement_index)
}

/// A window as `2025-10-16 – 2025-10-30 (+3 d slack)`; a one-day window is its date.
pub(crate) fn window_label(window: &DateWindow) -> String {
    let mut out = if window.start == window.end {
        window.start.to_string()
    } else {
        format!("{} – {}", window.start, window.end)
    };
    if window.slack_days > 0 {
        out.push_str(&format!(" (+{} d slack)", window.slack_days));
    }
    out
}

/// A number with a fixed number of decimals and a sign, without "-0.00".
pub(crate) fn signed(value: f32, decimals: usize) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let text = format!("{:+.*}", decimals, value);
    if text[1..].chars().all(|c| c == '0' || c == '.') {
        format!("{:.*}", decimals, 0.0)
    } else {
        text
    }
}

/// A number with a fixed number of decimals, without "-0.00".
pub(crate) fn fixed(value: f32, decimals: usize) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let text = format!("{:.*}", decimals, value);
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_string()
    } else {
        text
    }
}

/// A quote for display inside our own quotation marks: when the analyzer
/// kept the speaker's quotation marks around the whole content (and a comma
/// before the closing one), they are dropped, so readers see “We will meet”
/// rather than “"We will meet,"”. Quotes with inner quotation marks are left
/// alone: there the marks carry meaning. JSON keeps the content as extracted.
pub(crate) fn display_quote(text: &str) -> &str {
    const MARKS: [char; 4] = ['"', '“', '”', '„'];
    let trimmed = text.trim();
    let inner = trimmed
        .strip_prefix(['"', '“', '„'])
        .and_then(|rest| rest.strip_suffix(['"', '”', '“']))
        .filter(|inner| !inner.contains(MARKS));
    match inner {
        Some(inner) => inner.trim().trim_end_matches(',').trim_end(),
        None => trimmed,
    }
}

/// How a statement's date was found, when it is not simply the article's
/// date: the dating words ("on Tuesday evening"), else the basis. Shown beside
/// the date so a reader can check why a statement sits where it does.
pub(crate) fn date_note(date: &StatementDate) -> Option<String> {
    let basis = match date.basis {
        DateBasis::ArticleDate => return None,
        DateBasis::Relative => "relative date",
        DateBasis::Explicit => "explicit date",
        DateBasis::Context => "dated from context",
    };
    Some(match &date.evidence {
        Some(words) => format!("“{}”", words.split_whitespace().collect::<Vec<_>>().join(" ")),
        None => basis.to_string(),
    })
}

/// A link target a report may print: http(s) only, nothing that could break
/// out of an attribute or a Markdown link. Anything else is not linked.
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\".contains(c));
    (scheme_ok && clean && url.len() > "https://".len()).then_some(url)
}

/// "1 statement", "2 statements".
pub(crate) fn plural(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// The deciding cues of one piece of evidence, each rendered by `item` and
/// joined by `separator`; "none recorded" when there are none. Markdown and
/// HTML differ only in `item`.
pub(crate) fn list_cues(cues: &[Cue], separator: &str, item: impl Fn(&Cue) -> String) -> String {
    if cues.is_empty() {
        return "none recorded".into();
    }
    cues.iter().map(item).collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_fixed_precision_and_no_negative_zero() {
        assert_eq!(signed(0.2, 2), "+0.20");
        assert_eq!(signed(-0.001, 2), "0.00");
        assert_eq!(signed(-0.456, 2), "-0.46");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(0.854, 2), "0.85");
        assert_eq!(fixed(f32::NAN, 2), "n/a");
    }

    #[test]
    fn quotes_lose_only_enclosing_marks() {
        assert_eq!(display_quote("\"We will meet in Budapest,\""), "We will meet in Budapest");
        assert_eq!(display_quote("“This plant is open.”"), "This plant is open.");
        assert_eq!(display_quote("there were \"no plans\" to meet"), "there were \"no plans\" to meet");
        assert_eq!(display_quote("\"a\" and \"b\""), "\"a\" and \"b\"");
        assert_eq!(display_quote(" plain "), "plain");
        assert_eq!(display_quote("\""), "\"");
    }

    #[test]
    fn only_plain_web_links_are_linked() {
        assert_eq!(safe_url(" https://example.org/a?b=1 "), Some("https://example.org/a?b=1"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://x.org/\"onmouseover=\""), None);
        assert_eq!(safe_url("https://x.org/a b"), None);
        assert_eq!(safe_url("https://"), None);
    }

    #[test]
    fn speakers_are_named_where_known() {
        assert!(shares_a_word("Donald Trump", "Trump, traveling in Asia this week"));
        assert!(shares_a_word("Donald Trump", "President Donald Trump"));
        assert!(!shares_a_word("Donald Trump", "He"));
        assert!(!shares_a_word("Donald Trump", "The president"));
    }

    #[test]
    fn windows() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(window_label(&DateWindow::new(d("2025-10-16"), d("2025-10-16"))), "2025-10-16");
        assert_eq!(
            window_label(&DateWindow::new(d("2025-10-16"), d("2025-10-30")).with_slack(3)),
            "2025-10-16 – 2025-10-30 (+3 d slack)"
        );
    }
}
