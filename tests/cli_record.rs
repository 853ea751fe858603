//! `privlint record`: the record of processing activities (Art. 30(1)) as CSV, XLSX and
//! Markdown, end to end through the binary. The CSV and Markdown of the bundled examples are
//! golden files in examples/published/record/ (byte for byte; the workbook cell by cell); `PRIVLINT_BLESS=1` rewrites them. The
//! XLSX is read back with calamine.

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{privlint, write};
use privlint_core::publish::record::defuse_formula;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn examples() -> Vec<PathBuf> {
    let mut examples: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "privacy"))
        .collect();
    examples.sort();
    // The declaration in several files, named by one of its files.
    examples.push(Path::new(ROOT).join("examples/fjordbanken/organisation.privacy"));
    examples
}

/// The name of an example's published outputs: its file's stem, or its directory's name.
fn stem(example: &Path) -> &str {
    match example.parent().and_then(|p| p.file_name()) {
        Some(dir) if dir != "examples" => dir.to_str().unwrap(),
        _ => example.file_stem().unwrap().to_str().unwrap(),
    }
}

/// Parses RFC 4180 CSV (after the byte-order mark) into rows of fields.
fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "lines end in CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert_ne!(c, '\n', "a bare line feed outside quotes");
                field.push(c);
            }
        }
    }
    assert!(
        row.is_empty() && field.is_empty(),
        "the last line ends in CRLF"
    );
    rows
}

/// 2026-01-15 in seconds since 1970: the records of these tests are dated by it, so that the
/// golden files do not change from day to day.
const EPOCH: &str = "1768435200";

/// `privlint record ARGS` in `dir`, with SOURCE_DATE_EPOCH pinned.
fn run_record(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .current_dir(dir)
        .arg("record")
        .args(args)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("the privlint binary runs")
}

