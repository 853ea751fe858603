use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};
use crate::text::Span;

declare_rule! {
    /// ## What it checks
    /// A processor, recipient or joint controller that a purpose uses, whose `country` is
    /// outside the EEA, and that has no `safeguard`; likewise a recipient flagged
    /// `international_organisation`, which is outside the EEA wherever it sits (Art. 44). The
    /// finding is at the `country`, or at the organisation's ID when it has none.
    ///
    /// ## Why
    /// Personal data may leave the EEA only under the conditions of Chapter V (Art. 44): an
    /// adequacy decision (Art. 45, `adequacy`, or `dpf` for certified US organisations),
    /// appropriate safeguards (Art. 46: `scc`, `bcr`, `code_of_conduct`, `certification`,
    /// `ad_hoc_clauses`) or, for occasional transfers, a derogation (Art. 49). The notice must
    /// name the safeguard (Art. 13(1)(f)). The EEA is the 27 EU states plus Iceland,
    /// Liechtenstein and Norway.
    ///
    /// Where the person asked for the transfer (a payment to a foreign bank, a booking abroad)
    /// and no instrument of Art. 45 or 46 can be had with that recipient or joint controller,
    /// the ground may be the contract with the person, `safeguard derogation contract "…"`
    /// (Art. 49(1)(b)), or one concluded in their interest, `contract_in_interest` (Art.
    /// 49(1)(c)), for occasional transfers necessary for it. The message says so; no quick fix
    /// writes a derogation, which only the controller can judge. A processor is used in the
    /// normal course and may not rest on a derogation (`derogation-transfer`).
    ///
    /// ## Example
    /// ```privacy
    /// processor mail "Campaign Monitor" {
    ///   country US
    /// }
    /// purpose p "P" { processors mail }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor mail "Campaign Monitor" {
    ///   country US
    ///   safeguard dpf
    /// }
    /// purpose p "P" { processors mail }
    /// ```
    pub struct TransferWithoutSafeguard {
        name: "transfer-without-safeguard",
        severity: Error,
        scope: UsedParty,
        article: "Art. 44, 46(1)",
        fix: Sometimes,
        summary: [
            "en overføring ut av EØS uten overføringsgrunnlag",
            "ei overføring ut av EØS utan overføringsgrunnlag",
            "a transfer outside the EEA without a safeguard",
        ],
    }
    messages {
        NO_SAFEGUARD = [
            "opplysninger går til `{party}` i {place}, uten overføringsgrunnlag ({Art. 44, 46(1)}): legg til {hint}{asked_for}",
            "opplysningar går til `{party}` i {place}, utan overføringsgrunnlag ({Art. 44, 46(1)}): legg til {hint}{asked_for}",
            "data go to `{party}` in {place}, with no safeguard ({Art. 44, 46(1)}): add {hint}{asked_for}",
        ];
        ORGANISATION_ADEQUACY = [
            "`safeguard adequacy` (Kommisjonen har en beslutning om tilstrekkelig beskyttelsesnivå for denne organisasjonen)",
            "`safeguard adequacy` (Kommisjonen har ei avgjerd om tilstrekkeleg vernenivå for denne organisasjonen)",
            "`safeguard adequacy` (the Commission has an adequacy decision for this organisation)",
        ];
        ORGANISATION_SAFEGUARD = [
            "et overføringsgrunnlag etter {Art. 46} – mellom offentlige organer et rettslig bindende instrument, `safeguard public_instrument` ({Art. 46(2)(a)}), eller en administrativ ordning, `administrative_arrangement` ({Art. 46(3)(b)}); ellers `scc`",
            "eit overføringsgrunnlag etter {Art. 46} – mellom offentlege organ eit rettsleg bindande instrument, `safeguard public_instrument` ({Art. 46(2)(a)}), eller ei administrativ ordning, `administrative_arrangement` ({Art. 46(3)(b)}); elles `scc`",
            "a safeguard of {Art. 46} — between public bodies a legally binding instrument, `safeguard public_instrument` ({Art. 46(2)(a)}), or an administrative arrangement, `administrative_arrangement` ({Art. 46(3)(b)}); otherwise `scc`",
        ];
        UNITED_STATES = [
            "`safeguard dpf` hvis organisasjonen er sertifisert under Data Privacy Framework, ellers `safeguard scc`",
            "`safeguard dpf` viss organisasjonen er sertifisert under Data Privacy Framework, elles `safeguard scc`",
            "`safeguard dpf` if the organisation is certified under the Data Privacy Framework, otherwise `safeguard scc`",
        ];
        COUNTRY_ADEQUACY = [
            "`safeguard adequacy` (Kommisjonen har en beslutning om tilstrekkelig beskyttelsesnivå for dette landet)",
            "`safeguard adequacy` (Kommisjonen har ei avgjerd om tilstrekkeleg vernenivå for dette landet)",
            "`safeguard adequacy` (the Commission has an adequacy decision for this country)",
        ];
        SCC = [
            "`safeguard scc` (standard personvernbestemmelser) eller et annet overføringsgrunnlag etter {Art. 46}",
            "`safeguard scc` (standard personvernføresegner) eller eit anna overføringsgrunnlag etter {Art. 46}",
            "`safeguard scc` (standard contractual clauses) or another safeguard of {Art. 46}",
        ];
        ORGANISATION_PLACE = [
            "en internasjonal organisasjon, som er utenfor EØS uansett hvor den holder til",
            "ein internasjonal organisasjon, som er utanfor EØS same kvar han held til",
            "an international organisation, outside the EEA wherever it sits",
        ];
        UNNAMED_PLACE = ["et land utenfor EØS", "eit land utanfor EØS", "a country outside the EEA"];
        COUNTRIES_PLACE = ["{countries}, utenfor EØS", "{countries}, utanfor EØS", "{countries}, outside the EEA"];
        ASKED_FOR = [
            "; der personen har bedt om overføringen (en betaling til en utenlandsk bank, en bestilling i utlandet) og ingen ordning etter {Art. 45} eller 46 er mulig med denne mottakeren, kan `safeguard derogation contract \"…\"` ({Art. 49(1)(b)}) eller `contract_in_interest` ({Art. 49(1)(c)}) være grunnlaget, for enkeltstående overføringer som er nødvendige for den avtalen",
            "; der personen har bede om overføringa (ei betaling til ein utanlandsk bank, ei bestilling i utlandet) og inga ordning etter {Art. 45} eller 46 er mogleg med denne mottakaren, kan `safeguard derogation contract \"…\"` ({Art. 49(1)(b)}) eller `contract_in_interest` ({Art. 49(1)(c)}) vere grunnlaget, for einskilde overføringar som er naudsynte for den avtalen",
            "; where the person asked for the transfer (a payment to a foreign bank, a booking abroad) and no instrument of {Art. 45} or 46 can be had with this recipient, `safeguard derogation contract \"…\"` ({Art. 49(1)(b)}) or `contract_in_interest` ({Art. 49(1)(c)}) may be the ground, for occasional transfers necessary for that contract",
        ];
        TRANSFER_HERE = ["overføringen skjer her", "overføringa skjer her", "the transfer happens here"];
        ADD_ADEQUACY = ["Legg til `safeguard adequacy`", "Legg til `safeguard adequacy`", "Add `safeguard adequacy`"];
    }
}

