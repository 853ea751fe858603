//! `privlint import`: a first draft of a declaration from a record kept elsewhere
//! (docs/import.md). The record is read into a table (table.rs), its columns recognised by
//! their headers (columns.rs), its cells mapped onto a draft (rows.rs), and the draft written
//! as `.privacy` text (draft.rs) in the canonical layout of `privlint fmt`. Every value that
//! does not map is kept as an `# import:` comment and listed in the loss report.

mod columns;
mod draft;
mod fides;
mod rows;
mod table;

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::{exit, files, output, say};
use columns::{Field, TableFormat};

#[derive(Args)]
pub struct ImportArgs {
    /// The record to read: a CSV or XLSX file, a Fides manifest or a directory of them
    #[arg(value_name = "INPUT")]
    input: PathBuf,
    /// The record's format (default: recognised by its content)
    #[arg(long = "from", value_enum, value_name = "FORMAT")]
    from: Option<Format>,
    /// Write the declaration to FILE instead of standard output
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the files given to --output and --report if they exist
    #[arg(long)]
    force: bool,
    /// Write the loss report to FILE as JSON instead of standard error
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Behandlingsoversikt's CSV export (`;`, values written as JSON strings)
    Behandlingsoversikt,
    /// A workbook: privlint's own record, the ICO's template, Datatilsynet's wording
    Xlsx,
    /// The same headers as CSV (`,` or `;`)
    Csv,
    /// Fides manifests (YAML): a file, or a directory such as `.fides/`
    Fideslang,
}

/// A value that did not map, for the report.
#[derive(Debug, Serialize)]
pub struct Loss {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub reason: String,
}

pub fn run(args: ImportArgs) -> u8 {
    let shown = files::shown(&args.input);
    let fail = |what: &str| {
        say::error(format_args!("{shown}: {what}"));
        exit::FAILURE
    };
    // The declaration and the report replace a file only when asked to.
    for out in [&args.output, &args.report].into_iter().flatten() {
        if !args.force && out.exists() && !is_device(out) {
            say::error(format_args!(
                "{}: exists; privlint import does not replace it without --force",
                files::shown(out)
            ));
            return exit::FAILURE;
        }
    }
    let manifests = match read_manifests(&args.input, args.from) {
        Ok(manifests) => manifests,
        Err(reason) => return fail(&reason),
    };
    let (draft, losses, source) = match manifests {
        Some(manifests) => {
            let mut draft = draft::Draft::default();
            let mut losses = Vec::new();
            fides::read(&manifests, &mut draft, &mut losses);
            (draft, losses, "Fides manifests")
        }
        None => {
            let bytes = match files::read(&args.input) {
                Ok(bytes) => bytes,
                Err(reason) => return fail(&reason),
            };
            let (format, table) = match read_table(&bytes, args.from) {
                Ok(read) => read,
                Err(reason) => return fail(&reason),
            };
            let (fields, language) = columns::match_headers(format, &table.headers);
            let mut reader = rows::Reader {
                format,
                language,
                draft: Default::default(),
                losses: Vec::new(),
            };
            reader.read(&table, &fields);
            let source = match format {
                TableFormat::Behandlingsoversikt => "Behandlingsoversikt",
                TableFormat::Record => "a record of processing activities",
            };
            (reader.draft, reader.losses, source)
        }
    };
    let header = format!(
        "Imported by privlint import from {} ({source}): a first draft.\nRun `privlint check` on it: the findings are what the record did not say.\nEvery `# import:` comment is a value privlint could not place; move it where it belongs.",
        args.input
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
    );
    let text = draft.to_privacy(&header);
    let formatted = match privlint_core::format::format(&text) {
        Ok(formatted) => formatted,
        Err(_) => {
            return fail(
                "privlint could not write a valid declaration from it (please report this)",
            );
        }
    };
    let status = output::publish(
        args.output.as_deref(),
        formatted.as_bytes(),
        [args.input.as_path()],
    );
    if status != exit::CLEAN {
        return status;
    }
    report(&losses, args.report.as_deref(), &shown)
}

fn is_device(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file())
}

fn report(losses: &[Loss], to: Option<&Path>, input: &str) -> u8 {
    match to {
        Some(path) => {
            let json = serde_json::to_vec_pretty(losses).expect("the report serialises");
            match output::write(path, &json) {
                Ok(()) => exit::CLEAN,
                Err(reason) => {
                    say::error(format_args!("{}: {reason}", files::shown(path)));
                    exit::FAILURE
                }
            }
        }
        None => {
            for loss in losses {
                say::line(&format!(
                    "{input}: row {}, \"{}\": {} — {}",
                    loss.row,
                    loss.column,
                    loss.value.replace('\n', " / "),
                    loss.reason
                ));
            }
            if !losses.is_empty() {
                say::line(&format!(
                    "{input}: {} value(s) kept as `# import:` comments in the declaration",
                    losses.len()
                ));
            }
            exit::CLEAN
        }
    }
}

