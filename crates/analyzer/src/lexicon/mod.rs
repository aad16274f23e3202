//! Word lists, each parsed once: the stance lists here, the attribution
//! lists in [`speech`], closed-class words in [`closed`].
//!
//! The lists are our own files under `data/lexicons/`, embedded at compile
//! time: `modals.txt`, `negation.txt`, `retreat.txt`, `hedges.txt`,
//! `boosters.txt`, `tone.txt`, `stopwords.txt` and `topic_words.txt`.
//! A phrase is a sequence of lowercase words; `*` inside a phrase stands for up
//! to two arbitrary words ("no * plans" matches "no immediate plans").

use stanceshift_core::Commitment;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{LazyLock, OnceLock};

pub use crate::text::words::{words, Word};

pub(crate) mod closed;
pub(crate) mod speech;

/// Lines of a sectioned list file: `[section]` headers, one word or phrase
/// a line, `#` comments. Each section's lines in file order.
pub(crate) fn sections(text: &str) -> crate::FastMap<&str, Vec<&str>> {
    let mut out: crate::FastMap<&str, Vec<&str>> = crate::FastMap::default();
    let mut section = "";
    for line in word_lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
        } else {
            out.entry(section).or_default().push(line);
        }
    }
    out
}

/// Open-class words attribution reads around a cue, from `attribution.txt`.
pub(crate) struct AttributionWords {
    /// Between a speaker and the verb, part of the cue ("has also said").
    pub cue_adverbs: crate::FastSet<String>,
    /// Make a word sequence a finite clause.
    pub finite_markers: crate::FastSet<String>,
    /// Open a fronted adverbial ("On Monday, …").
    pub adverbial_starts: crate::FastSet<String>,
    /// Open a comma-delimited adverbial between speaker and verb.
    pub interjections: crate::FastSet<String>,
    /// Before "that" but no verb of saying or thinking ("so that", "means that").
    pub not_that_verbs: crate::FastSet<String>,
    /// Label a line before a colon ("Breaking:", "Watch:").
    pub colon_labels: crate::FastSet<String>,
    /// After "declined to": a no-comment statement.
    pub no_comment_objects: crate::FastSet<String>,
    /// Head nouns of a group around a person ("Sanders backers"): not the person.
    pub follower_nouns: crate::FastSet<String>,
    /// Parts of a company that speak for themselves after its name ("Hutton LBO Inc unit said").
    pub company_parts: crate::FastSet<String>,
    /// Phrases after the verb that belong to the cue, in file order.
    pub cue_tails: Vec<Vec<String>>,
    /// Words of an occasion of speaking ("interview", "rally", "told").
    pub speech_occasions: crate::FastSet<String>,
}

pub(crate) static ATTRIBUTION: LazyLock<AttributionWords> = LazyLock::new(|| {
    let text = include_str!("../../../../data/lexicons/attribution.txt");
    let sections = sections(text);
    let set = |name: &str| -> crate::FastSet<String> {
        sections.get(name).into_iter().flatten().map(|w| w.to_string()).collect()
    };
    AttributionWords {
        cue_adverbs: set("cue_adverb"),
        finite_markers: set("finite_marker"),
        adverbial_starts: set("adverbial_start"),
        interjections: set("interjection"),
        not_that_verbs: set("not_that_verb"),
        colon_labels: set("colon_label"),
        no_comment_objects: set("no_comment_object"),
        follower_nouns: set("follower_noun"),
        company_parts: set("company_part"),
        speech_occasions: set("speech_occasion"),
        cue_tails: sections
            .get("cue_tail")
            .into_iter()
            .flatten()
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect(),
    }
});

