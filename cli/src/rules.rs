//! `privlint rules` and `privlint explain RULE`.

use std::io::Write;

use privlint_core::lang::{Language, cite};
use privlint_core::rules::{ALL, find, suggest};

use crate::{exit, say};

/// Prints every rule: name, default severity, article, whether it offers a quick fix, and what
/// a finding means, the summary in `language` (the article column stays the short form, which
/// fits a column; `explain` writes it out).
pub fn list(language: Language) -> u8 {
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
            m.summary_in(language)
        ));
    }
    emit(&out)
}

/// Prints a rule's page. In Norwegian, the summary and the article come first in that
/// language, then the documentation, which is written in English only.
pub fn explain(name: &str, language: Language) -> u8 {
    match find(name) {
        Some(rule) if language == Language::English => emit(&rule.meta().explanation()),
        Some(rule) => {
            let meta = rule.meta();
            let mut page = format!(
                "# {}\n\n{}.\n",
                meta.name,
                capitalised(&meta.summary_in(language))
            );
            if let Some(article) = meta.article {
                let label = language.pick("Hjemmel", "Heimel", "Article");
                page.push_str(&format!("\n{label}: {}.\n", cite(article, language)));
            }
            page.push_str(language.pick(
                "\nDokumentasjonen nedenfor finnes bare på engelsk.\n\n",
                "\nDokumentasjonen nedanfor finst berre på engelsk.\n\n",
                "",
            ));
            page.push_str(&meta.explanation());
            emit(&page)
        }
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

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn emit(text: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    if say::delivered(out.write_all(text.as_bytes()).and_then(|()| out.flush())) {
        exit::CLEAN
    } else {
        exit::FAILURE
    }
}
