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
        fix: Never,
        summary: [
            "kameraopptak som lagres lenger enn sju dager (Norge)",
            "kameraopptak som blir lagra lenger enn sju dagar (Noreg)",
            "camera recordings kept longer than seven days (Norway)",
        ],
    }
    messages {
        FOR_EVER = ["for alltid", "for alltid", "for ever"];
        UNTIL_EVENT = ["til en hendelse, uten noen periode", "til ei hending, utan nokon periode", "until an event, with no period"];
        UP_TO_DAYS = ["i opptil {days} dager", "i opptil {days} dagar", "for up to {days} days"];
        STAFF = [
            "`{subject}` er ansatte, så forskriften om kameraovervåking i virksomhet ({law}) krever sletting innen {limit} dager, 30 der opptaket sannsynligvis blir utlevert til politiet",
            "`{subject}` er tilsette, så forskrifta om kameraovervaking i verksemd ({law}) krev sletting innan {limit} dagar, 30 der opptaket truleg blir utlevert til politiet",
            "`{subject}` are employees, so the regulation on camera surveillance in the workplace ({law}) requires deletion within {limit} days, 30 where the recording is likely to be handed to the police",
        ];
        NORM = [
            "{limit} dager er Datatilsynets norm for kameraopptak, og lengre lagring må dokumenteres som nødvendig ({Art. 5(1)(c), (e)}); forskriften om kameraovervåking i virksomhet ({law}) krever {limit} dager så snart ansatte filmes",
            "{limit} dagar er norma til Datatilsynet for kameraopptak, og lengre lagring må dokumenterast som naudsynt ({Art. 5(1)(c), (e)}); forskrifta om kameraovervaking i verksemd ({law}) krev {limit} dagar så snart tilsette blir filma",
            "{limit} days is Datatilsynet's norm for camera recordings, and keeping them longer must be documented as necessary ({Art. 5(1)(c), (e)}); the regulation on camera surveillance in the workplace ({law}) requires {limit} days as soon as staff are filmed",
        ];
        KEPT_TOO_LONG = [
            "opptakene fra `{purpose}` lagres {kept}: {rule}; skriv `retention {limit} days`, eller, der en lengre periode er dokumentert som nødvendig, undertrykk funnet med den begrunnelsen",
            "opptaka frå `{purpose}` blir lagra {kept}: {rule}; skriv `retention {limit} days`, eller, der ein lengre periode er dokumentert som naudsynt, undertrykk funnet med den grunngivinga",
            "the recordings of `{purpose}` are kept {kept}: {rule}; write `retention {limit} days`, or, where a longer period is documented as necessary, suppress this finding with that reason",
        ];
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
                RetentionPeriod::Indefinite(_) => report.say(Self::FOR_EVER, &[]),
                RetentionPeriod::Until(_) => report.say(Self::UNTIL_EVENT, &[]),
                RetentionPeriod::Fixed(period) | RetentionPeriod::After(period, _) => {
                    report.say(Self::UP_TO_DAYS, &[("days", &period.max_days())])
                }
            };
            let staff = purpose
                .subjects
                .iter()
                .filter_map(|r| model.subject(r))
                .find(|s| s.employee.is_some());
            let limit = CAMERA_RETENTION_DAYS;
            let rule = match staff {
                Some(staff) => report.say(
                    Self::STAFF,
                    &[
                        ("subject", &staff.id.name),
                        ("law", &CAMERA_RECORDINGS.law),
                        ("limit", &limit),
                    ],
                ),
                None => report.say(
                    Self::NORM,
                    &[("law", &CAMERA_RECORDINGS.law), ("limit", &limit)],
                ),
            };
            report.push(Diagnostic::new(
                &Self::META,
                retention.span,
                report.say(
                    Self::KEPT_TOO_LONG,
                    &[
                        ("purpose", &purpose.id.name),
                        ("kept", &kept),
                        ("rule", &rule),
                        ("limit", &limit),
                    ],
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
