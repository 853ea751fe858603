use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Model, Place};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `country` that is not an ISO 3166-1 alpha-2 code. `UK` and `EL` (the codes the EU
    /// uses for the United Kingdom and Greece) get `GB` and `GR` suggested.
    ///
    /// ## Why
    /// Whether a transfer leaves the EEA, and whether an adequacy decision covers it, depends
    /// on the country. A party with an unknown country is never treated as outside the EEA, so
    /// a misspelt code hides a transfer.
    ///
    /// ## Example
    /// ```privacy
    /// processor hosting "Drift" { country UK }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// processor hosting "Drift" { country GB }
    /// ```
    pub struct UnknownCountry {
        name: "unknown-country",
        severity: Error,
        scope: Section,
        article: "",
        fix: Sometimes,
        summary: [
            "en landkode som ikke er ISO 3166-1 alpha-2",
            "ein landkode som ikkje er ISO 3166-1 alpha-2",
            "a country code that is not ISO 3166-1 alpha-2",
        ],
    }
    messages {
        DID_YOU_MEAN = [
            "`{code}` er ikke en ISO 3166-1 alpha-2-kode; mente du `{right}`?",
            "`{code}` er ikkje ein ISO 3166-1 alpha-2-kode; meinte du `{right}`?",
            "`{code}` is not an ISO 3166-1 alpha-2 code; did you mean `{right}`?",
        ];
        REPLACE = ["Erstatt med `{right}`", "Byt ut med `{right}`", "Replace with `{right}`"];
        UNKNOWN = [
            "`{code}` er ikke en landkode etter ISO 3166-1 alpha-2: skriv koden på to bokstaver, som `NO`, `SE` eller `US`",
            "`{code}` er ikkje ein landkode etter ISO 3166-1 alpha-2: skriv koden på to bokstavar, som `NO`, `SE` eller `US`",
            "`{code}` is not an ISO 3166-1 alpha-2 country code: write the two-letter code, like `NO`, `SE` or `US`",
        ];
    }
}

/// Codes that people use for a country but that ISO 3166-1 gives another code.
const COMMON_MISTAKES: &[(&str, &str)] = &[("UK", "GB"), ("EL", "GR"), ("EN", "GB")];

impl Rule for UnknownCountry {
    fn check(&self, model: &Model, report: &mut Report) {
        let countries = model
            .controllers
            .iter()
            .filter_map(|c| c.country.as_ref())
            .chain(
                model
                    .representatives
                    .iter()
                    .filter_map(|r| r.country.as_ref()),
            )
            .chain(model.sources.iter().filter_map(|s| s.country.as_ref()))
            .chain(model.parties.iter().filter_map(|p| p.country.as_ref()));
        let unknown = countries
            .flat_map(|c| &c.values)
            .filter(|v| v.place == Place::Unknown);
        for country in unknown {
            let code = country.code.as_str();
            let diagnostic = match COMMON_MISTAKES.iter().find(|(wrong, _)| *wrong == code) {
                Some((_, right)) => Diagnostic::new(
                    &Self::META,
                    country.span,
                    report.say(Self::DID_YOU_MEAN, &[("code", &code), ("right", right)]),
                )
                .with_fix(
                    report.say(Self::REPLACE, &[("right", right)]),
                    vec![Edit {
                        span: country.span,
                        text: right.to_string(),
                    }],
                ),
                None => Diagnostic::new(
                    &Self::META,
                    country.span,
                    report.say(Self::UNKNOWN, &[("code", &code)]),
                ),
            };
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    #[test]
    fn reports_codes_outside_iso() {
        assert_eq!(
            lines("unknown-country", "processor p \"P\" { country QQ }\n"),
            vec![1]
        );
        assert_eq!(
            lines("unknown-country", "source s \"S\" { country USA }\n"),
            vec![1]
        );
        assert!(lines("unknown-country", "controller c \"C\" { country NO }\n").is_empty());
        let found = findings("unknown-country", "recipient r \"R\" { country UK }\n");
        assert!(found[0].1.contains("did you mean `GB`"), "{}", found[0].1);
    }
}
