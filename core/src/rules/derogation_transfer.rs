use crate::diagnostic::Diagnostic;
use crate::lang::cite;
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
        fix: Never,
        summary: [
            "et unntak brukt for en databehandler, for en rutinemessig overføring eller uten vilkårene sine",
            "eit unntak brukt for ein databehandlar, for ei rutinemessig overføring eller utan vilkåra sine",
            "a derogation used for a processor, a routine transfer, or without its conditions",
        ],
    }
    messages {
        INSTEAD = [
            "bruk en beslutning om tilstrekkelig beskyttelsesnivå ({Art. 45}) eller `safeguard scc` eller et annet overføringsgrunnlag etter {Art. 46}",
            "bruk ei avgjerd om tilstrekkeleg vernenivå ({Art. 45}) eller `safeguard scc` eller eit anna overføringsgrunnlag etter {Art. 46}",
            "use an adequacy decision ({Art. 45}) or `safeguard scc` or another safeguard of {Art. 46}",
        ];
        PROCESSOR = [
            "en databehandler brukes i det vanlige løpet av behandlingen, så overføringer til den er aldri enkeltstående og kan ikke bygge på et unntak etter {Art. 49(1)} (EDPB Guidelines 2/2018): {instead}",
            "ein databehandlar blir brukt i det vanlege løpet av behandlinga, så overføringar til han er aldri einskilde og kan ikkje byggje på eit unntak etter {Art. 49(1)} (EDPB Guidelines 2/2018): {instead}",
            "a processor is used in the normal course of your processing, so transfers to it are never occasional and cannot rest on a derogation of {Art. 49(1)} (EDPB Guidelines 2/2018): {instead}",
        ];
        COMPELLING = [
            "tvingende berettigede interesser ({Art. 49(1) second subparagraph}) kan bare være grunnlag for en overføring som ikke gjentas og gjelder et begrenset antall personer, der tilsynsmyndigheten og personen får informasjon, og vurderingen din er dokumentert i protokollen ({Art. 49(6)}): ellers {instead}; hvis alt dette stemmer, skriv det i `# privlint: allow derogation-transfer -- begrunnelse`",
            "tvingande berettiga interesser ({Art. 49(1) second subparagraph}) kan berre vere grunnlag for ei overføring som ikkje blir gjenteken og gjeld eit avgrensa tal personar, der tilsynsmyndigheita og personen får informasjon, og vurderinga di er dokumentert i protokollen ({Art. 49(6)}): elles {instead}; viss alt dette stemmer, skriv det i `# privlint: allow derogation-transfer -- grunngiving`",
            "compelling legitimate interests ({Art. 49(1) second subparagraph}) carry a transfer only if it is not repetitive and concerns a limited number of people, the supervisory authority and the person are informed, and your assessment is documented in the record ({Art. 49(6)}): otherwise {instead}; if all this holds, say so in `# privlint: allow derogation-transfer -- reason`",
        ];
        OCCASIONAL = [
            "grunnlaget `{ground}` ({article}) dekker bare enkeltstående overføringer som er nødvendige for den avtalen eller det rettskravet (fortalepunkt 111, EDPB Guidelines 2/2018): for en jevn strøm av opplysninger {instead}; hvis overføringene er enkeltstående og nødvendige, skriv det i `# privlint: allow derogation-transfer -- begrunnelse`",
            "grunnlaget `{ground}` ({article}) dekkjer berre einskilde overføringar som er naudsynte for den avtalen eller det rettskravet (fortalepunkt 111, EDPB Guidelines 2/2018): for ein jamn straum av opplysningar {instead}; viss overføringane er einskilde og naudsynte, skriv det i `# privlint: allow derogation-transfer -- grunngiving`",
            "the ground `{ground}` ({article}) carries only occasional transfers that are necessary for that contract or claim (Recital 111, EDPB Guidelines 2/2018): for a regular flow of data {instead}; if the transfers are occasional and necessary, say so in `# privlint: allow derogation-transfer -- reason`",
        ];
        NO_GROUND = [
            "et unntak ({Art. 49(1)}) dekker bare enkeltstående overføringer i situasjonene den artikkelen nevner, tolket strengt (fortalepunkt 111, EDPB Guidelines 2/2018); her er det ikke oppgitt noe grunnlag: skriv grunnlaget etter `derogation` (`contract`, `explicit_consent`, …) hvis ett gjelder, ellers {instead}",
            "eit unntak ({Art. 49(1)}) dekkjer berre einskilde overføringar i situasjonane den artikkelen nemner, tolka strengt (fortalepunkt 111, EDPB Guidelines 2/2018); her er det ikkje oppgitt noko grunnlag: skriv grunnlaget etter `derogation` (`contract`, `explicit_consent`, …) viss eitt gjeld, elles {instead}",
            "a derogation ({Art. 49(1)}) carries only occasional transfers in the situations that article lists, read restrictively (Recital 111, EDPB Guidelines 2/2018); it names no ground here: write the ground after `derogation` (`contract`, `explicit_consent`, …) if one applies, otherwise {instead}",
        ];
        ON_A_DEROGATION = [
            "`{party}` ({kind}) mottar opplysninger på grunnlag av et unntak: {why}",
            "`{party}` ({kind}) tek imot opplysningar på grunnlag av eit unntak: {why}",
            "`{party}` ({kind}) receives data on a derogation: {why}",
        ];
    }
}

/// Why the derogation cannot carry the transfer as declared, or `None` where
/// `derogation-conditions` (or nothing) applies.
fn objection(kind: Kind, ground: Option<DerogationGround>, report: &Report) -> Option<String> {
    let instead = report.say(DerogationTransfer::INSTEAD, &[]);
    if kind == Kind::Processor {
        return Some(report.say(DerogationTransfer::PROCESSOR, &[("instead", &instead)]));
    }
    match ground {
        Some(DerogationGround::CompellingInterests) => {
            Some(report.say(DerogationTransfer::COMPELLING, &[("instead", &instead)]))
        }
        Some(
            ground @ (DerogationGround::Contract
            | DerogationGround::ContractInInterest
            | DerogationGround::LegalClaims),
        ) => Some(report.say(
            DerogationTransfer::OCCASIONAL,
            &[
                ("ground", &ground.word()),
                ("article", &cite(ground.article(), report.language)),
                ("instead", &instead),
            ],
        )),
        None => Some(report.say(DerogationTransfer::NO_GROUND, &[("instead", &instead)])),
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
                let Some(why) = objection(party.kind, ground, report) else {
                    continue;
                };
                report.push(Diagnostic::new(
                    &Self::META,
                    safeguard.span,
                    report.say(
                        Self::ON_A_DEROGATION,
                        &[
                            ("party", &party.id.name),
                            ("kind", &party.kind.describe().get(report.language)),
                            ("why", &why),
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
