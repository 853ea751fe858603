//! The check of one declaration, from its files' texts to each file's findings: the one path
//! the command line and the browser playground take (and the language server, which keeps
//! what it read between keystrokes, through [`crate::combined`] the same way). Pure: the
//! caller reads the files and renders the result, for instance as the JSON report
//! ([`crate::report`]), which [`CheckedFile`] can be given to directly.

use std::sync::Arc;

use crate::combined::Combined;
use crate::report::Checked;
use crate::syntax::Section;
use crate::{CancelToken, Cancelled, Diagnostic, LineIndex, Model, Related, Settings};

/// A file of a checked declaration.
pub struct CheckedFile {
    /// Its name in reports.
    pub name: String,
    pub text: String,
    /// Its findings, their spans counted in this file.
    pub diagnostics: Vec<Diagnostic>,
    /// In a declaration of several files, all its files (this one too), so that a related
    /// location in another file can be shown; empty for a file that is a declaration alone.
    pub declaration: Arc<[Sibling]>,
}

/// A file of a declaration, as a related location in it is shown.
pub struct Sibling {
    pub name: String,
    pub text: String,
    /// Its line index, made once: a file may hold thousands of related locations.
    pub index: LineIndex,
}

/// A checked declaration: its model (for publishing, hover, navigation) and its files, in the
/// order they were given.
pub struct CheckedDeclaration {
    pub model: Model,
    pub files: Vec<CheckedFile>,
}

impl Checked for CheckedFile {
    fn name(&self) -> &str {
        &self.name
    }

    fn text(&self) -> &str {
        &self.text
    }

    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn related_file(&self, related: &Related) -> (&str, &str, Option<&LineIndex>) {
        match related.file.and_then(|i| self.declaration.get(i)) {
            Some(other) => (&other.name, &other.text, Some(&other.index)),
            None => (&self.name, &self.text, None),
        }
    }
}

/// Checks the files of a declaration, given as (name, text) in path order, as one (language.md
/// §7), and reports each finding in the file where its range is. `Err(Cancelled)` once `cancel`
/// is cancelled (the command line passes [`CancelToken::never`]).
pub fn check_declaration(
    files: &[(&str, &str)],
    settings: &Settings,
    cancel: &CancelToken,
) -> Result<CheckedDeclaration, Cancelled> {
    use rayon::prelude::*;
    // Files are read in parallel (a file's own sections too, when it is large): a declaration
    // of many small files must not be read on one core when one file of the same size is not.
    let sections: Vec<Vec<Section>> = files
        .par_iter()
        .map(|(_, text)| crate::syntax::read_until(text, cancel))
        .collect::<Result<_, _>>()?;
    let read: Vec<ReadFile> = files
        .iter()
        .zip(&sections)
        .map(|(&(name, text), sections)| ReadFile {
            name,
            text,
            sections,
        })
        .collect();
    check_read(&read, settings, cancel)
}

/// A file whose sections are read.
pub(crate) struct ReadFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub sections: &'a [Section],
}

