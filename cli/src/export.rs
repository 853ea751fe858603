//! `privlint export FILE --format dpv|fideslang`: the declaration as JSON-LD in the W3C Data
//! Privacy Vocabulary 2.3 (`privlint_core::publish::dpv`), or as a Fides manifest
//! (`privlint_core::publish::fides`), with what Fides cannot hold said on standard error.

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
    /// A Fides manifest (fideslang 3.1 YAML): a system with a privacy declaration per purpose
    Fideslang,
}

pub fn run(args: ExportArgs) -> u8 {
    let declaration = match declaration::load(&args.file) {
        Ok(declaration) => declaration,
        Err(status) => return status,
    };
    declaration.warn_of_errors("what is missing is left out");
    let text = match args.format {
        Format::Dpv => privlint_core::publish::dpv::to_json(&declaration.model),
        Format::Fideslang => {
            let export = privlint_core::publish::fides::export(&declaration.model);
            if !export.lost.is_empty() {
                crate::say::warning(format_args!(
                    "{} thing(s) the Fides manifest has no place for:",
                    export.lost.len()
                ));
                for lost in &export.lost {
                    crate::say::line(&format!("  {lost}"));
                }
            }
            export.yaml
        }
    };
    let inputs = declaration.reports.iter().map(|r| r.path.as_path());
    output::publish(args.output.as_deref(), text.as_bytes(), inputs)
}
