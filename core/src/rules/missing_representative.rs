use crate::diagnostic::Diagnostic;
use crate::model::{Countries, Model};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A controller whose `country` lies wholly outside the EEA, that is not
    /// `public_authority`, that has no `establishment` in the EEA (`establishment eea` counts),
    /// and that has no `representative` with a `country` in the EEA.
    /// Unknown country codes are neither inside nor outside: a controller with one is not
    /// judged until it is corrected.
    ///
    /// ## Why
    /// A controller that is not established in the EEA but offers goods or services to people
    /// in the EEA, or monitors their behaviour there (Art. 3(2)), must designate in writing a
    /// representative established in one of the states where those people are (Art. 27(1),
    /// 27(3)), and the notice must give the representative's identity and contact details
    /// (Art. 13(1)(a), 14(1)(a)). Two exemptions apply (Art. 27(2)): processing that is
    /// occasional, does not include special categories or criminal-offence data on a large
    /// scale, and is unlikely to result in a risk to people's rights and freedoms (27(2)(a));
    /// and public authorities and bodies (27(2)(b), see `public_authority`). When the first
    /// exemption applies, suppress the finding and give that as the reason.
    ///
    /// A controller with an establishment in the EEA, in whose context it processes the data
    /// (`establishment IE`), is under the GDPR by Art. 3(1), not 3(2), and needs no
    /// representative.
    ///
    /// ## Example
    /// ```privacy
    /// controller northwind "Northwind Health Inc." {
    ///   country US
    ///   email "privacy@northwind.example"
    /// }
    /// representative "Northwind Europe Ltd" {
    ///   email "eu-rep@northwind.example"
    /// }
    /// ```
    ///
    /// ## Fix
    /// Give the representative's state in the EEA:
    /// ```privacy
    /// controller northwind "Northwind Health Inc." {
    ///   country US
    ///   email "privacy@northwind.example"
    /// }
    /// representative "Northwind Europe Ltd" {
    ///   country IE
    ///   email "eu-rep@northwind.example"
    /// }
    /// ```
    pub struct MissingRepresentative {
        name: "missing-representative",
        severity: Warning,
        scope: Declaration,
        article: "Art. 27(1)-(3), 3(2), 13(1)(a)",
        fix: Never,
        summary: [
            "en behandlingsansvarlig utenfor EØS uten representant i EØS",
            "ein behandlingsansvarleg utanfor EØS utan representant i EØS",
            "a controller outside the EEA without a representative in the EEA",
        ],
    }
    messages {
        NO_REPRESENTATIVE = [
            "hvis du tilbyr varer eller tjenester til personer i EØS eller overvåker atferden deres der ({Art. 3(2)}) fra utenfor EØS ({outside}) uten et etableringssted der, må du skriftlig utpeke en representant som er etablert i en av EØS-statene der disse personene er ({Art. 27(1), 27(3)}), og erklæringen skal navngi representanten ({Art. 13(1)(a)}): ingen representant er oppgitt; legg til `representative \"Navn\" {{ country CC; email \"…\" }}` med EØS-staten til representanten, eller, {exemption}",
            "viss du tilbyr varer eller tenester til personar i EØS eller overvakar åtferda deira der ({Art. 3(2)}) frå utanfor EØS ({outside}) utan ein etableringsstad der, må du skriftleg peike ut ein representant som er etablert i ein av EØS-statane der desse personane er ({Art. 27(1), 27(3)}), og erklæringa skal namngi representanten ({Art. 13(1)(a)}): ingen representant er oppgitt; legg til `representative \"Namn\" {{ country CC; email \"…\" }}` med EØS-staten til representanten, eller, {exemption}",
            "if you offer goods or services to people in the EEA or monitor their behaviour there ({Art. 3(2)}) from outside it ({outside}) without an establishment in it, you must designate in writing a representative established in one of the EEA States where those people are ({Art. 27(1), 27(3)}), and the notice must name it ({Art. 13(1)(a)}): no representative is declared; add `representative \"Name\" {{ country CC; email \"…\" }}` with the representative's EEA state, or, {exemption}",
        ];
        WRONG_REPRESENTATIVE = [
            "hvis du tilbyr varer eller tjenester til personer i EØS eller overvåker atferden deres der ({Art. 3(2)}) fra utenfor EØS ({outside}) uten et etableringssted der, må du skriftlig utpeke en representant som er etablert i en av EØS-statene der disse personene er ({Art. 27(1), 27(3)}), og erklæringen skal navngi representanten ({Art. 13(1)(a)}): {problem}; skriv EØS-staten til representanten med `country CC`, eller, {exemption}",
            "viss du tilbyr varer eller tenester til personar i EØS eller overvakar åtferda deira der ({Art. 3(2)}) frå utanfor EØS ({outside}) utan ein etableringsstad der, må du skriftleg peike ut ein representant som er etablert i ein av EØS-statane der desse personane er ({Art. 27(1), 27(3)}), og erklæringa skal namngi representanten ({Art. 13(1)(a)}): {problem}; skriv EØS-staten til representanten med `country CC`, eller, {exemption}",
            "if you offer goods or services to people in the EEA or monitor their behaviour there ({Art. 3(2)}) from outside it ({outside}) without an establishment in it, you must designate in writing a representative established in one of the EEA States where those people are ({Art. 27(1), 27(3)}), and the notice must name it ({Art. 13(1)(a)}): {problem}; write the representative's EEA state with `country CC`, or, {exemption}",
        ];
        EXEMPTION = [
            "hvis behandlingen bare skjer leilighetsvis, ikke omfatter særlige kategorier eller opplysninger om straffedommer og lovovertredelser i stor skala og neppe medfører risiko for personers rettigheter ({Art. 27(2)(a)}), undertrykk funnet og oppgi det som begrunnelse; hvis du har et etableringssted i EØS som opplysningene behandles i forbindelse med, skriv det med `establishment CC` ({Art. 3(1)}: da trengs ingen representant)",
            "viss behandlinga berre skjer av og til, ikkje omfattar særlege kategoriar eller opplysningar om straffedommar og lovbrot i stor skala og truleg ikkje fører med seg risiko for rettane til personar ({Art. 27(2)(a)}), undertrykk funnet og oppgi det som grunngiving; viss du har ein etableringsstad i EØS som opplysningane blir behandla i samband med, skriv det med `establishment CC` ({Art. 3(1)}: då trengst ingen representant)",
            "if the processing is only occasional, includes no special categories or criminal-offence data on a large scale and is unlikely to put people's rights at risk ({Art. 27(2)(a)}), suppress this finding and give that as the reason; if you have an establishment in the EEA in whose context you process the data, write it with `establishment CC` ({Art. 3(1)}: no representative is needed)",
        ];
        NOT_IN_EEA = [
            "representanten er ikke i EØS ({countries})",
            "representanten er ikkje i EØS ({countries})",
            "the representative is not in the EEA ({countries})",
        ];
        NO_COUNTRY = [
            "representanten har ikke noe `country`",
            "representanten har ikkje noko `country`",
            "the representative has no `country`",
        ];
        CONTROLLER_COUNTRY = [
            "landet til den behandlingsansvarlige",
            "landet til den behandlingsansvarlege",
            "the controller's country",
        ];
    }
}

