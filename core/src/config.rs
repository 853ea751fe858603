//! `privlint.toml`: the level of each rule, and which files a directory search checks.
//!
//! ```toml
//! include = ["**/*.privacy"]          # default
//! exclude = ["drafts/**"]
//! language = "nn"                    # privlint speaks Nynorsk (see language_choice)
//!
//! [rules]
//! missing-dpo = "off"
//! unneeded-safeguard = "warning"
//!
//! [[declarations]]                   # files that are one declaration (language.md §7)
//! name = "fjordbanken"
//! files = ["privacy/**/*.privacy"]
//! ```
//!
//! Parsed from text here; finding the file (walking up from each checked file) is the caller's
//! business. Anything unknown is an error with the nearest valid name: a misspelt rule that is
//! silently ignored would let a pipeline pass that should fail.

use toml::de::{DeTable, DeValue};

use crate::lang::{Language, T};
use crate::language_choice::LanguageChoice;
use crate::text::{ColumnUnit, LineIndex, Span, visible};
use crate::{Level, Settings, rules, suggest};

/// The name privlint looks for.
pub const FILE_NAME: &str = "privlint.toml";

const KEYS: &[&str] = &["include", "exclude", "rules", "declarations", "language"];
const DECLARATION_KEYS: &[&str] = &["name", "files"];
const LEVELS: &[&str] = &["error", "warning", "info", "off"];

/// A parsed `privlint.toml`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub settings: Settings,
    /// Globs, relative to the configuration's directory, of the files a directory search
    /// checks; empty means every `.privacy` file.
    pub include: Vec<String>,
    /// Globs of files a directory search skips.
    pub exclude: Vec<String>,
    /// Groups of files that are one declaration each.
    pub declarations: Vec<DeclarationEntry>,
    /// `language = "nn"`: the language privlint speaks (see [`LanguageChoice`]).
    pub language: Option<Language>,
}

/// A `[[declarations]]` entry: a name and the globs (relative to the configuration's
/// directory) of the files that together are one declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct DeclarationEntry {
    pub name: String,
    pub files: Vec<String>,
    /// The entry in the configuration file, for messages.
    pub span: Span,
}

/// A mistake in the configuration, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub span: Span,
    pub message: String,
}

/// What a reading of the configuration needs besides the text: the language of its messages
/// and where its mistakes go.
struct Reading {
    language: Language,
    errors: Vec<ConfigError>,
}

impl Reading {
    fn error(&mut self, span: Span, message: String) {
        self.errors.push(ConfigError { span, message });
    }
}

impl Config {
    /// Reads a configuration; every mistake is reported, not just the first. The messages are
    /// in `flag` (`--lang`) when given, else in the file's own `language`, else in English:
    /// they come before any declaration is read. They quote the file's keys and values with
    /// control characters made visible: the file may come from anyone, and the messages go to
    /// a terminal or a CI log.
    pub fn parse(text: &str, flag: Option<Language>) -> Result<Config, Vec<ConfigError>> {
        Self::read(text, flag).map_err(|mut errors| {
            for error in &mut errors {
                error.message = visible(&error.message).into_owned();
            }
            // In the order of the file, as a person reads it (TOML tables come in key order).
            errors.sort_by_key(|e| e.span.start);
            errors
        })
    }

    /// The language of this configuration's messages: `flag` (`--lang`), else its own.
    pub fn message_language(&self, flag: Option<Language>) -> Language {
        LanguageChoice {
            flag,
            config: self.language,
            ..LanguageChoice::default()
        }
        .resolve()
    }

    fn read(text: &str, flag: Option<Language>) -> Result<Config, Vec<ConfigError>> {
        let table = DeTable::parse(text).map_err(|error| {
            let span = error
                .span()
                .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
            vec![ConfigError {
                span,
                message: error.message().trim().to_string(),
            }]
        })?;
        let mut config = Config::default();
        // The language first: the messages about the rest are in it.
        let mut reading = Reading {
            language: flag.unwrap_or(Language::English),
            errors: Vec::new(),
        };
        if let Some((_, value)) = table
            .get_ref()
            .iter()
            .find(|(k, _)| k.get_ref() == "language")
        {
            config.language = language(text, value, &mut reading);
        }
        reading.language = config.message_language(flag);
        for (key, value) in table.get_ref() {
            let key_span = span(key.span());
            match key.get_ref().as_ref() {
                "rules" => config.rules(value, &mut reading),
                "include" => config.include = globs(value, "include", &mut reading),
                "exclude" => config.exclude = globs(value, "exclude", &mut reading),
                "declarations" => config.declarations = declarations(value, &mut reading),
                "language" => {}
                other => {
                    let message = unknown(other, KEYS, UNKNOWN_KEY, reading.language);
                    reading.error(key_span, message);
                }
            }
        }
        if reading.errors.is_empty() {
            Ok(config)
        } else {
            Err(reading.errors)
        }
    }

