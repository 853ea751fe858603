use crate::diagnostic::Diagnostic;
use crate::model::{CountryValue, Model};
use crate::rules::{Report, Rule};
use crate::vocab::TransferSafeguard;

declare_rule! {
    /// ## What it checks
    /// `safeguard adequacy` on a party outside the EEA whose country has no adequacy decision.
    /// For a recipient flagged `international_organisation`, the organisation itself is what
    /// must be covered, not the country of its seat: `adequacy` holds only when its key names
    /// an organisation with a decision (`international_organisation epo`, the European Patent
    /// Organisation, decision (EU) 2025/1382).
    ///
    /// ## Why
    /// Only the European Commission decides that a country ensures an adequate level of
    /// protection (Art. 45(1)). The decisions in force, which privlint keeps in one dated
    /// table: Andorra, Argentina, Brazil, Canada (commercial organisations under PIPEDA),
    /// Switzerland, the Faroe Islands, the United Kingdom (renewed to 2031), Guernsey, Israel,
    /// the Isle of Man, Jersey, Japan (private sector), the Republic of Korea, New Zealand and
    /// Uruguay. The United States is covered only for organisations certified under the EU–US
    /// Data Privacy Framework: write `safeguard dpf`.
    ///
    /// Brazil's decision ((EU) 2026/179) applies in Norway from its EU date
    /// (personopplysningsforskriften § 2), and in Iceland and Liechtenstein only once it is
    /// taken into the EEA Agreement or applied by that State (`adequacy-not-in-eea-agreement`).
    ///
    /// ## Example
    /// ```privacy
    /// processor video "Videoplattform" {
    ///   country IN
    ///   safeguard adequacy
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor video "Videoplattform" {
    ///   country IN
    ///   safeguard scc
    /// }
    /// ```
    pub struct InvalidAdequacy {
        name: "invalid-adequacy",
        severity: Error,
        scope: Section,
        article: "Art. 45(1)",
        fix: Never,
        summary: [
            "en beslutning om tilstrekkelig beskyttelsesnivå oppgitt for et land som ikke har det",
            "ei avgjerd om tilstrekkeleg vernenivå oppgitt for eit land som ikkje har det",
            "an adequacy decision claimed for a country that has none",
        ],
    }
    messages {
        ORGANISATION = [
            "Kommisjonen har ingen beslutning om tilstrekkelig beskyttelsesnivå for den internasjonale organisasjonen `{party}` ({Art. 45(1)}); beslutningen for landet der den holder til, dekker den ikke: bruk et overføringsgrunnlag etter {Art. 46} – mellom offentlige organer `safeguard public_instrument` ({46(2)(a)}) eller `administrative_arrangement` ({46(3)(b)}), ellers `scc` – eller, hvis den har en beslutning, skriv nøkkelen etter `international_organisation`",
            "Kommisjonen har inga avgjerd om tilstrekkeleg vernenivå for den internasjonale organisasjonen `{party}` ({Art. 45(1)}); avgjerda for landet der han held til, dekkjer han ikkje: bruk eit overføringsgrunnlag etter {Art. 46} – mellom offentlege organ `safeguard public_instrument` ({46(2)(a)}) eller `administrative_arrangement` ({46(3)(b)}), elles `scc` – eller, viss han har ei avgjerd, skriv nøkkelen etter `international_organisation`",
            "the Commission has no adequacy decision for the international organisation `{party}` ({Art. 45(1)}); its seat's decision does not cover it: use a safeguard of {Art. 46} — between public bodies `safeguard public_instrument` ({46(2)(a)}) or `administrative_arrangement` ({46(3)(b)}), otherwise `scc` — or, if it has a decision, write its key after `international_organisation`",
        ];
        UNITED_STATES = [
            "for USA gjelder beslutningen bare organisasjoner som er sertifisert under Data Privacy Framework: skriv `safeguard dpf` hvis den er sertifisert, ellers `safeguard scc`",
            "for USA gjeld avgjerda berre organisasjonar som er sertifiserte under Data Privacy Framework: skriv `safeguard dpf` viss han er sertifisert, elles `safeguard scc`",
            "for the United States, adequacy covers only organisations certified under the Data Privacy Framework: write `safeguard dpf` if it is certified, otherwise `safeguard scc`",
        ];
        NAME_THE_COUNTRY = [
            "en beslutning om tilstrekkelig beskyttelsesnivå kan bare brukes for et navngitt land: oppgi landet i `country`, eller bruk `safeguard scc` (standard personvernbestemmelser) eller et annet overføringsgrunnlag etter {Art. 46}",
            "ei avgjerd om tilstrekkeleg vernenivå kan berre brukast for eit namngitt land: oppgi landet i `country`, eller bruk `safeguard scc` (standard personvernføresegner) eller eit anna overføringsgrunnlag etter {Art. 46}",
            "an adequacy decision can only be relied on for a named country: name it in `country`, or use `safeguard scc` (standard contractual clauses) or another safeguard of {Art. 46}",
        ];
        USE_SCC = [
            "bruk `safeguard scc` (standard personvernbestemmelser) eller et annet overføringsgrunnlag etter {Art. 46} for det",
            "bruk `safeguard scc` (standard personvernføresegner) eller eit anna overføringsgrunnlag etter {Art. 46} for det",
            "use `safeguard scc` (standard contractual clauses) or another safeguard of {Art. 46} for it",
        ];
        UNNAMED_COUNTRY = [
            "landet utenfor EØS som ikke er navngitt",
            "landet utanfor EØS som ikkje er namngitt",
            "the country outside the EEA that is not named",
        ];
        NO_DECISION = [
            "Kommisjonen har ingen beslutning om tilstrekkelig beskyttelsesnivå for {what} ({Art. 45(1)}): {instead}",
            "Kommisjonen har inga avgjerd om tilstrekkeleg vernenivå for {what} ({Art. 45(1)}): {instead}",
            "the Commission has no adequacy decision for {what} ({Art. 45(1)}): {instead}",
        ];
        PARTY_COUNTRY = ["landet til parten", "landet til parten", "the party's country"];
    }
}

impl Rule for InvalidAdequacy {
    fn check(&self, model: &Model, report: &mut Report) {
        for party in model.parties.iter().filter(|p| p.is_outside_eea()) {
            let Some(safeguard) = party.safeguard(TransferSafeguard::Adequacy) else {
                continue;
            };
            // An international organisation's one value outside the EEA is itself: adequacy
            // covers it only when its key names an organisation with a decision.
            if let Some(organisation) = &party.international_organisation {
                if organisation.adequacy_decision().is_none() {
                    report.push(Diagnostic::new(
                        &Self::META,
                        safeguard.span,
                        report.say(Self::ORGANISATION, &[("party", &party.id.name)]),
                    ));
                }
                continue;
            }
            let Some(country) = &party.country else {
                continue;
            };
            // A value the claim is about that no decision covers: either adequacy covers none
            // of the party's countries (the claim is simply wrong), or a country is left
            // without any safeguard.
            let adequate = |v: &&CountryValue| crate::vocab::adequacy_decision(&v.code).is_some();
            let claims_nothing = !party.outside_eea().any(|v| adequate(&v));
            let wrong: Vec<&CountryValue> = party
                .outside_eea()
                .filter(|v| !adequate(v) && (claims_nothing || !party.covers(v)))
                .collect();
            if wrong.is_empty() {
                continue;
            }
            let names: Vec<&str> = wrong.iter().map(|v| v.code.as_str()).collect();
            let instead = if names == ["US"] {
                Self::UNITED_STATES
            } else if names.contains(&"outside_eea") {
                Self::NAME_THE_COUNTRY
            } else {
                Self::USE_SCC
            };
            let what = match names.as_slice() {
                ["outside_eea"] => report.say(Self::UNNAMED_COUNTRY, &[]),
                _ => names.join(", "),
            };
            report.push(
                Diagnostic::new(
                    &Self::META,
                    safeguard.span,
                    report.say(
                        Self::NO_DECISION,
                        &[("what", &what), ("instead", &report.say(instead, &[]))],
                    ),
                )
                .with_related(country.span, report.say(Self::PARTY_COUNTRY, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "invalid-adequacy";

    fn party(country: &str) -> String {
        format!("processor x \"X\" {{\n  country {country}\n  safeguard adequacy\n}}\n")
    }

    #[test]
    fn outside_eea_cannot_rest_on_adequacy() {
        let text = |country: &str, extra: &str| {
            format!(
                "processor x \"X\" {{\n  country {country}\n  safeguard adequacy\n  {extra}\n}}\n"
            )
        };
        let found = findings(RULE, &text("outside_eea", ""));
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("named country"), "{}", found[0].1);
        assert_eq!(lines(RULE, &text("CH, outside_eea", "")), vec![3]);
        assert!(
            lines(RULE, &text("CH, outside_eea", "safeguard scc")).is_empty(),
            "scc covers the unnamed country, adequacy the named one"
        );
        assert_eq!(
            lines(RULE, &text("US", "safeguard scc")),
            vec![3],
            "adequacy that covers no country is still a false claim"
        );
        assert!(lines(RULE, &text("JP, US", "safeguard dpf")).is_empty());
    }

    #[test]
    fn countries_with_and_without_decisions() {
        for code in ["US", "IN", "CN", "AU"] {
            assert_eq!(lines(RULE, &party(code)), vec![3], "{code}");
        }
        for code in ["CH", "GB", "JP", "KR", "BR", "CA", "UY", "NZ"] {
            assert!(lines(RULE, &party(code)).is_empty(), "{code}");
        }
    }

    #[test]
    fn inside_the_eea_or_unknown_is_left_to_other_rules() {
        for code in ["SE", "NO", "QQ"] {
            assert!(lines(RULE, &party(code)).is_empty(), "{code}");
        }
    }

    #[test]
    fn suggests_dpf_for_the_united_states() {
        assert!(findings(RULE, &party("US"))[0].1.contains("safeguard dpf"));
    }

    #[test]
    fn an_international_organisation_is_covered_by_its_own_decision_only() {
        let io = |first: &str, rest: &str| {
            format!(
                "recipient io \"IO\" {{\n  {first}\n  {rest}\n  safeguard adequacy\n}}\npurpose p \"P\" {{ recipients io }}\n"
            )
        };
        assert!(lines(RULE, &io("international_organisation epo", "")).is_empty());
        // The seat's decision does not cover the organisation.
        assert_eq!(
            lines(RULE, &io("international_organisation", "country CH")),
            vec![4]
        );
        assert_eq!(lines(RULE, &io("international_organisation", "")), vec![4]);
    }
}
