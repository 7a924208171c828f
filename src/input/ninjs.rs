//! IPTC ninjs JSON (1.x, 2.x and the camelCase 3.x): headline, dateline, body.
//!
//! The analysis text is the decoded body (`body_text`, else the text of `body_html`, or the
//! 2.x `bodies` array). Every byte of it maps back to the JSON file: plain runs byte for
//! byte, a string escape (`\n`, `\"`, `\u201c`) or an HTML reference (`&rdquo;`) to the
//! whole escape, so a span reported in the file is the text as written there.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::mapped::{MappedText, compose};
use super::{InputError, html, parse_date};
use crate::document::{Document, InputFormat, Meta, OffsetMap};
use crate::text::{Span, split_paragraphs};

/// A JSON object with lower-cased keys (ninjs 3 writes `versionCreated`, 1.x `versioncreated`).
type Object<'a> = BTreeMap<String, &'a RawValue>;

fn object(raw: &RawValue) -> Option<Object<'_>> {
    let m: BTreeMap<String, &RawValue> = serde_json::from_str(raw.get()).ok()?;
    Some(m.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect())
}

/// A string field's value, or None (absent, null, not a string).
fn string(raw: Option<&&RawValue>) -> Option<String> {
    raw.and_then(|r| serde_json::from_str::<String>(r.get()).ok())
}

/// The objects of an array field.
fn objects<'a>(raw: Option<&&'a RawValue>) -> Vec<Object<'a>> {
    raw.and_then(|r| serde_json::from_str::<Vec<&RawValue>>(r.get()).ok())
        .map(|v| v.into_iter().filter_map(object).collect())
        .unwrap_or_default()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Markup {
    Text,
    Html,
}

/// One candidate body: where it is in the file and what it holds.
struct Body<'a> {
    field: &'static str,
    raw: &'a RawValue,
    markup: Markup,
}

pub(super) fn parse(path: &str, source: String) -> Result<Document, InputError> {
    let json = source.strip_prefix('\u{feff}').unwrap_or(&source);
    match json.trim_start().as_bytes().first() {
        Some(b'{') => {}
        Some(b'[') => return Err(InputError::BadJson("the top level is an array; expected one ninjs object".into())),
        _ => return Err(InputError::BadJson("the top level is not a JSON object".into())),
    }
    let top: BTreeMap<String, &RawValue> =
        serde_json::from_str(json).map_err(|e| InputError::BadJson(format!("invalid JSON: {e}")))?;
    let top: Object<'_> = top.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect();

    let mut meta = Meta::default();
    meta.headline = string(top.get("headline")).or_else(|| main_value(&objects(top.get("headlines"))));
    meta.headline = meta.headline.map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
    for field in ["versioncreated", "firstcreated"] {
        let Some(raw) = top.get(field) else { continue };
        let Some(value) = string(Some(raw)).filter(|v| !v.trim().is_empty()) else { continue };
        let line = line_of(&source, offset_in(&source, raw));
        let date = parse_date(&value)
            .map_err(|m| InputError::BadHeader { line, message: format!("bad `{field}` in ninjs: {m}") })?;
        meta.dateline = Some(date);
        break;
    }
    meta.outlet = string(top.get("copyrightholder"))
        .filter(|s| !s.trim().is_empty())
        .or_else(|| objects(top.get("infosources")).iter().find_map(|o| string(o.get("name"))))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());

    let bodies = candidate_bodies(&top);
    let decoded: Vec<(&Body, MappedText)> = bodies
        .iter()
        .filter_map(|b| decode_string(&source, b.raw).map(|m| (b, m)))
        .filter(|(_, m)| !m.text.trim().is_empty())
        .collect();
    let text_body = decoded.iter().position(|(b, _)| b.markup == Markup::Text);
    let html_body = decoded.iter().position(|(b, _)| b.markup == Markup::Html);
    // Plain text wins, unless it lost its paragraph breaks and HTML still has them.
    let pick = match (text_body, html_body) {
        (Some(t), Some(h)) => {
            if decoded[t].1.text.trim().contains('\n') {
                t
            } else {
                h
            }
        }
        (Some(i), None) | (None, Some(i)) => i,
        (None, None) => {
            let why = match bodies.first() {
                Some(b) => format!("`{}` holds no text", b.field),
                None => "no body_text, body_html or bodies field: nothing to check".to_string(),
            };
            return Err(InputError::BadJson(why));
        }
    };
    let (body, mapped) = decoded.into_iter().nth(pick).ok_or_else(|| InputError::BadJson("no body".into()))?;
    let (text, segs, paragraphs) = match body.markup {
        Markup::Text => {
            let paragraphs = text_paragraphs(&mapped.text);
            (mapped.text, mapped.segs, paragraphs)
        }
        Markup::Html => {
            let (out, paragraphs) = html::to_text(&mapped.text);
            let segs = compose(&out.segs, &mapped.segs);
            (out.text, segs, paragraphs)
        }
    };
    Ok(Document::new(path.to_string(), InputFormat::Ninjs, source, text, OffsetMap::Segments(segs), meta, paragraphs))
}

