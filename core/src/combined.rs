//! A declaration in several files (language.md §7), read as one.
//!
//! The files are laid one after the other in a single text, each followed by a line break, and
//! their sections (read per file, so a syntax error never runs from one file into the next) are
//! moved to where their file starts. The model, the rules and the suppressions then work on
//! one declaration unchanged: an ID defined in one file and used in another resolves, a
//! definition used in no file is unused, a second definition is the one later in path order,
//! and `rights` and `claims` blocks are merged. [`Combined::locate`] maps every span back to
//! the file it is in.

use crate::syntax::Section;
use crate::text::Span;
use crate::{CancelToken, Cancelled, Diagnostic, Model, Settings};

/// The files of a declaration as one text.
pub struct Combined {
    /// The files' texts, in order, each followed by `\n`.
    pub text: String,
    /// Where each file starts in `text`.
    pub starts: Vec<usize>,
    /// The sections of every file, at their place in `text`.
    pub sections: Vec<Section>,
}

impl Combined {
    /// Lays out `files` (their texts, in path order), reading each one's sections. Files are
    /// read in parallel (a file's own sections too, when it is large): a declaration of many
    /// small files must not be read on one core when one file of the same size is not.
    pub fn read(files: &[&str]) -> Combined {
        use rayon::prelude::*;
        let sections: Vec<Vec<Section>> =
            files.par_iter().map(|t| crate::syntax::read(t)).collect();
        let parts: Vec<(&str, &[Section])> = files
            .iter()
            .zip(&sections)
            .map(|(text, sections)| (*text, sections.as_slice()))
            .collect();
        Combined::from_sections(&parts)
    }

    /// Lays out files whose sections are already read (the language server keeps them).
    pub fn from_sections(files: &[(&str, &[Section])]) -> Combined {
        let length = files.iter().map(|(text, _)| text.len() + 1).sum();
        let mut combined = Combined {
            text: String::with_capacity(length),
            starts: Vec::with_capacity(files.len()),
            sections: Vec::with_capacity(files.iter().map(|(_, s)| s.len()).sum()),
        };
        for (text, sections) in files {
            let start = combined.text.len();
            combined.starts.push(start);
            combined.text.push_str(text);
            // The line break keeps a span at the very end of one file (an unclosed block)
            // apart from the start of the next.
            combined.text.push('\n');
            combined
                .sections
                .extend(sections.iter().map(|section| Section {
                    start: start + section.start,
                    outline: section.outline.clone(),
                }));
        }
        combined
    }

    /// The file that `offset` is in, and the offset within that file.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        locate(&self.starts, offset)
    }

    /// A span within its file, with the file's index.
    pub fn locate_span(&self, span: Span) -> (usize, Span) {
        locate_span(&self.starts, span)
    }

    /// Each diagnostic with the file it is in and its spans counted in that file; a related
    /// location in another file names that file.
    pub fn split(&self, diagnostics: Vec<Diagnostic>) -> Vec<(usize, Diagnostic)> {
        diagnostics
            .into_iter()
            .map(|mut d| {
                let (file, span) = self.locate_span(d.span);
                d.span = span;
                for related in &mut d.related {
                    let (other, span) = self.locate_span(related.span);
                    related.span = span;
                    related.file = (other != file).then_some(other);
                }
                if let Some(fix) = &mut d.fix {
                    // A fix edits the diagnostic's own file.
                    for edit in &mut fix.edits {
                        edit.span = self.locate_span(edit.span).1;
                    }
                }
                (file, d)
            })
            .collect()
    }

    /// Models and checks the declaration. The diagnostics' spans count in [`Combined::text`].
    pub fn analyze(&self, settings: &Settings) -> (Model, Vec<Diagnostic>) {
        crate::analyze(&self.text, &self.sections, settings)
    }

    /// [`Combined::analyze`], stopping between sections and rules once `cancel` is cancelled.
    pub fn analyze_until(
        &self,
        settings: &Settings,
        cancel: &CancelToken,
    ) -> Result<(Model, Vec<Diagnostic>), Cancelled> {
        crate::analyze_until(&self.text, &self.sections, settings, cancel)
    }
}

/// The file that `offset` is in, given where each file starts (as [`Combined::starts`]), and
/// the offset within that file. The language server keeps the starts without the text.
pub fn locate(starts: &[usize], offset: usize) -> (usize, usize) {
    let file = starts.partition_point(|&start| start <= offset).max(1) - 1;
    (file, offset - starts.get(file).copied().unwrap_or(0))
}

