//! The declaration as JSON-LD in the W3C Data Privacy Vocabulary (DPV) 2.3.
//!
//! Every purpose is one `dpv:Process` (DPV 2.3 marks `dpv:PersonalDataHandling` as "sunset" and
//! names `dpv:Process` as its equivalent) with its purpose, legal bases (Art. 6(1) and the
//! Art. 9(2) conditions as `eu-gdpr:` concepts), personal data, data subjects, sources,
//! recipients, processors, controller and joint controllers, storage duration, rights, DPIA, and
//! one nested `dpv:Process` with `dpv:Transfer` per party outside the EEA, with the transfer's
//! legal basis (`eu-gdpr:A45-3`, `A46-2-c`, `A49-1-a` …) and transfer tool.
//!
//! What privlint's words map to is [`TABLE`], the one place where DPV IRIs are chosen; a test
//! (tests/publish/test_dpv.py) checks that every term an export uses is defined in DPV 2.3.
//! The declaration's own items are blank nodes (`_:purpose-newsletter`): a declaration has no
//! IRIs of its own. Countries are DPV's location concepts (`loc:US`, `loc:EEA30`).

use serde_json::{Map, Value, json};

use crate::model::{Countries, Kind, Model, Party, Place, Purpose, RetentionPeriod, Text};
use crate::vocab::{
    Condition, DerogationGround, Duration, LegalBasis, RightKind, TimeUnit, TransferSafeguard,
};

/// Something in a declaration that has a DPV term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// The class of a defined item (`processor` is a `dpv:DataProcessor`).
    Item(Kind),
    /// A purpose as a whole, the processing activity.
    Activity,
    /// The representative in the EEA (Art. 27).
    Representative,
    Dpo,
    Basis(LegalBasis),
    /// A condition of Art. 9(2) or Art. 10.
    Condition(Condition),
    /// The legal basis of a transfer with this safeguard (Chapter V).
    TransferBasis(TransferSafeguard),
    /// The tool (organisational measure) a safeguard is, where DPV has one.
    TransferTool(TransferSafeguard),
    /// The legal basis of a derogation on this ground (Art. 49(1)).
    Derogation(DerogationGround),
    Right(RightKind),
    /// `complaint`: the right to lodge a complaint (Art. 77).
    Complaint,
    /// A category by its ID, where a `pd:` concept fits.
    Category(&'static str),
    /// A group of data subjects by its ID, where a DPV concept fits.
    Subject(&'static str),
    /// `special` on a category.
    Special,
    /// `criminal` on a category.
    Criminal,
    /// `child` on a subject.
    Child,
    /// `employee` on a subject.
    Employee,
    /// `public` on a source.
    PublicSource,
    /// `public_authority` on the controller or a recipient.
    PublicAuthority,
    DirectMarketing,
    Profiling,
    /// A law named for a basis or a condition (Art. 6(3)).
    Law,
    /// The legitimate interest stated for `legitimate_interests` (Art. 13(1)(d)).
    Interest,
    Transfer,
    Dpia,
    /// The storage condition of `retention`.
    Storage,
    /// `retention 90 days`, `retention 5 years after "…"`.
    FixedDuration,
    /// `retention until "…"`.
    UntilEvent,
    /// `retention indefinite`.
    Indefinite,
    /// `country outside_eea`: a third country that is not named.
    ThirdCountry,
}

/// One row of the mapping: a privlint term and its DPV 2.3 IRI (prefixed: `dpv:`, `eu-gdpr:`,
/// `pd:`; the prefixes are those of [`context`]).
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub term: Term,
    pub iri: &'static str,
}

const fn row(term: Term, iri: &'static str) -> Row {
    Row { term, iri }
}

