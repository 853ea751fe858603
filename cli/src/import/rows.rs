//! From the rows of a record to a draft declaration: each cell read by what its column holds;
//! what does not map is kept as a comment where it belongs and reported.

use privlint_core::publish::Language;
use privlint_core::publish::record::{COUNTRY_NOT_NAMED, article, restore_formula};
use privlint_core::vocab::{
    Condition, DerogationGround, LegalBasis, TransferSafeguard, Vocabulary, country_code_by_name,
};

use super::Loss;
use super::columns::{Field, TableFormat};
use super::draft::{Draft, PartyKind, Purpose, Retention};
use super::table::Table;

/// How cells hold lists: privlint's record one value a line; Behandlingsoversikt ` | ` (and
/// ` :: ` between groups of categories).
pub struct Reader {
    pub format: TableFormat,
    /// The language of privlint's own record, whose fixed words are read back.
    pub language: Option<Language>,
    pub draft: Draft,
    pub losses: Vec<Loss>,
}

impl Reader {
    pub fn read(&mut self, table: &Table, fields: &[Option<Field>]) {
        for (i, row) in table.rows.iter().enumerate() {
            let row_number = table.first_row + 1 + i;
            let mut purpose = Purpose::default();
            let mut cells: Vec<(usize, Field, String)> = Vec::new();
            for (col, raw) in row.iter().enumerate() {
                let value = self.clean(raw);
                if value.is_empty() {
                    continue;
                }
                let header = table.headers.get(col).cloned().unwrap_or_default();
                match fields.get(col).copied().flatten() {
                    Some(field) => cells.push((col, field, value)),
                    None => self.lose(
                        &mut purpose,
                        row_number,
                        &header,
                        &value,
                        "column not recognised",
                    ),
                }
            }
            // References follow the values they qualify, whatever the column order.
            cells.sort_by_key(|(_, field, _)| is_reference(*field));
            for (col, field, value) in cells {
                let header = table.headers[col].clone();
                let cell = Cell {
                    row: row_number,
                    header: &header,
                    value: &value,
                };
                self.cell(&mut purpose, field, cell);
            }
            if !purpose.label.is_empty() || purpose.id.is_some() || !purpose.comments.is_empty() {
                self.draft.purposes.push(purpose);
            }
        }
    }

    /// A cell's value as the record meant it: trimmed, `-` and `N/A` as empty, and privlint's CSV
    /// formula guard removed wherever it put one.
    fn clean(&self, raw: &str) -> String {
        let value = raw.trim_matches([' ', '\u{a0}']);
        // Behandlingsoversikt writes "-" for a missing value, Fides' data map "N/A".
        if value == "-" || value.eq_ignore_ascii_case("n/a") {
            return String::new();
        }
        restore_formula(value).into_owned()
    }

