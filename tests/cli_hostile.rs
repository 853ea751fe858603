//! Hostile files: each ends in exit 0, 1 or 2 with a valid JSON report, in bounded time.

mod common;

use std::time::{Duration, Instant};

use common::*;

/// Checks one file's bytes; returns the exit status and the report, and asserts it took less
/// than `limit` (generous: these are regression tests against hangs, not benchmarks).
fn survive(name: &str, content: &[u8], limit: Duration) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), name, content);
    let started = Instant::now();
    let (status, report) = json(dir.path(), &[name]);
    assert!(
        started.elapsed() < limit,
        "{name} took {:?}",
        started.elapsed()
    );
    assert!(matches!(status, 0..=2), "{name}: exit {status}");
    for d in report["diagnostics"].as_array().unwrap() {
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
    }
    (status, report)
}

fn rules_of(report: &Value) -> Vec<String> {
    rules(report).into_iter().map(|(_, rule, _)| rule).collect()
}

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn deep_nesting() {
    let depth = 100_000;
    let text = format!(
        "{}{}",
        "purpose p \"P\" {\n".repeat(depth),
        "}\n".repeat(depth)
    );
    let (status, _) = survive("deep.privacy", text.as_bytes(), LIMIT);
    assert_eq!(status, 1);
    let unclosed = "a {".repeat(depth);
    survive("unclosed.privacy", unclosed.as_bytes(), LIMIT);
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    let (status, report) = survive("latin1.privacy", b"controller c \"F\xf8rde\"\n", LIMIT);
    assert_eq!(
        (status, rules_of(&report)),
        (1, vec!["invalid-utf8".to_string()])
    );
    let (status, report) = survive(
        "nul.privacy",
        format!("{CLEAN}category k \"a\0b\"\x00\n").as_bytes(),
        LIMIT,
    );
    assert_eq!(status, 1);
    assert!(rules_of(&report).contains(&"syntax-error".to_string()));
}

#[test]
fn a_two_megabyte_string() {
    let text = format!("{CLEAN}category k \"{}\"\n", "ø".repeat(1 << 20));
    let (status, report) = survive("big.privacy", text.as_bytes(), LIMIT);
    assert_eq!(status, 0, "{report}");
    let open = format!("{CLEAN}category k \"{}\n", "x".repeat(2 << 20));
    survive("open.privacy", open.as_bytes(), LIMIT);
}

#[test]
fn fifty_thousand_undefined_references() {
    let names: Vec<String> = (0..50_000).map(|i| format!("missing_{i}")).collect();
    let text = format!(
        "{CLEAN}purpose p \"P\" {{\n  basis contract\n  data {}\n  retention 1 year\n}}\n",
        names.join(", ")
    );
    let (status, report) = survive("refs.privacy", text.as_bytes(), LIMIT);
    assert_eq!(status, 1);
    assert_eq!(
        report["summary"]["errors"],
        50_000 + 1,
        "one unknown-reference each, plus portability"
    );
}

#[test]
fn line_ends_and_a_bom() {
    let crlf = CLEAN.replace('\n', "\r\n") + "category k \"K\"\r\n";
    let (status, report) = survive("crlf.privacy", crlf.as_bytes(), LIMIT);
    assert_eq!(status, 0);
    assert_eq!(
        rules(&report),
        vec![("crlf.privacy".into(), "unused-definition".into(), 11)]
    );
    let cr = CLEAN.replace('\n', "\r") + "category k \"K\"\r";
    let (_, report) = survive("cr.privacy", cr.as_bytes(), LIMIT);
    assert_eq!(
        rules(&report),
        vec![("cr.privacy".into(), "unused-definition".into(), 11)]
    );
    let bom = format!("\u{FEFF}{CLEAN}category k \"K\"\n");
    let (_, report) = survive("bom.privacy", bom.as_bytes(), LIMIT);
    assert_eq!(report["diagnostics"][0]["column"], 10);
}
