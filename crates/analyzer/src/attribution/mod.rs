//! Attribution: who said what, in which words, and for whom.
//!
//! Works sentence by sentence over tokens. A reporting cue (a verb from
//! `data/lexicons/reporting_verbs.txt`, "according to", "declined to
//! comment") outside quotation marks anchors a statement; the speaker is the
//! noun phrase before it (`X said`, `X, the Kremlin spokesman, said`, `X has
//! said`) or after it (`…, said X`, `according to X`), and the content is what
//! follows (`that …`, `: …`, a quotation, a bare clause) or precedes (`“…,” X
//! said.`). Sentences that are only a quotation take the speaker of the
//! statement just before them, or of a content-less statement just after
//! them ("“…” That is what Peskov said.").
//!
//! Besides speech, cues flagged `attitude` report positions a speaker is said
//! to hold: beliefs and wishes ("X thinks …", "X wants to …"), judgements and
//! support ("X criticized Y", "X endorsed Y") and findings ("a poll shows
//! …"); an unlisted past-tense verb before a that-clause counts too ("X
//! lamented that …"). They are recorded with the existing kinds (mostly
//! `Indirect`), at lower confidence, and only outside other statements'
//! words. A participle or coordinated verb takes the subject of the sentence
//! ("X defended the plan, saying …", "X praised Y and said …").

pub(crate) mod article;
pub(crate) mod referents;
pub(crate) mod statement_date;

use crate::actors::names::{self, EntityKind, FoundName, Names};
use crate::actors::{ActorBook, Gender};
use crate::lexicon::speech::{VerbInfo, LEXICONS};
use crate::text::quotes::Quote;
use crate::text::sentences::Sentence;
use crate::text::tokens::{tokenize_into, Tok, TokKind};
use stanceshift_core::{ActorId, Mention, ProxyKind, Span, SpeechKind};

/// A statement before dating and numbering.
#[derive(Debug, Clone)]
pub(crate) struct RawStatement {
    pub sentence: usize,
    pub speaker: Mention,
    pub principal: Option<ActorId>,
    pub proxy: Option<ProxyKind>,
    pub anonymous: bool,
    pub cue_span: Span,
    /// Content pieces (several for a quote split by "he said").
    pub content_pieces: Vec<Span>,
    pub kind: SpeechKind,
    pub confidence: f32,
    /// Dated like the statement it continues (quote-only sentences).
    pub continues: Option<usize>,
    /// Found by an `outer` cue, which yields to any statement whose content holds it.
    pub outer: bool,
}

impl RawStatement {
    pub fn content_span(&self) -> Span {
        match (self.content_pieces.first(), self.content_pieces.last()) {
            (Some(a), Some(b)) => Span::new(a.start, b.end),
            _ => Span::new(self.cue_span.end, self.cue_span.end),
        }
    }
}

/// Words that may sit between a speaker and the reporting verb and belong to the cue.
const AUX_ADVERBS: &[&str] = &[
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
const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "if", "when", "while",
    "as", "after", "before", "since", "although", "though", "to", "of", "for", "with", "by", "from", "in",
    "on", "at", "into", "about", "than", "so", "where", "what", "how", "why", "not", "is", "was", "were",
    "are", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "must", "do", "does", "did", "said", "says", "say", "told", "also", "there", "here", "it", "he",
    "she", "they", "we", "i", "you", "him", "them", "me", "us", "whether", "then", "now", "yet", "both",
    "either", "neither", "over", "under", "during", "without", "against", "like", "unlike", "per", "via",
    "until", "unless", "once", "just", "only", "even", "still", "already", "this", "these", "those", "all",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "several", "some", "many", "two",
    "three", "four", "five", "other", "another", "one", "most", "few", "both",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "you"];

const OBJECT_PRONOUNS: &[&str] =
    &["him", "her", "them", "it", "me", "us", "you", "himself", "herself", "themselves", "itself", "myself"];

/// Prepositions that cannot start the content of a position ("thinking about", "opposed to").
const PREPOSITIONS: &[&str] = &[
    "about", "of", "on", "in", "at", "to", "for", "from", "into", "against", "over", "after", "before",
    "with", "without", "by", "up", "out", "off", "down", "back", "away", "around", "through", "so", "as",
];

/// Auxiliaries, modals and frequent verbs that make a word sequence a finite clause.
const FINITE_MARKERS: &[&str] = &[
    "is", "was", "are", "were", "will", "would", "can", "could", "should", "may", "might", "must", "has",
    "have", "had", "do", "does", "did", "won't", "'s", "'re", "'ll", "'d", "'ve", "am", "be", "need",
    "needs", "wants", "want", "won", "lost", "got", "gets", "leads", "led", "knows", "knew", "made", "makes",
    "ran", "runs", "said", "says", "thinks", "thought", "took", "takes", "went", "goes", "came", "comes",
];

