//! The record of processing activities (Art. 30(1)): one row per purpose, with the columns of
//! Art. 30(1)(a)-(g) and what Datatilsynet's template also asks for (legal basis, Art. 9/10
//! condition, sources, processors, DPIA reference), the Art. 49(6) documentation of
//! derogations, the Norwegian items (personopplysningsloven § 12, arbeidsmiljøloven § 9-2), and
//! which declaration and date the row comes from.
//!
//! The model is turned into rows of plain strings once ([`Record::new`]); CSV and Markdown are
//! written from the rows here, XLSX in [`super::workbook`] (with the `xlsx` feature). The
//! record is an internal document: a value the declaration lacks is an empty cell, and findings
//! do not stop it. A cell with several values has one value per line (`\n`).

use crate::model::{
    Contact, Countries, Model, Party, Place, Purpose, Reference, RetentionPeriod, Text,
};
use crate::vocab::{
    Condition, DerogationGround, Duration, LegalBasis, TimeUnit, TransferSafeguard, Vocabulary,
};

use super::Language;
use super::notice::country_name;
use super::notice::markdown::escape;

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
    /// What is done with the data (`description`).
    Description,
    LegalBasis,
    /// Art. 9(2) and Art. 10.
    Condition,
    /// Art. 30(1)(c).
    Subjects,
    /// Art. 30(1)(c).
    Data,
    /// Why a national identity number is needed (personopplysningsloven § 12).
    Identification,
    Sources,
    /// Art. 30(1)(d), processors excluded.
    Recipients,
    Processors,
    /// Art. 30(1)(e): the third countries and international organisations.
    Transfers,
    /// Art. 49(6): the ground and the reason of each transfer on a derogation.
    Derogations,
    /// Art. 30(1)(f).
    Retention,
    /// Art. 30(1)(g): the controller's general description of its security measures.
    ControllerSecurity,
    /// Art. 30(1)(g): the measures of this purpose.
    PurposeSecurity,
    Dpia,
    /// The discussion with the employees' representatives (arbeidsmiljøloven § 9-2).
    Consultation,
    /// The declaration the row comes from: its notice's title, else the controller's name.
    Declaration,
    /// The date of the record: the date given, else the notice's `updated`, else today.
    Date,
}

impl Column {
    pub const ALL: [Column; 26] = [
        Column::Controller,
        Column::OrgNumber,
        Column::ControllerContact,
        Column::JointControllers,
        Column::Representative,
        Column::Dpo,
        Column::Id,
        Column::Purpose,
        Column::Description,
        Column::LegalBasis,
        Column::Condition,
        Column::Subjects,
        Column::Data,
        Column::Identification,
        Column::Sources,
        Column::Recipients,
        Column::Processors,
        Column::Transfers,
        Column::Derogations,
        Column::Retention,
        Column::ControllerSecurity,
        Column::PurposeSecurity,
        Column::Dpia,
        Column::Consultation,
        Column::Declaration,
        Column::Date,
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
            Column::Description => pick(
                "Beskrivelse av behandlingen",
                "Skildring av behandlinga",
                "Description of the processing",
            ),
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
            Column::Identification => pick(
                "Behov for sikker identifisering med fødselsnummer (personopplysningsloven § 12)",
                "Behov for sikker identifisering med fødselsnummer (personopplysningslova § 12)",
                "Need for secure identification by national identity number (Personal Data Act § 12)",
            ),
            Column::Sources => pick("Kilder", "Kjelder", "Sources"),
            Column::Recipients => pick("Mottakere", "Mottakarar", "Recipients"),
            Column::Processors => pick("Databehandlere", "Databehandlarar", "Processors"),
            Column::Transfers => pick(
                "Overføring til tredjeland",
                "Overføring til tredjeland",
                "Transfers to third countries",
            ),
            Column::Derogations => pick(
                "Overføring etter unntak i særlige situasjoner: grunnlag og vurdering (art. 49 nr. 6)",
                "Overføring etter unntak i særlege situasjonar: grunnlag og vurdering (art. 49 nr. 6)",
                "Transfers on a derogation for a specific situation: ground and assessment (Art. 49(6))",
            ),
            Column::Retention => pick("Lagringstid", "Lagringstid", "Storage period"),
            Column::ControllerSecurity => pick(
                "Generell beskrivelse av tekniske og organisatoriske sikkerhetstiltak",
                "Generell skildring av tekniske og organisatoriske tryggleikstiltak",
                "General description of the technical and organisational security measures",
            ),
            Column::PurposeSecurity => pick(
                "Sikkerhetstiltak for denne behandlingen",
                "Tryggleikstiltak for denne behandlinga",
                "Security measures for this processing",
            ),
            Column::Dpia => pick(
                "Vurdering av personvernkonsekvenser (DPIA)",
                "Vurdering av personvernkonsekvensar (DPIA)",
                "Data protection impact assessment (DPIA)",
            ),
            Column::Consultation => pick(
                "Drøfting med tillitsvalgte (arbeidsmiljøloven § 9-2)",
                "Drøfting med tillitsvalde (arbeidsmiljølova § 9-2)",
                "Consultation with employee representatives (Working Environment Act § 9-2)",
            ),
            Column::Declaration => pick("Erklæring", "Erklæring", "Declaration"),
            Column::Date => pick(
                "Dato for protokollen",
                "Dato for protokollen",
                "Date of the record",
            ),
        }
    }
}

