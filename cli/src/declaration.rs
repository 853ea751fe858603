//! The declaration a publishing command (`notice`, `record`, `export`) works on: read, checked
//! with the settings of its `privlint.toml`, and modelled.

use std::path::Path;

use privlint_core::Diagnostic;
use privlint_core::model::Model;

use crate::check::FileReport;
use crate::{config, exit, files, say};

/// A declaration, read and checked.
pub struct Declaration {
    pub report: FileReport,
    pub model: Model,
}

impl Declaration {
    /// How many findings of severity error it has.
    pub fn errors(&self) -> usize {
        self.report
            .diagnostics
            .iter()
            .filter(|d| d.severity == privlint_core::Severity::Error)
            .count()
    }
}

/// Reads the declaration in `path`. On failure the reason has been printed, and the exit
/// status is returned.
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
            "{}: name one .privacy file (a declaration)",
            files::shown(path)
        ));
        exit::FAILURE
    })?;
    let (path, settings) = (selected.path, selected.settings);
    let bytes = files::read(&path).map_err(|reason| {
        say::error(format_args!("{}: {reason}", files::shown(&path)));
        exit::FAILURE
    })?;
    let name = files::display(&path);
    let (text, model, diagnostics): (String, Model, Vec<Diagnostic>) =
        match privlint_core::decode(&bytes) {
            Ok(text) => {
                let sections = privlint_core::syntax::read(text);
                let (model, diagnostics) = privlint_core::analyze(text, &sections, &settings);
                (text.to_string(), model, diagnostics)
            }
            Err(diagnostic) => (String::new(), Model::default(), vec![*diagnostic]),
        };
    Ok(Declaration {
        report: FileReport {
            name,
            ..FileReport::new(path, text, diagnostics)
        },
        model,
    })
}
