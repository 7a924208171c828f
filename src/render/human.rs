//! rustc-style report: the source line, a caret under the span, the help under it.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::RenderOptions;
use crate::finding::Severity;
use crate::report::{FileReport, Located, Summary};

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// The lines around a finding (its own lines plus any label's), so the renderer never
/// sees the whole file: byte offsets are shifted to that window.
fn window(source: &str, f: &Located) -> (usize, usize, usize) {
    let mut lo = f.span.start;
    let mut hi = f.span.end;
    // The first line is known from the located positions: counting newlines from the
    // file's start per finding would be quadratic on a long file with many findings.
    let mut first_line = f.start.line;
    for (s, lc) in &f.labels {
        lo = lo.min(s.start);
        hi = hi.max(s.end);
        first_line = first_line.min(lc.line);
    }
    let start = source[..lo].rfind('\n').map_or(0, |i| i + 1);
    let end = source[hi..].find('\n').map_or(source.len(), |i| hi + i);
    (start, end.max(start), first_line)
}

pub(crate) fn render_one(r: &FileReport, f: &Located, renderer: &Renderer) -> String {
    let (ws, we, first_line) = window(&r.source, f);
    let text = &r.source[ws..we];
    let clamp = |x: usize| x.clamp(ws, we) - ws;
    let mut snippet = Snippet::source(text)
        .line_start(first_line)
        .path(r.path.as_str())
        .annotation(AnnotationKind::Primary.span(clamp(f.span.start)..clamp(f.span.end).max(clamp(f.span.start))));
    for (label, (span, _)) in f.finding.labels.iter().zip(&f.labels) {
        snippet = snippet
            .annotation(AnnotationKind::Context.span(clamp(span.start)..clamp(span.end)).label(label.message.as_str()));
    }
    let title = level(f.finding.severity).primary_title(f.finding.message.as_str()).id(&*f.finding.rule);
    let mut group = title.element(snippet);
    if let Some(help) = &f.finding.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

pub fn file(r: &FileReport, opts: &RenderOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if opts.color { Renderer::styled() } else { Renderer::plain() };
    for f in &r.findings {
        writeln!(out, "{}\n", render_one(r, f, &renderer))?;
    }
    Ok(())
}

pub fn end(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let line = super::summary_line(summary);
    if summary.error + summary.warning + summary.info == 0 {
        writeln!(out, "no findings: {line}")
    } else {
        writeln!(out, "{line}")
    }
}
