use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{Cookie, LegalBasis};

declare_rule! {
    /// ## What it checks
    /// A controller marked `public_authority` with a purpose on `basis consent`, unless the
    /// purpose stores or reads `cookies` other than `strictly_necessary`: consent to those is
    /// required by law (ePrivacy Directive Art. 5(3), `cookie-consent`), and refusing them
    /// costs the person nothing.
    ///
    /// ## Why
    /// Consent must be freely given (Art. 4(11)), and it is unlikely to be free where the
    /// controller is a public authority, because of the imbalance between the authority and
    /// the people it serves (Recital 43). It is valid only where refusing costs the person
    /// nothing: no service, benefit or right is withheld or reduced (EDPB Guidelines 05/2020
    /// on consent, paragraphs 16-20). Most processing by a public body rests on
    /// `public_task` or `legal_obligation` with the law that lays it down. Where consent is
    /// genuinely free, say why in a suppression's reason, so that the notice's author has
    /// checked it: `# privlint: allow public-authority-consent -- reason`.
    ///
    /// ## Example
    /// ```privacy
    /// controller nordvik "Nordvik kommune" { public_authority }
    /// purpose newsletter "Nyheitsbrev frå kommunen" {
    ///   basis consent
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller nordvik "Nordvik kommune" { public_authority }
    /// purpose newsletter "Nyheitsbrev frå kommunen" {
    ///   # privlint: allow public-authority-consent -- frivillig; alle tenester og all informasjon er tilgjengeleg utan brevet
    ///   basis consent
    /// }
    /// ```
    pub struct PublicAuthorityConsent {
        name: "public-authority-consent",
        severity: Info,
        scope: Definition,
        article: "Art. 4(11), Recital 43",
        fix: Never,
        summary: [
            "en offentlig myndighet som bygger på samtykke",
            "ei offentleg styresmakt som byggjer på samtykke",
            "a public authority relying on consent",
        ],
    }
    messages {
        AUTHORITY_CONSENT = [
            "formålet `{purpose}` bygger på samtykke gitt til en offentlig myndighet, og det er bare gyldig der det ikke koster personen noen tjeneste, ytelse eller rettighet å si nei ({Art. 4(11), Recital 43}): hvis det stemmer, skriv det i `# privlint: allow public-authority-consent -- begrunnelse`; ellers bygg formålet på `basis public_task \"lov\"` eller `basis legal_obligation \"lov\"`",
            "formålet `{purpose}` byggjer på samtykke gitt til ei offentleg styresmakt, og det er berre gyldig der det ikkje kostar personen nokon teneste, yting eller rett å seie nei ({Art. 4(11), Recital 43}): viss det stemmer, skriv det i `# privlint: allow public-authority-consent -- grunngiving`; elles byggj formålet på `basis public_task \"lov\"` eller `basis legal_obligation \"lov\"`",
            "the purpose `{purpose}` relies on consent given to a public authority, which is valid only where refusing costs the person no service, benefit or right ({Art. 4(11), Recital 43}): if that holds, say so in `# privlint: allow public-authority-consent -- reason`; otherwise rest the purpose on `basis public_task \"law\"` or `basis legal_obligation \"law\"`",
        ];
        PUBLIC_AUTHORITY = [
            "den behandlingsansvarlige er en offentlig myndighet",
            "den behandlingsansvarlege er ei offentleg styresmakt",
            "the controller is a public authority",
        ];
    }
}

impl Rule for PublicAuthorityConsent {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(flag) = model.controller().and_then(|c| c.public_authority) else {
            return;
        };
        for purpose in &model.purposes {
            // Consent to cookies beyond strictly necessary ones is required by law (ePrivacy
            // Art. 5(3)), and refusing them costs the person nothing.
            if purpose
                .cookies
                .iter()
                .any(|c| c.value != Cookie::StrictlyNecessary)
            {
                continue;
            }
            if let Some(basis) = purpose.basis(LegalBasis::Consent) {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        basis.span,
                        report.say(Self::AUTHORITY_CONSENT, &[("purpose", &purpose.id.name)]),
                    )
                    .with_related(flag, report.say(Self::PUBLIC_AUTHORITY, &[])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "public-authority-consent";

    fn declaration(controller: &str, basis: &str) -> String {
        format!("controller c \"C\" {{ {controller} }}\npurpose p \"P\" {{\n  basis {basis}\n}}\n")
    }

    #[test]
    fn consent_to_a_public_authority() {
        assert_eq!(
            lines(RULE, &declaration("public_authority", "consent")),
            vec![3]
        );
        assert!(lines(RULE, &declaration("", "consent")).is_empty());
        assert!(
            lines(
                RULE,
                &declaration("public_authority", "public_task \"lov\"")
            )
            .is_empty()
        );
        // Explicit consent under Art. 9(2)(a) alone is not `basis consent`.
        let explicit = "controller c \"C\" { public_authority }\npurpose p \"P\" {\n  basis public_task \"lov\"\n  condition explicit_consent\n}\n";
        assert!(lines(RULE, explicit).is_empty());
    }

    #[test]
    fn a_suppression_with_a_reason_silences_it() {
        let text = "controller c \"C\" { public_authority }\npurpose p \"P\" {\n  # privlint: allow public-authority-consent -- frivillig tilbod\n  basis consent\n}\n";
        assert!(lines(RULE, text).is_empty());
        assert!(lines("unused-suppression", text).is_empty());
    }

    #[test]
    fn not_for_consent_to_cookies() {
        let with = |cookies: &str| {
            format!(
                "controller c \"C\" {{\n  public_authority\n}}\npurpose p \"P\" {{\n  basis consent\n  {cookies}\n}}\n"
            )
        };
        assert!(
            crate::rules::testing::lines("public-authority-consent", &with("cookies analytics"))
                .is_empty()
        );
        assert!(
            crate::rules::testing::lines(
                "public-authority-consent",
                &with("cookies strictly_necessary, marketing")
            )
            .is_empty()
        );
        assert_eq!(
            crate::rules::testing::lines(
                "public-authority-consent",
                &with("cookies strictly_necessary")
            ),
            vec![5]
        );
    }
}
