//! `--format human`: codespan-reporting snippets, coloured on a terminal, plain when piped or
//! when `NO_COLOR` is set.

use std::io::{IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use codespan_reporting::term::{self, Config};
use privlint_core::Severity;

use crate::check::FileReport;

pub fn print(reports: &[FileReport]) -> std::io::Result<()> {
    let color = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let stream = StandardStream::stdout(color);
    let mut out = stream.lock();
    let config = Config::default();
    let mut files = SimpleFiles::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for report in reports {
        let file = files.add(privlint_core::visible(&report.name), report.text.as_str());
        for d in &report.diagnostics {
            let level = match d.severity {
                Severity::Error => {
                    errors += 1;
                    Level::Error
                }
                Severity::Warning => {
                    warnings += 1;
                    Level::Warning
                }
                Severity::Info => {
                    infos += 1;
                    Level::Note
                }
            };
            let mut labels = vec![Label::primary(file, d.span.start..d.span.end)];
            labels.extend(d.related.iter().map(|r| {
                Label::secondary(file, r.span.start..r.span.end).with_message(&r.message)
            }));
            let mut notes = Vec::new();
            if !d.rule.article.is_empty() {
                notes.push(format!("GDPR {}", d.rule.article));
            }
            let snippet = Snippet::new(level)
                .with_code(d.rule.name)
                .with_message(&d.message)
                .with_labels(labels)
                .with_notes(notes);
            term::emit_to_write_style(&mut out, &config, &files, &snippet)
                .map_err(std::io::Error::other)?;
        }
    }
    summary(&mut out, reports.len(), errors, warnings, infos)?;
    out.flush()
}

fn summary(
    out: &mut impl WriteColor,
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
) -> std::io::Result<()> {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if errors + warnings + infos == 0 {
        return writeln!(out, "{} checked: no findings", plural(files, "file"));
    }
    writeln!(
        out,
        "{} checked: {}, {}, {}",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "note")
    )
}
