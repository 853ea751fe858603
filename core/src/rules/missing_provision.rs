use crate::diagnostic::Diagnostic;
use crate::model::{Model, Purpose};
use crate::rules::{Report, Rule};
use crate::vocab::{LegalBasis, Provision, Vocabulary};

declare_rule! {
    /// ## What it checks
    /// A purpose with `basis contract`, `basis legal_obligation` or `basis public_task` that
    /// is not `monitoring`, has no `sources` and no `reuses` (so the data are collected from the
    /// person), and has no `provision`. And any `provision` other than `voluntary` without a
    /// text stating what happens if the person does not provide the data.
    ///
    /// ## Why
    /// When data are collected from the person, the notice must say whether providing them is
    /// a statutory or contractual requirement, or a requirement for entering into a contract,
    /// whether the person is obliged to provide them, and what the possible consequences of not
    /// providing them are (Art. 13(2)(e)). Under a contract, a legal obligation or a public
    /// task, providing the data is usually required, so the notice has to say so. Observed
    /// data (`monitoring`) are not provided, data from a `source` fall under Art. 14, which has
    /// no such point, and a purpose that `reuses` data collected for another purpose leaves
    /// this to that purpose. Write `provision statutory`, `contractual`, `precontractual` or
    /// `voluntary`, followed by the consequences in quotes (optional after `voluntary`).
    ///
    /// ## Example
    /// ```privacy
    /// purpose orders "Nettbutikk" {
    ///   basis contract
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose orders "Nettbutikk" {
    ///   basis contract
    ///   provision contractual "Utan namn og adresse kan vi ikkje sende varene"
    /// }
    /// ```
    pub struct MissingProvision {
        name: "missing-provision",
        severity: Warning,
        article: "Art. 13(2)(e)",
        summary: "no statement of whether the person must provide the data, and what happens if not",
        fix: Never,
    }
}

/// The basis under which providing the data is usually required, if the purpose has one.
fn requiring_basis(purpose: &Purpose) -> Option<LegalBasis> {
    [
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::PublicTask,
    ]
    .into_iter()
    .find(|&kind| purpose.has_basis(kind))
}

impl Rule for MissingProvision {
    fn check(&self, model: &Model, report: &mut Report) {
        for purpose in &model.purposes {
            if let Some(provision) = &purpose.provision {
                if provision.kind != Provision::Voluntary && provision.consequence.is_none() {
                    let word = provision.kind.word();
                    report.push(Diagnostic::new(
                        &Self::META,
                        provision.span,
                        format!(
                            "`provision {word}` does not say what happens if the person does not provide the data (Art. 13(2)(e)): add it in quotes, like `provision {word} \"Without these data we cannot …\"`"
                        ),
                    ));
                }
                continue;
            }
            if purpose.written.contains("provision")
                || purpose.monitors().is_some()
                || purpose.written.contains("sources")
                || purpose.written.contains("reuses")
            {
                continue;
            }
            let Some(kind) = requiring_basis(purpose) else {
                continue;
            };
            let example = match kind {
                LegalBasis::Contract => "contractual",
                _ => "statutory",
            };
            let basis = purpose.basis(kind).map(|b| b.span);
            let mut diagnostic = Diagnostic::new(
                &Self::META,
                purpose.id.span,
                format!(
                    "the purpose `{}` collects data from the person under `basis {}` but does not say whether they must provide them: the notice must say whether providing the data is required by law or by a contract, or needed to enter into one, and what happens if the person does not provide them (Art. 13(2)(e)); add `provision statutory`, `contractual`, `precontractual` or `voluntary` with the consequences in quotes, like `provision {example} \"Without these data we cannot …\"`",
                    purpose.id.name,
                    kind.word()
                ),
            );
            if let Some(span) = basis {
                diagnostic =
                    diagnostic.with_related(span, "under this basis the data are usually required");
            }
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const RULE: &str = "missing-provision";

    fn purpose(body: &str) -> String {
        format!(
            "source reg \"Registeret\"\npurpose q \"Q\" {{ basis contract }}\npurpose p \"P\" {{\n  {body}\n}}\n"
        )
    }

    /// The findings in purpose `p` only (line 3 on).
    fn lines_in_p(body: &str) -> Vec<usize> {
        lines(RULE, &purpose(body))
            .into_iter()
            .filter(|&l| l >= 3)
            .collect()
    }

    #[test]
    fn bases_that_usually_require_the_data() {
        for basis in [
            "contract",
            "legal_obligation \"lov\"",
            "public_task \"lov\"",
        ] {
            assert_eq!(lines_in_p(&format!("basis {basis}")), vec![3], "{basis}");
        }
        for basis in ["consent", "legitimate_interests \"x\"", "vital_interests"] {
            assert!(lines_in_p(&format!("basis {basis}")).is_empty(), "{basis}");
        }
        assert!(lines_in_p("").is_empty());
    }

    #[test]
    fn not_for_observed_data_other_sources_or_reuse() {
        assert!(lines_in_p("basis contract\n  monitoring").is_empty());
        assert!(lines_in_p("basis contract\n  sources reg").is_empty());
        assert!(lines_in_p("basis contract\n  reuses q").is_empty());
        // An unknown reference still counts as written (no cascades).
        assert!(lines_in_p("basis contract\n  reuses nowhere").is_empty());
    }

    #[test]
    fn a_provision_needs_its_consequences_unless_voluntary() {
        assert!(
            lines_in_p("basis contract\n  provision contractual \"Utan dei ingen avtale\"")
                .is_empty()
        );
        assert!(lines_in_p("basis contract\n  provision voluntary").is_empty());
        for kind in ["statutory", "contractual", "precontractual"] {
            assert_eq!(
                lines_in_p(&format!("basis contract\n  provision {kind}")),
                vec![5],
                "{kind}"
            );
        }
        // Whatever the basis, and wherever the data come from.
        assert_eq!(
            lines_in_p("basis consent\n  sources reg\n  provision statutory"),
            vec![6]
        );
    }

    #[test]
    fn an_unreadable_provision_counts_as_present() {
        assert!(lines_in_p("basis contract\n  provision mandatory \"x\"").is_empty());
    }
}
