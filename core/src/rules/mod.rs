//! The rules. Each rule is one file: its metadata and documentation (in a [`declare_rule!`]),
//! its logic (`impl Rule`), and its tests. Every rule is registered once, in [`ALL`].
//!
//! Documentation sections: `## What it checks`, `## Why`, `## Example` (a ```privacy block that
//! triggers the rule) and `## Fix` (a ```privacy block that does not). The examples are run as
//! tests, so the documentation cannot drift from the logic.

use std::fmt::Display;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::{Language, T};
use crate::model::Model;

/// What a rule is, apart from its logic.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable kebab-case name, used in configuration and suppressions.
    pub name: &'static str,
    pub severity: Severity,
    /// The GDPR text it enforces, as "Art. 6(1), 13(1)(c)"; `None` for rules about the file
    /// itself (a syntax error enforces no article).
    pub article: Option<&'static str>,
    /// One line: what a finding means (see [`RuleMeta::summary_in`]).
    pub summary: T,
    /// Whether the rule offers a quick fix (an edit the editor can apply).
    pub fix: FixAvailability,
    /// What its findings depend on, so that a check after an edit knows which to keep.
    pub scope: Scope,
    /// The documentation, in Markdown (the rule's doc comment), in English.
    pub docs: &'static str,
    /// Every text the rule writes in a finding (messages, related notes, quick-fix titles), by
    /// name: the rule's `messages` table.
    pub messages: &'static [(&'static str, T)],
}

/// Whether a rule's findings come with a quick fix, as ruff's `FIX_AVAILABILITY`. Enforced by a
/// test over every documented example: a rule that says `Sometimes` must give a fix on some of
/// them, and one that says `Never` on none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    /// Some findings have a fix (where the edit is certain: a suggested name, a right to add).
    Sometimes,
    /// No finding has one: what to write is a fact only the controller knows.
    Never,
}

/// What a rule's findings depend on. Tests hold every rule to its scope (`scopes_hold.rs`): the
/// findings of a rule computed on less of the declaration than the whole, as much as its scope
/// says it reads, are its findings in the whole declaration within that part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Each finding lies in one section (a top-level statement: a purpose, a definition, a
    /// block) and follows from that section's text alone.
    Section,
    /// Each finding lies in one section and follows from it and the declaration's definitions
    /// (everything but the other purposes): a purpose read with the categories, subjects and
    /// controller it names.
    Definition,
    /// Each finding lies on a party (processor, recipient, joint controller) and follows from
    /// its definition and the purposes that use it.
    UsedParty,
    /// Findings about the declaration as a whole (a missing controller, a right no purpose
    /// grants, a definition no purpose uses).
    Declaration,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Section => "section",
            Scope::Definition => "definition",
            Scope::UsedParty => "used-party",
            Scope::Declaration => "declaration",
        }
    }
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Never => "never",
        }
    }
}

impl RuleMeta {
    /// The rule as data (name, default severity, article, fix availability, summary), as the
    /// language server's `privlint.listRules` and the playground's `rules()` give it.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name,
            "severity": self.severity.as_str(),
            "article": self.article,
            "fix": self.fix.as_str(),
            "scope": self.scope.as_str(),
            "summary": self.summary_in(Language::English),
        })
    }

    /// The summary in `language`, its article references written as the language writes them.
    pub fn summary_in(&self, language: Language) -> String {
        self.summary.fill(language, &[])
    }

    /// The documentation with the leading space of each doc-comment line removed.
    pub fn documentation(&self) -> String {
        self.docs
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The text the rule enforces, as shown beside a finding: "GDPR Art. 6(1)" for a GDPR
    /// article; a Norwegian law or the ePrivacy Directive as written ("personopplysningsloven
    /// § 12, GDPR Art. 87"), since "GDPR" would name the wrong act. In Norwegian, as
    /// [`crate::lang::cite`] writes it. `None` for rules about the file itself.
    pub fn citation(&self, language: Language) -> Option<String> {
        self.article.map(|a| match language {
            Language::English if a.starts_with("Art.") => format!("GDPR {a}"),
            Language::English => a.to_string(),
            _ => crate::lang::cite(a, language),
        })
    }

    /// The whole page on the rule, as `privlint explain` prints it and the editor shows it: a
    /// title with the severity and the article, the summary, then the documentation.
    pub fn explanation(&self) -> String {
        let article = self
            .citation(Language::English)
            .map(|a| format!(", {a}"))
            .unwrap_or_default();
        let summary = self.summary_in(Language::English);
        let mut summary = summary.chars();
        let summary: String = summary
            .next()
            .map(|first| first.to_uppercase().chain(summary).collect())
            .unwrap_or_default();
        let fix = match self.fix {
            FixAvailability::Sometimes => "\n\nQuick fix: offered where the edit is certain.",
            FixAvailability::Never => "",
        };
        format!(
            "# {} ({}{article})\n\n{summary}.{fix}\n\n{}",
            self.name,
            self.severity.as_str(),
            self.documentation()
        )
    }
}

