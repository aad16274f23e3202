//! Names learned from an article: capitalised sequences with an optional
//! title ("President Donald Trump", "Sen. Ted Cruz") become actors with id
//! `ActorId::from_name(full name)`; later surname-only mentions ("Trump") and
//! title-only mentions ("the president") in the same article map to them.
//! The [`ActorBook`] wins whenever it knows the full name or the surname.

use crate::actors::{institutions, normalize_name, ActorBook, Gender};
use crate::lexicon::speech::LEXICONS;
use crate::lexicon::{NAME_WORDS, PLACES};
use crate::text::tokens::{Tok, TokKind};
use crate::FastMap;
use stanceshift_core::{ActorId, ActorKind, Span};
use stanceshift_timex::words;

/// Whether a mention denotes a person, an organisation or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityKind {
    Person,
    Institution,
    Organization,
}

/// One occurrence of a name in the text.
#[derive(Debug, Clone)]
pub(crate) struct NameMention {
    pub span: Span,
    pub id: ActorId,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
    pub in_quote: bool,
}

pub(crate) fn is_not_name(lower: &str) -> bool {
    NAME_WORDS.not_names.contains(lower)
        || words::is_weekday(lower)
        || words::is_month(lower)
        || dotted_month(lower)
}

/// A month abbreviation with its period, as this list always had them
/// ("jan.", "sept.", "sep.", …): "jun." and "jul." were never in it; kept so.
fn dotted_month(lower: &str) -> bool {
    lower.strip_suffix('.').and_then(words::month_abbreviation).is_some() && !matches!(lower, "jun." | "jul.")
}

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether [`Names::scan`] keeps what it finds as the article's name mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScanMode {
    /// The article's own pass over a sentence: found names become mentions
    /// (for referents and later pronouns).
    RecordMentions,
    /// A look inside a speaker phrase: names are learned but not recorded again.
    LookOnly,
}

/// Article-local actors learned from names in the text.
#[derive(Debug, Default)]
pub(crate) struct Names {
    /// Every name occurrence, in text order.
    pub mentions: Vec<NameMention>,
    /// Surname (normalized) -> person id.
    surnames: FastMap<String, ActorId>,
    /// Title (normalized, "president") -> person id, the latest one.
    titles: FastMap<String, ActorId>,
    genders: FastMap<ActorId, Gender>,
    kinds: FastMap<ActorId, EntityKind>,
    /// Title -> the first person given it without a nationality ("President
    /// Donald Trump", not "Russian President Vladimir Putin").
    first_bare_titles: FastMap<String, ActorId>,
    /// The title being learned was qualified by a nationality.
    qualified_title: bool,
    /// Generic bodies the article qualified: the body (`finance-ministry`,
    /// and for a ministry its head word `ministry`) -> the latest qualified
    /// id (`japan-finance-ministry`), for its later bare mentions.
    bodies: FastMap<String, ActorId>,
}

/// A resolved name sequence inside a token range.
#[derive(Debug, Clone)]
pub(crate) struct FoundName {
    pub id: ActorId,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
}

impl Names {
    pub fn gender(&self, id: &ActorId) -> Option<Gender> {
        self.genders.get(id).copied()
    }

    /// What the article showed `id` to be, if it learned it.
    pub fn kind(&self, id: &ActorId) -> Option<EntityKind> {
        self.kinds.get(id).copied()
    }

    pub fn by_title(&self, title: &str) -> Option<&ActorId> {
        self.titles.get(title)
    }

    /// The person the article learned with this surname ("Reagan" -> `ronald-reagan`).
    pub fn person_by_surname(&self, word: &str) -> Option<ActorId> {
        self.surnames.get(&normalize_name(word)).cloned()
    }

    /// The first person the article gives `title` without a nationality.
    pub fn first_with_bare_title(&self, title: &str) -> Option<&ActorId> {
        self.first_bare_titles.get(title)
    }

