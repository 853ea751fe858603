use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::text::Span;

declare_rule! {
    /// ## What it checks
    /// A purpose without `dpia` that
    /// - has a `decision` and is `profiling` (Art. 35(3)(a): a systematic and extensive
    ///   evaluation of personal aspects on which decisions are based), or
    /// - is `large_scale` and uses a `special` or `criminal` category (Art. 35(3)(b)), or
    /// - is `monitoring` (or `camera`, which is monitoring) and `large_scale` (Art. 35(3)(c) for publicly accessible areas; Art.
    ///   35(1) otherwise), or
    /// - meets two or more of the criteria the EDPB uses for "likely to result in a high risk"
    ///   (WP248 rev.01, endorsed by the EDPB): (1) `profiling`, (2) a `decision`, (3)
    ///   `monitoring` or `camera`, (4) a `special` or `criminal` category, (5) `large_scale`, and (6) people
    ///   in a weak position (a `child` or `employee` subject).
    ///
    /// A decision alone is criterion (2), not Art. 35(3)(a): a fee table applied to a person's
    /// income is an automated decision (Art. 22), but not an "extensive evaluation" of them.
    ///
    /// ## Why
    /// Processing likely to result in a high risk requires a data protection impact assessment
    /// before it starts (Art. 35(1)); Art. 35(3) names three cases where it is always required.
    /// Monitoring alone is not one of them: Art. 35(3)(c) needs monitoring on a large scale, and
    /// the EDPB's guidelines count monitoring as one criterion among several — two or more
    /// usually mean an assessment is needed. Record the assessment, or the screening that found
    /// none was needed: `dpia "DPIA-2024-03"`.
    ///
    /// ## Example
    /// ```privacy
    /// subject staff "Tilsette" { employee }
    /// purpose cctv "Kameraovervaking" {
    ///   monitoring
    ///   subjects staff
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// subject staff "Tilsette" { employee }
    /// purpose cctv "Kameraovervaking" {
    ///   monitoring
    ///   subjects staff
    ///   dpia "DPIA-2024-07"
    /// }
    /// ```
    pub struct DpiaRequired {
        name: "dpia-required",
        severity: Warning,
        scope: Definition,
        article: "Art. 35(1), 35(3)",
        fix: Never,
        summary: [
            "behandling med høy risiko uten vurdering av personvernkonsekvenser (DPIA)",
            "behandling med høg risiko utan vurdering av personvernkonsekvensar (DPIA)",
            "high-risk processing without a data protection impact assessment",
        ],
    }
    messages {
        PROFILING = ["profilering", "profilering", "profiling"];
        DECISION = ["en automatisert avgjørelse", "ei automatisert avgjerd", "an automated decision"];
        MONITORING = ["systematisk overvåking", "systematisk overvaking", "systematic monitoring"];
        SENSITIVE = [
            "særlige kategorier eller opplysninger om straffedommer og lovovertredelser",
            "særlege kategoriar eller opplysningar om straffedommar og lovbrot",
            "special or criminal-offence data",
        ];
        LARGE_SCALE = ["stor skala", "stor skala", "large scale"];
        VULNERABLE = [
            "sårbare personer (barn eller ansatte)",
            "sårbare personar (born eller tilsette)",
            "vulnerable people (children or employees)",
        ];
        PROFILING_DECISIONS = [
            "det vurderer personer ved profilering og tar automatiserte avgjørelser på det grunnlaget ({Art. 35(3)(a)})",
            "det vurderer personar ved profilering og tek automatiserte avgjerder på det grunnlaget ({Art. 35(3)(a)})",
            "it evaluates people by profiling and makes automated decisions on that basis ({Art. 35(3)(a)})",
        ];
        LARGE_SENSITIVE = [
            "det behandler særlige kategorier eller opplysninger om straffedommer og lovovertredelser i stor skala ({Art. 35(3)(b)})",
            "det behandlar særlege kategoriar eller opplysningar om straffedommar og lovbrot i stor skala ({Art. 35(3)(b)})",
            "it processes special categories or criminal-offence data on a large scale ({Art. 35(3)(b)})",
        ];
        LARGE_MONITORING = [
            "det overvåker personer systematisk i stor skala ({Art. 35(3)(c)} for offentlig tilgjengelige områder, ellers {Art. 35(1)})",
            "det overvakar personar systematisk i stor skala ({Art. 35(3)(c)} for offentleg tilgjengelege område, elles {Art. 35(1)})",
            "it monitors people systematically on a large scale ({Art. 35(3)(c)} for publicly accessible areas, {Art. 35(1)} otherwise)",
        ];
        CRITERIA = [
            "det oppfyller {count} av kriteriene for høy risiko som EDPB bruker (WP248): {criteria} ({Art. 35(1)})",
            "det oppfyller {count} av kriteria for høg risiko som EDPB brukar (WP248): {criteria} ({Art. 35(1)})",
            "it meets {count} of the criteria for high risk that the EDPB uses (WP248): {criteria} ({Art. 35(1)})",
        ];
        NEEDS_DPIA = [
            "formålet `{purpose}` krever en vurdering av personvernkonsekvenser (DPIA) fordi {why}: gjennomfør en og vis til den med `dpia \"referanse\"`, eller vis til forhåndsvurderingen som konkluderte med at det ikke trengs en",
            "formålet `{purpose}` krev ei vurdering av personvernkonsekvensar (DPIA) fordi {why}: gjennomfør ei og vis til ho med `dpia \"referanse\"`, eller vis til førehandsvurderinga som konkluderte med at det ikkje trengst ei",
            "the purpose `{purpose}` needs a data protection impact assessment because {why}: carry one out and record it with `dpia \"reference\"`, or record the screening that found none was needed",
        ];
        CRITERION = ["kriterium: {criterion}", "kriterium: {criterion}", "criterion: {criterion}"];
    }
}

