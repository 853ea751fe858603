use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::Vocabulary;

declare_rule! {
    /// ## What it checks
    /// A `safeguard` on a processor, recipient or joint controller whose country is in the EEA.
    ///
    /// ## Why
    /// Chapter V (Art. 44) governs transfers to third countries. Within the EEA (the 27 EU
    /// states plus Iceland, Liechtenstein and Norway) data move freely, and a safeguard suggests
    /// the country is wrong or the notice is confused about where data go.
    ///
    /// ## Example
    /// ```privacy
    /// processor backup "Sikkerhetskopi" {
    ///   country SE
    ///   safeguard scc
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor backup "Sikkerhetskopi" {
    ///   country SE
    /// }
    /// ```
    pub struct UnneededSafeguard {
        name: "unneeded-safeguard",
        severity: Info,
        scope: Section,
        article: "Art. 44",
        fix: Never,
        summary: [
            "et overføringsgrunnlag for en part i EØS",
            "eit overføringsgrunnlag for ein part i EØS",
            "a transfer safeguard for a party inside the EEA",
        ],
    }
    messages {
        IN_EEA = [
            "`{party}` er i EØS, der det ikke trengs noe overføringsgrunnlag ({Art. 44}): fjern `safeguard {safeguard}`, eller rett landet",
            "`{party}` er i EØS, der det ikkje trengst noko overføringsgrunnlag ({Art. 44}): fjern `safeguard {safeguard}`, eller rett landet",
            "`{party}` is in the EEA, where no transfer safeguard is needed ({Art. 44}): remove `safeguard {safeguard}`, or correct the country",
        ];
        PARTY_COUNTRY = ["landet til parten", "landet til parten", "the party's country"];
    }
}

impl Rule for UnneededSafeguard {
    fn check(&self, model: &Model, report: &mut Report) {
        for party in model.parties.iter().filter(|p| p.is_inside_eea()) {
            let Some(country) = &party.country else {
                continue;
            };
            for safeguard in &party.safeguards {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        safeguard.span,
                        report.say(
                            Self::IN_EEA,
                            &[
                                ("party", &party.id.name),
                                ("safeguard", &safeguard.kind.word()),
                            ],
                        ),
                    )
                    .with_related(country.span, report.say(Self::PARTY_COUNTRY, &[])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "unneeded-safeguard";

    #[test]
    fn inside_the_eea_only() {
        let text = |c: &str| format!("processor x \"X\" {{\n  country {c}\n  safeguard scc\n}}\n");
        for code in ["SE", "NO", "IS", "LI", "DE"] {
            assert_eq!(lines(RULE, &text(code)), vec![3], "{code}");
        }
        for code in ["CH", "GB", "US", "QQ"] {
            assert!(lines(RULE, &text(code)).is_empty(), "{code}");
        }
    }
}
