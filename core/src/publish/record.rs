//! The record of processing activities (Art. 30(1)): one row per purpose, with the columns of
//! Art. 30(1)(a)-(f) and what Datatilsynet's template also asks for (legal basis, Art. 9/10
//! condition, sources, processors, DPIA reference).
//!
//! The model is turned into rows of plain strings once ([`Record::new`]); CSV and Markdown are
//! written from the rows here, XLSX in [`super::workbook`] (with the `xlsx` feature). The
//! record is an internal document: a value the declaration lacks is an empty cell, and findings
//! do not stop it. A cell with several values has one value per line (`\n`).

use crate::model::{Contact, Countries, Model, Party, Purpose, Reference, RetentionPeriod, Text};
use crate::vocab::{Condition, Duration, LegalBasis, TimeUnit, TransferSafeguard, Vocabulary};

use super::Language;

/// The columns of the record, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Art. 30(1)(a): the controller's name.
    Controller,
    OrgNumber,
    /// Art. 30(1)(a): the controller's contact details.
    ControllerContact,
    /// Art. 30(1)(a): joint controllers.
    JointControllers,
    /// Art. 30(1)(a): the representative (Art. 27).
    Representative,
    /// Art. 30(1)(a): the data protection officer.
    Dpo,
    /// The purpose's ID in the declaration.
    Id,
    /// Art. 30(1)(b).
    Purpose,
    LegalBasis,
    /// Art. 9(2) and Art. 10.
    Condition,
    /// Art. 30(1)(c).
    Subjects,
    /// Art. 30(1)(c).
    Data,
    Sources,
    /// Art. 30(1)(d), processors excluded.
    Recipients,
    Processors,
    /// Art. 30(1)(e).
    Transfers,
    /// Art. 30(1)(f).
    Retention,
    Dpia,
}

impl Column {
    pub const ALL: [Column; 18] = [
        Column::Controller,
        Column::OrgNumber,
        Column::ControllerContact,
        Column::JointControllers,
        Column::Representative,
        Column::Dpo,
        Column::Id,
        Column::Purpose,
        Column::LegalBasis,
        Column::Condition,
        Column::Subjects,
        Column::Data,
        Column::Sources,
        Column::Recipients,
        Column::Processors,
        Column::Transfers,
        Column::Retention,
        Column::Dpia,
    ];

    /// The column's header. The GDPR terms are those of shared/reference/terms.csv.
    pub fn header(self, language: Language) -> &'static str {
        let pick = |nb, nn, en| language.pick(nb, nn, en);
        match self {
            Column::Controller => {
                pick("Behandlingsansvarlig", "Behandlingsansvarleg", "Controller")
            }
            Column::OrgNumber => pick(
                "Organisasjonsnummer",
                "Organisasjonsnummer",
                "Organisation number",
            ),
            Column::ControllerContact => pick(
                "Kontaktopplysninger til behandlingsansvarlig",
                "Kontaktopplysningar til behandlingsansvarleg",
                "Controller's contact details",
            ),
            Column::JointControllers => pick(
                "Felles behandlingsansvarlige",
                "Felles behandlingsansvarlege",
                "Joint controllers",
            ),
            Column::Representative => pick("Representant", "Representant", "Representative"),
            Column::Dpo => pick(
                "Personvernombud",
                "Personvernombod",
                "Data protection officer",
            ),
            Column::Id => "ID",
            Column::Purpose => pick("Formål", "Formål", "Purpose"),
            Column::LegalBasis => pick("Behandlingsgrunnlag", "Behandlingsgrunnlag", "Legal basis"),
            Column::Condition => pick(
                "Grunnlag for særlige kategorier og opplysninger om straffedommer og lovovertredelser (art. 9 og 10)",
                "Grunnlag for særlege kategoriar og opplysningar om straffedommar og lovbrot (art. 9 og 10)",
                "Condition for special categories and data on criminal convictions and offences (Art. 9 and 10)",
            ),
            Column::Subjects => pick(
                "Kategorier av registrerte",
                "Kategoriar av registrerte",
                "Categories of data subjects",
            ),
            Column::Data => pick(
                "Kategorier av personopplysninger",
                "Kategoriar av personopplysningar",
                "Categories of personal data",
            ),
            Column::Sources => pick("Kilder", "Kjelder", "Sources"),
            Column::Recipients => pick("Mottakere", "Mottakarar", "Recipients"),
            Column::Processors => pick("Databehandlere", "Databehandlarar", "Processors"),
            Column::Transfers => pick(
                "Overføring til tredjeland",
                "Overføring til tredjeland",
                "Transfers to third countries",
            ),
            Column::Retention => pick("Lagringstid", "Lagringstid", "Storage period"),
            Column::Dpia => pick(
                "Vurdering av personvernkonsekvenser (DPIA)",
                "Vurdering av personvernkonsekvensar (DPIA)",
                "Data protection impact assessment (DPIA)",
            ),
        }
    }
}

