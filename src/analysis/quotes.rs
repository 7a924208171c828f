//! Quotation spans: curly and straight marks, nested single quotes, apostrophes told apart
//! from closing single quotes, and quotes that run over several paragraphs.

use crate::text::Span;

/// One stretch of quoted text inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the end of the closing mark (or of the paragraph).
    pub span: Span,
    /// The words between the marks.
    pub content: Span,
    pub paragraph: usize,
    /// Single quotation marks (‘...’ or '...').
    pub single: bool,
    /// Nested inside another quote.
    pub nested: bool,
    /// The closing mark was found in this paragraph.
    pub closed: bool,
    /// Index of the quote in the previous paragraph that this one continues
    /// (news style: an unclosed quote resumes with an opening mark in the next paragraph).
    pub continues: Option<usize>,
    /// Opened but never closed and not continued: an unbalanced quotation mark.
    pub unbalanced: bool,
}

impl Quote {
    /// Number of words in the quote's content.
    pub fn word_count(&self, text: &str) -> usize {
        self.content.text(text).split_whitespace().count()
    }

    /// The quote ends with a comma that introduces nothing: after the closing mark comes
    /// a full stop, the end of the paragraph, or a new quoted sentence (“We will win,”.).
    /// The comma announces an attribution ("“...,” she said."); without one it was cut.
    /// A list of quoted titles or words (“Veep,” “Girls” and “Lost”) is not a cut.
    pub fn dangling_comma(&self, text: &str, paragraph_end: usize) -> bool {
        if !self.closed || self.nested || !self.content.text(text).trim_end().ends_with(',') {
            return false;
        }
        let rest = text.get(self.span.end..paragraph_end.max(self.span.end)).unwrap_or("");
        // A line break inside the paragraph is a soft wrap: "she said" may follow it.
        let rest = rest.trim_start();
        let mut chars = rest.chars();
        match chars.next() {
            None | Some('.') => true,
            Some('“' | '"') => chars.next().is_some_and(char::is_uppercase) && self.word_count(text) > 3,
            _ => false,
        }
    }
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '“' | '"' | '‘' | '—' | '–' | '-' | '/'))
}

struct Open {
    start: usize,
    content_start: usize,
    single: bool,
    /// The previous paragraph's unclosed quote that this one resumes: only a double
    /// mark opening the paragraph, outside any other quote, resumes it.
    continues: Option<usize>,
}