    fn items<'v>(&self, value: &'v str) -> Vec<&'v str> {
        let items: Vec<&str> = match self.format {
            TableFormat::Behandlingsoversikt => {
                value.split(" :: ").flat_map(|g| g.split(" | ")).collect()
            }
            TableFormat::Record => value.lines().collect(),
        };
        items
            .into_iter()
            .map(str::trim)
            .filter(|v| !v.is_empty() && *v != "-")
            .collect()
    }

    fn lose(&mut self, purpose: &mut Purpose, row: usize, header: &str, value: &str, reason: &str) {
        purpose.comments.push(format!("{header:?}: {value}"));
        self.losses.push(Loss {
            row,
            column: header.to_string(),
            value: value.to_string(),
            reason: reason.to_string(),
        });
    }

    fn cell(&mut self, purpose: &mut Purpose, field: Field, cell: Cell) {
        let Cell { row, header, value } = cell;
        let lose = |this: &mut Self, purpose: &mut Purpose, v: &str, reason: &str| {
            this.lose(purpose, row, header, v, reason)
        };
        let c = &mut self.draft.controller;
        match field {
            Field::Controller => {
                if c.name.is_empty() {
                    c.name = value.to_string();
                } else if c.name != value {
                    lose(
                        self,
                        purpose,
                        value,
                        "a second controller: one declaration has one",
                    );
                }
            }
            Field::OrgNumber => set_once(&mut c.org_number, value),
            Field::ControllerContact => {
                if c.contact == Default::default() {
                    let mut extra = Vec::new();
                    for line in value.lines() {
                        c.contact.add_line(line, &mut extra);
                    }
                    c.comments.extend(extra);
                }
            }
            Field::ControllerAddress => set_once(&mut c.contact.address, value),
            Field::ControllerEmail => set_once(&mut c.contact.email, value),
            Field::ControllerPhone => set_once(&mut c.contact.phone, value),
            Field::Representative | Field::Dpo => {
                let slot = if field == Field::Dpo {
                    &mut self.draft.dpo
                } else {
                    &mut self.draft.representative
                };
                if slot.as_ref().is_some_and(|p| !p.name.is_empty()) {
                    return;
                }
                let person = slot.get_or_insert_with(Default::default);
                let mut lines = value.lines();
                let (name, countries) = split_countries(lines.next().unwrap_or_default());
                person.name = name.to_string();
                person.countries = countries;
                let mut extra = Vec::new();
                for line in lines {
                    person.contact.add_line(line, &mut extra);
                }
                person.comments.extend(extra);
            }
            Field::RepresentativeAddress
            | Field::RepresentativeEmail
            | Field::RepresentativePhone => {
                let person = self
                    .draft
                    .representative
                    .get_or_insert_with(Default::default);
                contact_field(&mut person.contact, field, value);
            }
            Field::DpoAddress | Field::DpoEmail | Field::DpoPhone => {
                let person = self.draft.dpo.get_or_insert_with(Default::default);
                contact_field(&mut person.contact, field, value);
            }
            Field::Id => purpose.id = Some(value.to_string()),
            Field::Purpose => purpose.label = value.to_string(),
            Field::LegalBasis => {
                for item in self.items(value) {
                    match parse_basis(item, self.language) {
                        Some(basis) => purpose.bases.push(basis),
                        None => lose(self, purpose, item, "not a legal basis of Art. 6(1)"),
                    }
                }
            }
            Field::BasisReference => {
                // One reference per basis, in order (Behandlingsoversikt writes " " for none).
                for (i, reference) in value.split('|').enumerate() {
                    let reference = reference.trim();
                    if reference.is_empty() {
                        continue;
                    }
                    match purpose.bases.get_mut(i) {
                        Some((_, detail @ None)) => *detail = Some(reference.to_string()),
                        _ => lose(
                            self,
                            purpose,
                            reference,
                            "no basis to attach the reference to",
                        ),
                    }
                }
            }
            Field::Condition => {
                for item in self.items(value) {
                    match parse_condition(item, self.language) {
                        Some(condition) => purpose.conditions.push(condition),
                        None => lose(
                            self,
                            purpose,
                            item,
                            "not a condition of Art. 9(2) or Art. 10",
                        ),
                    }
                }
            }
            Field::Article9(letter) => {
                if is_yes(value) {
                    let article = format!("Art. 9(2)({letter})");
                    if let Some(c) = Condition::ALL.iter().find(|c| c.article() == article) {
                        purpose.conditions.push((c.word(), None));
                    }
                } else if !is_no(value) {
                    lose(self, purpose, value, "expected Ja or Nei");
                }
            }
            Field::Article9Reference(letter) => {
                let article = format!("Art. 9(2)({letter})");
                let word = Condition::ALL
                    .iter()
                    .find(|c| c.article() == article)
                    .map(|c| c.word());
                match purpose
                    .conditions
                    .iter_mut()
                    .find(|(w, _)| Some(*w) == word)
                {
                    Some((_, detail @ None)) => *detail = Some(value.to_string()),
                    _ => lose(
                        self,
                        purpose,
                        value,
                        "a reference for a condition not ticked",
                    ),
                }
            }
            Field::ConditionReference => {
                match purpose.conditions.iter_mut().find(|(_, d)| d.is_none()) {
                    Some((_, detail)) => *detail = Some(value.to_string()),
                    None => lose(
                        self,
                        purpose,
                        value,
                        "no Art. 9 condition to attach the reference to",
                    ),
                }
            }
            Field::Article10Flag => {
                if is_yes(value) {
                    purpose
                        .conditions
                        .push((Condition::AuthorisedByLaw.word(), None));
                } else if !is_no(value) {
                    lose(self, purpose, value, "expected Ja or Nei");
                }
            }
            Field::Article10Reference => {
                let word = Condition::AuthorisedByLaw.word();
                match purpose.conditions.iter_mut().find(|(w, _)| *w == word) {
                    Some((_, detail @ None)) => *detail = Some(value.to_string()),
                    _ => lose(self, purpose, value, "Art. 10 is not marked as applying"),
                }
            }
            Field::Article9Flag
            | Field::JointControllerFlag
            | Field::RepresentativeFlag
            | Field::DpiaFlag => {
                // Yes or no: the columns beside it say what. Anything else is kept.
                if !is_yes(value) && !is_no(value) {
                    lose(self, purpose, value, "expected yes or no");
                }
            }
            Field::Subjects => {
                for item in self.items(value) {
                    let s = self.draft.subject(item);
                    push_unique(&mut purpose.subjects, s);
                }
            }
            Field::Data => {
                for item in self.items(value) {
                    self.data(purpose, item);
                }
            }
            Field::Sources => {
                for item in self.items(value) {
                    let (rest, public) = strip_suffix_any(item, PUBLIC);
                    let (label, countries) = split_countries(rest);
                    let s = self.draft.source(label);
                    let source = &mut self.draft.sources[s];
                    source.public |= public;
                    if source.countries.is_empty() {
                        source.countries = countries;
                    }
                    push_unique(&mut purpose.sources, s);
                }
            }
            Field::Recipients | Field::Processors | Field::JointControllers => {
                let kind = match field {
                    Field::Recipients => PartyKind::Recipient,
                    Field::Processors => PartyKind::Processor,
                    _ => PartyKind::JointController,
                };
                for item in self.items(value) {
                    self.party(purpose, kind, item);
                }
            }
            Field::JointArrangement => {
                let joint = purpose
                    .parties
                    .iter()
                    .copied()
                    .find(|&p| self.draft.parties[p].kind == PartyKind::JointController);
                match joint {
                    Some(p) if self.draft.parties[p].arrangement.is_none() => {
                        self.draft.parties[p].arrangement = Some(value.to_string())
                    }
                    _ => lose(self, purpose, value, "no joint controller to attach it to"),
                }
            }
            Field::ProcessorAgreements => {
                let processors: Vec<usize> = purpose
                    .parties
                    .iter()
                    .copied()
                    .filter(|&p| self.draft.parties[p].kind == PartyKind::Processor)
                    .collect();
                for (i, agreement) in value.split('|').enumerate() {
                    let agreement = agreement.trim();
                    if agreement.is_empty() {
                        continue;
                    }
                    match processors.get(i) {
                        Some(&p) if self.draft.parties[p].agreement.is_none() => {
                            self.draft.parties[p].agreement = Some(agreement.to_string())
                        }
                        _ => lose(
                            self,
                            purpose,
                            agreement,
                            "no processor to attach the agreement to",
                        ),
                    }
                }
            }
            Field::Transfers if self.format == TableFormat::Behandlingsoversikt => {
                if !is_no(value) {
                    lose(
                        self,
                        purpose,
                        value,
                        "third countries named without the recipient or processor they go to: give that party its `country` and `safeguard`",
                    );
                }
            }
            Field::Transfers => {
                for item in self.items(value) {
                    if !self.transfer(purpose, item) {
                        lose(
                            self,
                            purpose,
                            item,
                            "a transfer privlint cannot attach to a recipient or processor with its country",
                        );
                    }
                }
            }
            Field::Retention => match parse_retention(value) {
                Some(retention) if purpose.retention.is_none() => {
                    purpose.retention = Some(retention)
                }
                _ => lose(
                    self,
                    purpose,
                    value,
                    "not a retention privlint can read (a period, until, indefinitely)",
                ),
            },
            Field::Dpia => set_once(&mut purpose.dpia, value),
            Field::Description => set_once(&mut purpose.description, value),
            Field::Security => set_once(&mut purpose.security, value),
            Field::Identification => set_once(&mut purpose.identification, value),
            Field::Consultation => set_once(&mut purpose.consultation, value),
            Field::ControllerSecurity => set_once(&mut c.security, value),
            Field::Derived => {}
            Field::RecordDate => {
                if privlint_core::lower::valid_date(value) && self.draft.updated.is_none() {
                    self.draft.updated = Some(value.to_string());
                }
            }
            // The controller's name stands here when there is no notice; the controller column
            // comes first in the record, so its name is known by now.
            Field::Declaration => {
                if value != c.name && self.draft.notice.is_none() {
                    let language = self.language.unwrap_or(Language::Nb).tag();
                    self.draft.notice = Some((value.to_string(), language));
                }
            }
            Field::Comment(what) => {
                self.lose(
                    purpose,
                    row,
                    header,
                    value,
                    &format!("no field in the declaration for {what}"),
                );
            }
        }
    }

    /// `Helseopplysninger – særlig kategori (art. 9): diagnose, journal`.
    fn data(&mut self, purpose: &mut Purpose, item: &str) {
        let (mut rest, mut includes) = (item, Vec::new());
        let mut special = false;
        let mut criminal = false;
        if self.format == TableFormat::Record {
            if let Some((head, list)) = item.split_once(": ") {
                rest = head;
                includes = list.split(", ").map(str::to_string).collect();
            }
            let (r, c) = strip_suffix_any(rest, CRIMINAL);
            let (r, s) = strip_suffix_any(r, SPECIAL);
            (rest, special, criminal) = (r, s, c);
        }
        let i = self.draft.category(rest);
        let category = &mut self.draft.categories[i];
        category.special |= special;
        category.criminal |= criminal;
        for include in includes {
            if !category.includes.contains(&include) {
                category.includes.push(include);
            }
        }
        push_unique(&mut purpose.data, i);
    }

    /// `Posten Bring AS (NO)`, `Skylagring – databehandleravtale: DBA-1`, `Helse Fjord (NO): …`.
    fn party(&mut self, purpose: &mut Purpose, kind: PartyKind, item: &str) {
        let (mut head, mut agreement, mut arrangement) = (item, None, None);
        if kind == PartyKind::Processor
            && let Some((h, a)) = item.rsplit_once(" – ")
        {
            head = h;
            agreement = Some(match a.split_once(": ") {
                Some((word, reference)) if AGREEMENT.contains(&word) => reference,
                _ => a,
            });
        }
        if kind == PartyKind::JointController
            && let Some((h, a)) = item.split_once(": ")
        {
            head = h;
            arrangement = Some(a);
        }
        let (label, countries) = split_countries(head);
        let p = self.draft.party(kind, label);
        let party = &mut self.draft.parties[p];
        if party.countries.is_empty() {
            party.countries = countries;
        }
        if party.agreement.is_none() {
            party.agreement = agreement.map(str::to_string);
        }
        if party.arrangement.is_none() {
            party.arrangement = arrangement.map(str::to_string);
        }
        push_unique(&mut purpose.parties, p);
    }

    /// `E-postleverandør: US – EU–US Data Privacy Framework (art. 45)`: the safeguards go to the
    /// party of the purpose with that label. False when there is none.
    fn transfer(&mut self, purpose: &mut Purpose, item: &str) -> bool {
        let Some((label, rest)) = item.split_once(": ") else {
            return false;
        };
        let Some(&p) = purpose
            .parties
            .iter()
            .find(|&&p| self.draft.parties[p].label == label)
        else {
            return false;
        };
        // privlint's record says of `outside_eea` that the country is not named, with a dash of
        // its own: that is part of the place, not the start of the safeguards.
        let rest = COUNTRY_NOT_NAMED
            .iter()
            .fold(rest.to_string(), |rest, said| {
                let outside = said.split(" – ").next().unwrap_or(said);
                rest.replace(said, outside)
            });
        let safeguards = match rest.split_once(" – ") {
            Some((_, safeguards)) => safeguards,
            None => return true,
        };
        let mut parsed = Vec::new();
        for safeguard in safeguards.split("; ") {
            match parse_safeguard(safeguard, self.language) {
                Some(s) => parsed.push(s),
                None => return false,
            }
        }
        let party = &mut self.draft.parties[p];
        for s in parsed {
            if !party.safeguards.contains(&s) {
                party.safeguards.push(s);
            }
        }
        true
    }
}

