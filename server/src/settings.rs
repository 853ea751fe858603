//! The rule levels a document is checked with: the editor's `privlint.rules` setting, then the
//! nearest `privlint.toml` above the document, which wins (a project's configuration is shared
//! by the team and CI; the editor's is one person's).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use privlint_core::config::{Config, FILE_NAME};
use privlint_core::{ColumnUnit, Level, LineIndex, Settings};
use tower_lsp_server::ls_types::Uri;

#[derive(Default)]
pub struct Configurations {
    /// Parsed configuration files by path (`None`: unreadable or invalid).
    files: HashMap<PathBuf, Option<Config>>,
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

    /// Forgets the configuration files read, so that the next check reads them again.
    pub fn clear(&mut self) {
        self.files.clear();
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

/// The nearest configuration file in the document's directory or above it.
fn nearest(document: &Path) -> Option<PathBuf> {
    document
        .parent()?
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}
