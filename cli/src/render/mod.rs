//! Renderers: the same diagnostics as text for people and as data for machines.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::Write;

use privlint_core::{ColumnUnit, LineIndex, Position, Span};
use serde_json::ser::{Formatter, PrettyFormatter};

/// Standard output with a large buffer: a report is written in many small pieces, and the
/// standard stream flushes at every line end (one system call per line of a large report).
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
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

/// Writes a value as pretty-printed JSON, followed by a line break. serde_json escapes the C0
/// controls; DEL and the C1 controls (which some terminals obey: U+009B starts an escape
/// sequence) it writes as they are, so they are escaped here as `\u007f`…`\u009f`. The data is
/// the same for whoever parses it; a terminal it is printed on sees no control.
pub fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> std::io::Result<()> {
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
