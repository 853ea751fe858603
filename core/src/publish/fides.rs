//! `privlint export --format fideslang`: the declaration as a Fides manifest (fideslang 3.1,
//! `ethyca/fideslang` `src/fideslang/models.py`): one `system` with a privacy declaration per
//! purpose, so that an organisation that keeps its data map in Fides can keep doing so while it
//! checks with privlint.
//!
//! Fides describes data by keys of its default taxonomy; privlint by the controller's own labels.
//! The tables below map one onto the other, and where nothing closer fits they give the most
//! general key (`user` for data). What a Fides system cannot hold — where each party is, its
//! agreement, sources, whether the person must provide the data — is listed in
//! [`FidesExport::lost`] rather than dropped silently. Every scalar is written as a YAML
//! double-quoted string, so no label can be read as a number, a boolean or a new key.

use crate::model::{Category, Model, Party, Purpose, Subject, Text};
use crate::vocab::{Channel, Condition, Cookie, LegalBasis, TransferSafeguard, Vocabulary};

/// The manifest and what it could not hold.
#[derive(Clone, Debug, PartialEq)]
pub struct FidesExport {
    pub yaml: String,
    /// One line per value the manifest has no place for: where it is, and what it is.
    pub lost: Vec<String>,
}

/// Data categories: words of a category's label (or of its `includes`, when the label has none
/// of them), in nb, nn and en, and the key of Fides' default taxonomy (fideslang 3.1.4,
/// `default_taxonomy/data_categories.py`; checked 2026-12-08). The first row whose word occurs
/// wins; a category no row fits is `user`, the most general key.
pub const DATA_CATEGORIES: &[(&[&str], &str)] = &[
    (
        &[
            "fødselsnummer",
            "personnummer",
            "d-nummer",
            "national identity",
            "national id",
        ],
        "user.government_id.national_identification_number",
    ),
    (&["pass", "passport"], "user.government_id.passport_number"),
    (
        &["førerkort", "driving licence", "driver's licence"],
        "user.government_id.drivers_license_number",
    ),
    (
        &["straff", "criminal", "lovbrot", "lovovertred"],
        "user.criminal_history",
    ),
    (
        &[
            "helse", "health", "journal", "medisin", "medical", "diagnose",
        ],
        "user.health_and_medical",
    ),
    (&["genetisk", "genetic"], "user.health_and_medical.genetic"),
    (
        &["biometri", "biometric", "fingeravtrykk", "fingerprint"],
        "user.biometric",
    ),
    (&["etnisk", "ethnic"], "user.demographic.race_ethnicity"),
    (
        &["politisk", "political"],
        "user.demographic.political_opinion",
    ),
    (&["religi", "livssyn"], "user.demographic.religious_belief"),
    (
        &["seksuell", "sexual"],
        "user.demographic.sexual_orientation",
    ),
    (
        &["kontonummer", "bankkonto", "bank account"],
        "user.financial.bank_account",
    ),
    (&["kort", "card"], "user.financial.credit_card"),
    (&["betaling", "payment"], "user.payment"),
    (
        &[
            "økonomi",
            "finans",
            "financial",
            "gjeld",
            "debt",
            "inntekt",
            "income",
            "kreditt",
            "credit",
            "lån",
            "loan",
        ],
        "user.financial",
    ),
    (
        &["e-post", "epost", "email", "e-mail"],
        "user.contact.email",
    ),
    (&["telefon", "phone", "mobil"], "user.contact.phone_number"),
    (&["adresse", "address"], "user.contact.address"),
    (&["kontakt", "contact"], "user.contact"),
    (
        &["fødselsdato", "date of birth", "alder", "age"],
        "user.demographic.date_of_birth",
    ),
    (&["kjønn", "gender"], "user.demographic.gender"),
    (&["ip-adresse", "ip address"], "user.device.ip_address"),
    (&["informasjonskapsel", "cookie"], "user.device.cookie"),
    (&["enhet", "eining", "device"], "user.device"),
    (
        &["lokasjon", "posisjon", "stad", "location"],
        "user.location",
    ),
    (
        &["kjøp", "ordre", "bestilling", "purchase", "order"],
        "user.behavior.purchase_history",
    ),
    (
        &["nettbruk", "nettlesing", "browsing", "web usage"],
        "user.behavior.browsing_history",
    ),
    (
        &[
            "bilde", "foto", "kamera", "video", "image", "photo", "camera",
        ],
        "user.content.self_image",
    ),
    (
        &["korrespondanse", "melding", "correspondence", "message"],
        "user.content.private",
    ),
    (&["stilling", "job title"], "user.job_title"),
    (&["arbeid", "jobb", "work", "employment"], "user.workplace"),
    (
        &["brukernavn", "username", "konto", "account"],
        "user.account",
    ),
    (&["passord", "password"], "user.authorization.password"),
    (&["navn", "namn", "name"], "user.name"),
    (
        &["identitet", "identity", "identifikasjon", "identification"],
        "user.unique_id",
    ),
];

