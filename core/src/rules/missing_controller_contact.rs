use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `controller` with none of `email`, `phone` or `address`.
    ///
    /// ## Why
    /// A notice must give "the identity and the contact details of the controller"
    /// (Art. 13(1)(a), 14(1)(a)). A web address alone is not a way to contact the controller.
    ///
    /// ## Example
    /// ```privacy
    /// controller fjordbanken "Fjordbanken ASA" {
    ///   url "https://fjordbanken.example"
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller fjordbanken "Fjordbanken ASA" {
    ///   email "post@fjordbanken.example"
    /// }
    /// ```
    pub struct MissingControllerContact {
        name: "missing-controller-contact",
        severity: Error,
        scope: Declaration,
        article: "Art. 13(1)(a), 14(1)(a)",
        fix: Never,
        summary: [
            "den behandlingsansvarlige har ingen e-post, telefon eller adresse",
            "den behandlingsansvarlege har ingen e-post, telefon eller adresse",
            "the controller has no email, phone or address",
        ],
    }
    messages {
        NO_CONTACT = [
            "den behandlingsansvarlige `{controller}` har ingen kontaktopplysninger: legg til `email \"…\"`, `phone \"…\"` eller `address \"…\"` ({Art. 13(1)(a)})",
            "den behandlingsansvarlege `{controller}` har ingen kontaktopplysningar: legg til `email \"…\"`, `phone \"…\"` eller `address \"…\"` ({Art. 13(1)(a)})",
            "the controller `{controller}` has no contact details: add `email \"…\"`, `phone \"…\"` or `address \"…\"` ({Art. 13(1)(a)})",
        ];
    }
}

impl Rule for MissingControllerContact {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(controller) = model.controller() else {
            return;
        };
        let written = &controller.contact.written;
        if !["email", "phone", "address"]
            .iter()
            .any(|f| written.contains(f))
        {
            report.push(Diagnostic::new(
                &Self::META,
                controller.id.span,
                report.say(Self::NO_CONTACT, &[("controller", &controller.id.name)]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-controller-contact";

    #[test]
    fn any_of_email_phone_or_address_is_enough_but_a_url_is_not() {
        assert_eq!(lines(RULE, "controller c \"C\"\n"), vec![1]);
        assert_eq!(
            lines(RULE, "controller c \"C\" { url \"https://c.example\" }\n"),
            vec![1]
        );
        for field in [
            "email \"a@b.example\"",
            "phone \"+47 1\"",
            "address \"Gate 1\"",
        ] {
            assert!(lines(RULE, &format!("controller c \"C\" {{ {field} }}\n")).is_empty());
        }
    }

    #[test]
    fn an_unreadable_contact_still_counts_as_given() {
        assert!(lines(RULE, "controller c \"C\" { email 42 }\n").is_empty());
    }
}
