//! privlint in the browser: the functions the playground (`playground/`) calls, compiled to
//! WebAssembly by `scripts/playground.sh`. Nothing leaves the page: the files are checked,
//! formatted and published here, by the same core as the command line.
//!
//! A declaration may be several files: the functions take the files as (name, text) pairs,
//! names being paths with `/`. A `privlint.toml` among them governs the files in its directory
//! and below, as it does on disk: its rule levels, and its `[[declarations]]` (files checked as
//! one). `check` returns exactly the JSON of `privlint check --format json` (cli.md) for the
//! same files, written by the same function (`privlint_core::report`); `tests/wasm_agrees.rs`
//! runs every bundled example through both.
//!
//! The functions here are plain Rust (tested natively); [`bindings`] exposes them to
//! JavaScript on wasm32.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use privlint_core::cancel::uncancelled;
use privlint_core::config::{Config, FILE_NAME};
use privlint_core::model::Model;
use privlint_core::pipeline::{CheckedFile, check_declaration};
use privlint_core::publish::Language;
use privlint_core::publish::notice::{self, Options};
use privlint_core::publish::record::{Dating, Record};
use privlint_core::rules::ALL;
use privlint_core::{CancelToken, ColumnUnit, LineIndex, Settings, Severity};

#[cfg(target_arch = "wasm32")]
pub mod bindings;

/// A declaration, checked: its name (its `[[declarations]]` name, or its file's) and model.
pub struct Declaration {
    pub name: String,
    pub model: Model,
}

/// What checking the files gives.
pub struct Analysis {
    /// Every declaration file, in path order.
    pub files: Vec<CheckedFile>,
    /// The configuration files that govern at least one file, in path order.
    pub configs: Vec<String>,
    /// The declarations the files make, in the order of their first file.
    pub declarations: Vec<Declaration>,
}

