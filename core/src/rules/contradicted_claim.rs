use crate::diagnostic::Diagnostic;
use crate::lang::Language;
use crate::model::{Kind, Model};
use crate::publish::notice::text::claim as notice_claim;
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
        fix: Never,
        summary: [
            "en påstand i personvernerklæringen som erklæringen ellers motsier",
            "ein påstand i personvernerklæringa som erklæringa elles motseier",
            "a claim of the notice that the declaration disproves",
        ],
    }
    messages {
        RESTS_ON_CONSENT = ["`{purpose}` bygger på samtykke", "`{purpose}` byggjer på samtykke", "`{purpose}` rests on consent"];
        RESTS_ON_EXPLICIT_CONSENT = [
            "`{purpose}` bygger på uttrykkelig samtykke",
            "`{purpose}` byggjer på uttrykkeleg samtykke",
            "`{purpose}` rests on explicit consent",
        ];
        USES_SPECIAL = ["`{purpose}` bruker en særlig kategori", "`{purpose}` brukar ein særleg kategori", "`{purpose}` uses a special category"];
        USES_CRIMINAL = [
            "`{purpose}` bruker opplysninger om straffedommer og lovovertredelser",
            "`{purpose}` brukar opplysningar om straffedommar og lovbrot",
            "`{purpose}` uses criminal-offence data",
        ];
        MAKES_DECISION = [
            "`{purpose}` tar en automatisert avgjørelse",
            "`{purpose}` tek ei automatisert avgjerd",
            "`{purpose}` makes an automated decision",
        ];
        PROFILING = ["`{purpose}` innebærer profilering", "`{purpose}` inneber profilering", "`{purpose}` involves profiling"];
        SENDS = [
            "`{purpose}` sender opplysninger til `{party}` i {countries}",
            "`{purpose}` sender opplysningar til `{party}` i {countries}",
            "`{purpose}` sends data to `{party}` in {countries}",
        ];
        DISCLOSES = [
            "`{purpose}` utleverer opplysninger til `{party}`",
            "`{purpose}` utleverer opplysningar til `{party}`",
            "`{purpose}` discloses data to `{party}`",
        ];
        DISCLOSES_TO_JOINT = [
            "`{purpose}` utleverer opplysninger til den felles behandlingsansvarlige `{party}`",
            "`{purpose}` utleverer opplysningar til den felles behandlingsansvarlege `{party}`",
            "`{purpose}` discloses data to the joint controller `{party}`",
        ];
        CONTRADICTED = [
            "erklæringen påstår `{claim}` ({meaning}), men resten av erklæringen sier noe annet ({Art. 5(1)(a), 12(1)}): fjern påstanden, eller endre det som motsier den",
            "erklæringa påstår `{claim}` ({meaning}), men resten av erklæringa seier noko anna ({Art. 5(1)(a), 12(1)}): fjern påstanden, eller endre det som motseier han",
            "the notice claims `{claim}` ({meaning}), but the declaration says otherwise ({Art. 5(1)(a), 12(1)}): remove the claim, or change what disproves it",
        ];
    }
}

/// The places that disprove a claim, each with why.
fn disproofs(model: &Model, claim: Claim, report: &Report) -> Vec<(Span, String)> {
    let mut found = Vec::new();
    for purpose in &model.purposes {
        let name = &purpose.id.name;
        let say = |phrase| report.say(phrase, &[("purpose", name)]);
        match claim {
            Claim::NoConsent => {
                if let Some(b) = purpose.basis(LegalBasis::Consent) {
                    found.push((b.span, say(ContradictedClaim::RESTS_ON_CONSENT)));
                }
                if let Some(c) = purpose.condition(Condition::ExplicitConsent) {
                    found.push((c.span, say(ContradictedClaim::RESTS_ON_EXPLICIT_CONSENT)));
                }
            }
            Claim::NoSpecialCategories => {
                for (reference, _) in model.special_data(purpose) {
                    found.push((reference.span, say(ContradictedClaim::USES_SPECIAL)));
                }
            }
            Claim::NoCriminalData => {
                for (reference, _) in model.criminal_data(purpose) {
                    found.push((reference.span, say(ContradictedClaim::USES_CRIMINAL)));
                }
            }
            Claim::NoAutomatedDecisions => {
                for decision in &purpose.decisions {
                    found.push((decision.keyword, say(ContradictedClaim::MAKES_DECISION)));
                }
            }
            Claim::NoProfiling => {
                if let Some(flag) = purpose.profiling {
                    found.push((flag, say(ContradictedClaim::PROFILING)));
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
                            report.say(
                                ContradictedClaim::SENDS,
                                &[
                                    ("purpose", name),
                                    ("party", &party.id.name),
                                    ("countries", &code),
                                ],
                            ),
                        ));
                    }
                }
            }
            Claim::NoDisclosure => {
                for reference in purpose.recipients.iter().chain(&purpose.joint_controllers) {
                    let Some(party) = model.party(reference) else {
                        continue;
                    };
                    let phrase = match party.kind {
                        Kind::Recipient => ContradictedClaim::DISCLOSES,
                        Kind::JointController => ContradictedClaim::DISCLOSES_TO_JOINT,
                        _ => continue,
                    };
                    found.push((
                        reference.span,
                        report.say(phrase, &[("purpose", name), ("party", &reference.name)]),
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
            let found = disproofs(model, claim.value, report);
            // What the claim means: as the vocabulary explains it in English, as the notice
            // says it in Norwegian.
            let meaning = match report.language {
                Language::English => claim.value.explanation().to_string(),
                language => notice_claim(claim.value)
                    .get(language)
                    .trim_end_matches('.')
                    .to_string(),
            };
            if found.is_empty() {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &Self::META,
                claim.span,
                report.say(
                    Self::CONTRADICTED,
                    &[("claim", &claim.value.word()), ("meaning", &meaning)],
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
