//! What privlint refuses to read, and which `privlint.toml` it trusts. The hostile tree here is
//! the one `tests/lsp/test_files.py` gives the language server: both must refuse the same files
//! for the same reasons, because both find and read files through privlint-files.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use common::{CLEAN, Value, write};

const NOT_REGULAR: &str =
    "not a regular file: privlint reads only regular files, not pipes, devices or sockets";

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn link(target: &str, path: &Path) {
    std::os::unix::fs::symlink(target, path).unwrap();
}

/// A repository with two declarations: `all` (decl/) with a FIFO, links to a character device,
/// `/dev/zero`, `/dev/stdin` and a file outside the repository, a file that is not UTF-8 and
/// one with a byte order mark; `large` (large/) with a 40 MB file; and old/, whose
/// configuration has an entry that matches nothing. Returns the repository.
fn hostile(outer: &Path) -> std::path::PathBuf {
    let root = outer.join("repo");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    write(
        &root,
        "privlint.toml",
        "[[declarations]]\nname = \"all\"\nfiles = [\"decl\"]\n\n[[declarations]]\nname = \"large\"\nfiles = [\"large\"]\n",
    );
    write(
        &root,
        "decl/open.privacy",
        format!("{CLEAN}purpose p \"P\" {{\n  basis consent\n  data contact\n}}\n"),
    );
    // Read as a declaration only if the byte order mark is taken away.
    write(
        &root,
        "decl/bom.privacy",
        "\u{FEFF}category contact \"Kontakt\"\n",
    );
    write(
        &root,
        "decl/latin1.privacy",
        b"category k \"Bl\xe5b\xe6r\"\n".as_slice(),
    );
    mkfifo(&root.join("decl/fifo.privacy"));
    link("/dev/null", &root.join("decl/null.privacy"));
    link("/dev/zero", &root.join("decl/zero.privacy"));
    link("/dev/stdin", &root.join("decl/stdin.privacy"));
    write(outer, "secret.privacy", "controller stolen \"SECRET\"\n");
    link("../../secret.privacy", &root.join("decl/secret.privacy"));
    write(&root, "large/open.privacy", CLEAN);
    let big = std::fs::File::create(root.join("large/big.privacy")).unwrap();
    big.set_len(40 << 20).unwrap();
    write(
        &root,
        "old/privlint.toml",
        "[[declarations]]\nname = \"old\"\nfiles = [\"archive/*.privacy\"]\n",
    );
    write(&root, "old/a.privacy", CLEAN);
    root
}

/// The refusals the hostile tree must give, on the command line and in the editor alike:
/// (path, reason), the path relative to the repository.
fn expected() -> BTreeSet<(String, String)> {
    let outside = "a symbolic link to a file outside ., which a directory search does not follow (name it on the command line to check it)";
    [
        ("decl/fifo.privacy", NOT_REGULAR),
        ("decl/null.privacy", NOT_REGULAR),
        ("decl/zero.privacy", NOT_REGULAR),
        ("decl/stdin.privacy", NOT_REGULAR),
        ("decl/secret.privacy", outside),
        ("decl/latin1.privacy", "invalid-utf8"),
        (
            "large/big.privacy",
            "larger than 32 MB, the most privlint reads of one file",
        ),
        (
            "old/privlint.toml:1",
            "the declaration `old` matches no .privacy file: its `files` (\"archive/*.privacy\") are globs relative to the directory of privlint.toml",
        ),
    ]
    .into_iter()
    .map(|(path, reason)| (path.to_string(), reason.to_string()))
    .collect()
}

fn run(dir: &Path, args: &[&str], home: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_privlint"));
    command.current_dir(dir).args(args).env("NO_COLOR", "1");
    if let Some(home) = home {
        command.env("HOME", home);
    }
    command.output().expect("the privlint binary runs")
}

