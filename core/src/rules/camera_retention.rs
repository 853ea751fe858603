use crate::diagnostic::Diagnostic;
use crate::model::{CAMERA_RETENTION_DAYS, Model, RetentionPeriod};
use crate::rules::{Report, Rule};
use crate::vocab::CAMERA_RECORDINGS;

declare_rule! {
    /// ## What it checks
    /// For a controller in Norway (one of its `country` or `establishment` values is NO): a
    /// `camera` purpose whose `retention` is `indefinite`, `until "…"`, or longer than 7 days
    /// (for `retention … after "…"`, its period, read as running from the recording). On that
    /// retention this rule replaces `indefinite-retention` and `vague-retention`: one finding,
    /// not three.
    ///
    /// ## Why
    /// The regulation on camera surveillance in the workplace, forskrift 2. juli 2018 nr. 1107
    /// om kameraovervåking i virksomhet (under arbeidsmiljøloven § 9-6): where employees are filmed, recordings must be deleted when
    /// there is no longer a legitimate reason to keep them and at the latest seven days after
    /// the recording, thirty where the recording is likely to be handed to the police. Where
    /// no employee is filmed, seven days is Datatilsynet's norm ("Kameraovervåking – hva er
    /// lov?"), and keeping recordings longer must be documented as necessary (Art. 5(1)(c),
    /// (e)); the regulation applies as soon as staff are filmed. Source: Datatilsynet,
    /// "Skilting og sletting" and "Kameraovervåking – hva er lov? Informasjon og sletting",
    /// checked 2026-12-08 (privlint's table of Norwegian provisions,
    /// `core/src/vocab/norway.rs`; the regulation's own text not verified).
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Butikken AS" { country NO }
    /// purpose cctv "Kameraovervåking av butikken" {
    ///   camera
    ///   retention 30 days
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Butikken AS" { country NO }
    /// purpose cctv "Kameraovervåking av butikken" {
    ///   camera
    ///   retention 7 days
    /// }
    /// ```
    pub struct CameraRetention {
        name: "camera-retention",
        severity: Warning,
        scope: Definition,
        article: "forskrift om kameraovervåking i virksomhet (arbeidsmiljøloven § 9-6); GDPR Art. 5(1)(c), (e)",
        summary: "camera recordings kept longer than seven days (Norway)",
        fix: Never,
    }
}

impl Rule for CameraRetention {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            if !model.camera_retention_too_long(purpose) {
                continue;
            }
            let Some(retention) = &purpose.retention else {
                continue;
            };
            let kept = match &retention.period {
                RetentionPeriod::Indefinite(_) => "for ever".to_string(),
                RetentionPeriod::Until(_) => "until an event, with no period".to_string(),
                RetentionPeriod::Fixed(period) | RetentionPeriod::After(period, _) => {
                    format!("for up to {} days", period.max_days())
                }
            };
            let staff = purpose
                .subjects
                .iter()
                .filter_map(|r| model.subject(r))
                .find(|s| s.employee.is_some());
            let rule = match staff {
                Some(staff) => format!(
                    "`{}` are employees, so the regulation on camera surveillance in the workplace ({}) requires deletion within {CAMERA_RETENTION_DAYS} days, 30 where the recording is likely to be handed to the police",
                    staff.id.name, CAMERA_RECORDINGS.law
                ),
                None => format!(
                    "{CAMERA_RETENTION_DAYS} days is Datatilsynet's norm for camera recordings, and keeping them longer must be documented as necessary (Art. 5(1)(c), (e)); the regulation on camera surveillance in the workplace ({}) requires {CAMERA_RETENTION_DAYS} days as soon as staff are filmed",
                    CAMERA_RECORDINGS.law
                ),
            };
            report.push(Diagnostic::new(
                &Self::META,
                retention.span,
                format!(
                    "the recordings of `{}` are kept {kept}: {rule}; write `retention {CAMERA_RETENTION_DAYS} days`, or, where a longer period is documented as necessary, suppress this finding with that reason",
                    purpose.id.name
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "camera-retention";

    fn camera(country: &str, retention: &str) -> String {
        format!(
            "controller c \"C\" {{ {country} }}\nsubject staff \"Ansatte\" {{ employee }}\npurpose p \"P\" {{\n  camera\n  {retention}\n}}\n"
        )
    }

    #[test]
    fn seven_days_and_not_eight() {
        assert!(lines(RULE, &camera("country NO", "retention 7 days")).is_empty());
        assert!(lines(RULE, &camera("country NO", "retention 1 week")).is_empty());
        assert_eq!(
            lines(RULE, &camera("country NO", "retention 8 days")),
            vec![5]
        );
        assert_eq!(
            lines(RULE, &camera("country NO", "retention 1 month")),
            vec![5]
        );
        assert_eq!(
            lines(
                RULE,
                &camera("country NO", "retention 14 days after \"opptaket\"")
            ),
            vec![5]
        );
        assert!(
            lines(
                RULE,
                &camera("country NO", "retention 3 days after \"opptaket\"")
            )
            .is_empty()
        );
    }

    #[test]
    fn indefinite_and_until_replace_the_general_rules() {
        let indefinite = camera("country NO", "retention indefinite \"ved innbrudd\"");
        assert_eq!(lines(RULE, &indefinite), vec![5]);
        assert!(
            lines("indefinite-retention", &indefinite).is_empty(),
            "no cascade"
        );
        let vague = camera("country NO", "retention until \"formålet er oppfylt\"");
        assert_eq!(lines(RULE, &vague), vec![5]);
        assert!(lines("vague-retention", &vague).is_empty(), "no cascade");
        // Outside Norway the general rules still speak.
        let iceland = camera("country IS", "retention indefinite");
        assert!(lines(RULE, &iceland).is_empty());
        assert_eq!(lines("indefinite-retention", &iceland), vec![5]);
    }

    #[test]
    fn not_without_camera() {
        let text = "controller c \"C\" { country NO }\npurpose p \"P\" {\n  monitoring\n  retention 30 days\n}\n";
        assert!(lines(RULE, text).is_empty());
    }

    #[test]
    fn employees_bring_the_regulation_and_others_the_norm() {
        let staff = camera("country NO", "subjects staff\n  retention 30 days");
        assert!(
            findings(RULE, &staff)[0]
                .1
                .contains("requires deletion within 7 days")
        );
        let others = camera("country NO", "retention 30 days");
        assert!(findings(RULE, &others)[0].1.contains("Datatilsynet's norm"));
    }
}
