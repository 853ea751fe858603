//! Hostile files: each ends in exit 0, 1 or 2 with a valid JSON report, in bounded time.

mod common;

use std::time::{Duration, Instant};

use common::*;

/// Checks one file's bytes; returns the exit status and the report, and asserts it took less
/// than `limit` (generous: these are regression tests against hangs, not benchmarks).
fn survive(name: &str, content: &[u8], limit: Duration) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), name, content);
    let started = Instant::now();
    let (status, report) = json(dir.path(), &[name]);
    assert!(
        started.elapsed() < limit,
        "{name} took {:?}",
        started.elapsed()
    );
    assert!(matches!(status, 0..=2), "{name}: exit {status}");
    for d in report["diagnostics"].as_array().unwrap() {
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
    }
    (status, report)
}

fn rules_of(report: &Value) -> Vec<String> {
    rules(report).into_iter().map(|(_, rule, _)| rule).collect()
}

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn deep_nesting() {
    let depth = 100_000;
    let text = format!(
        "{}{}",
        "purpose p \"P\" {\n".repeat(depth),
        "}\n".repeat(depth)
    );
    let (status, _) = survive("deep.privacy", text.as_bytes(), LIMIT);
    assert_eq!(status, 1);
    let unclosed = "a {".repeat(depth);
    survive("unclosed.privacy", unclosed.as_bytes(), LIMIT);
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    let (status, report) = survive("latin1.privacy", b"controller c \"F\xf8rde\"\n", LIMIT);
    assert_eq!(
        (status, rules_of(&report)),
        (1, vec!["invalid-utf8".to_string()])
    );
    let (status, report) = survive(
        "nul.privacy",
        format!("{CLEAN}category k \"a\0b\"\x00\n").as_bytes(),
        LIMIT,
    );
    assert_eq!(status, 1);
    assert!(rules_of(&report).contains(&"syntax-error".to_string()));
}

#[test]
fn a_two_megabyte_string() {
    let text = format!("{CLEAN}category k \"{}\"\n", "ø".repeat(1 << 20));
    let (status, report) = survive("big.privacy", text.as_bytes(), LIMIT);
    assert_eq!(status, 0, "{report}");
    let open = format!("{CLEAN}category k \"{}\n", "x".repeat(2 << 20));
    survive("open.privacy", open.as_bytes(), LIMIT);
}

#[test]
fn fifty_thousand_undefined_references() {
    let names: Vec<String> = (0..50_000).map(|i| format!("missing_{i}")).collect();
    let text = format!(
        "{CLEAN}purpose p \"P\" {{\n  basis contract\n  data {}\n  retention 1 year\n}}\n",
        names.join(", ")
    );
    let (status, report) = survive("refs.privacy", text.as_bytes(), LIMIT);
    assert_eq!(status, 1);
    assert_eq!(
        report["summary"]["errors"],
        50_000 + 1,
        "one unknown-reference each, plus portability"
    );
}

#[test]
fn line_ends_and_a_bom() {
    let crlf = CLEAN.replace('\n', "\r\n") + "category k \"K\"\r\n";
    let (status, report) = survive("crlf.privacy", crlf.as_bytes(), LIMIT);
    assert_eq!(status, 0);
    assert_eq!(
        rules(&report),
        vec![("crlf.privacy".into(), "unused-definition".into(), 11)]
    );
    let cr = CLEAN.replace('\n', "\r") + "category k \"K\"\r";
    let (_, report) = survive("cr.privacy", cr.as_bytes(), LIMIT);
    assert_eq!(
        rules(&report),
        vec![("cr.privacy".into(), "unused-definition".into(), 11)]
    );
    let bom = format!("\u{FEFF}{CLEAN}category k \"K\"\n");
    let (_, report) = survive("bom.privacy", bom.as_bytes(), LIMIT);
    assert_eq!(report["diagnostics"][0]["column"], 10);
}

