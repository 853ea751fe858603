//! The age below which a child's consent to an information society service needs a parent's
//! consent or authorisation (Art. 8(1)): 16 unless a state has set a lower age, not below 13.
//!
//! Sources: Norway — personopplysningsloven (LOV-2018-06-15-38) § 5; the EU states — the Bird &
//! Bird GDPR tracker (children), as gathered in shared/reference/CATALOGUE.md § 8. Only ages
//! from those sources are listed: a state not listed gets the default of Art. 8(1), and the
//! message says so. Checked 2026-12-01; update an entry when a state changes its law.

/// The age of Art. 8(1) when a state has set none.
pub const DEFAULT_CONSENT_AGE: u8 = 16;

/// One state's age of digital consent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConsentAge {
    pub country: &'static str,
    pub age: u8,
    /// The national provision, where known.
    pub law: &'static str,
}

pub const CONSENT_AGES: &[ConsentAge] = &[
    ConsentAge {
        country: "AT",
        age: 14,
        law: "Datenschutzgesetz § 4(4)",
    },
    ConsentAge {
        country: "BE",
        age: 13,
        law: "loi du 30 juillet 2018, art. 7",
    },
    ConsentAge {
        country: "CZ",
        age: 15,
        law: "zákon č. 110/2019 Sb., § 7",
    },
    ConsentAge {
        country: "DE",
        age: 16,
        law: "no derogation (Art. 8(1))",
    },
    ConsentAge {
        country: "DK",
        age: 13,
        law: "databeskyttelsesloven § 6(2)",
    },
    ConsentAge {
        country: "ES",
        age: 14,
        law: "Ley Orgánica 3/2018, art. 7",
    },
    ConsentAge {
        country: "FI",
        age: 13,
        law: "tietosuojalaki 5 §",
    },
    ConsentAge {
        country: "FR",
        age: 15,
        law: "loi Informatique et Libertés, art. 45",
    },
    ConsentAge {
        country: "HU",
        age: 16,
        law: "no derogation (Art. 8(1))",
    },
    ConsentAge {
        country: "IE",
        age: 16,
        law: "Data Protection Act 2018, s. 31",
    },
    ConsentAge {
        country: "IT",
        age: 14,
        law: "Codice privacy, art. 2-quinquies",
    },
    ConsentAge {
        country: "NL",
        age: 16,
        law: "Uitvoeringswet AVG, art. 5",
    },
    ConsentAge {
        country: "NO",
        age: 13,
        law: "personopplysningsloven § 5",
    },
    ConsentAge {
        country: "PL",
        age: 16,
        law: "no derogation (Art. 8(1))",
    },
    ConsentAge {
        country: "SE",
        age: 13,
        law: "dataskyddslagen 2 kap. 4 §",
    },
    ConsentAge {
        country: "SK",
        age: 16,
        law: "zákon č. 18/2018 Z. z., § 15",
    },
];

/// The age of digital consent in a state, if privlint knows it.
pub fn consent_age(country: &str) -> Option<&'static ConsentAge> {
    CONSENT_AGES.iter().find(|a| a.country == country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_within_article_8() {
        for entry in CONSENT_AGES {
            assert!((13..=16).contains(&entry.age), "{}", entry.country);
            assert!(crate::vocab::is_eea(entry.country), "{}", entry.country);
        }
        assert_eq!(consent_age("NO").map(|a| a.age), Some(13));
        assert_eq!(consent_age("US"), None);
    }
}
