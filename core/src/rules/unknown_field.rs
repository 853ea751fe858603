use crate::diagnostic::{Diagnostic, Edit};
use crate::fields::{BLOCKS, TOP_LEVEL};
use crate::model::{Model, ReadIssue};
use crate::rules::{Report, Rule};
use crate::suggest::nearest;

declare_rule! {
    /// ## What it checks
    /// A node name that is not allowed where it stands: a misspelt field (`bassis`), or a
    /// field in the wrong place (`basis` at the top level, `country` inside a `purpose`).
    /// The nearest allowed name is suggested.
    ///
    /// ## Why
    /// A misspelt field is silently not there: `bassis contract` gives the purpose no legal
    /// basis at all.
    ///
    /// ## Example
    /// ```privacy
    /// purpose signup "Registrering" {
    ///   bassis contract
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose signup "Registrering" {
    ///   basis contract
    /// }
    /// ```
    pub struct UnknownField {
        name: "unknown-field",
        severity: Error,
        scope: Section,
        article: "",
        fix: Sometimes,
        summary: [
            "et felt som ikke er tillatt på det stedet",
            "eit felt som ikkje er tillate på den staden",
            "a field that is not allowed at that place",
        ],
    }
    messages {
        IN_BLOCK = ["i `{parent}`", "i `{parent}`", "in `{parent}`"];
        AT_TOP_LEVEL = ["på øverste nivå", "på øvste nivå", "at the top level"];
        INSIDE_BLOCK = ["inne i en `{parent}`", "inne i ein `{parent}`", "inside a `{parent}`"];
        OR = ["eller", "eller", "or"];
        THIS_FIELD = ["dette feltet", "dette feltet", "this field"];
        TAKES_NO_BLOCK = [
            "`{parent}` kan ikke ha en blokk: fjern `{name}` og klammeparentesene rundt",
            "`{parent}` kan ikkje ha ei blokk: fjern `{name}` og klammeparentesane rundt",
            "`{parent}` takes no block: remove `{name}` and the braces around it",
        ];
        DID_YOU_MEAN = [
            "ukjent felt `{name}` {place}; mente du `{suggestion}`?",
            "ukjent felt `{name}` {place}; meinte du `{suggestion}`?",
            "unknown field `{name}` {place}; did you mean `{suggestion}`?",
        ];
        REPLACE = ["Erstatt med `{suggestion}`", "Byt ut med `{suggestion}`", "Replace with `{suggestion}`"];
        ALLOWED_HERE = [
            "ukjent felt `{name}` {place}: feltene som er tillatt her, er {fields}",
            "ukjent felt `{name}` {place}: felta som er tillatne her, er {fields}",
            "unknown field `{name}` {place}: the fields allowed here are {fields}",
        ];
        BELONGS_ELSEWHERE = [
            "`{name}` er ikke tillatt {place}: feltet hører hjemme {elsewhere}",
            "`{name}` er ikkje tillate {place}: feltet høyrer heime {elsewhere}",
            "`{name}` is not allowed {place}: it belongs {elsewhere}",
        ];
    }
}

impl Rule for UnknownField {
    fn check(&self, model: &Model, report: &mut Report) {
        for issue in &model.issues {
            let ReadIssue::UnknownField {
                span,
                name,
                parent,
                allowed,
            } = issue
            else {
                continue;
            };
            let place = match parent {
                Some(parent) => report.say(Self::IN_BLOCK, &[("parent", parent)]),
                None => report.say(Self::AT_TOP_LEVEL, &[]),
            };
            if allowed.is_empty() {
                let parent = match parent {
                    Some(parent) => parent.to_string(),
                    None => report.say(Self::THIS_FIELD, &[]),
                };
                report.push(Diagnostic::new(
                    &Self::META,
                    *span,
                    report.say(Self::TAKES_NO_BLOCK, &[("parent", &parent), ("name", name)]),
                ));
                continue;
            }
            if let Some(suggestion) = nearest(name, allowed.iter().map(|f| f.name)) {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        *span,
                        report.say(
                            Self::DID_YOU_MEAN,
                            &[
                                ("name", name),
                                ("place", &place),
                                ("suggestion", &suggestion),
                            ],
                        ),
                    )
                    .with_fix(
                        report.say(Self::REPLACE, &[("suggestion", &suggestion)]),
                        vec![Edit {
                            span: *span,
                            text: suggestion.to_string(),
                        }],
                    ),
                );
                continue;
            }
            let elsewhere: Vec<String> = BLOCKS
                .iter()
                .filter(|block| block.field(name).is_some())
                .map(|block| {
                    if block.parent == TOP_LEVEL.parent {
                        report.say(Self::AT_TOP_LEVEL, &[])
                    } else {
                        report.say(Self::INSIDE_BLOCK, &[("parent", &block.parent)])
                    }
                })
                .collect();
            let message = if elsewhere.is_empty() {
                let fields: Vec<&str> = allowed.iter().map(|f| f.name).collect();
                report.say(
                    Self::ALLOWED_HERE,
                    &[
                        ("name", name),
                        ("place", &place),
                        ("fields", &fields.join(", ")),
                    ],
                )
            } else {
                let or = format!(" {} ", report.say(Self::OR, &[]));
                report.say(
                    Self::BELONGS_ELSEWHERE,
                    &[
                        ("name", name),
                        ("place", &place),
                        ("elsewhere", &elsewhere.join(&or)),
                    ],
                )
            };
            report.push(Diagnostic::new(&Self::META, *span, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn suggests_the_nearest_field() {
        let found = findings(
            "unknown-field",
            "purpose p \"P\" {\n  retension 1 year\n}\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 2);
        assert!(
            found[0].1.contains("did you mean `retention`?"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn says_where_a_misplaced_field_belongs() {
        let found = findings("unknown-field", "basis consent\n");
        assert!(found[0].1.contains("inside a `purpose`"), "{}", found[0].1);
    }

    #[test]
    fn the_children_of_titled_blocks_are_fields() {
        let text = "notice \"N\" {\n  language \"nb\"\n  updated 2026-01-01\n}\ndpo \"D\" { email \"e\" }\n";
        assert!(findings("unknown-field", text).is_empty());
    }

    #[test]
    fn a_leaf_field_takes_no_block() {
        let found = findings("unknown-field", "category c \"C\" { special { x } }\n");
        assert!(found[0].1.contains("takes no block"), "{}", found[0].1);
    }
}
