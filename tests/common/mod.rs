//! Helpers shared by the end-to-end tests of the binary.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::Path;
use std::process::{Command, Output};

pub use serde_json::Value;

/// A declaration that every rule accepts; tests append to it (it ends on line 10).
pub const CLEAN: &str = "controller c \"C AS\" {\n  country NO\n  email \"post@c.example\"; security \"Tilgang etter rolle.\"\n  authority dt \"Datatilsynet\"\n}\nrights {\n  access; rectification; erasure; restriction\n  complaint dt\n}\n\n";

/// The diagnostic of `rule` in a report.
pub fn find<'r>(report: &'r Value, rule: &str) -> &'r Value {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {report:#}"))
}

pub fn privlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_privlint"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the privlint binary runs")
}

pub fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = privlint(dir, &all);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (out.status.code().unwrap(), report)
}

pub fn rules(report: &Value) -> Vec<(String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}