/// Data subjects: words of a group's label (nb, nn, en) and the key of Fides' default taxonomy
/// (`default_taxonomy/data_subjects.py`, fideslang 3.1.4; checked 2026-12-08). The flags
/// `employee` and `customer` decide first. Fides has no general key for people: a group no
/// row fits is left out, and said so.
pub const DATA_SUBJECTS: &[(&[&str], &str)] = &[
    (&["pasient", "patient"], "patient"),
    (
        &["pårørende", "pårørande", "next of kin", "relative"],
        "next_of_kin",
    ),
    (
        &["jobbsøker", "søker til stilling", "søkjar", "applicant"],
        "job_applicant",
    ),
    (
        &["ansatt", "tilsett", "medarbeider", "employee", "staff"],
        "employee",
    ),
    (&["lærling", "trainee", "apprentice"], "trainee"),
    (&["potensielle kunder", "prospect"], "prospect"),
    (
        &[
            "kunde",
            "customer",
            "abonnent",
            "subscriber",
            "bruker",
            "brukar",
            "user",
        ],
        "customer",
    ),
    (&["leverandør", "supplier", "vendor"], "supplier_vendor"),
    (&["konsulent", "consultant"], "consultant"),
    (&["aksjonær", "shareholder"], "shareholder"),
    (&["besøk", "visitor"], "visitor"),
    (&["passasjer", "passenger"], "passenger"),
    (
        &[
            "velger",
            "veljar",
            "innbygger",
            "innbyggjar",
            "citizen",
            "voter",
        ],
        "citizen_voter",
    ),
];

/// The data use of a purpose (`default_taxonomy/data_uses.py`, fideslang 3.1.4; checked
/// 2026-12-08), decided by what the declaration says of it, in this order: direct marketing
/// (by its channel), marketing cookies, camera surveillance or monitoring, analytics cookies,
/// a purpose only about the controller's own staff, a legal obligation, a contract; else
/// `essential` ("operates the service or product"), the most general use.
fn data_use(model: &Model, purpose: &Purpose) -> &'static str {
    let channels: Vec<Channel> = purpose.marketing_channels.iter().map(|c| c.value).collect();
    let cookie = |kind: Cookie| purpose.cookies.iter().any(|c| c.value == kind);
    let subjects: Vec<&Subject> = purpose
        .subjects
        .iter()
        .filter_map(|r| model.subject(r))
        .collect();
    if purpose.direct_marketing.is_some() {
        match channels.as_slice() {
            [Channel::Email] => "marketing.communications.email",
            [Channel::Sms] => "marketing.communications.sms",
            _ => "marketing.communications",
        }
    } else if cookie(Cookie::Marketing) {
        "marketing.advertising"
    } else if purpose.monitors().is_some() {
        "essential.service.security"
    } else if cookie(Cookie::Analytics) {
        "analytics"
    } else if !subjects.is_empty() && subjects.iter().all(|s| s.employee.is_some()) {
        "employment"
    } else if purpose.bases.first().map(|b| b.kind) == Some(LegalBasis::LegalObligation) {
        "essential.legal_obligation"
    } else if purpose.bases.first().map(|b| b.kind) == Some(LegalBasis::Contract) {
        "essential.service"
    } else {
        "essential"
    }
}

