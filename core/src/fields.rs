//! The fields of the language: for each block, the node names it allows, what each takes and a
//! one-line description. The reader matches on the generated enums (so a misspelt field name
//! does not compile and a new field must be read), and `unknown-field`, completion, hover and
//! the property tests read the tables.

use crate::model::Kind;
use crate::vocab::{
    Channel, Claim, Condition, Cookie, DecisionSafeguard, LegalBasis, Provision, RightKind,
    Vocabulary,
};

/// What a field takes after its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// Nothing: `special`.
    Flag,
    /// One text in quotes, shown as written: `email "…"`.
    Text,
    /// One text in quotes that a notice shows, with translations: `logic "…" en "…"`.
    ShownText,
    /// Nothing, or one text in quotes with translations: `authorised_by "forskrift om …"`.
    OptionalShownText,
    /// `ID "Label"` and a block of fields: a definition.
    Definition(Kind),
    /// `"Name"` and a block of fields: `dpo "…" { … }`.
    Named,
    /// IDs of one kind, separated by commas.
    Ids(Kind),
    /// A word of a vocabulary, optionally followed by a text.
    Word(&'static [&'static str]),
    /// One or more words of a vocabulary, separated by commas: `cookies analytics, marketing`.
    Words(&'static [&'static str]),
    /// Nothing, or words of a vocabulary separated by commas: `direct_marketing email, sms`.
    FlagOrWords(&'static [&'static str]),
    /// Nothing, or ISO 3166-1 alpha-2 codes separated by commas: `online_service NO, SE`.
    FlagOrCountryCodes,
    /// Nothing, or the key of an international organisation in the adequacy table:
    /// `international_organisation epo`.
    FlagOrOrganisation,
    /// A right: nothing, or a qualifying text.
    Right,
    /// Country codes and the region words, separated by commas.
    Countries,
    /// A date.
    Date,
    /// A date or a reference in quotes.
    DateOrText,
    /// A duration: `1 month`.
    Duration,
    /// A retention period.
    Retention,
    /// A safeguard word; `derogation` takes a ground and a reason.
    Safeguard,
    /// Language tags separated by commas.
    Languages,
    /// A block of fields and nothing before it.
    Block,
}

/// One field of a block.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub takes: Takes,
    /// One line: what the field says.
    pub doc: &'static str,
}

/// The fields allowed in one kind of block.
#[derive(Debug, PartialEq, Eq)]
pub struct Block {
    /// The node whose block this is, or "the top level".
    pub parent: &'static str,
    pub fields: &'static [Field],
}

impl Block {
    pub fn names(&'static self) -> impl Iterator<Item = &'static str> + Clone {
        self.fields.iter().map(|f| f.name)
    }

    pub fn field(&'static self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// "at the top level", "inside a `purpose`".
    pub fn place(&self) -> String {
        if self.parent == TOP_LEVEL.parent {
            "at the top level".to_string()
        } else {
            format!("inside a `{}`", self.parent)
        }
    }
}

macro_rules! block {
    (
        $(#[$doc:meta])*
        $enum:ident, $table:ident, $parent:literal {
            $($variant:ident => $name:literal, $takes:expr, $field_doc:literal;)*
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $enum { $($variant),* }

        impl $enum {
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Self::$variant),)*
                    _ => None,
                }
            }

            pub fn name(self) -> &'static str {
                match self { $(Self::$variant => $name),* }
            }
        }

        pub static $table: Block = Block {
            parent: $parent,
            fields: &[$(Field { name: $name, takes: $takes, doc: $field_doc }),*],
        };
    };
}

