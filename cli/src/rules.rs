//! `privlint rules` and `privlint explain RULE`.

use std::io::Write;

use privlint_core::rules::{ALL, find, suggest};

use crate::{exit, say};

/// Prints every rule: name, default severity, article, whether it offers a quick fix, and what
/// a finding means.
pub fn list() -> u8 {
    let width = ALL.iter().map(|r| r.meta().name.len()).max().unwrap_or(0);
    let mut out = String::new();
    out.push_str(&format!(
        "{:<width$}  {:<8}  {:<28}  {:<9}  {}\n",
        "RULE", "SEVERITY", "ARTICLE", "QUICK FIX", "SUMMARY"
    ));
    for rule in ALL {
        let m = rule.meta();
        let article = m.article.unwrap_or("-");
        out.push_str(&format!(
            "{:<width$}  {:<8}  {:<28}  {:<9}  {}\n",
            m.name,
            m.severity.as_str(),
            article,
            m.fix.as_str(),
            m.summary
        ));
    }
    emit(&out)
}

pub fn explain(name: &str) -> u8 {
    match find(name) {
        Some(rule) => emit(&rule.meta().explanation()),
        None => {
            match suggest(name) {
                Some(near) => say::error(format_args!(
                    "unknown rule `{name}`; did you mean `{near}`? (`privlint rules` lists them)"
                )),
                None => say::error(format_args!(
                    "unknown rule `{name}` (`privlint rules` lists them)"
                )),
            }
            exit::FAILURE
        }
    }
}

fn emit(text: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    if say::delivered(out.write_all(text.as_bytes()).and_then(|()| out.flush())) {
        exit::CLEAN
    } else {
        exit::FAILURE
    }
}
