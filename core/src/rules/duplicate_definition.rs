use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// An ID defined twice. All IDs of a file share one namespace, so a category and a
    /// processor cannot have the same ID. The first definition counts; the second is ignored.
    ///
    /// ## Why
    /// A purpose that names the ID would be ambiguous.
    ///
    /// ## Example
    /// ```privacy
    /// category contact "Kontakt"
    /// category contact "Kontakt igjen"
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category contact "Kontakt"
    /// category contact_history "Kontakthistorikk"
    /// ```
    pub struct DuplicateDefinition {
        name: "duplicate-definition",
        severity: Error,
        scope: Declaration,
        article: "",
        fix: Never,
        summary: [
            "en ID som er definert to ganger",
            "ein ID som er definert to gonger",
            "an ID defined twice",
        ],
    }
    messages {
        DEFINED_TWICE = [
            "`{id}` er allerede definert; denne definisjonen blir ikke brukt: gi den en annen ID",
            "`{id}` er alt definert; denne definisjonen blir ikkje brukt: gi han ein annan ID",
            "`{id}` is already defined; this definition is ignored: give it another ID",
        ];
        FIRST_DEFINED = ["først definert her", "først definert her", "first defined here"];
    }
}

impl Rule for DuplicateDefinition {
    fn check(&self, model: &Model, report: &mut Report) {
        for duplicate in &model.duplicates {
            report.push(
                Diagnostic::new(
                    &Self::META,
                    duplicate.span,
                    report.say(Self::DEFINED_TWICE, &[("id", &duplicate.name)]),
                )
                .with_related(duplicate.first, report.say(Self::FIRST_DEFINED, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    #[test]
    fn the_second_definition_is_reported_and_ignored() {
        let text =
            "category a \"A\"\nprocessor a \"P\" { country ZZ }\npurpose p \"P\" { data a }\n";
        assert_eq!(lines("duplicate-definition", text), vec![2]);
        // The ignored processor's content is not checked, and `a` resolves to the category.
        assert!(lines("unknown-country", text).is_empty());
        assert!(lines("unknown-reference", text).is_empty());
    }
}