/// Runs privlint, killing it if it has not finished within `limit` (then the test fails).
fn privlint_within(dir: &std::path::Path, args: &[&str], limit: Duration) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("privlint {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn pipes_and_devices_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.privacy", CLEAN);
    mkfifo(&dir.path().join("fifo.privacy"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.privacy")).unwrap();
    let limit = Duration::from_secs(10);
    for args in [
        &["check", "fifo.privacy"][..],
        &["check", "zero.privacy"],
        &["fmt", "fifo.privacy"],
        &["fmt", "--check", "zero.privacy"],
    ] {
        let out = privlint_within(dir.path(), args, limit);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "privlint: error: {}: not a regular file",
                args[args.len() - 1]
            )),
            "{args:?}: {stderr}"
        );
    }
    // Found in a directory: reported, and the other files still checked.
    let out = privlint_within(dir.path(), &["check", "--format", "json", "."], limit);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fifo.privacy: not a regular file"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    // A configuration that is a FIFO.
    std::fs::remove_file(dir.path().join("fifo.privacy")).unwrap();
    std::fs::remove_file(dir.path().join("zero.privacy")).unwrap();
    mkfifo(&dir.path().join("privlint.toml"));
    let out = privlint_within(dir.path(), &["check", "ok.privacy"], limit);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("invalid configuration: privlint.toml: not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_file_too_large_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 33 MB that take no room on the disk.
    let file = std::fs::File::create(dir.path().join("huge.privacy")).unwrap();
    file.set_len(33 << 20).unwrap();
    for args in [&["check", "huge.privacy"][..], &["fmt", "huge.privacy"]] {
        let out = privlint_within(dir.path(), args, LIMIT);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("huge.privacy: larger than 32 MB, the most privlint reads of one file"),
            "{stderr}"
        );
    }
}

/// Runs privlint with the given stdout and stderr (stdout is discarded if `None`).
fn privlint_to(
    dir: &std::path::Path,
    args: &[&str],
    stdout: std::process::Stdio,
    stderr: std::process::Stdio,
) -> std::process::ExitStatus {
    std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .current_dir(dir)
        .args(args)
        .stdout(stdout)
        .stderr(stderr)
        .status()
        .unwrap()
}

fn closed_pipe() -> std::process::Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer.into()
}

fn full_disk() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
        .into()
}

#[test]
fn a_closed_pipe_or_a_full_disk_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let unformatted = format!("{CLEAN}category   k \"K\"\n");
    for i in 0..20 {
        write(dir.path(), &format!("a{i:02}.privacy"), &unformatted);
    }
    let errors = dir.path().join("stderr");
    let to_file = || std::process::Stdio::from(std::fs::File::create(&errors).unwrap());
    let said = || std::fs::read_to_string(&errors).unwrap();
    // `privlint fmt --check . | head -1`: every file is still looked at; exit 1, not a panic.
    let status = privlint_to(
        dir.path(),
        &["fmt", "--check", "."],
        closed_pipe(),
        to_file(),
    );
    assert_eq!(status.code(), Some(1), "{}", said());
    assert_eq!(said(), "");
    // stdout on a full disk: the report is lost, which is a failure (as for `check`).
    let status = privlint_to(dir.path(), &["fmt", "--check", "."], full_disk(), to_file());
    assert_eq!(status.code(), Some(2));
    assert!(
        said().contains("privlint: error: cannot write the report:"),
        "{}",
        said()
    );
    // stderr on a full disk: every file is formatted all the same.
    let status = privlint_to(dir.path(), &["fmt", "."], closed_pipe(), full_disk());
    assert_eq!(status.code(), Some(0));
    let status = privlint_to(dir.path(), &["fmt", "--check", "."], to_file(), to_file());
    assert_eq!(status.code(), Some(0), "every file was formatted");
    let status = privlint_to(
        dir.path(),
        &["check", "missing.privacy"],
        closed_pipe(),
        full_disk(),
    );
    assert_eq!(status.code(), Some(2));
}

