//! `factlint sources`: who said what.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::json;

use super::{input_options, load_rules, read_one, span_json, write_stdout};
use crate::cli::{AnalysisArgs, ListFormat};

pub fn run(args: AnalysisArgs) -> u8 {
    let (opts, rules) = match (input_options(&args.input), load_rules(&args.rule_args)) {
        (Ok(o), Ok(r)) => (o, r),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    let doc = match read_one(&args.path, &opts) {
        Ok(d) => d,
        Err(c) => return c,
    };
    let atts = &doc.attributions(&rules.context).items;
    let out = match args.format {
        ListFormat::Json => {
            let items: Vec<_> = atts
                .iter()
                .map(|a| {
                    json!({
                        "source": a.source.map(|s| span_json(&doc, s)),
                        "cue": a.cue.map(|s| span_json(&doc, s)),
                        "content": a.content.map(|s| span_json(&doc, s)),
                        "speaker": a.speaker,
                        "speaker_kind": a.speaker_kind,
                        "direct": a.direct,
                    })
                })
                .collect();
            let v = json!({"version": 1, "path": doc.path, "attributions": items});
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        ListFormat::Human => {
            // One row per resolved speaker.
            struct Row {
                kind: String,
                count: usize,
                direct: usize,
                quoted_words: usize,
                first_line: usize,
            }
            let mut rows: BTreeMap<String, Row> = BTreeMap::new();
            let mut total_quoted = 0;
            for a in atts {
                let name = a.speaker.clone().unwrap_or_else(|| "(no speaker)".into());
                let line = a
                    .source
                    .or(a.cue)
                    .or(a.content)
                    .map_or(0, |s| doc.lines.line_col(&doc.source, doc.map.to_source(s.start)).line);
                let words = if a.direct { a.content.map_or(0, |c| doc.slice(c).split_whitespace().count()) } else { 0 };
                total_quoted += words;
                let row = rows.entry(name).or_insert(Row {
                    kind: serde_json::to_value(a.speaker_kind)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default(),
                    count: 0,
                    direct: 0,
                    quoted_words: 0,
                    first_line: line,
                });
                row.count += 1;
                row.direct += usize::from(a.direct);
                row.quoted_words += words;
                row.first_line = row.first_line.min(line);
            }
            let mut rows: Vec<_> = rows.into_iter().collect();
            rows.sort_by(|a, b| a.1.first_line.cmp(&b.1.first_line).then(a.0.cmp(&b.0)));
            let mut s = String::new();
            let _ = writeln!(s, "{}: {} attributions, {} speakers", doc.path, atts.len(), rows.len());
            let width = rows.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(7).clamp(7, 60);
            let _ = writeln!(
                s,
                "{:<width$} {:<13} {:>5} {:>6} {:>8} {:>7} {:>6}",
                "speaker", "kind", "total", "direct", "indirect", "quoted", "line"
            );
            for (name, r) in rows {
                let share = if total_quoted > 0 { 100.0 * r.quoted_words as f64 / total_quoted as f64 } else { 0.0 };
                let name: String = if name.chars().count() > width {
                    name.chars().take(width - 1).chain(std::iter::once('…')).collect()
                } else {
                    name
                };
                let _ = writeln!(
                    s,
                    "{:<width$} {:<13} {:>5} {:>6} {:>8} {:>6.0}% {:>6}",
                    name,
                    r.kind,
                    r.count,
                    r.direct,
                    r.count - r.direct,
                    share,
                    r.first_line
                );
            }
            s
        }
    };
    write_stdout(out.as_bytes())
}
