//! privlint's core: privacy declarations parsed, modelled and checked against the GDPR.
//!
//! The flow runs one way: text → syntax tree ([`syntax`]) → model with spans ([`lower`],
//! [`model`]) → rules ([`rules`]) → diagnostics ([`diagnostic`]). Rendering is the caller's
//! business; the CLI and the language server both call [`check`] or [`analyze`], so they give
//! identical diagnostics for identical text. No I/O happens here.

pub mod combined;
pub mod config;
pub mod diagnostic;
pub mod fields;
pub mod format;
pub mod lower;
pub mod model;
pub mod publish;
pub mod rules;
pub mod suggest;
pub mod syntax;
pub mod text;
pub mod vocab;

use std::collections::HashMap;

pub use diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
pub use model::Model;
pub use text::{ColumnUnit, LineIndex, Position, Span, visible};
pub use tree_sitter;
pub use tree_sitter::{InputEdit, Point, Tree};

use rules::{InvalidUtf8, Report, SyntaxError, UnusedSuppression};

/// What a rule is set to: its severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    pub fn parse(word: &str) -> Option<Level> {
        match word {
            "off" => Some(Level::Off),
            other => Severity::parse(other).map(Level::On),
        }
    }
}

/// Per-rule levels that override the rules' defaults (from `privlint.toml` or the editor).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub levels: HashMap<String, Level>,
}

impl Settings {
    pub fn level(&self, rule: &rules::RuleMeta) -> Level {
        self.levels
            .get(rule.name)
            .copied()
            .unwrap_or(Level::On(rule.severity))
    }
}

/// Decodes a file's bytes. A leading byte-order mark is dropped, so that columns count what
/// a person sees; bytes that are not UTF-8 give the `invalid-utf8` diagnostic.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
        Err(error) => Err(Box::new(InvalidUtf8::diagnostic(bytes, error))),
    }
}

/// Parses and checks a text.
pub fn check(text: &str, settings: &Settings) -> Vec<Diagnostic> {
    analyze(text, &syntax::read(text), settings).1
}

/// Checks a text whose sections are already read (the language server reads again only the
/// sections an edit touched). Returns the model too, for hover, completion and navigation.
pub fn analyze(
    text: &str,
    sections: &[syntax::Section],
    settings: &Settings,
) -> (Model, Vec<Diagnostic>) {
    let model = lower::lower(text, sections);
    let mut report = Report::default();
    for rule in rules::ALL {
        if settings.level(rule.meta()) != Level::Off {
            rule.check(&model, &mut report);
        }
    }
    let mut diagnostics = suppress(&model, report.diagnostics, settings);
    for d in &mut diagnostics {
        if let Level::On(severity) = settings.level(d.rule) {
            d.severity = severity;
        }
    }
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.name).cmp(&(b.span.start, b.span.end, b.rule.name))
    });
    (model, diagnostics)
}

