//! The JSON report, schema `stanceshift.report/v1` (docs/report-schema.md).
//!
//! The document is built from its own structs rather than by serializing the
//! core types: the schema is a promise to readers and must not change when a
//! core type grows a field, every optional field is always present (as
//! `null`), and floats are rounded to a fixed precision so reruns compare equal.

use serde::Serialize;
use stanceshift_core::{
    ActorAnalysis, ActorId, ArticleId, CommitmentStatus, Cue, DateWindow, Evidence, Shift, ShiftKind, Span,
    StancePoint, Statement,
};

use crate::model::{ActorView, Report, Summary as ModelSummary, TopicView};
use crate::{ArticleSource, ReportMeta, Unflagged};

/// The schema identifier written in every JSON report. A breaking change to
/// the document bumps the version; adding a field does not.
pub const SCHEMA: &str = "stanceshift.report/v1";

/// Decimals kept for every float in the document.
const DECIMALS: i32 = 3;

/// The schema identifier of `statements --json`: the statements in the shape
/// of a report's points, without the stance on a topic.
pub const STATEMENTS_SCHEMA: &str = "stanceshift.statements/v1";

pub(crate) fn render(report: &Report<'_>) -> String {
    // Machines get every actor in full; only `LeftOut` drops the unflagged.
    let mut views: Vec<&ActorView<'_>> = report.actors.iter().chain(&report.one_line).collect();
    views.sort_by(|a, b| (&a.analysis.name, &a.analysis.actor).cmp(&(&b.analysis.name, &b.analysis.actor)));
    let document = Document {
        schema: SCHEMA,
        meta: Meta {
            generated_from: &report.meta.generated_from,
            as_of: report.meta.as_of.to_string(),
            topic_query: report.meta.topic_query.as_deref(),
            tool_version: &report.meta.tool_version,
            min_score: report.meta.min_score.map(round),
            unflagged_actors: match report.meta.unflagged {
                Unflagged::LeftOut => "left_out",
                Unflagged::Detailed | Unflagged::OneLine => "included",
            },
        },
        findings: report.findings.iter().map(|f| finding(report, f)).collect(),
        actors: views.into_iter().map(|view| actor(report, view)).collect(),
    };
    pretty(&document)
}

/// `statements --json`: the statements (of `actor`, when given) as points
/// without a stance, so the two commands share one documented shape.
pub fn statements_json(actor: Option<&ActorId>, statements: &[Statement], meta: &ReportMeta) -> String {
    let no_analyses: [ActorAnalysis; 0] = [];
    let report = Report::new(&no_analyses, meta);
    let document = StatementsDocument {
        schema: STATEMENTS_SCHEMA,
        actor: actor.map(ActorId::as_str),
        statements: statements.iter().map(|s| statement(&report, s)).collect(),
    };
    pretty(&document)
}

fn pretty(document: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(document)
        .expect("the report document has only string map keys and plain values");
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    meta: Meta<'a>,
    findings: Vec<FindingJson<'a>>,
    actors: Vec<Actor<'a>>,
}

#[derive(Serialize)]
struct StatementsDocument<'a> {
    schema: &'static str,
    actor: Option<&'a str>,
    statements: Vec<StatementJson<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    generated_from: &'a str,
    as_of: String,
    topic_query: Option<&'a str>,
    tool_version: &'a str,
    min_score: Option<f64>,
    unflagged_actors: &'static str,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rank: usize,
    score: f64,
    kind: &'static str,
    actor_id: &'a str,
    actor_name: &'a str,
    topic_key: &'a str,
    topic_label: &'a str,
    explanation: &'a str,
    before: Cited<'a>,
    after: Cited<'a>,
}

#[derive(Serialize)]
struct Cited<'a> {
    statement_id: String,
    date: String,
    speaker: &'a str,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
}

#[derive(Serialize)]
struct Actor<'a> {
    id: &'a str,
    name: &'a str,
    as_of: String,
    summary: Summary,
    topics: Vec<Topic<'a>>,
}

