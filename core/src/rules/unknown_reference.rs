use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Kind, Model, Resolution};
use crate::rules::{Report, Rule};
use std::collections::HashMap;

use crate::suggest::Candidates;

declare_rule! {
    /// ## What it checks
    /// An ID that is not defined in the file (`data contakt`), or that is defined as another
    /// kind of item (a subject named in `processors`).
    ///
    /// ## Why
    /// A purpose that names a category that does not exist does not say which data it uses;
    /// one that names a subject as its processor says something false.
    ///
    /// ## Example
    /// ```privacy
    /// category contact "Kontakt"
    /// purpose signup "Registrering" {
    ///   data contakt
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category contact "Kontakt"
    /// purpose signup "Registrering" {
    ///   data contact
    /// }
    /// ```
    pub struct UnknownReference {
        name: "unknown-reference",
        severity: Error,
        scope: Declaration,
        article: "",
        fix: Sometimes,
        summary: [
            "en ID som ikke er definert, eller er definert som noe annet",
            "ein ID som ikkje er definert, eller er definert som noko anna",
            "an ID that is not defined, or is defined as another kind",
        ],
    }
    messages {
        DID_YOU_MEAN = [
            "`{id}` er ikke definert; mente du `{suggestion}`?",
            "`{id}` er ikkje definert; meinte du `{suggestion}`?",
            "`{id}` is not defined; did you mean `{suggestion}`?",
        ];
        REPLACE = ["Erstatt med `{suggestion}`", "Byt ut med `{suggestion}`", "Replace with `{suggestion}`"];
        NOT_DEFINED = [
            "`{id}` er ikke definert: definer det som {kind} med `{keyword} {id} \"Tittel\"`",
            "`{id}` er ikkje definert: definer det som {kind} med `{keyword} {id} \"Tittel\"`",
            "`{id}` is not defined: define it as {kind} with `{keyword} {id} \"Label\"`",
        ];
        WRONG_KIND = ["`{id}` er {actual}, ikke {expected}", "`{id}` er {actual}, ikkje {expected}", "`{id}` is {actual}, not {expected}"];
        DEFINED_HERE = ["`{id}` er definert her", "`{id}` er definert her", "`{id}` is defined here"];
    }
}

impl Rule for UnknownReference {
    fn check(&self, model: &Model, report: &mut Report) {
        // The IDs of each kind, gathered once for all the references that expect that kind.
        let mut by_kind: HashMap<Kind, Candidates> = HashMap::new();
        for reference in model.references() {
            let expected = reference.expected;
            let diagnostic = match reference.resolution {
                Resolution::Undefined => {
                    let candidates = by_kind.entry(expected).or_insert_with(|| {
                        Candidates::new(
                            model
                                .symbols
                                .iter()
                                .filter(|(_, s)| s.kind == expected)
                                .map(|(name, _)| name.as_str()),
                        )
                    });
                    match candidates.nearest(&reference.name) {
                        Some(s) => Diagnostic::new(
                            &Self::META,
                            reference.span,
                            report.say(
                                Self::DID_YOU_MEAN,
                                &[("id", &reference.name), ("suggestion", &s)],
                            ),
                        )
                        .with_fix(
                            report.say(Self::REPLACE, &[("suggestion", &s)]),
                            vec![Edit {
                                span: reference.span,
                                text: s.to_string(),
                            }],
                        ),
                        None => Diagnostic::new(
                            &Self::META,
                            reference.span,
                            report.say(
                                Self::NOT_DEFINED,
                                &[
                                    ("id", &reference.name),
                                    ("kind", &expected.describe().get(report.language)),
                                    ("keyword", &expected.keyword()),
                                ],
                            ),
                        ),
                    }
                }
                Resolution::WrongKind(actual) => {
                    let definition = model.symbols[&reference.name].span;
                    Diagnostic::new(
                        &Self::META,
                        reference.span,
                        report.say(
                            Self::WRONG_KIND,
                            &[
                                ("id", &reference.name),
                                ("actual", &actual.describe().get(report.language)),
                                ("expected", &expected.describe().get(report.language)),
                            ],
                        ),
                    )
                    .with_related(
                        definition,
                        report.say(Self::DEFINED_HERE, &[("id", &reference.name)]),
                    )
                }
                Resolution::Resolved(_) | Resolution::Pending => continue,
            };
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    #[test]
    fn reports_undefined_ids_with_a_suggestion() {
        let text = "category contact \"K\"\npurpose p \"P\" {\n  data contact, contakt\n}\n";
        let found = findings("unknown-reference", text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 3);
        assert!(
            found[0].1.contains("did you mean `contact`"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn reports_an_id_of_another_kind() {
        let text = "subject users \"U\"\npurpose p \"P\" {\n  processors users\n}\n";
        let found = findings("unknown-reference", text);
        assert!(
            found[0]
                .1
                .contains("is a group of data subjects, not a processor"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn definitions_may_come_after_their_use() {
        let text = "purpose p \"P\" { data c }\ncategory c \"C\"\n";
        assert!(lines("unknown-reference", text).is_empty());
    }

    #[test]
    fn complaint_names_an_authority() {
        let text =
            "controller c \"C\" { authority dt \"Datatilsynet\" }\nrights { complaint dt }\n";
        assert!(lines("unknown-reference", text).is_empty());
        assert_eq!(
            lines("unknown-reference", "rights { complaint dt }\n"),
            vec![1]
        );
    }
}
