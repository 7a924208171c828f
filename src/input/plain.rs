//! Seed-style text (`date YYYY-MM-DD headline`, an outlet line, paragraphs) and plain text.

use super::{InputError, parse_date};
use crate::document::{Document, InputFormat, Meta, OffsetMap};
use crate::text::{Span, split_paragraphs};

/// The next non-blank line at or after `from`: (span of its trimmed text, offset after it).
fn next_line(text: &str, mut from: usize) -> Option<(Span, usize)> {
    while from < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i);
        let span = Span::new(from, end).trim(text);
        if !span.is_empty() {
            return Some((span, (end + 1).min(text.len())));
        }
        from = end + 1;
    }
    None
}

/// An outlet line is short and is not a sentence.
fn looks_like_outlet(line: &str) -> bool {
    line.chars().count() <= 60 && !line.ends_with(['.', '!', '?', '"', '”', ':']) && !line.contains('“')
}

pub(super) fn parse(path: &str, source: String) -> Result<Document, InputError> {
    let mut text = source.clone();
    if text.starts_with('\u{feff}') {
        // Blank the byte-order mark (3 bytes) so offsets stay those of the file.
        text.replace_range(0..3, "   ");
    }
    let mut meta = Meta::default();
    let mut body_start = 0;
    let mut format = InputFormat::Plain;
    if let Some((first, after)) = next_line(&text, 0) {
        let line = first.text(&text);
        if let Some(rest) = line.strip_prefix("date ").or_else(|| line.strip_prefix("date\t")) {
            let rest = rest.trim_start();
            let date_str = rest.get(..10).unwrap_or(rest);
            let line_no = text[..first.start].matches('\n').count() + 1;
            let date = parse_date(date_str)
                .map_err(|m| InputError::BadHeader { line: line_no, message: format!("bad dateline: {m}") })?;
            let date_start = first.start + (line.len() - rest.len());
            meta.dateline = Some(date);
            meta.dateline_span = Some(Span::new(date_start, date_start + 10));
            let headline = rest.get(10..).unwrap_or("").trim();
            meta.headline = (!headline.is_empty()).then(|| headline.to_string());
            body_start = after;
            format = InputFormat::Seed;
            if let Some((outlet, after_outlet)) = next_line(&text, after)
                && looks_like_outlet(outlet.text(&text))
            {
                meta.outlet = Some(outlet.text(&text).to_string());
                body_start = after_outlet;
            }
        }
    }
    let mut paragraphs = Vec::new();
    split_paragraphs(&text, Span::new(body_start, text.len()), &mut paragraphs);
    Ok(Document::new(path.to_string(), format, source, text, OffsetMap::Identity, meta, paragraphs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_header_gives_dateline_headline_and_outlet() {
        let src = " date 2022-02-03 Putin hopeful\n\nBloomberg\n\n\n\nFirst para.\n\nSecond para.";
        let doc = parse("a.txt", src.to_string()).unwrap();
        assert_eq!(doc.format, InputFormat::Seed);
        assert_eq!(doc.meta.dateline.unwrap().to_string(), "2022-02-03");
        assert_eq!(doc.meta.headline.as_deref(), Some("Putin hopeful"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Bloomberg"));
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.slice(doc.paragraphs[0]), "First para.");
    }

    #[test]
    fn plain_text_has_no_dateline() {
        let doc = parse("a.txt", "He said so.\n\nShe did not.".to_string()).unwrap();
        assert_eq!(doc.format, InputFormat::Plain);
        assert!(doc.meta.dateline.is_none());
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn impossible_dateline_is_an_error() {
        let err = parse("a.txt", "date 2022-02-30 X\n\nBody.".to_string()).unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }
}
