//! The rule levels a document is checked with: the editor's `privlint.rules` setting, then the
//! nearest `privlint.toml` above the document, up to the repository's root as the command line
//! looks for it, which wins (a project's configuration is shared by the team and CI; the
//! editor's is one person's). And the declaration of several files (`[[declarations]]`) a
//! document belongs to, with its files found as the command line finds them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use privlint_core::config::{Config, FILE_NAME};
use privlint_core::{ColumnUnit, Level, LineIndex, Settings};
use tower_lsp_server::ls_types::Uri;

/// A `[[declarations]]` entry: its configuration file and its index there.
pub type DeclarationKey = (PathBuf, usize);

#[derive(Default)]
pub struct Configurations {
    /// Parsed configuration files by path (`None`: unreadable or invalid).
    files: HashMap<PathBuf, Option<Config>>,
    /// The files of each `[[declarations]]` entry of a configuration file, absolute, in path
    /// order; computed when a document under it is first asked about.
    members: HashMap<PathBuf, Vec<Vec<PathBuf>>>,
    editor: Settings,
    /// A problem to tell the person about (an invalid privlint.toml).
    problem: Option<String>,
}

impl Configurations {
    pub fn settings_for(&mut self, uri: &Uri) -> Settings {
        let mut settings = self.editor.clone();
        let path = uri.to_file_path().map(|p| p.into_owned());
        if let Some(file) = path.as_deref().and_then(nearest) {
            let config = self.load(&file);
            if let Some(config) = config {
                settings.levels.extend(config.settings.levels.clone());
            }
        }
        settings
    }

    fn load(&mut self, file: &Path) -> Option<&Config> {
        if !self.files.contains_key(file) {
            let loaded = match std::fs::read_to_string(file) {
                Err(e) => {
                    self.problem = Some(format!("{}: {e}", file.display()));
                    None
                }
                Ok(text) => match Config::parse(&text) {
                    Ok(config) => Some(config),
                    Err(errors) => {
                        let index = LineIndex::new(&text);
                        let first = &errors[0];
                        let at = index.position(&text, first.span.start, ColumnUnit::Char);
                        self.problem = Some(format!(
                            "invalid configuration, ignored: {}:{}:{}: {}",
                            file.display(),
                            at.line + 1,
                            at.column + 1,
                            first.message
                        ));
                        None
                    }
                },
            };
            self.files.insert(file.to_path_buf(), loaded);
        }
        self.files.get(file).and_then(Option::as_ref)
    }

    /// The declaration of several files the document belongs to, and that declaration's
    /// files (absolute, in path order): `None` for a file outside every `[[declarations]]`
    /// entry, which is a declaration of its own.
    pub fn declaration_of(&mut self, uri: &Uri) -> Option<(DeclarationKey, Vec<PathBuf>)> {
        let path = std::path::absolute(uri.to_file_path()?).ok()?;
        let file = nearest(&path)?;
        let config = self.load(&file)?;
        if config.declarations.is_empty() {
            return None;
        }
        let config = config.clone();
        if !self.members.contains_key(&file) {
            let (members, problems) = members(&file, &config);
            if !problems.is_empty() {
                self.problem = Some(problems.join("\n"));
            }
            self.members.insert(file.clone(), members);
        }
        let entries = &self.members[&file];
        let entry = entries
            .iter()
            .position(|files| files.binary_search(&path).is_ok())?;
        Some(((file, entry), entries[entry].clone()))
    }

    /// Forgets the configuration files read, and the files of their declarations, so that the
    /// next check reads them again.
    pub fn clear(&mut self) {
        self.files.clear();
        self.members.clear();
    }

    /// Forgets the files of the declarations (a `.privacy` file was created or deleted).
    pub fn clear_members(&mut self) {
        self.members.clear();
    }

    pub fn take_problem(&mut self) -> Option<String> {
        self.problem.take()
    }

    /// Sets the editor's rule levels from `{"rule-name": "warning", …}`; unknown levels are
    /// ignored (the editor validates its own settings).
    pub fn set_editor_rules(&mut self, rules: Option<&serde_json::Value>) {
        self.editor = Settings::default();
        if let Some(rules) = rules.and_then(|r| r.as_object()) {
            for (rule, level) in rules {
                if let Some(level) = level.as_str().and_then(Level::parse) {
                    self.editor.levels.insert(rule.clone(), level);
                }
            }
        }
    }
}

/// The nearest configuration file in the document's directory or above it, up to the
/// repository's root (the directory holding `.git`), as the command line finds it: one above
/// the repository, in a shared parent such as the temporary directory, is someone else's.
fn nearest(document: &Path) -> Option<PathBuf> {
    for dir in document.parent()?.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if is_repository_root(dir) {
            return None;
        }
    }
    None
}

/// A directory holding `.git` (a directory, or a file in a worktree or submodule).
fn is_repository_root(dir: &Path) -> bool {
    dir.join(".git").symlink_metadata().is_ok()
}

/// The files of each `[[declarations]]` entry of the configuration at `file`, found as the
/// command line finds them (cli/src/config.rs): the `.privacy` files under its directory
/// (`.gitignore` respected, `.git` skipped) that an entry's globs match, a glob matching a file
/// or a directory it is in. A file two entries match goes to the first; that, and an entry
/// that matches nothing or a broken glob, are problems to report (the command line refuses
/// them).
fn members(file: &Path, config: &Config) -> (Vec<Vec<PathBuf>>, Vec<String>) {
    let dir = file.parent().unwrap_or(Path::new("/"));
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(false)
        .filter_entry(|e| e.file_name() != ".git")
        .build();
    let mut found: Vec<PathBuf> = walker
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| !t.is_dir()))
        .filter(|e| e.path().extension().is_some_and(|x| x == "privacy"))
        .filter_map(|e| std::path::absolute(e.path()).ok())
        .filter(|path| path.starts_with(dir))
        .collect();
    found.sort();
    let inside: Vec<&Path> = found
        .iter()
        .map(|f| f.strip_prefix(dir).unwrap_or(f))
        .collect();
    let grouping = config.group(&inside);
    let mut problems: Vec<String> = grouping
        .bad_globs
        .iter()
        .map(|(entry, error)| {
            format!(
                "{}: declaration `{}`: {error}",
                file.display(),
                config.declarations[*entry].name
            )
        })
        .collect();
    problems.extend(grouping.in_two.iter().map(|&(path, first, second)| {
        format!(
            "{}: {} is in two declarations, `{}` and `{}`; it is checked with the first",
            file.display(),
            found[path].display(),
            config.declarations[first].name,
            config.declarations[second].name
        )
    }));
    let members = grouping
        .members
        .iter()
        .map(|indices| indices.iter().map(|&i| found[i].clone()).collect())
        .collect();
    (members, problems)
}
