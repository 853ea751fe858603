//! Realistic declarations of any size, for benchmarks: a controller, a DPO, categories (some
//! special), subjects, processors in and outside the EEA, recipients, purposes with several
//! fields each, rights and claims. Deterministic: the same size gives the same text.

use std::fmt::Write;

/// A declaration with `purposes` purposes.
pub fn declaration(purposes: usize) -> String {
    let categories = 20.max(purposes / 50);
    let processors = 10.max(purposes / 100);
    let mut out = String::with_capacity(purposes * 260);
    out.push_str(
        "controller bank \"Fjordbanken ASA\" {\n  country NO\n  email \"post@fjordbanken.example\"\n  authority datatilsynet \"Datatilsynet\"\n}\n\ndpo \"Personvernombud\" { email \"dpo@fjordbanken.example\" }\n\n",
    );
    for c in 0..categories {
        let flag = if c % 10 == 0 { " { special }" } else { "" };
        let _ = writeln!(
            out,
            "category cat_{c} \"Kategori {c} – opplysninger om kunder\"{flag}"
        );
    }
    out.push_str("subject customers \"Kunder\"\nsubject staff \"Ansatte\"\n\n");
    let countries = ["NO", "SE", "US", "GB", "DE", "IN"];
    for p in 0..processors {
        let country = countries[p % countries.len()];
        let safeguard = match country {
            "US" => "\n  safeguard dpf",
            "GB" => "\n  safeguard adequacy",
            "IN" => "\n  safeguard scc",
            _ => "",
        };
        let _ = writeln!(
            out,
            "processor proc_{p} \"Leverandør {p}\" {{\n  country {country}{safeguard}\n  agreement \"DBA-{p}\"\n}}"
        );
    }
    out.push_str("recipient tax \"Skatteetaten\" { country NO; public_authority }\n\n");
    // Each basis with what version 2 asks of it: whether the data must be provided (Art.
    // 13(2)(e)) where a contract or a law requires them.
    let bases = [
        "basis contract\n  provision contractual \"Uten opplysningene kan vi ikke inngå avtalen\"",
        "basis legal_obligation \"bokføringsloven § 13\"\n  provision statutory \"Uten opplysningene må vi avslutte kundeforholdet\"",
        "basis legitimate_interests \"å forebygge svindel\"",
        "basis consent",
    ];
    for i in 0..purposes {
        let basis = bases[i % bases.len()];
        let special = if i % 7 == 0 {
            "
  condition explicit_consent"
        } else {
            ""
        };
        let a = (i * 3) % categories;
        let b = (i * 3 + 1) % categories;
        let data = if special.is_empty() {
            // Avoid the special categories (every tenth) without a condition.
            format!("cat_{}, cat_{}", a - a % 10 + 1, b - b % 10 + 2)
        } else {
            format!("cat_{a}, cat_{b}")
        };
        let _ = writeln!(
            out,
            "purpose purpose_{i} \"Formål nummer {i}: behandling av kundeopplysninger\" {{\n  {basis}{special}\n  data {data}\n  subjects customers\n  processors proc_{}, proc_{}\n  retention {} years after \"kundeforholdet er avsluttet\"\n}}",
            i % processors,
            (i + 1) % processors,
            1 + i % 10
        );
    }
    out.push_str(
        "\nrights {\n  access\n  rectification\n  erasure\n  restriction\n  portability\n  objection\n  withdraw_consent\n  complaint datatilsynet\n  respond_within 1 month\n}\n\nclaims {\n  no_automated_decisions\n}\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::declaration;
    use privlint_core::{Settings, Severity, check};

    #[test]
    fn generated_declarations_are_realistic_and_clean_of_errors() {
        let text = declaration(200);
        let diagnostics = check(&text, &Settings::default());
        let errors: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.rule.name, d.message.clone()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(text.matches("\npurpose ").count(), 200);
    }
}
