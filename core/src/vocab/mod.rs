//! The vocabulary of the language: every word a field accepts, with the article it stands for
//! and a plain explanation (used in messages, `explain` and hover).
//!
//! Source of the words and articles: shared/spec/language.md (version 3) and Regulation (EU)
//! 2016/679 (GDPR); checked 2026-12-01, the words of version 3 (`cookies`, the marketing
//! channels, `conditional`, `public_instrument`, `administrative_arrangement`) on 2026-12-08
//! against the same sources and Directive 2002/58/EC Art. 5(3).

mod adequacy;
mod authorities;
mod calling_codes;
mod child_consent;
mod countries;
mod norway;
mod retention;

pub use adequacy::{
    ADEQUACY_DECISIONS, AdequacyDecision, AppliesFrom, EeaIncorporation, EftaDates,
    INTERNATIONAL_ORGANISATIONS, adequacy_decision, international_organisation,
};
pub use authorities::{SUPERVISORY_AUTHORITIES, SupervisoryAuthority, supervisory_authority};
pub use calling_codes::{CallingCode, calling_code, international};
pub use child_consent::{CONSENT_AGES, ConsentAge, DEFAULT_CONSENT_AGE, consent_age};
pub use countries::{
    CountryNames, EEA_STATES, ISO_3166_ALPHA2, country_code_by_name, country_names, is_eea,
    is_iso_country,
};
pub use norway::{
    CAMERA_RECORDINGS, CONTROL_MEASURES, COOKIES, ELECTRONIC_MARKETING, NATIONAL_ID_NUMBER,
    NORWEGIAN_PROVISIONS, NorwegianProvision,
};
pub use retention::{VAGUE_RETENTION_PHRASES, VaguePhrases, vague_retention};

/// A closed set of words that a field accepts.
pub trait Vocabulary: Copy + Sized + 'static {
    /// Every word, in the order documentation lists them.
    const ALL: &'static [Self];
    /// Every word, in the same order as [`Vocabulary::ALL`].
    const WORDS: &'static [&'static str];
    fn word(self) -> &'static str;
    fn article(self) -> &'static str;
    fn explanation(self) -> &'static str;

    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.word() == word)
    }

    fn words() -> Vec<&'static str> {
        Self::WORDS.to_vec()
    }
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $word:literal, $article:literal, $explanation:literal;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            const WORDS: &'static [&'static str] = &[$($word),*];
            fn word(self) -> &'static str {
                match self { $($name::$variant => $word),* }
            }
            fn article(self) -> &'static str {
                match self { $($name::$variant => $article),* }
            }
            fn explanation(self) -> &'static str {
                match self { $($name::$variant => $explanation),* }
            }
        }
    };
}

vocabulary! {
    /// The legal bases of Art. 6(1).
    LegalBasis {
        Consent => "consent", "Art. 6(1)(a)",
            "the person has given consent to the processing for this purpose; it must be as easy to withdraw as to give (Art. 7(3))";
        Contract => "contract", "Art. 6(1)(b)",
            "the processing is necessary to perform a contract with the person, or to take steps at their request before entering into one";
        LegalObligation => "legal_obligation", "Art. 6(1)(c)",
            "the processing is necessary to comply with a legal obligation of the controller; the law must be named (Art. 6(3))";
        VitalInterests => "vital_interests", "Art. 6(1)(d)",
            "the processing is necessary to protect the vital interests of the person or of another natural person";
        PublicTask => "public_task", "Art. 6(1)(e)",
            "the processing is necessary for a task in the public interest or in the exercise of official authority; the law must be named (Art. 6(3))";
        LegitimateInterests => "legitimate_interests", "Art. 6(1)(f)",
            "the processing is necessary for a legitimate interest of the controller or a third party that is not overridden by the person's interests; the interest must be stated (Art. 13(1)(d))";
    }
}

