//! `--format human`: codespan-reporting snippets, coloured on a terminal, plain when piped or
//! when `NO_COLOR` is set.

use std::io::{IsTerminal, Write};

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as Level};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::termcolor::{
    BufferedStandardStream, ColorChoice, StandardStream, WriteColor,
};
use codespan_reporting::term::{self, Config};
use privlint_core::lang::Language;
use privlint_core::text::floor_char_boundary;
use privlint_core::{ColumnUnit, LineIndex, Severity, Span};

use crate::check::FileReport;

/// Prints the findings, the article beside each cited in `language` (that of the messages).
pub fn print(reports: &[FileReport], language: Language) -> std::io::Result<()> {
    let color = choice(std::io::stdout().is_terminal());
    // Buffered: the snippets are written in many small pieces.
    let mut out = BufferedStandardStream::stdout(color);
    write(&mut out, reports, language)?;
    out.flush()
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
    // Commands other than `check` choose no language for the findings they show.
    write(&mut out, reports, Language::English)?;
    out.flush()
}

fn write(
    out: &mut impl WriteColor,
    reports: &[FileReport],
    language: Language,
) -> std::io::Result<()> {
    write_as(out, reports, language, CutLines::Direct)
}

/// Who writes a finding on a line cut to a window: [`emit_on_cut_line`], or, to compare it
/// with, codespan-reporting as for any other finding.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CutLines {
    Direct,
    #[cfg(test)]
    Codespan,
}

fn write_as(
    out: &mut impl WriteColor,
    reports: &[FileReport],
    language: Language,
    cut_lines: CutLines,
) -> std::io::Result<()> {
    let config = Config::default();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    // Line indexes by file name, made once, for related locations in another file too.
    let mut indexes: HashMap<String, LineIndex> = HashMap::new();
    for report in reports {
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
            let mut spans = vec![(report.name.as_str(), report.text.as_str(), d.span)];
            for r in &d.related {
                let file = report.related_file(r);
                spans.push((file.name, file.text, r.span));
            }
            let (excerpts, ranges) = Excerpts::of(&spans, &mut indexes);
            let mut notes = Vec::new();
            if let Some(citation) = d.rule.citation(language) {
                notes.push(citation);
            }
            if let [(file, range)] = ranges.as_slice()
                && cut_lines == CutLines::Direct
                && excerpts.is_cut(*file, range.clone())
            {
                let finding = Finding {
                    level,
                    code: d.rule.name,
                    message: &d.message,
                    notes: &notes,
                };
                emit_on_cut_line(out, &finding, &excerpts, *file, range.clone())?;
                continue;
            }
            let mut labels = Vec::new();
            for (i, (file, range)) in ranges.into_iter().enumerate() {
                labels.push(match i {
                    0 => Label::primary(file, range),
                    _ => Label::secondary(file, range).with_message(&d.related[i - 1].message),
                });
            }
            let snippet = Snippet::new(level)
                .with_code(d.rule.name)
                .with_message(&d.message)
                .with_labels(labels)
                .with_notes(notes);
            term::emit_to_write_style(out, &config, &excerpts, &snippet).map_err(|e| match e {
                // Kept as it is, so that a closed pipe is recognised as one.
                codespan_reporting::files::Error::Io(error) => error,
                other => std::io::Error::other(other),
            })?;
        }
    }
    summary(out, reports.len(), errors, warnings, infos)
}

/// A line longer than this many characters is shown as a window around what is marked in it.
const LONG_LINE: usize = 1000;
/// Characters shown before the first mark in a long line, and after the last.
const CONTEXT: usize = 100;
/// Characters of a long line shown between the first mark and the last, at most.
const MARKED: usize = 200;

/// What one diagnostic's snippets show of the files it names: only the lines with a label (and
/// a line between two of them, which codespan-reporting shows rather than a break), with their
/// real line numbers and columns. A line longer than [`LONG_LINE`] characters is cut to a window
/// around its labels, with `…` where it was cut, so that a finding on a line of 100,000 IDs
/// shows at most some 400 characters, not the whole line (docs/decisions.md, "Long lines").
///
/// Control characters become visible, one character for one (ESC in a string would otherwise
/// reach the terminal and could clear it or plant a link), so columns stay what the other
/// formats say. Tabs stay: codespan-reporting lines them up.
struct Excerpts {
    files: Vec<Excerpt>,
}

