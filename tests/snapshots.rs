//! Snapshots of what users see: the whole output of `privlint check` — message, range, related
//! locations — in the terminal format and as JSON, for every bundled example and for both
//! examples in every rule's documentation, with each quick fix's edits. The messages are the
//! product: a changed word shows up here for review.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test snapshots`, then review the
//! diff of `tests/snapshots/` (or use `cargo insta review`). In CI (`CI=true`) a missing or
//! changed snapshot fails.

mod common;

use std::path::Path;

use common::privlint;
use privlint_core::rules::ALL;
use privlint_core::{LineIndex, Settings};

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

/// The terminal report and the JSON report of `privlint check` on `path`, run in `dir`.
fn check_outputs(dir: &Path, path: &str) -> String {
    check_outputs_in(dir, path, &[])
}

/// The same, with `options` (`--lang nn`) before the path.
fn check_outputs_in(dir: &Path, path: &str, options: &[&str]) -> String {
    let human = privlint(dir, &[&["check"], options, &[path]].concat());
    let json = privlint(
        dir,
        &[&["check", "--format", "json"], options, &[path]].concat(),
    );
    let shown: String = options.iter().map(|o| format!("{o} ")).collect();
    format!(
        "$ privlint check {shown}{path}   (exit {})\n{}\n$ privlint check --format json {shown}{path}\n{}",
        human.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&human.stdout),
        String::from_utf8_lossy(&json.stdout)
    )
}

/// The bundled examples, as paths relative to the repository.
fn bundled(root: &Path) -> Vec<String> {
    let mut examples: Vec<String> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "privacy") || p.is_dir())
        .filter(|p| !p.ends_with("published"))
        .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
        .collect();
    examples.sort();
    assert!(examples.len() >= 5, "{examples:?}");
    examples
}

#[test]
fn bundled_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for example in bundled(root) {
        let name = example.replace(['/', '.'], "_");
        settings().bind(|| insta::assert_snapshot!(name, check_outputs(root, &example)));
    }
}

/// The same reports with the findings in Bokmål and in Nynorsk (`--lang`): every message a
/// reader of the examples sees, for review by a reader of each language.
#[test]
fn bundled_examples_in_norwegian() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for example in bundled(root) {
        for language in ["nb", "nn"] {
            let name = format!("{}_{language}", example.replace(['/', '.'], "_"));
            let outputs = check_outputs_in(root, &example, &["--lang", language]);
            settings().bind(|| insta::assert_snapshot!(name, outputs));
        }
    }
}

/// The ```privacy blocks of a rule's documentation.
fn documented_examples(docs: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in docs.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```privacy") => current = Some(String::new()),
            (Some(_), "```") => blocks.push(current.take().unwrap()),
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

/// Each quick fix of `text`'s findings: the rule, the title and the edits as `line:column`
/// ranges with their new text.
fn fixes(text: &str) -> String {
    let index = LineIndex::new(text);
    let at = |offset| {
        let p = index.position(text, offset, privlint_core::ColumnUnit::Char);
        format!("{}:{}", p.line + 1, p.column + 1)
    };
    let mut out = String::new();
    for d in privlint_core::check(text, &Settings::default()) {
        if let Some(fix) = &d.fix {
            out.push_str(&format!(
                "fix of {} at {}: {}\n",
                d.rule.name,
                at(d.span.start),
                fix.title
            ));
            for edit in &fix.edits {
                out.push_str(&format!(
                    "  {}-{} -> {:?}\n",
                    at(edit.span.start),
                    at(edit.span.end),
                    edit.text
                ));
            }
        }
    }
    out
}

#[test]
fn documented_rule_examples() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for rule in ALL {
        let meta = rule.meta();
        let mut snapshot = String::new();
        for (i, example) in documented_examples(&meta.documentation())
            .iter()
            .enumerate()
        {
            let file = format!("{}-{}.privacy", meta.name, i + 1);
            std::fs::write(dir.path().join(&file), example).unwrap();
            snapshot.push_str(&format!("---- {file}\n{example}\n"));
            snapshot.push_str(&check_outputs(dir.path(), &file));
            snapshot.push_str(&fixes(example));
            snapshot.push('\n');
        }
        settings().bind(|| insta::assert_snapshot!(format!("rule_{}", meta.name), snapshot));
    }
}
