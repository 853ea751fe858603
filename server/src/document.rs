//! An open document: its text, syntax tree (reparsed incrementally), sections and analysis.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use privlint_core::syntax::{self, Outline, Section};
use privlint_core::{
    ColumnUnit, Diagnostic, InputEdit, LineIndex, Model, Point, Position, Settings, Tree, analyze,
};

/// A change that cannot be applied: its range is not in the document.
#[derive(Debug, PartialEq, Eq)]
pub struct OutOfRange;

pub struct Document {
    pub text: String,
    pub version: i32,
    pub index: LineIndex,
    /// The whole text's tree, for navigation (what is under the cursor, the outline). Edits
    /// are applied to it as they come, and it is reparsed (incrementally) only when navigation
    /// needs it, so that typing waits for the diagnostics alone.
    tree: Tree,
    tree_is_stale: bool,
    /// Changes with every change of the text, so that work done on a [`Self::snapshot`] can
    /// tell whether it still applies (the editor's version numbers are not trusted for that).
    /// Unique across documents, so that a document closed and opened again is another one.
    generation: u64,
    /// Whether the text changed since [`Self::refresh`]: edits are applied as they come and
    /// checked once they stop coming (the language server coalesces them).
    analysis_is_stale: bool,
    /// The outline of each section, by its text: an edit reads again only the sections whose
    /// text it changed.
    outlines: FxHashMap<Box<str>, Arc<Outline>>,
    /// The outlines the text before the last edit had and the current text has not: an edit
    /// that is undone (an unclosed `{` typed and deleted) finds them here.
    outlines_before: FxHashMap<Box<str>, Arc<Outline>>,
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn new(text: String, version: i32, settings: &Settings) -> Document {
        let tree = syntax::parse(&text, None);
        let index = LineIndex::new(&text);
        let mut document = Document {
            text,
            version,
            index,
            tree,
            tree_is_stale: false,
            generation: next_generation(),
            analysis_is_stale: true,
            outlines: FxHashMap::default(),
            outlines_before: FxHashMap::default(),
            model: Model::default(),
            diagnostics: Vec::new(),
        };
        document.refresh(settings);
        document
    }

    /// The byte offset of an LSP position, or `None` when its line is past the end.
    pub fn offset(&self, position: Position, unit: ColumnUnit) -> Option<usize> {
        self.index.offset(&self.text, position, unit)
    }

    pub fn position(&self, offset: usize, unit: ColumnUnit) -> Position {
        self.index.position(&self.text, offset, unit)
    }

    /// Replaces the text between two positions, telling the syntax tree what changed so that
    /// the next parse reuses what it can. The document is not re-analysed (see [`Self::refresh`]).
    pub fn edit(
        &mut self,
        start: Position,
        end: Position,
        new_text: &str,
        unit: ColumnUnit,
    ) -> Result<(), OutOfRange> {
        let start = self.offset(start, unit).ok_or(OutOfRange)?;
        let end = self.offset(end, unit).ok_or(OutOfRange)?;
        if end < start {
            return Err(OutOfRange);
        }
        let start_position = self.point(start);
        let old_end_position = self.point(end);
        self.text.replace_range(start..end, new_text);
        self.index.edit(&self.text, start..end, new_text.len());
        let new_end = start + new_text.len();
        self.tree.edit(&InputEdit {
            start_byte: start,
            old_end_byte: end,
            new_end_byte: new_end,
            start_position,
            old_end_position,
            new_end_position: self.point(new_end),
        });
        self.tree_is_stale = true;
        self.changed();
        Ok(())
    }

    /// Replaces the whole text.
    pub fn replace(&mut self, text: String) {
        self.text = text;
        self.index = LineIndex::new(&self.text);
        self.tree = syntax::parse(&self.text, None);
        self.tree_is_stale = false;
        self.changed();
    }

    fn changed(&mut self) {
        self.generation = next_generation();
        self.analysis_is_stale = true;
    }

    /// Identifies the text: equal generations of one document mean equal texts.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether [`Self::model`] and [`Self::diagnostics`] are those of an older text.
    pub fn analysis_is_stale(&self) -> bool {
        self.analysis_is_stale
    }

    /// A copy to read on another thread: everything but the caches of [`Self::refresh`], which
    /// only the document itself needs.
    pub fn snapshot(&self) -> Document {
        Document {
            text: self.text.clone(),
            version: self.version,
            index: self.index.clone(),
            tree: self.tree.clone(),
            tree_is_stale: self.tree_is_stale,
            generation: self.generation,
            analysis_is_stale: self.analysis_is_stale,
            outlines: FxHashMap::default(),
            outlines_before: FxHashMap::default(),
            model: self.model.clone(),
            diagnostics: self.diagnostics.clone(),
        }
    }

    /// Takes the tree a snapshot of this same text reparsed, so that it is not parsed again.
    pub fn adopt_tree(&mut self, snapshot: Document) {
        if self.tree_is_stale && !snapshot.tree_is_stale && snapshot.generation == self.generation {
            self.tree = snapshot.tree;
            self.tree_is_stale = false;
        }
    }

