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

/// Why two consecutive stance points of an actor on a topic were compared but
/// not flagged. Each reason is a way real news fooled word-level comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unflagged {
    /// One side is no stance: a statistic or a report of a past event ("runs fell to 12.2 mln").
    NotAStance,
    /// One side is a question, a condition without a commitment, or a hypothetical.
    Embedded,
    /// One side is someone else's words (another actor, not a spokesperson).
    OtherSpeaker,
    /// The two share words but not the specific arguments (another company, tender, bill).
    DifferentProposition,
    /// Two occasions of a recurring act, or a new window set after the old one
    /// had passed: time went by, nobody changed their mind.
    DifferentOccasion,
    /// The same tone words in a restated quote, or a tone move between other propositions.
    ToneNoise,
    /// Every check passed but the score is below the flagging threshold.
    BelowThreshold,
}

impl Unflagged {
    pub const ALL: [Unflagged; 7] = [
        Unflagged::NotAStance,
        Unflagged::Embedded,
        Unflagged::OtherSpeaker,
        Unflagged::DifferentProposition,
        Unflagged::DifferentOccasion,
        Unflagged::ToneNoise,
        Unflagged::BelowThreshold,
    ];

    /// The serde name ("not_a_stance").
    pub fn as_str(self) -> &'static str {
        match self {
            Unflagged::NotAStance => "not_a_stance",
            Unflagged::Embedded => "embedded",
            Unflagged::OtherSpeaker => "other_speaker",
            Unflagged::DifferentProposition => "different_proposition",
            Unflagged::DifferentOccasion => "different_occasion",
            Unflagged::ToneNoise => "tone_noise",
            Unflagged::BelowThreshold => "below_threshold",
        }
    }
}

/// A compared pair that was not flagged: the shift it would have been, and why not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnflaggedPair {
    pub shift: Shift,
    pub reason: Unflagged,
    /// The words or figures behind the reason ("shared arguments 0.12 < 0.35").
    pub detail: String,
}
