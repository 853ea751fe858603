//! `privlint notice` end to end: golden files of the bundled examples in every language and
//! format, refusal on errors, the draft banner, unknown languages, atomic `--output`, escaping.
//!
//! The golden files are `examples/published/notice/EXAMPLE.LANG.{html,md}` (kept in the examples so that a reader of the repository sees what privlint makes), compared byte for byte.
//! After a deliberate change to the notice (or to an example), rewrite them with
//! `PRIVLINT_BLESS=1 cargo test --test cli_notice` and review the diff.

mod common;

use std::path::{Path, PathBuf};

use common::{CLEAN, privlint, write};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The errors `check` reports for a file.
fn errors(dir: &Path, file: &str) -> usize {
    let (_, report) = common::json(dir, &[file]);
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .count()
}

#[test]
fn bundled_examples_match_their_golden_files() {
    let root = root();
    let golden = root.join("examples/published/notice");
    let bless = std::env::var_os("PRIVLINT_BLESS").is_some();
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "privacy"))
        .collect();
    examples.sort();
    // The declaration in several files, named by one of its files.
    examples.push(root.join("examples/fjordbanken/organisation.privacy"));
    assert!(examples.len() >= 5, "{examples:?}");
    let mut compared = 0;
    let mut stale = Vec::new();
    for example in &examples {
        let file = example
            .strip_prefix(&root)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let name = match example.parent().and_then(|p| p.file_name()) {
            Some(dir) if dir != "examples" => dir.to_str().unwrap(),
            _ => example.file_stem().unwrap().to_str().unwrap(),
        };
        // An example with errors is rendered as a draft (the banner counts them).
        let draft = errors(&root, &file) > 0;
        for lang in ["nb", "nn", "en"] {
            for (format, ext) in [("html", "html"), ("md", "md")] {
                let mut args = vec!["notice", &file, "--lang", lang, "--format", format];
                if draft {
                    args.push("--draft");
                }
                let out = privlint(&root, &args);
                assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
                let path = golden.join(format!("{name}.{lang}.{ext}"));
                if bless {
                    std::fs::create_dir_all(&golden).unwrap();
                    std::fs::write(&path, &out.stdout).unwrap();
                } else if std::fs::read(&path).ok().as_deref() != Some(&out.stdout[..]) {
                    stale.push(path.display().to_string());
                }
                compared += 1;
            }
        }
    }
    assert_eq!(compared, examples.len() * 6);
    assert!(
        stale.is_empty(),
        "these notices differ from their golden files (PRIVLINT_BLESS=1 cargo test --test cli_notice rewrites them; review the diff): {stale:#?}"
    );
}

const WITH_ERROR: &str = "purpose p \"Nyhetsbrev\" {\n  data x\n}\n";

#[test]
fn a_declaration_with_errors_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.privacy", format!("{CLEAN}{WITH_ERROR}"));
    let expected = errors(dir.path(), "a.privacy");
    assert!(expected > 0);
    let out = privlint(
        dir.path(),
        &["notice", "a.privacy", "--output", "notice.html"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).is_empty(),
        "nothing on stdout: {}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains("missing-legal-basis"),
        "the findings are printed: {err}"
    );
    assert!(err.contains(&format!("has {expected} error")), "{err}");
    assert!(
        !dir.path().join("notice.html").exists(),
        "no file is written"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");
}

