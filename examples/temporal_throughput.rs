//! Throughput of the temporal analysis alone (tokenize, grammar, tense, resolve) over
//! ~10 MB of seed-article variants already split into documents, one core.
//! Run: `cargo run --release --example temporal_throughput [MB]`.

use std::time::Instant;

use factlint::analysis::Context;
use factlint::analysis::temporal::find_temporal;
use factlint::input::{InputOptions, parse_bytes};
use factlint::rules::Lexicons;

const SEED: &str = include_str!("../fixtures/seed-putin-2022-02-03.txt");

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let (header, body) = SEED.split_once("Bloomberg").expect("seed has an outlet line");
    let paragraphs: Vec<&str> = body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    let opts = InputOptions::default();
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut k = 0usize;
    while bytes < mb * 1_000_000 {
        let day = 1 + k % 28;
        let header = header.replace("2022-02-03", &format!("2022-{:02}-{day:02}", 1 + k % 12));
        let mut a = format!("{}Bloomberg\n\n", header.trim_start());
        for i in 0..paragraphs.len() {
            a.push_str(paragraphs[(i + k) % paragraphs.len()]);
            a.push_str("\n\n");
        }
        bytes += a.len();
        docs.push(parse_bytes("a.txt", a.into_bytes(), &opts).expect("parses"));
        k += 1;
    }
    let ctx = Context::new(&Lexicons::default());
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t = Instant::now();
        n = 0;
        for d in &docs {
            n += find_temporal(d, &ctx).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "find_temporal: {} docs, {:.1} MB, {n} expressions, best of 5 {:.1} ms = {:.0} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}