/// A span within its file, with the file's index (see [`locate`]).
pub fn locate_span(starts: &[usize], span: Span) -> (usize, Span) {
    let (file, start) = locate(starts, span.start);
    (file, Span::new(start, span.end - (span.start - start)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORGANISATION: &str = "controller bank \"Banken\" {\n  country NO\n  email \"post@bank.example\"\n  authority datatilsynet \"Datatilsynet\"\n}\nprocessor mail \"E-post\" {\n  country NO\n  agreement \"DBA-1\"\n}\ncategory contact \"Kontakt\"\nrights {\n  access; rectification; erasure; restriction\n  complaint datatilsynet\n}\n";
    const SYSTEM: &str = "subject customers \"Kunder\"\npurpose news \"Nyheitsbrev\" {\n  basis legitimate_interests \"å fortelje om nye tenester\"\n  provision voluntary\n  security \"Tilgang etter rolle.\"\n  data contact\n  subjects customers\n  processors mail\n  retention 1 year\n}\nrights { objection }\n";

    fn rules(diagnostics: &[Diagnostic], combined: &Combined) -> Vec<(usize, &'static str)> {
        diagnostics
            .iter()
            .map(|d| (combined.locate(d.span.start).0, d.rule.name))
            .collect()
    }

    #[test]
    fn files_share_one_namespace_and_one_rights_block() {
        let combined = Combined::read(&[ORGANISATION, SYSTEM]);
        let (_, diagnostics) = combined.analyze(&Settings::default());
        assert!(
            diagnostics.is_empty(),
            "{:?}",
            rules(&diagnostics, &combined)
        );
        // Alone, each file is far from a declaration.
        let alone = crate::check(SYSTEM, &Settings::default());
        assert!(alone.iter().any(|d| d.rule.name == "missing-controller"));
        assert!(alone.iter().any(|d| d.rule.name == "unknown-reference"));
    }

    #[test]
    fn unused_means_unused_in_every_file() {
        let combined = Combined::read(&[ORGANISATION, "purpose p \"P\" { basis consent }\n"]);
        let (_, diagnostics) = combined.analyze(&Settings::default());
        let unused: Vec<_> = rules(&diagnostics, &combined)
            .into_iter()
            .filter(|(_, rule)| *rule == "unused-definition")
            .collect();
        assert_eq!(
            unused,
            vec![(0, "unused-definition"), (0, "unused-definition")]
        );
    }

    #[test]
    fn a_duplicate_is_reported_in_the_later_file_with_the_first_related() {
        let other = "category contact \"Kontakt\"\n";
        let combined = Combined::read(&[ORGANISATION, SYSTEM, other]);
        let (_, diagnostics) = combined.analyze(&Settings::default());
        let duplicate = diagnostics
            .iter()
            .find(|d| d.rule.name == "duplicate-definition")
            .expect("the second definition is reported");
        let (file, span) = combined.locate_span(duplicate.span);
        assert_eq!((file, &other[span.start..span.end]), (2, "contact"));
        let (related_file, _) = combined.locate_span(duplicate.related[0].span);
        assert_eq!(related_file, 0);
        let split = combined.split(diagnostics.clone());
        let (file, duplicate) = split
            .iter()
            .find(|(_, d)| d.rule.name == "duplicate-definition")
            .unwrap();
        assert_eq!(*file, 2);
        assert_eq!(&other[duplicate.span.start..duplicate.span.end], "contact");
        assert_eq!(duplicate.related[0].file, Some(0));
    }

    #[test]
    fn a_syntax_error_stays_in_its_file() {
        let broken = "purpose p \"P\" {\n  basis consent\n";
        let combined = Combined::read(&[broken, SYSTEM, ORGANISATION]);
        let (_, diagnostics) = combined.analyze(&Settings::default());
        let syntax: Vec<usize> = diagnostics
            .iter()
            .filter(|d| d.rule.name == "syntax-error")
            .map(|d| combined.locate(d.span.start).0)
            .collect();
        assert_eq!(syntax, vec![0]);
        // The other files are read as if alone: the controller is found.
        assert!(
            !diagnostics
                .iter()
                .any(|d| d.rule.name == "missing-controller")
        );
    }

    #[test]
    fn offsets_map_back_to_their_file() {
        let combined = Combined::read(&["ab", "", "cde"]);
        assert_eq!(combined.text, "ab\n\ncde\n");
        assert_eq!(combined.locate(0), (0, 0));
        assert_eq!(
            combined.locate(2),
            (0, 2),
            "the end of the first file is in it"
        );
        assert_eq!(combined.locate(3), (1, 0));
        assert_eq!(combined.locate(4), (2, 0));
        assert_eq!(combined.locate_span(Span::new(5, 7)), (2, Span::new(1, 3)));
    }
}