struct Excerpt {
    name: String,
    text: String,
    /// In order of line.
    lines: Vec<Shown>,
}

/// A line of a file as an excerpt shows it.
struct Shown {
    /// Zero-based line in the file.
    line: usize,
    /// Where it is in the excerpt's text, its line break included.
    range: Range<usize>,
    /// Where the file's text starts in the excerpt (after a leading `…`), and the column
    /// (one-based, in characters) that is there in the file.
    from: usize,
    column: usize,
    /// Whether the line is longer than [`LONG_LINE`] and shown as a window of it.
    cut: bool,
}

/// A window of a line: the bytes `start..end` of the file's text.
struct Window {
    start: usize,
    end: usize,
    line_start: usize,
    content_end: usize,
    /// Whether the line is long ([`LONG_LINE`]), so that this is a window of it.
    cut: bool,
}

impl Excerpts {
    /// The excerpts showing these spans `(file name, text, span)`, and the label range of each.
    fn of(
        spans: &[(&str, &str, Span)],
        indexes: &mut HashMap<String, LineIndex>,
    ) -> (Excerpts, Vec<(usize, Range<usize>)>) {
        let mut names: Vec<&str> = Vec::new();
        for (name, _, _) in spans {
            if !names.contains(name) {
                names.push(name);
            }
        }
        let mut files = Vec::new();
        let mut ranges = vec![(0, 0..0); spans.len()];
        for (file, name) in names.iter().enumerate() {
            let text = spans.iter().find(|s| s.0 == *name).map_or("", |s| s.1);
            if !indexes.contains_key(*name) {
                indexes.insert(name.to_string(), LineIndex::new(text));
            }
            let index = &indexes[*name];
            let mine: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].0 == *name).collect();
            let clamp = |offset: usize| floor_char_boundary(text, offset);
            // The offsets marked on each line shown, and the lines shown.
            let mut marked: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for &i in &mine {
                let span = spans[i].2;
                let (start, end) = (clamp(span.start), clamp(span.end.max(span.start)));
                let (first, last) = (index.line(start), index.line(end));
                marked.entry(first).or_default().push(start);
                marked.entry(last).or_default().push(end);
                for line in first + 1..last {
                    marked.entry(line).or_default();
                }
            }
            let shown: Vec<usize> = marked.keys().copied().collect();
            for pair in shown.windows(2) {
                if pair[1] == pair[0] + 2 {
                    marked.entry(pair[0] + 1).or_default();
                }
            }
            let mut excerpt = Excerpt {
                name: privlint_core::visible(name).into_owned(),
                text: String::new(),
                lines: Vec::new(),
            };
            let mut windows = Vec::new();
            for (&line, offsets) in &marked {
                let window = Window::of(text, index, line, offsets);
                let begin = excerpt.text.len();
                if window.start > window.line_start {
                    excerpt.text.push('…');
                }
                let from = excerpt.text.len();
                push_shown(&mut excerpt.text, &text[window.start..window.end]);
                if window.end < window.content_end {
                    excerpt.text.push('…');
                }
                excerpt.text.push('\n');
                excerpt.lines.push(Shown {
                    line,
                    range: begin..excerpt.text.len(),
                    from,
                    column: index.position(text, window.start, ColumnUnit::Char).column + 1,
                    cut: window.cut,
                });
                windows.push(window);
            }
            // Where an offset of the file is in the excerpt: in its line's window, or at the
            // edge of the window it is cut off by.
            let place = |offset: usize| {
                let line = index.line(offset);
                let k = excerpt.lines.partition_point(|l| l.line < line);
                let (shown, window) = (&excerpt.lines[k], &windows[k]);
                let offset = offset.clamp(window.start, window.end);
                let mut at = shown.from + shown_len(&text[window.start..offset]);
                if offset == window.end && window.end < window.content_end {
                    at += '…'.len_utf8();
                }
                at
            };
            for &i in &mine {
                let span = spans[i].2;
                let (start, end) = (clamp(span.start), clamp(span.end.max(span.start)));
                ranges[i] = (file, place(start)..place(end));
            }
            files.push(excerpt);
        }
        (Excerpts { files }, ranges)
    }
}

