//! `--output FILE` of `notice`, `record` and `export`: what each kind of file is given, what is
//! refused, and what is left behind (docs/security.md, "What privlint writes").

mod common;

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

use common::{CLEAN, privlint, write};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A directory with the declaration `a.privacy`, and its notice as standard output gives it.
fn declaration() -> (tempfile::TempDir, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.privacy", CLEAN);
    let out = privlint(dir.path(), &["notice", "a.privacy"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (dir, out.stdout)
}

/// `notice a.privacy --output OUTPUT`.
fn notice_to(dir: &Path, output: &str) -> Output {
    privlint(dir, &["notice", "a.privacy", "--output", output])
}

/// privlint run by `sh` after `setup` (a `umask` or `ulimit`).
fn privlint_after(dir: &Path, setup: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("{setup} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_privlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The reported bug: as root, `--output /dev/null` made the system's `/dev/null` a regular
/// file. CI runs this as root on a machine that is thrown away; should it ever fail, it puts
/// `/dev/null` back before failing.
#[test]
fn dev_null_and_dev_stdout_are_written_to_not_replaced() {
    let (dir, expected) = declaration();
    let runs: [&[&str]; 3] = [
        &["notice", "a.privacy", "--output", "/dev/null"],
        &["record", "a.privacy", "--output", "/dev/null"],
        &[
            "export",
            "a.privacy",
            "--format",
            "dpv",
            "--output",
            "/dev/null",
        ],
    ];
    for args in runs {
        let out = privlint(dir.path(), args);
        let kind = std::fs::symlink_metadata("/dev/null").unwrap().file_type();
        if !kind.is_char_device() {
            let _ = std::fs::remove_file("/dev/null");
            let _ = Command::new("mknod")
                .args(["-m", "666", "/dev/null", "c", "1", "3"])
                .status();
            panic!("{args:?} made /dev/null {kind:?}");
        }
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    // Standard output is a pipe here: the notice goes through it, as without --output.
    let out = notice_to(dir.path(), "/dev/stdout");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.stdout, expected);
}

/// `--output /dev/stdout` with standard output redirected to a file writes where the shell left
/// off, as any command would: replacing the file, or opening it again at its start, would drop
/// what the script wrote before.
#[test]
fn dev_stdout_redirected_to_a_file_keeps_what_the_script_wrote_before() {
    let (dir, expected) = declaration();
    let out = privlint_after(
        dir.path(),
        "echo before > notice.html && exec >> notice.html",
        &["notice", "a.privacy", "--output", "/dev/stdout"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read(dir.path().join("notice.html")).unwrap();
    assert!(
        written.starts_with(b"before\n"),
        "what the script wrote before is gone"
    );
    assert!(written[7..] == expected, "the notice does not follow it");
    assert_eq!(names(dir.path()), ["a.privacy", "notice.html"]);
}

/// The same on a character device of the test's own (a copy of `/dev/null`'s device), so that
/// the old behaviour can be seen without touching the system's.
#[test]
fn a_character_device_is_written_to_not_replaced() {
    let (dir, _) = declaration();
    let device = dir.path().join("null");
    let made = Command::new("mknod")
        .args(["-m", "666"])
        .arg(&device)
        .args(["c", "1", "3"])
        .status()
        .unwrap();
    if !made.success() {
        eprintln!("skipped: making a device needs root");
        return;
    }
    let out = notice_to(dir.path(), "null");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::symlink_metadata(&device).unwrap();
    assert!(after.file_type().is_char_device(), "{after:?}");
    assert_eq!(after.rdev(), std::fs::metadata("/dev/null").unwrap().rdev());
    assert_eq!(names(dir.path()), ["a.privacy", "null"]);
}

#[test]
fn a_fifo_is_written_to_not_replaced() {
    let (dir, expected) = declaration();
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Opening a FIFO to read waits for a writer. Should privlint replace the FIFO instead, this
    // thread may wait for ever; it is not joined then, and ends with the test process.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo))
    };
    let out = notice_to(dir.path(), "pipe");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(reader.join().unwrap().unwrap(), expected);
    assert_eq!(names(dir.path()), ["a.privacy", "pipe"]);
}

#[test]
fn through_a_symbolic_link_the_file_it_leads_to_is_written_and_the_link_stays() {
    let (dir, expected) = declaration();
    let path = |name: &str| dir.path().join(name);
    write(dir.path(), "site/notice.html", "old");
    std::os::unix::fs::symlink("site/notice.html", path("notice.html")).unwrap();
    // A link to a file that does not exist yet makes that file.
    std::os::unix::fs::symlink("site/new.html", path("new.html")).unwrap();
    for name in ["notice.html", "new.html"] {
        let out = notice_to(dir.path(), name);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let link = std::fs::symlink_metadata(path(name)).unwrap();
        assert!(link.file_type().is_symlink(), "{name} is no longer a link");
        assert_eq!(
            std::fs::read(path(&format!("site/{name}"))).unwrap(),
            expected
        );
    }
    assert_eq!(
        names(dir.path()),
        ["a.privacy", "new.html", "notice.html", "site"]
    );
    assert_eq!(names(&path("site")), ["new.html", "notice.html"]);
}

#[test]
fn a_directory_and_a_socket_are_refused_with_one_line_naming_them() {
    let (dir, _) = declaration();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = notice_to(dir.path(), "out");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "privlint: error: out: is a directory: privlint writes a file, not into a directory\n"
    );
    assert_eq!(names(&dir.path().join("out")), Vec::<String>::new());
    let socket = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let out = notice_to(dir.path(), "sock");
    assert!(
        std::fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket(),
        "the socket was replaced"
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "privlint: error: sock: is a socket: privlint writes only to a file, a FIFO or a character device\n"
    );
    assert_eq!(names(dir.path()), ["a.privacy", "out", "sock"]);
}

const CONFIG: &str =
    "[[declarations]]\nname = \"bank\"\nfiles = [\"org.privacy\", \"systems/*.privacy\"]\n";
const ORG: &str = "controller bank \"Banken ASA\" {\n  country NO\n  email \"post@bank.example\"\n  authority dt \"Datatilsynet\"\n}\nprocessor mail \"E-post\" {\n  country NO\n  agreement \"DBA-1\"\n}\ncategory contact \"Kontakt\"\nsubject customers \"Kunder\"\nrights {\n  access; rectification; erasure; restriction; objection\n  complaint dt\n}\n";
const NEWS: &str = "purpose news \"Nyhetsbrev\" {\n  basis legitimate_interests \"å fortelje om nye tenester\"\n  data contact\n  subjects customers\n  processors mail\n  retention 1 year\n}\n";

#[test]
fn output_over_any_file_of_the_declaration_is_refused_by_every_publishing_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    std::fs::create_dir(path(".git")).unwrap();
    write(dir.path(), "privlint.toml", CONFIG);
    write(dir.path(), "org.privacy", ORG);
    write(dir.path(), "systems/news.privacy", NEWS);
    std::fs::hard_link(path("org.privacy"), path("hard.html")).unwrap();
    std::os::unix::fs::symlink("systems/news.privacy", path("soft.html")).unwrap();
    let commands: [&[&str]; 3] = [
        &["notice", "org.privacy"],
        &["record", "org.privacy"],
        &["export", "org.privacy", "--format", "dpv"],
    ];
    // Each names the organisation's file or the system's, another way than the declaration does.
    let outputs = [
        ("org.privacy", "org.privacy"),
        ("./systems/../org.privacy", "org.privacy"),
        ("systems/news.privacy", "systems/news.privacy"),
        ("hard.html", "org.privacy"),
        ("soft.html", "systems/news.privacy"),
    ];
    for command in commands {
        let out = privlint(dir.path(), command);
        assert_eq!(out.status.code(), Some(0), "{command:?}: {}", stderr(&out));
        for (output, input) in outputs {
            let mut args = command.to_vec();
            args.extend(["--output", output]);
            let out = privlint(dir.path(), &args);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
            let shown = output.strip_prefix("./").unwrap_or(output);
            assert_eq!(
                stderr(&out),
                format!(
                    "privlint: error: {shown}: is {input}, a file of the declaration: privlint does not write its output over its input\n"
                ),
                "{args:?}"
            );
            assert_eq!(std::fs::read_to_string(path("org.privacy")).unwrap(), ORG);
            assert_eq!(
                std::fs::read_to_string(path("systems/news.privacy")).unwrap(),
                NEWS
            );
        }
    }
    assert_eq!(std::fs::metadata(path("org.privacy")).unwrap().nlink(), 2);
    assert!(
        std::fs::symlink_metadata(path("soft.html"))
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn a_read_only_output_file_is_refused_and_left_as_it_is() {
    let (dir, _) = declaration();
    let path = dir.path().join("notice.html");
    write(dir.path(), "notice.html", "old");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = notice_to(dir.path(), "notice.html");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "privlint: error: notice.html: read-only: privlint does not change a read-only file (make it writable first)\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o7777, 0o444);
}

#[test]
fn a_new_file_follows_the_umask_and_an_existing_one_keeps_its_mode_owner_and_group() {
    let (dir, expected) = declaration();
    let path = |name: &str| dir.path().join(name);
    let mode = |name: &str| std::fs::metadata(path(name)).unwrap().mode() & 0o7777;
    for (umask, name, wanted) in [("077", "private.html", 0o600), ("027", "group.html", 0o640)] {
        let out = privlint_after(
            dir.path(),
            &format!("umask {umask}"),
            &["notice", "a.privacy", "--output", name],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(std::fs::read(path(name)).unwrap(), expected);
        assert_eq!(mode(name), wanted, "under umask {umask}");
    }
    // An existing file keeps what it had, whatever the umask (its owner where privlint may give
    // files away, that is as root).
    write(dir.path(), "kept.html", "old");
    std::fs::set_permissions(path("kept.html"), std::fs::Permissions::from_mode(0o664)).unwrap();
    if std::fs::metadata(path("kept.html")).unwrap().uid() == 0 {
        std::os::unix::fs::chown(path("kept.html"), Some(65534), Some(65534)).unwrap();
    }
    let before = std::fs::metadata(path("kept.html")).unwrap();
    let out = privlint_after(
        dir.path(),
        "umask 077",
        &["notice", "a.privacy", "--output", "kept.html"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::metadata(path("kept.html")).unwrap();
    assert_eq!(std::fs::read(path("kept.html")).unwrap(), expected);
    assert_eq!(
        (after.mode(), after.uid(), after.gid()),
        (before.mode(), before.uid(), before.gid())
    );
}

#[test]
fn a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_write() {
    let (dir, expected) = declaration();
    // What a run killed while writing notice.html leaves: its temporary file, half written.
    write(dir.path(), ".notice.html.privlint-tmp", "<html><he");
    let out = notice_to(dir.path(), "notice.html");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("notice.html")).unwrap(),
        expected
    );
    assert_eq!(names(dir.path()), ["a.privacy", "notice.html"]);
}

#[test]
fn a_run_writing_the_same_file_waits_for_the_one_writing_it() {
    let (dir, expected) = declaration();
    // A live run holds a lock on its temporary file while it writes.
    write(dir.path(), ".notice.html.privlint-tmp", "<html><he");
    let held = std::fs::File::open(dir.path().join(".notice.html.privlint-tmp")).unwrap();
    held.lock().unwrap();
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_privlint"))
        .args(["notice", "a.privacy", "--output", "notice.html"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "did not wait for the lock"
    );
    assert!(!dir.path().join("notice.html").exists());
    held.unlock().unwrap();
    assert!(waiting.wait().unwrap().success());
    assert_eq!(
        std::fs::read(dir.path().join("notice.html")).unwrap(),
        expected
    );
    assert_eq!(names(dir.path()), ["a.privacy", "notice.html"]);
}

#[test]
fn past_the_file_size_limit_the_write_fails_and_leaves_nothing_behind() {
    let (dir, expected) = declaration();
    // `ulimit -f 1` allows at most 1024 bytes (512 in some shells).
    assert!(
        expected.len() > 4096,
        "the notice is too small to test this"
    );
    write(dir.path(), "notice.html", "old");
    for name in ["notice.html", "new.html"] {
        let out = privlint_after(
            dir.path(),
            "ulimit -f 1",
            &["notice", "a.privacy", "--output", name],
        );
        assert_eq!(out.status.code(), Some(2), "{name}: {out:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "privlint: error: {name}: cannot write: the file would be larger than privlint may write (the file size limit, `ulimit -f`)\n"
            )
        );
        assert_eq!(names(dir.path()), ["a.privacy", "notice.html"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("notice.html")).unwrap(),
            "old"
        );
    }
}
