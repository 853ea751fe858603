use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::CONTROL_MEASURES;

declare_rule! {
    /// ## What it checks
    /// For a controller in Norway (one of its `country` or `establishment` values is NO): a
    /// purpose that is `monitoring` or `camera`, uses an `employee` subject, and has no
    /// `consultation`.
    ///
    /// ## Why
    /// arbeidsmiljøloven (LOV-2005-06-17-62) §§ 9-1, 9-2: an employer may carry out control
    /// measures towards its employees only with a legitimate reason in the business, and a
    /// measure must not be a disproportionate burden on them (§ 9-1); the employer must
    /// discuss the need, design and carrying out of a control measure with the employees'
    /// elected representatives as early as possible, and inform the employees of its purpose,
    /// consequences and expected duration before it starts (§ 9-2). `consultation` records
    /// when it was discussed and the employees told. Source: the text of § 9-2 and a
    /// commentary on § 9-1 (arbeidsmiljoloven.com), checked 2026-12-08 (privlint's table of
    /// Norwegian provisions, `core/src/vocab/norway.rs`; Lovdata's text not verified). No quick
    /// fix writes `consultation`: only the controller knows whether it took place.
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Lageret AS" { country NO }
    /// subject staff "Ansatte" { employee }
    /// purpose access "Adgangskontroll" {
    ///   monitoring
    ///   subjects staff
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Lageret AS" { country NO }
    /// subject staff "Ansatte" { employee }
    /// purpose access "Adgangskontroll" {
    ///   monitoring
    ///   subjects staff
    ///   consultation "Drøftet med tillitsvalgte 2026-03-04; de ansatte varslet 2026-03-10"
    /// }
    /// ```
    pub struct EmployeeMonitoring {
        name: "employee-monitoring",
        severity: Warning,
        scope: Definition,
        article: "arbeidsmiljøloven §§ 9-1, 9-2",
        fix: Never,
        summary: [
            "kontroll av ansatte uten at drøftingen med de tillitsvalgte er registrert (Norge)",
            "kontroll av tilsette utan at drøftinga med dei tillitsvalde er registrert (Noreg)",
            "monitoring of employees without the discussion with their representatives recorded (Norway)",
        ],
    }
    messages {
        NOT_DISCUSSED = [
            "formålet `{purpose}` overvåker `{subject}`: hvis de som overvåkes, er ansatte hos dere, krever {law} {section} at et kontrolltiltak har saklig grunn i virksomhetens forhold, ikke er en uforholdsmessig belastning, og blir drøftet med de tillitsvalgte så tidlig som mulig, og at de ansatte får informasjon før tiltaket settes i gang; registrer dette i `consultation \"…\"`",
            "formålet `{purpose}` overvakar `{subject}`: viss dei som blir overvaka, er tilsette hos dykk, krev {law} {section} at eit kontrolltiltak har sakleg grunn i tilhøva i verksemda, ikkje er ei uforholdsmessig belastning, og blir drøfta med dei tillitsvalde så tidleg som mogleg, og at dei tilsette får informasjon før tiltaket blir sett i gang; registrer dette i `consultation \"…\"`",
            "the purpose `{purpose}` monitors `{subject}`: if the monitored people are your employees, under {law} {section} a control measure needs a legitimate reason in the business, must not be disproportionate, and must be discussed with the employees' representatives as early as possible, with the employees informed before it starts; record that in `consultation \"…\"`",
        ];
        THE_MONITORING = ["overvåkingen", "overvakinga", "the monitoring"];
    }
}

impl Rule for EmployeeMonitoring {
    fn check(&self, model: &Model, report: &mut Report) {
        if !model.controller_in_norway() {
            return;
        }
        for purpose in &model.purposes {
            let Some(flag) = purpose.monitors() else {
                continue;
            };
            if purpose.written.contains("consultation") {
                continue;
            }
            let Some(employees) = purpose
                .subjects
                .iter()
                .filter_map(|r| model.subject(r))
                .find(|s| s.employee.is_some())
            else {
                continue;
            };
            report.push(
                Diagnostic::new(
                    &Self::META,
                    purpose.id.span,
                    report.say(
                        Self::NOT_DISCUSSED,
                        &[
                            ("purpose", &purpose.id.name),
                            ("subject", &employees.id.name),
                            ("law", &CONTROL_MEASURES.law),
                            ("section", &CONTROL_MEASURES.section),
                        ],
                    ),
                )
                .with_related(flag, report.say(Self::THE_MONITORING, &[])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "employee-monitoring";

    fn declaration(country: &str, purpose: &str) -> String {
        format!(
            "controller c \"C\" {{ {country} }}\nsubject staff \"Ansatte\" {{ employee }}\nsubject guests \"Gjester\"\npurpose p \"P\" {{\n  {purpose}\n}}\n"
        )
    }

    #[test]
    fn monitoring_or_camera_of_employees_without_consultation() {
        for flag in ["monitoring", "camera"] {
            assert_eq!(
                lines(
                    RULE,
                    &declaration("country NO", &format!("{flag}\n  subjects guests, staff"))
                ),
                vec![4],
                "{flag}"
            );
            assert!(
                lines(
                    RULE,
                    &declaration(
                        "country NO",
                        &format!("{flag}\n  subjects staff\n  consultation \"Drøftet 2026-03-04\"")
                    )
                )
                .is_empty(),
                "{flag}"
            );
        }
        assert!(
            lines(
                RULE,
                &declaration("country NO", "monitoring\n  subjects guests")
            )
            .is_empty()
        );
        assert!(lines(RULE, &declaration("country NO", "subjects staff")).is_empty());
    }

    #[test]
    fn only_for_a_controller_in_norway() {
        assert!(lines(RULE, &declaration("country IS", "camera\n  subjects staff")).is_empty());
        let message = &findings(RULE, &declaration("country NO", "camera\n  subjects staff"))[0].1;
        assert!(
            message.contains("§§ 9-1, 9-2") && message.contains("consultation"),
            "{message}"
        );
    }
}
