//! Word tokens over a span of text, without allocation.

use super::span::Span;

/// What a token is, as far as the text layer can tell without news knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots ("don't", "U.S", "well-known").
    Word,
    /// Digits with inner separators ("100,000", "2.5", "1990s").
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',' | '‑')
}

/// The character at byte `i` (a character boundary) of `s`, ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|t| t.chars().next()),
    }
}

/// Curly quotes, dashes, ellipses and no-break spaces: the common non-ASCII characters of
/// news, none of them alphanumeric, answered without the slow Unicode table. (Latin-1's
/// signs are not all here: "½", "²" and "º" are alphanumeric.)
#[inline]
pub(crate) fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2000}'..='\u{206f}')
}

#[inline]
fn is_word_at(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { !is_common_punctuation(c) && is_word_char(c) }
}

/// Byte classes of ASCII that the tokeniser tests per byte (white space, joiners); runs of
/// letters and digits are measured eight bytes at a time by `text::ascii_run_len`.
const SPACE: u8 = 1;
const JOINER: u8 = 2;

static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            // Unicode White_Space within ASCII, as `char::is_whitespace`.
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.' | b',') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Told where the tokeniser begins a word (a word or number token, or the part after an
/// inner joiner: "U.S" begins words at "U" and "S") and where it passes a `_`, which the
/// tokeniser reads as punctuation but the lexicon's word index as a word character. The
/// document's word index is built from these calls in the tokenising pass instead of a
/// second walk over every byte (see `Document::sentence_tokens`).
pub trait WordStartSink {
    /// `at` is an absolute byte offset into the text the span was taken from; `ascii_len` the
    /// length of the run of ASCII letters and digits the tokeniser measured there (0 for a
    /// word that begins with a non-ASCII letter, and for a `_`).
    fn word_at(&mut self, at: usize, ascii_len: usize);
}

/// No word index wanted: the calls compile away.
impl WordStartSink for () {
    #[inline(always)]
    fn word_at(&mut self, _at: usize, _ascii_len: usize) {}
}

/// The tokens of a span; see [`tokens`].
pub struct Tokens<'t, S = ()> {
    body: &'t str,
    base: usize,
    pos: usize,
    sink: S,
}

impl<S> Tokens<'_, S> {
    /// Past the run of ASCII letters and digits at `pos`.
    #[inline]
    fn skip_alnum(bytes: &[u8], pos: usize) -> usize {
        pos + super::ascii_run_len(bytes.get(pos..).unwrap_or(&[]), false)
    }
}

impl<S: WordStartSink> Iterator for Tokens<'_, S> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        let body = self.body;
        let bytes = body.as_bytes();
        let mut pos = self.pos;
        // Skip white space (Unicode White_Space, as `str::trim_start`).
        let first = loop {
            let &b = bytes.get(pos)?;
            if b < 0x80 {
                if ASCII_CLASS[b as usize] != SPACE {
                    break b as char;
                }
                pos += 1;
                continue;
            }
            let c = char_at(body, pos)?;
            if !c.is_whitespace() {
                break c;
            }
            pos += c.len_utf8();
        };
        let start = pos;
        pos += first.len_utf8();
        if !is_word_at(first) {
            if first == '_' {
                self.sink.word_at(self.base + start, 0);
            }
            self.pos = pos;
            return Some(Token { span: Span::new(self.base + start, self.base + pos), kind: TokenKind::Punct });
        }
        // Where the word part whose ASCII run is being measured began (None once told).
        let mut part = Some(start);
        if !first.is_ascii() {
            self.sink.word_at(self.base + start, 0);
            part = None;
        }
        let numeric = first.is_ascii_digit();
        loop {
            // The bulk of a word: ASCII letters and digits, a table look-up per byte.
            pos = Self::skip_alnum(bytes, pos);
            if let Some(p) = part.take() {
                self.sink.word_at(self.base + p, pos - p);
            }
            let Some(&b) = bytes.get(pos) else { break };
            let c = if b < 0x80 {
                if ASCII_CLASS[b as usize] != JOINER {
                    break;
                }
                b as char
            } else {
                let Some(c) = char_at(body, pos) else { break };
                if is_word_at(c) {
                    pos += c.len_utf8();
                    continue;
                }
                if !is_joiner(c) {
                    break;
                }
                c
            };
            // A joiner stays inside the token only between two word characters, and a
            // comma only between digits ("100,000").
            match char_at(body, pos + c.len_utf8()) {
                Some(n) if is_word_at(n) && (c != ',' || (numeric && n.is_ascii_digit())) => {
                    pos += c.len_utf8();
                    part = Some(pos);
                }
                _ => break,
            }
        }
        self.pos = pos;
        let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
        Some(Token { span: Span::new(self.base + start, self.base + pos), kind })
    }
}

