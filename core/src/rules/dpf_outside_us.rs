use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::TransferSafeguard;

declare_rule! {
    /// ## What it checks
    /// `safeguard dpf` on a party outside the EEA whose country is not `US`, or on a recipient
    /// flagged `international_organisation`, which the framework never covers.
    ///
    /// ## Why
    /// The EU–US Data Privacy Framework is an adequacy decision for the United States only
    /// (Art. 45; Commission Implementing Decision (EU) 2023/1795). It covers nothing in another
    /// country, even for a US company's subsidiary there.
    ///
    /// ## Example
    /// ```privacy
    /// processor survey "Spørreundersøkelser" {
    ///   country CH
    ///   safeguard dpf
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor survey "Spørreundersøkelser" {
    ///   country CH
    ///   safeguard adequacy
    /// }
    /// ```
    pub struct DpfOutsideUs {
        name: "dpf-outside-us",
        severity: Error,
        scope: Section,
        article: "Art. 45",
        fix: Never,
        summary: [
            "Data Privacy Framework oppgitt utenfor USA",
            "Data Privacy Framework oppgitt utanfor USA",
            "the Data Privacy Framework claimed outside the United States",
        ],
    }
    messages {
        ORGANISATION = [
            "Data Privacy Framework gjelder bare organisasjoner i USA som er sertifisert under ordningen ({Art. 45}), og `{party}` er en internasjonal organisasjon: bruk et overføringsgrunnlag etter {Art. 46} – mellom offentlige organer `safeguard public_instrument` ({46(2)(a)}) eller `administrative_arrangement` ({46(3)(b)}), ellers `scc`",
            "Data Privacy Framework gjeld berre organisasjonar i USA som er sertifiserte under ordninga ({Art. 45}), og `{party}` er ein internasjonal organisasjon: bruk eit overføringsgrunnlag etter {Art. 46} – mellom offentlege organ `safeguard public_instrument` ({46(2)(a)}) eller `administrative_arrangement` ({46(3)(b)}), elles `scc`",
            "the Data Privacy Framework covers only organisations in the United States that are certified under it ({Art. 45}), and `{party}` is an international organisation: use a safeguard of {Art. 46} — between public bodies `safeguard public_instrument` ({46(2)(a)}) or `administrative_arrangement` ({46(3)(b)}), otherwise `scc`",
        ];
        ADEQUACY = [
            "`safeguard adequacy` (Kommisjonen har en beslutning om tilstrekkelig beskyttelsesnivå for det)",
            "`safeguard adequacy` (Kommisjonen har ei avgjerd om tilstrekkeleg vernenivå for det)",
            "`safeguard adequacy` (the Commission has an adequacy decision for it)",
        ];
        SCC = [
            "`safeguard scc` eller et annet overføringsgrunnlag etter {Art. 46}",
            "`safeguard scc` eller eit anna overføringsgrunnlag etter {Art. 46}",
            "`safeguard scc` or another safeguard of {Art. 46}",
        ];
        ONLY_US = [
            "Data Privacy Framework gjelder bare USA ({Art. 45}), og `{party}` er i {countries}: bruk {instead}",
            "Data Privacy Framework gjeld berre USA ({Art. 45}), og `{party}` er i {countries}: bruk {instead}",
            "the Data Privacy Framework covers only the United States ({Art. 45}), and `{party}` is in {countries}: use {instead}",
        ];
        ALSO_OUTSIDE_US = [
            "Data Privacy Framework gjelder bare USA ({Art. 45}), og `{party}` er også i {countries}: bruk {instead}",
            "Data Privacy Framework gjeld berre USA ({Art. 45}), og `{party}` er også i {countries}: bruk {instead}",
            "the Data Privacy Framework covers only the United States ({Art. 45}), and `{party}` is also in {countries}: use {instead}",
        ];
        PARTY_COUNTRY = ["landet til parten", "landet til parten", "the party's country"];
    }
}

impl Rule for DpfOutsideUs {
    fn check(&self, model: &Model, report: &mut Report) {
        for party in model.parties.iter().filter(|p| p.is_outside_eea()) {
            let Some(safeguard) = party.safeguard(TransferSafeguard::Dpf) else {
                continue;
            };
            // The framework certifies US organisations; it never covers an international one.
            if party.international_organisation.is_some() {
                report.push(Diagnostic::new(
                    &Self::META,
                    safeguard.span,
                    report.say(Self::ORGANISATION, &[("party", &party.id.name)]),
                ));
                continue;
            }
            let Some(country) = &party.country else {
                continue;
            };
            let in_us = country.has_code("US");
            // With `adequacy` beside it, an uncovered country is invalid-adequacy's finding.
            let has_adequacy = party.safeguard(TransferSafeguard::Adequacy).is_some();
            let wrong: Vec<&str> = party
                .outside_eea()
                .filter(|v| v.code != "US" && (!in_us || (!has_adequacy && !party.covers(v))))
                .map(|v| v.code.as_str())
                .collect();
            if wrong.is_empty() {
                continue;
            }
            let instead = if wrong
                .iter()
                .all(|code| crate::vocab::adequacy_decision(code).is_some())
            {
                Self::ADEQUACY
            } else {
                Self::SCC
            };
            report.push(
                Diagnostic::new(
                    &Self::META,
                    safeguard.span,
                    report.say(
                        if in_us {
                            Self::ALSO_OUTSIDE_US
                        } else {
                            Self::ONLY_US
                        },
                        &[
                            ("party", &party.id.name),
                            ("countries", &wrong.join(", ")),
                            ("instead", &report.say(instead, &[])),
                        ],
                    ),
                )
                .with_related(country.span, report.say(Self::PARTY_COUNTRY, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "dpf-outside-us";

    fn party(country: &str) -> String {
        format!("processor x \"X\" {{\n  country {country}\n  safeguard dpf\n}}\n")
    }

    #[test]
    fn only_the_united_states() {
        assert!(lines(RULE, &party("US")).is_empty());
        assert_eq!(lines(RULE, &party("CH")), vec![3]);
        assert_eq!(lines(RULE, &party("IN")), vec![3]);
        assert!(
            lines(RULE, &party("DE")).is_empty(),
            "inside the EEA: unneeded-safeguard"
        );
        assert!(
            lines(RULE, &party("QQ")).is_empty(),
            "unknown country: unknown-country"
        );
    }

    #[test]
    fn never_for_an_international_organisation() {
        let text = "recipient io \"IO\" {\n  international_organisation\n  country US\n  safeguard dpf\n}\npurpose p \"P\" { recipients io }\n";
        assert_eq!(
            crate::rules::testing::lines("dpf-outside-us", text),
            vec![4]
        );
    }
}