/// The mapping from privlint's vocabulary to DPV 2.3. Sources: the vocabulary files in
/// tests/fixtures/dpv/ (w3c/dpv, folder 2.3, commit f01a55c3c, vendored with its licence).
///
/// Choices where DPV has no exact concept:
/// - Art. 10 has no `eu-gdpr:` concept: `official_authority` is `dpv:OfficialAuthorityOfController`,
///   `authorised_by_law` the general `dpv:LegalBasis` (the law is exported with it).
/// - `dpf` is an adequacy decision (Commission decision (EU) 2023/1795): `eu-gdpr:A45-3`.
/// - `bcr` (Art. 47) is `eu-gdpr:A46-2-b`, the point of Art. 46(2) that refers to Art. 47.
/// - `compelling_interests` (Art. 49(1) second subparagraph) is `eu-gdpr:A49-2`, which DPV
///   labels "Art 49(2) legitimate interests" and defines with the text of that subparagraph.
/// - A `derogation` without a ground is the general `dpv:DataTransferLegalBasis`.
/// - `human_review` is `eu-gdpr:A22-3-a` (human intervention).
/// - Categories and subjects map by their ID, only where the concept fits the usual meaning of
///   the ID; any other category is a plain `dpv:PersonalData` with its label.
pub const TABLE: &[Row] = &[
    // The items of a declaration.
    row(Term::Item(Kind::Controller), "dpv:DataController"),
    row(
        Term::Item(Kind::JointController),
        "dpv:JointDataControllers",
    ),
    row(Term::Item(Kind::Processor), "dpv:DataProcessor"),
    row(Term::Item(Kind::Recipient), "dpv:Recipient"),
    row(Term::Item(Kind::Category), "dpv:PersonalData"),
    row(Term::Item(Kind::Subject), "dpv:DataSubject"),
    row(Term::Item(Kind::Source), "dpv:DataSource"),
    row(Term::Item(Kind::Purpose), "dpv:Purpose"),
    row(Term::Item(Kind::Authority), "dpv:DataProtectionAuthority"),
    row(Term::Activity, "dpv:Process"),
    row(Term::Representative, "dpv:Representative"),
    row(Term::Dpo, "dpv:DataProtectionOfficer"),
    // Art. 6(1).
    row(Term::Basis(LegalBasis::Consent), "eu-gdpr:A6-1-a"),
    row(Term::Basis(LegalBasis::Contract), "eu-gdpr:A6-1-b"),
    row(Term::Basis(LegalBasis::LegalObligation), "eu-gdpr:A6-1-c"),
    row(Term::Basis(LegalBasis::VitalInterests), "eu-gdpr:A6-1-d"),
    row(Term::Basis(LegalBasis::PublicTask), "eu-gdpr:A6-1-e"),
    row(
        Term::Basis(LegalBasis::LegitimateInterests),
        "eu-gdpr:A6-1-f",
    ),
    // Art. 9(2) and Art. 10.
    row(
        Term::Condition(Condition::ExplicitConsent),
        "eu-gdpr:A9-2-a",
    ),
    row(Term::Condition(Condition::Employment), "eu-gdpr:A9-2-b"),
    row(Term::Condition(Condition::VitalInterests), "eu-gdpr:A9-2-c"),
    row(Term::Condition(Condition::NonprofitBody), "eu-gdpr:A9-2-d"),
    row(Term::Condition(Condition::MadePublic), "eu-gdpr:A9-2-e"),
    row(Term::Condition(Condition::LegalClaims), "eu-gdpr:A9-2-f"),
    row(
        Term::Condition(Condition::SubstantialPublicInterest),
        "eu-gdpr:A9-2-g",
    ),
    row(Term::Condition(Condition::HealthCare), "eu-gdpr:A9-2-h"),
    row(Term::Condition(Condition::PublicHealth), "eu-gdpr:A9-2-i"),
    row(
        Term::Condition(Condition::ArchivingResearch),
        "eu-gdpr:A9-2-j",
    ),
    row(
        Term::Condition(Condition::OfficialAuthority),
        "dpv:OfficialAuthorityOfController",
    ),
    row(
        Term::Condition(Condition::AuthorisedByLaw),
        "dpv:LegalBasis",
    ),
    // Chapter V: the legal basis of a transfer …
    row(
        Term::TransferBasis(TransferSafeguard::Adequacy),
        "eu-gdpr:A45-3",
    ),
    row(Term::TransferBasis(TransferSafeguard::Dpf), "eu-gdpr:A45-3"),
    row(
        Term::TransferBasis(TransferSafeguard::Scc),
        "eu-gdpr:A46-2-c",
    ),
    row(
        Term::TransferBasis(TransferSafeguard::Bcr),
        "eu-gdpr:A46-2-b",
    ),
    row(
        Term::TransferBasis(TransferSafeguard::CodeOfConduct),
        "eu-gdpr:A46-2-e",
    ),
    row(
        Term::TransferBasis(TransferSafeguard::Certification),
        "eu-gdpr:A46-2-f",
    ),
    row(
        Term::TransferBasis(TransferSafeguard::AdHocClauses),
        "eu-gdpr:A46-3-a",
    ),
    row(
        Term::TransferBasis(TransferSafeguard::PublicInstrument),
        "eu-gdpr:A46-2-a",
    ),
    row(
        Term::TransferBasis(TransferSafeguard::AdministrativeArrangement),
        "eu-gdpr:A46-3-b",
    ),
    row(
        Term::TransferBasis(TransferSafeguard::Derogation),
        "dpv:DataTransferLegalBasis",
    ),
    // … the transfer tool …
    row(
        Term::TransferTool(TransferSafeguard::Adequacy),
        "eu-gdpr:AdequacyDecision",
    ),
    row(
        Term::TransferTool(TransferSafeguard::Dpf),
        "eu-gdpr:AdequacyDecision",
    ),
    row(
        Term::TransferTool(TransferSafeguard::Scc),
        "eu-gdpr:SCCByCommission",
    ),
    row(
        Term::TransferTool(TransferSafeguard::Bcr),
        "eu-gdpr:BindingCorporateRules",
    ),
    row(
        Term::TransferTool(TransferSafeguard::CodeOfConduct),
        "eu-gdpr:CodesOfConductForDataTransfers",
    ),
    row(
        Term::TransferTool(TransferSafeguard::Certification),
        "eu-gdpr:CertificationMechanismsForDataTransfers",
    ),
    row(
        Term::TransferTool(TransferSafeguard::AdHocClauses),
        "eu-gdpr:AdHocContractualClauses",
    ),
    // … and the derogations of Art. 49(1).
    row(
        Term::Derogation(DerogationGround::ExplicitConsent),
        "eu-gdpr:A49-1-a",
    ),
    row(
        Term::Derogation(DerogationGround::Contract),
        "eu-gdpr:A49-1-b",
    ),
    row(
        Term::Derogation(DerogationGround::ContractInInterest),
        "eu-gdpr:A49-1-c",
    ),
    row(
        Term::Derogation(DerogationGround::PublicInterest),
        "eu-gdpr:A49-1-d",
    ),
    row(
        Term::Derogation(DerogationGround::LegalClaims),
        "eu-gdpr:A49-1-e",
    ),
    row(
        Term::Derogation(DerogationGround::VitalInterests),
        "eu-gdpr:A49-1-f",
    ),
    row(
        Term::Derogation(DerogationGround::PublicRegister),
        "eu-gdpr:A49-1-g",
    ),
    row(
        Term::Derogation(DerogationGround::CompellingInterests),
        "eu-gdpr:A49-2",
    ),
    // Rights.
    row(Term::Right(RightKind::Access), "eu-gdpr:A15"),
    row(Term::Right(RightKind::Rectification), "eu-gdpr:A16"),
    row(Term::Right(RightKind::Erasure), "eu-gdpr:A17"),
    row(Term::Right(RightKind::Restriction), "eu-gdpr:A18"),
    row(Term::Right(RightKind::Portability), "eu-gdpr:A20"),
    row(Term::Right(RightKind::Objection), "eu-gdpr:A21"),
    row(Term::Right(RightKind::WithdrawConsent), "eu-gdpr:A7-3"),
    row(Term::Right(RightKind::HumanReview), "eu-gdpr:A22-3-a"),
    row(Term::Complaint, "eu-gdpr:A77"),
    // Categories of personal data, by ID.
    row(Term::Category("contact"), "pd:Contact"),
    row(Term::Category("business_contact"), "pd:Contact"),
    row(Term::Category("identity"), "pd:Identifying"),
    row(Term::Category("name"), "pd:Name"),
    row(Term::Category("email"), "pd:EmailAddress"),
    row(Term::Category("phone"), "pd:TelephoneNumber"),
    row(Term::Category("address"), "pd:PhysicalAddress"),
    row(Term::Category("national_id"), "pd:OfficialID"),
    row(Term::Category("financial"), "pd:Financial"),
    row(Term::Category("payment"), "pd:Transactional"),
    row(Term::Category("orders"), "pd:Purchase"),
    row(Term::Category("debt"), "pd:LoanRecord"),
    row(Term::Category("credit"), "pd:Credit"),
    row(Term::Category("tax"), "pd:Tax"),
    row(Term::Category("salary"), "pd:Salary"),
    row(Term::Category("health"), "pd:Health"),
    row(Term::Category("genetic"), "pd:Genetic"),
    row(Term::Category("biometric"), "pd:Biometric"),
    row(
        Term::Category("union_membership"),
        "pd:TradeUnionMembership",
    ),
    row(Term::Category("religion"), "pd:Religion"),
    row(Term::Category("ethnicity"), "pd:EthnicOrigin"),
    row(Term::Category("political_opinions"), "pd:PoliticalOpinion"),
    row(Term::Category("location"), "pd:Location"),
    row(Term::Category("ip_address"), "pd:IPAddress"),
    row(Term::Category("device"), "pd:DeviceBased"),
    row(Term::Category("web_usage"), "pd:BrowsingBehaviour"),
    row(Term::Category("correspondence"), "pd:Communication"),
    row(Term::Category("next_of_kin"), "pd:Family"),
    row(Term::Special, "dpv:SpecialCategoryPersonalData"),
    row(Term::Criminal, "pd:Criminal"),
    // Data subjects, by ID.
    row(Term::Subject("customers"), "dpv:Customer"),
    row(Term::Subject("consumers"), "dpv:Consumer"),
    row(Term::Subject("patients"), "dpv:Patient"),
    row(Term::Subject("visitors"), "dpv:Visitor"),
    row(Term::Subject("subscribers"), "dpv:Subscriber"),
    row(Term::Subject("employees"), "dpv:Employee"),
    row(Term::Subject("applicants"), "dpv:JobApplicant"),
    row(Term::Subject("citizens"), "dpv:Citizen"),
    row(Term::Subject("members"), "dpv:Member"),
    row(Term::Subject("users"), "dpv:User"),
    row(Term::Subject("students"), "dpv:Student"),
    row(Term::Subject("children"), "dpv:Child"),
    row(Term::Child, "dpv:Child"),
    row(Term::Employee, "dpv:Employee"),
    // Flags and values.
    row(Term::PublicSource, "dpv:PublicDataSource"),
    row(Term::PublicAuthority, "dpv:GovernmentalOrganisation"),
    row(Term::DirectMarketing, "dpv:DirectMarketing"),
    row(Term::Profiling, "dpv:Profiling"),
    row(Term::Law, "dpv:Law"),
    row(Term::Interest, "dpv:LegitimateInterest"),
    row(Term::Transfer, "dpv:Transfer"),
    row(Term::Dpia, "dpv:DPIA"),
    row(Term::Storage, "dpv:StorageDuration"),
    row(Term::FixedDuration, "dpv:TemporalDuration"),
    row(Term::UntilEvent, "dpv:UntilEventDuration"),
    row(Term::Indefinite, "dpv:EndlessDuration"),
    row(Term::ThirdCountry, "dpv:ThirdCountry"),
];

