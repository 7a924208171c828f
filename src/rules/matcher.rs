//! A rule's phrases, lexicon and regexes compiled into one matcher.

use crate::document::Document;
use crate::text::Span;
use crate::text::lexicon::PhraseMatcher;

#[derive(Debug, Clone, Default)]
pub struct CompiledMatcher {
    pub phrases: Option<PhraseMatcher>,
    pub patterns: Vec<regex::Regex>,
}

impl CompiledMatcher {
    pub fn is_empty(&self) -> bool {
        self.phrases.as_ref().is_none_or(PhraseMatcher::is_empty) && self.patterns.is_empty()
    }

    /// Every match inside `span`, in text order.
    pub fn find_in(&self, text: &str, span: Span) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        if let Some(p) = &self.phrases {
            out.extend(p.find_in(text, span).map(|m| m.span));
        }
        self.extend_with_patterns(text, span, &mut out);
        out
    }

    /// Add the regex matches inside `span` to the phrase matches in `out`, in text order.
    fn extend_with_patterns(&self, text: &str, span: Span, out: &mut Vec<Span>) {
        let hay = &text[span.start..span.end];
        for re in &self.patterns {
            out.extend(
                re.find_iter(hay)
                    .filter(|m| !m.is_empty())
                    .map(|m| Span::new(span.start + m.start(), span.start + m.end())),
            );
        }
        if !self.patterns.is_empty() {
            out.sort();
            out.dedup();
        }
    }

    /// [`Self::find_in`] over a document's text, through its shared word starts.
    pub fn find_in_doc(&self, doc: &Document, span: Span) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        if let Some(p) = &self.phrases {
            out.extend(doc.find(p, span).map(|m| m.span));
        }
        self.extend_with_patterns(&doc.text, span, &mut out);
        out
    }

    /// [`Self::is_match_in`] over a document's text, through its shared word starts.
    pub fn is_match_in_doc(&self, doc: &Document, span: Span) -> bool {
        let hay = &doc.text[span.start..span.end];
        self.phrases.as_ref().is_some_and(|p| doc.find(p, span).next().is_some())
            || self.patterns.iter().any(|re| re.is_match(hay))
    }

    pub fn is_match_in(&self, text: &str, span: Span) -> bool {
        let hay = &text[span.start..span.end];
        self.phrases.as_ref().is_some_and(|p| p.find_in(text, span).next().is_some())
            || self.patterns.iter().any(|re| re.is_match(hay))
    }
}

/// Whether `span` lies inside quotation marks.
pub fn in_quote(doc: &Document, span: Span) -> bool {
    let upto = doc.quotes.partition_point(|q| q.span.start <= span.start);
    doc.quotes[..upto].iter().rev().take(16).any(|q| q.content.covers(span) || q.span.covers(span))
}

/// Fill `{match}` in a rule's message. Whitespace runs collapse to one space: a match may
/// span a line break, or blanked markup in Markdown and ninjs input.
pub fn fill(template: &str, matched: &str) -> String {
    if !template.contains("{match}") {
        return template.to_string();
    }
    let collapsed = matched.split_whitespace().collect::<Vec<_>>().join(" ");
    template.replace("{match}", &collapsed)
}
