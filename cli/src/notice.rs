//! `privlint notice FILE [--lang L] [--format html|md] [--output FILE] [--draft]
//! [--subject ID[,ID…]]`: the privacy notice (cli.md v2, v3). Refused (exit 1, the findings
//! printed, nothing written) when the declaration has an error, unless `--draft`; exit 2 for a
//! language the notice is not published in or that privlint has no text for, and for a
//! `--subject` that names no subject of the declaration.

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
    /// Render the notice for these subjects only: the purposes that concern them or name no
    /// subject, every part that concerns the whole controller, and a link to the full notice
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    subject: Vec<String>,
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
    let mut subjects = Vec::new();
    for id in &args.subject {
        match declaration
            .model
            .subjects
            .iter()
            .position(|s| s.id.name == *id)
        {
            Some(i) => subjects.push(i),
            None => {
                let known: Vec<&str> = declaration
                    .model
                    .subjects
                    .iter()
                    .map(|s| s.id.name.as_str())
                    .collect();
                say::error(format_args!(
                    "{}: --subject `{id}` is not a subject of the declaration; its subjects: {}",
                    files::shown(&args.file),
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ));
                return exit::FAILURE;
            }
        }
    }
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
    let text = notice::render_for(&declaration.model, options, format, &subjects);
    let inputs = declaration.reports.iter().map(|r| r.path.as_path());
    output::publish(args.output.as_deref(), text.as_bytes(), inputs)
}
