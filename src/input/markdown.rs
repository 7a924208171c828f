//! Markdown with optional front matter (YAML `---` or TOML `+++`).
//!
//! The analysis text is a same-length copy of the file in which everything that is not
//! prose (front matter, `#`, `*`, `_`, `>`, list markers, link brackets and URLs, HTML,
//! code blocks, images, tables) is blanked to whitespace of the same byte length, newlines
//! kept. So the map is the identity and every span is a byte offset into the file.
//! Paragraphs come from the Markdown block structure (paragraphs, list items, block
//! quotes); headings are not body paragraphs, and the first level-1 heading is the headline
//! when the front matter gives none.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::{InputError, parse_date};
use crate::document::{Document, InputFormat, Meta, OffsetMap, Segment};
use crate::text::Span;

pub(super) fn parse(path: &str, source: String) -> Result<Document, InputError> {
    let mut meta = Meta::default();
    let body_start = front_matter(&source, &mut meta)?;
    let mut text = blank(&source);
    let mut raw_paragraphs: Vec<Span> = Vec::new();
    let mut h1: Option<String> = None;
    let mut entities: Vec<Segment> = Vec::new();
    walk(&source, body_start, &mut text, &mut raw_paragraphs, &mut h1, &mut entities);
    if meta.headline.is_none() {
        meta.headline = h1.map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
    }
    // Every write into `text` replaced whole characters by characters of the same length,
    // so it is still UTF-8; the fallback only keeps this panic-free.
    let text = String::from_utf8(text).unwrap_or_else(|_| source.clone());
    let paragraphs = raw_paragraphs.into_iter().map(|p| p.trim(&text)).filter(|p| !p.is_empty()).collect();
    let map = if entities.is_empty() { OffsetMap::Identity } else { OffsetMap::Segments(entities) };
    Ok(Document::new(path.to_string(), InputFormat::Markdown, source, text, map, meta, paragraphs))
}