struct Cell<'a> {
    row: usize,
    header: &'a str,
    value: &'a str,
}

fn is_reference(field: Field) -> bool {
    matches!(
        field,
        Field::BasisReference
            | Field::ConditionReference
            | Field::Article9Reference(_)
            | Field::Article10Reference
            | Field::JointArrangement
            | Field::ProcessorAgreements
            | Field::Transfers
    )
}

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = Some(value.to_string());
    }
}

fn push_unique(list: &mut Vec<usize>, i: usize) {
    if !list.contains(&i) {
        list.push(i);
    }
}

fn contact_field(contact: &mut super::draft::Contact, field: Field, value: &str) {
    let slot = match field {
        Field::RepresentativeAddress | Field::DpoAddress => &mut contact.address,
        Field::RepresentativeEmail | Field::DpoEmail => &mut contact.email,
        _ => &mut contact.phone,
    };
    set_once(slot, value);
}

fn is_yes(value: &str) -> bool {
    ["ja", "yes", "true", "x"].contains(&value.trim().to_lowercase().as_str())
}

fn is_no(value: &str) -> bool {
    ["nei", "no", "false", "n/a"].contains(&value.trim().to_lowercase().as_str())
}

const SPECIAL: &[&str] = &[
    " – særlig kategori (art. 9)",
    " – særleg kategori (art. 9)",
    " – special category (Art. 9)",
];
const CRIMINAL: &[&str] = &[
    " – straffedommer og lovovertredelser (art. 10)",
    " – straffedommar og lovbrot (art. 10)",
    " – criminal convictions and offences (Art. 10)",
];
const PUBLIC: &[&str] = &[
    " – offentlig tilgjengelig",
    " – offentleg tilgjengeleg",
    " – publicly accessible",
];
const AGREEMENT: &[&str] = &["databehandleravtale", "databehandlaravtale", "agreement"];

