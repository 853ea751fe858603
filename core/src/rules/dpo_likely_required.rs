use crate::diagnostic::Diagnostic;
use crate::model::{Model, Purpose};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A controller that is not `public_authority` and has no `dpo`, while some purpose is
    /// `large_scale` and either uses a `special` or `criminal` category or is `monitoring`. One
    /// finding per declaration, with each such purpose as a related location.
    ///
    /// ## Why
    /// Besides public authorities (Art. 37(1)(a), see `missing-dpo`), a controller must
    /// designate a data protection officer when its core activities consist of regular and
    /// systematic monitoring of people on a large scale (Art. 37(1)(b)), or of processing
    /// special categories (Art. 9) or criminal-offence data (Art. 10) on a large scale
    /// (Art. 37(1)(c); the two kinds of data need not come together, as the Article 29 Working
    /// Party's DPO guidelines, WP243, read it). Whether the processing is a *core* activity —
    /// part of what the controller is there to do, like a hospital's patient records, rather
    /// than a support function like the payroll of its own staff — the declaration cannot say,
    /// so this is a warning. Where a DPO is designated, declare it with `dpo`: the notice must
    /// give its contact details (Art. 13(1)(b)). Where the processing is not a core activity,
    /// suppress the finding and write why in the reason; national law may still require a DPO
    /// (Art. 37(4)).
    ///
    /// ## Example
    /// ```privacy
    /// controller klinikken "Fjordklinikken AS" {
    ///   email "post@fjordklinikken.example"
    /// }
    /// category journal "Pasientjournal" { special }
    /// purpose treatment "Behandling" {
    ///   data journal
    ///   large_scale
    /// }
    /// ```
    ///
    /// ## Fix
    /// When the processing is not a core activity, say so in a suppression:
    /// ```privacy
    /// # privlint: allow dpo-likely-required -- sjukefråvær for eigne tilsette er ein støttefunksjon, ikkje kjerneverksemd
    /// controller bygg "Fjordbygg AS" {
    ///   email "post@fjordbygg.example"
    /// }
    /// category sick_leave "Sjukefråvær" { special }
    /// purpose hr "Personaladministrasjon" {
    ///   data sick_leave
    ///   large_scale
    /// }
    /// ```
    pub struct DpoLikelyRequired {
        name: "dpo-likely-required",
        severity: Warning,
        scope: Declaration,
        article: "Art. 37(1)(b)-(c)",
        fix: Never,
        summary: [
            "overvåking i stor skala eller særlige kategorier av personopplysninger uten personvernombud",
            "overvaking i stor skala eller særlege kategoriar av personopplysningar utan personvernombod",
            "large-scale monitoring or special data without a data protection officer",
        ],
    }
    messages {
        SPECIAL_AND_CRIMINAL = [
            "behandler særlige kategorier og opplysninger om straffedommer og lovovertredelser i stor skala ({Art. 37(1)(c)})",
            "behandlar særlege kategoriar og opplysningar om straffedommar og lovbrot i stor skala ({Art. 37(1)(c)})",
            "processes special categories and criminal-offence data on a large scale ({Art. 37(1)(c)})",
        ];
        SPECIAL = [
            "behandler særlige kategorier av personopplysninger i stor skala ({Art. 37(1)(c)})",
            "behandlar særlege kategoriar av personopplysningar i stor skala ({Art. 37(1)(c)})",
            "processes special categories of data on a large scale ({Art. 37(1)(c)})",
        ];
        CRIMINAL = [
            "behandler opplysninger om straffedommer og lovovertredelser i stor skala ({Art. 37(1)(c)})",
            "behandlar opplysningar om straffedommar og lovbrot i stor skala ({Art. 37(1)(c)})",
            "processes criminal-offence data on a large scale ({Art. 37(1)(c)})",
        ];
        MONITORING = [
            "overvåker personer regelmessig og systematisk i stor skala ({Art. 37(1)(b)})",
            "overvakar personar regelmessig og systematisk i stor skala ({Art. 37(1)(b)})",
            "monitors people regularly and systematically on a large scale ({Art. 37(1)(b)})",
        ];
        ONE_PURPOSE = ["formålet `{purpose}` {does}", "formålet `{purpose}` {does}", "the purpose `{purpose}` {does}"];
        PURPOSES = [
            "formålene {purposes} og `{last}` behandler særlige kategorier eller opplysninger om straffedommer og lovovertredelser eller overvåker personer i stor skala ({Art. 37(1)(b)-(c)})",
            "formåla {purposes} og `{last}` behandlar særlege kategoriar eller opplysningar om straffedommar og lovbrot eller overvakar personar i stor skala ({Art. 37(1)(b)-(c)})",
            "the purposes {purposes} and `{last}` process special or criminal-offence data or monitor people on a large scale ({Art. 37(1)(b)-(c)})",
        ];
        NO_DPO = [
            "det er ikke oppgitt noe personvernombud, men {what}: der dette er en kjerneaktivitet for den behandlingsansvarlige, skal den utpeke et personvernombud ({Art. 37(1)}) og gi kontaktopplysningene til ombudet i erklæringen ({Art. 13(1)(b)}); legg til `dpo \"Navn\" {{ email \"…\" }}`, eller, hvis behandlingen ikke er en kjerneaktivitet, undertrykk funnet og oppgi det som begrunnelse",
            "det er ikkje oppgitt noko personvernombod, men {what}: der dette er ein kjerneaktivitet for den behandlingsansvarlege, skal han peike ut eit personvernombod ({Art. 37(1)}) og gi kontaktopplysningane til ombodet i erklæringa ({Art. 13(1)(b)}); legg til `dpo \"Namn\" {{ email \"…\" }}`, eller, viss behandlinga ikkje er ein kjerneaktivitet, undertrykk funnet og oppgi det som grunngiving",
            "no data protection officer is declared, but {what}: where this is a core activity of the controller, it must designate a DPO ({Art. 37(1)}) and give the DPO's contact details in the notice ({Art. 13(1)(b)}); add `dpo \"Name\" {{ email \"…\" }}`, or, if the processing is not a core activity, suppress this finding and give that as the reason",
        ];
        THIS_PURPOSE = ["dette formålet {does}", "dette formålet {does}", "this purpose {does}"];
    }
}

