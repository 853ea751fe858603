use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::RightKind;

declare_rule! {
    /// ## What it checks
    /// Some purpose has `basis consent`, `basis contract` or `condition explicit_consent`, is
    /// not `manual`, and `portability` is not granted. The purposes that make it applicable are
    /// related.
    ///
    /// ## Why
    /// People have the right to receive the data they provided, in a machine-readable format,
    /// and to have them transmitted to another controller, where processing is based on
    /// consent or on a contract and carried out by automated means (Art. 20(1)). The notice
    /// must say so (Art. 13(2)(b)).
    ///
    /// ## Example
    /// ```privacy
    /// purpose loans "Lån" { basis contract }
    /// rights {
    ///   access
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose loans "Lån" { basis contract }
    /// rights {
    ///   access
    ///   portability
    /// }
    /// ```
    pub struct MissingPortabilityRight {
        name: "missing-portability-right",
        severity: Error,
        scope: Declaration,
        article: "Art. 20(1), 13(2)(b)",
        fix: Sometimes,
        summary: [
            "retten til dataportabilitet gjelder, men er ikke gitt",
            "retten til dataportabilitet gjeld, men er ikkje gitt",
            "portability applies but is not granted",
        ],
    }
    messages {
        NOT_GRANTED = [
            "når behandlingen bygger på samtykke eller avtale og er automatisert, har de registrerte rett til dataportabilitet ({Art. 20(1)}): legg til `portability` i `rights`",
            "når behandlinga byggjer på samtykke eller avtale og er automatisert, har dei registrerte rett til dataportabilitet ({Art. 20(1)}): legg til `portability` i `rights`",
            "purposes based on consent or contract and carried out by automated means give the right to data portability ({Art. 20(1)}): add `portability` to `rights`",
        ];
        RESTS_ON = [
            "`{purpose}` bygger på samtykke eller avtale",
            "`{purpose}` byggjer på samtykke eller avtale",
            "`{purpose}` rests on consent or contract",
        ];
    }
}

impl Rule for MissingPortabilityRight {
    fn check(&self, model: &Model, report: &mut Report) {
        if model
            .rights
            .as_ref()
            .is_some_and(|r| r.grants(RightKind::Portability))
        {
            return;
        }
        let mut applicable = model
            .purposes
            .iter()
            .filter(|p| p.rests_on_consent_or_contract() && p.manual.is_none())
            .peekable();
        if applicable.peek().is_none() {
            return;
        }
        let mut diagnostic = Diagnostic::new(
            &Self::META,
            model.rights_anchor(),
            report.say(Self::NOT_GRANTED, &[]),
        );
        for purpose in applicable {
            diagnostic = diagnostic.with_related(
                purpose.id.span,
                report.say(Self::RESTS_ON, &[("purpose", &purpose.id.name)]),
            );
        }
        diagnostic.fix = model.grant_right(
            RightKind::Portability,
            super::missing_right::MissingRight::add_right(RightKind::Portability, report),
        );
        report.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-portability-right";

    fn text(purpose: &str, rights: &str) -> String {
        format!("purpose p \"P\" {{\n  {purpose}\n}}\nrights {{\n  access\n  {rights}\n}}\n")
    }

    #[test]
    fn consent_contract_or_explicit_consent_make_it_applicable() {
        for purpose in [
            "basis consent",
            "basis contract",
            "condition explicit_consent",
        ] {
            assert_eq!(lines(RULE, &text(purpose, "")), vec![4], "{purpose}");
            assert!(
                lines(RULE, &text(purpose, "portability")).is_empty(),
                "{purpose}"
            );
        }
        for purpose in [
            "basis legal_obligation \"l\"",
            "basis public_task \"l\"",
            "basis legitimate_interests \"i\"",
            "basis vital_interests",
        ] {
            assert!(lines(RULE, &text(purpose, "")).is_empty(), "{purpose}");
        }
    }

    #[test]
    fn manual_processing_is_not_covered() {
        assert!(lines(RULE, &text("basis contract\n  manual", "")).is_empty());
    }
}
