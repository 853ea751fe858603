//! Retention phrases that give neither a period nor the criteria for one, for the rule
//! `vague-retention` (Art. 13(2)(a), 14(2)(a), 5(1)(e)).
//!
//! Art. 13(2)(a) asks for "the period for which the personal data will be stored, or if that is
//! not possible, the criteria used to determine that period". A phrase that only repeats the
//! storage-limitation principle ("as long as necessary", "until the purpose is fulfilled") gives
//! neither: the reader still cannot tell how long. Each group below names where its criterion
//! comes from and what of that source was read; "not verified" marks what could not be read.
//!
//! A phrase is compared with the whole string of `retention until "…"` or `retention … after
//! "…"` after [`normalise`], by equality: a precise text that merely contains a vague phrase
//! ("så lenge det er nødvendig for å oppfylle bokføringsplikten, og inntil 5 år") is not vague.
//! Add a phrase in its normalised form (a test checks that every entry is).

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A group of phrases in one language, with the source of the criterion that makes them vague.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaguePhrases {
    /// The language of the phrases (BCP 47: `nb`, `nn`, `en`).
    pub language: &'static str,
    /// The phrases, normalised.
    pub phrases: &'static [&'static str],
    /// Where the criterion comes from, and what of each source was read.
    pub sources: &'static [&'static str],
    /// The day the source was last read for this group.
    pub checked: &'static str,
}

const CHECKED: &str = "2026-12-08";

/// Art. 13(2)(a) itself: read in shared/reference/gdpr_text (Regulation (EU) 2016/679, OJ L 119,
/// 4.5.2016).
const ARTICLE_13: &str = "GDPR Art. 13(2)(a), 14(2)(a): 'the period for which the personal data will be stored, or if that is not possible, the criteria used to determine that period' (read in the Regulation's text)";

/// Why the end of the purpose is no criterion.
const PURPOSE_ENDS: &str = "GDPR Art. 5(1)(e) (read in the Regulation's text): keeping data no longer than the purpose needs is the principle itself; saying that data are kept until the purpose ends gives the reader no period and no criterion to apply";

/// Datatilsynet's page on storage limitation, read on the check date.
const DATATILSYNET: &str = "Datatilsynet, 'Lagringsbegrensning' (datatilsynet.no/rettigheter-og-plikter/personvernprinsippene/grunnleggende-personvernprinsipper/lagringsbegrensning/): data are to be deleted or anonymised when no longer necessary for the purpose, and the controller should set deadlines for deletion or periodic review; a phrase that restates the principle sets no such deadline";

/// The Article 29 Working Party's transparency guidelines, endorsed by the EDPB.
const WP260: &str = "WP260 rev.01 (Guidelines on transparency, endorsed by the EDPB), annex, on the storage period: stating generically that data are kept as long as necessary for the legitimate purposes is not sufficient (not verified: the guidelines' text could not be read here; the point as recorded in shared/reference/CATALOGUE.md, GDPR-NOTICE-RETENTION, whose failing example is \"As long as necessary\")";

/// Every vague phrase, by language.
pub const VAGUE_RETENTION_PHRASES: &[VaguePhrases] = &[
    VaguePhrases {
        language: "nb",
        phrases: &[
            "så lenge det er nødvendig",
            "så lenge det trengs",
            "så lenge vi trenger dem",
            "så lenge vi trenger opplysningene",
        ],
        sources: &[ARTICLE_13, DATATILSYNET],
        checked: CHECKED,
    },
    VaguePhrases {
        language: "nn",
        phrases: &[
            "så lenge det er naudsynt",
            "så lenge vi treng dei",
            "så lenge vi treng opplysningane",
        ],
        sources: &[ARTICLE_13, DATATILSYNET],
        checked: CHECKED,
    },
    VaguePhrases {
        // The end of the purpose, without saying when that is: Bokmål and Nynorsk forms.
        language: "nb",
        phrases: &[
            "formålet er oppfylt",
            "føremålet er oppfylt",
            "formålet er oppnådd",
            "føremålet er nådd",
            "behovet opphører",
        ],
        sources: &[ARTICLE_13, PURPOSE_ENDS, DATATILSYNET],
        checked: CHECKED,
    },
    VaguePhrases {
        language: "nb",
        phrases: &["i mange år"],
        sources: &[ARTICLE_13],
        checked: CHECKED,
    },
    VaguePhrases {
        language: "en",
        phrases: &[
            "as long as necessary",
            "as long as needed",
            "as long as we need it",
            "no longer needed",
            "no longer necessary",
        ],
        sources: &[ARTICLE_13, WP260],
        checked: CHECKED,
    },
    VaguePhrases {
        language: "en",
        phrases: &["the purpose has been fulfilled", "the purpose is fulfilled"],
        sources: &[ARTICLE_13, PURPOSE_ENDS, WP260],
        checked: CHECKED,
    },
];

