//! `factlint diff` on two ~10 KB versions of an article (the seed article repeated with
//! varied numbers, then edited: a number, a quote, a weekday, a removed paragraph, a
//! moved paragraph, a typo). Target: under 5 ms per diff, rules on both versions included.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use factlint::RuleSet;
use factlint::diff::{DiffOptions, diff, revisions};
use factlint::input::{InputOptions, parse_bytes};

const SEED: &str = include_str!("../fixtures/seed-putin-2022-02-03.txt");

fn versions() -> (String, String) {
    let (head, body) = SEED.split_at(SEED.find("Russian President").unwrap());
    let mut old = head.to_string();
    let mut k = 0;
    while old.len() < 10_000 {
        // Vary each copy so sentences are not all duplicates of each other.
        old.push_str(&body.replace("100,000", &format!("{},000", 100 + k)).replace("2014", &format!("{}", 1990 + k)));
        old.push_str("\n\n");
        k += 1;
    }
    let mut paras: Vec<String> = old.split("\n\n").map(str::to_string).collect();
    let n = paras.len();
    paras[n / 2].push_str(" Officials say talks will continue.");
    paras.swap(n / 3, n / 3 + 5);
    paras.remove(n - 4);
    let new = paras
        .join("\n\n")
        .replacen("more than 101,000 troops", "more than 131,000 troops", 1)
        .replacen("I hope that dialogue", "I expect that dialogue", 1)
        .replacen("on Tuesday lambasted", "on Wednesday lambasted", 1)
        .replacen("military maneuvers", "military manuevers", 1);
    (old, new)
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::embedded().unwrap();
    let (old, new) = versions();
    let opts = InputOptions::default();
    let o = parse_bytes("old.txt", old.clone().into_bytes(), &opts).unwrap();
    let n = parse_bytes("new.txt", new.clone().into_bytes(), &opts).unwrap();
    let d = diff(&rules, &o, &n, &DiffOptions::default());
    eprintln!(
        "old {} bytes, new {} bytes, {} revision findings, {} minor edits",
        old.len(),
        new.len(),
        d.findings.len(),
        d.minor.len()
    );
    c.bench_function("diff 10KB (parse + align + classify + lint both)", |b| {
        b.iter(|| {
            let o = parse_bytes("old.txt", black_box(old.clone()).into_bytes(), &opts).unwrap();
            let n = parse_bytes("new.txt", black_box(new.clone()).into_bytes(), &opts).unwrap();
            black_box(diff(&rules, &o, &n, &DiffOptions::default()).findings.len())
        })
    });
    c.bench_function("revisions 10KB (parse + analyses + align + classify, no lint)", |b| {
        b.iter(|| {
            let o = parse_bytes("old.txt", black_box(old.clone()).into_bytes(), &opts).unwrap();
            let n = parse_bytes("new.txt", black_box(new.clone()).into_bytes(), &opts).unwrap();
            black_box(revisions(&rules, &o, &n, &DiffOptions::default()).findings.len())
        })
    });
    // Where the time of a full diff goes: each analysis on one fresh 10 KB version.
    let ctx = &rules.context;
    let fresh = || parse_bytes("new.txt", new.clone().into_bytes(), &opts).unwrap();
    c.bench_function("analysis 10KB: parse only", |b| b.iter(|| black_box(fresh().sentences.len())));
    c.bench_function("analysis 10KB: attributions", |b| b.iter(|| black_box(fresh().attributions(ctx).items.len())));
    c.bench_function("analysis 10KB: temporal", |b| b.iter(|| black_box(fresh().temporal(ctx).len())));
    c.bench_function("analysis 10KB: disputes", |b| b.iter(|| black_box(fresh().disputes(ctx).items.len())));
    c.bench_function("lint 10KB: rules.check", |b| b.iter(|| black_box(rules.check(&fresh()).len())));
    c.bench_function("revisions 10KB (align + classify, analyses cached)", |b| {
        b.iter(|| black_box(revisions(&rules, &o, &n, &DiffOptions::default()).findings.len()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
