use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A processor that a purpose uses and that has no `agreement`.
    ///
    /// ## Why
    /// Processing by a processor must be governed by a contract or other legal act that sets
    /// out the subject matter, duration, nature and purpose of the processing and the
    /// processor's obligations (Art. 28(3)), in writing, electronic form included (Art.
    /// 28(9)). Record it: `agreement 2024-01-31` (the date it was signed) or `agreement
    /// "DBA-17"` (its reference). Where a law binds the processor instead of a contract (a
    /// public body processing for another under statute), record the law: `agreement
    /// "folkeregisterloven § 10-1"`.
    ///
    /// ## Example
    /// ```privacy
    /// processor video "Videoplattform" {
    ///   country NO
    /// }
    /// purpose p "P" { processors video }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor video "Videoplattform" {
    ///   country NO
    ///   agreement "DBA-16"
    /// }
    /// purpose p "P" { processors video }
    /// ```
    pub struct MissingProcessorAgreement {
        name: "missing-processor-agreement",
        severity: Warning,
        scope: UsedParty,
        article: "Art. 28(3), 28(9)",
        fix: Never,
        summary: [
            "en databehandler uten registrert avtale eller annet rettslig grunnlag",
            "ein databehandlar utan registrert avtale eller anna rettsleg grunnlag",
            "a processor without a contract or other legal act recorded",
        ],
    }
    messages {
        NO_AGREEMENT = [
            "databehandleren `{party}` har ingen registrert avtale eller annet rettslig grunnlag som binder den ({Art. 28(3)}, skriftlig: {28(9)}): registrer referansen til databehandleravtalen (`agreement \"DBA-17\"` eller datoen den ble signert, `agreement 2024-01-31`), eller loven som binder databehandleren (`agreement \"lov om …\"`)",
            "databehandlaren `{party}` har ingen registrert avtale eller anna rettsleg grunnlag som bind han ({Art. 28(3)}, skriftleg: {28(9)}): registrer referansen til databehandlaravtalen (`agreement \"DBA-17\"` eller datoen han vart signert, `agreement 2024-01-31`), eller lova som bind databehandlaren (`agreement \"lov om …\"`)",
            "the processor `{party}` has no contract or other legal act recorded that binds it ({Art. 28(3)}, in writing: {28(9)}): record the reference of the data processing agreement (`agreement \"DBA-17\"` or the date it was signed, `agreement 2024-01-31`), or the law that binds the processor (`agreement \"lov om …\"`)",
        ];
        USED_HERE = ["brukt her", "brukt her", "used here"];
    }
}

impl Rule for MissingProcessorAgreement {
    fn check(&self, model: &Model, report: &mut Report) {
        for (party, used) in model
            .used_parties()
            .filter(|(p, _)| p.kind == Kind::Processor && !p.written.contains("agreement"))
        {
            report.push(
                Diagnostic::new(
                    &Self::META,
                    party.id.span,
                    report.say(Self::NO_AGREEMENT, &[("party", &party.id.name)]),
                )
                .with_related(used.span, report.say(Self::USED_HERE, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-processor-agreement";

    #[test]
    fn used_processors_only() {
        let text = "processor a \"A\"\nprocessor b \"B\" { agreement 2024-01-31 }\nprocessor c \"C\"\nrecipient r \"R\"\npurpose p \"P\" { processors a, b; recipients r }\n";
        assert_eq!(lines(RULE, text), vec![1]);
    }
}
