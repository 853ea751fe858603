use crate::diagnostic::Diagnostic;
use crate::model::{Authorisation, Model};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `decision` in a purpose that has none of: `basis contract`,
    /// `condition explicit_consent`, a `basis legal_obligation` or `basis public_task` naming a
    /// law, or an `authorised_by` in the decision naming the law that authorises it. A bare
    /// `authorised_by`, without the law, names none: it gives this finding when the purpose
    /// has no other ground, and otherwise `missing-law-reference` at the word, never both.
    ///
    /// ## Why
    /// A decision based solely on automated processing with legal or similarly significant
    /// effects is prohibited (Art. 22(1)) unless it is necessary for a contract with the
    /// person, authorised by Union or national law, or based on the person's explicit consent
    /// (Art. 22(2)). Legitimate interests are not enough. A law counts for Art. 22(2)(b) only
    /// if it authorises the automated decision itself and lays down suitable measures to
    /// safeguard the person's rights: a law that obliges the controller to process the data
    /// (a duty to check customers, say) does not by itself allow deciding about them by
    /// machine. privlint cannot read the law, so it accepts `authorised_by "…"` in the decision,
    /// or a `legal_obligation` or `public_task` basis that names one; check that the law really
    /// authorises the decision.
    ///
    /// If no exception applies, the decision must not be made solely by automated means: let a
    /// person make it (and remove `decision`), or obtain explicit consent.
    ///
    /// ## Example
    /// ```privacy
    /// purpose fraud "Svindelavdekking" {
    ///   basis legitimate_interests "å hindre svindel"
    ///   decision "Blokkering av kort" {}
    /// }
    /// ```
    ///
    /// ## Fix
    /// A person decides, helped by the score; the purpose no longer makes an automated
    /// decision:
    /// ```privacy
    /// purpose fraud "Svindelavdekking" {
    ///   basis legitimate_interests "å hindre svindel"
    /// }
    /// ```
    pub struct AutomatedDecisionBasis {
        name: "automated-decision-basis",
        severity: Error,
        scope: Section,
        article: "Art. 22(2)",
        fix: Never,
        summary: [
            "en automatisert avgjørelse uten et grunnlag som {Art. 22(2)} tillater",
            "ei automatisert avgjerd utan eit grunnlag som {Art. 22(2)} tillèt",
            "an automated decision without a basis that {Art. 22(2)} allows",
        ],
    }
    messages {
        NO_GROUND = [
            "en avgjørelse som utelukkende bygger på automatisert behandling, er bare tillatt når den er nødvendig for en avtale med personen, er hjemlet i en lov som også fastsetter garantier for personen, eller bygger på uttrykkelig samtykke ({Art. 22(2)}): hvis ett av disse gjelder for `{purpose}`, oppgi det (`authorised_by \"…\"` i avgjørelsen med loven som gir hjemmel, `basis contract` eller `condition explicit_consent`); hvis ingen gjelder, må et menneske ta avgjørelsen – fjern `decision`",
            "ei avgjerd som utelukkande byggjer på automatisert behandling, er berre tillaten når ho er naudsynt for ein avtale med personen, har heimel i ei lov som også fastset garantiar for personen, eller byggjer på uttrykkeleg samtykke ({Art. 22(2)}): viss eitt av desse gjeld for `{purpose}`, oppgi det (`authorised_by \"…\"` i avgjerda med lova som gir heimel, `basis contract` eller `condition explicit_consent`); viss ingen gjeld, må eit menneske ta avgjerda – fjern `decision`",
            "a decision based solely on automated processing is allowed only when necessary for a contract with the person, authorised by a law that also lays down safeguards for the person, or based on explicit consent ({Art. 22(2)}): if one of these applies to `{purpose}`, declare it (the authorising law in the decision, `authorised_by \"…\"`, or `basis contract`, or `condition explicit_consent`); if none does, a person must make the decision — remove `decision`",
        ];
        NO_LAW_NO_GROUND = [
            "`authorised_by` nevner ingen lov, og en avgjørelse som utelukkende bygger på automatisert behandling, er bare tillatt når den er nødvendig for en avtale med personen, er hjemlet i en lov som også fastsetter garantier for personen, eller bygger på uttrykkelig samtykke ({Art. 22(2)}): hvis ett av disse gjelder for `{purpose}`, oppgi det (`authorised_by \"…\"` i avgjørelsen med loven som gir hjemmel, `basis contract` eller `condition explicit_consent`); hvis ingen gjelder, må et menneske ta avgjørelsen – fjern `decision`",
            "`authorised_by` nemner inga lov, og ei avgjerd som utelukkande byggjer på automatisert behandling, er berre tillaten når ho er naudsynt for ein avtale med personen, har heimel i ei lov som også fastset garantiar for personen, eller byggjer på uttrykkeleg samtykke ({Art. 22(2)}): viss eitt av desse gjeld for `{purpose}`, oppgi det (`authorised_by \"…\"` i avgjerda med lova som gir heimel, `basis contract` eller `condition explicit_consent`); viss ingen gjeld, må eit menneske ta avgjerda – fjern `decision`",
            "`authorised_by` names no law, and a decision based solely on automated processing is allowed only when necessary for a contract with the person, authorised by a law that also lays down safeguards for the person, or based on explicit consent ({Art. 22(2)}): if one of these applies to `{purpose}`, declare it (the authorising law in the decision, `authorised_by \"…\"`, or `basis contract`, or `condition explicit_consent`); if none does, a person must make the decision — remove `decision`",
        ];
    }
}

