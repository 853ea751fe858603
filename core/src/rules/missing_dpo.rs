use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A controller marked `public_authority` with no `dpo` node.
    ///
    /// ## Why
    /// A public authority or body must designate a data protection officer (Art. 37(1)(a)),
    /// and the notice must give the officer's contact details (Art. 13(1)(b)).
    ///
    /// ## Example
    /// ```privacy
    /// controller nordvik "Nordvik kommune" {
    ///   email "postmottak@nordvik.example"
    ///   public_authority
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller nordvik "Nordvik kommune" {
    ///   email "postmottak@nordvik.example"
    ///   public_authority
    /// }
    /// dpo "Personvernombudet" { email "personvern@nordvik.example" }
    /// ```
    pub struct MissingDpo {
        name: "missing-dpo",
        severity: Error,
        scope: Declaration,
        article: "Art. 37(1)(a)",
        fix: Never,
        summary: [
            "en offentlig myndighet uten personvernombud",
            "ei offentleg styresmakt utan personvernombod",
            "a public authority without a data protection officer",
        ],
    }
    messages {
        NO_DPO = [
            "en offentlig myndighet skal utpeke et personvernombud ({Art. 37(1)(a)}): legg til `dpo \"Navn\" {{ email \"…\" }}`",
            "ei offentleg styresmakt skal peike ut eit personvernombod ({Art. 37(1)(a)}): legg til `dpo \"Namn\" {{ email \"…\" }}`",
            "a public authority must designate a data protection officer ({Art. 37(1)(a)}): add `dpo \"Name\" {{ email \"…\" }}`",
        ];
        PUBLIC_AUTHORITY = [
            "den behandlingsansvarlige er en offentlig myndighet",
            "den behandlingsansvarlege er ei offentleg styresmakt",
            "the controller is a public authority",
        ];
    }
}

impl Rule for MissingDpo {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(controller) = model.controller() else {
            return;
        };
        if let Some(flag) = controller.public_authority
            && model.dpos.is_empty()
        {
            report.push(
                Diagnostic::new(
                    &Self::META,
                    controller.id.span,
                    report.say(Self::NO_DPO, &[]),
                )
                .with_related(flag, report.say(Self::PUBLIC_AUTHORITY, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-dpo";

    #[test]
    fn only_public_authorities_need_a_dpo() {
        let public = "controller c \"C\" {\n  email \"a@b.example\"\n  public_authority\n}\n";
        assert_eq!(lines(RULE, public), vec![1]);
        assert!(
            lines(
                RULE,
                &format!("{public}dpo \"D\" {{ email \"d@b.example\" }}\n")
            )
            .is_empty()
        );
        assert!(lines(RULE, "controller c \"C\" { email \"a@b.example\" }\n").is_empty());
    }
}
