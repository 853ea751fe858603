//! The typed model of a declaration: what the file says, with the span of every part.
//!
//! Built from the syntax tree by [`crate::lower`]; rules read only this. Values that were
//! written but could not be read (`basis necessary`) leave their field marked as written (so
//! `missing-legal-basis` does not cascade) and are reported while reading.

use std::collections::BTreeMap;

use crate::diagnostic::{Edit, Fix};
use crate::lang::T;
use crate::text::Span;
use crate::vocab::{
    AdequacyDecision, Channel, Claim, Condition, Cookie, DecisionSafeguard, DerogationGround,
    Duration, LegalBasis, Provision, RightKind, TransferSafeguard, Vocabulary,
};

/// The days a camera recording may be kept: the regulation on camera surveillance in the
/// workplace, and Datatilsynet's norm elsewhere (`crate::vocab::CAMERA_RECORDINGS`).
pub const CAMERA_RETENTION_DAYS: u64 = 7;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A text in quotes, with the translations written after it (`"Nyhetsbrev" en "Newsletter"`):
/// the strings a notice shows take them (language.md §8).
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// The text in the language the declaration is written in.
    pub value: String,
    pub span: Span,
    pub translations: Vec<Translation>,
}

impl Text {
    /// The text in `language`, or as written when it has no translation into it.
    pub fn in_language(&self, language: &str) -> &str {
        self.translation(language).unwrap_or(&self.value)
    }

    /// The translation into `language`, if one is written.
    pub fn translation(&self, language: &str) -> Option<&str> {
        self.translations
            .iter()
            .find(|t| t.language.value == language)
            .map(|t| t.text.value.as_str())
    }
}

/// `en "Newsletter"`: a language tag and the text in that language.
#[derive(Clone, Debug, PartialEq)]
pub struct Translation {
    pub language: Spanned<String>,
    pub text: Spanned<String>,
}

/// The ID of a defined item: its name and the span of the name in its definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// What an ID names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Controller,
    Authority,
    Category,
    Subject,
    Source,
    Recipient,
    Processor,
    JointController,
    Purpose,
}

impl Kind {
    /// The words a person would use: "a category", "a processor" (Bokmål "en kategori").
    pub fn describe(self) -> T {
        let (nb, nn, en) = match self {
            Kind::Controller => (
                "den behandlingsansvarlige",
                "den behandlingsansvarlege",
                "the controller",
            ),
            Kind::Authority => (
                "en tilsynsmyndighet",
                "ei tilsynsmyndigheit",
                "a supervisory authority",
            ),
            Kind::Category => (
                "en kategori av personopplysninger",
                "ein kategori av personopplysningar",
                "a data category",
            ),
            Kind::Subject => (
                "en gruppe registrerte",
                "ei gruppe registrerte",
                "a group of data subjects",
            ),
            Kind::Source => ("en kilde", "ei kjelde", "a source"),
            Kind::Recipient => ("en mottaker", "ein mottakar", "a recipient"),
            Kind::Processor => ("en databehandler", "ein databehandlar", "a processor"),
            Kind::JointController => (
                "en felles behandlingsansvarlig",
                "ein felles behandlingsansvarleg",
                "a joint controller",
            ),
            Kind::Purpose => ("et formål", "eit formål", "a purpose"),
        };
        T { nb, nn, en }
    }

    /// The node that defines an item of this kind.
    pub fn keyword(self) -> &'static str {
        match self {
            Kind::Controller => "controller",
            Kind::Authority => "authority",
            Kind::Category => "category",
            Kind::Subject => "subject",
            Kind::Source => "source",
            Kind::Recipient => "recipient",
            Kind::Processor => "processor",
            Kind::JointController => "joint_controller",
            Kind::Purpose => "purpose",
        }
    }
}

/// A reference to an ID, resolved after the whole file is read.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub name: String,
    pub span: Span,
    pub expected: Kind,
    pub resolution: Resolution,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    /// Not resolved yet (only while the model is being built).
    Pending,
    /// The index of the item in its list (`Model::categories` for a category, ...).
    Resolved(usize),
    Undefined,
    WrongKind(Kind),
}

impl Reference {
    pub fn target(&self) -> Option<usize> {
        match self.resolution {
            Resolution::Resolved(index) => Some(index),
            _ => None,
        }
    }
}

/// The fields of an item that were written, readable or not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written(Vec<&'static str>);

impl Written {
    pub fn insert(&mut self, field: &'static str) {
        if !self.0.contains(&field) {
            self.0.push(field);
        }
    }

