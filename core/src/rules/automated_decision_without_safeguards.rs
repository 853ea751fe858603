use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{DecisionSafeguard, RightKind};

declare_rule! {
    /// ## What it checks
    /// A `decision` whose `safeguards` do not include `human_review`, or a decision while
    /// `human_review` is not granted in `rights`.
    ///
    /// ## Why
    /// Where an automated decision is allowed because of a contract or explicit consent, the
    /// controller must implement suitable safeguards, at least the right to obtain human
    /// intervention, to express one's point of view and to contest the decision (Art. 22(3)).
    /// The decision must have them, and the notice must grant them.
    ///
    /// ## Example
    /// ```privacy
    /// purpose loans "Lån" {
    ///   decision "Automatisk kredittavgjørelse" {
    ///     safeguards contest
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose loans "Lån" {
    ///   decision "Automatisk kredittavgjørelse" {
    ///     safeguards human_review, express_view, contest
    ///   }
    /// }
    /// rights { human_review }
    /// ```
    pub struct AutomatedDecisionWithoutSafeguards {
        name: "automated-decision-without-safeguards",
        severity: Error,
        article: "Art. 22(3)",
        summary: "an automated decision without human review",
    }
}

impl Rule for AutomatedDecisionWithoutSafeguards {
    fn check(&self, model: &Model, report: &mut Report) {
        let granted = model
            .rights
            .as_ref()
            .is_some_and(|r| r.grants(RightKind::HumanReview));
        for decision in model.purposes.iter().flat_map(|p| &p.decisions) {
            let reviewed = decision
                .safeguards
                .iter()
                .any(|s| s.value == DecisionSafeguard::HumanReview);
            let message = if !reviewed {
                if decision.unreadable.contains("safeguards") {
                    continue;
                }
                "an automated decision needs safeguards, at least human intervention, the chance to express one's view and to contest it (Art. 22(3)): add `safeguards human_review, express_view, contest` inside the `decision`"
            } else if !granted {
                "the decision offers human review, but the notice does not grant it (Art. 22(3)): add `human_review` to `rights`"
            } else {
                continue;
            };
            report.push(Diagnostic::new(&Self::META, decision.keyword, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "automated-decision-without-safeguards";

    fn text(safeguards: &str, rights: &str) -> String {
        format!(
            "purpose p \"P\" {{\n  decision \"D\" {{\n    {safeguards}\n  }}\n}}\nrights {{\n  {rights}\n}}\n"
        )
    }

    #[test]
    fn needs_human_review_in_the_decision_and_in_rights() {
        assert!(lines(RULE, &text("safeguards human_review", "human_review")).is_empty());
        assert_eq!(
            lines(RULE, &text("safeguards human_review", "access")),
            vec![2]
        );
        assert_eq!(
            lines(RULE, &text("safeguards contest", "human_review")),
            vec![2]
        );
        assert_eq!(lines(RULE, &text("", "human_review")), vec![2]);
    }

    #[test]
    fn an_unreadable_safeguard_is_reported_once() {
        assert!(lines(RULE, &text("safeguards human_reveiw", "human_review")).is_empty());
    }
}
