//! `privlint fmt`: rewrites declarations in the canonical layout, or with `--check` only says
//! which files it would change.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use privlint_core::{ColumnUnit, LineIndex};

use crate::{config, exit, files, say};

#[derive(Args)]
pub struct FmtArgs {
    /// Files or directories to format (default: the current directory)
    paths: Vec<PathBuf>,
    /// Change nothing; list the files that are not formatted and exit 1 if there are any
    #[arg(long)]
    check: bool,
    /// Say on stderr which configuration (privlint.toml) governs which files
    #[arg(long, short)]
    verbose: bool,
}

enum Outcome {
    Unchanged,
    Changed,
}

pub fn run(args: FmtArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let (found, errors) = files::collect(&paths);
    let config::Selection {
        files: selected,
        failures,
        used,
        all_left_out,
    } = config::select(found);
    if args.verbose {
        config::describe(&used);
    }
    let mut status = exit::CLEAN;
    if let Some(why) = &all_left_out {
        say::error(why);
        status = exit::FAILURE;
    }
    for error in &errors {
        say::error(error);
        status = exit::FAILURE;
    }
    config::report(&failures);
    if !failures.is_empty() {
        status = exit::FAILURE;
    }
    // `--check`'s list. Once it cannot be written, the files are still checked (the exit status
    // says whether any would change) but nothing more is written.
    let mut out = std::io::stdout().lock();
    let mut listing = Ok(());
    for path in selected.iter().map(|s| &s.path) {
        let shown = files::shown(path);
        match format_file(path, args.check) {
            Ok(Outcome::Unchanged) => {}
            Ok(Outcome::Changed) if args.check => {
                if listing.is_ok() {
                    listing = writeln!(out, "would reformat: {shown}");
                }
                if status == exit::CLEAN {
                    status = exit::FINDINGS;
                }
            }
            Ok(Outcome::Changed) => say::line(&format!("formatted: {shown}")),
            Err(reason) => {
                say::error(format_args!("{shown}{reason}"));
                status = exit::FAILURE;
            }
        }
    }
    if !say::delivered(listing.and_then(|()| out.flush())) {
        status = exit::FAILURE;
    }
    status
}

/// Formats one file; the error is what follows the file's name in the one-line message.
fn format_file(path: &Path, check: bool) -> Result<Outcome, String> {
    let bytes = files::read(path).map_err(|reason| format!(": {reason}"))?;
    let text = privlint_core::decode(&bytes).map_err(|d| format!(": {}", d.message))?;
    let formatted = privlint_core::format::format(text).map_err(|span| {
        let index = LineIndex::new(text);
        let at = index.position(text, span.start, ColumnUnit::Char);
        format!(
            ":{}:{}: cannot format a file with a syntax error (run `privlint check` to see it)",
            at.line + 1,
            at.column + 1
        )
    })?;
    let bom = if bytes.starts_with("\u{FEFF}".as_bytes()) {
        "\u{FEFF}"
    } else {
        ""
    };
    let new = format!("{bom}{formatted}");
    if new.as_bytes() == bytes.as_slice() {
        return Ok(Outcome::Unchanged);
    }
    if !check {
        write(path, new.as_bytes()).map_err(|reason| format!(": {reason}"))?;
    }
    Ok(Outcome::Changed)
}

/// Gives a file its formatted content, changing nothing else about it (docs/decisions.md,
/// "Formatting"). Through a symbolic link, the file it points to is formatted and the link stays
/// a link. A read-only file is refused: its owner said it must not change. The new content goes
/// to a temporary file beside the old one, which is renamed over it (so a file is all old or all
/// new, never half written) with the old one's permissions, owner and group; where that cannot
/// be done — a file with several hard links (a rename would split them), an owner privlint may
/// not give the new file, or a directory privlint may not write in — the file is rewritten in
/// place, which keeps all of that by itself.
fn write(path: &Path, content: &[u8]) -> Result<(), String> {
    let reason = |e: std::io::Error| files::io_reason(&e);
    let target = std::fs::canonicalize(path).map_err(reason)?;
    let meta = std::fs::metadata(&target).map_err(reason)?;
    if meta.permissions().readonly() {
        return Err(
            "read-only: privlint does not change a read-only file (make it writable to format it)"
                .into(),
        );
    }
    // Opening it for writing asks the system whether this user may change it at all.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(&target)
        .map_err(|e| format!("cannot write: {}", reason(e)))?;
    if links(&meta) == 1 {
        match replace(&target, &meta, content) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {}
            Err(e) => return Err(format!("cannot write: {}", reason(e))),
        }
    }
    file.write_all(content)
        .and_then(|()| file.set_len(content.len() as u64))
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write: {}", reason(e)))
}

/// Renames a new file with `content` over `target`, with `meta`'s permissions, owner and group.
fn replace(target: &Path, meta: &std::fs::Metadata, content: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("/"));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(content)?;
    keep_owner(temp.as_file(), meta)?;
    temp.as_file().set_permissions(meta.permissions())?;
    temp.as_file().sync_all()?;
    temp.persist(target).map_err(|e| e.error)?;
    // The rename itself reaches the disk with the directory.
    std::fs::File::open(dir).and_then(|d| d.sync_all())
}

#[cfg(unix)]
fn links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Gives the new file the old one's owner and group; refused (`PermissionDenied`) when this
/// user may not, and then the file is written in place.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}
