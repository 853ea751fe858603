//! The report of a check as data: the JSON of `privlint check --format json` (cli.md). Written
//! here, once, so that the command line and the browser playground (`wasm/`) give the same
//! bytes for the same files.

use std::io::Write;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::lang::Language;
use crate::text::{ColumnUnit, LineIndex, Position, Span};
use crate::{Diagnostic, Related, Severity};

/// A checked file, as a report shows it.
pub trait Checked {
    /// The file's name in reports.
    fn name(&self) -> &str;
    /// Its text.
    fn text(&self) -> &str;
    /// Its findings, their spans counted in this file.
    fn diagnostics(&self) -> &[Diagnostic];
    /// The file a related location is in: its name, text and line index; `None` for the index
    /// when it is this file (whose index the report makes).
    fn related_file(&self, related: &Related) -> (&str, &str, Option<&LineIndex>);
}

/// 1-based line and column (Unicode scalar values) of the start and end of a span.
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn of(text: &str, index: &LineIndex, span: Span) -> Location {
        let one_based = |p: Position| (p.line + 1, p.column + 1);
        let (line, column) = one_based(index.position(text, span.start, ColumnUnit::Char));
        let (end_line, end_column) = one_based(index.position(text, span.end, ColumnUnit::Char));
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    /// The language of the messages (`nb`, `nn`, `en`); rule names and fields are the same in
    /// every language.
    language: &'static str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    article: Option<&'static str>,
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

/// Writes the JSON report of `files` (in the order given) checked under `configs` (the
/// configuration files' names), their messages written in `language`, followed by a line break.
pub fn write_json_report<C: Checked>(
    out: &mut impl Write,
    files: &[C],
    configs: &[String],
    language: Language,
) -> std::io::Result<()> {
    let mut summary = Summary {
        files: files.len(),
        configs,
        ..Summary::default()
    };
    let mut diagnostics = Vec::new();
    for file in files {
        let (name, text) = (file.name(), file.text());
        let index = LineIndex::new(text);
        for d in file.diagnostics() {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
            let at = Location::of(text, &index, d.span);
            diagnostics.push(JsonDiagnostic {
                file: name,
                rule: d.rule.name,
                severity: d.severity.as_str(),
                message: &d.message,
                article: d.rule.article,
                line: at.line,
                column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let (file, text, other) = file.related_file(r);
                        let at = Location::of(text, other.unwrap_or(&index), r.span);
                        JsonRelated {
                            file,
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
        language: language.tag(),
        diagnostics,
        summary,
    };
    write_json(out, &report)
}

/// The JSON report as a string (see [`write_json_report`]).
pub fn json_report<C: Checked>(files: &[C], configs: &[String], language: Language) -> String {
    let mut out = Vec::new();
    // Writing to memory fails only when serialising does, and these types always serialise.
    let _ = write_json_report(&mut out, files, configs, language);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes a value as pretty-printed JSON, followed by a line break. serde_json escapes the C0
/// controls; DEL and the C1 controls (which some terminals obey: U+009B starts an escape
/// sequence) it writes as they are, so they are escaped here as `\u007f`…`\u009f`. The data is
/// the same for whoever parses it; a terminal it is printed on sees no control.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Escaping::default());
    value.serialize(&mut serializer)?;
    writeln!(out)
}

#[derive(Default)]
struct Escaping(PrettyFormatter<'static>);

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(|c: char| ('\u{7f}'..='\u{9f}').contains(&c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    // The layout is PrettyFormatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_escapes_del_and_c1_controls_too() {
        let mut out = Vec::new();
        super::write_json(
            &mut out,
            &serde_json::json!({ "file": "a\u{1b}\u{7f}\u{9b}ø.privacy" }),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r#""a\u001b\u007f\u009bø.privacy""#), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["file"], "a\u{1b}\u{7f}\u{9b}ø.privacy");
    }
}
