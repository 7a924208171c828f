//! Invariants over arbitrary input: no panic, spans in bounds and on character
//! boundaries, sentences tile their paragraphs, output independent of thread count.

use factlint::RuleSet;
use factlint::input::{InputOptions, parse_bytes};
use proptest::prelude::*;

fn rules() -> &'static RuleSet {
    static SET: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| RuleSet::embedded().unwrap())
}

/// Text that looks like news often enough to reach deep code paths.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("‘".to_string()),
        Just(" said ".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("on Tuesday".to_string()),
        Just("Feb. 30, 2022".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("date 2022-02-03 H\n".to_string()),
        Just("reportedly ".to_string()),
        Just("accused ".to_string()),
        "[A-Za-z]{1,8}",
        "[ -~]{0,5}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) {
    let Ok(doc) = parse_bytes("p.txt", text.as_bytes().to_vec(), &InputOptions::default()) else { return };
    let t = &doc.text;
    for p in &doc.paragraphs {
        assert!(p.start <= p.end && p.end <= t.len() && t.is_char_boundary(p.start) && t.is_char_boundary(p.end));
    }
    // Sentences tile each paragraph: in order, inside it, and only whitespace between.
    for (pi, range) in doc.paragraph_sentences.iter().enumerate() {
        let para = doc.paragraphs[pi];
        let mut cursor = para.start;
        for s in &doc.sentences[range.clone()] {
            assert!(s.span.start >= cursor && s.span.end <= para.end && s.span.start < s.span.end);
            assert!(t[cursor..s.span.start].trim().is_empty(), "gap {:?}", &t[cursor..s.span.start]);
            cursor = s.span.end;
        }
        assert!(t[cursor..para.end].trim().is_empty());
    }
    for q in &doc.quotes {
        assert!(q.span.end <= t.len() && t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
        assert!(q.span.covers(q.content) || q.content.is_empty());
    }
    for f in rules().check(&doc) {
        let s = doc.map.span_to_source(f.span);
        assert!(s.start <= s.end && s.end <= doc.source.len(), "{f:?}");
        assert!(doc.source.is_char_boundary(s.start) && doc.source.is_char_boundary(s.end), "{f:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(doc) = parse_bytes("p.txt", bytes, &InputOptions::default()) {
            let _ = rules().check(&doc);
        }
    }

    #[test]
    fn arbitrary_text_keeps_invariants(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn newsish_text_keeps_invariants(text in newsish()) {
        check_invariants(&text);
    }

    #[test]
    fn checking_twice_gives_the_same_findings(text in newsish()) {
        if let Ok(doc) = parse_bytes("p.txt", text.as_bytes().to_vec(), &InputOptions::default()) {
            let a = rules().check(&doc);
            let doc2 = parse_bytes("p.txt", text.into_bytes(), &InputOptions::default()).unwrap();
            prop_assert_eq!(a, rules().check(&doc2));
        }
    }
}
