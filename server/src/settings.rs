//! The rule levels a document is checked with: the editor's `privlint.rules` setting, then the
//! nearest `privlint.toml`, which wins (a project's configuration is shared by the team and CI;
//! the editor's is one person's). And the declaration of several files (`[[declarations]]`) a
//! document belongs to. Configurations are found, trusted or not, and their declarations'
//! files found, by privlint-files, as on the command line; this keeps them between requests and
//! collects what to tell the person.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use privlint_core::lang::{Language, T};
use privlint_core::language_choice::LanguageChoice;
use privlint_core::{Level, Settings};
use privlint_files::{Configs, Loaded, MemberChange};
use tower_lsp_server::ls_types::Uri;

/// A `[[declarations]]` entry: its configuration file and its index there.
pub type DeclarationKey = (PathBuf, usize);

#[derive(Default)]
pub struct Configurations {
    configs: Configs,
    editor: Settings,
    /// Problems to tell the person about (an invalid privlint.toml, a file not read).
    problems: Vec<String>,
    /// The problems told since the configurations were last read, each told once.
    said: HashSet<String>,
    /// The editor's `privlint.language` (`initializationOptions.language`).
    editor_language: Option<Language>,
    /// The client's `locale` from `initialize`.
    client_locale: Option<String>,
}

/// Before a configuration's mistakes when it is not used.
const CONFIG_IGNORED: T = T {
    nb: "ugyldig konfigurasjon, ikke brukt",
    nn: "ugyldig konfigurasjon, ikkje brukt",
    en: "invalid configuration, ignored",
};

impl Configurations {
    pub fn settings_for(&mut self, uri: &Uri) -> Settings {
        let mut settings = self.editor.clone();
        let path = uri.to_file_path().map(|p| p.into_owned());
        let loaded = path.as_deref().and_then(|p| self.loaded(p));
        if let Some(loaded) = &loaded {
            settings
                .levels
                .extend(loaded.config.settings.levels.clone());
        }
        // The findings are written in this language. The declaration's notice languages, the
        // last step of the choice, are known only after the check; they are not asked here.
        settings.language = self.language(loaded.and_then(|l| l.config.language), None);
        settings
    }

    /// The configuration of a file, if there is one that can be used. An invalid one is
    /// ignored, and said; so are mistakes in its `[[declarations]]` (the files are grouped as
    /// well as they can be, a file two entries match going to the first).
    fn loaded(&mut self, file: &Path) -> Option<Arc<Loaded>> {
        let found = self.configs.for_file(file);
        for notice in self.configs.take_notices() {
            self.problem(notice);
        }
        match found {
            Ok(Some(loaded)) => {
                for mistake in loaded.mistakes.iter().flat_map(|m| m.iter()) {
                    self.problem(mistake.clone());
                }
                Some(loaded)
            }
            Ok(None) => None,
            Err(failure) => {
                // The configuration cannot say its language: the editor's is used.
                let ignored = CONFIG_IGNORED.get(self.language(None, None));
                for line in failure.iter() {
                    self.problem(format!("{ignored}: {line}"));
                }
                None
            }
        }
    }

    /// The declaration of several files the document belongs to, and that declaration's
    /// files (absolute, in path order): `None` for a file outside every `[[declarations]]`
    /// entry, which is a declaration of its own. The files its globs match that are not read
    /// (a FIFO, a link out of the configuration's directory) are said.
    pub fn declaration_of(&mut self, uri: &Uri) -> Option<(DeclarationKey, Vec<PathBuf>)> {
        let path = privlint_files::absolute(&uri.to_file_path()?);
        let loaded = self.loaded(&path)?;
        let entry = loaded.declaration_of(&path)?;
        for (_, refused) in loaded.refused.iter().filter(|(e, _)| *e == entry) {
            self.problem(privlint_files::not_checked(refused));
        }
        Some((
            (loaded.path.clone(), entry),
            loaded.declarations[entry].clone(),
        ))
    }

    /// See [`privlint_files::Configs::declarations_dir`].
    pub fn declarations_dir(&mut self, file: &Path) -> Option<PathBuf> {
        self.configs.declarations_dir(file)
    }

    /// See [`privlint_files::Configs::update_members`].
    pub fn update_members(&mut self, found: &[(PathBuf, bool)]) -> Vec<MemberChange> {
        self.configs.update_members(found)
    }

    /// Forgets the configuration files read, and the files of their declarations, so that the
    /// next check reads them again (privlint.toml changed, or a `.privacy` file was created or
    /// deleted).
    pub fn clear(&mut self) {
        self.configs = Configs::default();
        self.said.clear();
    }

    /// Something to tell the person, once.
    pub fn problem(&mut self, message: String) {
        if self.said.insert(message.clone()) {
            self.problems.push(message);
        }
    }

    pub fn take_problem(&mut self) -> Option<String> {
        let problems = std::mem::take(&mut self.problems);
        (!problems.is_empty()).then(|| problems.join("\n"))
    }

    /// Keeps what the editor says of the language at `initialize`: its setting (`nb`, `nn` or
    /// `en`; anything else is not a choice) and its locale.
    pub fn set_editor_language(&mut self, setting: Option<&str>, locale: Option<&str>) {
        self.editor_language = setting.and_then(Language::from_tag);
        self.client_locale = locale.map(str::to_string);
    }

    /// The language to speak about a document (see [`LanguageChoice`]; there is no `--lang`
    /// in the editor): its configuration's `language`, the editor's setting, the client's
    /// locale, the first of the declaration's notice languages.
    pub fn language(
        &self,
        config: Option<Language>,
        first_notice_language: Option<&str>,
    ) -> Language {
        LanguageChoice {
            flag: None,
            config,
            editor: self.editor_language,
            client_locale: self.client_locale.as_deref(),
            first_notice_language,
        }
        .resolve()
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
