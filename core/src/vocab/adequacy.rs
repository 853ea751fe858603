//! Adequacy decisions of the European Commission (Art. 45) in force, one entry per third
//! country or territory, each with its own sources.
//!
//! Sources: shared/reference/data/adequacy.csv and CATALOGUE.md §6.2 (the list), the decisions
//! on EUR-Lex and their copies, the Norwegian government's EEA notes (regjeringen.no
//! EØS-notatbasen), europalov.no and Datatilsynet for the EEA side; each entry's `source` names
//! what was read for it. The sources are stored copies: the newest status read is of 2026-05-06
//! (Brazil, europalov.no), so `checked` is the day an entry was compared with them, not the day
//! of the newest fact.
//!
//! # Norway, Iceland and Liechtenstein
//!
//! A decision binds the EEA EFTA States once it is part of the EEA Agreement (Annex XI):
//!
//! * The eleven decisions taken under Directive 95/46/EC (AD, AR, CA, CH, FO, GG, IL, IM, JE,
//!   NZ, UY) applied in the EFTA States through the Directive as taken in by EEA Joint
//!   Committee decision (JCD) 83/1999: under its adaptation the Commission's decisions on
//!   adequacy applied there unless a State notified otherwise (Prop. 56 LS (2017–2018) ch. 19). JCD 154/2018 of 6 July 2018 (in force 20 July 2018)
//!   replaced the Directive by the GDPR, whose Art. 45(9) keeps those decisions in force until
//!   amended, replaced or repealed; so they are [`DIRECTIVE_ERA`]. Whether each was also listed
//!   by name in Annex XI was not verified.
//! * A decision taken under the GDPR needs its own JCD (Korea's was adopted 8 July 2022;
//!   Brazil's is pending). JCD 154/2018 adds for the EFTA States an Art. 45(1a) on the time
//!   before that JCD (read only in part, gesetze.li LGBl. 2018 Nr. 154), and Norway applies an
//!   adequacy decision from its EU date under personopplysningsforskriften § 2 (as the
//!   ministry's EEA note on Korea says): so `Pending` means "not in the Agreement", not
//!   "unusable in Norway".
//! * So each entry records, in `efta`, from when the decision applies in each of Norway,
//!   Iceland and Liechtenstein, with its source: in Norway from its EU date (§ 2 above, or for
//!   the Directive-era decisions § 6-1 of the 2000 regulation); in Iceland and Liechtenstein
//!   from its Joint Committee decision, or `NotYet` where neither the Agreement nor a national
//!   measure found makes it apply (Brazil, as checked on 2026-12-08).
//! * Where no JCD was found (Japan, the United Kingdom) the entry is `Incorporated` with
//!   "not verified" in place of the number and date, and its `note` says so: the decision is
//!   treated as usable in the EEA EFTA States because Norway's ministry and data protection
//!   authority treat it so, not because its JCD was read.
//!
//! # International organisations
//!
//! An adequacy decision may also cover an international organisation (Art. 45(1)). Such an
//! entry has an id that is not an ISO code, `IO:` and the organisation's key in capitals
//! (`IO:EPO`), so that no `country` value can name it; a recipient names it by its key in
//! lower case, `international_organisation epo` ([`international_organisation`]). Its EEA
//! incorporation is checked like that of any other decision taken under the GDPR.
//!
//! # Updating an entry
//!
//! When a decision is adopted, renewed, replaced, amended, suspended or annulled, or taken into
//! the EEA Agreement:
//!
//! 1. set `decision` to the act in force (a renewal or replacement cites the new act; an
//!    amendment keeps the amended act and says so in `source`);
//! 2. set `scope` from the decision's Art. 1 (and `note` for caveats a controller must know);
//! 3. set `eea` from the EEA Joint Committee decision (its number and the date it was adopted)
//!    or to `Pending`, and never copy one entry's EEA facts into another unless the same act
//!    carries both (as [`DIRECTIVE_ERA`] does);
//! 4. write in `source` what was read, and "not verified" for anything that was not;
//! 5. set `checked` to the day of the check, and update the test of EEA answers below.
//!
//! The United States is absent on purpose: its decision covers only organisations certified
//! under the Data Privacy Framework (`safeguard dpf`).

