//! Speaker phrases: the noun phrase before a cue (`X said`, `X, the
//! Kremlin spokesman, said`), after it (`…, said X`), the subject of a
//! participle or coordinated verb, and the issuer of a document.

use super::*;

impl Attributor<'_> {
    /// For a document phrase `toks[s..e]` ("a statement", "a letter") right
    /// after a verb of issuing, the issuer's phrase and the verb's index
    /// (with its auxiliaries): "the campaign has issued a statement saying".
    pub(super) fn issuer_of(&self, s: usize, e: usize) -> Option<((usize, usize), usize)> {
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
        if !document || s == 0 || !DETERMINERS.contains(&self.lower(s)) {
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
        while start > 0 && self.is_word(start - 1) && WORDS.cue_adverbs.contains(self.lower(start - 1)) {
            start -= 1;
        }
        let issuer = self.speaker_left(start).or_else(|| self.speaker_before_time(start))?;
        Some((issuer, start))
    }

    /// A speaker phrase before a dating adverbial that precedes the cue at
    /// `cue_start`: "Ryan on Thursday declared", "Feinstein last week said".
    pub(super) fn speaker_before_time(&self, cue_start: usize) -> Option<(usize, usize)> {
        let mut k = cue_start;
        let mut dated = false;
        while k > 0 && cue_start - k < 4 && self.is_word(k - 1) && is_time_word(self.lower(k - 1)) {
            dated |= !["on", "at", "in", "the", "this", "last", "past"].contains(&self.lower(k - 1));
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
    pub(super) fn coordinated_subject(&self, cue_start: usize, participle: bool) -> Option<(usize, usize)> {
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
    pub(super) fn yield_to_coordinated(&mut self, cue_start: usize) -> bool {
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
    pub(super) fn main_subject(&self, before: usize) -> Option<(usize, usize)> {
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
        if ["but", "and", "yet", "so", "still", "meanwhile"].contains(&self.lower(s)) {
            s += 1;
            if s < n && self.text(s) == "," {
                s += 1;
            }
        }
        if s < n && (WORDS.adverbial_starts.contains(self.lower(s)) || self.lower(s).ends_with("ing")) {
            let comma = (s..n.min(s + 20)).find(|&k| self.text(k) == ",")?;
            s = comma + 1;
        }
        let mut e = s;
        while e < n && self.is_word(e) && !self.in_quote[e] {
            let w = self.lower(e);
            if e == s && PRONOUNS.contains(&w) && w != "it" && w != "who" {
                e += 1;
                break;
            }
            let ok = (e == s && DETERMINERS.contains(&w))
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
            return (lowercase && !["and", "or", "but", "who", "which", "that"].contains(&verb))
                .then_some((s, close));
        }
        // Its verb follows: a lowercase word, not "'s plan" or "and".
        let verb = self.lower(end);
        let lowercase = self.is_word(end) && !names::is_capitalised(self.text(end));
        (lowercase && !["and", "or", "but", "of", "to"].contains(&verb)).then_some((s, end))
    }

    /// The speaker phrase ending right before token `end` (exclusive), if any.
    pub(super) fn speaker_left(&self, end: usize) -> Option<(usize, usize)> {
        let j = end - 1;
        if self.in_quote[j] {
            return None;
        }
        let t = self.toks[j];
        if t.kind == TokKind::Word && PRONOUNS.contains(&self.lower(j)) {
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
            let interjection = WORDS.interjections.contains(first);
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
                        // "The group, Cyacq Acquisition Corp, said": an organisation's head word too.
                        let describes = |k: usize| {
                            LEXICONS.is_role(self.lower(k))
                                || crate::lexicon::NAME_WORDS.is_org_head(self.lower(k))
                                || matches!(self.lower(k), "firm" | "investor" | "bidder")
                        };
                        if role_end == p && (role_start..p).any(describes) {
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
        // Newswires mark a company in angle brackets: "<Qintex America Ltd> said".
        // The name inside speaks; the brackets are no part of it.
        if t.text(self.body) == ">" && j > 1 {
            let open = (j.saturating_sub(12)..j).rev().find(|&k| self.text(k) == "<")?;
            let inner = open + 1..j;
            // "Cadbury-Schweppes Plc <CADB.L> said": a ticker after the name;
            // the name before it speaks.
            let ticker = !inner.is_empty()
                && inner.clone().all(|k| {
                    let t = self.text(k);
                    t == "." || t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                })
                && inner.len() <= 3;
            if ticker {
                return self.noun_phrase_left(open).filter(|&(s, e)| e == open && s < e);
            }
            let all_words = inner.clone().all(|k| self.is_word(k) || matches!(self.text(k), "." | "&" | "-"));
            return (!inner.is_empty() && all_words && names::is_capitalised(self.text(open + 1)))
                .then_some((open + 1, j));
        }
        // "E.F. Hutton LBO Inc unit said", "its Chrysler Financial subsidiary said":
        // a part of a named company speaks as that part.
        if j > 0 && WORDS.company_parts.contains(self.lower(j)) {
            return self
                .noun_phrase_left(j)
                .filter(|&(s, e)| e == j && names::is_capitalised(self.text(e - 1)) && s < e)
                .map(|(s, _)| (s, end));
        }
        let phrase = self.noun_phrase_left(end);
        self.extend_over_of(phrase, end).or(phrase).or_else(|| self.quantity_left(end))
    }

    /// A share of people as speaker, as polls report them: "One in three
    /// said", "About four in 10 said", "most of them said", "all but two said".
    pub(super) fn quantity_left(&self, end: usize) -> Option<(usize, usize)> {
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
    pub(super) fn appositive_open(&self, j: usize) -> Option<usize> {
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
    pub(super) fn extend_over_of(
        &self,
        phrase: Option<(usize, usize)>,
        end: usize,
    ) -> Option<(usize, usize)> {
        let of = (end.saturating_sub(4)..end).rev().find(|&k| self.lower(k) == "of")?;
        if of == 0 || phrase.is_some_and(|(s, _)| s <= of) {
            return None;
        }
        let object_ok = (of + 1..end).all(|k| {
            self.is_word(k)
                && !self.in_quote[k]
                && (!NP_STOP_SET.contains(self.lower(k)) || DETERMINERS.contains(&self.lower(k)))
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
    pub(super) fn noun_phrase_left(&self, end: usize) -> Option<(usize, usize)> {
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
            if DETERMINERS.contains(&w) && !names::is_capitalised(t) || (DETERMINERS.contains(&w) && i == 0) {
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
            if NP_STOP_SET.contains(w) && !possessive && !inner_of && !role_in_place {
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
                |m: usize| m == 0 || !self.is_word(m - 1) || DETERMINERS.contains(&self.lower(m - 1));
            let compound = !ok
                && i + 3 >= end
                && (LEXICONS.is_role(self.lower(end - 1)) || LEXICONS.is_evidence(self.lower(end - 1)))
                && plain(i)
                && !NP_STOP_SET.contains(w)
                && (phrase_start(i)
                    || (plain(i - 1) && !NP_STOP_SET.contains(self.lower(i - 1)) && phrase_start(i - 1)));
            if compound {
                start = Some(i);
                k -= 1;
                continue;
            }
            if !ok {
                // Unknown lowercase word: part of the phrase only if a determiner is further left.
                let det = (i.saturating_sub(3)..i).rev().find(|&d| DETERMINERS.contains(&self.lower(d)));
                match det {
                    Some(d)
                        if (d + 1..i).all(|m| {
                            self.is_word(m) && !self.in_quote[m] && !NP_STOP_SET.contains(self.lower(m))
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
            || (DETERMINERS.contains(&self.lower(start)) && end - start >= 2)
            || self.lower(head).ends_with("ers")
            || self.lower(head).ends_with("ists")
            || self.lower(head).ends_with("ans");
        if !head_ok {
            return None;
        }
        // Drop sentence-initial non-name capitals ("But Trump said", "Later, …").
        let mut s = start;
        while s < head && names::is_not_name(self.lower(s)) && !DETERMINERS.contains(&self.lower(s)) {
            s += 1;
        }
        if names::is_not_name(self.lower(s)) && !DETERMINERS.contains(&self.lower(s)) {
            return None;
        }
        Some((s, end))
    }

    /// A speaker phrase starting at `start` (after "said" / "according to").
    /// Returns its exclusive end.
    pub(super) fn speaker_right(&self, start: usize) -> Option<usize> {
        let k = self.speaker_right_end(start);
        if k == start {
            return None;
        }
        let first = self.text(start);
        let first_lower = self.lower(start);
        let plausible = names::is_capitalised(first)
            || DETERMINERS.contains(&first_lower)
            || PRONOUNS.contains(&first_lower)
            || LEXICONS.is_role(first_lower)
            || LEXICONS.is_modifier(first_lower);
        plausible.then_some(k)
    }

    /// Exclusive end of the words that can make up a speaker phrase from `start`.
    pub(super) fn speaker_right_end(&self, start: usize) -> usize {
        let n = self.toks.len();
        let mut k = start;
        while k < n && k - start < 10 {
            if self.in_quote[k] || !self.is_word(k) {
                break;
            }
            let w = self.lower(k);
            let t = self.text(k);
            if k > start && NP_STOP_SET.contains(w) && !["of", "for", "with"].contains(&w) {
                break;
            }
            if k > start && ["of", "for", "with"].contains(&w) && !(k + 1 < n && self.is_word(k + 1)) {
                break;
            }
            let _ = t;
            k += 1;
        }
        if k == start {
            return start;
        }
        // Appositive: "said Peskov, the Kremlin spokesman."
        if k + 2 < n && self.text(k) == "," && DETERMINERS.contains(&self.lower(k + 1)) {
            let mut m = k + 1;
            while m < n && self.is_word(m) && !self.in_quote[m] && !NP_STOP_SET.contains(self.lower(m)) {
                m += 1;
            }
            if (k + 1..m).any(|x| LEXICONS.is_role(self.lower(x))) {
                k = m;
            }
        }
        k
    }
}
