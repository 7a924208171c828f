//! The article as every analysis sees it.

use std::cell::OnceCell;
use std::ops::Range;

use jiff::civil::Date;

use crate::analysis::quotes::{Quote, find_quotes};
use crate::text::lexicon::{Matches, PhraseMatcher, WordStartCollector, WordStarts};
use crate::text::sentence::split_sentences;
use crate::text::token::{Token, tokens, tokens_with};
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
/// whitespace of the same byte length, keeping every offset), so their map is the identity
/// (a Markdown entity such as `&rdquo;` is decoded in place and padded, and recorded as an
/// atomic segment so spans snap to the whole entity); ninjs bodies are decoded from JSON
/// string escapes and HTML, so each decoded run records where it came from.
#[derive(Debug, Clone, Default)]
pub enum OffsetMap {
    #[default]
    Identity,
    /// Runs of the text, sorted by text offset, not overlapping. Offsets between runs
    /// continue one for one from the end of the run before.
    Segments(Vec<Segment>),
}

/// One run of the analysis text and the bytes of the file it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start of the run in the analysis text.
    pub text: usize,
    pub text_len: usize,
    /// Start of the run in the source file.
    pub source: usize,
    pub source_len: usize,
    /// The run was decoded as a whole (an escape such as `\u201c`, an entity such as
    /// `&rdquo;`, a tag that became a paragraph break): it stands for all of its source
    /// bytes and no offset inside it maps anywhere else. Otherwise it is a copy
    /// (`text_len == source_len`) that maps byte for byte.
    pub atomic: bool,
}

impl Segment {
    /// A run copied byte for byte.
    pub const fn copy(text: usize, source: usize, len: usize) -> Self {
        Self { text, text_len: len, source, source_len: len, atomic: false }
    }

    /// A run decoded as a whole from `source..source + source_len`.
    pub const fn atomic(text: usize, text_len: usize, source: usize, source_len: usize) -> Self {
        Self { text, text_len, source, source_len, atomic: true }
    }

    const fn text_end(&self) -> usize {
        self.text + self.text_len
    }

    const fn source_end(&self) -> usize {
        self.source + self.source_len
    }
}

