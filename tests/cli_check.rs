//! End-to-end tests of `privlint check`: the real binary on real files.

mod common;

use common::*;

#[test]
fn the_json_report_has_the_shape_of_cli_md() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        format!("{CLEAN}category k \"Kontakt\"\ncategory k \"Igjen\"\n"),
    );
    let (status, report) = json(dir.path(), &["a.privacy"]);
    assert_eq!(status, 1);
    assert_eq!(report["version"], 1);
    let d = find(&report, "duplicate-definition");
    assert_eq!(d["file"], "a.privacy");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["article"], Value::Null);
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(12), Some(10))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(12), Some(11))
    );
    assert_eq!(d["related"][0]["line"], 11);
    assert_eq!(d["related"][0]["file"], "a.privacy");
    assert!(d["message"].as_str().unwrap().contains("already defined"));
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn columns_count_characters_not_bytes() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        format!("{CLEAN}category k \"æøå\" {{ bogus }}\n"),
    );
    let (_, report) = json(dir.path(), &["a.privacy"]);
    let d = find(&report, "unknown-field");
    // `category k "æøå" { ` is 19 characters but 22 bytes.
    assert_eq!(
        (d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(20), Some(25))
    );
}

#[test]
fn a_clean_file_exits_0_and_warnings_fail_only_when_denied() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.privacy", CLEAN);
    write(
        dir.path(),
        "warn.privacy",
        format!("{CLEAN}category k \"K\"\n"),
    );
    assert_eq!(json(dir.path(), &["clean.privacy"]).0, 0);
    assert_eq!(json(dir.path(), &["warn.privacy"]).0, 0);
    assert_eq!(
        json(dir.path(), &["--deny", "warnings", "warn.privacy"]).0,
        1
    );
}

#[test]
fn directories_are_searched_recursively_honouring_gitignore_in_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(root, ".gitignore", "ignored/\n");
    write(root, "b.privacy", "");
    write(root, "a/z.privacy", "");
    write(root, "a/notes.txt", "not a declaration");
    write(root, "ignored/x.privacy", "");
    for _ in 0..3 {
        let (status, report) = json(root, &[]);
        assert_eq!(status, 1);
        let mut files: Vec<String> = rules(&report).into_iter().map(|(f, _, _)| f).collect();
        assert!(files.is_sorted(), "{files:?}");
        files.dedup();
        assert_eq!(files, vec!["a/z.privacy", "b.privacy"]);
    }
}

#[test]
fn a_missing_path_is_a_one_line_error_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.privacy", CLEAN);
    let out = privlint(dir.path(), &["check", "nope.privacy", "ok.privacy"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("nope.privacy") && stderr.contains("no such file"),
        "{stderr}"
    );
    // The files that could be read are still reported.
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("1 file checked")
    );
}

#[test]
fn a_directory_without_declarations_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/readme.txt", "");
    let out = privlint(dir.path(), &["check", "sub"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("sub") && stderr.contains("no .privacy files"),
        "{stderr}"
    );
}

#[test]
fn a_broken_symlink_is_reported_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/nonexistent/target", dir.path().join("link.privacy")).unwrap();
    let out = privlint(dir.path(), &["check", "link.privacy"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("link.privacy") && !stderr.contains("panick"),
        "{stderr}"
    );
}

#[test]
fn latin1_is_reported_as_invalid_utf8_at_1_1() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "latin1.privacy", b"controller c \"F\xF8rde\"\n");
    let (status, report) = json(dir.path(), &["latin1.privacy"]);
    assert_eq!(status, 1);
    assert_eq!(
        rules(&report),
        vec![("latin1.privacy".into(), "invalid-utf8".into(), 1)]
    );
    assert_eq!(report["diagnostics"][0]["column"], 1);
}

#[test]
fn an_empty_file_has_no_controller_and_grants_no_rights() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.privacy", "");
    let (status, report) = json(dir.path(), &["empty.privacy"]);
    assert_eq!(status, 1);
    let found: Vec<(String, u64)> = rules(&report)
        .into_iter()
        .map(|(_, rule, line)| (rule, line))
        .collect();
    // rules.md: without a controller, the rights findings go to 1:1 too, and so does the
    // note that the record describes no security measures (version 3).
    let expected = [
        "missing-complaint-right",
        "missing-controller",
        "missing-right",
        "missing-right",
        "missing-right",
        "missing-right",
        "missing-security-description",
    ];
    assert_eq!(found, expected.map(|rule| (rule.to_string(), 1)).to_vec());
}

#[test]
fn a_bom_does_not_shift_columns() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bom.privacy", format!("\u{FEFF}{CLEAN}bogus\n"));
    let (_, report) = json(dir.path(), &["bom.privacy"]);
    let d = &report["diagnostics"][0];
    assert_eq!(
        (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("unknown-field"), Some(11), Some(1))
    );
}

#[test]
fn human_output_is_plain_when_piped_and_names_rule_and_article() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        format!("{CLEAN}purpose p \"P\" {{\n  bassis contract\n}}\n"),
    );
    let out = privlint(dir.path(), &["check", "a.privacy"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}'), "no colour codes when piped");
    assert!(stdout.contains("error[unknown-field]"), "{stdout}");
    assert!(stdout.contains("a.privacy:12:3"), "{stdout}");
    assert!(stdout.contains("did you mean `basis`?"), "{stdout}");
}

#[test]
fn bad_arguments_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = privlint(dir.path(), &["check", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = privlint(dir.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_syntax_error_does_not_hide_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        format!("{CLEAN}category a \"A\" {{ @@@ }}\ncategory b \"B\" {{ special\n"),
    );
    let (_, report) = json(dir.path(), &["a.privacy"]);
    let found: Vec<(String, u64)> = rules(&report).into_iter().map(|(_, r, l)| (r, l)).collect();
    assert!(found.contains(&("syntax-error".into(), 11)), "{found:?}");
    assert!(
        found.contains(&("unused-definition".into(), 11)),
        "{found:?}"
    );
    assert!(
        found.contains(&("unused-definition".into(), 12)),
        "{found:?}"
    );
}
