//! Generic public bodies ("the Finance Ministry", "the central bank", "the
//! Reserve Bank"): every country has one, so an id made of their words alone
//! would merge unrelated bodies across a corpus. Their id takes the country
//! the text gives: "the Japanese Finance Ministry", "Japan's Finance
//! Ministry", "the Finance Ministry of Japan" -> `japan-finance-ministry`.
//! The words are `[body_head]` and `[body_word]` in `data/lexicons/names.txt`;
//! the countries of nationality adjectives are `[demonym]` in
//! `speaker_words.txt`. Proper names ("Bank of Japan", "Bundesbank") are no
//! generic bodies and keep their ids.

use crate::lexicon::speech::LEXICONS;
use crate::lexicon::{NAME_WORDS, PLACES};
use stanceshift_core::ActorId;

/// A country's id slug as `<country>-government` spells it (`u-s` ->
/// `united-states`), so a body and its government share the country.
pub(crate) fn canonical_country(slug: &str) -> &str {
    match slug {
        "u-s" | "u-s-a" | "usa" => "united-states",
        "u-k" | "uk" => "united-kingdom",
        other => other,
    }
}

/// The country a slug (`japan`, `u-s`) or a nationality adjective's words
/// (`japanese`, `west-german`) names, canonical.
pub(crate) fn country_of(slug: &str) -> Option<String> {
    if PLACES.countries.contains(slug) {
        return Some(canonical_country(slug).to_string());
    }
    LEXICONS.country_of_demonym(&slug.replace('-', " ")).map(|c| canonical_country(c).to_string())
}

/// Whether an id names a generic body: it ends in a body head and is made
/// only of body words ("finance-ministry", "central-bank", "ministry").
pub(crate) fn is_generic_body(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    let words = &NAME_WORDS;
    parts.last().is_some_and(|p| words.body_heads.contains(*p))
        && parts.iter().all(|p| words.body_heads.contains(*p) || words.body_words.contains(*p))
        && !matches!(parts.first(), Some(&"of" | &"and"))
}

/// One spelling of a generic body: "Ministry of Finance" is the Finance
/// Ministry (`ministry-of-finance` -> `finance-ministry`).
pub(crate) fn normal_body(id: &str) -> String {
    let parts: Vec<&str> = id.split('-').collect();
    match parts.as_slice() {
        [head @ ("ministry" | "department" | "office" | "bureau"), "of", rest @ ..]
            if !rest.is_empty()
                && !rest.contains(&"of")
                && is_generic_body(&format!("{}-{head}", rest.join("-"))) =>
        {
            format!("{}-{head}", rest.join("-"))
        }
        _ => id.to_string(),
    }
}

/// A country and a generic body an organisation id is made of: a
/// nationality or country before it (`japanese-finance-ministry`,
/// `u-s-agriculture-department`) or "of" a country after it
/// (`finance-ministry-of-japan`, `central-bank-of-brazil`). A lone head
/// before "of" is a proper name (`bank-of-japan`) and splits into nothing.
pub(crate) fn split_country(id: &str) -> Option<(String, String)> {
    // Neither a body head at the end nor an "of": no body (most names; this
    // runs for every name of three words or more).
    let last = id.rsplit('-').next().unwrap_or(id);
    if !NAME_WORDS.body_heads.contains(last) && !id.contains("-of-") {
        return None;
    }
    let parts: Vec<&str> = id.split('-').collect();
    for n in (1..=3.min(parts.len().saturating_sub(1))).rev() {
        let rest = normal_body(&parts[n..].join("-"));
        if is_generic_body(&rest) {
            if let Some(country) = country_of(&parts[..n].join("-")) {
                return Some((country, rest));
            }
        }
    }
    let at = parts.iter().rposition(|p| *p == "of")?;
    let (before, after) = (&parts[..at], &parts[at + 1..]);
    let body = normal_body(&before.join("-"));
    if before.len() >= 2 && is_generic_body(&body) {
        return country_of(&after.join("-")).map(|country| (country, body));
    }
    None
}

/// The id of a country's generic body (`japan`, `finance-ministry` -> `japan-finance-ministry`).
pub(crate) fn qualified(country: &str, body: &str) -> ActorId {
    ActorId::new(format!("{country}-{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_bodies_split_from_their_country_and_proper_names_stay() {
        let split = |id: &str| split_country(id).map(|(c, b)| format!("{c} {b}"));
        assert_eq!(split("japanese-finance-ministry").as_deref(), Some("japan finance-ministry"));
        assert_eq!(split("west-german-finance-ministry").as_deref(), Some("west-germany finance-ministry"));
        assert_eq!(
            split("u-s-agriculture-department").as_deref(),
            Some("united-states agriculture-department")
        );
        assert_eq!(split("finance-ministry-of-japan").as_deref(), Some("japan finance-ministry"));
        assert_eq!(split("central-bank-of-brazil").as_deref(), Some("brazil central-bank"));
        assert_eq!(split("british-ministry-of-agriculture").as_deref(), Some("britain agriculture-ministry"));
        for proper in [
            "bank-of-japan",
            "bank-of-england",
            "american-express",
            "west-german-bundesbank",
            "european-commission",
        ] {
            assert_eq!(split(proper), None, "{proper}");
        }
        assert!(is_generic_body("reserve-bank") && is_generic_body("ministry"));
        assert!(!is_generic_body("federal-reserve-board") && !is_generic_body("world-bank"));
    }
}