    /// Brings the whole text's tree up to date (incrementally); navigation calls this first.
    pub fn reparse(&mut self) {
        if self.tree_is_stale {
            self.tree = syntax::parse(&self.text, Some(&self.tree));
            self.tree_is_stale = false;
        }
    }

    /// The whole text's tree, as of the last [`Self::reparse`].
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// Checks the text as it is now, reading again only the sections whose text is new.
    pub fn refresh(&mut self, settings: &Settings) {
        let ranges = syntax::sections(&self.text);
        let mut previous = std::mem::take(&mut self.outlines);
        let mut sections = Vec::with_capacity(ranges.len());
        for range in ranges {
            let text = &self.text[range.clone()];
            let outline = match self.outlines.get(text) {
                Some(outline) => outline.clone(),
                None => {
                    let (key, outline) = previous
                        .remove_entry(text)
                        .or_else(|| self.outlines_before.remove_entry(text))
                        .unwrap_or_else(|| (text.into(), Arc::new(Outline::read(text))));
                    self.outlines.insert(key, outline.clone());
                    outline
                }
            };
            sections.push(Section {
                start: range.start,
                outline,
            });
        }
        self.outlines_before = previous;
        let (model, diagnostics) = analyze(&self.text, &sections, settings);
        self.model = model;
        self.diagnostics = diagnostics;
        self.analysis_is_stale = false;
    }

    /// A tree-sitter point: row and byte column. Computed on the current text, so call it
    /// for old positions before the text changes.
    fn point(&self, offset: usize) -> Point {
        let p = self.index.position(&self.text, offset, ColumnUnit::Utf8);
        Point::new(p.line, p.column)
    }
}

fn next_generation() -> u64 {
    static GENERATIONS: AtomicU64 = AtomicU64::new(0);
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn incremental_edits_give_what_a_fresh_parse_gives() {
        let settings = Settings::default();
        let mut doc = Document::new(
            "purpose p \"Pø\" {\n  basis consent\n}\n".into(),
            1,
            &settings,
        );
        // Replace `consent` by `contract`, in UTF-16 columns, after a non-ASCII character.
        doc.edit(pos(1, 8), pos(1, 15), "contract", ColumnUnit::Utf16)
            .unwrap();
        doc.edit(pos(0, 12), pos(0, 13), "æå", ColumnUnit::Utf16)
            .unwrap();
        doc.refresh(&settings);
        doc.reparse();
        assert_eq!(doc.text, "purpose p \"Pæå\" {\n  basis contract\n}\n");
        let fresh = Document::new(doc.text.clone(), 2, &settings);
        assert_eq!(
            doc.tree().root_node().to_sexp(),
            fresh.tree().root_node().to_sexp()
        );
        assert_eq!(doc.diagnostics, fresh.diagnostics);
    }

    #[test]
    fn an_unclosed_brace_typed_and_deleted_gives_what_a_fresh_check_gives() {
        let settings = Settings::default();
        let text = "purpose a \"A\" {\n  basis consent\n}\npurpose b \"B\" {\n  basis contract\n}\naccess\n";
        let mut doc = Document::new(text.into(), 1, &settings);
        let original = doc.diagnostics.clone();
        doc.edit(pos(1, 15), pos(1, 15), " {", ColumnUnit::Utf16)
            .unwrap();
        doc.refresh(&settings);
        let fresh = Document::new(doc.text.clone(), 2, &settings);
        assert_eq!(doc.diagnostics, fresh.diagnostics);
        assert_ne!(doc.diagnostics, original, "the brace is a syntax error");
        // Sections: `purpose a` swallows the rest of the file while the brace is open.
        assert_eq!(doc.outlines.len(), 1);
        doc.edit(pos(1, 15), pos(1, 17), "", ColumnUnit::Utf16)
            .unwrap();
        doc.refresh(&settings);
        assert_eq!(doc.text, text);
        assert_eq!(doc.diagnostics, original);
        assert_eq!(doc.outlines.len(), 3);
    }

    #[test]
    fn out_of_range_edits_are_refused_and_change_nothing() {
        let settings = Settings::default();
        let mut doc = Document::new("access\n".into(), 1, &settings);
        assert_eq!(
            doc.edit(pos(5, 0), pos(5, 1), "x", ColumnUnit::Utf16),
            Err(OutOfRange)
        );
        assert_eq!(
            doc.edit(pos(0, 3), pos(0, 1), "x", ColumnUnit::Utf16),
            Err(OutOfRange)
        );
        assert_eq!(doc.text, "access\n");
        // A column past the end of its line is clamped to the end, as LSP asks.
        doc.edit(pos(0, 99), pos(0, 99), " # x", ColumnUnit::Utf16)
            .unwrap();
        assert_eq!(doc.text, "access # x\n");
    }
}
