//! Every output format behind one interface over the same located findings.

pub mod diff;
mod github;
pub(crate) mod human;
pub(crate) mod json;
mod sarif;

use std::io::{self, Write};

use crate::report::{FileReport, Summary};
use crate::rules::RuleSet;

/// Output formats of `check` (and `diff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style report with the source line and a caret under the span.
    Human,
    /// `path:line:col: severity[rule] message`, one line per finding.
    Concise,
    /// One JSON document (see README).
    Json,
    /// One JSON object per finding, per line.
    Jsonl,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// What a renderer may need besides the findings.
pub struct RenderOptions<'a> {
    pub color: bool,
    pub rules: &'a RuleSet,
    /// Extra top-level members for JSON output (e.g. diff's introduced / resolved).
    pub statistics: bool,
}

/// Write `reports` in `format`.
pub fn render(format: Format, reports: &[FileReport], opts: &RenderOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    let summary = Summary::of(reports);
    match format {
        Format::Human => human::render(reports, &summary, opts, out)?,
        Format::Concise => concise(reports, &summary, out)?,
        Format::Json => json::render(reports, &summary, out)?,
        Format::Jsonl => json::render_lines(reports, out)?,
        Format::Sarif => sarif::render(reports, opts.rules, out)?,
        Format::Github => github::render(reports, out)?,
    }
    if opts.statistics && format != Format::Json && format != Format::Jsonl && format != Format::Sarif {
        statistics(reports, out)?;
    }
    Ok(())
}

fn concise(reports: &[FileReport], summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    for r in reports {
        for f in &r.findings {
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                r.path, f.start.line, f.start.column, f.finding.severity, f.finding.rule, f.finding.message
            )?;
        }
    }
    writeln!(out, "{}", summary_line(summary))
}

/// "2 errors, 1 warning, 0 infos in 3 files".
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {} in {}",
        plural(s.error, "error"),
        plural(s.warning, "warning"),
        plural(s.info, "info"),
        plural(s.files, "file")
    )
}

/// Counts per rule, most frequent first (`--statistics`).
pub fn statistics(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for r in reports {
        for f in &r.findings {
            *counts.entry((&f.finding.rule, f.finding.severity.as_str())).or_default() += 1;
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((rule, sev), n) in rows {
        writeln!(out, "{n:>6}  {sev:<8} {rule}")?;
    }
    Ok(())
}
