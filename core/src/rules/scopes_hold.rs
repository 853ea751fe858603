//! Every rule is held to its [`Scope`]: checked on part of a declaration — one section alone
//! for [`Scope::Section`], one section with the declaration's definitions for
//! [`Scope::Definition`] — the rule finds, within that section, exactly what it finds there in
//! the whole declaration. A rule that reads more than its scope says (a purpose rule that
//! looks at a category) finds something else on the part, and fails here. [`Scope::UsedParty`]
//! findings must lie on a party's definition.
//!
//! The declarations: the repository's examples and every rule's documented examples (each
//! makes its rule fire).

use std::ops::Range;

use super::{ALL, Report, Rule, Scope};
use crate::Model;

/// The findings of `rule` on `model`, as (start, end, message), the rule run on the model
/// alone (no suppression applied, at its default level).
fn findings(rule: &dyn Rule, model: &Model) -> Vec<(usize, usize, String)> {
    let mut report = Report::default();
    rule.check(model, &mut report);
    let mut found: Vec<_> = report
        .diagnostics
        .into_iter()
        .map(|d| (d.span.start, d.span.end, d.message))
        .collect();
    found.sort();
    found
}

fn model(text: &str) -> Model {
    crate::lower::lower(text, &crate::syntax::read(text))
}

/// The text of some of the sections of `text`, in order, and where each piece starts in it and
/// in `text`.
fn part(text: &str, sections: &[&Range<usize>]) -> (String, Vec<(usize, usize)>) {
    let mut part = String::new();
    let mut starts = Vec::new();
    for range in sections {
        starts.push((part.len(), range.start));
        part.push_str(&text[(*range).clone()]);
    }
    (part, starts)
}

/// The offset in the whole text of an offset in a part.
fn in_whole(starts: &[(usize, usize)], offset: usize) -> usize {
    let piece = starts.partition_point(|&(at, _)| at <= offset).max(1) - 1;
    let (at, whole) = starts[piece];
    whole + offset - at
}

/// The first word of a section's statement.
fn keyword<'t>(text: &'t str, range: &Range<usize>) -> &'t str {
    text[range.clone()]
        .lines()
        .map(str::trim_start)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .and_then(|line| line.split_whitespace().next())
        .unwrap_or_default()
}

fn is_purpose(text: &str, range: &Range<usize>) -> bool {
    keyword(text, range) == "purpose"
}

/// Whether `offset` is in the definition of a party.
fn is_party(text: &str, ranges: &[Range<usize>], offset: usize) -> bool {
    ranges.iter().any(|range| {
        range.contains(&offset)
            && ["processor", "recipient", "joint_controller"].contains(&keyword(text, range))
    })
}

fn declarations() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut found = Vec::new();
    let mut fjordbanken = String::new();
    for dir in [root.to_string(), format!("{root}/fjordbanken")] {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "privacy"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            if dir.ends_with("fjordbanken") {
                // Its files are one declaration: laid one after the other, as a check does.
                fjordbanken.push_str(&text);
                fjordbanken.push('\n');
            } else {
                found.push((path.display().to_string(), text));
            }
        }
    }
    found.push(("fjordbanken".into(), fjordbanken));
    for rule in ALL {
        let docs = rule.meta().documentation();
        for (i, block) in docs.split("```privacy\n").skip(1).enumerate() {
            let example = block.split("```").next().unwrap_or_default();
            found.push((format!("{} example {i}", rule.meta().name), example.into()));
        }
    }
    found
}

#[test]
fn every_rule_finds_on_the_part_its_scope_reads_what_it_finds_in_the_whole() {
    let declarations = declarations();
    assert!(declarations.len() > ALL.len(), "the corpus is missing");
    let mut failures = Vec::new();
    for (name, text) in &declarations {
        let ranges = crate::syntax::sections(text);
        let definitions: Vec<&Range<usize>> =
            ranges.iter().filter(|r| !is_purpose(text, r)).collect();
        let whole_model = model(text);
        let whole: Vec<_> = ALL
            .iter()
            .map(|rule| findings(*rule, &whole_model))
            .collect();
        for section in &ranges {
            let alone = part(text, &[section]);
            let with_definitions = part(
                text,
                &ranges
                    .iter()
                    .filter(|r| *r == section || definitions.contains(r))
                    .collect::<Vec<_>>(),
            );
            let parts = [
                (Scope::Section, alone),
                (Scope::Definition, with_definitions),
            ];
            for (scope, (part, starts)) in parts {
                let part_model = model(&part);
                for (rule, whole) in ALL.iter().zip(&whole) {
                    if rule.meta().scope != scope {
                        continue;
                    }
                    let on_part: Vec<_> = findings(*rule, &part_model)
                        .into_iter()
                        .map(|(s, e, m)| (in_whole(&starts, s), in_whole(&starts, e), m))
                        .filter(|(s, _, _)| section.contains(s))
                        .collect();
                    let in_section: Vec<_> = whole
                        .iter()
                        .filter(|(s, _, _)| section.contains(s))
                        .cloned()
                        .collect();
                    if on_part != in_section {
                        failures.push(format!(
                            "{} ({scope:?}) in {name}, section at {}: {on_part:?} on the part, {in_section:?} in the whole",
                            rule.meta().name,
                            section.start
                        ));
                    }
                }
            }
        }
        for (rule, whole) in ALL.iter().zip(&whole) {
            if rule.meta().scope != Scope::UsedParty {
                continue;
            }
            for (start, _, message) in whole {
                if !is_party(text, &ranges, *start) {
                    failures.push(format!(
                        "{} in {name}: `{message}` at {start} is not on a party",
                        rule.meta().name
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
