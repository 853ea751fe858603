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
        article: "Art. 10",
        summary: "criminal-offence data without official authority or a law",
    }
}

impl Rule for CriminalDataWithoutAuthority {
    fn check(&self, model: &Model, report: &mut Report) {
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
            report.push(
                Diagnostic::new(
                    &Self::META,
                    purpose.id.span,
                    format!(
                        "the purpose `{}` uses criminal-offence data (`{}`), which only official authority or a law with safeguards can allow (Art. 10): add `condition official_authority` or `condition authorised_by_law \"the law\"`",
                        purpose.id.name, category.id.name
                    ),
                )
                .with_related(
                    category.criminal.unwrap_or(category.id.span),
                    format!("`{}` is criminal-offence data (Art. 10)", category.id.name),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "criminal-data-without-authority";

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