block! {
    /// The nodes of a file's top level.
    TopField, TOP_LEVEL, "the top level" {
        Notice => "notice", Takes::Named, "the privacy notice itself: its title, languages, date and address";
        Controller => "controller", Takes::Definition(Kind::Controller), "the controller: who decides why and how the data are processed (Art. 4(7))";
        Dpo => "dpo", Takes::Named, "the data protection officer and how to reach them (Art. 37-39)";
        Representative => "representative", Takes::Named, "the controller's representative in the EEA, when the controller is outside it (Art. 27)";
        Category => "category", Takes::Definition(Kind::Category), "a category of personal data";
        Subject => "subject", Takes::Definition(Kind::Subject), "a group of people whose data are processed";
        Source => "source", Takes::Definition(Kind::Source), "where data come from when not from the person (Art. 14(2)(f))";
        Recipient => "recipient", Takes::Definition(Kind::Recipient), "someone the data are disclosed to, other than a processor (Art. 4(9))";
        Processor => "processor", Takes::Definition(Kind::Processor), "someone who processes the data on the controller's behalf (Art. 4(8), 28)";
        JointController => "joint_controller", Takes::Definition(Kind::JointController), "a controller who decides the purposes and means together with this one (Art. 26)";
        Purpose => "purpose", Takes::Definition(Kind::Purpose), "a purpose of the processing, with its legal basis (Art. 5(1)(b), 6)";
        Rights => "rights", Takes::Block, "the rights the notice grants (Art. 13(2)(b)-(d))";
        Claims => "claims", Takes::Block, "statements the notice makes about itself, held against the declaration";
    }
}

block! {
    /// The fields of `notice`.
    NoticeField, NOTICE, "notice" {
        Language => "language", Takes::Text, "the language the notice is written in: `language \"nb\"`";
        Languages => "languages", Takes::Languages, "the languages the notice is published in; the first is the one its strings are written in";
        Updated => "updated", Takes::Date, "when the notice was last changed";
        Url => "url", Takes::Text, "where the notice is published";
    }
}

block! {
    /// The fields of `controller`.
    ControllerField, CONTROLLER, "controller" {
        OrgNumber => "org_number", Takes::Text, "the organisation number";
        Country => "country", Takes::Countries, "where the controller is established";
        Address => "address", Takes::Text, "the postal address (Art. 13(1)(a))";
        Email => "email", Takes::Text, "the e-mail address (Art. 13(1)(a))";
        Phone => "phone", Takes::Text, "the telephone number (Art. 13(1)(a))";
        Url => "url", Takes::Text, "a web address for privacy questions";
        PublicAuthority => "public_authority", Takes::Flag, "the controller is a public authority or body (Art. 37(1)(a), 6(1) second subparagraph)";
        Authority => "authority", Takes::Definition(Kind::Authority), "a supervisory authority people may complain to (Art. 77)";
        Establishment => "establishment", Takes::Countries, "the EEA states where the controller has establishments in whose context it processes the data (Art. 3(1))";
        SelfService => "self_service", Takes::Text, "where people see their data and send requests securely, such as a portal with log-in";
        Note => "note", Takes::ShownText, "a note shown with the contact details; repeatable";
        Security => "security", Takes::Text, "a general description of the technical and organisational security measures, for the record (Art. 30(1)(g), 32(1))";
    }
}

block! {
    /// The fields of `dpo`.
    DpoField, DPO, "dpo" {
        Email => "email", Takes::Text, "the e-mail address (Art. 13(1)(b))";
        Phone => "phone", Takes::Text, "the telephone number (Art. 13(1)(b))";
        Address => "address", Takes::Text, "the postal address (Art. 13(1)(b))";
        Url => "url", Takes::Text, "a contact form or web address (Art. 13(1)(b))";
        Note => "note", Takes::ShownText, "a note shown with the data protection officer's contact details; repeatable";
    }
}

block! {
    /// The fields of `representative`.
    RepresentativeField, REPRESENTATIVE, "representative" {
        Country => "country", Takes::Countries, "the EEA state where the representative is established (Art. 27(3))";
        Email => "email", Takes::Text, "the e-mail address (Art. 13(1)(a))";
        Phone => "phone", Takes::Text, "the telephone number (Art. 13(1)(a))";
        Address => "address", Takes::Text, "the postal address (Art. 13(1)(a))";
        Url => "url", Takes::Text, "a web address";
    }
}

