use crate::diagnostic::Diagnostic;
use crate::model::{Model, Purpose};
use crate::rules::{Report, Rule};
use crate::vocab::{Cookie, LegalBasis, Provision, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A purpose that collects data from the person (it has no `sources`, or one of its
    /// sources is flagged `data_subject`), that is not `monitoring` or `camera`, stores or
    /// reads no `cookies` other than `strictly_necessary`, has no `reuses` and no `provision`,
    /// and has a `basis` other than `consent`. And any `provision` other than `voluntary`
    /// without a text stating what happens if the person does not provide the data (for
    /// `conditional`, its second text).
    ///
    /// ## Why
    /// When data are collected from the person, the notice must say whether providing them is
    /// a statutory or contractual requirement, or a requirement for entering into a contract,
    /// whether the person is obliged to provide them, and what the possible consequences of not
    /// providing them are (Art. 13(2)(e)). This holds for every collection from the person,
    /// whatever the basis: under legitimate interests the person may still be free to refuse,
    /// and the notice must say so. Under consent the data are voluntary by their nature, and
    /// the notice says so when it asks for consent. Art. 13 and 14 apply side by side: a
    /// purpose with a source flagged `data_subject` collects from the person as well. Observed
    /// data (`monitoring`, `camera`, or cookies other than strictly necessary ones) are not
    /// provided, and a purpose that `reuses` data collected for another purpose leaves this to
    /// that purpose. Write `provision statutory`, `contractual`, `precontractual` or
    /// `voluntary`, followed by the consequences in quotes (optional after `voluntary`), or
    /// `provision conditional "what the person applies for" "consequences"`.
    ///
    /// ## Example
    /// ```privacy
    /// purpose orders "Nettbutikk" {
    ///   basis contract
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose orders "Nettbutikk" {
    ///   basis contract
    ///   provision contractual "Utan namn og adresse kan vi ikkje sende varene"
    /// }
    /// ```
    pub struct MissingProvision {
        name: "missing-provision",
        severity: Warning,
        scope: Definition,
        article: "Art. 13(2)(e)",
        fix: Never,
        summary: [
            "erklæringen sier ikke om personen må gi opplysningene, og hva som skjer ellers",
            "erklæringa seier ikkje om personen må gi opplysningane, og kva som skjer elles",
            "no statement of whether the person must provide the data, and what happens if not",
        ],
    }
    messages {
        NO_CONSEQUENCE = [
            "`provision {word}` sier ikke hva som skjer hvis personen ikke gir opplysningene ({Art. 13(2)(e)}): legg det til i anførselstegn, som `{example}`",
            "`provision {word}` seier ikkje kva som skjer viss personen ikkje gir opplysningane ({Art. 13(2)(e)}): legg det til i hermeteikn, som `{example}`",
            "`provision {word}` does not say what happens if the person does not provide the data ({Art. 13(2)(e)}): add it in quotes, like `{example}`",
        ];
        WITHOUT_DATA = ["Uten disse opplysningene kan vi ikke …", "Utan desse opplysningane kan vi ikkje …", "Without these data we cannot …"];
        IF_NOT_GIVEN = ["Hvis du ikke gir dem, …", "Viss du ikkje gir dei, …", "If you do not give them, …"];
        APPLIES_FOR = ["det personen søker om", "det personen søkjer om", "what the person applies for"];
        NO_PROVISION = [
            "formålet `{purpose}` samler inn opplysninger fra personen med `basis {basis}`, men sier ikke om personen må gi dem: erklæringen skal si om personen har plikt til å gi opplysningene, om det er et lovfestet eller avtalefestet krav eller nødvendig for å inngå en avtale, og hva som skjer hvis personen ikke gir dem ({Art. 13(2)(e)}); legg til `provision statutory`, `contractual`, `precontractual`, `conditional` eller `voluntary` med følgene i anførselstegn, som `provision {example}`",
            "formålet `{purpose}` samlar inn opplysningar frå personen med `basis {basis}`, men seier ikkje om personen må gi dei: erklæringa skal seie om personen har plikt til å gi opplysningane, om det er eit lovfesta eller avtalefesta krav eller naudsynt for å inngå ein avtale, og kva som skjer viss personen ikkje gir dei ({Art. 13(2)(e)}); legg til `provision statutory`, `contractual`, `precontractual`, `conditional` eller `voluntary` med følgjene i hermeteikn, som `provision {example}`",
            "the purpose `{purpose}` collects data from the person under `basis {basis}` but does not say whether they must provide them: the notice must say whether providing the data is required by law or by a contract, or needed to enter into one, whether the person must provide them, and what happens if they do not ({Art. 13(2)(e)}); add `provision statutory`, `contractual`, `precontractual`, `conditional` or `voluntary` with the consequences in quotes, like `provision {example}`",
        ];
        THE_BASIS = ["grunnlaget for innsamlingen", "grunnlaget for innsamlinga", "the basis of the collection"];
    }
}

/// Whether the purpose observes the person rather than collecting what they provide:
/// monitoring (camera included) or cookies beyond strictly necessary ones.
fn observes(purpose: &Purpose) -> bool {
    purpose.monitors().is_some()
        || purpose
            .cookies
            .iter()
            .any(|c| c.value != Cookie::StrictlyNecessary)
}

impl Rule for MissingProvision {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            if let Some(provision) = &purpose.provision {
                if provision.kind != Provision::Voluntary && provision.consequence.is_none() {
                    let word = provision.kind.word();
                    let without = report.say(Self::WITHOUT_DATA, &[]);
                    let example = if provision.kind == Provision::Conditional {
                        let applies_for = match &provision.condition {
                            Some(condition) => condition.value.clone(),
                            None => report.say(Self::APPLIES_FOR, &[]),
                        };
                        format!("provision conditional \"{applies_for}\" \"{without}\"")
                    } else {
                        format!("provision {word} \"{without}\"")
                    };
                    report.push(Diagnostic::new(
                        &Self::META,
                        provision.span,
                        report.say(
                            Self::NO_CONSEQUENCE,
                            &[("word", &word), ("example", &example)],
                        ),
                    ));
                }
                continue;
            }
            if purpose.written.contains("provision")
                || purpose.written.contains("reuses")
                || observes(purpose)
                || !model.collects_from_person(purpose)
            {
                continue;
            }
            // The first basis other than consent; an unreadable basis is not one (it is not
            // known which it is), so it alone gives no finding.
            let Some(basis) = purpose.bases.iter().find(|b| b.kind != LegalBasis::Consent) else {
                continue;
            };
            let (kind, consequence) = match basis.kind {
                LegalBasis::Contract => ("contractual", Self::WITHOUT_DATA),
                LegalBasis::LegalObligation | LegalBasis::PublicTask => {
                    ("statutory", Self::WITHOUT_DATA)
                }
                _ => ("voluntary", Self::IF_NOT_GIVEN),
            };
            let example = format!("{kind} \"{}\"", report.say(consequence, &[]));
            report.push(
                Diagnostic::new(
                    &Self::META,
                    purpose.id.span,
                    report.say(
                        Self::NO_PROVISION,
                        &[
                            ("purpose", &purpose.id.name),
                            ("basis", &basis.kind.word()),
                            ("example", &example),
                        ],
                    ),
                )
                .with_related(basis.span, report.say(Self::THE_BASIS, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-provision";

    fn purpose(body: &str) -> String {
        format!(
            "source reg \"Registeret\"\npurpose q \"Q\" {{ basis contract }}\npurpose p \"P\" {{\n  {body}\n}}\n"
        )
    }

    /// The findings in purpose `p` only (line 3 on).
    fn lines_in_p(body: &str) -> Vec<usize> {
        lines(RULE, &purpose(body))
            .into_iter()
            .filter(|&l| l >= 3)
            .collect()
    }

    #[test]
    fn bases_that_usually_require_the_data() {
        for basis in [
            "contract",
            "legal_obligation \"lov\"",
            "public_task \"lov\"",
        ] {
            assert_eq!(lines_in_p(&format!("basis {basis}")), vec![3], "{basis}");
        }
        // v3: every basis except consent (Art. 13(2)(e) applies to every collection).
        for basis in ["legitimate_interests \"x\"", "vital_interests"] {
            assert_eq!(lines_in_p(&format!("basis {basis}")), vec![3], "{basis}");
        }
        assert!(lines_in_p("basis consent").is_empty());
        assert_eq!(
            lines_in_p("basis consent\n  basis legitimate_interests \"x\""),
            vec![3]
        );
        assert!(lines_in_p("").is_empty());
        assert!(
            lines_in_p("basis necessary").is_empty(),
            "an unreadable basis is not known to be other than consent"
        );
    }

    #[test]
    fn not_for_observed_data_other_sources_or_reuse() {
        assert!(lines_in_p("basis contract\n  monitoring").is_empty());
        assert!(lines_in_p("basis contract\n  sources reg").is_empty());
        assert!(lines_in_p("basis contract\n  reuses q").is_empty());
        // An unknown reference still counts as written (no cascades).
        assert!(lines_in_p("basis contract\n  reuses nowhere").is_empty());
    }

    #[test]
    fn a_provision_needs_its_consequences_unless_voluntary() {
        assert!(
            lines_in_p("basis contract\n  provision contractual \"Utan dei ingen avtale\"")
                .is_empty()
        );
        assert!(lines_in_p("basis contract\n  provision voluntary").is_empty());
        for kind in ["statutory", "contractual", "precontractual"] {
            assert_eq!(
                lines_in_p(&format!("basis contract\n  provision {kind}")),
                vec![5],
                "{kind}"
            );
        }
        // Whatever the basis, and wherever the data come from.
        assert_eq!(
            lines_in_p("basis consent\n  sources reg\n  provision statutory"),
            vec![6]
        );
    }

    #[test]
    fn an_unreadable_provision_counts_as_present() {
        assert!(lines_in_p("basis contract\n  provision mandatory \"x\"").is_empty());
    }

    #[test]
    fn a_data_subject_source_is_a_collection_from_the_person() {
        let text = "source app \"Appen\" { data_subject }\nsource reg \"Registeret\"\npurpose p \"P\" {\n  basis contract\n  sources reg, app\n}\n";
        assert_eq!(lines(RULE, text), vec![3]);
        let only_register = text.replace("sources reg, app", "sources reg");
        assert!(lines(RULE, &only_register).is_empty());
    }

    #[test]
    fn observed_data_are_not_provided() {
        assert!(lines_in_p("basis contract\n  camera").is_empty());
        assert!(lines_in_p("basis legitimate_interests \"x\"\n  cookies analytics").is_empty());
        assert_eq!(
            lines_in_p("basis contract\n  cookies strictly_necessary"),
            vec![3],
            "strictly necessary cookies do not make the purpose an observation"
        );
    }

    #[test]
    fn conditional_needs_its_second_text() {
        assert_eq!(
            lines_in_p("basis public_task \"lov\"\n  provision conditional \"du søkjer\""),
            vec![5]
        );
        assert!(
            lines_in_p(
                "basis public_task \"lov\"\n  provision conditional \"du søkjer\" \"Utan dei ingen støtte\""
            )
            .is_empty()
        );
    }
}
