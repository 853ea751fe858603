use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A purpose without `dpia` that has a `decision` (Art. 35(3)(a)), or is `monitoring`
    /// (Art. 35(3)(c)), or is `large_scale` and uses a `special` or `criminal` category
    /// (Art. 35(3)(b)).
    ///
    /// ## Why
    /// Processing likely to result in a high risk requires a data protection impact assessment
    /// before it starts (Art. 35(1)); Art. 35(3) names three cases where it is always required:
    /// systematic and extensive evaluation with automated decisions, large-scale processing of
    /// special categories or criminal-offence data, and systematic monitoring of a publicly
    /// accessible area on a large scale. Record the assessment: `dpia "DPIA-2024-03"`.
    ///
    /// ## Example
    /// ```privacy
    /// purpose cctv "Kameraovervaking" {
    ///   monitoring
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose cctv "Kameraovervaking" {
    ///   monitoring
    ///   dpia "DPIA-2024-07"
    /// }
    /// ```
    pub struct DpiaRequired {
        name: "dpia-required",
        severity: Warning,
        article: "Art. 35(1), 35(3)",
        summary: "high-risk processing without a data protection impact assessment",
    }
}

impl Rule for DpiaRequired {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model
            .purposes
            .iter()
            .filter(|p| !p.written.contains("dpia"))
        {
            let (span, why) = if let Some(decision) = purpose.decisions.first() {
                (
                    decision.keyword,
                    "it makes automated decisions (Art. 35(3)(a))",
                )
            } else if let Some(flag) = purpose.monitoring {
                (
                    flag,
                    "it systematically monitors a publicly accessible area (Art. 35(3)(c))",
                )
            } else if let Some(flag) = purpose.large_scale
                && (model.special_data(purpose).next().is_some()
                    || model.criminal_data(purpose).next().is_some())
            {
                (
                    flag,
                    "it processes special categories or criminal-offence data on a large scale (Art. 35(3)(b))",
                )
            } else {
                continue;
            };
            report.push(
                Diagnostic::new(
                    &Self::META,
                    purpose.id.span,
                    format!(
                        "the purpose `{}` needs a data protection impact assessment because {why}: carry one out and record it with `dpia \"reference\"` (Art. 35(1))",
                        purpose.id.name
                    ),
                )
                .with_related(span, "this makes the assessment mandatory"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "dpia-required";

    fn purpose(body: &str) -> String {
        format!(
            "category s \"S\" {{ special }}\ncategory c \"C\"\npurpose p \"P\" {{\n  {body}\n}}\n"
        )
    }

    #[test]
    fn the_three_cases_of_article_35_3() {
        assert_eq!(lines(RULE, &purpose("decision \"D\" {}")), vec![3]);
        assert_eq!(lines(RULE, &purpose("monitoring")), vec![3]);
        assert_eq!(lines(RULE, &purpose("large_scale\n  data s")), vec![3]);
        assert!(lines(RULE, &purpose("large_scale\n  data c")).is_empty());
        assert!(lines(RULE, &purpose("data s")).is_empty());
        assert!(lines(RULE, &purpose("monitoring\n  dpia \"D-1\"")).is_empty());
    }
}