/// The most a spreadsheet cell holds: 32,767 characters as Excel counts them, in UTF-16 code
/// units (Microsoft, "Excel specifications and limits", checked 2026-12-08).
pub const CELL_LIMIT: usize = 32_767;

/// The record: its headers and one row per purpose, every row as long as the headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub language: Language,
    /// The title the Markdown record starts with.
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// A retention period in words, as the record writes it (the Fides export reuses it).
pub(crate) fn retention(model: &Model, period: &RetentionPeriod, language: Language) -> String {
    Writer {
        model,
        language,
        date: String::new(),
    }
    .retention(period)
}

/// Whether a party is the one `name` means: its ID, or its label in some language.
fn is_named(party: &Party, name: &str) -> bool {
    let name = name.trim();
    let same = |text: &str| text.trim().to_lowercase() == name.to_lowercase();
    party.id.name == name
        || party.label.as_ref().is_some_and(|label| {
            same(&label.value) || label.translations.iter().any(|t| same(&t.text.value))
        })
}

/// The columns of a processor's record (Art. 30(2)), in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessorColumn {
    /// The processor as the controller's declaration names it, with its countries.
    Processor,
    /// Art. 30(2)(a): the controller, its contact details, representative and DPO.
    Controller(Column),
    /// Art. 28(3): the agreement the controller's declaration records.
    Agreement,
    /// Art. 30(2)(b): the purpose the processor carries out.
    Processing,
    Description,
    Subjects,
    Data,
    /// Art. 30(2)(c): the processor's own transfer, as the controller declares it.
    Transfers,
    /// Art. 30(2)(d): what only the processor can describe.
    Security,
    /// Art. 28(2) and (4): what only the processor knows.
    SubProcessors,
    Declaration,
    Date,
}

impl ProcessorColumn {
    pub const ALL: [ProcessorColumn; 16] = [
        ProcessorColumn::Processor,
        ProcessorColumn::Controller(Column::Controller),
        ProcessorColumn::Controller(Column::OrgNumber),
        ProcessorColumn::Controller(Column::ControllerContact),
        ProcessorColumn::Controller(Column::Representative),
        ProcessorColumn::Controller(Column::Dpo),
        ProcessorColumn::Agreement,
        ProcessorColumn::Processing,
        ProcessorColumn::Description,
        ProcessorColumn::Subjects,
        ProcessorColumn::Data,
        ProcessorColumn::Transfers,
        ProcessorColumn::Security,
        ProcessorColumn::SubProcessors,
        ProcessorColumn::Declaration,
        ProcessorColumn::Date,
    ];

    pub fn header(self, language: Language) -> &'static str {
        let pick = |nb, nn, en| language.pick(nb, nn, en);
        match self {
            ProcessorColumn::Processor => pick("Databehandler", "Databehandlar", "Processor"),
            ProcessorColumn::Controller(column) => column.header(language),
            ProcessorColumn::Agreement => pick(
                "Databehandleravtale (art. 28 nr. 3)",
                "Databehandlaravtale (art. 28 nr. 3)",
                "Data processing agreement (Art. 28(3))",
            ),
            ProcessorColumn::Processing => pick(
                "Kategorier av behandling utført på vegne av den behandlingsansvarlige",
                "Kategoriar av behandling utførte på vegner av den behandlingsansvarlege",
                "Categories of processing carried out on behalf of the controller",
            ),
            ProcessorColumn::Description => Column::Description.header(language),
            ProcessorColumn::Subjects => Column::Subjects.header(language),
            ProcessorColumn::Data => Column::Data.header(language),
            ProcessorColumn::Transfers => Column::Transfers.header(language),
            ProcessorColumn::Security => pick(
                "Generell beskrivelse av tekniske og organisatoriske sikkerhetstiltak (art. 30 nr. 2 bokstav d)",
                "Generell skildring av tekniske og organisatoriske tryggleikstiltak (art. 30 nr. 2 bokstav d)",
                "General description of the technical and organisational security measures (Art. 30(2)(d))",
            ),
            ProcessorColumn::SubProcessors => pick(
                "Underdatabehandlere (art. 28 nr. 2 og 4)",
                "Underdatabehandlarar (art. 28 nr. 2 og 4)",
                "Sub-processors (Art. 28(2) and (4))",
            ),
            ProcessorColumn::Declaration => Column::Declaration.header(language),
            ProcessorColumn::Date => Column::Date.header(language),
        }
    }
}