fn record(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = run_record(dir, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn xlsx_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let names = workbook.sheet_names();
    let range = workbook.worksheet_range(&names[0]).unwrap();
    let (height, width) = range.get_size();
    let rows = (0..height)
        .map(|r| {
            (0..width)
                .map(|c| match range.get((r, c)) {
                    Some(Data::String(s)) => s.clone(),
                    Some(Data::Empty) | None => String::new(),
                    Some(other) => panic!("a cell that is not text: {other:?}"),
                })
                .collect()
        })
        .collect();
    (names, rows)
}

#[test]
fn golden_csv_and_markdown_of_the_examples() {
    let bless = std::env::var_os("PRIVLINT_BLESS").is_some_and(|v| v == "1");
    let golden = Path::new(ROOT).join("examples/published/record");
    let mut stale = Vec::new();
    for example in examples() {
        let stem = stem(&example);
        // The workbook too, byte for byte: it is dated with the record's date, not the clock.
        let xlsx = golden.join(format!("{stem}.nb.xlsx"));
        let fresh = tempfile::tempdir().unwrap().keep().join("record.xlsx");
        record(
            Path::new(ROOT),
            &[
                example.to_str().unwrap(),
                "--format",
                "xlsx",
                "--output",
                fresh.to_str().unwrap(),
            ],
        );
        if bless {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::copy(&fresh, &xlsx).unwrap();
        } else if std::fs::read(&xlsx).ok() != std::fs::read(&fresh).ok() {
            stale.push(xlsx.display().to_string());
        }
        for lang in ["nb", "nn", "en"] {
            for format in ["csv", "md"] {
                let out = record(
                    Path::new(ROOT),
                    &[
                        example.to_str().unwrap(),
                        "--format",
                        format,
                        "--lang",
                        lang,
                    ],
                );
                let path = golden.join(format!("{stem}.{lang}.{format}"));
                if bless {
                    std::fs::create_dir_all(&golden).unwrap();
                    std::fs::write(&path, &out).unwrap();
                } else if std::fs::read(&path).ok().as_deref() != Some(&out[..]) {
                    stale.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the record differs from the golden files (run with PRIVLINT_BLESS=1 to accept it, and review the diff): {stale:#?}"
    );
}

#[test]
fn the_csv_parses_back_with_one_row_per_purpose() {
    let example = Path::new(ROOT).join("examples/nettbutikk.privacy");
    let rows = parse_csv(&record(Path::new(ROOT), &[example.to_str().unwrap()]));
    assert_eq!(rows[0][0], "Behandlingsansvarlig");
    let purposes = std::fs::read_to_string(&example)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("purpose "))
        .count();
    assert_eq!(rows.len(), 1 + purposes);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let newsletter = rows
        .iter()
        .find(|r| r[column("ID")] == "newsletter")
        .unwrap();
    assert_eq!(newsletter[column("Behandlingsansvarlig")], "Fjellsko AS");
    assert_eq!(newsletter[column("Organisasjonsnummer")], "999 888 777");
    assert!(
        newsletter[column("Overføring til tredjeland")]
            .contains("USA (US) – EU–US Data Privacy Framework"),
        "{newsletter:?}"
    );
    assert!(newsletter[column("Behandlingsgrunnlag")].starts_with("Samtykke"));
}

#[test]
fn the_xlsx_holds_the_same_cells_as_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    for example in examples() {
        let path = dir.path().join("record.xlsx");
        for lang in ["nb", "nn", "en"] {
            record(
                dir.path(),
                &[
                    example.to_str().unwrap(),
                    "--lang",
                    lang,
                    "--output",
                    path.to_str().unwrap(),
                ],
            );
            let csv = parse_csv(&record(
                dir.path(),
                &[example.to_str().unwrap(), "--lang", lang],
            ));
            let (sheets, cells) = xlsx_rows(&path);
            assert_eq!(sheets.len(), 1);
            assert_eq!(sheets[0], if lang == "en" { "Record" } else { "Protokoll" });
            // The workbook holds the text; the CSV defuses what a spreadsheet would evaluate.
            let defused: Vec<Vec<String>> = cells
                .iter()
                .map(|row| row.iter().map(|c| defuse_formula(c).into_owned()).collect())
                .collect();
            assert_eq!(defused, csv, "{} ({lang})", example.display());
        }
    }
}

#[test]
fn xlsx_to_a_pipe_and_format_from_the_extension() {
    let example = Path::new(ROOT).join("examples/kommune-helse.privacy");
    let piped = record(
        Path::new(ROOT),
        &[example.to_str().unwrap(), "--format", "xlsx"],
    );
    assert!(piped.starts_with(b"PK\x03\x04"), "a zip archive");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("protokoll.md");
    let out = record(
        dir.path(),
        &[
            example.to_str().unwrap(),
            "--output",
            path.to_str().unwrap(),
        ],
    );
    assert!(out.is_empty());
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Protokoll over behandlingsaktiviteter\n\n| Behandlingsansvarlig |"));
}

#[test]
fn several_declarations_give_one_record_with_the_controller_on_every_row() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        "controller a \"A AS\" { country NO }\npurpose p \"P\" {\n  basis contract\n}\npurpose q \"Q\" {\n  basis contract\n}\n",
    );
    write(
        dir.path(),
        "b/b.privacy",
        "controller b \"B AS\" { country NO }\npurpose r \"R\" {\n  basis consent\n}\n",
    );
    let rows = parse_csv(&record(dir.path(), &["b", "a.privacy", "--lang", "en"]));
    let firsts: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[7].as_str()))
        .collect();
    assert_eq!(firsts, [("A AS", "P"), ("A AS", "Q"), ("B AS", "R")]);
    assert_eq!(rows[0][0], "Controller");
}

#[test]
fn errors_do_not_block_the_record_and_a_missing_value_is_an_empty_cell() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.privacy",
        "controller c \"C AS\" { country NO }\npurpose p \"P\" {\n  data nowhere\n}\n",
    );
    let out = privlint(dir.path(), &["record", "d.privacy"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("d.privacy: "), "{stderr}");
    let rows = parse_csv(&out.stdout);
    assert_eq!(rows.len(), 2);
    let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][column("Behandlingsgrunnlag")], "");
    assert_eq!(rows[1][column("Kategorier av personopplysninger")], "");
}

