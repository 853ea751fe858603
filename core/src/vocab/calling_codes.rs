//! International calling codes, for `tel:` links in a notice: a number written without its
//! country code gets the code of the controller's country.
//!
//! Source: ITU-T Recommendation E.164, "List of ITU-T Recommendation E.164 assigned country
//! codes" (complement to ITU Operational Bulletin), and each country's national numbering plan
//! as notified to the ITU for whether the national trunk prefix `0` is dropped after the
//! country code; checked 2026-12-08. Only the EEA states, Switzerland and the United Kingdom
//! are listed, leaving out Hungary (trunk prefix 06) and Lithuania (trunk prefix 8), whose
//! prefixes are not a single `0`: a number from elsewhere keeps the link as written.

/// A country's calling code and whether a leading `0` of a national number is dropped after it
/// (`020 7946 0000` → `+44 20 7946 0000`; in Italy the `0` stays: `+39 06 …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallingCode {
    pub code: &'static str,
    pub drops_trunk_zero: bool,
}

const CODES: &[(&str, &str, bool)] = &[
    ("AT", "43", true),
    ("BE", "32", true),
    ("BG", "359", true),
    ("CH", "41", true),
    ("CY", "357", false),
    ("CZ", "420", false),
    ("DE", "49", true),
    ("DK", "45", false),
    ("EE", "372", false),
    ("ES", "34", false),
    ("FI", "358", true),
    ("FR", "33", true),
    ("GB", "44", true),
    ("GR", "30", false),
    ("HR", "385", true),
    ("IE", "353", true),
    ("IS", "354", false),
    ("IT", "39", false),
    ("LI", "423", false),
    ("LU", "352", false),
    ("LV", "371", false),
    ("MT", "356", false),
    ("NL", "31", true),
    ("NO", "47", false),
    ("PL", "48", false),
    ("PT", "351", false),
    ("RO", "40", true),
    ("SE", "46", true),
    ("SI", "386", true),
    ("SK", "421", true),
];

/// The calling code of a country, by its ISO 3166-1 alpha-2 code.
pub fn calling_code(country: &str) -> Option<CallingCode> {
    CODES
        .binary_search_by(|(iso, _, _)| iso.cmp(&country))
        .ok()
        .map(|i| CallingCode {
            code: CODES[i].1,
            drops_trunk_zero: CODES[i].2,
        })
}

/// The digits of a `tel:` link for a number as written: `+` and digits, with the country's
/// calling code put in front when the number has none (it starts with neither `+` nor `00`).
pub fn international(number: &str, country: Option<&str>) -> String {
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if digits.starts_with('+') {
        return digits;
    }
    if let Some(rest) = digits.strip_prefix("00") {
        return format!("+{rest}");
    }
    match country.and_then(calling_code) {
        Some(c) => {
            let national = match digits.strip_prefix('0') {
                Some(rest) if c.drops_trunk_zero => rest,
                _ => &digits,
            };
            format!("+{}{national}", c.code)
        }
        None => digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_every_code_is_an_iso_country() {
        assert!(CODES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            CODES
                .iter()
                .all(|(iso, _, _)| super::super::is_iso_country(iso))
        );
    }

    #[test]
    fn a_number_without_its_country_code_gets_the_controllers() {
        assert_eq!(international("22 00 00 00", Some("NO")), "+4722000000");
        assert_eq!(international("+47 22 00 00 00", Some("SE")), "+4722000000");
        assert_eq!(international("0046 8 123 456", Some("NO")), "+468123456");
        assert_eq!(international("08-123 456 78", Some("SE")), "+46812345678");
        assert_eq!(international("06 1234 5678", Some("IT")), "+390612345678");
        assert_eq!(international("22 00 00 00", None), "22000000");
        assert_eq!(international("555 0100", Some("US")), "5550100");
    }
}
