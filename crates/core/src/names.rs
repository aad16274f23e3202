//! One name per enum value, for every crate that prints one: the stable
//! machine name (the value's serde name, used in JSON and CSS classes) and,
//! where it differs, the human label used in prose. A test pins each
//! `as_str` to the serde name, so the two can never drift apart.

use crate::{CommitmentStatus, CueKind, DateBasis, Polarity, ProxyKind, ShiftKind, SpeechKind};

/// `as_str()` for an enum: each variant's machine name.
macro_rules! machine_names {
    ($($enum:ident { $($variant:ident => $name:literal),+ $(,)? })+) => {$(
        impl $enum {
            /// Stable machine name: the serialized value ("timeline_slip").
            pub fn as_str(self) -> &'static str {
                match self {
                    $($enum::$variant => $name),+
                }
            }
        }
    )+};
}

machine_names! {
    ShiftKind {
        Reaffirm => "reaffirm",
        Soften => "soften",
        Harden => "harden",
        Reverse => "reverse",
        Withdraw => "withdraw",
        TimelineSlip => "timeline_slip",
        ToneShift => "tone_shift",
    }
    ProxyKind {
        Spokesperson => "spokesperson",
        AnonymousOfficial => "anonymous_official",
        Institution => "institution",
        Affiliate => "affiliate",
    }
    CommitmentStatus {
        Kept => "kept",
        Broken => "broken",
        Overdue => "overdue",
        Withdrawn => "withdrawn",
        Renewed => "renewed",
        Pending => "pending",
    }
    SpeechKind {
        Direct => "direct",
        Indirect => "indirect",
        Mixed => "mixed",
        AccordingTo => "according_to",
        Colon => "colon",
        NoComment => "no_comment",
        Position => "position",
    }
    CueKind {
        Negation => "negation",
        Hedge => "hedge",
        Booster => "booster",
        Modal => "modal",
        Retreat => "retreat",
        Timeframe => "timeframe",
        Topic => "topic",
        Tone => "tone",
    }
    Polarity {
        Positive => "positive",
        Negative => "negative",
        Unknown => "unknown",
    }
    DateBasis {
        ArticleDate => "article_date",
        Relative => "relative",
        Explicit => "explicit",
        Context => "context",
    }
}

impl ShiftKind {
    /// Every kind, in declaration order.
    pub const ALL: [ShiftKind; 7] = [
        ShiftKind::Reaffirm,
        ShiftKind::Soften,
        ShiftKind::Harden,
        ShiftKind::Reverse,
        ShiftKind::Withdraw,
        ShiftKind::TimelineSlip,
        ShiftKind::ToneShift,
    ];

    /// Human label: the machine name with spaces ("timeline slip").
    pub fn label(self) -> &'static str {
        match self {
            ShiftKind::TimelineSlip => "timeline slip",
            ShiftKind::ToneShift => "tone shift",
            other => other.as_str(),
        }
    }
}

impl ProxyKind {
    /// Human label ("anonymous official").
    pub fn label(self) -> &'static str {
        match self {
            ProxyKind::AnonymousOfficial => "anonymous official",
            other => other.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_name<T: serde::Serialize>(value: T) -> String {
        serde_json::to_value(value).unwrap().as_str().unwrap().to_string()
    }

    #[test]
    fn machine_names_are_the_serialized_values() {
        for kind in ShiftKind::ALL {
            assert_eq!(kind.as_str(), serde_name(kind));
        }
        use ProxyKind::*;
        for kind in [Spokesperson, AnonymousOfficial, Institution, Affiliate] {
            assert_eq!(kind.as_str(), serde_name(kind));
        }
        use CommitmentStatus::*;
        for status in [Kept, Broken, Overdue, Withdrawn, Renewed, Pending] {
            assert_eq!(status.as_str(), serde_name(status));
        }
        use SpeechKind::*;
        for kind in [Direct, Indirect, Mixed, AccordingTo, Colon, NoComment, Position] {
            assert_eq!(kind.as_str(), serde_name(kind));
        }
        use CueKind::*;
        for kind in [Negation, Hedge, Booster, Modal, Retreat, Timeframe, CueKind::Topic, Tone] {
            assert_eq!(kind.as_str(), serde_name(kind));
        }
        for polarity in [Polarity::Positive, Polarity::Negative, Polarity::Unknown] {
            assert_eq!(polarity.as_str(), serde_name(polarity));
        }
        use DateBasis::*;
        for basis in [ArticleDate, Relative, Explicit, Context] {
            assert_eq!(basis.as_str(), serde_name(basis));
        }
    }

    #[test]
    fn labels_read_as_prose() {
        assert_eq!(ShiftKind::TimelineSlip.label(), "timeline slip");
        assert_eq!(ShiftKind::Withdraw.label(), "withdraw");
        assert_eq!(ProxyKind::AnonymousOfficial.label(), "anonymous official");
    }
}
