use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::RightKind;

declare_rule! {
    /// ## What it checks
    /// Some purpose has `basis consent` or `condition explicit_consent`, and `withdraw_consent`
    /// is not granted. The purposes are related.
    ///
    /// ## Why
    /// Consent may be withdrawn at any time, as easily as it was given (Art. 7(3)), and the
    /// notice must say so where processing rests on consent (Art. 13(2)(c), 14(2)(d)).
    ///
    /// ## Example
    /// ```privacy
    /// purpose newsletter "Nyhetsbrev" { basis consent }
    /// rights {
    ///   access
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose newsletter "Nyhetsbrev" { basis consent }
    /// rights {
    ///   access
    ///   withdraw_consent
    /// }
    /// ```
    pub struct MissingWithdrawConsentRight {
        name: "missing-withdraw-consent-right",
        severity: Error,
        scope: Declaration,
        article: "Art. 7(3), 13(2)(c)",
        fix: Sometimes,
        summary: [
            "samtykke brukes, men retten til å trekke det tilbake er ikke gitt",
            "samtykke blir brukt, men retten til å trekkje det attende er ikkje gitt",
            "consent is used but its withdrawal is not offered",
        ],
    }
    messages {
        NOT_GRANTED = [
            "samtykke kan når som helst trekkes tilbake, like enkelt som det ble gitt ({Art. 7(3), 13(2)(c)}): legg til `withdraw_consent` i `rights`",
            "samtykke kan når som helst trekkjast attende, like enkelt som det vart gitt ({Art. 7(3), 13(2)(c)}): legg til `withdraw_consent` i `rights`",
            "consent can be withdrawn at any time, as easily as it was given ({Art. 7(3), 13(2)(c)}): add `withdraw_consent` to `rights`",
        ];
        RESTS_ON_CONSENT = ["`{purpose}` bygger på samtykke", "`{purpose}` byggjer på samtykke", "`{purpose}` rests on consent"];
    }
}

impl Rule for MissingWithdrawConsentRight {
    fn check(&self, model: &Model, report: &mut Report) {
        if model
            .rights
            .as_ref()
            .is_some_and(|r| r.grants(RightKind::WithdrawConsent))
        {
            return;
        }
        let mut on_consent = model
            .purposes
            .iter()
            .filter(|p| p.rests_on_consent())
            .peekable();
        if on_consent.peek().is_none() {
            return;
        }
        let mut diagnostic = Diagnostic::new(
            &Self::META,
            model.rights_anchor(),
            report.say(Self::NOT_GRANTED, &[]),
        );
        for purpose in on_consent {
            diagnostic = diagnostic.with_related(
                purpose.id.span,
                report.say(Self::RESTS_ON_CONSENT, &[("purpose", &purpose.id.name)]),
            );
        }
        diagnostic.fix = model.grant_right(
            RightKind::WithdrawConsent,
            super::missing_right::MissingRight::add_right(RightKind::WithdrawConsent, report),
        );
        report.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-withdraw-consent-right";

    fn text(purpose: &str, rights: &str) -> String {
        format!("purpose p \"P\" {{\n  {purpose}\n}}\nrights {{\n  {rights}\n}}\n")
    }

    #[test]
    fn consent_and_explicit_consent() {
        assert_eq!(lines(RULE, &text("basis consent", "access")), vec![4]);
        assert_eq!(
            lines(RULE, &text("condition explicit_consent", "access")),
            vec![4]
        );
        assert!(lines(RULE, &text("basis consent", "withdraw_consent")).is_empty());
        assert!(lines(RULE, &text("basis contract", "access")).is_empty());
    }
}
