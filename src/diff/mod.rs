//! Revisions: what changed in substance between two versions of an article.
//!
//! `align` matches sentences between the versions, `words` diffs the words of each
//! edited pair and sets typos and punctuation apart, `classify` turns the remaining
//! changes into the changes the `revision` rules name, and this module reports them with
//! each rule's severity and message, plus the ordinary findings the new version
//! introduced or resolved.

pub mod align;
pub mod classify;
pub mod words;

use std::time::{Duration, Instant};

use crate::analysis::Context;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::report::{Located, locate};
use crate::rules::checks::Check;
use crate::rules::checks::revision::{ChangeKind, Revision};
use crate::rules::{Rule, RuleSet};
use crate::text::Span;

pub use align::{Alignment, Pair};
pub use words::{MinorKind, WordDiff};

/// Which version a revision finding's span refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    Old,
    New,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Old => "old",
            Side::New => "new",
        }
    }
}

/// Limits on the work one diff may do, so adversarial input cannot stall a CI job.
#[derive(Debug, Clone, Copy)]
pub struct DiffOptions {
    /// Time allowed for the sentence diff and for each word diff; past it, `similar`
    /// returns a coarser (still correct) diff.
    pub deadline: Duration,
}

impl Default for DiffOptions {
    fn default() -> Self {
        Self { deadline: Duration::from_millis(200) }
    }
}

/// A change a detector found, before a rule gives it severity and wording.
#[derive(Debug, Clone)]
pub struct Change {
    pub kind: ChangeKind,
    pub side: Side,
    /// In the `side` version's text.
    pub span: Span,
    /// "`100,000 troops` -> `130,000 troops`".
    pub what: String,
    pub old: String,
    pub new: String,
    /// The sentences shown, old and new (either may be absent).
    pub old_context: Option<Span>,
    pub new_context: Option<Span>,
    /// Changed words to highlight on each side.
    pub old_marks: Vec<Span>,
    pub new_marks: Vec<Span>,
    /// Where the change lands in the new version (for outputs that show only the new file).
    pub anchor: Span,
}

/// A revision finding: a rule's finding about a change.
#[derive(Debug, Clone)]
pub struct RevisionFinding {
    pub finding: Finding,
    pub change: Change,
}

/// A typo, punctuation, spelling or spacing fix.
#[derive(Debug, Clone)]
pub struct MinorEdit {
    pub kind: MinorKind,
    pub old: Span,
    pub new: Span,
}

/// An edited sentence pair with its word diff.
#[derive(Debug, Clone)]
pub struct Edit {
    /// Index into `alignment.pairs`.
    pub pair: usize,
    pub old_span: Span,
    pub new_span: Span,
    pub words: WordDiff,
}

impl Edit {
    pub fn substantive(&self) -> impl Iterator<Item = &words::Hunk> {
        self.words.hunks.iter().filter(|h| h.minor.is_none())
    }

    pub fn is_substantive(&self) -> bool {
        self.substantive().next().is_some()
    }

    /// Byte span of tokens `r` on one side (empty at the boundary for an empty range).
    pub fn token_span(&self, side: Side, r: &std::ops::Range<usize>) -> Span {
        let toks = match side {
            Side::Old => &self.words.old,
            Side::New => &self.words.new,
        };
        let whole = match side {
            Side::Old => self.old_span,
            Side::New => self.new_span,
        };
        if r.start < r.end && r.end <= toks.len() {
            Span::new(toks[r.start].span.start, toks[r.end - 1].span.end)
        } else {
            let at = toks.get(r.start).map_or(whole.end, |t| t.span.start);
            Span::new(at, at)
        }
    }
}

/// Two versions, aligned and word-diffed: what every detector reads.
pub struct Versions<'a> {
    pub old: &'a Document,
    pub new: &'a Document,
    pub ctx: &'a Context,
    pub alignment: Alignment,
    pub edits: Vec<Edit>,
    /// Correction / update note phrases, when a needs-correction-note rule is active.
    pub notes: Option<&'a crate::rules::matcher::CompiledMatcher>,
    /// Attribution cues, when a rule supplies them (fallback while attribution finds nothing).
    pub cues: Option<&'a crate::rules::matcher::CompiledMatcher>,
    /// Date words of the date-changed rule (fallback while the dates analysis finds nothing).
    pub dates: Option<&'a crate::rules::matcher::CompiledMatcher>,
}