impl Window {
    /// The part of a line shown: all of it when it is short; otherwise from [`CONTEXT`]
    /// characters before its first marked offset to as many after its last, with at most
    /// [`MARKED`] characters between.
    fn of(text: &str, index: &LineIndex, line: usize, offsets: &[usize]) -> Window {
        let line_start = index.line_start(line).unwrap_or(text.len());
        let next = index.line_start(line + 1).unwrap_or(text.len());
        let content_end = line_start + text[line_start..next].trim_end_matches(['\n', '\r']).len();
        let content = &text[line_start..content_end];
        if content.char_indices().nth(LONG_LINE).is_none() {
            return Window {
                start: line_start,
                end: content_end,
                line_start,
                content_end,
                cut: false,
            };
        }
        let first = offsets.iter().copied().min().unwrap_or(line_start);
        let first = first.clamp(line_start, content_end);
        let last = offsets.iter().copied().max().unwrap_or(line_start);
        let last = last.clamp(first, content_end);
        let back = |from: usize, n: usize| {
            text[line_start..from]
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(line_start, |(i, _)| line_start + i)
        };
        let forward = |from: usize, n: usize| {
            text[from..content_end]
                .char_indices()
                .nth(n)
                .map_or(content_end, |(i, _)| from + i)
        };
        let start = if first == line_start {
            line_start
        } else {
            back(first, CONTEXT)
        };
        let last = last.min(forward(first, MARKED));
        Window {
            start,
            end: forward(last, CONTEXT),
            line_start,
            content_end,
            cut: true,
        }
    }
}

/// Appends text as a snippet shows it: control characters as their pictures.
fn push_shown(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| match c {
        '\t' => c,
        _ => privlint_core::text::visible_char(c).unwrap_or(c),
    }));
}

