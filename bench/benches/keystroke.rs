//! What the language server does for one keystroke in a large declaration, in-process: apply
//! the edit and check the document again (the sections the edit did not touch are not re-read).
//! The end-to-end latency over a real connection is `scripts/bench-lsp.py`.

use criterion::{Criterion, criterion_group, criterion_main};
use privlint_core::{ColumnUnit, Position, Settings};
use privlint_server::document::Document;

fn bench(c: &mut Criterion) {
    let settings = Settings::default();
    let text = privlint_bench::declaration(2_800);
    let line = text.lines().count() / 2
        + text
            .lines()
            .skip(text.lines().count() / 2)
            .position(|l| l.starts_with("purpose "))
            .expect("a purpose in the second half");
    let column = text.lines().nth(line).unwrap().find('"').unwrap() + 1;
    let at = Position { line, column };
    let after = Position {
        line,
        column: column + 1,
    };
    let mut doc = Document::new(text, 1, &settings);
    c.bench_function("keystroke/20k-lines", |b| {
        b.iter(|| {
            doc.edit(at, at, "x", ColumnUnit::Utf16).unwrap();
            doc.refresh(&settings);
            doc.edit(at, after, "", ColumnUnit::Utf16).unwrap();
            doc.refresh(&settings);
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
