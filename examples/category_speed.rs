//! The benchmark's per-category loop (parse, then every rule of one category) as a plain
//! program, for profilers (perf, callgrind) that want one process and no harness:
//!
//!   cargo run --release --example category_speed -- CATEGORY ROUNDS FILE.jsonl
//!
//! CATEGORY is a rule category ("attribution", "counter-position", "dates") or "all".
//! Prints the best round's MB/s (wall clock of one thread: compare on a quiet machine).

use std::time::Instant;

use factlint::RuleSet;
use factlint::input::{InputOptions, parse_bytes};

// The binary's allocator (src/main.rs), so the loop costs what it costs in `factlint`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [category, rounds, path] = args.as_slice() else {
        eprintln!("usage: category_speed CATEGORY ROUNDS FILE.jsonl");
        std::process::exit(2);
    };
    let mut rules = RuleSet::embedded().expect("embedded rules");
    if category != "all" {
        rules.filter(std::slice::from_ref(category), &[]).expect("known category");
    }
    let rounds: usize = rounds.parse().expect("ROUNDS is a number");
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = InputOptions::default();
    let (mut best, mut findings) = (f64::MAX, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        findings = 0;
        for text in &texts {
            if let Ok(doc) = parse_bytes("a.txt", text.as_bytes().to_vec(), &opts) {
                findings += rules.check(&doc).len();
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!("{category}: {} documents, {mb:.2} MB, {findings} findings", texts.len());
    println!("best of {rounds}: {:.1} ms, {:.1} MB/s", best * 1e3, mb / best);
}
