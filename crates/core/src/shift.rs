use crate::{ActorId, ArticleId, Commitment, Cue, DateWindow, Span, Topic};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftKind {
    /// Same stance said again.
    Reaffirm,
    /// Lower commitment, same direction.
    Soften,
    /// Higher commitment, same direction.
    Harden,
    /// Polarity flipped.
    Reverse,
    /// A dated or firm commitment taken back ("no plans", "wasn't necessary").
    Withdraw,
    /// Same commitment, later timeframe.
    TimelineSlip,
    /// Same commitment, markedly different tone.
    ToneShift,
}

impl ShiftKind {
    /// Whether this kind is a change worth flagging (everything but reaffirmation).
    pub fn is_change(self) -> bool {
        self != ShiftKind::Reaffirm
    }
}

/// One statement as evidence for a shift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub article_id: ArticleId,
    pub statement_index: u32,
    pub date: NaiveDate,
    /// The literal speaker ("a White House official").
    pub speaker: String,
    /// Set when the speaker is a proxy for the actor the shift is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_for: Option<ActorId>,
    pub quote: String,
    pub span: Span,
    pub commitment: Commitment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<DateWindow>,
    pub tone: f32,
    pub cues: Vec<Cue>,
}

/// A change (or reaffirmation) of one actor's stance on one topic between two statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shift {
    pub actor: ActorId,
    pub topic: Topic,
    pub kind: ShiftKind,
    /// 0..1 strength of the shift.
    pub score: f32,
    pub before: Evidence,
    pub after: Evidence,
    /// One-line reason naming the cues that decided ("'within two weeks or so' (CT+) -> 'no plans' (PR-)").
    pub explanation: String,
}
