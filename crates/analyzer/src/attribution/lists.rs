//! Word lists of attribution.

/// Words that may sit between a speaker and the reporting verb and belong to the cue.
pub(super) const AUX_ADVERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "repeatedly",
    "once",
    "again",
    "often",
    "then",
    "would",
    "will",
    "did",
    "does",
    "do",
    "publicly",
    "privately",
    "recently",
    "earlier",
    "reportedly",
    "frequently",
    "never",
    "always",
    "already",
    "explicitly",
    "flatly",
    "quickly",
    "simply",
    "even",
    "still",
    "first",
    "initially",
    "clearly",
    "bluntly",
    "is",
    "was",
    "were",
    "are",
    "been",
    "not",
    "n't",
    "has",
    "just",
    "only",
    "famously",
    "loudly",
    "quietly",
    "angrily",
    "pointedly",
    "immediately",
    "subsequently",
    "separately",
    "similarly",
    "likewise",
    "further",
    "specifically",
    "openly",
    "proudly",
    "confidently",
    "flatly",
    "categorically",
    "firmly",
    "sharply",
    "tersely",
    "curtly",
    "recently",
    "personally",
    "directly",
    "formally",
    "officially",
    "widely",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
];

/// Words that cannot be inside a speaker phrase.
pub(super) const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "if", "when", "while",
    "as", "after", "before", "since", "although", "though", "to", "of", "for", "with", "by", "from", "in",
    "on", "at", "into", "about", "than", "so", "where", "what", "how", "why", "not", "is", "was", "were",
    "are", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "must", "do", "does", "did", "said", "says", "say", "told", "also", "there", "here", "it", "he",
    "she", "they", "we", "i", "you", "him", "them", "me", "us", "whether", "then", "now", "yet", "both",
    "either", "neither", "over", "under", "during", "without", "against", "like", "unlike", "per", "via",
    "until", "unless", "once", "just", "only", "even", "still", "already", "this", "these", "those", "all",
];

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "several", "some", "many", "two",
    "three", "four", "five", "other", "another", "one", "most", "few", "both",
];

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "you"];

pub(super) const OBJECT_PRONOUNS: &[&str] =
    &["him", "her", "them", "it", "me", "us", "you", "himself", "herself", "themselves", "itself", "myself"];

/// Prepositions that cannot start the content of a position ("thinking about", "opposed to").
pub(super) const PREPOSITIONS: &[&str] = &[
    "about", "of", "on", "in", "at", "to", "for", "from", "into", "against", "over", "after", "before",
    "with", "without", "by", "up", "out", "off", "down", "back", "away", "around", "through", "so", "as",
];

/// Auxiliaries, modals and frequent verbs that make a word sequence a finite clause.
pub(super) const FINITE_MARKERS: &[&str] = &[
    "is", "was", "are", "were", "will", "would", "can", "could", "should", "may", "might", "must", "has",
    "have", "had", "do", "does", "did", "won't", "'s", "'re", "'ll", "'d", "'ve", "am", "be", "need",
    "needs", "wants", "want", "won", "lost", "got", "gets", "leads", "led", "knows", "knew", "made", "makes",
    "ran", "runs", "said", "says", "thinks", "thought", "took", "takes", "went", "goes", "came", "comes",
];

/// First words of a fronted adverbial ("On Monday, …", "Asked about it, …").
pub(super) const ADVERBIAL_STARTS: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "since",
    "speaking",
    "asked",
    "later",
    "earlier",
    "last",
    "during",
    "following",
    "despite",
    "although",
    "though",
    "yesterday",
    "today",
    "then",
    "meanwhile",
    "still",
    "now",
    "separately",
    "however",
    "also",
    "addressing",
    "writing",
    "responding",
    "by",
];

/// First words of a comma-delimited adverbial between speaker and verb.
pub(super) const INTERJECTIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "speaking",
    "asked",
    "however",
    "meanwhile",
    "though",
    "too",
    "then",
    "later",
    "earlier",
    "instead",
    "again",
    "for",
    "like",
];

/// Words before "that" that are no verb of saying or thinking ("so that",
/// "given that", "means that": the subject is no holder of a position).
pub(super) const NOT_THAT_VERBS: &[&str] = &[
    "such", "given", "except", "provided", "means", "ensures", "ensured", "fact", "assuming", "seems",
    "seemed", "appears", "appeared", "happens", "happened", "matters", "mattered", "means", "meant", "shows",
    "showed", "suggests", "proves", "proved", "makes", "made", "implies", "requires", "required", "states",
    "years", "days", "times", "things", "ways", "reasons", "signs", "hopes", "fears", "claims", "reports",
    "concerns", "worries", "doubts", "beliefs", "views", "grounds", "assured", "insured", "noted", "added",
];

/// Capitalised words before a colon that label a line rather than name a speaker.
pub(super) const COLON_LABELS: &[&str] = &[
    "breaking",
    "look",
    "watch",
    "revealed",
    "contributing",
    "twitter",
    "remember",
    "update",
    "exclusive",
    "related",
    "note",
    "photos",
    "photo",
    "video",
    "read",
    "see",
    "also",
    "warning",
    "correction",
    "editor",
    "contact",
    "follow",
    "email",
    "listen",
    "transcript",
    "q",
    "question",
    "poll",
    "analysis",
    "opinion",
];

/// Verbs (after "to") that make "declined/refused to …" a no-comment statement.
pub(super) const NO_COMMENT_OBJECTS: &[&str] = &[
    "comment",
    "discuss",
    "say",
    "elaborate",
    "answer",
    "specify",
    "respond",
    "speculate",
    "confirm",
    "detail",
];

/// Phrases after the verb that belong to the cue ("said in a statement").
pub(super) const CUE_TAILS: &[&[&str]] = &[
    &["in", "a", "statement"],
    &["in", "a", "written", "statement"],
    &["in", "a", "joint", "statement"],
    &["in", "a", "brief", "statement"],
    &["in", "an", "interview"],
    &["in", "a", "tweet"],
    &["in", "a", "post"],
    &["in", "a", "speech"],
    &["on", "twitter"],
];

/// Membership in a short word list. The long lists (`NP_STOP`,
/// `AUX_ADVERBS`) go through hash sets; short ones are scanned.
pub(super) fn contains(list: &'static [&'static str], w: &str) -> bool {
    if std::ptr::eq(list, NP_STOP) {
        return NP_STOP_SET.contains(w);
    }
    if std::ptr::eq(list, AUX_ADVERBS) {
        return AUX_ADVERB_SET.contains(w);
    }
    list.contains(&w)
}

static NP_STOP_SET: std::sync::LazyLock<crate::FastSet<&'static str>> =
    std::sync::LazyLock::new(|| NP_STOP.iter().copied().collect());
static AUX_ADVERB_SET: std::sync::LazyLock<crate::FastSet<&'static str>> =
    std::sync::LazyLock::new(|| AUX_ADVERBS.iter().copied().collect());
