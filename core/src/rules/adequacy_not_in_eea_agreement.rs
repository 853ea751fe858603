use crate::diagnostic::Diagnostic;
use crate::lang::Language;
use crate::model::{Model, Place};
use crate::publish::notice::text::country;
use crate::rules::{Report, Rule};
use crate::vocab::{TransferSafeguard, adequacy_decision};

declare_rule! {
    /// ## What it checks
    /// A controller with `country` IS or LI, and a party that a purpose uses with
    /// `safeguard adequacy` for a country whose adequacy decision does not yet apply in that
    /// State: it has not been taken into the EEA Agreement and the State has not applied it (as
    /// privlint's table was last checked: Brazil). Not for a controller in Norway.
    ///
    /// ## Why
    /// The Commission's adequacy decisions are EU acts. In Iceland and Liechtenstein they apply
    /// once the EEA Joint Committee has taken them into Annex XI of the EEA Agreement (GDPR
    /// Art. 45 as adapted by Joint Committee decision 154/2018); until then each State decides
    /// whether to apply a new decision. A controller there cannot rest a transfer on the
    /// decision alone: use an Art. 46 safeguard (`safeguard scc`) meanwhile, or check whether
    /// the State already applies it. Norway applies the Commission's adequacy decisions from
    /// their EU date (personopplysningsforskriften § 2, as the ministry's EEA note on decision
    /// (EU) 2022/254 says), so a controller in Norway may rely on Brazil's decision ((EU)
    /// 2026/179) already. privlint's adequacy table records, for each decision and each of
    /// Norway, Iceland and Liechtenstein, the date from which it applies there and its source;
    /// privlint offers no quick fix that writes `adequacy` where the decision does not apply.
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Reykjavík Banki hf." { country IS }
    /// processor ocr "Textagreining" {
    ///   country BR
    ///   safeguard adequacy
    /// }
    /// purpose p "P" { processors ocr }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Reykjavík Banki hf." { country IS }
    /// processor ocr "Textagreining" {
    ///   country BR
    ///   safeguard scc
    /// }
    /// purpose p "P" { processors ocr }
    /// ```
    pub struct AdequacyNotInEeaAgreement {
        name: "adequacy-not-in-eea-agreement",
        severity: Warning,
        scope: UsedParty,
        article: "Art. 45, 45(1a) as adapted by EEA Joint Committee Decision 154/2018",
        fix: Never,
        summary: [
            "en beslutning om tilstrekkelig beskyttelsesnivå som ennå ikke gjelder i Island eller Liechtenstein, brukt av en behandlingsansvarlig der",
            "ei avgjerd om tilstrekkeleg vernenivå som enno ikkje gjeld i Island eller Liechtenstein, brukt av ein behandlingsansvarleg der",
            "an adequacy decision that does not yet apply in Iceland or Liechtenstein, relied on by a controller there",
        ],
    }
    messages {
        NOT_YET = [
            "beslutningen om tilstrekkelig beskyttelsesnivå for {country} ({decision}) er ikke tatt inn i EØS-avtalen, og {states} har ikke tatt den i bruk (kontrollert {checked}), så en behandlingsansvarlig der kan ikke bygge på den alene ({Art. 45 as adapted by EEA Joint Committee Decision 154/2018}): bruk `safeguard scc` eller et annet overføringsgrunnlag etter {Art. 46} til den gjelder der",
            "avgjerda om tilstrekkeleg vernenivå for {country} ({decision}) er ikkje teken inn i EØS-avtalen, og {states} har ikkje teke ho i bruk (kontrollert {checked}), så ein behandlingsansvarleg der kan ikkje byggje på ho åleine ({Art. 45 as adapted by EEA Joint Committee Decision 154/2018}): bruk `safeguard scc` eller eit anna overføringsgrunnlag etter {Art. 46} til ho gjeld der",
            "the adequacy decision for {country} ({decision}) has not been taken into the EEA Agreement, and {states} has not applied it (as checked on {checked}), so a controller there cannot rely on it alone ({Art. 45 as adapted by EEA Joint Committee Decision 154/2018}): use `safeguard scc` or another safeguard of {Art. 46} until it applies there",
        ];
        NOT_YET_IN_STATES = [
            "beslutningen om tilstrekkelig beskyttelsesnivå for {country} ({decision}) er ikke tatt inn i EØS-avtalen, og {states} har ikke tatt den i bruk (kontrollert {checked}), så en behandlingsansvarlig der kan ikke bygge på den alene ({Art. 45 as adapted by EEA Joint Committee Decision 154/2018}): bruk `safeguard scc` eller et annet overføringsgrunnlag etter {Art. 46} til den gjelder der",
            "avgjerda om tilstrekkeleg vernenivå for {country} ({decision}) er ikkje teken inn i EØS-avtalen, og {states} har ikkje teke ho i bruk (kontrollert {checked}), så ein behandlingsansvarleg der kan ikkje byggje på ho åleine ({Art. 45 as adapted by EEA Joint Committee Decision 154/2018}): bruk `safeguard scc` eller eit anna overføringsgrunnlag etter {Art. 46} til ho gjeld der",
            "the adequacy decision for {country} ({decision}) has not been taken into the EEA Agreement, and {states} have not applied it (as checked on {checked}), so a controller there cannot rely on it alone ({Art. 45 as adapted by EEA Joint Committee Decision 154/2018}): use `safeguard scc` or another safeguard of {Art. 46} until it applies there",
        ];
        AND = ["og", "og", "and"];
        PARTY_COUNTRY = ["landet til parten", "landet til parten", "the party's country"];
    }
}

