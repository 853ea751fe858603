use crate::diagnostic::Diagnostic;
use crate::lang::cite;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{Condition, LegalBasis, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// `basis legal_obligation` or `basis public_task` without a string naming the law; and
    /// the conditions `employment`, `substantial_public_interest`, `health_care`,
    /// `public_health`, `archiving_research` and `authorised_by_law` without one; and a
    /// decision's `authorised_by` without the law, when the purpose has another ground of Art.
    /// 22(2) (`basis contract`, `condition explicit_consent`, or a law-naming
    /// `legal_obligation` or `public_task`; without one, `automated-decision-basis` reports it).
    ///
    /// ## Why
    /// A legal obligation or a public task must be laid down by Union or national law
    /// (Art. 6(3)); so must the Art. 9(2)(b), (g)-(j) conditions and the authorisation of
    /// Art. 10. The notice should say which law, so that a reader can check it — the law that
    /// lays down the obligation or the task (not `personopplysningsloven § 1`, which only makes
    /// the GDPR Norwegian law). For `employment` (Art. 9(2)(b)) a collective agreement also
    /// counts, and for `health_care` (Art. 9(2)(h)) a contract with a health professional: name
    /// that instead.
    ///
    /// ## Example
    /// ```privacy
    /// purpose housing "Bustøtte" {
    ///   basis public_task
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose housing "Bustøtte" {
    ///   basis public_task "bustøttelova § 5"
    /// }
    /// ```
    pub struct MissingLawReference {
        name: "missing-law-reference",
        severity: Warning,
        scope: Section,
        article: "Art. 6(3), 9(2), 10",
        fix: Never,
        summary: [
            "et grunnlag eller vilkår som bygger på lov, nevner ikke loven",
            "eit grunnlag eller vilkår som byggjer på lov, nemner ikkje lova",
            "a basis or condition that rests on a law does not name the law",
        ],
    }
    messages {
        BASIS_NEEDS_LAW = [
            "`basis {word}` må bygge på en lov som fastsetter plikten eller oppgaven ({Art. 6(3)}): oppgi loven, som `basis {word} \"{example}\"`",
            "`basis {word}` må byggje på ei lov som fastset plikta eller oppgåva ({Art. 6(3)}): oppgi lova, som `basis {word} \"{example}\"`",
            "`basis {word}` must rest on a law that lays down the obligation or the task ({Art. 6(3)}): name it, like `basis {word} \"{example}\"`",
        ];
        DECISION_NEEDS_LAW = [
            "`authorised_by` må oppgi loven som gir hjemmel for den automatiserte avgjørelsen og fastsetter garantier for personen ({Art. 22(2)(b)}): oppgi den, som `authorised_by \"forskrift om bostøtte § 12\"`, eller fjern `authorised_by` hvis avgjørelsen bygger på det andre grunnlaget til formålet",
            "`authorised_by` må oppgi lova som gir heimel for den automatiserte avgjerda og fastset garantiar for personen ({Art. 22(2)(b)}): oppgi ho, som `authorised_by \"forskrift om bostøtte § 12\"`, eller fjern `authorised_by` viss avgjerda byggjer på det andre grunnlaget til formålet",
            "`authorised_by` must name the law that authorises the automated decision and lays down safeguards for the person ({Art. 22(2)(b)}): name it, like `authorised_by \"forskrift om bostøtte § 12\"`, or remove `authorised_by` if the decision rests on the purpose's other ground",
        ];
        CONDITION_NEEDS_LAW = [
            "`condition {word}` ({article}) må bygge på {rests_on}: oppgi den, som `condition {word} \"{example}\"`",
            "`condition {word}` ({article}) må byggje på {rests_on}: oppgi kva vilkåret byggjer på, som `condition {word} \"{example}\"`",
            "`condition {word}` ({article}) must rest on {rests_on}: name it, like `condition {word} \"{example}\"`",
        ];
        LAW_OR_AGREEMENT = ["en lov eller en tariffavtale", "ei lov eller ein tariffavtale", "a law or a collective agreement"];
        LAW_OR_HEALTH_CONTRACT = ["en lov eller en avtale med helsepersonell", "ei lov eller ein avtale med helsepersonell", "a law or a contract with a health professional"];
        A_LAW = ["en lov", "ei lov", "a law"];
    }
}

impl Rule for MissingLawReference {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            for basis in &purpose.bases {
                if matches!(
                    basis.kind,
                    LegalBasis::LegalObligation | LegalBasis::PublicTask
                ) && basis.detail.is_none()
                {
                    let word = basis.kind.word();
                    let example = if basis.kind == LegalBasis::LegalObligation {
                        "bokføringsloven § 13"
                    } else {
                        "opplæringslova § 15-1"
                    };
                    report.push(Diagnostic::new(
                        &Self::META,
                        basis.span,
                        report.say(
                            Self::BASIS_NEEDS_LAW,
                            &[("word", &word), ("example", &example)],
                        ),
                    ));
                }
            }
            // A decision's `authorised_by` without the law, where the purpose has another
            // ground of Art. 22(2); without one, automated-decision-basis reports it instead.
            if purpose.has_decision_ground() {
                for authorisation in purpose
                    .decisions
                    .iter()
                    .filter_map(|d| d.authorised_by.as_ref())
                    .filter(|a| a.law.is_none())
                {
                    report.push(Diagnostic::new(
                        &Self::META,
                        authorisation.span,
                        report.say(Self::DECISION_NEEDS_LAW, &[]),
                    ));
                }
            }
            for condition in &purpose.conditions {
                if condition.kind.needs_law() && condition.detail.is_none() {
                    let word = condition.kind.word();
                    let (rests_on, example) = match condition.kind {
                        Condition::Employment => {
                            (Self::LAW_OR_AGREEMENT, "arbeidsmiljøloven § 9-1")
                        }
                        Condition::HealthCare => {
                            (Self::LAW_OR_HEALTH_CONTRACT, "helsepersonelloven § 39")
                        }
                        Condition::AuthorisedByLaw => (Self::A_LAW, "politiregisterloven § 39"),
                        Condition::ArchivingResearch => (Self::A_LAW, "personopplysningsloven § 8"),
                        _ => (Self::A_LAW, "helseregisterloven § 11"),
                    };
                    report.push(Diagnostic::new(
                        &Self::META,
                        condition.span,
                        report.say(
                            Self::CONDITION_NEEDS_LAW,
                            &[
                                ("word", &word),
                                ("article", &cite(condition.kind.article(), report.language)),
                                ("rests_on", &report.say(rests_on, &[])),
                                ("example", &example),
                            ],
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "missing-law-reference";

    #[test]
    fn messages_name_what_may_be_cited() {
        let message = |field: &str| {
            findings(RULE, &format!("purpose p \"P\" {{\n  {field}\n}}\n"))[0]
                .1
                .clone()
        };
        for field in ["basis legal_obligation", "basis public_task"] {
            assert!(
                !message(field).contains("personopplysningsloven § 1"),
                "{field}"
            );
        }
        assert!(message("condition employment").contains("collective agreement"));
        assert!(message("condition health_care").contains("contract with a health professional"));
    }

    #[test]
    fn bases_that_rest_on_a_law() {
        let text = "purpose p \"P\" {\n  basis legal_obligation\n  basis public_task\n  basis consent\n  basis legitimate_interests\n  basis public_task \"lov § 1\"\n}\n";
        assert_eq!(lines(RULE, text), vec![2, 3]);
    }

    #[test]
    fn conditions_that_rest_on_a_law() {
        let mut needs = Vec::new();
        for (i, word) in [
            "employment",
            "substantial_public_interest",
            "health_care",
            "public_health",
            "archiving_research",
            "authorised_by_law",
            "explicit_consent",
            "vital_interests",
            "nonprofit_body",
            "made_public",
            "legal_claims",
            "official_authority",
        ]
        .iter()
        .enumerate()
        {
            let text = format!("purpose p \"P\" {{\n  condition {word}\n}}\n");
            if !lines(RULE, &text).is_empty() {
                needs.push(i);
            }
            let named = format!("purpose p \"P\" {{\n  condition {word} \"lov § 2\"\n}}\n");
            assert!(lines(RULE, &named).is_empty(), "{word} with a law");
        }
        assert_eq!(needs, vec![0, 1, 2, 3, 4, 5]);
    }
}