    fn rules(&mut self, value: &toml::Spanned<DeValue>, reading: &mut Reading) {
        let language = reading.language;
        let Some(table) = value.get_ref().as_table() else {
            reading.error(span(value.span()), RULES_TABLE.get(language).into());
            return;
        };
        for (name, level) in table {
            let rule = name.get_ref().as_ref();
            if rules::find(rule).is_none() {
                let message = match rules::suggest(rule) {
                    Some(near) => fill(
                        UNKNOWN_RULE_NEAR,
                        language,
                        &[("rule", rule), ("near", near)],
                    ),
                    None => fill(UNKNOWN_RULE, language, &[("rule", rule)]),
                };
                reading.error(span(name.span()), message);
                continue;
            }
            match level.get_ref().as_str().and_then(Level::parse) {
                Some(parsed) => {
                    self.settings.levels.insert(rule.to_string(), parsed);
                }
                None => {
                    let written = match level.get_ref().as_str() {
                        Some(word) => format!("`{word}`"),
                        None => kind(level.get_ref()).get(language).to_string(),
                    };
                    let near = level
                        .get_ref()
                        .as_str()
                        .and_then(|w| suggest::nearest(w, LEVELS.iter().copied()))
                        .map(|n| format!(" {}", fill(NEAR_LEVEL, language, &[("level", n)])))
                        .unwrap_or_default();
                    let message = fill(
                        NOT_A_LEVEL,
                        language,
                        &[("written", &written), ("rule", rule), ("near", &near)],
                    );
                    reading.error(span(level.span()), message);
                }
            }
        }
    }
}

/// `language = "nn"`: one of privlint's languages, by its tag.
fn language(text: &str, value: &toml::Spanned<DeValue>, reading: &mut Reading) -> Option<Language> {
    let found = value.get_ref().as_str().and_then(Language::from_tag);
    if found.is_none() {
        let written = value
            .get_ref()
            .as_str()
            .unwrap_or(&text[value.span()])
            .to_string();
        let message = fill(NOT_A_LANGUAGE, reading.language, &[("value", &written)]);
        reading.error(span(value.span()), message);
    }
    found
}

/// A value that is not a text, as a message names it ("an integer").
fn kind(value: &DeValue) -> T {
    match value.type_str() {
        "integer" => T {
            nb: "et heltall",
            nn: "eit heiltal",
            en: "an integer",
        },
        "float" => T {
            nb: "et desimaltall",
            nn: "eit desimaltal",
            en: "a float",
        },
        "boolean" => T {
            nb: "en sannhetsverdi",
            nn: "ein sanningsverdi",
            en: "a boolean",
        },
        "datetime" => T {
            nb: "et tidspunkt",
            nn: "eit tidspunkt",
            en: "a datetime",
        },
        "array" => T {
            nb: "en liste",
            nn: "ei liste",
            en: "an array",
        },
        "table" => T {
            nb: "en tabell",
            nn: "ein tabell",
            en: "a table",
        },
        _ => T {
            nb: "en tekst",
            nn: "ein tekst",
            en: "a string",
        },
    }
}

fn globs(value: &toml::Spanned<DeValue>, key: &str, reading: &mut Reading) -> Vec<String> {
    let strings = value.get_ref().as_array().and_then(|items| {
        items
            .iter()
            .map(|item| item.get_ref().as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
    });
    strings.unwrap_or_else(|| {
        let message = fill(GLOB_LIST, reading.language, &[("key", key)]);
        reading.error(span(value.span()), message);
        Vec::new()
    })
}

/// How the files under a configuration's directory fall into its `[[declarations]]` entries.
#[derive(Debug, Default, PartialEq)]
pub struct Grouping {
    /// For each entry, the indices (into the files given) of its files, in the order given.
    pub members: Vec<Vec<usize>>,
    /// Files that two entries match: (file, first entry, second entry). A file goes to the
    /// first; the command line refuses the configuration.
    pub in_two: Vec<(usize, usize, usize)>,
    /// Globs that cannot be used: (entry, the mistake).
    pub bad_globs: Vec<(usize, BadGlob)>,
}

/// A glob in `include`, `exclude` or `files` that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadGlob {
    /// Not a glob: the glob, and what is wrong with it (globset's words).
    Invalid { glob: String, reason: String },
    /// A glob too large to compile: the key it is under, and the glob, or `None` when it is
    /// the globs of the key together that are too many.
    TooLarge {
        key: &'static str,
        glob: Option<String>,
    },
}

impl BadGlob {
    /// What is wrong, in `language`, the glob quoted by its beginning.
    pub fn say(&self, language: Language) -> String {
        match self {
            BadGlob::Invalid { glob, reason } => fill(
                INVALID_GLOB,
                language,
                &[("glob", &brief(glob)), ("reason", reason)],
            ),
            BadGlob::TooLarge {
                key,
                glob: Some(glob),
            } => fill(
                GLOB_TOO_LARGE,
                language,
                &[("glob", &brief(glob)), ("key", key)],
            ),
            BadGlob::TooLarge { key, glob: None } => {
                fill(GLOBS_TOO_MANY, language, &[("key", key)])
            }
        }
    }
}

/// A glob as privlint reads globs: `*` and `?` do not cross `/`.
pub fn compile_glob(glob: &str) -> Result<globset::Glob, BadGlob> {
    globset::GlobBuilder::new(glob)
        .literal_separator(true)
        .build()
        .map_err(|e| BadGlob::Invalid {
            glob: glob.to_string(),
            reason: e.kind().to_string(),
        })
}

/// A mistake in how files fall into `[[declarations]]` entries, for a message: the line of the
/// configuration it is on, when it is on one, and what to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupingMistake {
    pub line: Option<usize>,
    pub message: String,
}