/// The file with every character but line ends replaced by whitespace of the same UTF-8
/// length (a space, U+00A0, U+2002), so character boundaries stay where they are. A 4-byte
/// character (an emoji) has no whitespace of its length and is kept.
fn blank(source: &str) -> Vec<u8> {
    let src = source.as_bytes();
    let mut out = vec![b' '; src.len()];
    for i in memchr::memchr2_iter(b'\n', b'\r', src) {
        out[i] = src[i];
    }
    let mut i = 0;
    while let Some(k) = first_non_ascii(&src[i..]) {
        let at = i + k;
        let len = match src[at] {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        let end = (at + len).min(src.len());
        match len {
            2 => out[at..end].copy_from_slice(&"\u{a0}".as_bytes()[..end - at]),
            3 => out[at..end].copy_from_slice(&"\u{2002}".as_bytes()[..end - at]),
            _ => out[at..end].copy_from_slice(&src[at..end]),
        }
        i = end;
    }
    out
}

/// Index of the first byte >= 0x80, skipping ASCII 16 bytes at a time.
fn first_non_ascii(b: &[u8]) -> Option<usize> {
    let mut skipped = 0;
    for chunk in b.chunks_exact(16) {
        if !chunk.is_ascii() {
            break;
        }
        skipped += 16;
    }
    b[skipped..].iter().position(|&c| c >= 0x80).map(|k| skipped + k)
}

/// Copy the source bytes of `r` back into the analysis text.
fn unblank(source: &str, text: &mut [u8], r: std::ops::Range<usize>) {
    if r.start < r.end && r.end <= source.len() && source.is_char_boundary(r.start) && source.is_char_boundary(r.end) {
        text[r.clone()].copy_from_slice(&source.as_bytes()[r]);
    }
}

/// Walk the Markdown after the front matter: restore prose into `text`, collect the
/// paragraphs (untrimmed), the first level-1 heading, and the character references
/// (`&rdquo;`), which are decoded in place, padded with spaces, and recorded as atomic
/// segments so that a span touching one maps to the whole reference.
fn walk(
    source: &str,
    base: usize,
    text: &mut [u8],
    paragraphs: &mut Vec<Span>,
    h1: &mut Option<String>,
    entities: &mut Vec<Segment>,
) {
    let Some(body) = source.get(base..) else { return };
    let opts =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Depth inside content that is not prose (code, HTML blocks, tables, images, autolinks).
    let mut skip = 0usize;
    // Whether each open link is an autolink (its text is a URL).
    let mut links: Vec<bool> = Vec::new();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut acc: Option<Span> = None;
    let flush = |acc: &mut Option<Span>, paragraphs: &mut Vec<Span>| {
        if let Some(p) = acc.take() {
            paragraphs.push(p);
        }
    };
    for (ev, r) in Parser::new_ext(body, opts).into_offset_iter() {
        let r = r.start + base..r.end + base;
        match ev {
            Event::Start(tag) => match tag {
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
                Tag::Link { link_type, .. } => {
                    let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    links.push(auto);
                    skip += usize::from(auto);
                }
                Tag::Image { .. } => skip += 1,
                Tag::HtmlBlock => {
                    flush(&mut acc, paragraphs);
                    if skip == 0 {
                        html_block(source, r.clone(), text, paragraphs, entities);
                    }
                    skip += 1;
                }
                Tag::CodeBlock(_) | Tag::Table(_) | Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {
                    flush(&mut acc, paragraphs);
                    skip += 1;
                }
                Tag::Heading { level, .. } => {
                    flush(&mut acc, paragraphs);
                    heading = Some((level, String::new()));
                }
                _ => flush(&mut acc, paragraphs),
            },
            Event::End(tag) => match tag {
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {
                }
                TagEnd::Link => {
                    if links.pop() == Some(true) {
                        skip = skip.saturating_sub(1);
                    }
                }
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::MetadataBlock(_) => skip = skip.saturating_sub(1),
                TagEnd::Heading(_) => {
                    if let Some((level, h)) = heading.take()
                        && level == HeadingLevel::H1
                        && h1.is_none()
                        && skip == 0
                    {
                        *h1 = Some(h);
                    }
                }
                _ => flush(&mut acc, paragraphs),
            },
            Event::Text(t) | Event::Code(t) if skip == 0 => {
                let mut r = r;
                let code = source.as_bytes().get(r.start) == Some(&b'`');
                if code {
                    // Inline code: keep the code, blank the backticks.
                    while r.start < r.end && source.as_bytes()[r.start] == b'`' {
                        r.start += 1;
                    }
                    while r.end > r.start && source.as_bytes()[r.end - 1] == b'`' {
                        r.end -= 1;
                    }
                }
                let written = &source[r.clone()];
                if written.len() > t.len() && written.starts_with('&') && written.ends_with(';') && !code {
                    // A character reference: the blanked (ASCII) bytes take the decoded text.
                    text[r.start..r.start + t.len()].copy_from_slice(t.as_bytes());
                    entities.push(Segment::atomic(r.start, r.len(), r.start, r.len()));
                } else {
                    unblank(source, text, r.clone());
                }
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                } else if r.start < r.end {
                    let a = acc.get_or_insert(Span::new(r.start, r.end));
                    a.end = a.end.max(r.end);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push(' ');
                }
            }
            _ => {}
        }
    }
    flush(&mut acc, paragraphs);
}

/// Elements whose HTML blocks hold article prose (`<p>` pasted from a CMS); other blocks
/// (embeds, figures, scripts, comments, tables) stay blank.
const PROSE_BLOCKS: &[&str] =
    &["p", "div", "blockquote", "ul", "ol", "li", "section", "article", "span", "em", "strong", "b", "i", "a", "q"];

/// The prose of an HTML block, restored in place: text runs copied back, character
/// references decoded and recorded like Markdown's, `<p>`s and the like as paragraphs.
fn html_block(
    source: &str,
    r: std::ops::Range<usize>,
    text: &mut [u8],
    paragraphs: &mut Vec<Span>,
    entities: &mut Vec<Segment>,
) {
    let Some(block) = source.get(r.clone()) else { return };
    let head = block.trim_start().strip_prefix('<').unwrap_or("");
    let name_len = head.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if !PROSE_BLOCKS.iter().any(|p| p.eq_ignore_ascii_case(&head[..name_len])) {
        return;
    }
    let (out, paras) = super::html::to_text(block);
    for seg in &out.segs {
        let at = r.start + seg.source;
        if !seg.atomic {
            unblank(source, text, at..at + seg.source_len);
        } else if source.as_bytes().get(at) == Some(&b'&') && seg.text_len <= seg.source_len {
            let decoded = out.text.as_bytes().get(seg.text..seg.text + seg.text_len).unwrap_or_default();
            text[at..at + decoded.len()].copy_from_slice(decoded);
            entities.push(Segment::atomic(at, seg.source_len, at, seg.source_len));
        }
    }
    let map = OffsetMap::Segments(out.segs);
    for p in paras {
        let s = map.span_to_source(p);
        paragraphs.push(Span::new(r.start + s.start, r.start + s.end));
    }
}

