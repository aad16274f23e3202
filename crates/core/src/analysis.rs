use crate::{ActorId, CommitmentEntry, Shift, StanceFeatures, Statement, Topic, UnflaggedPair};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One statement with its stance on one topic: a point on a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StancePoint {
    pub statement: Statement,
    pub features: StanceFeatures,
    /// Other article ids that reprint the same statement (counted once).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reprints: Vec<crate::ArticleId>,
}

/// Everything known about one actor's stance on one topic, in statement-date order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicTimeline {
    pub topic: Topic,
    /// Words that matched the topic, for explainability.
    pub matched_terms: Vec<String>,
    pub points: Vec<StancePoint>,
    pub shifts: Vec<Shift>,
    pub commitments: Vec<CommitmentEntry>,
    /// Consecutive points compared but not flagged, with the reason (for `analyze --explain`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unflagged: Vec<UnflaggedPair>,
}

/// The analysis of one actor (or principal) across the corpus: the input of every report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorAnalysis {
    pub actor: ActorId,
    /// Display name.
    pub name: String,
    /// The corpus's last date: pending commitments are pending as of this day.
    pub as_of: NaiveDate,
    pub topics: Vec<TopicTimeline>,
}

impl ActorAnalysis {
    /// All flagged changes (not reaffirmations) across topics.
    pub fn changes(&self) -> impl Iterator<Item = &Shift> {
        self.topics.iter().flat_map(|t| t.shifts.iter()).filter(|s| s.kind.is_change())
    }
}
