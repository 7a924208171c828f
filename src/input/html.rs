//! The text of an HTML fragment (a ninjs `body_html`): tags dropped, block tags end
//! paragraphs, character references decoded, every text byte mapped back to the HTML.

use super::mapped::MappedText;
use crate::text::{Span, split_paragraphs};

/// Text of `html` (segments map into `html`) and its paragraphs (spans of the text).
pub(super) fn to_text(html: &str) -> (MappedText, Vec<Span>) {
    let b = html.as_bytes();
    let mut out = MappedText::with_capacity(html.len());
    let mut chunks: Vec<Span> = Vec::new();
    let mut chunk_start = 0;
    // Once a search for `>` has failed, no later `<` can start a tag: keeps this linear.
    let mut no_gt_from = usize::MAX;
    let mut i = 0;
    while i < b.len() {
        let Some(k) = memchr::memchr2(b'<', b'&', &b[i..]) else {
            out.copy(&html[i..], i);
            break;
        };
        out.copy(&html[i..i + k], i);
        i += k;
        if b[i] == b'&' {
            match entity(&b[i..]) {
                Some((decoded, n)) => {
                    let mut buf = [0u8; 4];
                    let s = decoded.map_or("", |c| &*c.encode_utf8(&mut buf));
                    out.decoded(s, i, n);
                    i += n;
                }
                None => {
                    out.copy("&", i);
                    i += 1;
                }
            }
            continue;
        }
        match tag(b, i, &mut no_gt_from) {
            Tag::Text => {
                out.copy("<", i);
                i += 1;
            }
            Tag::Inline(end) => i = end,
            Tag::Block(end) => {
                chunks.push(Span::new(chunk_start, out.text.len()));
                if !out.text.is_empty() && !out.text.ends_with("\n\n") {
                    let nl = if out.text.ends_with('\n') { "\n" } else { "\n\n" };
                    out.decoded(nl, i, end - i);
                }
                chunk_start = out.text.len();
                i = end;
            }
            Tag::Raw(end, name) => i = skip_raw(b, end, name),
            Tag::Q(end, closing) => {
                // Browsers draw the marks of `<q>`; the quote finder needs them too.
                out.decoded(if closing { "”" } else { "“" }, i, end - i);
                i = end;
            }
        }
    }
    chunks.push(Span::new(chunk_start, out.text.len()));
    let mut paragraphs = Vec::new();
    for c in chunks {
        split_paragraphs(&out.text, c, &mut paragraphs);
    }
    (out, paragraphs)
}

enum Tag {
    /// Not a tag: a literal `<`.
    Text,
    /// A tag (or comment, doctype) that adds nothing; ends at the offset given.
    Inline(usize),
    /// A tag that ends a paragraph.
    Block(usize),
    /// An element whose content is not text (`script`, `style`...).
    Raw(usize, &'static [u8]),
    /// `<q>` (false) or `</q>` (true): an inline quotation, drawn with quotation marks.
    Q(usize, bool),
}

const BLOCK: &[&[u8]] = &[
    b"p",
    b"br",
    b"div",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"li",
    b"blockquote",
    b"ul",
    b"ol",
    b"dl",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"table",
    b"caption",
    b"section",
    b"article",
    b"header",
    b"footer",
    b"aside",
    b"figure",
    b"figcaption",
    b"pre",
    b"hr",
    b"address",
    b"main",
    b"nav",
    b"hgroup",
    b"details",
    b"summary",
    b"center",
    b"body",
    b"html",
];
const RAW: &[&[u8]] = &[b"script", b"style", b"template", b"noscript", b"title", b"head", b"svg", b"math", b"iframe"];

/// Classify the `<` at `b[i]`.
fn tag(b: &[u8], i: usize, no_gt_from: &mut usize) -> Tag {
    let rest = &b[i + 1..];
    if rest.starts_with(b"!--") {
        let end = memchr::memmem::find(&rest[3..], b"-->").map_or(b.len(), |k| i + 1 + 3 + k + 3);
        return Tag::Inline(end);
    }
    let (closing, name_start) = if rest.first() == Some(&b'/') { (true, i + 2) } else { (false, i + 1) };
    let is_decl = matches!(rest.first(), Some(b'!' | b'?'));
    if !is_decl && !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return Tag::Text;
    }
    let name_end = b[name_start..]
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
        .map_or(b.len(), |k| name_start + k);
    if i >= *no_gt_from {
        return Tag::Text;
    }
    let Some(end) = tag_end(b, name_end) else {
        *no_gt_from = i;
        return Tag::Text;
    };
    if is_decl {
        return Tag::Inline(end);
    }
    let name = &b[name_start..name_end];
    let is = |set: &[&'static [u8]]| set.iter().copied().find(|t| t.eq_ignore_ascii_case(name));
    if !closing && let Some(raw) = is(RAW) {
        // `<script/>` has no content to skip.
        return if b[..end].ends_with(b"/>") { Tag::Inline(end) } else { Tag::Raw(end, raw) };
    }
    if name.eq_ignore_ascii_case(b"q") {
        return Tag::Q(end, closing);
    }
    if is(BLOCK).is_some() { Tag::Block(end) } else { Tag::Inline(end) }
}

/// Offset after the `>` closing a tag whose attributes start at `from`; quoted attribute
/// values may hold `>`.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(from + k + 1),
            _ => {}
        }
    }
    // An unbalanced quote: fall back to the first `>`.
    memchr::memchr(b'>', &b[from..]).map(|k| from + k + 1)
}

