//! `privlint import`: a first draft of a declaration from a record kept elsewhere, end to end
//! through the binary. Each fixture under tests/fixtures/import/ is imported, the declaration
//! checked for syntax errors and left unchanged by `privlint fmt`, and its loss report compared
//! with a golden file (`PRIVLINT_BLESS=1` rewrites them). The round trip `record` → `import` →
//! `record` gives the same rows for every bundled example, in each language, through XLSX and
//! CSV.

mod common;

use std::path::{Path, PathBuf};

use common::{json, privlint, write};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixtures() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/import")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Imports `input` into `dir/imported.privacy` with the report as JSON, then checks that the
/// declaration has no syntax error and that `fmt` leaves it unchanged; returns the report.
fn import(dir: &Path, input: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "import",
        input.to_str().unwrap(),
        "--output",
        "imported.privacy",
        "--report",
        "report.json",
    ];
    args.extend_from_slice(extra);
    args.push("--force");
    let out = privlint(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, report) = json(dir, &["imported.privacy"]);
    let syntax: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "syntax-error")
        .collect();
    assert!(syntax.is_empty(), "{syntax:#?}");
    // Every field written is one the language has.
    let unknown: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap_or_default()
                .contains("unknown field")
        })
        .collect();
    assert!(unknown.is_empty(), "{unknown:#?}");
    let fmt = privlint(dir, &["fmt", "--check", "imported.privacy"]);
    assert_eq!(
        fmt.status.code(),
        Some(0),
        "fmt would change it: {}",
        stderr(&fmt)
    );
    serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap()
}

fn golden(name: &str, actual: &str) {
    let path = fixtures().join(name);
    if std::env::var_os("PRIVLINT_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        actual, expected,
        "{name} differs (PRIVLINT_BLESS=1 rewrites it; review the diff)"
    );
}

#[test]
fn behandlingsoversikt_export_is_imported_and_every_loss_reported() {
    let dir = tempfile::tempdir().unwrap();
    let report = import(dir.path(), &fixtures().join("behandlingsoversikt.csv"), &[]);
    golden(
        "behandlingsoversikt.report.json",
        &(serde_json::to_string_pretty(&report).unwrap() + "\n"),
    );
    let text = std::fs::read_to_string(dir.path().join("imported.privacy")).unwrap();
    golden("behandlingsoversikt.privacy", &text);
    // Every basis code and every Art. 9(2) letter became its word.
    for word in [
        "basis consent",
        "basis contract",
        "basis legal_obligation \"forskrift § 1\"",
        "basis vital_interests",
        "basis public_task",
        "basis legitimate_interests",
        "condition explicit_consent",
        "condition archiving_research",
        "condition health_care \"helsepersonelloven § 39\"",
    ] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    // The municipality's own column is reported as not recognised, and kept.
    let losses = report.as_array().unwrap();
    assert!(losses.iter().any(|l| l["column"] == "Kommunens saksnummer"
        && l["value"] == "2024/999"
        && l["reason"] == "column not recognised"));
    assert!(text.contains("# import: \"Kommunens saksnummer\": 2024/999"));
    // JSON.stringify's escapes are read: the quote and the line break come back, in the
    // version 3 fields that hold them.
    assert!(
        text.contains(r#"security "Tilgangsstyring per rolle; logging av \"oppslag\"""#),
        "{text}"
    );
    assert!(
        text.contains(
            r#"description "Yte helse- og omsorgstjenester i hjemmet.\nJournalføre tjenestene.""#
        ),
        "{text}"
    );
}

/// The ICO's template, as Fides writes it (`DATAMAP_COLUMNS`), with a title above the header
/// row and a column the template does not have.
fn ico_workbook(path: &Path) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .write_string(0, 0, "Record of processing activities")
        .unwrap();
    let headers = [
        "Department or Business Function",
        "Purpose of Processing",
        "Categories of Individuals",
        "Categories of Personal Data",
        "Categories of Recipients",
        "Third Country Transfers",
        "Retention Schedule",
        "General Description of Security Measures",
        "Article 6 lawful basis for processing personal data",
        "Article 9 condition for processing special category data",
        "Data Protection Impact Assessment required?",
        "Link to Data Protection Impact Assessment",
        "Our internal owner",
    ];
    let rows = [
        [
            "HR",
            "Payroll",
            "Employees",
            "Bank details\nSalary",
            "HMRC",
            "N/A",
            "6 years after employment ends",
            "Role-based access",
            "Legal obligation (Art. 6(1)(c))",
            "",
            "No",
            "",
            "Head of HR",
        ],
        [
            "Marketing",
            "Newsletter",
            "Subscribers",
            "Email address",
            "",
            "",
            "Until you unsubscribe",
            "",
            "consent",
            "",
            "Yes",
            "https://intranet.example/dpia/7",
            "",
        ],
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(3 + r as u32, c as u16, *v).unwrap();
            }
        }
    }
    workbook.save(path).unwrap();
}

