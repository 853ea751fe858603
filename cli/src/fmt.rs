//! `privlint fmt`: rewrites declarations in the canonical layout, or with `--check` only says
//! which files it would change.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use privlint_core::lang::Language;
use privlint_core::rules::InvalidUtf8;
use privlint_core::{ColumnUnit, LineIndex};

use crate::{config, exit, files, output, say};

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
    let text = privlint_core::decode(&bytes).map_err(|not_utf8| {
        // `fmt` writes its messages in English, as it takes no `--lang`.
        let diagnostic = InvalidUtf8::diagnostic(not_utf8, Language::English);
        format!(": {}", diagnostic.message)
    })?;
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
        // Through a symbolic link the file it leads to is formatted and the link stays a link; a
        // read-only file is refused; the rest of the file (permissions, owner, group, hard links)
        // stays as it was (docs/decisions.md, "Formatting").
        output::write(path, new.as_bytes()).map_err(|reason| format!(": {reason}"))?;
    }
    Ok(Outcome::Changed)
}
