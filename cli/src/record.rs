//! `privlint record`: the record of processing activities (Art. 30(1)) as CSV, XLSX or
//! Markdown, written by `privlint_core::publish::record` (the workbook with its `xlsx` feature).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use privlint_core::publish::Language;
use privlint_core::publish::record::Record;

use crate::{declaration, exit, files, output};

#[derive(Args)]
pub struct RecordArgs {
    /// Declarations (.privacy files; a directory is searched recursively). Several give one
    /// record, the controller named on every row
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format (default: from the extension of --output, else csv)
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of the headers and of the fixed words: nb, nn or en (the declaration's strings
    /// are shown in this language where they have a translation)
    #[arg(long, value_name = "L", default_value = "nb", value_parser = parse_language)]
    lang: Language,
    /// Write to FILE (replaced only when complete) instead of standard output
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Comma-separated values (RFC 4180), UTF-8 with a byte-order mark
    Csv,
    /// An Excel workbook with one sheet
    Xlsx,
    /// A Markdown table
    Md,
}

/// `--lang`: one of the languages privlint writes its own text in.
pub fn parse_language(tag: &str) -> Result<Language, String> {
    Language::from_tag(tag).ok_or_else(|| format!("unknown language `{tag}` (use nb, nn or en)"))
}

pub fn run(args: RecordArgs) -> u8 {
    let format =
        args.format
            .unwrap_or_else(|| match args.output.as_deref().and_then(Path::extension) {
                Some(e) if e.eq_ignore_ascii_case("xlsx") => Format::Xlsx,
                Some(e) if e.eq_ignore_ascii_case("md") => Format::Md,
                _ => Format::Csv,
            });
    if format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        crate::say::error(format_args!(
            "an XLSX workbook is binary: give --output FILE, or redirect standard output to a file"
        ));
        return exit::FAILURE;
    }
    let (found, errors) = files::collect(&args.paths);
    for error in &errors {
        crate::say::error(error);
    }
    if !errors.is_empty() {
        return exit::FAILURE;
    }
    let mut loaded: Vec<declaration::Declaration> = Vec::new();
    for file in &found {
        // Several files of one declaration named (or found in a directory): it is read once.
        if loaded.iter().any(|d| d.contains(&file.path)) {
            continue;
        }
        let declaration = match declaration::load(&file.path) {
            Ok(declaration) => declaration,
            Err(status) => return status,
        };
        declaration.warn_of_errors("what is missing is left empty");
        loaded.push(declaration);
    }
    let models: Vec<_> = loaded.into_iter().map(|d| d.model).collect();
    let record = Record::new(&models, args.lang);
    let bytes = match format {
        Format::Csv => record.to_csv(),
        Format::Md => record.to_markdown().into_bytes(),
        Format::Xlsx => match record.to_xlsx() {
            Ok(bytes) => bytes,
            Err(error) => {
                crate::say::error(format_args!("cannot write the workbook: {error}"));
                return exit::FAILURE;
            }
        },
    };
    write(args.output.as_deref(), &bytes)
}

/// Writes the output; a closed pipe is not a failure.
pub fn write(path: Option<&Path>, bytes: &[u8]) -> u8 {
    match output::write(path, bytes) {
        Ok(()) => exit::CLEAN,
        Err(error) if path.is_none() && error.kind() == std::io::ErrorKind::BrokenPipe => {
            exit::CLEAN
        }
        Err(error) => {
            let target = path.map_or("standard output".to_string(), files::display);
            crate::say::error(format_args!("cannot write {target}: {error}"));
            exit::FAILURE
        }
    }
}