/// Gives a rule's metadata; implemented by [`declare_rule!`].
pub trait Declared {
    fn meta(&self) -> &'static RuleMeta;
}

pub trait Rule: Declared + Send + Sync {
    /// Adds the rule's findings on `model` to `report`. Rules that are reported while the file
    /// is decoded or while suppressions are applied (`invalid-utf8`, `unused-suppression`) keep
    /// the default, which finds nothing in a model.
    fn check(&self, model: &Model, report: &mut Report) {
        let _ = (model, report);
    }
}

/// Declares a rule: a unit struct with its metadata and documentation, then, in `messages`,
/// every text its findings carry, each in Bokmål, Nynorsk and English (as [`crate::lang::T`]:
/// a missing language does not compile), as associated constants: `Self::NO_DPO`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            name: $rule:literal,
            severity: $severity:ident,
            scope: $scope:ident,
            article: $article:literal,
            fix: $fix:ident,
            summary: [$summary_nb:literal, $summary_nn:literal, $summary_en:literal $(,)?] $(,)?
        }
        $(messages {
            $($(#[$message_doc:meta])* $message:ident = [$nb:literal, $nn:literal, $en:literal $(,)?];)*
        })?
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                name: $rule,
                severity: $crate::diagnostic::Severity::$severity,
                scope: $crate::rules::Scope::$scope,
                // Written `""` in a rule's declaration when there is none.
                article: if $article.is_empty() { None } else { Some($article) },
                summary: $crate::lang::T { nb: $summary_nb, nn: $summary_nn, en: $summary_en },
                fix: $crate::rules::FixAvailability::$fix,
                docs: concat!($($doc, "\n"),*),
                messages: &[$($((stringify!($message), Self::$message)),*)?],
            };
            $($(
                $(#[$message_doc])*
                pub const $message: $crate::lang::T =
                    $crate::lang::T { nb: $nb, nn: $nn, en: $en };
            )*)?
        }

        impl $crate::rules::Declared for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
        }
    };
}

/// Collects the findings of the rules, written in the run's language.
#[derive(Default)]
pub struct Report {
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The language of every text of the run's findings: one language per run.
    pub language: Language,
}