#[test]
fn a_failing_run_leaves_an_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.privacy", format!("{CLEAN}{WITH_ERROR}"));
    write(dir.path(), "notice.html", "old");
    let out = privlint(
        dir.path(),
        &["notice", "a.privacy", "--output", "notice.html"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notice.html")).unwrap(),
        "old"
    );
    let out = privlint(
        dir.path(),
        &[
            "notice",
            "a.privacy",
            "--output",
            "missing/dir/notice.html",
            "--draft",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "an unwritable output is exit 2");
    assert!(!dir.path().join("missing").exists());
}

#[test]
fn draft_renders_with_a_banner_that_counts_the_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.privacy", format!("{CLEAN}{WITH_ERROR}"));
    let n = errors(dir.path(), "a.privacy");
    let out = privlint(dir.path(), &["notice", "a.privacy", "--draft"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    let banner = format!("Erklæringen har {n} feil som må rettes først.");
    assert!(
        html.contains(&format!(
            "<p class=\"draft\" role=\"note\">Utkast – skal ikke publiseres. {banner}</p>"
        )),
        "{html}"
    );
    // Before the content: right after the title.
    assert!(html.find("class=\"draft\"").unwrap() < html.find("<main").unwrap());
    let out = privlint(
        dir.path(),
        &["notice", "a.privacy", "--draft", "--format", "md"],
    );
    assert!(stdout(&out).contains(&format!("> **Utkast – skal ikke publiseres. {banner}**")));
    // The same declaration in English, when it is published in English.
    write(
        dir.path(),
        "b.privacy",
        format!(
            "notice \"Erklæring\" en \"Notice\" {{\n  languages nb, en\n}}\n{CLEAN}{WITH_ERROR}"
        ),
    );
    let n = errors(dir.path(), "b.privacy");
    let out = privlint(
        dir.path(),
        &["notice", "b.privacy", "--draft", "--lang", "en"],
    );
    assert!(
        stdout(&out).contains(&format!(
            "The declaration has {n} errors that must be fixed first."
        )),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_unknown_language_is_exit_2_naming_it_and_the_ones_available() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.privacy", CLEAN);
    let out = privlint(dir.path(), &["notice", "a.privacy", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("`de`") && err.contains("available: nb"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());

    // Published in Northern Sami, which privlint has no text for.
    write(
        dir.path(),
        "b.privacy",
        format!("notice \"Erklæring\" {{\n  languages nb, se\n}}\n{CLEAN}"),
    );
    let out = privlint(dir.path(), &["notice", "b.privacy", "--lang", "se"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("`se`") && err.contains("no text") && err.contains("available: nb"),
        "{err}"
    );
    // A language privlint writes but the notice is not published in.
    let out = privlint(dir.path(), &["notice", "b.privacy", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("published in nb, se"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_default_language_is_the_first_of_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.privacy", CLEAN);
    let out = privlint(dir.path(), &["notice", "a.privacy"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("<html lang=\"nb\">"));
    write(
        dir.path(),
        "b.privacy",
        format!("notice \"Privacy\" nb \"Personvern\" {{\n  languages en, nb\n}}\n{CLEAN}"),
    );
    let out = privlint(dir.path(), &["notice", "b.privacy"]);
    let html = stdout(&out);
    assert!(
        html.contains("<html lang=\"en\">") && html.contains("<h1>Privacy</h1>"),
        "{html}"
    );
    let out = privlint(dir.path(), &["notice", "b.privacy", "--lang", "nb"]);
    assert!(stdout(&out).contains("<h1>Personvern</h1>"));
}

#[test]
fn output_is_written_atomically_and_equals_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.privacy", CLEAN);
    let out = privlint(dir.path(), &["notice", "a.privacy", "--format", "md"]);
    let expected = out.stdout;
    let out = privlint(
        dir.path(),
        &[
            "notice",
            "a.privacy",
            "--format",
            "md",
            "--output",
            "notice.md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read(dir.path().join("notice.md")).unwrap(),
        expected
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["a.privacy", "notice.md"],
        "no temporary file is left"
    );
}

#[test]
fn declaration_strings_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "purpose p \"<script>alert('x')</script> & *fet* [lenke](javascript:alert(1))\" {\n  basis contract\n  data kontakt\n  subjects s\n  retention 1 year\n}\ncategory kontakt \"<img src=x onerror=alert(1)>\"\nsubject s \"- # Overskrift\"\n";
    write(dir.path(), "a.privacy", format!("{CLEAN}{hostile}"));
    let out = privlint(dir.path(), &["notice", "a.privacy", "--draft"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *fet*"),
        "{html}"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("href=\"javascript"));
    let out = privlint(
        dir.path(),
        &["notice", "a.privacy", "--draft", "--format", "md"],
    );
    let md = stdout(&out);
    assert!(
        md.contains(
            r"&lt;script&gt;alert('x')&lt;/script&gt; &amp; \*fet\* \[lenke\](javascript:alert(1))"
        ),
        "{md}"
    );
    // One subject is shown inline, as a paragraph: its start is escaped as a block start.
    assert!(md.contains("\n\\- \\# Overskrift\n"), "{md}");
}

#[test]
fn untranslated_strings_keep_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "notice \"Personvern\" en \"Privacy\" {{\n  languages nb, en\n}}\n{CLEAN}purpose p \"Nyhetsbrev\" en \"Newsletter\" {{\n  basis contract\n  data kontakt\n  retention 1 year\n}}\ncategory kontakt \"Kontaktopplysninger\"\n"
    );
    write(dir.path(), "a.privacy", text);
    let out = privlint(
        dir.path(),
        &["notice", "a.privacy", "--lang", "en", "--draft"],
    );
    let html = stdout(&out);
    assert!(
        html.contains("Newsletter") && !html.contains("Nyhetsbrev"),
        "{html}"
    );
    assert!(
        html.contains("<span lang=\"nb\">Kontaktopplysninger</span>"),
        "{html}"
    );
}

#[test]
fn a_notice_for_some_subjects_keeps_their_purposes_those_for_everyone_and_the_whole_controller() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{CLEAN}notice \"Personvern\" {{\n  languages nb\n  url \"https://c.example/personvern\"\n}}\n\
         category k \"Kontaktopplysninger\"\n\
         subject kunder \"Kunder\"\nsubject ansatte \"Ansatte\" {{ employee }}\n\
         purpose konto \"Kontohold\" {{\n  basis contract\n  data k\n  subjects kunder\n  retention 1 year\n}}\n\
         purpose lonn \"Lønn\" {{\n  basis legal_obligation \"a-opplysningsloven\"\n  data k\n  subjects ansatte\n  retention 5 years\n}}\n\
         purpose sikkerhet \"Sikkerhet\" {{\n  basis legitimate_interests \"å verne systemene\"\n  data k\n  retention 90 days\n}}\n"
    );
    write(dir.path(), "a.privacy", text);
    let out = privlint(
        dir.path(),
        &[
            "notice",
            "a.privacy",
            "--draft",
            "--format",
            "md",
            "--subject",
            "kunder",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("### Kontohold"), "{md}");
    assert!(
        md.contains("### Sikkerhet"),
        "a purpose naming no subject stays: {md}"
    );
    assert!(
        !md.contains("Lønn"),
        "another audience's purpose is left out: {md}"
    );
    assert!(
        md.contains("## Dine rettigheter") && md.contains("## Kontakt oss"),
        "{md}"
    );
    assert!(
        md.contains("Denne versjonen av personvernerklæringen er for Kunder. Hele erklæringen finner du på [https://c.example/personvern](https://c.example/personvern)."),
        "{md}"
    );
    let whole = stdout(&privlint(
        dir.path(),
        &["notice", "a.privacy", "--draft", "--format", "md"],
    ));
    assert!(
        whole.contains("Lønn") && !whole.contains("Denne versjonen"),
        "{whole}"
    );
    // Two audiences: the summary groups the purposes by subject.
    assert!(whole.contains("**Kunder**\n\n- Kontohold"), "{whole}");

    let out = privlint(
        dir.path(),
        &[
            "notice",
            "a.privacy",
            "--draft",
            "--subject",
            "kunder,elever",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`elever` is not a subject"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}