/// One adequacy decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdequacyDecision {
    /// The country's ISO code, or `IO:` and the key of an international organisation.
    pub country: &'static str,
    pub name: &'static str,
    /// The decision in force (a renewal or replacement cites the renewing act where known).
    pub decision: &'static str,
    /// Whom the decision covers, when not the whole country.
    pub scope: Option<&'static str>,
    /// A caveat a controller should know.
    pub note: Option<&'static str>,
    /// Whether the decision has been taken into the EEA Agreement, so that it applies to
    /// controllers in Norway, Iceland and Liechtenstein.
    pub eea: EeaIncorporation,
    /// From when the decision applies in each EEA EFTA State, with its source.
    pub efta: EftaDates,
    /// Where the facts of this entry were checked, and which of them could not be.
    pub source: &'static str,
    /// When this entry was last checked against the source.
    pub checked: &'static str,
}

/// Whether an adequacy decision is part of the EEA Agreement (Annex XI).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EeaIncorporation {
    /// Taken in by a decision of the EEA Joint Committee: its number and the date the Joint
    /// Committee adopted it ("not verified" where the entry's `note` says it was not found).
    Incorporated {
        joint_committee_decision: &'static str,
        date: &'static str,
    },
    /// Not yet taken in: the decision is not part of the EEA Agreement, so it does not bind the
    /// EEA EFTA States as such (one of them may still apply it under its national law meanwhile).
    Pending,
}

/// From when an adequacy decision applies in each EEA EFTA State. In the EU States a decision
/// applies as an EU act; in Norway, Iceland and Liechtenstein as that State's law or the EEA
/// Agreement makes it apply, which may be at another date or not yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EftaDates {
    pub norway: AppliesFrom,
    pub iceland: AppliesFrom,
    pub liechtenstein: AppliesFrom,
    /// What the dates rest on, and which of them could not be verified.
    pub source: &'static str,
    /// When the dates were last checked against the source.
    pub checked: &'static str,
}

/// Whether, and from when, a decision applies in one EEA EFTA State.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppliesFrom {
    /// From `date` (`YYYY-MM-DD`, or "not verified" where none was found; the entry's `source`
    /// says so), by the act or rule `by` names.
    Date {
        date: &'static str,
        by: &'static str,
    },
    /// Not applied in that State as the entry was last checked: neither part of the EEA
    /// Agreement nor applied by the State's own law.
    NotYet,
}

impl AdequacyDecision {
    /// Whether the decision applies to a controller in the country `state`: always in an EU
    /// State or a country outside the EEA, and in Norway, Iceland and Liechtenstein as
    /// [`AdequacyDecision::efta`] records.
    pub fn applies_in(&self, state: &str) -> bool {
        let efta = match state {
            "NO" => self.efta.norway,
            "IS" => self.efta.iceland,
            "LI" => self.efta.liechtenstein,
            _ => return true,
        };
        matches!(efta, AppliesFrom::Date { .. })
    }
}

/// Norway applies the Commission's adequacy decisions from their EU date.
const NORWAY_SECTION_2: &str = "personopplysningsforskriften § 2, from the decision's EU date";

/// The day the per-State dates were checked.
const EFTA_CHECKED: &str = "2026-12-08";