/// What a purpose does that Art. 37(1)(b)-(c) names, if it does, as "processes …".
fn activity(model: &Model, purpose: &Purpose, report: &Report) -> Option<String> {
    purpose.large_scale?;
    let special = model.special_data(purpose).next().is_some();
    let criminal = model.criminal_data(purpose).next().is_some();
    let phrase = match (special, criminal) {
        (true, true) => DpoLikelyRequired::SPECIAL_AND_CRIMINAL,
        (true, false) => DpoLikelyRequired::SPECIAL,
        (false, true) => DpoLikelyRequired::CRIMINAL,
        (false, false) => {
            purpose.monitors()?;
            DpoLikelyRequired::MONITORING
        }
    };
    Some(report.say(phrase, &[]))
}

impl Rule for DpoLikelyRequired {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(controller) = model.controller() else {
            return;
        };
        if controller.public_authority.is_some() || !model.dpos.is_empty() {
            return;
        }
        let found: Vec<(&Purpose, String)> = model
            .purposes
            .iter()
            .filter_map(|p| Some((p, activity(model, p, report)?)))
            .collect();
        let what = match found.as_slice() {
            [] => return,
            [(purpose, does)] => report.say(
                Self::ONE_PURPOSE,
                &[("purpose", &purpose.id.name), ("does", does)],
            ),
            [init @ .., (last, _)] => {
                let purposes: Vec<String> = init
                    .iter()
                    .map(|(p, _)| format!("`{}`", p.id.name))
                    .collect();
                report.say(
                    Self::PURPOSES,
                    &[("purposes", &purposes.join(", ")), ("last", &last.id.name)],
                )
            }
        };
        let mut diagnostic = Diagnostic::new(
            &Self::META,
            controller.id.span,
            report.say(Self::NO_DPO, &[("what", &what)]),
        );
        for (purpose, does) in found {
            diagnostic = diagnostic.with_related(
                purpose.id.span,
                report.say(Self::THIS_PURPOSE, &[("does", &does)]),
            );
        }
        report.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "dpo-likely-required";

    fn declaration(controller: &str, purposes: &str) -> String {
        format!(
            "controller c \"C\" {{\n  email \"a@c.example\"\n  {controller}\n}}\n\
             category s \"S\" {{ special }}\ncategory k \"K\" {{ criminal }}\ncategory o \"O\"\n\
             {purposes}"
        )
    }

    fn purpose(id: &str, body: &str) -> String {
        format!("purpose {id} \"P\" {{\n  {body}\n}}\n")
    }

    #[test]
    fn large_scale_special_criminal_or_monitoring() {
        for body in [
            "large_scale; data s",
            "large_scale; data k",
            "large_scale; monitoring; data o",
        ] {
            assert_eq!(
                lines(RULE, &declaration("", &purpose("p", body))),
                vec![1],
                "{body}"
            );
        }
    }

    #[test]
    fn not_without_large_scale_or_without_the_activity() {
        for body in [
            "data s",
            "monitoring; data k",
            "large_scale; data o",
            "large_scale; profiling",
        ] {
            assert!(
                lines(RULE, &declaration("", &purpose("p", body))).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn not_with_a_dpo_or_for_a_public_authority() {
        let p = purpose("p", "large_scale; data s");
        assert!(
            lines(
                RULE,
                &format!(
                    "{}dpo \"D\" {{ email \"d@c.example\" }}\n",
                    declaration("", &p)
                )
            )
            .is_empty()
        );
        // A public authority gets missing-dpo instead.
        assert!(lines(RULE, &declaration("public_authority", &p)).is_empty());
        assert!(lines(RULE, &p).is_empty());
    }

    #[test]
    fn one_finding_relating_every_purpose() {
        let text = declaration(
            "",
            &format!(
                "{}{}{}",
                purpose("a", "large_scale; data s"),
                purpose("b", "large_scale; monitoring"),
                purpose("c", "data s")
            ),
        );
        let found = findings(RULE, &text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].1.contains("purposes `a` and `b` process"),
            "{}",
            found[0].1
        );
        let diagnostics = crate::check(&text, &crate::Settings::default());
        let d = diagnostics.iter().find(|d| d.rule.name == RULE).unwrap();
        assert_eq!(d.related.len(), 2);
    }
}
