//! Output of `factlint diff`: the revision findings of each pair of versions (old and
//! new sentence with the changed words marked), the findings introduced and resolved,
//! and the minor edits. SARIF and GitHub annotations go through the ordinary renderers,
//! on the new file only, so CI can gate an update.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::{Value, json};

use crate::diff::{Diff, RevisionFinding, Side};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::report::{FileReport, Located, Summary, locate};
use crate::text::Span;

/// Counts over the revision findings, introduced and resolved findings of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffSummary {
    pub pairs: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub introduced: usize,
    pub resolved: usize,
    pub minor_edits: usize,
}

impl DiffSummary {
    pub fn of(diffs: &[Diff<'_>]) -> Self {
        let mut s = DiffSummary { pairs: diffs.len(), ..Default::default() };
        for d in diffs {
            for f in &d.findings {
                match f.finding.severity {
                    Severity::Error => s.error += 1,
                    Severity::Warning => s.warning += 1,
                    Severity::Info => s.info += 1,
                }
            }
            s.introduced += d.introduced.len();
            s.resolved += d.resolved.len();
            s.minor_edits += d.minor.len();
        }
        s
    }

    /// Whether a revision finding or an introduced finding is at or above `level`.
    pub fn fails(&self, diffs: &[Diff<'_>], level: Severity) -> bool {
        diffs.iter().any(|d| {
            d.findings.iter().any(|f| f.finding.severity >= level)
                || d.introduced.iter().any(|f| f.finding.severity >= level)
        })
    }
}

fn doc_of<'a>(d: &'a Diff<'_>, side: Side) -> &'a Document {
    match side {
        Side::Old => d.old,
        Side::New => d.new,
    }
}

/// A revision finding placed in the file of its side.
pub fn locate_revision(d: &Diff<'_>, f: &RevisionFinding) -> Located {
    let side = f.change.side;
    locate(doc_of(d, side), f.finding.clone(), Some(side.as_str()))
}

/// The same finding placed in the new file (old-side findings at their anchor).
pub fn locate_on_new(d: &Diff<'_>, f: &RevisionFinding) -> Located {
    let mut finding = f.finding.clone();
    if f.change.side == Side::Old {
        finding.span = f.change.anchor;
    }
    locate(d.new, finding, Some("new"))
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// The source lines around `spans` (text spans of `doc`): (window text, first line,
/// window start in the source).
fn window(doc: &Document, spans: &[Span]) -> Option<(String, usize, usize)> {
    let src: Vec<Span> = spans.iter().map(|s| doc.map.span_to_source(*s)).collect();
    let lo = src.iter().map(|s| s.start).min()?;
    let hi = src.iter().map(|s| s.end).max()?;
    let source = &doc.source;
    let start = source[..lo].rfind('\n').map_or(0, |i| i + 1);
    let end = source[hi..].find('\n').map_or(source.len(), |i| hi + i);
    let first_line = doc.lines.line_col(source, start).line;
    Some((source[start..end.max(start)].to_string(), first_line, start))
}

fn snippet<'a>(
    doc: &'a Document,
    context: Option<Span>,
    marks: &[Span],
    primary: Option<Span>,
    label: &'a str,
) -> Option<Snippet<'a, annotate_snippets::Annotation<'a>>> {
    let mut spans: Vec<Span> = marks.to_vec();
    spans.extend(primary);
    if spans.is_empty() {
        spans.extend(context);
    }
    let (text, first_line, ws) = window(doc, &spans)?;
    let len = text.len();
    let rel = |s: Span| {
        let s = doc.map.span_to_source(s);
        let a = s.start.saturating_sub(ws).min(len);
        let b = s.end.saturating_sub(ws).min(len).max(a);
        a..b
    };
    let mut sn = Snippet::source(text).line_start(first_line).path(doc.path.clone());
    let mut labelled = false;
    for m in marks {
        let kind = if primary.is_some_and(|p| p.overlaps(*m) || p == *m) {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let mut a = kind.span(rel(*m));
        if !labelled {
            a = a.label(label);
            labelled = true;
        }
        sn = sn.annotation(a);
    }
    if let Some(p) = primary
        && !marks.iter().any(|m| p.overlaps(*m) || p == *m)
    {
        let mut a = AnnotationKind::Primary.span(rel(p));
        if !labelled {
            a = a.label(label);
        }
        sn = sn.annotation(a);
    }
    Some(sn)
}

fn render_revision(d: &Diff<'_>, f: &RevisionFinding, renderer: &Renderer) -> String {
    let c = &f.change;
    let mut group =
        Group::with_title(level(f.finding.severity).primary_title(f.finding.message.as_str()).id(&*f.finding.rule));
    let old_primary = (c.side == Side::Old).then_some(c.span);
    let new_primary = (c.side == Side::New).then_some(c.span);
    let show_old = c.old_context.is_some() || c.side == Side::Old;
    let show_new = c.new_context.is_some() || c.side == Side::New;
    if show_old && let Some(sn) = snippet(d.old, c.old_context, &c.old_marks, old_primary, "old") {
        group = group.element(sn);
    }
    if show_new && let Some(sn) = snippet(d.new, c.new_context, &c.new_marks, new_primary, "new") {
        group = group.element(sn);
    }
    if let Some(help) = &f.finding.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

fn minor_line(d: &Diff<'_>, m: &crate::diff::MinorEdit) -> String {
    let o = d.old.slice(m.old);
    let n = d.new.slice(m.new);
    let at = d.new.lines.line_col(&d.new.source, d.new.map.to_source(m.new.start));
    let clip = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.chars().count() > 60 { format!("{}...", s.chars().take(57).collect::<String>()) } else { s }
    };
    format!("  {}:{}:{}: {} `{}` -> `{}`", d.new.path, at.line, at.column, m.kind.as_str(), clip(o), clip(n))
}

fn plural(n: usize, w: &str) -> String {
    format!("{n} {w}{}", if n == 1 { "" } else { "s" })
}

/// "2 errors, 1 warning, 0 infos; 1 introduced, 0 resolved; 3 minor edits".
pub fn summary_line(s: &DiffSummary) -> String {
    format!(
        "{}, {}, {}; {} introduced, {} resolved; {}",
        plural(s.error, "error"),
        plural(s.warning, "warning"),
        plural(s.info, "info"),
        s.introduced,
        s.resolved,
        plural(s.minor_edits, "minor edit")
    )
}

pub fn human(diffs: &[Diff<'_>], color: bool, verbose: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    for d in diffs {
        if diffs.len() > 1 {
            writeln!(out, "=== {} -> {}\n", d.old.path, d.new.path)?;
        }
        for f in &d.findings {
            writeln!(out, "{}\n", render_revision(d, f, &renderer))?;
        }
        if !d.introduced.is_empty() {
            let rep = FileReport::new(d.new, Vec::new());
            writeln!(out, "introduced by {}:\n", d.new.path)?;
            for f in &d.introduced {
                writeln!(out, "{}\n", super::human::render_one(&rep, f, &renderer))?;
            }
        }
        if !d.resolved.is_empty() {
            writeln!(out, "resolved (no longer in {}):", d.new.path)?;
            for f in &d.resolved {
                writeln!(
                    out,
                    "  {}:{}:{}: {}[{}] {}",
                    d.old.path, f.start.line, f.start.column, f.finding.severity, f.finding.rule, f.finding.message
                )?;
            }
            writeln!(out)?;
        }
        if !d.minor.is_empty() {
            let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
            for m in &d.minor {
                *kinds.entry(m.kind.as_str()).or_default() += 1;
            }
            let detail: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
            write!(out, "{} ({})", plural(d.minor.len(), "minor edit"), detail.join(", "))?;
            if verbose {
                writeln!(out, ":")?;
                for m in &d.minor {
                    writeln!(out, "{}", minor_line(d, m))?;
                }
            } else {
                writeln!(out, "; list them with --verbose")?;
            }
        }
        let s = DiffSummary::of(std::slice::from_ref(d));
        writeln!(out, "{} -> {}: {}", d.old.path, d.new.path, summary_line(&s))?;
        if diffs.len() > 1 {
            writeln!(out)?;
        }
    }
    if diffs.len() > 1 {
        let s = DiffSummary::of(diffs);
        writeln!(out, "history of {} versions: {}", diffs.len() + 1, summary_line(&s))?;
    }
    Ok(())
}

fn span_json(doc: &Document, s: Span) -> Value {
    let s = doc.map.span_to_source(s);
    json!({"start": s.start, "end": s.end, "text": doc.source.get(s.start..s.end).unwrap_or("")})
}

fn pair_json(d: &Diff<'_>) -> Value {
    let findings: Vec<Value> = d
        .findings
        .iter()
        .map(|f| {
            let mut v = super::json::finding_json(&locate_revision(d, f));
            v["change"] = json!(f.change.kind.as_str());
            v["old"] = json!(f.change.old);
            v["new"] = json!(f.change.new);
            v
        })
        .collect();
    let located = |xs: &[Located]| xs.iter().map(super::json::finding_json).collect::<Vec<_>>();
    let minor: Vec<Value> = d
        .minor
        .iter()
        .map(|m| json!({"kind": m.kind.as_str(), "old": span_json(d.old, m.old), "new": span_json(d.new, m.new)}))
        .collect();
    let a = &d.alignment;
    json!({
        "path": d.new.path,
        "old_path": d.old.path,
        "dateline": d.new.meta.dateline.map(|x| x.to_string()),
        "findings": findings,
        "introduced": located(&d.introduced),
        "resolved": located(&d.resolved),
        "minor_edits": minor,
        "sentences": {
            "unchanged": a.pairs.iter().filter(|p| p.exact && !p.moved).count(),
            "edited": a.pairs.iter().filter(|p| !p.exact).count(),
            "moved": a.pairs.iter().filter(|p| p.moved).count(),
            "added": a.inserted.len(),
            "removed": a.deleted.len(),
        },
    })
}

pub fn json_report(diffs: &[Diff<'_>], out: &mut dyn Write) -> io::Result<()> {
    let s = DiffSummary::of(diffs);
    let doc = json!({
        "version": 1,
        "files": diffs.iter().map(pair_json).collect::<Vec<_>>(),
        "summary": {
            "files": s.pairs, "error": s.error, "warning": s.warning, "info": s.info,
            "introduced": s.introduced, "resolved": s.resolved, "minor_edits": s.minor_edits,
        },
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// One JSON object per line: revision findings, then introduced and resolved ones.
pub fn json_lines(diffs: &[Diff<'_>], out: &mut dyn Write) -> io::Result<()> {
    for d in diffs {
        for f in &d.findings {
            let l = locate_revision(d, f);
            let mut v = super::json::finding_json(&l);
            v["path"] = json!(if f.change.side == Side::Old { &d.old.path } else { &d.new.path });
            v["status"] = json!("revision");
            serde_json::to_writer(&mut *out, &v)?;
            writeln!(out)?;
        }
        for (status, list, path) in [("introduced", &d.introduced, &d.new.path), ("resolved", &d.resolved, &d.old.path)]
        {
            for f in list {
                let mut v = super::json::finding_json(f);
                v["path"] = json!(path);
                v["status"] = json!(status);
                serde_json::to_writer(&mut *out, &v)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// `path:line:col: severity[rule] message`, old-side findings at the old file.
pub fn concise(diffs: &[Diff<'_>], out: &mut dyn Write) -> io::Result<()> {
    for d in diffs {
        for f in &d.findings {
            let l = locate_revision(d, f);
            let path = if f.change.side == Side::Old { &d.old.path } else { &d.new.path };
            writeln!(
                out,
                "{path}:{}:{}: {}[{}] {}",
                l.start.line, l.start.column, f.finding.severity, f.finding.rule, f.finding.message
            )?;
        }
        for f in &d.introduced {
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {} (introduced)",
                d.new.path, f.start.line, f.start.column, f.finding.severity, f.finding.rule, f.finding.message
            )?;
        }
    }
    writeln!(out, "{}", summary_line(&DiffSummary::of(diffs)))
}

/// Reports on the new files only (revision findings at their place in the new version,
/// plus introduced findings), for SARIF and GitHub annotations.
pub fn new_file_reports(diffs: &[Diff<'_>]) -> Vec<FileReport> {
    diffs
        .iter()
        .map(|d| {
            let mut rep = FileReport::new(d.new, Vec::<Finding>::new());
            rep.findings.extend(d.findings.iter().map(|f| locate_on_new(d, f)));
            rep.findings.extend(d.introduced.iter().cloned());
            rep.findings.sort_by_key(|f| (f.span.start, f.span.end));
            rep
        })
        .collect()
}

/// Summary of the new-file reports (for renderers that take one).
pub fn new_file_summary(reports: &[FileReport]) -> Summary {
    Summary::of(reports)
}