fn strip_suffix_any<'v>(value: &'v str, suffixes: &[&str]) -> (&'v str, bool) {
    for suffix in suffixes {
        if let Some(rest) = value.strip_suffix(suffix) {
            return (rest, true);
        }
    }
    (value, false)
}

/// `Posten Bring AS (NO, SE)` → the label and the codes, when every name in the brackets is a
/// country (a code, a name in nb/nn/en, or "utenfor EØS"/"EØS"); otherwise the whole is the
/// label (`Google (Search Console)`).
fn split_countries(value: &str) -> (&str, Vec<String>) {
    let value = value.trim();
    let Some(open) = value.rfind(" (") else {
        return (value, Vec::new());
    };
    let Some(inner) = value[open + 2..].strip_suffix(')') else {
        return (value, Vec::new());
    };
    let codes: Option<Vec<String>> = inner.split(", ").map(country).collect();
    match codes {
        Some(codes) if !codes.is_empty() => (&value[..open], codes),
        _ => (value, Vec::new()),
    }
}

/// A country as the declaration writes it: an ISO code, `outside_eea` or `eea`.
pub fn country(name: &str) -> Option<String> {
    let folded = name.trim().to_lowercase();
    match folded.as_str() {
        "utenfor eøs" | "utanfor eøs" | "outside the eea" => Some("outside_eea".into()),
        "eøs" | "eea" => Some("eea".into()),
        _ => country_code_by_name(name).map(str::to_string),
    }
}