/// The DPV IRI of a term, if it has one.
pub fn iri(term: Term) -> Option<&'static str> {
    TABLE.iter().find(|r| r.term == term).map(|r| r.iri)
}

/// The IRI of a term the table must have (a structural term, or a closed vocabulary).
fn must(term: Term) -> &'static str {
    iri(term).unwrap_or_else(|| panic!("{term:?} is missing from dpv::TABLE"))
}

fn id(iri: &str) -> Value {
    json!({ "@id": iri })
}

/// The JSON-LD context: the prefixes the export uses.
pub fn context() -> Value {
    json!({
        "dpv": "https://w3id.org/dpv#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "pd": "https://w3id.org/dpv/pd#",
        "loc": "https://w3id.org/dpv/loc#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    })
}

/// The declaration as a JSON-LD document (keys in a stable order), pretty-printed, with a final
/// line break.
///
/// Written one node of the graph at a time: each node is built as a `serde_json::Value`,
/// printed and dropped, so that memory holds the text and one node, not a tree of the whole
/// graph (about 20 bytes of tree per byte of text: 235 MB for a generated declaration of
/// 1.4 MB, 4.7 GB for one of 29 MB; BENCHMARKS.md).
pub fn to_json(model: &Model) -> String {
    let exporter = Exporter {
        model,
        language: model
            .notice
            .as_ref()
            .and_then(|n| n.languages().first().map(|l| l.to_string())),
    };
    let mut out = String::from("{\n  \"@context\": ");
    push_pretty(&mut out, &context(), 1);
    out.push_str(",\n  \"@graph\": [");
    let mut empty = true;
    exporter.graph(&mut |node| {
        out.push_str(if empty { "\n    " } else { ",\n    " });
        push_pretty(&mut out, &node, 2);
        empty = false;
    });
    out.push_str(if empty { "]\n}\n" } else { "\n  ]\n}\n" });
    out
}

/// Appends `value` as `serde_json::to_string_pretty` prints it, as if nested `depth` levels
/// deep (two spaces a level). Printed JSON has no line break inside a string (they are
/// escaped), so every line break is one of the printer's.
fn push_pretty(out: &mut String, value: &Value, depth: usize) {
    let text = serde_json::to_string_pretty(value).expect("JSON values serialise");
    let indent = "  ".repeat(depth);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&indent);
        }
        out.push_str(line);
    }
}

