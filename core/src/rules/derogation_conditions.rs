use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Model};
use crate::rules::{Report, Rule};
use crate::vocab::{DerogationGround, TransferSafeguard, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A `safeguard derogation` of a recipient or joint controller that a purpose uses and that
    /// is outside the EEA, naming the ground `explicit_consent`, `public_interest`,
    /// `public_register` or `vital_interests`. A processor's derogation gets
    /// `derogation-transfer` only; the other grounds get `derogation-transfer` too.
    ///
    /// ## Why
    /// Each of these grounds of Art. 49(1) has a condition of its own, which only the
    /// controller can check; the finding says which:
    /// - `explicit_consent` (Art. 49(1)(a)): consent to this transfer, given after the person
    ///   was told of its possible risks in the absence of an adequacy decision and safeguards;
    /// - `public_interest` (Art. 49(1)(d)): an important public interest recognised in EEA or
    ///   national law (Art. 49(4)): name that law in the derogation's reason;
    /// - `public_register` (Art. 49(1)(g)): a transfer from a register open to the public,
    ///   never of the entire register or whole categories of data in it (Art. 49(2));
    /// - `vital_interests` (Art. 49(1)(f)): only where the person is physically or legally
    ///   unable to give consent.
    ///
    /// It is information, not an error: once the condition is checked, suppress it with the
    /// reason.
    ///
    /// ## Example
    /// ```privacy
    /// recipient hotel "Hotellet i Bangkok" {
    ///   country TH
    ///   safeguard derogation explicit_consent "kunden samtykker ved bestilling"
    /// }
    /// purpose booking "Bestilling av reise" { recipients hotel }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// # privlint: allow derogation-conditions -- the booking form names the country and the risks before the customer consents
    /// recipient hotel "Hotellet i Bangkok" {
    ///   country TH
    ///   safeguard derogation explicit_consent "kunden samtykker ved bestilling"
    /// }
    /// purpose booking "Bestilling av reise" { recipients hotel }
    /// ```
    pub struct DerogationConditions {
        name: "derogation-conditions",
        severity: Info,
        scope: UsedParty,
        article: "Art. 49(1)(a), (d), (f), (g), 49(2), 49(4)",
        fix: Never,
        summary: [
            "et unntak med et vilkår som bare den behandlingsansvarlige kan kontrollere",
            "eit unntak med eit vilkår som berre den behandlingsansvarlege kan kontrollere",
            "a derogation whose own condition only the controller can check",
        ],
    }
    messages {
        EXPLICIT_CONSENT = [
            "personen må ha samtykket uttrykkelig til denne overføringen etter å ha fått vite om mulige risikoer ved den, siden det ikke finnes noen beslutning om tilstrekkelig beskyttelsesnivå eller nødvendige garantier ({Art. 49(1)(a)})",
            "personen må ha samtykt uttrykkeleg til denne overføringa etter å ha fått vite om moglege risikoar ved ho, sidan det ikkje finst noka avgjerd om tilstrekkeleg vernenivå eller naudsynte garantiar ({Art. 49(1)(a)})",
            "the person must have consented explicitly to this transfer after being told of its possible risks, given that there is no adequacy decision or safeguard ({Art. 49(1)(a)})",
        ];
        PUBLIC_INTEREST = [
            "den allmenne interessen må være en viktig interesse som er anerkjent i EØS-retten eller nasjonal rett ({Art. 49(1)(d), 49(4)}): oppgi den loven i begrunnelsen for unntaket",
            "ålmenta si interesse må vere ei viktig interesse som er anerkjend i EØS-retten eller nasjonal rett ({Art. 49(1)(d), 49(4)}): oppgi den lova i grunngivinga for unntaket",
            "the public interest must be an important one recognised in EEA or national law ({Art. 49(1)(d), 49(4)}): name that law in the derogation's reason",
        ];
        PUBLIC_REGISTER = [
            "en overføring fra et offentlig register kan aldri omfatte hele registeret eller hele kategorier av opplysninger i det, og der registeret bare er åpent for personer med en berettiget interesse, bare på deres anmodning eller til dem ({Art. 49(1)(g), 49(2)})",
            "ei overføring frå eit offentleg register kan aldri omfatte heile registeret eller heile kategoriar av opplysningar i det, og der registeret berre er ope for personar med ei berettiga interesse, berre når dei ber om det, eller til dei ({Art. 49(1)(g), 49(2)})",
            "a transfer from a public register may never cover the entire register or whole categories of data in it, and where the register is open only to people with a legitimate interest, only at their request or to them ({Art. 49(1)(g), 49(2)})",
        ];
        VITAL_INTERESTS = [
            "vitale interesser kan bare være grunnlag for en overføring der personen fysisk eller juridisk ikke er i stand til å gi samtykke ({Art. 49(1)(f)})",
            "vitale interesser kan berre vere grunnlag for ei overføring der personen fysisk eller juridisk ikkje er i stand til å gi samtykke ({Art. 49(1)(f)})",
            "vital interests carry a transfer only where the person is physically or legally unable to give consent ({Art. 49(1)(f)})",
        ];
        CHECK_IT = [
            "`{party}` mottar opplysninger på grunnlaget `{ground}`: {condition}; når du har kontrollert det, skriv det i `# privlint: allow derogation-conditions -- begrunnelse`",
            "`{party}` tek imot opplysningar på grunnlaget `{ground}`: {condition}; når du har kontrollert det, skriv det i `# privlint: allow derogation-conditions -- grunngiving`",
            "`{party}` receives data on the ground `{ground}`: {condition}; when you have checked it, say so in `# privlint: allow derogation-conditions -- reason`",
        ];
    }
}