impl Rule for DpiaRequired {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in model
            .purposes
            .iter()
            .filter(|p| !p.written.contains("dpia"))
        {
            let sensitive = model
                .special_data(purpose)
                .chain(model.criminal_data(purpose))
                .next()
                .map(|(r, _)| r.span);
            let vulnerable = purpose
                .subjects
                .iter()
                .find(|r| {
                    model
                        .subject(r)
                        .is_some_and(|s| s.child.is_some() || s.employee.is_some())
                })
                .map(|r| r.span);
            let decision = purpose.decisions.first().map(|d| d.keyword);
            // The WP248 criteria this model can see, each with the place that shows it; a
            // `camera` purpose monitors, so it meets (3) (rules.md, version 3).
            let criteria: Vec<(String, Span)> = [
                (Self::PROFILING, purpose.profiling),
                (Self::DECISION, decision),
                (Self::MONITORING, purpose.monitors()),
                (Self::SENSITIVE, sensitive),
                (Self::LARGE_SCALE, purpose.large_scale),
                (Self::VULNERABLE, vulnerable),
            ]
            .into_iter()
            .filter_map(|(what, span)| Some((report.say(what, &[]), span?)))
            .collect();
            let large = purpose.large_scale.is_some();
            let why = if decision.is_some() && purpose.profiling.is_some() {
                report.say(Self::PROFILING_DECISIONS, &[])
            } else if large && sensitive.is_some() {
                report.say(Self::LARGE_SENSITIVE, &[])
            } else if large && purpose.monitors().is_some() {
                report.say(Self::LARGE_MONITORING, &[])
            } else if criteria.len() >= 2 {
                let names: Vec<&str> = criteria.iter().map(|(what, _)| what.as_str()).collect();
                report.say(
                    Self::CRITERIA,
                    &[("count", &names.len()), ("criteria", &names.join(", "))],
                )
            } else {
                continue;
            };
            let mut diagnostic = Diagnostic::new(
                &Self::META,
                purpose.id.span,
                report.say(
                    Self::NEEDS_DPIA,
                    &[("purpose", &purpose.id.name), ("why", &why)],
                ),
            );
            for (what, span) in &criteria {
                diagnostic = diagnostic
                    .with_related(*span, report.say(Self::CRITERION, &[("criterion", what)]));
            }
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "dpia-required";

    fn purpose(body: &str) -> String {
        format!(
            "category s \"S\" {{ special }}\ncategory c \"C\"\npurpose p \"P\" {{\n  {body}\n}}\n"
        )
    }

    #[test]
    fn the_three_cases_of_article_35_3() {
        assert_eq!(
            lines(RULE, &purpose("decision \"D\" {}\n  profiling")),
            vec![3]
        );
        assert_eq!(lines(RULE, &purpose("large_scale\n  data s")), vec![3]);
        assert_eq!(lines(RULE, &purpose("monitoring\n  large_scale")), vec![3]);
        assert!(lines(RULE, &purpose("large_scale\n  data c")).is_empty());
        assert!(lines(RULE, &purpose("data s")).is_empty());
        assert!(
            lines(
                RULE,
                &purpose("decision \"D\" {}\n  profiling\n  dpia \"D-1\"")
            )
            .is_empty()
        );
    }

    /// A decision alone is one criterion of WP248, not Art. 35(3)(a): a fee table applied to
    /// income decides, but does not evaluate the person extensively.
    #[test]
    fn a_decision_alone_is_one_criterion_not_article_35_3_a() {
        assert!(lines(RULE, &purpose("decision \"D\" {}")).is_empty());
        let with_profiling = &findings(RULE, &purpose("decision \"D\" {}\n  profiling"))[0].1;
        assert!(with_profiling.contains("Art. 35(3)(a)"), "{with_profiling}");
        let with_special = &findings(RULE, &purpose("decision \"D\" {}\n  data s"))[0].1;
        assert!(
            with_special.contains("2 of the criteria")
                && with_special.contains("an automated decision")
                && !with_special.contains("35(3)(a)"),
            "{with_special}"
        );
    }

    #[test]
    fn two_criteria_of_wp248_but_not_one() {
        assert!(
            lines(RULE, &purpose("monitoring")).is_empty(),
            "monitoring alone is one criterion"
        );
        assert!(lines(RULE, &purpose("profiling")).is_empty());
        assert_eq!(lines(RULE, &purpose("monitoring\n  profiling")), vec![3]);
        assert_eq!(lines(RULE, &purpose("profiling\n  data s")), vec![3]);
        let employees = "subject e \"E\" { employee }\n";
        assert_eq!(
            lines(
                RULE,
                &format!("{employees}{}", purpose("monitoring\n  subjects e"))
            ),
            vec![4]
        );
        let message = &findings(RULE, &purpose("monitoring\n  profiling"))[0].1;
        assert!(
            message.contains("profiling, systematic monitoring"),
            "{message}"
        );
    }

    #[test]
    fn camera_is_criterion_three() {
        assert!(lines(RULE, &purpose("camera")).is_empty(), "one criterion");
        assert_eq!(lines(RULE, &purpose("camera\n  profiling")), vec![3]);
        let message = &findings(RULE, &purpose("camera\n  profiling"))[0].1;
        assert!(message.contains("systematic monitoring"), "{message}");
    }
}