/// The date a record bears (YYYY-MM-DD). core reads no clock: the caller says what today is.
#[derive(Clone, Copy, Debug)]
pub struct Dating<'a> {
    /// A date the user gave for the whole record (`--date`): it wins over every notice's
    /// `updated`.
    pub given: Option<&'a str>,
    /// Today, for a declaration whose notice has no `updated`.
    pub today: &'a str,
}

impl Dating<'_> {
    /// The date of one declaration's rows: the date given, else the notice's `updated`, else
    /// today.
    fn of(&self, model: &Model) -> String {
        self.given
            .or_else(|| {
                model
                    .notice
                    .as_ref()?
                    .updated
                    .as_ref()
                    .map(|u| u.value.as_str())
            })
            .unwrap_or(self.today)
            .to_string()
    }
}

/// The language a record is written in when none is asked for: the first of the first
/// declaration's notice languages that privlint writes (as the notice does), else Bokmål.
pub fn default_language<'m>(models: impl IntoIterator<Item = &'m Model>) -> Language {
    models
        .into_iter()
        .next()
        .and_then(|m| m.notice.as_ref())
        .and_then(|n| {
            n.languages()
                .into_iter()
                .next()
                .and_then(Language::from_tag)
        })
        .unwrap_or(Language::Nb)
}

impl Record {
    /// The record of the declarations, in the order given. A declaration without a purpose
    /// still gets a row (its controller), so that no controller is silently left out.
    pub fn new<'m>(
        models: impl IntoIterator<Item = &'m Model>,
        language: Language,
        dating: Dating<'_>,
    ) -> Record {
        let mut rows = Vec::new();
        for model in models {
            let writer = Writer {
                model,
                language,
                date: dating.of(model),
            };
            if model.purposes.is_empty() {
                rows.push(writer.row(None));
            }
            for purpose in &model.purposes {
                rows.push(writer.row(Some(purpose)));
            }
        }
        Record {
            language,
            title: language.pick(
                "Protokoll over behandlingsaktiviteter",
                "Protokoll over behandlingsaktivitetar",
                "Record of processing activities",
            ),
            headers: Column::ALL.iter().map(|c| c.header(language)).collect(),
            rows,
        }
    }

    /// A processor's record (Art. 30(2)) gathered from controllers' declarations: one row per
    /// purpose of each declaration that uses a processor whose ID or label is `processor`
    /// (labels compared ignoring case and surrounding space, in any of their translations).
    /// What only the processor knows — its own security measures (Art. 30(2)(d)) and its
    /// sub-processors — is said to be missing in its cell. `None` when no declaration names
    /// such a processor.
    pub fn of_processor<'m>(
        models: impl IntoIterator<Item = &'m Model>,
        processor: &str,
        language: Language,
        dating: Dating<'_>,
    ) -> Option<Record> {
        let mut rows = Vec::new();
        let mut named = false;
        for model in models {
            let writer = Writer {
                model,
                language,
                date: dating.of(model),
            };
            let matches = |party: &Party| {
                party.kind == crate::model::Kind::Processor && is_named(party, processor)
            };
            named |= model.parties.iter().any(matches);
            for purpose in &model.purposes {
                for party in purpose
                    .processors
                    .iter()
                    .filter_map(|r| model.party(r))
                    .filter(|p| matches(p))
                {
                    rows.push(
                        ProcessorColumn::ALL
                            .iter()
                            .map(|&column| writer.processor_cell(column, purpose, party))
                            .collect(),
                    );
                }
            }
        }
        named.then(|| Record {
            language,
            title: language.pick(
                "Protokoll over behandlingsaktiviteter utført på vegne av behandlingsansvarlige",
                "Protokoll over behandlingsaktivitetar utførte på vegner av behandlingsansvarlege",
                "Record of processing activities carried out on behalf of controllers",
            ),
            headers: ProcessorColumn::ALL
                .iter()
                .map(|c| c.header(language))
                .collect(),
            rows,
        })
    }

    /// CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma,
    /// a quote or a line break), in UTF-8 with a byte-order mark so that Excel reads æøå. What a
    /// spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return at the
    /// start of the field, or after a `;`, a tab or a line break in it) gets a `'` before it
    /// ([`defuse_formula`], docs/decisions.md).
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

    /// `cell` cut to fit a spreadsheet cell ([`CELL_LIMIT`]), ending in a mark in the record's
    /// language that says how many characters were left out: `Some((cut, left out))`, or `None`
    /// when it fits. A longer cell would make the whole workbook fail to be written.
    pub fn fit_cell(&self, cell: &str) -> Option<(String, usize)> {
        if cell.encode_utf16().count() <= CELL_LIMIT {
            return None;
        }
        let mark = |left_out: usize| {
            self.language
                .pick(
                    " … [avkortet: {n} tegn til]",
                    " … [avkorta: {n} teikn til]",
                    " … [cut: {n} characters more]",
                )
                .replace("{n}", &left_out.to_string())
        };
        let total = cell.chars().count();
        // The mark for every character left out is the longest the mark can be.
        let room = CELL_LIMIT - mark(total).encode_utf16().count();
        let mut used = 0;
        let kept: String = cell
            .chars()
            .take_while(|c| {
                used += c.len_utf16();
                used <= room
            })
            .collect();
        let left_out = total - kept.chars().count();
        Some((format!("{kept}{}", mark(left_out)), left_out))
    }

    /// A Markdown table (GitHub Flavored Markdown): the cells are escaped as the notice's strings
    /// are (`notice::markdown::escape`), the lines of a cell are joined with `<br />`.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("# {}\n\n", self.title));
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

