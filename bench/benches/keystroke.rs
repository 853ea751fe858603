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

/// One keystroke in a file of a declaration of 200 files × 100 purposes, as the server checks
/// it: the edited file's changed sections read again, every file's kept sections laid out with
/// `Combined::from_sections`, the whole declaration modelled and checked, and the diagnostics
/// split back to their files. Also each part alone, to see where the time goes.
fn declaration(c: &mut Criterion) {
    use privlint_core::combined::Combined;
    let settings = Settings::default();
    let files = privlint_bench::declaration_files(200, 100);
    let mut docs: Vec<Document> = files
        .iter()
        .map(|(_, text)| Document::new(text.clone(), 1, &settings))
        .collect();
    let edited = 100;
    let text = docs[edited].text.clone();
    let line = text
        .lines()
        .position(|l| l.starts_with("purpose "))
        .expect("a purpose");
    let column = text.lines().nth(line).unwrap().find('"').unwrap() + 1;
    let at = Position { line, column };
    let after = Position {
        line,
        column: column + 1,
    };
    let check = |docs: &mut Vec<Document>| {
        let sections: Vec<_> = docs.iter_mut().map(|d| d.sections()).collect();
        let parts: Vec<(&str, &[privlint_core::syntax::Section])> = docs
            .iter()
            .zip(&sections)
            .map(|(d, s)| (d.text.as_str(), s.as_slice()))
            .collect();
        let combined = Combined::from_sections(&parts);
        let (_, diagnostics) = combined.analyze(&settings);
        combined.split(diagnostics).len()
    };
    let mut group = c.benchmark_group("keystroke/declaration-200x100");
    group.sample_size(10);
    group.bench_function("whole", |b| {
        b.iter(|| {
            docs[edited].edit(at, at, "x", ColumnUnit::Utf16).unwrap();
            check(&mut docs);
            docs[edited].edit(at, after, "", ColumnUnit::Utf16).unwrap();
            check(&mut docs)
        })
    });
    // The same keystroke through `privlint_core::incremental::Workspace`: the edited file set
    // again (its unchanged sections keep their outlines), the declaration checked.
    let mut workspace = privlint_core::incremental::Workspace::new();
    for (name, text) in &files {
        workspace.set_file(name, text.clone());
    }
    let (name, original) = &files[edited];
    let offset = original
        .lines()
        .take(line)
        .map(|l| l.len() + 1)
        .sum::<usize>()
        + column;
    let mut typed = original.clone();
    typed.insert(offset, 'x');
    let never = privlint_core::CancelToken::never();
    group.bench_function("workspace", |b| {
        b.iter(|| {
            workspace.set_file(name, typed.clone());
            let n = workspace.check(&settings, &never).unwrap().files.len();
            workspace.set_file(name, original.clone());
            n + workspace.check(&settings, &never).unwrap().files.len()
        })
    });
    let sections: Vec<_> = docs.iter_mut().map(|d| d.sections()).collect();
    let parts: Vec<(&str, &[privlint_core::syntax::Section])> = docs
        .iter()
        .zip(&sections)
        .map(|(d, s)| (d.text.as_str(), s.as_slice()))
        .collect();
    group.bench_function("from_sections", |b| {
        b.iter(|| Combined::from_sections(&parts).text.len())
    });
    let combined = Combined::from_sections(&parts);
    group.bench_function("model+rules", |b| {
        b.iter(|| combined.analyze(&settings).1.len())
    });
    let (_, diagnostics) = combined.analyze(&settings);
    group.bench_function("split", |b| {
        b.iter(|| combined.split(diagnostics.clone()).len())
    });
    group.finish();
}

criterion_group!(benches, bench, declaration);
criterion_main!(benches);
