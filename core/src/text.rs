//! Byte spans and the conversion between byte offsets and line/column positions.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP. Columns are counted in one of three
//! units: Unicode scalar values (the CLI and JSON report), UTF-16 code units or UTF-8 bytes (LSP).

/// A half-open byte range `[start, end)` into a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Unicode scalar values: `ø` is one column.
    Char,
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

/// A zero-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, and marks inside long lines, so that a column is
/// counted from at most [`STRIDE`] bytes before it rather than from the start of its line (a
/// line of 100,000 IDs, each with a finding, made that quadratic).
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// In every line longer than `stride` bytes, a mark every `stride` bytes or so, in order.
    marks: Vec<Mark>,
    stride: usize,
}

/// Bytes between the marks of a long line.
pub const STRIDE: usize = 256;

/// A character boundary inside a long line, with the columns before it on its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    offset: usize,
    chars: usize,
    utf16: usize,
}

impl Mark {
    fn column(&self, line_start: usize, unit: ColumnUnit) -> usize {
        match unit {
            ColumnUnit::Char => self.chars,
            ColumnUnit::Utf16 => self.utf16,
            ColumnUnit::Utf8 => self.offset - line_start,
        }
    }
}

/// Appends the marks of the line `start..end` (its break included).
fn mark_line(text: &str, start: usize, end: usize, stride: usize, marks: &mut Vec<Mark>) {
    let (mut at, mut chars, mut utf16) = (start, 0, 0);
    loop {
        let mut next = at + stride;
        if next >= end {
            return;
        }
        while !text.is_char_boundary(next) {
            next += 1;
        }
        let piece = &text[at..next];
        chars += piece.chars().count();
        utf16 += piece.chars().map(char::len_utf16).sum::<usize>();
        if next >= end {
            return;
        }
        marks.push(Mark {
            offset: next,
            chars,
            utf16,
        });
        at = next;
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        Self::with_stride(text, STRIDE)
    }

    fn with_stride(text: &str, stride: usize) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let mut index = LineIndex {
            starts,
            len: text.len(),
            marks: Vec::new(),
            stride,
        };
        index.marks = index.marks_of_lines(text, 0..index.starts.len());
        index
    }

    /// The marks of a run of lines of `text`.
    fn marks_of_lines(&self, text: &str, lines: std::ops::Range<usize>) -> Vec<Mark> {
        let mut marks = Vec::new();
        for line in lines {
            let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
            mark_line(text, self.starts[line], end, self.stride, &mut marks);
        }
        marks
    }

    /// Updates the index after the bytes `old` of the previous text were replaced by
    /// `inserted` bytes, giving `text`. Only the lines around the edit are scanned again; the
    /// starts of the lines after it are shifted.
    pub fn edit(&mut self, text: &str, old: std::ops::Range<usize>, inserted: usize) {
        // A `\r` before the edit can pair with a `\n` it inserts, so the scan starts a line
        // early. A start after the edit's end is made by a break after it, which is unchanged.
        let line = self.starts.partition_point(|&s| s <= old.start) - 1;
        let from = self.starts[line.saturating_sub(1)];
        let kept_after = self.starts.partition_point(|&s| s <= old.end);
        let shifted: Vec<usize> = self.starts[kept_after..]
            .iter()
            .map(|&s| s - old.end + old.start + inserted)
            .collect();
        let until = shifted.first().copied().unwrap_or(text.len() + 1);
        // The marks of the lines scanned again go; those after them move with their lines.
        let old_until = self.starts.get(kept_after).copied().unwrap_or(usize::MAX);
        let marks_before = self.marks.partition_point(|m| m.offset < from);
        let marks_after = self.marks.partition_point(|m| m.offset < old_until);
        let moved: Vec<Mark> = self.marks[marks_after..]
            .iter()
            .map(|m| Mark {
                offset: m.offset - old.end + old.start + inserted,
                ..*m
            })
            .collect();
        self.marks.truncate(marks_before);
        self.starts.truncate(line.saturating_sub(1) + 1);
        let bytes = text.as_bytes();
        for i in from..until.saturating_sub(1).min(bytes.len()) {
            let breaks = match bytes[i] {
                b'\n' => true,
                b'\r' => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if breaks {
                self.starts.push(i + 1);
            }
        }
        let scanned = line.saturating_sub(1)..self.starts.len();
        self.starts.extend(shifted);
        self.len = text.len();
        let marks = self.marks_of_lines(text, scanned);
        self.marks.extend(marks);
        self.marks.extend(moved);
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where `line` starts, if the line exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The line of a byte offset (an offset past the end is on the last line).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The position of a byte offset. An offset past the end or inside a character is clamped
    /// to the nearest character boundary before it.
    pub fn position(&self, text: &str, offset: usize, unit: ColumnUnit) -> Position {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line(offset);
        let start = self.starts[line];
        let (from, column) = match self.marks.partition_point(|m| m.offset <= offset) {
            0 => (start, 0),
            k if self.marks[k - 1].offset < start => (start, 0),
            k => (
                self.marks[k - 1].offset,
                self.marks[k - 1].column(start, unit),
            ),
        };
        Position {
            line,
            column: column + count_units(&text[from..offset], unit),
        }
    }

    /// The byte offset of a position. A column past the end of its line is clamped to the end of
    /// the line (before its line break); a line past the end of the text gives `None`.
    pub fn offset(&self, text: &str, position: Position, unit: ColumnUnit) -> Option<usize> {
        let start = *self.starts.get(position.line)?;
        let end = self
            .starts
            .get(position.line + 1)
            .copied()
            .unwrap_or(self.len);
        let line_end = start + text[start..end].trim_end_matches(['\n', '\r']).len();
        // Counted from the last mark of the line at or before the column.
        let first = self.marks.partition_point(|m| m.offset < start);
        let last = self.marks.partition_point(|m| m.offset <= line_end);
        let k = first
            + self.marks[first..last].partition_point(|m| m.column(start, unit) <= position.column);
        let (from, mut units) = match k {
            k if k == first => (start, 0),
            k => (
                self.marks[k - 1].offset,
                self.marks[k - 1].column(start, unit),
            ),
        };
        for (i, c) in text[from..line_end].char_indices() {
            if units >= position.column {
                return Some(from + i);
            }
            units += unit_len(c, unit);
        }
        Some(line_end)
    }
}

fn unit_len(c: char, unit: ColumnUnit) -> usize {
    match unit {
        ColumnUnit::Char => 1,
        ColumnUnit::Utf16 => c.len_utf16(),
        ColumnUnit::Utf8 => c.len_utf8(),
    }
}

fn count_units(s: &str, unit: ColumnUnit) -> usize {
    match unit {
        ColumnUnit::Char => s.chars().count(),
        ColumnUnit::Utf16 => s.chars().map(char::len_utf16).sum(),
        ColumnUnit::Utf8 => s.len(),
    }
}

/// The largest character boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A control character shown as one visible character, so that text from a file, a file name
/// or a configuration cannot move the cursor, clear a terminal or start a new line (a CI runner
/// reads a line starting with `::` as a command). C0 controls and DEL become their Unicode
/// control pictures (ESC is `␛`, a line feed `␊`); C1 controls, which have no picture, become
/// `�`. One character for one keeps columns counted in characters unchanged.
pub fn visible_char(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// User text made safe to print: every control character shown by [`visible_char`]. Messages
/// that quote a file or configuration, and every path the CLI prints, go through this.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| visible_char(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| visible_char(c).unwrap_or(c))
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_one_for_one() {
        assert_eq!(visible("plain ø"), "plain ø");
        assert_eq!(
            visible("x\n::error::y\r\u{1b}[2J\t\u{7f}\u{9b}"),
            "x␊::error::y␍␛[2J␉␡�"
        );
        let hostile = "a\u{1b}]8;;b\u{7}\u{85}";
        assert_eq!(
            visible(hostile).chars().count(),
            hostile.chars().count(),
            "columns stay where they were"
        );
    }

    #[test]
    fn an_edited_index_is_the_index_of_the_edited_text() {
        // Deterministic pseudo-random edits over texts rich in every kind of line break, where
        // a `\r` and a `\n` can be joined or split by the edit.
        let pieces = ["\n", "\r", "\r\n", "a", "bc", "ø", "\n\n", "\r\r"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut text = String::from("a\r\nb\rc\nd");
        let mut index = LineIndex::with_stride(&text, 3);
        for _ in 0..5000 {
            let mut start = next(text.len() + 1);
            let mut end = (start + next(4)).min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let inserted: String = (0..next(3)).map(|_| pieces[next(pieces.len())]).collect();
            text.replace_range(start..end, &inserted);
            index.edit(&text, start..end, inserted.len());
            let fresh = LineIndex::with_stride(&text, 3);
            assert_eq!(index.starts, fresh.starts, "{text:?} after {start}..{end}");
            assert_eq!(index.len, fresh.len);
            assert_eq!(index.marks, fresh.marks, "{text:?} after {start}..{end}");
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "æøå x\nb";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            index.position(text, x, ColumnUnit::Char),
            Position { line: 0, column: 4 }
        );
        assert_eq!(index.position(text, x, ColumnUnit::Utf8).column, 7);
        assert_eq!(index.position(text, x, ColumnUnit::Utf16).column, 4);
        assert_eq!(
            index.position(text, text.len(), ColumnUnit::Char),
            Position { line: 1, column: 1 }
        );
    }

    #[test]
    fn marks_in_long_lines_give_the_columns_counted_from_the_line_start() {
        let line: String = (0..400)
            .map(|i| ["ab, ", "ø, ", "𝄞x, ", "\t"][i % 7 % 4])
            .collect();
        let text = format!("{line}\n{line}\r{line}");
        for stride in [1, 2, 5, 64] {
            let index = LineIndex::with_stride(&text, stride);
            assert!(!index.marks.is_empty());
            for unit in [ColumnUnit::Char, ColumnUnit::Utf16, ColumnUnit::Utf8] {
                for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                    let line = index.line(offset);
                    let start = index.starts[line];
                    let p = index.position(&text, offset, unit);
                    assert_eq!(p.column, count_units(&text[start..offset], unit));
                    let end = index.starts.get(line + 1).copied().unwrap_or(text.len());
                    let content = text[start..end].trim_end_matches(['\n', '\r']).len();
                    if offset <= start + content {
                        assert_eq!(index.offset(&text, p, unit), Some(offset), "{offset}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_column_is_counted_from_at_most_a_stride_before_it() {
        // A line of a megabyte with a finding every few bytes: each position counts only the
        // bytes since the last mark before it, so the whole line is never counted again.
        let text = format!("{}\n{}", "ø, 𝄞".repeat(100_000), "x".repeat(1000));
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let line = index.line(offset);
            let k = index.marks.partition_point(|m| m.offset <= offset);
            let from = match k {
                0 => index.starts[line],
                k => index.marks[k - 1].offset.max(index.starts[line]),
            };
            assert!(offset - from < STRIDE + 4, "{offset} counted from {from}");
        }
        assert_eq!(
            index
                .position(&text, text.len() - 1001, ColumnUnit::Utf16)
                .column,
            100_000 * 5
        );
    }

    #[test]
    fn every_line_ending_starts_a_line() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text, 6, ColumnUnit::Char).line, 2);
        assert_eq!(index.position(text, 7, ColumnUnit::Char).line, 3);
    }

    #[test]
    fn offsets_round_trip_and_clamp() {
        let text = "𝄞ø\nzz";
        let index = LineIndex::new(text);
        let p = Position { line: 0, column: 2 };
        assert_eq!(index.offset(text, p, ColumnUnit::Utf16), Some(4));
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 0,
                    column: 99
                },
                ColumnUnit::Utf16
            ),
            Some(6)
        );
        assert_eq!(
            index.offset(text, Position { line: 5, column: 0 }, ColumnUnit::Char),
            None
        );
        // An offset inside a character is clamped back to its start.
        assert_eq!(index.position(text, 2, ColumnUnit::Utf8).column, 0);
    }
}
