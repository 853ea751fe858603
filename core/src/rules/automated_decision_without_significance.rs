use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `decision` without `significance`.
    ///
    /// ## Why
    /// Where a decision is made solely by automated means, the notice must give meaningful
    /// information about the logic involved, "as well as the significance and the envisaged
    /// consequences of such processing for the data subject" (Art. 13(2)(f), 14(2)(g)). The
    /// logic says how the decision is reached; the significance says what it means for the
    /// person and what follows from it — a refusal, a price, a check — and what they can do.
    ///
    /// ## Example
    /// ```privacy
    /// purpose credit "Kreditt" {
    ///   basis contract
    ///   decision "Automatisk kredittvurdering" {
    ///     logic "Poengmodell basert på inntekt og gjeld"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose credit "Kreditt" {
    ///   basis contract
    ///   decision "Automatisk kredittvurdering" {
    ///     logic "Poengmodell basert på inntekt og gjeld"
    ///     significance "Får du avslag, kan du ikke få kreditt hos oss. Du kan be om at en saksbehandler ser på søknaden."
    ///   }
    /// }
    /// ```
    pub struct AutomatedDecisionWithoutSignificance {
        name: "automated-decision-without-significance",
        severity: Warning,
        scope: Section,
        article: "Art. 13(2)(f), 14(2)(g)",
        fix: Never,
        summary: [
            "en automatisert avgjørelse der det ikke står hva den betyr for personen",
            "ei automatisert avgjerd der det ikkje står kva ho har å seie for personen",
            "an automated decision whose meaning for the person is not stated",
        ],
    }
    messages {
        NO_SIGNIFICANCE = [
            "den automatiserte avgjørelsen i `{purpose}` sier ikke hva den betyr for personen: erklæringen skal forklare betydningen og de forventede følgene av avgjørelsen, ikke bare logikken ({Art. 13(2)(f), 14(2)(g)}); legg til `significance \"…\"` i avgjørelsen, som `significance \"Får du avslag, …; du kan be om at et menneske vurderer avgjørelsen på nytt.\"`",
            "den automatiserte avgjerda i `{purpose}` seier ikkje kva ho har å seie for personen: erklæringa skal forklare kva avgjerda har å seie, og kva følgjer ho er venta å få, ikkje berre logikken ({Art. 13(2)(f), 14(2)(g)}); legg til `significance \"…\"` i avgjerda, som `significance \"Får du avslag, …; du kan be om at eit menneske vurderer avgjerda på nytt.\"`",
            "the automated decision in `{purpose}` does not say what it means for the person: the notice must give the significance and the envisaged consequences of the decision, not only its logic ({Art. 13(2)(f), 14(2)(g)}); add `significance \"…\"` to the decision, like `significance \"If you are refused, …; you may ask for a person to review it.\"`",
        ];
    }
}

impl Rule for AutomatedDecisionWithoutSignificance {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            for decision in purpose
                .decisions
                .iter()
                .filter(|d| !d.written.contains("significance"))
            {
                report.push(Diagnostic::new(
                    &Self::META,
                    decision.keyword,
                    report.say(Self::NO_SIGNIFICANCE, &[("purpose", &purpose.id.name)]),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "automated-decision-without-significance";

    #[test]
    fn each_decision_without_significance() {
        let text = "purpose p \"P\" {\n  decision \"A\" {\n    logic \"L\"\n  }\n  decision \"B\" {\n    significance \"S\"\n  }\n}\n";
        assert_eq!(lines(RULE, text), vec![2]);
        assert!(lines(RULE, "purpose p \"P\" {}\n").is_empty());
        // An empty decision lacks it too.
        assert_eq!(
            lines(RULE, "purpose p \"P\" {\n  decision \"D\" {}\n}\n"),
            vec![2]
        );
    }
}
