use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::RightKind;

declare_rule! {
    /// ## What it checks
    /// `portability` is granted, but no purpose both has `basis consent`, `basis contract` or
    /// `condition explicit_consent` and is carried out by automated means (is not `manual`).
    ///
    /// ## Why
    /// The right to data portability applies only where processing is based on consent or on a
    /// contract (Art. 20(1)(a)) and is carried out by automated means (Art. 20(1)(b)); it does
    /// not apply to processing necessary for a task in the
    /// public interest or in the exercise of official authority (Art. 20(3)). Promising it
    /// anyway misleads people about what they can ask for.
    ///
    /// ## Example
    /// ```privacy
    /// purpose registry "Register" { basis public_task "lov § 4" }
    /// rights {
    ///   access
    ///   portability
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose registry "Register" { basis public_task "lov § 4" }
    /// rights {
    ///   access
    /// }
    /// ```
    pub struct PortabilityNotApplicable {
        name: "portability-not-applicable",
        severity: Warning,
        scope: Declaration,
        article: "Art. 20(1), 20(3)",
        fix: Never,
        summary: [
            "retten til dataportabilitet er gitt der den ikke gjelder",
            "retten til dataportabilitet er gitt der han ikkje gjeld",
            "portability granted where it does not apply",
        ],
    }
    messages {
        NOT_APPLICABLE = [
            "ingen formål bygger på samtykke eller avtale og utføres automatisert, så retten til dataportabilitet gjelder ikke ({Art. 20(1), 20(3)}): fjern `portability`, eller gi formålet det riktige grunnlaget",
            "ingen formål byggjer på samtykke eller avtale og blir utført automatisert, så retten til dataportabilitet gjeld ikkje ({Art. 20(1), 20(3)}): fjern `portability`, eller gi formålet det rette grunnlaget",
            "no purpose rests on consent or contract and is carried out by automated means, so the right to data portability does not apply ({Art. 20(1), 20(3)}): remove `portability`, or give the purpose its real basis",
        ];
    }
}

impl Rule for PortabilityNotApplicable {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(right) = model
            .rights
            .as_ref()
            .and_then(|r| r.right(RightKind::Portability))
        else {
            return;
        };
        // A basis or condition that could not be read might be consent or contract.
        let applicable = model.purposes.iter().any(|p| {
            p.manual.is_none()
                && (p.rests_on_consent_or_contract()
                    || p.unreadable.contains("basis")
                    || p.unreadable.contains("condition"))
        });
        if !applicable {
            report.push(Diagnostic::new(
                &Self::META,
                right.span,
                report.say(Self::NOT_APPLICABLE, &[]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "portability-not-applicable";

    fn text(purpose: &str) -> String {
        format!("purpose p \"P\" {{\n  {purpose}\n}}\nrights {{\n  portability\n}}\n")
    }

    #[test]
    fn granted_without_consent_or_contract() {
        assert_eq!(lines(RULE, &text("basis public_task \"l\"")), vec![5]);
        assert_eq!(
            lines(RULE, &text("basis legitimate_interests \"i\"")),
            vec![5]
        );
        assert!(lines(RULE, &text("basis contract")).is_empty());
        assert!(lines(RULE, &text("basis consent")).is_empty());
        assert!(lines(RULE, &text("condition explicit_consent")).is_empty());
        assert!(
            lines(RULE, &text("basis contrat")).is_empty(),
            "already invalid-value"
        );
    }

    #[test]
    fn a_manual_contract_purpose_does_not_make_it_apply() {
        assert_eq!(lines(RULE, &text("basis contract\n  manual")), vec![6]);
        let two = "purpose q \"Q\" { basis consent }\n";
        assert!(lines(RULE, &format!("{two}{}", text("basis contract\n  manual"))).is_empty());
    }
}