/// What the record's transfers column says of `outside_eea` (nb, nn, en): outside the EEA, the
/// country not named. `privlint import` reads it back as `outside_eea`.
pub const COUNTRY_NOT_NAMED: [&str; 3] = [
    "utenfor EØS – landet er ikke oppgitt",
    "utanfor EØS – landet er ikkje oppgitt",
    "outside the EEA – the country is not named",
];

/// A cell a spreadsheet would evaluate (`=HYPERLINK(…)`, `+47…`, `-1`, `@SUM(…)`) gets a `'`,
/// which spreadsheets show as text (OWASP, "CSV injection"): at its start, and wherever a
/// spreadsheet may start a cell inside it. Norwegian Excel and LibreOffice open CSV with `;` as
/// the separator, and a tab is the separator of Excel's import wizard; under either, the file's
/// quotes no longer hold a field together, so a `;` or a tab inside a field starts a cell, and
/// each line of a field with line breaks starts a row.
pub fn defuse_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    let formulas: Vec<usize> = cell_starts(cell)
        .filter(|&i| cell[i..].starts_with(FORMULA))
        .collect();
    if formulas.is_empty() {
        return cell.into();
    }
    let mut out = String::with_capacity(cell.len() + formulas.len());
    let mut done = 0;
    for start in formulas {
        out.push_str(&cell[done..start]);
        out.push('\'');
        done = start;
    }
    out.push_str(&cell[done..]);
    out.into()
}

/// What a spreadsheet evaluates at the start of a cell.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Where a spreadsheet may start a cell inside `cell` (see [`defuse_formula`]).
fn cell_starts(cell: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        cell.match_indices([';', '\t', '\n', '\r'])
            .map(|(i, separator)| i + separator.len()),
    )
}

/// The inverse of [`defuse_formula`], for reading a record back (`privlint import`): a `'` that
/// the guard put before a formula character, wherever it puts one, is removed.
pub fn restore_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    let guards: Vec<usize> = cell_starts(cell)
        .filter(|&i| {
            cell[i..]
                .strip_prefix('\'')
                .is_some_and(|rest| rest.starts_with(FORMULA))
        })
        .collect();
    if guards.is_empty() {
        return cell.into();
    }
    let mut out = String::with_capacity(cell.len());
    let mut done = 0;
    for guard in guards {
        out.push_str(&cell[done..guard]);
        done = guard + 1;
    }
    out.push_str(&cell[done..]);
    out.into()
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
    // Every line break a Markdown reader knows ends a line of the cell (a bare CR included, or it
    // would end the table row); the lines are joined with a `<br />` that MDX reads too.
    let lines = cell.split("\r\n").flat_map(|l| l.split(['\r', '\n']));
    lines.map(escape).collect::<Vec<_>>().join("<br />")
}