/// Words about events, from `events.txt`.
pub(crate) struct EventWords {
    /// Event nouns ("meeting", "summit", "talks").
    pub event_nouns: crate::FastSet<String>,
    /// Verb forms of an event ("meet", "met").
    pub event_verbs: crate::FastSet<String>,
    /// Nouns in a relation to an event ("dates", "venue").
    pub relational_nouns: crate::FastSet<String>,
    /// Plural nouns for a pair of people ("ministers", "leaders").
    pub group_nouns: crate::FastSet<String>,
    /// Verbs too light to name a proposition ("hold", "take place").
    pub light_verbs: crate::FastSet<String>,
    /// Stemmed verbs of happening or telling ("happen", "announc").
    pub weak_predicates: crate::FastSet<String>,
    /// Irregular pasts that report a promised thing as done ("met", "held").
    pub done_pasts: crate::FastSet<String>,
}

pub(crate) static EVENT_WORDS: LazyLock<EventWords> = LazyLock::new(|| {
    let sections = sections(include_str!("../../../../data/lexicons/events.txt"));
    let set = |name: &str| -> crate::FastSet<String> {
        sections.get(name).into_iter().flatten().map(|w| w.to_string()).collect()
    };
    EventWords {
        event_nouns: set("event_noun"),
        event_verbs: set("event_verb"),
        relational_nouns: set("relational_noun"),
        group_nouns: set("group_noun"),
        light_verbs: set("light_verb"),
        weak_predicates: set("weak_predicate"),
        done_pasts: set("done_past"),
    }
});

/// Words the name learner reads, from `names.txt`.
pub(crate) struct NameWords {
    /// Capitalised but no name ("However", "The"); weekdays and months aside.
    pub not_names: crate::FastSet<String>,
    /// Head words of organisation names that are not names on their own.
    pub org_heads: crate::FastSet<String>,
    /// Institutions named by one word ("kremlin", "cnn").
    pub org_names: crate::FastSet<String>,
    /// Particles inside personal names ("de", "bin").
    pub particles: crate::FastSet<String>,
    /// Currency and unit words, as id segments ("dlrs", "pct").
    pub units: crate::FastSet<String>,
    /// Generational suffixes, as id segments ("jr", "iii").
    pub suffixes: crate::FastSet<String>,
    /// Courtesy titles, lowercase without their period ("mr", "dr").
    pub honorifics: crate::FastSet<String>,
    /// Legal forms ending a company name, as id segments ("inc", "corp").
    pub legal_forms: crate::FastSet<String>,
    /// Words too common to name a company on their own ("electric", "motors").
    pub generic_company_words: crate::FastSet<String>,
    /// Head words of a generic public body's name ("ministry", "bank").
    pub body_heads: crate::FastSet<String>,
    /// The other words of such a name ("finance", "central", "of").
    pub body_words: crate::FastSet<String>,
}

impl NameWords {
    /// Heads an organisation name: an org head or a one-word institution.
    pub fn is_org_head(&self, lower: &str) -> bool {
        self.org_heads.contains(lower) || self.org_names.contains(lower) || self.is_legal_form(lower)
    }

    /// A company's legal form ("Inc", "Corp.", "Ltd").
    pub fn is_legal_form(&self, lower: &str) -> bool {
        self.legal_forms.contains(lower.trim_end_matches('.'))
    }
}

pub(crate) static NAME_WORDS: LazyLock<NameWords> = LazyLock::new(|| {
    let sections = sections(include_str!("../../../../data/lexicons/names.txt"));
    let set = |name: &str| -> crate::FastSet<String> {
        sections.get(name).into_iter().flatten().map(|w| w.to_string()).collect()
    };
    NameWords {
        not_names: set("not_name"),
        org_heads: set("org_head"),
        org_names: set("org_name"),
        particles: set("particle"),
        units: slugs(&sections, "unit"),
        suffixes: slugs(&sections, "suffix"),
        honorifics: slugs(&sections, "honorific"),
        legal_forms: slugs(&sections, "legal_form"),
        generic_company_words: set("generic_company_word"),
        body_heads: set("body_head"),
        body_words: set("body_word"),
    }
});

