//! Country tables.

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

#[cfg(test)]
mod tests {
    use super::*;

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