impl Rule for AutomatedDecisionBasis {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            if purpose.has_decision_ground()
                || purpose.unreadable.contains("basis")
                || purpose.unreadable.contains("condition")
            {
                continue;
            }
            for decision in &purpose.decisions {
                let bare = match &decision.authorised_by {
                    Some(Authorisation { law: Some(_), .. }) => continue,
                    Some(Authorisation { law: None, .. }) => true,
                    None => false,
                };
                let phrase = if bare {
                    Self::NO_LAW_NO_GROUND
                } else {
                    Self::NO_GROUND
                };
                report.push(Diagnostic::new(
                    &Self::META,
                    decision.keyword,
                    report.say(phrase, &[("purpose", &purpose.id.name)]),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "automated-decision-basis";

    fn purpose(grounds: &str) -> String {
        format!("purpose p \"P\" {{\n  {grounds}\n  decision \"D\" {{}}\n}}\n")
    }

    #[test]
    fn the_three_exceptions_of_article_22_2() {
        for ok in [
            "basis contract",
            "basis consent\n  condition explicit_consent",
            "basis legal_obligation \"lov § 1\"",
            "basis public_task \"lov § 2\"",
        ] {
            assert!(lines(RULE, &purpose(ok)).is_empty(), "{ok}");
        }
        for (grounds, line) in [
            ("basis legitimate_interests \"i\"", 3),
            ("basis consent", 3),
            ("basis legal_obligation", 3),
            ("basis public_task", 3),
            ("", 3),
        ] {
            assert_eq!(lines(RULE, &purpose(grounds)), vec![line], "{grounds}");
        }
    }

    #[test]
    fn an_unreadable_basis_is_not_judged() {
        assert!(lines(RULE, &purpose("basis contrct")).is_empty());
    }

    #[test]
    fn authorised_by_naming_a_law_is_a_ground_and_a_bare_one_gives_one_finding() {
        let with = |basis: &str, authorised: &str| {
            format!(
                "purpose p \"P\" {{\n  {basis}\n  decision \"D\" {{\n    {authorised}\n  }}\n}}\n"
            )
        };
        let named = with("basis public_task", "authorised_by \"forskrift § 12\"");
        assert!(crate::rules::testing::lines("automated-decision-basis", &named).is_empty());
        // No other ground: this rule, at the decision, and no missing-law-reference at the word.
        let bare = with("basis legitimate_interests \"x\"", "authorised_by");
        assert_eq!(
            crate::rules::testing::lines("automated-decision-basis", &bare),
            vec![3]
        );
        assert!(crate::rules::testing::lines("missing-law-reference", &bare).is_empty());
        // Another ground: missing-law-reference at the word, not this rule.
        let grounded = with("basis public_task \"lov § 2\"", "authorised_by");
        assert!(crate::rules::testing::lines("automated-decision-basis", &grounded).is_empty());
        assert_eq!(
            crate::rules::testing::lines("missing-law-reference", &grounded),
            vec![4]
        );
    }
}