/// Span from the first to the last sentence of `r`.
pub fn run_span(doc: &Document, r: &std::ops::Range<usize>) -> Span {
    match (doc.sentences.get(r.start), r.end.checked_sub(1).and_then(|e| doc.sentences.get(e))) {
        (Some(a), Some(b)) if r.start < r.end => Span::new(a.span.start, b.span.end),
        _ => Span::new(doc.text.len(), doc.text.len()),
    }
}

impl Versions<'_> {
    /// Where old sentence `i` (deleted) would sit in the new version: the start of the
    /// next old sentence that survived, else the end of the new text.
    pub fn anchor_for_old(&self, i: usize) -> Span {
        let next = self
            .alignment
            .pairs
            .iter()
            .filter(|p| !p.moved && p.old.start > i)
            .min_by_key(|p| p.old.start)
            .map(|p| run_span(self.new, &p.new).start);
        let at = next.unwrap_or_else(|| self.new.sentences.last().map_or(0, |s| s.span.end));
        Span::new(at, at)
    }
}

/// Everything `factlint diff` reports about one pair of versions.
pub struct Diff<'a> {
    pub old: &'a Document,
    pub new: &'a Document,
    pub alignment: Alignment,
    pub findings: Vec<RevisionFinding>,
    pub minor: Vec<MinorEdit>,
    /// Ordinary findings of the new version that the old one did not have.
    pub introduced: Vec<Located>,
    /// Ordinary findings of the old version that the new one no longer has.
    pub resolved: Vec<Located>,
}

fn revision_rules(rules: &RuleSet) -> Vec<(&Rule, &Revision)> {
    rules
        .rules
        .iter()
        .filter_map(|r| match &r.check {
            Check::Revision(rev) => Some((r, rev)),
            _ => None,
        })
        .collect()
}

/// Fill `{what}`, `{old}` and `{new}` in a rule's message.
fn fill(template: &str, c: &Change) -> String {
    template.replace("{what}", &c.what).replace("{old}", &c.old).replace("{new}", &c.new)
}

/// Align, diff words, and classify: the revision findings and minor edits only.
pub fn revisions<'a>(rules: &'a RuleSet, old: &'a Document, new: &'a Document, opts: &DiffOptions) -> Diff<'a> {
    let deadline = Instant::now().checked_add(opts.deadline);
    let revs = revision_rules(rules);
    let alignment = align::align(old, new, deadline);
    // Words the rules care about are never typos ("Tuesday" / "Thursday", "may" / "man").
    let protecting: Vec<&Revision> = revs
        .iter()
        .map(|(_, r)| *r)
        .filter(|r| matches!(r.change, ChangeKind::NumberChanged | ChangeKind::DateChanged | ChangeKind::HedgeChanged))
        .collect();
    let protected = |w: &str| {
        // "Tuesday's" is protected as "Tuesday" is.
        let w = crate::analysis::entities::strip_possessive(w);
        protecting.iter().any(|r| r.words.phrases.as_ref().is_some_and(|p| p.lookup(w).is_some()))
            || w.bytes().any(|b| b.is_ascii_digit())
    };
    let mut edits = Vec::new();
    let mut minor = Vec::new();
    for (k, p) in alignment.pairs.iter().enumerate() {
        let old_span = run_span(old, &p.old);
        let new_span = run_span(new, &p.new);
        if p.exact {
            if old.slice(old_span) != new.slice(new_span) {
                minor.push(MinorEdit { kind: MinorKind::Whitespace, old: old_span, new: new_span });
            }
            continue;
        }
        // Each word diff gets its own deadline window so one huge pair cannot starve the rest.
        let wd = Instant::now().checked_add(opts.deadline);
        let words = words::diff_words(&old.text, old_span, &new.text, new_span, &protected, wd);
        let edit = Edit { pair: k, old_span, new_span, words };
        for h in &edit.words.hunks {
            if let Some(kind) = h.minor {
                minor.push(MinorEdit {
                    kind,
                    old: edit.token_span(Side::Old, &h.old),
                    new: edit.token_span(Side::New, &h.new),
                });
            }
        }
        if edit.words.hunks.is_empty() {
            minor.push(MinorEdit { kind: MinorKind::Whitespace, old: old_span, new: new_span });
        }
        edits.push(edit);
    }
    let find = |kind: ChangeKind| revs.iter().find(|(_, r)| r.change == kind).map(|(_, r)| &r.words);
    let versions = Versions {
        old,
        new,
        ctx: &rules.context,
        alignment,
        edits,
        notes: find(ChangeKind::NeedsCorrectionNote),
        cues: [ChangeKind::SpeakerChanged, ChangeKind::AttributionRemoved, ChangeKind::UnattributedClaimAdded]
            .into_iter()
            .filter_map(find)
            .find(|m| !m.is_empty()),
        dates: find(ChangeKind::DateChanged),
    };
    let mut findings = Vec::new();
    // The correction-note rule looks at what the others found, so it runs last.
    let (notes, others): (Vec<_>, Vec<_>) = revs.iter().partition(|(_, r)| r.change == ChangeKind::NeedsCorrectionNote);
    for (rule, rev) in &others {
        let mut changes = Vec::new();
        classify::detect(&versions, rev, &mut changes);
        for c in changes {
            findings.push(to_finding(rule, c));
        }
    }
    for (rule, rev) in &notes {
        let substantive: Vec<&RevisionFinding> =
            findings.iter().filter(|f| f.finding.severity >= Severity::Warning).collect();
        if let Some(c) = classify::correction_note(&versions, rev, &substantive) {
            findings.push(to_finding(rule, c));
        }
    }
    // In the order of the new version; the correction-note summary last.
    findings.sort_by(|a, b| {
        let key = |f: &RevisionFinding| {
            (
                f.change.kind == ChangeKind::NeedsCorrectionNote,
                f.change.anchor.start,
                f.change.side,
                f.change.span.start,
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.finding.rule.cmp(&b.finding.rule))
    });
    minor.sort_by_key(|m| (m.new.start, m.old.start));
    Diff { old, new, alignment: versions.alignment, findings, minor, introduced: Vec::new(), resolved: Vec::new() }
}