/// The record: its headers and one row per purpose, every row as long as the headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub language: Language,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Record {
    /// The record of the declarations, in the order given. A declaration without a purpose
    /// still gets a row (its controller), so that no controller is silently left out.
    pub fn new<'m>(models: impl IntoIterator<Item = &'m Model>, language: Language) -> Record {
        let mut rows = Vec::new();
        for model in models {
            let writer = Writer { model, language };
            if model.purposes.is_empty() {
                rows.push(writer.row(None));
            }
            for purpose in &model.purposes {
                rows.push(writer.row(Some(purpose)));
            }
        }
        Record {
            language,
            headers: Column::ALL.iter().map(|c| c.header(language)).collect(),
            rows,
        }
    }

    /// CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma,
    /// a quote or a line break), in UTF-8 with a byte-order mark so that Excel reads æøå. A cell
    /// that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) gets a leading `'` (docs/decisions.md).
    pub fn to_csv(&self) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let headers = self.headers.iter().map(|h| h.to_string()).collect();
        for row in std::iter::once(&headers).chain(&self.rows) {
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                csv_field(&mut out, &defuse_formula(cell));
            }
            out.push_str("\r\n");
        }
        out.into_bytes()
    }

    /// A Markdown table (GitHub Flavored Markdown): `|` and the characters that would start
    /// inline markup are escaped, the lines of a cell are joined with `<br>`.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let title = self.language.pick(
            "Protokoll over behandlingsaktiviteter",
            "Protokoll over behandlingsaktivitetar",
            "Record of processing activities",
        );
        out.push_str(&format!("# {title}\n\n"));
        let line = |cells: &mut dyn Iterator<Item = String>| {
            let mut line = String::from("|");
            for cell in cells {
                line.push(' ');
                line.push_str(&cell);
                line.push_str(" |");
            }
            line.push('\n');
            line
        };
        out.push_str(&line(&mut self.headers.iter().map(|h| markdown_cell(h))));
        out.push_str(&line(&mut self.headers.iter().map(|_| "---".to_string())));
        for row in &self.rows {
            out.push_str(&line(&mut row.iter().map(|c| markdown_cell(c))));
        }
        out
    }
}

/// A cell a spreadsheet would evaluate (`=HYPERLINK(…)`, `+47…`, `-1`, `@SUM(…)`) gets a
/// leading `'`, which spreadsheets show as text (OWASP, "CSV injection").
pub fn defuse_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn csv_field(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

fn markdown_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    for (i, line) in cell.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for c in line.chars() {
            match c {
                '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '\t' => out.push(' '),
                _ => out.push(c),
            }
        }
    }
    out
}

/// Writes the cells of one declaration's rows.
struct Writer<'m> {
    model: &'m Model,
    language: Language,
}

