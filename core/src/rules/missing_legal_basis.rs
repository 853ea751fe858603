use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `purpose` with no `basis`.
    ///
    /// ## Why
    /// Processing is lawful only on one of the six bases of Art. 6(1), and the notice must say
    /// which one each purpose rests on (Art. 13(1)(c), 14(1)(c)).
    ///
    /// ## Example
    /// ```privacy
    /// purpose newsletter "Nyhetsbrev" {
    ///   retention until "du melder deg av"
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose newsletter "Nyhetsbrev" {
    ///   basis consent
    ///   retention until "du melder deg av"
    /// }
    /// ```
    pub struct MissingLegalBasis {
        name: "missing-legal-basis",
        severity: Error,
        scope: Section,
        article: "Art. 6(1), 13(1)(c)",
        fix: Never,
        summary: [
            "et formål uten behandlingsgrunnlag",
            "eit formål utan behandlingsgrunnlag",
            "a purpose without a legal basis",
        ],
    }
    messages {
        NO_BASIS = [
            "formålet `{purpose}` har ikke noe behandlingsgrunnlag ({Art. 6(1), 13(1)(c)}): legg til `basis` med ett av consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests",
            "formålet `{purpose}` har ikkje noko behandlingsgrunnlag ({Art. 6(1), 13(1)(c)}): legg til `basis` med eitt av consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests",
            "the purpose `{purpose}` has no legal basis ({Art. 6(1), 13(1)(c)}): add `basis` with one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests",
        ];
    }
}

impl Rule for MissingLegalBasis {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model
            .purposes
            .iter()
            .filter(|p| !p.written.contains("basis"))
        {
            report.push(Diagnostic::new(
                &Self::META,
                purpose.id.span,
                report.say(Self::NO_BASIS, &[("purpose", &purpose.id.name)]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-legal-basis";

    #[test]
    fn fires_on_the_purpose_without_a_basis() {
        assert_eq!(
            lines(RULE, "purpose a \"A\" { basis consent }\npurpose b \"B\"\n"),
            vec![2]
        );
    }

    #[test]
    fn an_invalid_basis_counts_as_present() {
        assert!(lines(RULE, "purpose a \"A\" { basis necessary }\n").is_empty());
    }
}
