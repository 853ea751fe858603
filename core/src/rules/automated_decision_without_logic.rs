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
        fix: Never,
        summary: [
            "en automatisert avgjørelse der logikken ikke er forklart",
            "ei automatisert avgjerd der logikken ikkje er forklart",
            "an automated decision without the logic explained",
        ],
    }
    messages {
        NO_LOGIC = [
            "erklæringen skal forklare logikken i en automatisert avgjørelse og hvilke følger den får ({Art. 13(2)(f)}): legg til `logic \"hvordan avgjørelsen tas\"` inne i `decision`",
            "erklæringa skal forklare logikken i ei automatisert avgjerd og kva følgjer ho får ({Art. 13(2)(f)}): legg til `logic \"korleis avgjerda blir teken\"` inne i `decision`",
            "the notice must explain the logic of an automated decision and its consequences ({Art. 13(2)(f)}): add `logic \"how the decision is made\"` inside the `decision`",
        ];
    }
}

impl Rule for AutomatedDecisionWithoutLogic {
    fn check(&self, model: &Model, report: &mut Report) {
        for decision in model.purposes.iter().flat_map(|p| &p.decisions) {
            if !decision.written.contains("logic") {
                report.push(Diagnostic::new(
                    &Self::META,
                    decision.keyword,
                    report.say(Self::NO_LOGIC, &[]),
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
