//! GitHub Actions workflow commands: one annotation per finding.

use std::io::{self, Write};

use crate::finding::Severity;
use crate::report::FileReport;

/// GitHub shows at most this many annotations of each level per step; the rest are
/// dropped silently, so say so at the end.
const ANNOTATION_CAP: usize = 10;

/// Escape per the workflow-command rules (data and property values differ).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Annotations written so far, per level (error, warning, notice).
#[derive(Debug, Default)]
pub struct State {
    per_level: [usize; 3],
}

pub fn file(r: &FileReport, state: &mut State, out: &mut dyn Write) -> io::Result<()> {
    for f in &r.findings {
        let (cmd, idx) = match f.finding.severity {
            Severity::Error => ("error", 0),
            Severity::Warning => ("warning", 1),
            Severity::Info => ("notice", 2),
        };
        state.per_level[idx] += 1;
        let mut message = f.finding.message.clone();
        if let Some(help) = &f.finding.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{cmd} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&r.path),
            f.start.line,
            f.start.column,
            f.end.line,
            f.end.column,
            escape_property(&format!("factlint {}", f.finding.rule)),
            escape_data(&message)
        )?;
    }
    Ok(())
}

pub fn end(state: &State, out: &mut dyn Write) -> io::Result<()> {
    let dropped: usize = state.per_level.iter().map(|&n| n.saturating_sub(ANNOTATION_CAP)).sum();
    if dropped > 0 {
        writeln!(
            out,
            "::notice title=factlint::{dropped} more findings than GitHub shows as annotations (at most {ANNOTATION_CAP} per level per step); run factlint locally or upload SARIF to see them all"
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_workflow_command_rules() {
        assert_eq!(escape_data("50%\nx"), "50%25%0Ax");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
