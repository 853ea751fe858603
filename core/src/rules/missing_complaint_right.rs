use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{Report, Rule};
use crate::vocab::supervisory_authority;

declare_rule! {
    /// ## What it checks
    /// `rights` without `complaint` (or no `rights` at all).
    ///
    /// ## Why
    /// The notice must tell people of their right to lodge a complaint with a supervisory
    /// authority (Art. 13(2)(d), 14(2)(e), 77): in practice the authority of the controller's
    /// country (in Norway, Datatilsynet), though people may also complain in the state where
    /// they live or work (Art. 77(1)). Name the authority, defined in the controller:
    /// `authority datatilsynet "Datatilsynet"`, then `complaint datatilsynet`. The message
    /// names the authority of the controller's `country`.
    ///
    /// ## Example
    /// ```privacy
    /// rights {
    ///   access
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// controller c "C" { authority datatilsynet "Datatilsynet" }
    /// rights {
    ///   access
    ///   complaint datatilsynet
    /// }
    /// ```
    pub struct MissingComplaintRight {
        name: "missing-complaint-right",
        severity: Error,
        scope: Declaration,
        article: "Art. 13(2)(d), 77",
        fix: Never,
        summary: [
            "retten til å klage til tilsynsmyndigheten er ikke oppgitt",
            "retten til å klage til tilsynsmyndigheita er ikkje oppgitt",
            "the right to complain to a supervisory authority is not given",
        ],
    }
    messages {
        KNOWN_AUTHORITY = [
            "definer `authority {id} \"{name}\"` hos den behandlingsansvarlige og legg til `complaint {id}` i `rights`",
            "definer `authority {id} \"{name}\"` hos den behandlingsansvarlege og legg til `complaint {id}` i `rights`",
            "define `authority {id} \"{name}\"` in the controller and add `complaint {id}` to `rights`",
        ];
        SOME_AUTHORITY = [
            "definer tilsynsmyndigheten i landet der den behandlingsansvarlige holder til, som `authority ID \"Navn\"` hos den behandlingsansvarlige, og legg til `complaint ID` i `rights`",
            "definer tilsynsmyndigheita i landet der den behandlingsansvarlege held til, som `authority ID \"Namn\"` hos den behandlingsansvarlege, og legg til `complaint ID` i `rights`",
            "define the supervisory authority of the controller's country in the controller (`authority ID \"Name\"`) and add `complaint ID` to `rights`",
        ];
        NO_COMPLAINT = [
            "de registrerte har rett til å klage til en tilsynsmyndighet ({Art. 77, 13(2)(d)}): {instead}",
            "dei registrerte har rett til å klage til ei tilsynsmyndigheit ({Art. 77, 13(2)(d)}): {instead}",
            "people have the right to lodge a complaint with a supervisory authority ({Art. 77, 13(2)(d)}): {instead}",
        ];
    }
}

impl Rule for MissingComplaintRight {
    fn check(&self, model: &Model, report: &mut Report) {
        if model
            .rights
            .as_ref()
            .is_some_and(|r| r.written.contains("complaint"))
        {
            return;
        }
        let country = model
            .controller()
            .and_then(|c| c.country.as_ref())
            .and_then(|c| c.first_known_code());
        let instead = match country.and_then(supervisory_authority) {
            Some(authority) => report.say(
                Self::KNOWN_AUTHORITY,
                &[("id", &authority.id), ("name", &authority.name)],
            ),
            None => report.say(Self::SOME_AUTHORITY, &[]),
        };
        report.push(Diagnostic::new(
            &Self::META,
            model.rights_anchor(),
            report.say(Self::NO_COMPLAINT, &[("instead", &instead)]),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "missing-complaint-right";

    #[test]
    fn fires_without_complaint() {
        assert_eq!(lines(RULE, "rights {\n  access\n}\n"), vec![1]);
        assert!(
            lines(RULE, "rights { complaint datatilsynet }\n").is_empty(),
            "an undefined authority is unknown-reference"
        );
    }

    #[test]
    fn names_the_authority_of_the_controllers_country() {
        let with = |country: &str| {
            let text = format!("controller c \"C\" {{ country {country} }}\nrights {{ access }}\n");
            findings(RULE, &text)[0].1.clone()
        };
        assert!(
            with("NO").contains("`authority datatilsynet \"Datatilsynet\"`"),
            "{}",
            with("NO")
        );
        assert!(
            with("SE").contains("Integritetsskyddsmyndigheten"),
            "{}",
            with("SE")
        );
        assert!(with("US").contains("the supervisory authority of the controller's country"));
    }
}
