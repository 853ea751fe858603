use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// More than one `controller` in a file.
    ///
    /// ## Why
    /// A declaration describes the processing of one controller (Art. 4(7), 13(1)(a)). Keep
    /// the controller of this declaration and move the other to a declaration of its own. If
    /// the two really decide the purposes and means together, they are joint controllers (Art.
    /// 26) — a fact to establish, with an arrangement between them, not a way to merge files.
    ///
    /// ## Example
    /// ```privacy
    /// controller bank "Banken ASA" { email "post@bank.example" }
    /// controller forsikring "Forsikring AS" { email "post@forsikring.example" }
    /// ```
    ///
    /// ## Fix
    /// This file keeps one controller; the other has a declaration of its own.
    /// ```privacy
    /// controller bank "Banken ASA" { email "post@bank.example" }
    /// ```
    pub struct DuplicateController {
        name: "duplicate-controller",
        severity: Error,
        scope: Declaration,
        article: "",
        fix: Never,
        summary: [
            "mer enn én behandlingsansvarlig i en fil",
            "meir enn éin behandlingsansvarleg i ei fil",
            "more than one controller in a file",
        ],
    }
    messages {
        ONE_CONTROLLER = [
            "en erklæring har én behandlingsansvarlig, og det er allerede `{first}`: flytt `{other}` til en egen erklæring (bare hvis de to sammen bestemmer formålene og midlene, er de felles behandlingsansvarlige etter {Art. 26}, med en avtale seg imellom)",
            "ei erklæring har éin behandlingsansvarleg, og det er alt `{first}`: flytt `{other}` til ei eiga erklæring (berre viss dei to saman avgjer formåla og midla, er dei felles behandlingsansvarlege etter {Art. 26}, med ein avtale seg imellom)",
            "a declaration has one controller, and `{first}` is already it: move `{other}` to a declaration of its own (only if the two decide the purposes and means together are they joint controllers, {Art. 26}, with an arrangement between them)",
        ];
        THE_CONTROLLER = [
            "den behandlingsansvarlige i denne filen",
            "den behandlingsansvarlege i denne fila",
            "the controller of this file",
        ];
    }
}

impl Rule for DuplicateController {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some((first, others)) = model.controllers.split_first() else {
            return;
        };
        for controller in others {
            report.push(
                Diagnostic::new(
                    &Self::META,
                    controller.id.span,
                    report.say(
                        Self::ONE_CONTROLLER,
                        &[("first", &first.id.name), ("other", &controller.id.name)],
                    ),
                )
                .with_related(first.id.span, report.say(Self::THE_CONTROLLER, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    #[test]
    fn reports_each_further_controller() {
        let text = "controller a \"A\"\ncontroller b \"B\"\ncontroller a \"A\"\n";
        assert_eq!(lines("duplicate-controller", text), vec![2, 3]);
        assert!(lines("duplicate-definition", text).is_empty());
    }
}
