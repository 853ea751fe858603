//! What a hostile pull request can make privlint print or read: file names, configuration and
//! file content must not reach a terminal or a CI log as control characters (a line starting
//! with `::` is a GitHub workflow command, on stdout and on stderr), and configuration is looked
//! for only inside the repository.

mod common;

use common::*;

/// Every line of both streams, for asserting that none is a workflow command.
fn lines(out: &std::process::Output) -> Vec<String> {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    stdout
        .lines()
        .chain(stderr.lines())
        .map(str::to_string)
        .collect()
}

/// No line is a workflow command, and no control character other than the line break is left.
fn assert_inert(out: &std::process::Output) {
    for line in lines(out) {
        assert!(
            !line.trim_start().starts_with("::"),
            "a workflow command: {line:?}"
        );
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "a control character: {line:?}"
        );
    }
}

const HOSTILE_NAME: &str =
    "x\n::error file=README.md,line=1::INJECTED\r\u{1b}[2J\u{7f}\u{9b}.privacy";

#[test]
fn file_names_are_printed_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    // An unused category: one finding, so the human format names the file.
    write(
        dir.path(),
        HOSTILE_NAME,
        format!("{CLEAN}category k \"K\"\n"),
    );
    let out = privlint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert_inert(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("x␊::error file=README.md,line=1::INJECTED␍␛[2J␡�.privacy:11:10"),
        "{stdout}"
    );
    // JSON keeps the real name (JSON escapes it); GitHub escapes it by the runner's rules.
    let (_, report) = json(dir.path(), &[]);
    assert_eq!(report["diagnostics"][0]["file"], HOSTILE_NAME);
    for format in ["json", "sarif"] {
        assert_inert(&privlint(dir.path(), &["check", "--format", format]));
    }
    let out = privlint(dir.path(), &["check", "--format", "github"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    // fmt names the file on both streams.
    write(
        dir.path(),
        HOSTILE_NAME,
        format!("{CLEAN}category   k \"K\"\n"),
    );
    let out = privlint(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert(&out);
    let out = privlint(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_inert(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("formatted: x␊::error"));
    // An error naming the file.
    write(dir.path(), HOSTILE_NAME, "controller {\n");
    let out = privlint(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out);
    // A path that does not exist.
    let out = privlint(dir.path(), &["check", "nope\n::error::INJECTED.privacy"]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert(&out);
}

#[test]
fn configuration_messages_quote_keys_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), "a.privacy", CLEAN);
    write(
        dir.path(),
        "privlint.toml",
        "\"x\\n::error file=a.privacy::INJECTED\\r::add-mask::secret\" = 1\n[rules]\n\"y\\u001b[2J\" = \"off\"\n",
    );
    for format in ["human", "json", "github", "sarif"] {
        let out = privlint(dir.path(), &["check", "--format", format]);
        assert_eq!(out.status.code(), Some(2));
        assert_inert(&out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("unknown key `x␊::error file=a.privacy::INJECTED␍::add-mask::secret`"),
            "{stderr}"
        );
        assert!(stderr.contains("unknown rule `y␛[2J`"), "{stderr}");
    }
}

#[test]
fn diagnostic_messages_quote_the_file_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        format!("{CLEAN}purpose p \"P\" {{\n  basis con\u{1b}[2Jsent\n}}\n"),
    );
    let out = privlint(dir.path(), &["check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert!(
        stdout.contains("privlint cannot read `␛[` here"),
        "{stdout}"
    );
    let (_, report) = json(dir.path(), &[]);
    let d = find(&report, "syntax-error");
    assert!(!d["message"].as_str().unwrap().contains('\u{1b}'));
}

#[test]
fn configuration_is_looked_for_up_to_the_repository_root_only() {
    let outer = tempfile::tempdir().unwrap();
    // A shared parent's configuration that would silence the finding, and a broken one.
    write(
        outer.path(),
        "privlint.toml",
        "[rules]\nunused-definition = \"off\"\n",
    );
    write(outer.path(), "broken/privlint.toml", "[rules\n");
    for (repo, git_is_a_file) in [("repo", false), ("broken/worktree", true)] {
        let root = outer.path().join(repo);
        if git_is_a_file {
            write(&root, ".git", "gitdir: /elsewhere/.git/worktrees/w\n");
        } else {
            std::fs::create_dir_all(root.join(".git")).unwrap();
        }
        write(&root, "sub/a.privacy", format!("{CLEAN}category k \"K\"\n"));
        let (status, report) = json(&root, &[]);
        assert_eq!(status, 0, "{repo}: {report}");
        assert_eq!(find(&report, "unused-definition")["file"], "sub/a.privacy");
        assert_eq!(report["summary"]["configs"], serde_json::json!([]));
        let out = privlint(&root.join("sub"), &["check", "--verbose"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("no configuration for 1 file (no privlint.toml from their directory up to the repository root)"),
            "{stderr}"
        );
    }
    // Inside the repository, the nearest configuration is used, and named.
    let root = outer.path().join("repo");
    write(
        &root,
        "privlint.toml",
        "[rules]\nunused-definition = \"off\"\n",
    );
    let (status, report) = json(&root, &[]);
    assert_eq!((status, report["summary"]["errors"].as_u64()), (0, Some(0)));
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_eq!(
        report["summary"]["configs"],
        serde_json::json!(["privlint.toml"])
    );
    let out = privlint(&root, &["fmt", "--check", "-v"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("configuration privlint.toml for 1 file"),
        "{stderr}"
    );
    // `..` in a path is taken away by the letters: `other/../sub/a.privacy` is in `sub`, and
    // `other`'s configuration does not govern it.
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "other/privlint.toml", "[rules\n");
    write(plain.path(), "sub/a.privacy", CLEAN);
    let (status, report) = json(plain.path(), &["other/../sub/a.privacy"]);
    assert_eq!(status, 0, "{report}");
}

/// The human report's lines for the finding of `rule`: header, source line and caret line.
fn snippet<'a>(stdout: &'a str, rule: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&format!("[{rule}]")))
        .unwrap_or_else(|| panic!("no {rule} in {stdout}"));
    lines[at..at + 5].to_vec()
}

