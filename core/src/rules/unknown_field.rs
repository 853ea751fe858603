use crate::diagnostic::{Diagnostic, Edit};
use crate::fields::BLOCKS;
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
        summary: "a field that is not allowed at that place",
        fix: Sometimes,
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
                Some(parent) => format!("in `{parent}`"),
                None => "at the top level".to_string(),
            };
            if allowed.is_empty() {
                let parent = parent.unwrap_or("this field");
                report.push(Diagnostic::new(
                    &Self::META,
                    *span,
                    format!("`{parent}` takes no block: remove `{name}` and the braces around it"),
                ));
                continue;
            }
            if let Some(suggestion) = nearest(name, allowed.iter().map(|f| f.name)) {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        *span,
                        format!("unknown field `{name}` {place}; did you mean `{suggestion}`?"),
                    )
                    .with_fix(
                        format!("Replace with `{suggestion}`"),
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
                .map(|block| block.place())
                .collect();
            let message = if elsewhere.is_empty() {
                format!(
                    "unknown field `{name}` {place}: the fields allowed here are {}",
                    allowed
                        .iter()
                        .map(|f| f.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                format!(
                    "`{name}` is not allowed {place}: it belongs {}",
                    elsewhere.join(" or ")
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
