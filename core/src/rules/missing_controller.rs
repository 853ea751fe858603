use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::text::Span;

declare_rule! {
    /// ## What it checks
    /// A file with no `controller`.
    ///
    /// ## Why
    /// A declaration is made by one controller, whose identity and contact details the notice
    /// must give (Art. 13(1)(a), 14(1)(a)).
    ///
    /// ## Example
    /// ```privacy
    /// category contact "Kontakt"
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller fjordbanken "Fjordbanken ASA" {
    ///   email "post@fjordbanken.example"
    /// }
    /// ```
    pub struct MissingController {
        name: "missing-controller",
        severity: Error,
        scope: Declaration,
        article: "",
        fix: Never,
        summary: [
            "filen har ingen behandlingsansvarlig",
            "fila har ingen behandlingsansvarleg",
            "the file has no controller",
        ],
    }
    messages {
        NO_CONTROLLER = [
            "erklæringen har ingen `controller`: legg til `controller ID \"Juridisk navn\" {{ … }}` med kontaktopplysningene til den behandlingsansvarlige ({Art. 13(1)(a)})",
            "erklæringa har ingen `controller`: legg til `controller ID \"Juridisk namn\" {{ … }}` med kontaktopplysningane til den behandlingsansvarlege ({Art. 13(1)(a)})",
            "the declaration has no `controller`: add `controller ID \"Legal name\" {{ … }}` with the controller's contact details ({Art. 13(1)(a)})",
        ];
    }
}

impl Rule for MissingController {
    fn check(&self, model: &Model, report: &mut Report) {
        if model.controllers.is_empty() {
            report.push(Diagnostic::new(
                &Self::META,
                Span::new(0, 0),
                report.say(Self::NO_CONTROLLER, &[]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    #[test]
    fn fires_once_at_the_start() {
        assert_eq!(
            lines("missing-controller", "\n\ncategory c \"C\"\n"),
            vec![1]
        );
        assert_eq!(lines("missing-controller", ""), vec![1]);
        assert!(lines("missing-controller", "controller c \"C\"\n").is_empty());
    }
}