/// A decision taken under Directive 95/46/EC applied in the EEA EFTA States from its EU date:
/// the Directive as taken in by JCD 83/1999 made the Commission's adequacy findings apply there
/// unless a State notified the Commission otherwise before they took effect, and Norway's
/// personopplysningsforskriften (2000) § 6-1 applied them in Norway (Prop. 56 LS (2017–2018)
/// ch. 19.1, read 2026-12-08). `date` is the date of the decision as it is cited.
const fn directive_era_dates(date: &'static str) -> EftaDates {
    let by = AppliesFrom::Date {
        date,
        by: "Directive 95/46/EC as taken in by JCD 83/1999 (no State notified otherwise), kept in force by GDPR Art. 45(9)",
    };
    EftaDates {
        norway: by,
        iceland: by,
        liechtenstein: by,
        source: "Prop. 56 LS (2017–2018) ch. 19.1 (regjeringen.no): under JCD 83/1999 the Commission's adequacy decisions apply in the EEA EFTA States unless a State notifies otherwise before they take effect, and in Norway by personopplysningsforskriften (2000) § 6-1; the date is that of the decision as cited (its notification date, from which it took effect, not verified); that no State notified otherwise not verified",
        checked: EFTA_CHECKED,
    }
}

/// How the decisions taken under Directive 95/46/EC are part of the EEA Agreement: the GDPR as
/// taken in by JCD 154/2018 (adopted 6 July 2018, in force 20 July 2018) keeps them in force by
/// its Art. 45(9); before that they applied in the EFTA States under the Directive as taken in
/// by JCD 83/1999. The same for all eleven because the same acts carry all eleven.
pub const DIRECTIVE_ERA: EeaIncorporation = EeaIncorporation::Incorporated {
    joint_committee_decision: "154/2018 (GDPR Art. 45(9) keeps it in force; before, Directive 95/46/EC as taken in by JCD 83/1999)",
    date: "2018-07-06",
};

/// The EEA part of the `source` of every decision taken under Directive 95/46/EC, appended to
/// the decision's own sources.
macro_rules! directive_era_source {
    ($own:literal) => {
        concat!(
            $own,
            "; kept in force by Commission Implementing Decision (EU) 2016/2295 (EUR-Lex eli/dec_impl/2016/2295/oj, which amends it) and GDPR Art. 45(9); first review of the Art. 25(6) decisions reported on 2024-01-15 (datenrecht.ch); EEA: Prop. 56 LS (2017–2018) ch. 19 on JCD 83/1999 (regjeringen.no), JCD 154/2018 of 2018-07-06 (EØS-tillegget 2018/46; linklaters.com); its own listing in Annex XI not verified"
        )
    };
}

const CHECKED: &str = "2026-12-01";

