//! Adequacy decisions of the European Commission (Art. 45) in force.
//!
//! Source: shared/reference/data/adequacy.csv (EUR-Lex; Commission list of adequacy decisions)
//! and shared/spec/rules.md. Update an entry here when a decision is adopted, renewed or
//! annulled, and change its `checked` date.

/// One adequacy decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdequacyDecision {
    pub country: &'static str,
    pub name: &'static str,
    pub decision: &'static str,
    /// Whom the decision covers, when not the whole country.
    pub scope: Option<&'static str>,
    /// A caveat a controller should know.
    pub note: Option<&'static str>,
    /// Whether the decision has been taken into the EEA Agreement, so that it applies to
    /// controllers in Norway, Iceland and Liechtenstein.
    pub eea: EeaIncorporation,
    /// Where the facts of this entry were checked.
    pub source: &'static str,
    /// When this entry was last checked against the source.
    pub checked: &'static str,
}

/// Whether an adequacy decision is part of the EEA Agreement (Annex XI).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EeaIncorporation {
    /// Taken in by a decision of the EEA Joint Committee.
    Incorporated {
        joint_committee_decision: &'static str,
        date: &'static str,
    },
    /// Not yet taken in: the decision does not bind the EEA-EFTA states.
    Pending,
}

impl AdequacyDecision {
    /// Whether a controller in Norway, Iceland or Liechtenstein may rely on the decision.
    pub fn applies_in_eea_efta(&self) -> bool {
        matches!(self.eea, EeaIncorporation::Incorporated { .. })
    }
}

const fn whole(
    country: &'static str,
    name: &'static str,
    decision: &'static str,
) -> AdequacyDecision {
    AdequacyDecision {
        country,
        name,
        decision,
        scope: None,
        note: None,
        eea: EeaIncorporation::Incorporated {
            joint_committee_decision: "154/2018",
            date: "2018-07-20",
        },
        source: "shared/reference/data/adequacy.csv",
        checked: "2026-11-22",
    }
}

/// Decisions that `safeguard adequacy` may rely on. The United States is absent on purpose: its
/// decision covers only organisations certified under the Data Privacy Framework (`safeguard dpf`).
pub const ADEQUACY_DECISIONS: &[AdequacyDecision] = &[
    whole("AD", "Andorra", "2010/625/EU"),
    whole("AR", "Argentina", "2003/490/EC"),
    AdequacyDecision {
        note: Some(
            "for controllers in Norway, Iceland and Liechtenstein the decision applies once it is taken into the EEA Agreement (pending at the date checked)",
        ),
        eea: EeaIncorporation::Pending,
        ..whole("BR", "Brazil", "(EU) 2026/179")
    },
    AdequacyDecision {
        scope: Some("commercial organisations subject to PIPEDA"),
        ..whole("CA", "Canada", "2002/2/EC")
    },
    whole("CH", "Switzerland", "2000/518/EC"),
    whole("FO", "Faroe Islands", "2010/146/EU"),
    AdequacyDecision {
        note: Some("renewed on 2025-12-19, valid until 2031-12-27"),
        ..whole("GB", "United Kingdom", "(EU) 2021/1772")
    },
    whole("GG", "Guernsey", "2003/821/EC"),
    whole("IL", "Israel", "2011/61/EU"),
    whole("IM", "Isle of Man", "2004/411/EC"),
    whole("JE", "Jersey", "2008/393/EC"),
    AdequacyDecision {
        scope: Some("private-sector business operators under the APPI"),
        ..whole("JP", "Japan", "(EU) 2019/419")
    },
    AdequacyDecision {
        scope: Some("entities subject to PIPA"),
        ..whole("KR", "Republic of Korea", "(EU) 2022/254")
    },
    whole("NZ", "New Zealand", "2013/65/EU"),
    whole("UY", "Uruguay", "2012/484/EU"),
];

pub fn adequacy_decision(country: &str) -> Option<&'static AdequacyDecision> {
    ADEQUACY_DECISIONS.iter().find(|d| d.country == country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listed_countries_have_decisions_and_the_us_does_not() {
        for code in [
            "AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ",
            "UY",
        ] {
            assert!(adequacy_decision(code).is_some(), "{code}");
        }
        assert!(adequacy_decision("US").is_none());
        assert!(adequacy_decision("IN").is_none());
        assert_eq!(ADEQUACY_DECISIONS.len(), 15);
    }
}