    pub fn contains(&self, field: &str) -> bool {
        self.0.contains(&field)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notice {
    pub span: Span,
    pub title: Option<Text>,
    /// `language "nb"` (version 1).
    pub language: Option<Spanned<String>>,
    /// `languages nb, nn, en`: the first is the language the strings are written in.
    pub languages: Vec<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
}

impl Contact {
    /// Whether any contact detail (`email`, `phone`, `address` or `url`) is written, even one
    /// whose value is invalid (no cascade).
    pub fn any_written(&self) -> bool {
        ["email", "phone", "address", "url"]
            .iter()
            .any(|field| self.written.contains(field))
    }

    /// The contact details written, in the order a record lists them: address, e-mail, phone,
    /// web address.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        [&self.address, &self.email, &self.phone, &self.url]
            .into_iter()
            .flatten()
            .map(|v| v.value.as_str())
    }
}

impl Notice {
    /// The languages the notice is published in, the one it is written in first.
    pub fn languages(&self) -> Vec<&str> {
        if self.languages.is_empty() {
            self.language.iter().map(|l| l.value.as_str()).collect()
        } else {
            self.languages.iter().map(|l| l.value.as_str()).collect()
        }
    }
}

/// Contact details, shared by the controller and the DPO.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    pub email: Option<Spanned<String>>,
    pub phone: Option<Spanned<String>>,
    pub address: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    /// The contact fields written, readable or not.
    pub written: Written,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Controller {
    pub id: Ident,
    pub name: Option<Spanned<String>>,
    pub org_number: Option<Spanned<String>>,
    pub country: Option<Countries>,
    pub contact: Contact,
    pub public_authority: Option<Span>,
    /// `establishment NO, SE`: its establishments in the EEA (Art. 3(1)).
    pub establishment: Option<Countries>,
    /// `self_service "URL"`: where people see their data and send requests securely.
    pub self_service: Option<Spanned<String>>,
    /// The notes shown with the contact details, in file order.
    pub notes: Vec<Text>,
    /// The general description of the security measures (Art. 30(1)(g)), for the record.
    pub security: Option<Spanned<String>>,
    pub written: Written,
}

/// A supervisory authority, defined by `authority ID "Name"` inside the controller.
#[derive(Clone, Debug, PartialEq)]
pub struct Authority {
    pub id: Ident,
    pub name: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dpo {
    /// The `dpo` keyword.
    pub keyword: Span,
    pub name: Option<Text>,
    pub contact: Contact,
    /// The notes shown with the DPO's contact details.
    pub notes: Vec<Text>,
}

/// The controller's representative in the EEA (Art. 27).
#[derive(Clone, Debug, PartialEq)]
pub struct Representative {
    /// The `representative` keyword.
    pub keyword: Span,
    pub name: Option<Text>,
    pub country: Option<Countries>,
    pub contact: Contact,
}

/// Where a value of `country` places a party.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// An EEA state, by its ISO code.
    EeaState,
    /// A country outside the EEA, by its ISO code.
    ThirdCountry,
    /// Not an ISO 3166-1 alpha-2 code (`unknown-country`): neither inside nor outside.
    Unknown,
    /// `eea`: somewhere in the EEA.
    SomewhereInEea,
    /// `outside_eea`: somewhere outside the EEA, the country not named.
    SomewhereOutsideEea,
}

/// One value of `country`: an ISO code or a region word, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryValue {
    pub code: String,
    pub span: Span,
    pub place: Place,
}

impl CountryValue {
    pub fn is_outside_eea(&self) -> bool {
        matches!(self.place, Place::ThirdCountry | Place::SomewhereOutsideEea)
    }

    pub fn is_inside_eea(&self) -> bool {
        matches!(self.place, Place::EeaState | Place::SomewhereInEea)
    }
}

/// A `country` field: `country NO`, `country NO, SE`, `country eea`, `country NO, outside_eea`.
#[derive(Clone, Debug, PartialEq)]
pub struct Countries {
    /// The whole `country` statement.
    pub span: Span,
    pub values: Vec<CountryValue>,
}

impl Countries {
    /// The values outside the EEA: non-EEA ISO codes and `outside_eea`.
    pub fn outside_eea(&self) -> impl Iterator<Item = &CountryValue> {
        self.values.iter().filter(|v| v.is_outside_eea())
    }

    /// Whether some value is outside the EEA.
    pub fn is_outside_eea(&self) -> bool {
        self.outside_eea().next().is_some()
    }

    /// Whether every value is in the EEA (and there is one).
    pub fn is_inside_eea(&self) -> bool {
        !self.values.is_empty() && self.values.iter().all(CountryValue::is_inside_eea)
    }

    /// Whether some value is in the EEA.
    pub fn has_eea_value(&self) -> bool {
        self.values.iter().any(CountryValue::is_inside_eea)
    }

    /// Whether the ISO code is among the values.
    pub fn has_code(&self, code: &str) -> bool {
        self.values.iter().any(|v| v.code == code)
    }