    /// Finds capitalised name sequences in `toks[range]`, learning new actors.
    /// `lower[i]` is the lowercase text of token i.
    #[allow(clippy::too_many_arguments)]
    pub fn scan(
        &mut self,
        body: &str,
        toks: &[Tok],
        lower: &[&str],
        in_quote: &[bool],
        range: std::ops::Range<usize>,
        book: &ActorBook,
        mode: ScanMode,
        out: &mut Vec<FoundName>,
    ) {
        let mut i = range.start;
        while i < range.end {
            let t = toks[i];
            if t.kind != TokKind::Word || !is_capitalised(t.text(body)) {
                i += 1;
                continue;
            }
            // Title words before the name; a nationality before the title
            // ("Russian President Vladimir Putin") belongs to it, and marks it.
            let (mut title_len, mut title) = match_title(lower, i, range.end);
            let mut qualified = false;
            if title_len == 0 && LEXICONS.is_demonym(lower[i]) && i + 1 < range.end {
                let (len, t) = match_title(lower, i + 1, range.end);
                if len > 0 {
                    (title_len, title, qualified) = (len + 1, t, true);
                }
            }
            self.qualified_title = qualified;
            let mut start = i + title_len;
            let titled = title_len > 0;
            // Skip non-name capitalised words (sentence-initial "The", days...).
            if !titled && is_not_name(lower[i]) {
                i += 1;
                continue;
            }
            let mut end = start;
            while end < range.end {
                let w = toks[end];
                let text = w.text(body);
                let capital = is_capitalised(text) && !is_not_name(lower[end]);
                // Particles inside a name: "Charles de Gaulle".
                let particle = NAME_WORDS.particles.contains(lower[end])
                    && end > start
                    && end + 1 < range.end
                    && is_capitalised(toks[end + 1].text(body));
                // "Bank of England", "Ministry of Defence": "of" after an
                // institution's head word is part of its name.
                let of_institution = lower[end] == "of"
                    && end > start
                    && NAME_WORDS.is_org_head(lower[end - 1])
                    && end + 1 < range.end
                    && is_capitalised(toks[end + 1].text(body))
                    && !is_not_name(lower[end + 1]);
                // "Securities and Exchange Commission", "Ministry of Trade and
                // Industry": "and" between a body's subject words.
                let and_in_body = lower[end] == "and"
                    && end > start
                    && end + 1 < range.end
                    && is_capitalised(toks[end + 1].text(body))
                    && NAME_WORDS.body_words.contains(lower[end + 1])
                    && ((start..end).any(|k| lower[k] == "of")
                        || (end + 1..range.end)
                            .take_while(|&k| is_capitalised(toks[k].text(body)))
                            .last()
                            .is_some_and(|k| NAME_WORDS.is_org_head(lower[k])));
                if w.kind == TokKind::Word && (capital || particle || of_institution || and_in_body) {
                    end += 1;
                } else {
                    break;
                }
            }
            if end == start {
                // A bare title ("President said"): nothing to learn.
                i = start.max(i + 1);
                continue;
            }
            // "General Motors Corp", "General Electric Co": a title word that
            // starts a company's name is part of it.
            if titled && !qualified && NAME_WORDS.is_legal_form(lower[end - 1]) {
                start = i;
                title = None;
            }
            // "Kremlin spokesman": a lone capitalised modifier before a role noun is an institution.
            let found = self.classify(body, toks, lower, start, end, title.as_deref(), book);
            if let Some(found) = found {
                if mode == ScanMode::RecordMentions {
                    self.mentions.push(NameMention {
                        span: Span::new(toks[start].start, toks[end - 1].end),
                        id: found.id.clone(),
                        kind: found.kind,
                        gender: found.gender,
                        in_quote: in_quote[start],
                    });
                }
                out.push(found);
            }
            start = end;
            i = start;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn classify(
        &mut self,
        body: &str,
        toks: &[Tok],
        lower: &[&str],
        start: usize,
        end: usize,
        title: Option<&str>,
        book: &ActorBook,
    ) -> Option<FoundName> {
        let full = &body[toks[start].start..toks[end - 1].end];
        let full_key = normalize_name(full);
        let title_gender = title.and_then(title_gender);
        let mk = |id: ActorId, kind: EntityKind, gender: Option<Gender>| FoundName { id, kind, gender };
        if let Some(actor) = book.resolve_normalized(&full_key) {
            let kind = entity_kind(actor.kind);
            let gender = book.relations(&actor.id).and_then(|r| r.gender).or(title_gender);
            let id = actor.id.clone();
            self.learn(&id, kind, gender, title, None);
            return Some(mk(id, kind, gender));
        }
        let last_lower = lower[end - 1];
        // "the Bank", "the Ministry": the institution of that kind the article
        // named last ("the Bank of England"); a bare head word names no one.
        if end - start == 1
            && NAME_WORDS.is_org_head(last_lower)
            && !NAME_WORDS.org_names.contains(last_lower)
        {
            let named = self
                .mentions
                .iter()
                .rev()
                .find(|m| {
                    m.kind != EntityKind::Person && m.id.as_str().split('-').any(|part| part == last_lower)
                })
                .map(|m| m.id.clone())?;
            return Some(mk(named, EntityKind::Organization, None));
        }
        // "the Ministry of Finance", "the Finance Ministry of Japan": a
        // generic body's name may end in its subject or its country.
        let body_name = || {
            let id = company_id(full);
            let id = id.as_str();
            // Only a name ending in a body head or holding "of" can be one.
            let last = id.rsplit('-').next().unwrap_or(id);
            (NAME_WORDS.body_heads.contains(last) || id.contains("-of-"))
                && (institutions::split_country(id).is_some()
                    || institutions::is_generic_body(&institutions::normal_body(id)))
        };
        if NAME_WORDS.is_org_head(last_lower)
            || (end - start == 1 && full.len() > 1 && full.chars().all(|c| c.is_uppercase() || c == '.'))
            || (end - start >= 3 && body_name())
        {
            let id = self.body_id(company_id(full), toks, lower, start, book);
            self.learn(&id, EntityKind::Organization, None, None, None);
            return Some(mk(id, EntityKind::Organization, None));
        }
        if end - start >= 2 {
            // A full personal name, without the titles run into it ("Finance
            // Minister Kiichi Miyazawa"), middle initials and honorifics; the
            // book may know that name or the surname.
            let kept = person_name(body, toks, lower, start, end);
            let surname_at = kept
                .iter()
                .rev()
                .find(|&&k| !NAME_WORDS.suffixes.contains(id_word(lower[k])))
                .copied()
                .unwrap_or(end - 1);
            let surname = normalize_name(lower[surname_at]);
            let name = kept.iter().map(|&k| toks[k].text(body)).collect::<Vec<_>>().join(" ");
            let id = match book
                .resolve_normalized(&normalize_name(&name))
                .or_else(|| book.resolve_normalized(&surname))
            {
                Some(actor) if actor.kind == ActorKind::Person => actor.id.clone(),
                _ => ActorId::from_name(&name),
            };
            let gender = book.relations(&id).and_then(|r| r.gender).or(title_gender).or(self.gender(&id));
            self.learn(&id, EntityKind::Person, gender, title, Some(surname));
            return Some(mk(id, EntityKind::Person, gender));
        }
        // A single capitalised word: a known surname, or a titled name ("President Putin").
        if let Some(id) = self.surnames.get(&full_key).cloned() {
            let gender = self.gender(&id).or(title_gender);
            self.learn(&id, EntityKind::Person, gender, title, None);
            return Some(mk(id, EntityKind::Person, gender));
        }
        if title.is_some() {
            let id = ActorId::from_name(full);
            self.learn(&id, EntityKind::Person, title_gender, title, Some(full_key));
            return Some(mk(id, EntityKind::Person, title_gender));
        }
        None
    }

    /// A generic body's id qualified by the country the text gives, in the
    /// name ("the Japanese Finance Ministry", "the Finance Ministry of
    /// Japan"), before it ("Japan's Finance Ministry") or earlier in the
    /// article; a bare one the article never qualified stays bare (the
    /// speaker's resolution decides). Other ids, and the book's, are kept.
    pub fn body_id(
        &mut self,
        id: ActorId,
        toks: &[Tok],
        lower: &[&str],
        start: usize,
        book: &ActorBook,
    ) -> ActorId {
        if book.get(&id).is_some() {
            return id;
        }
        if let Some((country, body)) = institutions::split_country(id.as_str()) {
            // "the U.S. Justice Department": a body the book knows keeps its id.
            if let Some(known) = book.get(&ActorId::new(body.as_str())) {
                return known.id.clone();
            }
            return self.qualify_body(&country, &body);
        }
        let body = institutions::normal_body(id.as_str());
        if !institutions::is_generic_body(&body) {
            return id;
        }
        let possessor = (start >= 2 && toks[start - 1].kind == TokKind::Possessive)
            .then(|| institutions::country_of(ActorId::from_name(lower[start - 2]).as_str()))
            .flatten();
        match possessor {
            Some(country) => self.qualify_body(&country, &body),
            // "Exchange Commission" in a phrase after "the Securities and
            // Exchange Commission": the article's longer name for it.
            None => self.qualified_body(&body).unwrap_or_else(|| {
                let suffix = format!("-{body}");
                let longer = self.mentions.iter().rev().find(|m| m.id.as_str().ends_with(&suffix));
                longer.map_or_else(|| ActorId::new(body), |m| m.id.clone())
            }),
        }
    }

    /// The qualified id the article gave a generic body (`finance-ministry`,
    /// or a bare `ministry`), if it did.
    pub fn qualified_body(&self, body: &str) -> Option<ActorId> {
        self.bodies.get(body).cloned()
    }

    /// Learns `country`'s `body` as the article's, and returns its id.
    pub fn qualify_body(&mut self, country: &str, body: &str) -> ActorId {
        let id = institutions::qualified(country, body);
        self.bodies.insert(body.to_string(), id.clone());
        // "the ministry": the latest ministry the article qualified.
        if let Some(head @ "ministry") = body.rsplit('-').next() {
            self.bodies.insert(head.to_string(), id.clone());
        }
        id
    }

    fn learn(
        &mut self,
        id: &ActorId,
        kind: EntityKind,
        gender: Option<Gender>,
        title: Option<&str>,
        surname: Option<String>,
    ) {
        self.kinds.entry(id.clone()).or_insert(kind);
        if let Some(g) = gender {
            self.genders.insert(id.clone(), g);
        }
        if let Some(t) = title {
            if !matches!(t, "mr." | "mrs." | "ms." | "miss" | "dr.") {
                self.titles.insert(t.to_string(), id.clone());
                if !self.qualified_title && kind == EntityKind::Person {
                    self.first_bare_titles.entry(t.to_string()).or_insert_with(|| id.clone());
                }
            }
        }
        if let Some(s) = surname {
            self.surnames.entry(s).or_insert_with(|| id.clone());
        }
    }

    /// Resolves a single capitalised word used as a speaker ("Peskov said")
    /// that the scan did not classify: learned surname, book alias, or a new actor.
    pub fn resolve_single(&mut self, word: &str, book: &ActorBook) -> (ActorId, EntityKind) {
        let key = normalize_name(word);
        if let Some(actor) = book.resolve_normalized(&key) {
            return (actor.id.clone(), entity_kind(actor.kind));
        }
        if let Some(id) = self.surnames.get(&key) {
            return (id.clone(), EntityKind::Person);
        }
        let id = ActorId::from_name(word);
        self.learn(&id, EntityKind::Person, None, None, Some(key));
        (id, EntityKind::Person)
    }

    pub fn set_gender(&mut self, id: &ActorId, gender: Gender) {
        self.genders.entry(id.clone()).or_insert(gender);
    }
}

/// A company's id from its name, without the legal form ("Chrysler Corp" ->
/// `chrysler`, "Qintex America Ltd" -> `qintex-america`), so a company is one
/// actor however the story names it. A name whose rest is one generic word
/// ("Electric Co") keeps its legal form: it names no one company.
pub(crate) fn company_id(name: &str) -> ActorId {
    let full = ActorId::from_name(name);
    let mut parts: Vec<&str> = full.as_str().split('-').collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| NAME_WORDS.legal_forms.contains(*p)) {
        parts.pop();
    }
    let generic = parts.len() == 1 && NAME_WORDS.generic_company_words.contains(parts[0]);
    if generic || parts.len() == full.as_str().split('-').count() {
        return full;
    }
    ActorId::new(parts.join("-"))
}

/// A token's word as an id segment: lowercase, without its period ("jr." -> "jr").
fn id_word(lower: &str) -> &str {
    lower.trim_end_matches('.')
}

/// Title words that can run into a personal name ("Agriculture Minister
/// Achmad Affandi", "Federal Reserve Board Chairman Paul Volcker"): every word
/// of a title in the lexicon that can end one, and a few more.
static TITLE_WORDS: std::sync::LazyLock<crate::FastSet<String>> = std::sync::LazyLock::new(|| {
    const NOT_HEADS: &[&str] =
        &["of", "state", "defense", "treasury", "vice", "foreign", "prime", "press", "attorney"];
    const MORE: &[&str] = &[
        "chief",
        "executive",
        "officer",
        "exchequer",
        "premier",
        "leader",
        "adviser",
        "advisor",
        // "FBI General Counsel James A. Baker", "Agriculture Undersecretary Daniel Amstutz",
        // "Democrat Hillary Clinton": a party label before a name is no part of it.
        "counsel",
        "undersecretary",
        "democrat",
        "republican",
        // "investor Martin Sosnoff", "financier Carl Icahn": a description, no part of the name.
        "investor",
        "financier",
        "analyst",
        "economist",
    ];
    LEXICONS
        .titles
        .iter()
        .flatten()
        .map(|w| id_word(w).to_string())
        .filter(|w| !NOT_HEADS.contains(&w.as_str()))
        .chain(MORE.iter().map(|w| w.to_string()))
        .chain(NAME_WORDS.honorifics.iter().cloned())
        .collect()
});

/// The tokens of `toks[start..end]` that make a person's canonical name:
/// after the last title word with a name after it, without honorifics and
/// middle initials ("Donald J. Trump" -> Donald Trump); a generational suffix
/// ("Jr.") stays, so a son is not his father.
pub(crate) fn person_name(body: &str, toks: &[Tok], lower: &[&str], start: usize, end: usize) -> Vec<usize> {
    let is_name_word = |k: usize| !NAME_WORDS.suffixes.contains(id_word(lower[k]));
    let mut from = (start..end)
        .rev()
        .find(|&k| TITLE_WORDS.contains(id_word(lower[k])) && (k + 1..end).any(is_name_word))
        .map_or(start, |k| k + 1);
    // "Secretary of Commerce Malcolm Baldrige": the title's department, after its "of".
    let after_of = from == start
        && start >= 2
        && lower[start - 1] == "of"
        && TITLE_WORDS.contains(id_word(lower[start - 2]));
    // "U.S. Volcker": a dotted country before the name is no part of it.
    let dotted_country = |k: usize| {
        toks[k].text(body).contains('.') && PLACES.countries.contains(ActorId::from_name(lower[k]).as_str())
    };
    while from + 1 < end && ((after_of && from == start && end - start >= 3) || dotted_country(from)) {
        from += 1;
    }
    let words: Vec<usize> = (from..end).collect();
    let names = words.iter().filter(|&&k| is_name_word(k)).count();
    let last_name = words.iter().rev().find(|&&k| is_name_word(k)).copied();
    words
        .iter()
        .copied()
        .filter(|&k| {
            let word = id_word(lower[k]);
            let initial = word.chars().count() == 1
                && toks[k].text(body).chars().next().is_some_and(char::is_uppercase)
                && Some(k) != last_name
                && k != from;
            !(initial && names >= 3)
        })
        .collect()
}

/// What a speaker id found in the text is, before it becomes an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Screened {
    /// An actor as it is.
    Actor,
    /// No actor: a place of the dateline, a figure, a letter, a pronoun fragment.
    Junk,
    /// A country speaking: its government.
    Government(ActorId),
}