/// Find the quotes of every paragraph, in document order.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // Index in `quotes` of the previous paragraph's unclosed double quote, if any.
    let mut pending: Option<usize> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let body = &text[para.start..para.end];
        let mut stack: Vec<Open> = Vec::new();
        // No quotation mark read yet in this paragraph.
        let mut first_mark = true;
        // Jump from one possible quotation mark to the next: ASCII marks, and the lead
        // bytes of “ ” ‘ ’ (0xE2) and « » (0xC2). Lead bytes are always char boundaries.
        let bytes = body.as_bytes();
        let mut pos = 0;
        // The last mark read: where it ended and what it was read as.
        let mut last: Option<(usize, char)> = None;
        while let Some(off) = crate::text::find_any_of4(&bytes[pos..], [b'"', b'\'', 0xE2, 0xC2]) {
            let i = pos + off;
            let Some(c) = body[i..].chars().next() else { break };
            pos = i + c.len_utf8();
            if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»') {
                continue;
            }
            let prev = match last {
                Some((end, lc)) if end == i => Some(lc),
                _ => body[..i].chars().next_back(),
            };
            let mut next = body[pos..].chars().next();
            let at = para.start + i;
            // Two apostrophes stand for a double quotation mark in some wire and archive
            // text (''It is over,'' he said): read them as one straight double mark.
            let c = if c == '\'' && next == Some('\'') {
                pos += 1;
                next = body[pos..].chars().next();
                '"'
            } else {
                c
            };
            let after = para.start + pos;
            let double_open = stack.iter().any(|o| !o.single);
            let single_open = stack.last().is_some_and(|o| o.single);
            // A quote resumed without its opening mark ("... in.¶1988. The one ...,” he said"):
            // the paragraph's first mark closes the quote the previous paragraph left open.
            let resumes = first_mark
                && pending.is_some()
                && stack.is_empty()
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':'))
                && matches!(c, '”' | '"');
            if resumes {
                quotes.push(Quote {
                    span: Span::new(para.start, after),
                    content: Span::new(para.start, at),
                    paragraph: pi,
                    single: false,
                    nested: false,
                    closed: true,
                    continues: pending.take(),
                    unbalanced: false,
                });
                last = Some((pos, c));
                continue;
            }
            let action = match c {
                // A mistyped opening mark used to close ("Apparently not,“ he said).
                '“' if double_open
                    && prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':')) =>
                {
                    Some(false)
                }
                '“' | '«' => Some(true),
                '”' | '»' => Some(false),
                // A straight double mark opens when none is open, else closes.
                '"' => Some(!double_open),
                '‘' if is_opening_context(prev) && next.is_some_and(|n| n.is_alphabetic() || n == '“') => {
                    Some(true)
                }
                '\'' if is_opening_context(prev) && next.is_some_and(|n| n.is_alphabetic()) && !single_open => {
                    Some(true)
                }
                '’' | '\''
                    if single_open
                        && !next.is_some_and(char::is_alphanumeric)
                        && prev.is_some_and(|p| !p.is_whitespace()) =>
                {
                    Some(false)
                }
                _ => None,
            };
            let is_single = matches!(c, '‘' | '’' | '\'');
            if action.is_some() {
                first_mark = false;
            }
            match action {
                Some(true) => {
                    let continues =
                        if !is_single && stack.is_empty() && is_para_start(text, at) { pending.take() } else { None };
                    stack.push(Open { start: at, content_start: after, single: is_single, continues });
                }
                Some(false) => close(&mut stack, &mut quotes, pi, is_single, at, after),
                None => {}
            }
            last = Some((pos, c));
        }
        // Whatever is still open at the paragraph's end.
        let mut carried = None;
        while let Some(open) = stack.pop() {
            let continues = open.continues;
            let content = Span::new(open.content_start, para.end).trim(text);
            quotes.push(Quote {
                span: Span::new(open.start, para.end),
                content,
                paragraph: pi,
                single: open.single,
                nested: !stack.is_empty(),
                closed: false,
                continues,
                unbalanced: false,
            });
            if !open.single && stack.is_empty() {
                carried = Some(quotes.len() - 1);
            } else {
                let last = quotes.len() - 1;
                quotes[last].unbalanced = true;
            }
        }
        if let Some(p) = pending.take() {
            // The previous paragraph's quote was not resumed here.
            quotes[p].unbalanced = true;
        }
        pending = carried;
    }
    if let Some(p) = pending {
        quotes[p].unbalanced = true;
    }
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    // Sorting moved indices: re-link continuations by position.
    relink(&mut quotes);
    quotes
}

fn close(stack: &mut Vec<Open>, quotes: &mut Vec<Quote>, pi: usize, single: bool, at: usize, after: usize) {
    // Close the innermost open quote of the same kind; unmatched closers are ignored.
    let Some(pos) = stack.iter().rposition(|o| o.single == single) else {
        // A closing double mark with nothing open: a continued quote that starts
        // without an opening mark is not news style, so ignore it.
        return;
    };
    let open = stack.remove(pos);
    stack.truncate(pos);
    let continues = open.continues;
    quotes.push(Quote {
        span: Span::new(open.start, after),
        content: Span::new(open.content_start, at.max(open.content_start)),
        paragraph: pi,
        single: open.single,
        nested: pos > 0,
        closed: true,
        continues,
        unbalanced: false,
    });
}

