use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::Condition;

declare_rule! {
    /// ## What it checks
    /// A purpose with a `decision` that uses a `special` category without
    /// `condition explicit_consent` or `condition substantial_public_interest`.
    ///
    /// ## Why
    /// Automated decisions may not be based on special categories of data (Art. 22(4)) unless
    /// the person has given explicit consent (Art. 9(2)(a)) or the processing is necessary for
    /// reasons of substantial public interest on the basis of law (Art. 9(2)(g)), with suitable
    /// safeguards. Other Art. 9(2) conditions, such as health care, do not allow it.
    ///
    /// ## Example
    /// ```privacy
    /// category health "Helse" { special }
    /// purpose pricing "Prising" {
    ///   basis contract
    ///   condition health_care "lov"
    ///   data health
    ///   decision "Automatisk prising" {}
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category health "Helse" { special }
    /// purpose pricing "Prising" {
    ///   basis contract
    ///   condition explicit_consent
    ///   data health
    ///   decision "Automatisk prising" {}
    /// }
    /// ```
    pub struct AutomatedDecisionSpecialData {
        name: "automated-decision-special-data",
        severity: Error,
        scope: Definition,
        article: "Art. 22(4)",
        summary: "an automated decision based on special categories",
        fix: Never,
    }
}

impl Rule for AutomatedDecisionSpecialData {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model.purposes.iter().filter(|p| !p.decisions.is_empty()) {
            let Some((_, category)) = model.special_data(purpose).next() else {
                continue;
            };
            if purpose.has_condition(Condition::ExplicitConsent)
                || purpose.has_condition(Condition::SubstantialPublicInterest)
                || purpose.unreadable.contains("condition")
            {
                continue;
            }
            for decision in &purpose.decisions {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        decision.keyword,
                        format!(
                            "an automated decision may not be based on special categories (`{}`) unless the person gave explicit consent or a law of substantial public interest allows it (Art. 22(4)): add `condition explicit_consent` or `condition substantial_public_interest \"the law\"`, or leave the category out of the decision",
                            category.id.name
                        ),
                    )
                    .with_related(
                        category.special.unwrap_or(category.id.span),
                        format!("`{}` is a special category", category.id.name),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "automated-decision-special-data";

    fn purpose(condition: &str, flag: &str) -> String {
        format!(
            "category c \"C\" {{ {flag} }}\npurpose p \"P\" {{\n  basis contract\n  {condition}\n  data c\n  decision \"D\" {{}}\n}}\n"
        )
    }

    #[test]
    fn only_explicit_consent_or_substantial_public_interest() {
        assert_eq!(lines(RULE, &purpose("", "special")), vec![6]);
        assert_eq!(
            lines(RULE, &purpose("condition health_care \"l\"", "special")),
            vec![6]
        );
        assert!(lines(RULE, &purpose("condition explicit_consent", "special")).is_empty());
        assert!(
            lines(
                RULE,
                &purpose("condition substantial_public_interest \"l\"", "special")
            )
            .is_empty()
        );
        assert!(lines(RULE, &purpose("", "")).is_empty());
        assert!(lines(RULE, &purpose("", "criminal")).is_empty());
    }
}