impl<'m> Writer<'m> {
    fn pick(&self, nb: &'static str, nn: &'static str, en: &'static str) -> &'static str {
        self.language.pick(nb, nn, en)
    }

    fn text(&self, text: &'m Text) -> &'m str {
        text.in_language(self.language.tag())
    }

    fn label(&self, text: Option<&'m Text>) -> String {
        text.map(|t| self.text(t).to_string()).unwrap_or_default()
    }

    fn row(&self, purpose: Option<&'m Purpose>) -> Vec<String> {
        Column::ALL
            .iter()
            .map(|&column| self.cell(column, purpose))
            .collect()
    }

    fn cell(&self, column: Column, purpose: Option<&'m Purpose>) -> String {
        let model = self.model;
        let controller = model.controller();
        match column {
            Column::Controller => controller
                .and_then(|c| c.name.as_ref())
                .map(|n| n.value.clone())
                .unwrap_or_default(),
            Column::OrgNumber => controller
                .and_then(|c| c.org_number.as_ref())
                .map(|n| n.value.clone())
                .unwrap_or_default(),
            Column::ControllerContact => controller
                .map(|c| lines(contact(&c.contact)))
                .unwrap_or_default(),
            Column::Representative => lines(model.representatives.iter().map(|r| {
                let mut first = self.label(r.name.as_ref());
                if let Some(countries) = &r.country {
                    first = self.with_countries(first, countries);
                }
                lines(std::iter::once(first).chain(contact(&r.contact)))
            })),
            Column::Dpo => lines(model.dpos.iter().map(|d| {
                lines(std::iter::once(self.label(d.name.as_ref())).chain(contact(&d.contact)))
            })),
            _ => purpose
                .map(|p| self.purpose_cell(column, p))
                .unwrap_or_default(),
        }
    }

    fn purpose_cell(&self, column: Column, purpose: &'m Purpose) -> String {
        let model = self.model;
        let parties =
            |references: &'m [Reference]| references.iter().filter_map(|r| model.party(r));
        match column {
            Column::JointControllers => lines(parties(&purpose.joint_controllers).map(|p| {
                let name = self.party(p);
                match &p.arrangement {
                    Some(arrangement) => format!("{name}: {}", self.text(arrangement)),
                    None => name,
                }
            })),
            Column::Id => purpose.id.name.clone(),
            Column::Purpose => self.label(purpose.label.as_ref()),
            Column::LegalBasis => lines(purpose.bases.iter().map(|b| {
                let name = capitalise(self.basis(b.kind));
                let article = article(self.language, b.kind.article());
                match &b.detail {
                    Some(detail) => format!("{name} ({article}): {}", self.text(detail)),
                    None => format!("{name} ({article})"),
                }
            })),
            Column::Condition => lines(purpose.conditions.iter().map(|c| {
                let name = capitalise(self.condition(c.kind));
                let article = article(self.language, c.kind.article());
                match &c.detail {
                    Some(detail) => format!("{name} ({article}): {}", detail.value),
                    None => format!("{name} ({article})"),
                }
            })),
            Column::Subjects => lines(
                purpose
                    .subjects
                    .iter()
                    .filter_map(|r| model.subject(r))
                    .map(|s| self.label(s.label.as_ref())),
            ),
            Column::Data => lines(
                purpose
                    .data
                    .iter()
                    .filter_map(|r| model.category(r))
                    .map(|c| {
                        let mut cell = self.label(c.label.as_ref());
                        if c.special.is_some() {
                            cell.push_str(self.pick(
                                " – særlig kategori (art. 9)",
                                " – særleg kategori (art. 9)",
                                " – special category (Art. 9)",
                            ));
                        }
                        if c.criminal.is_some() {
                            cell.push_str(self.pick(
                                " – straffedommer og lovovertredelser (art. 10)",
                                " – straffedommar og lovbrot (art. 10)",
                                " – criminal convictions and offences (Art. 10)",
                            ));
                        }
                        if !c.includes.is_empty() {
                            let includes: Vec<&str> =
                                c.includes.iter().map(|i| self.text(i)).collect();
                            cell.push_str(": ");
                            cell.push_str(&includes.join(", "));
                        }
                        cell
                    }),
            ),
            Column::Sources => lines(
                purpose
                    .sources
                    .iter()
                    .filter_map(|r| r.target().map(|i| &model.sources[i]))
                    .map(|s| {
                        let mut cell = self.label(s.label.as_ref());
                        if let Some(countries) = &s.country {
                            cell = self.with_countries(cell, countries);
                        }
                        if s.public.is_some() {
                            cell.push_str(self.pick(
                                " – offentlig tilgjengelig",
                                " – offentleg tilgjengeleg",
                                " – publicly accessible",
                            ));
                        }
                        cell
                    }),
            ),
            Column::Recipients => lines(parties(&purpose.recipients).map(|p| self.party(p))),
            Column::Processors => lines(parties(&purpose.processors).map(|p| {
                let name = self.party(p);
                match &p.agreement {
                    // `agreement "databehandleravtale"` says itself what it is.
                    Some(agreement)
                        if ["avtale", "agreement"]
                            .iter()
                            .any(|w| agreement.value.to_lowercase().contains(w)) =>
                    {
                        format!("{name} – {}", agreement.value)
                    }
                    Some(agreement) => format!(
                        "{name} – {}: {}",
                        self.pick("databehandleravtale", "databehandlaravtale", "agreement"),
                        agreement.value
                    ),
                    None => name,
                }
            })),
            Column::Transfers => lines(model.transfers(purpose).map(|p| self.transfer(p))),
            Column::Retention => purpose
                .retention
                .as_ref()
                .map(|r| self.retention(&r.period))
                .unwrap_or_default(),
            Column::Dpia => purpose
                .dpia
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_default(),
            Column::Controller
            | Column::OrgNumber
            | Column::ControllerContact
            | Column::Representative
            | Column::Dpo => unreachable!("a column of the controller"),
        }
    }

    /// A party's label with its countries: `Posten Bring AS (NO)`.
    fn party(&self, party: &Party) -> String {
        let label = self.label(party.label.as_ref());
        match &party.country {
            Some(countries) => self.with_countries(label, countries),
            None => label,
        }
    }

    /// `E-postleverandør: US – EU–US Data Privacy Framework (art. 45)`.
    fn transfer(&self, party: &Party) -> String {
        let countries: Vec<String> = party.outside_eea().map(|v| self.country(&v.code)).collect();
        let mut cell = format!(
            "{}: {}",
            self.label(party.label.as_ref()),
            countries.join(", ")
        );
        let safeguards: Vec<String> = party
            .safeguards
            .iter()
            .map(|s| {
                let article = match &s.ground {
                    Some(ground) => ground.value.article(),
                    None => s.kind.article(),
                };
                let mut text = format!(
                    "{} ({})",
                    self.safeguard(s.kind),
                    article_in(self.language, article)
                );
                if let Some(detail) = &s.detail {
                    text.push_str(": ");
                    text.push_str(self.text(detail));
                }
                text
            })
            .collect();
        if !safeguards.is_empty() {
            cell.push_str(" – ");
            cell.push_str(&safeguards.join("; "));
        }
        cell
    }

    /// `Posten Bring AS (NO)`.
    fn with_countries(&self, label: String, countries: &Countries) -> String {
        let codes: Vec<String> = countries
            .values
            .iter()
            .map(|v| self.country(&v.code))
            .collect();
        if codes.is_empty() {
            label
        } else {
            format!("{label} ({})", codes.join(", "))
        }
    }

    fn country(&self, code: &str) -> String {
        match code {
            "outside_eea" => self
                .pick("utenfor EØS", "utanfor EØS", "outside the EEA")
                .to_string(),
            "eea" => self.pick("EØS", "EØS", "EEA").to_string(),
            _ => code.to_string(),
        }
    }

    fn basis(&self, basis: LegalBasis) -> &'static str {
        match basis {
            LegalBasis::Consent => self.pick("samtykke", "samtykke", "consent"),
            LegalBasis::Contract => self.pick(
                "oppfylle en avtale",
                "oppfylle ein avtale",
                "performance of a contract",
            ),
            LegalBasis::LegalObligation => self.pick(
                "rettslig forpliktelse",
                "rettsleg plikt",
                "legal obligation",
            ),
            LegalBasis::VitalInterests => {
                self.pick("vitale interesser", "vitale interesser", "vital interests")
            }
            LegalBasis::PublicTask => self.pick(
                "oppgave i allmennhetens interesse eller utøvelse av offentlig myndighet",
                "oppgåve i ålmenta si interesse eller utøving av offentleg styresmakt",
                "task carried out in the public interest or in the exercise of official authority",
            ),
            LegalBasis::LegitimateInterests => self.pick(
                "berettiget interesse",
                "berettiga interesse",
                "legitimate interests",
            ),
        }
    }

    fn condition(&self, condition: Condition) -> &'static str {
        match condition {
            Condition::ExplicitConsent => self.pick(
                "uttrykkelig samtykke",
                "uttrykkeleg samtykke",
                "explicit consent",
            ),
            Condition::Employment => self.pick(
                "plikter og rettigheter etter arbeidsrett, trygderett og sosialrett",
                "plikter og rettar etter arbeidsrett, trygderett og sosialrett",
                "obligations and rights in employment, social security and social protection law",
            ),
            Condition::VitalInterests => {
                self.pick("vitale interesser", "vitale interesser", "vital interests")
            }
            Condition::NonprofitBody => self.pick(
                "stiftelse, sammenslutning eller annet ideelt organ",
                "stifting, samanslutning eller anna ideelt organ",
                "foundation, association or other not-for-profit body",
            ),
            Condition::MadePublic => self.pick(
                "åpenbart offentliggjort av den registrerte",
                "openbert offentleggjort av den registrerte",
                "manifestly made public by the data subject",
            ),
            Condition::LegalClaims => self.pick(
                "fastsette, gjøre gjeldende eller forsvare rettskrav",
                "fastsetje, gjere gjeldande eller forsvare rettskrav",
                "establishment, exercise or defence of legal claims",
            ),
            Condition::SubstantialPublicInterest => self.pick(
                "viktige allmenne interesser",
                "viktige ålmenne interesser",
                "substantial public interest",
            ),
            Condition::HealthCare => self.pick(
                "forebyggende medisin, medisinsk diagnose, helse- og omsorgstjenester",
                "førebyggjande medisin, medisinsk diagnose, helse- og omsorgstenester",
                "preventive medicine, medical diagnosis, health or social care",
            ),
            Condition::PublicHealth => self.pick(
                "allmenne interesser på folkehelseområdet",
                "ålmenne interesser på folkehelseområdet",
                "public interest in public health",
            ),
            Condition::ArchivingResearch => self.pick(
                "arkiv i allmennhetens interesse, forskning eller statistikk",
                "arkiv i ålmenta si interesse, forsking eller statistikk",
                "archiving in the public interest, research or statistics",
            ),
            Condition::OfficialAuthority => self.pick(
                "under kontroll av offentlig myndighet",
                "under kontroll av offentleg styresmakt",
                "under the control of official authority",
            ),
            Condition::AuthorisedByLaw => self.pick(
                "tillatt i lov med nødvendige garantier",
                "tillate i lov med naudsynte garantiar",
                "authorised by law with appropriate safeguards",
            ),
        }
    }

