//! Every output format behind one streaming interface over the same located findings:
//! `begin`, then `file` for each file in order, then `end`. Files are emitted as soon as
//! they are checked, so memory is bounded by the largest article, not by the run.

pub mod diff;
mod github;
pub(crate) mod human;
pub(crate) mod json;
mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::report::{FileReport, Summary};
use crate::rules::RuleSet;

pub use json::{file_json, finding_json, summary_json};

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
    /// Print counts per rule after the report (`--statistics`).
    pub statistics: bool,
}

/// Streams one run's reports in one format.
pub struct Emitter<'a> {
    format: Format,
    opts: &'a RenderOptions<'a>,
    summary: Summary,
    per_rule: BTreeMap<(String, &'static str), usize>,
    files_written: usize,
    github: github::State,
    results_written: usize,
}

impl<'a> Emitter<'a> {
    pub fn new(format: Format, opts: &'a RenderOptions<'a>) -> Self {
        Self {
            format,
            opts,
            summary: Summary::default(),
            per_rule: BTreeMap::new(),
            files_written: 0,
            github: github::State::default(),
            results_written: 0,
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            Format::Json => out.write_all(b"{\n  \"version\": 1,\n  \"files\": ["),
            Format::Sarif => sarif::begin(self.opts.rules, out),
            _ => Ok(()),
        }
    }

    pub fn file(&mut self, r: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        self.summary.add(r);
        for f in &r.findings {
            *self.per_rule.entry((f.finding.rule.to_string(), f.finding.severity.as_str())).or_default() += 1;
        }
        match self.format {
            Format::Human => human::file(r, self.opts, out)?,
            Format::Concise => concise(r, out)?,
            Format::Json => {
                out.write_all(if self.files_written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut *out, &json::file_json(r))?;
            }
            Format::Jsonl => json::lines(r, out)?,
            Format::Sarif => sarif::file(r, &mut self.results_written, out)?,
            Format::Github => github::file(r, &mut self.github, out)?,
        }
        self.files_written += 1;
        Ok(())
    }

    /// Close the document and return the run's counts.
    pub fn end(self, out: &mut dyn Write) -> io::Result<Summary> {
        let s = self.summary;
        match self.format {
            Format::Human => human::end(&s, out)?,
            Format::Concise => writeln!(out, "{}", summary_line(&s))?,
            Format::Json => {
                write!(out, "\n  ],\n  \"summary\": ")?;
                serde_json::to_writer(&mut *out, &json::summary_json(&s))?;
                writeln!(out, "\n}}")?;
            }
            Format::Jsonl => {}
            Format::Sarif => sarif::end(out)?,
            Format::Github => github::end(&self.github, out)?,
        }
        if self.opts.statistics && matches!(self.format, Format::Human | Format::Concise | Format::Github) {
            statistics_table(&self.per_rule, out)?;
        }
        Ok(s)
    }
}

/// Render a whole run at once (tests, `diff`).
pub fn render(format: Format, reports: &[FileReport], opts: &RenderOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut e = Emitter::new(format, opts);
    e.begin(out)?;
    for r in reports {
        e.file(r, out)?;
    }
    e.end(out).map(|_| ())
}

fn concise(r: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for f in &r.findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            r.path, f.start.line, f.start.column, f.finding.severity, f.finding.rule, f.finding.message
        )?;
    }
    Ok(())
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

/// Counts per rule over whole reports (`--statistics` for commands that render at once).
pub fn statistics(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut counts: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    for r in reports {
        for f in &r.findings {
            *counts.entry((f.finding.rule.to_string(), f.finding.severity.as_str())).or_default() += 1;
        }
    }
    statistics_table(&counts, out)
}

/// Counts per rule, most frequent first.
fn statistics_table(counts: &BTreeMap<(String, &'static str), usize>, out: &mut dyn Write) -> io::Result<()> {
    let mut rows: Vec<_> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for ((rule, sev), n) in rows {
        writeln!(out, "{n:>6}  {sev:<8} {rule}")?;
    }
    Ok(())
}
