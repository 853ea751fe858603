//! `--format sarif`: SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure
//! DevOps) read. Rules carry their documentation; columns count Unicode code points, as in
//! the other reports.

use std::io::Write;

use privlint_core::lang::{Language, cite};
use privlint_core::rules::{ALL, RuleMeta};
use privlint_core::{LineIndex, Severity, Span};
use serde_json::{Value, json};

use std::path::{Component, Path};

use super::Location;
use crate::check::FileReport;
use crate::files;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub fn print(reports: &[FileReport], language: Language) -> std::io::Result<()> {
    let mut out = super::stdout();
    super::write_json(&mut out, &log(reports, language))?;
    out.flush()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule as SARIF describes it: its summary in the run's language, its documentation in English.
fn rule(meta: &RuleMeta, language: Language) -> Value {
    let docs = meta.documentation();
    // Whether the editor can offer a quick fix for the rule's findings (SARIF has no field of
    // its own for it; properties are free).
    let mut properties =
        json!({ "tags": ["privacy", "gdpr"], "fixAvailability": meta.fix.as_str() });
    if let Some(article) = meta.article {
        properties["article"] = json!(article);
    }
    let summary = meta.summary_in(language);
    json!({
        "id": meta.name,
        "shortDescription": { "text": summary },
        "fullDescription": { "text": match meta.article { None => summary.clone(), Some(article) => format!("{summary} ({})", cite(article, language)) } },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": properties,
    })
}

fn region(text: &str, index: &LineIndex, span: Span) -> Value {
    let at = Location::of(text, index, span);
    json!({
        "startLine": at.line,
        "startColumn": at.column,
        "endLine": at.end_line,
        "endColumn": at.end_column,
    })
}

fn physical(artifact: &Value, region: Value) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": region,
        }
    })
}

/// Where a file is: a URI reference relative to `%SRCROOT%` (the current directory) when the
/// file is under it, as code scanning expects, else an absolute `file:` URI. Built from the
/// path's bytes, so a name that is not UTF-8 is exact here.
fn artifact(path: &Path, root: &Path) -> Value {
    let path = files::absolute(path);
    match path.strip_prefix(root) {
        Ok(relative) => json!({ "uri": uri(relative), "uriBaseId": "%SRCROOT%" }),
        Err(_) => json!({ "uri": format!("file://{}", uri(&path)) }),
    }
}

/// A path as a URI path: its components joined by `/`, every byte but the unreserved ones
/// percent-encoded.
fn uri(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter(|c| !matches!(c, Component::RootDir | Component::CurDir))
        .map(|component| {
            let mut encoded = String::new();
            for &byte in bytes(component.as_os_str()).iter() {
                match byte {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        encoded.push(byte as char)
                    }
                    _ => encoded.push_str(&format!("%{byte:02X}")),
                }
            }
            encoded
        })
        .collect();
    let root = if path.has_root() { "/" } else { "" };
    format!("{root}{}", parts.join("/"))
}

#[cfg(unix)]
fn bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    std::os::unix::ffi::OsStrExt::as_bytes(name).into()
}

#[cfg(not(unix))]
fn bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    name.to_string_lossy().into_owned().into_bytes().into()
}

/// The SARIF log. Serialized as it is written: the results are made one at a time, so that a
/// report of a quarter of a million findings does not first become a tree of them in memory.
pub struct Log<'r> {
    reports: &'r [FileReport],
    root: std::path::PathBuf,
    /// The language of the messages (SARIF's `run.language`).
    language: Language,
}

pub fn log(reports: &[FileReport], language: Language) -> Log<'_> {
    Log {
        reports,
        root: files::absolute(Path::new(".")),
        language,
    }
}

impl serde::Serialize for Log<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut log = serializer.serialize_map(Some(3))?;
        log.serialize_entry("$schema", SCHEMA)?;
        log.serialize_entry("version", "2.1.0")?;
        log.serialize_entry("runs", &[Run(self)])?;
        log.end()
    }
}

struct Run<'l, 'r>(&'l Log<'r>);

impl serde::Serialize for Run<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let root = &self.0.root;
        let mut run = serializer.serialize_map(Some(5))?;
        run.serialize_entry(
            "tool",
            &json!({
                "driver": {
                    "name": "privlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/privlint/privlint",
                    "rules": ALL.iter().map(|r| rule(r.meta(), self.0.language)).collect::<Vec<_>>(),
                }
            }),
        )?;
        run.serialize_entry("language", self.0.language.tag())?;
        run.serialize_entry("columnKind", "unicodeCodePoints")?;
        run.serialize_entry(
            "originalUriBaseIds",
            &json!({ "%SRCROOT%": {
                "uri": format!("file://{}/", uri(root)),
                "description": { "text": "the directory privlint ran in" },
            } }),
        )?;
        run.serialize_entry("results", &Results(self.0))?;
        run.end()
    }
}

struct Results<'l, 'r>(&'l Log<'r>);

impl serde::Serialize for Results<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let root = &self.0.root;
        let mut results = serializer.serialize_seq(None)?;
        for report in self.0.reports {
            let index = LineIndex::new(&report.text);
            let file = artifact(&report.path, root);
            for d in &report.diagnostics {
                results.serialize_element(&result(report, &index, &file, root, d))?;
            }
        }
        results.end()
    }
}

fn result(
    report: &FileReport,
    index: &LineIndex,
    file: &Value,
    root: &Path,
    d: &privlint_core::Diagnostic,
) -> Value {
    let rule_index = ALL.iter().position(|r| std::ptr::eq(r.meta(), d.rule));
    let related: Vec<Value> = d
        .related
        .iter()
        .enumerate()
        .map(|(id, r)| {
            let mut location = match r.file {
                None => physical(file, region(&report.text, index, r.span)),
                Some(_) => {
                    let other = report.related_file(r);
                    let index = other.index.unwrap_or(index);
                    physical(
                        &artifact(other.path, root),
                        region(other.text, index, r.span),
                    )
                }
            };
            location["id"] = json!(id);
            location["message"] = json!({ "text": r.message });
            location
        })
        .collect();
    let mut result = json!({
        "ruleId": d.rule.name,
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [physical(file, region(&report.text, index, d.span))],
    });
    if let Some(rule_index) = rule_index {
        result["ruleIndex"] = json!(rule_index);
    }
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    result
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri(Path::new("examples/bases.privacy")),
            "examples/bases.privacy"
        );
        assert_eq!(
            uri(Path::new("my notes/ø.privacy")),
            "my%20notes/%C3%B8.privacy"
        );
        assert_eq!(uri(Path::new("/srv/a b/x.privacy")), "/srv/a%20b/x.privacy");
        assert_eq!(uri(Path::new("/")), "/");
    }
}
