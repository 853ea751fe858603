use crate::diagnostic::Diagnostic;
use crate::model::{Model, RetentionPeriod};
use crate::rules::{Report, Rule};
use crate::vocab::vague_retention;

declare_rule! {
    /// ## What it checks
    /// The text of `retention until "…"` or `retention … after "…"` (as written, not its
    /// translations) when it is one of the phrases that give neither a period nor the criteria
    /// for one: "så lenge det er nødvendig", "så lenge det er naudsynt", "så lenge det trengs",
    /// "så lenge vi trenger dem", "så lenge vi treng dei", "så lenge vi trenger opplysningene",
    /// "så lenge vi treng opplysningane", "formålet er oppfylt", "føremålet er oppfylt",
    /// "formålet er oppnådd", "føremålet er nådd", "behovet opphører", "i mange år", "as long as
    /// necessary", "as long as needed", "as long as we need it", "the purpose has been
    /// fulfilled", "the purpose is fulfilled", "no longer needed" and "no longer necessary".
    ///
    /// The text is compared as a whole, after putting it in Unicode NFC, in lower case, with
    /// each run of spaces made one, without spaces or a full stop at the ends, and without a
    /// leading "inntil ", "til " or "until ": "Inntil formålet er oppfylt." is the phrase
    /// "formålet er oppfylt". A text that says more is not vague, even when it contains one of
    /// the phrases: "så lenge det er nødvendig for å oppfylle bokføringsplikten, og inntil 5 år"
    /// gives the criterion and the period.
    ///
    /// ## Why
    /// The notice must give "the period for which the personal data will be stored, or if that
    /// is not possible, the criteria used to determine that period" (Art. 13(2)(a), 14(2)(a)),
    /// and data may be kept no longer than the purpose needs (Art. 5(1)(e)). "As long as
    /// necessary" or "until the purpose is fulfilled" only repeats that principle: the reader
    /// still cannot tell how long. The Article 29 Working Party's transparency guidelines
    /// (WP260 rev.01, endorsed by the EDPB) say a generic "as long as necessary" is not
    /// enough, and Datatilsynet asks controllers to set deadlines for deletion or periodic
    /// review. Each phrase's source is in privlint's table (`core/src/vocab/retention.rs`).
    ///
    /// ## Example
    /// ```privacy
    /// purpose support "Kundeservice" {
    ///   retention until "så lenge det er nødvendig"
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose support "Kundeservice" {
    ///   retention 6 months after "henvendelsen er avsluttet"
    /// }
    /// ```
    pub struct VagueRetention {
        name: "vague-retention",
        severity: Warning,
        scope: Definition,
        article: "Art. 5(1)(e), 13(2)(a)",
        fix: Never,
        summary: [
            "en lagringstid som verken gir en periode eller kriteriene for den",
            "ei lagringstid som verken gir ein periode eller kriteria for han",
            "a retention text that gives neither a period nor the criteria for one",
        ],
    }
    messages {
        VAGUE = [
            "\"{text}\" gir verken en periode eller kriteriene som bestemmer den, så leseren kan ikke se hvor lenge opplysningene i `{purpose}` lagres ({Art. 13(2)(a), 5(1)(e)}): skriv perioden, eller hendelsen den starter med og hvor lenge etter, som `retention 3 years after \"avtalen ble avsluttet\"`; der en lov bestemmer perioden, oppgi loven",
            "\"{text}\" gir verken ein periode eller kriteria som avgjer han, så lesaren kan ikkje sjå kor lenge opplysningane i `{purpose}` blir lagra ({Art. 13(2)(a), 5(1)(e)}): skriv perioden, eller hendinga han startar med og kor lenge etter, som `retention 3 years after \"avtalen vart avslutta\"`; der ei lov avgjer perioden, oppgi lova",
            "\"{text}\" gives neither a period nor the criteria that fix one, so the reader cannot tell how long the data of `{purpose}` are kept ({Art. 13(2)(a), 5(1)(e)}): write the period, or the event that starts it and how long after, like `retention 3 years after \"the contract ended\"`; where a law sets the period, name it",
        ];
    }
}

impl Rule for VagueRetention {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            let Some(retention) = &purpose.retention else {
                continue;
            };
            let text = match &retention.period {
                RetentionPeriod::Until(text) | RetentionPeriod::After(_, text) => text,
                RetentionPeriod::Fixed(_) | RetentionPeriod::Indefinite(_) => continue,
            };
            // camera-retention's finding on this retention, not this one (no cascade).
            if vague_retention(&text.value).is_none() || model.camera_retention_too_long(purpose) {
                continue;
            }
            report.push(Diagnostic::new(
                &Self::META,
                text.span,
                report.say(
                    Self::VAGUE,
                    &[("text", &text.value), ("purpose", &purpose.id.name)],
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "vague-retention";

    fn until(text: &str) -> String {
        format!("purpose p \"P\" {{\n  retention until \"{text}\"\n}}\n")
    }

    #[test]
    fn each_phrase_in_each_language_fires() {
        for group in crate::vocab::VAGUE_RETENTION_PHRASES {
            for phrase in group.phrases {
                assert_eq!(lines(RULE, &until(phrase)), vec![2], "{phrase}");
            }
        }
        // As a reader would write them: one of each language, with capitals and a full stop.
        for written in [
            "Så lenge det er nødvendig.",
            "Så lenge vi treng opplysningane",
            "Until the purpose is fulfilled.",
        ] {
            assert_eq!(lines(RULE, &until(written)), vec![2], "{written}");
        }
    }

    #[test]
    fn inntil_the_purpose_is_fulfilled_fires() {
        assert_eq!(lines(RULE, &until("Inntil formålet er oppfylt.")), vec![2]);
        let after = "purpose p \"P\" {\n  retention 1 year after \"formålet er oppnådd\"\n}\n";
        assert_eq!(lines(RULE, after), vec![2]);
    }

    #[test]
    fn a_precise_text_containing_a_vague_phrase_does_not_fire() {
        assert!(
            lines(
                RULE,
                &until(
                    "så lenge det er nødvendig for å oppfylle bokføringsplikten, og inntil 5 år"
                )
            )
            .is_empty()
        );
        assert!(lines(RULE, &until("kundeforholdet er avsluttet")).is_empty());
        assert!(lines(RULE, "purpose p \"P\" {\n  retention 5 years\n}\n").is_empty());
        assert!(
            lines(
                RULE,
                "purpose p \"P\" {\n  retention indefinite \"i mange år\"\n}\n"
            )
            .is_empty(),
            "indefinite-retention's finding, not this one"
        );
    }

    #[test]
    fn only_the_text_as_written_counts_not_its_translations() {
        let text = "purpose p \"P\" {\n  retention until \"kontrakten er avsluttet\" en \"as long as needed\"\n}\n";
        assert!(lines(RULE, text).is_empty());
    }

    #[test]
    fn the_message_names_the_article_and_what_to_write() {
        let message = &findings(RULE, &until("as long as needed"))[0].1;
        assert!(message.contains("Art. 13(2)(a)"), "{message}");
        assert!(
            message.contains("after \\\"") || message.contains("after \""),
            "{message}"
        );
    }
}