impl Report {
    pub fn new(language: Language) -> Report {
        Report {
            diagnostics: Vec::new(),
            language,
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// A phrase of a rule's `messages` in the run's language, its placeholders filled.
    pub fn say(&self, phrase: T, values: &[(&str, &dyn Display)]) -> String {
        phrase.fill(self.language, values)
    }
}

mod adequacy_not_in_eea_agreement;
mod automated_decision_basis;
mod automated_decision_special_data;
mod automated_decision_without_logic;
mod automated_decision_without_safeguards;
mod automated_decision_without_significance;
mod camera_retention;
mod child_consent;
mod condition_without_special_data;
mod consent_imbalance;
mod contradicted_claim;
mod cookie_consent;
mod criminal_data_without_authority;
mod derogation_conditions;
mod derogation_public_authority;
mod derogation_transfer;
mod dpf_outside_us;
mod dpia_required;
mod dpo_likely_required;
mod duplicate_controller;
mod duplicate_definition;
mod electronic_marketing_consent;
mod employee_monitoring;
mod indefinite_retention;
mod invalid_adequacy;
mod invalid_utf8;
mod invalid_value;
mod joint_controller_without_arrangement;
mod missing_complaint_right;
mod missing_controller;
mod missing_controller_contact;
mod missing_country;
mod missing_data_categories;
mod missing_description;
mod missing_dpo;
mod missing_dpo_contact;
mod missing_joint_controller_contact;
mod missing_law_reference;
mod missing_legal_basis;
mod missing_legitimate_interest;
mod missing_objection_right;
mod missing_portability_right;
mod missing_processor_agreement;
mod missing_provision;
mod missing_representative;
mod missing_retention;
mod missing_right;
mod missing_security_description;
mod missing_translation;
mod missing_withdraw_consent_right;
mod national_id_need;
mod portability_not_applicable;
mod public_authority_consent;
mod public_authority_legitimate_interests;
mod response_time_too_long;
mod special_category_without_condition;
mod syntax_error;
mod transfer_without_safeguard;
mod unknown_country;
mod unknown_field;
mod unknown_reference;
mod unnamed_third_country;
mod unneeded_safeguard;
mod unused_definition;
mod unused_suppression;
mod vague_retention;

#[cfg(test)]
mod scopes_hold;

pub use invalid_utf8::InvalidUtf8;
pub use invalid_value::InvalidValue;
pub use syntax_error::SyntaxError;
pub use unused_suppression::UnusedSuppression;

/// Every rule, in the order of rules.md.
pub static ALL: &[&dyn Rule] = &[
    // Reading the file
    &syntax_error::SyntaxError,
    &invalid_utf8::InvalidUtf8,
    &unknown_field::UnknownField,
    &invalid_value::InvalidValue,
    &unknown_reference::UnknownReference,
    &duplicate_definition::DuplicateDefinition,
    &unknown_country::UnknownCountry,
    &missing_controller::MissingController,
    &duplicate_controller::DuplicateController,
    &unused_definition::UnusedDefinition,
    // Controller and DPO
    &missing_controller_contact::MissingControllerContact,
    &missing_dpo::MissingDpo,
    &missing_dpo_contact::MissingDpoContact,
    &dpo_likely_required::DpoLikelyRequired,
    &missing_representative::MissingRepresentative,
    &missing_security_description::MissingSecurityDescription,
    // Purposes and legal bases
    &missing_legal_basis::MissingLegalBasis,
    &missing_description::MissingDescription,
    &missing_law_reference::MissingLawReference,
    &missing_legitimate_interest::MissingLegitimateInterest,
    &public_authority_legitimate_interests::PublicAuthorityLegitimateInterests,
    &special_category_without_condition::SpecialCategoryWithoutCondition,
    &criminal_data_without_authority::CriminalDataWithoutAuthority,
    &condition_without_special_data::ConditionWithoutSpecialData,
    &missing_data_categories::MissingDataCategories,
    &missing_retention::MissingRetention,
    &indefinite_retention::IndefiniteRetention,
    &child_consent::ChildConsent,
    &consent_imbalance::ConsentImbalance,
    &public_authority_consent::PublicAuthorityConsent,
    &missing_provision::MissingProvision,
    &vague_retention::VagueRetention,
    &national_id_need::NationalIdNeed,
    &cookie_consent::CookieConsent,
    &electronic_marketing_consent::ElectronicMarketingConsent,
    &employee_monitoring::EmployeeMonitoring,
    &camera_retention::CameraRetention,
    // Transfers and processors
    &missing_country::MissingCountry,
    &transfer_without_safeguard::TransferWithoutSafeguard,
    &unnamed_third_country::UnnamedThirdCountry,
    &invalid_adequacy::InvalidAdequacy,
    &dpf_outside_us::DpfOutsideUs,
    &derogation_transfer::DerogationTransfer,
    &derogation_conditions::DerogationConditions,
    &derogation_public_authority::DerogationPublicAuthority,
    &adequacy_not_in_eea_agreement::AdequacyNotInEeaAgreement,
    &unneeded_safeguard::UnneededSafeguard,
    &missing_processor_agreement::MissingProcessorAgreement,
    &joint_controller_without_arrangement::JointControllerWithoutArrangement,
    &missing_joint_controller_contact::MissingJointControllerContact,
    // Rights
    &missing_right::MissingRight,
    &missing_portability_right::MissingPortabilityRight,
    &portability_not_applicable::PortabilityNotApplicable,
    &missing_objection_right::MissingObjectionRight,
    &missing_withdraw_consent_right::MissingWithdrawConsentRight,
    &missing_complaint_right::MissingComplaintRight,
    &response_time_too_long::ResponseTimeTooLong,
    // Automated decisions and assessments
    &automated_decision_basis::AutomatedDecisionBasis,
    &automated_decision_without_significance::AutomatedDecisionWithoutSignificance,
    &automated_decision_special_data::AutomatedDecisionSpecialData,
    &automated_decision_without_logic::AutomatedDecisionWithoutLogic,
    &automated_decision_without_safeguards::AutomatedDecisionWithoutSafeguards,
    &dpia_required::DpiaRequired,
    // Translations
    &missing_translation::MissingTranslation,
    // Claims
    &contradicted_claim::ContradictedClaim,
    // Configuration and suppression
    &unused_suppression::UnusedSuppression,
];

/// The rules reference (`docs/rules.md`): a table of every rule, then each rule's page, all from
/// the rules' own metadata and documentation. A test keeps the file in the repository current.
pub fn reference() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rules' documentation (core/src/rules/). Do not edit: run \
         `PRIVLINT_BLESS=1 cargo test -p privlint-core --test docs` after changing a rule. -->\n\n\
         Every rule privlint checks, in the order of the checks. `privlint explain RULE` prints the \
         same page in the terminal; `privlint.toml` can change a rule's severity or turn it off, \
         and a comment `# privlint: allow RULE -- reason` silences it for one node.\n\n\
         | rule | severity | scope | article | quick fix | what a finding means |\n|---|---|---|---|---|---|\n",
    );
    for rule in ALL {
        let m = rule.meta();
        let article = m.article.unwrap_or("–");
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} | {article} | {3} | {4} |\n",
            m.name,
            m.severity.as_str(),
            m.scope.as_str(),
            m.fix.as_str(),
            m.summary_in(Language::English)
        ));
    }
    for rule in ALL {
        out.push_str(&format!("\n<a id=\"{}\"></a>\n\n", rule.meta().name));
        // One level down: the page's title is a section of this file.
        let mut in_code = false;
        for line in rule.meta().explanation().lines() {
            if line.starts_with("```") {
                in_code = !in_code;
            }
            if !in_code && line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The summary table of the rules in Norwegian (`docs/rules.nb.md`, `docs/rules.nn.md`): each
/// rule with its severity, the article as Norwegian lawyers cite it, and its summary, written
/// from the same texts as `privlint explain --lang`. A test keeps the files current.
pub fn summary_table(language: Language) -> String {
    let (title, intro, header) = match language {
        Language::Nb => (
            "Reglene",
            "Alle reglene privlint kontrollerer, i den rekkefølgen de kontrolleres. \
             `privlint explain REGEL --lang nb` viser sammendraget og hjemmelen på bokmål og \
             deretter hele dokumentasjonen (på engelsk, i `rules.md`). Navnene på reglene er de \
             samme på alle språk.",
            "| regel | alvorlighetsgrad | hjemmel | hva et funn betyr |",
        ),
        Language::Nn => (
            "Reglane",
            "Alle reglane privlint kontrollerer, i den rekkjefølgja dei blir kontrollerte. \
             `privlint explain REGEL --lang nn` viser samandraget og heimelen på nynorsk og \
             deretter heile dokumentasjonen (på engelsk, i `rules.md`). Namna på reglane er dei \
             same på alle språk.",
            "| regel | alvorsgrad | heimel | kva eit funn tyder |",
        ),
        // English has the whole reference, `docs/rules.md`.
        Language::English => return reference(),
    };
    let mut out = format!(
        "# {title}\n\n<!-- Generated from the rules' texts (core/src/rules/). Do not edit: run \
         `PRIVLINT_BLESS=1 cargo test -p privlint-core --test docs` after changing a rule. -->\n\n\
         {intro}\n\n{header}\n|---|---|---|---|\n"
    );
    for rule in ALL {
        let m = rule.meta();
        let article = m
            .article
            .map(|a| crate::lang::cite(a, language))
            .unwrap_or_else(|| "–".to_string());
        out.push_str(&format!(
            "| [`{0}`](rules.md#{0}) | {1} | {article} | {2} |\n",
            m.name,
            severity_in(m.severity, language),
            m.summary_in(language)
        ));
    }
    out
}

/// A severity as the Norwegian table names it.
fn severity_in(severity: Severity, language: Language) -> &'static str {
    match severity {
        Severity::Error => language.pick("feil", "feil", "error"),
        Severity::Warning => language.pick("advarsel", "åtvaring", "warning"),
        Severity::Info => language.pick("informasjon", "informasjon", "info"),
    }
}

/// The rule with this name.
pub fn find(name: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.meta().name == name)
}