#[derive(Serialize)]
struct Summary {
    statements: usize,
    proxy_statements: usize,
    topics: usize,
    flagged_shifts: usize,
    shifts_by_kind: ShiftCounts,
    reaffirmations: usize,
    commitments: CommitmentCounts,
}

#[derive(Serialize)]
struct ShiftCounts {
    soften: usize,
    harden: usize,
    reverse: usize,
    withdraw: usize,
    timeline_slip: usize,
    tone_shift: usize,
}

#[derive(Serialize)]
struct CommitmentCounts {
    open: usize,
    pending: usize,
    renewed: usize,
    kept: usize,
    broken: usize,
    /// Added within v1: deadlines passed without evidence either way.
    overdue: usize,
    withdrawn: usize,
}

#[derive(Serialize)]
struct Topic<'a> {
    key: &'a str,
    label: &'a str,
    matched_terms: &'a [String],
    points: Vec<Point<'a>>,
    shifts: Vec<ShiftJson<'a>>,
    commitments: Vec<Commitment<'a>>,
}

#[derive(Serialize)]
struct Point<'a> {
    #[serde(flatten)]
    statement: StatementJson<'a>,
    is_proxy: bool,
    stance: Stance<'a>,
    reprints: Vec<&'a str>,
}

#[derive(Serialize)]
struct StatementJson<'a> {
    statement_id: String,
    article_id: &'a str,
    article: ArticleJson<'a>,
    statement_index: u32,
    date: String,
    date_window: Window,
    date_basis: &'static str,
    date_evidence: Option<&'a str>,
    timex_value: Option<&'a str>,
    speaker: Speaker<'a>,
    principal: Option<&'a str>,
    proxy: Option<&'static str>,
    anonymous: bool,
    speech: &'static str,
    reporting_cue: &'a str,
    reporting_cue_span: SpanJson,
    quote: &'a str,
    quote_span: SpanJson,
    attribution_confidence: f64,
}

#[derive(Serialize)]
struct Speaker<'a> {
    text: &'a str,
    name: Option<&'a str>,
    span: SpanJson,
    actor: Option<&'a str>,
}

#[derive(Serialize)]
struct Stance<'a> {
    polarity: &'static str,
    commitment: &'static str,
    commitment_score: i8,
    certainty: f64,
    future: bool,
    timeframe: Option<Window>,
    tone: f64,
    cues: Vec<CueJson<'a>>,
}

#[derive(Serialize)]
struct ShiftJson<'a> {
    kind: &'static str,
    flagged: bool,
    score: f64,
    explanation: &'a str,
    before: EvidenceJson<'a>,
    after: EvidenceJson<'a>,
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    statement_id: String,
    article_id: &'a str,
    statement_index: u32,
    date: String,
    speaker: &'a str,
    speaker_name: Option<&'a str>,
    article: ArticleJson<'a>,
    proxy_for: Option<&'a str>,
    quote: &'a str,
    span: SpanJson,
    commitment: &'static str,
    commitment_score: i8,
    timeframe: Option<Window>,
    tone: f64,
    cues: Vec<CueJson<'a>>,
}

#[derive(Serialize)]
struct Commitment<'a> {
    status: &'static str,
    opened: EvidenceJson<'a>,
    due: Window,
    settled_by: Option<EvidenceJson<'a>>,
    as_of: String,
}

#[derive(Serialize)]
struct Window {
    start: String,
    end: String,
    slack_days: u32,
    latest: String,
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct CueJson<'a> {
    kind: &'static str,
    text: &'a str,
    span: SpanJson,
}

fn actor<'a>(report: &Report<'a>, view: &ActorView<'a>) -> Actor<'a> {
    let analysis = view.analysis;
    Actor {
        id: analysis.actor.as_str(),
        name: &analysis.name,
        as_of: analysis.as_of.to_string(),
        summary: summary(&view.summary),
        topics: view.topics.iter().map(|t| topic(report, t)).collect(),
    }
}