/// Places, datelines and junk are never actors: a city or US state
/// ("WASHINGTON, March 3 -", "ST. PAUL, Minn."), a single letter, a pronoun
/// contraction (`i-d`, `i-ve`), a figure (`u-s-dlrs`), an interview label
/// (`q-mr-president`). A country speaks for its government.
pub(crate) fn screen(id: &ActorId) -> Screened {
    let id = id.as_str();
    let parts: Vec<&str> = id.split('-').collect();
    if PLACES.countries.contains(id) {
        let country = institutions::canonical_country(id);
        return Screened::Government(ActorId::new(format!("{country}-government")));
    }
    let pronoun = matches!(parts[0], "i" | "you" | "we" | "he" | "she" | "they" | "it");
    let junk = PLACES.locations.contains(id)
        || (parts.len() == 1 && id.chars().count() == 1)
        || (parts.len() == 2 && pronoun && matches!(parts[1], "d" | "ve" | "ll" | "m" | "re" | "s"))
        || parts.last().is_some_and(|p| NAME_WORDS.units.contains(*p))
        || (parts.len() > 1 && parts[0] == "q")
        // "Co said": a legal form alone, the company's name lost.
        || parts.iter().all(|p| NAME_WORDS.legal_forms.contains(*p));
    if junk {
        Screened::Junk
    } else {
        Screened::Actor
    }
}

