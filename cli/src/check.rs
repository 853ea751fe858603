//! `privlint check`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use privlint_core::{Diagnostic, Settings, Severity};
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
    let results: Vec<Result<FileReport, PathError>> = selected
        .par_iter()
        .map(|(path, settings)| check_file(path, settings))
        .collect();
    let mut reports = Vec::new();
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(error) => errors.push(error),
        }
    }
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
        Format::Human => render::human::print(&reports),
        Format::Json => render::json::print(&reports, &configs),
        Format::Sarif => render::sarif::print(&reports),
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

fn check_file(path: &std::path::Path, settings: &Settings) -> Result<FileReport, PathError> {
    let bytes = files::read(path).map_err(|reason| PathError {
        path: path.to_path_buf(),
        reason,
    })?;
    let name = files::display(path);
    Ok(match privlint_core::decode(&bytes) {
        Ok(text) => FileReport {
            path: path.to_path_buf(),
            name,
            diagnostics: privlint_core::check(text, settings),
            text: text.to_string(),
        },
        Err(diagnostic) => FileReport {
            path: path.to_path_buf(),
            name,
            text: String::new(),
            diagnostics: vec![*diagnostic],
        },
    })
}
