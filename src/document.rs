//! The article as every analysis sees it.

use std::cell::OnceCell;
use std::ops::Range;

use jiff::civil::Date;

use crate::analysis::quotes::{Quote, find_quotes};
use crate::text::sentence::split_sentences;
use crate::text::{LineIndex, Span};

/// Which reader produced the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// `date YYYY-MM-DD headline`, an outlet line, then paragraphs.
    Seed,
    /// Plain text with no header.
    Plain,
    Markdown,
    Ninjs,
}

/// What the header, front matter or ninjs fields say about the article.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub dateline: Option<Date>,
    /// Where the dateline came from in the source (None for `--date` or ninjs fields).
    pub dateline_span: Option<Span>,
    pub headline: Option<String>,
    pub outlet: Option<String>,
}

/// Maps offsets of the analysis text back to the original file.
///
/// Plain text and Markdown analyse the file in place (Markdown syntax is blanked to
/// spaces, keeping every offset), so their map is the identity; ninjs bodies are decoded
/// from JSON string escapes and HTML, so each decoded run records where it came from.
#[derive(Debug, Clone, Default)]
pub enum OffsetMap {
    #[default]
    Identity,
    /// Sorted by text offset: (text_start, source_start, same_length).
    /// `same_length` runs map byte for byte; the others map every byte to `source_start`.
    Segments(Vec<(usize, usize, bool)>),
}

impl OffsetMap {
    pub fn to_source(&self, offset: usize) -> usize {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Segments(segs) => {
                let i = segs.partition_point(|s| s.0 <= offset);
                if i == 0 {
                    return 0;
                }
                let (t, s, linear) = segs[i - 1];
                if linear { s + (offset - t) } else { s }
            }
        }
    }

    pub fn span_to_source(&self, span: Span) -> Span {
        let start = self.to_source(span.start);
        let end = if span.end > span.start { self.to_source(span.end - 1) + 1 } else { start };
        Span::new(start, end.max(start))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// One article: the original file, the text analysed, and the structure found in it.
#[derive(Debug)]
pub struct Document {
    pub path: String,
    pub format: InputFormat,
    /// The file exactly as read (valid UTF-8).
    pub source: String,
    /// The text the analyses read; see [`OffsetMap`].
    pub text: String,
    pub map: OffsetMap,
    pub meta: Meta,
    /// Body paragraphs (spans of `text`), in order.
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// The sentences of each paragraph, as a range into `sentences`.
    pub paragraph_sentences: Vec<Range<usize>>,
    pub quotes: Vec<Quote>,
    pub lines: LineIndex,
    pub(crate) attributions: OnceCell<crate::analysis::attribution::Attributions>,
    pub(crate) temporal: OnceCell<Vec<crate::analysis::temporal::TemporalExpr>>,
    pub(crate) disputes: OnceCell<crate::analysis::disputes::Disputes>,
}

impl Document {
    /// Build the text layer over paragraphs a reader found.
    pub fn new(
        path: String,
        format: InputFormat,
        source: String,
        text: String,
        map: OffsetMap,
        meta: Meta,
        paragraphs: Vec<Span>,
    ) -> Self {
        let mut sentences = Vec::with_capacity(paragraphs.len() * 3);
        let mut paragraph_sentences = Vec::with_capacity(paragraphs.len());
        let mut scratch = Vec::new();
        for (pi, &p) in paragraphs.iter().enumerate() {
            scratch.clear();
            split_sentences(&text, p, &mut scratch);
            let first = sentences.len();
            sentences.extend(scratch.iter().map(|&span| Sentence { span, paragraph: pi }));
            paragraph_sentences.push(first..sentences.len());
        }
        let quotes = find_quotes(&text, &paragraphs);
        let lines = LineIndex::new(&source);
        Self {
            path,
            format,
            source,
            text,
            map,
            meta,
            paragraphs,
            sentences,
            paragraph_sentences,
            quotes,
            lines,
            attributions: OnceCell::new(),
            temporal: OnceCell::new(),
            disputes: OnceCell::new(),
        }
    }

    /// Index of the sentence holding `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the paragraph holding `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= offset).then_some(i)
    }

    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// Attributions, found once per document and shared by every rule.
    pub fn attributions(&self, ctx: &crate::analysis::Context) -> &crate::analysis::attribution::Attributions {
        self.attributions.get_or_init(|| crate::analysis::attribution::find_attributions(self, ctx))
    }

    /// Temporal expressions, found once per document and shared by every rule.
    pub fn temporal(&self, ctx: &crate::analysis::Context) -> &[crate::analysis::temporal::TemporalExpr] {
        self.temporal.get_or_init(|| crate::analysis::temporal::find_temporal(self, ctx))
    }

    /// Disputed assertions and their responses, found once per document and shared by every rule.
    pub fn disputes(&self, ctx: &crate::analysis::Context) -> &crate::analysis::disputes::Disputes {
        self.disputes.get_or_init(|| crate::analysis::disputes::find_disputes(self, ctx))
    }
}