/// The `value` of the object with role `main`, else of the first one.
fn main_value(list: &[Object<'_>]) -> Option<String> {
    list.iter()
        .find(|o| string(o.get("role")).is_some_and(|r| r.eq_ignore_ascii_case("main")))
        .or(list.first())
        .and_then(|o| string(o.get("value")))
}

/// Every field that may hold the article body, in order of preference.
fn candidate_bodies<'a>(top: &Object<'a>) -> Vec<Body<'a>> {
    let mut out = Vec::new();
    for (field, markup) in [("body_text", Markup::Text), ("body_html", Markup::Html), ("body_xhtml", Markup::Html)] {
        if let Some(raw) = top.get(field) {
            out.push(Body { field, raw, markup });
        }
    }
    // ninjs 2.x: "bodies": [{"role": "main", "contenttype": "text/html", "value": "..."}]
    let mut list = objects(top.get("bodies"));
    // Main bodies first; the sort is stable.
    list.sort_by_key(|o| !string(o.get("role")).is_none_or(|r| r.eq_ignore_ascii_case("main")));
    for o in list {
        let Some(raw) = o.get("value").copied() else { continue };
        let ct = string(o.get("contenttype")).unwrap_or_default().to_ascii_lowercase();
        let markup = if ct.contains("html") || ct.contains("xml") { Markup::Html } else { Markup::Text };
        out.push(Body { field: "bodies", raw, markup });
    }
    out
}

/// Byte offset of a borrowed raw value inside the file it was parsed from.
fn offset_in(source: &str, raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).checked_sub(source.as_ptr() as usize).filter(|&o| o <= source.len()).unwrap_or(0)
}

fn line_of(source: &str, offset: usize) -> usize {
    memchr::memchr_iter(b'\n', &source.as_bytes()[..offset.min(source.len())]).count() + 1
}

/// Decode a JSON string literal borrowed from `source`, mapping every decoded byte to
/// the file: plain runs byte for byte, each escape to the whole escape.
fn decode_string(source: &str, raw: &RawValue) -> Option<MappedText> {
    let lit = raw.get();
    let inner = lit.strip_prefix('"')?.strip_suffix('"')?;
    let base = offset_in(source, raw) + 1;
    let b = inner.as_bytes();
    let mut out = MappedText::with_capacity(inner.len());
    let mut i = 0;
    while i < b.len() {
        let Some(k) = memchr::memchr(b'\\', &b[i..]) else {
            out.copy(&inner[i..], base + i);
            break;
        };
        out.copy(&inner[i..i + k], base + i);
        i += k;
        let (c, n) = match b.get(i + 1) {
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(b'/') => ('/', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'b' | b'f') => (' ', 2),
            Some(b'u') => unicode_escape(inner, i),
            // serde_json validated the literal; anything else is kept as written.
            _ => ('\\', 1),
        };
        let mut buf = [0u8; 4];
        out.decoded(c.encode_utf8(&mut buf), base + i, n);
        i += n;
    }
    Some(out)
}

/// `\uXXXX` (or a surrogate pair `\uD83D\uDE00`) at `s[i..]`: the character and the
/// escape's length. A lone surrogate decodes to U+FFFD.
fn unicode_escape(s: &str, i: usize) -> (char, usize) {
    let hex = |at: usize| s.get(at..at + 4).and_then(|h| u16::from_str_radix(h, 16).ok());
    let Some(hi) = hex(i + 2) else { return ('\u{fffd}', 2) };
    if (0xD800..0xDC00).contains(&hi)
        && s.get(i + 6..i + 8) == Some("\\u")
        && let Some(lo) = hex(i + 8)
        && (0xDC00..0xE000).contains(&lo)
    {
        let c = 0x10000 + ((u32::from(hi) - 0xD800) << 10) + (u32::from(lo) - 0xDC00);
        return (char::from_u32(c).unwrap_or('\u{fffd}'), 12);
    }
    (char::from_u32(u32::from(hi)).unwrap_or('\u{fffd}'), 6)
}

