//! Parsing against the whole check, at three sizes; growth should be linear.
//! - `parse`: tree-sitter alone, the whole text as one tree (for reference);
//! - `read`: what checking parses: the sections, each read into its outline (in parallel);
//! - `model+rules`: the model built from the outlines, and the rules;
//! - `check`: both.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use privlint_core::{Settings, analyze, check, syntax};

fn bench(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("declaration");
    group.sample_size(10);
    for purposes in [1_000, 5_000, 50_000] {
        let text = privlint_bench::declaration(purposes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", purposes), &text, |b, t| {
            b.iter(|| syntax::parse(t, None))
        });
        group.bench_with_input(BenchmarkId::new("read", purposes), &text, |b, t| {
            b.iter(|| syntax::read(t))
        });
        let sections = syntax::read(&text);
        group.bench_with_input(BenchmarkId::new("model+rules", purposes), &text, |b, t| {
            b.iter(|| analyze(t, &sections, &settings))
        });
        group.bench_with_input(BenchmarkId::new("check", purposes), &text, |b, t| {
            b.iter(|| check(t, &settings))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
