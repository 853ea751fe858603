//! Country tables: the ISO codes, the EEA, and every country's name in nb, nn and en (the
//! notice shows names, import reads them).

mod names;

pub use names::CountryNames;
use names::{COUNTRY_NAMES, OTHER_NAMES};

/// ISO 3166-1 alpha-2 codes officially assigned (249).
/// Source: ISO 3166 Maintenance Agency, Online Browsing Platform; checked 2026-11-22.
/// `XK` (Kosovo) is user-assigned, not official, and is therefore not listed.
pub const ISO_3166_ALPHA2: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The EEA: the 27 EU member states plus Iceland, Liechtenstein and Norway.
/// Source: shared/reference/data/eea.csv (EU membership as of 2026; EEA Agreement Art. 126);
/// checked 2026-11-22. Overseas territories with their own ISO code (FO, GL, …) are not listed:
/// they are not part of the EU or the EEA.
pub const EEA_STATES: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", // the EU 27
    "IS", "LI", "NO", // EEA-EFTA
];

/// Parts of EU states that ISO 3166-1 gives codes of their own and that are EU territory: the
/// French outermost regions (TFEU Art. 349, 355(1)) and Åland (Finland; Protocol 2 of its Act of
/// Accession concerns tax, not data protection). Source: shared/reference/data/eea.csv and
/// TFEU Art. 52, 349, 355; checked 2026-12-01. Not listed, because EU law does not apply there
/// or only in part: the overseas countries and territories (PF, NC, PM, WF, BL, TF, GL, AW, CW,
/// SX, …), FO, SJ (Svalbard and Jan Mayen; under review for Norway).
pub const EEA_REGIONS: &[&str] = &["GF", "GP", "MQ", "RE", "YT", "MF", "AX"];

pub fn is_iso_country(code: &str) -> bool {
    ISO_3166_ALPHA2.binary_search(&code).is_ok()
}

/// Whether an ISO code is inside the EEA: an EEA state or one of its [`EEA_REGIONS`].
pub fn is_eea(code: &str) -> bool {
    EEA_STATES.contains(&code) || EEA_REGIONS.contains(&code)
}

/// A country's names in nb, nn and en, by its ISO 3166-1 alpha-2 code.
pub fn country_names(code: &str) -> Option<&'static CountryNames> {
    COUNTRY_NAMES
        .binary_search_by(|names| names.code.cmp(code))
        .ok()
        .map(|i| &COUNTRY_NAMES[i])
}

/// The ISO code of a country named in Bokmål, Nynorsk or English ("Tyskland", "Noreg",
/// "the Netherlands", "USA", "Storbritannia", "UK"), compared without case, accents, a leading
/// "the" or surrounding space; an ISO code itself is also accepted. For import.
pub fn country_code_by_name(name: &str) -> Option<&'static str> {
    let wanted = fold_name(name);
    if wanted.is_empty() {
        return None;
    }
    let code = wanted.to_ascii_uppercase();
    if let Ok(i) = ISO_3166_ALPHA2.binary_search(&code.as_str()) {
        return Some(ISO_3166_ALPHA2[i]);
    }
    COUNTRY_NAMES
        .iter()
        .find(|n| [n.nb, n.nn, n.en].iter().any(|x| fold_name(x) == wanted))
        .map(|n| n.code)
        .or_else(|| {
            OTHER_NAMES
                .iter()
                .find(|(other, _)| fold_name(other) == wanted)
                .map(|(_, code)| *code)
        })
}

/// A name as compared: lower case, æ ø å and accented letters as their ASCII base letters,
/// runs of space as one, without a leading "the".
fn fold_name(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let mut folded = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'æ' => folded.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' | 'õ' => folded.push('o'),
            'å' | 'á' | 'à' | 'â' | 'ä' | 'ã' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'í' | 'ì' | 'î' | 'ï' => folded.push('i'),
            'ú' | 'ù' | 'û' | 'ü' => folded.push('u'),
            'ç' => folded.push('c'),
            'ñ' => folded.push('n'),
            'ý' | 'ÿ' => folded.push('y'),
            c if c.is_whitespace() => {
                if !folded.ends_with(' ') {
                    folded.push(' ');
                }
            }
            c => folded.push(c),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_code_has_a_name_in_every_language() {
        assert_eq!(COUNTRY_NAMES.len(), ISO_3166_ALPHA2.len());
        for (names, code) in COUNTRY_NAMES.iter().zip(ISO_3166_ALPHA2) {
            assert_eq!(names.code, *code);
            for name in [names.nb, names.nn, names.en] {
                assert!(!name.trim().is_empty() && name != *code, "{code}: {name:?}");
            }
            assert_eq!(country_names(code), Some(names));
        }
        assert_eq!(country_names("XK"), None);
    }

    #[test]
    fn every_name_leads_back_to_its_code() {
        for names in COUNTRY_NAMES {
            for name in [names.nb, names.nn, names.en] {
                assert_eq!(country_code_by_name(name), Some(names.code), "{name}");
            }
        }
        for (name, code) in OTHER_NAMES {
            assert_eq!(country_code_by_name(name), Some(*code), "{name}");
        }
    }

    #[test]
    fn names_are_found_without_case_accents_or_article() {
        for (name, code) in [
            ("USA", "US"),
            ("United States of America", "US"),
            ("Storbritannia", "GB"),
            ("UK", "GB"),
            ("  noreg ", "NO"),
            ("osterrike", "AT"),
            ("Austerrike", "AT"),
            ("The Netherlands", "NL"),
            ("Tyrkia", "TR"),
            ("Turkey", "TR"),
            ("sor-korea", "KR"),
            ("de", "DE"),
        ] {
            assert_eq!(country_code_by_name(name), Some(code), "{name}");
        }
        assert_eq!(country_code_by_name("Atlantis"), None);
        assert_eq!(country_code_by_name(""), None);
    }

    #[test]
    fn iso_list_is_sorted_complete_and_unique() {
        assert_eq!(ISO_3166_ALPHA2.len(), 249);
        assert!(ISO_3166_ALPHA2.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn eea_is_30_iso_states() {
        assert_eq!(EEA_STATES.len(), 30);
        assert!(EEA_STATES.iter().all(|c| is_iso_country(c)));
        assert!(is_eea("NO") && is_eea("SE") && !is_eea("CH") && !is_eea("GB") && !is_eea("FO"));
    }

    #[test]
    fn outermost_regions_and_aland_are_inside() {
        for code in ["GF", "GP", "MQ", "RE", "YT", "MF", "AX"] {
            assert!(is_iso_country(code) && is_eea(code), "{code}");
        }
        for code in ["PF", "NC", "GL", "SJ", "BL"] {
            assert!(!is_eea(code), "{code}");
        }
    }
}