fn is_para_start(text: &str, offset: usize) -> bool {
    text[..offset].chars().next_back().is_none_or(|c| c == '\n')
}

/// After sorting, `continues` must name the quote's new index: store the start offset
/// before sorting would be cleaner, but quotes are few, so look the previous one up.
fn relink(quotes: &mut [Quote]) {
    for i in 0..quotes.len() {
        if quotes[i].continues.is_some() {
            let para = quotes[i].paragraph;
            quotes[i].continues =
                (0..i).rev().find(|&j| quotes[j].paragraph + 1 == para && !quotes[j].single && !quotes[j].closed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_paragraphs;

    fn quotes(text: &str) -> Vec<Quote> {
        let mut paras = Vec::new();
        split_paragraphs(text, Span::new(0, text.len()), &mut paras);
        find_quotes(text, &paras)
    }

    #[test]
    fn curly_and_straight_quotes_pair() {
        let text = "“I hope,” he said. She said \"no way\" loudly.";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].content.text(text), "I hope,");
        assert_eq!(q[1].content.text(text), "no way");
        assert!(q.iter().all(|q| q.closed && !q.unbalanced));
    }

    #[test]
    fn apostrophes_are_not_quotes_but_nested_singles_are() {
        let text = "“Putin’s men said ‘never’ and we’re done,” he said.";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].content.text(text), "Putin’s men said ‘never’ and we’re done,");
        assert!(q[1].nested && q[1].single);
        assert_eq!(q[1].content.text(text), "never");
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let text = "“We will go on,” she said. “It is long.\n\n“And it ends here.”\n\nNext.";
        let q = quotes(text);
        assert_eq!(q.len(), 3);
        assert!(!q[1].closed && !q[1].unbalanced);
        assert_eq!(q[2].continues, Some(1));
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        let text = "''People turn to us,'' Ms. White said. It's ''open door''.";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].content.text(text), "People turn to us,");
        assert_eq!(q[1].content.text(text), "open door");
    }

    #[test]
    fn doubled_apostrophes_and_a_mistyped_closer_pair() {
        let text = "''It is over,'' he said. “Apparently not,“ she said.";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].content.text(text), "It is over,");
        assert_eq!(q[1].content.text(text), "Apparently not,");
        assert!(q.iter().all(|q| q.closed));
    }

    #[test]
    fn a_comma_with_nothing_after_it_dangles() {
        let text = "“We will win,”. “And soon.”\n\n“We will win,” she said. “Veep,” “Girls” and “Lost” aired.\n\n“We will win,”\nshe said.\n\n“We will win,”";
        let q = quotes(text);
        let d: Vec<bool> = q.iter().map(|q| q.dangling_comma(text, text.len())).collect();
        assert_eq!(d, [true, false, false, false, false, false, false, true]);
    }

    #[test]
    fn nested_quote_does_not_take_the_continuation() {
        let text = "\"Rising to the top is hard.\n\n\"Kelly asked a “question” and left.\n\n\"The end.\"";
        let q = quotes(text);
        let outer: Vec<&Quote> =
            q.iter().filter(|q| !q.nested && !q.single && q.content.text(text).len() > 5).collect();
        assert_eq!(outer.len(), 3, "{q:?}");
        assert!(outer[1].continues.is_some() && outer[2].continues.is_some(), "{q:?}");
        assert!(q.iter().all(|q| !q.unbalanced), "{q:?}");
    }

    #[test]
    fn a_quote_resumed_without_its_opening_mark_continues() {
        let text = "“They have not been united since the election in.\n\n1988. Cruz can win,” Viguerie says.";
        let q = quotes(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].content.text(text), "1988. Cruz can win,");
        assert_eq!(q[1].continues, Some(0));
        assert!(!q[0].unbalanced);
    }

    #[test]
    fn unclosed_quote_is_unbalanced() {
        let text = "He said “this never ends.\n\nOther paragraph.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert!(q[0].unbalanced);
    }
}
