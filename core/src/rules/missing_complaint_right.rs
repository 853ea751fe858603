use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// `rights` without `complaint` (or no `rights` at all).
    ///
    /// ## Why
    /// The notice must tell people of their right to lodge a complaint with a supervisory
    /// authority (Art. 13(2)(d), 14(2)(e), 77). Name the authority, defined in the
    /// controller: `authority datatilsynet "Datatilsynet"`, then `complaint datatilsynet`.
    ///
    /// ## Example
    /// ```privacy
    /// rights {
    ///   access
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "C" { authority datatilsynet "Datatilsynet" }
    /// rights {
    ///   access
    ///   complaint datatilsynet
    /// }
    /// ```
    pub struct MissingComplaintRight {
        name: "missing-complaint-right",
        severity: Error,
        article: "Art. 13(2)(d), 77",
        summary: "the right to complain to a supervisory authority is not given",
    }
}

impl Rule for MissingComplaintRight {
    fn check(&self, model: &Model, report: &mut Report) {
        if model
            .rights
            .as_ref()
            .is_some_and(|r| r.written.contains("complaint"))
        {
            return;
        }
        report.push(Diagnostic::new(
            &Self::META,
            model.rights_anchor(),
            "people have the right to lodge a complaint with a supervisory authority (Art. 77, 13(2)(d)): define `authority datatilsynet \"Datatilsynet\"` in the controller and add `complaint datatilsynet` to `rights`",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-complaint-right";

    #[test]
    fn fires_without_complaint() {
        assert_eq!(lines(RULE, "rights {\n  access\n}\n"), vec![1]);
        assert!(
            lines(RULE, "rights { complaint datatilsynet }\n").is_empty(),
            "an undefined authority is unknown-reference"
        );
    }
}
