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
    /// Whether the tree is not of this text at all (the document was just opened, or its text
    /// replaced), so that the next parse starts afresh; it is not parsed before it is needed.
    tree_is_lost: bool,
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
    /// The sections of this text, once read (`None`: the text changed since).
    sections: Option<Arc<Vec<Section>>>,
    /// Shared, so that a snapshot does not copy them.
    pub model: Arc<Model>,
    pub diagnostics: Arc<Vec<Diagnostic>>,
}

impl Document {
    /// A document parsed and checked.
    pub fn new(text: String, version: i32, settings: &Settings) -> Document {
        let mut document = Document::open(text, version);
        document.reparse();
        document.refresh(settings);
        document
    }

    /// A document neither parsed nor checked yet: opening a large one costs a copy, and the
    /// checking can be done elsewhere.
    pub fn open(text: String, version: i32) -> Document {
        let index = LineIndex::new(&text);
        Document {
            text,
            version,
            index,
            tree: syntax::parse("", None),
            tree_is_stale: true,
            tree_is_lost: true,
            generation: next_generation(),
            analysis_is_stale: true,
            outlines: FxHashMap::default(),
            outlines_before: FxHashMap::default(),
            sections: None,
            model: Arc::default(),
            diagnostics: Arc::default(),
        }
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
        if !self.tree_is_lost {
            self.tree.edit(&InputEdit {
                start_byte: start,
                old_end_byte: end,
                new_end_byte: new_end,
                start_position,
                old_end_position,
                new_end_position: self.point(new_end),
            });
        }
        self.tree_is_stale = true;
        self.changed();
        Ok(())
    }

    /// Replaces the whole text.
    pub fn replace(&mut self, text: String) {
        self.text = text;
        self.index = LineIndex::new(&self.text);
        self.tree_is_stale = true;
        self.tree_is_lost = true;
        self.changed();
    }

    fn changed(&mut self) {
        self.generation = next_generation();
        self.analysis_is_stale = true;
        self.sections = None;
    }

    /// The settings changed: the analysis must be done again. Work on snapshots taken before
    /// counts as of another text (the settings are part of what it was computed from).
    pub fn settings_changed(&mut self) {
        self.changed();
    }

    /// Identifies the text and settings: equal generations of one document mean equal texts.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether [`Self::model`] and [`Self::diagnostics`] are those of an older text.
    pub fn analysis_is_stale(&self) -> bool {
        self.analysis_is_stale
    }

    /// A copy to parse, check or read on another thread. The caches of [`Self::refresh`] go
    /// with it (so that its check reads only what changed) until [`Self::adopt`] takes them
    /// back.
    pub fn snapshot(&mut self) -> Document {
        Document {
            text: self.text.clone(),
            version: self.version,
            index: self.index.clone(),
            tree: self.tree.clone(),
            tree_is_stale: self.tree_is_stale,
            tree_is_lost: self.tree_is_lost,
            generation: self.generation,
            analysis_is_stale: self.analysis_is_stale,
            outlines: std::mem::take(&mut self.outlines),
            outlines_before: std::mem::take(&mut self.outlines_before),
            sections: self.sections.clone(),
            model: self.model.clone(),
            diagnostics: self.diagnostics.clone(),
        }
    }

    /// A copy of the text alone, for what reads nothing else (formatting): neither parsed nor
    /// checked.
    pub fn text_snapshot(&self) -> Document {
        Document {
            text: self.text.clone(),
            index: self.index.clone(),
            generation: self.generation,
            ..Document::open(String::new(), self.version)
        }
    }

    /// Takes back from a [`Self::snapshot`] what still applies: its caches (they are by text,
    /// so right for any text), and its tree and analysis if the text has not changed since.
    /// Returns what is left: what it replaced and what did not apply, for the caller to drop
    /// where dropping costs no one (not under the server's lock).
    #[must_use = "what is left is to be dropped off the lock"]
    pub fn adopt(&mut self, mut snapshot: Document) -> Document {
        if self.outlines.is_empty() && self.outlines_before.is_empty() {
            std::mem::swap(&mut self.outlines, &mut snapshot.outlines);
            std::mem::swap(&mut self.outlines_before, &mut snapshot.outlines_before);
        }
        if snapshot.generation != self.generation {
            return snapshot;
        }
        if self.tree_is_stale && !snapshot.tree_is_stale {
            std::mem::swap(&mut self.tree, &mut snapshot.tree);
            self.tree_is_stale = false;
            self.tree_is_lost = false;
        }
        if self.sections.is_none() {
            self.sections = snapshot.sections.take();
        }
        if self.analysis_is_stale && !snapshot.analysis_is_stale {
            std::mem::swap(&mut self.model, &mut snapshot.model);
            std::mem::swap(&mut self.diagnostics, &mut snapshot.diagnostics);
            self.analysis_is_stale = false;
        }
        snapshot
    }