/// Drops the diagnostics that a suppression comment covers, and reports the suppressions that
/// cover nothing.
fn suppress(model: &Model, diagnostics: Vec<Diagnostic>, settings: &Settings) -> Vec<Diagnostic> {
    if model.suppressions.is_empty() {
        return diagnostics;
    }
    // used[s][r]: whether rule name r of suppression s silenced something.
    let mut used: Vec<Vec<bool>> = model
        .suppressions
        .iter()
        .map(|s| vec![false; s.rules.len()])
        .collect();
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            // A finding at the start of the file is about the file, not a node (rules.md), so no
            // node's suppression covers it, not even that of a node at offset 0.
            if d.span == Span::new(0, 0) {
                return true;
            }
            // Text privlint cannot read is checked by no rule: that is never to be silenced.
            if d.rule.name == SyntaxError::META.name {
                return true;
            }
            let mut silenced = false;
            for (s, suppression) in model.suppressions.iter().enumerate() {
                let Some(scope) = suppression.scope else {
                    continue;
                };
                if d.span.start < scope.start || d.span.start > scope.end {
                    continue;
                }
                for (r, rule) in suppression.rules.iter().enumerate() {
                    if rule.value == d.rule.name {
                        used[s][r] = true;
                        silenced = true;
                    }
                }
            }
            !silenced
        })
        .collect();
    if settings.level(&UnusedSuppression::META) == Level::Off {
        return kept;
    }
    for (s, suppression) in model.suppressions.iter().enumerate() {
        if suppression.rules.is_empty() {
            kept.push(Diagnostic::new(
                &UnusedSuppression::META,
                suppression.span,
                "this suppression names no rule: write `# privlint: allow RULE -- reason`",
            ));
        }
        for (r, rule) in suppression.rules.iter().enumerate() {
            if used[s][r] {
                continue;
            }
            let message = match rules::find(&rule.value) {
                Some(found) if settings.level(found.meta()) == Level::Off => continue,
                Some(found) if found.meta().name == SyntaxError::META.name => {
                    "a syntax error cannot be suppressed: privlint cannot read that text, so no rule checks it; correct the syntax instead".to_string()
                }
                Some(_) if suppression.scope.is_none() => format!(
                    "this suppression of `{}` stands on no node: put it at the end of the node's first line, or on the line before it",
                    rule.value
                ),
                Some(_) => format!(
                    "`{}` does not fire here, so this suppression silences nothing: remove it",
                    rule.value
                ),
                None => match rules::suggest(&rule.value) {
                    Some(s) => format!("`{}` is not a rule; did you mean `{s}`?", rule.value),
                    None => format!(
                        "`{}` is not a rule: `privlint rules` lists them",
                        rule.value
                    ),
                },
            };
            kept.push(Diagnostic::new(
                &UnusedSuppression::META,
                rule.span,
                message,
            ));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings of the suppression and definition rules, which these tests exercise.
    fn rules_at(text: &str, settings: &Settings) -> Vec<(&'static str, usize)> {
        check(text, settings)
            .iter()
            .filter(|d| ["unused-definition", "unused-suppression"].contains(&d.rule.name))
            .map(|d| (d.rule.name, text[..d.span.start].matches('\n').count() + 1))
            .collect()
    }

    #[test]
    fn a_suppression_silences_its_node_and_children_only() {
        let text = "controller c \"C\" { email \"e\" }\n\
                    # privlint: allow unused-definition -- kept for the archive\n\
                    category a \"A\"\n\
                    category b \"B\"   # privlint: allow unused-definition -- likewise\n\
                    category d \"D\"\n";
        assert_eq!(
            rules_at(text, &Settings::default()),
            vec![("unused-definition", 5)]
        );
    }

    #[test]
    fn a_suppression_on_the_first_node_does_not_cover_findings_about_the_file() {
        // `missing-controller` stands at the start of the file, where `dpo` starts too; with a
        // blank line before `dpo` it was reported, and formatting, which drops that line, would
        // have silenced it.
        let text = "dpo \"D\"  # privlint: allow missing-controller -- x\n";
        let rules: Vec<&str> = check(text, &Settings::default())
            .iter()
            .map(|d| d.rule.name)
            .collect();
        assert!(rules.contains(&"missing-controller"), "{rules:?}");
        assert!(rules.contains(&"unused-suppression"), "{rules:?}");
    }

    #[test]
    fn a_syntax_error_cannot_be_suppressed() {
        let text = "purpose p \"P\" { basis consent  # privlint: allow syntax-error -- later\n";
        let found: Vec<(&str, String)> = check(text, &Settings::default())
            .into_iter()
            .filter(|d| d.rule.name.starts_with("syntax") || d.rule.name.starts_with("unused"))
            .map(|d| (d.rule.name, d.message))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|(rule, _)| *rule == "syntax-error"));
        assert!(
            found
                .iter()
                .any(|(rule, message)| *rule == "unused-suppression"
                    && message.contains("cannot be suppressed")),
            "{found:?}"
        );
    }

    #[test]
    fn a_lone_carriage_return_ends_the_line_of_a_suppression() {
        let text = "controller c \"C\" { email \"e\" }\n# privlint: allow unused-definition -- x\rcategory k \"K\"\n";
        assert_eq!(rules_at(text, &Settings::default()), vec![]);
    }

    #[test]
    fn a_suppression_that_silences_nothing_is_reported() {
        let text = "controller c \"C\" { email \"e\" }  # privlint: allow unused-definition, no-such-rule -- x\n";
        let found: Vec<Diagnostic> = check(text, &Settings::default())
            .into_iter()
            .filter(|d| d.rule.name.starts_with("unused"))
            .collect();
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(found.len(), 2, "{messages:?}");
        assert!(found.iter().all(|d| d.rule.name == "unused-suppression"));
        assert!(messages[1].contains("not a rule"), "{messages:?}");
    }

    #[test]
    fn settings_change_severity_or_turn_rules_off() {
        let text = "controller c \"C\" { email \"e\" }\ncategory a \"A\"\n";
        let mut settings = Settings::default();
        settings
            .levels
            .insert("unused-definition".into(), Level::On(Severity::Error));
        let unused = |settings: &Settings| -> Vec<Severity> {
            check(text, settings)
                .iter()
                .filter(|d| d.rule.name == "unused-definition")
                .map(|d| d.severity)
                .collect()
        };
        assert_eq!(unused(&settings), vec![Severity::Error]);
        settings
            .levels
            .insert("unused-definition".into(), Level::Off);
        assert!(unused(&settings).is_empty());
    }

    #[test]
    fn decoding_drops_a_bom_and_rejects_latin1() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        let error = decode(b"ok\nF\xF8rde").unwrap_err();
        assert_eq!(error.rule.name, "invalid-utf8");
        assert!(error.message.contains("line 2"), "{}", error.message);
    }
}
