//! `privlint notice FILE [--lang L] [--format html|md] [--output FILE] [--draft]`: the
//! privacy notice (cli.md v2). Refused (exit 1, the findings printed, nothing written) when the
//! declaration has an error, unless `--draft`; exit 2 for a language the notice is not
//! published in or that privlint has no text for.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use privlint_core::publish::notice::{self, Options};

use crate::{declaration, exit, files, output, render, say};

#[derive(Args)]
pub struct NoticeArgs {
    /// The declaration (.privacy file)
    file: PathBuf,
    /// The language: one of the notice's `languages` (default: the first; `nb` when none)
    #[arg(long, value_name = "L")]
    lang: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Html)]
    format: Format,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Render even with errors, under a banner that counts them
    #[arg(long)]
    draft: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One self-contained HTML file
    Html,
    /// CommonMark
    Md,
}

pub fn run(args: NoticeArgs) -> u8 {
    let declaration = match declaration::load(&args.file) {
        Ok(d) => d,
        Err(status) => return status,
    };
    let language = match notice::language(&declaration.model, args.lang.as_deref()) {
        Ok(language) => language,
        Err(why) => {
            say::error(format_args!("{}: {why}", files::shown(&args.file)));
            return exit::FAILURE;
        }
    };
    let errors = declaration.errors();
    if errors > 0 && !args.draft {
        let _ = render::human::eprint(&declaration.reports);
        say::error(format_args!(
            "{}: the notice is not written: the declaration has {errors} error{} (use --draft to render it anyway)",
            files::shown(&args.file),
            if errors == 1 { "" } else { "s" }
        ));
        return exit::FINDINGS;
    }
    let options = Options {
        language,
        draft: args.draft.then_some(errors),
    };
    let format = match args.format {
        Format::Html => notice::Format::Html,
        Format::Md => notice::Format::Markdown,
    };
    let text = notice::render(&declaration.model, options, format);
    let inputs = declaration.reports.iter().map(|r| r.path.as_path());
    output::publish(args.output.as_deref(), text.as_bytes(), inputs)
}