/// [`check_declaration`] of files whose sections are read ([`crate::incremental`] keeps them).
pub(crate) fn check_read(
    files: &[ReadFile],
    settings: &Settings,
    cancel: &CancelToken,
) -> Result<CheckedDeclaration, Cancelled> {
    let file_of = |file: &ReadFile, diagnostics, declaration| CheckedFile {
        name: file.name.to_string(),
        text: file.text.to_string(),
        diagnostics,
        declaration,
    };
    if files.is_empty() {
        // No file says anything, not even that the controller is missing: there is no file
        // to report it in.
        return Ok(CheckedDeclaration {
            model: Model::default(),
            files: Vec::new(),
        });
    }
    if let [file] = files {
        // Alone, a file is checked as it is, without the line break a file gets when files
        // are laid one after the other.
        let (model, diagnostics) =
            crate::analyze_until(file.text, file.sections, settings, cancel)?;
        return Ok(CheckedDeclaration {
            model,
            files: vec![file_of(file, diagnostics, Arc::new([]))],
        });
    }
    let parts: Vec<(&str, &[Section])> = files.iter().map(|f| (f.text, f.sections)).collect();
    let combined = Combined::from_sections(&parts);
    let (model, diagnostics) = combined.analyze_until(settings, cancel)?;
    let siblings: Arc<[Sibling]> = files
        .iter()
        .map(|file| Sibling {
            name: file.name.to_string(),
            text: file.text.to_string(),
            index: LineIndex::new(file.text),
        })
        .collect();
    let mut checked: Vec<CheckedFile> = files
        .iter()
        .map(|file| file_of(file, Vec::new(), siblings.clone()))
        .collect();
    for (index, diagnostic) in combined.split(diagnostics) {
        checked[index].diagnostics.push(diagnostic);
    }
    Ok(CheckedDeclaration {
        model,
        files: checked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_finding_is_in_its_file_and_related_ones_name_theirs() {
        let first = "controller c \"C\" { email \"e\" }\ncategory contact \"Kontakt\"\n";
        let second = "category contact \"Kontakt\"\n";
        let checked = check_declaration(
            &[("a.privacy", first), ("b.privacy", second)],
            &Settings::default(),
            &CancelToken::never(),
        )
        .unwrap();
        let duplicate = |file: &CheckedFile| {
            file.diagnostics
                .iter()
                .filter(|d| d.rule.name == "duplicate-definition")
                .count()
        };
        assert_eq!(duplicate(&checked.files[0]), 0);
        assert_eq!(duplicate(&checked.files[1]), 1);
        let json = crate::report::json_report(&checked.files, &[], crate::lang::Language::English);
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        let found = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == "duplicate-definition")
            .unwrap();
        assert_eq!(found["file"], "b.privacy");
        assert_eq!(found["related"][0]["file"], "a.privacy");
        assert_eq!(found["related"][0]["line"], 2);
    }

    #[test]
    fn a_file_alone_gets_what_checking_its_text_gets() {
        let text = "purpose p \"P\" { basis consent }";
        let checked = check_declaration(
            &[("p.privacy", text)],
            &Settings::default(),
            &CancelToken::never(),
        )
        .unwrap();
        assert_eq!(
            checked.files[0].diagnostics,
            crate::check(text, &Settings::default())
        );
    }

    #[test]
    fn a_check_cancelled_at_any_checkpoint_stops_and_one_not_cancelled_is_unchanged() {
        let organisation =
            "controller c \"C\" { email \"e\" }\ncategory contact \"Kontakt\"\nrights { access }\n";
        let system = "purpose p \"P\" {\n  basis consent\n  data contact\n}\npurpose q \"Q\" { basis contract }\n";
        let files = [("a.privacy", organisation), ("b.privacy", system)];
        let settings = Settings::default();
        let expected = check_declaration(&files, &settings, &CancelToken::never()).unwrap();
        let expected: Vec<&Vec<Diagnostic>> =
            expected.files.iter().map(|f| &f.diagnostics).collect();
        // Cancelled at its 1st, 2nd, … checkpoint, the check stops each time, until it has
        // fewer checkpoints than that (sections read, sections lowered, rules run).
        let mut n = 1;
        let finished = loop {
            match check_declaration(&files, &settings, &CancelToken::after(n)) {
                Err(Cancelled) => n += 1,
                Ok(checked) => break checked,
            }
            assert!(n < 1000, "the check has checkpoints without end");
        };
        assert!(
            n > crate::rules::ALL.len(),
            "only {n} checkpoints were passed"
        );
        let found: Vec<&Vec<Diagnostic>> = finished.files.iter().map(|f| &f.diagnostics).collect();
        assert_eq!(found, expected);
        // A token cancelled before the check stops it at once.
        let cancelled = CancelToken::new();
        cancelled.cancel();
        assert!(check_declaration(&files, &settings, &cancelled).is_err());
    }
}