#[test]
fn terminal_escapes_in_a_file_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        format!(
            "{CLEAN}category k \"\u{1b}]8;;https://evil.example\u{7}K\u{1b}]8;;\u{7}\u{9b}\" {{ bogus }} # \u{1b}[2J\n\
             category j \"J\"  # privlint: allow \u{1b}[31mred -- \u{1b}[2J\n"
        ),
    );
    let out = privlint(dir.path(), &["check"]);
    assert_inert(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let shown = snippet(&stdout, "unknown-field");
    let (_, report) = json(dir.path(), &[]);
    let column = find(&report, "unknown-field")["column"].as_u64().unwrap();
    // The header names the same column as JSON, the source line shows the escapes, and the
    // caret is under `bogus`.
    assert!(
        shown[1].ends_with(&format!("a.privacy:11:{column}")),
        "{shown:?}"
    );
    assert!(
        shown[3].contains("\"␛]8;;https://evil.example␇K␛]8;;␇�\" { bogus } # ␛[2J"),
        "{shown:?}"
    );
    let bogus = shown[3][..shown[3].find("bogus").unwrap()].chars().count();
    let caret = shown[4].chars().position(|c| c == '^').unwrap();
    assert_eq!(caret, bogus, "{shown:?}");
    // A suppression's words are quoted in its finding.
    let d = find(&report, "unused-suppression");
    assert!(d["message"].as_str().unwrap().contains("␛[31mred"), "{d}");
}

#[test]
fn a_file_with_cr_line_ends_has_one_position_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let text = CLEAN.replace('\n', "\r") + "category k \"K\"\r";
    write(dir.path(), "cr.privacy", text);
    let (_, report) = json(dir.path(), &[]);
    let d = find(&report, "unused-definition");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(11), Some(10))
    );
    let out = privlint(dir.path(), &["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let shown = snippet(&stdout, "unused-definition");
    assert!(shown[1].ends_with("cr.privacy:11:10"), "{shown:?}");
    assert!(shown[3].starts_with("11 │ category k \"K\""), "{shown:?}");
    let out = privlint(dir.path(), &["check", "--format", "github"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("line=11,endLine=11,col=10,"), "{stdout}");
}

#[test]
fn a_file_named_several_ways_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.privacy",
        format!("{CLEAN}category k \"K\"\n"),
    );
    let absolute = dir.path().join("a.privacy");
    let (_, report) = json(
        dir.path(),
        &["a.privacy", "./a.privacy", absolute.to_str().unwrap(), "."],
    );
    assert_eq!(report["summary"]["files"], 1, "{report}");
    assert_eq!(
        rules(&report),
        vec![("a.privacy".into(), "unused-definition".into(), 11)]
    );
}

#[test]
fn symbolic_links_in_a_directory_are_followed_inside_it_and_reported_outside_it() {
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("repo");
    write(
        &dir,
        "shared/real.privacy",
        format!("{CLEAN}category k \"K\"\n"),
    );
    write(&dir, "notes.txt", format!("{CLEAN}category n \"N\"\n"));
    write(
        outer.path(),
        "secret.privacy",
        "controller stolen \"SECRET\"\n",
    );
    let link = |target: &str, name: &str| {
        std::fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, dir.join(name)).unwrap();
    };
    link("../shared/real.privacy", "decl/real.privacy"); // a second name: checked once
    link("../notes.txt", "decl/notes.privacy"); // only reachable through the link: checked
    link("../../secret.privacy", "decl/secret.privacy"); // outside: not read
    link("../nowhere.privacy", "decl/broken.privacy");
    let out = privlint(&dir, &["check", "--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{report}");
    let mut found = rules(&report);
    found.sort();
    assert_eq!(
        found,
        vec![
            ("decl/notes.privacy".into(), "unused-definition".into(), 11),
            ("shared/real.privacy".into(), "unused-definition".into(), 11),
        ]
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("SECRET"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("privlint: warning: decl/secret.privacy: not checked: a symbolic link to a file outside ., which a directory search does not follow"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "privlint: warning: decl/broken.privacy: not checked: a symbolic link to nothing"
        ),
        "{stderr}"
    );
    // Named on the command line, the link is followed: the person asked for it.
    let (_, report) = json(&dir, &["decl/secret.privacy"]);
    assert_eq!(report["summary"]["files"], 1);
}
