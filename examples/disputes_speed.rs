//! Throughput of the disputes analysis alone, separated from the text layer and the
//! attribution analysis it reads. Each phase is timed over every document, several rounds:
//!
//!   cargo run --release --example disputes_speed -- FILE_OR_JSONL...
//!
//! A `.jsonl` argument is read as one article per line (`{"text": ...}`), anything else as one
//! article per file. Prints MB/s for parsing, the shared word index and sentence tokens,
//! attribution and disputes (wall clock of one thread: run it on a quiet machine, or compare
//! with `user` time of the CLI).

use std::time::Instant;

use factlint::RuleSet;
use factlint::input::{InputOptions, parse_bytes};

// The binary's allocator (src/main.rs), so the phases cost what they cost in `factlint`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let rules = RuleSet::embedded().expect("embedded rules");
    let ctx = &rules.context;
    let mut texts: Vec<String> = Vec::new();
    for arg in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&arg).unwrap_or_else(|e| panic!("{arg}: {e}"));
        if arg.ends_with(".jsonl") {
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).expect("jsonl row");
                if let Some(t) = v["text"].as_str() {
                    texts.push(t.to_string());
                }
            }
        } else {
            texts.push(data);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = InputOptions::default();
    let (mut parse, mut words, mut attr, mut disp) = (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    let mut items = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let docs: Vec<_> =
            texts.iter().filter_map(|a| parse_bytes("a.txt", a.as_bytes().to_vec(), &opts).ok()).collect();
        parse = parse.min(t.elapsed().as_secs_f64());
        // The word index and sentence tokens are text layer shared by every analysis; the
        // first analysis to run builds them, so they are timed on their own.
        let t = Instant::now();
        for d in &docs {
            // Tokens first: that pass builds the word index too, as in the analyses.
            std::hint::black_box(d.sentence_tokens(0).len());
            std::hint::black_box(d.word_starts());
        }
        words = words.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for d in &docs {
            std::hint::black_box(d.attributions(ctx).items.len());
        }
        attr = attr.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        items = 0;
        for d in &docs {
            items += std::hint::black_box(d.disputes(ctx).items.len());
        }
        disp = disp.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!("{} documents, {mb:.2} MB, {items} disputes (best of 5 rounds)", texts.len());
    let phases = [
        ("parse + text layer", parse),
        ("word index + tokens", words),
        ("attribution", attr),
        ("disputes alone", disp),
    ];
    for (name, s) in phases {
        println!("{name:20} {:8.1} ms {:8.1} MB/s", s * 1e3, mb / s);
    }
}
