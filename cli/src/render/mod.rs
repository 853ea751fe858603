//! Renderers: the same diagnostics as text for people and as data for machines.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use privlint_core::{ColumnUnit, LineIndex, Position, Span};

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