pub(crate) fn entity_kind(kind: ActorKind) -> EntityKind {
    match kind {
        ActorKind::Person => EntityKind::Person,
        ActorKind::Government => EntityKind::Institution,
        ActorKind::Organization => EntityKind::Organization,
    }
}

fn title_gender(title: &str) -> Option<Gender> {
    match title {
        "mr." | "mr" | "king" | "prince" | "chairman" | "spokesman" => Some(Gender::Male),
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "queen" | "chairwoman" | "spokeswoman" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// Gender implied by a role noun ("spokeswoman", "congressman").
pub(crate) fn role_gender(lower: &str) -> Option<Gender> {
    if lower.ends_with("woman") || lower.ends_with("women") {
        Some(Gender::Female)
    } else if lower.ends_with("man") || lower.ends_with("men") {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Longest title from the lexicon starting at token `i` ("secretary of state").
/// Returns its token length and its normalized text.
pub(crate) fn match_title(lower: &[&str], i: usize, end: usize) -> (usize, Option<String>) {
    if !LEXICONS.title_starts.contains(lower[i]) {
        return (0, None);
    }
    for title in &LEXICONS.titles {
        if i + title.len() < end && title.iter().enumerate().all(|(k, w)| lower[i + k] == w) {
            return (title.len(), Some(title.join(" ")));
        }
    }
    (0, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_sorts_out_places_and_junk() {
        let check = |id: &str, expect: Screened| assert_eq!(screen(&ActorId::new(id)), expect, "{id}");
        for junk in [
            "washington",
            "tokyo",
            "london",
            "minn",
            "u-s-dlrs",
            "p",
            "i-d",
            "i-ve",
            "q-mr-president",
            "co",
            "co-inc",
        ] {
            check(junk, Screened::Junk);
        }
        for actor in ["paul-volcker", "reagan", "bank-of-japan", "i-b-m", "jaime-ongpin"] {
            check(actor, Screened::Actor);
        }
        check("japan", Screened::Government(ActorId::new("japan-government")));
        check("u-s", Screened::Government(ActorId::new("united-states-government")));
    }

    /// Regression (Reuters-21578): "Chrysler Corp" and "Chrysler" were two
    /// actors (`chrysler-corp` 40 statements, `chrysler` 31).
    #[test]
    fn company_ids_leave_the_legal_form_out_unless_the_rest_is_generic() {
        let id = |name: &str| company_id(name).to_string();
        assert_eq!(id("Chrysler Corp"), "chrysler");
        assert_eq!(id("Qintex America Ltd"), "qintex-america");
        assert_eq!(id("Texaco Inc."), "texaco");
        assert_eq!(id("Electric Co"), "electric-co");
        assert_eq!(id("Bank of Japan"), "bank-of-japan");
    }
}
