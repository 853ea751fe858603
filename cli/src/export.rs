//! `privlint export FILE --format dpv`: the declaration as JSON-LD in the W3C Data Privacy
//! Vocabulary 2.3 (`privlint_core::publish::dpv`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::{declaration, output};

#[derive(Args)]
pub struct ExportArgs {
    /// The declaration (.privacy file)
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Output format
    #[arg(long, value_enum)]
    format: Format,
    /// Write to FILE (replaced only when complete) instead of standard output
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON-LD with the W3C Data Privacy Vocabulary (DPV) 2.3
    Dpv,
}

pub fn run(args: ExportArgs) -> u8 {
    let declaration = match declaration::load(&args.file) {
        Ok(declaration) => declaration,
        Err(status) => return status,
    };
    declaration.warn_of_errors("what is missing is left out");
    let json = match args.format {
        Format::Dpv => privlint_core::publish::dpv::to_json(&declaration.model),
    };
    let inputs = declaration.reports.iter().map(|r| r.path.as_path());
    output::publish(args.output.as_deref(), json.as_bytes(), inputs)
}
