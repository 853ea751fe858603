use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `dpo` with none of `email`, `phone`, `address` or `url`.
    ///
    /// ## Why
    /// Where there is a data protection officer, the notice must give the officer's contact
    /// details (Art. 13(1)(b), 14(1)(b)), so that people can reach the officer directly
    /// (Art. 38(4)).
    ///
    /// ## Example
    /// ```privacy
    /// dpo "Personvernombudet" {}
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// dpo "Personvernombudet" { email "personvern@nordvik.example" }
    /// ```
    pub struct MissingDpoContact {
        name: "missing-dpo-contact",
        severity: Error,
        scope: Declaration,
        article: "Art. 13(1)(b)",
        fix: Never,
        summary: [
            "personvernombudet har ingen kontaktopplysninger",
            "personvernombodet har ingen kontaktopplysningar",
            "the data protection officer has no contact details",
        ],
    }
    messages {
        NO_CONTACT = [
            "personvernombudet har ingen kontaktopplysninger: legg til `email \"…\"`, `phone \"…\"`, `address \"…\"` eller `url \"…\"` ({Art. 13(1)(b)})",
            "personvernombodet har ingen kontaktopplysningar: legg til `email \"…\"`, `phone \"…\"`, `address \"…\"` eller `url \"…\"` ({Art. 13(1)(b)})",
            "the data protection officer has no contact details: add `email \"…\"`, `phone \"…\"`, `address \"…\"` or `url \"…\"` ({Art. 13(1)(b)})",
        ];
    }
}

impl Rule for MissingDpoContact {
    fn check(&self, model: &Model, report: &mut Report) {
        for dpo in &model.dpos {
            if !dpo.contact.any_written() {
                report.push(Diagnostic::new(
                    &Self::META,
                    dpo.keyword,
                    report.say(Self::NO_CONTACT, &[]),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-dpo-contact";

    #[test]
    fn any_contact_field_including_a_url_is_enough() {
        assert_eq!(lines(RULE, "dpo \"D\"\n"), vec![1]);
        assert_eq!(lines(RULE, "\ndpo \"D\" {\n}\n"), vec![2]);
        for field in [
            "email \"a@b.example\"",
            "phone \"1\"",
            "address \"G\"",
            "url \"https://d.example\"",
        ] {
            assert!(lines(RULE, &format!("dpo \"D\" {{ {field} }}\n")).is_empty());
        }
    }
}
