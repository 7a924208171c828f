//! `factlint dates`: temporal expressions and their resolved values.

use std::fmt::Write as _;

use serde_json::json;

use super::{EXIT_CLEAN, write_stdout};
use crate::cli::{AnalysisArgs, ListFormat};

pub fn run(args: AnalysisArgs) -> u8 {
    let (rules, doc) = match super::rules_and_article(&args) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let exprs = doc.temporal(&rules.context);
    let out = match args.format {
        ListFormat::Json => {
            let items: Vec<_> = exprs
                .iter()
                .map(|e| {
                    let mut v = super::span_json(&doc, e.span);
                    v["type"] = json!(e.kind);
                    v["value"] = json!(e.value);
                    if let Some(m) = e.modifier {
                        v["mod"] = json!(m);
                    }
                    v
                })
                .collect();
            let v = json!({
                "version": 1,
                "path": doc.path,
                "dateline": doc.meta.dateline.map(|d| d.to_string()),
                "expressions": items,
            });
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        ListFormat::Human => {
            let mut s = String::new();
            let dl = doc
                .meta
                .dateline
                .map_or_else(|| "none (use --date YYYY-MM-DD)".to_string(), |d| format!("{d} ({})", d.strftime("%A")));
            let _ = writeln!(s, "{}: dateline {dl}", doc.path);
            for e in exprs {
                let span = doc.map.span_to_source(e.span);
                let lc = doc.lines.line_col(&doc.source, span.start);
                let weekday = jiff::civil::Date::strptime("%Y-%m-%d", &e.value)
                    .map(|d| format!(" ({})", d.strftime("%A")))
                    .unwrap_or_default();
                let m = e.modifier.map(|m| format!(" mod={m}")).unwrap_or_default();
                // Say how a relative expression was read, so an editor can see why.
                let how = match (e.relative, e.tense) {
                    (false, _) => "",
                    (true, crate::analysis::temporal::Tense::Past) => "  [relative, past tense]",
                    (true, crate::analysis::temporal::Tense::Future) => "  [relative, future tense]",
                    (true, _) => "  [relative]",
                };
                let _ = writeln!(
                    s,
                    "{:>5}:{:<4} {:<28} {:<9} {}{}{}{}",
                    lc.line,
                    lc.column,
                    format!("{:?}", doc.slice(e.span)),
                    format!("{:?}", e.kind).to_uppercase(),
                    e.value,
                    m,
                    weekday,
                    how
                );
            }
            if exprs.is_empty() {
                s.push_str("no temporal expressions found\n");
            }
            s
        }
    };
    let code = write_stdout(out.as_bytes());
    if code == EXIT_CLEAN { EXIT_CLEAN } else { code }
}
