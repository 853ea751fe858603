//! Which of the files found are worked on, with which settings, in which declaration.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use privlint_core::Settings;

use crate::config::{Configs, Failure, Loaded};
use crate::paths::{display, relative};
use crate::walk::Found;

/// A file to work on.
pub struct Selected {
    pub path: PathBuf,
    /// The settings it is checked with.
    pub settings: Settings,
    /// The declaration of several files it belongs to, if any.
    pub declaration: Option<Declaration>,
}

/// A `[[declarations]]` entry of a loaded configuration.
#[derive(Clone)]
pub struct Declaration {
    pub config: Arc<Loaded>,
    pub entry: usize,
}

impl Declaration {
    /// Its files, absolute, in path order.
    pub fn files(&self) -> &[PathBuf] {
        &self.config.declarations[self.entry]
    }

    /// Its name in the configuration.
    pub fn name(&self) -> &str {
        &self.config.config.declarations[self.entry].name
    }

    /// The files its globs match that are not read (see [`Loaded::refused`]).
    pub fn refused(&self) -> impl Iterator<Item = &crate::PathError> {
        self.config
            .refused
            .iter()
            .filter(|(entry, _)| *entry == self.entry)
            .map(|(_, refused)| refused)
    }

    /// Whether two selected files belong to the same declaration.
    pub fn same(&self, other: &Declaration) -> bool {
        Arc::ptr_eq(&self.config, &other.config) && self.entry == other.entry
    }
}

/// What [`select`] chose.
pub struct Selection {
    /// The files to work on.
    pub files: Vec<Selected>,
    /// Broken configurations, each once.
    pub failures: Vec<Arc<Failure>>,
    /// The configuration files that govern the files, each once, in order of path, with how
    /// many files each governs; `None` for the files that have none.
    pub used: Vec<(Option<PathBuf>, usize)>,
    /// When directories were searched and found `.privacy` files, but the configurations left
    /// every one of them out: why nothing was checked. A run that checks nothing and passes
    /// would hide every finding.
    pub all_left_out: Option<String>,
}

/// The files to work on: files named on the command line always, files found in a directory
/// when their configuration's include and exclude select them. Files under a configuration that
/// cannot be used (broken, or its `[[declarations]]` wrongly grouped) are left out, and the
/// failure returned once.
pub fn select(found: Vec<Found>, configs: &mut Configs) -> Selection {
    let mut failures: Vec<Arc<Failure>> = Vec::new();
    let mut fail = |failure: Arc<Failure>| {
        if !failures.iter().any(|f| Arc::ptr_eq(f, &failure)) {
            failures.push(failure);
        }
    };
    let mut selected = Vec::new();
    let mut used = BTreeMap::new();
    let (mut searched, mut kept) = (0, 0);
    let mut leaving_out = BTreeSet::new();
    for file in found {
        let loaded = match configs.for_file(&file.path) {
            Ok(Some(loaded)) if loaded.mistakes.is_some() => {
                fail(loaded.mistakes.clone().expect("matched"));
                continue;
            }
            Ok(loaded) => loaded,
            Err(failure) => {
                fail(failure);
                continue;
            }
        };
        searched += usize::from(!file.explicit);
        if file.explicit || loaded.as_ref().is_none_or(|l| l.selects(&file.path)) {
            kept += usize::from(!file.explicit);
            *used
                .entry(loaded.as_ref().map(|l| l.path.clone()))
                .or_default() += 1;
            let declaration = loaded.as_ref().and_then(|config| {
                config.declaration_of(&file.path).map(|entry| Declaration {
                    config: config.clone(),
                    entry,
                })
            });
            selected.push(Selected {
                settings: loaded
                    .as_ref()
                    .map(|l| l.config.settings.clone())
                    .unwrap_or_default(),
                path: file.path,
                declaration,
            });
        } else if let Some(loaded) = &loaded {
            leaving_out.insert(loaded.path.clone());
        }
    }
    let all_left_out = (searched > 0 && kept == 0).then(|| {
        let names: Vec<String> = leaving_out
            .iter()
            .map(|p| display(&relative(p)))
            .collect();
        format!(
            "nothing to check: the `include` and `exclude` of {} leave out all {searched} .privacy file{} found (their globs match paths relative to the configuration's directory)",
            names.join(", "),
            if searched == 1 { "" } else { "s" }
        )
    });
    Selection {
        files: selected,
        failures,
        used: used.into_iter().collect(),
        all_left_out,
    }
}

/// Reads a file of a declaration whose configuration is in `dir`: as [`crate::read_text`],
/// and, when it is a symbolic link, only if it still leads to a regular file inside `dir` (it
/// could have been changed since the declaration's files were found).
pub fn read_member(dir: &Path, path: &Path) -> Result<crate::Text, String> {
    if path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        crate::walk::linked(dir, path)?;
    }
    crate::read_text(path)
}
