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
mod content;
mod coordination;
mod cues;
pub(crate) mod first_person;
mod lists;
mod phrases;
pub(crate) mod referents;
mod speakers;
pub(crate) mod statement_date;
#[cfg(test)]
mod tests;

use crate::actors::names::{self, EntityKind, FoundName, Names, ScanMode};
use crate::actors::{ActorBook, Gender};
use crate::lexicon::speech::{VerbInfo, LEXICONS};
use crate::text::quotes::Quote;
use crate::text::sentences::Sentence;
use crate::text::tokens::{tokenize_into, Tok, TokKind};
use lists::*;
use stanceshift_core::{ActorId, Mention, ProxyKind, Span, SpeechKind};
use stanceshift_timex::words;

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
            self.names.scan(
                self.body,
                &self.toks,
                &lower,
                &self.in_quote,
                0..n,
                self.book,
                ScanMode::RecordMentions,
                &mut found,
            );
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
        if (0..colon).any(|k| WORDS.colon_labels.contains(self.lower(k))) {
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
}

/// Words of a dating adverbial ("last week", "on Monday", "at the time").
fn is_time_word(w: &str) -> bool {
    [
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
    ]
    .contains(&w)
        || words::is_weekday(w)
        || words::is_month(w)
        || dotted_month(w)
        || w.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// A month abbreviation with its period, as this list always had them:
/// "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.". "mar.", "apr.",
/// "jun.", "jul." and "sep." were never time words here; kept so.
fn dotted_month(w: &str) -> bool {
    w.strip_suffix('.').and_then(words::month_abbreviation).is_some()
        && !matches!(w, "mar." | "apr." | "jun." | "jul." | "sep.")
}

/// End of a sentence's content: drops final punctuation outside quotes.
pub(crate) fn content_end(body: &str, sentence: Span) -> usize {
    let text = &body[sentence.start..sentence.end];
    let trimmed = text.trim_end_matches(['.', '!', '?', ';', ':', ',', ' ', '\n', '\t']);
    let trimmed = if trimmed.is_empty() { text } else { trimmed };
    sentence.start + trimmed.len()
}
