//! The typed model of a declaration: what the file says, with the span of every part.
//!
//! Built from the syntax tree by [`crate::lower`]; rules read only this. Values that were
//! written but could not be read (`basis necessary`) leave their field marked as written (so
//! `missing-legal-basis` does not cascade) and are reported while reading.

use std::collections::BTreeMap;

use crate::diagnostic::{Edit, Fix};
use crate::text::Span;
use crate::vocab::{
    Claim, Condition, DecisionSafeguard, Duration, LegalBasis, RightKind, TransferSafeguard,
    Vocabulary,
};

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
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
    /// The word a person would use: "a category", "a processor".
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Controller => "the controller",
            Kind::Authority => "a supervisory authority",
            Kind::Category => "a data category",
            Kind::Subject => "a group of data subjects",
            Kind::Source => "a source",
            Kind::Recipient => "a recipient",
            Kind::Processor => "a processor",
            Kind::JointController => "a joint controller",
            Kind::Purpose => "a purpose",
        }
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
    pub title: Option<Spanned<String>>,
    pub language: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
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
    pub country: Option<Country>,
    pub contact: Contact,
    pub public_authority: Option<Span>,
    pub written: Written,
}

/// A supervisory authority, defined by `authority ID "Name"` inside the controller.
#[derive(Clone, Debug, PartialEq)]
pub struct Authority {
    pub id: Ident,
    pub name: Option<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dpo {
    /// The `dpo` keyword.
    pub keyword: Span,
    pub name: Option<Spanned<String>>,
    pub contact: Contact,
}

/// A `country CC` field: the code as written, and whether it is an ISO 3166-1 alpha-2 code.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    pub code: String,
    /// The whole `country CC` statement.
    pub span: Span,
    /// The code alone.
    pub code_span: Span,
    pub known: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub id: Ident,
    pub label: Option<Spanned<String>>,
    pub includes: Vec<Spanned<String>>,
    pub special: Option<Span>,
    pub criminal: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    pub id: Ident,
    pub label: Option<Spanned<String>>,
    pub child: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Ident,
    pub label: Option<Spanned<String>>,
    pub public: Option<Span>,
    pub country: Option<Country>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Safeguard {
    pub kind: TransferSafeguard,
    /// The safeguard word.
    pub span: Span,
    /// The string after it (the reason for a derogation).
    pub detail: Option<Spanned<String>>,
}

/// A processor, recipient or joint controller: anyone a purpose transfers data to.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    pub kind: Kind,
    pub id: Ident,
    pub label: Option<Spanned<String>>,
    pub country: Option<Country>,
    pub safeguards: Vec<Safeguard>,
    /// `public_authority` (recipients).
    pub public_authority: Option<Span>,
    /// `agreement DATE` or `agreement "reference"` (processors, Art. 28(3)).
    pub agreement: Option<Spanned<String>>,
    /// `arrangement "…"` (joint controllers, Art. 26(2)).
    pub arrangement: Option<Spanned<String>>,
    pub written: Written,
}

impl Party {
    /// Whether the party is in a known country outside the EEA. A party whose country is
    /// missing or unknown is never treated as outside (rules.md: no cascades).
    pub fn is_outside_eea(&self) -> bool {
        self.country
            .as_ref()
            .is_some_and(|c| c.known && !crate::vocab::is_eea(&c.code))
    }

    pub fn is_inside_eea(&self) -> bool {
        self.country
            .as_ref()
            .is_some_and(|c| c.known && crate::vocab::is_eea(&c.code))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Basis {
    pub kind: LegalBasis,
    /// The basis word.
    pub span: Span,
    /// The law (Art. 6(3)) or the legitimate interest (Art. 13(1)(d)).
    pub detail: Option<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConditionUse {
    pub kind: Condition,
    /// The condition word.
    pub span: Span,
    /// The law that lays it down.
    pub detail: Option<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RetentionPeriod {
    /// `retention 90 days`
    Fixed(Duration),
    /// `retention 5 years after "event"`
    After(Duration, String),
    /// `retention until "event"`
    Until(String),
    /// `retention indefinite "reason"`
    Indefinite(Option<String>),
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
    pub label: Option<Spanned<String>>,
    pub logic: Option<Spanned<String>>,
    pub safeguards: Vec<Spanned<DecisionSafeguard>>,
    pub written: Written,
    /// Fields with a value that could not be read (`safeguards human_reveiw`).
    pub unreadable: Written,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Purpose {
    pub id: Ident,
    pub label: Option<Spanned<String>>,
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
    pub profiling: Option<Span>,
    pub monitoring: Option<Span>,
    pub large_scale: Option<Span>,
    pub manual: Option<Span>,
    pub dpia: Option<Spanned<String>>,
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

    /// Whether Art. 20(1)(a) makes portability applicable: consent, explicit consent or contract.
    pub fn rests_on_consent_or_contract(&self) -> bool {
        self.rests_on_consent() || self.has_basis(LegalBasis::Contract)
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
    pub qualifier: Option<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rights {
    /// The `rights` keyword.
    pub keyword: Span,
    pub granted: Vec<Right>,
    pub complaint: Vec<Reference>,
    pub respond_within: Option<Spanned<Duration>>,
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
    /// on any layout; `privlint fmt` puts it on a line of its own). `None` for an empty block.
    pub fn grant(&self, right: RightKind) -> Option<Fix> {
        let at = self.last_node?.end;
        Some(Fix {
            title: format!("Add `{}` to `rights`", right.word()),
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
        allowed: &'static [&'static str],
    },
    /// An argument of the wrong kind, or not in the field's vocabulary.
    InvalidValue {
        span: Span,
        field: &'static str,
        problem: String,
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

    /// The parties that some purpose uses, each with the first reference to it.
    pub fn used_parties(&self) -> impl Iterator<Item = (&Party, &Reference)> {
        self.parties
            .iter()
            .zip(self.party_uses())
            .filter_map(|(party, used)| Some((party, used?)))
    }

    /// The fix that grants a right in the `rights` block, when there is a block to add it to.
    pub fn grant_right(&self, right: RightKind) -> Option<Fix> {
        self.rights.as_ref()?.grant(right)
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
            })
            .chain(self.rights.iter().flat_map(|r| &r.complaint))
    }
}