/// The codes of a `country` field, as "`US`, `CA`".
fn codes(countries: &Countries) -> String {
    countries
        .values
        .iter()
        .map(|v| format!("`{}`", v.code))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Rule for MissingRepresentative {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(controller) = model.controller() else {
            return;
        };
        let Some(country) = &controller.country else {
            return;
        };
        let wholly_outside =
            !country.values.is_empty() && country.values.iter().all(|v| v.is_outside_eea());
        let established_in_eea = controller
            .establishment
            .as_ref()
            .is_some_and(Countries::has_eea_value);
        if !wholly_outside
            || established_in_eea
            || controller.public_authority.is_some()
            || model
                .representatives
                .iter()
                .any(|r| r.country.as_ref().is_some_and(Countries::has_eea_value))
        {
            return;
        }
        let exemption = report.say(Self::EXEMPTION, &[]);
        let outside = codes(country);
        let diagnostic = match model.representatives.first() {
            None => Diagnostic::new(
                &Self::META,
                controller.id.span,
                report.say(
                    Self::NO_REPRESENTATIVE,
                    &[("outside", &outside), ("exemption", &exemption)],
                ),
            ),
            Some(representative) => {
                let (span, problem) = match &representative.country {
                    Some(at) => (
                        at.span,
                        report.say(Self::NOT_IN_EEA, &[("countries", &codes(at))]),
                    ),
                    None => (representative.keyword, report.say(Self::NO_COUNTRY, &[])),
                };
                Diagnostic::new(
                    &Self::META,
                    span,
                    report.say(
                        Self::WRONG_REPRESENTATIVE,
                        &[
                            ("outside", &outside),
                            ("problem", &problem),
                            ("exemption", &exemption),
                        ],
                    ),
                )
            }
        };
        let related = report.say(Self::CONTROLLER_COUNTRY, &[]);
        report.push(diagnostic.with_related(country.span, related));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-representative";

    fn declaration(country: &str, rest: &str) -> String {
        format!("controller c \"C\" {{\n  {country}\n  email \"a@c.example\"\n}}\n{rest}")
    }

    #[test]
    fn a_controller_wholly_outside_the_eea_needs_a_representative() {
        assert_eq!(lines(RULE, &declaration("country US", "")), vec![1]);
        assert_eq!(
            lines(RULE, &declaration("country US, outside_eea", "")),
            vec![1]
        );
        assert_eq!(
            lines(RULE, &declaration("country outside_eea", "")),
            vec![1]
        );
    }

    #[test]
    fn not_for_a_controller_in_the_eea_or_of_unknown_place() {
        for country in [
            "country NO",
            "country US, IE",
            "country eea",
            "country XX",
            "country US, XX",
            "",
        ] {
            assert!(
                lines(RULE, &declaration(country, "")).is_empty(),
                "{country}"
            );
        }
    }

    #[test]
    fn not_for_a_public_authority() {
        assert!(lines(RULE, &declaration("country US\n  public_authority", "")).is_empty());
    }

    #[test]
    fn a_representative_in_the_eea_is_enough() {
        let rep = |body: &str| {
            declaration(
                "country US",
                &format!("representative \"R\" {{\n  {body}\n}}\n"),
            )
        };
        assert!(lines(RULE, &rep("country IE")).is_empty());
        assert!(lines(RULE, &rep("country GB, IE")).is_empty());
        assert!(lines(RULE, &rep("country eea")).is_empty());
        // At the representative's country, or at its keyword when it has none.
        assert_eq!(lines(RULE, &rep("country GB")), vec![6]);
        assert_eq!(lines(RULE, &rep("email \"r@r.example\"")), vec![5]);
        // Any representative in the EEA will do; the finding is at the first one.
        let two = declaration(
            "country US",
            "representative \"R\" { country GB }\nrepresentative \"S\" { country FR }\n",
        );
        assert!(lines(RULE, &two).is_empty());
    }

    #[test]
    fn an_establishment_in_the_eea_puts_the_controller_under_article_3_1() {
        for establishment in [
            "establishment IE",
            "establishment eea",
            "establishment US, IE",
        ] {
            assert!(
                lines(
                    RULE,
                    &declaration(&format!("country GB\n  {establishment}"), "")
                )
                .is_empty(),
                "{establishment}"
            );
        }
        assert_eq!(
            lines(RULE, &declaration("country GB\n  establishment CH", "")),
            vec![1],
            "an establishment outside the EEA is not one"
        );
    }

    #[test]
    fn the_message_opens_with_article_3_2_and_names_27_2_a_and_27_3() {
        let message = &crate::rules::testing::findings(RULE, &declaration("country US", ""))[0].1;
        for part in ["Art. 3(2)", "Art. 27(2)(a)", "27(3)", "establishment"] {
            assert!(message.contains(part), "{part}: {message}");
        }
    }
}