block! {
    /// The fields of `category`.
    CategoryField, CATEGORY, "category" {
        Includes => "includes", Takes::ShownText, "the kinds of data the category holds, each in quotes, separated by commas";
        Special => "special", Takes::Flag, "a special category of personal data (Art. 9(1))";
        Criminal => "criminal", Takes::Flag, "data on criminal convictions and offences (Art. 10)";
        NationalId => "national_id", Takes::Flag, "a national identity number, such as the Norwegian fødselsnummer or d-nummer (personopplysningsloven § 12, Art. 87)";
    }
}

block! {
    /// The fields of `subject`.
    SubjectField, SUBJECT, "subject" {
        Child => "child", Takes::Flag, "the group includes children (Art. 8, Recital 38)";
        Employee => "employee", Takes::Flag, "the controller's own staff or job applicants (Recital 43, Art. 88)";
        Customer => "customer", Takes::Flag, "existing customers whose electronic address the controller obtained in connection with a sale (markedsføringsloven § 15)";
    }
}

block! {
    /// The fields of `source`.
    SourceField, SOURCE, "source" {
        Public => "public", Takes::Flag, "the source is publicly accessible (Art. 14(2)(f))";
        Country => "country", Takes::Countries, "where the source is";
        DataSubject => "data_subject", Takes::Flag, "the person concerned is this source: what they give, and what is observed of their use of the services (Art. 13)";
    }
}

block! {
    /// The fields of `recipient`.
    RecipientField, RECIPIENT, "recipient" {
        Country => "country", Takes::Countries, "where the recipient is (Art. 13(1)(f))";
        PublicAuthority => "public_authority", Takes::Flag, "the recipient is a public authority";
        Safeguard => "safeguard", Takes::Safeguard, "what makes a transfer outside the EEA lawful (Art. 44-49)";
        InternationalOrganisation => "international_organisation", Takes::FlagOrOrganisation, "the recipient is an international organisation, outside the EEA wherever it sits (Art. 4(26), 44); its key in the adequacy table may follow";
    }
}

block! {
    /// The fields of `processor`.
    ProcessorField, PROCESSOR, "processor" {
        Country => "country", Takes::Countries, "where the processor processes the data (Art. 13(1)(f))";
        Safeguard => "safeguard", Takes::Safeguard, "what makes a transfer outside the EEA lawful (Art. 44-49)";
        Agreement => "agreement", Takes::DateOrText, "the date or reference of the data processing agreement (Art. 28(3))";
    }
}

block! {
    /// The fields of `joint_controller`.
    JointControllerField, JOINT_CONTROLLER, "joint_controller" {
        Country => "country", Takes::Countries, "where the joint controller is (Art. 13(1)(f))";
        Arrangement => "arrangement", Takes::ShownText, "the essence of the arrangement between the controllers (Art. 26(2))";
        Safeguard => "safeguard", Takes::Safeguard, "what makes a transfer outside the EEA lawful (Art. 44-49)";
        Email => "email", Takes::Text, "the joint controller's e-mail address (Art. 30(1)(a))";
        Phone => "phone", Takes::Text, "the joint controller's telephone number (Art. 30(1)(a))";
        Address => "address", Takes::Text, "the joint controller's postal address (Art. 30(1)(a))";
        Url => "url", Takes::Text, "the joint controller's web address (Art. 30(1)(a))";
    }
}

