//! `privlint fmt` never changes meaning: over every example, contract example and documented
//! rule example, the model of a file and of its formatted text are equal (spans aside), the
//! diagnostics are the same, and formatting twice changes nothing.

use std::path::Path;

use privlint_core::{Settings, check, format::format, lower::lower, rules::ALL, syntax};

/// The model's Debug form with every span's offsets blanked out.
fn meaning(text: &str) -> String {
    let model = format!("{:?}", lower(text, &syntax::read(text)));
    let mut out = String::with_capacity(model.len());
    let mut rest = model.as_str();
    while let Some(at) = rest.find("Span { start: ") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find('}')
            .expect("a Span's Debug form ends with }")
            + at
            + 1;
        out.push_str("Span");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn diagnostics(text: &str) -> Vec<(&'static str, String)> {
    check(text, &Settings::default())
        .into_iter()
        .map(|d| (d.rule.name, d.message))
        .collect()
}

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
        let Ok(formatted) = format(text) else {
            // Files with syntax errors are not formatted (syntax.privacy, on purpose).
            assert!(
                diagnostics(text).iter().any(|(r, _)| *r == "syntax-error"),
                "{name}"
            );
            continue;
        };
        formatted_count += 1;
        assert_eq!(meaning(text), meaning(&formatted), "{name}:\n{formatted}");
        assert_eq!(
            diagnostics(text),
            diagnostics(&formatted),
            "{name}:\n{formatted}"
        );
        assert_eq!(
            format(&formatted).unwrap(),
            formatted,
            "{name} is not idempotent"
        );
    }
    assert!(
        formatted_count > 60,
        "only {formatted_count} inputs were formatted"
    );
}
