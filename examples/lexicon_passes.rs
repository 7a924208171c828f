//! Cost of one whole-document pass of each attribution/entity lexicon, to see which word
//! lists dominate matching time:
//!
//!   cargo run --release --example lexicon_passes -- ../shared/corpus/attribution-train.jsonl
//!
//! Prints, per lexicon, MB/s of one pass over every document's word starts and its matches.

use std::time::Instant;

use factlint::RuleSet;
use factlint::input::{InputOptions, parse_bytes};
use factlint::text::Span;
use factlint::text::lexicon::PhraseMatcher;

fn main() {
    let rules = RuleSet::embedded().expect("embedded rules");
    let a = &rules.context.attribution;
    let mut docs = Vec::new();
    for arg in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&arg).unwrap_or_else(|e| panic!("{arg}: {e}"));
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("jsonl row");
            if let Some(t) = v["text"].as_str() {
                docs.push(parse_bytes("a.txt", t.as_bytes().to_vec(), &InputOptions::default()).expect("parse"));
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let lexicons: [(&str, &PhraseMatcher); 8] = [
        ("verbs", &a.verbs),
        ("anonymous", &a.anonymous),
        ("documents", &a.documents),
        ("hedges", &a.hedges),
        ("titles", &a.entities.titles),
        ("aliases", &a.entities.aliases),
        ("first_names", &a.entities.first_names),
        ("pronouns", &a.entities.pronouns),
    ];
    for d in &docs {
        let _ = d.find(&a.verbs, Span::new(0, 0)).count();
    }
    for (name, m) in lexicons {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..5 {
            for d in &docs {
                n += d.find(m, Span::new(0, d.text.len())).count();
            }
        }
        let secs = t.elapsed().as_secs_f64() / 5.0;
        println!("{name:12} {:8.0} MB/s {:7} matches", bytes as f64 / secs / 1e6, n / 5);
    }
}