fn finding<'a>(report: &Report<'a>, finding: &crate::model::Finding<'a>) -> FindingJson<'a> {
    let actor = &report.actors[finding.actor];
    let topic = &actor.topics[finding.topic];
    let shift = finding.shift;
    let cited = |evidence: &'a Evidence| Cited {
        statement_id: format!("{}#{}", evidence.article_id, evidence.statement_index),
        date: evidence.date.to_string(),
        speaker: &evidence.speaker,
    };
    FindingJson {
        rank: finding.rank,
        score: round(shift.score),
        kind: shift.kind.as_str(),
        actor_id: actor.analysis.actor.as_str(),
        actor_name: &actor.analysis.name,
        topic_key: &topic.timeline.topic.key,
        topic_label: &topic.timeline.topic.label,
        explanation: &shift.explanation,
        before: cited(&shift.before),
        after: cited(&shift.after),
    }
}

fn article<'a>(report: &Report<'a>, id: &ArticleId) -> ArticleJson<'a> {
    let source: Option<&'a ArticleSource> = report.article(id);
    ArticleJson {
        outlet: source.and_then(|s| s.outlet.as_deref()),
        title: source.and_then(|s| s.title.as_deref()),
        url: source.and_then(|s| s.url.as_deref()),
        published: source.and_then(|s| s.published).map(|d| d.to_string()),
    }
}

fn summary(summary: &ModelSummary) -> Summary {
    let kind = |kind: ShiftKind| summary.changes.get(&kind).copied().unwrap_or(0);
    Summary {
        statements: summary.statements,
        proxy_statements: summary.proxy_statements,
        topics: summary.topics,
        flagged_shifts: summary.flagged(),
        shifts_by_kind: ShiftCounts {
            soften: kind(ShiftKind::Soften),
            harden: kind(ShiftKind::Harden),
            reverse: kind(ShiftKind::Reverse),
            withdraw: kind(ShiftKind::Withdraw),
            timeline_slip: kind(ShiftKind::TimelineSlip),
            tone_shift: kind(ShiftKind::ToneShift),
        },
        reaffirmations: summary.reaffirmations,
        commitments: CommitmentCounts {
            open: summary.open(),
            pending: summary.status(CommitmentStatus::Pending),
            renewed: summary.status(CommitmentStatus::Renewed),
            kept: summary.status(CommitmentStatus::Kept),
            broken: summary.status(CommitmentStatus::Broken),
            overdue: summary.status(CommitmentStatus::Overdue),
            withdrawn: summary.status(CommitmentStatus::Withdrawn),
        },
    }
}

fn topic<'a>(report: &Report<'a>, view: &TopicView<'a>) -> Topic<'a> {
    let timeline = view.timeline;
    Topic {
        key: &timeline.topic.key,
        label: &timeline.topic.label,
        matched_terms: &timeline.matched_terms,
        points: view.points.iter().map(|p| point(report, view, p)).collect(),
        shifts: view.shifts.iter().map(|s| shift(report, view, s)).collect(),
        commitments: view
            .commitments
            .iter()
            .map(|entry| Commitment {
                status: entry.status.as_str(),
                opened: evidence(report, view, &entry.opened),
                due: window(&entry.due),
                settled_by: entry.settled_by.as_ref().map(|e| evidence(report, view, e)),
                as_of: entry.as_of.to_string(),
            })
            .collect(),
    }
}

fn point<'a>(report: &Report<'a>, view: &TopicView<'a>, point: &'a StancePoint) -> Point<'a> {
    let statement = &point.statement;
    let features = &point.features;
    Point {
        statement: self::statement(report, statement),
        is_proxy: view.is_proxy(statement),
        stance: Stance {
            polarity: features.polarity.as_str(),
            commitment: features.commitment.factbank_label(),
            commitment_score: features.commitment.score(),
            certainty: round(features.certainty),
            future: features.future,
            timeframe: features.timeframe.as_ref().map(window),
            tone: round(features.tone),
            cues: cues(&features.cues),
        },
        reprints: point.reprints.iter().map(|id| id.as_str()).collect(),
    }
}

