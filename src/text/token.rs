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

/// Iterate over the tokens of `text[span]`.
pub fn tokens(text: &str, span: Span) -> impl Iterator<Item = Token> + '_ {
    let body = &text[span.start..span.end];
    let base = span.start;
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &body[pos..];
        let skip = rest.len() - rest.trim_start().len();
        pos += skip;
        let mut chars = body[pos..].char_indices().peekable();
        let (_, first) = chars.next()?;
        let start = pos;
        if !is_word_char(first) {
            pos += first.len_utf8();
            return Some(Token { span: Span::new(base + start, base + pos), kind: TokenKind::Punct });
        }
        let numeric = first.is_ascii_digit();
        let mut end = first.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                end = i + c.len_utf8();
                chars.next();
            } else if is_joiner(c) {
                // A joiner stays inside the token only between two word characters,
                // and a comma only between digits ("100,000").
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
        Some(Token { span: Span::new(base + start, base + pos), kind })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_inner_joiners_and_splits_punctuation() {
        let text = "Putin’s 100,000 troops, the U.S. well-known.";
        let got: Vec<&str> = tokens(text, Span::new(0, text.len())).map(|t| t.span.text(text)).collect();
        assert_eq!(got, vec!["Putin’s", "100,000", "troops", ",", "the", "U.S", ".", "well-known", "."]);
    }
}