    /// Brings the whole text's tree up to date (incrementally); navigation calls this first.
    pub fn reparse(&mut self) {
        if self.tree_is_stale {
            let old = (!self.tree_is_lost).then_some(&self.tree);
            self.tree = syntax::parse(&self.text, old);
            self.tree_is_stale = false;
            self.tree_is_lost = false;
        }
    }

    /// The whole text's tree, as of the last [`Self::reparse`].
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// Checks the text as it is now, reading again only the sections whose text is new.
    pub fn refresh(&mut self, settings: &Settings) {
        let sections = self.sections();
        let (model, diagnostics) = analyze(&self.text, &sections, settings);
        self.model = Arc::new(model);
        self.diagnostics = Arc::new(diagnostics);
        self.analysis_is_stale = false;
    }

    /// Sets the analysis computed elsewhere (with the other files of its declaration): the
    /// model of the whole declaration, and this file's diagnostics with spans in this text.
    /// Returns the analysis it replaces, to be dropped off the lock.
    #[must_use = "the analysis replaced is to be dropped off the lock"]
    pub fn set_analysis(
        &mut self,
        model: Arc<Model>,
        diagnostics: Arc<Vec<Diagnostic>>,
    ) -> (Arc<Model>, Arc<Vec<Diagnostic>>) {
        self.analysis_is_stale = false;
        (
            std::mem::replace(&mut self.model, model),
            std::mem::replace(&mut self.diagnostics, diagnostics),
        )
    }

    /// The sections of the text as it is now, reading again only those whose text is new
    /// since they were last read (kept until the text changes).
    pub fn sections(&mut self) -> Arc<Vec<Section>> {
        if let Some(sections) = &self.sections {
            return sections.clone();
        }
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
        let sections = Arc::new(sections);
        self.sections = Some(sections.clone());
        sections
    }

    /// A tree-sitter point: row and byte column. Computed on the current text, so call it
    /// for old positions before the text changes.
    fn point(&self, offset: usize) -> Point {
        let p = self.index.position(&self.text, offset, ColumnUnit::Utf8);
        Point::new(p.line, p.column)
    }
}

/// A number never given before (in this process).
pub(crate) fn next_generation() -> u64 {
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
    fn a_snapshot_checked_elsewhere_gives_back_what_still_applies() {
        let settings = Settings::default();
        let text = "purpose a \"A\" {\n  basis consent\n}\naccess\n";
        let mut doc = Document::new(text.into(), 1, &settings);
        doc.edit(pos(1, 8), pos(1, 15), "contrat", ColumnUnit::Utf16)
            .unwrap();
        assert!(doc.analysis_is_stale());
        let mut snapshot = doc.snapshot();
        assert!(doc.outlines.is_empty(), "the caches go with the snapshot");
        snapshot.refresh(&settings);
        snapshot.reparse();
        drop(doc.adopt(snapshot));
        assert!(!doc.analysis_is_stale() && !doc.tree_is_stale);
        let fresh = Document::new(doc.text.clone(), 2, &settings);
        assert_eq!(doc.diagnostics, fresh.diagnostics);
        assert_eq!(
            doc.tree().root_node().to_sexp(),
            fresh.tree().root_node().to_sexp()
        );
        assert_eq!(doc.outlines.len(), 2);
        // Changed meanwhile: only the caches come back; the analysis is of an older text.
        let mut snapshot = doc.snapshot();
        doc.edit(pos(1, 8), pos(1, 15), "consent", ColumnUnit::Utf16)
            .unwrap();
        doc.edit(pos(3, 0), pos(3, 0), "x", ColumnUnit::Utf16)
            .unwrap();
        snapshot.refresh(&settings);
        drop(doc.adopt(snapshot));
        assert!(doc.analysis_is_stale());
        assert_eq!(doc.outlines.len(), 2);
        doc.refresh(&settings);
        doc.reparse();
        let fresh = Document::new(doc.text.clone(), 3, &settings);
        assert_eq!(doc.diagnostics, fresh.diagnostics);
        assert_eq!(
            doc.tree().root_node().to_sexp(),
            fresh.tree().root_node().to_sexp()
        );
    }

    #[test]
    fn a_replaced_text_is_parsed_afresh_when_needed() {
        let settings = Settings::default();
        let mut doc = Document::new("access\n".into(), 1, &settings);
        doc.replace("purpose a \"A\" {\n  basis consent\n}\n".into());
        doc.edit(pos(0, 0), pos(0, 0), "# c\n", ColumnUnit::Utf16)
            .unwrap();
        doc.reparse();
        doc.refresh(&settings);
        let fresh = Document::new(doc.text.clone(), 2, &settings);
        assert_eq!(
            doc.tree().root_node().to_sexp(),
            fresh.tree().root_node().to_sexp()
        );
        assert_eq!(doc.diagnostics, fresh.diagnostics);
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