/// The record's format and its table. A format is recognised by content: a ZIP container is a
/// workbook; a text whose first line holds Behandlingsoversikt's headings is its export;
/// otherwise CSV with whichever of `,` and `;` gives recognised headers.
fn read_table(bytes: &[u8], from: Option<Format>) -> Result<(TableFormat, table::Table), String> {
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let format = match from {
        Some(format) => format,
        None if is_zip => Format::Xlsx,
        None => {
            let text = decode(bytes)?;
            let first = text.lines().next().unwrap_or_default();
            let headers: Vec<String> = first.split(';').map(str::to_string).collect();
            let (fields, _) = columns::match_headers(TableFormat::Behandlingsoversikt, &headers);
            if fields.iter().flatten().count() >= 3 {
                Format::Behandlingsoversikt
            } else {
                Format::Csv
            }
        }
    };
    match format {
        // Read by read_manifests before a table is tried.
        Format::Fideslang => Err("not a Fides manifest".into()),
        Format::Xlsx => {
            if !is_zip {
                return Err("not an XLSX workbook (expected a ZIP container: .xlsx)".into());
            }
            let rows =
                table::xlsx(bytes).map_err(|e| format!("not a readable XLSX workbook: {e}"))?;
            header_row(rows, TableFormat::Record)
                .map(|t| (TableFormat::Record, t))
                .ok_or_else(|| "no header row privlint recognises in the first sheet (expected the headers of a record of processing activities; docs/import.md lists them)".into())
        }
        Format::Behandlingsoversikt => {
            let text = decode(bytes)?;
            let rows = table::behandlingsoversikt(&text).ok_or(
                "not a Behandlingsoversikt export (expected `;`-separated values written as JSON strings)",
            )?;
            header_row(rows, TableFormat::Behandlingsoversikt)
                .map(|t| (TableFormat::Behandlingsoversikt, t))
                .ok_or_else(|| "no Behandlingsoversikt headings in its first line".into())
        }
        Format::Csv => {
            if is_zip {
                return Err("a ZIP container (a workbook?), not CSV: use --from xlsx".into());
            }
            let text = decode(bytes)?;
            [',', ';', '\t']
                .into_iter()
                .filter_map(|d| header_row(table::csv(&text, d), TableFormat::Record))
                .max_by_key(recognised)
                .map(|t| (TableFormat::Record, t))
                .ok_or_else(|| "none of the formats privlint imports: expected CSV with the headers of a record of processing activities (`,` or `;`), a Behandlingsoversikt export or an XLSX workbook (docs/import.md)".into())
        }
    }
}

/// Fides manifests, when the input is a directory, `--from fideslang` is given, or the file is
/// YAML with fideslang's resource keys; `None` for a table. A directory's `.yml` and `.yaml`
/// files are read (sorted by name, recursively), at most [`privlint_files::MAX_SIZE`] in all.
fn read_manifests(input: &Path, from: Option<Format>) -> Result<Option<fides::Manifests>, String> {
    let is_dir = input.is_dir();
    if is_dir && from.is_some_and(|f| f != Format::Fideslang) {
        return Err(
            "a directory: only Fides manifests (--from fideslang) are read from one".into(),
        );
    }
    if !is_dir && from.is_some_and(|f| f != Format::Fideslang) {
        return Ok(None);
    }
    let mut paths = Vec::new();
    if is_dir {
        yaml_files(input, &mut paths).map_err(|e| e.to_string())?;
        if paths.is_empty() {
            return Err(
                "a directory without .yml or .yaml files (expected Fides manifests)".into(),
            );
        }
    } else {
        paths.push(input.to_path_buf());
    }
    let mut total = 0;
    let mut manifests = Vec::new();
    for path in paths {
        // Named as inside the directory, so the report does not depend on where it was run.
        let name = path
            .strip_prefix(input)
            .ok()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(path.file_name().map(Path::new).unwrap_or(&path))
            .to_string_lossy()
            .into_owned();
        // The input itself is named by the error's caller; a file in a directory is named here.
        let shown = if is_dir {
            format!("{name}: ")
        } else {
            String::new()
        };
        let bytes = files::read(&path).map_err(|reason| format!("{shown}{reason}"))?;
        total += bytes.len() as u64;
        if total > privlint_files::MAX_SIZE {
            return Err(format!(
                "more than {} MB of manifests",
                privlint_files::MAX_SIZE >> 20
            ));
        }
        let parsed = serde_norway::from_slice::<serde_norway::Value>(&bytes);
        match parsed {
            Ok(value) if fides::is_manifest(&value) => manifests.push((name, value)),
            _ if from.is_none() && !is_dir => return Ok(None),
            Ok(_) => {
                return Err(format!(
                    "{shown}not a Fides manifest (expected YAML with `organization`, `system` or `dataset`)"
                ));
            }
            Err(e) => return Err(format!("{shown}not YAML ({e}); expected a Fides manifest")),
        }
    }
    Ok(Some(fides::Manifests { files: manifests }))
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let meta = std::fs::symlink_metadata(&path)?;
        if meta.is_dir() {
            yaml_files(&path, out)?;
        } else if meta.is_file() && path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            out.push(path);
        }
    }
    Ok(())
}

fn recognised(table: &table::Table) -> usize {
    let (fields, _) = columns::match_headers(TableFormat::Record, &table.headers);
    fields.iter().flatten().count()
}

/// The first of the first 20 rows in which at least two headers are recognised (a workbook may
/// have a title and notes above its header row).
fn header_row(mut rows: Vec<Vec<String>>, format: TableFormat) -> Option<table::Table> {
    let at = rows.iter().take(20).position(|row| {
        let (fields, _) = columns::match_headers(format, row);
        fields
            .iter()
            .flatten()
            .filter(|f| !matches!(f, Field::Comment(_)))
            .count()
            >= 2
    })?;
    let rest = rows.split_off(at + 1);
    let headers = rows.pop()?;
    Some(table::Table {
        headers,
        rows: rest,
        first_row: at + 1,
    })
}

/// UTF-8 text without its byte-order mark; another encoding is refused, since guessing it would
/// change æøå.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not UTF-8 (byte {} is not): save the record as CSV UTF-8 and import that",
            e.utf8_error().valid_up_to()
        )
    })
}