fn statement<'a>(report: &Report<'a>, statement: &'a Statement) -> StatementJson<'a> {
    StatementJson {
        statement_id: statement.id(),
        article_id: statement.article_id.as_str(),
        article: article(report, &statement.article_id),
        statement_index: statement.index,
        date: statement.date.date.to_string(),
        date_window: window(&statement.date.window),
        date_basis: statement.date.basis.as_str(),
        date_evidence: statement.date.evidence.as_deref(),
        timex_value: statement.date.timex_value.as_deref(),
        speaker: Speaker {
            text: &statement.speaker.text,
            name: statement.speaker.actor.as_ref().and_then(|id| report.known_name(id)),
            span: span(statement.speaker.span),
            actor: statement.speaker.actor.as_ref().map(|a| a.as_str()),
        },
        principal: statement.principal.as_ref().map(|a| a.as_str()),
        proxy: statement.proxy.map(stanceshift_core::ProxyKind::as_str),
        anonymous: statement.anonymous,
        speech: statement.kind.as_str(),
        reporting_cue: &statement.cue,
        reporting_cue_span: span(statement.cue_span),
        quote: &statement.content,
        quote_span: span(statement.content_span),
        attribution_confidence: round(statement.confidence),
    }
}

fn shift<'a>(report: &Report<'a>, view: &TopicView<'a>, shift: &'a Shift) -> ShiftJson<'a> {
    ShiftJson {
        kind: shift.kind.as_str(),
        flagged: view.is_flagged(shift),
        score: round(shift.score),
        explanation: &shift.explanation,
        before: evidence(report, view, &shift.before),
        after: evidence(report, view, &shift.after),
    }
}

fn evidence<'a>(report: &Report<'a>, view: &TopicView<'a>, evidence: &'a Evidence) -> EvidenceJson<'a> {
    let speaker_actor = view.statement_of(evidence).and_then(|s| s.speaker.actor.as_ref());
    EvidenceJson {
        statement_id: format!("{}#{}", evidence.article_id, evidence.statement_index),
        article_id: evidence.article_id.as_str(),
        statement_index: evidence.statement_index,
        date: evidence.date.to_string(),
        speaker: &evidence.speaker,
        speaker_name: speaker_actor.and_then(|id| report.known_name(id)),
        article: article(report, &evidence.article_id),
        proxy_for: view.evidence_proxy_for(evidence).map(|a| a.as_str()),
        quote: &evidence.quote,
        span: span(evidence.span),
        commitment: evidence.commitment.factbank_label(),
        commitment_score: evidence.commitment.score(),
        timeframe: evidence.timeframe.as_ref().map(window),
        tone: round(evidence.tone),
        cues: cues(&evidence.cues),
    }
}

fn cues(cues: &[Cue]) -> Vec<CueJson<'_>> {
    cues.iter()
        .map(|cue| CueJson { kind: cue.kind.as_str(), text: &cue.text, span: span(cue.span) })
        .collect()
}

fn window(window: &DateWindow) -> Window {
    Window {
        start: window.start.to_string(),
        end: window.end.to_string(),
        slack_days: window.slack_days,
        latest: window.latest().to_string(),
    }
}

fn span(span: Span) -> SpanJson {
    SpanJson { start: span.start, end: span.end }
}

/// A float rounded to [`DECIMALS`] places, with no negative zero. Non-finite
/// values stay non-finite, which serde_json writes as `null`.
fn round(value: f32) -> f64 {
    let scale = 10f64.powi(DECIMALS);
    let rounded = (f64::from(value) * scale).round() / scale;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_fixed_and_never_negative_zero() {
        assert_eq!(round(0.1), 0.1);
        assert_eq!(round(-0.0004), 0.0);
        assert!(round(-0.0004).is_sign_positive());
        assert_eq!(round(0.66666), 0.667);
        assert!(round(f32::NAN).is_nan());
        assert_eq!(serde_json::to_string(&round(f32::NAN)).unwrap(), "null");
    }
}
