//! Byte spans into a text and their conversion to line / column.

use serde::Serialize;

/// A half-open byte range `start..end` into a UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    #[inline]
    pub fn text(self, text: &str) -> &str {
        // Nearly every span is already on character boundaries: one checked slice, and the
        // snapping only when that fails.
        text.get(self.start..self.end).unwrap_or_else(|| {
            let s = self.snap(text);
            &text[s.start..s.end]
        })
    }

    /// The span widened to whole characters and clamped to `text`: a span computed from
    /// another version or a mapped offset can land inside a character, and user input
    /// must never make factlint panic.
    pub fn snap(self, text: &str) -> Span {
        let mut start = self.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = self.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    }

    /// The same span with leading and trailing whitespace removed.
    pub fn trim(self, text: &str) -> Span {
        let span = self.snap(text);
        let s = &text[span.start..span.end];
        let start = span.start + (s.len() - s.trim_start().len());
        let end = span.end - (s.len() - s.trim_end().len());
        Span::new(start, end.max(start))
    }
}

/// A 1-based position as editors read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    /// 1-based column counted in Unicode scalar values.
    pub column: usize,
    /// 1-based column counted in UTF-16 code units (SARIF's default column kind).
    pub utf16_column: usize,
}

/// Start offset of every line, for offset -> line / column lookups in O(log n).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { line_starts }
    }

    /// Zero-based line number holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// The span of a zero-based line, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line];
        let mut end = self.line_starts.get(line + 1).map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    /// Line and column of a byte offset; offsets inside a character snap back to its start.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let prefix = &text[self.line_starts[line]..offset];
        LineCol { line: line + 1, column: prefix.chars().count() + 1, utf16_column: prefix.encode_utf16().count() + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n“cd” e\nlast";
        let idx = LineIndex::new(text);
        let e = text.find('e').unwrap();
        assert_eq!(idx.line_col(text, e).line, 2);
        assert_eq!(idx.line_col(text, e).column, 6);
        assert_eq!(idx.line_col(text, 0).column, 1);
        assert_eq!(idx.line_col(text, text.len()).line, 3);
    }

    #[test]
    fn utf16_columns_count_astral_characters_twice() {
        let text = "😀x";
        let idx = LineIndex::new(text);
        let lc = idx.line_col(text, 4);
        assert_eq!((lc.column, lc.utf16_column), (2, 3));
    }

    #[test]
    fn trim_drops_outer_whitespace() {
        let text = "  hi there \n";
        assert_eq!(Span::new(0, text.len()).trim(text).text(text), "hi there");
    }
}
