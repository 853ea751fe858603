use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::LegalBasis;

declare_rule! {
    /// ## What it checks
    /// A controller marked `public_authority` with a purpose on `basis legitimate_interests`.
    ///
    /// ## Why
    /// Legitimate interests "shall not apply to processing carried out by public authorities in
    /// the performance of their tasks" (Art. 6(1), second subparagraph). A public body processes
    /// on `public_task` or `legal_obligation`. It may rely on legitimate interests only for what
    /// lies outside its tasks (running its canteen, say): then suppress this rule for that
    /// purpose and give the reason, `# privlint: allow public-authority-legitimate-interests --
    /// outside our public tasks: …`.
    ///
    /// ## Example
    /// ```privacy
    /// controller nordvik "Nordvik kommune" { public_authority }
    /// purpose canteen "Kantinesal til tilsette" {
    ///   basis legitimate_interests "å selje mat i kantina"
    /// }
    /// ```
    ///
    /// ## Fix
    /// Where the processing lies outside the authority's tasks, say so in a suppression;
    /// where it is part of a task, give the basis in law that actually lays the task down.
    /// ```privacy
    /// controller nordvik "Nordvik kommune" { public_authority }
    /// purpose canteen "Kantinesal til tilsette" {
    ///   # privlint: allow public-authority-legitimate-interests -- kantinedrift, utanfor dei offentlege oppgåvene
    ///   basis legitimate_interests "å selje mat i kantina"
    /// }
    /// ```
    pub struct PublicAuthorityLegitimateInterests {
        name: "public-authority-legitimate-interests",
        severity: Warning,
        scope: Definition,
        article: "Art. 6(1) second subparagraph",
        fix: Never,
        summary: [
            "en offentlig myndighet som bygger på berettiget interesse",
            "ei offentleg styresmakt som byggjer på berettiga interesse",
            "a public authority relying on legitimate interests",
        ],
    }
    messages {
        NOT_FOR_AUTHORITY = [
            "en offentlig myndighet kan ikke bygge på berettiget interesse når den utfører oppgavene sine ({Art. 6(1), second subparagraph}): oppgi lovgrunnlaget for oppgaven (`basis public_task \"loven\"`), eller, hvis dette ligger utenfor myndighetens oppgaver, skriv det i `# privlint: allow public-authority-legitimate-interests -- begrunnelse`",
            "ei offentleg styresmakt kan ikkje byggje på berettiga interesse når ho utfører oppgåvene sine ({Art. 6(1), second subparagraph}): oppgi lovgrunnlaget for oppgåva (`basis public_task \"lova\"`), eller, viss dette ligg utanfor oppgåvene til styresmakta, skriv det i `# privlint: allow public-authority-legitimate-interests -- grunngiving`",
            "a public authority cannot rely on legitimate interests for its tasks ({Art. 6(1), second subparagraph}): give the basis in law that lays down the task (`basis public_task \"the law\"`), or, if this lies outside the authority's tasks, say so in `# privlint: allow public-authority-legitimate-interests -- reason`",
        ];
    }
}

impl Rule for PublicAuthorityLegitimateInterests {
    fn check(&self, model: &Model, report: &mut Report) {
        if !model.is_public_authority() {
            return;
        }
        for purpose in &model.purposes {
            if let Some(basis) = purpose.basis(LegalBasis::LegitimateInterests) {
                report.push(Diagnostic::new(
                    &Self::META,
                    basis.span,
                    report.say(Self::NOT_FOR_AUTHORITY, &[]),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "public-authority-legitimate-interests";
    const PURPOSE: &str = "purpose p \"P\" {\n  basis legitimate_interests \"x\"\n}\n";

    #[test]
    fn only_for_public_authorities() {
        let public = format!("controller c \"C\" {{ public_authority }}\n{PURPOSE}");
        assert_eq!(lines(RULE, &public), vec![3]);
        assert!(lines(RULE, &format!("controller c \"C\"\n{PURPOSE}")).is_empty());
    }

    #[test]
    fn a_suppression_with_a_reason_silences_it() {
        let text = "controller c \"C\" { public_authority }\npurpose p \"P\" {\n  # privlint: allow public-authority-legitimate-interests -- kantinedrift, utanfor oppgåvene\n  basis legitimate_interests \"x\"\n}\n";
        assert!(lines(RULE, text).is_empty());
        assert!(lines("unused-suppression", text).is_empty());
    }
}