#[test]
fn a_cell_a_spreadsheet_would_evaluate_is_defused_in_csv_only() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.privacy",
        "controller c \"=cmd|' /C calc'!A0\" { country NO }\npurpose p \"@SUM(A1)\" {\n  basis contract\n}\n",
    );
    let rows = parse_csv(&record(dir.path(), &["d.privacy"]));
    assert_eq!(rows[1][0], "'=cmd|' /C calc'!A0");
    assert_eq!(rows[1][7], "'@SUM(A1)");
    let md = String::from_utf8(record(dir.path(), &["d.privacy", "--format", "md"])).unwrap();
    assert!(md.contains("| =cmd&#124;' /C calc'\\!A0 |"), "{md}");
    let path = dir.path().join("r.xlsx");
    record(
        dir.path(),
        &["d.privacy", "--output", path.to_str().unwrap()],
    );
    let (_, cells) = xlsx_rows(&path);
    assert_eq!(
        cells[1][0], "=cmd|' /C calc'!A0",
        "written as text, never as a formula"
    );
}

#[test]
fn a_file_that_cannot_be_read_or_an_unknown_language_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ok.privacy",
        "controller c \"C\" { country NO }\n",
    );
    let out = privlint(dir.path(), &["record", "ok.privacy", "missing.privacy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("missing.privacy"), "{stderr}");
    let out = privlint(dir.path(), &["record", "ok.privacy", "--lang", "se"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`se`"));
    write(dir.path(), "bad.privacy", b"controller c \"\xff\" {}\n");
    let out = privlint(dir.path(), &["record", "bad.privacy"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_failed_run_leaves_the_output_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "record.csv", "before");
    let out = privlint(
        dir.path(),
        &["record", "missing.privacy", "--output", "record.csv"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("record.csv")).unwrap(),
        "before"
    );
}

#[test]
fn a_declaration_in_several_files_gives_its_rows_once() {
    // The directory holds its five files; each purpose is one row, however many files are found.
    let out = record(
        Path::new(ROOT),
        &[
            "examples/fjordbanken",
            "examples/fjordbanken/systems/kreditt.privacy",
            "--format",
            "csv",
        ],
    );
    let rows = parse_csv(&out);
    assert_eq!(rows.len(), 1 + 6, "a header and the six purposes: {rows:?}");
}

#[test]
fn a_carriage_return_in_a_string_keeps_the_markdown_table_whole() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.privacy",
        "controller c \"C\\u{D}AS\" { country NO }\npurpose p \"Første\\u{D}| andre\" {\n  basis contract\n}\n",
    );
    let md = String::from_utf8(record(dir.path(), &["d.privacy", "--format", "md"])).unwrap();
    assert!(!md.contains('\r'), "a carriage return ends the row: {md:?}");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 3, "header, rule and one row: {md}");
    assert!(
        rows[2].starts_with("| C<br />AS | ") && rows[2].contains("| Første<br />&#124; andre |"),
        "{md}"
    );
}

#[test]
fn a_string_longer_than_an_excel_cell_is_cut_in_the_workbook_with_a_mark_and_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let label = "ø".repeat(40_000);
    write(
        dir.path(),
        "d.privacy",
        format!(
            "controller c \"C AS\" {{ country NO }}\npurpose lang \"{label}\" {{\n  basis contract\n}}\n"
        ),
    );
    let path = dir.path().join("r.xlsx");
    let out = privlint(
        dir.path(),
        &["record", "d.privacy", "--output", path.to_str().unwrap()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: purpose `lang`, column \"Formål\": longer than the 32767 characters an Excel cell holds"),
        "{stderr}"
    );
    let (_, cells) = xlsx_rows(&path);
    let cell = &cells[1][7];
    assert!(cell.encode_utf16().count() <= 32_767);
    let kept = cell.chars().take_while(|&c| c == 'ø').count();
    assert_eq!(
        &cell[kept * 'ø'.len_utf8()..],
        format!(" … [avkortet: {} tegn til]", 40_000 - kept)
    );
    // The CSV has the whole string.
    let rows = parse_csv(&record(dir.path(), &["d.privacy"]));
    assert_eq!(rows[1][7], label);
}