struct Exporter<'m> {
    model: &'m Model,
    /// The language the declaration's strings are written in, when the notice says.
    language: Option<String>,
}

fn node_id(kind: Kind, name: &str) -> String {
    format!("_:{}-{name}", kind.keyword())
}

/// A node with an `@id`, `@type` and further properties (empty values left out).
fn node(id: Option<String>, types: Vec<&str>, properties: Vec<(&str, Value)>) -> Value {
    let mut map = Map::new();
    if let Some(id) = id {
        map.insert("@id".into(), Value::String(id));
    }
    let types: Vec<Value> = types.into_iter().map(|t| Value::String(t.into())).collect();
    map.insert(
        "@type".into(),
        if types.len() == 1 {
            types.into_iter().next().unwrap()
        } else {
            Value::Array(types)
        },
    );
    for (key, value) in properties {
        let empty = match &value {
            Value::Null => true,
            Value::Array(a) => a.is_empty(),
            _ => false,
        };
        if !empty {
            map.insert(key.into(), value);
        }
    }
    Value::Object(map)
}

impl<'m> Exporter<'m> {
    /// A text with its translations, each tagged with its language.
    fn text(&self, text: &Text) -> Value {
        let mut values = self.texts(text);
        if values.len() == 1 {
            values.pop().unwrap()
        } else {
            Value::Array(values)
        }
    }

