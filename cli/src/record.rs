//! `privlint record`: the record of processing activities (Art. 30(1)), or with
//! `--as-processor` a processor's record (Art. 30(2)), as CSV, XLSX or Markdown, written by
//! `privlint_core::publish::record` (the workbook with its `xlsx` feature).

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use privlint_core::publish::Language;
use privlint_core::publish::record::{CELL_LIMIT, Dating, Record, default_language};

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
    /// are shown in this language where they have a translation). Default: the first of the
    /// first declaration's notice `languages`, else nb
    #[arg(long, value_name = "L", value_parser = parse_language)]
    lang: Option<Language>,
    /// The date of the record, YYYY-MM-DD, on every row. Default: the notice's `updated`, else
    /// the day of SOURCE_DATE_EPOCH (for reproducible builds), else today (UTC)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<String>,
    /// Write to FILE (replaced only when complete) instead of standard output
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write the record of a processor (Art. 30(2)) instead: the purposes of every declaration
    /// that uses a processor whose ID or label (any case, any translation) is NAME
    #[arg(long, value_name = "NAME")]
    as_processor: Option<String>,
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

/// `--date`: a date of the calendar written YYYY-MM-DD.
fn parse_date(text: &str) -> Result<String, String> {
    let shape = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shape && privlint_core::lower::valid_date(text) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "`{text}` is not a date of the calendar (write YYYY-MM-DD)"
        ))
    }
}

/// Today (UTC) as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH when it is set, so that a
/// build that sets it gets the same record every day (reproducible-builds.org).
fn today() -> Result<String, String> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => epoch.trim().parse::<i64>().map_err(|_| {
            format!("SOURCE_DATE_EPOCH is `{epoch}`, not a number of seconds since 1970")
        })?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    Ok(civil_date(seconds.div_euclid(86_400)))
}

/// The date `days` after 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant,
/// "chrono-Compatible Low-Level Date Algorithms", civil_from_days).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
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
    // Only the models are kept: a declaration's reports (its texts and findings) are done with
    // once its errors are counted, and 10,000 of them held 3.4 times what `check` holds.
    let mut models = Vec::new();
    // The files of the declarations read so far, absolute: a set, not a scan of every
    // declaration per file found, which made 10,000 files take a minute.
    let mut read: HashSet<PathBuf> = HashSet::new();
    // The same files as the user named them, for --output's refusal to write over one.
    let mut inputs: Vec<PathBuf> = Vec::new();
    for file in &found {
        // Several files of one declaration named (or found in a directory): it is read once.
        if read.contains(&files::absolute(&file.path)) {
            continue;
        }
        let declaration = match declaration::load(&file.path) {
            Ok(declaration) => declaration,
            Err(status) => return status,
        };
        declaration.warn_of_errors("what is missing is left empty");
        read.extend(declaration.reports.iter().map(|r| files::absolute(&r.path)));
        inputs.extend(declaration.reports.iter().map(|r| r.path.clone()));
        models.push(declaration.model);
    }
    let today = match today() {
        Ok(today) => today,
        Err(error) => {
            crate::say::error(error);
            return exit::FAILURE;
        }
    };
    let language = args.lang.unwrap_or_else(|| default_language(&models));
    let dating = Dating {
        given: args.date.as_deref(),
        today: &today,
    };
    let record = match &args.as_processor {
        None => Record::new(&models, language, dating),
        Some(name) => match Record::of_processor(&models, name, language, dating) {
            Some(record) => {
                crate::say::warning(
                    "a processor's record also needs its own security measures (Art. 30(2)(d)) \
                     and its sub-processors (Art. 28(2), (4)), which the controllers' \
                     declarations do not hold: fill them in",
                );
                record
            }
            None => {
                crate::say::error(format_args!(
                    "no declaration names a processor `{name}` (by its ID or its label)"
                ));
                return exit::FAILURE;
            }
        },
    };
    let bytes = match format {
        Format::Csv => record.to_csv(),
        Format::Md => record.to_markdown().into_bytes(),
        Format::Xlsx => match record.to_xlsx() {
            Ok((bytes, cut_cells)) => {
                for cut in cut_cells {
                    let purpose = match cut.purpose {
                        Some(purpose) => format!("purpose `{purpose}`"),
                        None => "the controller's row".to_string(),
                    };
                    crate::say::warning(format_args!(
                        "{purpose}, column \"{}\": longer than the {CELL_LIMIT} characters an Excel cell holds; the workbook shows it cut, without its last {} characters (the CSV and Markdown record have it whole)",
                        cut.column, cut.left_out
                    ));
                }
                bytes
            }
            Err(error) => {
                crate::say::error(format_args!("cannot write the workbook: {error}"));
                return exit::FAILURE;
            }
        },
    };
    output::publish(
        args.output.as_deref(),
        &bytes,
        inputs.iter().map(PathBuf::as_path),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_1970_are_dates_of_the_calendar() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(-1), "1969-12-31");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_513), "2026-03-01");
        assert_eq!(parse_date("2024-02-29"), Ok("2024-02-29".to_string()));
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2026-1-01").is_err());
    }
}
