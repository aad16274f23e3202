//! Attribution lexicons, embedded from `data/lexicons/` and parsed once.
//!
//! - `reporting_verbs.txt`: verbs that report speech, with their forms and flags.
//! - `speaker_words.txt`: titles, role nouns, proxy and anonymity markers.

use crate::FastMap;
use std::sync::LazyLock;

const REPORTING_VERBS: &str = include_str!("../../../../data/lexicons/reporting_verbs.txt");
const SPEAKER_WORDS: &str = include_str!("../../../../data/lexicons/speaker_words.txt");

/// What a reporting verb form allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VerbInfo {
    /// Index into [`Lexicons::lemmas`].
    pub lemma: u16,
    /// Takes a hearer before the content ("told reporters that").
    pub object: bool,
    pub written: bool,
    /// Reports a refusal ("declined to comment").
    pub no_content: bool,
    /// Counts only when content (that-clause, quote, colon) follows or precedes.
    pub weak: bool,
    /// A to-infinitive is content ("vowed to repeal it", "urged Congress to act").
    pub infinitive: bool,
    /// Bare content must be a clause ("thinks he will win"), not a noun phrase.
    pub clause: bool,
    /// Content is an object with its complement ("called the deal a disaster",
    /// "described him as a moderate"); a bare object is not ("called Putin").
    pub complement: bool,
    /// Content is an object with an as-phrase ("sees him as a threat").
    pub as_phrase: bool,
    /// Reports a position rather than words (belief, intention, praise, support):
    /// never a statement inside another statement's content, and only for a
    /// speaker that names someone.
    pub attitude: bool,
    /// A cue added for PolNeAR-style coverage (flag `outer`, implied by
    /// `attitude` and `complement`): it never starts a statement inside
    /// another one's content or relative clause, never inverts ("…, called
    /// X"), and takes the words before it as content only when nothing
    /// follows it.
    pub outer: bool,
    /// Index into [`Lexicons::particles`]: the words after the verb of a
    /// phrasal cue ("point out", "make it clear").
    pub particle: Option<u16>,
}

pub(crate) struct Lexicons {
    pub lemmas: Vec<String>,
    /// Lowercase words following the verb of each phrasal cue.
    pub particles: Vec<Vec<String>>,
    /// Lowercase form -> verbs with that form (several for "point out" style).
    pub verbs: FastMap<String, Vec<VerbInfo>>,
    /// Titles, lowercased, as word sequences ("secretary of state").
    pub titles: Vec<Vec<String>>,
    /// First words of titles, to skip title matching quickly.
    pub title_starts: crate::FastSet<String>,
    pub roles: FastMap<String, ()>,
    pub proxies: FastMap<String, ()>,
    pub anonymous: FastMap<String, ()>,
    pub modifiers: FastMap<String, ()>,
    /// Nationality adjectives, lowercase ("russian", "south korean"), with
    /// the country each names as an id slug (`russia`), if one.
    pub demonyms: FastMap<String, Option<String>>,
    /// Nouns for sources of findings ("poll", "study", "records").
    pub evidence: FastMap<String, ()>,
    /// The reading of an unlisted verb before a that-clause ("He recognized
    /// that …"): a position that needs the that-clause.
    pub that_verb: VerbInfo,
}

impl Lexicons {
    pub fn verb(&self, lower: &str) -> Option<&[VerbInfo]> {
        self.verbs.get(lower).map(Vec::as_slice)
    }
    pub fn is_role(&self, lower: &str) -> bool {
        self.roles.contains_key(lower)
    }
    pub fn is_proxy_role(&self, lower: &str) -> bool {
        self.proxies.contains_key(lower)
    }
    pub fn is_anonymous_role(&self, lower: &str) -> bool {
        self.anonymous.contains_key(lower)
    }
    pub fn is_modifier(&self, lower: &str) -> bool {
        self.modifiers.contains_key(lower)
    }
    pub fn is_demonym(&self, lower: &str) -> bool {
        self.demonyms.contains_key(lower)
    }
    /// The country a nationality adjective names, as an id slug
    /// ("japanese" -> `japan`, "west german" -> `west-germany`).
    pub fn country_of_demonym(&self, lower: &str) -> Option<&str> {
        self.demonyms.get(lower).and_then(|c| c.as_deref())
    }
    pub fn is_evidence(&self, lower: &str) -> bool {
        self.evidence.contains_key(lower)
    }
}

/// A verb of saying that may attribute a quote ("asked", "said"): any
/// reading of the form that is not an `outer` cue.
pub(crate) fn is_speech_verb(lower: &str) -> bool {
    LEXICONS.verb(lower).is_some_and(|infos| infos.iter().any(|i| !i.outer))
}

