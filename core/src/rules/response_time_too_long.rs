use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// `respond_within` longer than one month, counting a month as 31 days (so `31 days`,
    /// `4 weeks` and `1 month` pass; `32 days`, `5 weeks` and `2 months` do not).
    ///
    /// ## Why
    /// The controller must act on a request without undue delay and in any event within one
    /// month of receiving it (Art. 12(3)). It may extend that by two further months only in a
    /// particular case, taking into account complexity and number, and must then tell the
    /// person why within the first month: a standing promise of a longer time is not allowed.
    ///
    /// ## Example
    /// ```privacy
    /// rights {
    ///   respond_within 2 months
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// rights {
    ///   respond_within 1 month
    /// }
    /// ```
    pub struct ResponseTimeTooLong {
        name: "response-time-too-long",
        severity: Error,
        scope: Section,
        article: "Art. 12(3)",
        fix: Never,
        summary: [
            "en svarfrist som er lengre enn én måned",
            "ein svarfrist som er lengre enn ein månad",
            "a response time longer than one month",
        ],
    }
    messages {
        TOO_LONG = [
            "henvendelser skal besvares innen én måned ({Art. 12(3)}); en forlengelse er for særlige tilfeller og må forklares for personen: skriv `respond_within 1 month`",
            "førespurnader skal svarast på innan ein månad ({Art. 12(3)}); ei forlenging er for særlege tilfelle og må forklarast for personen: skriv `respond_within 1 month`",
            "requests must be answered within one month ({Art. 12(3)}); an extension is for particular cases and must be explained to the person: write `respond_within 1 month`",
        ];
    }
}

impl Rule for ResponseTimeTooLong {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(within) = model
            .rights
            .as_ref()
            .and_then(|r| r.respond_within.as_ref())
        else {
            return;
        };
        if within.value.max_days() > 31 {
            report.push(Diagnostic::new(
                &Self::META,
                within.span,
                report.say(Self::TOO_LONG, &[]),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "response-time-too-long";

    #[test]
    fn one_month_is_31_days() {
        for ok in ["1 month", "31 days", "4 weeks", "30 days", "1 day"] {
            assert!(
                lines(RULE, &format!("rights {{ respond_within {ok} }}\n")).is_empty(),
                "{ok}"
            );
        }
        for long in ["32 days", "5 weeks", "2 months", "1 year"] {
            assert_eq!(
                lines(RULE, &format!("rights {{ respond_within {long} }}\n")),
                vec![1],
                "{long}"
            );
        }
    }
}