#[test]
fn the_date_is_given_or_pinned_and_the_language_is_the_notices_first() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.privacy",
        "notice \"Personvernerklæring\" en \"Privacy notice\" {\n  languages en, nb\n}\ncontroller c \"C AS\" { country NO }\npurpose p \"P\" {\n  basis contract\n}\n",
    );
    let rows = parse_csv(&record(dir.path(), &["d.privacy"]));
    let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][0], "Controller", "the notice's first language");
    assert_eq!(rows[1][column("Date of the record")], "2026-01-15");
    assert_eq!(rows[1][column("Declaration")], "Privacy notice");
    let rows = parse_csv(&record(
        dir.path(),
        &["d.privacy", "--date", "2025-12-31", "--lang", "nn"],
    ));
    assert_eq!(rows[1][rows[0].len() - 1], "2025-12-31");
    assert_eq!(rows[0][0], "Behandlingsansvarleg");
    for bad in ["2025-02-29", "31.12.2025", "today"] {
        let out = run_record(dir.path(), &["d.privacy", "--date", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .current_dir(dir.path())
        .args(["record", "d.privacy"])
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_processors_record_from_two_controllers_declarations() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        "controller a \"A AS\" {\n  country NO\n  email \"post@a.example\"\n}\nprocessor mail \"Postmann AS\" en \"Postman Ltd\" {\n  country US\n  safeguard dpf\n  agreement \"DBA-7\"\n}\npurpose news \"Nyhetsbrev\" {\n  basis consent\n  processors mail\n}\npurpose books \"Regnskap\" {\n  basis legal_obligation\n}\n",
    );
    write(
        dir.path(),
        "b.privacy",
        "controller b \"B AS\" { country SE }\nprocessor postmann \"Postmann AS\" { country NO }\npurpose sms \"Varsler\" {\n  basis contract\n  processors postmann\n}\n",
    );
    let out = run_record(
        dir.path(),
        &[
            "a.privacy",
            "b.privacy",
            "--as-processor",
            "postman ltd",
            "--lang",
            "en",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Art. 30(2)(d)"), "{stderr}");
    let rows = parse_csv(&out.stdout);
    let column = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h.starts_with(name))
            .unwrap_or_else(|| panic!("{name} in {:?}", rows[0]))
    };
    assert_eq!(rows[0][0], "Processor");
    let controllers: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r[column("Controller")].as_str())
        .collect();
    // The label matches in a's declaration (its translation); b's has no English label.
    assert_eq!(controllers, ["A AS"]);
    let out = run_record(
        dir.path(),
        &[
            "a.privacy",
            "b.privacy",
            "--as-processor",
            "Postmann AS",
            "--lang",
            "en",
        ],
    );
    let rows = parse_csv(&out.stdout);
    let cells = |name: &str| -> Vec<String> {
        let i = column(name);
        rows[1..].iter().map(|r| r[i].clone()).collect()
    };
    assert_eq!(cells("Controller"), ["A AS", "B AS"]);
    assert_eq!(
        cells("Controller's contact details"),
        ["post@a.example", ""]
    );
    assert_eq!(cells("Categories of processing"), ["Nyhetsbrev", "Varsler"]);
    assert_eq!(cells("Data processing agreement"), ["DBA-7", ""]);
    assert_eq!(
        cells("Transfers to third countries"),
        [
            "Postman Ltd: United States (US) – EU–US Data Privacy Framework (Art. 45)",
            ""
        ]
    );
    assert!(
        cells("General description")
            .iter()
            .all(|c| c.starts_with("Not in the controllers'"))
    );
    assert!(
        cells("Sub-processors")
            .iter()
            .all(|c| c.starts_with("Not in the controllers'"))
    );
    let out = run_record(dir.path(), &["a.privacy", "--as-processor", "Nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no declaration names a processor `Nobody`")
    );
}
