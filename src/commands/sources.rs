//! `factlint sources`: who said what.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::json;

use super::{span_json, write_stdout};
use crate::Document;
use crate::analysis::disputes::{Dispute, Response, Status, Window};
use crate::cli::{AnalysisArgs, ListFormat};
use crate::text::Span;

pub fn run(args: AnalysisArgs) -> u8 {
    let (rules, doc) = match super::rules_and_article(&args) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let atts = &doc.attributions(&rules.context).items;
    let disputes = &doc.disputes(&rules.context).items;
    let window = Window::default();
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
            let disputes: Vec<_> = disputes.iter().map(|d| dispute_json(&doc, d, &window)).collect();
            let v = json!({"version": 1, "path": doc.path, "attributions": items, "disputes": disputes});
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
            write_disputes(&mut s, &doc, disputes, &window);
            s
        }
    };
    write_stdout(out.as_bytes())
}

fn line_of(doc: &Document, span: Span) -> usize {
    doc.lines.line_col(&doc.source, doc.map.to_source(span.start)).line
}

fn status_of<'a>(d: &'a Dispute, window: &Window) -> (&'static str, Option<&'a Response>) {
    match d.status(window) {
        Status::Answered(i) => ("answered", d.responses.get(i)),
        Status::Far(i) => ("far", d.responses.get(i)),
        Status::Missing => ("missing", None),
    }
}

fn kind_str<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// One disputed assertion: what is asserted, against whom, and the response found (or null).
fn dispute_json(doc: &Document, d: &Dispute, window: &Window) -> serde_json::Value {
    let (status, response) = status_of(d, window);
    let mut v = json!({
        "kind": d.kind,
        "assertion": span_json(doc, d.assertion),
        "cue": span_json(doc, d.cue),
        "accuser": d.accuser.map(|s| span_json(doc, s)),
        "target": span_json(doc, d.target),
        "target_name": d.target_name,
        "status": status,
        "response": response.map(|r| json!({
            "cue": span_json(doc, r.cue),
            "sentence": span_json(doc, r.sentence),
            "kind": r.kind,
            "responder": r.responder,
            "paragraphs_away": r.distance,
            "shared_words": r.overlap,
        })),
    });
    // Not flagged although a dispute: an opinion piece, background, not made, unclear pronoun.
    if let (Some(why), Some(obj)) = (d.not_live, v.as_object_mut()) {
        obj.insert("not_flagged".into(), why.as_str().into());
    }
    v
}

fn write_disputes(s: &mut String, doc: &Document, disputes: &[Dispute], window: &Window) {
    // As `check` counts them: a charge that is not live (opinion, background, ...) needs none.
    let missing = disputes.iter().filter(|d| d.not_live.is_none() && d.status(window) == Status::Missing).count();
    let quiet = disputes.iter().filter(|d| d.not_live.is_some()).count();
    let _ = write!(s, "\n{} disputed assertions, {} without a response", disputes.len(), missing);
    let _ = if quiet > 0 { writeln!(s, " ({quiet} not flagged)") } else { writeln!(s) };
    for d in disputes {
        let (status, response) = status_of(d, window);
        let mut assertion: String = doc.slice(d.assertion).chars().take(90).collect();
        if assertion.len() < d.assertion.len() {
            assertion.push_str("...");
        }
        let _ = writeln!(
            s,
            "line {:>4}  {} against {}: {}",
            line_of(doc, d.assertion),
            d.kind.as_str(),
            d.target_name,
            assertion
        );
        if let Some(why) = d.not_live {
            let _ = writeln!(s, "            not flagged: {}", why.as_str());
        }
        match response {
            Some(r) => {
                let mut said: String = doc.slice(r.sentence).chars().take(80).collect();
                if said.len() < r.sentence.len() {
                    said.push_str("...");
                }
                let place = match r.distance {
                    0 if r.same_sentence => "same sentence".to_string(),
                    0 => "same paragraph".to_string(),
                    n if n > 0 => format!("{n} paragraph(s) after"),
                    n => format!("{} paragraph(s) before", -n),
                };
                let _ = writeln!(
                    s,
                    "            response ({status}, {}, {place}, line {}): {said}",
                    kind_str(r.kind),
                    line_of(doc, r.sentence)
                );
            }
            None => {
                let _ = writeln!(s, "            response: none");
            }
        }
    }
}