    fn safeguard(&self, safeguard: TransferSafeguard) -> &'static str {
        match safeguard {
            TransferSafeguard::Adequacy => self.pick(
                "beslutning om tilstrekkelig beskyttelsesnivå",
                "avgjerd om tilstrekkeleg vernenivå",
                "adequacy decision",
            ),
            TransferSafeguard::Dpf => "EU–US Data Privacy Framework",
            TransferSafeguard::Scc => self.pick(
                "standard personvernbestemmelser",
                "standard personvernføresegner",
                "standard contractual clauses",
            ),
            TransferSafeguard::Bcr => self.pick(
                "bindende virksomhetsregler",
                "bindande verksemdsreglar",
                "binding corporate rules",
            ),
            TransferSafeguard::CodeOfConduct => self.pick(
                "godkjente atferdsnormer (bransjenormer)",
                "godkjende åtferdsnormer (bransjenormer)",
                "approved code of conduct",
            ),
            TransferSafeguard::Certification => self.pick(
                "godkjent sertifiseringsordning",
                "godkjend sertifiseringsordning",
                "approved certification mechanism",
            ),
            TransferSafeguard::AdHocClauses => self.pick(
                "avtalevilkår godkjent av tilsynsmyndigheten",
                "avtalevilkår godkjende av tilsynsmyndigheita",
                "contractual clauses authorised by the supervisory authority",
            ),
            TransferSafeguard::Derogation => self.pick(
                "unntak i særlige situasjoner",
                "unntak i særlege situasjonar",
                "derogation for a specific situation",
            ),
        }
    }

    fn retention(&self, period: &RetentionPeriod) -> String {
        match period {
            RetentionPeriod::Fixed(duration) => self.duration(*duration),
            RetentionPeriod::After(duration, event) => format!(
                "{} {} {}",
                self.duration(*duration),
                self.pick("etter", "etter", "after"),
                self.text(event)
            ),
            RetentionPeriod::Until(event) => {
                format!("{} {}", self.pick("til", "til", "until"), self.text(event))
            }
            RetentionPeriod::Indefinite(reason) => {
                let word = self.pick(
                    "uten tidsbegrensning",
                    "utan tidsavgrensing",
                    "indefinitely",
                );
                match reason {
                    Some(reason) => format!("{word}: {}", self.text(reason)),
                    None => word.to_string(),
                }
            }
        }
        .pipe(capitalise)
    }

    fn duration(&self, duration: Duration) -> String {
        let one = duration.amount == 1;
        let unit = match (duration.unit, one) {
            (TimeUnit::Day, true) => self.pick("dag", "dag", "day"),
            (TimeUnit::Day, false) => self.pick("dager", "dagar", "days"),
            (TimeUnit::Week, true) => self.pick("uke", "veke", "week"),
            (TimeUnit::Week, false) => self.pick("uker", "veker", "weeks"),
            (TimeUnit::Month, true) => self.pick("måned", "månad", "month"),
            (TimeUnit::Month, false) => self.pick("måneder", "månader", "months"),
            (TimeUnit::Year, _) if self.language != Language::English => "år",
            (TimeUnit::Year, true) => "year",
            (TimeUnit::Year, false) => "years",
        };
        format!("{} {unit}", duration.amount)
    }
}

