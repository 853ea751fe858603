//! A declaration in several files (`[[declarations]]` in privlint.toml): checked as one from
//! any of its files, each finding reported once in the file where it is, and every mistake in
//! the grouping a configuration error naming the file, the entries and the line.

mod common;

use common::{json, privlint, rules, write};

const CONFIG: &str =
    "[[declarations]]\nname = \"bank\"\nfiles = [\"org.privacy\", \"systems/*.privacy\"]\n";
const ORG: &str = "controller bank \"Banken ASA\" {\n  country NO\n  email \"post@bank.example\"; security \"Tilgang etter rolle.\"\n  authority dt \"Datatilsynet\"\n}\nprocessor mail \"E-post\" {\n  country NO\n  agreement \"DBA-1\"\n}\ncategory contact \"Kontakt\"\nsubject customers \"Kunder\"\nrights {\n  access; rectification; erasure; restriction; objection\n  complaint dt\n}\n";
const NEWS: &str = "purpose news \"Nyhetsbrev\" {\n  basis legitimate_interests \"å fortelje om nye tenester\"; provision voluntary\n  data contact\n  subjects customers\n  processors mail\n  retention 1 year\n}\n";

fn bank() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), "privlint.toml", CONFIG);
    write(dir.path(), "org.privacy", ORG);
    write(dir.path(), "systems/news.privacy", NEWS);
    dir
}

#[test]
fn the_files_of_a_declaration_are_one_declaration() {
    let dir = bank();
    let (status, report) = json(dir.path(), &["."]);
    assert_eq!((status, rules(&report)), (0, vec![]), "{report:#}");
    assert_eq!(report["summary"]["files"], 2);
    // Alone, the system file has no controller and names undefined IDs.
    write(dir.path(), "privlint.toml", "");
    let (_, alone) = json(dir.path(), &["systems/news.privacy"]);
    let found: Vec<String> = rules(&alone).into_iter().map(|(_, r, _)| r).collect();
    assert!(
        found.contains(&"missing-controller".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"unknown-reference".to_string()),
        "{found:?}"
    );
}

#[test]
fn naming_one_file_checks_the_whole_declaration_and_reports_each_finding_once() {
    let dir = bank();
    // A category used in no file, defined in the organisation's file.
    write(
        dir.path(),
        "org.privacy",
        format!("{ORG}category unused \"Ubrukt\"\n"),
    );
    let (status, report) = json(dir.path(), &["systems/news.privacy"]);
    assert_eq!(status, 0, "a warning does not fail the check");
    assert_eq!(
        rules(&report),
        vec![("org.privacy".into(), "unused-definition".into(), 16)]
    );
    let (_, twice) = json(
        dir.path(),
        &[
            "systems/news.privacy",
            "org.privacy",
            "./systems/news.privacy",
        ],
    );
    assert_eq!(rules(&twice).len(), 1, "{twice:#}");
    // Using it in a system file clears it.
    write(
        dir.path(),
        "systems/other.privacy",
        "purpose other \"Anna\" {\n  basis legitimate_interests \"x\"; provision voluntary\n  data unused\n  subjects customers\n  retention 1 year\n}\n",
    );
    let (_, used) = json(dir.path(), &["org.privacy"]);
    assert_eq!(rules(&used), vec![], "{used:#}");
}

#[test]
fn a_duplicate_is_reported_at_the_later_file_with_the_first_related() {
    let dir = bank();
    write(
        dir.path(),
        "systems/zz.privacy",
        "category contact \"Igjen\"\n",
    );
    let (status, report) = json(dir.path(), &["."]);
    assert_eq!(status, 1);
    let duplicate = common::find(&report, "duplicate-definition");
    assert_eq!(duplicate["file"], "systems/zz.privacy");
    assert_eq!(duplicate["related"][0]["file"], "org.privacy");
    assert_eq!(duplicate["related"][0]["line"], 10);
    let human = privlint(dir.path(), &["check", "."]);
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("┌─ systems/zz.privacy:1:10"), "{text}");
    assert!(text.contains("┌─ org.privacy:10:10"), "{text}");
    let sarif = privlint(dir.path(), &["check", "--format", "sarif", "."]);
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let related = &sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], "org.privacy");
    assert_eq!(related["region"]["startLine"], 10);
}

fn config_error(config: &str) -> String {
    let dir = bank();
    write(dir.path(), "privlint.toml", config);
    let out = privlint(dir.path(), &["check", "."]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a configuration error is exit 2"
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_file_in_two_declarations_is_a_configuration_error() {
    let stderr = config_error(&format!(
        "{CONFIG}\n[[declarations]]\nname = \"news\"\nfiles = [\"systems\"]\n"
    ));
    assert!(
        stderr.contains("privlint.toml: systems/news.privacy is in two declarations, `bank` (line 1) and `news` (line 5)"),
        "{stderr}"
    );
}

#[test]
fn an_entry_that_matches_nothing_is_a_configuration_error() {
    let stderr = config_error(&format!(
        "{CONFIG}\n[[declarations]]\nname = \"old\"\nfiles = [\"archive/*.privacy\"]\n"
    ));
    assert!(
        stderr.contains("privlint.toml:5: the declaration `old` matches no .privacy file"),
        "{stderr}"
    );
}

#[test]
fn an_entry_without_files_or_name_is_a_configuration_error() {
    let stderr = config_error("[[declarations]]\nname = \"bank\"\n");
    assert!(
        stderr.contains("privlint.toml:1:1: a declaration needs `files`"),
        "{stderr}"
    );
    let stderr =
        config_error("[[declarations]]\nname = \"bank\"\nfiles = [\"*.privacy\"]\nfile = 3\n");
    assert!(stderr.contains("did you mean `files`"), "{stderr}");
}

#[test]
fn files_outside_every_entry_stay_declarations_of_their_own() {
    let dir = bank();
    write(
        dir.path(),
        "lone.privacy",
        "purpose p \"P\" { basis consent }\n",
    );
    let (_, report) = json(dir.path(), &["lone.privacy"]);
    let found: Vec<String> = rules(&report).into_iter().map(|(_, r, _)| r).collect();
    assert!(
        found.contains(&"missing-controller".to_string()),
        "{found:?}"
    );
}

#[test]
fn the_bundled_multi_file_example_is_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (status, report) = json(root, &["examples/fjordbanken/systems/kreditt.privacy"]);
    assert_eq!((status, rules(&report)), (0, vec![]), "{report:#}");
    assert_eq!(report["summary"]["files"], 5);
}