/// `Samtykke (art. 6 nr. 1 bokstav a)`, `Rettslig forpliktelse (Art. 6(1)(c)): lov § 1`,
/// `6.1.c` (Behandlingsoversikt), or the word itself (`consent`).
fn parse_basis(item: &str, language: Option<Language>) -> Option<(&'static str, Option<String>)> {
    if let Some(letter) = item.trim().strip_prefix("6.1.") {
        let article = format!("Art. 6(1)({letter})");
        return LegalBasis::ALL
            .iter()
            .find(|b| b.article() == article)
            .map(|b| (b.word(), None));
    }
    let (name, found, detail) = by_article(
        item,
        language,
        LegalBasis::ALL.iter().map(|b| (b.word(), b.article())),
    )?;
    let _ = name;
    Some((found, detail))
}

fn parse_condition(
    item: &str,
    language: Option<Language>,
) -> Option<(&'static str, Option<String>)> {
    if let Some(letter) = item.trim().strip_prefix("9.2.") {
        let article = format!("Art. 9(2)({letter})");
        return Condition::ALL
            .iter()
            .find(|c| c.article() == article)
            .map(|c| (c.word(), None));
    }
    let (name, word, detail) = by_article(
        item,
        language,
        Condition::ALL.iter().map(|c| (c.word(), c.article())),
    )?;
    // Both Art. 10 conditions cite "Art. 10": the name says which.
    let word = if word == Condition::OfficialAuthority.word()
        || word == Condition::AuthorisedByLaw.word()
    {
        let name = name.to_lowercase();
        if ["kontroll", "control"].iter().any(|w| name.contains(w)) {
            Condition::OfficialAuthority.word()
        } else {
            Condition::AuthorisedByLaw.word()
        }
    } else {
        word
    };
    Some((word, detail))
}