/// Offset after `</name ...>` following `from`, or the end of the input.
fn skip_raw(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + k + 2;
        if b.get(at..at + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return memchr::memchr(b'>', &b[at..]).map_or(b.len(), |g| at + g + 1);
        }
        i = at;
    }
    b.len()
}

/// A character reference at the start of `b` (which starts with `&`): the character
/// (None for one that stands for nothing, such as a soft hyphen) and its length.
/// Only references closed by `;` are taken, so `AT&T` stays as written.
fn entity(b: &[u8]) -> Option<(Option<char>, usize)> {
    let semi = b.iter().take(34).position(|&c| c == b';')?;
    let body = &b[1..semi];
    let n = semi + 1;
    if let Some(num) = body.strip_prefix(b"#") {
        let (digits, radix) = match num.first() {
            Some(b'x' | b'X') => (&num[1..], 16),
            _ => (num, 10),
        };
        if digits.is_empty() || digits.len() > 8 {
            return None;
        }
        let s = std::str::from_utf8(digits).ok()?;
        let v = u32::from_str_radix(s, radix).ok()?;
        return Some((Some(numeric_char(v)), n));
    }
    if body.is_empty() || !body.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let name = std::str::from_utf8(body).ok()?;
    named(name).map(|c| (c, n))
}

/// A numeric reference as HTML reads it: 0x80..0x9F are Windows-1252 (old CMSes write
/// `&#147;` for a curly quote), invalid code points become U+FFFD.
fn numeric_char(v: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match v {
        0 => '\u{fffd}',
        0x80..=0x9f => CP1252[(v - 0x80) as usize],
        _ => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

/// Named references news HTML uses. Spaces of every width become a plain space.
fn named(name: &str) -> Option<Option<char>> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" | "hairsp" | "numsp" | "puncsp" | "MediumSpace" => ' ',
        "shy" | "zwj" | "zwnj" | "lrm" | "rlm" | "ZeroWidthSpace" => return Some(None),
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "hyphen" | "dash" => '‐',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "dagger" => '†',
        "Dagger" => '‡',
        "sect" => '§',
        "para" => '¶',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "permil" => '‰',
        "percnt" => '%',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "dollar" => '$',
        "num" => '#',
        "commat" => '@',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "szlig" => 'ß',
        _ => return accented(name).map(Some),
    };
    Some(Some(c))
}