    /// The first ISO code that is a known country, if any.
    pub fn first_known_code(&self) -> Option<&str> {
        self.values
            .iter()
            .find(|v| matches!(v.place, Place::EeaState | Place::ThirdCountry))
            .map(|v| v.code.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub id: Ident,
    pub label: Option<Text>,
    pub includes: Vec<Text>,
    pub special: Option<Span>,
    pub criminal: Option<Span>,
    /// `national_id`: a national identity number (personopplysningsloven § 12).
    pub national_id: Option<Span>,
}

/// The words that make a category a national identity number category when its label or one
/// of its `includes` items holds one as whole words, ignoring case (language.md §4).
const NATIONAL_ID_WORDS: &[&str] = &[
    "fødselsnummer",
    "fødselsnr",
    "personnummer",
    "d-nummer",
    "national identity number",
    "national id number",
];

impl Category {
    /// Whether the category is a national identity number: flagged `national_id`, or its label
    /// or one of its `includes` items names one as whole words ("Navn, adresse og
    /// fødselsnummer" does; "fødselsdato" does not). Translations are not read: the text as
    /// written decides.
    pub fn is_national_id(&self) -> bool {
        self.national_id.is_some()
            || self
                .label
                .iter()
                .chain(&self.includes)
                .any(|text| names_national_id(&text.value))
    }
}

/// Whether `text` holds one of [`NATIONAL_ID_WORDS`] as whole words, ignoring case: the
/// characters on either side of it are not letters or digits. Compared character by character
/// where a word may start, without a lower-case copy of the text: a rule asks this of every
/// category of every purpose.
fn names_national_id(text: &str) -> bool {
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        if !previous.is_some_and(char::is_alphanumeric)
            && NATIONAL_ID_WORDS
                .iter()
                .any(|word| starts_with_word(&text[at..], word))
        {
            return true;
        }
        previous = Some(c);
    }
    false
}

/// Whether `text` starts with `word` (written in lower case), ignoring case, and no letter or
/// digit follows it.
fn starts_with_word(text: &str, word: &str) -> bool {
    let mut wanted = word.chars();
    let mut chars = text.chars();
    while !wanted.as_str().is_empty() {
        let Some(c) = chars.next() else {
            return false;
        };
        if !c.to_lowercase().all(|lower| wanted.next() == Some(lower)) {
            return false;
        }
    }
    !chars.next().is_some_and(char::is_alphanumeric)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    pub id: Ident,
    pub label: Option<Text>,
    pub child: Option<Span>,
    /// The controller's own staff or job applicants.
    pub employee: Option<Span>,
    /// Existing customers whose electronic address was obtained in a sale
    /// (markedsføringsloven § 15).
    pub customer: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Ident,
    pub label: Option<Text>,
    pub public: Option<Span>,
    pub country: Option<Countries>,
    /// `data_subject`: the person concerned is this source.
    pub data_subject: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Safeguard {
    pub kind: TransferSafeguard,
    /// The safeguard word.
    pub span: Span,
    /// The Art. 49(1) ground of a derogation: `derogation contract "…"`.
    pub ground: Option<Spanned<DerogationGround>>,
    /// The string after it (the reason for a derogation).
    pub detail: Option<Text>,
}

/// A processor, recipient or joint controller: anyone a purpose transfers data to.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    pub kind: Kind,
    pub id: Ident,
    pub label: Option<Text>,
    pub country: Option<Countries>,
    pub safeguards: Vec<Safeguard>,
    /// `public_authority` (recipients).
    pub public_authority: Option<Span>,
    /// `agreement DATE` or `agreement "reference"` (processors, Art. 28(3)).
    pub agreement: Option<Spanned<String>>,
    /// `arrangement "…"` (joint controllers, Art. 26(2)).
    pub arrangement: Option<Text>,
    /// The contact details of a joint controller (Art. 30(1)(a)).
    pub contact: Contact,
    /// `international_organisation [key]` (recipients, Art. 4(26)).
    pub international_organisation: Option<InternationalOrganisation>,
    pub written: Written,
}

/// `international_organisation epo`: the recipient is an international organisation, named by
/// its key in the adequacy table when it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct InternationalOrganisation {
    /// The `international_organisation` word.
    pub span: Span,
    /// The key, when written and found in the adequacy table.
    pub key: Option<Spanned<String>>,
}

impl InternationalOrganisation {
    /// The organisation's adequacy decision, when its key names one.
    pub fn adequacy_decision(&self) -> Option<&'static AdequacyDecision> {
        crate::vocab::international_organisation(&self.key.as_ref()?.value)
    }
}

impl Party {
    /// Whether the party is outside the EEA: an international organisation, wherever it sits
    /// (Art. 44), or a party with some value of its `country` outside the EEA. A party whose
    /// country is missing or unknown is never treated as outside (rules.md: no cascades).
    pub fn is_outside_eea(&self) -> bool {
        self.international_organisation.is_some()
            || self.country.as_ref().is_some_and(Countries::is_outside_eea)
    }

    /// Whether every value of the party's `country` is in the EEA (never for an international
    /// organisation, whose seat in the EEA does not bring it under the GDPR).
    pub fn is_inside_eea(&self) -> bool {
        self.international_organisation.is_none()
            && self.country.as_ref().is_some_and(Countries::is_inside_eea)
    }

    /// The values of the party's `country` outside the EEA that the safeguard rules judge:
    /// none for an international organisation, whose only value outside the EEA is the
    /// organisation itself (language.md §3; see [`Party::covers_organisation`]).
    pub fn outside_eea(&self) -> impl Iterator<Item = &CountryValue> {
        self.country
            .iter()
            .filter(|_| self.international_organisation.is_none())
            .flat_map(Countries::outside_eea)
    }

    /// Whether one of the safeguards of an international organisation covers it (language.md
    /// §3): `adequacy` only when its key names an organisation with an adequacy decision,
    /// `dpf` and `bcr` never, every other safeguard always. False for a party that is not one.
    pub fn covers_organisation(&self) -> bool {
        let Some(organisation) = &self.international_organisation else {
            return false;
        };
        self.safeguards.iter().any(|s| match s.kind {
            TransferSafeguard::Adequacy => organisation.adequacy_decision().is_some(),
            TransferSafeguard::Dpf | TransferSafeguard::Bcr => false,
            _ => true,
        })
    }

    pub fn safeguard(&self, kind: TransferSafeguard) -> Option<&Safeguard> {
        self.safeguards.iter().find(|s| s.kind == kind)
    }