/// Read front matter at the top of the file into `meta`; returns where the Markdown starts.
fn front_matter(source: &str, meta: &mut Meta) -> Result<usize, InputError> {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineIter { s: source, pos: start };
    let Some((first, _)) = lines.next() else { return Ok(0) };
    let delim = match first.trim_end() {
        "---" => "---",
        "+++" => "+++",
        _ => return Ok(0),
    };
    let toml = delim == "+++";
    let mut body: Vec<(&str, usize)> = Vec::new();
    let mut end = None;
    for (line, at) in lines.by_ref() {
        let trimmed = line.trim_end();
        if trimmed == delim || (!toml && trimmed == "...") {
            end = Some(lines.pos);
            break;
        }
        body.push((line, at));
    }
    // No closing delimiter: not front matter (`---` is then a thematic break).
    let Some(end) = end else { return Ok(0) };
    let mut title = None;
    let mut i = 0;
    while i < body.len() {
        let (line, at) = body[i];
        let line_no = i + 2;
        i += 1;
        // Nested values (indented lines) and comments are not ours.
        if line.starts_with([' ', '\t', '#']) {
            continue;
        }
        let sep = if toml { '=' } else { ':' };
        let Some(k) = line.find(sep) else { continue };
        let key = line[..k].trim().trim_matches(['"', '\'']).to_ascii_lowercase();
        let value = unquote(source, Span::new(at + k + 1, at + line.len()).trim(source));
        let raw = value.text(source);
        // A YAML block scalar (`title: >-` and indented lines below): its lines, joined.
        let mut folded = None;
        if !toml && matches!(raw, "|" | ">" | "|-" | ">-" | "|+" | ">+") {
            let mut parts = Vec::new();
            while i < body.len() && (body[i].0.starts_with([' ', '\t']) || body[i].0.trim().is_empty()) {
                parts.push(body[i].0.trim());
                i += 1;
            }
            folded = Some(parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" "));
        }
        let text = folded.unwrap_or_else(|| unescape(source, value));
        match key.as_str() {
            "date" if !matches!(raw, "" | "~" | "null") => {
                let date = parse_date(raw).map_err(|m| InputError::BadHeader {
                    line: line_no,
                    message: format!("bad `date` in front matter: {m}"),
                })?;
                meta.dateline = Some(date);
                meta.dateline_span = Some(Span::new(value.start, value.start + raw.len().min(10)));
            }
            "headline" if !text.is_empty() => meta.headline = Some(text),
            "title" if !text.is_empty() => title = Some(text),
            "outlet" if !text.is_empty() => meta.outlet = Some(text),
            _ => {}
        }
    }
    if meta.headline.is_none() {
        meta.headline = title;
    }
    Ok(end)
}

/// A front-matter value as a string: `\"` in double quotes and `''` in single quotes
/// stand for the quote mark.
fn unescape(source: &str, value: Span) -> String {
    let v = value.text(source);
    let quote = source[..value.start].chars().next_back();
    match quote {
        Some('"') if source[value.end..].starts_with('"') => v.replace("\\\"", "\"").replace("\\\\", "\\"),
        Some('\'') if source[value.end..].starts_with('\'') => v.replace("''", "'"),
        _ => v.to_string(),
    }
    .trim()
    .to_string()
}

/// The span of a front-matter value without its quotes or trailing comment.
fn unquote(source: &str, value: Span) -> Span {
    let v = value.text(source);
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return Span::new(value.start + 1, value.end - 1);
        }
    }
    // `date: 2022-02-03 # published` -> the part before the comment.
    match v.find(" #") {
        Some(k) => Span::new(value.start, value.start + k).trim(source),
        None => value,
    }
}

