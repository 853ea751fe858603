//! `--format json`: one object, as cli.md specifies.

use std::io::Write;

use privlint_core::{LineIndex, Severity};
use serde::Serialize;

use super::Location;
use crate::check::FileReport;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    article: Option<String>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize, Default)]
struct Summary<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// The configuration files that governed the check (none: every rule at its default).
    configs: &'a [String],
}

pub fn print(reports: &[FileReport], configs: &[String]) -> std::io::Result<()> {
    let mut summary = Summary {
        files: reports.len(),
        configs,
        ..Summary::default()
    };
    let mut diagnostics = Vec::new();
    for report in reports {
        let index = LineIndex::new(&report.text);
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
            let at = Location::of(&report.text, &index, d.span);
            diagnostics.push(JsonDiagnostic {
                file: &report.name,
                rule: d.rule.name,
                severity: d.severity.as_str(),
                message: &d.message,
                article: d.rule.article.map(str::to_string),
                line: at.line,
                column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let file = report.related_file(r);
                        let at = Location::of(file.text, file.index.unwrap_or(&index), r.span);
                        JsonRelated {
                            file: file.name,
                            line: at.line,
                            column: at.column,
                            message: &r.message,
                        }
                    })
                    .collect(),
            });
        }
    }
    let report = Report {
        version: 1,
        diagnostics,
        summary,
    };
    let mut out = super::stdout();
    super::write_json(&mut out, &report)?;
    out.flush()
}