#[test]
fn a_hostile_tree_is_refused_file_by_file_and_nothing_outside_is_read() {
    let outer = tempfile::tempdir().unwrap();
    let root = hostile(outer.path());
    let out = run(&root, &["check", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(2), "refusals fail the run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stdout.contains("SECRET") && !stderr.contains("SECRET"));
    // Every line of stderr is a refusal: `privlint: error|warning: PATH: [not checked: ]REASON`.
    let mut refused = BTreeSet::new();
    for line in stderr.lines() {
        let rest = line
            .strip_prefix("privlint: error: ")
            .or_else(|| line.strip_prefix("privlint: warning: "))
            .unwrap_or_else(|| panic!("not a refusal: {line}"));
        let rest = rest.strip_prefix("invalid configuration: ").unwrap_or(rest);
        let (path, reason) = rest.split_once(": ").unwrap();
        let reason = reason.strip_prefix("not checked: ").unwrap_or(reason);
        assert!(
            refused.insert((path.to_string(), reason.to_string())),
            "said twice: {line}"
        );
    }
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    for d in diagnostics.iter().filter(|d| d["rule"] == "invalid-utf8") {
        refused.insert((d["file"].as_str().unwrap().into(), "invalid-utf8".into()));
    }
    assert_eq!(refused, expected(), "{stderr}");
    // The file with a byte order mark is read as a declaration: its category is used.
    let in_decl: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["file"].as_str().unwrap().starts_with("decl/"))
        .collect();
    assert!(
        !in_decl
            .iter()
            .any(|d| d["rule"] == "syntax-error" || d["rule"] == "unknown-reference"),
        "{in_decl:#?}"
    );
    // Naming one file of the declaration reports its files that are not read too.
    let out = run(&root, &["check", "decl/open.privacy"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["fifo", "null", "zero", "stdin", "secret"] {
        assert!(
            stderr.contains(&format!(
                "privlint: warning: decl/{name}.privacy: not checked: "
            )),
            "{stderr}"
        );
    }
}

/// A file that would silence the finding of `a.privacy` (`unused-definition`).
const SILENCING: &str = "[rules]\nunused-definition = \"off\"\n";

/// `check --format json` of `dir`, with `home` as the home directory: whether the finding is
/// silenced, and stderr.
fn silenced(dir: &Path, home: &Path) -> (bool, String) {
    let out = run(dir, &["check", "--format", "json"], Some(home));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (report["diagnostics"].as_array().unwrap().is_empty(), stderr)
}

fn declaration(dir: &Path) {
    write(dir, "a.privacy", format!("{CLEAN}category k \"K\"\n"));
}

#[test]
fn outside_a_repository_configuration_is_looked_for_up_to_the_home_directory() {
    let outer = tempfile::tempdir().unwrap();
    let home = outer.path().join("home");
    let project = home.join("project");
    declaration(&project);
    // Above the home directory: someone else's.
    write(outer.path(), "privlint.toml", SILENCING);
    let (silent, stderr) = silenced(&project, &home);
    assert!(!silent, "{stderr}");
    // In the home directory: the user's own, used with a warning (it is in no repository).
    write(&home, "privlint.toml", SILENCING);
    let (silent, stderr) = silenced(&project, &home);
    assert!(silent, "{stderr}");
    let config = home.join("privlint.toml");
    assert!(
        stderr.contains(&format!(
            "privlint: warning: {}: used, though it is in no repository (no .git in its directory or above): make sure it is yours",
            config.display()
        )),
        "{stderr}"
    );
    // In a repository, no warning.
    std::fs::create_dir(home.join(".git")).unwrap();
    let (silent, stderr) = silenced(&project, &home);
    assert!(silent && stderr.is_empty(), "{stderr}");
}

#[test]
fn a_configuration_others_can_write_is_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let outer = tempfile::tempdir().unwrap();
    let shared = outer.path().join("shared");
    declaration(&shared.join("project"));
    write(&shared, "privlint.toml", SILENCING);
    let config = shared.join("privlint.toml");
    // A directory every user can write, as the temporary directory is.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let (silent, stderr) = silenced(&shared.join("project"), outer.path());
    assert!(!silent, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "privlint: warning: {}: not used: its directory can be written by every user of this machine, so anyone could have put it there",
            config.display()
        )),
        "{stderr}"
    );
    // A file every user can write, in a directory only its owner can.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o666)).unwrap();
    let (silent, stderr) = silenced(&shared.join("project"), outer.path());
    assert!(!silent, "{stderr}");
    assert!(
        stderr.contains("privlint.toml: not used: it can be written by every user"),
        "{stderr}"
    );
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (silent, stderr) = silenced(&shared.join("project"), outer.path());
    assert!(silent, "{stderr}");
}

