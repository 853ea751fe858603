use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::LegalBasis;

declare_rule! {
    /// ## What it checks
    /// A purpose that uses a `special` category and has no Art. 9(2) `condition`.
    ///
    /// ## Why
    /// Processing special categories (health, religion, ethnic origin, …) is prohibited
    /// (Art. 9(1)) unless one of the conditions of Art. 9(2) applies, in addition to a legal
    /// basis of Art. 6(1). Consent under Art. 6(1)(a) is not enough: Art. 9(2)(a) requires
    /// *explicit* consent, written `condition explicit_consent`.
    ///
    /// ## Example
    /// ```privacy
    /// category allergies "Allergiar" { special }
    /// purpose events "Påmelding" {
    ///   basis consent
    ///   data allergies
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category allergies "Allergiar" { special }
    /// purpose events "Påmelding" {
    ///   basis consent
    ///   condition explicit_consent
    ///   data allergies
    /// }
    /// ```
    pub struct SpecialCategoryWithoutCondition {
        name: "special-category-without-condition",
        severity: Error,
        scope: Definition,
        article: "Art. 9(1)-(2)",
        fix: Never,
        summary: [
            "særlige kategorier av personopplysninger uten vilkår etter {Art. 9(2)}",
            "særlege kategoriar av personopplysningar utan vilkår etter {Art. 9(2)}",
            "special categories of data without an {Art. 9(2)} condition",
        ],
    }
    messages {
        CONSENT_NOT_ENOUGH = [
            "formålet `{purpose}` bruker den særlige kategorien `{category}`, og samtykke etter {Art. 6(1)(a)} er ikke nok for den: {Art. 9(2)(a)} krever uttrykkelig samtykke; legg til `condition explicit_consent` (eller et annet vilkår etter {Art. 9(2)})",
            "formålet `{purpose}` brukar den særlege kategorien `{category}`, og samtykke etter {Art. 6(1)(a)} er ikkje nok for han: {Art. 9(2)(a)} krev uttrykkeleg samtykke; legg til `condition explicit_consent` (eller eit anna vilkår etter {Art. 9(2)})",
            "the purpose `{purpose}` uses the special category `{category}`, and consent under {Art. 6(1)(a)} is not enough for it: {Art. 9(2)(a)} needs explicit consent; add `condition explicit_consent` (or another {Art. 9(2)} condition)",
        ];
        NO_CONDITION = [
            "formålet `{purpose}` bruker den særlige kategorien `{category}`, og det er forbudt uten et vilkår etter {Art. 9(2)}: legg til `condition` med ett av explicit_consent, employment, vital_interests, nonprofit_body, made_public, legal_claims, substantial_public_interest, health_care, public_health, archiving_research",
            "formålet `{purpose}` brukar den særlege kategorien `{category}`, og det er forbode utan eit vilkår etter {Art. 9(2)}: legg til `condition` med eitt av explicit_consent, employment, vital_interests, nonprofit_body, made_public, legal_claims, substantial_public_interest, health_care, public_health, archiving_research",
            "the purpose `{purpose}` uses the special category `{category}`, which is prohibited unless an {Art. 9(2)} condition applies: add `condition` with one of explicit_consent, employment, vital_interests, nonprofit_body, made_public, legal_claims, substantial_public_interest, health_care, public_health, archiving_research",
        ];
        IS_SPECIAL = [
            "`{category}` er en særlig kategori ({Art. 9(1)})",
            "`{category}` er ein særleg kategori ({Art. 9(1)})",
            "`{category}` is a special category ({Art. 9(1)})",
        ];
    }
}

impl Rule for SpecialCategoryWithoutCondition {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            let Some((_, category)) = model.special_data(purpose).next() else {
                continue;
            };
            let has_article_9 = purpose.conditions.iter().any(|c| !c.kind.is_article_10());
            if has_article_9 || purpose.unreadable.contains("condition") {
                continue;
            }
            let phrase = if purpose.has_basis(LegalBasis::Consent) {
                Self::CONSENT_NOT_ENOUGH
            } else {
                Self::NO_CONDITION
            };
            let message = report.say(
                phrase,
                &[
                    ("purpose", &purpose.id.name),
                    ("category", &category.id.name),
                ],
            );
            report.push(
                Diagnostic::new(&Self::META, purpose.id.span, message).with_related(
                    category.special.unwrap_or(category.id.span),
                    report.say(Self::IS_SPECIAL, &[("category", &category.id.name)]),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "special-category-without-condition";
    const HEALTH: &str =
        "category health \"Helse\" { special }\ncategory crime \"Straff\" { criminal }\n";

    #[test]
    fn needs_an_article_9_condition() {
        let bare = format!("{HEALTH}purpose p \"P\" {{\n  basis contract\n  data health\n}}\n");
        assert_eq!(lines(RULE, &bare), vec![3]);
        let with = format!(
            "{HEALTH}purpose p \"P\" {{\n  basis contract\n  condition health_care \"lov\"\n  data health\n}}\n"
        );
        assert!(lines(RULE, &with).is_empty());
        let article_10 = format!(
            "{HEALTH}purpose p \"P\" {{\n  basis contract\n  condition official_authority\n  data health\n}}\n"
        );
        assert_eq!(
            lines(RULE, &article_10),
            vec![3],
            "an Art. 10 condition is not an Art. 9(2) one"
        );
        let criminal = format!("{HEALTH}purpose p \"P\" {{\n  basis contract\n  data crime\n}}\n");
        assert!(lines(RULE, &criminal).is_empty());
    }

    #[test]
    fn consent_is_told_to_be_explicit() {
        let text = format!("{HEALTH}purpose p \"P\" {{\n  basis consent\n  data health\n}}\n");
        let found = findings(RULE, &text);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("explicit_consent"), "{}", found[0].1);
    }

    #[test]
    fn an_unreadable_condition_is_not_reported_again() {
        let text = format!(
            "{HEALTH}purpose p \"P\" {{\n  basis contract\n  condition helth_care\n  data health\n}}\n"
        );
        assert!(lines(RULE, &text).is_empty());
    }
}