/// The words a retention text may start with that do not change what it says ("until the
/// purpose is fulfilled" is "the purpose is fulfilled").
const LEADING: &[&str] = &["inntil ", "til ", "until "];

/// A retention text as the table compares it: Unicode NFC, lower-case, each run of white space
/// one space, without leading or trailing spaces or a final full stop, and without a leading
/// "inntil ", "til " or "until ".
pub fn normalise(text: &str) -> String {
    // Most texts are composed already, and the quick check costs far less than composing.
    let composed = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_lowercase(),
        IsNormalized::No | IsNormalized::Maybe => text.nfc().collect::<String>().to_lowercase(),
    };
    let spaced = composed.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = spaced.strip_suffix('.').unwrap_or(&spaced).trim_end();
    LEADING
        .iter()
        .find_map(|word| trimmed.strip_prefix(word))
        .unwrap_or(trimmed)
        .to_string()
}

/// The group holding the phrase that `text` is, once normalised; `None` for a text that gives a
/// period or criteria (or at least is none of the listed phrases).
pub fn vague_retention(text: &str) -> Option<&'static VaguePhrases> {
    let text = normalise(text);
    VAGUE_RETENTION_PHRASES
        .iter()
        .find(|group| group.phrases.contains(&text.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_is_stored_normalised_and_once() {
        let mut seen = Vec::new();
        for group in VAGUE_RETENTION_PHRASES {
            assert!(!group.sources.is_empty());
            assert_eq!(group.checked, CHECKED);
            for phrase in group.phrases {
                assert_eq!(&normalise(phrase), phrase);
                assert!(!seen.contains(phrase), "{phrase} twice");
                seen.push(phrase);
            }
        }
    }

    /// The phrases rules.md (version 3) lists: the table must hold at least these.
    #[test]
    fn holds_every_phrase_of_the_contract() {
        for phrase in [
            "så lenge det er nødvendig",
            "så lenge det er naudsynt",
            "så lenge det trengs",
            "så lenge vi trenger dem",
            "så lenge vi treng dei",
            "så lenge vi trenger opplysningene",
            "så lenge vi treng opplysningane",
            "formålet er oppfylt",
            "føremålet er oppfylt",
            "formålet er oppnådd",
            "føremålet er nådd",
            "behovet opphører",
            "i mange år",
            "as long as necessary",
            "as long as needed",
            "as long as we need it",
            "the purpose has been fulfilled",
            "the purpose is fulfilled",
            "no longer needed",
            "no longer necessary",
        ] {
            assert!(vague_retention(phrase).is_some(), "{phrase}");
        }
    }

    #[test]
    fn normalises_case_spaces_full_stop_composition_and_a_leading_until() {
        assert_eq!(
            normalise("  Inntil   Formålet er OPPFYLT. "),
            "formålet er oppfylt"
        );
        assert_eq!(
            normalise("Until the purpose is fulfilled."),
            "the purpose is fulfilled"
        );
        assert_eq!(normalise("til behovet\n opphører"), "behovet opphører");
        // "å" written as "a" and a combining ring (U+030A) is the same phrase.
        assert_eq!(
            normalise("sa\u{30a} lenge det trengs"),
            "så lenge det trengs"
        );
        // Only one leading word and one final full stop go.
        assert_eq!(normalise("until until x.."), "until x.");
    }

    #[test]
    fn a_precise_text_that_contains_a_vague_phrase_is_not_vague() {
        assert!(vague_retention("Inntil formålet er oppfylt.").is_some());
        assert!(
            vague_retention(
                "så lenge det er nødvendig for å oppfylle bokføringsplikten, og inntil 5 år"
            )
            .is_none()
        );
        assert!(vague_retention("as long as necessary to handle the complaint").is_none());
    }
}