/// The length of text as a snippet shows it.
fn shown_len(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\t' => 1,
            _ => privlint_core::text::visible_char(c).unwrap_or(c).len_utf8(),
        })
        .sum()
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        Ok(&self.file(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        Ok(&self.file(id)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        let lines = &self.file(id)?.lines;
        let k = lines.partition_point(|l| l.range.start <= byte_index);
        Ok(lines[k.saturating_sub(1).min(lines.len().saturating_sub(1))].line)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, files::Error> {
        Ok(self.shown(id, line_index)?.range.clone())
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let shown = self.shown(id, line_index)?;
        let text = &self.file(id)?.text;
        let at = byte_index.clamp(shown.from, shown.range.end);
        Ok(shown.column + text[shown.from..at].chars().count())
    }
}

impl Excerpts {
    /// The line of an excerpt that shows this byte of its text.
    fn line_at(&self, id: usize, byte_index: usize) -> Option<&Shown> {
        let lines = &self.files.get(id)?.lines;
        let k = lines.partition_point(|l| l.range.start <= byte_index);
        lines.get(k.checked_sub(1)?)
    }

    /// Whether this range of an excerpt is on one line, cut to a window.
    fn is_cut(&self, id: usize, range: Range<usize>) -> bool {
        match (self.line_at(id, range.start), self.line_at(id, range.end)) {
            (Some(first), Some(last)) => first.cut && first.line == last.line,
            _ => false,
        }
    }

    fn file(&self, id: usize) -> Result<&Excerpt, files::Error> {
        self.files.get(id).ok_or(files::Error::FileMissing)
    }

    fn shown(&self, id: usize, line: usize) -> Result<&Shown, files::Error> {
        let lines = &self.file(id)?.lines;
        match lines.binary_search_by_key(&line, |l| l.line) {
            Ok(k) => Ok(&lines[k]),
            Err(_) => Err(files::Error::LineTooLarge {
                given: line,
                max: lines.last().map_or(0, |l| l.line),
            }),
        }
    }
}

/// What a diagnostic says besides its snippet.
struct Finding<'a> {
    level: Level,
    code: &'a str,
    message: &'a str,
    notes: &'a [String],
}

/// A diagnostic with one label, on a line cut to a window ([`LONG_LINE`]): written as
/// codespan-reporting writes it, byte for byte and colour for colour (a test compares the two),
/// but a piece at a time rather than a character at a time. Such lines come by the thousand
/// (one finding per ID of a line of IDs), and codespan-reporting's per-character formatting
/// of their windows made 250,000 findings on one line take seconds.
fn emit_on_cut_line(
    out: &mut impl WriteColor,
    finding: &Finding,
    excerpts: &Excerpts,
    file: usize,
    range: Range<usize>,
) -> std::io::Result<()> {
    use codespan_reporting::diagnostic::LabelStyle;
    use codespan_reporting::term::Styles;
    use unicode_width::UnicodeWidthChar;

    let styles = Styles::default();
    let config = Config::default();
    let chars = &config.chars;
    let missing = |_| std::io::Error::other(files::Error::FileMissing);
    let excerpt = excerpts.file(file).map_err(missing)?;
    let shown = excerpts
        .line_at(file, range.start)
        .ok_or_else(|| std::io::Error::other(files::Error::FileMissing))?;
    let number = shown.line + 1;
    let column = excerpts
        .column_number(file, shown.line, range.start)
        .map_err(std::io::Error::other)?;
    let pad = number.ilog10() as usize + 1;
    let gutter = |out: &mut dyn WriteColor| write!(out, "{:pad$} ", "");
    let border = |out: &mut dyn WriteColor, c: &str| -> std::io::Result<()> {
        out.set_color(&styles.source_border)?;
        write!(out, "{c}")?;
        out.reset()
    };
    let left = chars.source_border_left.to_string();

    // The header: `error[code]: message`.
    out.set_color(styles.header(finding.level))?;
    let name = match finding.level {
        Level::Bug => "bug",
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Help => "help",
        Level::Note => "note",
    };
    write!(out, "{name}[{}]", finding.code)?;
    out.set_color(&styles.header_message)?;
    write!(out, ": {}", finding.message)?;
    out.reset()?;
    writeln!(out)?;
    // `┌─ file:line:column`, then an empty bordered line.
    gutter(out)?;
    border(out, &chars.snippet_start)?;
    writeln!(out, " {}:{number}:{column}", excerpt.name)?;
    gutter(out)?;
    border(out, &left)?;
    writeln!(out)?;

    // The source line, the labelled part in the label's colour; tabs as spaces to the next
    // stop. Widths as codespan-reporting counts them, for the carets below.
    let source = excerpt.text[shown.range.clone()].trim_end_matches(['\n', '\r', '\0']);
    let start = range.start - shown.range.start;
    let end = (range.end - shown.range.start).max(start + 1);
    let label = styles.label(finding.level, LabelStyle::Primary);
    out.set_color(&styles.line_number)?;
    write!(out, "{number:>pad$}")?;
    out.reset()?;
    write!(out, " ")?;
    border(out, &left)?;
    write!(out, " ")?;
    let (mut before, mut under) = (0, 0);
    let (mut width, mut in_label, mut piece) = (0, false, 0);
    for (at, c) in source.char_indices() {
        let w = match c {
            '\t' => config.tab_width - width % config.tab_width,
            c => c.width().unwrap_or(0),
        };
        let labelled = at.max(start) < (at + c.len_utf8()).min(end);
        if labelled != in_label {
            out.write_all(&source.as_bytes()[piece..at])?;
            piece = at;
            if labelled {
                out.set_color(label)?;
            } else {
                out.reset()?;
            }
            in_label = labelled;
        }
        if c == '\t' {
            out.write_all(&source.as_bytes()[piece..at])?;
            write!(out, "{:w$}", "")?;
            piece = at + 1;
        }
        if labelled {
            under += w;
        } else if at < start {
            before += w;
        }
        width += w;
    }
    out.write_all(&source.as_bytes()[piece..])?;
    if in_label {
        out.reset()?;
    }
    writeln!(out)?;
    // The carets: one per column of the label, and one past the end of the line when the
    // label reaches beyond it.
    if start <= source.len() && end > source.len() {
        under += 1;
    }
    gutter(out)?;
    border(out, &left)?;
    write!(out, " {:before$}", "")?;
    out.set_color(label)?;
    let caret = chars.single_primary_caret.to_string();
    write!(out, "{}", caret.repeat(under))?;
    out.reset()?;
    writeln!(out)?;

    if !finding.notes.is_empty() {
        gutter(out)?;
        border(out, &left)?;
        writeln!(out)?;
    }
    for note in finding.notes {
        for (i, line) in note.lines().enumerate() {
            gutter(out)?;
            if i == 0 {
                out.set_color(&styles.note_bullet)?;
                write!(out, "{}", chars.note_bullet)?;
                out.reset()?;
            } else {
                write!(out, " ")?;
            }
            writeln!(out, " {line}")?;
        }
    }
    writeln!(out)
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

#[cfg(test)]
mod tests {
    use codespan_reporting::term::termcolor::NoColor;
    use privlint_core::Settings;

    use crate::check::FileReport;

    fn human(text: &str) -> (String, usize) {
        let diagnostics = privlint_core::check(text, &Settings::default());
        let count = diagnostics.len();
        let report = FileReport::new("long.privacy".into(), text.to_string(), diagnostics);
        let mut out = NoColor::new(Vec::new());
        super::write(&mut out, &[report], super::Language::English).unwrap();
        (String::from_utf8(out.into_inner()).unwrap(), count)
    }

    fn long_line(ids: usize) -> String {
        let list: Vec<String> = (0..ids)
            .map(|i| {
                if i % 7 == 0 {
                    format!("cø\u{1b}{i}")
                } else {
                    format!("c{i}")
                }
            })
            .collect();
        format!(
            "purpose p \"P\" {{\n  basis consent\n  data {}\n}}\n",
            list.join(", ")
        )
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_so_the_report_grows_with_the_findings_only() {
        // 4,500 IDs on one line, about 31 KB, each undefined: the whole line under every
        // finding made 4,500 copies of it (184 MB for 100,000 IDs). Now each finding shows at
        // most a window of the line, so the report is bounded by the findings, not their square.
        let text = long_line(4500);
        assert!(text.len() > 30_000);
        let (out, findings) = human(&text);
        assert!(findings >= 4500);
        let longest = out.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(longest <= 520, "a line of {longest} characters");
        assert!(
            out.len() <= findings * 900,
            "{} bytes for {findings} findings",
            out.len()
        );
    }

    #[test]
    fn findings_on_a_cut_line_are_written_as_codespan_reporting_writes_them() {
        use codespan_reporting::term::termcolor::Ansi;
        // Wide and zero-width characters, tabs, control characters and an ID at the very end
        // of the line, so that every column rule of the carets is met; with and without colour.
        let mut text = long_line(600)
            .replace("c5,", "c5,\t")
            .replace("c9,", "漢字c9,");
        text = text.replace("c11,", "c\u{301}11,");
        text.push_str(&format!(
            "purpose q \"Q\" {{\n  basis consent\n  data {}\n}}",
            "x, ".repeat(400) + "zz"
        ));
        let diagnostics = privlint_core::check(&text, &Settings::default());
        let report = FileReport::new("long.privacy".into(), text.clone(), diagnostics);
        let reports = [report];
        let plain = |cut_lines| {
            let mut out = NoColor::new(Vec::new());
            super::write_as(&mut out, &reports, super::Language::English, cut_lines).unwrap();
            String::from_utf8(out.into_inner()).unwrap()
        };
        let direct = plain(super::CutLines::Direct);
        assert_eq!(direct, plain(super::CutLines::Codespan));
        assert!(direct.contains("…"), "no line was cut");
        let coloured = |cut_lines| {
            let mut out = Ansi::new(Vec::new());
            super::write_as(&mut out, &reports, super::Language::English, cut_lines).unwrap();
            out.into_inner()
        };
        assert_eq!(
            String::from_utf8(coloured(super::CutLines::Direct)).unwrap(),
            String::from_utf8(coloured(super::CutLines::Codespan)).unwrap()
        );
    }

    #[test]
    fn the_caret_stays_under_its_id_in_a_window() {
        let text = long_line(3000);
        let (out, _) = human(&text);
        let lines: Vec<&str> = out.lines().collect();
        let mut checked = 0;
        for (i, line) in lines.iter().enumerate() {
            let Some(id) = line
                .strip_prefix("error[unknown-reference]: `")
                .filter(|rest| rest.contains("is not defined"))
                .and_then(|rest| rest.split('`').next())
            else {
                continue;
            };
            // The locus, the snippet line and the carets under it.
            let column: usize = lines[i + 1].rsplit(':').next().unwrap().parse().unwrap();
            let (source, carets) = (lines[i + 3], lines[i + 4]);
            let at = carets[..carets.find('^').unwrap()].chars().count();
            let under: String = source.chars().skip(at).take(id.chars().count()).collect();
            let shown = id.replace('\u{1b}', "␛");
            assert_eq!(under, shown, "{source}\n{carets}");
            // The column named is the column in the file, not in the window.
            let line_text = text.lines().nth(2).unwrap();
            let start = line_text.find(&format!(" {id},")).map(|b| b + 1);
            if let Some(start) = start {
                assert_eq!(column, line_text[..start].chars().count() + 1, "{id}");
                checked += 1;
            }
        }
        assert!(checked > 2000, "{checked}");
    }
}
