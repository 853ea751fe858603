use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Model, ReadIssue};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A value of the wrong kind, or a word that is not in the field's vocabulary:
    /// `basis necessary`, `retention soon`, `country no`, a missing label.
    ///
    /// ## Why
    /// A field whose value cannot be read says nothing; the message lists the valid values.
    /// The field still counts as written, so `basis necessary` gives this one finding and not
    /// also `missing-legal-basis`.
    ///
    /// ## Example
    /// ```privacy
    /// purpose signup "Registrering" {
    ///   basis necessary
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose signup "Registrering" {
    ///   basis contract
    /// }
    /// ```
    pub struct InvalidValue {
        name: "invalid-value",
        severity: Error,
        scope: Section,
        article: "",
        fix: Sometimes,
        summary: [
            "en verdi som ikke er gyldig for feltet",
            "ein verdi som ikkje er gyldig for feltet",
            "a value that is not valid for its field",
        ],
    }
}

impl Rule for InvalidValue {
    fn check(&self, model: &Model, report: &mut Report) {
        for issue in &model.issues {
            let ReadIssue::InvalidValue {
                span,
                problem,
                suggestion,
                ..
            } = issue
            else {
                continue;
            };
            let diagnostic = match suggestion {
                Some(s) => Diagnostic::new(
                    &Self::META,
                    *span,
                    format!("{problem}; did you mean `{s}`?"),
                )
                .with_fix(
                    format!("Replace with `{s}`"),
                    vec![Edit {
                        span: *span,
                        text: s.clone(),
                    }],
                ),
                None => Diagnostic::new(&Self::META, *span, problem.clone()),
            };
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    #[test]
    fn lists_or_suggests_valid_words() {
        let found = findings("invalid-value", "purpose p \"P\" {\n  basis concent\n}\n");
        assert!(
            found[0].1.contains("did you mean `consent`"),
            "{}",
            found[0].1
        );
        let found = findings("invalid-value", "purpose p \"P\" {\n  basis necessary\n}\n");
        assert!(
            found[0].1.contains("legitimate_interests"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn an_invalid_value_still_counts_as_written() {
        let text = "purpose p \"P\" {\n  basis necessary\n  retention soon\n}\n";
        assert_eq!(lines("invalid-value", text), vec![2, 3]);
        assert!(lines("missing-legal-basis", text).is_empty());
        assert!(lines("missing-retention", text).is_empty());
    }

    #[test]
    fn checks_kinds_of_values() {
        assert_eq!(
            lines("invalid-value", "processor p \"P\" { country no }\n"),
            vec![1]
        );
        assert_eq!(
            lines(
                "invalid-value",
                "processor p \"P\" { agreement 2023-02-30 }\n"
            ),
            vec![1]
        );
        assert_eq!(
            lines("invalid-value", "rights { respond_within 30 }\n"),
            vec![1]
        );
        assert_eq!(
            lines("invalid-value", "category c \"C\" { special yes }\n"),
            vec![1]
        );
        assert_eq!(lines("invalid-value", "category c\n"), vec![1]);
        assert!(
            lines(
                "invalid-value",
                "purpose p \"P\" { retention 5 years after \"x\" }\n"
            )
            .is_empty()
        );
    }
}
