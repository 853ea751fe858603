use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{Condition, LegalBasis};

declare_rule! {
    /// ## What it checks
    /// A purpose that has `basis consent` or `condition explicit_consent` and names an
    /// `employee` subject in `subjects`. One finding per purpose.
    ///
    /// ## Why
    /// Consent is valid only when it is freely given (Art. 4(11), 7(4)), and it is unlikely to
    /// be free where there is a clear imbalance between the person and the controller
    /// (Recital 43). Employees and job applicants depend on their employer, so they can rarely
    /// refuse without fearing the consequences (EDPB Guidelines 05/2020 on consent, paragraphs
    /// 21-24). Processing of staff data usually rests on the employment contract, a legal
    /// obligation or a legitimate interest, and special categories on Art. 9(2)(b) with the
    /// law that allows it. Consent remains possible where refusing has no consequence at all
    /// for the employee, such as an optional wellness offer or a photo on the company's web
    /// site: say so in a suppression's reason.
    ///
    /// ## Example
    /// ```privacy
    /// subject staff "Tilsette" { employee }
    /// purpose photos "Bilete av tilsette på nettstaden" {
    ///   basis consent
    ///   subjects staff
    /// }
    /// ```
    ///
    /// ## Fix
    /// When refusing truly costs the employee nothing, say so:
    /// ```privacy
    /// subject staff "Tilsette" { employee }
    /// purpose photos "Bilete av tilsette på nettstaden" {
    ///   # privlint: allow consent-imbalance -- frivillig; den som seier nei, får ingen ulemper i arbeidsforholdet
    ///   basis consent
    ///   subjects staff
    /// }
    /// ```
    pub struct ConsentImbalance {
        name: "consent-imbalance",
        severity: Warning,
        scope: Definition,
        article: "Art. 4(11), 7, Recital 43",
        fix: Never,
        summary: [
            "samtykke fra den behandlingsansvarliges egne ansatte",
            "samtykke frå dei tilsette til den behandlingsansvarlege",
            "consent from the controller's own employees",
        ],
    }
    messages {
        EMPLOYEES = [
            "formålet `{purpose}` bygger på samtykke fra den behandlingsansvarliges egne ansatte (`{subject}`), som sjelden fritt kan si nei til arbeidsgiveren, så samtykket deres er sjelden gyldig ({Art. 4(11), 7(4), Recital 43}): bygg formålet på et annet grunnlag, som arbeidsavtalen, en rettslig forpliktelse eller en berettiget interesse, eller, hvis det ikke koster den ansatte noe å si nei, undertrykk funnet og oppgi det som begrunnelse",
            "formålet `{purpose}` byggjer på samtykke frå dei tilsette til den behandlingsansvarlege (`{subject}`), som sjeldan fritt kan seie nei til arbeidsgivaren, så samtykket deira er sjeldan gyldig ({Art. 4(11), 7(4), Recital 43}): byggj formålet på eit anna grunnlag, som arbeidsavtalen, ei rettsleg plikt eller ei berettiga interesse, eller, viss det ikkje kostar den tilsette noko å seie nei, undertrykk funnet og oppgi det som grunngiving",
            "the purpose `{purpose}` relies on the consent of the controller's own employees (`{subject}`), who can rarely refuse their employer freely, so their consent is seldom valid ({Art. 4(11), 7(4), Recital 43}): rest the purpose on another basis, such as the employment contract, a legal obligation or a legitimate interest, or, if refusing costs the employee nothing, suppress this finding and give that as the reason",
        ];
        ARE_EMPLOYEES = ["disse registrerte er ansatte", "desse registrerte er tilsette", "these data subjects are employees"];
    }
}

impl Rule for ConsentImbalance {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            let span = match (
                purpose.basis(LegalBasis::Consent),
                purpose.condition(Condition::ExplicitConsent),
            ) {
                (Some(basis), _) => basis.span,
                (None, Some(condition)) => condition.span,
                (None, None) => continue,
            };
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
                    span,
                    report.say(
                        Self::EMPLOYEES,
                        &[
                            ("purpose", &purpose.id.name),
                            ("subject", &employees.id.name),
                        ],
                    ),
                )
                .with_related(
                    employees.employee.unwrap_or(employees.id.span),
                    report.say(Self::ARE_EMPLOYEES, &[]),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "consent-imbalance";

    fn purpose(body: &str, flag: &str) -> String {
        format!(
            "subject s \"S\" {{ {flag} }}\nsubject o \"O\"\npurpose p \"P\" {{\n  {body}\n  subjects o, s\n}}\n"
        )
    }

    #[test]
    fn consent_or_explicit_consent_of_employees() {
        assert_eq!(lines(RULE, &purpose("basis consent", "employee")), vec![4]);
        assert_eq!(
            lines(
                RULE,
                &purpose("basis contract\n  condition explicit_consent", "employee")
            ),
            vec![5]
        );
        // One finding, at the basis word.
        assert_eq!(
            lines(
                RULE,
                &purpose("condition explicit_consent\n  basis consent", "employee")
            ),
            vec![5]
        );
    }

    #[test]
    fn not_for_other_bases_or_other_subjects() {
        assert!(lines(RULE, &purpose("basis contract", "employee")).is_empty());
        assert!(
            lines(
                RULE,
                &purpose("basis legitimate_interests \"x\"", "employee")
            )
            .is_empty()
        );
        assert!(lines(RULE, &purpose("basis consent", "child")).is_empty());
        assert!(lines(RULE, &purpose("basis consent", "")).is_empty());
    }
}
