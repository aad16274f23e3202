use crate::{DateWindow, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Positive,
    Negative,
    Unknown,
}

/// Commitment/certainty on a FactBank-like scale, from the speaker's view of
/// the proposition (e.g. "we will meet").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    /// CT-: certainly not ("will not meet").
    CertainNot,
    /// PR-: probably not ("no plans to", "wasn't necessary").
    ProbableNot,
    /// PS-: possibly not.
    PossibleNot,
    /// Uu: uncommitted or unknown ("declined to comment").
    Uncommitted,
    /// PS+: possible ("might", "could").
    Possible,
    /// PR+: probable ("plans to", "expects to", "would").
    Probable,
    /// CT+: certain ("will", "is going to").
    Certain,
}

impl Commitment {
    /// Signed score in -3..=3, the scale of the unified factuality data.
    pub fn score(self) -> i8 {
        match self {
            Commitment::CertainNot => -3,
            Commitment::ProbableNot => -2,
            Commitment::PossibleNot => -1,
            Commitment::Uncommitted => 0,
            Commitment::Possible => 1,
            Commitment::Probable => 2,
            Commitment::Certain => 3,
        }
    }

    /// FactBank label (CT+, PR+, PS+, Uu, PS-, PR-, CT-).
    pub fn factbank_label(self) -> &'static str {
        match self {
            Commitment::CertainNot => "CT-",
            Commitment::ProbableNot => "PR-",
            Commitment::PossibleNot => "PS-",
            Commitment::Uncommitted => "Uu",
            Commitment::Possible => "PS+",
            Commitment::Probable => "PR+",
            Commitment::Certain => "CT+",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    Negation,
    Hedge,
    Booster,
    Modal,
    /// "no plans", "wasn't necessary", "declined to comment".
    Retreat,
    /// A time expression that sets the timeframe.
    Timeframe,
    /// A topic word that matched.
    Topic,
    Tone,
}

/// A word or phrase that decided part of a stance, kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub kind: CueKind,
    pub text: String,
    /// Byte offsets into the article body.
    pub span: Span,
}

/// A proposition a statement can be about, e.g. meet(Trump, Putin).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Topic {
    /// Stable key ("meet putin").
    pub key: String,
    /// Human label ("meet Putin").
    pub label: String,
}

/// What one statement says about one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceFeatures {
    pub topic: Topic,
    pub polarity: Polarity,
    pub commitment: Commitment,
    /// 0..1 certainty after hedges and boosters.
    pub certainty: f32,
    /// The statement speaks of the future (will, plans, "pretty soon").
    pub future: bool,
    /// Window the statement sets for the proposition, resolved against the statement date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<DateWindow>,
    /// Tone in -1..1 from the tone lexicon.
    pub tone: f32,
    /// Every cue that decided the features above, in text order.
    pub cues: Vec<Cue>,
}
