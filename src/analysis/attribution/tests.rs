use super::*;
use crate::analysis::Context;
use crate::input::{InputOptions, parse_bytes};

pub(crate) fn analyse(text: &str) -> (Document, Context) {
    let rules = crate::rules::RuleSet::embedded().expect("embedded rules load");
    let doc = parse_bytes("t.txt", text.as_bytes().to_vec(), &InputOptions::default()).expect("parses");
    (doc, Context::new(&rules.lexicons))
}

/// (source, cue, content, speaker, kind, direct) of every attribution.
fn rows(text: &str) -> Vec<(String, String, String, String, SpeakerKind, bool)> {
    let (doc, cx) = analyse(text);
    let a = find_attributions(&doc, &cx);
    let t = |s: Option<Span>| s.map(|s| doc.slice(s).to_string()).unwrap_or_default();
    a.items
        .iter()
        .map(|a| (t(a.source), t(a.cue), t(a.content), a.speaker.clone().unwrap_or_default(), a.speaker_kind, a.direct))
        .collect()
}

#[test]
fn said_after_quote() {
    let r = rows("“I hope that dialogue will continue,” Putin said in his first comments.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "Putin");
    assert_eq!(r[0].1, "said");
    assert_eq!(r[0].2, "I hope that dialogue will continue");
    assert!(r[0].5);
}