/// Paragraphs of a plain-text body: blank-line separated; a body with no blank line but
/// several lines has one paragraph per line (the usual `body_text` of a wire feed).
fn text_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let all = Span::new(0, text.len());
    split_paragraphs(text, all, &mut out);
    if out.len() == 1 && out[0].text(text).contains('\n') {
        let p = out[0];
        out.clear();
        let mut start = p.start;
        for nl in memchr::memchr_iter(b'\n', &text.as_bytes()[p.start..p.end]) {
            let line = Span::new(start, p.start + nl).trim(text);
            if !line.is_empty() {
                out.push(line);
            }
            start = p.start + nl + 1;
        }
        let last = Span::new(start, p.end).trim(text);
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> Document {
        parse("a.json", json.to_string()).unwrap()
    }

    /// The file bytes a text span maps to.
    fn src(d: &Document, span: Span) -> &str {
        let s = d.map.span_to_source(span);
        &d.source[s.start..s.end]
    }

    #[test]
    fn body_text_escapes_map_back_to_the_escape() {
        let json = r#"{"uri": "x", "headline": "Putin hopeful", "versioncreated": "2022-02-03T10:00:00Z",
 "firstcreated": "2022-02-01T08:00:00Z", "copyrightholder": "Bloomberg",
 "body_text": "\u201cI hope that dialogue will continue,\u201d Putin said.\n\nHe said \"no\" and left.\nCaf\u00e9 \ud83d\ude00 ok."}"#;
        let d = doc(json);
        assert_eq!(d.format, InputFormat::Ninjs);
        assert_eq!(d.meta.dateline.unwrap().to_string(), "2022-02-03");
        assert_eq!(d.meta.headline.as_deref(), Some("Putin hopeful"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Bloomberg"));
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.slice(d.paragraphs[0]), "“I hope that dialogue will continue,” Putin said.");
        let q = d.quotes[0].span;
        assert_eq!(d.slice(q), "“I hope that dialogue will continue,”");
        assert_eq!(src(&d, q), r#"\u201cI hope that dialogue will continue,\u201d"#);
        let second = d.paragraphs[1];
        assert_eq!(src(&d, second), r#"He said \"no\" and left.\nCaf\u00e9 \ud83d\ude00 ok."#);
        let word = d.text.find("Café").unwrap();
        assert_eq!(src(&d, Span::new(word, word + "Café".len())), r#"Caf\u00e9"#);
        let emoji = d.text.find('😀').unwrap();
        assert_eq!(src(&d, Span::new(emoji, emoji + 4)), r#"\ud83d\ude00"#);
        // Every char boundary of the text maps to a char boundary of the file.
        for (i, _) in d.text.char_indices() {
            let s = d.map.span_to_source(Span::new(i, d.text.len()));
            assert!(d.source.is_char_boundary(s.start) && d.source.is_char_boundary(s.end));
        }
    }

    #[test]
    fn firstcreated_is_the_fallback_dateline() {
        let d = doc(r#"{"versioncreated": "", "firstcreated": "2021-12-31T23:00:00+0000", "body_text": "Hello."}"#);
        assert_eq!(d.meta.dateline.unwrap().to_string(), "2021-12-31");
        assert!(d.meta.headline.is_none());
    }

    #[test]
    fn body_html_through_json_escapes_and_entities() {
        let json = "{\"headline\": \"H\",\n \"body_html\": \"<p>&ldquo;We\\u2019re ready,&rdquo; she said.</p>\\n<p>He said \\\"fine\\\"<br/>Then &amp; now.</p>\"}";
        let d = doc(json);
        let paras: Vec<&str> = d.paragraphs.iter().map(|&p| d.slice(p)).collect();
        assert_eq!(paras, vec!["“We’re ready,” she said.", "He said \"fine\"", "Then & now."]);
        let q = d.quotes[0].span;
        assert_eq!(src(&d, q), r#"&ldquo;We\u2019re ready,&rdquo;"#);
        assert_eq!(src(&d, d.paragraphs[1]), r#"He said \"fine\""#);
        assert_eq!(src(&d, d.paragraphs[2]), "Then &amp; now.");
        // Line numbers come from the file: the body is on line 2.
        let s = d.map.span_to_source(d.paragraphs[0]);
        assert_eq!(d.lines.line_col(&d.source, s.start).line, 2);
    }

    #[test]
    fn plain_text_with_single_newlines_has_a_paragraph_per_line() {
        let d = doc(r#"{"body_text": "One.\nTwo.\nThree."}"#);
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(d.slice(d.paragraphs[2]), "Three.");
        let d = doc(r#"{"body_text": "One.\nstill one.\n\u00a0\nTwo."}"#);
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn ninjs2_bodies_and_headlines_camel_case_too() {
        let json = r#"{"headlines": [{"role": "sub", "value": "Sub"}, {"role": "main", "value": "Main"}],
            "versionCreated": "2013-07-09T10:37:00Z",
            "bodies": [{"role": "main", "contentType": "text/plain", "value": "One long paragraph."},
                       {"role": "richtext", "contentType": "body_xhtml", "value": "<p>One.</p> <p>Two.</p>"}]}"#;
        let d = doc(json);
        assert_eq!(d.meta.headline.as_deref(), Some("Main"));
        assert_eq!(d.meta.dateline.unwrap().to_string(), "2013-07-09");
        // The plain body has no paragraph breaks, the HTML one has: HTML wins.
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(src(&d, d.paragraphs[1]), "Two.");
    }

    #[test]
    fn html_is_used_when_body_text_is_empty() {
        let d = doc(r#"{"body_text": "", "body_html": "<p>Only here.</p>"}"#);
        assert_eq!(d.slice(d.paragraphs[0]), "Only here.");
    }

    #[test]
    fn errors_are_one_line_reasons() {
        let err = |j: &str| parse("a.json", j.to_string()).unwrap_err();
        let e = err(r#"[{"body_text": "x"}]"#);
        assert!(matches!(&e, InputError::BadJson(m) if m.contains("array")), "{e}");
        assert!(matches!(err("\"text\""), InputError::BadJson(_)));
        let e = err(r#"{"headline": "Photo", "type": "picture"}"#);
        assert!(matches!(&e, InputError::BadJson(m) if m.contains("body_text")), "{e}");
        let e = err(r#"{"body_text": "   "}"#);
        assert!(matches!(&e, InputError::BadJson(m) if m.contains("no text")), "{e}");
        let e = err(r#"{"body_text": 42}"#);
        assert!(matches!(e, InputError::BadJson(_)));
        let e = err("{\"body_text\": \"x\",\n \"body_html\": }");
        assert!(matches!(&e, InputError::BadJson(m) if m.contains("line 2")), "{e}");
        let e = err("{\"body_text\": \"x\",\n \"versioncreated\": \"yesterday\"}");
        assert!(matches!(&e, InputError::BadHeader { line: 2, .. }), "{e}");
        for e in [err("[1]"), err("{"), err("{\"body_text\": \"x\",}")] {
            assert!(!e.to_string().contains('\n'), "{e}");
        }
        // A lone surrogate is not an error: it reads as U+FFFD.
        let d = doc("{\"body_text\": \"a \\ud800 b\"}");
        assert_eq!(d.text, "a \u{fffd} b");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{{\"x\": {}{}, \"body_text\": \"Hi.\"}}", "[".repeat(100_000), "]".repeat(100_000));
        // Either serde_json skips it or refuses it; neither may overflow the stack.
        let _ = parse("a.json", deep);
    }

    #[test]
    fn byte_order_mark_is_allowed() {
        let d = doc("\u{feff}{\"body_text\": \"He spoke.\"}");
        assert_eq!(src(&d, d.paragraphs[0]), "He spoke.");
    }

    #[test]
    fn seed_fixture_quotes_map_to_the_file_as_written() {
        let d = doc(include_str!("../../fixtures/inputs/seed.ninjs.json"));
        assert_eq!(d.meta.dateline.unwrap().to_string(), "2022-02-03");
        assert_eq!(d.meta.outlet.as_deref(), Some("Bloomberg"));
        assert_eq!(d.paragraphs.len(), 4);
        let quotes: Vec<&str> = d.quotes.iter().map(|q| src(&d, q.span)).collect();
        assert_eq!(quotes[0], "&ldquo;deceiving&rdquo;");
        assert_eq!(quotes[1], r#"\u201cI hope that dialogue will continue,\u201d"#);
        assert!(quotes[2].starts_with("&#8220;We realize it won\\u2019t be easy") && quotes[2].ends_with("be,&#8221;"));
        assert_eq!(
            src(&d, d.paragraphs[3]),
            "The US says NATO is a <em>defensive</em> alliance and not a threat to Russia."
        );
    }
}
