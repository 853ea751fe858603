use crate::diagnostic::Diagnostic;
use crate::model::{Model, Place, Purpose};
use crate::rules::{Report, Rule};
use crate::vocab::{DEFAULT_CONSENT_AGE, LegalBasis, consent_age};

declare_rule! {
    /// ## What it checks
    /// A purpose that is `online_service`, uses a `child` subject and has `basis consent`.
    ///
    /// ## Why
    /// When an information society service is offered directly to a child on the basis of
    /// consent, the child's own consent is valid only from the age set by national law; below
    /// it a parent must give or authorise consent (Art. 8(1)), and the controller must make
    /// reasonable efforts to verify that, taking into account the technology available (Art.
    /// 8(2)). Which State's age applies depends on each State's law (EDPB Guidelines 05/2020 on
    /// consent, ¶ 131): a service offered in several States must respect the ages of those
    /// whose law looks to where the service is offered. privlint therefore takes the highest
    /// of the ages of the controller's country and of every country `online_service` names
    /// (`online_service NO, SE`; without values, the controller's country), and names the
    /// State that sets it; where that State's law looks to the controller's establishment
    /// instead, a lower age may be enough. The ages are those of privlint's table
    /// (`core/src/vocab/child_consent.rs`, each with its law): 13 in Norway
    /// (personopplysningsloven § 5) and Sweden, 16 for a State that has set none or a country
    /// that is unknown. A code outside the EEA after `online_service` is ignored: Art. 8 ages
    /// are set by EEA States.
    ///
    /// Art. 8 concerns only information society services offered directly to the child
    /// (`online_service`): consent to other processing is judged by Art. 7 and the child's
    /// capacity under national law, and this rule does not fire. Once the consent flow handles
    /// parents, suppress this rule for the purpose with the reason.
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
        scope: Definition,
        article: "Art. 8(1)-(2)",
        fix: Never,
        summary: [
            "samtykke fra barn til en nettjeneste",
            "samtykke frå born til ei nettenest",
            "consent from children to an online service",
        ],
    }
    messages {
        CHILDREN = [
            "nettjenesten `{purpose}` bygger på samtykke fra barn (`{subject}`): under aldersgrensen for digitalt samtykke, {age} ({states}: den høyeste av landet til den behandlingsansvarlige og landene der tjenesten tilbys), må en forelder gi eller godkjenne samtykket ({Art. 8(1)}), og du må gjøre rimelige forsøk på å kontrollere det ({Art. 8(2)}); en lavere alder kan være nok der loven i landet ser på hvor den behandlingsansvarlige er etablert (EDPB Guidelines 05/2020 ¶ 131); beskriv hvordan samtykkeløsningen håndterer dette, og undertrykk deretter funnet med den begrunnelsen",
            "nettenesta `{purpose}` byggjer på samtykke frå born (`{subject}`): under aldersgrensa for digitalt samtykke, {age} ({states}: den høgaste av landet til den behandlingsansvarlege og landa der tenesta blir tilboden), må ein forelder gi eller godkjenne samtykket ({Art. 8(1)}), og du må gjere rimelege forsøk på å kontrollere det ({Art. 8(2)}); ein lågare alder kan vere nok der lova i landet ser på kvar den behandlingsansvarlege er etablert (EDPB Guidelines 05/2020 ¶ 131); skildr korleis samtykkeløysinga handterer dette, og undertrykk deretter funnet med den grunngivinga",
            "the online service `{purpose}` relies on the consent of children (`{subject}`): below the age of digital consent, {age} ({states}: the highest of the controller's country and the countries where the service is offered), a parent must give or authorise consent ({Art. 8(1)}), and you must make reasonable efforts to verify it ({Art. 8(2)}); a lower age may be enough where that State's law looks to the controller's establishment instead (EDPB Guidelines 05/2020 ¶ 131); say how the consent flow handles this, then suppress this finding with that reason",
        ];
        ARE_CHILDREN = ["disse registrerte er barn", "desse registrerte er born", "these data subjects are children"];
        AGE_IN = ["{age} i {country} ({law})", "{age} i {country} ({law})", "{age} in {country} ({law})"];
        DEFAULT_AGE_IN = [
            "{age} i {country}, alderen i {Art. 8(1)} der en stat ikke har satt en lavere",
            "{age} i {country}, alderen i {Art. 8(1)} der ein stat ikkje har sett ein lågare",
            "{age} in {country}, the age of {Art. 8(1)} where a State has set no lower one",
        ];
        DEFAULT_AGE = [
            "{age}, alderen i {Art. 8(1)}, siden landet til den behandlingsansvarlige ikke er kjent",
            "{age}, alderen i {Art. 8(1)}, sidan landet til den behandlingsansvarlege ikkje er kjent",
            "{age}, the age of {Art. 8(1)}, since the controller's country is not known",
        ];
    }
}

