use crate::diagnostic::Diagnostic;
use crate::lang::cite;
use crate::model::{ConditionUse, Model};
use crate::rules::{Report, Rule};
use crate::vocab::{Condition, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A purpose with a `condition` that uses no `special` and no `criminal` category —
    /// except `condition explicit_consent` in a purpose with a `decision`, where it is the
    /// exception of Art. 22(2)(c) for an automated decision.
    ///
    /// ## Why
    /// The conditions of Art. 9(2) and Art. 10 lift the prohibition on special categories and
    /// criminal-offence data. A condition on a purpose that uses neither usually means a data
    /// category that should be marked `special` or `criminal` is not, or that the condition is
    /// a leftover.
    ///
    /// ## Example
    /// ```privacy
    /// category contact "Kontakt"
    /// purpose app "Skuleapp" {
    ///   basis consent
    ///   condition explicit_consent
    ///   data contact
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// category contact "Kontakt"
    /// purpose app "Skuleapp" {
    ///   basis consent
    ///   data contact
    /// }
    /// ```
    pub struct ConditionWithoutSpecialData {
        name: "condition-without-special-data",
        severity: Warning,
        scope: Definition,
        article: "Art. 9(2), 10",
        fix: Never,
        summary: [
            "et vilkår etter {Art. 9(2)} eller {Art. 10} på et formål uten slike opplysninger",
            "eit vilkår etter {Art. 9(2)} eller {Art. 10} på eit formål utan slike opplysningar",
            "an {Art. 9(2)} or {Art. 10} condition on a purpose with no such data",
        ],
    }
    messages {
        NO_SUCH_DATA = [
            "`condition {word}` ({article}) gjelder særlige kategorier eller opplysninger om straffedommer og lovovertredelser, men formålet `{purpose}` bruker ingen slike: merk kategorien `special` eller `criminal`, eller fjern vilkåret",
            "`condition {word}` ({article}) gjeld særlege kategoriar eller opplysningar om straffedommar og lovbrot, men formålet `{purpose}` brukar ingen slike: merk kategorien `special` eller `criminal`, eller fjern vilkåret",
            "`condition {word}` ({article}) is for special categories or criminal-offence data, but the purpose `{purpose}` uses none: mark the category `special` or `criminal`, or remove the condition",
        ];
    }
}

impl Rule for ConditionWithoutSpecialData {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            let sensitive = model.special_data(purpose).next().is_some()
                || model.criminal_data(purpose).next().is_some();
            // A reference that does not resolve might name a special category.
            let unresolved = purpose.data.iter().any(|r| r.target().is_none());
            if sensitive || unresolved {
                continue;
            }
            // Explicit consent is also the exception of Art. 22(2)(c) for an automated decision.
            let for_decision = |c: &&ConditionUse| {
                c.kind == Condition::ExplicitConsent && !purpose.decisions.is_empty()
            };
            for condition in purpose.conditions.iter().filter(|c| !for_decision(c)) {
                report.push(Diagnostic::new(
                    &Self::META,
                    condition.span,
                    report.say(
                        Self::NO_SUCH_DATA,
                        &[
                            ("word", &condition.kind.word()),
                            ("article", &cite(condition.kind.article(), report.language)),
                            ("purpose", &purpose.id.name),
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

    const RULE: &str = "condition-without-special-data";

    fn purpose(flag: &str) -> String {
        format!(
            "category c \"C\" {{ {flag} }}\npurpose p \"P\" {{\n  condition official_authority\n  data c\n}}\n"
        )
    }

    #[test]
    fn special_or_criminal_data_needs_the_condition() {
        assert_eq!(lines(RULE, &purpose("")), vec![3]);
        assert!(lines(RULE, &purpose("special")).is_empty());
        assert!(lines(RULE, &purpose("criminal")).is_empty());
    }

    #[test]
    fn an_undefined_category_might_be_special() {
        let text = "purpose p \"P\" {\n  condition health_care \"lov\"\n  data helth\n}\n";
        assert!(lines(RULE, text).is_empty());
    }

    #[test]
    fn explicit_consent_to_an_automated_decision_is_not_an_article_9_condition() {
        let with = |decision: &str| {
            format!("purpose p \"P\" {{\n  condition explicit_consent\n  {decision}\n}}\n")
        };
        assert!(lines(RULE, &with("decision \"D\" { logic \"L\" }")).is_empty());
        assert_eq!(lines(RULE, &with("")), vec![2]);
    }
}