/// Iterate over the tokens of `text[span]`.
///
/// A byte walk with an ASCII fast path: every analysis tokenises every sentence, so this
/// loop is one of the hottest in the product.
pub fn tokens(text: &str, span: Span) -> Tokens<'_> {
    tokens_with(text, span, ())
}

/// [`tokens`], telling `sink` where words begin (see [`WordStartSink`]).
pub fn tokens_with<S: WordStartSink>(text: &str, span: Span, sink: S) -> Tokens<'_, S> {
    Tokens { body: text.get(span.start..span.end).unwrap_or(""), base: span.start, pos: 0, sink }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_punctuation_shortcut_skips_no_alphanumeric_character() {
        for c in (0xa0..=0x2100).filter_map(char::from_u32) {
            assert!(!(is_common_punctuation(c) && c.is_alphanumeric()), "{c:?} is alphanumeric");
        }
        let text = "survived 5 ½ years";
        let got: Vec<(&str, TokenKind)> =
            tokens(text, Span::new(0, text.len())).map(|t| (t.span.text(text), t.kind)).collect();
        assert_eq!(got[2], ("½", TokenKind::Word));
    }

    #[test]
    fn keeps_inner_joiners_and_splits_punctuation() {
        let text = "Putin’s 100,000 troops, the U.S. well-known.";
        let got: Vec<&str> = tokens(text, Span::new(0, text.len())).map(|t| t.span.text(text)).collect();
        assert_eq!(got, vec!["Putin’s", "100,000", "troops", ",", "the", "U.S", ".", "well-known", "."]);
    }

    /// The previous char-iterator tokenizer, kept as the reference for the byte walk.
    fn reference(text: &str, span: Span) -> Vec<Token> {
        let body = &text[span.start..span.end];
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            let rest = &body[pos..];
            pos += rest.len() - rest.trim_start().len();
            let mut chars = body[pos..].char_indices().peekable();
            let Some((_, first)) = chars.next() else { return out };
            let start = pos;
            if !is_word_char(first) {
                pos += first.len_utf8();
                out.push(Token { span: Span::new(span.start + start, span.start + pos), kind: TokenKind::Punct });
                continue;
            }
            let numeric = first.is_ascii_digit();
            let mut end = first.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if is_word_char(c) {
                    end = i + c.len_utf8();
                    chars.next();
                } else if is_joiner(c) {
                    let mut ahead = chars.clone();
                    ahead.next();
                    match ahead.peek() {
                        Some(&(_, n)) if is_word_char(n) && (c != ',' || (numeric && n.is_ascii_digit())) => {
                            chars.next();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            pos = start + end;
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            out.push(Token { span: Span::new(span.start + start, span.start + pos), kind });
        }
    }

    #[test]
    fn byte_walk_agrees_with_the_char_reference() {
        let alphabet =
            ['a', 'Z', '7', ' ', '\u{a0}', '\n', '.', ',', '\'', '’', '-', '‑', 'é', '“', '_', '\u{2003}', '٣'];
        let mut seed = 11u64;
        for _ in 0..5000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 60) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let span = Span::new(0, text.len());
            assert_eq!(tokens(&text, span).collect::<Vec<_>>(), reference(&text, span), "text {text:?}");
        }
    }
}