/// Fides' `LegalBasisForProcessingEnum` (Art. 6(1)).
fn basis(kind: LegalBasis) -> &'static str {
    match kind {
        LegalBasis::Consent => "Consent",
        LegalBasis::Contract => "Contract",
        LegalBasis::LegalObligation => "Legal obligations",
        LegalBasis::VitalInterests => "Vital interests",
        LegalBasis::PublicTask => "Public interest",
        LegalBasis::LegitimateInterests => "Legitimate interests",
    }
}

/// Fides' `SpecialCategoryLegalBasisEnum` (Art. 9(2)); Art. 9(2)(h)'s neighbours and Art. 10's
/// conditions have none.
fn condition(kind: Condition) -> Option<&'static str> {
    Some(match kind {
        Condition::ExplicitConsent => "Explicit consent",
        Condition::Employment => "Employment, social security and social protection",
        Condition::VitalInterests => "Vital interests",
        Condition::NonprofitBody => "Not-for-profit bodies",
        Condition::MadePublic => "Made public by the data subject",
        Condition::LegalClaims => "Legal claims or judicial acts",
        Condition::SubstantialPublicInterest => {
            "Reasons of substantial public interest (with a basis in law)"
        }
        Condition::HealthCare => "Health or social care (with a basis in law)",
        Condition::PublicHealth => "Public health (with a basis in law)",
        Condition::ArchivingResearch => "Archiving, research and statistics (with a basis in law)",
        Condition::OfficialAuthority | Condition::AuthorisedByLaw => return None,
    })
}

/// Fides' `LegalBasisForTransfersEnum`: the EU–US Data Privacy Framework is an adequacy
/// decision (Art. 45); what the enum does not name is `Other`.
fn transfer_basis(kind: TransferSafeguard) -> &'static str {
    match kind {
        TransferSafeguard::Adequacy | TransferSafeguard::Dpf => "Adequacy Decision",
        TransferSafeguard::Scc => "SCCs",
        TransferSafeguard::Bcr => "BCRs",
        _ => "Other",
    }
}

/// The keys of the words table that `texts` name, the first text that names one deciding.
fn keys_of<'t>(
    table: &[(&[&str], &'static str)],
    texts: impl IntoIterator<Item = &'t Text>,
) -> Option<&'static str> {
    texts.into_iter().find_map(|text| {
        let all = std::iter::once(text.value.as_str())
            .chain(text.translations.iter().map(|t| t.text.value.as_str()));
        all.map(str::to_lowercase).find_map(|text| {
            table
                .iter()
                .find(|(words, _)| words.iter().any(|w| text.contains(w)))
                .map(|(_, key)| *key)
        })
    })
}

/// The Fides data category of a privlint category.
pub fn category_key(category: &Category) -> &'static str {
    if category.is_national_id() {
        return "user.government_id.national_identification_number";
    }
    if category.criminal.is_some() {
        return "user.criminal_history";
    }
    keys_of(DATA_CATEGORIES, category.label.iter())
        .or_else(|| keys_of(DATA_CATEGORIES, &category.includes))
        .unwrap_or("user")
}

/// The Fides data subject of a privlint group, if one fits.
pub fn subject_key(subject: &Subject) -> Option<&'static str> {
    if subject.employee.is_some() {
        return Some("employee");
    }
    if subject.customer.is_some() {
        return Some("customer");
    }
    keys_of(DATA_SUBJECTS, subject.label.iter())
}

/// A FidesKey (`^[a-zA-Z0-9_.<>-]+$`): the ID, any other character as `_`.
fn fides_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_.<>-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if key.is_empty() { "system".into() } else { key }
}

/// A YAML double-quoted scalar. Besides `"` and `\`, every character a YAML reader would fold,
/// drop or refuse (control characters, NEL, the Unicode line and paragraph separators, the
/// byte-order mark) is escaped.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the manifest, two spaces a level.
struct Yaml {
    out: String,
}