pub(crate) static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let mut lex = Lexicons {
        lemmas: Vec::new(),
        particles: Vec::new(),
        verbs: FastMap::default(),
        titles: Vec::new(),
        title_starts: Default::default(),
        roles: FastMap::default(),
        proxies: FastMap::default(),
        anonymous: FastMap::default(),
        modifiers: FastMap::default(),
        demonyms: FastMap::default(),
        evidence: FastMap::default(),
        that_verb: VerbInfo {
            lemma: 0,
            object: false,
            written: false,
            no_content: false,
            weak: true,
            infinitive: false,
            clause: true,
            complement: false,
            as_phrase: false,
            attitude: true,
            outer: true,
            particle: None,
        },
    };
    for line in REPORTING_VERBS.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((head, forms)) = line.split_once(':') else { continue };
        let mut head_words = head.split_whitespace();
        let Some(lemma) = head_words.next() else { continue };
        let mut info = VerbInfo {
            lemma: lex.lemmas.len() as u16,
            object: false,
            written: false,
            no_content: false,
            weak: false,
            infinitive: false,
            clause: false,
            complement: false,
            as_phrase: false,
            attitude: false,
            outer: false,
            particle: None,
        };
        let mut particle: Vec<String> = Vec::new();
        for flag in head_words {
            match flag {
                "obj" => info.object = true,
                "written" => info.written = true,
                "nocontent" => info.no_content = true,
                "weak" => info.weak = true,
                "inf" => info.infinitive = true,
                "clause" => info.clause = true,
                "complement" => info.complement = true,
                "as" => info.as_phrase = true,
                "attitude" => info.attitude = true,
                "outer" => info.outer = true,
                other => particle.push(other.to_lowercase()),
            }
        }
        info.outer |= info.attitude || info.complement || info.as_phrase;
        lex.lemmas.push(lemma.to_string());
        if !particle.is_empty() {
            info.particle = Some(lex.particles.len() as u16);
            let len = particle.len();
            lex.particles.push(particle);
            // Forms are listed with the particle ("pointed out"): key on the verb word.
            let words: Vec<&str> = forms.split_whitespace().collect();
            for chunk in words.chunks(len + 1) {
                lex.verbs.entry(chunk[0].to_lowercase()).or_default().push(info);
            }
        } else {
            for form in forms.split_whitespace() {
                lex.verbs.entry(form.to_lowercase()).or_default().push(info);
            }
        }
    }
    let mut section = "";
    for line in SPEAKER_WORDS.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            section = line.trim_matches(|c| c == '[' || c == ']');
            continue;
        }
        let lower = line.to_lowercase();
        match section {
            "title" => lex.titles.push(lower.split_whitespace().map(str::to_string).collect()),
            "role" => {
                lex.roles.insert(lower, ());
            }
            "proxy" => {
                lex.proxies.insert(lower, ());
            }
            "anonymous" => {
                lex.anonymous.insert(lower, ());
            }
            "modifier" => {
                lex.modifiers.insert(lower, ());
            }
            "demonym" => {
                let (word, country) = match lower.split_once(" = ") {
                    Some((word, country)) => (word.trim().to_string(), Some(country.trim())),
                    None => (lower.clone(), None),
                };
                let country = country.map(|c| stanceshift_core::ActorId::from_name(c).as_str().to_string());
                lex.demonyms.insert(word, country);
            }
            "evidence" => {
                lex.evidence.insert(lower, ());
            }
            _ => {}
        }
    }
    lex.that_verb.lemma = lex.lemmas.len() as u16;
    lex.lemmas.push("(verb) that".to_string());
    // Longest titles first so "Secretary of State" wins over "Secretary".
    lex.titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    lex.title_starts = lex.titles.iter().filter_map(|t| t.first().cloned()).collect();
    lex
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_parse() {
        let said = LEXICONS.verb("said").unwrap();
        assert_eq!(LEXICONS.lemmas[said[0].lemma as usize], "say");
        assert!(LEXICONS.verb("told").unwrap()[0].object);
        assert!(LEXICONS.verb("pointed").unwrap()[0].particle.is_some());
        let made = LEXICONS.verb("made").unwrap();
        assert!(made
            .iter()
            .any(|i| i.particle.is_some_and(|p| LEXICONS.particles[p as usize] == ["it", "clear"])));
        assert!(LEXICONS.is_role("spokesman") && LEXICONS.is_proxy_role("spokesman"));
        assert_eq!(LEXICONS.titles.first().map(Vec::len), Some(3));
    }
}