impl Rule for TransferWithoutSafeguard {
    fn check(&self, model: &Model, report: &mut Report) {
        for (party, used) in model.used_parties() {
            if !party.is_outside_eea() || party.written.contains("safeguard") {
                continue;
            }
            // At the country; an international organisation may have none, then at its ID.
            let Some(anchor) = party.country.as_ref().map(|c| c.span).or_else(|| {
                party
                    .international_organisation
                    .as_ref()
                    .map(|_| party.id.span)
            }) else {
                continue;
            };
            let organisation = party.international_organisation.as_ref();
            let outside: Vec<&str> = party.outside_eea().map(|v| v.code.as_str()).collect();
            // An adequacy decision the controller can rely on covers every country outside; an
            // organisation's own decision covers it.
            let adequate = match organisation {
                Some(organisation) => organisation.adequacy_decision().is_some_and(|d| {
                    model
                        .controller_countries()
                        .iter()
                        .all(|state| d.applies_in(&state.code))
                }),
                None => outside.iter().all(|code| model.adequacy_applies(code)),
            };
            let hint = if organisation.is_some() {
                if adequate {
                    Self::ORGANISATION_ADEQUACY
                } else {
                    Self::ORGANISATION_SAFEGUARD
                }
            } else if outside == ["US"] {
                Self::UNITED_STATES
            } else if adequate {
                Self::COUNTRY_ADEQUACY
            } else {
                Self::SCC
            };
            let place = match (organisation, outside.as_slice()) {
                (Some(_), _) => report.say(Self::ORGANISATION_PLACE, &[]),
                (None, ["outside_eea"]) => report.say(Self::UNNAMED_PLACE, &[]),
                (None, codes) => {
                    report.say(Self::COUNTRIES_PLACE, &[("countries", &codes.join(", "))])
                }
            };
            // A transfer the person asked for may rest on a contract derogation where nothing of
            // Art. 45 is at hand, but never one to a processor, which is used in the normal
            // course (derogation-transfer).
            let asked_for = if party.kind == Kind::Processor || adequate {
                String::new()
            } else {
                report.say(Self::ASKED_FOR, &[])
            };
            let diagnostic = Diagnostic::new(
                &Self::META,
                anchor,
                report.say(
                    Self::NO_SAFEGUARD,
                    &[
                        ("party", &party.id.name),
                        ("place", &place),
                        ("hint", &report.say(hint, &[])),
                        ("asked_for", &asked_for),
                    ],
                ),
            )
            .with_related(used.span, report.say(Self::TRANSFER_HERE, &[]));
            let add_adequacy = report.say(Self::ADD_ADEQUACY, &[]);
            // Only where the law leaves one answer: an adequacy decision that applies to this
            // controller covers the country. Which Art. 46 instrument is used elsewhere is a
            // fact the tool cannot know. The edit goes after the `country` statement, so an
            // organisation without one gets no fix (its ID is no place to write a statement).
            report.push(match (&party.country, adequate) {
                (Some(country), true) => diagnostic.with_fix(
                    add_adequacy,
                    vec![Edit {
                        span: Span::new(country.span.end, country.span.end),
                        text: "; safeguard adequacy".into(),
                    }],
                ),
                _ => diagnostic,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "transfer-without-safeguard";

    fn party(country: &str, extra: &str) -> String {
        format!(
            "processor x \"X\" {{\n  {country}\n  {extra}\n}}\npurpose p \"P\" {{ processors x }}\n"
        )
    }

    #[test]
    fn outside_the_eea_without_a_safeguard() {
        assert_eq!(lines(RULE, &party("country US", "")), vec![2]);
        assert_eq!(
            lines(RULE, &party("country CH", "")),
            vec![2],
            "adequacy must still be claimed"
        );
        assert!(lines(RULE, &party("country US", "safeguard scc")).is_empty());
        assert!(
            lines(RULE, &party("country US", "safeguard nonsense")).is_empty(),
            "already invalid-value"
        );
    }

    #[test]
    fn one_country_outside_among_eea_ones_is_a_transfer() {
        assert_eq!(lines(RULE, &party("country NO, SE, US", "")), vec![2]);
        assert_eq!(lines(RULE, &party("country eea, outside_eea", "")), vec![2]);
        assert!(lines(RULE, &party("country NO, SE, eea, RE, AX", "")).is_empty());
        assert!(
            lines(RULE, &party("country NO, QQ", "")).is_empty(),
            "an unknown code is neither inside nor outside"
        );
        let message = &findings(RULE, &party("country NO, SE, US, IN", ""))[0].1;
        assert!(message.contains("in US, IN, outside the EEA"), "{message}");
    }

    #[test]
    fn inside_the_eea_or_unknown_is_not_a_transfer() {
        for country in [
            "country NO",
            "country IS",
            "country LI",
            "country SE",
            "country QQ",
            "",
        ] {
            assert!(lines(RULE, &party(country, "")).is_empty(), "{country}");
        }
    }

    #[test]
    fn unused_parties_transfer_nothing() {
        assert!(lines(RULE, "processor x \"X\" { country US }\n").is_empty());
    }

    #[test]
    fn names_the_contract_derogations_for_a_recipient_but_not_a_processor() {
        let recipient =
            "recipient bank \"Banken\" {\n  country IN\n}\npurpose p \"P\" { recipients bank }\n";
        let message = &findings(RULE, recipient)[0].1;
        assert!(message.contains("a payment to a foreign bank"), "{message}");
        assert!(
            message.contains("`safeguard derogation contract \"…\"` (Art. 49(1)(b))")
                && message.contains("`contract_in_interest` (Art. 49(1)(c))"),
            "{message}"
        );
        let found = crate::check(recipient, &crate::Settings::default());
        let finding = found.iter().find(|d| d.rule.name == RULE).unwrap();
        assert!(finding.fix.is_none(), "no quick fix writes a derogation");
        let processor = &findings(RULE, &party("country IN", ""))[0].1;
        assert!(!processor.contains("derogation"), "{processor}");
    }

    #[test]
    fn suggests_dpf_for_the_united_states_and_adequacy_where_there_is_a_decision() {
        assert!(
            findings(RULE, &party("country US", ""))[0]
                .1
                .contains("dpf")
        );
        assert!(
            findings(RULE, &party("country JP", ""))[0]
                .1
                .contains("adequacy")
        );
        assert!(
            findings(RULE, &party("country IN", ""))[0]
                .1
                .contains("scc")
        );
    }

    fn organisation(body: &str) -> String {
        format!(
            "recipient io \"IO\" {{\n  international_organisation\n  {body}\n}}\npurpose p \"P\" {{ recipients io }}\n"
        )
    }

    #[test]
    fn an_international_organisation_is_outside_the_eea_wherever_it_sits() {
        // Without a country, at its ID; with one, at the country, even in the EEA.
        assert_eq!(lines(RULE, &organisation("")), vec![1]);
        assert_eq!(lines(RULE, &organisation("country CH")), vec![3]);
        assert_eq!(lines(RULE, &organisation("country NL")), vec![3]);
        assert!(lines(RULE, &organisation("safeguard public_instrument")).is_empty());
        let finding = &crate::check(&organisation(""), &crate::Settings::default())
            .into_iter()
            .find(|d| d.rule.name == RULE)
            .unwrap();
        assert!(
            finding.message.contains("international organisation"),
            "{}",
            finding.message
        );
        assert!(
            finding.fix.is_none(),
            "no statement can be written after the ID"
        );
    }
}
