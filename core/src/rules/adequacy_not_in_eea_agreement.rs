use crate::diagnostic::Diagnostic;
use crate::model::{Model, Place};
use crate::rules::{Report, Rule};
use crate::vocab::{TransferSafeguard, adequacy_decision};

declare_rule! {
    /// ## What it checks
    /// A controller with `country` NO, IS or LI, and a party that a purpose uses with
    /// `safeguard adequacy` for a country whose adequacy decision has not been taken into the
    /// EEA Agreement (as privlint's table was last checked: Brazil).
    ///
    /// ## Why
    /// The Commission's adequacy decisions are EU acts. In Norway, Iceland and Liechtenstein
    /// they bind once the EEA Joint Committee has taken them into Annex XI of the EEA
    /// Agreement. Until then a controller there cannot rest a transfer on the decision alone:
    /// use an Art. 46 safeguard (`safeguard scc`) meanwhile, or check whether national law or
    /// the supervisory authority already lets you rely on it. Brazil's decision ((EU) 2026/179)
    /// was pending in the EEA when the table was last checked. privlint offers no quick fix
    /// that writes `adequacy` for such a country.
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Fjordbanken ASA" { country NO }
    /// processor ocr "Tekstgjenkjenning" {
    ///   country BR
    ///   safeguard adequacy
    /// }
    /// purpose p "P" { processors ocr }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Fjordbanken ASA" { country NO }
    /// processor ocr "Tekstgjenkjenning" {
    ///   country BR
    ///   safeguard scc
    /// }
    /// purpose p "P" { processors ocr }
    /// ```
    pub struct AdequacyNotInEeaAgreement {
        name: "adequacy-not-in-eea-agreement",
        severity: Warning,
        article: "Art. 45, EEA Agreement Annex XI",
        summary: "an adequacy decision not yet part of the EEA Agreement, relied on from Norway, Iceland or Liechtenstein",
        fix: Never,
    }
}

impl Rule for AdequacyNotInEeaAgreement {
    fn check(&self, model: &Model, report: &mut Report) {
        if !model.controller_in_eea_efta() {
            return;
        }
        for (party, _) in model.used_parties() {
            let Some(safeguard) = party.safeguard(TransferSafeguard::Adequacy) else {
                continue;
            };
            let pending = party.outside_eea().filter_map(|v| {
                let decision = adequacy_decision(&v.code)?;
                (v.place == Place::ThirdCountry && !decision.applies_in_eea_efta())
                    .then_some(decision)
            });
            for decision in pending {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        safeguard.span,
                        format!(
                            "the adequacy decision for {} ({}) has not been taken into the EEA Agreement (as checked on {}), so a controller in Norway, Iceland or Liechtenstein cannot rely on it alone: use `safeguard scc` or another safeguard of Art. 46 until it is",
                            decision.name, decision.decision, decision.checked
                        ),
                    )
                    .with_related(party.country.as_ref().map_or(party.id.span, |c| c.span), "the party's country"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "adequacy-not-in-eea-agreement";

    fn text(controller: &str, country: &str) -> String {
        format!(
            "controller c \"C\" {{ country {controller} }}\nprocessor x \"X\" {{\n  country {country}\n  safeguard adequacy\n}}\npurpose p \"P\" {{ processors x }}\n"
        )
    }

    #[test]
    fn brazil_for_a_controller_in_the_eea_efta_states_only() {
        for controller in ["NO", "IS", "LI", "SE, NO"] {
            assert_eq!(
                lines(RULE, &text(controller, "BR")),
                vec![4],
                "{controller}"
            );
        }
        assert!(lines(RULE, &text("SE", "BR")).is_empty());
        assert!(lines(RULE, &text("NO", "CH")).is_empty());
    }

    #[test]
    fn no_quick_fix_writes_adequacy_for_brazil_from_norway() {
        let text = "controller c \"C\" { country NO }\nprocessor x \"X\" {\n  country BR\n}\npurpose p \"P\" { processors x }\n";
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
        let from_sweden = text.replace("country NO", "country SE");
        let found = crate::check(&from_sweden, &crate::Settings::default());
        assert!(found.iter().any(|d| d.fix.is_some()));
    }
}