/// The age of digital consent one country sets, and where it comes from.
struct StateAge {
    age: u8,
    /// "13 in NO (personopplysningsloven § 5)", or the default of Art. 8(1).
    described: String,
}

/// The age for a country: its table entry, or 16 (Art. 8(1)) when it has set none or is unknown.
fn state_age(code: Option<&str>, report: &Report) -> StateAge {
    match code.and_then(consent_age) {
        Some(entry) => StateAge {
            age: entry.age,
            described: report.say(
                ChildConsent::AGE_IN,
                &[
                    ("age", &entry.age),
                    ("country", &entry.country),
                    ("law", &entry.law),
                ],
            ),
        },
        None => StateAge {
            age: DEFAULT_CONSENT_AGE,
            described: match code {
                Some(code) => report.say(
                    ChildConsent::DEFAULT_AGE_IN,
                    &[("age", &DEFAULT_CONSENT_AGE), ("country", &code)],
                ),
                None => report.say(ChildConsent::DEFAULT_AGE, &[("age", &DEFAULT_CONSENT_AGE)]),
            },
        },
    }
}

/// The highest age of the controller's country and of the EEA countries `online_service`
/// names, with every State that sets it.
fn highest_age(model: &Model, purpose: &Purpose, report: &Report) -> (u8, Vec<String>) {
    let controller = model
        .controller()
        .and_then(|c| c.country.as_ref())
        .and_then(|c| c.first_known_code());
    let offered = purpose
        .offered_in
        .iter()
        .filter(|v| v.place == Place::EeaState)
        .map(|v| Some(v.code.as_str()));
    let ages: Vec<StateAge> = std::iter::once(controller)
        .chain(offered)
        .map(|code| state_age(code, report))
        .collect();
    let highest = ages
        .iter()
        .map(|a| a.age)
        .max()
        .unwrap_or(DEFAULT_CONSENT_AGE);
    let mut states: Vec<String> = Vec::new();
    for age in ages.into_iter().filter(|a| a.age == highest) {
        if !states.contains(&age.described) {
            states.push(age.described);
        }
    }
    (highest, states)
}

impl Rule for ChildConsent {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model.purposes.iter().filter(|p| p.online_service.is_some()) {
            let Some(basis) = purpose.basis(LegalBasis::Consent) else {
                continue;
            };
            let child = purpose
                .subjects
                .iter()
                .filter_map(|r| model.subject(r))
                .find(|s| s.child.is_some());
            let Some(child) = child else {
                continue;
            };
            let (age, states) = highest_age(model, purpose, report);
            report.push(
                Diagnostic::new(
                    &Self::META,
                    basis.span,
                    report.say(
                        Self::CHILDREN,
                        &[
                            ("purpose", &purpose.id.name),
                            ("subject", &child.id.name),
                            ("age", &age),
                            ("states", &states.join("; ")),
                        ],
                    ),
                )
                .with_related(
                    child.child.unwrap_or(child.id.span),
                    report.say(Self::ARE_CHILDREN, &[]),
                ),
            );
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
        assert!(with("US").contains("16 in US"), "{}", with("US"));
        let none = findings(RULE, &purpose("consent", "child", "online_service"));
        assert!(
            none[0].1.contains("16, the age of Art. 8(1)"),
            "{}",
            none[0].1
        );
        assert!(none[0].1.contains("05/2020 ¶ 131"), "{}", none[0].1);
    }

    fn offered(controller: &str, online: &str) -> String {
        let text = format!(
            "controller c \"C\" {{ country {controller} }}\n{}",
            purpose("consent", "child", online)
        );
        findings(RULE, &text)[0].1.clone()
    }

    #[test]
    fn the_highest_age_of_the_controllers_country_and_where_the_service_is_offered() {
        let nordic = offered("NO", "online_service NO, SE");
        assert!(nordic.contains(", 13 (13 in NO"), "{nordic}");
        assert!(
            nordic.contains("13 in SE"),
            "ties name every State: {nordic}"
        );
        let france = offered("NO", "online_service NO, FR");
        assert!(france.contains(", 15 (15 in FR"), "{france}");
        assert!(!france.contains("in NO"), "{france}");
        // A State not in the table has set no lower age than 16.
        let portugal = offered("NO", "online_service PT");
        assert!(portugal.contains(", 16 (16 in PT"), "{portugal}");
    }

    #[test]
    fn a_country_outside_the_eea_is_ignored() {
        let abroad = offered("NO", "online_service NO, US");
        assert!(abroad.contains(", 13 (13 in NO"), "{abroad}");
        assert!(!abroad.contains("US"), "{abroad}");
    }
}
