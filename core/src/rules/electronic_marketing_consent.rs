use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{Channel, ELECTRONIC_MARKETING, LegalBasis, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// For a controller in Norway (one of its `country` or `establishment` values is NO): a
    /// purpose that is `direct_marketing` naming `email` or `sms`, has no `basis consent`, and
    /// uses some subject that is not flagged `customer`, or names no subjects at all. One
    /// finding per purpose, at the first of those channel words.
    ///
    /// ## Why
    /// markedsføringsloven (LOV-2009-01-09-2) § 15: in the course of business, marketing by
    /// e-mail or SMS to natural persons needs their prior consent. The exception is existing
    /// customers whose address the controller obtained in connection with a sale, for its own
    /// similar products, where the customer was given a free and simple way to refuse when the
    /// address was collected and is given one in every message (third paragraph): flag those
    /// subjects `customer`. Telephone and post are not covered by this rule. Source:
    /// Forbrukertilsynet, "Forbrukertilsynets veiledning om markedsføring via e-post, SMS
    /// o.l.", checked 2026-12-08 (privlint's table of Norwegian provisions,
    /// `core/src/vocab/norway.rs`; the text of § 15 itself not verified).
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Butikken AS" { country NO }
    /// subject prospects "Interessenter"
    /// purpose offers "Tilbud" {
    ///   basis legitimate_interests "å nå nye kunder"
    ///   direct_marketing email
    ///   subjects prospects
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Butikken AS" { country NO }
    /// subject prospects "Interessenter"
    /// purpose offers "Tilbud" {
    ///   basis legitimate_interests "å nå nye kunder"
    ///   direct_marketing post
    ///   subjects prospects
    /// }
    /// ```
    pub struct ElectronicMarketingConsent {
        name: "electronic-marketing-consent",
        severity: Warning,
        scope: Definition,
        article: "markedsføringsloven § 15",
        fix: Never,
        summary: [
            "markedsføring på e-post eller SMS uten samtykke til personer som ikke er eksisterende kunder (Norge)",
            "marknadsføring på e-post eller SMS utan samtykke til personar som ikkje er eksisterande kundar (Noreg)",
            "marketing by e-mail or SMS without consent to people who are not existing customers (Norway)",
        ],
    }
    messages {
        NO_CONSENT = [
            "`{purpose}` markedsfører med `{channel}` uten `basis consent`, og {whom}: etter {law} {section} må fysiske personer ha samtykket på forhånd før en næringsdrivende markedsfører seg til dem på e-post eller SMS; unntaket er eksisterende kunder som ga adressen sin ved et kjøp, når markedsføringen gjelder egne, lignende produkter og kunden både da adressen ble samlet inn og i hver melding får en enkel og gratis måte å reservere seg på; send disse meldingene bare med `basis consent`, oppgi de registrerte, eller merk eksisterende kunder med `customer`",
            "`{purpose}` marknadsfører med `{channel}` utan `basis consent`, og {whom}: etter {law} {section} må fysiske personar ha samtykt på førehand før ein næringsdrivande marknadsfører seg til dei på e-post eller SMS; unntaket er eksisterande kundar som gav adressa si ved eit kjøp, når marknadsføringa gjeld eigne, liknande produkt og kunden både då adressa vart samla inn og i kvar melding får ein enkel og gratis måte å reservere seg på; send desse meldingane berre med `basis consent`, oppgi dei registrerte, eller merk eksisterande kundar med `customer`",
            "`{purpose}` markets by {channel} without `basis consent`, and {whom}: under {law} {section} marketing by e-mail or SMS to natural persons in the course of business needs their prior consent, except to existing customers whose address you obtained in a sale, about your own similar products, with a free and simple way to refuse when the address was collected and in every message; send these messages only with `basis consent`, name the subjects, or flag existing customers `customer`",
        ];
        NO_SUBJECTS = [
            "formålet nevner ingen registrerte, så det går ikke an å se hvem meldingene går til",
            "formålet nemner ingen registrerte, så det går ikkje an å sjå kven meldingane går til",
            "the purpose names no subjects, so it cannot be told whom the messages go to",
        ];
        ONE_NOT_CUSTOMER = ["{subjects} er ikke merket `customer`", "{subjects} er ikkje merkt `customer`", "{subjects} is not flagged `customer`"];
        NOT_CUSTOMERS = ["{subjects} er ikke merket `customer`", "{subjects} er ikkje merkte `customer`", "{subjects} are not flagged `customer`"];
    }
}

