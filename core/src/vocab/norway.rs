//! The Norwegian provisions that the rules marked *Norway* enforce beside the GDPR (rules.md,
//! version 3), each with what it says, where it was read, the day it was checked, and whether
//! the provision's own text was read (`verified`) or only a supervisory authority's or a
//! commentary's account of it. A rule names its entry in its message and its documentation;
//! update an entry when the law changes, and say in the commit what changed.
//!
//! *Norway* means that one of the controller's `country` or `establishment` values is NO
//! ([`crate::model::Model::controller_in_norway`]).

/// One Norwegian provision a rule enforces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NorwegianProvision {
    /// The rule that enforces it.
    pub rule: &'static str,
    /// The law or regulation.
    pub law: &'static str,
    /// The section (paragraf), as cited in messages.
    pub section: &'static str,
    /// What it says, in privlint's words.
    pub says: &'static str,
    /// Where it was read: the address and title of the page.
    pub source: &'static str,
    /// When it was checked against the source.
    pub checked: &'static str,
    /// Whether the provision's own text was read; false where only an authority's guidance or
    /// a commentary on it was (say which in `source`).
    pub verified: bool,
}

const CHECKED: &str = "2026-12-08";

/// What `national-id-need` enforces.
pub const NATIONAL_ID_NUMBER: NorwegianProvision = NorwegianProvision {
    rule: "national-id-need",
    law: "personopplysningsloven (LOV-2018-06-15-38)",
    section: "§ 12",
    says: "a national identity number (fødselsnummer) or other unique means of identification may be processed only where there is a legitimate need for secure identification and the method is necessary to achieve it",
    source: "the text of § 12, first paragraph, in shared/reference/personopplysningsloven_extract.txt (from Lovdata, LOV-2018-06-15-38)",
    checked: CHECKED,
    verified: true,
};

/// What `electronic-marketing-consent` enforces.
pub const ELECTRONIC_MARKETING: NorwegianProvision = NorwegianProvision {
    rule: "electronic-marketing-consent",
    law: "markedsføringsloven (LOV-2009-01-09-2)",
    section: "§ 15",
    says: "in the course of business, marketing by electronic communication that allows individual communication (e-mail, SMS) to natural persons needs their prior consent (first paragraph); it may be sent without consent to existing customers whose address was obtained in a sale, about the controller's own similar products, when they were given a free and simple way to refuse when the address was collected and are given one in every message (third paragraph)",
    source: "Forbrukertilsynet, \"Forbrukertilsynets veiledning om markedsføring via e-post, SMS o.l.\" (forbrukertilsynet.no/lov-og-rett/veiledninger-og-retningslinjer/forbrukertilsynets-veiledning-markedsforing-via-e-post-sms-o-l), sections 2.2-2.6 and 3.3; the page says it is being updated; the text of § 15 itself not read",
    checked: CHECKED,
    verified: false,
};

/// What `employee-monitoring` enforces.
pub const CONTROL_MEASURES: NorwegianProvision = NorwegianProvision {
    rule: "employee-monitoring",
    law: "arbeidsmiljøloven (LOV-2005-06-17-62)",
    section: "§§ 9-1, 9-2",
    says: "an employer may carry out control measures towards employees only where they have a legitimate reason in the business and are not a disproportionate burden (§ 9-1); the employer must discuss the need, design, carrying out and significant changes of a control measure with the employees' elected representatives as early as possible, and inform the employees concerned of its purpose, practical consequences and expected duration before it starts (§ 9-2)",
    source: "the text of § 9-2 as quoted on arbeidsmiljoloven.com (\"Arbeidsmiljøloven § 9-2 Drøfting, informasjon og evaluering av kontrolltiltak\"), and the commentary on § 9-1 there (\"§ 9-1. Vilkår for kontrolltiltak i virksomheten\"); Lovdata's text not read",
    checked: CHECKED,
    verified: false,
};

/// What `camera-retention` enforces.
pub const CAMERA_RECORDINGS: NorwegianProvision = NorwegianProvision {
    rule: "camera-retention",
    law: "forskrift 2. juli 2018 nr. 1107 om kameraovervåking i virksomhet (under arbeidsmiljøloven § 9-6)",
    section: "the deletion rule",
    says: "recordings of camera surveillance in a workplace must be deleted when there is no longer a legitimate reason to keep them, and at the latest seven days after the recording; where the recording is likely to be handed to the police, thirty days. Outside the workplace, Datatilsynet's guidance gives seven days as the norm; keeping recordings longer must be documented as necessary",
    source: "Datatilsynet, \"Skilting og sletting\" (datatilsynet.no/regelverk-og-skjema/veiledere/kameraovervaking/skilting-og-sletting/: \"senest sju dager etter opptak\") and \"Kameraovervåking – hva er lov? Informasjon og sletting\" (datatilsynet.no/personvern-pa-ulike-omrader/overvaking-og-sporing/kameraovervaking/informasjon-og-sletting/); the regulation's own text and section number not read",
    checked: CHECKED,
    verified: false,
};

/// What `cookie-consent` enforces.
pub const COOKIES: NorwegianProvision = NorwegianProvision {
    rule: "cookie-consent",
    law: "ekomloven (lov om elektronisk kommunikasjon, 2024)",
    section: "§ 3-15",
    says: "storing information on, or reading it from, a user's terminal equipment needs the user's consent as defined in the GDPR, unless it is strictly necessary for a service the user has asked for; in force 1 January 2025 (the Directive 2002/58/EC Art. 5(3) rule)",
    source: "digi.no, \"Nye norske cookie-regler fra 1. januar\" (2024-12: the new ekomlov in force 1 January 2025, GDPR consent, browser settings no longer enough); the section number § 3-15 is the contract's (rules.md) and was not read in the law's text",
    checked: CHECKED,
    verified: false,
};

/// Every provision, for the documentation and its test.
pub const NORWEGIAN_PROVISIONS: &[NorwegianProvision] = &[
    NATIONAL_ID_NUMBER,
    ELECTRONIC_MARKETING,
    CONTROL_MEASURES,
    CAMERA_RECORDINGS,
    COOKIES,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_a_registered_rule_with_its_source_and_date() {
        for provision in NORWEGIAN_PROVISIONS {
            assert!(
                crate::rules::find(provision.rule).is_some(),
                "{}",
                provision.rule
            );
            assert!(!provision.source.is_empty() && !provision.says.is_empty());
            assert_eq!(provision.checked.len(), 10, "{}", provision.rule);
            // An entry not read in the law's own text says so in its source.
            assert!(
                provision.verified || provision.source.contains("not read"),
                "{}",
                provision.rule
            );
        }
    }

    /// rules.md: each Norwegian rule's documentation names the law, the section and the source
    /// with the date it was checked.
    #[test]
    fn each_rules_documentation_names_its_section_and_check_date() {
        for provision in NORWEGIAN_PROVISIONS {
            let docs = crate::rules::find(provision.rule)
                .unwrap()
                .meta()
                .documentation();
            let section = provision.section.trim_start_matches("the ");
            let law = provision.law.split_whitespace().next().unwrap();
            for part in [law, provision.checked, "core/src/vocab/norway.rs"] {
                assert!(docs.contains(part), "{}: {part}", provision.rule);
            }
            if provision.section.starts_with('§') {
                assert!(docs.contains(section), "{}: {section}", provision.rule);
            }
        }
    }
}