impl Grouping {
    /// The mistakes of this grouping in `language`, for the command line and the playground
    /// alike: a glob that cannot be used, a file two entries match, an entry that matches no
    /// file. `config` and `text` are the configuration it was made from; `file` names a file
    /// by its index among those grouped, as the message shows it.
    pub fn mistakes(
        &self,
        config: &Config,
        text: &str,
        file: impl Fn(usize) -> String,
        language: Language,
    ) -> Vec<GroupingMistake> {
        let index = LineIndex::new(text);
        let line = |entry: usize| {
            let start = config.declarations[entry].span.start;
            index.position(text, start, ColumnUnit::Char).line + 1
        };
        let mut mistakes = Vec::new();
        for (entry, bad) in &self.bad_globs {
            mistakes.push(GroupingMistake {
                line: Some(line(*entry)),
                message: bad.say(language),
            });
        }
        for &(member, first, second) in &self.in_two {
            let (a, b) = (&config.declarations[first], &config.declarations[second]);
            let message = fill(
                IN_TWO,
                language,
                &[
                    ("file", &file(member)),
                    ("first", &a.name),
                    ("first_line", &line(first).to_string()),
                    ("second", &b.name),
                    ("second_line", &line(second).to_string()),
                ],
            );
            mistakes.push(GroupingMistake {
                line: None,
                message,
            });
        }
        for (entry, members) in self.members.iter().enumerate() {
            if members.is_empty() {
                let declaration = &config.declarations[entry];
                let globs = declaration
                    .files
                    .iter()
                    .map(|g| format!("\"{}\"", brief(g)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let message = fill(
                    MATCHES_NO_FILE,
                    language,
                    &[("name", &declaration.name), ("globs", &globs)],
                );
                mistakes.push(GroupingMistake {
                    line: Some(line(entry)),
                    message,
                });
            }
        }
        mistakes
    }
}

/// A glob as quoted in a message: its first 60 characters.
fn brief(glob: &str) -> String {
    match glob.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &glob[..end]),
        None => glob.to_string(),
    }
}

impl Config {
    /// Groups files — their paths relative to the configuration's directory — by the
    /// `[[declarations]]` entry whose globs match them. A glob matches a file or a directory it
    /// is in, as `include` and `exclude` do. The one place this is decided, for the command
    /// line and the language server alike.
    pub fn group(&self, files: &[&std::path::Path]) -> Grouping {
        let mut grouping = Grouping {
            members: vec![Vec::new(); self.declarations.len()],
            ..Grouping::default()
        };
        let mut globs = Globs::default();
        for (entry, declaration) in self.declarations.iter().enumerate() {
            for pattern in &declaration.files {
                if let Err(error) = globs.add(entry, pattern) {
                    grouping.bad_globs.push((entry, error));
                }
            }
        }
        for (index, file) in files.iter().enumerate() {
            let mut matching: Vec<usize> = Vec::new();
            for path in file.ancestors().take_while(|p| !p.as_os_str().is_empty()) {
                globs.matching(path, &mut matching, &mut grouping.bad_globs);
            }
            matching.sort_unstable();
            matching.dedup();
            if let [first, second, ..] = matching[..] {
                grouping.in_two.push((index, first, second));
            }
            if let Some(&first) = matching.first() {
                grouping.members[first].push(index);
            }
        }
        grouping
    }
}

/// The globs of every `[[declarations]]` entry, looked up so that grouping costs about the
/// same per file however many entries there are. A glob without wildcards is looked up by its
/// text. Any other is found through its literal beginning (`systems/s1.` of `systems/s1.*`),
/// and only then matched. One whose wildcards are only `*` and `?` is matched by
/// [`wildcards_match`]; the rest are compiled by globset, once each and only for globs a file
/// could match, rather than as one set of them all, which for 100,000 globs took 35 s and
/// 1.4 GB to build. Compiling every glob cost 47 µs and 18 KB each (100,000 entries `s<i>.*`:
/// 5.9 s, 1.8 GB).
#[derive(Default)]
struct Globs {
    /// Entries by the path their literal glob names.
    literal: std::collections::HashMap<Vec<u8>, Vec<usize>>,
    /// Globs with wildcards: the entry and how its glob is matched.
    patterns: Vec<(usize, Pattern)>,
    /// Globs with wildcards by their literal beginning.
    by_start: std::collections::HashMap<Vec<u8>, Vec<usize>>,
    /// The lengths of those beginnings.
    start_lengths: std::collections::BTreeSet<usize>,
}

enum Pattern {
    /// A glob whose only wildcards are `*` and `?` (no `**`), as its bytes.
    Wildcards(Box<[u8]>),
    /// Any other glob, and its matcher once compiled.
    Compiled(globset::Glob, std::cell::OnceCell<Option<globset::GlobSet>>),
}

impl Globs {
    fn add(&mut self, entry: usize, pattern: &str) -> Result<(), BadGlob> {
        let wild = |c: char| matches!(c, '*' | '?' | '[' | ']' | '{' | '}' | '\\');
        let Some(start) = pattern.find(wild) else {
            self.literal
                .entry(pattern.as_bytes().to_vec())
                .or_default()
                .push(entry);
            return Ok(());
        };
        let matched = if pattern.contains(['[', ']', '{', '}', '\\']) || pattern.contains("**") {
            Pattern::Compiled(compile_glob(pattern)?, std::cell::OnceCell::new())
        } else {
            Pattern::Wildcards(pattern.as_bytes().into())
        };
        let start = pattern.as_bytes()[..start].to_vec();
        self.start_lengths.insert(start.len());
        self.by_start
            .entry(start)
            .or_default()
            .push(self.patterns.len());
        self.patterns.push((entry, matched));
        Ok(())
    }

