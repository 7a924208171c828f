//! The English text layer: spans, paragraphs, sentences, tokens. No news knowledge here.

pub mod lexicon;
pub mod sentence;
pub mod span;
pub mod token;

pub use span::{LineCol, LineIndex, Span};

/// A word of 1 to 16 bytes as two little-endian integers, zero padded (no word byte is
/// zero, so the padding is unambiguous); `lower` folds ASCII capitals. Fixed-size keys let
/// word tables compare a word in two instructions.
#[inline]
pub fn pack_word(word: &[u8], lower: bool) -> Option<[u64; 2]> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let mut key = [0u64; 2];
    for (i, &b) in word.iter().enumerate() {
        let b = if lower { b.to_ascii_lowercase() } else { b };
        key[i / 8] |= u64::from(b) << (8 * (i % 8));
    }
    Some(key)
}

/// The first position in `hay` of any of four bytes. memchr's vector search finds the
/// first three; the fourth is then looked for only before that hit. Scanners that stop at
/// a handful of bytes (full stops, quotation marks) skip the rest of the text this way
/// instead of testing every byte.
#[inline]
pub fn find_any_of4(hay: &[u8], [a, b, c, d]: [u8; 4]) -> Option<usize> {
    let first = memchr::memchr3(a, b, c, hay);
    memchr::memchr(d, &hay[..first.unwrap_or(hay.len())]).or(first)
}

/// Paragraphs of `text[body]`: runs of lines separated by blank lines, trimmed.
pub fn split_paragraphs(text: &str, body: Span, out: &mut Vec<Span>) {
    let mut para_start: Option<usize> = None;
    let mut last_end = body.start;
    let mut line_start = body.start;
    let bytes = text.as_bytes();
    while line_start < body.end {
        let line_end = memchr::memchr(b'\n', &bytes[line_start..body.end]).map_or(body.end, |i| line_start + i);
        let blank = text[line_start..line_end].trim().is_empty();
        if blank {
            if let Some(s) = para_start.take() {
                out.push(Span::new(s, last_end).trim(text));
            }
        } else {
            if para_start.is_none() {
                para_start = Some(line_start);
            }
            last_end = line_end;
        }
        line_start = line_end + 1;
    }
    if let Some(s) = para_start {
        out.push(Span::new(s, last_end).trim(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_only() {
        let text = "one\ntwo\n\n  \nthree\r\n\r\nfour";
        let mut out = Vec::new();
        split_paragraphs(text, Span::new(0, text.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|s| s.text(text)).collect();
        assert_eq!(got, vec!["one\ntwo", "three", "four"]);
    }
}