impl Rule for ElectronicMarketingConsent {
    fn check(&self, model: &Model, report: &mut Report) {
        if !model.controller_in_norway() {
            return;
        }
        for purpose in &model.purposes {
            if purpose.direct_marketing.is_none()
                || purpose.has_basis(LegalBasis::Consent)
                || purpose.unreadable.contains("basis")
            {
                continue;
            }
            let Some(channel) = purpose
                .marketing_channels
                .iter()
                .find(|c| matches!(c.value, Channel::Email | Channel::Sms))
            else {
                continue;
            };
            let subjects: Vec<_> = purpose
                .subjects
                .iter()
                .filter_map(|r| model.subject(r))
                .collect();
            let not_customers: Vec<String> = subjects
                .iter()
                .filter(|s| s.customer.is_none())
                .map(|s| format!("`{}`", s.id.name))
                .collect();
            let whom = if purpose.subjects.is_empty() {
                report.say(Self::NO_SUBJECTS, &[])
            } else if not_customers.is_empty() {
                continue;
            } else {
                let phrase = if not_customers.len() == 1 {
                    Self::ONE_NOT_CUSTOMER
                } else {
                    Self::NOT_CUSTOMERS
                };
                report.say(phrase, &[("subjects", &not_customers.join(", "))])
            };
            report.push(Diagnostic::new(
                &Self::META,
                channel.span,
                report.say(
                    Self::NO_CONSENT,
                    &[
                        ("purpose", &purpose.id.name),
                        ("channel", &channel.value.word()),
                        ("whom", &whom),
                        ("law", &ELECTRONIC_MARKETING.law),
                        ("section", &ELECTRONIC_MARKETING.section),
                    ],
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "electronic-marketing-consent";

    fn declaration(country: &str, purpose: &str) -> String {
        format!(
            "controller c \"C\" {{ {country} }}\nsubject kunder \"Kunder\" {{ customer }}\nsubject andre \"Andre\"\npurpose p \"P\" {{\n  {purpose}\n}}\n"
        )
    }

    #[test]
    fn email_or_sms_without_consent_to_people_who_are_not_customers() {
        let li = "basis legitimate_interests \"x\"";
        assert_eq!(
            lines(
                RULE,
                &declaration(
                    "country NO",
                    &format!("{li}\n  direct_marketing post, sms, email\n  subjects kunder, andre")
                )
            ),
            vec![6],
            "one finding, at the first of the channel words"
        );
        assert!(
            lines(
                RULE,
                &declaration(
                    "country NO",
                    &format!("{li}\n  direct_marketing email\n  subjects kunder")
                )
            )
            .is_empty(),
            "existing customers"
        );
        assert!(
            lines(
                RULE,
                &declaration(
                    "country NO",
                    "basis consent\n  direct_marketing email\n  subjects andre"
                )
            )
            .is_empty()
        );
        assert!(
            lines(
                RULE,
                &declaration(
                    "country NO",
                    &format!("{li}\n  direct_marketing phone, post\n  subjects andre")
                )
            )
            .is_empty(),
            "not e-mail or SMS"
        );
    }

    #[test]
    fn a_purpose_without_subjects_fires_and_asks_whom() {
        let found = findings(
            RULE,
            &declaration(
                "country NO",
                "basis legitimate_interests \"x\"\n  direct_marketing sms",
            ),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("whom"), "{}", found[0].1);
        assert!(found[0].1.contains("§ 15"), "{}", found[0].1);
    }

    #[test]
    fn only_for_a_controller_in_norway() {
        let purpose =
            "basis legitimate_interests \"x\"\n  direct_marketing email\n  subjects andre";
        assert!(lines(RULE, &declaration("country SE", purpose)).is_empty());
        assert_eq!(
            lines(
                RULE,
                &declaration("country SE\n  establishment NO", purpose)
            ),
            vec![7]
        );
    }
}