    /// Adds to `entries` the entries a glob of which matches `path`. A glob too large to
    /// compile is said in `bad`, once.
    fn matching(
        &self,
        path: &std::path::Path,
        entries: &mut Vec<usize>,
        bad: &mut Vec<(usize, BadGlob)>,
    ) {
        let bytes = path.as_os_str().as_encoded_bytes();
        if let Some(found) = self.literal.get(bytes) {
            entries.extend(found);
        }
        for &length in self.start_lengths.range(..=bytes.len()) {
            let Some(candidates) = self.by_start.get(&bytes[..length]) else {
                continue;
            };
            for &index in candidates {
                let (entry, pattern) = &self.patterns[index];
                let matches = match pattern {
                    Pattern::Wildcards(pattern) => wildcards_match(pattern, bytes),
                    Pattern::Compiled(glob, matcher) => matcher
                        .get_or_init(|| {
                            let built = globset::GlobSetBuilder::new().add(glob.clone()).build();
                            if built.is_err() {
                                bad.push((
                                    *entry,
                                    BadGlob::TooLarge {
                                        key: "files",
                                        glob: Some(glob.glob().to_string()),
                                    },
                                ));
                            }
                            built.ok()
                        })
                        .as_ref()
                        .is_some_and(|m| m.is_match(path)),
                };
                if matches {
                    entries.push(*entry);
                }
            }
        }
    }
}

/// Whether a glob whose only wildcards are `*` and `?` matches a path as globset matches it
/// with `literal_separator`: `*` is any run of bytes without `/`, `?` one byte other than `/`.
/// Neither crosses a `/`, so the glob and the path match part by part between their slashes.
fn wildcards_match(pattern: &[u8], path: &[u8]) -> bool {
    let mut parts = pattern.split(|&b| b == b'/');
    let mut names = path.split(|&b| b == b'/');
    loop {
        match (parts.next(), names.next()) {
            (None, None) => return true,
            (Some(part), Some(name)) if part_matches(part, name) => {}
            _ => return false,
        }
    }
}

/// One part of [`wildcards_match`]: the usual matching of `*` and `?`, going back to the last
/// `*` and letting it take one byte more when the rest fails.
fn part_matches(part: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut last_star: Option<(usize, usize)> = None;
    while n < name.len() {
        match part.get(p) {
            Some(b'*') => {
                last_star = Some((p, n));
                p += 1;
            }
            Some(&b) if b == b'?' || b == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match last_star {
                Some((star, taken)) => {
                    last_star = Some((star, taken + 1));
                    p = star + 1;
                    n = taken + 1;
                }
                None => return false,
            },
        }
    }
    part[p..].iter().all(|&b| b == b'*')
}

fn declarations(value: &toml::Spanned<DeValue>, reading: &mut Reading) -> Vec<DeclarationEntry> {
    let language = reading.language;
    let Some(items) = value.get_ref().as_array() else {
        reading.error(span(value.span()), DECLARATIONS_FORM.get(language).into());
        return Vec::new();
    };
    let mut entries: Vec<DeclarationEntry> = Vec::new();
    // Looked up by name, not by comparing with every entry before: a configuration of 100,000
    // entries is read in linear time.
    let mut names = std::collections::HashSet::new();
    for item in items {
        let Some(table) = item.get_ref().as_table() else {
            reading.error(span(item.span()), DECLARATIONS_FORM.get(language).into());
            continue;
        };
        let (mut name, mut files) = (None, None);
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "name" => match value.get_ref().as_str() {
                    Some(text) if !text.trim().is_empty() => name = Some(text.to_string()),
                    _ => reading.error(span(value.span()), NAME_IS_TEXT.get(language).into()),
                },
                "files" => files = Some(globs(value, "files", reading)),
                other => {
                    let message =
                        unknown(other, DECLARATION_KEYS, UNKNOWN_DECLARATION_KEY, language);
                    reading.error(span(key.span()), message);
                }
            }
        }
        let entry_span = span(item.span());
        match (name, files) {
            (Some(name), Some(files)) => {
                if !names.insert(name.clone()) {
                    reading.error(entry_span, fill(TWO_NAMED, language, &[("name", &name)]));
                }
                if files.is_empty() {
                    reading.error(entry_span, fill(NO_FILES, language, &[("name", &name)]));
                }
                entries.push(DeclarationEntry {
                    name,
                    files,
                    span: entry_span,
                });
            }
            (name, files) => {
                let missing = match (name.is_none(), files.is_none()) {
                    (true, true) => NEEDS_NAME_AND_FILES,
                    (true, false) => NEEDS_NAME,
                    _ => NEEDS_FILES,
                };
                reading.error(entry_span, missing.get(language).into());
            }
        }
    }
    entries
}

/// An unknown key: the nearest known one, or all of them. `phrases` are the message with and
/// without the nearest key.
fn unknown(name: &str, valid: &[&str], phrases: (T, T), language: Language) -> String {
    match suggest::nearest(name, valid.iter().copied()) {
        Some(near) => fill(phrases.0, language, &[("name", name), ("near", near)]),
        None => fill(
            phrases.1,
            language,
            &[("name", name), ("keys", &valid.join(", "))],
        ),
    }
}

