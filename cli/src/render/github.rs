//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
//! on the pull request's files.

use std::io::Write;

use privlint_core::{LineIndex, Severity};

use super::Location;
use crate::check::FileReport;

pub fn print(reports: &[FileReport]) -> std::io::Result<()> {
    let mut out = super::stdout();
    write(&mut out, reports)?;
    out.flush()
}

pub fn write(out: &mut impl Write, reports: &[FileReport]) -> std::io::Result<()> {
    for report in reports {
        let index = LineIndex::new(&report.text);
        for d in &report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let at = Location::of(&report.text, &index, d.span);
            let article = d
                .rule
                .article
                .map(|a| format!(" [{a}]"))
                .unwrap_or_default();
            // GitHub rejects a column range that spans lines.
            let columns = if at.line == at.end_line {
                format!(",col={},endColumn={}", at.column, at.end_column)
            } else {
                String::new()
            };
            writeln!(
                out,
                "::{command} file={},line={},endLine={}{columns},title={}::{}{}",
                property(&report.name),
                at.line,
                at.end_line,
                property(d.rule.name),
                data(&d.message),
                data(&article),
            )?;
        }
    }
    Ok(())
}

/// Escapes a command's message (the runner's own rules: `%`, CR and LF).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property, where `:` and `,` are separators too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(data("50% off\nnow"), "50%25 off%0Anow");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
