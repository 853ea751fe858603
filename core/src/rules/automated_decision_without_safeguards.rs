use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{Condition, DecisionSafeguard, LegalBasis, RightKind, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A purpose with `basis contract` or `condition explicit_consent` (the exceptions of Art.
    /// 22(2)(a) and (c)) whose `decision` lacks one of `human_review`, `express_view` and
    /// `contest` in its `safeguards`, or while `human_review` is not granted in `rights`. A
    /// decision that rests only on a law (Art. 22(2)(b)) gets its safeguards from that law, and
    /// is not checked here.
    ///
    /// ## Why
    /// Where an automated decision is allowed because it is necessary for a contract or
    /// because the person explicitly consented, the controller must implement suitable
    /// safeguards, at least the right to obtain human intervention, to express one's point of
    /// view and to contest the decision (Art. 22(3)) — all three. The decision must have them,
    /// and the notice must grant them.
    ///
    /// ## Example
    /// ```privacy
    /// purpose loans "Lån" {
    ///   basis contract
    ///   decision "Automatisk kredittavgjørelse" {
    ///     safeguards human_review, contest
    ///   }
    /// }
    /// rights { human_review }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose loans "Lån" {
    ///   basis contract
    ///   decision "Automatisk kredittavgjørelse" {
    ///     safeguards human_review, express_view, contest
    ///   }
    /// }
    /// rights { human_review }
    /// ```
    pub struct AutomatedDecisionWithoutSafeguards {
        name: "automated-decision-without-safeguards",
        severity: Error,
        scope: Definition,
        article: "Art. 22(3)",
        fix: Never,
        summary: [
            "en automatisert avgjørelse på grunnlag av avtale eller uttrykkelig samtykke uten garantiene i {Art. 22(3)}",
            "ei automatisert avgjerd på grunnlag av avtale eller uttrykkeleg samtykke utan garantiane i {Art. 22(3)}",
            "an automated decision under a contract or explicit consent without the safeguards of {Art. 22(3)}",
        ],
    }
    messages {
        MISSING = [
            "en automatisert avgjørelse på grunnlag av avtale eller uttrykkelig samtykke krever minst menneskelig inngripen, muligheten til å uttrykke sitt syn og til å bestride avgjørelsen ({Art. 22(3)}): legg til {missing} i `safeguards` inne i `decision`",
            "ei automatisert avgjerd på grunnlag av avtale eller uttrykkeleg samtykke krev minst menneskeleg inngrep, høvet til å seie kva ein meiner, og til å klage på avgjerda ({Art. 22(3)}): legg til {missing} i `safeguards` inne i `decision`",
            "an automated decision under a contract or explicit consent needs at least human intervention, the chance to express one's view and to contest it ({Art. 22(3)}): add {missing} to `safeguards` inside the `decision`",
        ];
        NOT_GRANTED = [
            "avgjørelsen tilbyr menneskelig vurdering, men erklæringen gir ikke den rettigheten ({Art. 22(3)}): legg til `human_review` i `rights`",
            "avgjerda tilbyr menneskeleg vurdering, men erklæringa gir ikkje den retten ({Art. 22(3)}): legg til `human_review` i `rights`",
            "the decision offers human review, but the notice does not grant it ({Art. 22(3)}): add `human_review` to `rights`",
        ];
    }
}

impl Rule for AutomatedDecisionWithoutSafeguards {
    fn check(&self, model: &Model, report: &mut Report) {
        let granted = model
            .rights
            .as_ref()
            .is_some_and(|r| r.grants(RightKind::HumanReview));
        let exceptions = model.purposes.iter().filter(|p| {
            p.has_basis(LegalBasis::Contract) || p.has_condition(Condition::ExplicitConsent)
        });
        for decision in exceptions.flat_map(|p| &p.decisions) {
            let missing: Vec<&str> = DecisionSafeguard::ALL
                .iter()
                .filter(|s| !decision.safeguards.iter().any(|d| d.value == **s))
                .map(|s| s.word())
                .collect();
            let message = if !missing.is_empty() {
                if decision.unreadable.contains("safeguards") {
                    continue;
                }
                let missing: Vec<String> = missing.iter().map(|w| format!("`{w}`")).collect();
                report.say(Self::MISSING, &[("missing", &missing.join(", "))])
            } else if !granted {
                report.say(Self::NOT_GRANTED, &[])
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

    fn text(basis: &str, safeguards: &str, rights: &str) -> String {
        format!(
            "purpose p \"P\" {{\n  {basis}\n  decision \"D\" {{\n    {safeguards}\n  }}\n}}\nrights {{\n  {rights}\n}}\n"
        )
    }

    const ALL: &str = "safeguards human_review, express_view, contest";

    #[test]
    fn all_three_safeguards_in_the_decision_and_human_review_in_rights() {
        let contract = "basis contract";
        assert!(lines(RULE, &text(contract, ALL, "human_review")).is_empty());
        assert_eq!(lines(RULE, &text(contract, ALL, "access")), vec![3]);
        assert_eq!(
            lines(
                RULE,
                &text(contract, "safeguards human_review, contest", "human_review")
            ),
            vec![3],
            "two of three is not enough"
        );
        assert_eq!(lines(RULE, &text(contract, "", "human_review")), vec![3]);
        assert_eq!(
            lines(
                RULE,
                &text(
                    "condition explicit_consent",
                    "safeguards contest",
                    "human_review"
                )
            ),
            vec![3]
        );
    }

    #[test]
    fn a_decision_authorised_by_law_takes_its_safeguards_from_the_law() {
        let law = "basis legal_obligation \"skatteforvaltningsloven § 5-1\"";
        assert!(lines(RULE, &text(law, "", "access")).is_empty());
    }

    #[test]
    fn an_unreadable_safeguard_is_reported_once() {
        assert!(
            lines(
                RULE,
                &text("basis contract", "safeguards human_reveiw", "human_review")
            )
            .is_empty()
        );
    }
}
