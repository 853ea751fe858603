//! `privlint export --format dpv`, end to end through the binary. That every DPV term used is
//! defined in DPV 2.3 is checked with rdflib in tests/publish/test_dpv.py.

mod common;

use std::path::Path;

use common::{Value, privlint, write};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn every_example_exports_one_process_per_purpose() {
    for entry in std::fs::read_dir(Path::new(ROOT).join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "privacy") {
            continue;
        }
        let out = privlint(
            Path::new(ROOT),
            &["export", path.to_str().unwrap(), "--format", "dpv"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", path.display());
        let document: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(document["@context"]["dpv"], "https://w3id.org/dpv#");
        let processes = document["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["@type"] == "dpv:Process")
            .count();
        let purposes = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("purpose "))
            .count();
        assert_eq!(processes, purposes, "{}", path.display());
    }
}

#[test]
fn output_goes_to_a_file_and_bad_input_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.privacy",
        "controller c \"C AS\" { country NO }\npurpose p \"P\" {\n  basis contract\n}\n",
    );
    let out = privlint(
        dir.path(),
        &[
            "export",
            "d.privacy",
            "--format",
            "dpv",
            "--output",
            "d.jsonld",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(dir.path().join("d.jsonld")).unwrap();
    let document: Value = serde_json::from_str(&text).unwrap();
    let process = &document["@graph"][1];
    assert_eq!(process["@id"], "_:purpose-p");
    assert_eq!(process["dpv:hasLegalBasis"][0]["@id"], "eu-gdpr:A6-1-b");
    assert_eq!(process["dpv:hasDataController"][0]["@id"], "_:controller-c");

    let out = privlint(
        dir.path(),
        &["export", "missing.privacy", "--format", "dpv"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = privlint(dir.path(), &["export", "d.privacy", "--format", "rdf"]);
    assert_eq!(out.status.code(), Some(2));
    let out = privlint(dir.path(), &["export", "d.privacy"]);
    assert_eq!(out.status.code(), Some(2), "--format is required");
}

#[test]
fn the_export_is_the_whole_document_as_serde_json_prints_it() {
    // The graph is printed one node at a time (core/src/publish/dpv.rs, to_json), each node
    // indented to its depth; the text must be what printing the whole document at once gives.
    for entry in std::fs::read_dir(Path::new(ROOT).join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "privacy") {
            continue;
        }
        let out = privlint(
            Path::new(ROOT),
            &["export", path.to_str().unwrap(), "--format", "dpv"],
        );
        let document: Value = serde_json::from_slice(&out.stdout).unwrap();
        let whole = serde_json::to_string_pretty(&document).unwrap() + "\n";
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            whole,
            "{}",
            path.display()
        );
    }
}

#[test]
fn fideslang_is_a_system_with_a_declaration_per_purpose_and_says_what_it_leaves_out() {
    let example = Path::new(ROOT).join("examples/nettbutikk.privacy");
    let out = privlint(
        Path::new(ROOT),
        &["export", example.to_str().unwrap(), "--format", "fideslang"],
    );
    assert_eq!(out.status.code(), Some(0));
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.starts_with("system:\n  - fides_key: \"fjellsko\""),
        "{yaml}"
    );
    let purposes = std::fs::read_to_string(&example)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("purpose "))
        .count();
    assert_eq!(
        yaml.matches("\n        data_use: ").count(),
        purposes,
        "{yaml}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("the Fides manifest has no place for"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Fides records transfers per system"),
        "{stderr}"
    );
}
