use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::LegalBasis;

declare_rule! {
    /// ## What it checks
    /// `basis legitimate_interests` without a string stating the interest.
    ///
    /// ## Why
    /// Where processing rests on legitimate interests, the notice must say what the interests
    /// pursued are (Art. 13(1)(d), 14(2)(b)); without them the balancing test of Art. 6(1)(f)
    /// cannot be checked by anyone.
    ///
    /// ## Example
    /// ```privacy
    /// purpose fraud "Svindelavdekking" {
    ///   basis legitimate_interests
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose fraud "Svindelavdekking" {
    ///   basis legitimate_interests "å hindre svindel mot kundene"
    /// }
    /// ```
    pub struct MissingLegitimateInterest {
        name: "missing-legitimate-interest",
        severity: Error,
        scope: Section,
        article: "Art. 13(1)(d), 14(2)(b)",
        fix: Never,
        summary: [
            "berettiget interesse uten at interessen er beskrevet",
            "berettiga interesse utan at interessa er skildra",
            "legitimate interests without the interest stated",
        ],
    }
    messages {
        NO_INTEREST = [
            "erklæringen skal oppgi den berettigede interessen som forfølges ({Art. 13(1)(d)}): skriv den etter grunnlaget, som `basis legitimate_interests \"å hindre svindel\"`",
            "erklæringa skal oppgi den berettiga interessa som blir forfølgd ({Art. 13(1)(d)}): skriv ho etter grunnlaget, som `basis legitimate_interests \"å hindre svindel\"`",
            "the notice must state the legitimate interest pursued ({Art. 13(1)(d)}): write it after the basis, like `basis legitimate_interests \"å hindre svindel\"`",
        ];
    }
}

impl Rule for MissingLegitimateInterest {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            for basis in &purpose.bases {
                if basis.kind == LegalBasis::LegitimateInterests && basis.detail.is_none() {
                    report.push(Diagnostic::new(
                        &Self::META,
                        basis.span,
                        report.say(Self::NO_INTEREST, &[]),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-legitimate-interest";

    #[test]
    fn needs_the_interest_in_words() {
        assert_eq!(
            lines(RULE, "purpose p \"P\" {\n  basis legitimate_interests\n}\n"),
            vec![2]
        );
        assert!(
            lines(
                RULE,
                "purpose p \"P\" {\n  basis legitimate_interests \"x\"\n}\n"
            )
            .is_empty()
        );
        assert!(lines(RULE, "purpose p \"P\" {\n  basis consent\n}\n").is_empty());
    }
}
