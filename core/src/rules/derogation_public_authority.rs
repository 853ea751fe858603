use crate::diagnostic::Diagnostic;
use crate::lang::cite;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::Vocabulary;

declare_rule! {
    /// ## What it checks
    /// A controller that is `public_authority`, and a party that a purpose uses, outside the
    /// EEA, with a `safeguard derogation` naming the ground `explicit_consent`, `contract`,
    /// `contract_in_interest` or `compelling_interests`.
    ///
    /// ## Why
    /// Public authorities may not rely on explicit consent (Art. 49(1)(a)), a contract with or in
    /// the interest of the person (49(1)(b)-(c)) or compelling legitimate interests (49(1)
    /// second subparagraph) for transfers in the exercise of their public powers (Art. 49(3)).
    /// Such a transfer needs an adequacy decision, an Art. 46 safeguard (for public bodies
    /// often an administrative arrangement, Art. 46(3)(b)) or another ground of Art. 49(1),
    /// such as important reasons of public interest recognised in law (49(1)(d)). Where the
    /// transfer lies outside the authority's public powers (a municipality buying a service as
    /// any customer would), the ground may be used: say so in a suppression's reason.
    ///
    /// ## Example
    /// ```privacy
    /// controller k "Nordvik kommune" { country NO; public_authority }
    /// processor helpdesk "Brukerstøtte" {
    ///   country IN
    ///   safeguard derogation contract "nødvendig for avtalen"
    /// }
    /// purpose p "P" { processors helpdesk }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller k "Nordvik kommune" { country NO; public_authority }
    /// processor helpdesk "Brukerstøtte" {
    ///   country IN
    ///   safeguard scc
    /// }
    /// purpose p "P" { processors helpdesk }
    /// ```
    pub struct DerogationPublicAuthority {
        name: "derogation-public-authority",
        severity: Warning,
        scope: UsedParty,
        article: "Art. 49(3)",
        fix: Never,
        summary: [
            "en offentlig myndighet som bruker et unntak den ikke kan bruke når den utøver offentlig myndighet",
            "ei offentleg styresmakt som brukar eit unntak ho ikkje kan bruke når ho utøver offentleg styresmakt",
            "a public authority relying on a derogation that is closed to its public powers",
        ],
    }
    messages {
        CLOSED = [
            "en offentlig myndighet kan ikke overføre opplysninger på grunnlaget `{ground}` ({article}) når den utøver offentlig myndighet ({Art. 49(3)}): bruk en beslutning om tilstrekkelig beskyttelsesnivå, et overføringsgrunnlag etter {Art. 46}, eller et annet grunnlag, som `public_interest` ({Art. 49(1)(d)}); hvis overføringen ligger utenfor myndighetsutøvelsen, undertrykk funnet og skriv det i begrunnelsen",
            "ei offentleg styresmakt kan ikkje overføre opplysningar på grunnlaget `{ground}` ({article}) når ho utøver offentleg styresmakt ({Art. 49(3)}): bruk ei avgjerd om tilstrekkeleg vernenivå, eit overføringsgrunnlag etter {Art. 46}, eller eit anna grunnlag, som `public_interest` ({Art. 49(1)(d)}); viss overføringa ligg utanfor utøvinga av offentleg styresmakt, undertrykk funnet og skriv det i grunngivinga",
            "a public authority may not transfer data on the ground `{ground}` ({article}) in the exercise of its public powers ({Art. 49(3)}): use an adequacy decision, a safeguard of {Art. 46}, or another ground such as `public_interest` ({Art. 49(1)(d)}); if the transfer lies outside your public powers, suppress this finding and say so in the reason",
        ];
    }
}

impl Rule for DerogationPublicAuthority {
    fn check(&self, model: &Model, report: &mut Report) {
        if !model.is_public_authority() {
            return;
        }
        for (party, _) in model.used_parties().filter(|(p, _)| p.is_outside_eea()) {
            let closed = party
                .safeguards
                .iter()
                .filter_map(|s| s.ground.as_ref())
                .filter(|g| g.value.closed_to_public_powers());
            for ground in closed {
                report.push(Diagnostic::new(
                    &Self::META,
                    ground.span,
                    report.say(
                        Self::CLOSED,
                        &[
                            ("ground", &ground.value.word()),
                            ("article", &cite(ground.value.article(), report.language)),
                        ],
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;
    use crate::vocab::{DerogationGround, Vocabulary};

    const RULE: &str = "derogation-public-authority";

    fn text(authority: &str, ground: &str, country: &str) -> String {
        format!(
            "controller k \"K\" {{ country NO; {authority} }}\nprocessor x \"X\" {{\n  country {country}\n  safeguard derogation {ground} \"why\"\n}}\npurpose p \"P\" {{ processors x }}\n"
        )
    }

    #[test]
    fn each_ground_for_a_public_authority() {
        for ground in DerogationGround::ALL {
            let found = lines(RULE, &text("public_authority", ground.word(), "IN"));
            let closed = matches!(
                ground,
                DerogationGround::ExplicitConsent
                    | DerogationGround::Contract
                    | DerogationGround::ContractInInterest
                    | DerogationGround::CompellingInterests
            );
            assert_eq!(
                found,
                if closed { vec![4] } else { vec![] },
                "{}",
                ground.word()
            );
        }
    }

    #[test]
    fn not_for_private_controllers_or_inside_the_eea() {
        assert!(lines(RULE, &text("", "contract", "IN")).is_empty());
        assert!(lines(RULE, &text("public_authority", "contract", "SE")).is_empty());
    }
}