/// `Name (ARTICLE): detail` where ARTICLE is one of the words' articles in the record's
/// language (or any language when it is not known), or the word itself.
fn by_article(
    item: &str,
    language: Option<Language>,
    words: impl Iterator<Item = (&'static str, &'static str)> + Clone,
) -> Option<(&str, &'static str, Option<String>)> {
    let item = item.trim();
    if let Some((word, _)) = words.clone().find(|(w, _)| *w == item) {
        return Some((item, word, None));
    }
    let languages = match language {
        Some(l) => vec![l],
        None => vec![Language::Nb, Language::Nn, Language::English],
    };
    for l in languages {
        for (word, art) in words.clone() {
            let cited = format!(" ({})", article(l, art));
            if let Some(at) = item.find(&cited) {
                let rest = &item[at + cited.len()..];
                let detail = match rest.strip_prefix(": ") {
                    Some(d) => Some(d.to_string()),
                    None if rest.is_empty() => None,
                    None => continue,
                };
                return Some((&item[..at], word, detail));
            }
        }
    }
    None
}

/// A safeguard as written after `safeguard`: `scc`, `dpf`, `derogation contract "reason"`.
fn parse_safeguard(item: &str, language: Option<Language>) -> Option<String> {
    let (name, rest) = match item.split_once(": ") {
        Some((n, r)) if n.ends_with(')') => (n, Some(r)),
        _ => (item, None),
    };
    if name.starts_with("EU–US Data Privacy Framework") {
        return Some(TransferSafeguard::Dpf.word().to_string());
    }
    let grounds = DerogationGround::ALL
        .iter()
        .map(|g| (g.word(), g.article()));
    if let Some((_, ground, None)) = by_article(name, language, grounds) {
        let reason = rest
            .map(|r| format!(" {}", super::draft::q(r)))
            .unwrap_or_default();
        return Some(format!("derogation {ground}{reason}"));
    }
    let safeguards = TransferSafeguard::ALL
        .iter()
        .filter(|s| **s != TransferSafeguard::Dpf)
        .map(|s| (s.word(), s.article()));
    let (_, word, None) = by_article(name, language, safeguards)? else {
        return None;
    };
    Some(match rest {
        Some(r) if word == TransferSafeguard::Derogation.word() => {
            format!("{word} {}", super::draft::q(r))
        }
        Some(_) => return None,
        None => word.to_string(),
    })
}

