//! Content of a statement: what follows a cue (that-clause, colon, quote,
//! infinitive, bare clause) or precedes it, the clause tests that decide it,
//! and the trimming of content pieces before a statement is pushed.

use super::*;

impl Attributor<'_> {
    /// Content after the cue: `: …`, `that …`, a quote, or a bare clause.
    /// Returns the piece, whether it was a colon lead-in, and a confidence.
    /// `evidence`: the speaker is a poll or a study, whose findings need no
    /// that-clause ("a new poll shows Clinton leading"); `holder`: the
    /// speaker names someone (see [`Self::names_someone`]).
    pub(super) fn content_after(
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
                    || DETERMINERS.contains(&w)
                    || self.toks[k].kind == TokKind::Possessive
                    || LEXICONS.is_role(w)
                    || [
                        "reporters",
                        "journalists",
                        "lawmakers",
                        "supporters",
                        "voters",
                        "crowd",
                        "audience",
                        "newspaper",
                    ]
                    .contains(&w);
                if !np_word {
                    break;
                }
                seen += 1;
                k += 1;
                if ["him", "her", "them", "me", "us", "reporters", "journalists"].contains(&w) {
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
        // "said as a result it has extended …", "said as a result of the
        // filing, its offer …": a causal adverbial before the content.
        let c = self.skip_result_adverbial(c);
        if c >= n || self.toks[c].start >= end || !self.is_word(c) {
            return None;
        }
        let w = self.lower(c);
        // "said no business will be transacted": a negated subject opens the
        // content; "said no" and "said no to" are answers, no content.
        if matches!(w, "no" | "nothing")
            && c + 2 < n
            && self.is_word(c + 1)
            && self.lower(c + 1) != "to"
            && self.clause_follows(c + 1)
        {
            return Some((Span::new(self.toks[c].start, end), false, 0.8));
        }
        if [
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
        ]
        .contains(&w)
        {
            return None;
        }
        // Positions are not stated with a preposition next: "thinking about
        // it", "backed away", "opposed to".
        if (info.attitude || info.clause) && PREPOSITIONS.contains(&w) {
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
    pub(super) fn after_reporting_word(&self, start: usize) -> bool {
        if start == 0 {
            return false;
        }
        if ["whom", "what", "which", "whether", "if"].contains(&self.lower(start - 1)) {
            return true;
        }
        // "the plan that Trump supported", but not "the point is that Republicans think".
        if self.lower(start - 1) == "that"
            && !(start >= 2 && ["is", "was", "are", "were", "be", "'s", ","].contains(&self.lower(start - 2)))
        {
            return true;
        }
        (start.saturating_sub(4)..start).any(|k| {
            !self.in_quote[k]
                && self.is_word(k)
                && LEXICONS.verb(self.lower(k)).is_some_and(|infos| infos.iter().any(|i| !i.outer))
        })
    }

    /// End of the clause that starts `piece`: the first comma, dash or
    /// semicolon outside quotes, else the piece's end.
    pub(super) fn clause_end(&self, piece: Span) -> usize {
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
    pub(super) fn that_verb_at(&self, i: usize) -> bool {
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
            || NP_STOP_SET.contains(w)
            || PREPOSITIONS.contains(&w)
            || WORDS.cue_adverbs.contains(w)
            || WORDS.not_that_verbs.contains(w)
        {
            return false;
        }
        // "-s" forms are as often plural nouns ("the results that"): past forms only.
        let verb_form = w.ends_with("ed") && !LEXICONS.is_role(w);
        let after_subject = ["he", "she", "they", "we", "i", "who"].contains(&self.lower(i - 1))
            || WORDS.cue_adverbs.contains(self.lower(i - 1));
        (verb_form || after_subject) && self.clause_follows(i + 2)
    }

    /// Token `k` is "'s" for "is" or "has" after a pronoun ("he's hoping",
    /// "who's called for"), not a possessive.
    pub(super) fn is_contraction(&self, k: usize) -> bool {
        self.toks[k].kind == TokKind::Possessive
            && k > 0
            && ["he", "she", "it", "who", "that", "there", "what"].contains(&self.lower(k - 1))
    }

    /// Whether token `v` lies inside the content of a statement already found
    /// in this sentence.
    pub(super) fn inside_content(&self, v: usize) -> bool {
        let at = self.toks[v].start;
        self.statements[self.sentence_first..]
            .iter()
            .any(|st| st.content_pieces.iter().any(|p| p.start <= at && at < p.end))
    }

    /// The phrase `toks[start..end]` names a holder of a position: a name, a
    /// role, a poll, a pronoun or a group ("voters", "Republicans").
    pub(super) fn names_someone(&self, start: usize, end: usize) -> bool {
        let head = self.lower(end - 1);
        (names::is_capitalised(self.text(end - 1)) && !names::is_not_name(head))
            || LEXICONS.is_role(head)
            || LEXICONS.is_evidence(head)
            || (end - start == 1 && PRONOUNS.contains(&head))
            || head.ends_with("ers")
            || head.ends_with("ists")
            || head.ends_with("ans")
    }

    /// Start of an infinitive content at token `c`: "to repeal it", or an
    /// object and an infinitive ("wants Congress to act").
    pub(super) fn infinitive_start(&self, c: usize) -> Option<usize> {
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
                || DETERMINERS.contains(&w)
                || OBJECT_PRONOUNS.contains(&w)
                || LEXICONS.is_role(w)
                || self.toks[k].kind == TokKind::Possessive
                || (k > c && DETERMINERS.contains(&self.lower(c)) && !NP_STOP_SET.contains(w));
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
    pub(super) fn complement_follows(&self, c: usize) -> bool {
        let n = self.toks.len();
        let complement_at = |k: usize| {
            k < n
                && (self.toks[k].kind == TokKind::Quote
                    || (self.is_word(k) && {
                        let w = self.lower(k);
                        !NP_STOP_SET.contains(w)
                            && !PREPOSITIONS.contains(&w)
                            && !is_time_word(w)
                            && !["back", "up", "out", "off", "down", "next"].contains(&w)
                            && !names::is_capitalised(self.text(k))
                    }))
        };
        let first = self.lower(c);
        if OBJECT_PRONOUNS.contains(&first) {
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
            } else if NP_STOP_SET.contains(w) || PREPOSITIONS.contains(&w) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// A finite clause starts at token `c`: a subject, then an auxiliary,
    /// a modal or a past tense within a few words ("he will win", "Trump
    /// lost", "whether it matters").
    pub(super) fn clause_follows(&self, c: usize) -> bool {
        let n = self.toks.len();
        let first = self.lower(c);
        if ["whether", "if", "what", "how", "why", "who", "where", "when"].contains(&first) {
            return true;
        }
        // A subject: not a preposition, conjunction or adverb ("thinks so").
        let subject = PRONOUNS.contains(&first)
            || DETERMINERS.contains(&first)
            || ["there", "this", "these", "those", "all", "no"].contains(&first)
            || !NP_STOP_SET.contains(first) && !PREPOSITIONS.contains(&first) && !first.ends_with("ly");
        // "found himself embroiled": an object, not a subject.
        let object = ["him", "them", "me", "us", "himself", "herself", "themselves", "itself", "myself"]
            .contains(&first);
        if !self.is_word(c) || !subject || object {
            return false;
        }
        (c + 1..n.min(c + 12)).take_while(|&k| !matches!(self.text(k), ";" | ":")).any(|k| {
            let w = self.lower(k);
            self.toks[k].kind == TokKind::Possessive && k == c + 1
                || WORDS.finite_markers.contains(w)
                || w.ends_with("n't")
                || (w.ends_with("ed") && w.len() > 3 && !names::is_capitalised(self.text(k)))
        })
    }

    /// The words before token `end` are a fronted adverbial, not content:
    /// "On Oct. 3, Lopez said …", "At the time, Stone said …".
    pub(super) fn starts_with_adverbial(&self, end: usize) -> bool {
        let quoted = (0..end).any(|k| self.toks[k].kind == TokKind::Quote);
        !quoted && end <= 12 && WORDS.adverbial_starts.contains(self.lower(0))
    }

    /// True when the cue ends its clause: nothing but a dating adverbial,
    /// "in a statement" or punctuation follows ("…, Stone said on Monday."),
    /// or a comma does ("“…,” he said, “…”", "…, she said, adding …").
    pub(super) fn nothing_after_cue(&self, si: usize, cue_end: usize) -> bool {
        let n = self.toks.len();
        let end = content_end(self.body, self.sentences[si].span);
        let c = self.skip_time_adverbial(cue_end);
        c >= n || self.toks[c].start >= end || matches!(self.text(c), "," | ";" | "." | "—" | "(" | ":")
    }

    /// Skips "last week", "on Monday", "earlier this month", "at the time",
    /// "yesterday" right after a cue.
    /// Past "as a result" (and its "of …," complement) right after a cue, if there.
    pub(super) fn skip_result_adverbial(&self, c: usize) -> usize {
        let n = self.toks.len();
        let phrase = ["as", "a", "result"];
        if c + 3 >= n || !(0..3).all(|k| self.lower(c + k) == phrase[k]) {
            return c;
        }
        let mut k = c + 3;
        if self.lower(k) == "of" {
            match (k..n.min(k + 14)).find(|&m| self.text(m) == ",") {
                Some(comma) => k = comma,
                None => return c,
            }
        }
        if k < n && self.text(k) == "," {
            k += 1;
        }
        k
    }

    pub(super) fn skip_time_adverbial(&self, mut c: usize) -> usize {
        let n = self.toks.len();
        let start = c;
        while c < n && c < start + 5 && self.is_word(c) && is_time_word(self.lower(c)) {
            c += 1;
        }
        // Only skip when a real time word was consumed, not just "in the".
        let consumed_time =
            (start..c).any(|k| !["on", "at", "in", "the", "this", "last", "past"].contains(&self.lower(k)));
        if consumed_time {
            c
        } else {
            start
        }
    }

    /// End byte of a content piece ending before token `end`: drops a trailing
    /// comma or dash outside quotes but keeps a closing quote.
    pub(super) fn trim_piece_end(&self, end: usize) -> usize {
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
    pub(super) fn extend_to_quote_starts(&self, mut pieces: Vec<Span>) -> Vec<Span> {
        if let Some(first) = pieces.first_mut() {
            if let Some(q) =
                self.quotes.iter().find(|q| q.span.start < first.start && first.start < q.span.end)
            {
                first.start = q.span.start;
            }
        }
        pieces
    }

    pub(super) fn speech_kind(&self, pieces: &[Span], lead: Option<SpeechKind>) -> SpeechKind {
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
    pub(super) fn push(
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
}
