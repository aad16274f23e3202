//! Canonical actors: the [`ActorBook`] (built-in generic institutions plus a
//! user `actors.toml`) and the per-article names learned from the text.
//!
//! # The actor file
//!
//! ```toml
//! [[actor]]
//! id = "donald-trump"              # optional: defaults to ActorId::from_name(name)
//! name = "Donald Trump"
//! kind = "person"                  # person (default) | government | organization
//! aliases = ["Trump", "President Trump", "the president"]
//! gender = "male"                  # optional: male | female, helps resolve "he"/"she"
//! head_of = "trump-administration" # optional: this person leads that institution
//!
//! [[actor]]
//! id = "trump-administration"
//! name = "Trump administration"
//! kind = "government"
//! aliases = ["the administration", "the White House"]
//!
//! [[actor]]
//! name = "Marco Rubio"
//! affiliation = "trump-administration"   # speaks for the administration
//!
//! [[actor]]
//! name = "Dmitry Peskov"
//! spokesperson_for = "vladimir-putin"    # a spokesperson: principal is that actor
//! ```
//!
//! # Principals
//!
//! A statement counts for its *principal*:
//! - a named spokesperson (`spokesperson_for`, or "Kremlin spokesman Dmitry
//!   Peskov" in the text) speaks for that actor ([`ProxyKind::Spokesperson`]);
//! - an institution ("the Kremlin", "the State Department") and an unnamed
//!   official of one ("a White House official") speak for the institution at
//!   the top of its affiliation chain ([`ProxyKind::Institution`],
//!   [`ProxyKind::AnonymousOfficial`]): `white-house -> trump-administration`;
//! - a person with an `affiliation` who heads nothing speaks for the top of that
//!   chain ([`ProxyKind::Affiliate`]);
//! - anyone else speaks for themself (principal = their own actor, no proxy).
//!
//! The principal of an administration's officials is the administration, not
//! the president: the words are the administration's. Analyses that must see
//! them among the president's commitments ask [`ActorBook::head`] for the
//! head of the principal (`trump-administration -> donald-trump`) or use
//! [`ActorBook::counts_toward`], which lists the principal and its heads.
//!
//! [`ProxyKind::Spokesperson`]: stanceshift_core::ProxyKind::Spokesperson
//! [`ProxyKind::Institution`]: stanceshift_core::ProxyKind::Institution
//! [`ProxyKind::AnonymousOfficial`]: stanceshift_core::ProxyKind::AnonymousOfficial
//! [`ProxyKind::Affiliate`]: stanceshift_core::ProxyKind::Affiliate

pub(crate) mod institutions;
pub(crate) mod names;

use crate::FastMap;
use crate::{Error, Result};
use serde::Deserialize;
use stanceshift_core::{Actor, ActorId, ActorKind};
use std::path::Path;

/// Grammatical gender used to resolve "he"/"she".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// Facts about an actor beyond [`Actor`]: whom it heads or speaks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorRelations {
    pub head_of: Option<ActorId>,
    pub spokesperson_for: Option<ActorId>,
    pub gender: Option<Gender>,
}

