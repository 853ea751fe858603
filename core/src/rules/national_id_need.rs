use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::NATIONAL_ID_NUMBER;

declare_rule! {
    /// ## What it checks
    /// For a controller in Norway (one of its `country` or `establishment` values is NO): a
    /// purpose that uses a national identity number category and has no `identification`. A
    /// category is one when it is flagged `national_id`, or its label or one of its `includes`
    /// items names "fødselsnummer", "fødselsnr", "personnummer", "d-nummer", "national
    /// identity number" or "national id number" as whole words, ignoring case ("Navn, adresse
    /// og fødselsnummer" counts; "fødselsdato" does not).
    ///
    /// ## Why
    /// personopplysningsloven (LOV-2018-06-15-38) § 12, under Art. 87 GDPR: a national
    /// identity number may be processed only where there is a legitimate need for secure
    /// identification and the method is necessary to achieve it. `identification` records that
    /// need for this purpose ("Skattemeldingen krever ansattes fødselsnummer"). Source: the
    /// text of § 12 from Lovdata, checked 2026-12-08 (privlint's table of Norwegian provisions,
    /// `core/src/vocab/norway.rs`, verified). No quick fix writes `identification`: only the
    /// controller knows the need.
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Butikken AS" { country NO }
    /// category identity "Navn og fødselsnummer"
    /// purpose credit "Salg på kreditt" { data identity }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Butikken AS" { country NO }
    /// category identity "Navn og fødselsnummer"
    /// purpose credit "Salg på kreditt" {
    ///   data identity
    ///   identification "Vi må identifisere deg sikkert før vi gir deg kreditt."
    /// }
    /// ```
    pub struct NationalIdNeed {
        name: "national-id-need",
        severity: Warning,
        scope: Definition,
        article: "personopplysningsloven § 12, GDPR Art. 87",
        fix: Never,
        summary: [
            "fødselsnummer uten at behovet for sikker identifisering er beskrevet (Norge)",
            "fødselsnummer utan at behovet for sikker identifisering er skildra (Noreg)",
            "a national identity number without the need for secure identification stated (Norway)",
        ],
    }
    messages {
        NEED_NOT_STATED = [
            "formålet `{purpose}` bruker fødselsnummer (`{category}`): etter {law} {section} kan fødselsnummer bare brukes når det er et saklig behov for sikker identifisering og metoden er nødvendig for å oppnå det; skriv dette behovet i `identification \"…\"`, eller bruk en annen identifikator",
            "formålet `{purpose}` brukar fødselsnummer (`{category}`): etter {law} {section} kan fødselsnummer berre brukast når det er eit sakleg behov for sikker identifisering og metoden er naudsynt for å oppnå det; skriv dette behovet i `identification \"…\"`, eller bruk ein annan identifikator",
            "the purpose `{purpose}` uses a national identity number (`{category}`): under {law} {section} a national identity number may be used only where there is a legitimate need for secure identification and the method is necessary to achieve it; write that need in `identification \"…\"`, or use another identifier",
        ];
        THE_NUMBER = ["fødselsnummeret", "fødselsnummeret", "the national identity number"];
    }
}

impl Rule for NationalIdNeed {
    fn check(&self, model: &Model, report: &mut Report) {
        if !model.controller_in_norway() {
            return;
        }
        for purpose in model
            .purposes
            .iter()
            .filter(|p| !p.written.contains("identification"))
        {
            let Some((reference, category)) = purpose
                .data
                .iter()
                .filter_map(|r| Some((r, model.category(r)?)))
                .find(|(_, c)| c.is_national_id())
            else {
                continue;
            };
            report.push(
                Diagnostic::new(
                    &Self::META,
                    purpose.id.span,
                    report.say(
                        Self::NEED_NOT_STATED,
                        &[
                            ("purpose", &purpose.id.name),
                            ("category", &category.id.name),
                            ("law", &NATIONAL_ID_NUMBER.law),
                            ("section", &NATIONAL_ID_NUMBER.section),
                        ],
                    ),
                )
                .with_related(reference.span, report.say(Self::THE_NUMBER, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "national-id-need";

    fn declaration(controller: &str, category: &str, purpose: &str) -> String {
        format!(
            "controller c \"C\" {{ {controller} }}\n{category}\npurpose p \"P\" {{\n  data id\n  {purpose}\n}}\n"
        )
    }

    #[test]
    fn a_controller_in_norway_by_country_or_establishment() {
        let category = "category id \"Navn og fødselsnummer\"";
        assert_eq!(
            lines(RULE, &declaration("country NO", category, "")),
            vec![3]
        );
        assert_eq!(
            lines(
                RULE,
                &declaration("country SE\n  establishment NO", category, "")
            ),
            vec![4]
        );
        assert!(lines(RULE, &declaration("country SE", category, "")).is_empty());
        assert!(lines(RULE, &declaration("country IS", category, "")).is_empty());
    }

    #[test]
    fn identification_states_the_need() {
        let category = "category id \"Fødselsnummer\"";
        assert!(
            lines(
                RULE,
                &declaration(
                    "country NO",
                    category,
                    "identification \"Sikker identifisering\""
                )
            )
            .is_empty()
        );
    }

    #[test]
    fn a_birth_date_is_not_a_national_identity_number_but_the_flag_is() {
        assert!(
            lines(
                RULE,
                &declaration("country NO", "category id \"Fødselsdato\"", "")
            )
            .is_empty()
        );
        assert_eq!(
            lines(
                RULE,
                &declaration(
                    "country NO",
                    "category id \"Ansattnummer\" { national_id }",
                    ""
                )
            ),
            vec![3]
        );
    }

    #[test]
    fn the_message_names_the_section() {
        let message = &findings(
            RULE,
            &declaration("country NO", "category id \"D-nummer\"", ""),
        )[0]
        .1;
        assert!(
            message.contains("§ 12") && message.contains("identification"),
            "{message}"
        );
    }
}
