use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// More than one `controller` in a file.
    ///
    /// ## Why
    /// A declaration describes the processing of one controller. Controllers who decide the
    /// purposes together are joint controllers (Art. 26): declare the other one with
    /// `joint_controller`, or write one file per controller.
    ///
    /// ## Example
    /// ```privacy
    /// controller bank "Banken ASA" { email "post@bank.example" }
    /// controller forsikring "Forsikring AS" { email "post@forsikring.example" }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller bank "Banken ASA" { email "post@bank.example" }
    /// joint_controller forsikring "Forsikring AS" { country NO }
    /// ```
    pub struct DuplicateController {
        name: "duplicate-controller",
        severity: Error,
        article: "",
        summary: "more than one controller in a file",
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
                    format!(
                        "a declaration has one controller, and `{}` is already it: declare `{}` as a `joint_controller`, or in a file of its own",
                        first.id.name, controller.id.name
                    ),
                )
                .with_related(first.id.span, "the controller of this file"),
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