/// The State's name, for the message.
/// A country's name in the run's language, from the one table of country names.
fn country_name(code: &str, language: Language) -> String {
    match country(code) {
        Some(names) => names.get(language).to_string(),
        None => code.to_string(),
    }
}

impl Rule for AdequacyNotInEeaAgreement {
    fn check(&self, model: &Model, report: &mut Report) {
        let states = model.controller_countries();
        for (party, _) in model.used_parties() {
            let Some(safeguard) = party.safeguard(TransferSafeguard::Adequacy) else {
                continue;
            };
            for value in party
                .outside_eea()
                .filter(|v| v.place == Place::ThirdCountry)
            {
                let Some(decision) = adequacy_decision(&value.code) else {
                    continue;
                };
                let mut not_yet: Vec<String> = Vec::new();
                for state in states.iter().filter(|s| !decision.applies_in(&s.code)) {
                    let name = country_name(&state.code, report.language);
                    if !not_yet.contains(&name) {
                        not_yet.push(name);
                    }
                }
                if not_yet.is_empty() {
                    continue;
                }
                let where_ = not_yet.join(&format!(" {} ", report.say(Self::AND, &[])));
                let phrase = if not_yet.len() == 1 {
                    Self::NOT_YET
                } else {
                    Self::NOT_YET_IN_STATES
                };
                let country = match report.language {
                    // The decision's own name for the country, as written in English.
                    Language::English => decision.name.to_string(),
                    language => country_name(&value.code, language),
                };
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        safeguard.span,
                        report.say(
                            phrase,
                            &[
                                ("country", &country),
                                ("decision", &decision.decision),
                                ("states", &where_),
                                ("checked", &decision.efta.checked),
                            ],
                        ),
                    )
                    .with_related(value.span, report.say(Self::PARTY_COUNTRY, &[])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "adequacy-not-in-eea-agreement";

    fn text(controller: &str, country: &str) -> String {
        format!(
            "controller c \"C\" {{ country {controller} }}\nprocessor x \"X\" {{\n  country {country}\n  safeguard adequacy\n}}\npurpose p \"P\" {{ processors x }}\n"
        )
    }

    #[test]
    fn brazil_for_a_controller_in_iceland_or_liechtenstein_not_norway() {
        for controller in ["IS", "LI", "SE, IS", "NO, LI"] {
            assert_eq!(
                lines(RULE, &text(controller, "BR")),
                vec![4],
                "{controller}"
            );
        }
        // personopplysningsforskriften § 2 applies the decision in Norway from its EU date.
        assert!(lines(RULE, &text("NO", "BR")).is_empty());
        assert!(lines(RULE, &text("SE", "BR")).is_empty());
        assert!(lines(RULE, &text("IS", "CH")).is_empty());
    }

    #[test]
    fn names_the_state_once() {
        let found = findings(RULE, &text("IS, LI, IS", "BR"));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].1.contains("Iceland and Liechtenstein have not"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn no_quick_fix_writes_adequacy_for_brazil_from_iceland() {
        let text = "controller c \"C\" { country IS }\nprocessor x \"X\" {\n  country BR\n}\npurpose p \"P\" { processors x }\n";
        let found = crate::check(text, &crate::Settings::default());
        let transfer = found
            .iter()
            .find(|d| d.rule.name == "transfer-without-safeguard")
            .expect("the transfer is reported");
        assert!(transfer.fix.is_none(), "{:?}", transfer.fix);
        assert!(
            !transfer.message.contains("safeguard adequacy"),
            "{}",
            transfer.message
        );
        for elsewhere in ["country SE", "country NO"] {
            let text = text.replace("country IS", elsewhere);
            let found = crate::check(&text, &crate::Settings::default());
            assert!(found.iter().any(|d| d.fix.is_some()), "{elsewhere}");
        }
    }
}
