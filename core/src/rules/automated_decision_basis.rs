use crate::diagnostic::Diagnostic;
use crate::model::{Model, Purpose};
use crate::rules::{Report, Rule};
use crate::vocab::{Condition, LegalBasis};

declare_rule! {
    /// ## What it checks
    /// A purpose with a `decision` that has none of: `basis contract`,
    /// `condition explicit_consent`, or a `basis legal_obligation` or `basis public_task`
    /// naming a law.
    ///
    /// ## Why
    /// A decision based solely on automated processing with legal or similarly significant
    /// effects is prohibited (Art. 22(1)) unless it is necessary for a contract with the
    /// person, authorised by Union or national law, or based on the person's explicit consent
    /// (Art. 22(2)). Legitimate interests are not enough. A law counts for Art. 22(2)(b) only
    /// if it authorises the automated decision itself and lays down suitable measures to
    /// safeguard the person's rights: a law that obliges the controller to process the data
    /// (a duty to check customers, say) does not by itself allow deciding about them by
    /// machine. privlint cannot read the law, so it accepts a `legal_obligation` or
    /// `public_task` basis that names one; check that the law really authorises the decision.
    ///
    /// If no exception applies, the decision must not be made solely by automated means: let a
    /// person make it (and remove `decision`), or obtain explicit consent.
    ///
    /// ## Example
    /// ```privacy
    /// purpose fraud "Svindelavdekking" {
    ///   basis legitimate_interests "å hindre svindel"
    ///   decision "Blokkering av kort" {}
    /// }
    /// ```
    ///
    /// ## Fix
    /// A person decides, helped by the score; the purpose no longer makes an automated
    /// decision:
    /// ```privacy
    /// purpose fraud "Svindelavdekking" {
    ///   basis legitimate_interests "å hindre svindel"
    /// }
    /// ```
    pub struct AutomatedDecisionBasis {
        name: "automated-decision-basis",
        severity: Error,
        article: "Art. 22(2)",
        summary: "an automated decision without a basis that Art. 22(2) allows",
        fix: Never,
    }
}

/// Whether one of the exceptions of Art. 22(2) covers the purpose's decisions.
fn allowed(purpose: &Purpose) -> bool {
    purpose.has_basis(LegalBasis::Contract)
        || purpose.has_condition(Condition::ExplicitConsent)
        || purpose.bases.iter().any(|b| {
            matches!(b.kind, LegalBasis::LegalObligation | LegalBasis::PublicTask)
                && b.detail.is_some()
        })
}

impl Rule for AutomatedDecisionBasis {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            if allowed(purpose)
                || purpose.unreadable.contains("basis")
                || purpose.unreadable.contains("condition")
            {
                continue;
            }
            for decision in &purpose.decisions {
                report.push(Diagnostic::new(
                    &Self::META,
                    decision.keyword,
                    format!(
                        "a decision based solely on automated processing is allowed only when necessary for a contract with the person, authorised by a law that also lays down safeguards for the person, or based on explicit consent (Art. 22(2)): if one of these applies to `{}`, declare it (`basis contract`, `condition explicit_consent`, or the authorising law in `basis legal_obligation \"…\"`); if none does, a person must make the decision — remove `decision`",
                        purpose.id.name
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "automated-decision-basis";

    fn purpose(grounds: &str) -> String {
        format!("purpose p \"P\" {{\n  {grounds}\n  decision \"D\" {{}}\n}}\n")
    }

    #[test]
    fn the_three_exceptions_of_article_22_2() {
        for ok in [
            "basis contract",
            "basis consent\n  condition explicit_consent",
            "basis legal_obligation \"lov § 1\"",
            "basis public_task \"lov § 2\"",
        ] {
            assert!(lines(RULE, &purpose(ok)).is_empty(), "{ok}");
        }
        for (grounds, line) in [
            ("basis legitimate_interests \"i\"", 3),
            ("basis consent", 3),
            ("basis legal_obligation", 3),
            ("basis public_task", 3),
            ("", 3),
        ] {
            assert_eq!(lines(RULE, &purpose(grounds)), vec![line], "{grounds}");
        }
    }

    #[test]
    fn an_unreadable_basis_is_not_judged() {
        assert!(lines(RULE, &purpose("basis contrct")).is_empty());
    }
}
