use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{Cookie, LegalBasis, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A purpose whose `cookies` name `functional`, `analytics` or `marketing`, and that has no
    /// `basis consent`. One finding per purpose, at the first such value.
    ///
    /// ## Why
    /// Storing information on a person's device, or reading it from there, needs the person's
    /// prior consent, as defined in GDPR Art. 4(11) and 7, unless it is strictly necessary for
    /// the service the person asked for (ePrivacy Directive 2002/58/EC Art. 5(3); in Norway
    /// ekomloven (2024) § 3-15, in force 1 January 2025). Browser settings are not consent.
    /// WP29 Opinion 04/2012 exempts input, authentication, security, load-balancing, session
    /// interface and multimedia-player cookies: declare those `strictly_necessary`. The
    /// processing that follows from such cookies then normally rests on consent as well (EDPB
    /// Opinion 5/2019 ¶ 41). Put these cookies in a purpose of their own with `basis consent`,
    /// rather than turning a contract purpose into a consent-based one. Source for Norway: see
    /// privlint's table of Norwegian provisions (`core/src/vocab/norway.rs`), checked
    /// 2026-12-08 (the section number not verified in the law's text).
    ///
    /// This is the only rule of version 3 that is an error: it fires only on `cookies`, a new
    /// field, so no declaration written before it changes its exit status.
    ///
    /// ## Example
    /// ```privacy
    /// purpose web "Nettsiden" {
    ///   basis legitimate_interests "å forbedre nettsiden"
    ///   cookies strictly_necessary, analytics
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose web "Nettsiden" {
    ///   basis legitimate_interests "å levere nettsiden"
    ///   cookies strictly_necessary
    /// }
    /// purpose statistics "Statistikk over bruken av nettsiden" {
    ///   basis consent
    ///   cookies analytics
    /// }
    /// ```
    pub struct CookieConsent {
        name: "cookie-consent",
        severity: Error,
        scope: Section,
        article: "ePrivacy Directive 2002/58/EC Art. 5(3); ekomloven § 3-15; GDPR Art. 4(11), 7",
        fix: Never,
        summary: [
            "informasjonskapsler som ikke er strengt nødvendige, uten samtykke",
            "informasjonskapslar som ikkje er strengt naudsynte, utan samtykke",
            "cookies that are not strictly necessary without consent",
        ],
    }
    messages {
        NO_CONSENT = [
            "`{cookies}`-informasjonskapsler i `{purpose}` lagres på eller leses fra personens enhet uten samtykke: det krever personens forhåndssamtykke ({Art. 4(11), 7}) med mindre det er strengt nødvendig for tjenesten personen har bedt om (direktiv 2002/58/EF artikkel 5 nr. 3; i Norge ekomloven § 3-15), og innstillinger i nettleseren er ikke samtykke; behandlingen som følger, bygger da normalt også på samtykke (EDPB Opinion 5/2019 ¶ 41): legg disse informasjonskapslene i et eget formål med `basis consent`, eller, hvis de er strengt nødvendige (inndata, innlogging, sikkerhet, lastbalansering, øktgrensesnitt), oppgi dem som `strictly_necessary`",
            "`{cookies}`-informasjonskapslar i `{purpose}` blir lagra på eller lesne frå eininga til personen utan samtykke: det krev førehandssamtykke frå personen ({Art. 4(11), 7}) med mindre det er strengt naudsynt for tenesta personen har bede om (direktiv 2002/58/EF artikkel 5 nr. 3; i Noreg ekomloven § 3-15), og innstillingar i nettlesaren er ikkje samtykke; behandlinga som kjem etter, byggjer då normalt også på samtykke (EDPB Opinion 5/2019 ¶ 41): legg desse informasjonskapslane i eit eige formål med `basis consent`, eller, viss dei er strengt naudsynte (inndata, innlogging, tryggleik, lastbalansering, øktgrensesnitt), oppgi dei som `strictly_necessary`",
            "`{cookies}` cookies in `{purpose}` are stored on or read from the person's device without consent: that needs the person's prior consent ({Art. 4(11), 7} GDPR) unless it is strictly necessary for the service they asked for (Directive 2002/58/EC Art. 5(3); in Norway ekomloven § 3-15), and browser settings are not consent; the processing that follows then normally rests on consent too (EDPB Opinion 5/2019 ¶ 41): put these cookies in a purpose of their own with `basis consent`, or, if they are strictly necessary (input, log-in, security, load-balancing, session interface), declare them `strictly_necessary`",
        ];
    }
}

impl Rule for CookieConsent {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            if purpose.has_basis(LegalBasis::Consent) || purpose.unreadable.contains("basis") {
                continue;
            }
            let Some(cookie) = purpose
                .cookies
                .iter()
                .find(|c| c.value != Cookie::StrictlyNecessary)
            else {
                continue;
            };
            report.push(Diagnostic::new(
                &Self::META,
                cookie.span,
                report.say(
                    Self::NO_CONSENT,
                    &[
                        ("cookies", &cookie.value.word()),
                        ("purpose", &purpose.id.name),
                    ],
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "cookie-consent";

    fn purpose(body: &str) -> String {
        format!("purpose p \"P\" {{\n  {body}\n}}\n")
    }

    #[test]
    fn cookies_beyond_strictly_necessary_need_consent() {
        for cookie in ["functional", "analytics", "marketing"] {
            assert_eq!(
                lines(
                    RULE,
                    &purpose(&format!("basis contract\n  cookies {cookie}"))
                ),
                vec![3],
                "{cookie}"
            );
            assert!(
                lines(
                    RULE,
                    &purpose(&format!("basis consent\n  cookies {cookie}"))
                )
                .is_empty(),
                "{cookie}"
            );
        }
        assert!(
            lines(
                RULE,
                &purpose("basis contract\n  cookies strictly_necessary")
            )
            .is_empty()
        );
        assert!(lines(RULE, &purpose("basis contract")).is_empty());
    }

    #[test]
    fn one_finding_per_purpose_at_the_first_such_value() {
        let text = purpose(
            "basis public_task \"lov\"\n  cookies strictly_necessary, marketing, analytics",
        );
        let found = findings(RULE, &text);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.starts_with("`marketing`"), "{}", found[0].1);
    }

    #[test]
    fn whatever_the_controllers_country() {
        let text = format!(
            "controller c \"C\" {{ country DE }}\n{}",
            purpose("basis contract\n  cookies analytics")
        );
        assert_eq!(lines(RULE, &text), vec![4]);
    }
}