/// Canonical actors and the names they go by. See the module docs for the file format.
#[derive(Debug, Clone, Default)]
pub struct ActorBook {
    actors: Vec<Actor>,
    relations: Vec<ActorRelations>,
    by_id: FastMap<ActorId, usize>,
    by_alias: FastMap<String, usize>,
    /// Built-in actors superseded by a user actor claiming their name.
    redirects: FastMap<ActorId, ActorId>,
    /// Institution id -> the actor heading it.
    heads: FastMap<ActorId, ActorId>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorFile {
    #[serde(default)]
    actor: Vec<ActorEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    id: Option<String>,
    name: String,
    #[serde(default)]
    kind: ActorKind,
    #[serde(default)]
    aliases: Vec<String>,
    affiliation: Option<String>,
    head_of: Option<String>,
    spokesperson_for: Option<String>,
    gender: Option<Gender>,
}

/// Generic institutions every corpus shares. No people: names come from the
/// text and from the user's actor file.
const BUILTIN: &str = r#"
[[actor]]
id = "administration"
name = "the administration"
kind = "government"
aliases = ["administration"]

[[actor]]
id = "white-house"
name = "White House"
kind = "government"
affiliation = "administration"

[[actor]]
id = "state-department"
name = "State Department"
kind = "government"
aliases = ["Department of State"]
affiliation = "administration"

[[actor]]
id = "pentagon"
name = "Pentagon"
kind = "government"
aliases = ["Defense Department", "Department of Defense"]
affiliation = "administration"

[[actor]]
id = "justice-department"
name = "Justice Department"
kind = "government"
aliases = ["Department of Justice"]
affiliation = "administration"

[[actor]]
id = "treasury"
name = "Treasury"
kind = "government"
aliases = ["Treasury Department"]
affiliation = "administration"

[[actor]]
id = "kremlin"
name = "Kremlin"
kind = "government"

[[actor]]
id = "congress"
name = "Congress"
kind = "government"

[[actor]]
id = "united-nations"
name = "United Nations"
kind = "organization"
aliases = ["U.N.", "UN"]

[[actor]]
id = "nato"
name = "NATO"
kind = "organization"

[[actor]]
id = "european-union"
name = "European Union"
kind = "organization"
aliases = ["EU", "E.U."]
"#;

/// Id of the built-in, headless administration (a user file supersedes it).
pub(crate) const GENERIC_ADMINISTRATION: &str = "administration";

/// Suffix of an administration learned from the text (`donald-trump-administration`).
const ADMINISTRATION_SUFFIX: &str = "-administration";

/// The administration a president heads, as attribution learns it from the text.
pub fn administration_of(president: &ActorId) -> ActorId {
    ActorId::new(format!("{president}{ADMINISTRATION_SUFFIX}"))
}

/// The president heading an administration learned from the text.
pub fn president_of(administration: &ActorId) -> Option<ActorId> {
    administration.as_str().strip_suffix(ADMINISTRATION_SUFFIX).filter(|p| !p.is_empty()).map(ActorId::new)
}

/// Whether an id is an institution attribution names from the text rather
/// than a person: a place's government ("Valdoria's government" ->
/// `valdoria-government`, "a Russian diplomat" -> `russian-government`) or a
/// president's administration (`donald-trump-administration`).
pub fn is_text_institution(id: &ActorId) -> bool {
    id.as_str().ends_with("-government") || id.as_str().ends_with(ADMINISTRATION_SUFFIX)
}

/// Surname-only actors learned in articles that never gave the full name
/// ("reagan", from "Reagan said") mapped to the one full-name actor of the
/// corpus ending in that surname (`ronald-reagan`), given each id's statement
/// count. A surname shared by several full names maps to the one with most
/// statements only when it has at least twice the next; otherwise it stays
/// apart, as it should ("clinton" in a corpus of Bill and Hillary).
pub fn surname_aliases(ids: &[(ActorId, u64)]) -> std::collections::BTreeMap<ActorId, ActorId> {
    // Full names by their last word, in one pass over the ids.
    let mut by_last_word: std::collections::BTreeMap<&str, Vec<(&ActorId, u64)>> =
        std::collections::BTreeMap::new();
    for (id, count) in ids.iter().filter(|(id, _)| !is_text_institution(id)) {
        if let Some((_, last)) = id.as_str().rsplit_once('-') {
            by_last_word.entry(last).or_default().push((id, *count));
        }
    }
    let mut out = std::collections::BTreeMap::new();
    for (surname, _) in ids.iter().filter(|(id, _)| !id.as_str().contains('-')) {
        let full = by_last_word.get(surname.as_str()).cloned().unwrap_or_default();
        if let Some(one) = the_one(full) {
            out.insert(surname.clone(), one);
        }
    }
    out
}

/// A company's short name (`qintex`, `saxon`) mapped to the one longer name
/// of the corpus it stands for (`qintex-america`, `saxon-oil`): the short id
/// followed only by words that name no other company (a country,
/// "acquisition", "oil", "group", a legal form). Like a surname, a short name
/// several longer ones share (`ford`: `ford-motor`, `ford-canada`) maps to
/// the one with most statements only when it has at least twice the next,
/// and a short id that is itself a generic word ("american", "central") joins
/// nothing.
pub fn company_aliases(ids: &[(ActorId, u64)]) -> std::collections::BTreeMap<ActorId, ActorId> {
    use crate::lexicon::NAME_WORDS;
    let generic = |p: &str| {
        NAME_WORDS.generic_company_words.contains(p)
            || NAME_WORDS.legal_forms.contains(p)
            || COMPANY_VEHICLE_WORDS.contains(&p)
    };
    // One pass over the ids: for every prefix ending at a hyphen, how many ids
    // start with it, and which of them continue with generic words only.
    let mut with_prefix: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut longer: std::collections::BTreeMap<&str, Vec<(&ActorId, u64)>> =
        std::collections::BTreeMap::new();
    for (id, count) in ids {
        let id_text = id.as_str();
        for (at, _) in id_text.match_indices('-') {
            let short = &id_text[..at];
            *with_prefix.entry(short).or_default() += 1;
            if !is_text_institution(id) && id_text[at + 1..].split('-').all(generic) {
                longer.entry(short).or_default().push((id, *count));
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    for (short, _) in ids {
        if short.as_str().split('-').all(generic) || short.as_str().chars().count() < 3 {
            continue;
        }
        let Some(candidates) = longer.get(short.as_str()) else { continue };
        // Another company starting with the short name ("ford-motor" beside
        // "ford-canada") makes it ambiguous.
        if with_prefix.get(short.as_str()).copied().unwrap_or(0) > candidates.len() {
            continue;
        }
        if let Some(one) = the_one(candidates.clone()) {
            out.insert(short.clone(), one);
        }
    }
    out
}

/// The one id a short name stands for among `candidates` (id, statement
/// count): the only one, or the one with at least twice the statements of the next.
fn the_one(mut candidates: Vec<(&ActorId, u64)>) -> Option<ActorId> {
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    match candidates.as_slice() {
        [only] => Some(only.0.clone()),
        [first, second, ..] if first.1 >= 2 * second.1 => Some(first.0.clone()),
        _ => None,
    }
}

/// Words after a company's name that make a vehicle or a branch of it, not another company.
const COMPANY_VEHICLE_WORDS: &[&str] = &["lbo", "usa", "u-s", "canada", "japan", "europe", "uk"];

/// Lowercase, drop a leading "the", unify apostrophes and whitespace.
pub(crate) fn normalize_name(name: &str) -> String {
    // The common case, one ASCII word ("Reagan"), in one allocation: this runs
    // for every capitalised word of every article.
    if name.is_ascii() && !name.contains(char::is_whitespace) {
        return name.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

impl ActorBook {
    /// Generic institutions only (White House, State Department, Kremlin, ...).
    pub fn builtin() -> ActorBook {
        ActorBook::from_toml_str(BUILTIN).unwrap_or_default()
    }

    /// Reads an actor file (format in the module docs).
    pub fn from_file(path: &Path) -> Result<ActorBook> {
        let text =
            std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        ActorBook::from_toml_str(&text).map_err(|e| match e {
            Error::ActorFile { message, .. } => Error::ActorFile { path: path.to_path_buf(), message },
            other => other,
        })
    }

    /// Parses actor-file text.
    pub fn from_toml_str(text: &str) -> Result<ActorBook> {
        let file: ActorFile = toml::from_str(text)
            .map_err(|e| Error::ActorFile { path: "<string>".into(), message: e.to_string() })?;
        let mut book = ActorBook::default();
        for entry in file.actor {
            let id = match entry.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(id) => ActorId::new(id),
                None => ActorId::from_name(&entry.name),
            };
            if id.as_str().is_empty() {
                return Err(Error::ActorFile {
                    path: "<string>".into(),
                    message: format!("actor {:?} has an empty id", entry.name),
                });
            }
            let actor = Actor {
                id,
                name: entry.name,
                kind: entry.kind,
                aliases: entry.aliases,
                affiliation: entry.affiliation.map(ActorId::new),
            };
            let relations = ActorRelations {
                head_of: entry.head_of.map(ActorId::new),
                spokesperson_for: entry.spokesperson_for.map(ActorId::new),
                gender: entry.gender,
            };
            book.insert(actor, relations);
        }
        Ok(book)
    }

    fn insert(&mut self, actor: Actor, relations: ActorRelations) {
        let idx = match self.by_id.get(&actor.id) {
            Some(&idx) => {
                self.actors[idx] = actor;
                self.relations[idx] = relations;
                idx
            }
            None => {
                self.actors.push(actor);
                self.relations.push(relations);
                self.actors.len() - 1
            }
        };
        let actor = &self.actors[idx];
        self.by_id.insert(actor.id.clone(), idx);
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            let key = normalize_name(name);
            if key.is_empty() {
                continue;
            }
            if let Some(&old) = self.by_alias.get(&key) {
                // A later actor claiming the canonical name of an earlier one
                // supersedes it (a user's administration over the built-in one).
                if old != idx && normalize_name(&self.actors[old].name) == key {
                    self.redirects.insert(self.actors[old].id.clone(), actor.id.clone());
                }
            }
            self.by_alias.insert(key, idx);
        }
        if let Some(inst) = &self.relations[idx].head_of {
            self.heads.insert(inst.clone(), actor.id.clone());
        }
    }

    /// Adds `other`'s actors; on an id or name clash `other` wins (user file over built-ins).
    pub fn merge(&mut self, other: ActorBook) {
        for (actor, relations) in other.actors.into_iter().zip(other.relations) {
            self.insert(actor, relations);
        }
        for (from, to) in other.redirects {
            self.redirects.insert(from, to);
        }
    }

    /// The actor a name or alias denotes ("Trump", "the White House").
    pub fn resolve(&self, name: &str) -> Option<&Actor> {
        let idx = *self.by_alias.get(&normalize_name(name))?;
        self.get(&self.actors[idx].id)
    }

    pub(crate) fn resolve_normalized(&self, key: &str) -> Option<&Actor> {
        let idx = *self.by_alias.get(key)?;
        self.get(&self.actors[idx].id)
    }

    /// The actor with this id, following redirects from superseded built-ins.
    pub fn get(&self, id: &ActorId) -> Option<&Actor> {
        let id = self.canonical(id);
        self.by_id.get(id).map(|&i| &self.actors[i])
    }

    fn canonical<'a>(&'a self, mut id: &'a ActorId) -> &'a ActorId {
        for _ in 0..8 {
            match self.redirects.get(id) {
                Some(next) => id = next,
                None => break,
            }
        }
        id
    }

    pub fn relations(&self, id: &ActorId) -> Option<&ActorRelations> {
        let id = self.canonical(id);
        self.by_id.get(id).map(|&i| &self.relations[i])
    }

    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.actors.iter()
    }

    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// Who heads an institution (`trump-administration -> donald-trump`).
    pub fn head(&self, institution: &ActorId) -> Option<&Actor> {
        let id = self.canonical(institution);
        self.heads.get(id).and_then(|h| self.get(h))
    }

    /// The top of `id`'s affiliation chain (itself when it has no affiliation).
    pub fn top_affiliation(&self, id: &ActorId) -> ActorId {
        let mut current = self.canonical(id).clone();
        for _ in 0..8 {
            match self.get(&current).and_then(|a| a.affiliation.clone()) {
                Some(next) if next != current => current = self.canonical(&next).clone(),
                _ => break,
            }
        }
        current
    }

    /// Everyone a statement by `principal` counts toward: the principal, then
    /// the heads of it and of its affiliations (a White House official's words
    /// count toward the administration and toward the president heading it).
    pub fn counts_toward(&self, principal: &ActorId) -> Vec<ActorId> {
        let mut out = vec![self.canonical(principal).clone()];
        let mut current = self.canonical(principal).clone();
        for _ in 0..8 {
            // A book entry, else the president an administration learned from the text is named after.
            let head = self
                .head(&current)
                .map(|h| h.id.clone())
                .or_else(|| self.get(&current).is_none().then(|| president_of(&current)).flatten());
            if let Some(head) = head {
                if !out.contains(&head) {
                    out.push(head);
                }
            }
            match self.get(&current).and_then(|a| a.affiliation.clone()) {
                Some(next) if next != current => {
                    current = self.canonical(&next).clone();
                    if !out.contains(&current) {
                        out.push(current.clone());
                    }
                }
                _ => break,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[actor]]
name = "Donald Trump"
aliases = ["Trump", "President Trump"]
gender = "male"
head_of = "trump-administration"

[[actor]]
id = "trump-administration"
name = "Trump administration"
kind = "government"
aliases = ["the administration"]

[[actor]]
id = "white-house"
name = "White House"
kind = "government"
affiliation = "trump-administration"
"#;

    #[test]
    fn user_file_overrides_builtins_and_links_heads() {
        let mut book = ActorBook::builtin();
        assert_eq!(book.resolve("the White House").unwrap().id.as_str(), "white-house");
        book.merge(ActorBook::from_toml_str(SAMPLE).unwrap());
        assert_eq!(book.resolve("trump").unwrap().id.as_str(), "donald-trump");
        assert_eq!(book.resolve("The Administration").unwrap().id.as_str(), "trump-administration");
        // The built-in State Department pointed at the generic administration,
        // which the user's administration now supersedes.
        let state = book.resolve("State Department").unwrap().id.clone();
        assert_eq!(book.top_affiliation(&state).as_str(), "trump-administration");
        let wh = ActorId::new("white-house");
        let toward: Vec<String> = book.counts_toward(&wh).iter().map(|a| a.to_string()).collect();
        assert_eq!(toward, ["white-house", "trump-administration", "donald-trump"]);
    }

    #[test]
    fn surnames_join_the_one_full_name() {
        let ids = |list: &[(&str, u64)]| list.iter().map(|(i, n)| (ActorId::new(*i), *n)).collect::<Vec<_>>();
        let found = surname_aliases(&ids(&[
            ("reagan", 9),
            ("ronald-reagan", 40),
            ("clinton", 5),
            ("bill-clinton", 10),
            ("hillary-clinton", 12),
            ("baker", 3),
            ("james-baker", 20),
            ("howard-baker", 2),
            ("trump", 4),
            ("donald-trump-administration", 7),
        ]));
        let pairs: Vec<(&str, &str)> = found.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(pairs, [("baker", "james-baker"), ("reagan", "ronald-reagan")]);
    }

    /// Regression (Reuters-21578): one bidder under two ids (`qintex` /
    /// `qintex-america`, `cyacq` / `cyacq-acquisition`) was never compared
    /// with itself; a short name two companies share joins neither.
    #[test]
    fn company_names_join_their_short_form() {
        let ids = |list: &[(&str, u64)]| list.iter().map(|(i, n)| (ActorId::new(*i), *n)).collect::<Vec<_>>();
        let found = company_aliases(&ids(&[
            ("qintex", 3),
            ("qintex-america", 5),
            ("cyacq", 9),
            ("cyacq-acquisition", 2),
            ("saxon", 2),
            ("saxon-oil", 4),
            ("ford", 10),
            ("ford-motor", 6),
            ("ford-canada", 5),
            ("american", 4),
            ("american-express", 7),
            ("central", 3),
            ("central-bank", 9),
            ("japan-government", 5),
        ]));
        let pairs: Vec<(&str, &str)> = found.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            pairs,
            [("cyacq", "cyacq-acquisition"), ("qintex", "qintex-america"), ("saxon", "saxon-oil")]
        );
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(ActorBook::from_toml_str("[[actor]]\nnom = 1").is_err());
        let dir = tempfile::tempdir().unwrap();
        let err = ActorBook::from_file(&dir.path().join("missing.toml")).unwrap_err();
        assert!(err.to_string().contains("missing.toml"));
    }
}
