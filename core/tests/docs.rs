//! The project's documentation is kept true by tests: `docs/rules.md` is generated from the
//! rules' own documentation and must be current, and every example in `docs/language.md` must
//! read without a syntax error and give exactly the findings its `# expect:` markers name.
//!
//! `PRIVLINT_BLESS=1 cargo test -p privlint-core --test docs` rewrites `docs/rules.md` and the
//! Norwegian tables `docs/rules.nb.md` and `docs/rules.nn.md`.

use std::path::PathBuf;

use privlint_core::{Settings, check};

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

#[test]
fn the_rules_reference_is_generated_from_the_rules() {
    let path = docs().join("rules.md");
    let generated = privlint_core::rules::reference();
    if std::env::var_os("PRIVLINT_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is out of date: run `PRIVLINT_BLESS=1 cargo test -p privlint-core --test docs`"
    );
}

/// `docs/rules.nb.md` and `docs/rules.nn.md`: the summary table in Bokmål and Nynorsk, from the
/// same texts as `privlint explain --lang`.
#[test]
fn the_norwegian_rules_tables_are_generated_from_the_rules() {
    use privlint_core::lang::Language;
    for language in [Language::Nb, Language::Nn] {
        let name = format!("rules.{}.md", language.tag());
        let path = docs().join(&name);
        let generated = privlint_core::rules::summary_table(language);
        if std::env::var_os("PRIVLINT_BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "docs/{name} is out of date: run `PRIVLINT_BLESS=1 cargo test -p privlint-core --test docs`"
        );
    }
}

/// The ```privacy blocks of a Markdown text, with the line each starts on.
fn privacy_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (number, line) in markdown.lines().enumerate() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```privacy") => current = Some((number + 2, String::new())),
            (Some(_), "```") => blocks.push(current.take().unwrap()),
            (Some((_, block)), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn the_language_reference_examples_are_true() {
    let markdown = std::fs::read_to_string(docs().join("language.md")).unwrap();
    let blocks = privacy_blocks(&markdown);
    assert!(
        blocks.len() >= 10,
        "docs/language.md has {} examples",
        blocks.len()
    );
    for (line, block) in blocks {
        let mut expected: Vec<(usize, String)> = Vec::new();
        for (number, text) in block.lines().enumerate() {
            if let Some((_, rules)) = text.split_once("# expect:") {
                for rule in rules.split(',') {
                    expected.push((number + 1, rule.trim().to_string()));
                }
            }
        }
        let found = check(&block, &Settings::default());
        assert!(
            !found.iter().any(|d| d.rule.name == "syntax-error"),
            "the example at docs/language.md:{line} does not read:\n{block}"
        );
        // An example shows a part of a declaration: only the findings it marks are checked, and
        // each marked finding must be there.
        for (number, rule) in &expected {
            assert!(
                found.iter().any(|d| d.rule.name == rule
                    && block[..d.span.start].matches('\n').count() + 1 == *number),
                "docs/language.md:{}: `{rule}` does not fire:\n{block}",
                line + number - 1
            );
        }
    }
}