#[test]
fn ico_template_workbook_is_imported_by_header_not_position() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ico.xlsx");
    ico_workbook(&input);
    let report = import(dir.path(), &input, &[]);
    golden(
        "ico.report.json",
        &(serde_json::to_string_pretty(&report).unwrap() + "\n"),
    );
    let text = std::fs::read_to_string(dir.path().join("imported.privacy")).unwrap();
    golden("ico.privacy", &text);
    assert!(text.contains("purpose payroll \"Payroll\""));
    assert!(text.contains("retention 6 years after \"employment ends\""));
    assert!(text.contains("retention until \"you unsubscribe\""));
    assert!(text.contains("dpia \"https://intranet.example/dpia/7\""));
    assert!(text.contains("# import: \"Our internal owner\": Head of HR"));
    assert!(text.contains("security \"Role-based access\""));
}

#[test]
fn fides_manifests_in_a_directory_are_imported() {
    let dir = tempfile::tempdir().unwrap();
    let report = import(dir.path(), &fixtures().join(".fides"), &[]);
    golden(
        "fides.report.json",
        &(serde_json::to_string_pretty(&report).unwrap() + "\n"),
    );
    let text = std::fs::read_to_string(dir.path().join("imported.privacy")).unwrap();
    golden("fides.privacy", &text);
    for line in [
        "controller fjordvik_kommune \"Fjordvik kommune\"",
        "basis public_task",
        "condition health_care",
        "retention 3650 days",
        "joint_controllers helse_fjord_hf",
        "email \"post@helsefjord.example\"",
        "# import: system.yml: system[0].third_country_transfers: [\"USA\"]",
    ] {
        assert!(text.contains(line), "{line} missing:\n{text}");
    }
    // A Fides file that is not YAML: one line naming it, exit 2.
    write(dir.path(), "broken.yml", "system: [unclosed\n");
    let out = privlint(dir.path(), &["import", "broken.yml", "--from", "fideslang"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("broken.yml") && err.contains("not YAML"),
        "{err}"
    );
    // Aliases that would expand to 10^12 values ("billion laughs") are refused, not expanded.
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    bomb.push_str("system: [*a11]\n");
    write(dir.path(), "bomb.yml", bomb);
    let out = privlint(dir.path(), &["import", "bomb.yml", "--from", "fideslang"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bomb.yml"), "{}", stderr(&out));
}

fn examples() -> Vec<PathBuf> {
    let mut examples: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "privacy"))
        .collect();
    examples.sort();
    examples.push(Path::new(ROOT).join("examples/fjordbanken"));
    examples
}

fn record(dir: &Path, input: &Path, lang: &str, format: &str, output: &str) -> Vec<u8> {
    let out = privlint(
        dir,
        &[
            "record",
            input.to_str().unwrap(),
            "--lang",
            lang,
            "--format",
            format,
            "--output",
            output,
        ],
    );
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        stderr(&out)
    );
    std::fs::read(dir.join(output)).unwrap()
}