/// The rule name nearest to a misspelt one.
pub fn suggest(name: &str) -> Option<&'static str> {
    crate::suggest::nearest(name, ALL.iter().map(|r| r.meta().name))
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rules' own tests.

    use crate::diagnostic::Diagnostic;
    use crate::{Settings, check};

    /// The diagnostics of `rule` on `text`, as (1-based line, message).
    pub fn findings(rule: &str, text: &str) -> Vec<(usize, String)> {
        check(text, &Settings::default())
            .into_iter()
            .filter(|d| d.rule.name == rule)
            .map(|d| (line_of(text, &d), d.message))
            .collect()
    }

    /// The 1-based lines on which `rule` fires.
    pub fn lines(rule: &str, text: &str) -> Vec<usize> {
        findings(rule, text).into_iter().map(|(l, _)| l).collect()
    }

    /// A party of `kind` (`processor`, `recipient`, `joint_controller`) in `country`, on a
    /// derogation with `ground`, used by a purpose: the derogation is on line 3.
    pub fn derogation_party(kind: &str, country: &str, ground: &str) -> String {
        let list = match kind {
            "processor" => "processors",
            "recipient" => "recipients",
            _ => "joint_controllers",
        };
        format!(
            "{kind} x \"X\" {{\n  country {country}\n  safeguard derogation {ground} \"r\"\n}}\npurpose p \"P\" {{ {list} x }}\n"
        )
    }

    fn line_of(text: &str, d: &Diagnostic) -> usize {
        text[..d.span.start].matches('\n').count() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        for (i, rule) in ALL.iter().enumerate() {
            let meta = rule.meta();
            assert!(
                ALL[..i].iter().all(|r| r.meta().name != meta.name),
                "{} is registered twice",
                meta.name
            );
            assert!(
                meta.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                meta.name
            );
            let docs = meta.documentation();
            for section in ["## What it checks", "## Why", "## Example", "## Fix"] {
                assert!(docs.contains(section), "{} lacks {section}", meta.name);
            }
            let problems: Vec<String> = std::iter::once(("summary", meta.summary))
                .chain(meta.messages.iter().copied())
                .flat_map(|(name, t)| crate::lang::problems(&format!("{}: {name}", meta.name), t))
                .collect();
            assert!(problems.is_empty(), "{}", problems.join("\n"));
        }
    }

    /// The ```privacy blocks of a rule's documentation, in order.
    fn examples(docs: &str) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut current: Option<String> = None;
        for line in docs.lines() {
            match (&mut current, line.trim_start()) {
                (None, l) if l.starts_with("```privacy") => current = Some(String::new()),
                (Some(_), "```") => blocks.push(current.take().unwrap()),
                (Some(block), _) => {
                    block.push_str(line);
                    block.push('\n');
                }
                _ => {}
            }
        }
        blocks
    }

    #[test]
    fn documented_examples_fire_and_fixes_do_not() {
        for rule in ALL {
            let meta = rule.meta();
            if meta.name == "invalid-utf8" {
                continue; // its example cannot be written as UTF-8 text
            }
            let blocks = examples(&meta.documentation());
            assert!(
                blocks.len() >= 2,
                "{} needs an example and a fix",
                meta.name
            );
            assert!(
                !testing::lines(meta.name, &blocks[0]).is_empty(),
                "the example of {} does not trigger it:\n{}",
                meta.name,
                blocks[0]
            );
            assert!(
                testing::lines(meta.name, &blocks[1]).is_empty(),
                "the fix of {} still triggers it:\n{}",
                meta.name,
                blocks[1]
            );
        }
    }

    /// Applies a fix's edits (they do not overlap) to a text.
    fn apply(text: &str, fix: &crate::Fix) -> String {
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let mut fixed = text.to_string();
        for edit in edits {
            fixed.replace_range(edit.span.start..edit.span.end, &edit.text);
        }
        fixed
    }

    #[test]
    fn every_quick_fix_removes_its_finding_and_breaks_nothing() {
        let mut inputs: Vec<String> = ALL
            .iter()
            .flat_map(|rule| examples(&rule.meta().documentation()))
            .collect();
        // Fixes the examples do not show: rights to add to a block, an adequate country.
        inputs.push(
            "controller c \"C\" { country NO; email \"e@c.example\"; authority dt \"DT\" }\n\
             category k \"K\"\nsubject s \"S\"\n\
             processor x \"X\" {\n  country CH  # Sveits\n  agreement \"DBA\"\n}\n\
             purpose news \"N\" {\n  basis consent\n  data k\n  subjects s\n  processors x\n  direct_marketing\n  retention 1 year\n}\n\
             rights {\n  access \"innsyn\"  # Art. 15\n  complaint dt\n}\n"
                .into(),
        );
        inputs.push("rights { rectification }\npurpose q \"Q\" { basis concent }\n".into());
        let mut fixed_rules = std::collections::BTreeSet::new();
        for text in &inputs {
            let before = crate::check(text, &crate::Settings::default());
            for d in before.iter().filter(|d| d.fix.is_some()) {
                let fixed = apply(text, d.fix.as_ref().unwrap());
                let after = crate::check(&fixed, &crate::Settings::default());
                let count = |ds: &[Diagnostic]| ds.iter().filter(|x| x.rule == d.rule).count();
                assert_eq!(
                    count(&after),
                    count(&before) - 1,
                    "the fix of {} did not remove it:\n{fixed}",
                    d.rule.name
                );
                assert!(
                    !after.iter().any(|x| x.rule.name == "syntax-error"),
                    "the fix of {} breaks the syntax:\n{fixed}",
                    d.rule.name
                );
                fixed_rules.insert(d.rule.name);
            }
        }
        // Fix availability is what the rules declare: a fix seen for every rule that says it
        // has one, and none for a rule that says it has none.
        for rule in ALL {
            let meta = rule.meta();
            let seen = fixed_rules.contains(meta.name);
            match meta.fix {
                FixAvailability::Sometimes => {
                    assert!(seen, "{} declares a fix, but none was produced", meta.name)
                }
                FixAvailability::Never => {
                    assert!(!seen, "{} declares no fix, but produced one", meta.name)
                }
            }
        }
    }

    #[test]
    fn every_rule_has_its_messages_table() {
        for rule in ALL {
            let meta = rule.meta();
            assert!(
                !meta.messages.is_empty(),
                "{}: no messages table",
                meta.name
            );
        }
    }

    /// Every text of every finding on the documented examples and their fixes is written in the
    /// run's language: in Bokmål and Nynorsk each message, related note and quick-fix title
    /// differs from the English one, so a text a rule still writes in English fails here.
    #[test]
    fn findings_are_written_in_the_chosen_language() {
        let mut inputs: Vec<String> = ALL
            .iter()
            .flat_map(|rule| examples(&rule.meta().documentation()))
            .collect();
        inputs.push("rights { access }\n".into());
        for text in &inputs {
            let english = crate::check(text, &crate::Settings::default());
            for language in [Language::Nb, Language::Nn] {
                let settings = crate::Settings {
                    language,
                    ..crate::Settings::default()
                };
                let norwegian = crate::check(text, &settings);
                assert_eq!(english.len(), norwegian.len(), "{text}");
                for (en, no) in english.iter().zip(&norwegian) {
                    let name = en.rule.name;
                    assert_ne!(en.message, no.message, "{name}: in English in {language:?}");
                    for (en, no) in en.related.iter().zip(&no.related) {
                        assert_ne!(en.message, no.message, "{name}: related note in English");
                    }
                    if let (Some(en), Some(no)) = (&en.fix, &no.fix) {
                        assert_ne!(en.title, no.title, "{name}: quick fix in English");
                    }
                }
            }
        }
    }

    #[test]
    fn suggests_rule_names() {
        assert_eq!(suggest("syntax-eror"), Some("syntax-error"));
        assert!(find("syntax-error").is_some());
        assert!(find("no-such-rule").is_none());
    }

    /// A finding under Norwegian law or the ePrivacy Directive is not cited as "GDPR …".
    #[test]
    fn citations_name_the_act() {
        assert_eq!(
            find("missing-dpo")
                .unwrap()
                .meta()
                .citation(Language::English)
                .as_deref(),
            Some("GDPR Art. 37(1)(a)")
        );
        assert_eq!(
            find("missing-dpo")
                .unwrap()
                .meta()
                .citation(Language::Nn)
                .as_deref(),
            Some("personvernforordninga artikkel 37 nr. 1 bokstav a")
        );
        for name in ["national-id-need", "cookie-consent", "employee-monitoring"] {
            let citation = find(name)
                .unwrap()
                .meta()
                .citation(Language::English)
                .unwrap();
            assert!(!citation.starts_with("GDPR"), "{citation}");
        }
        assert_eq!(
            find("syntax-error")
                .unwrap()
                .meta()
                .citation(Language::English),
            None
        );
    }
}
