//! `--format json`: one object, as cli.md specifies, written by `privlint_core::report` (the
//! browser playground writes it with the same function).

use std::io::Write;

use privlint_core::lang::Language;
use privlint_core::report::{Checked, write_json_report};
use privlint_core::{Diagnostic, LineIndex, Related};

use crate::check::FileReport;

impl Checked for FileReport {
    fn name(&self) -> &str {
        &self.name
    }

    fn text(&self) -> &str {
        &self.text
    }

    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn related_file(&self, related: &Related) -> (&str, &str, Option<&LineIndex>) {
        let file = FileReport::related_file(self, related);
        (file.name, file.text, file.index)
    }
}

pub fn print(
    reports: &[FileReport],
    configs: &[String],
    language: Language,
) -> std::io::Result<()> {
    let mut out = super::stdout();
    write_json_report(&mut out, reports, configs, language)?;
    out.flush()
}
