//! Speakers: a phrase resolved to an actor, a principal and a proxy
//! (titles, roles, institutions, pronouns, earlier mentions).

use super::*;
use crate::actors::institutions;
use crate::lexicon::NAME_WORDS;

impl Attributor<'_> {
    /// Resolves the speaker phrase `toks[start..end]` to actor, principal and proxy.
    pub(super) fn resolve_speaker(&mut self, si: usize, start: usize, end: usize) -> Speaker {
        let mut speaker = self.resolve_speaker_phrase(si, start, end);
        speaker.principal = speaker.principal.map(|p| self.concrete_administration(p));
        self.no_corpus_wide_bodies(&mut speaker);
        screen_speaker(&mut speaker);
        speaker
    }

    /// A generic body the article never qualified ("the Finance Ministry")
    /// and an administration whose president the article never names are no
    /// one body across the corpus: the statement keeps its words but no such
    /// actor. An institution whose chain ends in that administration ("a
    /// White House official") speaks for the institution itself.
    fn no_corpus_wide_bodies(&self, speaker: &mut Speaker) {
        let book = self.book;
        let unresolved = |id: &ActorId| {
            id.as_str() == crate::actors::GENERIC_ADMINISTRATION
                || (book.get(id).is_none() && crate::actors::institutions::is_generic_body(id.as_str()))
        };
        if speaker.mention.actor.as_ref().is_some_and(unresolved) {
            // "The administration said" in an article naming its president.
            speaker.mention.actor = speaker
                .mention
                .actor
                .take()
                .map(|a| self.concrete_administration(a))
                .filter(|a| !unresolved(a));
        }
        if speaker.principal.as_ref().is_some_and(unresolved) {
            speaker.principal = speaker.mention.actor.clone();
            if speaker.principal.is_none() {
                speaker.proxy = None;
            }
        }
    }

    /// The built-in `administration` has no head: with no actor file saying whose
    /// it is, it is the administration of the president the article names
    /// first without a nationality ("President Donald Trump" ->
    /// `donald-trump-administration`, which that president heads).
    pub(super) fn concrete_administration(&self, principal: ActorId) -> ActorId {
        if principal.as_str() != crate::actors::GENERIC_ADMINISTRATION {
            return principal;
        }
        match self.names.first_with_bare_title("president") {
            Some(president) => crate::actors::administration_of(president),
            None => principal,
        }
    }

    pub(super) fn resolve_speaker_phrase(&mut self, _si: usize, start: usize, end: usize) -> Speaker {
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
        if end - start == 1 && PRONOUNS.contains(&self.lower(start)) {
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
            ScanMode::LookOnly,
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
                ScanMode::LookOnly,
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
            // "the Reagan administration": that president's, even in an
            // article that never calls him president.
            if k > start && lower[k] == "administration" && names::is_capitalised(self.text(k - 1)) {
                let word = self.text(k - 1);
                let known = book.resolve(word).filter(|a| a.kind == stanceshift_core::ActorKind::Person);
                let president = match known {
                    Some(actor) => Some(actor.id.clone()),
                    None => {
                        (!LEXICONS.is_demonym(lower[k - 1]) && !names::is_not_name(lower[k - 1])).then(|| {
                            self.names.person_by_surname(word).unwrap_or_else(|| ActorId::from_name(word))
                        })
                    }
                };
                if let Some(president) = president {
                    return Some(crate::actors::administration_of(&president));
                }
            }
            book.resolve_normalized(lower[k])
                .filter(|a| a.kind != stanceshift_core::ActorKind::Person)
                .map(|a| a.id.clone())
        });
        // "the Brazilian central bank", "the ministry", "a ministry official":
        // a generic body in lowercase, qualified by a nationality before it or
        // as the article qualified it before. A lone "bank" or "board" may
        // be a company's: only a lone "ministry" is looked up.
        let (toks, body_text) = (&self.toks, self.body);
        let cap = |k: usize| names::is_capitalised(toks[k].text(body_text));
        let lowercase_body: Option<ActorId> = (start..role_end)
            .rev()
            .find(|&k| !cap(k) && NAME_WORDS.body_heads.contains(lower[k]))
            .and_then(|head| {
                let mut from = head;
                while from > start
                    && !cap(from - 1)
                    && NAME_WORDS.body_words.contains(lower[from - 1])
                    && !matches!(lower[from - 1], "of" | "and")
                {
                    from -= 1;
                }
                if from == head && lower[head] != "ministry" {
                    return None;
                }
                let body = lower[from..=head].join("-");
                let demonym = |n: usize| {
                    (from >= start + n && (from - n..from).all(&cap))
                        .then(|| institutions::country_of(&lower[from - n..from].join("-")))
                        .flatten()
                };
                match demonym(2).or_else(|| demonym(1)) {
                    Some(country) => Some(self.names.qualify_body(&country, &body)),
                    None => self.names.qualified_body(&body),
                }
            });
        let lowercase_institution = lowercase_institution.or(lowercase_body);
        // "A White House official" in an article naming no president speaks
        // for the White House: the headless administration is no one body.
        let headless = self.names.first_with_bare_title("president").is_none();
        let principal_of = |id: &ActorId| {
            let top = book.top_affiliation(id);
            if headless && top.as_str() == crate::actors::GENERIC_ADMINISTRATION {
                id.clone()
            } else {
                top
            }
        };
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
    pub(super) fn earlier_proxy_of(&self, id: &ActorId) -> Option<Speaker> {
        self.speakers
            .iter()
            .rev()
            .map(|(_, sp)| sp)
            .find(|sp| sp.mention.actor.as_ref() == Some(id) && sp.proxy.is_some() && sp.principal.is_some())
            .cloned()
    }

    /// The latest earlier speaker that is an institution of this kind
    /// ("government" -> `valdoria-government`), for "a government spokesman".
    pub(super) fn earlier_institution(&self, word: &str) -> Option<ActorId> {
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
    pub(super) fn earlier_role_speaker(&self, role: &str) -> Option<Speaker> {
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
    pub(super) fn resolve_pronoun(&self, pronoun: &str, at: usize) -> Option<Speaker> {
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
        // "In a filing with the Securities and Exchange Commission, Heinz said
        // it bought the shares. It said …": "it" goes on with the organisation
        // that just spoke, not the first body the sentence names.
        if pronoun == "it" {
            if let Some((pos, sp)) = self.speakers.iter().rev().find(|(pos, _)| *pos < at) {
                let spoke_in = self.sentences.partition_point(|s| s.span.end <= *pos);
                let organisation = sp.mention.actor.as_ref().is_some_and(|id| {
                    self.names.kind(id).is_some_and(|k| k != EntityKind::Person)
                        || self.book.get(id).is_some_and(|a| a.kind != stanceshift_core::ActorKind::Person)
                });
                // The sentence before only: within its own sentence "it" takes the nearest body.
                if current.checked_sub(spoke_in) == Some(1) && organisation && !sp.plural {
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
                .filter(|m| m.span.start >= span.start && m.span.end <= upto && !m.in_quote)
                .filter(|m| !is_ticker(self.body, m.span));
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

/// Whether a speaker phrase is a group named after a person ("Sanders supporters").
fn is_follower_group(text: &str) -> bool {
    let head = text.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    crate::lexicon::ATTRIBUTION.follower_nouns.contains(&head.to_lowercase())
}

/// Places, datelines and junk never speak ([`names::screen`]): the statement
/// keeps its speaker's words but no actor; a country's words are its government's.
fn screen_speaker(speaker: &mut Speaker) {
    use crate::actors::names::{screen, Screened};
    // "some Sanders backers", "Mr. Sanders's supporters": a group around a
    // person speaks for nobody tracked, least of all the person it names.
    if is_follower_group(&speaker.mention.text) {
        speaker.mention.actor = None;
        speaker.principal = None;
        speaker.proxy = None;
        return;
    }
    let actor = speaker.mention.actor.clone();
    if let Some(id) = &actor {
        match screen(id) {
            Screened::Actor => {}
            Screened::Junk => {
                speaker.mention.actor = None;
                if speaker.principal.as_ref() == Some(id) {
                    speaker.principal = None;
                    speaker.proxy = None;
                }
            }
            Screened::Government(government) => {
                if speaker.principal.as_ref() == Some(id) {
                    speaker.principal = Some(government.clone());
                }
                speaker.mention.actor = Some(government);
            }
        }
    }
    if let Some(principal) = speaker.principal.clone() {
        match screen(&principal) {
            Screened::Actor => {}
            Screened::Junk => {
                speaker.principal = speaker.mention.actor.clone();
                speaker.proxy = None;
            }
            Screened::Government(government) => speaker.principal = Some(government),
        }
    }
}

/// A stock ticker in a wire's angle brackets ("<CADB.L>", "<GM>"): it
/// names the company just named before it and is never an antecedent.
fn is_ticker(body: &str, span: Span) -> bool {
    let before = body[..span.start].ends_with('<');
    let text = body.get(span.start..span.end).unwrap_or("");
    before
        && !text.is_empty()
        && text.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
}
