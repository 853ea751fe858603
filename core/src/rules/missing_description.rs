use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A purpose without `description`, in a declaration that has a `notice` (a declaration
    /// without one is a record only, and the record's purposes are named by their labels).
    ///
    /// ## Why
    /// Information must be given in a concise, transparent, intelligible form, in clear and
    /// plain language (Art. 12(1)), processing must be transparent (Art. 5(1)(a)), and the
    /// notice must give "the purposes of the processing" (Art. 13(1)(c), 14(1)(c)). A label
    /// such as "Kundeservice" names the purpose but does not tell the reader what is done with
    /// their data. `description` says it in one to three plain sentences.
    ///
    /// ## Example
    /// ```privacy
    /// notice "Personvernerklæring"
    /// purpose support "Kundeservice" {}
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// notice "Personvernerklæring"
    /// purpose support "Kundeservice" {
    ///   description "Vi bruker opplysningene til å svare på spørsmål og klager du sender oss."
    /// }
    /// ```
    pub struct MissingDescription {
        name: "missing-description",
        severity: Warning,
        scope: Definition,
        article: "Art. 5(1)(a), 12(1), 13(1)(c), 14(1)(c)",
        fix: Never,
        summary: [
            "et formål i en erklæring med bare en overskrift, ikke hva som gjøres med opplysningene",
            "eit formål i ei erklæring med berre ei overskrift, ikkje kva som blir gjort med opplysningane",
            "a purpose in a notice with only a label, not what is done with the data",
        ],
    }
    messages {
        NO_DESCRIPTION = [
            "formålet `{purpose}` har en overskrift, men ingen beskrivelse: erklæringen skal fortelle leseren på et klart og enkelt språk hva som gjøres med opplysningene til dette formålet ({Art. 12(1), 13(1)(c), 5(1)(a)}); legg til `description \"…\"` med én til tre enkle setninger",
            "formålet `{purpose}` har ei overskrift, men inga skildring: erklæringa skal fortelje lesaren på eit klart og enkelt språk kva som blir gjort med opplysningane til dette formålet ({Art. 12(1), 13(1)(c), 5(1)(a)}); legg til `description \"…\"` med éi til tre enkle setningar",
            "the purpose `{purpose}` has a label but no description: the notice must tell the reader in clear and plain language what is done with their data for this purpose ({Art. 12(1), 13(1)(c), 5(1)(a)}); add `description \"…\"` with one to three plain sentences",
        ];
    }
}

impl Rule for MissingDescription {
    fn check(&self, model: &Model, report: &mut Report) {
        if model.notice.is_none() {
            return;
        }
        for purpose in model
            .purposes
            .iter()
            .filter(|p| !p.written.contains("description"))
        {
            report.push(Diagnostic::new(
                &Self::META,
                purpose.id.span,
                report.say(Self::NO_DESCRIPTION, &[("purpose", &purpose.id.name)]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "missing-description";

    #[test]
    fn only_in_a_declaration_with_a_notice() {
        let purpose = "purpose p \"P\" {\n  basis contract\n}\n";
        assert!(lines(RULE, purpose).is_empty(), "a record only");
        let notice = format!("notice \"N\"\n{purpose}");
        assert_eq!(lines(RULE, &notice), vec![2]);
        let described = "notice \"N\"\npurpose p \"P\" {\n  description \"Vi gjer dette.\"\n}\n";
        assert!(lines(RULE, described).is_empty());
    }

    #[test]
    fn the_message_names_the_article_and_the_field() {
        let message = &findings(RULE, "notice \"N\"\npurpose p \"P\" {}\n")[0].1;
        assert!(
            message.contains("Art. 12(1)") && message.contains("description"),
            "{message}"
        );
    }
}