    /// Whether one of the party's safeguards covers a value outside the EEA: `adequacy` a
    /// country with an adequacy decision, `dpf` the United States, any other safeguard every
    /// value (rules.md, transfers).
    pub fn covers(&self, value: &CountryValue) -> bool {
        self.safeguards.iter().any(|s| match s.kind {
            TransferSafeguard::Adequacy => {
                value.place == Place::ThirdCountry
                    && crate::vocab::adequacy_decision(&value.code).is_some()
            }
            TransferSafeguard::Dpf => value.code == "US",
            _ => true,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Basis {
    pub kind: LegalBasis,
    /// The basis word.
    pub span: Span,
    /// The law (Art. 6(3)) or the legitimate interest (Art. 13(1)(d)).
    pub detail: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConditionUse {
    pub kind: Condition,
    /// The condition word.
    pub span: Span,
    /// The law that lays it down, with its translations.
    pub detail: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RetentionPeriod {
    /// `retention 90 days`
    Fixed(Duration),
    /// `retention 5 years after "event"`
    After(Duration, Text),
    /// `retention until "event"`
    Until(Text),
    /// `retention indefinite "reason"`
    Indefinite(Option<Text>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Retention {
    pub period: RetentionPeriod,
    /// The whole `retention` statement.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The `decision` keyword.
    pub keyword: Span,
    pub label: Option<Text>,
    pub logic: Option<Text>,
    /// What the decision means for the person and what follows (Art. 13(2)(f)).
    pub significance: Option<Text>,
    /// `authorised_by "law"` (Art. 22(2)(b)).
    pub authorised_by: Option<Authorisation>,
    pub safeguards: Vec<Spanned<DecisionSafeguard>>,
    pub written: Written,
    /// Fields with a value that could not be read (`safeguards human_reveiw`).
    pub unreadable: Written,
}

/// `authorised_by "law"` in a decision: the word, and the law when it is named (without it,
/// no law is named).
#[derive(Clone, Debug, PartialEq)]
pub struct Authorisation {
    /// The `authorised_by` word.
    pub span: Span,
    pub law: Option<Text>,
}

/// `provision contractual "consequence"` (Art. 13(2)(e)), or `provision conditional "what the
/// person applies for" "consequence"`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvisionUse {
    pub kind: Provision,
    /// The provision word.
    pub span: Span,
    /// For `conditional`: what the person applies for or asks.
    pub condition: Option<Text>,
    /// What happens if the person does not provide the data.
    pub consequence: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Purpose {
    pub id: Ident,
    pub label: Option<Text>,
    /// What is done with the data, in plain sentences.
    pub description: Option<Text>,
    pub bases: Vec<Basis>,
    pub conditions: Vec<ConditionUse>,
    pub data: Vec<Reference>,
    pub subjects: Vec<Reference>,
    pub sources: Vec<Reference>,
    pub recipients: Vec<Reference>,
    pub processors: Vec<Reference>,
    pub joint_controllers: Vec<Reference>,
    pub retention: Option<Retention>,
    pub direct_marketing: Option<Span>,
    /// The channels `direct_marketing` names: `direct_marketing email, sms`.
    pub marketing_channels: Vec<Spanned<Channel>>,
    /// What the purpose stores on or reads from the person's device.
    pub cookies: Vec<Spanned<Cookie>>,
    /// `camera`: camera surveillance, which is monitoring (see [`Purpose::monitors`]).
    pub camera: Option<Span>,
    pub profiling: Option<Span>,
    /// `monitoring` as written; rules ask [`Purpose::monitors`], which counts `camera` too.
    pub monitoring: Option<Span>,
    pub large_scale: Option<Span>,
    pub manual: Option<Span>,
    pub online_service: Option<Span>,
    /// The countries `online_service` names (`online_service NO, SE`): ISO codes, in the EEA
    /// or not (a code outside it is kept and ignored where only EEA States count).
    pub offered_in: Vec<CountryValue>,
    pub provision: Option<ProvisionUse>,
    /// The purposes the data were first collected for (Art. 6(4)).
    pub reuses: Vec<Reference>,
    pub dpia: Option<Spanned<String>>,
    /// Why a national identity number is needed (personopplysningsloven § 12), for the record.
    pub identification: Option<Spanned<String>>,
    /// The discussion with the employees' representatives (arbeidsmiljøloven § 9-2).
    pub consultation: Option<Spanned<String>>,
    /// The security measures of this purpose (Art. 30(1)(g)), for the record.
    pub security: Option<Spanned<String>>,
    /// The notes shown at the end of the purpose, in file order.
    pub notes: Vec<Text>,
    pub decisions: Vec<Decision>,
    pub written: Written,
    /// Fields with a value that could not be read (`basis necessary`): rules that depend on
    /// which basis or condition it is hold back rather than guess.
    pub unreadable: Written,
}

impl Purpose {
    pub fn has_basis(&self, kind: LegalBasis) -> bool {
        self.bases.iter().any(|b| b.kind == kind)
    }

    pub fn basis(&self, kind: LegalBasis) -> Option<&Basis> {
        self.bases.iter().find(|b| b.kind == kind)
    }

    pub fn has_condition(&self, kind: Condition) -> bool {
        self.conditions.iter().any(|c| c.kind == kind)
    }

    pub fn condition(&self, kind: Condition) -> Option<&ConditionUse> {
        self.conditions.iter().find(|c| c.kind == kind)
    }

    /// Whether the purpose rests on the person's consent: `basis consent` or
    /// `condition explicit_consent` (Art. 7(3), 20(1)(a)).
    pub fn rests_on_consent(&self) -> bool {
        self.has_basis(LegalBasis::Consent) || self.has_condition(Condition::ExplicitConsent)
    }

    /// Whether the purpose has a ground of Art. 22(2) for its decisions other than a decision's
    /// own `authorised_by`: `basis contract` (22(2)(a)), `condition explicit_consent`
    /// (22(2)(c)), or a `basis legal_obligation` or `basis public_task` naming a law (22(2)(b)).
    /// `automated-decision-basis` and `missing-law-reference` both ask it, so that a bare
    /// `authorised_by` gives one of them, never both.
    pub fn has_decision_ground(&self) -> bool {
        self.has_basis(LegalBasis::Contract)
            || self.has_condition(Condition::ExplicitConsent)
            || self.bases.iter().any(|b| {
                matches!(b.kind, LegalBasis::LegalObligation | LegalBasis::PublicTask)
                    && b.detail.is_some()
            })
    }

    /// Whether Art. 20(1)(a) makes portability applicable: consent, explicit consent or contract.
    pub fn rests_on_consent_or_contract(&self) -> bool {
        self.rests_on_consent() || self.has_basis(LegalBasis::Contract)
    }

    /// Whether the purpose systematically monitors people: `monitoring`, or `camera`, which
    /// implies it (language.md §4). The span is that of the flag written first of the two.
    /// Every rule that asks whether a purpose monitors asks this.
    pub fn monitors(&self) -> Option<Span> {
        match (self.monitoring, self.camera) {
            (Some(m), Some(c)) => Some(if c.start < m.start { c } else { m }),
            (m, c) => m.or(c),
        }
    }

    /// Every party the purpose transfers data to: processors, recipients, joint controllers.
    pub fn party_references(&self) -> impl Iterator<Item = &Reference> {
        self.processors
            .iter()
            .chain(&self.recipients)
            .chain(&self.joint_controllers)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Right {
    pub kind: RightKind,
    pub span: Span,
    pub qualifier: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rights {
    /// The `rights` keyword.
    pub keyword: Span,
    pub granted: Vec<Right>,
    pub complaint: Vec<Reference>,
    /// The text after the authority: `complaint datatilsynet "…"`.
    pub complaint_qualifier: Option<Text>,
    pub respond_within: Option<Spanned<Duration>>,
    /// The notes shown with the rights, in file order.
    pub notes: Vec<Text>,
    /// `complaint` and `respond_within`, when written, readable or not.
    pub written: Written,
    /// Rights written with a misspelt name (`acess`): reported as unknown fields, and not
    /// reported again as missing.
    pub misspelt: Vec<RightKind>,
    /// The last node inside the block: a right is added after it.
    pub last_node: Option<Span>,
}

impl Rights {
    /// The edit that grants a right: `; portability` after the last node of the block (valid
    /// on any layout; `privlint fmt` puts it on a line of its own), titled `title` (the rule
    /// writes it in the run's language). `None` for an empty block.
    pub fn grant(&self, right: RightKind, title: String) -> Option<Fix> {
        let at = self.last_node?.end;
        Some(Fix {
            title,
            edits: vec![Edit {
                span: Span::new(at, at),
                text: format!("; {}", right.word()),
            }],
        })
    }

    /// Whether the notice grants the right (or meant to, under a misspelt name).
    pub fn grants(&self, kind: RightKind) -> bool {
        self.granted.iter().any(|r| r.kind == kind) || self.misspelt.contains(&kind)
    }

    pub fn right(&self, kind: RightKind) -> Option<&Right> {
        self.granted.iter().find(|r| r.kind == kind)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claims {
    pub keyword: Span,
    pub claims: Vec<Spanned<Claim>>,
}

/// A second definition of an ID, which is otherwise ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub name: String,
    pub span: Span,
    pub first: Span,
}

/// Something the reader could not make sense of; the reading rules word these.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadIssue {
    /// Text the parser could not read.
    Syntax { span: Span, problem: SyntaxProblem },
    /// A node name that is not allowed where it stands.
    UnknownField {
        span: Span,
        name: String,
        /// Where it stands: `None` at the top level, or the enclosing node's name.
        parent: Option<&'static str>,
        allowed: &'static [crate::fields::Field],
    },
    /// An argument of the wrong kind, or not in the field's vocabulary.
    InvalidValue {
        span: Span,
        field: &'static str,
        /// Written in the run's language by the `invalid-value` rule.
        problem: crate::lang::Message,
        suggestion: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum SyntaxProblem {
    Unexpected(String),
    Missing(String),
    UnterminatedString,
    BadEscape(String),
}

/// A `# privlint: allow …` comment.
#[derive(Clone, Debug, PartialEq)]
pub struct Suppression {
    /// The comment.
    pub span: Span,
    /// The rule names, each with its span inside the comment.
    pub rules: Vec<Spanned<String>>,
    pub reason: Option<String>,
    /// What it covers: the node on its line or on the line after it.
    pub scope: Option<Span>,
}

/// The whole declaration.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub notice: Option<Notice>,
    /// Every `controller`, in file order; the first is the controller of the file.
    pub controllers: Vec<Controller>,
    pub dpos: Vec<Dpo>,
    pub representatives: Vec<Representative>,
    pub authorities: Vec<Authority>,
    pub categories: Vec<Category>,
    pub subjects: Vec<Subject>,
    pub sources: Vec<Source>,
    /// Processors, recipients and joint controllers, told apart by `Party::kind`.
    pub parties: Vec<Party>,
    pub purposes: Vec<Purpose>,
    /// Purposes whose ID was already taken: read, so that what they use is not reported as
    /// unused, but not checked as purposes.
    pub shadowed_purposes: Vec<Purpose>,
    pub rights: Option<Rights>,
    pub claims: Option<Claims>,
    pub symbols: BTreeMap<String, Symbol>,
    pub duplicates: Vec<Duplicate>,
    pub issues: Vec<ReadIssue>,
    pub suppressions: Vec<Suppression>,
}

/// A defined ID.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Symbol {
    pub kind: Kind,
    /// The span of the ID in its definition.
    pub span: Span,
    /// The item's index in its list.
    pub index: usize,
}

impl Model {
    pub fn controller(&self) -> Option<&Controller> {
        self.controllers.first()
    }

    /// The controller's `country` values (none without a controller or a country).
    pub fn controller_countries(&self) -> &[CountryValue] {
        self.controller()
            .and_then(|c| c.country.as_ref())
            .map_or(&[], |c| c.values.as_slice())
    }

    /// Whether an adequacy decision exists for the country and applies in every country of the
    /// controller: in Norway every decision applies from its EU date, in Iceland and
    /// Liechtenstein only once taken into the EEA Agreement or applied by that State (Brazil's
    /// is not yet). Never for the United States, whose decision covers only `dpf`.
    pub fn adequacy_applies(&self, code: &str) -> bool {
        crate::vocab::adequacy_decision(code).is_some_and(|d| {
            self.controller_countries()
                .iter()
                .all(|state| d.applies_in(&state.code))
        })
    }

    /// Whether the controller is in Norway: one of its `country` or `establishment` values is
    /// NO (rules.md: the rules marked *Norway* apply then, and only then).
    pub fn controller_in_norway(&self) -> bool {
        self.controller().is_some_and(|c| {
            c.country
                .iter()
                .chain(&c.establishment)
                .any(|countries| countries.has_code("NO"))
        })
    }

    /// Whether `camera-retention` reports the purpose's `retention`: a controller in Norway, a
    /// `camera` purpose, and a retention that is `indefinite`, `until`, or longer than seven
    /// days (for `… after`, its period, read as running from the recording). On that retention
    /// it replaces `indefinite-retention` and `vague-retention`, which ask this (no cascade).
    pub fn camera_retention_too_long(&self, purpose: &Purpose) -> bool {
        self.controller_in_norway()
            && purpose.camera.is_some()
            && purpose.retention.as_ref().is_some_and(|r| match &r.period {
                RetentionPeriod::Indefinite(_) | RetentionPeriod::Until(_) => true,
                RetentionPeriod::Fixed(period) | RetentionPeriod::After(period, _) => {
                    period.max_days() > CAMERA_RETENTION_DAYS
                }
            })
    }

    pub fn is_public_authority(&self) -> bool {
        self.controller()
            .is_some_and(|c| c.public_authority.is_some())
    }

    /// The party a resolved processor, recipient or joint-controller reference points to.
    pub fn party(&self, reference: &Reference) -> Option<&Party> {
        reference.target().map(|i| &self.parties[i])
    }

    pub fn category(&self, reference: &Reference) -> Option<&Category> {
        reference.target().map(|i| &self.categories[i])
    }

    pub fn subject(&self, reference: &Reference) -> Option<&Subject> {
        reference.target().map(|i| &self.subjects[i])
    }

    pub fn source(&self, reference: &Reference) -> Option<&Source> {
        reference.target().map(|i| &self.sources[i])
    }

    /// Whether a purpose collects data from the person it concerns (language.md §4): it has no
    /// `sources`, or one of them is flagged `data_subject`. Then Art. 13 applies to what the
    /// person gives, beside Art. 14 for what the other sources give.
    pub fn collects_from_person(&self, purpose: &Purpose) -> bool {
        purpose.sources.is_empty()
            || purpose
                .sources
                .iter()
                .filter_map(|r| self.source(r))
                .any(|s| s.data_subject.is_some())
    }

    /// The categories a purpose uses that `flag` picks out, with the reference to each.
    fn data_where<'m>(
        &'m self,
        purpose: &'m Purpose,
        flag: fn(&Category) -> bool,
    ) -> impl Iterator<Item = (&'m Reference, &'m Category)> {
        purpose
            .data
            .iter()
            .filter_map(|r| Some((r, self.category(r)?)))
            .filter(move |(_, c)| flag(c))
    }

    /// The `special` categories a purpose uses, with the reference to each.
    pub fn special_data<'m>(
        &'m self,
        purpose: &'m Purpose,
    ) -> impl Iterator<Item = (&'m Reference, &'m Category)> {
        self.data_where(purpose, |c| c.special.is_some())
    }

    /// The `criminal` categories a purpose uses, with the reference to each.
    pub fn criminal_data<'m>(
        &'m self,
        purpose: &'m Purpose,
    ) -> impl Iterator<Item = (&'m Reference, &'m Category)> {
        self.data_where(purpose, |c| c.criminal.is_some())
    }

    /// For each party (by index in `parties`), the first reference to it from a purpose, if
    /// any: a party is *used* when a purpose names it.
    pub fn party_uses(&self) -> Vec<Option<&Reference>> {
        let mut uses = vec![None; self.parties.len()];
        for reference in self.purposes.iter().flat_map(Purpose::party_references) {
            if let Some(index) = reference.target()
                && uses[index].is_none()
            {
                uses[index] = Some(reference);
            }
        }
        uses
    }

    /// The parties a purpose sends data to outside the EEA (processors, recipients and joint
    /// controllers with a country outside it), in the order the purpose names them.
    pub fn transfers<'m>(&'m self, purpose: &'m Purpose) -> impl Iterator<Item = &'m Party> {
        purpose
            .party_references()
            .filter_map(|r| self.party(r))
            .filter(|p| p.is_outside_eea())
    }

    /// The parties that some purpose uses, each with the first reference to it.
    pub fn used_parties(&self) -> impl Iterator<Item = (&Party, &Reference)> {
        self.parties
            .iter()
            .zip(self.party_uses())
            .filter_map(|(party, used)| Some((party, used?)))
    }

    /// The label (or name) of a defined item, as read: escapes decoded, so `"A \"B\""` is
    /// `A "B"`. For hover and the outline, which must not re-cut it from the text.
    pub fn label_of(&self, symbol: &Symbol) -> Option<&str> {
        let i = symbol.index;
        match symbol.kind {
            Kind::Controller => self
                .controllers
                .get(i)?
                .name
                .as_ref()
                .map(|n| n.value.as_str()),
            Kind::Authority => self
                .authorities
                .get(i)?
                .name
                .as_ref()
                .map(|n| n.value.as_str()),
            Kind::Category => self
                .categories
                .get(i)?
                .label
                .as_ref()
                .map(|l| l.value.as_str()),
            Kind::Subject => self
                .subjects
                .get(i)?
                .label
                .as_ref()
                .map(|l| l.value.as_str()),
            Kind::Source => self
                .sources
                .get(i)?
                .label
                .as_ref()
                .map(|l| l.value.as_str()),
            Kind::Recipient | Kind::Processor | Kind::JointController => self
                .parties
                .get(i)?
                .label
                .as_ref()
                .map(|l| l.value.as_str()),
            Kind::Purpose => self
                .purposes
                .get(i)?
                .label
                .as_ref()
                .map(|l| l.value.as_str()),
        }
    }

    /// The name of a node that is named without an ID (`notice`, `dpo`, `representative`,
    /// `decision`), found by the span of its keyword.
    pub fn name_at(&self, keyword: Span) -> Option<&str> {
        fn text(t: &Option<Text>) -> Option<&str> {
            t.as_ref().map(|t| t.value.as_str())
        }
        if let Some(notice) = &self.notice
            && notice.span.start == keyword.start
        {
            return text(&notice.title);
        }
        self.dpos
            .iter()
            .find(|d| d.keyword == keyword)
            .map(|d| text(&d.name))
            .or_else(|| {
                self.representatives
                    .iter()
                    .find(|r| r.keyword == keyword)
                    .map(|r| text(&r.name))
            })
            .or_else(|| {
                self.purposes
                    .iter()
                    .flat_map(|p| &p.decisions)
                    .find(|d| d.keyword == keyword)
                    .map(|d| text(&d.label))
            })
            .flatten()
    }

    /// The fix that grants a right in the `rights` block, when there is a block to add it to.
    pub fn grant_right(&self, right: RightKind, title: String) -> Option<Fix> {
        self.rights.as_ref()?.grant(right, title)
    }

    /// Where a finding about the rights goes: the `rights` node, or the controller's name when
    /// there is none, or the start of the file when there is no controller either (rules.md).
    pub fn rights_anchor(&self) -> Span {
        match (&self.rights, self.controller()) {
            (Some(rights), _) => rights.keyword,
            (None, Some(controller)) => controller.id.span,
            (None, None) => Span::new(0, 0),
        }
    }

    /// Every reference written in the file, in file order per field.
    pub fn references(&self) -> impl Iterator<Item = &Reference> {
        self.purposes
            .iter()
            .chain(&self.shadowed_purposes)
            .flat_map(|p| {
                p.data
                    .iter()
                    .chain(&p.subjects)
                    .chain(&p.sources)
                    .chain(&p.recipients)
                    .chain(&p.processors)
                    .chain(&p.joint_controllers)
                    .chain(&p.reuses)
            })
            .chain(self.rights.iter().flat_map(|r| &r.complaint))
    }

    /// Every text that the notice shows, and so every text that takes translations
    /// (language.md §8), in the order of the model: the notice title; the names of the DPO, the
    /// representatives and the supervisory authorities; the labels of the purposes and of their
    /// decisions, and of the categories, subjects, sources and parties some purpose uses (an
    /// unused definition is not shown), with each `includes` item of a used category; the
    /// description and notes of a purpose, the legitimate interest, the retention event or
    /// reason, both texts of `provision` and the logic and significance of a decision; the
    /// arrangement of a used joint controller and the reason of its derogations; the notes of
    /// the controller, the DPO and the rights; the qualifying text of a right, `complaint`
    /// included. Legal names, agreements, DPIA references and contact details are shown as
    /// written and are not among them; law references take translations but are not among
    /// them either (a missing translation of a law is not reported), nor are the texts for the
    /// record only (`security`, `identification`, `consultation`).
    pub fn shown_texts(&self) -> Vec<&Text> {
        fn used(len: usize, references: impl Iterator<Item = usize>) -> Vec<bool> {
            let mut used = vec![false; len];
            for index in references {
                if let Some(u) = used.get_mut(index) {
                    *u = true;
                }
            }
            used
        }
        let targets = |field: fn(&Purpose) -> &Vec<Reference>| {
            self.purposes
                .iter()
                .flat_map(move |p| field(p).iter().filter_map(Reference::target))
        };
        let used_categories = used(self.categories.len(), targets(|p| &p.data));
        let used_subjects = used(self.subjects.len(), targets(|p| &p.subjects));
        let used_sources = used(self.sources.len(), targets(|p| &p.sources));
        let party_uses = self.party_uses();

        let mut texts: Vec<&Text> = Vec::new();
        texts.extend(self.notice.iter().filter_map(|n| n.title.as_ref()));
        texts.extend(self.controller().iter().flat_map(|c| &c.notes));
        for dpo in &self.dpos {
            texts.extend(&dpo.name);
            texts.extend(&dpo.notes);
        }
        texts.extend(self.representatives.iter().filter_map(|r| r.name.as_ref()));
        texts.extend(self.authorities.iter().filter_map(|a| a.name.as_ref()));
        for (category, _) in self
            .categories
            .iter()
            .zip(&used_categories)
            .filter(|(_, used)| **used)
        {
            texts.extend(&category.label);
            texts.extend(&category.includes);
        }
        for (subject, _) in self
            .subjects
            .iter()
            .zip(&used_subjects)
            .filter(|(_, used)| **used)
        {
            texts.extend(&subject.label);
        }
        for (source, _) in self
            .sources
            .iter()
            .zip(&used_sources)
            .filter(|(_, used)| **used)
        {
            texts.extend(&source.label);
        }
        for (party, _) in self
            .parties
            .iter()
            .zip(&party_uses)
            .filter(|(_, used)| used.is_some())
        {
            texts.extend(&party.label);
            texts.extend(&party.arrangement);
            texts.extend(
                party
                    .safeguards
                    .iter()
                    .filter(|s| s.kind == TransferSafeguard::Derogation)
                    .filter_map(|s| s.detail.as_ref()),
            );
        }
        for purpose in &self.purposes {
            texts.extend(&purpose.label);
            texts.extend(&purpose.description);
            texts.extend(
                purpose
                    .bases
                    .iter()
                    .filter(|b| b.kind == LegalBasis::LegitimateInterests)
                    .filter_map(|b| b.detail.as_ref()),
            );
            if let Some(retention) = &purpose.retention {
                match &retention.period {
                    RetentionPeriod::Fixed(_) => {}
                    RetentionPeriod::After(_, event) | RetentionPeriod::Until(event) => {
                        texts.push(event)
                    }
                    RetentionPeriod::Indefinite(reason) => texts.extend(reason),
                }
            }
            if let Some(provision) = &purpose.provision {
                texts.extend(&provision.condition);
                texts.extend(&provision.consequence);
            }
            for decision in &purpose.decisions {
                texts.extend(&decision.label);
                texts.extend(&decision.logic);
                texts.extend(&decision.significance);
            }
            texts.extend(&purpose.notes);
        }
        if let Some(rights) = &self.rights {
            texts.extend(rights.granted.iter().filter_map(|r| r.qualifier.as_ref()));
            texts.extend(&rights.complaint_qualifier);
            texts.extend(&rights.notes);
        }
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(text: &str) -> Model {
        crate::analyze(
            text,
            &crate::syntax::read(text),
            &crate::Settings::default(),
        )
        .0
    }

    fn category(label: &str, includes: &[&str], flag: bool) -> Category {
        let text = |value: &str| Text {
            value: value.to_string(),
            span: Span::new(0, 0),
            translations: Vec::new(),
        };
        Category {
            id: Ident {
                name: "c".into(),
                span: Span::new(0, 0),
            },
            label: Some(text(label)),
            includes: includes.iter().map(|i| text(i)).collect(),
            special: None,
            criminal: None,
            national_id: flag.then(|| Span::new(0, 0)),
        }
    }

    /// language.md §4: the flag, or one of the words as whole words in the label or an
    /// `includes` item, ignoring case.
    #[test]
    fn a_national_identity_number_is_flagged_or_named_as_whole_words() {
        let counts =
            |label: &str, includes: &[&str]| category(label, includes, false).is_national_id();
        assert!(counts("Navn, adresse og fødselsnummer", &[]));
        assert!(!counts("fødselsdato", &[]));
        assert!(counts("Identitet", &["navn", "Fødselsnummer"]));
        assert!(counts("D-nummer", &[]));
        assert!(counts("fødselsnr.", &[]));
        assert!(counts("Personnummer (Sverige)", &[]));
        assert!(counts("Your National Identity Number", &[]));
        assert!(counts("national ID number", &[]));
        assert!(!counts("fødselsnummerregister", &[]), "not as a whole word");
        assert!(!counts("ufødselsnummer", &[]), "not as a whole word");
        assert!(counts("FØDSELSNUMMER", &[]));
        assert!(counts("ID: fødselsnr", &[]), "at the very end");
        assert!(
            !counts("fødselsnumme", &[]),
            "the text ends before the word does"
        );
        assert!(
            counts("personnummer2x og personnummer", &[]),
            "a later match counts"
        );
        assert!(!counts(
            "Navn og adresse",
            &["telefonnummer", "kundenummer"]
        ));
        assert!(category("Identitet", &[], true).is_national_id());
    }

    #[test]
    fn camera_surveillance_is_monitoring() {
        let m = model(
            "purpose a \"A\" { camera }\npurpose b \"B\" { monitoring; camera }\npurpose c \"C\" { profiling }\n",
        );
        let [a, b, c] = &m.purposes[..] else {
            panic!("three purposes")
        };
        assert_eq!(a.monitors(), a.camera);
        assert_eq!(b.monitors(), b.monitoring, "the flag written first");
        assert_eq!(c.monitors(), None);
        // The rules that ask whether a purpose monitors count `camera` as `monitoring`.
        let large = |flag: &str| {
            crate::rules::testing::lines(
                "dpia-required",
                &format!("purpose p \"P\" {{\n  {flag}\n  large_scale\n}}\n"),
            )
        };
        assert_eq!(large("camera"), large("monitoring"));
        assert_eq!(large("camera"), vec![1]);
    }

    #[test]
    fn a_purpose_collects_from_the_person_without_sources_or_from_a_data_subject_source() {
        let text = "source app \"Appen\" { data_subject }\nsource reg \"Registeret\"\npurpose a \"A\" { basis contract }\npurpose b \"B\" { sources reg }\npurpose c \"C\" { sources reg, app }\n";
        let m = model(text);
        let collects: Vec<bool> = m
            .purposes
            .iter()
            .map(|p| m.collects_from_person(p))
            .collect();
        assert_eq!(collects, [true, false, true]);
    }
}
