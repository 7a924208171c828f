//! Whole-pipeline throughput (read -> text layer -> every analysis -> every embedded
//! rule) over a generated corpus of > 10 MB, one core. Run: `cargo bench --bench throughput`.
//! Criterion prints MB/s ("thrpt"); the product goal is >= 50 MB/s per core. A third group
//! runs the same over real news when ../shared/corpus is there, with every rule and then
//! with each check category alone.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlint::RuleSet;
use factlint::input::{InputOptions, parse_bytes};

// The same allocator as the binary (src/main.rs), so the figures are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: &str = include_str!("../fixtures/seed-putin-2022-02-03.txt");

const NAMES: &[(&str, &str)] = &[
    ("Vladimir Putin", "Putin"),
    ("Maria Lopez", "Lopez"),
    ("Chen Wei", "Chen"),
    ("Amara Okafor", "Okafor"),
    ("Lars Eriksen", "Eriksen"),
    ("Priya Raman", "Raman"),
];

/// Deterministic variants of the seed article: other names, datelines and paragraph
/// orders, so no two articles are byte-identical.
fn corpus(min_bytes: usize) -> Vec<String> {
    let (header, body) = SEED.split_once("Bloomberg").unwrap();
    let paragraphs: Vec<&str> = body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = Vec::new();
    let mut total = 0;
    while total < min_bytes {
        let (full, short) = NAMES[(next() % NAMES.len() as u64) as usize];
        let mut order: Vec<usize> = (0..paragraphs.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        let day = 1 + next() % 28;
        let month = 1 + next() % 12;
        let header = header.replace("2022-02-03", &format!("2022-{month:02}-{day:02}"));
        let mut article = format!("{}Bloomberg\n\n", header.trim_start());
        for &i in &order {
            article.push_str(&paragraphs[i].replace("Vladimir Putin", full).replace("Putin", short));
            article.push_str("\n\n");
        }
        total += article.len();
        out.push(article);
    }
    out
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::embedded().unwrap();
    let articles = corpus(10 * 1024 * 1024);
    let opts = InputOptions::default();
    check_all(c, "pipeline", "articles", &articles, &rules, &opts);

    // Latency of one whole article (the seed, 2.7 KB): the "well under a millisecond" goal.
    let mut single = c.benchmark_group("article");
    single.throughput(Throughput::Bytes(SEED.len() as u64));
    single.bench_function("check seed article", |b| {
        b.iter(|| {
            let doc = parse_bytes("a.txt", SEED.as_bytes().to_vec(), &opts).unwrap();
            black_box(rules.check(&doc).len())
        })
    });
    single.finish();

    // Real news, when the shared corpus is next to the project (it is not shipped): the 840
    // PolNeAR articles, or the JSONL file named by FACTLINT_BENCH_CORPUS.
    let path = std::env::var("FACTLINT_BENCH_CORPUS")
        .unwrap_or_else(|_| "../shared/corpus/attribution-train.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("corpus benchmark skipped: {path} not found");
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    check_all(c, "corpus", "news articles", &texts, &rules, &opts);
    // Each check category alone (its analyses, the text layer they need, and its rules):
    // what each costs of the 50 MB/s per-core budget.
    for category in ["attribution", "counter-position", "dates"] {
        let mut only = RuleSet::embedded().unwrap();
        if only.filter(&[category.to_string()], &[]).is_ok() {
            check_all(c, "corpus", &format!("news articles, {category} rules only"), &texts, &only, &opts);
        }
    }
}

/// Every rule over every text, one core: a criterion group `group` reporting MB/s.
fn check_all(c: &mut Criterion, group: &str, what: &str, texts: &[String], rules: &RuleSet, opts: &InputOptions) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("check {} {what}, {:.1} MB", texts.len(), bytes as f64 / 1e6), |b| {
        b.iter(|| {
            let mut findings = 0;
            for t in texts {
                if let Ok(doc) = parse_bytes("a.txt", t.as_bytes().to_vec(), opts) {
                    findings += rules.check(&doc).len();
                }
            }
            black_box(findings)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
