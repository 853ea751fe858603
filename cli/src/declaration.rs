//! The declaration a publishing command (`notice`, `record`, `export`) works on: read, checked
//! with the settings of its `privlint.toml`, and modelled.

use std::path::Path;

use privlint_core::model::Model;

use crate::check::{self, FileReport};
use crate::files::PathError;
use crate::{config, exit, files, say};

/// A declaration, read and checked: one file, or every file of a `[[declarations]]` entry.
pub struct Declaration {
    /// How messages name it: its `[[declarations]]` name, or its file's.
    pub name: String,
    /// Its files, as checked.
    pub reports: Vec<FileReport>,
    pub model: Model,
}

impl Declaration {
    /// How many findings of severity error it has.
    pub fn errors(&self) -> usize {
        self.reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == privlint_core::Severity::Error)
            .count()
    }

    /// For documents errors do not block (the record, the export): a warning that counts the
    /// errors and says what that means for the document.
    pub fn warn_of_errors(&self, consequence: &str) {
        let errors = self.errors();
        if errors > 0 {
            say::warning(format_args!(
                "{}: {errors} error{} (see `privlint check`); {consequence}",
                self.name,
                if errors == 1 { "" } else { "s" }
            ));
        }
    }
}

/// Reads the declaration `path` belongs to. On failure (an unreadable file, a broken
/// configuration, a file that is not UTF-8) the reason has been printed, and the exit status
/// is returned.
pub fn load(path: &Path) -> Result<Declaration, u8> {
    let (found, errors) = files::collect(&[path.to_path_buf()]);
    for error in &errors {
        say::error(error);
    }
    let selection = config::select(found);
    config::report(&selection.failures);
    if !errors.is_empty() || !selection.failures.is_empty() {
        return Err(exit::FAILURE);
    }
    let [selected]: [crate::config::Selected; 1] = selection.files.try_into().map_err(|_| {
        say::error(format_args!(
            "{}: name one .privacy file (a declaration, or one file of it)",
            files::shown(path)
        ));
        exit::FAILURE
    })?;
    let failed = |error: PathError| {
        say::error(error);
        exit::FAILURE
    };
    let declaration = match &selected.declaration {
        Some(entry) => {
            let (model, reports) =
                check::check_declaration(entry, &selected.settings).map_err(failed)?;
            let name = entry.config.config.declarations[entry.entry].name.clone();
            Declaration {
                name,
                reports,
                model,
            }
        }
        None => {
            let (model, report) =
                check::analyze_file(&selected.path, &selected.settings).map_err(failed)?;
            Declaration {
                name: report.name.clone(),
                reports: vec![report],
                model,
            }
        }
    };
    // Nothing can be published from a file that could not be read as text.
    for report in &declaration.reports {
        if let Some(unreadable) = report
            .diagnostics
            .iter()
            .find(|d| d.rule.name == "invalid-utf8")
        {
            say::error(format_args!(
                "{}: {}",
                files::shown(&report.path),
                unreadable.message
            ));
            return Err(exit::FAILURE);
        }
    }
    Ok(declaration)
}
