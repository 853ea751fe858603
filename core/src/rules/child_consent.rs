use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::LegalBasis;

declare_rule! {
    /// ## What it checks
    /// A purpose that uses a `child` subject and has `basis consent`.
    ///
    /// ## Why
    /// When an information society service is offered directly to a child on the basis of
    /// consent, the child's own consent is valid only from the age set by national law; below
    /// it a parent must consent or authorise it (Art. 8(1)). In Norway the age is 13
    /// (personopplysningsloven § 5). The notice and the consent flow must say how this is
    /// handled. Once it is, suppress this rule for the purpose with the reason.
    ///
    /// ## Example
    /// ```privacy
    /// subject pupils "Elevar" { child }
    /// purpose app "Skuleapp" {
    ///   basis consent
    ///   subjects pupils
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// subject pupils "Elevar" { child }
    /// purpose app "Skuleapp" {
    ///   # privlint: allow child-consent -- foreldre samtykkjer for elevar under 13 år
    ///   basis consent
    ///   subjects pupils
    /// }
    /// ```
    pub struct ChildConsent {
        name: "child-consent",
        severity: Warning,
        article: "Art. 8(1)",
        summary: "consent from children",
    }
}

impl Rule for ChildConsent {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            let Some(basis) = purpose.basis(LegalBasis::Consent) else {
                continue;
            };
            let child = purpose
                .subjects
                .iter()
                .filter_map(|r| model.subject(r))
                .find(|s| s.child.is_some());
            if let Some(child) = child {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        basis.span,
                        format!(
                            "the purpose `{}` relies on the consent of children (`{}`): below the national age (13 in Norway, personopplysningsloven § 5) a parent must give or authorise consent (Art. 8(1)); say how this is done",
                            purpose.id.name, child.id.name
                        ),
                    )
                    .with_related(child.child.unwrap_or(child.id.span), "these data subjects are children"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "child-consent";

    fn purpose(basis: &str, flag: &str) -> String {
        format!(
            "subject s \"S\" {{ {flag} }}\npurpose p \"P\" {{\n  basis {basis}\n  subjects s\n}}\n"
        )
    }

    #[test]
    fn consent_of_children_only() {
        assert_eq!(lines(RULE, &purpose("consent", "child")), vec![3]);
        assert!(lines(RULE, &purpose("contract", "child")).is_empty());
        assert!(lines(RULE, &purpose("consent", "")).is_empty());
    }
}
