use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::Condition;

declare_rule! {
    /// ## What it checks
    /// A purpose with a `decision` that uses a `special` category without
    /// `condition explicit_consent` or `condition substantial_public_interest`.
    ///
    /// ## Why
    /// Automated decisions may not be based on special categories of data (Art. 22(4)) unless
    /// the person has given explicit consent (Art. 9(2)(a)) or the processing is necessary for
    /// reasons of substantial public interest on the basis of law (Art. 9(2)(g)), with suitable
    /// safeguards. Other Art. 9(2) conditions, such as health care, do not allow it.
    ///
    /// ## Example
    /// ```privacy
    /// category health "Helse" { special }
    /// purpose pricing "Prising" {
    ///   basis contract
    ///   condition health_care "lov"
    ///   data health
    ///   decision "Automatisk prising" {}
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category health "Helse" { special }
    /// purpose pricing "Prising" {
    ///   basis contract
    ///   condition explicit_consent
    ///   data health
    ///   decision "Automatisk prising" {}
    /// }
    /// ```
    pub struct AutomatedDecisionSpecialData {
        name: "automated-decision-special-data",
        severity: Error,
        scope: Definition,
        article: "Art. 22(4)",
        fix: Never,
        summary: [
            "en automatisert avgjørelse basert på særlige kategorier av personopplysninger",
            "ei automatisert avgjerd basert på særlege kategoriar av personopplysningar",
            "an automated decision based on special categories",
        ],
    }
    messages {
        SPECIAL = [
            "en automatisert avgjørelse kan ikke bygge på særlige kategorier (`{category}`) med mindre personen har gitt uttrykkelig samtykke eller en lov av vesentlig allmenn interesse tillater det ({Art. 22(4)}): legg til `condition explicit_consent` eller `condition substantial_public_interest \"loven\"`, eller la kategorien være ute av avgjørelsen",
            "ei automatisert avgjerd kan ikkje byggje på særlege kategoriar (`{category}`) med mindre personen har gitt uttrykkeleg samtykke eller ei lov av vesentleg ålmenn interesse tillèt det ({Art. 22(4)}): legg til `condition explicit_consent` eller `condition substantial_public_interest \"lova\"`, eller lat kategorien vere ute av avgjerda",
            "an automated decision may not be based on special categories (`{category}`) unless the person gave explicit consent or a law of substantial public interest allows it ({Art. 22(4)}): add `condition explicit_consent` or `condition substantial_public_interest \"the law\"`, or leave the category out of the decision",
        ];
        IS_SPECIAL = ["`{category}` er en særlig kategori", "`{category}` er ein særleg kategori", "`{category}` is a special category"];
    }
}

impl Rule for AutomatedDecisionSpecialData {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model.purposes.iter().filter(|p| !p.decisions.is_empty()) {
            let Some((_, category)) = model.special_data(purpose).next() else {
                continue;
            };
            if purpose.has_condition(Condition::ExplicitConsent)
                || purpose.has_condition(Condition::SubstantialPublicInterest)
                || purpose.unreadable.contains("condition")
            {
                continue;
            }
            for decision in &purpose.decisions {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        decision.keyword,
                        report.say(Self::SPECIAL, &[("category", &category.id.name)]),
                    )
                    .with_related(
                        category.special.unwrap_or(category.id.span),
                        report.say(Self::IS_SPECIAL, &[("category", &category.id.name)]),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "automated-decision-special-data";

    fn purpose(condition: &str, flag: &str) -> String {
        format!(
            "category c \"C\" {{ {flag} }}\npurpose p \"P\" {{\n  basis contract\n  {condition}\n  data c\n  decision \"D\" {{}}\n}}\n"
        )
    }

    #[test]
    fn only_explicit_consent_or_substantial_public_interest() {
        assert_eq!(lines(RULE, &purpose("", "special")), vec![6]);
        assert_eq!(
            lines(RULE, &purpose("condition health_care \"l\"", "special")),
            vec![6]
        );
        assert!(lines(RULE, &purpose("condition explicit_consent", "special")).is_empty());
        assert!(
            lines(
                RULE,
                &purpose("condition substantial_public_interest \"l\"", "special")
            )
            .is_empty()
        );
        assert!(lines(RULE, &purpose("", "")).is_empty());
        assert!(lines(RULE, &purpose("", "criminal")).is_empty());
    }
}
