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

/// The declaration of `files × purposes` purposes, kept in `files + 1` files as a
/// `[[declarations]]` entry keeps it: `organisation.privacy` with everything but the purposes
/// (controller, DPO, categories, subjects, processors, recipient, rights, claims), and
/// `systems/system_NNN.privacy` with `purposes` purposes each. The same text as
/// [`declaration`] of that many purposes, cut into files; returns (relative path, text) pairs.
pub fn declaration_files(files: usize, purposes: usize) -> Vec<(String, String)> {
    let whole = declaration(files * purposes);
    let first = whole.find("\npurpose ").map_or(whole.len(), |i| i + 1);
    let rights = whole.rfind("\nrights {").unwrap_or(whole.len());
    let mut organisation = whole[..first].to_string();
    organisation.push_str(&whole[rights..]);
    let mut out = vec![("organisation.privacy".to_string(), organisation)];
    let body = &whole[first..rights];
    let mut starts: Vec<usize> = body
        .match_indices("\npurpose ")
        .map(|(i, _)| i + 1)
        .collect();
    starts.insert(0, 0);
    for (n, chunk) in starts.chunks(purposes).enumerate() {
        let end = starts
            .get((n + 1) * purposes)
            .copied()
            .unwrap_or(body.len());
        out.push((
            format!("systems/system_{n:03}.privacy"),
            body[chunk[0]..end].to_string(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::declaration;
    use privlint_core::{Settings, Severity, check};

    #[test]
    fn a_declaration_in_files_is_the_same_declaration() {
        let files = super::declaration_files(4, 25);
        assert_eq!(files.len(), 5);
        let purposes: usize = files[1..]
            .iter()
            .map(|(_, t)| t.matches("\npurpose ").count() + usize::from(t.starts_with("purpose ")))
            .sum();
        assert_eq!(purposes, 100);
        let total: usize = files.iter().map(|(_, t)| t.len()).sum();
        assert_eq!(total, declaration(100).len());
        let texts: Vec<&str> = files.iter().map(|(_, t)| t.as_str()).collect();
        let combined = privlint_core::combined::Combined::read(&texts);
        let (_, split) = combined.analyze(&Settings::default());
        let whole = check(&declaration(100), &Settings::default());
        assert_eq!(split.len(), whole.len());
    }

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
