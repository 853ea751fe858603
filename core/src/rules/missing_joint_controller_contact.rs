use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A joint controller that a purpose uses and that has none of `email`, `phone`,
    /// `address` or `url`.
    ///
    /// ## Why
    /// The record of processing must give the name and contact details of each joint
    /// controller (Art. 30(1)(a)), and people may exercise their rights in respect of and
    /// against each of the controllers, whatever their arrangement says (Art. 26(3)): the
    /// notice should tell them how to reach the other controller.
    ///
    /// ## Example
    /// ```privacy
    /// joint_controller partner "Partneren AS" {
    ///   country NO
    ///   arrangement "Partneren svarer for innsyn, vi for resten."
    /// }
    /// purpose p "P" { joint_controllers partner }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// joint_controller partner "Partneren AS" {
    ///   country NO
    ///   arrangement "Partneren svarer for innsyn, vi for resten."
    ///   email "personvern@partneren.example"
    /// }
    /// purpose p "P" { joint_controllers partner }
    /// ```
    pub struct MissingJointControllerContact {
        name: "missing-joint-controller-contact",
        severity: Warning,
        scope: UsedParty,
        article: "Art. 26(3), 30(1)(a)",
        fix: Never,
        summary: [
            "en felles behandlingsansvarlig uten kontaktopplysninger",
            "ein felles behandlingsansvarleg utan kontaktopplysningar",
            "a joint controller without contact details",
        ],
    }
    messages {
        NO_CONTACT = [
            "den felles behandlingsansvarlige `{party}` har ingen kontaktopplysninger: protokollen skal gi kontaktopplysningene til hver felles behandlingsansvarlig ({Art. 30(1)(a)}), og de registrerte kan utøve rettighetene sine overfor hver av dere ({Art. 26(3)}); legg til `email`, `phone`, `address` eller `url`",
            "den felles behandlingsansvarlege `{party}` har ingen kontaktopplysningar: protokollen skal gi kontaktopplysningane til kvar felles behandlingsansvarleg ({Art. 30(1)(a)}), og dei registrerte kan bruke rettane sine overfor kvar av dykk ({Art. 26(3)}); legg til `email`, `phone`, `address` eller `url`",
            "the joint controller `{party}` has no contact details: the record must give each joint controller's contact details ({Art. 30(1)(a)}), and people may exercise their rights against each of you ({Art. 26(3)}); add `email`, `phone`, `address` or `url`",
        ];
        USED_HERE = ["brukt her", "brukt her", "used here"];
    }
}

impl Rule for MissingJointControllerContact {
    fn check(&self, model: &Model, report: &mut Report) {
        for (party, used) in model.used_parties() {
            if party.kind != Kind::JointController || party.contact.any_written() {
                continue;
            }
            report.push(
                Diagnostic::new(
                    &Self::META,
                    party.id.span,
                    report.say(Self::NO_CONTACT, &[("party", &party.id.name)]),
                )
                .with_related(used.span, report.say(Self::USED_HERE, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-joint-controller-contact";

    fn joint(contact: &str) -> String {
        format!(
            "joint_controller j \"J\" {{\n  country NO\n  arrangement \"A\"\n  {contact}\n}}\npurpose p \"P\" {{ joint_controllers j }}\n"
        )
    }

    #[test]
    fn any_contact_detail_is_enough() {
        assert_eq!(lines(RULE, &joint("")), vec![1]);
        for contact in [
            "email \"j@j.example\"",
            "phone \"+47 1\"",
            "address \"Gata 1\"",
            "url \"https://j.example\"",
        ] {
            assert!(lines(RULE, &joint(contact)).is_empty(), "{contact}");
        }
    }

    #[test]
    fn only_used_joint_controllers() {
        let unused = "joint_controller j \"J\" { arrangement \"A\" }\n";
        assert!(lines(RULE, unused).is_empty());
        let recipient = "recipient r \"R\" { country NO }\npurpose p \"P\" { recipients r }\n";
        assert!(
            lines(RULE, recipient).is_empty(),
            "recipients have no such duty here"
        );
    }
}
