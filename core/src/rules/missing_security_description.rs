use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::text::Span;

declare_rule! {
    /// ## What it checks
    /// A declaration in which neither the controller nor any purpose has `security`. One
    /// finding per declaration, at the controller's name.
    ///
    /// ## Why
    /// The record of processing activities must contain, where possible, a general
    /// description of the technical and organisational security measures referred to in Art.
    /// 32(1) (Art. 30(1)(g)). `security` on the controller describes the measures that apply
    /// to everything; `security` on a purpose, those of that purpose. The text goes into the
    /// record (`privlint record`), not the notice. This is information, not a fault: "where
    /// possible" leaves room, and a controller that keeps the description elsewhere may turn
    /// the rule off.
    ///
    /// ## Example
    /// ```privacy
    /// controller c "Butikken AS" { email "post@butikken.example" }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "Butikken AS" {
    ///   email "post@butikken.example"
    ///   security "Tilgang etter tjenstlig behov; data krypteres under lagring og overføring."
    /// }
    /// ```
    pub struct MissingSecurityDescription {
        name: "missing-security-description",
        severity: Info,
        scope: Declaration,
        article: "Art. 30(1)(g), 32(1)",
        fix: Never,
        summary: [
            "ingen beskrivelse av sikkerhetstiltakene i protokollen",
            "inga skildring av tryggingstiltaka i protokollen",
            "no description of the security measures for the record",
        ],
    }
    messages {
        NO_SECURITY = [
            "protokollen skal om mulig beskrive de tekniske og organisatoriske sikkerhetstiltakene ({Art. 30(1)(g), 32(1)}): legg til `security \"…\"` hos den behandlingsansvarlige for tiltakene som gjelder alt, eller i et formål for tiltakene som gjelder det",
            "protokollen skal om mogleg skildre dei tekniske og organisatoriske tryggingstiltaka ({Art. 30(1)(g), 32(1)}): legg til `security \"…\"` hos den behandlingsansvarlege for tiltaka som gjeld alt, eller i eit formål for tiltaka som gjeld det",
            "the record of processing must describe, where possible, the technical and organisational security measures ({Art. 30(1)(g), 32(1)}): add `security \"…\"` to the controller for the measures that apply to everything, or to a purpose for its own",
        ];
    }
}

impl Rule for MissingSecurityDescription {
    fn check(&self, model: &Model, report: &mut Report) {
        let described = model
            .controller()
            .is_some_and(|c| c.written.contains("security"))
            || model
                .purposes
                .iter()
                .any(|p| p.written.contains("security"));
        if described {
            return;
        }
        let at = model.controller().map_or(Span::new(0, 0), |c| c.id.span);
        report.push(Diagnostic::new(
            &Self::META,
            at,
            report.say(Self::NO_SECURITY, &[]),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-security-description";

    #[test]
    fn one_finding_per_declaration_unless_the_controller_or_a_purpose_describes_them() {
        let bare = "controller c \"C\" {\n  email \"a@c.example\"\n}\npurpose p \"P\" {}\npurpose q \"Q\" {}\n";
        assert_eq!(lines(RULE, bare), vec![1]);
        let on_controller = bare.replace("email \"a@c.example\"", "security \"Kryptert.\"");
        assert!(lines(RULE, &on_controller).is_empty());
        let on_purpose = bare.replace(
            "purpose q \"Q\" {}",
            "purpose q \"Q\" { security \"Logg.\" }",
        );
        assert!(lines(RULE, &on_purpose).is_empty());
        assert_eq!(
            lines(RULE, "purpose p \"P\" {}\n"),
            vec![1],
            "1:1 without a controller"
        );
    }
}
