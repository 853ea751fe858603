//! privlint's core: privacy declarations parsed, modelled and checked against the GDPR.
//!
//! The flow runs one way: text → syntax tree ([`syntax`]) → model with spans ([`lower`],
//! [`model`]) → rules ([`rules`]) → diagnostics ([`diagnostic`]). Rendering is the caller's
//! business; the CLI and the playground call [`pipeline::check_declaration`], the language
//! server [`analyze`] (and, to come, [`incremental::Workspace`]), all of which run the same
//! lowering and rules, so they give identical diagnostics for identical text. A check can be
//! stopped with a [`CancelToken`]. No I/O happens here.

pub mod cancel;
pub mod combined;
pub mod config;
pub mod diagnostic;
pub mod fields;
pub mod format;
#[macro_use]
pub mod lang;
pub mod incremental;
pub mod language_choice;
pub mod lower;
pub mod model;
pub mod pipeline;
pub mod publish;
pub mod report;
pub mod rules;
pub mod suggest;
pub mod syntax;
pub mod text;
pub mod vocab;

use std::collections::HashMap;

pub use cancel::{CancelToken, Cancelled};
pub use diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
pub use model::Model;
pub use text::{ColumnUnit, LineIndex, Position, Span, visible};
pub use tree_sitter;
pub use tree_sitter::{InputEdit, Point, Tree};

use rules::{Report, SyntaxError, UnusedSuppression};

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

/// Per-rule levels that override the rules' defaults (from `privlint.toml` or the editor), and
/// the language the findings are written in (English unless one is chosen).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub levels: HashMap<String, Level>,
    pub language: lang::Language,
}

impl Settings {
    pub fn level(&self, rule: &rules::RuleMeta) -> Level {
        self.levels
            .get(rule.name)
            .copied()
            .unwrap_or(Level::On(rule.severity))
    }
}

/// Where a file stops being UTF-8. [`rules::InvalidUtf8::diagnostic`] words it in the run's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotUtf8 {
    /// The first byte that is not UTF-8.
    pub byte: u8,
    /// Its line, from 1.
    pub line: usize,
    /// Its offset in the file, from 0.
    pub offset: usize,
}

/// Decodes a file's bytes. A leading byte-order mark is dropped, so that columns count what
/// a person sees; bytes that are not UTF-8 give where they start, for the `invalid-utf8`
/// finding.
pub fn decode(bytes: &[u8]) -> Result<&str, NotUtf8> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
        Err(error) => {
            let offset = error.valid_up_to();
            Err(NotUtf8 {
                byte: bytes[offset],
                line: bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1,
                offset,
            })
        }
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
    cancel::uncancelled(analyze_until(
        text,
        sections,
        settings,
        &CancelToken::never(),
    ))
}

/// [`analyze`], stopping between sections and between rules once `cancel` is cancelled.
pub fn analyze_until(
    text: &str,
    sections: &[syntax::Section],
    settings: &Settings,
    cancel: &CancelToken,
) -> Result<(Model, Vec<Diagnostic>), Cancelled> {
    let model = lower::lower_until(text, sections, cancel)?;
    let mut report = Report::new(settings.language);
    for rule in rules::ALL {
        if settings.level(rule.meta()) != Level::Off {
            cancel.check()?;
            rule.check(&model, &mut report);
        }
    }
    cancel.check()?;
    let diagnostics = finish(&model, report.diagnostics, settings);
    Ok((model, diagnostics))
}

/// The findings of the rules as reported: suppressions applied, severities as set, sorted by
/// place.
fn finish(model: &Model, diagnostics: Vec<Diagnostic>, settings: &Settings) -> Vec<Diagnostic> {
    let mut diagnostics = suppress(model, diagnostics, settings);
    for d in &mut diagnostics {
        if let Level::On(severity) = settings.level(d.rule) {
            d.severity = severity;
        }
    }
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.name).cmp(&(b.span.start, b.span.end, b.rule.name))
    });
    diagnostics
}

