use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::TransferSafeguard;

declare_rule! {
    /// ## What it checks
    /// `safeguard derogation` on a party outside the EEA.
    ///
    /// ## Why
    /// The derogations of Art. 49(1) (explicit consent, a contract, legal claims, …) are
    /// exceptions for specific, occasional transfers, to be interpreted restrictively (EDPB
    /// Guidelines 2/2018). A processor or recipient used routinely needs an adequacy decision or
    /// an Art. 46 safeguard. If the transfer really is occasional, suppress this rule and give
    /// the reason.
    ///
    /// ## Example
    /// ```privacy
    /// processor helpdesk "Brukerstøtte" {
    ///   country IN
    ///   safeguard derogation "nødvendig for å oppfylle avtalen"
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor helpdesk "Brukerstøtte" {
    ///   country IN
    ///   safeguard scc
    /// }
    /// ```
    pub struct DerogationTransfer {
        name: "derogation-transfer",
        severity: Warning,
        article: "Art. 49(1)",
        summary: "a derogation used as the safeguard for a routine transfer",
        fix: Never,
    }
}

impl Rule for DerogationTransfer {
    fn check(&self, model: &Model, report: &mut Report) {
        for party in model.parties.iter().filter(|p| p.is_outside_eea()) {
            for safeguard in party
                .safeguards
                .iter()
                .filter(|s| s.kind == TransferSafeguard::Derogation)
            {
                report.push(Diagnostic::new(
                    &Self::META,
                    safeguard.span,
                    format!(
                        "derogations (Art. 49(1)) are for occasional transfers, not for a {} used routinely: use `safeguard scc` or another safeguard of Art. 46; if the transfer is occasional, say so in `# privlint: allow derogation-transfer -- reason`",
                        party.kind.keyword().replace('_', " ")
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "derogation-transfer";

    #[test]
    fn outside_the_eea_only() {
        let text = |c: &str| {
            format!("processor x \"X\" {{\n  country {c}\n  safeguard derogation \"r\"\n}}\n")
        };
        assert_eq!(lines(RULE, &text("IN")), vec![3]);
        assert!(lines(RULE, &text("NO")).is_empty());
    }
}
