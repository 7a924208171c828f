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

/// Open-addressing table keyed by packed words (see [`pack_word`]); an all-zero key marks
/// an empty slot (no word is empty). A look-up is one hash and nearly always one compare:
/// the closed-class word sets and the lexicons' single-word table are asked about nearly
/// every word of every sentence.
#[derive(Debug, Clone, Default)]
pub struct PackedMap<V> {
    slots: Vec<([u64; 2], V)>,
    mask: usize,
}

impl<V: Copy + Default> PackedMap<V> {
    /// A key given twice keeps its last value.
    pub fn new(entries: Vec<([u64; 2], V)>) -> Self {
        let size = (entries.len() * 2).next_power_of_two().max(8);
        let mut map = Self { slots: vec![([0; 2], V::default()); size], mask: size - 1 };
        for (key, value) in entries {
            let mut i = Self::slot(key) & map.mask;
            while map.slots[i].0 != [0; 2] && map.slots[i].0 != key {
                i = (i + 1) & map.mask;
            }
            map.slots[i] = (key, value);
        }
        map
    }

    #[inline]
    fn slot(key: [u64; 2]) -> usize {
        ((key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
    }

    #[inline]
    pub fn get(&self, key: [u64; 2]) -> Option<V> {
        let mut i = Self::slot(key) & self.mask;
        loop {
            let (k, value) = *self.slots.get(i)?;
            if k == key {
                return Some(value);
            }
            if k == [0; 2] {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// `to_ascii_lowercase` of eight bytes at once: a byte in b'A'..=b'Z' gains 0x20, every
/// other byte (digits, punctuation, UTF-8 bytes, zero padding) is left as it is.
#[inline]
fn ascii_lower8(x: u64) -> u64 {
    let low7 = x & !HIGH_BITS;
    // Per byte, the high bit of `low7 + (0x80 - c)` is set when the byte is >= c.
    let at_least_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !past_z & !x & HIGH_BITS;
    x | (upper >> 2)
}

/// The run of ASCII letters, digits and `_` that `bytes` begins with, when it is shorter
/// than eight bytes and eight bytes are there to read: (its length, its bytes lower-cased
/// and zero padded, as `pack_word(run, true)[0]`). One load serves both, for the word index.
#[inline]
pub fn short_ascii_word(bytes: &[u8]) -> Option<(usize, u64)> {
    let chunk = bytes.get(..8)?;
    let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
    let outside = !ascii_word_mask(x, true) & HIGH_BITS;
    if outside == 0 {
        return None;
    }
    let len = (outside.trailing_zeros() / 8) as usize;
    // len < 8: keep the run's bytes only.
    let run = x & ((1u64 << (8 * len)) - 1);
    Some((len, ascii_lower8(run)))
}

/// [`short_ascii_word`]'s packed bytes when the caller has measured the run already: `len`
/// (1 to 7) ASCII letters and digits begin `bytes`. None when the run goes on (a `_` or a
/// letter after a span the caller stopped at), or eight bytes are not there to read.
#[inline]
pub fn short_known_run(bytes: &[u8], len: usize) -> Option<u64> {
    if !(1..8).contains(&len) || bytes.get(len).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let chunk = bytes.get(..8)?;
    let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
    Some(ascii_lower8(x & ((1u64 << (8 * len)) - 1)))
}

/// Length of the run of ASCII letters and digits (and `_` when `underscore`) that `bytes`
/// begins with. Eight bytes are classified at once: the tokeniser and the word index call
/// this at every word, and a byte loop paid a mispredicted exit per word besides.
#[inline]
pub fn ascii_run_len(bytes: &[u8], underscore: bool) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let outside = !ascii_word_mask(x, underscore) & HIGH_BITS;
        if outside != 0 {
            return n + (outside.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let word = |b: &u8| b.is_ascii_alphanumeric() || (underscore && *b == b'_');
    n + bytes[n..].iter().take_while(|b| word(b)).count()
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Per byte of `x`, the high bit set when the byte is an ASCII letter or digit (or `_`).
#[inline]
fn ascii_word_mask(x: u64, underscore: bool) -> u64 {
    let low7 = x & !HIGH_BITS;
    // High bit of `v + (0x80 - c)` per byte: v >= c (no carries: v <= 0x7f).
    let at_least = |v: u64, c: u8| v + ONES * u64::from(0x80 - c);
    let in_range = |v: u64, lo: u8, hi: u8| at_least(v, lo) & !at_least(v, hi + 1);
    let digit = in_range(low7, b'0', b'9');
    // `| 0x20` lower-cases letters; only letters land in a..z.
    let letter = in_range(low7 | (ONES * 0x20), b'a', b'z');
    let mut word = digit | letter;
    if underscore {
        let diff = low7 ^ (ONES * u64::from(b'_'));
        // High bit set where `diff` is zero: adding 0x7f carries into it for any other byte.
        word |= !((diff + ONES * 0x7f) | diff);
    }
    word & !x & HIGH_BITS
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
    fn short_words_read_in_one_load_agree_with_the_run_and_its_packing() {
        let text = b"said, U.S_x 2022 ABCDEFGHIJ ok";
        for start in 0..text.len() {
            let bytes = &text[start..];
            let len = ascii_run_len(bytes, true);
            match short_ascii_word(bytes) {
                Some((n, key)) => {
                    assert_eq!(n, len, "at {start}");
                    let want = if n == 0 { 0 } else { pack_word(&bytes[..n], true).unwrap()[0] };
                    assert_eq!(key, want, "at {start}");
                }
                None => assert!(len >= 8 || bytes.len() < 8, "at {start}"),
            }
        }
    }

    #[test]
    fn ascii_runs_agree_with_a_byte_loop() {
        let alphabet = b"aZ09_ .-'\xc3\xa9@[`{/:";
        let mut seed = 5u64;
        for _ in 0..4000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 58) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|i| alphabet[((seed >> (i % 50)) as usize ^ i.wrapping_mul(7)) % alphabet.len()])
                .collect();
            for start in 0..=bytes.len() {
                for underscore in [false, true] {
                    let want = bytes[start..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || (underscore && **b == b'_'))
                        .count();
                    assert_eq!(ascii_run_len(&bytes[start..], underscore), want, "{bytes:?} at {start}");
                }
            }
        }
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b; 8]);
            let want = if b.is_ascii_alphanumeric() { HIGH_BITS } else { 0 };
            assert_eq!(ascii_word_mask(x, false), want, "byte {b:#x}");
            let want = if b.is_ascii_alphanumeric() || b == b'_' { HIGH_BITS } else { 0 };
            assert_eq!(ascii_word_mask(x, true), want, "byte {b:#x}");
        }
    }

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
