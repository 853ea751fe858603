//! `privlint`: checks privacy declarations (`.privacy` files) against the GDPR.

mod check;
mod config;
mod declaration;
mod export;
mod files;
mod fmt;
mod import;
mod notice;
mod output;
mod record;
mod render;
mod rules;
mod say;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::check::CheckArgs;

#[derive(Parser)]
#[command(
    name = "privlint",
    version,
    about = "Checks privacy declarations (.privacy files) against the GDPR"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check .privacy files (a directory is searched recursively; default: the current directory)
    Check(CheckArgs),
    /// Rewrite .privacy files in the canonical layout (comments and meaning kept)
    Fmt(fmt::FmtArgs),
    /// Run the language server on stdin and stdout (for editors)
    Lsp {
        /// Accepted for clients that pass it (stdio is the only transport)
        #[arg(long)]
        stdio: bool,
    },
    /// List every rule: name, default severity, GDPR article
    Rules {
        /// The language of the summaries: nb, nn or en (default)
        #[arg(long, value_name = "LANGUAGE", value_parser = record::parse_language)]
        lang: Option<privlint_core::lang::Language>,
    },
    /// Print a rule's documentation: what it checks, why, the article, an example and the fix
    Explain {
        /// The rule's name, as `privlint rules` lists it
        rule: String,
        /// The language of the summary and the article (the documentation is in English): nb,
        /// nn or en (default)
        #[arg(long, value_name = "LANGUAGE", value_parser = record::parse_language)]
        lang: Option<privlint_core::lang::Language>,
    },
    /// Render the privacy notice (Art. 13/14) of a declaration, in HTML or Markdown
    Notice(notice::NoticeArgs),
    /// Write the record of processing activities (Art. 30(1)): one row per purpose; with
    /// --as-processor NAME, a processor's record (Art. 30(2))
    Record(record::RecordArgs),
    /// Export a declaration in a standard vocabulary (W3C DPV 2.3 JSON-LD, or a Fides manifest)
    Export(export::ExportArgs),
    /// Write a first draft of a declaration from a record kept elsewhere (Behandlingsoversikt,
    /// a spreadsheet record, privlint's own record)
    Import(import::ImportArgs),
}

/// Exit statuses of cli.md.
pub mod exit {
    /// No diagnostic of severity error (or warning, with `--deny warnings`).
    pub const CLEAN: u8 = 0;
    /// At least one such diagnostic.
    pub const FINDINGS: u8 = 1;
    /// privlint could not do its job: bad arguments, unreadable path, invalid configuration.
    pub const FAILURE: u8 = 2;
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                exit::FAILURE
            } else {
                exit::CLEAN
            });
        }
    };
    let status = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Lsp { .. } => match privlint_server::run_stdio() {
            Ok(true) => exit::CLEAN,
            // `exit` without `shutdown`: the LSP specification asks for 1.
            Ok(false) => 1,
            Err(error) => {
                say::error(format_args!("cannot run the language server: {error}"));
                exit::FAILURE
            }
        },
        Command::Rules { lang } => rules::list(lang.unwrap_or_default()),
        Command::Explain { rule, lang } => rules::explain(&rule, lang.unwrap_or_default()),
        Command::Notice(args) => notice::run(args),
        Command::Record(args) => record::run(args),
        Command::Export(args) => export::run(args),
        Command::Import(args) => import::run(args),
    };
    ExitCode::from(status)
}