impl Analysis {
    /// How many findings of severity error there are.
    pub fn errors(&self) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

/// Whether a file is a configuration (`privlint.toml`, in any directory).
fn is_config(name: &str) -> bool {
    Path::new(name).file_name().is_some_and(|n| n == FILE_NAME)
}

/// A configuration's mistakes, one line each, naming the file, line and column.
fn config_failure(name: &str, text: &str, message: impl Fn(&LineIndex) -> Vec<String>) -> String {
    let index = LineIndex::new(text);
    message(&index)
        .into_iter()
        .map(|line| format!("invalid configuration: {name}:{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A file's name and text.
type NamedText<'a> = (&'a str, &'a str);

/// A loaded configuration: its settings and, for each `[[declarations]]` entry, its files.
struct Loaded {
    config: Config,
    /// Indices into the declaration files, in path order.
    members: Vec<Vec<usize>>,
}

/// Checks the files. `Err` when a configuration among them cannot be used (each mistake on a
/// line); the command line then checks none of the files it governs and fails too.
pub fn analyze(files: &[(String, String)]) -> Result<Analysis, String> {
    // Path order, as the command line reports; a byte-order mark is dropped, as on disk.
    let mut ordered: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| {
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
            (name.as_str(), text)
        })
        .collect();
    ordered.sort_by(|a, b| Path::new(a.0).cmp(Path::new(b.0)));
    let (configs, sources): (Vec<NamedText>, Vec<NamedText>) =
        ordered.into_iter().partition(|(name, _)| is_config(name));
    let mut loaded: BTreeMap<PathBuf, (&str, Loaded)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (name, text) in &configs {
        match load(name, text, &sources) {
            Ok(config) => {
                loaded.insert(PathBuf::from(name), (name, config));
            }
            Err(failure) => failures.push(failure),
        }
    }
    if !failures.is_empty() {
        return Err(failures.join("\n"));
    }
    // The configuration of each file: the nearest in its directory or above.
    let governing: Vec<Option<&PathBuf>> = sources
        .iter()
        .map(|(name, _)| {
            Path::new(name).ancestors().skip(1).find_map(|dir| {
                loaded
                    .get_key_value(&dir.join(FILE_NAME))
                    .map(|(path, _)| path)
            })
        })
        .collect();
    let used: BTreeSet<&PathBuf> = governing.iter().flatten().copied().collect();
    let settings = |config: Option<&PathBuf>| -> Settings {
        config.map_or_else(Settings::default, |path| {
            loaded[path].1.config.settings.clone()
        })
    };
    let mut analysis = Analysis {
        files: Vec::new(),
        configs: used.iter().map(|p| loaded[*p].0.to_string()).collect(),
        declarations: Vec::new(),
    };
    let mut done = vec![false; sources.len()];
    for (i, (name, _)) in sources.iter().enumerate() {
        if done[i] {
            continue;
        }
        let entry = governing[i].and_then(|path| {
            let (_, config) = &loaded[path];
            let entry = config.members.iter().position(|m| m.contains(&i))?;
            Some((config, entry))
        });
        let members = match entry {
            None => std::slice::from_ref(&i),
            Some((config, entry)) => config.members[entry].as_slice(),
        };
        for &m in members {
            done[m] = true;
        }
        let files: Vec<NamedText> = members.iter().map(|&m| sources[m]).collect();
        let checked = uncancelled(check_declaration(
            &files,
            &settings(governing[i]),
            &CancelToken::never(),
        ));
        analysis.files.extend(checked.files);
        analysis.declarations.push(Declaration {
            name: match entry {
                None => name.to_string(),
                Some((config, entry)) => config.config.declarations[entry].name.clone(),
            },
            model: checked.model,
        });
    }
    analysis
        .files
        .sort_by(|a, b| Path::new(&a.name).cmp(Path::new(&b.name)));
    Ok(analysis)
}

/// Reads a configuration and finds the files of its `[[declarations]]` among `sources` (the
/// `.privacy` files under its directory that an entry's globs match). An entry that matches
/// nothing, and a file two entries match, are mistakes, as on the command line.
fn load(name: &str, text: &str, sources: &[(&str, &str)]) -> Result<Loaded, String> {
    let config = Config::parse(text, None).map_err(|errors| {
        config_failure(name, text, |index| {
            errors
                .iter()
                .map(|e| {
                    let at = index.position(text, e.span.start, ColumnUnit::Char);
                    format!("{}:{}: {}", at.line + 1, at.column + 1, e.message)
                })
                .collect()
        })
    })?;
    let dir = Path::new(name).parent().unwrap_or(Path::new(""));
    let inside: Vec<(usize, &Path)> = sources
        .iter()
        .enumerate()
        .filter(|(_, (file, _))| file.ends_with(".privacy"))
        .filter_map(|(i, (file, _))| Path::new(file).strip_prefix(dir).ok().map(|p| (i, p)))
        .collect();
    let paths: Vec<&Path> = inside.iter().map(|(_, p)| *p).collect();
    let grouping = config.group(&paths);
    let mistakes: Vec<String> = grouping
        .mistakes(
            &config,
            text,
            |file| sources[inside[file].0].0.to_string(),
            config.message_language(None),
        )
        .into_iter()
        .map(|mistake| match mistake.line {
            Some(line) => format!("{line}: {}", mistake.message),
            None => format!(" {}", mistake.message),
        })
        .collect();
    let members: Vec<Vec<usize>> = grouping
        .members
        .iter()
        .map(|files| files.iter().map(|&f| inside[f].0).collect())
        .collect();
    if mistakes.is_empty() {
        Ok(Loaded { config, members })
    } else {
        Err(config_failure(name, text, |_| mistakes.clone()))
    }
}

/// `privlint check --format json` of the files.
pub fn check(files: &[(String, String)]) -> Result<String, String> {
    let analysis = analyze(files)?;
    Ok(privlint_core::report::json_report(
        &analysis.files,
        &analysis.configs,
        Language::English,
    ))
}

/// `privlint fmt` of one text: the canonical layout, or where the syntax error is.
pub fn format(text: &str) -> Result<String, String> {
    privlint_core::format::format(text).map_err(|span| {
        let at = LineIndex::new(text).position(text, span.start, ColumnUnit::Char);
        format!(
            "{}:{}: cannot format a file with a syntax error (the findings show it)",
            at.line + 1,
            at.column + 1
        )
    })
}

/// The one declaration the files make (the notice and the export are of one declaration).
fn one_declaration(analysis: Analysis) -> Result<Declaration, String> {
    let count = analysis.declarations.len();
    let mut declarations = analysis.declarations.into_iter();
    match (declarations.next(), count) {
        (Some(declaration), 1) => Ok(declaration),
        (None, _) => Err("there is no declaration: write one, or pick an example".into()),
        (Some(_), n) => Err(format!(
            "these files are {n} declarations, and a notice is of one: make them one with a `[[declarations]]` entry in {FILE_NAME}, or keep one file"
        )),
    }
}

/// `privlint notice --draft` of the files' declaration: the privacy notice in `lang` (default:
/// the notice's first language) as `html` or `md`; with errors, a draft under a banner that
/// counts them (the command line refuses without `--draft`; a preview shows it).
pub fn notice(
    files: &[(String, String)],
    lang: Option<&str>,
    format: &str,
) -> Result<String, String> {
    let format = match format {
        "html" => notice::Format::Html,
        "md" => notice::Format::Markdown,
        other => return Err(format!("unknown notice format `{other}` (use html or md)")),
    };
    let analysis = analyze(files)?;
    let errors = analysis.errors();
    let declaration = one_declaration(analysis)?;
    let language = notice::language(&declaration.model, lang)
        .map_err(|why| format!("{}: {why}", declaration.name))?;
    let options = Options {
        language,
        draft: (errors > 0).then_some(errors),
    };
    Ok(notice::render(&declaration.model, options, format))
}

/// `privlint record` of the files' declarations: one record of processing activities as `csv`,
/// `md` or `xlsx`, headers in `lang` (nb, nn or en), dated by the notice's `updated`, else
/// `today` (YYYY-MM-DD: the clock is the caller's, as on the command line).
pub fn record(
    files: &[(String, String)],
    lang: &str,
    format: &str,
    today: &str,
) -> Result<Vec<u8>, String> {
    let language = Language::from_tag(lang)
        .ok_or_else(|| format!("unknown language `{lang}` (use nb, nn or en)"))?;
    let analysis = analyze(files)?;
    let dating = Dating { given: None, today };
    let record = Record::new(
        analysis.declarations.iter().map(|d| &d.model),
        language,
        dating,
    );
    match format {
        "csv" => Ok(record.to_csv()),
        "md" => Ok(record.to_markdown().into_bytes()),
        "xlsx" => record
            .to_xlsx()
            .map(|(bytes, _)| bytes)
            .map_err(|error| format!("cannot write the workbook: {error}")),
        other => Err(format!(
            "unknown record format `{other}` (use csv, md or xlsx)"
        )),
    }
}

/// `privlint export --format dpv` of the files' declaration: JSON-LD in the W3C Data Privacy
/// Vocabulary.
pub fn dpv(files: &[(String, String)]) -> Result<String, String> {
    let declaration = one_declaration(analyze(files)?)?;
    Ok(privlint_core::publish::dpv::to_json(&declaration.model))
}

/// The highlights of `text` by the grammar's highlight query, as the editor marks them: each
/// its start and end in UTF-16 code units (as JavaScript counts a string) and its capture
/// (`keyword`, `string`, ...), in text order.
pub fn highlights(text: &str) -> Vec<(usize, usize, &'static str)> {
    // Offsets are asked for in nearly increasing order: count on from the last one.
    let (mut byte, mut unit) = (0, 0);
    let mut utf16 = |at: usize| {
        if at < byte {
            (byte, unit) = (0, 0);
        }
        unit += text[byte..at].encode_utf16().count();
        byte = at;
        unit
    };
    privlint_core::syntax::highlights(text)
        .into_iter()
        .map(|h| (utf16(h.range.start), utf16(h.range.end), h.capture))
        .collect()
}

/// `privlint rules` as JSON: for each rule its name, default severity, article, whether it
/// offers a quick fix, its summary and its documentation (`privlint explain`).
pub fn rules() -> String {
    let rules: Vec<serde_json::Value> = ALL
        .iter()
        .map(|rule| {
            let m = rule.meta();
            let mut json = m.to_json();
            json["documentation"] = m.explanation().into();
            json
        })
        .collect();
    serde_json::Value::Array(rules).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn a_broken_configuration_is_an_error_naming_its_file_and_line() {
        let error = check(&files(&[
            ("a/privlint.toml", "[rules]\nmissing-dpoo = \"off\"\n"),
            ("a/x.privacy", "controller c \"C\" { email \"e\" }\n"),
        ]))
        .unwrap_err();
        assert!(
            error.starts_with(
                "invalid configuration: a/privlint.toml:2:1: unknown rule `missing-dpoo`"
            ),
            "{error}"
        );
    }

    #[test]
    fn a_configuration_governs_only_the_files_under_its_directory() {
        let text = "controller c \"C\" { email \"e\" }\ncategory a \"A\"\n";
        let analysis = analyze(&files(&[
            ("a/privlint.toml", "[rules]\nunused-definition = \"off\"\n"),
            ("a/x.privacy", text),
            ("b/x.privacy", text),
        ]))
        .unwrap();
        let has_unused_finding = |name: &str| {
            analysis
                .files
                .iter()
                .find(|f| f.name == name)
                .unwrap()
                .diagnostics
                .iter()
                .any(|d| d.rule.name == "unused-definition")
        };
        assert!(!has_unused_finding("a/x.privacy"));
        assert!(has_unused_finding("b/x.privacy"));
        assert_eq!(analysis.configs, ["a/privlint.toml"]);
    }

    #[test]
    fn highlights_count_in_utf16_and_follow_the_query() {
        // "ø" is two bytes and one UTF-16 unit; "😀" four bytes and two units.
        let text = "purpose p \"Kø 😀\" { basis consent }\n";
        let found = highlights(text);
        let at = |capture: &str| {
            found
                .iter()
                .find(|h| h.2 == capture)
                .map(|h| (h.0, h.1))
                .unwrap_or_else(|| panic!("no {capture} in {found:?}"))
        };
        assert_eq!(at("keyword"), (0, 7));
        assert_eq!(at("string"), (10, 17));
        let basis = text.encode_utf16().count() - "basis consent }\n".len();
        let starting = |at: usize| found.iter().find(|h| h.0 == at).copied();
        assert_eq!(starting(basis), Some((basis, basis + 5, "keyword")));
        assert_eq!(
            starting(basis + 6),
            Some((basis + 6, basis + 13, "constant.builtin"))
        );
    }

    #[test]
    fn the_notice_is_refused_in_a_language_it_is_not_published_in() {
        let text = "notice \"N\" { languages nb, en }\ncontroller c \"C\" { email \"e\" }\n";
        let error = notice(&files(&[("x.privacy", text)]), Some("nn"), "html").unwrap_err();
        assert!(error.contains("published in nb, en"), "{error}");
    }
}