    /// The values of [`Exporter::text`], as a list.
    fn texts(&self, text: &Text) -> Vec<Value> {
        let mut values = vec![match &self.language {
            Some(language) => json!({ "@value": text.value, "@language": language }),
            None => Value::String(text.value.clone()),
        }];
        for translation in &text.translations {
            if Some(&translation.language.value) != self.language.as_ref() {
                values.push(json!({
                    "@value": translation.text.value,
                    "@language": translation.language.value,
                }));
            }
        }
        values
    }

    fn label(&self, text: Option<&Text>) -> Value {
        text.map(|t| self.text(t)).unwrap_or(Value::Null)
    }

    /// Each node of the graph, in order, given to `emit`.
    fn graph(&self, emit: &mut dyn FnMut(Value)) {
        let model = self.model;
        if let Some(controller) = model.controller() {
            let mut types = vec![must(Term::Item(Kind::Controller))];
            if controller.public_authority.is_some() {
                types.push(must(Term::PublicAuthority));
            }
            let mut contact = self.contact(&controller.contact);
            let dpos: Vec<Value> = model
                .dpos
                .iter()
                .map(|d| {
                    node(
                        None,
                        vec![must(Term::Dpo)],
                        vec![
                            ("dpv:hasName", self.label(d.name.as_ref())),
                            ("dpv:hasContact", self.contact_values(&d.contact)),
                        ],
                    )
                })
                .collect();
            let representatives: Vec<Value> = model
                .representatives
                .iter()
                .map(|r| {
                    node(
                        None,
                        vec![must(Term::Representative)],
                        vec![
                            ("dpv:hasName", self.label(r.name.as_ref())),
                            ("dpv:hasCountry", self.countries(r.country.as_ref())),
                            ("dpv:hasContact", self.contact_values(&r.contact)),
                        ],
                    )
                })
                .collect();
            let authorities: Vec<Value> = model
                .rights
                .iter()
                .flat_map(|r| &r.complaint)
                .filter_map(|r| r.target().map(|i| &model.authorities[i]))
                .map(|a| {
                    node(
                        None,
                        vec![must(Term::Item(Kind::Authority))],
                        vec![("dpv:hasName", self.label(a.name.as_ref()))],
                    )
                })
                .collect();
            emit(node(
                Some(node_id(Kind::Controller, &controller.id.name)),
                types,
                vec![
                    (
                        "dpv:hasName",
                        controller
                            .name
                            .as_ref()
                            .map(|n| Value::String(n.value.clone()))
                            .unwrap_or(Value::Null),
                    ),
                    (
                        "dpv:hasIdentifier",
                        controller
                            .org_number
                            .as_ref()
                            .map(|n| Value::String(n.value.clone()))
                            .unwrap_or(Value::Null),
                    ),
                    (
                        "dpv:hasCountry",
                        self.countries(controller.country.as_ref()),
                    ),
                    ("dpv:hasContact", std::mem::take(&mut contact)),
                    ("dpv:hasDataProtectionOfficer", Value::Array(dpos)),
                    ("dpv:hasRepresentative", Value::Array(representatives)),
                    ("dpv:hasAuthority", Value::Array(authorities)),
                ],
            ));
        }
        for party in &model.parties {
            emit(self.party(party));
        }
        for category in &model.categories {
            let mut types =
                vec![category_iri(&category.id.name).unwrap_or(must(Term::Item(Kind::Category)))];
            if category.special.is_some() {
                types.push(must(Term::Special));
            }
            if category.criminal.is_some() {
                types.push(must(Term::Criminal));
            }
            types.dedup();
            let includes: Vec<Value> = category
                .includes
                .iter()
                .flat_map(|t| self.texts(t))
                .collect();
            emit(node(
                Some(node_id(Kind::Category, &category.id.name)),
                types,
                vec![
                    ("rdfs:label", self.label(category.label.as_ref())),
                    ("rdfs:comment", Value::Array(includes)),
                ],
            ));
        }
        for subject in &model.subjects {
            let mut types =
                vec![subject_iri(&subject.id.name).unwrap_or(must(Term::Item(Kind::Subject)))];
            if subject.child.is_some() {
                types.push(must(Term::Child));
            }
            if subject.employee.is_some() {
                types.push(must(Term::Employee));
            }
            types.dedup();
            emit(node(
                Some(node_id(Kind::Subject, &subject.id.name)),
                types,
                vec![("rdfs:label", self.label(subject.label.as_ref()))],
            ));
        }
        for source in &model.sources {
            let mut types = vec![must(Term::Item(Kind::Source))];
            if source.public.is_some() {
                types.push(must(Term::PublicSource));
            }
            emit(node(
                Some(node_id(Kind::Source, &source.id.name)),
                types,
                vec![
                    ("rdfs:label", self.label(source.label.as_ref())),
                    ("dpv:hasCountry", self.countries(source.country.as_ref())),
                ],
            ));
        }
        for purpose in &model.purposes {
            emit(self.activity(purpose));
        }
    }

