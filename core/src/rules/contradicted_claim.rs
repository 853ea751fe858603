use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};
use crate::text::Span;
use crate::vocab::{Claim, Condition, LegalBasis, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A claim in `claims` that the rest of the declaration disproves:
    /// `no_consent` and some `basis consent` or `condition explicit_consent`;
    /// `no_special_categories` and a used `special` category; `no_criminal_data` and a used
    /// `criminal` category; `no_automated_decisions` and some `decision`; `no_profiling` and
    /// some `profiling`; `no_transfers_outside_eea` and a used party outside the EEA;
    /// `no_disclosure` and some used recipient or joint controller (a joint controller
    /// receives the data as much as a recipient does). The places that disprove it are related; a
    /// claim gives one finding however many places disprove it.
    ///
    /// ## Why
    /// Information to data subjects must be accurate and transparent (Art. 5(1)(a), 12(1)). A
    /// notice that says "we do not use consent" next to a consent-based purpose misleads the
    /// very people it is for.
    ///
    /// ## Example
    /// ```privacy
    /// purpose newsletter "Nyhetsbrev" { basis consent }
    /// claims {
    ///   no_consent
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose newsletter "Nyhetsbrev" { basis consent }
    /// claims {
    /// }
    /// ```
    pub struct ContradictedClaim {
        name: "contradicted-claim",
        severity: Error,
        scope: Declaration,
        article: "Art. 5(1)(a), 12(1)",
        summary: "a claim of the notice that the declaration disproves",
        fix: Never,
    }
}

/// The places that disprove a claim, each with why.
fn disproofs(model: &Model, claim: Claim) -> Vec<(Span, String)> {
    let mut found = Vec::new();
    for purpose in &model.purposes {
        let name = &purpose.id.name;
        match claim {
            Claim::NoConsent => {
                if let Some(b) = purpose.basis(LegalBasis::Consent) {
                    found.push((b.span, format!("`{name}` rests on consent")));
                }
                if let Some(c) = purpose.condition(Condition::ExplicitConsent) {
                    found.push((c.span, format!("`{name}` rests on explicit consent")));
                }
            }
            Claim::NoSpecialCategories => {
                for (reference, _) in model.special_data(purpose) {
                    found.push((reference.span, format!("`{name}` uses a special category")));
                }
            }
            Claim::NoCriminalData => {
                for (reference, _) in model.criminal_data(purpose) {
                    found.push((
                        reference.span,
                        format!("`{name}` uses criminal-offence data"),
                    ));
                }
            }
            Claim::NoAutomatedDecisions => {
                for decision in &purpose.decisions {
                    found.push((
                        decision.keyword,
                        format!("`{name}` makes an automated decision"),
                    ));
                }
            }
            Claim::NoProfiling => {
                if let Some(flag) = purpose.profiling {
                    found.push((flag, format!("`{name}` involves profiling")));
                }
            }
            Claim::NoTransfersOutsideEea => {
                for reference in purpose.party_references() {
                    if let Some(party) = model.party(reference)
                        && party.is_outside_eea()
                    {
                        let code = party
                            .outside_eea()
                            .map(|v| v.code.as_str())
                            .collect::<Vec<_>>()
                            .join(", ");
                        found.push((
                            reference.span,
                            format!("`{name}` sends data to `{}` in {code}", party.id.name),
                        ));
                    }
                }
            }
            Claim::NoDisclosure => {
                for reference in purpose.recipients.iter().chain(&purpose.joint_controllers) {
                    let Some(party) = model.party(reference) else {
                        continue;
                    };
                    let to = match party.kind {
                        Kind::Recipient => "",
                        Kind::JointController => "the joint controller ",
                        _ => continue,
                    };
                    found.push((
                        reference.span,
                        format!("`{name}` discloses data to {to}`{}`", reference.name),
                    ));
                }
            }
        }
    }
    found
}

impl Rule for ContradictedClaim {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(claims) = &model.claims else { return };
        for claim in &claims.claims {
            let found = disproofs(model, claim.value);
            if found.is_empty() {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &Self::META,
                claim.span,
                format!(
                    "the notice claims `{}` ({}), but the declaration says otherwise (Art. 5(1)(a), 12(1)): remove the claim, or change what disproves it",
                    claim.value.word(),
                    claim.value.explanation()
                ),
            );
            for (span, why) in found {
                diagnostic = diagnostic.with_related(span, why);
            }
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "contradicted-claim";
    const DEFS: &str = "category s \"S\" { special }\ncategory k \"K\" { criminal }\ncategory c \"C\"\nprocessor us \"US\" { country US; safeguard scc }\nprocessor no \"NO\" { country NO }\nprocessor qq \"QQ\" { country QQ }\nrecipient r \"R\" { country NO }\njoint_controller j \"J\" { country NO }\n";

    fn text(claim: &str, purpose: &str) -> String {
        format!("{DEFS}purpose p \"P\" {{\n  {purpose}\n}}\nclaims {{\n  {claim}\n}}\n")
    }

    #[test]
    fn each_claim_and_what_disproves_it() {
        let line = DEFS.lines().count() + 5;
        for (claim, disproof, harmless) in [
            ("no_consent", "basis consent", "basis contract"),
            (
                "no_consent",
                "condition explicit_consent",
                "condition health_care \"l\"",
            ),
            ("no_special_categories", "data s", "data c"),
            ("no_criminal_data", "data k", "data c"),
            ("no_automated_decisions", "decision \"D\" {}", "profiling"),
            ("no_profiling", "profiling", "decision \"D\" {}"),
            (
                "no_transfers_outside_eea",
                "processors us",
                "processors no, qq",
            ),
            ("no_disclosure", "recipients r", "processors no"),
            ("no_disclosure", "joint_controllers j", "processors no"),
        ] {
            assert_eq!(
                lines(RULE, &text(claim, disproof)),
                vec![line],
                "{claim} / {disproof}"
            );
            assert!(
                lines(RULE, &text(claim, harmless)).is_empty(),
                "{claim} / {harmless}"
            );
        }
    }

    #[test]
    fn a_joint_controller_is_named_as_one() {
        let found =
            crate::rules::testing::findings(RULE, &text("no_disclosure", "joint_controllers j"));
        let check = crate::check(
            &text("no_disclosure", "joint_controllers j"),
            &crate::Settings::default(),
        );
        let related = &check.iter().find(|d| d.rule.name == RULE).unwrap().related;
        assert_eq!(found.len(), 1);
        assert!(
            related
                .iter()
                .any(|r| r.message.contains("to the joint controller `j`")),
            "{related:?}"
        );
    }

    #[test]
    fn one_finding_however_many_disproofs() {
        let purpose =
            "basis consent\n  condition explicit_consent\n}\npurpose q \"Q\" {\n  basis consent";
        assert_eq!(lines(RULE, &text("no_consent", purpose)).len(), 1);
    }
}
