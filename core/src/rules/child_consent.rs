use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{DEFAULT_CONSENT_AGE, LegalBasis, consent_age};

declare_rule! {
    /// ## What it checks
    /// A purpose that is `online_service`, uses a `child` subject and has `basis consent`.
    ///
    /// ## Why
    /// When an information society service is offered directly to a child on the basis of
    /// consent, the child's own consent is valid only from the age set by the law of the
    /// controller's country; below it a parent must give or authorise consent (Art. 8(1)), and
    /// the controller must make reasonable efforts to verify that, taking into account the
    /// technology available (Art. 8(2)). The age is 13 in Norway (personopplysningsloven § 5)
    /// and 16 where a state has set none; privlint knows the ages of the states listed in its
    /// table and otherwise assumes 16. Art. 8 concerns only information society services
    /// offered directly to the child (`online_service`): consent to other processing is judged
    /// by Art. 7 and the child's capacity under national law, and this rule does not fire.
    /// Once the consent flow handles parents, suppress this rule for the purpose with the
    /// reason.
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Skulen" { country NO }
    /// subject pupils "Elevar" { child }
    /// purpose app "Skuleapp" {
    ///   online_service
    ///   basis consent
    ///   subjects pupils
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Skulen" { country NO }
    /// subject pupils "Elevar" { child }
    /// purpose app "Skuleapp" {
    ///   online_service
    ///   # privlint: allow child-consent -- foreldre samtykkjer for elevar under 13 år, stadfesta med BankID
    ///   basis consent
    ///   subjects pupils
    /// }
    /// ```
    pub struct ChildConsent {
        name: "child-consent",
        severity: Warning,
        article: "Art. 8(1)-(2)",
        summary: "consent from children to an online service",
        fix: Never,
    }
}

impl Rule for ChildConsent {
    fn check(&self, model: &Model, report: &mut Report) {
        let country = model
            .controller()
            .and_then(|c| c.country.as_ref())
            .and_then(|c| c.first_known_code());
        let age = match country.and_then(consent_age) {
            Some(entry) => format!("{} in {} ({})", entry.age, entry.country, entry.law),
            None => format!(
                "{DEFAULT_CONSENT_AGE} unless the law of the controller's country sets a lower age (Art. 8(1))"
            ),
        };
        for purpose in model.purposes.iter().filter(|p| p.online_service.is_some()) {
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
                            "the online service `{}` relies on the consent of children (`{}`): below the age of digital consent ({age}) a parent must give or authorise consent (Art. 8(1)), and you must make reasonable efforts to verify it (Art. 8(2)); say how in the consent flow, then suppress this finding with that reason",
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
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "child-consent";

    fn purpose(basis: &str, flag: &str, online: &str) -> String {
        format!(
            "subject s \"S\" {{ {flag} }}\npurpose p \"P\" {{\n  basis {basis}\n  subjects s\n  {online}\n}}\n"
        )
    }

    #[test]
    fn consent_of_children_to_an_online_service_only() {
        assert_eq!(
            lines(RULE, &purpose("consent", "child", "online_service")),
            vec![3]
        );
        assert!(lines(RULE, &purpose("contract", "child", "online_service")).is_empty());
        assert!(lines(RULE, &purpose("consent", "", "online_service")).is_empty());
        assert!(
            lines(RULE, &purpose("consent", "child", "")).is_empty(),
            "Art. 8 applies only to information society services"
        );
    }

    #[test]
    fn the_age_is_the_controllers_country() {
        let with = |country: &str| {
            let text = format!(
                "controller c \"C\" {{ country {country} }}\n{}",
                purpose("consent", "child", "online_service")
            );
            findings(RULE, &text)[0].1.clone()
        };
        assert!(
            with("NO").contains("13 in NO (personopplysningsloven § 5)"),
            "{}",
            with("NO")
        );
        assert!(with("FR").contains("15 in FR"), "{}", with("FR"));
        assert!(with("US").contains("16 unless"), "{}", with("US"));
        let none = findings(RULE, &purpose("consent", "child", "online_service"));
        assert!(none[0].1.contains("16 unless"), "{}", none[0].1);
    }
}