    fn contact_values(&self, contact: &crate::model::Contact) -> Value {
        Value::Array(
            contact
                .values()
                .map(|v| Value::String(v.to_string()))
                .collect(),
        )
    }

    fn contact(&self, contact: &crate::model::Contact) -> Value {
        self.contact_values(contact)
    }

    /// `loc:NO`, `loc:EEA30`, or a `dpv:ThirdCountry` for `outside_eea`.
    fn countries(&self, countries: Option<&Countries>) -> Value {
        Value::Array(
            countries
                .into_iter()
                .flat_map(|c| &c.values)
                .filter_map(|v| match v.place {
                    Place::EeaState | Place::ThirdCountry => Some(id(&format!("loc:{}", v.code))),
                    Place::SomewhereInEea => Some(id("loc:EEA30")),
                    Place::SomewhereOutsideEea => {
                        Some(node(None, vec![must(Term::ThirdCountry)], vec![]))
                    }
                    Place::Unknown => None,
                })
                .collect(),
        )
    }

    fn party(&self, party: &Party) -> Value {
        let mut types = vec![must(Term::Item(party.kind))];
        if party.kind == Kind::JointController {
            types.push(must(Term::Item(Kind::Controller)));
        }
        if party.public_authority.is_some() {
            types.push(must(Term::PublicAuthority));
        }
        node(
            Some(node_id(party.kind, &party.id.name)),
            types,
            vec![
                ("dpv:hasName", self.label(party.label.as_ref())),
                ("dpv:hasCountry", self.countries(party.country.as_ref())),
            ],
        )
    }

    fn activity(&self, purpose: &Purpose) -> Value {
        let model = self.model;
        let references = |refs: &[crate::model::Reference], kind: Kind| -> Value {
            Value::Array(
                refs.iter()
                    .filter(|r| r.target().is_some())
                    .map(|r| id(&node_id(kind, &r.name)))
                    .collect(),
            )
        };
        let mut purpose_types = vec![must(Term::Item(Kind::Purpose))];
        if purpose.direct_marketing.is_some() {
            purpose_types.push(must(Term::DirectMarketing));
        }
        let mut bases: Vec<Value> = Vec::new();
        let mut laws: Vec<Value> = Vec::new();
        for basis in &purpose.bases {
            bases.push(id(must(Term::Basis(basis.kind))));
            if let Some(detail) = &basis.detail {
                if basis.kind == LegalBasis::LegitimateInterests {
                    bases.push(node(
                        None,
                        vec![must(Term::Interest)],
                        vec![("rdfs:label", self.text(detail))],
                    ));
                } else {
                    laws.push(node(
                        None,
                        vec![must(Term::Law)],
                        vec![("rdfs:label", self.text(detail))],
                    ));
                }
            }
        }
        for condition in &purpose.conditions {
            bases.push(id(must(Term::Condition(condition.kind))));
            if let Some(detail) = &condition.detail {
                laws.push(node(
                    None,
                    vec![must(Term::Law)],
                    vec![("rdfs:label", Value::String(detail.value.clone()))],
                ));
            }
        }
        let mut rights: Vec<Value> = Vec::new();
        if let Some(granted) = &model.rights {
            rights.extend(
                granted
                    .granted
                    .iter()
                    .map(|r| id(must(Term::Right(r.kind)))),
            );
            if !granted.complaint.is_empty() {
                rights.push(id(must(Term::Complaint)));
            }
        }
        let controllers: Vec<Value> = model
            .controller()
            .map(|c| id(&node_id(Kind::Controller, &c.id.name)))
            .into_iter()
            .collect();
        let joint = if purpose
            .joint_controllers
            .iter()
            .any(|r| r.target().is_some())
        {
            let mut members = controllers.clone();
            if let Value::Array(more) =
                references(&purpose.joint_controllers, Kind::JointController)
            {
                members.extend(more);
            }
            node(
                None,
                vec![must(Term::Item(Kind::JointController))],
                vec![("dpv:hasDataController", Value::Array(members))],
            )
        } else {
            Value::Null
        };
        let transfers: Vec<Value> = model.transfers(purpose).map(|p| self.transfer(p)).collect();
        let processing: Vec<Value> = purpose
            .profiling
            .iter()
            .map(|_| id(must(Term::Profiling)))
            .collect();
        node(
            Some(node_id(Kind::Purpose, &purpose.id.name)),
            vec![must(Term::Activity)],
            vec![
                ("rdfs:label", self.label(purpose.label.as_ref())),
                (
                    "dpv:hasPurpose",
                    node(
                        None,
                        purpose_types,
                        vec![("rdfs:label", self.label(purpose.label.as_ref()))],
                    ),
                ),
                ("dpv:hasLegalBasis", Value::Array(bases)),
                ("dpv:hasApplicableLaw", Value::Array(laws)),
                (
                    "dpv:hasPersonalData",
                    references(&purpose.data, Kind::Category),
                ),
                (
                    "dpv:hasDataSubject",
                    references(&purpose.subjects, Kind::Subject),
                ),
                (
                    "dpv:hasDataSource",
                    references(&purpose.sources, Kind::Source),
                ),
                (
                    "dpv:hasRecipient",
                    references(&purpose.recipients, Kind::Recipient),
                ),
                (
                    "dpv:hasDataProcessor",
                    references(&purpose.processors, Kind::Processor),
                ),
                ("dpv:hasDataController", Value::Array(controllers)),
                ("dpv:hasJointDataControllers", joint),
                ("dpv:hasProcessing", Value::Array(processing)),
                (
                    "dpv:hasStorageCondition",
                    purpose
                        .retention
                        .as_ref()
                        .map(|r| self.storage(&r.period))
                        .unwrap_or(Value::Null),
                ),
                ("dpv:hasRight", Value::Array(rights)),
                (
                    "dpv:hasImpactAssessment",
                    purpose
                        .dpia
                        .as_ref()
                        .map(|d| {
                            node(
                                None,
                                vec![must(Term::Dpia)],
                                vec![("dpv:hasIdentifier", Value::String(d.value.clone()))],
                            )
                        })
                        .unwrap_or(Value::Null),
                ),
                ("dpv:hasProcess", Value::Array(transfers)),
            ],
        )
    }

