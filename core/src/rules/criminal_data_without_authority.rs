use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::Condition;

declare_rule! {
    /// ## What it checks
    /// A purpose that uses a `criminal` category and has neither `condition official_authority`
    /// nor `condition authorised_by_law`.
    ///
    /// ## Why
    /// Data relating to criminal convictions and offences may be processed only under the
    /// control of official authority, or when authorised by Union or national law that
    /// provides appropriate safeguards (Art. 10). A legal basis of Art. 6(1) is not enough.
    ///
    /// A controller that is not a public authority processes such data under a law. In Norway,
    /// personopplysningsloven § 11 lets Art. 9(2)(a) and (c)-(f) (explicit consent, vital
    /// interests, not-for-profit bodies, data made public by the person, legal claims) and §§
    /// 6, 7 and 9 of that act apply to Art. 10 data processed outside official authority's
    /// control; extensive registers of criminal convictions may only be kept under it. Cite
    /// § 11 with the ground that applies.
    ///
    /// ## Example
    /// ```privacy
    /// category convictions "Straffedommar" { criminal }
    /// purpose background "Bakgrunnssjekk" {
    ///   basis legal_obligation "sikkerhetsloven § 8-2"
    ///   data convictions
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category convictions "Straffedommar" { criminal }
    /// purpose background "Bakgrunnssjekk" {
    ///   basis legal_obligation "sikkerhetsloven § 8-2"
    ///   condition authorised_by_law "sikkerhetsloven § 8-2"
    ///   data convictions
    /// }
    /// ```
    pub struct CriminalDataWithoutAuthority {
        name: "criminal-data-without-authority",
        severity: Error,
        scope: Definition,
        article: "Art. 10",
        fix: Never,
        summary: [
            "opplysninger om straffedommer og lovovertredelser uten offentlig myndighet eller lovhjemmel",
            "opplysningar om straffedommar og lovbrot utan offentleg styresmakt eller lovheimel",
            "criminal-offence data without official authority or a law",
        ],
    }
    messages {
        NEEDS_AUTHORITY = [
            "formålet `{purpose}` bruker opplysninger om straffedommer og lovovertredelser (`{category}`), og det kan bare skje under offentlig myndighet eller med hjemmel i en lov med garantier ({Art. 10}): {instead}",
            "formålet `{purpose}` brukar opplysningar om straffedommar og lovbrot (`{category}`), og det kan berre skje under offentleg styresmakt eller med heimel i ei lov med garantiar ({Art. 10}): {instead}",
            "the purpose `{purpose}` uses criminal-offence data (`{category}`), which only official authority or a law with safeguards can allow ({Art. 10}): {instead}",
        ];
        PUBLIC_AUTHORITY_INSTEAD = [
            "legg til `condition official_authority` eller `condition authorised_by_law \"loven\"`",
            "legg til `condition official_authority` eller `condition authorised_by_law \"lova\"`",
            "add `condition official_authority` or `condition authorised_by_law \"the law\"`",
        ];
        NORWEGIAN_INSTEAD = [
            "en behandlingsansvarlig som ikke er en offentlig myndighet, trenger hjemmel i lov: i Norge tillater personopplysningsloven § 11 det på grunnlagene i {Art. 9(2)(a)} eller (c)-(f) – legg til `condition authorised_by_law \"personopplysningsloven § 11, jf. artikkel 9 nr. 2 bokstav f\"` med det grunnlaget som gjelder",
            "ein behandlingsansvarleg som ikkje er ei offentleg styresmakt, treng heimel i lov: i Noreg tillèt personopplysningsloven § 11 det på grunnlaga i {Art. 9(2)(a)} eller (c)-(f) – legg til `condition authorised_by_law \"personopplysningsloven § 11, jf. artikkel 9 nr. 2 bokstav f\"` med det grunnlaget som gjeld",
            "a controller that is not a public authority needs a law: in Norway, personopplysningsloven § 11 allows it on the grounds of {Art. 9(2)(a)} or (c)-(f) — add `condition authorised_by_law \"personopplysningsloven § 11, jf. artikkel 9 nr. 2 bokstav f\"` with the ground that applies",
        ];
        FOREIGN_INSTEAD = [
            "en behandlingsansvarlig som ikke er en offentlig myndighet, trenger en nasjonal lov som tillater det med garantier: legg til `condition authorised_by_law \"loven\"`",
            "ein behandlingsansvarleg som ikkje er ei offentleg styresmakt, treng ei nasjonal lov som tillèt det med garantiar: legg til `condition authorised_by_law \"lova\"`",
            "a controller that is not a public authority needs a national law that allows it with safeguards: add `condition authorised_by_law \"the law\"`",
        ];
        IS_CRIMINAL = [
            "`{category}` er opplysninger om straffedommer og lovovertredelser ({Art. 10})",
            "`{category}` er opplysningar om straffedommar og lovbrot ({Art. 10})",
            "`{category}` is criminal-offence data ({Art. 10})",
        ];
    }
}

