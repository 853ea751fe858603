use crate::diagnostic::Diagnostic;
use crate::model::{Model, RetentionPeriod};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// `retention indefinite`.
    ///
    /// ## Why
    /// Data must be kept no longer than necessary for the purpose (storage limitation,
    /// Art. 5(1)(e)). Keeping data forever is lawful only in narrow cases, such as archiving in
    /// the public interest under an archive law (Art. 89): then suppress this rule and give the
    /// law as the reason, `# privlint: allow indefinite-retention -- arkivlova § 6`.
    ///
    /// ## Example
    /// ```privacy
    /// purpose registry "Register" {
    ///   retention indefinite "arkivplikt"
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose registry "Register" {
    ///   retention 10 years after "saka er avslutta"
    /// }
    /// ```
    pub struct IndefiniteRetention {
        name: "indefinite-retention",
        severity: Warning,
        scope: Definition,
        article: "Art. 5(1)(e)",
        fix: Never,
        summary: [
            "opplysninger som lagres uten tidsgrense",
            "opplysningar som blir lagra utan tidsgrense",
            "data kept indefinitely",
        ],
    }
    messages {
        INDEFINITE = [
            "opplysninger skal ikke lagres lenger enn formålet krever ({Art. 5(1)(e)}): oppgi en periode eller når lagringen slutter, som `retention 10 years after \"hendelse\"`; hvis en lov krever at de lagres for alltid, skriv det i `# privlint: allow indefinite-retention -- loven`",
            "opplysningar skal ikkje lagrast lenger enn formålet krev ({Art. 5(1)(e)}): oppgi ein periode eller når lagringa sluttar, som `retention 10 years after \"hending\"`; viss ei lov krev at dei blir lagra for alltid, skriv det i `# privlint: allow indefinite-retention -- lova`",
            "data may be kept no longer than the purpose needs ({Art. 5(1)(e)}): give a period or an end, like `retention 10 years after \"event\"`; if a law requires keeping them for ever, say so in `# privlint: allow indefinite-retention -- the law`",
        ];
    }
}

impl Rule for IndefiniteRetention {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            if let Some(retention) = &purpose.retention
                && let RetentionPeriod::Indefinite(_) = retention.period
                // camera-retention's finding on this retention, not this one (no cascade).
                && !model.camera_retention_too_long(purpose)
            {
                report.push(Diagnostic::new(
                    &Self::META,
                    retention.span,
                    report.say(Self::INDEFINITE, &[]),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "indefinite-retention";

    #[test]
    fn only_indefinite_retention() {
        assert_eq!(
            lines(RULE, "purpose p \"P\" {\n  retention indefinite\n}\n"),
            vec![2]
        );
        assert!(lines(RULE, "purpose p \"P\" {\n  retention 100 years\n}\n").is_empty());
    }
}
