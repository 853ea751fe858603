use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `purpose` with no `retention`.
    ///
    /// ## Why
    /// The notice must give the period for which the data will be stored or, if that is not
    /// possible, the criteria used to determine it (Art. 13(2)(a), 14(2)(a)).
    ///
    /// ## Example
    /// ```privacy
    /// purpose feedback "Tilbakemeldingar" {
    ///   basis consent
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose feedback "Tilbakemeldingar" {
    ///   basis consent
    ///   retention 6 months
    /// }
    /// ```
    pub struct MissingRetention {
        name: "missing-retention",
        severity: Error,
        scope: Section,
        article: "Art. 13(2)(a), 14(2)(a)",
        fix: Never,
        summary: [
            "et formål uten lagringstid",
            "eit formål utan lagringstid",
            "a purpose without a retention period",
        ],
    }
    messages {
        NO_RETENTION = [
            "formålet `{purpose}` sier ikke hvor lenge opplysningene lagres ({Art. 13(2)(a)}): legg til `retention 90 days`, `retention 5 years after \"hendelse\"` eller `retention until \"hendelse\"`",
            "formålet `{purpose}` seier ikkje kor lenge opplysningane blir lagra ({Art. 13(2)(a)}): legg til `retention 90 days`, `retention 5 years after \"hending\"` eller `retention until \"hending\"`",
            "the purpose `{purpose}` does not say how long the data are kept ({Art. 13(2)(a)}): add `retention 90 days`, `retention 5 years after \"event\"` or `retention until \"event\"`",
        ];
    }
}

impl Rule for MissingRetention {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model
            .purposes
            .iter()
            .filter(|p| !p.written.contains("retention"))
        {
            report.push(Diagnostic::new(
                &Self::META,
                purpose.id.span,
                report.say(Self::NO_RETENTION, &[("purpose", &purpose.id.name)]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-retention";

    #[test]
    fn any_retention_even_unreadable_is_enough() {
        assert_eq!(lines(RULE, "purpose p \"P\"\n"), vec![1]);
        assert!(lines(RULE, "purpose p \"P\" { retention soon }\n").is_empty());
        assert!(lines(RULE, "purpose p \"P\" { retention until \"x\" }\n").is_empty());
    }
}
