use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `purpose` with no `data`.
    ///
    /// ## Why
    /// Where data are not obtained from the person, the notice must list the categories of
    /// data concerned (Art. 14(1)(d)); the record of processing must describe them for every
    /// purpose (Art. 30(1)(c)). A purpose that processes no data is not a purpose.
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
    /// category contact "Kontakt"
    /// purpose feedback "Tilbakemeldingar" {
    ///   basis consent
    ///   data contact
    /// }
    /// ```
    pub struct MissingDataCategories {
        name: "missing-data-categories",
        severity: Warning,
        scope: Section,
        article: "Art. 14(1)(d), 30(1)(c)",
        fix: Never,
        summary: [
            "et formål som ikke nevner noen kategorier av personopplysninger",
            "eit formål som ikkje nemner nokon kategoriar av personopplysningar",
            "a purpose that names no categories of data",
        ],
    }
    messages {
        NO_DATA = [
            "formålet `{purpose}` nevner ingen kategorier av personopplysninger ({Art. 14(1)(d), 30(1)(c)}): legg til `data` med ID-ene til kategoriene formålet bruker",
            "formålet `{purpose}` nemner ingen kategoriar av personopplysningar ({Art. 14(1)(d), 30(1)(c)}): legg til `data` med ID-ane til kategoriane formålet brukar",
            "the purpose `{purpose}` names no categories of personal data ({Art. 14(1)(d), 30(1)(c)}): add `data` with the IDs of the categories it uses",
        ];
    }
}

impl Rule for MissingDataCategories {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model
            .purposes
            .iter()
            .filter(|p| !p.written.contains("data"))
        {
            report.push(Diagnostic::new(
                &Self::META,
                purpose.id.span,
                report.say(Self::NO_DATA, &[("purpose", &purpose.id.name)]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-data-categories";

    #[test]
    fn a_data_field_even_with_an_undefined_category_is_enough() {
        assert_eq!(lines(RULE, "purpose p \"P\"\n"), vec![1]);
        assert!(lines(RULE, "purpose p \"P\" { data nothing_defined }\n").is_empty());
    }
}