block! {
    /// The fields of `purpose`.
    PurposeField, PURPOSE, "purpose" {
        Description => "description", Takes::ShownText, "what is done with the data for this purpose, in one to three plain sentences (Art. 5(1)(a), 12(1), 13(1)(c))";
        Basis => "basis", Takes::Word(LegalBasis::WORDS), "the legal basis of Art. 6(1); repeatable";
        Condition => "condition", Takes::Word(Condition::WORDS), "the Art. 9(2) or Art. 10 condition for special or criminal-offence data; repeatable";
        Data => "data", Takes::Ids(Kind::Category), "the categories of data the purpose uses";
        Subjects => "subjects", Takes::Ids(Kind::Subject), "the people whose data the purpose uses";
        Sources => "sources", Takes::Ids(Kind::Source), "where the data come from; none means from the person (Art. 13)";
        Recipients => "recipients", Takes::Ids(Kind::Recipient), "to whom the data are disclosed (Art. 13(1)(e))";
        Processors => "processors", Takes::Ids(Kind::Processor), "who processes the data on the controller's behalf";
        JointControllers => "joint_controllers", Takes::Ids(Kind::JointController), "who decides the processing together with the controller (Art. 26)";
        Retention => "retention", Takes::Retention, "how long the data are kept (Art. 13(2)(a))";
        DirectMarketing => "direct_marketing", Takes::FlagOrWords(Channel::WORDS), "the purpose is direct marketing (Art. 21(2)-(3)), optionally with its channels: email, sms, phone, post, online";
        Cookies => "cookies", Takes::Words(Cookie::WORDS), "what the purpose stores on or reads from the person's device (Directive 2002/58/EC Art. 5(3))";
        Camera => "camera", Takes::Flag, "the purpose is camera surveillance, which is systematic monitoring (Art. 35(3)(c))";
        Profiling => "profiling", Takes::Flag, "the purpose involves profiling (Art. 4(4))";
        Monitoring => "monitoring", Takes::Flag, "the purpose systematically monitors people (Art. 35(3)(c))";
        LargeScale => "large_scale", Takes::Flag, "the processing is on a large scale (Art. 35(3)(b), 37(1))";
        Manual => "manual", Takes::Flag, "the processing is not carried out by automated means (Art. 20(1)(b))";
        OnlineService => "online_service", Takes::FlagOrCountryCodes, "an information society service offered directly to the people concerned (Art. 8(1)), optionally with the EEA states where it is offered";
        Provision => "provision", Takes::Word(Provision::WORDS), "whether people must provide the data, and what happens if they do not (Art. 13(2)(e))";
        Reuses => "reuses", Takes::Ids(Kind::Purpose), "the purposes the data were first collected for (Art. 6(4), 13(3))";
        Dpia => "dpia", Takes::Text, "the reference of the data protection impact assessment, or of the screening that found none needed (Art. 35)";
        Identification => "identification", Takes::Text, "why a national identity number is needed for secure identification, for the record (personopplysningsloven § 12)";
        Consultation => "consultation", Takes::Text, "when and with whom a control measure was discussed with the employees' representatives, for the record (arbeidsmiljøloven § 9-2)";
        Security => "security", Takes::Text, "the technical and organisational security measures of this purpose, for the record (Art. 30(1)(g), 32(1))";
        Note => "note", Takes::ShownText, "a note shown at the end of the purpose; repeatable";
        Decision => "decision", Takes::Named, "a decision based solely on automated processing with legal or similar effects (Art. 22)";
    }
}

block! {
    /// The fields of `decision`.
    DecisionField, DECISION, "decision" {
        Logic => "logic", Takes::ShownText, "the logic involved, in plain words (Art. 13(2)(f))";
        Significance => "significance", Takes::ShownText, "what the decision means for the person and what follows from it (Art. 13(2)(f))";
        AuthorisedBy => "authorised_by", Takes::OptionalShownText, "the law that authorises the decision (Art. 22(2)(b)), in quotes";
        Safeguards => "safeguards", Takes::Word(DecisionSafeguard::WORDS), "the Art. 22(3) safeguards, separated by commas";
    }
}

