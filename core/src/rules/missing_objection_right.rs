use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::{LegalBasis, RightKind};

declare_rule! {
    /// ## What it checks
    /// Some purpose has `basis public_task`, `basis legitimate_interests` or
    /// `direct_marketing`, and `objection` is not granted. The purposes are related.
    ///
    /// ## Why
    /// People may object at any time to processing based on a public task or on legitimate
    /// interests (Art. 21(1)); the controller must then stop unless it shows compelling
    /// legitimate grounds that override the person's interests, or needs the data for legal
    /// claims. They may object to direct marketing (Art. 21(2)), and that objection is
    /// absolute (Art. 21(3)). Both rights must be brought to the person's attention explicitly,
    /// at the latest at the first communication, and presented clearly and separately from
    /// other information (Art. 21(4)). The notice must say so (Art. 13(2)(b)).
    ///
    /// ## Example
    /// ```privacy
    /// purpose marketing "Markedsføring" {
    ///   basis consent
    ///   direct_marketing
    /// }
    /// rights {
    ///   access
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose marketing "Markedsføring" {
    ///   basis consent
    ///   direct_marketing
    /// }
    /// rights {
    ///   access
    ///   objection
    /// }
    /// ```
    pub struct MissingObjectionRight {
        name: "missing-objection-right",
        severity: Error,
        scope: Declaration,
        article: "Art. 21(1)-(2), 13(2)(b)",
        fix: Sometimes,
        summary: [
            "retten til å protestere gjelder, men er ikke gitt",
            "retten til å protestere gjeld, men er ikkje gitt",
            "the right to object applies but is not granted",
        ],
    }
    messages {
        IS_MARKETING = [
            "`{purpose}` er direkte markedsføring ({Art. 21(2)})",
            "`{purpose}` er direkte marknadsføring ({Art. 21(2)})",
            "`{purpose}` is direct marketing ({Art. 21(2)})",
        ];
        PUBLIC_TASK = [
            "`{purpose}` bygger på en oppgave i allmennhetens interesse ({Art. 21(1)})",
            "`{purpose}` byggjer på ei oppgåve i ålmenta si interesse ({Art. 21(1)})",
            "`{purpose}` rests on a public task ({Art. 21(1)})",
        ];
        LEGITIMATE_INTERESTS = [
            "`{purpose}` bygger på berettiget interesse ({Art. 21(1)})",
            "`{purpose}` byggjer på berettiga interesse ({Art. 21(1)})",
            "`{purpose}` rests on legitimate interests ({Art. 21(1)})",
        ];
        MARKETING = [
            "de registrerte kan når som helst protestere mot direkte markedsføring, og protesten er absolutt ({Art. 21(2), 21(3)}); retten til å protestere skal presenteres tydelig og atskilt fra annen informasjon ({Art. 21(4)}): legg til `objection` i `rights`",
            "dei registrerte kan når som helst protestere mot direkte marknadsføring, og protesten er absolutt ({Art. 21(2), 21(3)}); retten til å protestere skal leggjast fram tydeleg og skilt frå annan informasjon ({Art. 21(4)}): legg til `objection` i `rights`",
            "people may object to direct marketing at any time, and the objection is absolute ({Art. 21(2), 21(3)}); the right to object must be presented clearly and separately from other information ({Art. 21(4)}): add `objection` to `rights`",
        ];
        OBJECTION = [
            "de registrerte kan protestere mot behandling som bygger på en oppgave i allmennhetens interesse eller berettiget interesse, og da må du stanse med mindre du påviser tvingende berettigede grunner som går foran interessene deres, eller trenger opplysningene for rettskrav ({Art. 21(1)}); retten skal presenteres tydelig og atskilt fra annen informasjon ({Art. 21(4), 13(2)(b)}): legg til `objection` i `rights`",
            "dei registrerte kan protestere mot behandling som byggjer på ei oppgåve i ålmenta si interesse eller berettiga interesse, og då må du stanse med mindre du påviser tvingande berettiga grunnar som går føre interessene deira, eller treng opplysningane for rettskrav ({Art. 21(1)}); retten skal leggjast fram tydeleg og skilt frå annan informasjon ({Art. 21(4), 13(2)(b)}): legg til `objection` i `rights`",
            "people may object to processing based on a public task or legitimate interests, and you must then stop unless you show compelling legitimate grounds that override their interests or need the data for legal claims ({Art. 21(1)}); the right must be presented clearly and separately from other information ({Art. 21(4), 13(2)(b)}): add `objection` to `rights`",
        ];
    }
}

impl Rule for MissingObjectionRight {
    fn check(&self, model: &Model, report: &mut Report) {
        if model
            .rights
            .as_ref()
            .is_some_and(|r| r.grants(RightKind::Objection))
        {
            return;
        }
        let mut related = Vec::new();
        let mut marketing = false;
        for purpose in &model.purposes {
            let reason = if purpose.direct_marketing.is_some() {
                marketing = true;
                Self::IS_MARKETING
            } else if purpose.has_basis(LegalBasis::PublicTask) {
                Self::PUBLIC_TASK
            } else if purpose.has_basis(LegalBasis::LegitimateInterests) {
                Self::LEGITIMATE_INTERESTS
            } else {
                continue;
            };
            related.push((
                purpose.id.span,
                report.say(reason, &[("purpose", &purpose.id.name)]),
            ));
        }
        if related.is_empty() {
            return;
        }
        let message = report.say(
            if marketing {
                Self::MARKETING
            } else {
                Self::OBJECTION
            },
            &[],
        );
        let mut diagnostic = Diagnostic::new(&Self::META, model.rights_anchor(), message);
        for (span, why) in related {
            diagnostic = diagnostic.with_related(span, why);
        }
        diagnostic.fix = model.grant_right(
            RightKind::Objection,
            super::missing_right::MissingRight::add_right(RightKind::Objection, report),
        );
        report.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "missing-objection-right";

    fn text(purpose: &str, rights: &str) -> String {
        format!("purpose p \"P\" {{\n  {purpose}\n}}\nrights {{\n  access\n  {rights}\n}}\n")
    }

    #[test]
    fn public_task_legitimate_interests_and_direct_marketing() {
        for purpose in [
            "basis public_task \"l\"",
            "basis legitimate_interests \"i\"",
            "basis consent\n  direct_marketing",
        ] {
            let rights = purpose.lines().count() + 3;
            assert_eq!(lines(RULE, &text(purpose, "")), vec![rights], "{purpose}");
            assert!(
                lines(RULE, &text(purpose, "objection")).is_empty(),
                "{purpose}"
            );
        }
        for purpose in [
            "basis consent",
            "basis contract",
            "basis legal_obligation \"l\"",
        ] {
            assert!(lines(RULE, &text(purpose, "")).is_empty(), "{purpose}");
        }
    }

    #[test]
    fn direct_marketing_is_said_to_be_absolute() {
        let found = findings(RULE, &text("basis consent\n  direct_marketing", ""));
        assert!(
            found[0].1.contains("21(3)") && found[0].1.contains("21(4)"),
            "{}",
            found[0].1
        );
    }
}
