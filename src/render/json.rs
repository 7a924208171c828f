//! `json` (the shape in the README) and `jsonl` (one finding per line).

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::report::{FileReport, Located, Summary};

/// One finding as JSON.
pub fn finding_json(f: &Located) -> Value {
    let mut v = json!({
        "rule": &*f.finding.rule,
        "category": f.finding.category(),
        "severity": f.finding.severity.as_str(),
        "message": f.finding.message,
        "help": f.finding.help,
        "start": f.span.start,
        "end": f.span.end,
        "line": f.start.line,
        "column": f.start.column,
        "end_line": f.end.line,
        "end_column": f.end.column,
    });
    if let Some(side) = f.side {
        v["side"] = json!(side);
    }
    if !f.finding.labels.is_empty() {
        v["labels"] = f
            .finding
            .labels
            .iter()
            .zip(&f.labels)
            .map(|(l, (span, lc))| json!({"message": l.message, "start": span.start, "end": span.end, "line": lc.line, "column": lc.column}))
            .collect();
    }
    v
}

pub fn file_json(r: &FileReport) -> Value {
    json!({
        "path": r.path,
        "dateline": r.dateline,
        "findings": r.findings.iter().map(finding_json).collect::<Vec<_>>(),
    })
}

pub fn summary_json(s: &Summary) -> Value {
    json!({"files": s.files, "error": s.error, "warning": s.warning, "info": s.info})
}

/// `jsonl`: one finding per line, each with its path.
pub fn lines(r: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for f in &r.findings {
        let mut v = finding_json(f);
        v["path"] = json!(r.path);
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    }
    Ok(())
}