/// `3 år etter siste kjøp`, `5 years`, `Til du melder deg av`, `Uten tidsbegrensning: arkivlova`.
pub fn parse_retention(value: &str) -> Option<Retention> {
    let value = value.trim();
    let lower = value.to_lowercase();
    for word in [
        "uten tidsbegrensning",
        "utan tidsavgrensing",
        "indefinitely",
    ] {
        if lower.starts_with(word) {
            let rest = value[word.len()..].trim_start();
            return match rest.strip_prefix(':') {
                Some(reason) => Some(Retention::Indefinite(Some(reason.trim().to_string()))),
                None if rest.is_empty() => Some(Retention::Indefinite(None)),
                None => None,
            };
        }
    }
    for word in ["til ", "until "] {
        if lower.starts_with(word) {
            let event = value[word.len()..].trim();
            return (!event.is_empty()).then(|| Retention::Until(event.to_string()));
        }
    }
    let (number, rest) = value.split_once(' ')?;
    let amount: u32 = number.parse().ok()?;
    let (unit_word, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    let unit = match unit_word.to_lowercase().as_str() {
        "dag" | "dager" | "dagar" | "day" | "days" => {
            if amount == 1 {
                "day"
            } else {
                "days"
            }
        }
        "uke" | "uker" | "veke" | "veker" | "week" | "weeks" => {
            if amount == 1 {
                "week"
            } else {
                "weeks"
            }
        }
        "måned" | "måneder" | "månad" | "månader" | "month" | "months" => {
            if amount == 1 {
                "month"
            } else {
                "months"
            }
        }
        "år" | "year" | "years" => {
            if amount == 1 {
                "year"
            } else {
                "years"
            }
        }
        _ => return None,
    };
    if rest.is_empty() {
        return Some(Retention::Period(amount, unit, None));
    }
    let (after, event) = rest.split_once(' ')?;
    if !["etter", "after"].contains(&after.to_lowercase().as_str()) || event.trim().is_empty() {
        return None;
    }
    Some(Retention::Period(
        amount,
        unit,
        Some(event.trim().to_string()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_from_codes_articles_and_words() {
        assert_eq!(parse_basis("6.1.c", None), Some(("legal_obligation", None)));
        assert_eq!(
            parse_basis(
                "Rettslig forpliktelse (art. 6 nr. 1 bokstav c): bokføringsloven § 13",
                Some(Language::Nb)
            ),
            Some(("legal_obligation", Some("bokføringsloven § 13".into())))
        );
        assert_eq!(
            parse_basis("Consent (Art. 6(1)(a))", None),
            Some(("consent", None))
        );
        assert_eq!(parse_basis("6.1.g", None), None);
        assert_eq!(parse_condition("9.2.h", None), Some(("health_care", None)));
    }

    #[test]
    fn retention_in_each_language() {
        assert_eq!(
            parse_retention("3 år etter siste kjøp"),
            Some(Retention::Period(3, "years", Some("siste kjøp".into())))
        );
        assert_eq!(
            parse_retention("1 month"),
            Some(Retention::Period(1, "month", None))
        );
        assert_eq!(
            parse_retention("Til du melder deg av"),
            Some(Retention::Until("du melder deg av".into()))
        );
        assert_eq!(
            parse_retention("Utan tidsavgrensing: arkivlova"),
            Some(Retention::Indefinite(Some("arkivlova".into())))
        );
        assert_eq!(parse_retention("Slettes etter behov"), None);
    }

    #[test]
    fn countries_in_brackets_only_when_they_are_countries() {
        assert_eq!(
            split_countries("Posten Bring AS (NO, Sverige)"),
            ("Posten Bring AS", vec!["NO".to_string(), "SE".to_string()])
        );
        assert_eq!(
            split_countries("Google (Search Console)"),
            ("Google (Search Console)", vec![])
        );
        assert_eq!(
            split_countries("Leverandør (utenfor EØS)").1,
            vec!["outside_eea".to_string()]
        );
    }
}
