//! `privlint.toml`: the level of each rule, and which files a directory search checks.
//!
//! ```toml
//! include = ["**/*.privacy"]          # default
//! exclude = ["drafts/**"]
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

use crate::text::{Span, visible};
use crate::{Level, Settings, rules, suggest};

/// The name privlint looks for.
pub const FILE_NAME: &str = "privlint.toml";

const KEYS: &[&str] = &["include", "exclude", "rules", "declarations"];
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

impl Config {
    /// Reads a configuration; every mistake is reported, not just the first. Messages quote
    /// the file's keys and values with control characters made visible: the file may come from
    /// anyone, and the messages go to a terminal or a CI log.
    pub fn parse(text: &str) -> Result<Config, Vec<ConfigError>> {
        Self::read(text).map_err(|mut errors| {
            for error in &mut errors {
                error.message = visible(&error.message).into_owned();
            }
            // In the order of the file, as a person reads it (TOML tables come in key order).
            errors.sort_by_key(|e| e.span.start);
            errors
        })
    }

    fn read(text: &str) -> Result<Config, Vec<ConfigError>> {
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
        let mut errors = Vec::new();
        for (key, value) in table.get_ref() {
            let key_span = span(key.span());
            match key.get_ref().as_ref() {
                "rules" => config.rules(value, &mut errors),
                "include" => config.include = globs(value, "include", &mut errors),
                "exclude" => config.exclude = globs(value, "exclude", &mut errors),
                "declarations" => config.declarations = declarations(value, &mut errors),
                other => errors.push(ConfigError {
                    span: key_span,
                    message: unknown(
                        "key",
                        other,
                        suggest::nearest(other, KEYS.iter().copied()),
                        KEYS,
                    ),
                }),
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    fn rules(&mut self, value: &toml::Spanned<DeValue>, errors: &mut Vec<ConfigError>) {
        let Some(table) = value.get_ref().as_table() else {
            errors.push(ConfigError {
                span: span(value.span()),
                message: "`rules` is a table of rule names and levels: `[rules]` then `missing-dpo = \"off\"`".into(),
            });
            return;
        };
        for (name, level) in table {
            let rule = name.get_ref().as_ref();
            if rules::find(rule).is_none() {
                let message = match rules::suggest(rule) {
                    Some(near) => format!(
                        "unknown rule `{rule}`; did you mean `{near}`? (`privlint rules` lists them)"
                    ),
                    None => format!("unknown rule `{rule}` (`privlint rules` lists them)"),
                };
                errors.push(ConfigError {
                    span: span(name.span()),
                    message,
                });
                continue;
            }
            match level.get_ref().as_str().and_then(Level::parse) {
                Some(parsed) => {
                    self.settings.levels.insert(rule.to_string(), parsed);
                }
                None => {
                    let written = match level.get_ref().as_str() {
                        Some(word) => format!("`{word}`"),
                        None => {
                            let kind = level.get_ref().type_str();
                            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                                "an"
                            } else {
                                "a"
                            };
                            format!("{article} {kind}")
                        }
                    };
                    let near = level
                        .get_ref()
                        .as_str()
                        .and_then(|w| suggest::nearest(w, LEVELS.iter().copied()));
                    errors.push(ConfigError {
                        span: span(level.span()),
                        message: format!(
                            "{written} is not a level for `{rule}`{}: use \"error\", \"warning\", \"info\" or \"off\"",
                            near.map(|n| format!(" (did you mean \"{n}\"?)")).unwrap_or_default()
                        ),
                    });
                }
            }
        }
    }
}

fn globs(value: &toml::Spanned<DeValue>, key: &str, errors: &mut Vec<ConfigError>) -> Vec<String> {
    let strings = value.get_ref().as_array().and_then(|items| {
        items
            .iter()
            .map(|item| item.get_ref().as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
    });
    strings.unwrap_or_else(|| {
        errors.push(ConfigError {
            span: span(value.span()),
            message: format!("`{key}` is a list of globs: `{key} = [\"drafts/**\"]`"),
        });
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
    pub bad_globs: Vec<(usize, String)>,
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
    fn add(&mut self, entry: usize, pattern: &str) -> Result<(), String> {
        let wild = |c: char| matches!(c, '*' | '?' | '[' | ']' | '{' | '}' | '\\');
        let Some(start) = pattern.find(wild) else {
            self.literal
                .entry(pattern.as_bytes().to_vec())
                .or_default()
                .push(entry);
            return Ok(());
        };
        let matched = if pattern.contains(['[', ']', '{', '}', '\\']) || pattern.contains("**") {
            let glob = globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("invalid glob `{pattern}`: {}", e.kind()))?;
            Pattern::Compiled(glob, std::cell::OnceCell::new())
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
        bad: &mut Vec<(usize, String)>,
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
                                    "the globs in `files` are too large to use".into(),
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

fn declarations(
    value: &toml::Spanned<DeValue>,
    errors: &mut Vec<ConfigError>,
) -> Vec<DeclarationEntry> {
    const FORM: &str = "`declarations` is a list of tables, each `[[declarations]]` with `name = \"…\"` and `files = [\"globs\"]`";
    let Some(items) = value.get_ref().as_array() else {
        errors.push(ConfigError {
            span: span(value.span()),
            message: FORM.into(),
        });
        return Vec::new();
    };
    let mut entries: Vec<DeclarationEntry> = Vec::new();
    // Looked up by name, not by comparing with every entry before: a configuration of 100,000
    // entries is read in linear time.
    let mut names = std::collections::HashSet::new();
    for item in items {
        let Some(table) = item.get_ref().as_table() else {
            errors.push(ConfigError {
                span: span(item.span()),
                message: FORM.into(),
            });
            continue;
        };
        let (mut name, mut files) = (None, None);
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "name" => match value.get_ref().as_str() {
                    Some(text) if !text.trim().is_empty() => name = Some(text.to_string()),
                    _ => errors.push(ConfigError {
                        span: span(value.span()),
                        message: "the `name` of a declaration is a text: `name = \"fjordbanken\"`"
                            .into(),
                    }),
                },
                "files" => files = Some(globs(value, "files", errors)),
                other => errors.push(ConfigError {
                    span: span(key.span()),
                    message: unknown(
                        "key of a declaration",
                        other,
                        suggest::nearest(other, DECLARATION_KEYS.iter().copied()),
                        DECLARATION_KEYS,
                    ),
                }),
            }
        }
        let entry_span = span(item.span());
        match (name, files) {
            (Some(name), Some(files)) => {
                if !names.insert(name.clone()) {
                    errors.push(ConfigError {
                        span: entry_span,
                        message: format!("two declarations are named `{name}`: give each its own name"),
                    });
                }
                if files.is_empty() {
                    errors.push(ConfigError {
                        span: entry_span,
                        message: format!("the declaration `{name}` lists no files: `files = [\"privacy/**/*.privacy\"]`"),
                    });
                }
                entries.push(DeclarationEntry {
                    name,
                    files,
                    span: entry_span,
                });
            }
            (name, files) => errors.push(ConfigError {
                span: entry_span,
                message: format!(
                    "a declaration needs {}: `[[declarations]]`, `name = \"fjordbanken\"`, `files = [\"privacy/**/*.privacy\"]`",
                    match (name.is_none(), files.is_none()) {
                        (true, true) => "a `name` and `files`",
                        (true, false) => "a `name`",
                        _ => "`files`",
                    }
                ),
            }),
        }
    }
    entries
}

fn unknown(what: &str, name: &str, near: Option<&str>, valid: &[&str]) -> String {
    match near {
        Some(near) => format!("unknown {what} `{name}`; did you mean `{near}`?"),
        None => format!("unknown {what} `{name}`: the keys are {}", valid.join(", ")),
    }
}

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
            "include = [\"**/*.privacy\"]\nexclude = [\"drafts/**\"]\n[rules]\nmissing-dpo = \"off\"\nunneeded-safeguard = \"warning\"\n",
        )
        .unwrap();
        assert_eq!(config.settings.levels["missing-dpo"], Level::Off);
        assert_eq!(
            config.settings.levels["unneeded-safeguard"],
            Level::On(Severity::Warning)
        );
        assert_eq!(config.exclude, vec!["drafts/**"]);
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    fn errors(text: &str) -> Vec<(usize, String)> {
        Config::parse(text)
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
            "[[declarations]]\nname = \"a\"\nfiles = [\"org.privacy\", \"systems\"]\n[[declarations]]\nname = \"b\"\nfiles = [\"systems/x.privacy\", \"other/*.privacy\"]\n",
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
            "[[declarations]]\nname = \"a\"\nfiles = [\"**/x.privacy\"]\n[[declarations]]\nname = \"b\"\nfiles = [\"t/{c,d}/*.privacy\", \"t/e\", \"t/[g]?\"]\n",
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
        let bad = Config::parse("[[declarations]]\nname = \"a\"\nfiles = [\"a/[z-a]\"]\n")
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
}