/// Drops the diagnostics that a suppression comment covers, and reports the suppressions that
/// cover nothing.
fn suppress(model: &Model, diagnostics: Vec<Diagnostic>, settings: &Settings) -> Vec<Diagnostic> {
    if model.suppressions.is_empty() {
        return diagnostics;
    }
    // One entry per rule name of a suppression that stands on a node.
    let mut entries = Vec::new();
    let mut owners = Vec::new();
    for (s, suppression) in model.suppressions.iter().enumerate() {
        if let Some(scope) = suppression.scope {
            for (r, rule) in suppression.rules.iter().enumerate() {
                entries.push((scope, rule.value.as_str()));
                owners.push((s, r));
            }
        }
    }
    let findings: Vec<Option<(usize, &str)>> = diagnostics
        .iter()
        .map(|d| {
            // A finding at the start of the file is about the file, not a node (rules.md), so
            // no node's suppression covers it, not even that of a node at offset 0. Text
            // privlint cannot read is checked by no rule: that is never to be silenced.
            let never = d.span == Span::new(0, 0) || d.rule.name == SyntaxError::META.name;
            (!never).then_some((d.span.start, d.rule.name))
        })
        .collect();
    let covered = cover(&entries, &findings);
    // used[s][r]: whether rule name r of suppression s silenced something.
    let mut used: Vec<Vec<bool>> = model
        .suppressions
        .iter()
        .map(|s| vec![false; s.rules.len()])
        .collect();
    for (&(s, r), &silenced) in owners.iter().zip(&covered.used) {
        used[s][r] = silenced;
    }
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .zip(&covered.silenced)
        .filter(|(_, silenced)| !**silenced)
        .map(|(d, _)| d)
        .collect();
    if settings.level(&UnusedSuppression::META) == Level::Off {
        return kept;
    }
    // Asked once per suppressed name that is not a rule, so the work is bounded as a whole.
    let mut rule_names = suggest::Candidates::new(rules::ALL.iter().map(|r| r.meta().name));
    let say = |phrase: lang::T, values: &[(&str, &dyn std::fmt::Display)]| {
        phrase.fill(settings.language, values)
    };
    for (s, suppression) in model.suppressions.iter().enumerate() {
        if suppression.rules.is_empty() {
            kept.push(Diagnostic::new(
                &UnusedSuppression::META,
                suppression.span,
                say(UnusedSuppression::NAMES_NO_RULE, &[]),
            ));
        }
        for (r, rule) in suppression.rules.iter().enumerate() {
            if used[s][r] {
                continue;
            }
            let name = &rule.value;
            let message = match rules::find(name) {
                Some(found) if settings.level(found.meta()) == Level::Off => continue,
                Some(found) if found.meta().name == SyntaxError::META.name => {
                    say(UnusedSuppression::SYNTAX_ERROR, &[])
                }
                Some(_) if suppression.scope.is_none() => {
                    say(UnusedSuppression::ON_NO_NODE, &[("rule", name)])
                }
                Some(_) => say(UnusedSuppression::SILENCES_NOTHING, &[("rule", name)]),
                None => match rule_names.nearest(name) {
                    Some(s) => say(
                        UnusedSuppression::DID_YOU_MEAN,
                        &[("rule", name), ("suggestion", &s)],
                    ),
                    None => say(UnusedSuppression::NOT_A_RULE, &[("rule", name)]),
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

/// Which findings the suppressions' scopes cover, found in one sweep per rule name.
struct Covered {
    /// Per finding: whether an entry of its rule covers it.
    silenced: Vec<bool>,
    /// Per entry: whether it covers a finding.
    used: Vec<bool>,
    /// Steps taken (findings and entries visited, pushed and popped), which tests bound: the
    /// sweep costs O((findings + entries) log entries), not findings × entries.
    #[cfg_attr(not(test), allow(dead_code))]
    steps: usize,
}

/// An entry `(scope, rule)` covers a finding `(offset, rule)` of the same rule when
/// `scope.start <= offset <= scope.end`. A finding that is `None` is covered by nothing.
///
/// Per rule name, the entries sorted by start and the findings by offset are swept together:
/// the entries that have started are kept in a heap by end, from which those that ended before
/// the finding are dropped (they end before every later finding too); a finding is covered when
/// one is left. Every entry that has started and not ended covers the finding, so each is marked
/// used the first time a finding is covered while it is open, and then needs no more visits.
fn cover(entries: &[(Span, &str)], findings: &[Option<(usize, &str)>]) -> Covered {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut covered = Covered {
        silenced: vec![false; findings.len()],
        used: vec![false; entries.len()],
        steps: 0,
    };
    let mut by_rule: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (e, (_, rule)) in entries.iter().enumerate() {
        by_rule.entry(rule).or_default().0.push(e);
    }
    for (f, finding) in findings.iter().enumerate() {
        if let Some((_, rule)) = finding
            && let Some((_, of_rule)) = by_rule.get_mut(rule)
        {
            of_rule.push(f);
        }
    }
    for (mut starting, mut at) in by_rule.into_values() {
        starting.sort_by_key(|&e| entries[e].0.start);
        at.sort_by_key(|&f| findings[f].map_or(0, |(offset, _)| offset));
        let mut next = 0;
        let mut open = BinaryHeap::new();
        let mut unmarked = Vec::new();
        for f in at {
            let Some((offset, _)) = findings[f] else {
                continue;
            };
            covered.steps += 1;
            while let Some(&e) = starting.get(next)
                && entries[e].0.start <= offset
            {
                open.push(Reverse((entries[e].0.end, e)));
                unmarked.push(e);
                next += 1;
                covered.steps += 1;
            }
            while let Some(&Reverse((end, _))) = open.peek()
                && end < offset
            {
                open.pop();
                covered.steps += 1;
            }
            if open.is_empty() {
                continue;
            }
            covered.silenced[f] = true;
            for e in unmarked.drain(..) {
                covered.steps += 1;
                // One that has ended is passed by every later finding as well.
                if entries[e].0.end >= offset {
                    covered.used[e] = true;
                }
            }
        }
    }
    covered
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
    fn the_sweep_covers_what_comparing_every_pair_covers() {
        // Nested, overlapping, equal and touching scopes, several rules, findings on the edges.
        let mut seed = 11u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let rules = ["a", "b", "c"];
        for _ in 0..300 {
            let entries: Vec<(Span, &str)> = (0..next(12))
                .map(|_| {
                    let start = next(40);
                    (Span::new(start, start + next(15)), rules[next(3)])
                })
                .collect();
            let findings: Vec<Option<(usize, &str)>> = (0..next(20))
                .map(|_| (next(8) > 0).then(|| (next(60), rules[next(3)])))
                .collect();
            let covered = cover(&entries, &findings);
            for (f, finding) in findings.iter().enumerate() {
                let expected = finding.is_some_and(|(offset, rule)| {
                    entries
                        .iter()
                        .any(|(s, r)| *r == rule && s.start <= offset && offset <= s.end)
                });
                assert_eq!(covered.silenced[f], expected, "{entries:?} {findings:?}");
            }
            for (e, (scope, rule)) in entries.iter().enumerate() {
                let expected = findings
                    .iter()
                    .flatten()
                    .any(|(offset, r)| r == rule && scope.start <= *offset && *offset <= scope.end);
                assert_eq!(covered.used[e], expected, "{entries:?} {findings:?}");
            }
        }
    }

    #[test]
    fn suppressions_cost_in_proportion_to_their_number() {
        // Every definition suppressed: comparing each finding with each suppression took
        // n × n steps (33.7 s at 100,000); the sweep takes a few per finding and suppression.
        let n = 3000;
        let mut text = String::from("controller c \"C\" { email \"e\" }\n");
        for i in 0..n {
            text.push_str(&format!(
                "category k{i} \"K\"  # privlint: allow unused-definition, unknown-field -- x\n"
            ));
        }
        let model = lower::lower(&text, &syntax::read(&text));
        let mut report = Report::default();
        for rule in rules::ALL {
            rule.check(&model, &mut report);
        }
        let mut entries = Vec::new();
        for s in &model.suppressions {
            for r in &s.rules {
                entries.push((s.scope.unwrap(), r.value.as_str()));
            }
        }
        let findings: Vec<Option<(usize, &str)>> = report
            .diagnostics
            .iter()
            .map(|d| Some((d.span.start, d.rule.name)))
            .collect();
        let covered = cover(&entries, &findings);
        assert_eq!(covered.silenced.iter().filter(|s| **s).count(), n);
        assert!(
            covered.steps <= 4 * (entries.len() + findings.len()),
            "{} steps for {} suppressions and {} findings",
            covered.steps,
            entries.len(),
            findings.len()
        );
        // And precisely: each `unknown-field` silences nothing, each `unused-definition` its own.
        let unused: Vec<Diagnostic> = check(&text, &Settings::default())
            .into_iter()
            .filter(|d| d.rule.name.starts_with("unused"))
            .collect();
        assert_eq!(unused.len(), n);
        assert!(
            unused
                .iter()
                .all(|d| d.message.contains("`unknown-field` does not fire"))
        );
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
        let not_utf8 = decode(b"ok\nF\xF8rde").unwrap_err();
        assert_eq!(
            not_utf8,
            NotUtf8 {
                byte: 0xF8,
                line: 2,
                offset: 4
            }
        );
        let english = rules::InvalidUtf8::diagnostic(not_utf8, lang::Language::English);
        assert_eq!(english.rule.name, "invalid-utf8");
        assert_eq!(
            english.message,
            "the file is not UTF-8: byte 0xF8 on line 2 (offset 4) is not valid UTF-8; save the file as UTF-8"
        );
        let nynorsk = rules::InvalidUtf8::diagnostic(not_utf8, lang::Language::Nn);
        assert!(
            nynorsk
                .message
                .starts_with("fila er ikkje UTF-8: byte 0xF8 på line 2"),
            "{}",
            nynorsk.message
        );
    }
}