#[test]
fn a_configuration_of_another_user_is_not_used() {
    use std::os::unix::fs::MetadataExt;
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("theirs");
    declaration(&dir.join("project"));
    write(&dir, "privlint.toml", SILENCING);
    if std::fs::metadata(outer.path()).unwrap().uid() != 0 {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    // Root's own files are trusted (system-wide configuration).
    let (silent, stderr) = silenced(&dir.join("project"), outer.path());
    assert!(silent, "{stderr}");
    for path in [dir.join("privlint.toml"), dir.clone()] {
        std::os::unix::fs::chown(&path, Some(4242), None).unwrap();
        let (silent, stderr) = silenced(&dir.join("project"), outer.path());
        assert!(!silent, "{stderr}");
        assert!(
            stderr.contains("belongs to another user (uid 4242)"),
            "{stderr}"
        );
        std::os::unix::fs::chown(&path, Some(0), None).unwrap();
    }
}

/// `language = "nn"` in privlint.toml: the command line's errors about that configuration are
/// in Nynorsk, each naming the file, line and column; a language privlint does not speak is an
/// error there too, in English (the file could not say another).
#[test]
fn a_configuration_in_nynorsk_is_told_its_mistakes_in_nynorsk() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("repo");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    write(
        &root,
        "privlint.toml",
        "language = \"nn\"\nexclud = [\"drafts\"]\n\n[[declarations]]\nname = \"gammal\"\nfiles = [\"arkiv/*.privacy\"]\n",
    );
    write(&root, "a.privacy", CLEAN);
    let out = run(&root, &["check"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("privlint.toml:2:1: ukjend nøkkel `exclud`; meinte du `exclude`?"),
        "{stderr}"
    );
    write(
        &root,
        "privlint.toml",
        "language = \"nn\"\n\n[[declarations]]\nname = \"gammal\"\nfiles = [\"arkiv/*.privacy\"]\n",
    );
    let stderr = String::from_utf8_lossy(&run(&root, &["check"], None).stderr).into_owned();
    assert!(
        stderr.contains("privlint.toml:3: erklæringa `gammal` treffer inga .privacy-fil: `files` (\"arkiv/*.privacy\") er glob-mønster som gjeld frå mappa der privlint.toml ligg"),
        "{stderr}"
    );
    write(&root, "privlint.toml", "language = \"nynorsk\"\n");
    let stderr = String::from_utf8_lossy(&run(&root, &["check"], None).stderr).into_owned();
    assert!(
        stderr.contains("privlint.toml:1:12: `nynorsk` is not a language privlint speaks: use \"nb\" (Bokmål), \"nn\" (Nynorsk) or \"en\" (English)"),
        "{stderr}"
    );
}

/// A file that is not UTF-8 is reported in the run's language, alone and in a declaration of
/// several files (each read another way).
#[test]
fn a_file_that_is_not_utf8_is_reported_in_the_runs_language() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    write(
        root,
        "alone/latin1.privacy",
        b"category k \"Bl\xe5b\xe6r\"\n".as_slice(),
    );
    write(
        root,
        "privlint.toml",
        "[[declarations]]\nname = \"d\"\nfiles = [\"decl\"]\n",
    );
    write(root, "decl/open.privacy", CLEAN);
    write(root, "decl/latin1.privacy", b"\n\xf8\n".as_slice());
    let nynorsk = |path: &str| {
        let out = run(root, &["check", "--lang", "nn", path], None);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let alone = nynorsk("alone/latin1.privacy");
    assert!(
        alone.contains("fila er ikkje UTF-8: byte 0xE5 på line 1 (posisjon 14)"),
        "{alone}"
    );
    let in_declaration = nynorsk("decl");
    assert!(
        in_declaration.contains("fila er ikkje UTF-8: byte 0xF8 på line 2 (posisjon 1)"),
        "{in_declaration}"
    );
}
