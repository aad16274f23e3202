//! The little XML the gold readers need, on top of quick-xml: a lenient
//! reader, the attributes of a start tag, and text with entities decoded.
//!
//! Gold files are read leniently, as the corpora are not always well formed:
//! end tags need not match their start tags, a lone `&` is text, and only the
//! five predefined entities are decoded; any other reference (`&foo;`,
//! `&#38;`) is kept as written. Text is taken byte for byte (no end-of-line
//! normalisation), so offsets into it match the source.

use quick_xml::errors::{Error, SyntaxError};
use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::Reader;
use std::collections::BTreeMap;

/// A reader over `source` with the lenient settings above.
pub(crate) fn reader(source: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(source);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    reader
}

/// A start tag's attributes, values decoded. When a name repeats, the first
/// value counts; attributes quick-xml cannot read are left out.
pub(crate) fn attributes(tag: &BytesStart<'_>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for attr in tag.attributes().with_checks(false).flatten() {
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let mut value = String::new();
        decode_into(&String::from_utf8_lossy(&attr.value), &mut value);
        out.entry(key).or_insert(value);
    }
    out
}

/// Appends `raw` to `out` with the predefined entities decoded.
pub(crate) fn decode_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let decoded = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\'')]
            .iter()
            .find(|(entity, _)| after.starts_with(entity));
        match decoded {
            Some((entity, c)) => {
                out.push(*c);
                rest = &after[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}

/// `raw` with the predefined entities decoded.
pub(crate) fn decode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, &mut out);
    out
}

/// Appends a reference event (`&name;`) to `out`, decoded like text.
pub(crate) fn push_reference(reference: &BytesRef<'_>, out: &mut String) {
    decode_into(&format!("&{};", String::from_utf8_lossy(reference)), out);
}

/// A short description of a read error.
pub(crate) fn describe(error: &Error) -> String {
    match error {
        Error::Syntax(SyntaxError::UnclosedTag) => "unclosed tag".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;

    #[test]
    fn decodes_predefined_entities_and_keeps_the_rest() {
        assert_eq!(
            decode("A &amp; B &lt;&gt;&quot;&apos; &foo; &#38; & &amp;amp;"),
            "A & B <>\"' &foo; &#38; & &amp;"
        );
    }

    #[test]
    fn attributes_first_value_wins_and_values_are_decoded() {
        let mut r = reader(r#"<a x="1" y='a&amp;b' x="2">"#);
        let Ok(Event::Start(tag)) = r.read_event() else { panic!() };
        let attrs = attributes(&tag);
        assert_eq!(attrs["x"], "1");
        assert_eq!(attrs["y"], "a&b");
    }

    #[test]
    fn lenient_reader_accepts_stray_end_tags_and_lone_ampersands() {
        let mut r = reader("<a>x & y</b></c>&amp z");
        let mut text = String::new();
        loop {
            match r.read_event().unwrap() {
                Event::Text(t) => decode_into(&t.decode().unwrap(), &mut text),
                Event::GeneralRef(g) => push_reference(&g, &mut text),
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(text, "x & y&amp z");
    }

    #[test]
    fn an_unclosed_tag_is_described() {
        let mut r = reader("<a>x <b");
        let error = loop {
            match r.read_event() {
                Err(e) => break e,
                Ok(Event::Eof) => panic!("no error"),
                Ok(_) => {}
            }
        };
        assert_eq!(describe(&error), "unclosed tag");
    }
}
