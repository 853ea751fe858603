use crate::diagnostic::Diagnostic;
use crate::lang::cite;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{RightKind, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// One of `access`, `rectification`, `erasure`, `restriction` missing from `rights` (one
    /// finding per missing right). Without a `rights` node, every one is missing; the finding
    /// then goes on the controller's name.
    ///
    /// ## Why
    /// The notice must tell people that they may request access to their data (Art. 15),
    /// rectification (Art. 16), erasure (Art. 17) and restriction of processing (Art. 18)
    /// (Art. 13(2)(b), 14(2)(c)). These apply to every processing; where a right is limited
    /// (erasure under an archiving duty, say), grant it with the limit as its text:
    /// `erasure "begrenset av arkivplikt"`.
    ///
    /// ## Example
    /// ```privacy
    /// rights {
    ///   access
    ///   rectification
    ///   restriction
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// rights {
    ///   access
    ///   rectification
    ///   erasure "begrenset av arkivplikt"
    ///   restriction
    /// }
    /// ```
    pub struct MissingRight {
        name: "missing-right",
        severity: Error,
        scope: Declaration,
        article: "Art. 13(2)(b), 15-18",
        fix: Sometimes,
        summary: [
            "en rettighet etter {Art. 15-18} som ikke er gitt",
            "ein rett etter {Art. 15-18} som ikkje er gitt",
            "a right of {Art. 15-18} not granted",
        ],
    }
    messages {
        NOT_GRANTED = [
            "erklæringen gir ikke {right} ({articles}): legg til `{word}` i `rights`",
            "erklæringa gir ikkje {right} ({articles}): legg til `{word}` i `rights`",
            "the notice does not grant the right to {right} ({articles}): add `{word}` to `rights`",
        ];
        /// The quick fix that grants a right (this rule's and the other rules' about rights).
        ADD_RIGHT = ["Legg til `{word}` i `rights`", "Legg til `{word}` i `rights`", "Add `{word}` to `rights`"];
        ACCESS = ["retten til innsyn", "retten til innsyn", "access"];
        RECTIFICATION = ["retten til retting", "retten til retting", "rectification"];
        ERASURE = ["retten til sletting", "retten til sletting", "erasure"];
        RESTRICTION = ["retten til begrensning av behandlingen", "retten til avgrensing av behandlinga", "restriction of processing"];
    }
}

const ALWAYS: [RightKind; 4] = [
    RightKind::Access,
    RightKind::Rectification,
    RightKind::Erasure,
    RightKind::Restriction,
];

impl Rule for MissingRight {
    fn check(&self, model: &Model, report: &mut Report) {
        for right in ALWAYS {
            if model.rights.as_ref().is_some_and(|r| r.grants(right)) {
                continue;
            }
            let name = match right {
                RightKind::Access => Self::ACCESS,
                RightKind::Rectification => Self::RECTIFICATION,
                RightKind::Erasure => Self::ERASURE,
                _ => Self::RESTRICTION,
            };
            let mut diagnostic = Diagnostic::new(
                &Self::META,
                model.rights_anchor(),
                report.say(
                    Self::NOT_GRANTED,
                    &[
                        ("right", &report.say(name, &[])),
                        (
                            "articles",
                            &cite(&format!("{}, 13(2)(b)", right.article()), report.language),
                        ),
                        ("word", &right.word()),
                    ],
                ),
            );
            diagnostic.fix = model.grant_right(right, Self::add_right(right, report));
            report.push(diagnostic);
        }
    }
}

impl MissingRight {
    /// The title of the quick fix that grants `right`, in the run's language.
    pub(crate) fn add_right(right: RightKind, report: &Report) -> String {
        report.say(Self::ADD_RIGHT, &[("word", &right.word())])
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-right";

    #[test]
    fn one_finding_per_missing_right() {
        assert_eq!(lines(RULE, "\nrights {\n  access\n}\n"), vec![2, 2, 2]);
        assert!(
            lines(
                RULE,
                "rights { access; rectification; erasure \"x\"; restriction }\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn without_rights_at_the_controller_or_the_start() {
        assert_eq!(lines(RULE, "\ncontroller c \"C\"\n").len(), 4);
        assert_eq!(lines(RULE, "\ncontroller c \"C\"\n")[0], 2);
        assert_eq!(lines(RULE, "\n\n"), vec![1, 1, 1, 1]);
    }

    #[test]
    fn a_misspelt_right_is_reported_once_as_unknown() {
        let text = "rights { acess; rectification; erasure; restriction }\n";
        assert!(lines(RULE, text).is_empty());
        assert_eq!(lines("unknown-field", text), vec![1]);
    }
}