vocabulary! {
    /// The conditions of Art. 9(2) for special categories, and of Art. 10 for criminal-offence data.
    Condition {
        ExplicitConsent => "explicit_consent", "Art. 9(2)(a)",
            "the person has given explicit consent to the processing of the special category for this purpose";
        Employment => "employment", "Art. 9(2)(b)",
            "necessary for obligations and rights in employment and social security law, authorised by law or a collective agreement";
        VitalInterests => "vital_interests", "Art. 9(2)(c)",
            "necessary to protect the vital interests of a person who cannot give consent";
        NonprofitBody => "nonprofit_body", "Art. 9(2)(d)",
            "processing by a foundation, association or other not-for-profit body about its members or regular contacts";
        MadePublic => "made_public", "Art. 9(2)(e)",
            "the data have manifestly been made public by the person";
        LegalClaims => "legal_claims", "Art. 9(2)(f)",
            "necessary to establish, exercise or defend legal claims, or for courts acting in their judicial capacity";
        SubstantialPublicInterest => "substantial_public_interest", "Art. 9(2)(g)",
            "necessary for reasons of substantial public interest, on the basis of a law that must be named";
        HealthCare => "health_care", "Art. 9(2)(h)",
            "necessary for preventive or occupational medicine, medical diagnosis, health or social care, on the basis of a law that must be named";
        PublicHealth => "public_health", "Art. 9(2)(i)",
            "necessary for reasons of public interest in public health, on the basis of a law that must be named";
        ArchivingResearch => "archiving_research", "Art. 9(2)(j)",
            "necessary for archiving in the public interest, scientific or historical research or statistics, on the basis of a law that must be named";
        OfficialAuthority => "official_authority", "Art. 10",
            "criminal-offence data processed under the control of official authority";
        AuthorisedByLaw => "authorised_by_law", "Art. 10",
            "criminal-offence data processed as authorised by a law providing appropriate safeguards; the law must be named";
    }
}

impl Condition {
    /// Whether the condition applies to criminal-offence data (Art. 10) rather than to special
    /// categories (Art. 9(2)).
    pub fn is_article_10(self) -> bool {
        matches!(
            self,
            Condition::OfficialAuthority | Condition::AuthorisedByLaw
        )
    }

    /// Whether the condition rests on a law that the declaration should name.
    pub fn needs_law(self) -> bool {
        matches!(
            self,
            Condition::Employment
                | Condition::SubstantialPublicInterest
                | Condition::HealthCare
                | Condition::PublicHealth
                | Condition::ArchivingResearch
                | Condition::AuthorisedByLaw
        )
    }
}

vocabulary! {
    /// Safeguards for transfers outside the EEA (Chapter V).
    TransferSafeguard {
        Adequacy => "adequacy", "Art. 45",
            "the country has an adequacy decision of the European Commission";
        Dpf => "dpf", "Art. 45",
            "the US recipient is certified under the EU–US Data Privacy Framework (adequacy decision (EU) 2023/1795)";
        Scc => "scc", "Art. 46(2)(c)",
            "standard contractual clauses adopted by the Commission";
        Bcr => "bcr", "Art. 47",
            "binding corporate rules approved by a supervisory authority";
        CodeOfConduct => "code_of_conduct", "Art. 46(2)(e)",
            "an approved code of conduct with binding commitments of the recipient";
        Certification => "certification", "Art. 46(2)(f)",
            "an approved certification mechanism with binding commitments of the recipient";
        AdHocClauses => "ad_hoc_clauses", "Art. 46(3)(a)",
            "contractual clauses authorised by the supervisory authority";
        PublicInstrument => "public_instrument", "Art. 46(2)(a)",
            "a legally binding and enforceable instrument between public authorities or bodies";
        AdministrativeArrangement => "administrative_arrangement", "Art. 46(3)(b)",
            "provisions in administrative arrangements between public authorities or bodies, with enforceable and effective rights for the people concerned, authorised by the supervisory authority";
        Derogation => "derogation", "Art. 49",
            "a derogation for a specific situation (such as explicit consent or a contract); only for occasional transfers";
    }
}

vocabulary! {
    /// The grounds of Art. 49(1) on which a transfer may rest without adequacy or safeguards.
    DerogationGround {
        ExplicitConsent => "explicit_consent", "Art. 49(1)(a)",
            "the person has explicitly consented to the transfer after being told of its risks";
        Contract => "contract", "Art. 49(1)(b)",
            "the transfer is necessary to perform a contract with the person, or for steps before one at their request";
        ContractInInterest => "contract_in_interest", "Art. 49(1)(c)",
            "the transfer is necessary for a contract concluded in the person's interest with someone else";
        PublicInterest => "public_interest", "Art. 49(1)(d)",
            "the transfer is necessary for important reasons of public interest recognised in Union or national law";
        LegalClaims => "legal_claims", "Art. 49(1)(e)",
            "the transfer is necessary to establish, exercise or defend legal claims";
        VitalInterests => "vital_interests", "Art. 49(1)(f)",
            "the transfer is necessary to protect the vital interests of a person who cannot give consent";
        PublicRegister => "public_register", "Art. 49(1)(g)",
            "the transfer is made from a register open to consultation by the public";
        CompellingInterests => "compelling_interests", "Art. 49(1) second subparagraph",
            "a transfer that is not repetitive, concerns few people and is necessary for compelling legitimate interests (the supervisory authority must be informed)";
    }
}