#[test]
fn fmt_changes_the_text_and_nothing_else_about_a_file() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let unformatted = format!("{CLEAN}category   k \"K\"\n");
    let path = |name: &str| dir.path().join(name);
    let read = |name: &str| std::fs::read_to_string(path(name)).unwrap();
    write(dir.path(), "plain.privacy", &unformatted);
    assert_eq!(
        privlint(dir.path(), &["fmt", "plain.privacy"])
            .status
            .code(),
        Some(0)
    );
    let formatted = read("plain.privacy");
    assert_ne!(formatted, unformatted);
    // Through a symbolic link: the file it points to is formatted, the link stays a link.
    write(dir.path(), "shared/target.privacy", &unformatted);
    std::os::unix::fs::symlink("shared/target.privacy", path("link.privacy")).unwrap();
    let out = privlint(dir.path(), &["fmt", "link.privacy"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(path("link.privacy"))
            .unwrap()
            .is_symlink()
    );
    assert_eq!(read("shared/target.privacy"), formatted);
    // Hard links stay one file.
    write(dir.path(), "a.privacy", &unformatted);
    std::fs::hard_link(path("a.privacy"), path("b.privacy")).unwrap();
    let out = privlint(dir.path(), &["fmt", "a.privacy"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(read("b.privacy"), formatted);
    assert_eq!(std::fs::metadata(path("b.privacy")).unwrap().nlink(), 2);
    // A read-only file is refused and left as it is.
    write(dir.path(), "ro.privacy", &unformatted);
    std::fs::set_permissions(path("ro.privacy"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = privlint(dir.path(), &["fmt", "ro.privacy"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "privlint: error: ro.privacy: read-only: privlint does not change a read-only file"
        ),
        "{stderr}"
    );
    assert_eq!(read("ro.privacy"), unformatted);
    // Mode, owner and group are kept (the owner only where the test may give files away).
    write(dir.path(), "own.privacy", &unformatted);
    std::fs::set_permissions(path("own.privacy"), std::fs::Permissions::from_mode(0o640)).unwrap();
    let root = std::fs::metadata(path("own.privacy")).unwrap().uid() == 0;
    if root {
        std::os::unix::fs::chown(path("own.privacy"), Some(65534), Some(65534)).unwrap();
    }
    let before = std::fs::metadata(path("own.privacy")).unwrap();
    let out = privlint(dir.path(), &["fmt", "own.privacy"]);
    assert_eq!(out.status.code(), Some(0));
    let after = std::fs::metadata(path("own.privacy")).unwrap();
    assert_eq!(read("own.privacy"), formatted);
    assert_eq!(
        (after.mode(), after.uid(), after.gid()),
        (before.mode(), before.uid(), before.gid())
    );
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".privacy") && n != "shared")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn errors_name_the_path_as_given_and_the_glob_that_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let out = privlint(dir.path(), &["check", "./missing.privacy"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "privlint: error: missing.privacy: no such file or directory\n"
    );
    write(dir.path(), "a.privacy", CLEAN);
    let alternatives: Vec<String> = (0..200_000).map(|i| format!("a{i}")).collect();
    write(
        dir.path(),
        "privlint.toml",
        format!(
            "exclude = [\"drafts/**\", \"{{{}}}\"]\n",
            alternatives.join(",")
        ),
    );
    let out = privlint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "privlint: error: invalid configuration: privlint.toml: the glob `{a0,a1,a2,"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("…` in `exclude` is too large to use"),
        "{stderr}"
    );
    assert!(stderr.len() < 300, "the glob is quoted briefly: {stderr}");
}

#[test]
fn sarif_places_files_outside_the_directory_and_names_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("repo");
    let finding = format!("{CLEAN}category k \"K\"\n");
    write(&dir, "sub/a.privacy", &finding);
    write(outer.path(), "other/b.privacy", &finding);
    std::fs::write(
        dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.privacy")),
        &finding,
    )
    .unwrap();
    let absolute = dir.join("sub/a.privacy");
    let out = privlint(
        &dir,
        &[
            "check",
            "--format",
            "sarif",
            absolute.to_str().unwrap(),
            "../other/b.privacy",
            ".",
        ],
    );
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut places: Vec<(String, Value)> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let at = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            (
                at["uri"].as_str().unwrap().to_string(),
                at["uriBaseId"].clone(),
            )
        })
        .collect();
    places.sort_by(|a, b| a.0.cmp(&b.0));
    let other = format!("file://{}/other/b.privacy", outer.path().display());
    assert_eq!(
        places,
        vec![
            ("caf%E9.privacy".to_string(), Value::from("%SRCROOT%")),
            (other, Value::Null),
            ("sub/a.privacy".to_string(), Value::from("%SRCROOT%")),
        ]
    );
    let root = &log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert_eq!(root, &Value::from(format!("file://{}/", dir.display())));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("privlint: warning: caf�.privacy: the file name is not UTF-8"),
        "{stderr}"
    );
}

#[test]
fn a_configuration_that_leaves_out_every_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), "a.privacy", CLEAN);
    write(
        dir.path(),
        "sub/b.privacy",
        format!("{CLEAN}category k \"K\"\n"),
    );
    for config in ["include = [\"../../**\"]\n", "exclude = [\"**\"]\n"] {
        write(dir.path(), "privlint.toml", config);
        for command in ["check", "fmt"] {
            let out = privlint(dir.path(), &[command]);
            assert_eq!(out.status.code(), Some(2), "{config} {command}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains("privlint: error: nothing to check: the `include` and `exclude` of privlint.toml leave out all 2 .privacy files found"),
                "{stderr}"
            );
        }
    }
    // A glob naming a directory leaves out what is in it; the rest is checked.
    write(dir.path(), "privlint.toml", "exclude = [\"sub\"]\n");
    let (status, report) = json(dir.path(), &[]);
    assert_eq!(
        (status, report["summary"]["files"].as_u64()),
        (0, Some(1)),
        "{report}"
    );
    assert_eq!(report["diagnostics"], Value::Array(vec![]));
    // A file named on the command line is checked whatever the configuration says.
    write(dir.path(), "privlint.toml", "exclude = [\"**\"]\n");
    let (status, report) = json(dir.path(), &["a.privacy"]);
    assert_eq!((status, report["summary"]["files"].as_u64()), (0, Some(1)));
}
