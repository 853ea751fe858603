//! `privlint check`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};
use privlint_core::lang::Language;
use privlint_core::model::Model;
use privlint_core::pipeline::Sibling;
use privlint_core::rules::InvalidUtf8;
use privlint_core::{CancelToken, Diagnostic, LineIndex, Related, Settings, Severity};
use rayon::prelude::*;

use crate::config;
use crate::exit;
use crate::files::{self, PathError};
use crate::render;
use crate::say;

#[derive(Args)]
pub struct CheckArgs {
    /// Files or directories to check
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also fail (exit 1) on warnings
    #[arg(long, value_name = "LEVEL", value_enum)]
    deny: Option<Deny>,
    /// Say on stderr which configuration (privlint.toml) governs which files
    #[arg(long, short)]
    verbose: bool,
    /// The language of the findings: nb (Bokmål), nn (Nynorsk) or en (English, the default)
    #[arg(long, value_name = "LANGUAGE", value_parser = crate::record::parse_language)]
    lang: Option<Language>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Snippets of the file with the findings marked (coloured on a terminal)
    Human,
    /// One JSON object (cli.md)
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request)
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

/// One checked file.
pub struct FileReport {
    /// The path as privlint was given it or found it.
    pub path: PathBuf,
    /// The path as shown in reports.
    pub name: String,
    /// The decoded text ("" when it could not be decoded).
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// In a declaration of several files, all its files (this one too), so that a related
    /// location in another file can be shown; empty for a file that is a declaration alone.
    pub declaration: Arc<[Sibling]>,
    /// The paths of the files of `declaration`, in its order.
    pub declaration_paths: Arc<[PathBuf]>,
}

/// Where a related location is: its file's path, name and text, and the line index of another
/// file of the declaration (`None`: the diagnostic's own file, whose index the renderer has).
pub struct RelatedFile<'r> {
    pub path: &'r Path,
    pub name: &'r str,
    pub text: &'r str,
    pub index: Option<&'r LineIndex>,
}

impl FileReport {
    pub fn new(path: PathBuf, text: String, diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport {
            name: files::display(&path),
            path,
            text,
            diagnostics,
            declaration: Arc::new([]),
            declaration_paths: Arc::new([]),
        }
    }

    /// The file a related location is in.
    pub fn related_file(&self, related: &Related) -> RelatedFile<'_> {
        let other = related
            .file
            .and_then(|i| Some((self.declaration_paths.get(i)?, self.declaration.get(i)?)));
        match other {
            Some((path, other)) => RelatedFile {
                path,
                name: &other.name,
                text: &other.text,
                index: Some(&other.index),
            },
            None => RelatedFile {
                path: &self.path,
                name: &self.name,
                text: &self.text,
                index: None,
            },
        }
    }
}