impl DerogationGround {
    /// Whether a public authority may not rely on the ground in the exercise of its public
    /// powers (Art. 49(3)).
    pub fn closed_to_public_powers(self) -> bool {
        matches!(
            self,
            DerogationGround::ExplicitConsent
                | DerogationGround::Contract
                | DerogationGround::ContractInInterest
                | DerogationGround::CompellingInterests
        )
    }
}

vocabulary! {
    /// Whether people must provide the data (Art. 13(2)(e)).
    Provision {
        Statutory => "statutory", "Art. 13(2)(e)",
            "a law requires the person to provide the data";
        Contractual => "contractual", "Art. 13(2)(e)",
            "the contract requires the person to provide the data";
        Precontractual => "precontractual", "Art. 13(2)(e)",
            "the data are needed to enter into a contract";
        Voluntary => "voluntary", "Art. 13(2)(e)",
            "the person chooses whether to provide the data";
        Conditional => "conditional", "Art. 13(2)(e)",
            "the person must provide the data if they want something (a benefit, a loan, a place at school): write what they apply for, then the consequences of not providing them";
    }
}

vocabulary! {
    /// What a purpose stores on or reads from the person's device (`cookies`): ePrivacy
    /// Directive 2002/58/EC Art. 5(3); in Norway ekomloven § 3-15.
    Cookie {
        StrictlyNecessary => "strictly_necessary", "Directive 2002/58/EC Art. 5(3)",
            "what the service the person asked for cannot work without (input, authentication, security, load-balancing, session and media-player cookies, WP29 Opinion 04/2012): needs no consent";
        Functional => "functional", "Directive 2002/58/EC Art. 5(3)",
            "choices the service remembers beyond what it strictly needs: needs the person's prior consent";
        Analytics => "analytics", "Directive 2002/58/EC Art. 5(3)",
            "measuring how the service is used: needs the person's prior consent";
        Marketing => "marketing", "Directive 2002/58/EC Art. 5(3)",
            "advertising and tracking across services: needs the person's prior consent";
    }
}

vocabulary! {
    /// The channels of direct marketing (`direct_marketing email, sms`).
    Channel {
        Email => "email", "Art. 21(2)-(3)",
            "marketing by e-mail (in Norway markedsføringsloven § 15: prior consent, except to existing customers)";
        Sms => "sms", "Art. 21(2)-(3)",
            "marketing by text message (in Norway markedsføringsloven § 15: prior consent, except to existing customers)";
        Phone => "phone", "Art. 21(2)-(3)",
            "marketing by telephone calls";
        Post => "post", "Art. 21(2)-(3)",
            "marketing by letters and other addressed post";
        Online => "online", "Art. 21(2)-(3)",
            "marketing shown online, such as targeted advertising on websites and in apps";
    }
}

vocabulary! {
    /// Safeguards for a decision based solely on automated processing (Art. 22(3)).
    DecisionSafeguard {
        HumanReview => "human_review", "Art. 22(3)",
            "the person can obtain human intervention on the part of the controller";
        ExpressView => "express_view", "Art. 22(3)",
            "the person can express their point of view";
        Contest => "contest", "Art. 22(3)",
            "the person can contest the decision";
    }
}

