//! Text built from pieces of a source, remembering where every piece came from.

use crate::document::Segment;

/// A decoded text and its [`Segment`]s (text offsets -> offsets in whatever it was decoded from).
#[derive(Debug, Default, Clone)]
pub(super) struct MappedText {
    pub text: String,
    pub segs: Vec<Segment>,
}

impl MappedText {
    pub fn with_capacity(n: usize) -> Self {
        Self { text: String::with_capacity(n), segs: Vec::with_capacity(n / 64 + 4) }
    }

    /// Append `s`, a verbatim copy of the source bytes at `source..source + s.len()`.
    pub fn copy(&mut self, s: &str, source: usize) {
        if s.is_empty() {
            return;
        }
        push_seg(&mut self.segs, Segment::copy(self.text.len(), source, s.len()));
        self.text.push_str(s);
    }

    /// Append `s`, decoded as a whole from the source bytes `source..source + source_len`.
    pub fn decoded(&mut self, s: &str, source: usize, source_len: usize) {
        if s.is_empty() {
            return;
        }
        self.segs.push(Segment::atomic(self.text.len(), s.len(), source, source_len));
        self.text.push_str(s);
    }
}

/// Push a segment, merging it into the previous one when both are copies that continue
/// each other in the text and in the source.
fn push_seg(segs: &mut Vec<Segment>, seg: Segment) {
    if seg.text_len == 0 {
        return;
    }
    if !seg.atomic
        && let Some(last) = segs.last_mut()
        && !last.atomic
        && last.text + last.text_len == seg.text
        && last.source + last.source_len == seg.source
    {
        last.text_len += seg.text_len;
        last.source_len += seg.source_len;
        return;
    }
    segs.push(seg);
}

/// Chain two maps: `outer` maps text -> middle, `inner` maps middle -> source; the result
/// maps text -> source. Copied runs of `outer` are split wherever `inner` changes run, so an
/// escape inside a copied run still maps to the escape. Both maps run forward, so one
/// cursor walks `inner` once.
pub(super) fn compose(outer: &[Segment], inner: &[Segment]) -> Vec<Segment> {
    let end_of = |s: &Segment| s.text + s.text_len;
    let mut out = Vec::with_capacity(outer.len() + inner.len());
    let mut j = 0;
    for o in outer {
        while j < inner.len() && end_of(&inner[j]) <= o.source {
            j += 1;
        }
        if o.atomic {
            let s = start_at(inner, j, o.source);
            let e = if o.source_len == 0 {
                s
            } else {
                let off = o.source + o.source_len;
                let mut k = j;
                while k + 1 < inner.len() && end_of(&inner[k]) < off {
                    k += 1;
                }
                end_at(inner, k, off)
            };
            out.push(Segment::atomic(o.text, o.text_len, s, e.saturating_sub(s)));
            continue;
        }
        let end = o.source + o.text_len;
        let mut a = o.source;
        let mut k = j;
        while a < end && k < inner.len() {
            let is = inner[k];
            let t = o.text + (a - o.source);
            if is.text > a {
                // A gap in the inner map: nothing in the source stands for it.
                let b = is.text.min(end);
                out.push(Segment::atomic(t, b - a, start_at(inner, k, a), 0));
                a = b;
                continue;
            }
            let b = end.min(end_of(&is));
            if is.atomic {
                out.push(Segment::atomic(t, b - a, is.source, is.source_len));
            } else {
                push_seg(&mut out, Segment::copy(t, is.source + (a - is.text), b - a));
            }
            a = b;
            k += 1;
        }
    }
    out
}

/// Source offset where a span starting at middle offset `off` starts; `inner[j]` is the
/// first run ending after `off` (or `j == inner.len()`).
fn start_at(inner: &[Segment], j: usize, off: usize) -> usize {
    match inner.get(j) {
        None => inner.last().map_or(0, |s| s.source + s.source_len),
        Some(s) if off <= s.text || s.atomic => s.source,
        Some(s) => s.source + (off - s.text),
    }
}

/// Source offset where a span ending at middle offset `off` ends; `inner[k]` holds `off - 1`.
fn end_at(inner: &[Segment], k: usize, off: usize) -> usize {
    match inner.get(k) {
        None => inner.last().map_or(0, |s| s.source + s.source_len),
        Some(s) if off >= s.text + s.text_len || s.atomic => s.source + s.source_len,
        Some(s) if off <= s.text => s.source,
        Some(s) => s.source + (off - s.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::OffsetMap;
    use crate::text::Span;

    #[test]
    fn copies_merge_and_decoded_runs_stay_whole() {
        let mut m = MappedText::default();
        m.copy("ab", 10);
        m.copy("cd", 12);
        m.decoded("“", 14, 6);
        m.copy("x", 20);
        assert_eq!(m.segs.len(), 3);
        let map = OffsetMap::Segments(m.segs.clone());
        // "“" is bytes 4..7 of the text and the 6 bytes 14..20 of the source.
        assert_eq!(map.span_to_source(Span::new(4, 7)), Span::new(14, 20));
        assert_eq!(map.span_to_source(Span::new(1, 8)), Span::new(11, 21));
    }

    #[test]
    fn composed_map_reaches_through_both_layers() {
        // source: `"A\u00e9&amp;B"` at offset 100; middle: `Aé&amp;B`; text: `Aé&B`.
        let mut mid = MappedText::default();
        mid.copy("A", 101);
        mid.decoded("é", 102, 6);
        mid.copy("&amp;B", 108);
        let mut txt = MappedText::default();
        txt.copy("Aé", 0);
        txt.decoded("&", 3, 5);
        txt.copy("B", 8);
        let map = OffsetMap::Segments(compose(&txt.segs, &mid.segs));
        assert_eq!(txt.text, "Aé&B");
        assert_eq!(map.span_to_source(Span::new(0, 1)), Span::new(101, 102));
        assert_eq!(map.span_to_source(Span::new(1, 3)), Span::new(102, 108));
        assert_eq!(map.span_to_source(Span::new(3, 4)), Span::new(108, 113));
        assert_eq!(map.span_to_source(Span::new(0, 5)), Span::new(101, 114));
    }
}