/// First words of a fronted adverbial ("On Monday, …", "Asked about it, …").
const ADVERBIAL_STARTS: &[&str] = &[
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
const INTERJECTIONS: &[&str] = &[
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
const NOT_THAT_VERBS: &[&str] = &[
    "such", "given", "except", "provided", "means", "ensures", "ensured", "fact", "assuming", "seems",
    "seemed", "appears", "appeared", "happens", "happened", "matters", "mattered", "means", "meant", "shows",
    "showed", "suggests", "proves", "proved", "makes", "made", "implies", "requires", "required", "states",
    "years", "days", "times", "things", "ways", "reasons", "signs", "hopes", "fears", "claims", "reports",
    "concerns", "worries", "doubts", "beliefs", "views", "grounds", "assured", "insured", "noted", "added",
];

/// Capitalised words before a colon that label a line rather than name a speaker.
const COLON_LABELS: &[&str] = &[
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
const NO_COMMENT_OBJECTS: &[&str] = &[
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
const CUE_TAILS: &[&[&str]] = &[
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
fn contains(list: &'static [&'static str], w: &str) -> bool {
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

/// What a speaker phrase resolved to.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
    pub mention: Mention,
    pub principal: Option<ActorId>,
    pub proxy: Option<ProxyKind>,
    pub anonymous: bool,
    pub confidence: f32,
    pub plural: bool,
}

/// Per-article attribution state.
pub(crate) struct Attributor<'a> {
    pub body: &'a str,
    pub book: &'a ActorBook,
    pub sentences: &'a [Sentence],
    pub quotes: &'a [Quote],
    pub names: Names,
    pub statements: Vec<RawStatement>,
    /// Speakers of statements so far, for pronoun resolution (span start, speaker).
    pub speakers: Vec<(usize, Speaker)>,
    toks: Vec<Tok>,
    lower_buf: String,
    lower_rng: Vec<(usize, usize)>,
    in_quote: Vec<bool>,
    found: Vec<FoundName>,
    /// Quote-only sentence waiting for a speaker in the next sentence.
    pending_quote: Option<(usize, Vec<Span>)>,
    /// The current sentence is in Title Case (a headline).
    headline: bool,
    /// Index of the current sentence's first statement.
    sentence_first: usize,
}

impl<'a> Attributor<'a> {
    pub fn new(body: &'a str, book: &'a ActorBook, sentences: &'a [Sentence], quotes: &'a [Quote]) -> Self {
        Attributor {
            body,
            book,
            sentences,
            quotes,
            names: Names::default(),
            statements: Vec::new(),
            speakers: Vec::new(),
            toks: Vec::with_capacity(64),
            lower_buf: String::with_capacity(512),
            lower_rng: Vec::with_capacity(64),
            in_quote: Vec::with_capacity(64),
            found: Vec::new(),
            pending_quote: None,
            headline: false,
            sentence_first: 0,
        }
    }

    pub fn run(&mut self) {
        let mut quote_cursor = 0usize;
        for si in 0..self.sentences.len() {
            let span = self.sentences[si].span;
            tokenize_into(self.body, span.start, span.end, &mut self.toks);
            self.lower_buf.clear();
            self.lower_rng.clear();
            self.in_quote.clear();
            while quote_cursor < self.quotes.len() && self.quotes[quote_cursor].span.end <= span.start {
                quote_cursor += 1;
            }
            for t in &self.toks {
                let s = self.lower_buf.len();
                for c in t.text(self.body).chars() {
                    match c {
                        '’' => self.lower_buf.push('\''),
                        c if c.is_ascii() => self.lower_buf.push(c.to_ascii_lowercase()),
                        c => self.lower_buf.extend(c.to_lowercase()),
                    }
                }
                self.lower_rng.push((s, self.lower_buf.len()));
                let inside = self.quotes[quote_cursor..]
                    .iter()
                    .take_while(|q| q.span.start < t.end)
                    .any(|q| q.span.start < t.start && t.end < q.span.end + usize::from(!q.closed));
                self.in_quote.push(inside);
            }
            self.sentence(si);
        }
    }

    fn lower(&self, i: usize) -> &str {
        let (s, e) = self.lower_rng[i];
        &self.lower_buf[s..e]
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.toks[i].kind, TokKind::Word | TokKind::Possessive)
    }

    fn text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.body)
    }

    fn sentence(&mut self, si: usize) {
        let n = self.toks.len();
        // Learn names (every sentence, so later surname mentions resolve).
        {
            let buf = std::mem::take(&mut self.lower_buf);
            let lower: Vec<&str> = self.lower_rng.iter().map(|&(s, e)| &buf[s..e]).collect();
            let mut found = std::mem::take(&mut self.found);
            found.clear();
            self.names.scan(self.body, &self.toks, &lower, &self.in_quote, 0..n, self.book, true, &mut found);
            self.found = found;
            drop(lower);
            self.lower_buf = buf;
        }
        let words = (0..n).filter(|&i| self.toks[i].kind == TokKind::Word && self.text(i).len() > 3).count();
        let capitals = (0..n)
            .filter(|&i| {
                self.toks[i].kind == TokKind::Word
                    && self.text(i).len() > 3
                    && names::is_capitalised(self.text(i))
            })
            .count();
        self.headline = words >= 3 && capitals * 10 >= words * 8;
        let before = self.statements.len();
        self.sentence_first = before;
        self.name_colon(si);
        let mut covered_until = 0usize; // token index up to which content was claimed
        let mut i = 0;
        while i < n {
            if self.in_quote[i] || !self.is_word(i) || i < covered_until {
                i += 1;
                continue;
            }
            let lower = self.lower(i);
            if lower == "according" && i + 1 < n && self.lower(i + 1) == "to" {
                if let Some(end) = self.according_to(si, i) {
                    covered_until = end;
                    i = end;
                    continue;
                }
            } else if let Some(infos) = LEXICONS.verb(lower) {
                let infos: Vec<VerbInfo> = infos.to_vec();
                if let Some(end) = self.verb_cue(si, i, &infos) {
                    covered_until = end;
                    i = end.max(i + 1);
                    continue;
                }
            } else if self.that_verb_at(i) {
                if let Some(end) = self.verb_cue(si, i, &[LEXICONS.that_verb]) {
                    covered_until = end;
                    i = end.max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
        self.drop_nested_outer(before);
        if self.statements.len() == before {
            self.quote_only_sentence(si);
        } else {
            self.pending_quote = None;
            self.cut_overlaps(before);
        }
    }

    /// Headline-style attribution: "Ben Carson: Clinton ‘Not Fit To Serve’",
    /// a capitalised name at the start of a sentence, then a colon.
    fn name_colon(&mut self, si: usize) {
        let n = self.toks.len();
        let Some(colon) = (1..n.min(8)).find(|&k| self.text(k) == ":") else { return };
        if colon + 1 >= n || self.in_quote[colon] {
            return;
        }
        let all_name = (0..colon).all(|k| {
            let t = self.text(k);
            (self.toks[k].kind == TokKind::Word
                && names::is_capitalised(t)
                && !names::is_not_name(self.lower(k)))
                || (k > 0 && matches!(t, "." | "-"))
        });
        if !all_name || !names::is_capitalised(self.text(colon - 1)) {
            return;
        }
        // "Breaking: …", "Delegate Update: …", "Twitter: @…", and "Q:", the
        // interviewer's question in a transcript, are labels, not speakers.
        if (0..colon).any(|k| contains(COLON_LABELS, self.lower(k))) {
            return;
        }
        let end = content_end(self.body, self.sentences[si].span);
        if end <= self.toks[colon + 1].start {
            return;
        }
        // "Bernie Sanders: 1,501" (a tally) and "Ted Cruz: Conservative or
        // career politician?" (a headline question) report no words.
        let content = &self.body[self.toks[colon + 1].start..end];
        let question = self.sentences[si].span.end > end
            && self.body[end..self.sentences[si].span.end].starts_with('?')
            && !self.in_quote[n - 1];
        if !content.chars().any(char::is_alphabetic) || question {
            return;
        }
        let speaker = self.resolve_speaker(si, 0, colon);
        if speaker.mention.actor.is_none() {
            return;
        }
        let pieces = vec![Span::new(self.toks[colon + 1].start, end)];
        let kind = self.speech_kind(&pieces, Some(SpeechKind::Colon));
        self.push(si, speaker, colon, colon + 1, pieces, kind, 0.7);
    }

    /// "The congressman also plans to vote for her, Welch said": a position
    /// found before the statement whose content holds it is part of that
    /// content; "Stone, who calls the plan a disgrace, said …": one inside
    /// another statement's speaker phrase is part of that phrase.
    fn drop_nested_outer(&mut self, first: usize) {
        let inside_other = |k: usize, all: &[RawStatement]| {
            let cue = all[k].cue_span.start;
            all.iter().enumerate().any(|(j, o)| {
                j != k
                    && !o.outer
                    && (o.content_pieces.iter().any(|p| p.start <= cue && cue < p.end)
                        || (o.speaker.span.start <= cue && cue < o.speaker.span.end))
            })
        };
        let mut k = first;
        while k < self.statements.len() {
            if self.statements[k].outer && inside_other(k - first, &self.statements[first..]) {
                let gone = self.statements.remove(k);
                // Its speaker must not serve as an antecedent either.
                if let Some(at) = self.speakers.iter().rposition(|(p, _)| *p == gone.speaker.span.start) {
                    self.speakers.remove(at);
                }
            } else {
                k += 1;
            }
        }
    }

    /// Whether byte `at` lies inside a quotation.
    fn inside_quote(&self, at: usize) -> bool {
        self.quotes.iter().any(|q| q.span.start < at && at < q.span.end)
    }

    /// Statements of one sentence must not claim each other's words: a
    /// content running into a later statement's speaker or cue ends there.
    fn cut_overlaps(&mut self, first: usize) {
        for a in first..self.statements.len() {
            for b in first..self.statements.len() {
                if a == b {
                    continue;
                }
                let other_start =
                    self.statements[b].speaker.span.start.min(self.statements[b].cue_span.start);
                let other_cue = self.statements[b].cue_span;
                let st = &mut self.statements[a];
                let own = st.speaker.span.start.min(st.cue_span.start);
                if other_start <= own {
                    continue;
                }
                let body = self.body;
                if let Some(last) = st.content_pieces.last_mut() {
                    if last.start < other_start && other_start < last.end && other_cue.start < last.end {
                        let mut trimmed =
                            body[last.start..other_start].trim_end_matches([' ', ',', ';', '\n', '—', '-']);
                        // "…, and all but two said": the conjunction joins the next statement.
                        for conj in [" and", " but"] {
                            if let Some(t) = trimmed.strip_suffix(conj) {
                                trimmed = t.trim_end_matches([' ', ',', ';', '\n', '—', '-']);
                            }
                        }
                        last.end = last.start + trimmed.len();
                    }
                }
                st.content_pieces.retain(|p| !p.is_empty());
            }
        }
    }

    /// A sentence that is (almost) only a quotation continues the previous speaker.
    fn quote_only_sentence(&mut self, si: usize) {
        let n = self.toks.len();
        let outside_words =
            (0..n).filter(|&i| !self.in_quote[i] && self.toks[i].kind == TokKind::Word).count();
        let quoted = (0..n).filter(|&i| self.in_quote[i]).count();
        if quoted == 0 || outside_words > 0 {
            self.pending_quote = None;
            return;
        }
        let span = self.sentences[si].span;
        let content = Span::new(span.start, content_end(self.body, span));
        let paragraph = self.sentences[si].paragraph;
        if let Some((idx, prev)) = self.statements.iter().enumerate().next_back() {
            let prev_sentence = &self.sentences[prev.sentence];
            let near = si - prev.sentence <= 3 && paragraph <= prev_sentence.paragraph + 1;
            let content_so_far = prev.content_span();
            if near && content_so_far.end <= content.start && prev.kind != SpeechKind::NoComment {
                let mut st = prev.clone();
                st.sentence = si;
                st.cue_span = Span::new(content.start, content.start);
                st.content_pieces = vec![content];
                st.kind = SpeechKind::Direct;
                st.confidence = (prev.confidence * 0.8).max(0.1);
                st.continues = Some(idx);
                self.statements.push(st);
                return;
            }
        }
        self.pending_quote = Some((si, vec![content]));
    }

    /// Handles a reporting verb at token `v`; returns the token index where
    /// scanning should resume when a statement was produced.
    fn verb_cue(&mut self, si: usize, v: usize, infos: &[VerbInfo]) -> Option<usize> {
        let first = self.statements.len();
        let info = self.reading(v, infos)?;
        let resume = self.verb_reading(si, v, info);
        for st in &mut self.statements[first..] {
            st.outer = info.outer;
            // A position the writer ascribes is weaker evidence of a stance
            // than the speaker's own words, and says so (quoted words stay quotes).
            if info.attitude {
                st.confidence *= 0.8;
                if st.kind == SpeechKind::Indirect {
                    st.kind = SpeechKind::Position;
                }
            }
        }
        resume
    }

    /// The reading of a verb form at token `v`: a phrasal cue needs its
    /// words next, and the longest one present wins ("went on to say" over
    /// "went on"); else the plain verb.
    fn reading(&self, v: usize, infos: &[VerbInfo]) -> Option<VerbInfo> {
        let n = self.toks.len();
        let mut phrasal: Option<(usize, VerbInfo)> = None;
        let mut plain = None;
        for inf in infos {
            match inf.particle {
                Some(p) => {
                    let words = &LEXICONS.particles[p as usize];
                    let present = v + words.len() < n
                        && words
                            .iter()
                            .enumerate()
                            .all(|(k, w)| self.lower(v + 1 + k) == w && !self.in_quote[v + 1 + k]);
                    if present && phrasal.is_none_or(|(len, _)| words.len() > len) {
                        phrasal = Some((words.len(), *inf));
                    }
                }
                None => {
                    if plain.is_none() {
                        plain = Some(*inf);
                    }
                }
            }
        }
        phrasal.map(|(_, i)| i).or(plain)
    }

    fn verb_reading(&mut self, si: usize, v: usize, info: VerbInfo) -> Option<usize> {
        let n = self.toks.len();
        // A capitalised verb inside a sentence is a headline word or a noun ("State", "Denies").
        if v > 0 && names::is_capitalised(self.text(v)) && !self.headline {
            return None;
        }
        if info.outer {
            let w = self.lower(v);
            // Headlines ("GOP Candidates Reject The Idea") are too terse to tell
            // a position from a title; "the TV show" is a compound noun.
            let base_form = !w.ends_with('s') && !w.ends_with("ed") && !w.ends_with("ing");
            if names::is_capitalised(self.text(v))
                || (base_form
                    && v >= 2
                    && names::is_capitalised(self.text(v - 1))
                    && !self.lower(v - 1).ends_with('s')
                    && matches!(self.lower(v - 2), "the" | "a" | "an"))
            {
                return None;
            }
        }
        // "He said Clinton supported it": a position inside reported words is
        // part of what was said, not a statement of its own.
        if info.outer && self.inside_content(v) {
            return None;
        }
        // "Trump's support", "Obama's plans": a noun after a possessive
        // ("he's hoping" is a contraction).
        if v > 0 && self.toks[v - 1].kind == TokKind::Possessive && !self.is_contraction(v - 1) {
            return None;
        }
        let mut cue_end = v + 1 + info.particle.map_or(0, |p| LEXICONS.particles[p as usize].len());
        // Nouns and passives are not cues: "the report", "was told".
        if v > 0 {
            let prev = self.lower(v - 1);
            if contains(
                &["the", "a", "an", "his", "her", "their", "its", "this", "these", "new", "recent", "such"],
                prev,
            ) || (contains(&["to"], prev) && !info.no_content)
            {
                return None;
            }
            // "1,237 pledged delegates", "two declared candidates": an adjective.
            let counted = prev.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    prev,
                    "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
                );
            if counted && self.lower(v).ends_with("ed") {
                return None;
            }
            if contains(&["is", "was", "were", "are", "been", "be", "being"], prev)
                && (self.lower(v).ends_with("ed") || contains(&["told", "said", "written"], self.lower(v)))
            {
                return None;
            }
        }
        let mut kind = None;
        if info.no_content {
            if cue_end + 1 < n
                && self.lower(cue_end) == "to"
                && contains(NO_COMMENT_OBJECTS, self.lower(cue_end + 1))
            {
                cue_end += 2;
                kind = Some(SpeechKind::NoComment);
            } else {
                return None;
            }
        }
        // Extend the cue left over auxiliaries and adverbs ("has also said").
        let mut cue_start = v;
        while cue_start > 0
            && !self.in_quote[cue_start - 1]
            && self.is_word(cue_start - 1)
            && (contains(AUX_ADVERBS, self.lower(cue_start - 1)) || self.is_contraction(cue_start - 1))
        {
            cue_start -= 1;
        }
        // A bare past participle is not a report ("the paper it is written on").
        if cue_start == v && self.lower(v) == "written" {
            return None;
        }
        let participle = cue_start == v && self.lower(v).ends_with("ing");
        // "Trump may want to check his stats": the writer's guess, not a position held.
        if info.attitude
            && (cue_start..v).any(|k| matches!(self.lower(k), "may" | "might" | "should" | "could"))
        {
            return None;
        }
        // "said in a statement"
        for tail in CUE_TAILS {
            if cue_end + tail.len() <= n
                && tail.iter().enumerate().all(|(k, w)| self.lower(cue_end + k) == *w)
            {
                cue_end += tail.len();
                break;
            }
        }
        // Speaker on the left? Also past a dating adverbial ("Ryan on Thursday declared").
        let mut left = if cue_start > 0 {
            self.speaker_left(cue_start).or_else(|| self.speaker_before_time(cue_start))
        } else {
            None
        };
        // "The campaign issued a statement saying …": the issuer speaks.
        if let Some((s, e)) = left {
            if let Some((issuer, verb)) = self.issuer_of(s, e) {
                left = Some(issuer);
                cue_start = verb;
            }
        }
        // "X defended the plan, saying …", "X praised Y and said …": the
        // subject of the sentence speaks.
        let mut coordinated = false;
        if left.is_none() && cue_start > 0 {
            left = self.coordinated_subject(cue_start, participle);
            coordinated = left.is_some();
        }
        // "a super PAC supporting Carson", "an op-ed urging Congress to act": a
        // participle without an auxiliary modifies the noun before it.
        if info.outer && participle && !coordinated {
            return None;
        }
        if coordinated && !self.yield_to_coordinated(cue_start) {
            return None;
        }
        // A position needs a holder the text names: "the terror attacks" is no speaker.
        let left = left.filter(|&(s, e)| !info.outer || self.names_someone(s, e));
        // Generic "you" ("you know", "if you want to") holds no position.
        let left =
            left.filter(|&(s, e)| !(info.outer && e == s + 1 && matches!(self.lower(s), "you" | "it")));
        // "whom he called a liar", "said she would support": the object of a
        // relative clause, or words already reported by another cue.
        if info.outer && left.is_some_and(|(s, _)| self.after_reporting_word(s)) {
            return None;
        }
        if let Some((src_start, src_end)) = left {
            // "a new poll", "a Courier poll, conducted with the Review,"; not "the
            // Review" (a name).
            let evidence = (src_start..src_end)
                .any(|k| LEXICONS.is_evidence(self.lower(k)) && !names::is_capitalised(self.text(k)));
            let holder = self.names_someone(src_start, src_end);
            // Resolved only for a statement: resolving learns names.
            // Content before ("“…,” X said." / "…, X said.")
            // "Donald Trump, who has told aides …": a relative pronoun's words
            // come after it, never before (that is its antecedent).
            let relative =
                src_end == src_start + 1 && matches!(self.lower(src_start), "who" | "which" | "that");
            let trailing = !coordinated
                && !relative
                && src_start > 0
                && {
                    let p = self.toks[src_start - 1];
                    let pt = p.text(self.body);
                    pt == "," || (p.kind == TokKind::Quote && src_start >= 2) || pt == "—" || pt == "--"
                }
                && if info.outer {
                    self.nothing_after_cue(si, cue_end)
                } else {
                    self.nothing_after_cue(si, cue_end) || !self.starts_with_adverbial(src_start)
                };
            if trailing {
                let mut pieces = Vec::new();
                let before_end = self.trim_piece_end(src_start);
                if before_end > 0 {
                    pieces.push(Span::new(self.toks[0].start, before_end));
                }
                // A quote resumed after the cue: "“…,” he said, “…”"
                let mut after = cue_end;
                if after < n && self.text(after) == "," {
                    after += 1;
                }
                let mut resume = cue_end;
                if after < n && self.toks[after].kind == TokKind::Quote {
                    let end = content_end(self.body, self.sentences[si].span);
                    if end > self.toks[after].start {
                        pieces.push(Span::new(self.toks[after].start, end));
                    }
                    resume = n;
                }
                if !pieces.is_empty() && pieces[0].start < pieces[0].end {
                    let pieces = self.extend_to_quote_starts(pieces);
                    let kind = kind.unwrap_or_else(|| self.speech_kind(&pieces, None));
                    let speaker = self.resolve_speaker(si, src_start, src_end);
                    self.push(si, speaker, cue_start, cue_end, pieces, kind, 1.0);
                    return Some(resume.max(cue_end));
                }
            }
            // Content after.
            if let Some(k) = kind {
                let speaker = self.resolve_speaker(si, src_start, src_end);
                self.push(si, speaker, cue_start, cue_end, Vec::new(), k, 0.9);
                return Some(cue_end);
            }
            if let Some((mut piece, colon, strength)) =
                self.content_after(si, cue_end, info, evidence, holder)
            {
                // "Sanders, who has endorsed Canova, was able to …": the relative
                // clause ends at its comma.
                if info.outer && src_end == src_start + 1 && self.lower(src_start) == "who" {
                    piece.end = self.clause_end(piece);
                }
                let pieces = vec![piece];
                let k = self.speech_kind(&pieces, colon.then_some(SpeechKind::Colon));
                let speaker = self.resolve_speaker(si, src_start, src_end);
                self.push(si, speaker, cue_start, cue_end, pieces, k, strength);
                // Later cues in the content may start statements of their own
                // ("…, she added"); `cut_overlaps` then trims this content.
                return Some(cue_end);
            }
            // "“…” That is what Peskov said." / "Peskov said." after a quote-only sentence.
            if let Some((qsi, pieces)) = self.pending_quote.take() {
                if qsi + 1 == si {
                    let speaker = self.resolve_speaker(si, src_start, src_end);
                    self.push(si, speaker, cue_start, cue_end, pieces, SpeechKind::Direct, 0.7);
                    return Some(cue_end);
                }
            }
            return None;
        }
        // Inversion: "“…,” said Peskov." / "…, said the spokesman." Never for
        // a participle: in "…, saying the city is a front" the city is content.
        if cue_start > 0 && !info.outer && !participle {
            let p = self.toks[cue_start - 1];
            let pt = p.text(self.body);
            if pt == "," || p.kind == TokKind::Quote {
                // The speaker ends the clause: "…, said Peskov." but not "…, said
                // Sanders has pushed her" (the words after the verb are content).
                let ends_clause = |k: usize| {
                    k >= n
                        || !self.is_word(k)
                        || contains(PREPOSITIONS, self.lower(k))
                        || is_time_word(self.lower(k))
                        || matches!(self.lower(k), "who" | "whose" | "when" | "while")
                        || self.lower(k).ends_with("ing")
                };
                // An appositive role ("said Ed Rendell, a former governor and …")
                // shows the reading too.
                let appositive = |e: usize| (cue_end..e).any(|k| self.text(k) == ",");
                // "said conservative activist Bob Klaus": a name or role among the
                // first words will do.
                let described = || {
                    let k = self.speaker_right_end(cue_end);
                    (k > cue_end
                        && (cue_end..k.min(cue_end + 4)).any(|m| {
                            LEXICONS.is_role(self.lower(m))
                                || (names::is_capitalised(self.text(m)) && !names::is_not_name(self.lower(m)))
                        }))
                    .then_some(k)
                };
                let after_quote = p.kind == TokKind::Quote
                    || (cue_start >= 2 && self.toks[cue_start - 2].kind == TokKind::Quote);
                let src = self.speaker_right(cue_end).or_else(|| described().filter(|_| after_quote));
                if let Some(src_end) = src.filter(|&e| ends_clause(e) || appositive(e)) {
                    let speaker = self.resolve_speaker(si, cue_end, src_end);
                    let before_end = self.trim_piece_end(cue_start);
                    if before_end > self.toks[0].start {
                        let pieces =
                            self.extend_to_quote_starts(vec![Span::new(self.toks[0].start, before_end)]);
                        let kind = kind.unwrap_or_else(|| self.speech_kind(&pieces, None));
                        self.push(si, speaker, cue_start, cue_end, pieces, kind, 0.9);
                        return Some(src_end);
                    }
                }
            }
        }
        None
    }

    /// "according to X": speaker after, content the rest of the sentence.
    fn according_to(&mut self, si: usize, a: usize) -> Option<usize> {
        let n = self.toks.len();
        let cue_end = a + 2;
        // "according to" always names a source: "according to recent polls",
        // "according to exit polls reported by CNN".
        let src_end = self.speaker_right(cue_end).or_else(|| {
            let k = self.speaker_right_end(cue_end);
            (k > cue_end
                && (cue_end..k).any(|m| {
                    LEXICONS.is_role(self.lower(m))
                        || LEXICONS.is_evidence(self.lower(m))
                        || names::is_capitalised(self.text(m))
                }))
            .then_some(k)
        })?;
        let speaker = self.resolve_speaker(si, cue_end, src_end);
        let sentence = self.sentences[si].span;
        let pieces = if a == 0 || (a == 1 && self.toks[0].kind != TokKind::Word) {
            // "According to X, …"
            let mut c = src_end;
            if c < n && self.text(c) == "," {
                c += 1;
            }
            if c >= n {
                return None;
            }
            vec![Span::new(self.toks[c].start, content_end(self.body, sentence))]
        } else {
            let end = self.trim_piece_end(a);
            if end <= self.toks[0].start {
                return None;
            }
            let mut pieces = vec![Span::new(self.toks[0].start, end)];
            // Text continuing after "according to X, …"
            if src_end + 1 < n && self.text(src_end) == "," {
                let rest_end = content_end(self.body, sentence);
                if rest_end > self.toks[src_end + 1].start {
                    pieces.push(Span::new(self.toks[src_end + 1].start, rest_end));
                }
            }
            pieces
        };
        self.push(si, speaker, a, cue_end, pieces, SpeechKind::AccordingTo, 0.9);
        Some(n)
    }

    /// Content after the cue: `: …`, `that …`, a quote, or a bare clause.
    /// Returns the piece, whether it was a colon lead-in, and a confidence.
    /// `evidence`: the speaker is a poll or a study, whose findings need no
    /// that-clause ("a new poll shows Clinton leading"); `holder`: the
    /// speaker names someone (see [`Self::names_someone`]).
    fn content_after(
        &self,
        si: usize,
        cue_end: usize,
        info: VerbInfo,
        evidence: bool,
        holder: bool,
    ) -> Option<(Span, bool, f32)> {
        let n = self.toks.len();
        let end = content_end(self.body, self.sentences[si].span);
        let mut c = cue_end;
        // Hearer: "told reporters", "told The Associated Press", "assured him".
        if info.object && c < n && self.is_word(c) && self.lower(c) != "that" {
            let mut k = c;
            let mut seen = 0;
            while k < n && seen < 6 && self.is_word(k) && self.lower(k) != "that" && !self.in_quote[k] {
                let w = self.lower(k);
                let t = self.text(k);
                let np_word = seen == 0
                    || names::is_capitalised(t)
                    || contains(DETERMINERS, w)
                    || self.toks[k].kind == TokKind::Possessive
                    || LEXICONS.is_role(w)
                    || contains(
                        &[
                            "reporters",
                            "journalists",
                            "lawmakers",
                            "supporters",
                            "voters",
                            "crowd",
                            "audience",
                            "newspaper",
                        ],
                        w,
                    );
                if !np_word {
                    break;
                }
                seen += 1;
                k += 1;
                if contains(&["him", "her", "them", "me", "us", "reporters", "journalists"], w) {
                    break;
                }
            }
            c = k;
            // "urged Congress to act", "accused Valdoria on Monday of bad faith":
            // the hearer is part of what was asked or charged.
            if c > cue_end {
                let after = self.skip_time_adverbial(c);
                let next_is_word = after + 1 < n && self.is_word(after + 1);
                if after < n
                    && next_is_word
                    && ((info.infinitive && holder && self.lower(after) == "to") || self.lower(after) == "of")
                {
                    return Some((Span::new(self.toks[cue_end].start, end), false, 0.9));
                }
            }
        }
        if c >= n || self.toks[c].start >= end {
            return None;
        }
        let t = self.text(c);
        if t == ":" {
            let c1 = c + 1;
            if c1 < n && self.toks[c1].start < end {
                return Some((Span::new(self.toks[c1].start, end), true, 1.0));
            }
            return None;
        }
        if t == "," {
            // "X said, “…”"
            if c + 1 < n && self.toks[c + 1].kind == TokKind::Quote {
                return Some((Span::new(self.toks[c + 1].start, end), false, 1.0));
            }
            // "She said, if elected, she would …": a fronted condition of the content.
            if !info.outer
                && c + 2 < n
                && matches!(self.lower(c + 1), "if" | "when" | "unless" | "once" | "however")
            {
                return Some((Span::new(self.toks[c + 1].start, end), false, 0.9));
            }
            return None;
        }
        // "He said of Congress: “…”", "She says to Nevadans: “…”": a topic or a
        // hearer before a colon or a quote.
        if !info.outer && matches!(self.lower(c), "of" | "to" | "about") {
            let lead = (c + 1..n.min(c + 8)).find(|&k| !self.is_word(k) || self.in_quote[k]);
            if let Some(k) = lead {
                let after = k + usize::from(self.text(k) == ":");
                let quoted = after < n && self.toks[after].kind == TokKind::Quote;
                if k > c + 1 && (self.text(k) == ":" || self.toks[k].kind == TokKind::Quote) && after < n {
                    let colon = self.text(k) == ":";
                    if colon || quoted {
                        return Some((Span::new(self.toks[after].start, end), colon, 1.0));
                    }
                }
            }
        }
        if self.toks[c].kind == TokKind::Quote {
            return Some((Span::new(self.toks[c].start, end), false, 1.0));
        }
        // "that" soon after the cue: everything before it is an adverbial
        // ("said on Monday that", "said after last week's call that").
        let limit = (c + 16).min(n);
        for k in c..limit {
            if self.in_quote[k] {
                break;
            }
            let w = self.lower(k);
            if w == "that" {
                return Some((Span::new(self.toks[k].start, end), false, 1.0));
            }
            if matches!(w, "," | ";" | "." | "and" | "but" | "which" | "who")
                || (k > c && LEXICONS.verb(w).is_some_and(|infos| infos.iter().any(|i| !i.outer || i.clause)))
            {
                break;
            }
        }
        // An infinitive needs a speaker that names someone: "a difficult pledge to keep".
        if info.infinitive && holder && self.is_word(c) {
            if let Some(start) = self.infinitive_start(c) {
                return Some((Span::new(self.toks[start].start, end), false, 0.9));
            }
        }
        if info.as_phrase {
            let as_follows = (c..n.min(c + 8))
                .take_while(|&k| self.is_word(k) && !self.in_quote[k])
                .any(|k| k > c && self.lower(k) == "as");
            return as_follows.then(|| (Span::new(self.toks[c].start, end), false, 0.8));
        }
        if !self.is_word(c) || info.weak {
            return None;
        }
        if info.complement {
            return self.complement_follows(c).then(|| (Span::new(self.toks[c].start, end), false, 0.8));
        }
        let w = self.lower(c);
        if contains(
            &[
                "to",
                "and",
                "but",
                "or",
                "as",
                "for",
                "about",
                "of",
                "so",
                "by",
                "with",
                "goodbye",
                "hello",
                "yes",
                "no",
                "nothing",
                "something",
                "anything",
                "thanks",
            ],
            w,
        ) {
            return None;
        }
        // Positions are not stated with a preposition next: "thinking about
        // it", "backed away", "opposed to".
        if (info.attitude || info.clause) && contains(PREPOSITIONS, w) {
            return None;
        }
        // Skip a dating adverbial directly after the cue ("said last week he would").
        let c = self.skip_time_adverbial(c);
        if c >= n || self.toks[c].start >= end {
            return None;
        }
        if info.clause && !evidence && !self.clause_follows(c) {
            return None;
        }
        Some((Span::new(self.toks[c].start, end), false, 0.8))
    }

    /// A relative pronoun, a complementizer or a reporting verb shortly before
    /// the speaker phrase starting at `start`: "whom he called", "what he
    /// called", "said she would support", "whether he would back".
    fn after_reporting_word(&self, start: usize) -> bool {
        if start == 0 {
            return false;
        }
        if contains(&["whom", "what", "which", "whether", "if"], self.lower(start - 1)) {
            return true;
        }
        // "the plan that Trump supported", but not "the point is that Republicans think".
        if self.lower(start - 1) == "that"
            && !(start >= 2
                && contains(&["is", "was", "are", "were", "be", "'s", ","], self.lower(start - 2)))
        {
            return true;
        }
        (start.saturating_sub(4)..start).any(|k| {
            !self.in_quote[k]
                && self.is_word(k)
                && LEXICONS.verb(self.lower(k)).is_some_and(|infos| infos.iter().any(|i| !i.outer))
        })
    }

    /// For a document phrase `toks[s..e]` ("a statement", "a letter") right
    /// after a verb of issuing, the issuer's phrase and the verb's index
    /// (with its auxiliaries): "the campaign has issued a statement saying".
    fn issuer_of(&self, s: usize, e: usize) -> Option<((usize, usize), usize)> {
        let document = matches!(
            self.lower(e - 1),
            "statement"
                | "letter"
                | "memo"
                | "op-ed"
                | "ad"
                | "video"
                | "tweet"
                | "post"
                | "release"
                | "email"
                | "message"
        );
        if !document || s == 0 || !contains(DETERMINERS, self.lower(s)) {
            return None;
        }
        let verb = s - 1;
        let issuing = matches!(
            self.lower(verb),
            "issued"
                | "issues"
                | "released"
                | "releases"
                | "sent"
                | "posted"
                | "published"
                | "wrote"
                | "signed"
                | "delivered"
                | "put"
                | "shared"
                | "penned"
                | "tweeted"
                | "aired"
                | "ran"
        );
        if !issuing || self.in_quote[verb] {
            return None;
        }
        let mut start = verb;
        while start > 0 && self.is_word(start - 1) && contains(AUX_ADVERBS, self.lower(start - 1)) {
            start -= 1;
        }
        let issuer = self.speaker_left(start).or_else(|| self.speaker_before_time(start))?;
        Some((issuer, start))
    }

    /// A speaker phrase before a dating adverbial that precedes the cue at
    /// `cue_start`: "Ryan on Thursday declared", "Feinstein last week said".
    fn speaker_before_time(&self, cue_start: usize) -> Option<(usize, usize)> {
        let mut k = cue_start;
        let mut dated = false;
        while k > 0 && cue_start - k < 4 && self.is_word(k - 1) && is_time_word(self.lower(k - 1)) {
            dated |= !contains(&["on", "at", "in", "the", "this", "last", "past"], self.lower(k - 1));
            k -= 1;
        }
        if !dated || k == 0 || k == cue_start {
            return None;
        }
        // "New polls released Sunday showed", "A Monmouth poll out Monday showed".
        if k >= 2 && (self.lower(k - 1).ends_with("ed") || self.lower(k - 1) == "out") {
            let head = self.lower(k - 2);
            if LEXICONS.is_evidence(head) && !names::is_capitalised(self.text(k - 2)) {
                return self.speaker_left(k - 1);
            }
        }
        self.speaker_left(k)
    }

    /// The subject of the sentence as the speaker of a cue that continues its
    /// clause: a participle after a comma ("X defended the plan, saying …")
    /// or a verb after "and" ("X praised Y and said …").
    fn coordinated_subject(&self, cue_start: usize, participle: bool) -> Option<(usize, usize)> {
        let prev = self.lower(cue_start - 1);
        let joins = if participle {
            matches!(prev, "," | "and" | "by" | "after" | "before" | "while" | "—")
        } else {
            matches!(prev, "and" | "but")
        };
        if !joins || self.in_quote[cue_start - 1] {
            return None;
        }
        let (s, e) = self.main_subject(cue_start - 1)?;
        self.names_someone(s, e).then_some((s, e))
    }

    /// Whether a statement for a coordinated cue at `cue_start` may be made:
    /// not when it continues words another cue already reported ("X said A
    /// and said B" stays one statement). A position reported before it ("X
    /// praised Y and said …") ends where the new cue starts.
    fn yield_to_coordinated(&mut self, cue_start: usize) -> bool {
        let at = self.toks[cue_start].start;
        let cut = self.trim_piece_end(cue_start - 1).max(self.toks[0].start);
        let first = self.sentence_first;
        let holds = |st: &RawStatement| st.content_pieces.iter().any(|p| p.start <= at && at < p.end);
        if self.statements[first..].iter().any(|st| !st.outer && holds(st)) {
            return false;
        }
        for st in &mut self.statements[first..] {
            if st.outer && st.content_pieces.iter().any(|p| p.start <= at && at < p.end) {
                for p in &mut st.content_pieces {
                    p.end = p.end.min(cut).max(p.start);
                }
                st.content_pieces.retain(|p| !p.is_empty());
            }
        }
        true
    }

    /// The subject noun phrase of the sentence's main clause, before token
    /// `before`: after a fronted adverbial ("On Monday, …") and an opening
    /// conjunction, a name, pronoun or role phrase followed by its verb, with
    /// a parenthesis ("Sen. Bernie Sanders (I-Vt.)") or an appositive.
    fn main_subject(&self, before: usize) -> Option<(usize, usize)> {
        let n = before;
        let mut s = 0;
        if n == 0 || self.toks[0].kind == TokKind::Quote {
            return None;
        }
        // A dateline: "ARNHALT (HWS) - The trade commissioner …", "PARIS — …".
        if let Some(dash) = (0..n.min(8)).find(|&k| matches!(self.text(k), "-" | "—" | "–")) {
            let dateline = (0..dash).all(|k| {
                matches!(self.text(k), "(" | ")" | ",")
                    || (self.is_word(k) && names::is_capitalised(self.text(k)))
            });
            if dateline && dash > 0 {
                s = dash + 1;
            }
        }
        if contains(&["but", "and", "yet", "so", "still", "meanwhile"], self.lower(s)) {
            s += 1;
            if s < n && self.text(s) == "," {
                s += 1;
            }
        }
        if s < n && (contains(ADVERBIAL_STARTS, self.lower(s)) || self.lower(s).ends_with("ing")) {
            let comma = (s..n.min(s + 20)).find(|&k| self.text(k) == ",")?;
            s = comma + 1;
        }
        let mut e = s;
        while e < n && self.is_word(e) && !self.in_quote[e] {
            let w = self.lower(e);
            if e == s && contains(PRONOUNS, w) && w != "it" && w != "who" {
                e += 1;
                break;
            }
            let ok = (e == s && contains(DETERMINERS, w))
                || (names::is_capitalised(self.text(e)) && !names::is_not_name(w))
                || LEXICONS.is_role(w)
                || LEXICONS.is_modifier(w)
                || LEXICONS.is_evidence(w)
                || self.toks[e].kind == TokKind::Possessive
                || (w == "of" && e > s && e + 1 < n && names::is_capitalised(self.text(e + 1)));
            if !ok {
                break;
            }
            e += 1;
        }
        if e == s || e >= n {
            return None;
        }
        let mut end = e;
        // "Sen. Bernie Sanders (I-Vt.) defended …"
        if self.text(end) == "(" {
            end = (end..n.min(end + 8)).find(|&k| self.text(k) == ")")? + 1;
        }
        // "Jessie Elkins, 70, had served …": an appositive closed by a comma.
        if end < n && self.text(end) == "," {
            let close = (end + 1..n.min(end + 14)).find(|&k| matches!(self.text(k), "," | "—"))?;
            if (end + 1..close).any(|k| self.in_quote[k] || !(self.is_word(k) || self.text(k) == "-")) {
                return None;
            }
            end = close + 1;
            if end >= n {
                return None;
            }
            // The speaker span keeps the closing comma out.
            let verb = self.lower(end);
            let lowercase = self.is_word(end) && !names::is_capitalised(self.text(end));
            return (lowercase && !contains(&["and", "or", "but", "who", "which", "that"], verb))
                .then_some((s, close));
        }
        // Its verb follows: a lowercase word, not "'s plan" or "and".
        let verb = self.lower(end);
        let lowercase = self.is_word(end) && !names::is_capitalised(self.text(end));
        (lowercase && !contains(&["and", "or", "but", "of", "to"], verb)).then_some((s, end))
    }

    /// End of the clause that starts `piece`: the first comma, dash or
    /// semicolon outside quotes, else the piece's end.
    fn clause_end(&self, piece: Span) -> usize {
        self.toks
            .iter()
            .enumerate()
            .filter(|(k, t)| t.start > piece.start && t.start < piece.end && !self.in_quote[*k])
            .find(|(_, t)| matches!(t.text(self.body), "," | ";" | "—" | "–"))
            .map_or(piece.end, |(k, _)| self.trim_piece_end(k + 1).min(self.toks[k].start))
    }

    /// An unlisted verb before a that-clause: "He recognized that …", "she
    /// realizes that …". A past or third-person form, or any form after a
    /// pronoun or an auxiliary; not "so that", "the fact that", "now that".
    fn that_verb_at(&self, i: usize) -> bool {
        let n = self.toks.len();
        if i == 0 || i + 2 >= n || self.lower(i + 1) != "that" || self.in_quote[i + 1] {
            return false;
        }
        let w = self.lower(i);
        let t = self.text(i);
        if self.toks[i].kind != TokKind::Word
            || names::is_capitalised(t)
            || w.len() < 4
            || !w.chars().all(|c| c.is_ascii_lowercase())
            || contains(NP_STOP, w)
            || contains(PREPOSITIONS, w)
            || contains(AUX_ADVERBS, w)
            || contains(NOT_THAT_VERBS, w)
        {
            return false;
        }
        // "-s" forms are as often plural nouns ("the results that"): past forms only.
        let verb_form = w.ends_with("ed") && !LEXICONS.is_role(w);
        let after_subject = contains(&["he", "she", "they", "we", "i", "who"], self.lower(i - 1))
            || contains(AUX_ADVERBS, self.lower(i - 1));
        (verb_form || after_subject) && self.clause_follows(i + 2)
    }

    /// Token `k` is "'s" for "is" or "has" after a pronoun ("he's hoping",
    /// "who's called for"), not a possessive.
    fn is_contraction(&self, k: usize) -> bool {
        self.toks[k].kind == TokKind::Possessive
            && k > 0
            && contains(&["he", "she", "it", "who", "that", "there", "what"], self.lower(k - 1))
    }

    /// Whether token `v` lies inside the content of a statement already found
    /// in this sentence.
    fn inside_content(&self, v: usize) -> bool {
        let at = self.toks[v].start;
        self.statements[self.sentence_first..]
            .iter()
            .any(|st| st.content_pieces.iter().any(|p| p.start <= at && at < p.end))
    }

    /// The phrase `toks[start..end]` names a holder of a position: a name, a
    /// role, a poll, a pronoun or a group ("voters", "Republicans").
    fn names_someone(&self, start: usize, end: usize) -> bool {
        let head = self.lower(end - 1);
        (names::is_capitalised(self.text(end - 1)) && !names::is_not_name(head))
            || LEXICONS.is_role(head)
            || LEXICONS.is_evidence(head)
            || (end - start == 1 && contains(PRONOUNS, head))
            || head.ends_with("ers")
            || head.ends_with("ists")
            || head.ends_with("ans")
    }

    /// Start of an infinitive content at token `c`: "to repeal it", or an
    /// object and an infinitive ("wants Congress to act").
    fn infinitive_start(&self, c: usize) -> Option<usize> {
        let n = self.toks.len();
        let to_at = |k: usize| k + 1 < n && self.lower(k) == "to" && self.is_word(k + 1) && !self.in_quote[k];
        if to_at(c) {
            return Some(c);
        }
        // A short object: a pronoun, a name, or a determiner phrase.
        let mut k = c;
        while k < n && k < c + 5 && self.is_word(k) && !self.in_quote[k] {
            let w = self.lower(k);
            let np_word = names::is_capitalised(self.text(k))
                || contains(DETERMINERS, w)
                || contains(OBJECT_PRONOUNS, w)
                || LEXICONS.is_role(w)
                || self.toks[k].kind == TokKind::Possessive
                || (k > c && contains(DETERMINERS, self.lower(c)) && !contains(NP_STOP, w));
            if !np_word {
                break;
            }
            k += 1;
        }
        (k > c && to_at(k)).then_some(c)
    }

    /// An object followed by its complement at token `c`: "the deal a
    /// disaster", "him “a liar”", "Cruz dishonest", "himself as a moderate";
    /// not "Putin on Monday" or "him back".
    fn complement_follows(&self, c: usize) -> bool {
        let n = self.toks.len();
        let complement_at = |k: usize| {
            k < n
                && (self.toks[k].kind == TokKind::Quote
                    || (self.is_word(k) && {
                        let w = self.lower(k);
                        !contains(NP_STOP, w)
                            && !contains(PREPOSITIONS, w)
                            && !is_time_word(w)
                            && !contains(&["back", "up", "out", "off", "down", "next"], w)
                            && !names::is_capitalised(self.text(k))
                    }))
        };
        let first = self.lower(c);
        if contains(OBJECT_PRONOUNS, first) {
            return complement_at(c + 1) || (c + 1 < n && self.lower(c + 1) == "as");
        }
        let mut k = c;
        let mut names_seen = 0;
        while k < n && k < c + 8 && !self.in_quote[k] {
            let t = self.text(k);
            let w = self.lower(k);
            if self.toks[k].kind == TokKind::Quote {
                return k > c;
            }
            if !self.is_word(k) {
                return false;
            }
            if k > c && (w == "as" || matches!(w, "a" | "an")) {
                return true;
            }
            if names::is_capitalised(t) {
                names_seen += 1;
            } else if names_seen > 0 && k > c {
                // "Cruz dishonest": a lowercase word after a name.
                return complement_at(k);
            } else if contains(NP_STOP, w) || contains(PREPOSITIONS, w) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// A finite clause starts at token `c`: a subject, then an auxiliary,
    /// a modal or a past tense within a few words ("he will win", "Trump
    /// lost", "whether it matters").
    fn clause_follows(&self, c: usize) -> bool {
        let n = self.toks.len();
        let first = self.lower(c);
        if contains(&["whether", "if", "what", "how", "why", "who", "where", "when"], first) {
            return true;
        }
        // A subject: not a preposition, conjunction or adverb ("thinks so").
        let subject = contains(PRONOUNS, first)
            || contains(DETERMINERS, first)
            || contains(&["there", "this", "these", "those", "all", "no"], first)
            || !contains(NP_STOP, first) && !contains(PREPOSITIONS, first) && !first.ends_with("ly");
        // "found himself embroiled": an object, not a subject.
        let object = contains(
            &["him", "them", "me", "us", "himself", "herself", "themselves", "itself", "myself"],
            first,
        );
        if !self.is_word(c) || !subject || object {
            return false;
        }
        (c + 1..n.min(c + 12)).take_while(|&k| !matches!(self.text(k), ";" | ":")).any(|k| {
            let w = self.lower(k);
            self.toks[k].kind == TokKind::Possessive && k == c + 1
                || contains(FINITE_MARKERS, w)
                || w.ends_with("n't")
                || (w.ends_with("ed") && w.len() > 3 && !names::is_capitalised(self.text(k)))
        })
    }

    /// The words before token `end` are a fronted adverbial, not content:
    /// "On Oct. 3, Lopez said …", "At the time, Stone said …".
    fn starts_with_adverbial(&self, end: usize) -> bool {
        let quoted = (0..end).any(|k| self.toks[k].kind == TokKind::Quote);
        !quoted && end <= 12 && contains(ADVERBIAL_STARTS, self.lower(0))
    }

    /// True when the cue ends its clause: nothing but a dating adverbial,
    /// "in a statement" or punctuation follows ("…, Stone said on Monday."),
    /// or a comma does ("“…,” he said, “…”", "…, she said, adding …").
    fn nothing_after_cue(&self, si: usize, cue_end: usize) -> bool {
        let n = self.toks.len();
        let end = content_end(self.body, self.sentences[si].span);
        let c = self.skip_time_adverbial(cue_end);
        c >= n || self.toks[c].start >= end || matches!(self.text(c), "," | ";" | "." | "—" | "(" | ":")
    }

    /// Skips "last week", "on Monday", "earlier this month", "at the time",
    /// "yesterday" right after a cue.
    fn skip_time_adverbial(&self, mut c: usize) -> usize {
        let n = self.toks.len();
        let start = c;
        while c < n && c < start + 5 && self.is_word(c) && is_time_word(self.lower(c)) {
            c += 1;
        }
        // Only skip when a real time word was consumed, not just "in the".
        let consumed_time =
            (start..c).any(|k| !contains(&["on", "at", "in", "the", "this", "last", "past"], self.lower(k)));
        if consumed_time {
            c
        } else {
            start
        }
    }

    /// The speaker phrase ending right before token `end` (exclusive), if any.
    fn speaker_left(&self, end: usize) -> Option<(usize, usize)> {
        let j = end - 1;
        if self.in_quote[j] {
            return None;
        }
        let t = self.toks[j];
        if t.kind == TokKind::Word && contains(PRONOUNS, self.lower(j)) {
            return Some((j, j + 1));
        }
        // "Stone, who calls the plan “a disgrace,” said": a relative clause
        // ending in a quote closes with the quote.
        let quoted_relative = t.kind == TokKind::Quote
            && j > 0
            && self.text(j - 1) == ","
            && self
                .appositive_open(j)
                .is_some_and(|p| matches!(self.lower(p + 1), "who" | "whose" | "which" | "the" | "a" | "an"));
        if t.text(self.body) == "," || quoted_relative {
            // Appositive: "Dmitry Peskov, the Kremlin spokesman, said".
            let p = self.appositive_open(j)?;
            // The phrase keeps a closing quote, not a closing comma.
            let close = if quoted_relative { j + 1 } else { j };
            let first = self.lower(p + 1);
            let interjection = contains(INTERJECTIONS, first);
            // Appositive or relative clause after a name: "Dmitry Peskov, the
            // Kremlin spokesman, said"; "Chris Cox, who runs the group, says";
            // "Jim Bennett, 57, told".
            if !interjection {
                // "the White House press secretary, Josh Earnest, said"
                let middle_is_name = (p + 1..j).all(|k| {
                    self.toks[k].kind == TokKind::Word && names::is_capitalised(self.text(k))
                        || matches!(self.text(k), "." | "-")
                });
                if middle_is_name && j - p <= 5 {
                    // "The author of the book, Mitchell Zuckoff, said"
                    let role = self.noun_phrase_left(p);
                    let role = self.extend_over_of(role, p).or(role);
                    if let Some((role_start, role_end)) = role {
                        if role_end == p && (role_start..p).any(|k| LEXICONS.is_role(self.lower(k))) {
                            return Some((role_start, close));
                        }
                    }
                }
                // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said";
                // "Jillian Chase, 27, a user in New York, said": an age before the appositive.
                let before = if self.text(p - 1) == ")" {
                    (p.saturating_sub(9)..p - 1).rev().find(|&k| self.text(k) == "(").unwrap_or(p)
                } else if p >= 3
                    && self.text(p - 2) == ","
                    && self.lower(p - 1).chars().all(|c| c.is_ascii_digit())
                {
                    p - 2
                } else {
                    p
                };
                if let Some((name_start, name_end)) = self.noun_phrase_left(before) {
                    let head = self.text(name_end - 1);
                    let head_lower = self.lower(name_end - 1);
                    // "A Fox News poll, conducted jointly with …, shows": a finding
                    // or a role described by a participle.
                    let described = (LEXICONS.is_evidence(head_lower) || LEXICONS.is_role(head_lower))
                        && (first.ends_with("ed") || first.ends_with("ing"));
                    if name_end == before && names::is_capitalised(head) && !names::is_not_name(head_lower) {
                        return Some((name_start, close));
                    }
                    // The participle phrase only describes: the speaker is the head
                    // phrase (its names are not the speaker's).
                    if name_end == before && described {
                        return Some((name_start, name_end));
                    }
                }
                return None;
            }
            // An interjected adverbial: "Trump, in a statement, said".
            return self.speaker_left(p);
        }
        // A parenthesis before the verb: "Sen. Marco Rubio (R-Fla.) said".
        if t.text(self.body) == ")" {
            let open = (j.saturating_sub(8)..j).rev().find(|&k| self.text(k) == "(")?;
            if open == 0 {
                return None;
            }
            let (s, e) = self.noun_phrase_left(open)?;
            return (e == open).then_some((s, end));
        }
        // "Cruz himself said", "Ford itself said".
        if matches!(self.lower(j), "himself" | "herself" | "itself" | "themselves") {
            return self.noun_phrase_left(j).filter(|&(_, e)| e == j).map(|(s, _)| (s, end));
        }
        let phrase = self.noun_phrase_left(end);
        self.extend_over_of(phrase, end).or(phrase).or_else(|| self.quantity_left(end))
    }

    /// A share of people as speaker, as polls report them: "One in three
    /// said", "About four in 10 said", "most of them said", "all but two said".
    fn quantity_left(&self, end: usize) -> Option<(usize, usize)> {
        let number =
            |w: &str| crate::lexicon::is_number_word(w) || matches!(w, "third" | "thirds" | "quarter");
        let quantifier = |w: &str| {
            matches!(w, "most" | "many" | "some" | "all" | "few" | "none" | "majority" | "majorities")
        };
        let filler = |w: &str| {
            matches!(
                w,
                "in" | "of"
                    | "but"
                    | "them"
                    | "those"
                    | "these"
                    | "us"
                    | "percent"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "only"
                    | "just"
                    | "more"
                    | "than"
                    | "fewer"
                    | "at"
                    | "least"
                    | "a"
                    | "the"
            )
        };
        let last = self.lower(end - 1);
        if !(number(last) || quantifier(last) || matches!(last, "them" | "those" | "these" | "us")) {
            return None;
        }
        let mut s = end;
        while s > 0 && end - s < 8 && self.is_word(s - 1) && !self.in_quote[s - 1] {
            let w = self.lower(s - 1);
            if !(number(w) || quantifier(w) || filler(w)) {
                break;
            }
            s -= 1;
        }
        let counted = (s..end).any(|k| number(self.lower(k)) || quantifier(self.lower(k)));
        // At the start of a clause, not "… than in three said".
        let clause_start = s == 0
            || !self.is_word(s - 1)
            || matches!(self.lower(s - 1), "and" | "but" | "while" | "as" | "whereas");
        (counted && clause_start && !filler(self.lower(s))).then_some((s, end))
    }

    /// The comma opening the appositive or interjection that the comma at
    /// token `j` closes. A relative clause may hold quotes and run longer
    /// ("Humphrey, who calls Trump a “sociopath,” said"); a state after a
    /// city is no appositive ("in Columbus, Ohio, said").
    fn appositive_open(&self, j: usize) -> Option<usize> {
        let find = |from: usize| {
            let mut quoted = false;
            let mut p = from;
            while p > 0 && from - p < 40 {
                p -= 1;
                if self.in_quote[p] || self.toks[p].kind == TokKind::Quote {
                    quoted = true;
                }
                if self.text(p) == "," && !self.in_quote[p] {
                    // "who calls Trump a “sociopath,”" (long, quoted); "the
                    // co-author of “Going Viral,”" (a quoted title in a role).
                    let next = if p + 1 < from { self.lower(p + 1) } else { "" };
                    let relative = matches!(next, "who" | "whose" | "which");
                    let role = matches!(next, "the" | "a" | "an");
                    let short = from - p <= 25;
                    return (p > 0 && p + 1 < from && (relative || (short && (role || !quoted))))
                        .then_some(p);
                }
            }
            None
        };
        let p = find(j)?;
        let place = (p + 1..j).all(|k| self.is_word(k) && names::is_capitalised(self.text(k)))
            && j - p <= 3
            && names::is_capitalised(self.text(p - 1))
            && (p.saturating_sub(4)..p).any(|k| matches!(self.lower(k), "in" | "of" | "from" | "at"));
        if place {
            return find(p);
        }
        Some(p)
    }

    /// A role with an of-phrase before token `end`: "Several supporters of
    /// reform said", "members of Congress said" (`phrase` is what was found
    /// without it).
    fn extend_over_of(&self, phrase: Option<(usize, usize)>, end: usize) -> Option<(usize, usize)> {
        let of = (end.saturating_sub(4)..end).rev().find(|&k| self.lower(k) == "of")?;
        if of == 0 || phrase.is_some_and(|(s, _)| s <= of) {
            return None;
        }
        let object_ok = (of + 1..end).all(|k| {
            self.is_word(k)
                && !self.in_quote[k]
                && (!contains(NP_STOP, self.lower(k)) || contains(DETERMINERS, self.lower(k)))
        });
        if !object_ok || of + 1 == end {
            return None;
        }
        let (s, e) = self.noun_phrase_left(of)?;
        if e != of || !LEXICONS.is_role(self.lower(of - 1)) {
            return None;
        }
        // "About 46 percent of voters": the count belongs to the phrase.
        let mut s = s;
        while s > 0
            && self.is_word(s - 1)
            && (self.lower(s - 1).starts_with(|c: char| c.is_ascii_digit())
                || matches!(self.lower(s - 1), "about" | "nearly" | "almost" | "roughly" | "some" | "only"))
        {
            s -= 1;
        }
        Some((s, end))
    }

    /// A noun phrase ending before `end`, extending left over names, role
    /// nouns, modifiers and one determiner.
    fn noun_phrase_left(&self, end: usize) -> Option<(usize, usize)> {
        let mut k = end;
        let mut start = None;
        while k > 0 && end - k < 9 {
            let i = k - 1;
            if self.in_quote[i] || !self.is_word(i) {
                break;
            }
            let w = self.lower(i);
            let t = self.text(i);
            let possessive = self.toks[i].kind == TokKind::Possessive;
            if contains(DETERMINERS, w) && !names::is_capitalised(t) || (contains(DETERMINERS, w) && i == 0) {
                start = Some(i);
                break;
            }
            // "Secretary of State": "of" between capitalised words.
            let inner_of = w == "of"
                && i > 0
                && i + 1 < end
                && names::is_capitalised(self.text(i - 1))
                && names::is_capitalised(self.text(i + 1));
            // "The Coastal Union's delegation in Velmar", "officials in Moscow":
            // a place after a role noun belongs to the phrase.
            let role_in_place = matches!(w, "in" | "from")
                && i > 0
                && i + 1 < end
                && LEXICONS.is_role(self.lower(i - 1))
                && (i + 1..end).all(|k| names::is_capitalised(self.text(k)));
            if contains(NP_STOP, w) && !possessive && !inner_of && !role_in_place {
                break;
            }
            let capital = names::is_capitalised(t);
            let ok = capital
                || inner_of
                || role_in_place
                || possessive
                || LEXICONS.is_role(w)
                || LEXICONS.is_evidence(w)
                || LEXICONS.is_modifier(w)
                || w.contains('-')
                || (i + 1 < end && self.toks[i + 1].kind == TokKind::Possessive);
            // "election officials", "law enforcement officials": up to two nouns
            // of a compound before a role head, at the start of the phrase.
            let plain = |m: usize| self.is_word(m) && self.lower(m).chars().all(|c| c.is_ascii_lowercase());
            let phrase_start =
                |m: usize| m == 0 || !self.is_word(m - 1) || contains(DETERMINERS, self.lower(m - 1));
            let compound = !ok
                && i + 3 >= end
                && (LEXICONS.is_role(self.lower(end - 1)) || LEXICONS.is_evidence(self.lower(end - 1)))
                && plain(i)
                && !contains(NP_STOP, w)
                && (phrase_start(i)
                    || (plain(i - 1) && !contains(NP_STOP, self.lower(i - 1)) && phrase_start(i - 1)));
            if compound {
                start = Some(i);
                k -= 1;
                continue;
            }
            if !ok {
                // Unknown lowercase word: part of the phrase only if a determiner is further left.
                let det = (i.saturating_sub(3)..i).rev().find(|&d| contains(DETERMINERS, self.lower(d)));
                match det {
                    Some(d)
                        if (d + 1..i).all(|m| {
                            self.is_word(m) && !self.in_quote[m] && !contains(NP_STOP, self.lower(m))
                        }) =>
                    {
                        start = Some(d);
                        break;
                    }
                    _ => break,
                }
            }
            start = Some(i);
            k -= 1;
        }
        let start = start?;
        // The head must be a name, a role noun, or a determiner phrase.
        let head = end - 1;
        let head_text = self.text(head);
        let head_ok = names::is_capitalised(head_text)
            || LEXICONS.is_role(self.lower(head))
            || LEXICONS.is_evidence(self.lower(head))
            || (contains(DETERMINERS, self.lower(start)) && end - start >= 2)
            || self.lower(head).ends_with("ers")
            || self.lower(head).ends_with("ists")
            || self.lower(head).ends_with("ans");
        if !head_ok {
            return None;
        }
        // Drop sentence-initial non-name capitals ("But Trump said", "Later, …").
        let mut s = start;
        while s < head && names::is_not_name(self.lower(s)) && !contains(DETERMINERS, self.lower(s)) {
            s += 1;
        }
        if names::is_not_name(self.lower(s)) && !contains(DETERMINERS, self.lower(s)) {
            return None;
        }
        Some((s, end))
    }

    /// A speaker phrase starting at `start` (after "said" / "according to").
    /// Returns its exclusive end.
    fn speaker_right(&self, start: usize) -> Option<usize> {
        let k = self.speaker_right_end(start);
        if k == start {
            return None;
        }
        let first = self.text(start);
        let first_lower = self.lower(start);
        let plausible = names::is_capitalised(first)
            || contains(DETERMINERS, first_lower)
            || contains(PRONOUNS, first_lower)
            || LEXICONS.is_role(first_lower)
            || LEXICONS.is_modifier(first_lower);
        plausible.then_some(k)
    }

    /// Exclusive end of the words that can make up a speaker phrase from `start`.
    fn speaker_right_end(&self, start: usize) -> usize {
        let n = self.toks.len();
        let mut k = start;
        while k < n && k - start < 10 {
            if self.in_quote[k] || !self.is_word(k) {
                break;
            }
            let w = self.lower(k);
            let t = self.text(k);
            if k > start && contains(NP_STOP, w) && !contains(&["of", "for", "with"], w) {
                break;
            }
            if k > start && contains(&["of", "for", "with"], w) && !(k + 1 < n && self.is_word(k + 1)) {
                break;
            }
            let _ = t;
            k += 1;
        }
        if k == start {
            return start;
        }
        // Appositive: "said Peskov, the Kremlin spokesman."
        if k + 2 < n && self.text(k) == "," && contains(DETERMINERS, self.lower(k + 1)) {
            let mut m = k + 1;
            while m < n && self.is_word(m) && !self.in_quote[m] && !contains(NP_STOP, self.lower(m)) {
                m += 1;
            }
            if (k + 1..m).any(|x| LEXICONS.is_role(self.lower(x))) {
                k = m;
            }
        }
        k
    }

    /// End byte of a content piece ending before token `end`: drops a trailing
    /// comma or dash outside quotes but keeps a closing quote.
    fn trim_piece_end(&self, end: usize) -> usize {
        let mut e = end;
        while e > 0 {
            let t = self.toks[e - 1];
            let tt = t.text(self.body);
            if t.kind == TokKind::Punct && matches!(tt, "," | "—" | "–" | "-" | ";" | "(") {
                e -= 1;
            } else {
                break;
            }
        }
        if e == 0 {
            0
        } else {
            self.toks[e - 1].end
        }
    }

    /// A piece that starts inside a quote opened in an earlier sentence
    /// (multi-sentence or multi-paragraph quote) extends back to the quote's start.
    fn extend_to_quote_starts(&self, mut pieces: Vec<Span>) -> Vec<Span> {
        if let Some(first) = pieces.first_mut() {
            if let Some(q) =
                self.quotes.iter().find(|q| q.span.start < first.start && first.start < q.span.end)
            {
                first.start = q.span.start;
            }
        }
        pieces
    }

    fn speech_kind(&self, pieces: &[Span], lead: Option<SpeechKind>) -> SpeechKind {
        let mut quoted = 0usize;
        let mut total = 0usize;
        for p in pieces {
            let text = &self.body[p.start..p.end];
            total += text.trim().len();
            for q in self.quotes {
                if q.span.end <= p.start || q.span.start >= p.end {
                    continue;
                }
                quoted += q.span.intersection_len(p);
            }
        }
        if let Some(lead) = lead {
            return lead;
        }
        if quoted == 0 {
            SpeechKind::Indirect
        } else if quoted + 2 >= total {
            SpeechKind::Direct
        } else {
            SpeechKind::Mixed
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        si: usize,
        speaker: Speaker,
        cue_start: usize,
        cue_end: usize,
        pieces: Vec<Span>,
        kind: SpeechKind,
        strength: f32,
    ) {
        let cue_span = Span::new(self.toks[cue_start].start, self.toks[cue_end - 1].end);
        // "Trump, who has told aides he wants a wall, said …": a relative
        // clause's words end with the clause, at its closing comma.
        let mut pieces = pieces;
        let relative = matches!(speaker.mention.text.to_ascii_lowercase().as_str(), "who" | "which");
        if let (true, Some(last)) = (relative, pieces.last_mut()) {
            let closing = self.toks.iter().find(|t| {
                t.start >= last.start
                    && t.end <= last.end
                    && t.text(self.body) == ","
                    && !self.inside_quote(t.start)
            });
            if let Some(comma) = closing {
                last.end = comma.start;
            }
        }
        // "after the president announced it": an object pronoun is no content.
        if kind == SpeechKind::Indirect
            && pieces.len() == 1
            && matches!(
                self.body[pieces[0].start..pieces[0].end].trim().to_ascii_lowercase().as_str(),
                "it" | "this" | "that" | "so" | "them" | "him" | "her" | "these" | "those" | "something"
            )
        {
            return;
        }
        // Multi-paragraph quotes: a content quote that runs on past this sentence.
        if let Some(last) = pieces.last_mut() {
            if let Some(q) =
                self.quotes.iter().find(|q| q.span.start >= last.start && q.span.start < last.end)
            {
                if q.multi_paragraph && q.span.end > last.end {
                    last.end = q.span.end;
                }
            }
        }
        self.speakers.push((speaker.mention.span.start, speaker.clone()));
        self.statements.push(RawStatement {
            sentence: si,
            speaker: speaker.mention,
            principal: speaker.principal,
            proxy: speaker.proxy,
            anonymous: speaker.anonymous,
            cue_span,
            content_pieces: pieces,
            kind,
            confidence: (speaker.confidence * strength).clamp(0.0, 1.0),
            continues: None,
            outer: false,
        });
    }

    /// Resolves the speaker phrase `toks[start..end]` to actor, principal and proxy.
    fn resolve_speaker(&mut self, si: usize, start: usize, end: usize) -> Speaker {
        let mut speaker = self.resolve_speaker_phrase(si, start, end);
        speaker.principal = speaker.principal.map(|p| self.concrete_administration(p));
        speaker
    }

    /// The built-in `administration` has no head: with no actor file saying whose
    /// it is, it is the administration of the president the article names
    /// first without a nationality ("President Donald Trump" ->
    /// `donald-trump-administration`, which that president heads).
    fn concrete_administration(&self, principal: ActorId) -> ActorId {
        if principal.as_str() != crate::actors::GENERIC_ADMINISTRATION {
            return principal;
        }
        match self.names.first_with_bare_title("president") {
            Some(president) => crate::actors::administration_of(president),
            None => principal,
        }
    }

    fn resolve_speaker_phrase(&mut self, _si: usize, start: usize, end: usize) -> Speaker {
        let span = Span::new(self.toks[start].start, self.toks[end - 1].end);
        let text = self.body[span.start..span.end].to_string();
        let mention = |actor: Option<ActorId>| Mention { text: text.clone(), span, actor };
        // "Cruz himself": the name without the reflexive names the speaker.
        let end = if end - start > 1
            && matches!(self.lower(end - 1), "himself" | "herself" | "itself" | "themselves")
        {
            end - 1
        } else {
            end
        };
        // "Daniel Stone, who endorsed Lena Park", "Daniel Stone, a former aide
        // to Lena Park": the names after the comma are someone else's; the
        // name before it is the speaker.
        let end = match (start + 1..end).find(|&k| self.text(k) == ",") {
            Some(c)
                if c + 1 < end
                    && (names::is_capitalised(self.text(c - 1)) || self.text(c - 1) == ")")
                    && (matches!(self.lower(c + 1), "who" | "whose" | "which")
                        || (c + 1..end - 1).any(|k| {
                            LEXICONS.is_role(self.lower(k)) && matches!(self.lower(k + 1), "to" | "for")
                        })) =>
            {
                c
            }
            _ => end,
        };
        // Pronouns.
        if end - start == 1 && contains(PRONOUNS, self.lower(start)) {
            let w = self.lower(start).to_string();
            return match self.resolve_pronoun(&w, span.start) {
                Some(mut antecedent) => {
                    antecedent.mention = mention(antecedent.mention.actor.clone());
                    antecedent.confidence *= 0.75;
                    antecedent
                }
                None => Speaker {
                    mention: mention(None),
                    principal: None,
                    proxy: None,
                    anonymous: false,
                    confidence: 0.3,
                    plural: w == "they" || w == "we",
                },
            };
        }
        // The sentence's lowercase words, borrowed from the buffer (no copies).
        let (lower_buf, lower_rng) = (&self.lower_buf, &self.lower_rng);
        let lower: Vec<&str> = lower_rng.iter().map(|&(s, e)| &lower_buf[s..e]).collect();
        let mut found = Vec::new();
        self.names.scan(
            self.body,
            &self.toks,
            &lower,
            &self.in_quote,
            start..end,
            self.book,
            false,
            &mut found,
        );
        // "Trump, who has told aides …": a relative clause describes, its nouns are no role.
        let comma = (start..end).find(|&k| self.text(k) == ",");
        let relative = comma.is_some_and(|c| {
            c + 1 < end && matches!(lower[c + 1], "who" | "which" | "whose" | "whom" | "that")
        });
        let role_end = if relative { comma.unwrap_or(end) } else { end };
        // "a former Trump aide" no longer speaks for Trump.
        let former = |k: usize| k > start && matches!(lower[k - 1], "former" | "ex" | "onetime" | "one-time");
        let roles: Vec<usize> =
            (start..role_end).filter(|&k| LEXICONS.is_role(lower[k]) && !former(k)).collect();
        let press_secretary =
            (start..end.saturating_sub(1)).any(|k| lower[k] == "press" && lower[k + 1] == "secretary");
        let proxy_role = press_secretary || roles.iter().any(|&k| LEXICONS.is_proxy_role(lower[k]));
        let anonymous_role = roles.iter().any(|&k| LEXICONS.is_anonymous_role(lower[k]));
        let role_gender = roles.iter().find_map(|&k| names::role_gender(lower[k]));
        // "government spokesman" after "Valdoria's government said": that government.
        let lowercase_institution_word: Option<&str> = (start..end)
            .find(|&k| {
                !names::is_capitalised(self.text(k))
                    && matches!(lower[k], "government" | "administration" | "ministry" | "campaign")
            })
            .map(|k| lower[k]);
        // "her spokesman", "his aides": the possessor is the principal.
        let possessor: Option<ActorId> = if proxy_role || anonymous_role {
            (start..end).find(|&k| matches!(lower[k], "his" | "her" | "their")).and_then(|k| {
                let pronoun = match lower[k] {
                    "his" => "he",
                    "her" => "she",
                    _ => "they",
                };
                self.resolve_pronoun(pronoun, self.toks[k].start)
                    .and_then(|antecedent| antecedent.principal.or(antecedent.mention.actor))
            })
        } else {
            None
        };
        // "the spokesman", "the official": a definite role that names no one.
        let definite_role: Option<&str> =
            (lower[start] == "the").then(|| roles.last().map(|&k| lower[k])).flatten();
        // "a Russian diplomat": the nationality's government.
        let demonym: Option<String> = (start..end)
            .find(|&k| names::is_capitalised(self.text(k)) && LEXICONS.is_demonym(lower[k]))
            .map(|k| self.text(k).to_string());
        let plural = lower[end - 1].ends_with('s') && !names::is_capitalised(self.text(end - 1));
        let mut persons: Vec<&FoundName> = found.iter().filter(|f| f.kind == EntityKind::Person).collect();
        // "Sam Nunberg, a former Trump aide": the name before the comma is the
        // speaker; names after it describe (a principal, an employer).
        if let Some(c) = comma {
            let mut head = Vec::new();
            self.names.scan(
                self.body,
                &self.toks,
                &lower,
                &self.in_quote,
                start..c,
                self.book,
                false,
                &mut head,
            );
            if let Some(first) = head.iter().find(|f| f.kind == EntityKind::Person) {
                if let Some(k) = persons.iter().position(|p| p.id == first.id) {
                    let speaker = persons.remove(k);
                    persons.push(speaker);
                }
            }
        }
        let others: Vec<&FoundName> = found.iter().filter(|f| f.kind != EntityKind::Person).collect();
        // An institution mentioned by a lowercase word ("a senior administration official").
        let book = self.book;
        let lowercase_institution: Option<ActorId> = (start..end).find_map(|k| {
            if names::is_capitalised(self.text(k)) {
                return None;
            }
            // "Valdoria's government": the government of that place.
            if k >= start + 2
                && self.toks[k - 1].kind == TokKind::Possessive
                && names::is_capitalised(self.text(k - 2))
                && matches!(lower[k], "government" | "administration" | "ministry" | "cabinet" | "parliament")
            {
                return Some(ActorId::from_name(&format!("{} {}", self.text(k - 2), lower[k])));
            }
            book.resolve_normalized(lower[k])
                .filter(|a| a.kind != stanceshift_core::ActorKind::Person)
                .map(|a| a.id.clone())
        });
        let principal_of = |id: &ActorId| book.top_affiliation(id);
        // The person the phrase names: the one after a proxy role, else the last.
        if let Some(person) = persons.last() {
            let id = person.id.clone();
            let gender = person.gender.or(role_gender).or(self.names.gender(&id));
            if let Some(g) = gender {
                self.names.set_gender(&id, g);
            }
            if proxy_role {
                // Principal: another name in the phrase ("Putin spokesman Dmitry Peskov").
                // The actor file's word wins over the phrase's modifier.
                // Then "Her spokesman, Piet Halloran" (the possessor), the same
                // person's earlier statement, and "the spokesman, Oskar Lind" after
                // "her spokesman said" (the role's earlier speaker).
                let principal = book
                    .relations(&id)
                    .and_then(|r| r.spokesperson_for.clone())
                    .or_else(|| {
                        found.iter().find(|f| f.id != id).map(|f| {
                            if f.kind == EntityKind::Person {
                                f.id.clone()
                            } else {
                                principal_of(&f.id)
                            }
                        })
                    })
                    .or_else(|| lowercase_institution.clone())
                    .or_else(|| lowercase_institution_word.and_then(|w| self.earlier_institution(w)))
                    .or_else(|| possessor.clone())
                    .or_else(|| self.earlier_proxy_of(&id).and_then(|s| s.principal))
                    .or_else(|| {
                        definite_role.and_then(|r| self.earlier_role_speaker(r)).and_then(|s| s.principal)
                    })
                    .filter(|p| *p != id);
                return Speaker {
                    mention: mention(Some(id.clone())),
                    proxy: principal.as_ref().map(|_| ProxyKind::Spokesperson),
                    principal: principal.or(Some(id)),
                    anonymous: false,
                    confidence: 0.9,
                    plural: false,
                };
            }
            let relations = book.relations(&id);
            let (principal, proxy) = match relations {
                Some(r) if r.spokesperson_for.is_some() => {
                    (r.spokesperson_for.clone(), Some(ProxyKind::Spokesperson))
                }
                Some(r)
                    if r.head_of.is_none()
                        && book.get(&id).and_then(|a| a.affiliation.as_ref()).is_some() =>
                {
                    (Some(principal_of(&id)), Some(ProxyKind::Affiliate))
                }
                // "Peskov said" after "Dmitry Peskov, the Kremlin spokesman, said":
                // the role the article gave him still holds.
                _ => match self.earlier_proxy_of(&id) {
                    Some(earlier) => (earlier.principal, earlier.proxy),
                    None => (Some(id.clone()), None),
                },
            };
            return Speaker {
                mention: mention(Some(id)),
                principal,
                proxy,
                anonymous: false,
                confidence: 0.95,
                plural: false,
            };
        }
        // No person named.
        let institution = others.first().map(|f| f.id.clone()).or(lowercase_institution);
        if anonymous_role || proxy_role {
            // "The official said" after "a White House official said" is that official.
            if institution.is_none() && possessor.is_none() {
                if let Some(mut earlier) = definite_role.and_then(|r| self.earlier_role_speaker(r)) {
                    earlier.mention = mention(earlier.mention.actor.clone());
                    earlier.confidence *= 0.9;
                    return earlier;
                }
            }
            let principal = institution
                .as_ref()
                .map(principal_of)
                .or_else(|| possessor.clone())
                .or_else(|| demonym.as_deref().map(|d| ActorId::from_name(&format!("{d} government"))));
            let proxy = if proxy_role && !anonymous_role {
                ProxyKind::Spokesperson
            } else {
                ProxyKind::AnonymousOfficial
            };
            return Speaker {
                mention: mention(None),
                confidence: if principal.is_some() { 0.8 } else { 0.5 },
                proxy: principal.as_ref().map(|_| proxy),
                principal,
                anonymous: true,
                plural,
            };
        }
        if let Some(inst) = institution {
            let is_gov = book.get(&inst).is_some_and(|a| a.kind == stanceshift_core::ActorKind::Government);
            let principal = principal_of(&inst);
            return Speaker {
                mention: mention(Some(inst.clone())),
                proxy: (is_gov || principal != inst).then_some(ProxyKind::Institution),
                principal: Some(principal),
                anonymous: false,
                confidence: 0.85,
                plural: false,
            };
        }
        // A role description ("the president", "the former governor").
        let head = lower[end - 1];
        let mut described =
            book.resolve(&text).map(|a| a.id.clone()).or_else(|| self.names.by_title(head).cloned());
        if described.is_none()
            && end - start == 1
            && names::is_capitalised(self.text(start))
            && !names::is_not_name(head)
            && !LEXICONS.is_role(head)
        {
            // A single capitalised word the scan did not know ("Peskov said").
            described = Some(self.names.resolve_single(self.text(start), self.book).0);
        }
        match described {
            Some(id) => {
                let (principal, proxy) = match book.relations(&id) {
                    Some(r) if r.spokesperson_for.is_some() => {
                        (r.spokesperson_for.clone(), Some(ProxyKind::Spokesperson))
                    }
                    // "The president said": whoever heads something speaks for themself.
                    Some(r) if r.head_of.is_some() => (Some(id.clone()), None),
                    _ => (Some(principal_of(&id)), None),
                };
                let proxy =
                    proxy.or_else(|| principal.as_ref().filter(|p| **p != id).map(|_| ProxyKind::Affiliate));
                Speaker {
                    mention: mention(Some(id.clone())),
                    principal,
                    proxy,
                    anonymous: false,
                    confidence: 0.7,
                    plural: false,
                }
            }
            None => Speaker {
                mention: mention(None),
                principal: None,
                proxy: None,
                anonymous: false,
                confidence: 0.4,
                plural,
            },
        }
    }

    /// The latest earlier statement in which `id` spoke for someone else
    /// (a spokesperson's or affiliate's role, learned once per article).
    fn earlier_proxy_of(&self, id: &ActorId) -> Option<Speaker> {
        self.speakers
            .iter()
            .rev()
            .map(|(_, sp)| sp)
            .find(|sp| sp.mention.actor.as_ref() == Some(id) && sp.proxy.is_some() && sp.principal.is_some())
            .cloned()
    }

    /// The latest earlier speaker that is an institution of this kind
    /// ("government" -> `valdoria-government`), for "a government spokesman".
    fn earlier_institution(&self, word: &str) -> Option<ActorId> {
        let suffix = format!("-{word}");
        self.speakers.iter().rev().find_map(|(_, sp)| {
            sp.mention
                .actor
                .as_ref()
                .filter(|a| a.as_str().ends_with(&suffix))
                .map(|a| self.book.top_affiliation(a))
        })
    }

    /// The latest earlier speaker described by the role noun `role` ("official"),
    /// for a definite mention of it ("the official said").
    fn earlier_role_speaker(&self, role: &str) -> Option<Speaker> {
        self.speakers
            .iter()
            .rev()
            .map(|(_, sp)| sp)
            .find(|sp| {
                sp.principal.is_some()
                    && sp
                        .mention
                        .text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(role))
            })
            .cloned()
    }

    /// Nearest fitting antecedent for a pronoun at byte `at`: earlier in the
    /// same sentence, then the first fitting mention of each earlier sentence.
    fn resolve_pronoun(&self, pronoun: &str, at: usize) -> Option<Speaker> {
        let want_person = matches!(pronoun, "he" | "she" | "who" | "i");
        let want_plural = matches!(pronoun, "they" | "we");
        let gender = match pronoun {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let fits_gender = |g: Option<Gender>| match (gender, g) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let current = self.sentences.partition_point(|s| s.span.end <= at);
        // "The president said the ministers would meet. “…,” he said": the last
        // speaker, when they spoke in this sentence or the one before and fit,
        // before any other name the sentence mentions.
        if want_person && pronoun != "who" {
            if let Some((pos, sp)) = self.speakers.iter().rev().find(|(pos, _)| *pos < at) {
                let spoke_in = self.sentences.partition_point(|s| s.span.end <= *pos);
                let person = sp.mention.actor.as_ref().is_some_and(|id| {
                    self.names.kind(id).is_none_or(|k| k == EntityKind::Person)
                        && self.book.get(id).is_none_or(|a| a.kind == stanceshift_core::ActorKind::Person)
                });
                let fits = sp.mention.actor.as_ref().is_some_and(|id| fits_gender(self.names.gender(id)));
                if current.saturating_sub(spoke_in) <= 1 && person && fits && !sp.plural {
                    return Some(sp.clone());
                }
            }
        }
        // Candidate mentions: learned names outside quotes, plus earlier speakers.
        let mut best: Option<(usize, ActorId, EntityKind)> = None;
        let lo = current.saturating_sub(4);
        'sentences: for s in (lo..=current.min(self.sentences.len().saturating_sub(1))).rev() {
            let span = self.sentences[s].span;
            let upto = if s == current { at } else { span.end };
            let cands = self
                .names
                .mentions
                .iter()
                .filter(|m| m.span.start >= span.start && m.span.end <= upto && !m.in_quote);
            let mut chosen = None;
            for m in cands {
                // "they"/"it": an organisation or institution.
                let ok = if want_person {
                    m.kind == EntityKind::Person && fits_gender(m.gender.or(self.names.gender(&m.id)))
                } else {
                    m.kind != EntityKind::Person
                };
                if ok {
                    // Same sentence: nearest (last); earlier sentences: the subject (first).
                    if s == current {
                        chosen = Some(m);
                    } else {
                        chosen = Some(m);
                        break;
                    }
                }
            }
            if pronoun == "who" && s != current {
                break 'sentences;
            }
            if let Some(m) = chosen {
                best = Some((m.span.start, m.id.clone(), m.kind));
                break;
            }
        }
        // A recent anonymous/plural speaker for "they".
        if best.is_none() && want_plural {
            if let Some((_, sp)) = self.speakers.iter().rev().find(|(p, sp)| *p < at && sp.plural) {
                return Some(sp.clone());
            }
        }
        let (_, id, kind) = best?;
        // Reuse the principal analysis of an earlier statement by the same actor.
        if let Some((_, sp)) =
            self.speakers.iter().rev().find(|(_, sp)| sp.mention.actor.as_ref() == Some(&id))
        {
            return Some(sp.clone());
        }
        let book = self.book;
        let (principal, proxy) = match book.relations(&id) {
            Some(r) if r.spokesperson_for.is_some() => {
                (r.spokesperson_for.clone(), Some(ProxyKind::Spokesperson))
            }
            Some(r)
                if r.head_of.is_none() && book.get(&id).and_then(|a| a.affiliation.as_ref()).is_some() =>
            {
                (Some(book.top_affiliation(&id)), Some(ProxyKind::Affiliate))
            }
            _ => (Some(book.top_affiliation(&id)), None),
        };
        let proxy = proxy.or_else(|| (kind == EntityKind::Institution).then_some(ProxyKind::Institution));
        Some(Speaker {
            mention: Mention { text: String::new(), span: Span::new(at, at), actor: Some(id) },
            principal,
            proxy,
            anonymous: false,
            confidence: 0.8,
            plural: want_plural,
        })
    }
}

/// Words of a dating adverbial ("last week", "on Monday", "at the time").
fn is_time_word(w: &str) -> bool {
    contains(
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "week",
            "month",
            "year",
            "weekend",
            "morning",
            "afternoon",
            "evening",
            "night",
            "yesterday",
            "today",
            "tonight",
            "time",
            "earlier",
            "later",
            "recently",
            "last",
            "this",
            "on",
            "at",
            "in",
            "the",
            "past",
            "afterwards",
            "afterward",
            "then",
            "again",
            "too",
            "also",
            "repeatedly",
            "once",
            "twice",
            "previously",
            "jan.",
            "feb.",
            "march",
            "april",
            "may",
            "june",
            "july",
            "aug.",
            "sept.",
            "oct.",
            "nov.",
            "dec.",
            "january",
            "february",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        w,
    ) || w.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// End of a sentence's content: drops final punctuation outside quotes.
pub(crate) fn content_end(body: &str, sentence: Span) -> usize {
    let text = &body[sentence.start..sentence.end];
    let trimmed = text.trim_end_matches(['.', '!', '?', ';', ':', ',', ' ', '\n', '\t']);
    let trimmed = if trimmed.is_empty() { text } else { trimmed };
    sentence.start + trimmed.len()
}
