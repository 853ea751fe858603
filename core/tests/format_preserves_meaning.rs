//! `privlint fmt` never changes meaning: over every example, contract example and documented
//! rule example, the model of a file and of its formatted text are equal (spans aside), the
//! diagnostics are the same, and formatting twice changes nothing.

mod common;

use std::path::Path;

use common::{assert_formatting_keeps_meaning, assert_spans_inside};
use privlint_core::{Settings, check, rules::ALL};

fn privacy_files(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "privacy"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn documented_examples() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for rule in ALL {
        let docs = rule.meta().documentation();
        let mut block: Option<String> = None;
        for line in docs.lines() {
            match (&mut block, line.trim()) {
                (None, l) if l.starts_with("```privacy") => block = Some(String::new()),
                (Some(_), "```") => {
                    found.push((rule.meta().name.to_string(), block.take().unwrap()))
                }
                (Some(b), _) => {
                    b.push_str(line);
                    b.push('\n');
                }
                _ => {}
            }
        }
    }
    found
}

#[test]
fn formatting_preserves_the_model_and_the_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut inputs = privacy_files(&root.join("examples"));
    assert!(inputs.len() >= 4, "the examples are there");
    inputs.extend(privacy_files(&root.join("../shared/spec/examples")));
    inputs.extend(documented_examples());
    let mut formatted_count = 0;
    for (name, text) in &inputs {
        let diagnostics = check(text, &Settings::default());
        assert_spans_inside(name, text, &diagnostics);
        // Files with syntax errors are not formatted (syntax.privacy, on purpose).
        if assert_formatting_keeps_meaning(name, text, &diagnostics) {
            formatted_count += 1;
        }
    }
    assert!(
        formatted_count > 60,
        "only {formatted_count} inputs were formatted"
    );
}
