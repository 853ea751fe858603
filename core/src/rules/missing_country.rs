use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A processor, recipient or joint controller that a purpose uses and that has no
    /// `country`. Not a recipient flagged `international_organisation`, which is outside the
    /// EEA wherever it sits (its `country`, naming its seat, is optional).
    ///
    /// ## Why
    /// Whether a transfer leaves the EEA, and so needs a safeguard (Art. 44-49), depends on
    /// where the party is. The notice must say whether data go to a third country
    /// (Art. 13(1)(f)), and the record must name it (Art. 30(1)(e)). privlint cannot check the
    /// transfer rules for a party whose country it does not know.
    ///
    /// ## Example
    /// ```privacy
    /// processor hosting "Drift" {
    ///   agreement "DBA-20"
    /// }
    /// purpose p "P" { processors hosting }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor hosting "Drift" {
    ///   country NO
    ///   agreement "DBA-20"
    /// }
    /// purpose p "P" { processors hosting }
    /// ```
    pub struct MissingCountry {
        name: "missing-country",
        severity: Warning,
        scope: UsedParty,
        article: "Art. 13(1)(f), 30(1)(e)",
        fix: Never,
        summary: [
            "en part uten oppgitt land",
            "ein part utan oppgitt land",
            "a party whose country is not given",
        ],
    }
    messages {
        NO_COUNTRY = [
            "for {party} `{id}` er det ikke oppgitt noe land, så det går ikke an å kontrollere om opplysninger går ut av EØS ({Art. 13(1)(f)}): legg til `country` med ISO-koden, som `country NO`",
            "for {party} `{id}` er det ikkje oppgitt noko land, så det går ikkje an å kontrollere om opplysningar går ut av EØS ({Art. 13(1)(f)}): legg til `country` med ISO-koden, som `country NO`",
            "the {party} `{id}` has no country, so whether data leave the EEA cannot be checked ({Art. 13(1)(f)}): add `country` with its ISO code, like `country NO`",
        ];
        PROCESSOR = ["databehandleren", "databehandlaren", "processor"];
        RECIPIENT = ["mottakeren", "mottakaren", "recipient"];
        JOINT_CONTROLLER = ["den felles behandlingsansvarlige", "den felles behandlingsansvarlege", "joint controller"];
        USED_HERE = ["brukt her", "brukt her", "used here"];
    }
}

impl Rule for MissingCountry {
    fn check(&self, model: &Model, report: &mut Report) {
        for (party, used) in model.used_parties() {
            // An international organisation is outside the EEA wherever it sits: its `country`
            // only names its seat, and is optional (language.md §3).
            if party.written.contains("country") || party.international_organisation.is_some() {
                continue;
            }
            report.push(
                Diagnostic::new(
                    &Self::META,
                    party.id.span,
                    report.say(
                        Self::NO_COUNTRY,
                        &[
                            ("party", &report.say(Self::party(party.kind), &[])),
                            ("id", &party.id.name),
                        ],
                    ),
                )
                .with_related(used.span, report.say(Self::USED_HERE, &[])),
            );
        }
    }
}

impl MissingCountry {
    /// The kind of party, as the message names it.
    fn party(kind: Kind) -> crate::lang::T {
        match kind {
            Kind::Processor => Self::PROCESSOR,
            Kind::Recipient => Self::RECIPIENT,
            _ => Self::JOINT_CONTROLLER,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-country";

    #[test]
    fn used_parties_of_every_kind() {
        let text = "processor a \"A\"\nrecipient b \"B\"\njoint_controller c \"C\"\nprocessor unused \"U\"\nprocessor d \"D\" { country QQ }\npurpose p \"P\" { processors a, d; recipients b; joint_controllers c }\n";
        assert_eq!(lines(RULE, text), vec![1, 2, 3]);
    }

    #[test]
    fn not_for_an_international_organisation() {
        let io = "recipient io \"IO\" {\n  international_organisation\n  safeguard scc\n}\npurpose p \"P\" { recipients io }\n";
        assert!(crate::rules::testing::lines("missing-country", io).is_empty());
        let recipient = io.replace("  international_organisation\n", "");
        assert_eq!(
            crate::rules::testing::lines("missing-country", &recipient),
            vec![1]
        );
    }
}