    /// A transfer to a party outside the EEA, with its legal basis and tool.
    fn transfer(&self, party: &Party) -> Value {
        let mut bases = Vec::new();
        let mut tools = Vec::new();
        for safeguard in &party.safeguards {
            let basis = match (&safeguard.ground, safeguard.kind) {
                (Some(ground), TransferSafeguard::Derogation) => {
                    must(Term::Derogation(ground.value))
                }
                (_, kind) => must(Term::TransferBasis(kind)),
            };
            bases.push(id(basis));
            if let Some(tool) = iri(Term::TransferTool(safeguard.kind)) {
                tools.push(id(tool));
            }
        }
        bases.dedup();
        tools.dedup();
        let countries = match self.countries(party.country.as_ref()) {
            Value::Array(all) => all
                .into_iter()
                .filter(|c| {
                    c.get("@id").and_then(Value::as_str).is_none_or(|iri| {
                        iri.strip_prefix("loc:")
                            .is_some_and(|code| !crate::vocab::is_eea(code) && code != "EEA30")
                    })
                })
                .collect(),
            other => vec![other],
        };
        let recipient = match party.kind {
            Kind::Processor => "dpv:hasDataProcessor",
            Kind::JointController => "dpv:hasDataController",
            _ => "dpv:hasRecipient",
        };
        node(
            None,
            vec![must(Term::Activity)],
            vec![
                ("dpv:hasProcessing", id(must(Term::Transfer))),
                (recipient, id(&node_id(party.kind, &party.id.name))),
                ("dpv:hasThirdCountry", Value::Array(countries)),
                ("dpv:hasLegalBasis", Value::Array(bases)),
                ("dpv:hasOrganisationalMeasure", Value::Array(tools)),
            ],
        )
    }

    fn storage(&self, period: &RetentionPeriod) -> Value {
        let duration = match period {
            RetentionPeriod::Fixed(d) => node(
                None,
                vec![must(Term::FixedDuration)],
                vec![("rdf:value", xsd_duration(*d))],
            ),
            RetentionPeriod::After(d, event) => node(
                None,
                vec![must(Term::FixedDuration)],
                vec![
                    ("rdf:value", xsd_duration(*d)),
                    ("rdfs:comment", self.text(event)),
                ],
            ),
            RetentionPeriod::Until(event) => node(
                None,
                vec![must(Term::UntilEvent)],
                vec![("rdfs:label", self.text(event))],
            ),
            RetentionPeriod::Indefinite(reason) => node(
                None,
                vec![must(Term::Indefinite)],
                vec![("rdfs:comment", self.label(reason.as_ref()))],
            ),
        };
        node(
            None,
            vec![must(Term::Storage)],
            vec![("dpv:hasDuration", duration)],
        )
    }
}

