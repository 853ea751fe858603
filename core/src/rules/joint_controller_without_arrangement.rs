use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A joint controller that a purpose uses and that has no `arrangement`.
    ///
    /// ## Why
    /// Joint controllers must determine their respective responsibilities in an arrangement,
    /// and "the essence of the arrangement shall be made available to the data subject"
    /// (Art. 26(1)-(2)). Write it: `arrangement "Statsforvalteren svarer på innsynskrav"`.
    ///
    /// ## Example
    /// ```privacy
    /// joint_controller agency "Statsforvalteren" {
    ///   country NO
    /// }
    /// purpose p "P" { joint_controllers agency }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// joint_controller agency "Statsforvalteren" {
    ///   country NO
    ///   arrangement "Statsforvalteren svarer på innsynskrav"
    /// }
    /// purpose p "P" { joint_controllers agency }
    /// ```
    pub struct JointControllerWithoutArrangement {
        name: "joint-controller-without-arrangement",
        severity: Error,
        scope: UsedParty,
        article: "Art. 26(2)",
        fix: Never,
        summary: [
            "en felles behandlingsansvarlig uten hovedinnholdet i avtalen",
            "ein felles behandlingsansvarleg utan hovudinnhaldet i avtalen",
            "a joint controller without the essence of the arrangement",
        ],
    }
    messages {
        NO_ARRANGEMENT = [
            "erklæringen skal gjøre hovedinnholdet i avtalen med den felles behandlingsansvarlige `{party}` tilgjengelig ({Art. 26(2)}): legg til `arrangement \"hvem som gjør hva\"`",
            "erklæringa skal gjere hovudinnhaldet i avtalen med den felles behandlingsansvarlege `{party}` tilgjengeleg ({Art. 26(2)}): legg til `arrangement \"kven som gjer kva\"`",
            "the notice must make the essence of the arrangement with the joint controller `{party}` available ({Art. 26(2)}): add `arrangement \"who does what\"`",
        ];
        USED_HERE = ["brukt her", "brukt her", "used here"];
    }
}

impl Rule for JointControllerWithoutArrangement {
    fn check(&self, model: &Model, report: &mut Report) {
        for (party, used) in model
            .used_parties()
            .filter(|(p, _)| p.kind == Kind::JointController && !p.written.contains("arrangement"))
        {
            report.push(
                Diagnostic::new(
                    &Self::META,
                    party.id.span,
                    report.say(Self::NO_ARRANGEMENT, &[("party", &party.id.name)]),
                )
                .with_related(used.span, report.say(Self::USED_HERE, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "joint-controller-without-arrangement";

    #[test]
    fn used_joint_controllers_only() {
        let text = "joint_controller a \"A\"\njoint_controller b \"B\" { arrangement \"x\" }\njoint_controller c \"C\"\npurpose p \"P\" { joint_controllers a, b }\n";
        assert_eq!(lines(RULE, text), vec![1]);
    }
}
