//! SARIF 2.1.0, as GitHub code scanning accepts it.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::finding::Severity;
use crate::report::FileReport;
use crate::rules::RuleSet;

/// FNV-1a, 64 bits: a stable, dependency-free hash for fingerprints (not for security).
pub fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF artifact URI (relative, forward slashes, spaces escaped).
fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    path.trim_start_matches("./").replace('\\', "/").replace('%', "%25").replace(' ', "%20")
}

/// The run's header and rule descriptors, then an open `results` array.
pub fn begin(rules: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let driver_rules: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            let help = r.help.clone().unwrap_or_else(|| r.message.clone());
            json!({
                "id": &*r.id,
                "name": r.id.replace(['/', '-'], "_"),
                "shortDescription": {"text": r.message},
                "fullDescription": {"text": r.description.clone().unwrap_or_else(|| r.message.clone())},
                "help": {"text": help, "markdown": help},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"tags": [r.category()]},
            })
        })
        .collect();
    let driver = json!({
        "name": "factlint",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/factlint/factlint",
        "rules": driver_rules,
    });
    // Written by hand around the driver so `results` comes last and can be streamed.
    write!(
        out,
        "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":"
    )?;
    serde_json::to_writer(&mut *out, &driver)?;
    write!(out, "}},\"columnKind\":\"utf16CodeUnits\",\"results\":[")
}

pub fn file(r: &FileReport, written: &mut usize, out: &mut dyn Write) -> io::Result<()> {
    let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
    for f in &r.findings {
        let base = fnv1a(&[&f.finding.rule, &f.sentence_key, &f.matched_key]);
        // The same finding twice in one sentence: number them so both keep their alerts.
        let n = seen.entry(base.clone()).or_default();
        let fingerprint = if *n == 0 { base.clone() } else { format!("{base}:{n}") };
        *n += 1;
        let mut message = f.finding.message.clone();
        if let Some(help) = &f.finding.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let result = json!({
            "ruleId": &*f.finding.rule,
            "level": level(f.finding.severity),
            "message": {"text": message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": uri(&r.path)},
                "region": {
                    "startLine": f.start.line,
                    "startColumn": f.start.utf16_column,
                    "endLine": f.end.line,
                    "endColumn": f.end.utf16_column,
                    "byteOffset": f.span.start,
                    "byteLength": f.span.end - f.span.start,
                }
            }}],
            "partialFingerprints": {"factlintSentence/v1": fingerprint},
        });
        out.write_all(if *written == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &result)?;
        *written += 1;
    }
    Ok(())
}

pub fn end(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n]}}]}}")
}
