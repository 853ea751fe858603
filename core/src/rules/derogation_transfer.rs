use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};
use crate::vocab::{DerogationGround, TransferSafeguard, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A `safeguard derogation` of a processor, recipient or joint controller that a purpose
    /// uses and that is outside the EEA, when
    /// - the party is a **processor**, whatever the ground;
    /// - the party is a recipient or joint controller and the ground is `contract`,
    ///   `contract_in_interest`, `legal_claims`, or none; or
    /// - the ground is `compelling_interests`, for any party.
    ///
    /// One finding per derogation. The other grounds of a recipient or joint controller
    /// (`explicit_consent`, `public_interest`, `public_register`, `vital_interests`) get
    /// `derogation-conditions` instead.
    ///
    /// ## Why
    /// The derogations of Art. 49(1) are exceptions, to be read restrictively (EDPB Guidelines
    /// 2/2018). A processor is used in the normal course of the controller's processing, so
    /// transfers to it are never occasional: they need an adequacy decision (Art. 45) or a
    /// safeguard of Art. 46. A contract (Art. 49(1)(b), (c)) or a legal claim (Art. 49(1)(e))
    /// carries only occasional transfers that are necessary for it (Recital 111): a regular
    /// flow of data to the same recipient needs Art. 45 or 46. Compelling legitimate interests
    /// (Art. 49(1) second subparagraph) carry a transfer only if it is not repetitive,
    /// concerns a limited number of people, the supervisory authority and the person are
    /// informed, and the assessment is documented in the record (Art. 49(6)). If the transfer
    /// meets these conditions, suppress this rule and give the reason.
    ///
    /// ## Example
    /// ```privacy
    /// processor helpdesk "Brukerstøtte" {
    ///   country IN
    ///   safeguard derogation contract "nødvendig for å oppfylle avtalen"
    /// }
    /// purpose support "Kundeservice" { processors helpdesk }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor helpdesk "Brukerstøtte" {
    ///   country IN
    ///   safeguard scc
    /// }
    /// purpose support "Kundeservice" { processors helpdesk }
    /// ```
    pub struct DerogationTransfer {
        name: "derogation-transfer",
        severity: Warning,
        scope: UsedParty,
        article: "Art. 49(1), Recital 111",
        summary: "a derogation used for a processor, a routine transfer, or without its conditions",
        fix: Never,
    }
}

/// Why the derogation cannot carry the transfer as declared, or `None` where
/// `derogation-conditions` (or nothing) applies.
fn objection(kind: Kind, ground: Option<DerogationGround>) -> Option<String> {
    const INSTEAD: &str =
        "use an adequacy decision (Art. 45) or `safeguard scc` or another safeguard of Art. 46";
    if kind == Kind::Processor {
        return Some(format!(
            "a processor is used in the normal course of your processing, so transfers to it are never occasional and cannot rest on a derogation of Art. 49(1) (EDPB Guidelines 2/2018): {INSTEAD}"
        ));
    }
    match ground {
        Some(DerogationGround::CompellingInterests) => Some(format!(
            "compelling legitimate interests (Art. 49(1) second subparagraph) carry a transfer only if it is not repetitive and concerns a limited number of people, the supervisory authority and the person are informed, and your assessment is documented in the record (Art. 49(6)): otherwise {INSTEAD}; if all this holds, say so in `# privlint: allow derogation-transfer -- reason`"
        )),
        Some(
            ground @ (DerogationGround::Contract
            | DerogationGround::ContractInInterest
            | DerogationGround::LegalClaims),
        ) => Some(format!(
            "the ground `{}` ({}) carries only occasional transfers that are necessary for that contract or claim (Recital 111, EDPB Guidelines 2/2018): for a regular flow of data {INSTEAD}; if the transfers are occasional and necessary, say so in `# privlint: allow derogation-transfer -- reason`",
            ground.word(),
            ground.article()
        )),
        None => Some(format!(
            "a derogation (Art. 49(1)) carries only occasional transfers in the situations that article lists, read restrictively (Recital 111, EDPB Guidelines 2/2018); it names no ground here: write the ground after `derogation` (`contract`, `explicit_consent`, …) if one applies, otherwise {INSTEAD}"
        )),
        Some(_) => None,
    }
}

impl Rule for DerogationTransfer {
    fn check(&self, model: &Model, report: &mut Report) {
        for (party, _) in model.used_parties().filter(|(p, _)| p.is_outside_eea()) {
            for safeguard in party
                .safeguards
                .iter()
                .filter(|s| s.kind == TransferSafeguard::Derogation)
            {
                let ground = safeguard.ground.as_ref().map(|g| g.value);
                let Some(why) = objection(party.kind, ground) else {
                    continue;
                };
                report.push(Diagnostic::new(
                    &Self::META,
                    safeguard.span,
                    format!(
                        "`{}` ({}) receives data on a derogation: {why}",
                        party.id.name,
                        party.kind.describe()
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{derogation_party as party, findings, lines};

    const RULE: &str = "derogation-transfer";

    #[test]
    fn outside_the_eea_and_used_only() {
        assert_eq!(lines(RULE, &party("processor", "IN", "contract")), vec![3]);
        assert!(lines(RULE, &party("processor", "NO", "contract")).is_empty());
        let unused =
            "processor x \"X\" {\n  country IN\n  safeguard derogation contract \"r\"\n}\n";
        assert!(lines(RULE, unused).is_empty());
    }

    /// The boundary of rules.md: a processor and a recipient with the same ground.
    #[test]
    fn a_processor_always_a_recipient_only_for_some_grounds() {
        for ground in [
            "explicit_consent",
            "contract",
            "contract_in_interest",
            "public_interest",
            "legal_claims",
            "vital_interests",
            "public_register",
            "compelling_interests",
            "",
        ] {
            assert_eq!(
                lines(RULE, &party("processor", "IN", ground)),
                vec![3],
                "processor, {ground}"
            );
            let routine = matches!(
                ground,
                "contract" | "contract_in_interest" | "legal_claims" | "compelling_interests" | ""
            );
            for kind in ["recipient", "joint_controller"] {
                assert_eq!(
                    !lines(RULE, &party(kind, "IN", ground)).is_empty(),
                    routine,
                    "{kind}, {ground}"
                );
            }
        }
    }

    #[test]
    fn each_message_says_why() {
        let message = |kind, ground| findings(RULE, &party(kind, "IN", ground))[0].1.clone();
        assert!(message("processor", "explicit_consent").contains("never occasional"));
        assert!(message("recipient", "contract").contains("Recital 111"));
        assert!(message("recipient", "contract").contains("`contract` (Art. 49(1)(b))"));
        assert!(message("recipient", "compelling_interests").contains("Art. 49(6)"));
        assert!(message("recipient", "").contains("names no ground"));
    }
}