/// A phrase in `language` with its `{placeholders}` filled in.
fn fill(phrase: T, language: Language, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(phrase.get(language).to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

// The messages, each in Bokmål, Nynorsk and English.

const NOT_A_LANGUAGE: T = T {
    nb: "`{value}` er ikke et språk privlint kan: bruk \"nb\" (bokmål), \"nn\" (nynorsk) eller \"en\" (engelsk)",
    nn: "`{value}` er ikkje eit språk privlint kan: bruk \"nb\" (bokmål), \"nn\" (nynorsk) eller \"en\" (engelsk)",
    en: "`{value}` is not a language privlint speaks: use \"nb\" (Bokmål), \"nn\" (Nynorsk) or \"en\" (English)",
};
const UNKNOWN_KEY: (T, T) = (
    T {
        nb: "ukjent nøkkel `{name}`; mente du `{near}`?",
        nn: "ukjend nøkkel `{name}`; meinte du `{near}`?",
        en: "unknown key `{name}`; did you mean `{near}`?",
    },
    T {
        nb: "ukjent nøkkel `{name}`: nøklene er {keys}",
        nn: "ukjend nøkkel `{name}`: nøklane er {keys}",
        en: "unknown key `{name}`: the keys are {keys}",
    },
);
const UNKNOWN_DECLARATION_KEY: (T, T) = (
    T {
        nb: "ukjent nøkkel `{name}` i en erklæring; mente du `{near}`?",
        nn: "ukjend nøkkel `{name}` i ei erklæring; meinte du `{near}`?",
        en: "unknown key of a declaration `{name}`; did you mean `{near}`?",
    },
    T {
        nb: "ukjent nøkkel `{name}` i en erklæring: nøklene er {keys}",
        nn: "ukjend nøkkel `{name}` i ei erklæring: nøklane er {keys}",
        en: "unknown key of a declaration `{name}`: the keys are {keys}",
    },
);
const RULES_TABLE: T = T {
    nb: "`rules` er en tabell med regelnavn og nivåer: `[rules]` og så `missing-dpo = \"off\"`",
    nn: "`rules` er ein tabell med regelnamn og nivå: `[rules]` og så `missing-dpo = \"off\"`",
    en: "`rules` is a table of rule names and levels: `[rules]` then `missing-dpo = \"off\"`",
};
const UNKNOWN_RULE_NEAR: T = T {
    nb: "ukjent regel `{rule}`; mente du `{near}`? (`privlint rules` viser alle)",
    nn: "ukjend regel `{rule}`; meinte du `{near}`? (`privlint rules` viser alle)",
    en: "unknown rule `{rule}`; did you mean `{near}`? (`privlint rules` lists them)",
};
const UNKNOWN_RULE: T = T {
    nb: "ukjent regel `{rule}` (`privlint rules` viser alle)",
    nn: "ukjend regel `{rule}` (`privlint rules` viser alle)",
    en: "unknown rule `{rule}` (`privlint rules` lists them)",
};
const NOT_A_LEVEL: T = T {
    nb: "{written} er ikke et nivå for `{rule}`{near}: bruk \"error\", \"warning\", \"info\" eller \"off\"",
    nn: "{written} er ikkje eit nivå for `{rule}`{near}: bruk \"error\", \"warning\", \"info\" eller \"off\"",
    en: "{written} is not a level for `{rule}`{near}: use \"error\", \"warning\", \"info\" or \"off\"",
};
const NEAR_LEVEL: T = T {
    nb: "(mente du \"{level}\"?)",
    nn: "(meinte du \"{level}\"?)",
    en: "(did you mean \"{level}\"?)",
};
const GLOB_LIST: T = T {
    nb: "`{key}` er en liste med glob-mønstre: `{key} = [\"drafts/**\"]`",
    nn: "`{key}` er ei liste med glob-mønster: `{key} = [\"drafts/**\"]`",
    en: "`{key}` is a list of globs: `{key} = [\"drafts/**\"]`",
};
const DECLARATIONS_FORM: T = T {
    nb: "`declarations` er en liste med tabeller, hver `[[declarations]]` med `name = \"…\"` og `files = [\"globs\"]`",
    nn: "`declarations` er ei liste med tabellar, kvar `[[declarations]]` med `name = \"…\"` og `files = [\"globs\"]`",
    en: "`declarations` is a list of tables, each `[[declarations]]` with `name = \"…\"` and `files = [\"globs\"]`",
};
const NAME_IS_TEXT: T = T {
    nb: "`name` i en erklæring er en tekst: `name = \"fjordbanken\"`",
    nn: "`name` i ei erklæring er ein tekst: `name = \"fjordbanken\"`",
    en: "the `name` of a declaration is a text: `name = \"fjordbanken\"`",
};
const TWO_NAMED: T = T {
    nb: "to erklæringer heter `{name}`: gi hver sitt eget navn",
    nn: "to erklæringar heiter `{name}`: gi kvar sitt eige namn",
    en: "two declarations are named `{name}`: give each its own name",
};
const NO_FILES: T = T {
    nb: "erklæringen `{name}` har ingen filer: `files = [\"privacy/**/*.privacy\"]`",
    nn: "erklæringa `{name}` har ingen filer: `files = [\"privacy/**/*.privacy\"]`",
    en: "the declaration `{name}` lists no files: `files = [\"privacy/**/*.privacy\"]`",
};
const NEEDS_NAME_AND_FILES: T = T {
    nb: "en erklæring trenger `name` og `files`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
    nn: "ei erklæring treng `name` og `files`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
    en: "a declaration needs a `name` and `files`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
};
const NEEDS_NAME: T = T {
    nb: "en erklæring trenger `name`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
    nn: "ei erklæring treng `name`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
    en: "a declaration needs a `name`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
};
const NEEDS_FILES: T = T {
    nb: "en erklæring trenger `files`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
    nn: "ei erklæring treng `files`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
    en: "a declaration needs `files`: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
};
const INVALID_GLOB: T = T {
    nb: "ugyldig glob-mønster `{glob}`: {reason}",
    nn: "ugyldig glob-mønster `{glob}`: {reason}",
    en: "invalid glob `{glob}`: {reason}",
};
const GLOB_TOO_LARGE: T = T {
    nb: "glob-mønsteret `{glob}` i `{key}` er for stort til å brukes",
    nn: "glob-mønsteret `{glob}` i `{key}` er for stort til å brukast",
    en: "the glob `{glob}` in `{key}` is too large to use",
};
const GLOBS_TOO_MANY: T = T {
    nb: "det er for mange glob-mønstre i `{key}` til å bruke dem sammen",
    nn: "det er for mange glob-mønster i `{key}` til å bruke dei saman",
    en: "the globs in `{key}` are too many to use together",
};
const IN_TWO: T = T {
    nb: "{file} er med i to erklæringer, `{first}` (linje {first_line}) og `{second}` (linje {second_line}): en fil hører til én erklæring, så gjør `files` i dem snevrere",
    nn: "{file} er med i to erklæringar, `{first}` (linje {first_line}) og `{second}` (linje {second_line}): ei fil høyrer til éi erklæring, så gjer `files` i dei smalare",
    en: "{file} is in two declarations, `{first}` (line {first_line}) and `{second}` (line {second_line}): a file belongs to one declaration, so narrow their `files`",
};
const MATCHES_NO_FILE: T = T {
    nb: "erklæringen `{name}` treffer ingen .privacy-fil: `files` ({globs}) er glob-mønstre som gjelder fra mappen der privlint.toml ligger",
    nn: "erklæringa `{name}` treffer inga .privacy-fil: `files` ({globs}) er glob-mønster som gjeld frå mappa der privlint.toml ligg",
    en: "the declaration `{name}` matches no .privacy file: its `files` ({globs}) are globs relative to the directory of privlint.toml",
};

/// Every message above, by name, for the tests.
#[cfg(test)]
const MESSAGES: &[(&str, T)] = &[
    ("NOT_A_LANGUAGE", NOT_A_LANGUAGE),
    ("UNKNOWN_KEY.0", UNKNOWN_KEY.0),
    ("UNKNOWN_KEY.1", UNKNOWN_KEY.1),
    ("UNKNOWN_DECLARATION_KEY.0", UNKNOWN_DECLARATION_KEY.0),
    ("UNKNOWN_DECLARATION_KEY.1", UNKNOWN_DECLARATION_KEY.1),
    ("RULES_TABLE", RULES_TABLE),
    ("UNKNOWN_RULE_NEAR", UNKNOWN_RULE_NEAR),
    ("UNKNOWN_RULE", UNKNOWN_RULE),
    ("NOT_A_LEVEL", NOT_A_LEVEL),
    ("NEAR_LEVEL", NEAR_LEVEL),
    ("GLOB_LIST", GLOB_LIST),
    ("DECLARATIONS_FORM", DECLARATIONS_FORM),
    ("NAME_IS_TEXT", NAME_IS_TEXT),
    ("TWO_NAMED", TWO_NAMED),
    ("NO_FILES", NO_FILES),
    ("NEEDS_NAME_AND_FILES", NEEDS_NAME_AND_FILES),
    ("NEEDS_NAME", NEEDS_NAME),
    ("NEEDS_FILES", NEEDS_FILES),
    ("INVALID_GLOB", INVALID_GLOB),
    ("GLOB_TOO_LARGE", GLOB_TOO_LARGE),
    ("GLOBS_TOO_MANY", GLOBS_TOO_MANY),
    ("IN_TWO", IN_TWO),
    ("MATCHES_NO_FILE", MATCHES_NO_FILE),
];

fn span(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    #[test]
    fn reads_levels_and_globs() {
        let config = Config::parse(
            "include = [\"**/*.privacy\"]\nexclude = [\"drafts/**\"]\n[rules]\nmissing-dpo = \"off\"\nunneeded-safeguard = \"warning\"\n", None,
        )
        .unwrap();
        assert_eq!(config.settings.levels["missing-dpo"], Level::Off);
        assert_eq!(
            config.settings.levels["unneeded-safeguard"],
            Level::On(Severity::Warning)
        );
        assert_eq!(config.exclude, vec!["drafts/**"]);
        assert_eq!(Config::parse("", None).unwrap(), Config::default());
    }

    fn errors(text: &str) -> Vec<(usize, String)> {
        Config::parse(text, None)
            .unwrap_err()
            .into_iter()
            .map(|e| (text[..e.span.start].matches('\n').count() + 1, e.message))
            .collect()
    }

    #[test]
    fn unknown_rules_and_keys_get_the_nearest_name() {
        let found = errors("[rules]\nmissing-dpo = \"off\"\nmissing-dpoo = \"off\"\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 3);
        assert!(
            found[0].1.contains("did you mean `missing-dpo`"),
            "{}",
            found[0].1
        );
        let found = errors("exclud = []\n");
        assert!(
            found[0].1.contains("did you mean `exclude`"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn bad_levels_and_bad_toml_are_located() {
        let found = errors("[rules]\n\nmissing-dpo = \"of\"\nmissing-retention = 3\n");
        assert_eq!(found.iter().map(|e| e.0).collect::<Vec<_>>(), vec![3, 4]);
        assert!(
            found[0].1.contains("did you mean \"off\""),
            "{}",
            found[0].1
        );
        let found = errors("[rules\n");
        assert_eq!(found[0].0, 1);
        let found = errors("include = \"*.privacy\"\n");
        assert!(found[0].1.contains("list of globs"));
    }

    #[test]
    fn files_are_grouped_by_the_first_entry_that_matches() {
        let config = Config::parse(
            "[[declarations]]\nname = \"a\"\nfiles = [\"org.privacy\", \"systems\"]\n[[declarations]]\nname = \"b\"\nfiles = [\"systems/x.privacy\", \"other/*.privacy\"]\n", None,
        )
        .unwrap();
        let files = [
            "org.privacy",
            "systems/x.privacy",
            "systems/deep/y.privacy",
            "other/z.privacy",
            "lone.privacy",
        ];
        let paths: Vec<&std::path::Path> = files.iter().map(std::path::Path::new).collect();
        let grouping = config.group(&paths);
        assert_eq!(grouping.members, vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(grouping.in_two, vec![(1, 0, 1)]);
        assert!(grouping.bad_globs.is_empty());
    }

    #[test]
    fn globs_with_wildcards_anywhere_group_as_globset_matches_them() {
        let config = Config::parse(
            "[[declarations]]\nname = \"a\"\nfiles = [\"**/x.privacy\"]\n[[declarations]]\nname = \"b\"\nfiles = [\"t/{c,d}/*.privacy\", \"t/e\", \"t/[g]?\"]\n", None,
        )
        .unwrap();
        let files = [
            "x.privacy",
            "deep/er/x.privacy",
            "t/c/y.privacy",
            "t/d/z.privacy",
            "t/e/f/g.privacy",
            "t/f/y.privacy",
            "t/c/deeper/y.privacy",
            "t/gh/i.privacy",
        ];
        let paths: Vec<&std::path::Path> = files.iter().map(std::path::Path::new).collect();
        let grouping = config.group(&paths);
        assert_eq!(grouping.members, vec![vec![0, 1], vec![2, 3, 4, 7]]);
        assert!(grouping.in_two.is_empty() && grouping.bad_globs.is_empty());
        let bad = Config::parse(
            "[[declarations]]\nname = \"a\"\nfiles = [\"a/[z-a]\"]\n",
            None,
        )
        .unwrap()
        .group(&paths);
        assert_eq!(bad.bad_globs.len(), 1, "{bad:?}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(4096)
        ))]

        /// Globs of `*` and `?` are matched without globset, and must match as globset does.
        #[test]
        fn wildcards_match_as_globset_matches(
            pattern in "[ab/.*?é]{0,8}",
            path in "[ab/.é]{0,8}",
        ) {
            let path = std::path::Path::new(&path);
            let globset = globset::GlobBuilder::new(&pattern)
                .literal_separator(true)
                .build()
                .unwrap()
                .compile_matcher()
                .is_match(path);
            let mut globs = Globs::default();
            globs.add(0, &pattern).unwrap();
            let mut entries = Vec::new();
            globs.matching(path, &mut entries, &mut Vec::new());
            proptest::prop_assert_eq!(!entries.is_empty(), globset, "{} on {:?}", pattern, path);
        }
    }

    #[test]
    fn reads_declarations_and_locates_their_mistakes() {
        let config = Config::parse(
            "[[declarations]]\nname = \"bank\"\nfiles = [\"privacy/**/*.privacy\"]\n",
            None,
        )
        .unwrap();
        assert_eq!(config.declarations.len(), 1);
        assert_eq!(config.declarations[0].name, "bank");
        assert_eq!(config.declarations[0].files, vec!["privacy/**/*.privacy"]);
        let found =
            errors("[[declarations]]\nname = \"a\"\n\n[[declarations]]\nname = \"b\"\nfils = []\n");
        let lines: Vec<usize> = found.iter().map(|e| e.0).collect();
        assert!(lines.contains(&1) && lines.contains(&6), "{found:?}");
        assert!(
            found.iter().any(|e| e.1.contains("did you mean `files`")),
            "{found:?}"
        );
        let found = errors(
            "[[declarations]]\nname = \"a\"\nfiles = [\"x\"]\n[[declarations]]\nname = \"a\"\nfiles = [\"y\"]\n",
        );
        assert!(
            found
                .iter()
                .any(|e| e.1.contains("two declarations are named `a`")),
            "{found:?}"
        );
    }

    #[test]
    fn mistakes_come_in_the_order_of_the_file_in_plain_english() {
        let found = errors("[rules]\nzzz = \"off\"\nmissing-dpo = 3\naaa = \"off\"\n");
        assert_eq!(found.iter().map(|e| e.0).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert!(
            found[1].1.starts_with("an integer is not a level"),
            "{}",
            found[1].1
        );
        let found = errors("[rules]\nmissing-dpo = [1]\n");
        assert!(
            found[0].1.starts_with("an array is not a level"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn quoted_keys_cannot_carry_control_characters_into_a_message() {
        let found =
            errors("\"x\\n::error file=a.privacy::INJECTED\\r::add-mask::s\\u001b[2J\" = 1\n");
        assert_eq!(found.len(), 1);
        assert!(
            !found[0].1.contains(['\n', '\r', '\u{1b}']),
            "{}",
            found[0].1
        );
        assert!(found[0].1.contains("x␊::error"), "{}", found[0].1);
    }

    #[test]
    fn reads_the_language_and_locates_a_value_that_is_not_one() {
        let config = Config::parse("language = \"nn\"\n", None).unwrap();
        assert_eq!(config.language, Some(Language::Nn));
        for (text, value) in [
            ("\n\nlanguage = \"no\"\n", "`no`"),
            ("\n\nlanguage = 2\n", "`2`"),
        ] {
            let found = Config::parse(text, None).unwrap_err();
            assert_eq!(found.len(), 1, "{found:?}");
            let at = LineIndex::new(text).position(text, found[0].span.start, ColumnUnit::Char);
            assert_eq!((at.line + 1, at.column + 1), (3, 12), "{text:?}");
            assert!(
                found[0].message.starts_with(&format!(
                    "{value} is not a language privlint speaks: use \"nb\""
                )),
                "{}",
                found[0].message
            );
        }
    }

    #[test]
    fn mistakes_are_told_in_the_files_language_unless_the_flag_says_otherwise() {
        let text =
            "language = \"nn\"\nexclud = []\n[rules]\nmissing-dpoo = \"off\"\nmissing-dpo = 3\n";
        let messages = |flag| -> Vec<String> {
            Config::parse(text, flag)
                .unwrap_err()
                .into_iter()
                .map(|e| e.message)
                .collect()
        };
        assert_eq!(
            messages(None),
            vec![
                "ukjend nøkkel `exclud`; meinte du `exclude`?",
                "ukjend regel `missing-dpoo`; meinte du `missing-dpo`? (`privlint rules` viser alle)",
                "eit heiltal er ikkje eit nivå for `missing-dpo`: bruk \"error\", \"warning\", \"info\" eller \"off\"",
            ]
        );
        assert_eq!(
            messages(Some(Language::Nb))[0],
            "ukjent nøkkel `exclud`; mente du `exclude`?"
        );
        assert_eq!(
            messages(Some(Language::English))[0],
            "unknown key `exclud`; did you mean `exclude`?"
        );
        // A language that is not one: the messages stay in English.
        let found = errors("language = \"se\"\nexclud = []\n");
        assert!(found[1].1.starts_with("unknown key"), "{found:?}");
    }

    #[test]
    fn every_message_has_the_same_placeholders_and_real_nynorsk() {
        let problems: Vec<String> = MESSAGES
            .iter()
            .flat_map(|(name, t)| crate::lang::problems(name, *t))
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn grouping_mistakes_are_said_in_the_language_asked_for() {
        let text = "[[declarations]]\nname = \"a\"\nfiles = [\"x\"]\n[[declarations]]\nname = \"b\"\nfiles = [\"x\"]\n[[declarations]]\nname = \"old\"\nfiles = [\"archive/*.privacy\"]\n";
        let config = Config::parse(text, None).unwrap();
        let grouping = config.group(&[std::path::Path::new("x")]);
        let said = |language| -> Vec<(Option<usize>, String)> {
            grouping
                .mistakes(&config, text, |i| format!("file{i}"), language)
                .into_iter()
                .map(|m| (m.line, m.message))
                .collect()
        };
        assert_eq!(
            said(Language::English),
            vec![
                (None, "file0 is in two declarations, `a` (line 1) and `b` (line 4): a file belongs to one declaration, so narrow their `files`".to_string()),
                (Some(4), "the declaration `b` matches no .privacy file: its `files` (\"x\") are globs relative to the directory of privlint.toml".to_string()),
                (Some(7), "the declaration `old` matches no .privacy file: its `files` (\"archive/*.privacy\") are globs relative to the directory of privlint.toml".to_string()),
            ]
        );
        assert_eq!(
            said(Language::Nn)[2].1,
            "erklæringa `old` treffer inga .privacy-fil: `files` (\"archive/*.privacy\") er glob-mønster som gjeld frå mappa der privlint.toml ligg"
        );
        let text = "[[declarations]]\nname = \"a\"\nfiles = [\"a/[z-a]\"]\n";
        let bad = Config::parse(text, None).unwrap();
        let mistakes = bad
            .group(&[])
            .mistakes(&bad, text, |_| String::new(), Language::Nb);
        let too_large = |glob: Option<&str>| BadGlob::TooLarge {
            key: "exclude",
            glob: glob.map(str::to_string),
        };
        assert_eq!(
            too_large(Some("x/**")).say(Language::Nn),
            "glob-mønsteret `x/**` i `exclude` er for stort til å brukast"
        );
        assert_eq!(
            too_large(None).say(Language::English),
            "the globs in `exclude` are too many to use together"
        );
        assert!(
            mistakes[0]
                .message
                .starts_with("ugyldig glob-mønster `a/[z-a]`: "),
            "{mistakes:?}"
        );
    }
}
