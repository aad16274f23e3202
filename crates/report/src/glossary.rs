//! What the short labels of a report mean, in words: the commitment levels
//! (CT+ … CT−), the shift kinds and the ledger statuses. Markdown and HTML
//! print the same legend from here; the chart keeps the short labels.
//!
//! The matches are exhaustive on purpose: a new shift kind or status does
//! not compile until it is explained to readers.

use stanceshift_core::{Commitment, CommitmentStatus, ShiftKind};

use crate::model::{SHIFT_KINDS, STATUSES};

/// Commitment levels from the most certain down, as the chart's axis lists them.
pub(crate) const COMMITMENTS: [Commitment; 7] = [
    Commitment::Certain,
    Commitment::Probable,
    Commitment::Possible,
    Commitment::Uncommitted,
    Commitment::PossibleNot,
    Commitment::ProbableNot,
    Commitment::CertainNot,
];

/// What a commitment level says about the speaker's words.
pub(crate) fn commitment(level: Commitment) -> &'static str {
    match level {
        Commitment::Certain => "certain: it will happen or is true (“we will meet”)",
        Commitment::Probable => "probable (“plans to”, “expects to”, “would”)",
        Commitment::Possible => "possible (“might”, “could”, “only if”)",
        Commitment::Uncommitted => "uncommitted or unknown (“declined to comment”, no stance)",
        Commitment::PossibleNot => "possibly not",
        Commitment::ProbableNot => "probably not (“no plans to”, “wasn't necessary”)",
        Commitment::CertainNot => "certainly not (“will not meet”)",
    }
}

pub(crate) fn shift_kind(kind: ShiftKind) -> &'static str {
    match kind {
        ShiftKind::Reaffirm => "the same stance said again (not flagged)",
        ShiftKind::Soften => "lower commitment, same direction",
        ShiftKind::Harden => "higher commitment, same direction",
        ShiftKind::Reverse => "the stance flipped from for to against, or back",
        ShiftKind::Withdraw => "a dated or firm commitment taken back",
        ShiftKind::TimelineSlip => "the same commitment with a later deadline",
        ShiftKind::ToneShift => "the same commitment in a markedly different tone",
    }
}

pub(crate) fn status(status: CommitmentStatus) -> &'static str {
    match status {
        CommitmentStatus::Pending => "still open as of the corpus's last date",
        CommitmentStatus::Renewed => "said again, perhaps with a new deadline (still open)",
        CommitmentStatus::Kept => "reported done within its window",
        CommitmentStatus::Broken => {
            "not done in time, on the evidence: after the window closed it was said to be still to come, taken back, or reported done late"
        }
        CommitmentStatus::Overdue => "the window passed, slack included, and nothing later says what became of it",
        CommitmentStatus::Withdrawn => "taken back by the actor or someone speaking for it",
    }
}

/// The other short notations: tone, slack, proxies, the score.
pub(crate) const NOTATIONS: [(&str, &str); 4] = [
    ("tone", "−1 (hostile) to +1 (warm), from the words' tone, separate from commitment"),
    ("+3 d slack", "days past a deadline that still count as on time, for “or so”, “about”"),
    ("proxy", "someone speaking for the actor (spokesperson, official, institution); drawn hollow"),
    ("score", "0 to 1, how strong and well-evidenced a shift is"),
];

/// Every entry of the legend as (section, label, meaning), in print order.
pub(crate) fn entries() -> Vec<(&'static str, String, &'static str)> {
    let mut out = Vec::new();
    for level in COMMITMENTS {
        out.push(("Commitment", level.factbank_label().to_string(), commitment(level)));
    }
    for kind in SHIFT_KINDS {
        out.push(("Shift", kind.label().to_string(), shift_kind(kind)));
    }
    for entry in STATUSES {
        out.push(("Ledger", entry.as_str().to_string(), status(entry)));
    }
    for (label, meaning) in NOTATIONS {
        out.push(("Notation", label.to_string(), meaning));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_explained_once() {
        let entries = entries();
        assert_eq!(entries.iter().filter(|e| e.0 == "Commitment").count(), 7);
        let mut labels: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), entries.len(), "a label explained twice");
        assert!(entries.iter().all(|e| e.2.len() > 8));
    }
}