/// The condition of a ground this rule reports, or `None` for the grounds it leaves to
/// `derogation-transfer`.
fn condition(ground: DerogationGround) -> Option<crate::lang::T> {
    match ground {
        DerogationGround::ExplicitConsent => Some(DerogationConditions::EXPLICIT_CONSENT),
        DerogationGround::PublicInterest => Some(DerogationConditions::PUBLIC_INTEREST),
        DerogationGround::PublicRegister => Some(DerogationConditions::PUBLIC_REGISTER),
        DerogationGround::VitalInterests => Some(DerogationConditions::VITAL_INTERESTS),
        DerogationGround::Contract
        | DerogationGround::ContractInInterest
        | DerogationGround::LegalClaims
        | DerogationGround::CompellingInterests => None,
    }
}

impl Rule for DerogationConditions {
    fn check(&self, model: &Model, report: &mut Report) {
        let parties = model
            .used_parties()
            .filter(|(p, _)| p.kind != Kind::Processor && p.is_outside_eea());
        for (party, _) in parties {
            for ground in party
                .safeguards
                .iter()
                .filter(|s| s.kind == TransferSafeguard::Derogation)
                .filter_map(|s| s.ground.as_ref())
            {
                let Some(condition) = condition(ground.value) else {
                    continue;
                };
                report.push(Diagnostic::new(
                    &Self::META,
                    ground.span,
                    report.say(
                        Self::CHECK_IT,
                        &[
                            ("party", &party.id.name),
                            ("ground", &ground.value.word()),
                            ("condition", &report.say(condition, &[])),
                        ],
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{derogation_party as party, findings, lines};

    const RULE: &str = "derogation-conditions";

    /// The boundary of rules.md: a processor and a recipient with the same ground.
    #[test]
    fn a_recipient_or_joint_controller_with_a_conditioned_ground_not_a_processor() {
        for ground in [
            "explicit_consent",
            "public_interest",
            "public_register",
            "vital_interests",
        ] {
            for kind in ["recipient", "joint_controller"] {
                assert_eq!(
                    lines(RULE, &party(kind, "IN", ground)),
                    vec![3],
                    "{kind} {ground}"
                );
            }
            assert!(
                lines(RULE, &party("processor", "IN", ground)).is_empty(),
                "{ground}"
            );
            assert!(
                lines(RULE, &party("recipient", "SE", ground)).is_empty(),
                "{ground}"
            );
        }
        for ground in [
            "contract",
            "contract_in_interest",
            "legal_claims",
            "compelling_interests",
            "",
        ] {
            assert!(
                lines(RULE, &party("recipient", "IN", ground)).is_empty(),
                "{ground}"
            );
        }
    }

    #[test]
    fn the_range_is_the_ground_and_the_message_its_condition() {
        let text = party("recipient", "IN", "public_register");
        let found = crate::check(&text, &crate::Settings::default());
        let d = found.iter().find(|d| d.rule.name == RULE).unwrap();
        assert_eq!(&text[d.span.start..d.span.end], "public_register");
        let message = |ground| {
            findings(RULE, &party("recipient", "IN", ground))[0]
                .1
                .clone()
        };
        assert!(message("explicit_consent").contains("risks"));
        assert!(message("public_interest").contains("49(4)"));
        assert!(message("public_register").contains("entire register"));
        assert!(message("vital_interests").contains("unable to give consent"));
    }
}