impl Rule for CriminalDataWithoutAuthority {
    fn check(&self, model: &Model, report: &mut Report) {
        // Norwegian law is meant when the controller is in Norway or its country is not given.
        let norwegian = model
            .controller()
            .and_then(|c| c.country.as_ref())
            .is_none_or(|c| c.has_code("NO"));
        for purpose in &model.purposes {
            let Some((_, category)) = model.criminal_data(purpose).next() else {
                continue;
            };
            if purpose.has_condition(Condition::OfficialAuthority)
                || purpose.has_condition(Condition::AuthorisedByLaw)
                || purpose.unreadable.contains("condition")
            {
                continue;
            }
            let instead = if model.is_public_authority() {
                Self::PUBLIC_AUTHORITY_INSTEAD
            } else if norwegian {
                Self::NORWEGIAN_INSTEAD
            } else {
                Self::FOREIGN_INSTEAD
            };
            report.push(
                Diagnostic::new(
                    &Self::META,
                    purpose.id.span,
                    report.say(
                        Self::NEEDS_AUTHORITY,
                        &[
                            ("purpose", &purpose.id.name),
                            ("category", &category.id.name),
                            ("instead", &report.say(instead, &[])),
                        ],
                    ),
                )
                .with_related(
                    category.criminal.unwrap_or(category.id.span),
                    report.say(Self::IS_CRIMINAL, &[("category", &category.id.name)]),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "criminal-data-without-authority";

    #[test]
    fn private_controllers_are_pointed_to_the_law_that_allows_it() {
        let with = |controller: &str| {
            findings(RULE, &format!("{controller}\n{}", purpose("")))[0]
                .1
                .clone()
        };
        assert!(with("controller k \"K\" { country NO }").contains("personopplysningsloven § 11"));
        assert!(with("").contains("personopplysningsloven § 11"));
        assert!(!with("controller k \"K\" { country SE }").contains("§ 11"));
        let public = with("controller k \"K\" { country NO; public_authority }");
        assert!(public.contains("condition official_authority"), "{public}");
    }

    fn purpose(condition: &str) -> String {
        format!(
            "category c \"C\" {{ criminal }}\npurpose p \"P\" {{\n  basis contract\n  {condition}\n  data c\n}}\n"
        )
    }

    #[test]
    fn only_the_article_10_conditions_allow_it() {
        assert_eq!(lines(RULE, &purpose("")), vec![2]);
        assert_eq!(lines(RULE, &purpose("condition explicit_consent")), vec![2]);
        assert!(lines(RULE, &purpose("condition official_authority")).is_empty());
        assert!(lines(RULE, &purpose("condition authorised_by_law \"lov\"")).is_empty());
        assert!(
            lines(RULE, &purpose("condition ofical_authority")).is_empty(),
            "already invalid-value"
        );
    }
}