fn to_finding(rule: &Rule, c: Change) -> RevisionFinding {
    let finding = rule.finding(c.span, fill(&rule.message, &c));
    RevisionFinding { finding, change: c }
}

/// The whole diff: revision findings, minor edits, and the ordinary findings the new
/// version introduced or resolved (matched by rule and normalised sentence, not by line).
pub fn diff<'a>(rules: &'a RuleSet, old: &'a Document, new: &'a Document, opts: &DiffOptions) -> Diff<'a> {
    let mut d = revisions(rules, old, new, opts);
    let before: Vec<Located> = rules.check(old).into_iter().map(|f| locate(old, f, None)).collect();
    let mut after: Vec<Located> = rules.check(new).into_iter().map(|f| locate(new, f, None)).collect();
    // A finding in an edited sentence (a typo fixed elsewhere in it) keeps its identity:
    // match it under the key of the old sentence it was aligned with, then restore its own.
    for f in &mut after {
        if let Some(key) = aligned_old_key(&d, f.finding.span.start) {
            f.sentence_key = key;
        }
    }
    let (mut introduced, resolved) = match_findings(before, after);
    for f in &mut introduced {
        if let Some(i) = new.sentence_at(f.finding.span.start) {
            f.sentence_key = crate::report::normalise(new.slice(new.sentences[i].span));
        }
    }
    d.introduced = introduced;
    d.resolved = resolved;
    d
}

/// The normalised text of the old sentence aligned with the new sentence at `offset`.
fn aligned_old_key(d: &Diff<'_>, offset: usize) -> Option<String> {
    let j = d.new.sentence_at(offset)?;
    let p = d.alignment.pairs.iter().find(|p| !p.exact && p.new.contains(&j))?;
    let i = p.old.start + (j - p.new.start).min(p.old.len().saturating_sub(1));
    Some(crate::report::normalise(d.old.slice(d.old.sentences.get(i)?.span)))
}

/// Findings of `after` with no counterpart in `before` (introduced), and those of
/// `before` with none in `after` (resolved). A counterpart has the same rule in the same
/// normalised sentence; repeated findings are matched one for one.
pub fn match_findings(before: Vec<Located>, after: Vec<Located>) -> (Vec<Located>, Vec<Located>) {
    use std::collections::HashMap;
    let mut pool: HashMap<(String, String), usize> = HashMap::new();
    for f in &before {
        *pool.entry((f.finding.rule.to_string(), f.sentence_key.clone())).or_default() += 1;
    }
    let mut introduced = Vec::new();
    let mut matched: HashMap<(String, String), usize> = HashMap::new();
    for f in after {
        let key = (f.finding.rule.to_string(), f.sentence_key.clone());
        match pool.get_mut(&key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                *matched.entry(key).or_default() += 1;
            }
            _ => introduced.push(f),
        }
    }
    let mut resolved = Vec::new();
    for mut f in before {
        let key = (f.finding.rule.to_string(), f.sentence_key.clone());
        match matched.get_mut(&key) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                f.side = Some("old");
                resolved.push(f);
            }
        }
    }
    (introduced, resolved)
}