impl Yaml {
    fn line(&mut self, indent: usize, text: &str) {
        self.out.push_str(&"  ".repeat(indent));
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn string(&mut self, indent: usize, key: &str, value: &str) {
        self.line(indent, &format!("{key}: {}", quote(value)));
    }

    fn flag(&mut self, indent: usize, key: &str, value: bool) {
        self.line(indent, &format!("{key}: {value}"));
    }

    fn list(&mut self, indent: usize, key: &str, values: &[String]) {
        let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
        self.line(indent, &format!("{key}: [{}]", items.join(", ")));
    }
}

/// The declaration as a Fides manifest: one system, named by the controller.
pub fn export(model: &Model) -> FidesExport {
    let language = super::record::default_language([model]);
    let mut lost = Vec::new();
    let mut yaml = Yaml { out: String::new() };
    let controller = model.controller();
    let text = |t: &Text| t.value.clone();
    let label = |t: Option<&Text>| t.map(text).unwrap_or_default();
    yaml.line(0, "system:");
    let key = fides_key(controller.map_or("system", |c| c.id.name.as_str()));
    yaml.string(1, "- fides_key", &key);
    let indent = 2;
    if let Some(name) = controller.and_then(|c| c.name.as_ref()) {
        yaml.string(indent, "name", &name.value);
        yaml.string(indent, "legal_name", &name.value);
    }
    if let Some(title) = model.notice.as_ref().and_then(|n| n.title.as_ref()) {
        yaml.string(indent, "description", &title.value);
    }
    yaml.string(indent, "organization_fides_key", "default_organization");
    yaml.string(indent, "system_type", "Service");
    yaml.list(indent, "responsibility", &["Controller".to_string()]);
    yaml.flag(indent, "processes_personal_data", true);
    if let Some(address) = controller.and_then(|c| c.contact.address.as_ref()) {
        yaml.string(indent, "legal_address", &address.value);
    }
    if let Some(dpo) = model.dpos.first() {
        let parts: Vec<String> = std::iter::once(label(dpo.name.as_ref()))
            .chain(dpo.contact.values().map(str::to_string))
            .filter(|p| !p.is_empty())
            .collect();
        yaml.string(indent, "dpo", &parts.join(", "));
    }
    if let Some(url) = model.notice.as_ref().and_then(|n| n.url.as_ref())
        && super::notice::is_safe_url(&url.value)
    {
        yaml.string(indent, "privacy_policy", &url.value);
    }
    // Art. 30(1)(g): the controller's general description, then each purpose's measures.
    let security: Vec<String> = controller
        .and_then(|c| c.security.as_ref())
        .map(|s| s.value.clone())
        .into_iter()
        .chain(model.purposes.iter().filter_map(|p| {
            let s = p.security.as_ref()?;
            Some(format!("{}: {}", label(p.label.as_ref()), s.value))
        }))
        .collect();
    if !security.is_empty() {
        yaml.string(indent, "data_security_practices", &security.join("\n"));
    }
    // Joint controllers, each once, with the essence of the arrangement and contact details.
    let mut joint: Vec<&Party> = Vec::new();
    for purpose in &model.purposes {
        for party in purpose
            .joint_controllers
            .iter()
            .filter_map(|r| model.party(r))
        {
            if !joint.iter().any(|j| std::ptr::eq(*j, party)) {
                joint.push(party);
            }
        }
    }
    if !joint.is_empty() {
        let info: Vec<String> = joint
            .iter()
            .map(|p| {
                let mut parts = vec![label(p.label.as_ref())];
                parts.extend(p.arrangement.iter().map(text));
                parts.extend(p.contact.values().map(str::to_string));
                parts.join("; ")
            })
            .collect();
        yaml.string(indent, "joint_controller_info", &info.join("\n"));
    }
    // Transfers: Fides holds one list of bases for the whole system.
    let mut transfer_bases: Vec<String> = Vec::new();
    let mut transfers = false;
    for purpose in &model.purposes {
        for party in model.transfers(purpose) {
            transfers = true;
            for safeguard in &party.safeguards {
                let basis = transfer_basis(safeguard.kind).to_string();
                if !transfer_bases.contains(&basis) {
                    transfer_bases.push(basis);
                }
            }
        }
    }
    yaml.flag(indent, "does_international_transfers", transfers);
    if !transfer_bases.is_empty() {
        yaml.list(indent, "legal_basis_for_transfers", &transfer_bases);
    }
    let dpias: Vec<String> = model
        .purposes
        .iter()
        .filter_map(|p| p.dpia.as_ref().map(|d| d.value.clone()))
        .collect();
    yaml.flag(
        indent,
        "requires_data_protection_assessments",
        !dpias.is_empty(),
    );
    if !dpias.is_empty() {
        yaml.string(indent, "dpa_location", &dpias.join("; "));
    }
    yaml.flag(
        indent,
        "uses_profiling",
        model.purposes.iter().any(|p| p.profiling.is_some()),
    );
    yaml.line(indent, "privacy_declarations:");
    for purpose in &model.purposes {
        let at = format!("purpose `{}`", purpose.id.name);
        yaml.string(indent + 1, "- name", &label(purpose.label.as_ref()));
        let inner = indent + 2;
        yaml.string(inner, "data_use", data_use(model, purpose));
        let mut categories: Vec<String> = Vec::new();
        for category in purpose.data.iter().filter_map(|r| model.category(r)) {
            let key = category_key(category).to_string();
            if !categories.contains(&key) {
                categories.push(key);
            }
        }
        if categories.is_empty() {
            categories.push("user".into());
        }
        yaml.list(inner, "data_categories", &categories);
        let mut subjects: Vec<String> = Vec::new();
        for subject in purpose.subjects.iter().filter_map(|r| model.subject(r)) {
            match subject_key(subject) {
                Some(key) if !subjects.iter().any(|s| s == key) => subjects.push(key.into()),
                Some(_) => {}
                None => lost.push(format!(
                    "{at}: the data subjects `{}` fit no Fides data subject, and are left out",
                    subject.id.name
                )),
            }
        }
        yaml.list(inner, "data_subjects", &subjects);
        if let Some(first) = purpose.bases.first() {
            yaml.string(inner, "legal_basis_for_processing", basis(first.kind));
            yaml.flag(inner, "flexible_legal_basis_for_processing", false);
        }
        for other in purpose.bases.iter().skip(1) {
            lost.push(format!(
                "{at}: Fides holds one legal basis per declaration; `{}` ({}) is left out",
                other.kind.word(),
                other.kind.article()
            ));
        }
        let special = purpose
            .data
            .iter()
            .filter_map(|r| model.category(r))
            .any(|c| c.special.is_some());
        yaml.flag(inner, "processes_special_category_data", special);
        let mut conditions = purpose.conditions.iter();
        if let Some(first) = conditions.next() {
            match condition(first.kind) {
                Some(value) => yaml.string(inner, "special_category_legal_basis", value),
                None => lost.push(format!(
                    "{at}: Fides has no value for the condition `{}` ({})",
                    first.kind.word(),
                    first.kind.article()
                )),
            }
        }
        for other in conditions {
            lost.push(format!(
                "{at}: Fides holds one Art. 9 condition per declaration; `{}` ({}) is left out",
                other.kind.word(),
                other.kind.article()
            ));
        }
        if let Some(retention) = &purpose.retention {
            yaml.string(
                inner,
                "retention_period",
                &super::record::retention(model, &retention.period, language),
            );
        }
        if let Some(dpia) = &purpose.dpia {
            yaml.string(inner, "impact_assessment_location", &dpia.value);
        }
        let third: Vec<String> = purpose
            .recipients
            .iter()
            .chain(&purpose.joint_controllers)
            .filter_map(|r| model.party(r))
            .map(|p| label(p.label.as_ref()))
            .collect();
        yaml.flag(inner, "data_shared_with_third_parties", !third.is_empty());
        if !third.is_empty() {
            yaml.string(inner, "third_parties", &third.join("; "));
        }
        // What a privacy declaration has no field for.
        for party in purpose.party_references().filter_map(|r| model.party(r)) {
            let name = &party.id.name;
            if let Some(countries) = &party.country {
                let codes: Vec<&str> = countries.values.iter().map(|v| v.code.as_str()).collect();
                lost.push(format!(
                    "{at}: where `{name}` is ({}): Fides records transfers per system, not per party",
                    codes.join(", ")
                ));
            }
            if let Some(agreement) = &party.agreement {
                lost.push(format!(
                    "{at}: the agreement with `{name}` ({}, Art. 28(3))",
                    agreement.value
                ));
            }
            for safeguard in party.safeguards.iter().filter(|s| s.detail.is_some()) {
                lost.push(format!(
                    "{at}: the reason given for `{name}`'s safeguard `{}` ({})",
                    safeguard.kind.word(),
                    safeguard.kind.article()
                ));
            }
        }
        for source in purpose.sources.iter().filter_map(|r| model.source(r)) {
            lost.push(format!(
                "{at}: the source `{}` (Art. 14(2)(f)): Fides has no sources",
                source.id.name
            ));
        }
        if let Some(provision) = &purpose.provision {
            lost.push(format!(
                "{at}: whether the person must provide the data (`provision {}`, Art. 13(2)(e))",
                provision.kind.word()
            ));
        }
    }
    if model.purposes.is_empty() {
        lost.push("the declaration has no purpose: the system has no privacy declaration".into());
    }
    FidesExport {
        yaml: yaml.out,
        lost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export_of(source: &str) -> FidesExport {
        let sections = crate::syntax::read(source);
        let (model, _) = crate::analyze(source, &sections, &crate::Settings::default());
        export(&model)
    }

    #[test]
    fn scalars_are_quoted_so_yaml_reads_them_as_text() {
        assert_eq!(quote("yes"), "\"yes\"");
        assert_eq!(quote("a \"b\"\\\nc"), "\"a \\\"b\\\"\\\\\\nc\"");
        assert_eq!(quote("x\u{2028}y\u{85}"), "\"x\\u2028y\\u0085\"");
        assert_eq!(fides_key("nyhetsbrev_2"), "nyhetsbrev_2");
        assert_eq!(fides_key("bærum"), "b_rum");
    }

    #[test]
    fn labels_map_to_the_closest_key_else_the_most_general() {
        let out = export_of(
            "controller c \"C AS\" {\n  country NO\n  security \"Kryptert lagring\"\n}\n\
             category contact \"Kontaktopplysninger\"\ncategory odd \"Annet\"\ncategory nid \"Fødselsnummer\"\n\
             subject kunder \"Kunder\"\nsubject martians \"Marsboere\"\n\
             processor mail \"Utsender\" {\n  country US\n  safeguard scc\n  agreement \"DBA-1\"\n}\n\
             source reg \"Registeret\" { public }\n\
             purpose news \"Nyhetsbrev\" {\n  basis consent\n  basis legitimate_interests\n  direct_marketing email\n  data contact, odd, nid\n  subjects kunder, martians\n  processors mail\n  sources reg\n}\n",
        );
        let yaml = &out.yaml;
        assert!(
            yaml.contains("data_use: \"marketing.communications.email\""),
            "{yaml}"
        );
        assert!(
            yaml.contains("data_categories: [\"user.contact\", \"user\", \"user.government_id.national_identification_number\"]"),
            "{yaml}"
        );
        assert!(yaml.contains("data_subjects: [\"customer\"]"), "{yaml}");
        assert!(
            yaml.contains("legal_basis_for_transfers: [\"SCCs\"]"),
            "{yaml}"
        );
        assert!(
            yaml.contains("data_security_practices: \"Kryptert lagring\""),
            "{yaml}"
        );
        let lost = out.lost.join("\n");
        for said in [
            "`martians`",
            "`legitimate_interests`",
            "where `mail` is (US)",
            "DBA-1",
            "`reg`",
        ] {
            assert!(lost.contains(said), "{said} in {lost}");
        }
    }
}