/// `&eacute;`, `&Ntilde;`, `&ouml;`...: a base letter and a diacritic name.
fn accented(name: &str) -> Option<char> {
    const TABLE: &[(&str, &str, &str)] = &[
        // (suffix, lowercase letters in order, uppercase letters in order) over bases "aeiouycn"
        ("acute", "áéíóúýćń", "ÁÉÍÓÚÝĆŃ"),
        ("grave", "àèìòù", "ÀÈÌÒÙ"),
        ("circ", "âêîôû", "ÂÊÎÔÛ"),
        ("uml", "äëïöüÿ", "ÄËÏÖÜŸ"),
        ("tilde", "ãõñ", "ÃÕÑ"),
        ("cedil", "ç", "Ç"),
        ("ring", "å", "Å"),
        ("slash", "ø", "Ø"),
        ("caron", "šžčř", "ŠŽČŘ"),
    ];
    const BASES: &[(&str, &str)] = &[
        ("acute", "aeiouycn"),
        ("grave", "aeiou"),
        ("circ", "aeiou"),
        ("uml", "aeiouy"),
        ("tilde", "aon"),
        ("cedil", "c"),
        ("ring", "a"),
        ("slash", "o"),
        ("caron", "szcr"),
    ];
    match name {
        "aelig" => return Some('æ'),
        "AElig" => return Some('Æ'),
        "oelig" => return Some('œ'),
        "OElig" => return Some('Œ'),
        "eth" => return Some('ð'),
        "thorn" => return Some('þ'),
        _ => {}
    }
    let mut chars = name.chars();
    let base = chars.next()?;
    let suffix = chars.as_str();
    let (_, lower, upper) = TABLE.iter().find(|t| t.0 == suffix)?;
    let (_, bases) = BASES.iter().find(|t| t.0 == suffix)?;
    let idx = bases.find(base.to_ascii_lowercase())?;
    let set = if base.is_ascii_uppercase() { upper } else { lower };
    set.chars().nth(idx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::OffsetMap;

    fn paras(html: &str) -> Vec<String> {
        let (t, p) = to_text(html);
        p.iter().map(|s| s.text(&t.text).to_string()).collect()
    }

    #[test]
    fn block_tags_end_paragraphs_and_inline_tags_vanish() {
        let html = "<h1>Title</h1><p>One <b>bold</b> word.</p>\n<p>Two<br>Three</p><div>Four</div>\
                    <ul><li>Five</li><li>Six</li></ul><blockquote>Seven</blockquote>Eight";
        assert_eq!(
            paras(html),
            vec!["Title", "One bold word.", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"]
        );
    }

    #[test]
    fn entities_decode_and_map_to_the_reference() {
        let html = "<p>&ldquo;We&rsquo;re ready,&#8221; she said &amp; left.&nbsp;AT&T &#147;x&#148; &eacute;&Ntilde; &bogus;</p>";
        let (t, p) = to_text(html);
        assert_eq!(p[0].text(&t.text), "“We’re ready,” she said & left. AT&T “x” éÑ &bogus;");
        let map = OffsetMap::Segments(t.segs.clone());
        let q = t.text.find('“').unwrap();
        let q_end = t.text.find('”').unwrap() + '”'.len_utf8();
        let s = map.span_to_source(Span::new(q, q_end));
        assert_eq!(&html[s.start..s.end], "&ldquo;We&rsquo;re ready,&#8221;");
    }

    #[test]
    fn comments_scripts_and_stray_angle_brackets() {
        let html =
            "<p>a < b and 3<4</p><!-- note --><script>var x = '<p>no</p>';</script><style>p{}</style><p>e > f</p>";
        assert_eq!(paras(html), vec!["a < b and 3<4", "e > f"]);
        // Unclosed tag-like text stays text, and nothing panics on truncated input.
        assert_eq!(paras("x <b"), vec!["x <b"]);
        assert_eq!(paras("x &#"), vec!["x &#"]);
        assert_eq!(paras("<p>x</p><!-- open"), vec!["x"]);
        assert_eq!(paras("<script>never closed"), Vec::<String>::new());
        assert_eq!(paras("&#0; &#xD800; &#99999999;"), vec!["\u{fffd} \u{fffd} \u{fffd}"]);
    }

    #[test]
    fn inline_q_elements_get_quotation_marks() {
        let html = r#"<p>She said <q cite="x">we are ready</q> on Monday.</p>"#;
        let (t, p) = to_text(html);
        assert_eq!(p[0].text(&t.text), "She said “we are ready” on Monday.");
        let map = OffsetMap::Segments(t.segs.clone());
        let a = t.text.find('“').unwrap();
        let b = t.text.find('”').unwrap() + 3;
        let s = map.span_to_source(Span::new(a, b));
        assert_eq!(&html[s.start..s.end], r#"<q cite="x">we are ready</q>"#);
    }

    #[test]
    fn attributes_may_hold_angle_brackets() {
        assert_eq!(paras(r#"<p><a href="x" title="a>b">link</a> text</p>"#), vec!["link text"]);
    }
}