trait Pipe: Sized {
    fn pipe<R>(self, f: impl FnOnce(Self) -> R) -> R {
        f(self)
    }
}
impl<T> Pipe for T {}

/// The contact details, one a line: address, e-mail, phone, web address.
fn contact(contact: &Contact) -> impl Iterator<Item = String> + '_ {
    contact.values().map(str::to_string)
}

/// The non-empty values, one a line.
fn lines(values: impl Iterator<Item = String>) -> String {
    values
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn capitalise(text: impl AsRef<str>) -> String {
    let text = text.as_ref();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An article reference in the language's citation style: `Art. 6(1)(c)` is
/// `art. 6 nr. 1 bokstav c` in Norwegian (as in the Norwegian text of the regulation).
pub fn article(language: Language, article: &str) -> String {
    article_in(language, article)
}

fn article_in(language: Language, article: &str) -> String {
    if language == Language::English {
        return article.to_string();
    }
    let Some(rest) = article.strip_prefix("Art. ") else {
        return article.to_string();
    };
    let (number, mut rest) = rest.split_at(rest.find(['(', ' ']).unwrap_or(rest.len()));
    let mut out = format!("art. {number}");
    let mut level = 0;
    while let Some(inner) = rest.strip_prefix('(') {
        let Some(end) = inner.find(')') else { break };
        let part = &inner[..end];
        out.push_str(if level == 0 { " nr. " } else { " bokstav " });
        out.push_str(part);
        rest = &inner[end + 1..];
        level += 1;
    }
    match rest.trim() {
        "" => {}
        "second subparagraph" => out.push_str(" andre ledd"),
        other => {
            out.push(' ');
            out.push_str(other);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(source: &str, language: Language) -> Record {
        let sections = crate::syntax::read(source);
        let (model, _) = crate::analyze(source, &sections, &crate::Settings::default());
        Record::new([&model], language)
    }

    #[test]
    fn articles_are_cited_in_the_norwegian_style() {
        assert_eq!(
            article(Language::Nb, "Art. 6(1)(c)"),
            "art. 6 nr. 1 bokstav c"
        );
        assert_eq!(article(Language::Nn, "Art. 10"), "art. 10");
        assert_eq!(
            article(Language::Nb, "Art. 46(2)(c)"),
            "art. 46 nr. 2 bokstav c"
        );
        assert_eq!(
            article(Language::Nb, "Art. 49(1) second subparagraph"),
            "art. 49 nr. 1 andre ledd"
        );
        assert_eq!(article(Language::English, "Art. 6(1)(c)"), "Art. 6(1)(c)");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let mut out = String::new();
        csv_field(&mut out, "a, \"b\"\nc");
        assert_eq!(out, "\"a, \"\"b\"\"\nc\"");
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("+47 22 00 00 00"), "'+47 22 00 00 00");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("\tx"), "'\tx");
        assert_eq!(defuse_formula("Fjellsko AS"), "Fjellsko AS");
    }

    #[test]
    fn markdown_escapes_pipes_and_markup() {
        assert_eq!(
            markdown_cell("a | b\nc_d <e>"),
            "a \\| b<br>c\\_d &lt;e&gt;"
        );
    }

    #[test]
    fn one_row_per_purpose_with_every_column() {
        let source = "controller c \"C AS\" {\n  org_number \"999 888 777\"\n  country NO\n  email \"post@c.example\"\n}\n\
            category contact \"Kontakt\" { includes \"navn\", \"e-post\" }\n\
            category health \"Helse\" { special }\n\
            subject customers \"Kunder\"\n\
            processor mailer \"Utsender\" {\n  country US\n  safeguard scc\n  agreement \"DBA-1\"\n}\n\
            purpose a \"Nyhetsbrev\" en \"Newsletter\" {\n  basis consent\n  condition explicit_consent\n  data contact, health\n  subjects customers\n  processors mailer\n  retention 3 years after \"siste kjøp\"\n}\n\
            purpose b \"Regnskap\" {\n  basis legal_obligation \"bokføringsloven § 13\"\n  data contact\n}\n";
        let nb = record(source, Language::Nb);
        assert_eq!(nb.rows.len(), 2);
        assert!(nb.rows.iter().all(|r| r.len() == Column::ALL.len()));
        let cell = |record: &Record, row: usize, column: Column| {
            let i = Column::ALL.iter().position(|c| *c == column).unwrap();
            record.rows[row][i].clone()
        };
        assert_eq!(cell(&nb, 0, Column::Controller), "C AS");
        assert_eq!(cell(&nb, 0, Column::OrgNumber), "999 888 777");
        assert_eq!(cell(&nb, 0, Column::Purpose), "Nyhetsbrev");
        assert_eq!(
            cell(&nb, 0, Column::LegalBasis),
            "Samtykke (art. 6 nr. 1 bokstav a)"
        );
        assert_eq!(
            cell(&nb, 0, Column::Data),
            "Kontakt: navn, e-post\nHelse – særlig kategori (art. 9)"
        );
        assert_eq!(
            cell(&nb, 0, Column::Transfers),
            "Utsender: US – standard personvernbestemmelser (art. 46 nr. 2 bokstav c)"
        );
        assert_eq!(
            cell(&nb, 0, Column::Processors),
            "Utsender (US) – databehandleravtale: DBA-1"
        );
        assert_eq!(cell(&nb, 0, Column::Retention), "3 år etter siste kjøp");
        assert_eq!(
            cell(&nb, 1, Column::LegalBasis),
            "Rettslig forpliktelse (art. 6 nr. 1 bokstav c): bokføringsloven § 13"
        );
        assert_eq!(
            cell(&nb, 1, Column::Retention),
            "",
            "absent is an empty cell"
        );
        let en = record(source, Language::English);
        assert_eq!(cell(&en, 0, Column::Purpose), "Newsletter");
        assert_eq!(cell(&en, 0, Column::Retention), "3 years after siste kjøp");
        assert_eq!(en.headers[0], "Controller");
    }

    #[test]
    fn a_declaration_without_purposes_keeps_its_controller() {
        let record = record("controller c \"C AS\" { country NO }\n", Language::Nn);
        assert_eq!(record.rows.len(), 1);
        assert_eq!(record.rows[0][0], "C AS");
        assert_eq!(record.headers[0], "Behandlingsansvarleg");
    }
}
