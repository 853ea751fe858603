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
    let color = choice(std::io::stdout().is_terminal());
    emit(StandardStream::stdout(color), reports)
}

/// The same, to standard error (for commands whose standard output is what they produce).
pub fn eprint(reports: &[FileReport]) -> std::io::Result<()> {
    let color = choice(std::io::stderr().is_terminal());
    emit(StandardStream::stderr(color), reports)
}

fn choice(terminal: bool) -> ColorChoice {
    if terminal && std::env::var_os("NO_COLOR").is_none() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    }
}

fn emit(stream: StandardStream, reports: &[FileReport]) -> std::io::Result<()> {
    let mut out = stream.lock();
    let config = Config::default();
    let mut files = SimpleFiles::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    // Files by name, added once, for related locations in another file of a declaration.
    let mut added: Vec<(String, usize, std::rc::Rc<Shifts>)> = Vec::new();
    let mut add = |files: &mut SimpleFiles<String, String>, name: &str, text: &str| {
        if let Some((_, id, shifts)) = added.iter().find(|(n, _, _)| n == name) {
            return (*id, shifts.clone());
        }
        let (shown, shifts) = Shifts::shown(text);
        let id = files.add(privlint_core::visible(name).into_owned(), shown);
        let shifts = std::rc::Rc::new(shifts);
        added.push((name.to_string(), id, shifts.clone()));
        (id, shifts)
    };
    for report in reports {
        let (file, source) = add(&mut files, &report.name, &report.text);
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
            let mut labels = vec![Label::primary(file, source.range(d.span))];
            for r in &d.related {
                let (_, name, text) = report.related_file(r);
                let (other, shifts) = add(&mut files, name, text);
                labels.push(Label::secondary(other, shifts.range(r.span)).with_message(&r.message));
            }
            let mut notes = Vec::new();
            if !d.rule.article.is_empty() {
                notes.push(format!("GDPR {}", d.rule.article));
            }
            let snippet = Snippet::new(level)
                .with_code(d.rule.name)
                .with_message(&d.message)
                .with_labels(labels)
                .with_notes(notes);
            term::emit_to_write_style(&mut out, &config, &files, &snippet).map_err(
                |e| match e {
                    // Kept as it is, so that a closed pipe is recognised as one.
                    codespan_reporting::files::Error::Io(error) => error,
                    other => std::io::Error::other(other),
                },
            )?;
        }
    }
    summary(&mut out, reports.len(), errors, warnings, infos)?;
    out.flush()
}

/// A file's text as its snippets show it. Control characters become visible, one character for
/// one (ESC in a string would otherwise reach the terminal and could clear it or plant a link),
/// so columns stay what the other formats say; a lone `\r` ends a line, as everywhere in
/// privlint (codespan-reporting only knows `\n`). Tabs stay: codespan-reporting lines them up.
///
/// Where the shown text grew: from this byte of the original on, offsets move by this many bytes
/// (a one-byte control's picture takes three).
struct Shifts(Vec<(usize, usize)>);

impl Shifts {
    fn shown(original: &str) -> (String, Shifts) {
        let mut text = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        let mut grown = 0;
        let mut chars = original.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let shown = match c {
                '\n' | '\t' => c,
                '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => c,
                '\r' => '\n',
                _ => privlint_core::text::visible_char(c).unwrap_or(c),
            };
            text.push(shown);
            if shown.len_utf8() != c.len_utf8() {
                grown += shown.len_utf8() - c.len_utf8();
                shifts.push((i + c.len_utf8(), grown));
            }
        }
        (text, Shifts(shifts))
    }

    fn offset(&self, original: usize) -> usize {
        match self.0.partition_point(|&(from, _)| from <= original) {
            0 => original,
            n => original + self.0[n - 1].1,
        }
    }

    fn range(&self, span: privlint_core::Span) -> std::ops::Range<usize> {
        self.offset(span.start)..self.offset(span.end)
    }
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