/// Decisions that `safeguard adequacy` may rely on. The United States is absent on purpose: its
/// decision covers only organisations certified under the Data Privacy Framework (`safeguard dpf`).
pub const ADEQUACY_DECISIONS: &[AdequacyDecision] = &[
    AdequacyDecision {
        country: "AD",
        name: "Andorra",
        decision: "2010/625/EU",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2010-10-19"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295); DPV legal-eu (CELEX 32010D0625)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "AR",
        name: "Argentina",
        decision: "2003/490/EC",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2003-06-30"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295); DPV legal-eu (CELEX 32003D0490)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "BR",
        name: "Brazil",
        decision: "(EU) 2026/179",
        scope: None,
        note: Some(
            "not yet part of the EEA Agreement: the EEA EFTA States sent their draft Joint Committee decision to the Commission on 2026-05-06; it applies in Norway from its EU date under personopplysningsforskriften § 2; a controller in Iceland or Liechtenstein cannot rely on it until it is taken in or that State applies it",
        ),
        eea: EeaIncorporation::Pending,
        efta: EftaDates {
            norway: AppliesFrom::Date {
                date: "2026-01-26",
                by: NORWAY_SECTION_2,
            },
            iceland: AppliesFrom::NotYet,
            liechtenstein: AppliesFrom::NotYet,
            source: "Norway: the date of the decision, applied from its EU date under personopplysningsforskriften § 2 (regjeringen.no EØS-notat on Korea, id2913172; the day the decision took effect in the EU not verified); Iceland and Liechtenstein: not in the EEA Agreement (europalov.no id-34841, status of 2026-05-06) and no national measure applying it found (not verified: Icelandic and Liechtenstein law not read)",
            checked: EFTA_CHECKED,
        },
        source: "Commission Implementing Decision (EU) 2026/179 of 2026-01-26, OJ 2026-01-28 (europalov.no/rettsakt/…-brasil/id-34841, whose latest status, 'utkast til EØS-komitebeslutning oversendt til Kommisjonen 6.5.2026', is the newest read; nothing later found); covers LGPD-subject private and public entities (CATALOGUE.md §6.2: cms.law, kennedyslaw.com; decision text not read); Norwegian § 2 rule: regjeringen.no EØS-notat on Korea (id2913172)",
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "CA",
        name: "Canada",
        decision: "2002/2/EC",
        scope: Some(
            "recipients subject to PIPEDA: private-sector organisations processing personal information in the course of commercial activities (not bodies under the federal Privacy Act or provincial public-sector law, nor non-profits outside commercial activities)",
        ),
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2001-12-20"),
        source: directive_era_source!(
            "Decision 2002/2/EC of 2001-12-20, title and recital (5) (EUR-Lex CELEX 32002D0002; proteuscyber.com copy)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "CH",
        name: "Switzerland",
        decision: "2000/518/EC",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2000-07-26"),
        source: directive_era_source!(
            "Decision 2000/518/EC of 2000-07-26, Art. 1: all activities within the scope of the Directive (EUR-Lex consolidated 02000D0518-20161217); adequacy confirmed in the 2024 review (datenrecht.ch)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "FO",
        name: "Faroe Islands",
        decision: "2010/146/EU",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2010-03-05"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295, which amends 2010/146/EU)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "GB",
        name: "United Kingdom",
        decision: "(EU) 2021/1772, renewed on 2025-12-19",
        scope: None,
        note: Some(
            "renewed on 2025-12-19 until 2031-12-27 by a new decision whose number was not verified ((EU) 2021/1772 of 2021-06-28 is the original); the renewal also covers data for UK immigration control, which the 2021 decision excluded; EEA incorporation not verified: no EEA Joint Committee decision was found for either act, Norway's data protection authority treats the decision as usable from Norway",
        ),
        eea: EeaIncorporation::Incorporated {
            joint_committee_decision: "not verified (none found for (EU) 2021/1772 or its 2025 renewal)",
            date: "not verified",
        },
        efta: EftaDates {
            norway: AppliesFrom::Date {
                date: "2021-06-28",
                by: NORWAY_SECTION_2,
            },
            iceland: AppliesFrom::Date {
                date: "not verified",
                by: "treated as part of the EEA Agreement (see the note)",
            },
            liechtenstein: AppliesFrom::Date {
                date: "not verified",
                by: "treated as part of the EEA Agreement (see the note)",
            },
            source: "Norway: the date of (EU) 2021/1772, applied from its EU date under personopplysningsforskriften § 2 (the renewal of 2025-12-19 likewise); Iceland and Liechtenstein: no EEA Joint Committee decision found (not verified)",
            checked: EFTA_CHECKED,
        },
        source: "Commission daily news 2025-12-19 'Commission renews decisions to allow free flow of personal data with the UK' (via cna.org.cy): new decisions, sunset 2031-12-27; dpocentre.com; uea.ac.uk (immigration data now covered); June 2025 technical extension to 2025-12-27 (mondaq.com; LED act (EU) 2025/1225 per europalov.no, GDPR act number not verified); 2021 exclusion of immigration control: datatilsynet.no 2021; renewing act's number and EEA JCDs not verified",
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "GG",
        name: "Guernsey",
        decision: "2003/821/EC",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2003-11-21"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295, which amends 2003/821/EC)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "IL",
        name: "Israel",
        decision: "2011/61/EU",
        scope: Some(
            "automated international transfers from the EU, and non-automated transfers that are further processed automatically in Israel",
        ),
        note: Some(
            "'State of Israel' as defined in accordance with international law: the decision is without prejudice to the status of the Golan Heights and the West Bank, including East Jerusalem",
        ),
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2011-01-31"),
        source: directive_era_source!(
            "Decision 2011/61/EU of 2011-01-31 'with regard to automated processing', recitals (12) and (14) (EUR-Lex consolidated 02011D0061-20161217; proteuscyber.com copy); territorial reservation as summarised by lexology.com (Art. 1 footnote not read verbatim)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "IM",
        name: "Isle of Man",
        decision: "2004/411/EC",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2004-04-28"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295, which amends 2004/411/EC)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "IO:EPO",
        name: "European Patent Organisation",
        decision: "(EU) 2025/1382",
        scope: None,
        note: Some(
            "the first adequacy decision for an international organisation; not found in the EEA Agreement: no EEA Joint Committee decision was found, so it applies in Norway from its EU date under personopplysningsforskriften § 2, and a controller in Iceland or Liechtenstein must check national law",
        ),
        eea: EeaIncorporation::Pending,
        efta: EftaDates {
            norway: AppliesFrom::Date {
                date: "2025-07-15",
                by: NORWAY_SECTION_2,
            },
            iceland: AppliesFrom::NotYet,
            liechtenstein: AppliesFrom::NotYet,
            source: "Norway: the date of the decision, applied from its EU date under personopplysningsforskriften § 2 (regjeringen.no EØS-notat on Korea, id2913172; the day it took effect in the EU not verified); Iceland and Liechtenstein: no EEA Joint Committee decision and no national measure applying it found (not verified)",
            checked: EFTA_CHECKED,
        },
        source: "Commission Implementing Decision (EU) 2025/1382 of 2025-07-15, OJ L 2025-07-18 (shared/reference/data/adequacy.csv and CATALOGUE.md §6.2: globalpolicywatch.com, EUR-Lex CELEX 32025D1382 via lex24.ro; decision text not read); adoption on 2025-07-15 confirmed by Agence Europe 2025-07-15 (agenceurope.eu bulletin 13681/37); the Commission's draft of 2025-03-05 as the first for an international organisation (ieu-monitoring.com, 1848.nl); EEA Joint Committee decision: none found (searched 2026-12-08)",
        checked: "2026-12-08",
    },
    AdequacyDecision {
        country: "JE",
        name: "Jersey",
        decision: "2008/393/EC",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2008-05-08"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295, which amends 2008/393/EC)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "JP",
        name: "Japan",
        decision: "(EU) 2019/419",
        scope: Some(
            "personal information handling business operators subject to the APPI as complemented by the Supplementary Rules (the private sector, not public authorities), except the categories of recipient excluded by Art. 1(2)",
        ),
        note: Some(
            "EEA incorporation not verified: no EEA Joint Committee decision was found; Norway's EEA note reads the decision as covering the EEA States",
        ),
        eea: EeaIncorporation::Incorporated {
            joint_committee_decision: "not verified (none found)",
            date: "not verified",
        },
        efta: EftaDates {
            norway: AppliesFrom::Date {
                date: "2019-01-23",
                by: NORWAY_SECTION_2,
            },
            iceland: AppliesFrom::Date {
                date: "not verified",
                by: "treated as part of the EEA Agreement (see the note)",
            },
            liechtenstein: AppliesFrom::Date {
                date: "not verified",
                by: "treated as part of the EEA Agreement (see the note)",
            },
            source: "Norway: the date of (EU) 2019/419, applied from its EU date under personopplysningsforskriften § 2 (regjeringen.no EØS-notat id2662682); Iceland and Liechtenstein: no EEA Joint Committee decision found (not verified)",
            checked: EFTA_CHECKED,
        },
        source: "Commission Implementing Decision (EU) 2019/419 of 2019-01-23, Art. 1(1) (legislation.gov.uk/eudn/2019/419; the list in Art. 1(2) not read); first review COM(2023) 275 ('transfers from the EU to private operators in Japan'); EEA: regjeringen.no EØS-notat id2662682 (adopted by fast-track procedure, recital (5) covers the EEA States; no JCD named); EEA JCD number and date not verified",
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "KR",
        name: "Republic of Korea",
        decision: "(EU) 2022/254",
        scope: Some(
            "entities subject to PIPA, private and public, except personal credit information processed under the Credit Information Act by controllers supervised by the Financial Services Commission, religious organisations for their missionary activities and political parties for the nomination of candidates",
        ),
        note: None,
        eea: EeaIncorporation::Incorporated {
            joint_committee_decision: "number not verified (adopted 2022-07-08)",
            date: "2022-07-08",
        },
        efta: EftaDates {
            norway: AppliesFrom::Date {
                date: "2021-12-17",
                by: NORWAY_SECTION_2,
            },
            iceland: AppliesFrom::Date {
                date: "2022-07-08",
                by: "the EEA Joint Committee decision of 2022-07-08",
            },
            liechtenstein: AppliesFrom::Date {
                date: "2022-07-08",
                by: "the EEA Joint Committee decision of 2022-07-08",
            },
            source: "Norway: regjeringen.no EØS-notat id2913172 (applies in Norway from 2021-12-17 under personopplysningsforskriften § 2); Iceland and Liechtenstein: europalov.no id-30086 (Joint Committee decision of 2022-07-08; its entry into force, which may be later, not verified)",
            checked: EFTA_CHECKED,
        },
        source: "Commission Implementing Decision (EU) 2022/254 of 2021-12-17, OJ L 44, 2022-02-24 (EUR-Lex CELEX 32022D0254; its section 2.3.11 on personal credit information; Art. 1 not read verbatim); the three exclusions as stated by CNPD Luxembourg (cnpd.public.lu, 2021-12) and dpforum.se; public and private sector: dpforum.se, EDPB 2021-09-27; EEA: europalov.no id-30086 ('EØS-komitebeslutning 8.7.2022 om innlemmelse i EØS-avtalen', number not given), regjeringen.no EØS-notat id2913172 (applies in Norway from 2021-12-17 under personopplysningsforskriften § 2)",
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "NZ",
        name: "New Zealand",
        decision: "2013/65/EU",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2012-12-19"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295, which amends Implementing Decision 2013/65/EU)"
        ),
        checked: CHECKED,
    },
    AdequacyDecision {
        country: "UY",
        name: "Uruguay",
        decision: "2012/484/EU",
        scope: None,
        note: None,
        eea: DIRECTIVE_ERA,
        efta: directive_era_dates("2012-08-21"),
        source: directive_era_source!(
            "shared/reference/data/adequacy.csv (EUR-Lex 2016/2295, which amends Implementing Decision 2012/484/EU)"
        ),
        checked: CHECKED,
    },
];

pub fn adequacy_decision(country: &str) -> Option<&'static AdequacyDecision> {
    ADEQUACY_DECISIONS.iter().find(|d| d.country == country)
}

/// The keys `international_organisation` takes: the organisations of the table, in lower case.
pub const INTERNATIONAL_ORGANISATIONS: &[&str] = &["epo"];

/// The adequacy decision of an international organisation, by the key a declaration names it
/// with (`epo`): the entry `IO:EPO`.
pub fn international_organisation(key: &str) -> Option<&'static AdequacyDecision> {
    ADEQUACY_DECISIONS.iter().find(|d| {
        d.country
            .strip_prefix("IO:")
            .is_some_and(|k| k.to_ascii_lowercase() == key)
    })
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
        assert_eq!(ADEQUACY_DECISIONS.len(), 16);
    }

    /// Every organisation of the table is a key of `international_organisation`, and every
    /// key names an organisation of the table; a country's entry is not one.
    #[test]
    fn international_organisations_are_named_by_their_keys() {
        let in_table: Vec<&str> = ADEQUACY_DECISIONS
            .iter()
            .filter(|d| d.country.starts_with("IO:"))
            .map(|d| d.country)
            .collect();
        assert_eq!(in_table, ["IO:EPO"]);
        assert_eq!(in_table.len(), INTERNATIONAL_ORGANISATIONS.len());
        for key in INTERNATIONAL_ORGANISATIONS {
            assert!(international_organisation(key).is_some(), "{key}");
        }
        assert_eq!(
            international_organisation("epo").unwrap().decision,
            "(EU) 2025/1382"
        );
        assert!(international_organisation("EPO").is_none());
        assert!(international_organisation("ch").is_none());
        assert!(international_organisation("who").is_none());
        assert!(adequacy_decision("IO:EPO").is_some_and(|d| d.eea == EeaIncorporation::Pending));
    }

    /// What was found for each entry (see the module documentation): every decision applies in
    /// Norway; in Iceland and Liechtenstein Brazil's does not yet, the Directive-era decisions
    /// and Korea's do, and Japan's and the United Kingdom's are treated as applying though their
    /// Joint Committee decisions were not found.
    #[test]
    fn brazil_applies_in_norway_but_not_yet_in_iceland_or_liechtenstein() {
        let brazil = adequacy_decision("BR").unwrap();
        assert_eq!(brazil.eea, EeaIncorporation::Pending);
        assert!(brazil.applies_in("NO"));
        assert!(!brazil.applies_in("IS"));
        assert!(!brazil.applies_in("LI"));
        assert!(
            brazil.applies_in("SE"),
            "an EU State applies it as an EU act"
        );
        for decision in ADEQUACY_DECISIONS {
            assert!(decision.applies_in("NO"), "{}", decision.country);
            if !["BR", "IO:EPO"].contains(&decision.country) {
                for state in ["IS", "LI"] {
                    assert!(decision.applies_in(state), "{} {state}", decision.country);
                }
            }
        }
        for code in [
            "AD", "AR", "CA", "CH", "FO", "GG", "IL", "IM", "JE", "NZ", "UY",
        ] {
            let decision = adequacy_decision(code).unwrap();
            assert_eq!(decision.eea, DIRECTIVE_ERA, "{code}");
            // One date for the three States: the Directive made the decision apply there from
            // its EU date.
            assert_eq!(decision.efta.norway, decision.efta.iceland, "{code}");
            assert_eq!(decision.efta.norway, decision.efta.liechtenstein, "{code}");
        }
    }

    /// A per-State date is a date or says it was not verified, and a State where a decision
    /// applies without a verified Joint Committee decision is one the note warns about.
    #[test]
    fn per_state_dates_are_dates_or_said_to_be_unverified() {
        for decision in ADEQUACY_DECISIONS {
            let efta = decision.efta;
            assert!(!efta.source.is_empty(), "{}", decision.country);
            assert_eq!(efta.checked.len(), 10, "{}", decision.country);
            for applies in [efta.norway, efta.iceland, efta.liechtenstein] {
                if let AppliesFrom::Date { date, by } = applies {
                    assert!(!by.is_empty());
                    if date == "not verified" {
                        assert!(
                            efta.source.contains("not verified")
                                && decision.note.is_some_and(|n| n.contains("not verified")),
                            "{}",
                            decision.country
                        );
                    } else {
                        assert!(
                            date.len() == 10 && (date.starts_with("20") || date.starts_with("19")),
                            "{} {date}",
                            decision.country
                        );
                    }
                }
            }
        }
    }

    /// An EEA fact that was not found is said to be so where a reader of the hover sees it.
    #[test]
    fn unverified_eea_facts_are_said_to_be_unverified() {
        for decision in ADEQUACY_DECISIONS {
            if let EeaIncorporation::Incorporated {
                joint_committee_decision,
                date,
            } = decision.eea
            {
                if joint_committee_decision.starts_with("not verified") {
                    assert_eq!(date, "not verified", "{}", decision.country);
                    assert!(
                        decision.note.is_some_and(|n| n.contains("not verified")),
                        "{}",
                        decision.country
                    );
                } else {
                    assert!(
                        date.len() == 10 && date.starts_with("20"),
                        "{}",
                        decision.country
                    );
                }
            }
            assert!(!decision.source.is_empty(), "{}", decision.country);
        }
    }
}