/// A section's lines as actor-id slugs ("Minn." -> "minn", "U.S." -> "u-s").
fn slugs(sections: &crate::FastMap<&str, Vec<&str>>, name: &str) -> crate::FastSet<String> {
    sections
        .get(name)
        .into_iter()
        .flatten()
        .map(|w| stanceshift_core::ActorId::from_name(w).as_str().to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Places that are never speakers, from `places.txt`, as actor-id slugs.
pub(crate) struct Places {
    /// Countries: when one speaks, its government does.
    pub countries: crate::FastSet<String>,
    /// US states and cities: a dateline or a location, never an actor.
    pub locations: crate::FastSet<String>,
}

pub(crate) static PLACES: LazyLock<Places> = LazyLock::new(|| {
    let sections = sections(include_str!("../../../../data/lexicons/places.txt"));
    let mut locations = slugs(&sections, "us_state");
    locations.extend(slugs(&sections, "city"));
    Places { countries: slugs(&sections, "country"), locations }
});

/// A phrase found in a word sequence: words `[first, last]` (inclusive) and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseMatch<V> {
    pub first: usize,
    pub last: usize,
    pub value: V,
}

/// A list of phrases, indexed by first word, longest phrase tried first.
#[derive(Debug, Clone)]
pub struct PhraseList<V> {
    by_first: crate::FastMap<String, Vec<(Vec<String>, V)>>,
}

impl<V: Clone> PhraseList<V> {
    /// Parses `phrase[<TAB>value]` lines; `#` starts a comment line. Lines whose
    /// value does not parse are skipped (the embedded lists are tested to parse fully).
    pub fn parse(text: &str, value: impl Fn(Option<&str>) -> Option<V>) -> PhraseList<V> {
        let mut by_first: crate::FastMap<String, Vec<(Vec<String>, V)>> = crate::FastMap::default();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (phrase, raw_value) = match line.split_once('\t') {
                Some((p, v)) => (p, Some(v.trim())),
                None => (line, None),
            };
            let Some(v) = value(raw_value) else { continue };
            let parts: Vec<String> = words(phrase).into_iter().map(|w| w.lower).collect();
            if let Some(first) = parts.first().cloned() {
                by_first.entry(first).or_default().push((parts, v));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        PhraseList { by_first }
    }

    /// A list from (phrase, value) pairs; phrases are split into words like text.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, V)>) -> PhraseList<V> {
        let mut by_first: crate::FastMap<String, Vec<(Vec<String>, V)>> = crate::FastMap::default();
        for (phrase, v) in pairs {
            let parts: Vec<String> = words(&phrase).into_iter().map(|w| w.lower).collect();
            if let Some(first) = parts.first().cloned() {
                let list = by_first.entry(first).or_default();
                if !list.iter().any(|(p, _)| p == &parts) {
                    list.push((parts, v));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        PhraseList { by_first }
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Longest phrase starting at word `at`, if any.
    pub fn match_at(&self, ws: &[Word], at: usize) -> Option<PhraseMatch<V>> {
        let candidates = self.by_first.get(&ws.get(at)?.lower)?;
        candidates.iter().find_map(|(parts, value)| {
            match_parts(ws, at, &parts[1..]).map(|last| PhraseMatch { first: at, last, value: value.clone() })
        })
    }

    /// All non-overlapping matches, left to right, longest first at each position.
    pub fn find_all(&self, ws: &[Word]) -> Vec<PhraseMatch<V>> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < ws.len() {
            match self.match_at(ws, at) {
                Some(m) => {
                    at = m.last + 1;
                    out.push(m);
                }
                None => at += 1,
            }
        }
        out
    }
}

/// Matches the remaining phrase words after word `at`; returns the index of the last word.
fn match_parts(ws: &[Word], at: usize, rest: &[String]) -> Option<usize> {
    let Some((head, tail)) = rest.split_first() else { return Some(at) };
    if head == "*" {
        // Up to two arbitrary (non-punctuation) words, then the rest.
        for skip in 0..=2 {
            if (1..=skip).any(|k| ws.get(at + k).is_none_or(|w| !w.lower.chars().any(char::is_alphanumeric)))
            {
                break;
            }
            if let Some(last) = match_parts(ws, at + skip, tail) {
                return Some(last);
            }
        }
        return None;
    }
    let next = ws.get(at + 1)?;
    if &next.lower == head {
        match_parts(ws, at + 1, tail)
    } else {
        None
    }
}

/// Every embedded list, parsed once.
#[derive(Debug)]
pub struct Lexicon {
    pub modals: PhraseList<Commitment>,
    pub negation: PhraseList<()>,
    pub retreat: PhraseList<Commitment>,
    pub hedges: PhraseList<()>,
    pub boosters: PhraseList<()>,
    pub tone: PhraseList<f32>,
    pub stopwords: BTreeSet<String>,
    /// word -> canonical topic term ("meeting" -> "meet").
    pub topic_words: BTreeMap<String, String>,
}

/// Parses a FactBank-style label (CT+, PR+, PS+, Uu, PS-, PR-, CT-).
pub fn parse_level(label: &str) -> Option<Commitment> {
    Some(match label {
        "CT+" => Commitment::Certain,
        "PR+" => Commitment::Probable,
        "PS+" => Commitment::Possible,
        "Uu" => Commitment::Uncommitted,
        "PS-" => Commitment::PossibleNot,
        "PR-" => Commitment::ProbableNot,
        "CT-" => Commitment::CertainNot,
        _ => return None,
    })
}

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let level = |v: Option<&str>| v.and_then(parse_level);
        let unit = |_: Option<&str>| Some(());
        Lexicon {
            modals: PhraseList::parse(include_str!("../../../../data/lexicons/modals.txt"), level),
            negation: PhraseList::parse(include_str!("../../../../data/lexicons/negation.txt"), unit),
            retreat: PhraseList::parse(include_str!("../../../../data/lexicons/retreat.txt"), level),
            hedges: PhraseList::parse(include_str!("../../../../data/lexicons/hedges.txt"), unit),
            boosters: PhraseList::parse(include_str!("../../../../data/lexicons/boosters.txt"), unit),
            tone: PhraseList::parse(include_str!("../../../../data/lexicons/tone.txt"), |v| {
                v.and_then(|s| s.parse::<f32>().ok()).filter(|x| (-1.0..=1.0).contains(x))
            }),
            stopwords: word_lines(include_str!("../../../../data/lexicons/stopwords.txt"))
                .flat_map(|l| words(l).into_iter().map(|w| w.lower))
                .collect(),
            topic_words: word_lines(include_str!("../../../../data/lexicons/topic_words.txt"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(w, c)| (w.trim().to_lowercase(), c.trim().to_lowercase()))
                .collect(),
        }
    })
}

fn word_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether a single word is (the start of) a stance cue: a negation, modal,
/// retreat, hedge or booster. Reprints may differ in wording, never in these.
pub fn is_cue_word(lower: &str) -> bool {
    let lex = lexicon();
    is_negation_word(lower)
        || [&lex.negation.by_first, &lex.hedges.by_first, &lex.boosters.by_first]
            .iter()
            .any(|m| m.contains_key(lower))
        || [&lex.modals.by_first, &lex.retreat.by_first].iter().any(|m| m.contains_key(lower))
}

/// A number written in figures or as a common number word ("two", "half",
/// "dozen", "several").
pub fn is_number_word(lower: &str) -> bool {
    lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        // timex knows every cardinal; this list always took only these.
        || matches!(stanceshift_timex::words::cardinal(lower), Some(1..=10 | 20 | 30 | 50))
        || matches!(lower, "hundred" | "half" | "dozen" | "few" | "several")
}

/// Whether a word is a negation on its own (including any "-n't" contraction).
pub fn is_negation_word(lower: &str) -> bool {
    lower.ends_with("n't")
}

/// Canonical topic term of a content word: the topic map, else a light stem
/// (plural and verb endings stripped), so "meets", "meeting" and "met" meet.
pub fn topic_term(lower: &str) -> String {
    let lex = lexicon();
    if let Some(canonical) = lex.topic_words.get(lower) {
        return canonical.clone();
    }
    stem(lower)
}

/// A light suffix stripper for English content words. Deliberately
/// conservative: it only has to make inflections of one word agree.
pub fn stem(lower: &str) -> String {
    let w = lower.trim_end_matches("'s");
    let n = w.chars().count();
    if n <= 4 {
        return w.to_string();
    }
    for (suffix, keep) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() < 3 || (suffix == "s" && (base.ends_with('s') || base.ends_with('u'))) {
                continue;
            }
            if suffix == "es"
                && !(base.ends_with("sh")
                    || base.ends_with("ch")
                    || base.ends_with('x')
                    || base.ends_with("ss"))
            {
                // "prices" -> "price": only strip the "s".
                return format!("{base}e");
            }
            let mut b = base.to_string();
            // "planned" -> "plan", "stopping" -> "stop"
            let bytes = b.as_bytes();
            if (suffix == "ing" || suffix == "ed")
                && bytes.len() >= 2
                && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
                && !matches!(bytes[bytes.len() - 1], b'l' | b's' | b'z')
            {
                b.pop();
            }
            b.push_str(keep);
            return b;
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.lower).collect()
    }

    #[test]
    fn stand_alone_clitics_are_one_word() {
        assert_eq!(lowers("'ll and 're"), ["'ll", "and", "'re"]);
        assert_eq!(lowers("They're"), ["they", "'re"]);
        assert_eq!(lowers("'sure'"), ["'", "sure", "'"]);
    }

    #[test]
    fn words_keep_offsets_and_split_clitics() {
        let text = "We’ll meet, he said; it wasn't 3.5% sure.";
        let ws = words(text);
        assert_eq!(
            lowers(text),
            ["we", "'ll", "meet", ",", "he", "said", ";", "it", "wasn't", "3.5%", "sure", "."]
        );
        for w in &ws {
            assert!(text.get(w.start..w.end).is_some());
        }
        assert_eq!(&text[ws[1].start..ws[1].end], "’ll");
    }

    #[test]
    fn every_embedded_list_parses_fully() {
        let lex = lexicon();
        let count = |text: &str| word_lines(text).count();
        assert_eq!(lex.modals.len(), count(include_str!("../../../../data/lexicons/modals.txt")));
        assert_eq!(lex.retreat.len(), count(include_str!("../../../../data/lexicons/retreat.txt")));
        assert_eq!(lex.tone.len(), count(include_str!("../../../../data/lexicons/tone.txt")));
        assert!(lex.tone.len() > 300);
        assert_eq!(lex.topic_words.get("summit").map(String::as_str), Some("meet"));
    }

    #[test]
    fn wildcard_phrases_match_up_to_two_words() {
        let lex = lexicon();
        let ws = words("There are no immediate plans for talks.");
        let m = lex.retreat.find_all(&ws);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].first, m[0].last, m[0].value), (2, 4, Commitment::ProbableNot));
        let ws = words("no real concrete firm plans");
        assert!(lex.retreat.find_all(&ws).is_empty());
    }

    #[test]
    fn stems_agree_across_inflections() {
        for (a, b) in [
            ("meets", "meet"),
            ("planned", "plan"),
            ("prices", "price"),
            ("talks", "meet"),
            ("ministers", "minister"),
        ] {
            assert_eq!(topic_term(a), topic_term(b), "{a} vs {b}");
        }
        assert_eq!(stem("news"), "news");
        assert_eq!(topic_term("summit"), "meet");
    }
}
