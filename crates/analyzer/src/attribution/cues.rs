//! Reporting cues: which reading of a verb applies ("told reporters that",
//! "declined to comment", "called the deal a disaster"), where its speaker
//! and content lie, and "according to".

use super::*;

impl Attributor<'_> {
    /// Handles a reporting verb at token `v`; returns the token index where
    /// scanning should resume when a statement was produced.
    pub(super) fn verb_cue(&mut self, si: usize, v: usize, infos: &[VerbInfo]) -> Option<usize> {
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
    pub(super) fn reading(&self, v: usize, infos: &[VerbInfo]) -> Option<VerbInfo> {
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

    pub(super) fn verb_reading(&mut self, si: usize, v: usize, info: VerbInfo) -> Option<usize> {
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
            if ["the", "a", "an", "his", "her", "their", "its", "this", "these", "new", "recent", "such"]
                .contains(&prev)
                || (["to"].contains(&prev) && !info.no_content)
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
            if ["is", "was", "were", "are", "been", "be", "being"].contains(&prev)
                && (self.lower(v).ends_with("ed") || ["told", "said", "written"].contains(&self.lower(v)))
            {
                return None;
            }
        }
        let mut kind = None;
        if info.no_content {
            if cue_end + 1 < n
                && self.lower(cue_end) == "to"
                && WORDS.no_comment_objects.contains(self.lower(cue_end + 1))
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
            && (WORDS.cue_adverbs.contains(self.lower(cue_start - 1)) || self.is_contraction(cue_start - 1))
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
        for tail in &WORDS.cue_tails {
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
            // "But in a statement Friday, Trump said: “…”": words after a colon
            // or an opening quote are the content, whatever came before.
            let announced = cue_end < n
                && (self.text(cue_end) == ":" || self.toks[cue_end].kind == TokKind::Quote)
                && cue_end + 1 < n;
            let trailing = !coordinated
                && !relative
                && !announced
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
                        || PREPOSITIONS.contains(&self.lower(k))
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
    pub(super) fn according_to(&mut self, si: usize, a: usize) -> Option<usize> {
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
}