fn round_trip(dir: &Path, example: &Path, lang: &str, format: &str) {
    let original = record(dir, example, lang, "csv", "original.csv");
    record(dir, example, lang, format, &format!("record.{format}"));
    let out = privlint(
        dir,
        &[
            "import",
            &format!("record.{format}"),
            "--output",
            "imported.privacy",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        out.stderr.is_empty(),
        "{} in {lang} through {format}: nothing should be lost: {}",
        example.display(),
        stderr(&out)
    );
    let again = record(dir, &dir.join("imported.privacy"), lang, "csv", "again.csv");
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(original).unwrap(),
        "{} in {lang} through {format}",
        example.display()
    );
}

#[test]
fn record_import_record_gives_the_same_rows_for_every_example_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    for example in examples() {
        for lang in ["nb", "nn", "en"] {
            for format in ["xlsx", "csv"] {
                round_trip(dir.path(), &example, lang, format);
            }
        }
    }
}

#[test]
fn the_csv_formula_guard_is_reversed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "guarded.privacy",
        "controller c \"=Fjord AS\" {\n  phone \"+47 22 00 00 00\"\n}\n\
         subject s \"-Kunder\"\n\
         purpose p \"@Salg\" {\n  basis contract\n  subjects s\n  retention 1 year\n}\n",
    );
    let csv = record(
        dir.path(),
        &dir.path().join("guarded.privacy"),
        "nb",
        "csv",
        "r.csv",
    );
    assert!(String::from_utf8_lossy(&csv).contains("'=Fjord AS"));
    round_trip(dir.path(), &dir.path().join("guarded.privacy"), "nb", "csv");
    let text = std::fs::read_to_string(dir.path().join("imported.privacy")).unwrap();
    assert!(
        text.contains("\"=Fjord AS\"") && text.contains("\"-Kunder\""),
        "{text}"
    );
}

#[test]
fn an_existing_output_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "mine.privacy", "# my work\n");
    let input = fixtures().join("behandlingsoversikt.csv");
    let out = privlint(
        dir.path(),
        &[
            "import",
            input.to_str().unwrap(),
            "--output",
            "mine.privacy",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("mine.privacy") && stderr(&out).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.privacy")).unwrap(),
        "# my work\n"
    );
    let out = privlint(
        dir.path(),
        &[
            "import",
            input.to_str().unwrap(),
            "--output",
            "mine.privacy",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(dir.path().join("mine.privacy"))
            .unwrap()
            .contains("controller")
    );
}

#[test]
fn bad_input_is_one_line_naming_the_file_and_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let mut latin1 = b"Behandlingsansvarlig,Form\xe5l,Kilder\r\nFjord,Salg,Kunden\r\n".to_vec();
    latin1.extend_from_slice(b"");
    write(dir.path(), "latin1.csv", &latin1);
    write(
        dir.path(),
        "notes.txt",
        "Dette er et notat, ikke en protokoll.\n",
    );
    write(
        dir.path(),
        "tabs.csv",
        "Behandlingsansvarlig|Formål|Kilder\nFjord|Salg|Kunden\n",
    );
    let mut empty = rust_xlsxwriter::Workbook::new();
    empty
        .add_worksheet()
        .write_string(0, 0, "Bare en tittel")
        .unwrap();
    empty.save(dir.path().join("empty.xlsx")).unwrap();
    write(dir.path(), "broken.xlsx", b"PK\x03\x04 not really a zip");
    for (file, expected) in [
        ("latin1.csv", "not UTF-8"),
        ("notes.txt", "none of the formats privlint imports"),
        ("tabs.csv", "none of the formats privlint imports"),
        ("empty.xlsx", "no header row privlint recognises"),
        ("broken.xlsx", "not a readable XLSX workbook"),
    ] {
        let out = privlint(dir.path(), &["import", file]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{file}: {err}");
        assert!(
            err.contains(file) && err.contains(expected),
            "{file}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = privlint(dir.path(), &["import", "notes.txt", "--from", "xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not an XLSX workbook"));
}
