//! The playground (`wasm/`, compiled to WebAssembly for the browser) and the command line give
//! the same bytes for the same files: every bundled example is checked through the wasm crate's
//! functions and through `privlint check --format json`, and its record written through both.

mod common;

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The declaration files and configurations under `dir` (relative to the repository root), with
/// their texts, named as the command line names them when run from the root.
fn files_under(dir: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut pending = vec![root().join(dir)];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "privacy")
                || path.file_name().is_some_and(|n| n == "privlint.toml")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
        .into_iter()
        .map(|path: PathBuf| {
            let name = path
                .strip_prefix(root())
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

fn cli(args: &[&str]) -> String {
    let out = common::privlint(root(), args);
    String::from_utf8(out.stdout).unwrap()
}

/// What is compared: each single-file example, the declaration in several files (with its
/// privlint.toml) and every example at once.
fn cases() -> Vec<(String, Vec<(String, String)>)> {
    let mut cases: Vec<(String, Vec<(String, String)>)> = files_under("examples")
        .into_iter()
        .filter(|(name, _)| Path::new(name).parent() == Some(Path::new("examples")))
        .map(|(name, text)| (name.clone(), vec![(name, text)]))
        .collect();
    assert!(cases.len() >= 4, "the single-file examples: {cases:?}");
    cases.push((
        "examples/fjordbanken".into(),
        files_under("examples/fjordbanken"),
    ));
    cases.push(("examples".into(), files_under("examples")));
    cases
}

#[test]
fn check_gives_the_json_of_the_command_line_for_every_example() {
    for (path, files) in cases() {
        let expected = cli(&["check", "--format", "json", &path]);
        let report: common::Value = serde_json::from_str(&expected).unwrap();
        assert!(
            report["summary"]["files"].as_u64().unwrap() >= 1,
            "{path}: {expected}"
        );
        let got = privlint_wasm::check(&files).unwrap();
        assert_eq!(
            got, expected,
            "{path}: the playground and the command line differ"
        );
    }
}

#[test]
fn the_configuration_of_the_declaration_in_several_files_is_honoured() {
    let files = files_under("examples/fjordbanken");
    let report: common::Value =
        serde_json::from_str(&privlint_wasm::check(&files).unwrap()).unwrap();
    assert_eq!(
        report["summary"]["configs"],
        serde_json::json!(["examples/fjordbanken/privlint.toml"])
    );
    // Without its privlint.toml, each file is a declaration alone: its definitions are unknown
    // to the others, and the report changes.
    let alone: Vec<(String, String)> = files
        .iter()
        .filter(|(name, _)| !name.ends_with("privlint.toml"))
        .cloned()
        .collect();
    assert_ne!(
        privlint_wasm::check(&alone).unwrap(),
        privlint_wasm::check(&files).unwrap()
    );
}

#[test]
fn record_gives_the_bytes_of_the_command_line_for_every_example() {
    for (path, files) in cases() {
        if path == "examples" {
            continue;
        }
        // The command line names a declaration by one of its files.
        let named = if path.ends_with(".privacy") {
            path.clone()
        } else {
            format!("{path}/organisation.privacy")
        };
        for lang in ["nb", "nn", "en"] {
            for format in ["csv", "md"] {
                // Both dated 2026-01-15 where the notice gives no date: the command line by
                // SOURCE_DATE_EPOCH, the page by its clock.
                let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
                    .current_dir(root())
                    .args(["record", &named, "--lang", lang, "--format", format])
                    .env("SOURCE_DATE_EPOCH", "1768435200")
                    .output()
                    .unwrap();
                let got = privlint_wasm::record(&files, lang, format, "2026-01-15").unwrap();
                assert_eq!(got, out.stdout, "{path} {lang} {format}");
            }
        }
    }
}
