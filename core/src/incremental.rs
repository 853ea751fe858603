//! A declaration kept between checks, for the language server: each file is cut into sections
//! when it is set, and a section whose text is unchanged keeps its outline (what reading it
//! with tree-sitter gave), so that an edit reads again only the sections it touched. Keyed by
//! content, not by position: a section moved by an edit above it, or pasted from elsewhere in
//! the file, is not read again either (docs/decisions.md, "Incremental checking").
//!
//! A check then gives exactly what [`crate::pipeline::check_declaration`] gives for the same
//! files (a property test compares them after random edits).

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHasher};

use crate::pipeline::{CheckedDeclaration, ReadFile, check_read};
use crate::syntax::{Outline, Section};
use crate::{CancelToken, Cancelled, Settings};

/// The files of one declaration, read.
#[derive(Default)]
pub struct Workspace {
    /// In path order, as a declaration's files are checked.
    files: Vec<File>,
}

struct File {
    name: String,
    text: String,
    /// Each section's range in `text`, with its outline.
    ranges: Vec<Range<usize>>,
    sections: Vec<Section>,
}

/// What a section is looked up by: its text's hash (the text itself is compared on a match).
fn key(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds a file, or replaces its text; its sections whose text is unchanged are not read
    /// again.
    pub fn set_file(&mut self, name: &str, text: String) {
        let at = self
            .files
            .binary_search_by(|f| Path::new(&f.name).cmp(Path::new(name)));
        let old = at.ok().map(|i| &self.files[i]);
        let mut known: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        if let Some(old) = old {
            for (i, range) in old.ranges.iter().enumerate() {
                known
                    .entry(key(&old.text[range.clone()]))
                    .or_default()
                    .push(i);
            }
        }
        let ranges = crate::syntax::sections(&text);
        let outline = |range: &Range<usize>| -> Arc<Outline> {
            let written = &text[range.clone()];
            let kept = old.and_then(|old| {
                known.get(&key(written))?.iter().find_map(|&i| {
                    (old.text[old.ranges[i].clone()] == *written)
                        .then(|| old.sections[i].outline.clone())
                })
            });
            kept.unwrap_or_else(|| Arc::new(Outline::read(written)))
        };
        let outlines: Vec<Arc<Outline>> = if text.len() < crate::syntax::PARALLEL_FROM {
            ranges.iter().map(outline).collect()
        } else {
            use rayon::prelude::*;
            ranges.par_iter().with_min_len(64).map(outline).collect()
        };
        let sections = ranges
            .iter()
            .zip(outlines)
            .map(|(range, outline)| Section {
                start: range.start,
                outline,
            })
            .collect();
        let file = File {
            name: name.to_string(),
            text,
            ranges,
            sections,
        };
        match at {
            Ok(i) => self.files[i] = file,
            Err(i) => self.files.insert(i, file),
        }
    }

    /// Removes a file; whether it was there.
    pub fn remove_file(&mut self, name: &str) -> bool {
        let before = self.files.len();
        self.files.retain(|f| f.name != name);
        self.files.len() != before
    }

    /// The files' names, in path order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|f| f.name.as_str())
    }

    /// Checks the declaration as its files are now; `Err(Cancelled)` once `cancel` is
    /// cancelled.
    pub fn check(
        &self,
        settings: &Settings,
        cancel: &CancelToken,
    ) -> Result<CheckedDeclaration, Cancelled> {
        let read: Vec<ReadFile> = self
            .files
            .iter()
            .map(|f| ReadFile {
                name: &f.name,
                text: &f.text,
                sections: &f.sections,
            })
            .collect();
        check_read(&read, settings, cancel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_reads_again_only_the_sections_it_changed() {
        let mut workspace = Workspace::new();
        let first = "category a \"A\"\ncategory b \"B\"\ncategory c \"C\"\n";
        workspace.set_file("x.privacy", first.to_string());
        let before: Vec<Arc<Outline>> = workspace.files[0]
            .sections
            .iter()
            .map(|s| s.outline.clone())
            .collect();
        // A line inserted at the top moves every section; only the new one is read.
        workspace.set_file("x.privacy", format!("subject s \"S\"\n{first}"));
        let after = &workspace.files[0].sections;
        assert_eq!(after.len(), 4);
        for (kept, old) in after[1..].iter().zip(&before) {
            assert!(Arc::ptr_eq(&kept.outline, old));
        }
        assert!(!before.iter().any(|o| Arc::ptr_eq(o, &after[0].outline)));
    }

    #[test]
    fn files_are_kept_in_path_order_and_removed() {
        // Path order compares components: `b/x` comes before `b.privacy`.
        let mut workspace = Workspace::new();
        for name in ["b/x.privacy", "a.privacy", "b.privacy"] {
            workspace.set_file(name, String::new());
        }
        assert_eq!(
            workspace.names().collect::<Vec<_>>(),
            ["a.privacy", "b/x.privacy", "b.privacy"]
        );
        assert!(workspace.remove_file("b.privacy"));
        assert!(!workspace.remove_file("b.privacy"));
        assert_eq!(workspace.names().count(), 2);
    }
}