pub fn run(args: CheckArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (found, mut errors) = files::collect(&paths);
    let config::Selection {
        files: selected,
        failures: config_failures,
        used,
        all_left_out,
    } = config::select(found);
    if let Some(why) = &all_left_out {
        say::error(why);
    }
    if args.verbose {
        config::describe(&used);
    }
    let configs: Vec<String> = used
        .iter()
        .filter_map(|(path, _)| path.as_deref())
        .map(|path| files::display(&config::relative(path)))
        .collect();
    let language = args.lang.unwrap_or_default();
    let units = units(selected, args.lang);
    for unit in &units {
        if let Unit::Declaration(declaration, _) = unit {
            config::warn_of_refused(declaration);
        }
    }
    let results: Vec<Result<Vec<FileReport>, PathError>> = units
        .par_iter()
        .map(|unit| match unit {
            Unit::File(path, settings) => check_file(path, settings).map(|r| vec![r]),
            Unit::Declaration(declaration, settings) => {
                check_declaration(declaration, settings).map(|(_, reports)| reports)
            }
        })
        .collect();
    let mut reports = Vec::new();
    for result in results {
        match result {
            Ok(checked) => reports.extend(checked),
            Err(error) => errors.push(error),
        }
    }
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    for error in &errors {
        say::error(error);
    }
    for report in reports.iter().filter(|r| r.path.to_str().is_none()) {
        say::warning(format_args!(
            "{}: the file name is not UTF-8: the reports show it with � for the bytes that are not (SARIF has it exactly)",
            report.name
        ));
    }
    config::report(&config_failures);
    let rendered = match args.format {
        Format::Human => render::human::print(&reports, language),
        Format::Json => render::json::print(&reports, &configs, language),
        Format::Sarif => render::sarif::print(&reports, language),
        Format::Github => render::github::print(&reports),
    };
    if !say::delivered(rendered) {
        return exit::FAILURE;
    }
    if !errors.is_empty() || !config_failures.is_empty() || all_left_out.is_some() {
        return exit::FAILURE;
    }
    let failing = |d: &Diagnostic| {
        d.severity == Severity::Error
            || (args.deny == Some(Deny::Warnings) && d.severity == Severity::Warning)
    };
    if reports.iter().flat_map(|r| &r.diagnostics).any(failing) {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

/// What is checked as one: a file alone, or every file of a declaration (once, however many of
/// its files were named: pre-commit names only the changed ones, and they are judged with the
/// rest).
enum Unit {
    File(PathBuf, Settings),
    Declaration(config::Declaration, Settings),
}

/// The units to check; `--lang`, when given, sets the language of every unit's findings.
fn units(selected: Vec<config::Selected>, lang: Option<Language>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for mut file in selected {
        if let Some(language) = lang {
            file.settings.language = language;
        }
        match file.declaration {
            None => units.push(Unit::File(file.path, file.settings)),
            Some(declaration) => {
                let seen = units
                    .iter()
                    .any(|u| matches!(u, Unit::Declaration(d, _) if d.same(&declaration)));
                if !seen {
                    units.push(Unit::Declaration(declaration, file.settings));
                }
            }
        }
    }
    units
}

/// Reads a file: its text, or the `invalid-utf8` finding when it is not UTF-8.
fn read(path: &Path) -> Result<privlint_files::Text, PathError> {
    privlint_files::read_text(path).map_err(|reason| PathError {
        path: path.to_path_buf(),
        reason,
    })
}

fn check_file(path: &Path, settings: &Settings) -> Result<FileReport, PathError> {
    analyze_file(path, settings).map(|(_, report)| report)
}

/// Reads and checks a file that is a declaration on its own; the model too, for publishing
/// (empty when the file is not UTF-8).
pub fn analyze_file(path: &Path, settings: &Settings) -> Result<(Model, FileReport), PathError> {
    let privlint_files::Text { text, unreadable } = read(path)?;
    let report = FileReport::new(path.to_path_buf(), text, Vec::new());
    if let Some(not_utf8) = unreadable {
        let diagnostics = vec![InvalidUtf8::diagnostic(not_utf8, settings.language)];
        return Ok((
            Model::default(),
            FileReport {
                diagnostics,
                ..report
            },
        ));
    }
    let checked = privlint_core::cancel::uncancelled(privlint_core::pipeline::check_declaration(
        &[(&report.name, &report.text)],
        settings,
        &CancelToken::never(),
    ));
    let diagnostics = checked
        .files
        .into_iter()
        .flat_map(|f| f.diagnostics)
        .collect();
    Ok((
        checked.model,
        FileReport {
            diagnostics,
            ..report
        },
    ))
}

/// Checks the files of a declaration as one (language.md §7), and reports each finding in
/// the file where its range is. Returns the declaration's model too, for publishing.
pub fn check_declaration(
    declaration: &config::Declaration,
    settings: &Settings,
) -> Result<(Model, Vec<FileReport>), PathError> {
    let paths: Vec<PathBuf> = declaration
        .files()
        .iter()
        .map(|p| config::relative(p))
        .collect();
    let mut texts = Vec::with_capacity(paths.len());
    let mut unreadable = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        let read =
            privlint_files::read_member(declaration.config.dir(), path).map_err(|reason| {
                PathError {
                    path: path.clone(),
                    reason,
                }
            })?;
        unreadable.extend(read.unreadable.map(|d| (index, d)));
        texts.push(read.text);
    }
    let names: Vec<String> = paths.iter().map(|p| files::display(p)).collect();
    let named: Vec<(&str, &str)> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let checked = privlint_core::cancel::uncancelled(privlint_core::pipeline::check_declaration(
        &named,
        settings,
        &CancelToken::never(),
    ));
    let declaration_paths: Arc<[PathBuf]> = paths.iter().cloned().collect();
    let mut reports: Vec<FileReport> = paths
        .into_iter()
        .zip(checked.files)
        .map(|(path, file)| FileReport {
            path,
            name: file.name,
            text: file.text,
            diagnostics: file.diagnostics,
            declaration: file.declaration,
            declaration_paths: declaration_paths.clone(),
        })
        .collect();
    for (index, not_utf8) in unreadable {
        let diagnostic = InvalidUtf8::diagnostic(not_utf8, settings.language);
        reports[index].diagnostics.push(diagnostic);
    }
    let model = checked.model;
    Ok((model, reports))
}