/// Writes the cells of one declaration's rows.
struct Writer<'m> {
    model: &'m Model,
    language: Language,
    /// The date of the declaration's rows.
    date: String,
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
            Column::ControllerSecurity => written(controller.and_then(|c| c.security.as_ref())),
            Column::Declaration => model
                .notice
                .as_ref()
                .and_then(|n| n.title.as_ref())
                .map(|t| self.text(t).to_string())
                .or_else(|| {
                    controller
                        .and_then(|c| c.name.as_ref())
                        .map(|n| n.value.clone())
                })
                .unwrap_or_default(),
            Column::Date => self.date.clone(),
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
            // Each joint controller: its name and the essence of the arrangement, then its
            // contact details one a line (Art. 26(2), 30(1)(a)).
            Column::JointControllers => lines(parties(&purpose.joint_controllers).map(|p| {
                let name = self.party(p);
                let first = match &p.arrangement {
                    Some(arrangement) => format!("{name}: {}", self.text(arrangement)),
                    None => name,
                };
                lines(std::iter::once(first).chain(contact(&p.contact)))
            })),
            Column::Id => purpose.id.name.clone(),
            Column::Purpose => self.label(purpose.label.as_ref()),
            Column::Description => self.label(purpose.description.as_ref()),
            Column::Identification => written(purpose.identification.as_ref()),
            Column::Consultation => written(purpose.consultation.as_ref()),
            Column::PurposeSecurity => written(purpose.security.as_ref()),
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
            Column::Transfers => lines(self.transfers(purpose).map(|p| self.transfer(p))),
            Column::Derogations => lines(self.transfers(purpose).flat_map(|p| {
                p.safeguards
                    .iter()
                    .filter(|s| s.kind == TransferSafeguard::Derogation)
                    .map(move |s| self.derogation(p, s))
            })),
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
            | Column::Dpo
            | Column::ControllerSecurity
            | Column::Declaration
            | Column::Date => unreachable!("a column of the controller"),
        }
    }

    fn processor_cell(
        &self,
        column: ProcessorColumn,
        purpose: &'m Purpose,
        processor: &'m Party,
    ) -> String {
        match column {
            ProcessorColumn::Processor => self.party(processor),
            ProcessorColumn::Controller(column) => self.cell(column, None),
            ProcessorColumn::Agreement => processor
                .agreement
                .as_ref()
                .map(|a| a.value.clone())
                .unwrap_or_default(),
            ProcessorColumn::Processing => self.cell(Column::Purpose, Some(purpose)),
            ProcessorColumn::Description => self.cell(Column::Description, Some(purpose)),
            ProcessorColumn::Subjects => self.cell(Column::Subjects, Some(purpose)),
            ProcessorColumn::Data => self.cell(Column::Data, Some(purpose)),
            ProcessorColumn::Transfers => {
                if processor.is_outside_eea() {
                    self.transfer(processor)
                } else {
                    String::new()
                }
            }
            // Controllers' declarations hold neither: the cell says so rather than stay empty,
            // so that the processor sees what it must fill in.
            ProcessorColumn::Security => self
                .pick(
                    "Ikke i de behandlingsansvarliges erklæringer: databehandleren beskriver sine egne tiltak",
                    "Ikkje i erklæringane til dei behandlingsansvarlege: databehandlaren skildrar sine eigne tiltak",
                    "Not in the controllers' declarations: the processor describes its own measures",
                )
                .to_string(),
            ProcessorColumn::SubProcessors => self
                .pick(
                    "Ikke i de behandlingsansvarliges erklæringer: databehandleren fører opp sine egne",
                    "Ikkje i erklæringane til dei behandlingsansvarlege: databehandlaren fører opp sine eigne",
                    "Not in the controllers' declarations: the processor lists its own",
                )
                .to_string(),
            ProcessorColumn::Declaration => self.cell(Column::Declaration, None),
            ProcessorColumn::Date => self.cell(Column::Date, None),
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

    /// The parties of a purpose whose data leave the EEA: those with a country outside it,
    /// and international organisations wherever they sit (Art. 4(26), 44).
    fn transfers(&self, purpose: &'m Purpose) -> impl Iterator<Item = &'m Party> + '_ {
        let model = self.model;
        purpose
            .party_references()
            .filter_map(move |r| model.party(r))
            .filter(|p| p.is_outside_eea() || p.international_organisation.is_some())
    }

    /// `E-postleverandør: USA (US) – EU–US Data Privacy Framework (art. 45)`: each third
    /// country named; `outside_eea` said to name none; an international organisation said to
    /// be one.
    fn transfer(&self, party: &Party) -> String {
        let mut places: Vec<String> = party
            .outside_eea()
            .map(|v| match v.place {
                Place::SomewhereOutsideEea => {
                    let [nb, nn, en] = COUNTRY_NOT_NAMED;
                    self.pick(nb, nn, en).to_string()
                }
                _ => self.named_country(&v.code),
            })
            .collect();
        if party.international_organisation.is_some() {
            places.insert(
                0,
                self.pick(
                    "internasjonal organisasjon",
                    "internasjonal organisasjon",
                    "international organisation",
                )
                .to_string(),
            );
        }
        let mut cell = format!(
            "{}: {}",
            self.label(party.label.as_ref()),
            places.join(", ")
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

    /// `Tilsynsportal: Unntak i særlige situasjoner – nødvendig for å oppfylle en avtale
    /// (art. 49 nr. 1 bokstav b): <the reason written>` — what Art. 49(6) asks the record to
    /// document.
    fn derogation(&self, party: &Party, safeguard: &crate::model::Safeguard) -> String {
        let mut cell = format!("{}: ", self.label(party.label.as_ref()));
        match &safeguard.ground {
            Some(ground) => cell.push_str(&format!(
                "{} ({})",
                capitalise(self.ground(ground.value)),
                article_in(self.language, ground.value.article())
            )),
            None => cell.push_str(self.pick(
                "grunnlaget er ikke oppgitt",
                "grunnlaget er ikkje oppgitt",
                "the ground is not given",
            )),
        }
        if let Some(reason) = &safeguard.detail {
            cell.push_str(" – ");
            cell.push_str(self.text(reason));
        }
        cell
    }

    /// A third country by its name and code: `USA (US)`; an unknown code as written. The
    /// notice's names are written for running text ("the United States"); a cell drops the
    /// article.
    fn named_country(&self, code: &str) -> String {
        match country_name(code, self.language) {
            Some(name) => format!("{} ({code})", name.strip_prefix("the ").unwrap_or(name)),
            None => self.country(code),
        }
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

    /// The ground of Art. 49(1), in the words of the regulation (shortened).
    fn ground(&self, ground: DerogationGround) -> &'static str {
        match ground {
            DerogationGround::ExplicitConsent => self.pick(
                "uttrykkelig samtykke til overføringen",
                "uttrykkeleg samtykke til overføringa",
                "explicit consent to the transfer",
            ),
            DerogationGround::Contract => self.pick(
                "nødvendig for å oppfylle en avtale med den registrerte",
                "naudsynt for å oppfylle ein avtale med den registrerte",
                "necessary for a contract with the data subject",
            ),
            DerogationGround::ContractInInterest => self.pick(
                "nødvendig for en avtale inngått i den registrertes interesse",
                "naudsynt for ein avtale inngått i interessa til den registrerte",
                "necessary for a contract concluded in the interest of the data subject",
            ),
            DerogationGround::PublicInterest => self.pick(
                "nødvendig av viktige hensyn til allmennhetens interesse",
                "naudsynt av viktige omsyn til ålmenta si interesse",
                "necessary for important reasons of public interest",
            ),
            DerogationGround::LegalClaims => self.pick(
                "nødvendig for å fastsette, gjøre gjeldende eller forsvare rettskrav",
                "naudsynt for å fastsetje, gjere gjeldande eller forsvare rettskrav",
                "necessary for the establishment, exercise or defence of legal claims",
            ),
            DerogationGround::VitalInterests => self.pick(
                "nødvendig for å verne vitale interesser",
                "naudsynt for å verne vitale interesser",
                "necessary to protect vital interests",
            ),
            DerogationGround::PublicRegister => self.pick(
                "overføring fra et offentlig register",
                "overføring frå eit offentleg register",
                "transfer from a public register",
            ),
            DerogationGround::CompellingInterests => self.pick(
                "tvingende berettigede interesser",
                "tvingande berettiga interesser",
                "compelling legitimate interests",
            ),
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
            TransferSafeguard::PublicInstrument => self.pick(
                "rettslig bindende instrument mellom offentlige organer",
                "rettsleg bindande instrument mellom offentlege organ",
                "legally binding instrument between public bodies",
            ),
            TransferSafeguard::AdministrativeArrangement => self.pick(
                "administrativ ordning mellom offentlige organer",
                "administrativ ordning mellom offentlege organ",
                "administrative arrangement between public bodies",
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

/// A free-text field as written, or an empty cell.
fn written(field: Option<&crate::model::Spanned<String>>) -> String {
    field.map(|f| f.value.clone()).unwrap_or_default()
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
        Record::new(
            [&model],
            language,
            Dating {
                given: None,
                today: "2026-01-15",
            },
        )
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
    fn a_formula_after_a_semicolon_a_tab_or_a_line_break_is_defused() {
        assert_eq!(
            defuse_formula("a;=HYPERLINK(\"x\";\"y\")"),
            "a;'=HYPERLINK(\"x\";\"y\")"
        );
        assert_eq!(defuse_formula("=1;+2;-3;@4;5"), "'=1;'+2;'-3;'@4;5");
        for cell in [
            "=1;+2;-3;@4;5",
            "Kunder\n=1+1\r\n+47 22 00 00 00\r@SUM(1)",
            "a;b",
            "\tx",
        ] {
            assert_eq!(restore_formula(&defuse_formula(cell)), cell);
        }
        assert_eq!(
            defuse_formula("Kunder\n=1+1\r\n+47 22 00 00 00\r@SUM(1)"),
            "Kunder\n'=1+1\r\n'+47 22 00 00 00\r'@SUM(1)"
        );
        assert_eq!(defuse_formula("a\t=1"), "a\t'=1");
        assert_eq!(defuse_formula(";\t"), ";'\t");
        assert_eq!(defuse_formula("a; =1 - 2; b@c"), "a; =1 - 2; b@c");
        assert_eq!(defuse_formula("a;"), "a;");
    }

    #[test]
    fn markdown_escapes_pipes_and_markup() {
        assert_eq!(
            markdown_cell("a | b\nc_d <e> {x}"),
            "a &#124; b<br />c\\_d &lt;e&gt; &#123;x&#125;"
        );
    }

    #[test]
    fn a_cell_longer_than_a_spreadsheet_holds_is_cut_with_a_mark() {
        let record = |language| Record {
            language,
            title: "",
            headers: vec![],
            rows: vec![],
        };
        assert_eq!(record(Language::Nb).fit_cell(&"a".repeat(CELL_LIMIT)), None);
        let (cut, left_out) = record(Language::Nb)
            .fit_cell(&"a".repeat(CELL_LIMIT + 1))
            .unwrap();
        let mark = format!(" … [avkortet: {left_out} tegn til]");
        let kept = cut.strip_suffix(&mark).expect("the mark at the end");
        assert!(kept.bytes().all(|b| b == b'a'));
        assert_eq!(kept.len() + left_out, CELL_LIMIT + 1);
        assert!(cut.encode_utf16().count() <= CELL_LIMIT);
        assert!(
            cut.encode_utf16().count() > CELL_LIMIT - 5,
            "no more is cut than needed"
        );
        // Excel counts a character outside the BMP twice; the mark counts characters.
        let (cut, left_out) = record(Language::English)
            .fit_cell(&"😀".repeat(20_000))
            .unwrap();
        let mark = format!(" … [cut: {left_out} characters more]");
        let kept = cut.strip_suffix(&mark).expect("the mark at the end");
        assert_eq!(kept.chars().count() + left_out, 20_000);
        assert!(cut.encode_utf16().count() <= CELL_LIMIT);
        assert_eq!(
            record(Language::Nn)
                .fit_cell(&"æ".repeat(40_000))
                .unwrap()
                .1,
            40_000 - (CELL_LIMIT - " … [avkorta: 40000 teikn til]".chars().count())
        );
    }

    #[test]
    fn a_carriage_return_in_a_markdown_cell_is_a_line_of_the_cell() {
        assert_eq!(markdown_cell("a\rb\r\nc\nd"), "a<br />b<br />c<br />d");
        let record = Record {
            language: Language::English,
            title: "Record",
            headers: vec!["H"],
            rows: vec![vec!["a\rb".to_string()]],
        };
        let markdown = record.to_markdown();
        assert!(!markdown.contains('\r'), "{markdown:?}");
        assert!(markdown.ends_with("| a<br />b |\n"), "{markdown:?}");
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
            "Utsender: USA (US) – standard personvernbestemmelser (art. 46 nr. 2 bokstav c)"
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
    fn what_a_dpo_files_has_a_column_each() {
        let source = "notice \"Personvernerklæring\" en \"Privacy notice\" {\n  languages nb, en\n}\n\
            controller c \"C AS\" {\n  country NO\n  security \"Tilgangsstyring og kryptering\"\n}\n\
            category contact \"Kontakt\"\n\
            joint_controller partner \"Partner AS\" {\n  country NO\n  arrangement \"Vi svarer på innsyn\"\n  email \"post@partner.example\"\n  phone \"+47 22 00 00 00\"\n}\n\
            processor host \"Drift\" {\n  country outside_eea\n  safeguard scc\n}\n\
            processor support \"Brukerstøtte\" {\n  country IN\n  safeguard derogation contract \"Kunden ber selv om hjelp\"\n}\n\
            recipient un \"FN-organ\" {\n  international_organisation\n  safeguard derogation \"Nødhjelp\"\n}\n\
            purpose p \"Kundeforhold\" {\n  description \"Vi fører kundeforholdet.\"\n  basis contract\n  data contact\n  joint_controllers partner\n  processors host, support\n  recipients un\n  identification \"Sikker identifisering ved lån\"\n  consultation \"Drøftet 2025-03-04\"\n  security \"Logg over oppslag\"\n}\n";
        let sections = crate::syntax::read(source);
        let (model, _) = crate::analyze(source, &sections, &crate::Settings::default());
        assert_eq!(default_language([&model]), Language::Nb);
        let today = Dating {
            given: None,
            today: "2026-01-15",
        };
        let nb = Record::new([&model], Language::Nb, today);
        let cell = |record: &Record, column: Column| {
            let i = Column::ALL.iter().position(|c| *c == column).unwrap();
            record.rows[0][i].clone()
        };
        assert_eq!(cell(&nb, Column::Description), "Vi fører kundeforholdet.");
        assert_eq!(
            cell(&nb, Column::ControllerSecurity),
            "Tilgangsstyring og kryptering"
        );
        assert_eq!(cell(&nb, Column::PurposeSecurity), "Logg over oppslag");
        assert_eq!(
            cell(&nb, Column::JointControllers),
            "Partner AS (NO): Vi svarer på innsyn\npost@partner.example\n+47 22 00 00 00"
        );
        assert_eq!(
            cell(&nb, Column::Transfers),
            "Drift: utenfor EØS – landet er ikke oppgitt – standard personvernbestemmelser (art. 46 nr. 2 bokstav c)\n\
             Brukerstøtte: India (IN) – unntak i særlige situasjoner (art. 49 nr. 1 bokstav b): Kunden ber selv om hjelp\n\
             FN-organ: internasjonal organisasjon – unntak i særlige situasjoner (art. 49): Nødhjelp"
        );
        assert_eq!(
            cell(&nb, Column::Derogations),
            "Brukerstøtte: Nødvendig for å oppfylle en avtale med den registrerte (art. 49 nr. 1 bokstav b) – Kunden ber selv om hjelp\n\
             FN-organ: grunnlaget er ikke oppgitt – Nødhjelp"
        );
        assert_eq!(
            cell(&nb, Column::Identification),
            "Sikker identifisering ved lån"
        );
        assert_eq!(cell(&nb, Column::Consultation), "Drøftet 2025-03-04");
        assert_eq!(cell(&nb, Column::Declaration), "Personvernerklæring");
        assert_eq!(cell(&nb, Column::Date), "2026-01-15", "no `updated`: today");
        let en = Record::new([&model], Language::English, today);
        assert_eq!(cell(&en, Column::Declaration), "Privacy notice");
        let given = Dating {
            given: Some("2025-12-31"),
            today: "2026-01-15",
        };
        let dated = Record::new([&model], Language::Nb, given);
        assert_eq!(cell(&dated, Column::Date), "2025-12-31");
    }

    #[test]
    fn the_notice_dates_the_record_unless_a_date_is_given() {
        let source = "notice \"N\" {\n  languages en, nb\n  updated 2026-09-01\n}\ncontroller c \"C AS\" { country NO }\n";
        let sections = crate::syntax::read(source);
        let (model, _) = crate::analyze(source, &sections, &crate::Settings::default());
        assert_eq!(default_language([&model]), Language::English);
        let date = |given| {
            let record = Record::new(
                [&model],
                Language::Nb,
                Dating {
                    given,
                    today: "2026-01-15",
                },
            );
            record.rows[0][Column::ALL.len() - 1].clone()
        };
        assert_eq!(date(None), "2026-09-01");
        assert_eq!(date(Some("2026-10-01")), "2026-10-01");
        assert_eq!(default_language([]), Language::Nb);
    }

    #[test]
    fn a_processors_record_gathers_the_controllers_that_use_it() {
        let read = |source: &str| {
            let sections = crate::syntax::read(source);
            crate::analyze(source, &sections, &crate::Settings::default()).0
        };
        let a = read(
            "controller a \"A AS\" {\n  country NO\n  email \"post@a.example\"\n}\ndpo \"Ombudet\" { email \"dpo@a.example\" }\n\
            processor mail \"Postmann AS\" {\n  country US\n  safeguard dpf\n  agreement \"DBA-7\"\n}\n\
            purpose news \"Nyhetsbrev\" {\n  basis consent\n  processors mail\n}\npurpose books \"Regnskap\" {\n  basis legal_obligation\n}\n",
        );
        let b = read(
            "controller b \"B AS\" { country NO }\nprocessor p \"postmann as\" { country NO }\n\
            purpose sms \"Varsler\" {\n  basis contract\n  processors p\n}\n",
        );
        let c = read(
            "controller c \"C AS\" { country NO }\nprocessor other \"Annen\" { country NO }\n",
        );
        let today = Dating {
            given: None,
            today: "2026-01-15",
        };
        let record =
            Record::of_processor([&a, &b, &c], "Postmann AS", Language::Nb, today).unwrap();
        let column =
            |c: ProcessorColumn| ProcessorColumn::ALL.iter().position(|x| *x == c).unwrap();
        let cells = |c: ProcessorColumn| -> Vec<&str> {
            record.rows.iter().map(|r| r[column(c)].as_str()).collect()
        };
        assert_eq!(
            cells(ProcessorColumn::Controller(Column::Controller)),
            ["A AS", "B AS"]
        );
        assert_eq!(
            cells(ProcessorColumn::Processing),
            ["Nyhetsbrev", "Varsler"]
        );
        assert_eq!(
            cells(ProcessorColumn::Controller(Column::Dpo)),
            ["Ombudet\ndpo@a.example", ""]
        );
        assert_eq!(cells(ProcessorColumn::Agreement), ["DBA-7", ""]);
        assert_eq!(
            cells(ProcessorColumn::Transfers),
            [
                "Postmann AS: USA (US) – EU–US Data Privacy Framework (art. 45)",
                ""
            ]
        );
        assert!(
            cells(ProcessorColumn::Security)
                .iter()
                .all(|c| c.starts_with("Ikke i"))
        );
        assert_eq!(
            Record::of_processor([&a, &b], "mail", Language::Nb, today)
                .unwrap()
                .rows
                .len(),
            1,
            "by ID: only the declaration whose processor has that ID"
        );
        assert_eq!(
            Record::of_processor([&c], "Postmann AS", Language::Nb, today),
            None
        );
    }

    #[test]
    fn a_declaration_without_purposes_keeps_its_controller() {
        let record = record("controller c \"C AS\" { country NO }\n", Language::Nn);
        assert_eq!(record.rows.len(), 1);
        assert_eq!(record.rows[0][0], "C AS");
        assert_eq!(record.headers[0], "Behandlingsansvarleg");
    }
}
