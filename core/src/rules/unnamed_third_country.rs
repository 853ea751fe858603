use crate::diagnostic::Diagnostic;
use crate::model::{Model, Place};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A processor, recipient or joint controller that a purpose uses and whose `country`
    /// includes `outside_eea`. Not a recipient flagged `international_organisation`: its label
    /// identifies it, and `outside_eea` names only its seat.
    ///
    /// ## Why
    /// `outside_eea` says that data leave the EEA without saying where — honest when a notice
    /// says "a bank abroad", but the record of processing must identify the third country
    /// (Art. 30(1)(e)), and people have the right to know it when they ask (Art. 15(2)). An
    /// adequacy decision can only be relied on for a named country. Name the country when you
    /// know it.
    ///
    /// ## Example
    /// ```privacy
    /// recipient foreign_bank "Utenlandsk bank" {
    ///   country outside_eea
    ///   safeguard scc
    /// }
    /// purpose p "P" { recipients foreign_bank }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// recipient foreign_bank "Utenlandsk bank" {
    ///   country CH
    ///   safeguard adequacy
    /// }
    /// purpose p "P" { recipients foreign_bank }
    /// ```
    pub struct UnnamedThirdCountry {
        name: "unnamed-third-country",
        severity: Info,
        scope: UsedParty,
        article: "Art. 30(1)(e), 15(2)",
        fix: Never,
        summary: [
            "en overføring til et tredjeland som ikke er navngitt",
            "ei overføring til eit tredjeland som ikkje er namngitt",
            "a transfer to a third country that is not named",
        ],
    }
    messages {
        UNNAMED = [
            "`{party}` mottar opplysninger et sted utenfor EØS, men landet er ikke navngitt: protokollen skal identifisere det ({Art. 30(1)(e)}), og de registrerte kan be om å få vite det ({Art. 15(2)}); skriv ISO-koden i `country` når du kjenner den",
            "`{party}` tek imot opplysningar ein stad utanfor EØS, men landet er ikkje namngitt: protokollen skal identifisere det ({Art. 30(1)(e)}), og dei registrerte kan be om å få vite det ({Art. 15(2)}); skriv ISO-koden i `country` når du kjenner han",
            "`{party}` receives data somewhere outside the EEA, but the country is not named: the record of processing must identify it ({Art. 30(1)(e)}) and people may ask for it ({Art. 15(2)}); write its ISO code in `country` when you know it",
        ];
    }
}

impl Rule for UnnamedThirdCountry {
    fn check(&self, model: &Model, report: &mut Report) {
        for (party, _) in model.used_parties() {
            // An international organisation's label identifies it; `outside_eea` names only its
            // seat, and `outside_eea()` gives no value of its country.
            let unnamed = party
                .outside_eea()
                .filter(|v| v.place == Place::SomewhereOutsideEea);
            for value in unnamed {
                report.push(Diagnostic::new(
                    &Self::META,
                    value.span,
                    report.say(Self::UNNAMED, &[("party", &party.id.name)]),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "unnamed-third-country";

    #[test]
    fn at_the_word_for_used_parties() {
        let text = |country: &str, used: &str| {
            format!("recipient r \"R\" {{\n  country {country}\n  safeguard scc\n}}\n{used}")
        };
        let used = "purpose p \"P\" { recipients r }\n";
        assert_eq!(lines(RULE, &text("NO, outside_eea", used)), vec![2]);
        assert!(lines(RULE, &text("US", used)).is_empty());
        assert!(lines(RULE, &text("outside_eea", "")).is_empty());
    }

    #[test]
    fn not_for_an_international_organisation() {
        let text = "recipient io \"IO\" {\n  international_organisation\n  country outside_eea\n  safeguard scc\n}\npurpose p \"P\" { recipients io }\n";
        assert!(crate::rules::testing::lines("unnamed-third-country", text).is_empty());
        let party = text.replace("  international_organisation\n", "");
        assert_eq!(
            crate::rules::testing::lines("unnamed-third-country", &party),
            vec![2]
        );
    }
}