block! {
    /// The fields of `rights`: the rights (each a word of [`RightKind`]), the authority to
    /// complain to and the response time.
    RightsField, RIGHTS, "rights" {
        Access => "access", Takes::Right, "the right of access (Art. 15)";
        Rectification => "rectification", Takes::Right, "the right to rectification (Art. 16)";
        Erasure => "erasure", Takes::Right, "the right to erasure (Art. 17)";
        Restriction => "restriction", Takes::Right, "the right to restriction of processing (Art. 18)";
        Portability => "portability", Takes::Right, "the right to data portability (Art. 20)";
        Objection => "objection", Takes::Right, "the right to object (Art. 21)";
        WithdrawConsent => "withdraw_consent", Takes::Right, "the right to withdraw consent (Art. 7(3))";
        HumanReview => "human_review", Takes::Right, "the right to human intervention in an automated decision (Art. 22(3))";
        Complaint => "complaint", Takes::Ids(Kind::Authority), "the supervisory authority people may complain to (Art. 77)";
        RespondWithin => "respond_within", Takes::Duration, "how soon requests are answered (Art. 12(3))";
        Note => "note", Takes::ShownText, "a note shown with the rights, such as access under other laws or a duty of confidentiality; repeatable";
    }
}

impl RightsField {
    /// The right a field grants, for the fields that are rights.
    pub fn right(self) -> Option<RightKind> {
        RightKind::from_word(self.name())
    }
}

block! {
    /// The fields of `claims`: each a word of [`Claim`].
    ClaimsField, CLAIMS, "claims" {
        NoConsent => "no_consent", Takes::Flag, "we do not use consent as a legal basis";
        NoSpecialCategories => "no_special_categories", Takes::Flag, "we process no special categories of data";
        NoCriminalData => "no_criminal_data", Takes::Flag, "we process no data on criminal convictions and offences";
        NoAutomatedDecisions => "no_automated_decisions", Takes::Flag, "we make no decisions based solely on automated processing";
        NoProfiling => "no_profiling", Takes::Flag, "we do no profiling";
        NoTransfersOutsideEea => "no_transfers_outside_eea", Takes::Flag, "we transfer no data outside the EEA";
        NoDisclosure => "no_disclosure", Takes::Flag, "we disclose data to no one besides processors";
    }
}

impl ClaimsField {
    pub fn claim(self) -> Claim {
        Claim::from_word(self.name()).expect("every claims field is a claim")
    }
}

/// Every block, the top level first.
pub static BLOCKS: &[&Block] = &[
    &TOP_LEVEL,
    &NOTICE,
    &CONTROLLER,
    &DPO,
    &REPRESENTATIVE,
    &CATEGORY,
    &SUBJECT,
    &SOURCE,
    &RECIPIENT,
    &PROCESSOR,
    &JOINT_CONTROLLER,
    &PURPOSE,
    &DECISION,
    &RIGHTS,
    &CLAIMS,
];

/// The block of fields inside a node (`None`: the top level).
pub fn block_of(parent: Option<&str>) -> Option<&'static Block> {
    match parent {
        None => Some(&TOP_LEVEL),
        Some(name) => BLOCKS.iter().copied().find(|b| b.parent == name),
    }
}

/// The description of a field, by its name and the node it stands in.
pub fn field(parent: Option<&str>, name: &str) -> Option<&'static Field> {
    block_of(parent)?.field(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rights_and_claims_blocks_agree_with_their_vocabularies() {
        let rights: Vec<&str> = RIGHTS
            .fields
            .iter()
            .filter(|f| f.takes == Takes::Right)
            .map(|f| f.name)
            .collect();
        assert_eq!(rights, RightKind::WORDS);
        let claims: Vec<&str> = CLAIMS.names().collect();
        assert_eq!(claims, Claim::WORDS);
    }

    #[test]
    fn every_definition_and_named_node_has_a_block() {
        for field in TOP_LEVEL.fields {
            if matches!(
                field.takes,
                Takes::Definition(_) | Takes::Named | Takes::Block
            ) {
                assert!(
                    block_of(Some(field.name)).is_some(),
                    "{} has no block",
                    field.name
                );
            }
        }
        assert!(block_of(Some("decision")).is_some());
    }

    #[test]
    fn names_are_unique_within_a_block() {
        for block in BLOCKS {
            let names: Vec<&str> = block.names().collect();
            for (i, name) in names.iter().enumerate() {
                assert!(
                    !names[..i].contains(name),
                    "{name} twice in {}",
                    block.parent
                );
            }
        }
    }
}