/// `P90D`, `P5Y` as an `xsd:duration`.
fn xsd_duration(duration: Duration) -> Value {
    let (amount, unit) = match duration.unit {
        TimeUnit::Day => (duration.amount, 'D'),
        TimeUnit::Week => (duration.amount.saturating_mul(7), 'D'),
        TimeUnit::Month => (duration.amount, 'M'),
        TimeUnit::Year => (duration.amount, 'Y'),
    };
    json!({ "@value": format!("P{amount}{unit}"), "@type": "xsd:duration" })
}

/// The DPV concept the table maps a category ID to, if any.
fn category_iri(name: &str) -> Option<&'static str> {
    TABLE.iter().find_map(|r| match r.term {
        Term::Category(id) if id == name => Some(r.iri),
        _ => None,
    })
}

/// The DPV concept the table maps a subject ID to, if any.
fn subject_iri(name: &str) -> Option<&'static str> {
    TABLE.iter().find_map(|r| match r.term {
        Term::Subject(id) if id == name => Some(r.iri),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Vocabulary;

    #[test]
    fn every_word_of_the_closed_vocabularies_has_a_row() {
        for &b in LegalBasis::ALL {
            assert!(iri(Term::Basis(b)).is_some(), "{b:?}");
        }
        for &c in Condition::ALL {
            assert!(iri(Term::Condition(c)).is_some(), "{c:?}");
        }
        for &s in TransferSafeguard::ALL {
            assert!(iri(Term::TransferBasis(s)).is_some(), "{s:?}");
        }
        for &g in DerogationGround::ALL {
            assert!(iri(Term::Derogation(g)).is_some(), "{g:?}");
        }
        for &r in RightKind::ALL {
            assert!(iri(Term::Right(r)).is_some(), "{r:?}");
        }
    }

    #[test]
    fn rows_are_prefixed_names_in_the_dpv_namespaces() {
        for row in TABLE {
            let (prefix, local) = row.iri.split_once(':').expect("prefixed");
            assert!(["dpv", "eu-gdpr", "pd"].contains(&prefix), "{}", row.iri);
            assert!(
                local.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "{}",
                row.iri
            );
        }
        for (i, row) in TABLE.iter().enumerate() {
            assert!(
                !TABLE[..i].iter().any(|r| r.term == row.term),
                "{:?} mapped twice",
                row.term
            );
        }
    }

    #[test]
    fn a_purpose_is_a_process_with_its_bases_and_transfers() {
        let source = "notice \"N\" { languages nb, en }\ncontroller c \"C AS\" { country NO }\n\
            category health \"Helse\" en \"Health\" { special }\n\
            category misc \"Annet\"\n\
            subject customers \"Kunder\"\n\
            processor mailer \"Utsender\" {\n  country US\n  safeguard scc\n}\n\
            purpose a \"Nyhetsbrev\" {\n  basis consent\n  condition explicit_consent\n  data health, misc\n  subjects customers\n  processors mailer\n  retention 90 days\n}\n";
        let sections = crate::syntax::read(source);
        let (model, _) = crate::analyze(source, &sections, &crate::Settings::default());
        let doc: Value = serde_json::from_str(&to_json(&model)).unwrap();
        let graph = doc["@graph"].as_array().unwrap();
        let find = |id: &str| graph.iter().find(|n| n["@id"] == id).unwrap();
        let process = find("_:purpose-a");
        assert_eq!(process["@type"], "dpv:Process");
        assert_eq!(
            process["dpv:hasLegalBasis"],
            json!([{"@id": "eu-gdpr:A6-1-a"}, {"@id": "eu-gdpr:A9-2-a"}])
        );
        assert_eq!(
            process["dpv:hasStorageCondition"]["dpv:hasDuration"]["rdf:value"]["@value"],
            "P90D"
        );
        let transfer = &process["dpv:hasProcess"][0];
        assert_eq!(
            transfer["dpv:hasLegalBasis"],
            json!([{"@id": "eu-gdpr:A46-2-c"}])
        );
        assert_eq!(transfer["dpv:hasThirdCountry"], json!([{"@id": "loc:US"}]));
        assert_eq!(
            find("_:category-health")["@type"],
            json!(["pd:Health", "dpv:SpecialCategoryPersonalData"])
        );
        assert_eq!(
            find("_:category-health")["rdfs:label"],
            json!([{"@value": "Helse", "@language": "nb"}, {"@value": "Health", "@language": "en"}])
        );
        assert_eq!(find("_:category-misc")["@type"], "dpv:PersonalData");
        assert_eq!(find("_:subject-customers")["@type"], "dpv:Customer");
    }
}
