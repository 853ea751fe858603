use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `decision` without `logic`.
    ///
    /// ## Why
    /// Where there is automated decision-making under Art. 22, the notice must give meaningful
    /// information about the logic involved, and the significance and envisaged consequences
    /// for the person (Art. 13(2)(f), 14(2)(g)).
    ///
    /// ## Example
    /// ```privacy
    /// purpose loans "Lån" {
    ///   decision "Automatisk kredittavgjørelse" {}
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose loans "Lån" {
    ///   decision "Automatisk kredittavgjørelse" {
    ///     logic "Poengmodell basert på inntekt og gjeld"
    ///   }
    /// }
    /// ```
    pub struct AutomatedDecisionWithoutLogic {
        name: "automated-decision-without-logic",
        severity: Error,
        scope: Section,
        article: "Art. 13(2)(f), 14(2)(g)",
        summary: "an automated decision without the logic explained",
        fix: Never,
    }
}

impl Rule for AutomatedDecisionWithoutLogic {
    fn check(&self, model: &Model, report: &mut Report) {
        for decision in model.purposes.iter().flat_map(|p| &p.decisions) {
            if !decision.written.contains("logic") {
                report.push(Diagnostic::new(
                    &Self::META,
                    decision.keyword,
                    "the notice must explain the logic of an automated decision and its consequences (Art. 13(2)(f)): add `logic \"how the decision is made\"` inside the `decision`",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "automated-decision-without-logic";

    #[test]
    fn every_decision_needs_logic() {
        let text = "purpose p \"P\" {\n  decision \"A\" {}\n  decision \"B\" { logic \"L\" }\n}\n";
        assert_eq!(lines(RULE, text), vec![2]);
    }
}