vocabulary! {
    /// The rights a notice grants (Art. 13(2)(b)-(d)).
    RightKind {
        Access => "access", "Art. 15",
            "the person can get confirmation of whether their data are processed, and a copy of them";
        Rectification => "rectification", "Art. 16",
            "the person can have inaccurate data corrected and incomplete data completed";
        Erasure => "erasure", "Art. 17",
            "the person can have their data erased when one of the grounds of Art. 17(1) applies";
        Restriction => "restriction", "Art. 18",
            "the person can have processing restricted while accuracy or lawfulness is disputed";
        Portability => "portability", "Art. 20",
            "the person can receive the data they provided in a machine-readable format, where processing is based on consent or contract and carried out by automated means";
        Objection => "objection", "Art. 21",
            "the person can object to processing based on public task or legitimate interests, and always to direct marketing";
        WithdrawConsent => "withdraw_consent", "Art. 7(3), 13(2)(c)",
            "the person can withdraw consent at any time, as easily as it was given";
        HumanReview => "human_review", "Art. 22(3)",
            "the person can obtain human intervention in an automated decision";
    }
}

vocabulary! {
    /// Statements a notice makes about itself (`claims`).
    Claim {
        NoConsent => "no_consent", "Art. 6(1)(a)",
            "the notice says that consent is not used as a legal basis";
        NoSpecialCategories => "no_special_categories", "Art. 9(1)",
            "the notice says that no special categories of data are processed";
        NoCriminalData => "no_criminal_data", "Art. 10",
            "the notice says that no data on criminal convictions and offences are processed";
        NoAutomatedDecisions => "no_automated_decisions", "Art. 22",
            "the notice says that no decisions are based solely on automated processing";
        NoProfiling => "no_profiling", "Art. 4(4)",
            "the notice says that no profiling takes place";
        NoTransfersOutsideEea => "no_transfers_outside_eea", "Art. 44",
            "the notice says that no data are transferred outside the EEA";
        NoDisclosure => "no_disclosure", "Art. 13(1)(e)",
            "the notice says that data are disclosed to no one besides processors";
    }
}

/// The unit of a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Day,
    Week,
    Month,
    Year,
}

/// `90 days`, `1 month`, `10 years`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration {
    pub amount: u64,
    pub unit: TimeUnit,
}

impl Duration {
    /// The length in days, counting a month as 31 days and a year as 366, so that a period is
    /// never judged shorter than it can be (rules.md: "count 1 month = 31 days").
    pub fn max_days(self) -> u64 {
        let per_unit = match self.unit {
            TimeUnit::Day => 1,
            TimeUnit::Week => 7,
            TimeUnit::Month => 31,
            TimeUnit::Year => 366,
        };
        self.amount.saturating_mul(per_unit)
    }

    /// Reads a duration token such as `90 days`.
    pub fn parse(text: &str) -> Option<Duration> {
        let mut parts = text.split_whitespace();
        let amount = parts.next()?.parse().ok()?;
        let unit = match parts.next()? {
            "day" | "days" => TimeUnit::Day,
            "week" | "weeks" => TimeUnit::Week,
            "month" | "months" => TimeUnit::Month,
            "year" | "years" => TimeUnit::Year,
            _ => return None,
        };
        Some(Duration { amount, unit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unique<V: Vocabulary>() {
        let words = V::words();
        for (i, w) in words.iter().enumerate() {
            assert!(!words[..i].contains(w), "{w} listed twice");
            assert!(
                w.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{w} is not a snake_case word"
            );
        }
    }

    #[test]
    fn vocabularies_have_unique_snake_case_words() {
        unique::<LegalBasis>();
        unique::<Condition>();
        unique::<TransferSafeguard>();
        unique::<DecisionSafeguard>();
        unique::<RightKind>();
        unique::<Claim>();
        unique::<DerogationGround>();
        unique::<Provision>();
        unique::<Cookie>();
        unique::<Channel>();
    }

    #[test]
    fn words_round_trip() {
        assert_eq!(
            LegalBasis::from_word("legitimate_interests"),
            Some(LegalBasis::LegitimateInterests)
        );
        assert_eq!(LegalBasis::from_word("necessary"), None);
        assert_eq!(
            Condition::from_word("health_care").unwrap().article(),
            "Art. 9(2)(h)"
        );
    }

    #[test]
    fn durations_count_a_month_as_31_days() {
        let d = |s| Duration::parse(s).unwrap().max_days();
        assert_eq!(d("1 month"), 31);
        assert_eq!(d("31 days"), 31);
        assert_eq!(d("4 weeks"), 28);
        assert_eq!(d("5 weeks"), 35);
        assert_eq!(Duration::parse("3 fortnights"), None);
        assert_eq!(
            Duration::parse("99999999999999999999 years"),
            None,
            "an amount that does not fit is not a duration"
        );
    }
}
