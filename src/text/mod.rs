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
    // Loads that may overlap instead of a byte loop or a variable-length copy (which
    // calls memcpy): every closed-class word test of the analyses starts here.
    let mut key = [load_le(&word[..word.len().min(8)]), if word.len() > 8 { load_le(&word[8..]) } else { 0 }];
    if lower {
        key = key.map(ascii_lower8);
    }
    Some(key)
}

/// 1 to 8 bytes as a little-endian integer, zero padded.
#[inline]
fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    let word4 = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    match n {
        8 => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        // Two four-byte loads that overlap in the middle: the shared bytes are equal.
        4..=7 => word4(0) | word4(n - 4) << (8 * (n - 4)),
        1..=3 => u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1)),
        _ => 0,
    }
}

/// `to_ascii_lowercase` of eight bytes at once: a byte in b'A'..=b'Z' gains 0x20, every
/// other byte (digits, punctuation, UTF-8 bytes, zero padding) is left as it is.
#[inline]
fn ascii_lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    // Per byte, the high bit of `low7 + (0x80 - c)` is set when the byte is >= c.
    let at_least_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !past_z & !x & HIGH;
    x | (upper >> 2)
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
    fn eight_byte_lower_casing_agrees_with_the_byte_at_a_time_one() {
        for b in 0..=255u8 {
            for fill in [0u8, b'a', b'Z', 0xC3, 0x7F] {
                let mut bytes = [fill; 8];
                bytes[3] = b;
                let x = u64::from_le_bytes(bytes);
                let want = u64::from_le_bytes(bytes.map(|c| c.to_ascii_lowercase()));
                assert_eq!(ascii_lower8(x), want, "byte {b:#x} among {fill:#x}");
            }
        }
        assert_eq!(pack_word(b"SAID", true), pack_word(b"said", false));
        for len in 1..=16 {
            let word: Vec<u8> = (0..len as u8).map(|i| b'A' + i).collect();
            let mut want = [0u64; 2];
            for (i, &b) in word.iter().enumerate() {
                want[i / 8] |= u64::from(b.to_ascii_lowercase()) << (8 * (i % 8));
            }
            assert_eq!(pack_word(&word, true), Some(want), "length {len}");
        }
        assert_eq!(pack_word(b"", true), None);
        assert_eq!(pack_word(&[b'a'; 17], true), None);
    }

    #[test]
    fn paragraphs_split_on_blank_lines_only() {
        let text = "one\ntwo\n\n  \nthree\r\n\r\nfour";
        let mut out = Vec::new();
        split_paragraphs(text, Span::new(0, text.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|s| s.text(text)).collect();
        assert_eq!(got, vec!["one\ntwo", "three", "four"]);
    }
}
