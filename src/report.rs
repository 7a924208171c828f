//! Findings placed in their file: source spans, lines and columns, summary counts.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::text::{LineCol, Span};

/// A finding with its position in the original file.
#[derive(Debug, Clone)]
pub struct Located {
    pub finding: Finding,
    /// Byte span in the original file.
    pub span: Span,
    pub start: LineCol,
    pub end: LineCol,
    /// Labels' spans in the original file, in the order of `finding.labels`.
    pub labels: Vec<(Span, LineCol)>,
    /// The sentence holding the finding, whitespace-normalised: a fingerprint that
    /// survives edits elsewhere in the article (SARIF, diff matching).
    pub sentence_key: String,
    /// The flagged text, normalised the same way (tells two findings in one sentence apart).
    pub matched_key: String,
    /// "old" or "new" for revision findings; None otherwise.
    pub side: Option<&'static str>,
}

/// All findings of one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub dateline: Option<String>,
    pub source: String,
    pub findings: Vec<Located>,
}

/// Whitespace-normalised, case-folded text: the stable key of a sentence.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '“' | '”' => out.push('"'),
                '‘' | '’' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

impl FileReport {
    pub fn new(doc: &Document, findings: Vec<Finding>) -> Self {
        let findings = findings.into_iter().map(|f| locate(doc, f, None)).collect();
        Self {
            path: doc.path.clone(),
            dateline: doc.meta.dateline.map(|d| d.to_string()),
            source: doc.source.clone(),
            findings,
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.finding.severity == severity).count()
    }
}

/// Place a finding (spans in `doc.text`) in the original file.
pub fn locate(doc: &Document, finding: Finding, side: Option<&'static str>) -> Located {
    let span = doc.map.span_to_source(finding.span);
    let start = doc.lines.line_col(&doc.source, span.start);
    let end = doc.lines.line_col(&doc.source, span.end);
    let labels = finding
        .labels
        .iter()
        .map(|l| {
            let s = doc.map.span_to_source(l.span);
            (s, doc.lines.line_col(&doc.source, s.start))
        })
        .collect();
    let sentence_key = doc
        .sentence_at(finding.span.start)
        .map(|i| normalise(doc.slice(doc.sentences[i].span)))
        .unwrap_or_else(|| normalise(doc.slice(finding.span)));
    let matched_key = normalise(doc.slice(finding.span));
    Located { finding, span, start, end, labels, sentence_key, matched_key, side }
}

/// Counts over every file of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub files: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut s = Summary::default();
        for r in reports {
            s.add(r);
        }
        s
    }

    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        self.error += r.count(Severity::Error);
        self.warning += r.count(Severity::Warning);
        self.info += r.count(Severity::Info);
    }

    /// Whether anything is at or above `level`.
    pub fn fails(&self, level: Severity) -> bool {
        match level {
            Severity::Error => self.error > 0,
            Severity::Warning => self.error + self.warning > 0,
            Severity::Info => self.error + self.warning + self.info > 0,
        }
    }
}