impl OffsetMap {
    /// Where a span starting at text `offset` starts in the source. Offsets outside every
    /// segment continue one for one from the segment before (or from 0).
    pub fn to_source(&self, offset: usize) -> usize {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Segments(segs) => {
                let i = segs.partition_point(|s| s.text <= offset);
                let Some(s) = i.checked_sub(1).map(|i| &segs[i]) else { return offset };
                if offset >= s.text_end() {
                    s.source_end() + (offset - s.text_end())
                } else if s.atomic {
                    s.source
                } else {
                    s.source + (offset - s.text)
                }
            }
        }
    }

    /// Where a span ending at text `offset` (exclusive) ends in the source: after all the
    /// source bytes of the character before it (the whole escape or entity it came from).
    pub fn to_source_end(&self, offset: usize) -> usize {
        match self {
            OffsetMap::Identity => offset,
            OffsetMap::Segments(segs) => {
                let i = segs.partition_point(|s| s.text < offset);
                let Some(s) = i.checked_sub(1).map(|i| &segs[i]) else { return offset };
                if offset >= s.text_end() {
                    s.source_end() + (offset - s.text_end())
                } else if s.atomic {
                    s.source_end()
                } else {
                    s.source + (offset - s.text)
                }
            }
        }
    }

    pub fn span_to_source(&self, span: Span) -> Span {
        let start = self.to_source(span.start);
        let end = if span.end > span.start { self.to_source_end(span.end) } else { start };
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
    word_starts: OnceCell<WordStarts>,
    /// Tokens of every sentence, in order, and where each sentence's tokens begin.
    sentence_tokens: OnceCell<(Vec<Token>, Vec<u32>)>,
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
            word_starts: OnceCell::new(),
            sentence_tokens: OnceCell::new(),
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

    /// Whole-word matches of `matcher` in `span`, left to right: the same as
    /// `matcher.find_in(&self.text, span)`, but every lexicon pass over this document visits
    /// only its word starts, found once.
    pub fn find<'t>(&'t self, matcher: &'t PhraseMatcher, span: Span) -> Matches<'t> {
        matcher.find_at_starts(&self.text, self.word_starts(), span)
    }

    /// The document's word starts, found on first use.
    pub fn word_starts(&self) -> &WordStarts {
        self.word_starts.get_or_init(|| WordStarts::new(&self.text))
    }

    /// The tokens of sentence `si` (as `text::token::tokens` over its span), tokenised once
    /// for every analysis that walks the sentence's words.
    pub fn sentence_tokens(&self, si: usize) -> &[Token] {
        let (toks, starts) = self.sentence_tokens.get_or_init(|| {
            let mut toks = Vec::with_capacity(self.text.len() / 4);
            let mut starts = Vec::with_capacity(self.sentences.len() + 1);
            if self.word_starts.get().is_some() {
                for s in &self.sentences {
                    starts.push(toks.len() as u32);
                    toks.extend(tokens(&self.text, s.span));
                }
            } else {
                // The word index comes out of the same pass: the tokeniser reports the words
                // it begins inside sentences, a byte walk covers the text between them.
                let mut index = WordStartCollector::new(&self.text);
                let mut covered = 0;
                for s in &self.sentences {
                    index.scan(covered, s.span.start);
                    covered = covered.max(s.span.end);
                    starts.push(toks.len() as u32);
                    toks.extend(tokens_with(&self.text, s.span, &mut index));
                }
                index.scan(covered, self.text.len());
                let _ = self.word_starts.set(index.finish());
            }
            starts.push(toks.len() as u32);
            (toks, starts)
        });
        match (starts.get(si), starts.get(si + 1)) {
            (Some(&a), Some(&b)) => &toks[a as usize..b as usize],
            _ => &[],
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map_is_the_identity() {
        let m = OffsetMap::Identity;
        assert_eq!(m.span_to_source(Span::new(3, 9)), Span::new(3, 9));
        assert_eq!(m.span_to_source(Span::new(4, 4)), Span::new(4, 4));
    }

    #[test]
    fn atomic_runs_map_whole_and_copies_byte_for_byte() {
        // text `“ab` <- source `xx\u201cab`: the quote mark is 3 text bytes, 6 source bytes.
        let m = OffsetMap::Segments(vec![Segment::atomic(0, 3, 2, 6), Segment::copy(3, 8, 2)]);
        assert_eq!(m.span_to_source(Span::new(0, 3)), Span::new(2, 8));
        assert_eq!(m.span_to_source(Span::new(0, 4)), Span::new(2, 9));
        assert_eq!(m.span_to_source(Span::new(3, 5)), Span::new(8, 10));
        assert_eq!(m.span_to_source(Span::new(4, 4)), Span::new(9, 9));
        // Outside every run, offsets continue one for one (Markdown records only its entities).
        assert_eq!(m.span_to_source(Span::new(5, 7)), Span::new(10, 12));
        assert_eq!(OffsetMap::Segments(Vec::new()).span_to_source(Span::new(1, 2)), Span::new(1, 2));
        let m = OffsetMap::Segments(vec![Segment::atomic(4, 7, 4, 7)]);
        assert_eq!(m.span_to_source(Span::new(0, 5)), Span::new(0, 11));
        assert_eq!(m.span_to_source(Span::new(6, 13)), Span::new(4, 13));
    }

    #[test]
    fn a_span_ending_before_a_skipped_tag_ends_at_its_own_bytes() {
        // text `a”b` <- source `a&rdquo;</em>b`: `”` must not swallow `</em>`.
        let m = OffsetMap::Segments(vec![Segment::copy(0, 0, 1), Segment::atomic(1, 3, 1, 7), Segment::copy(4, 13, 1)]);
        assert_eq!(m.span_to_source(Span::new(0, 4)), Span::new(0, 8));
        assert_eq!(m.span_to_source(Span::new(1, 5)), Span::new(1, 14));
    }

    #[test]
    fn shared_word_index_and_tokens_agree_with_direct_scans() {
        let seed = include_str!("../fixtures/seed-putin-2022-02-03.txt");
        let doc = crate::input::parse_bytes("seed.txt", seed.as_bytes().to_vec(), &Default::default()).expect("parses");
        let rules = crate::rules::RuleSet::embedded().expect("embedded rules load");
        let lex = &rules.context.attribution;
        let matchers =
            [&lex.verbs, &lex.anonymous, &lex.entities.titles, &lex.entities.aliases, &lex.entities.pronouns];
        let spans = doc.sentences.iter().map(|s| s.span).chain([Span::new(0, doc.text.len())]);
        for span in spans {
            for m in matchers {
                let direct: Vec<_> = m.find_in(&doc.text, span).collect();
                assert_eq!(doc.find(m, span).collect::<Vec<_>>(), direct, "span {span:?}");
            }
        }
        let mut matched = 0;
        for (si, s) in doc.sentences.iter().enumerate() {
            assert_eq!(doc.sentence_tokens(si), tokens(&doc.text, s.span).collect::<Vec<_>>());
            matched += doc.find(&lex.verbs, s.span).count();
        }
        assert!(matched > 10, "the seed article has many reporting verbs");
        assert!(doc.sentence_tokens(doc.sentences.len()).is_empty());
    }

    /// The word index built inside the tokenising pass (tokens first) is the byte walk's.
    #[test]
    fn word_index_from_the_tokeniser_equals_the_byte_walk() {
        let pieces = [
            "Putin",
            "said",
            "U.S.",
            "don’t",
            "well-known",
            "100,000",
            "2.5",
            "foo_bar",
            "_x",
            "Élysée",
            "anti-Élysée",
            "Müller's",
            "“",
            "”",
            ".",
            ",",
            " ",
            "  ",
            "\n\n",
            "\u{a0}",
            "—",
            "½",
            "٣",
            "a",
            "Z9",
            "x.",
            "'",
            "-",
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let seed_article = include_str!("../fixtures/seed-putin-2022-02-03.txt");
        let mut texts = vec![seed_article.to_string()];
        for _ in 0..400 {
            let mut t = String::from("date 2022-02-03 A headline\nOutlet\n\n");
            for _ in 0..next(60) {
                t.push_str(pieces[next(pieces.len())]);
                if next(3) == 0 {
                    t.push(' ');
                }
            }
            texts.push(t);
        }
        for t in texts {
            let Ok(doc) = crate::input::parse_bytes("t.txt", t.as_bytes().to_vec(), &Default::default()) else {
                continue;
            };
            doc.sentence_tokens(0);
            assert_eq!(doc.word_starts(), &WordStarts::new(&doc.text), "text {:?}", doc.text);
        }
    }
}