/// Lines of `s` from `pos`: (line without `\n`, its offset).
struct LineIter<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.s.get(self.pos..).filter(|r| !r.is_empty())?;
        let at = self.pos;
        let len = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        self.pos += (len + 1).min(rest.len());
        Some((rest[..len].strip_suffix('\r').unwrap_or(&rest[..len]), at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        parse("a.md", s.to_string()).unwrap()
    }

    fn paras(d: &Document) -> Vec<&str> {
        d.paragraphs.iter().map(|&p| d.slice(p)).collect()
    }

    #[test]
    fn front_matter_gives_dateline_headline_outlet_and_is_blanked() {
        let src = "---\ndate: \"2022-02-03T10:00:00Z\"\ntitle: 'Putin hopeful'\noutlet: Bloomberg\ntags:\n  - x\nauthor: A\n---\n\n“I hope,” Putin said.\n";
        let d = doc(src);
        assert_eq!(d.format, InputFormat::Markdown);
        assert_eq!(d.meta.dateline.unwrap().to_string(), "2022-02-03");
        assert_eq!(d.meta.dateline_span.unwrap().text(&d.source), "2022-02-03");
        assert_eq!(d.meta.headline.as_deref(), Some("Putin hopeful"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Bloomberg"));
        assert_eq!(d.text.len(), d.source.len());
        assert!(!d.text.contains("Bloomberg"));
        assert_eq!(paras(&d), vec!["“I hope,” Putin said."]);
        // Identity map: the quote's span is the quote in the file.
        let q = d.quotes[0].span;
        assert_eq!(&d.source[q.start..q.end], "“I hope,”");
    }

    #[test]
    fn headline_key_wins_and_toml_front_matter_works() {
        let d = doc("---\ntitle: T\nheadline: H\n---\nBody.");
        assert_eq!(d.meta.headline.as_deref(), Some("H"));
        let d = doc("---\ntitle: >-\n  A long\n  headline\n\noutlet: \"The \\\"Times\\\"\"\n---\nBody.");
        assert_eq!(d.meta.headline.as_deref(), Some("A long headline"));
        assert_eq!(d.meta.outlet.as_deref(), Some("The \"Times\""));
        let d = doc("---\ndate:\ntitle: 'It''s here'\n---\nBody.");
        assert_eq!(d.meta.headline.as_deref(), Some("It's here"));
        assert!(d.meta.dateline.is_none());
        let d = doc("+++\ndate = 2021-05-01\ntitle = \"T\"\n+++\nBody.");
        assert_eq!(d.meta.dateline.unwrap().to_string(), "2021-05-01");
        assert_eq!(d.meta.headline.as_deref(), Some("T"));
    }

    #[test]
    fn bad_front_matter_date_names_its_line() {
        let err = parse("a.md", "---\ntitle: x\ndate: 2022-02-30\n---\nBody.".into()).unwrap_err();
        assert_eq!(err, InputError::BadHeader { line: 3, message: err_msg(&err) });
        assert!(err.to_string().starts_with("line 3: bad `date`"), "{err}");
    }

    fn err_msg(e: &InputError) -> String {
        match e {
            InputError::BadHeader { message, .. } => message.clone(),
            _ => String::new(),
        }
    }

    #[test]
    fn markup_is_blanked_and_paragraphs_follow_blocks() {
        let src = "# The headline\n\nHe said *very* **clearly** [here](http://x.com/a \"t\") and `code`.\n\n\
                   > “A quote,” she said,\n> “goes on.”\n\n- First item.\n- Second item\n  continues.\n\n\
                   ```\nlet x = \"not prose\";\n```\n\n<iframe>html block</iframe>\n\n## Sub\n\nLast <b>bold</b> line.  \nhard break\n";
        let d = doc(src);
        assert_eq!(d.meta.headline.as_deref(), Some("The headline"));
        assert_eq!(
            paras(&d),
            vec![
                "He said  very    clearly    here                      and  code .",
                "“A quote,” she said,\n  “goes on.”",
                "First item.",
                "Second item\n  continues.",
                "Last    bold     line.  \nhard break",
            ]
        );
        assert_eq!(d.text.len(), src.len());
        assert!(!d.text.contains("not prose") && !d.text.contains("http") && !d.text.contains("html block"));
        // Newlines kept: line numbers of the text are those of the file.
        assert_eq!(d.text.matches('\n').count(), src.matches('\n').count());
        let q = d.quotes.iter().find(|q| d.slice(q.span).starts_with("“A")).unwrap();
        assert_eq!(&d.source[q.span.start..q.span.end], d.slice(q.span));
    }

    #[test]
    fn non_ascii_markup_keeps_char_boundaries() {
        let src = "Prose é.\n\n```\ncafé — 😀\n```\n\n![alt é](u.png) Text.";
        let d = doc(src);
        for (i, _) in d.source.char_indices() {
            assert!(d.text.is_char_boundary(i));
        }
        assert_eq!(paras(&d), vec!["Prose é.", "Text."]);
    }

    #[test]
    fn no_front_matter_and_unclosed_front_matter() {
        let d = doc("Just text.\n\nMore.");
        assert!(d.meta.dateline.is_none() && d.meta.headline.is_none());
        assert_eq!(paras(&d), vec!["Just text.", "More."]);
        // An unclosed `---` is a thematic break, not front matter.
        let d = doc("---\nSome text.\n");
        assert_eq!(paras(&d), vec!["Some text."]);
        assert!(d.meta.dateline.is_none());
    }

    #[test]
    fn pathological_nesting_does_not_crash() {
        for src in [
            format!("{} deep", ">".repeat(50_000)),
            format!("{}x{}", "[".repeat(50_000), "]".repeat(50_000)),
            format!("{}x{}", "*".repeat(50_000), "*".repeat(50_000)),
            "- a\n".repeat(10_000) + &"  ".repeat(5_000) + "- b",
        ] {
            let d = doc(&src);
            assert_eq!(d.text.len(), src.len());
        }
    }

    #[test]
    fn character_references_are_decoded_in_place_and_map_whole() {
        let src = "&ldquo;We&rsquo;re ready,&rdquo; said AT&amp;T.";
        let d = doc(src);
        assert_eq!(d.text.len(), src.len());
        assert_eq!(d.slice(d.paragraphs[0]), "“    We’    re ready,”     said AT&    T.");
        let q = d.quotes[0].span;
        let s = d.map.span_to_source(q);
        assert_eq!(&d.source[s.start..s.end], "&ldquo;We&rsquo;re ready,&rdquo;");
        // Lines and columns are untouched.
        assert_eq!(d.map.to_source(d.text.find("said").unwrap()), src.find("said").unwrap());
    }

    #[test]
    fn prose_html_blocks_are_read_and_embeds_are_not() {
        let src = "Intro.\n\n<p>&ldquo;Pasted,&rdquo; she <em>said</em>.</p>\n<p>Second.</p>\n\n\
                   <figure><figcaption>Photo caption</figcaption></figure>\n\n<!-- note -->\n\nOutro.";
        let d = doc(src);
        assert_eq!(paras(&d), vec!["Intro.", "“    Pasted,”     she     said     .", "Second.", "Outro."]);
        let q = d.quotes[0].span;
        let s = d.map.span_to_source(q);
        assert_eq!(&d.source[s.start..s.end], "&ldquo;Pasted,&rdquo;");
        assert!(!d.text.contains("caption"));
    }

    #[test]
    fn escapes_and_autolinks() {
        let d = doc("A \\*literal\\* star and <https://example.com> link.");
        assert_eq!(paras(&d), vec!["A  *literal * star and                       link."]);
    }

    #[test]
    fn seed_fixture_reads_as_written() {
        let d = doc(include_str!("../../fixtures/inputs/seed.md"));
        assert_eq!(d.meta.dateline.unwrap().to_string(), "2022-02-03");
        assert_eq!(d.meta.headline.as_deref(), Some("Putin hopeful of deal with US on security tensions"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Bloomberg"));
        assert_eq!(d.paragraphs.len(), 4);
        assert!(d.slice(d.paragraphs[0]).starts_with("Russian President"));
        assert_eq!(d.slice(d.paragraphs[3]), "The US says NATO is a  defensive  alliance and not a threat to Russia.");
        let quotes: Vec<&str> = d.quotes.iter().map(|q| &d.source[q.span.start..q.span.end]).collect();
        assert_eq!(quotes[..2], ["“deceiving”", "“I hope that dialogue will continue,”"]);
        assert!(quotes[2].starts_with("“We realize") && quotes[2].ends_with("will\n> be,”"), "{}", quotes[2]);
    }
}
