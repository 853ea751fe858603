//! What each column of a record means, recognised by its header: one synonym table per format
//! (docs/import.md lists them). Headers are compared normalised — lower case, punctuation and
//! runs of space as one space — and never by position, so a column a municipality added is
//! reported as not recognised instead of being read as its neighbour.

use privlint_core::publish::Language;
use privlint_core::publish::record::Column;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Controller,
    OrgNumber,
    /// Contact details, one a line (address, e-mail, phone, web address).
    ControllerContact,
    ControllerAddress,
    ControllerEmail,
    ControllerPhone,
    /// Joint controllers: `Name (countries): arrangement`, one a line.
    JointControllers,
    /// Whether there is a joint controller (yes/no): said by the names.
    JointControllerFlag,
    JointArrangement,
    Representative,
    RepresentativeAddress,
    RepresentativeEmail,
    RepresentativePhone,
    /// Whether there is a representative outside the EU (yes/no): said by the names.
    RepresentativeFlag,
    Dpo,
    DpoAddress,
    DpoEmail,
    DpoPhone,
    Id,
    /// The purpose's label.
    Purpose,
    LegalBasis,
    /// The national law a basis rests on, one per basis in the same order.
    BasisReference,
    Condition,
    ConditionReference,
    /// Behandlingsoversikt's column per Art. 9(2) letter ("Ja" when it applies).
    Article9(char),
    Article9Reference(char),
    /// Whether an Art. 9 condition applies (yes/no): said by the letters.
    Article9Flag,
    /// Art. 10 applies (yes/no), and the law that authorises it.
    Article10Flag,
    Article10Reference,
    Subjects,
    Data,
    Sources,
    Recipients,
    Processors,
    ProcessorAgreements,
    Transfers,
    Retention,
    Dpia,
    /// Whether a DPIA was carried out (yes/no): the reference says which.
    DpiaFlag,
    /// (v3) What is done for the purpose, in plain sentences.
    Description,
    /// (v3) The purpose's technical and organisational security measures (Art. 30(1)(g)).
    Security,
    /// (v3) The controller's general description of its security measures (Art. 30(1)(g)).
    ControllerSecurity,
    /// (v3) Why a national identity number is needed (personopplysningsloven § 12).
    Identification,
    /// (v3) The discussion with the employees' representatives (arbeidsmiljøloven § 9-2).
    Consultation,
    /// The declaration's name in privlint's record: the notice's title, else the controller's name.
    Declaration,
    /// The record's date: the notice's `updated` when the record names a notice.
    RecordDate,
    /// What privlint's record derives from other fields (the derogations of the transfers
    /// column): read from those fields, not from this one.
    Derived,
    /// Recognised, with no place in a version 2 declaration: kept as a comment on the purpose,
    /// under this name.
    Comment(&'static str),
}

/// The record formats read as tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// privlint's own record, the ICO's template (as Fides exports it), Datatilsynet's wording.
    Record,
    Behandlingsoversikt,
}

/// Behandlingsoversikt's headings (its client: src/l10n/nb.ts `csvHeaders` and
/// `articleNineCodes`, repository behandlingsoversikt/records-of-processing-activities-gui,
/// read 2026-12-08).
pub const BEHANDLINGSOVERSIKT: &[(Field, &str)] = &[
    (Field::Controller, "Behandlingsansvarlig"),
    (Field::OrgNumber, "Organisasjonsnummer"),
    // The person who represents the organisation, not an Art. 27 representative.
    (
        Field::Comment("Behandlingsansvarliges representant (kontaktperson)"),
        "Behandlingsansvarliges representant",
    ),
    (Field::ControllerAddress, "Virksomhetens postadresse"),
    (Field::ControllerEmail, "Virksomhetens e-post"),
    (Field::ControllerPhone, "Virksomhetens telefon"),
    (Field::RepresentativeFlag, "Utenfor EU/EØS (ja/nei)"),
    (
        Field::Representative,
        "Representant behandlingsansvarlig utenfor EU/EØS - navn",
    ),
    (
        Field::RepresentativeAddress,
        "Representant behandlingsansvarlig utenfor EU/EØS - postadresse",
    ),
    (
        Field::RepresentativeEmail,
        "Representant behandlingsansvarlig utenfor EU/EØS - e-post",
    ),
    (
        Field::RepresentativePhone,
        "Representant behandlingsansvarlig utenfor EU/EØS - telefon",
    ),
    (Field::Dpo, "Personvernombud - navn"),
    (Field::DpoAddress, "Personvernombud - postadresse"),
    (Field::DpoEmail, "Personvernombud - e-post"),
    (Field::DpoPhone, "Personvernombud - telefon"),
    (Field::Purpose, "Behandlingen gjelder"),
    (Field::Comment("Behandlingstatus"), "Behandlingstatus"),
    (
        Field::Comment("Daglig behandlingsansvar"),
        "Daglig behandlingsansvar - Navn",
    ),
    (
        Field::Comment("Daglig behandlingsansvar"),
        "Daglig behandlingsansvar - Tlf",
    ),
    (
        Field::Comment("Daglig behandlingsansvar"),
        "Daglig behandlingsansvar - Epost",
    ),
    (Field::Processors, "Databehandlere - Navn"),
    (Field::ProcessorAgreements, "Databehandleravtaler - Lenke"),
    (Field::JointControllerFlag, "Felles behandlingsansvar"),
    (
        Field::JointControllers,
        "Felles behandlingsansvar - Virksomheter",
    ),
    (
        Field::JointArrangement,
        "Felles behandlingsansvar - Ansvarsfordeling",
    ),
    (
        Field::Comment("Felles behandlingsansvar - Kontaktpunkt"),
        "Felles behandlingsansvar - Kontaktpunkt",
    ),
    (
        Field::Comment("Felles behandlingsansvar - E-post"),
        "Felles behandlingsansvar - E-post",
    ),
    (
        Field::Comment("Felles behandlingsansvar - Telefon"),
        "Felles behandlingsansvar - Telefon",
    ),
    (Field::Description, "Formål med behandlingen"),
    (Field::LegalBasis, "Behandlingsgrunnlag artikkel 6"),
    (
        Field::BasisReference,
        "Artikkel 6 - Henvisning til annen lovgiving",
    ),
    (Field::Article9Flag, "Behandlingsgrunnlag artikkel 9"),
    (
        Field::ConditionReference,
        "Artikkel 9 - henvisning til annen lovgiving",
    ),
    (Field::Article9('a'), "Artikkel 9(2)(a) - Samtykke"),
    (
        Field::Article9('b'),
        "Artikkel 9(2)(b) - Trygde-, arbeids- og sosialrettslige forhold",
    ),
    (
        Field::Article9('c'),
        "Artikkel 9(2)(c) - Vern av noen vitale interesser",
    ),
    (
        Field::Article9('d'),
        "Artikkel 9(2)(d) - Medlemsopplysninger",
    ),
    (
        Field::Article9('e'),
        "Artikkel 9(2)(e) - Offentliggjorte opplysninger",
    ),
    (
        Field::Article9('f'),
        "Artikkel 9(2)(f) - Rettskrav/domstolsbehandling",
    ),
    (
        Field::Article9('g'),
        "Artikkel 9(2)(g) - Viktige allmenne interesser",
    ),
    (
        Field::Article9('h'),
        "Artikkel 9(2)(h) - Medisinske opplysninger",
    ),
    (
        Field::Article9('i'),
        "Artikkel 9(2)(i) - Allmenne folkehelseopplysninger",
    ),
    (
        Field::Article9('j'),
        "Artikkel 9(2)(j) - Arkiv- og forskningsformål",
    ),
    (
        Field::Article9Reference('b'),
        "Artikkel 9(2)(b) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('c'),
        "Artikkel 9(2)(c) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('d'),
        "Artikkel 9(2)(d) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('e'),
        "Artikkel 9(2)(e) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('f'),
        "Artikkel 9(2)(f) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('g'),
        "Artikkel 9(2)(g) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('h'),
        "Artikkel 9(2)(h) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('i'),
        "Artikkel 9(2)(i) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (
        Field::Article9Reference('j'),
        "Artikkel 9(2)(j) - Henvisning til annet hjemmelsgrunnlag",
    ),
    (Field::Article10Flag, "Behandlingsgrunnlag artikkel 10"),
    (
        Field::Article10Reference,
        "Artikkel 10 - Henvisning til annen lovgiving",
    ),
    (
        Field::Comment("Funksjons- eller virksomhetsområde"),
        "Funksjons- eller virksomhetsområde",
    ),
    (
        Field::Comment("Tilhørende datasett"),
        "Tilhørende datasett - lenke",
    ),
    (
        Field::Comment("Tilhørende datasett"),
        "Tilhørende datasett - navn",
    ),
    (
        Field::Subjects,
        "Personopplysninger - Kategorier av registrerte",
    ),
    (
        Field::Data,
        "Personopplysninger - Kategorier tilknyttet den registrerte",
    ),
    (
        Field::Retention,
        "Personopplysninger - Planlagte tidsfrister for sletting",
    ),
    (Field::Sources, "Kilder til personopplysningene"),
    (
        Field::Comment("System"),
        "System i virksomheten som behandler personopplysninger",
    ),
    (Field::Recipients, "Mottakere eller kategorier av mottakere"),
    (
        Field::Transfers,
        "Mottakere - tredjeland eller internasjonale organisasjoner",
    ),
    (
        Field::Comment("Garantier ved overføring"),
        "Garantier ved overføring",
    ),
    (
        Field::Security,
        "Tekniske og organisatoriske sikkerhetstiltak",
    ),
    (Field::DpiaFlag, "Er det gjennomført DPIA?"),
    (Field::Dpia, "Referanse til DPIA"),
];

/// Headers of other records, beside privlint's own in nb, nn and en (from
/// `privlint_core::publish::record::Column::header`): the ICO's template as Fides exports it
/// (ethyca/fides src/fides/core/export_helpers.py `DATAMAP_COLUMNS`, read 2026-12-08) and the
/// words Datatilsynet's guidance on the record uses for the Art. 30(1) items.
pub const RECORD_SYNONYMS: &[(Field, &str)] = &[
    // The ICO template / Fides data map.
    (Field::Comment("Fides Dataset"), "Fides Dataset"),
    (Field::Comment("Fides System"), "Fides System"),
    (
        Field::Comment("Department or Business Function"),
        "Department or Business Function",
    ),
    (Field::Purpose, "Purpose of Processing"),
    (Field::JointControllers, "Joint Controller"),
    (
        Field::JointControllers,
        "Name and contact details of joint controller",
    ),
    (Field::Subjects, "Categories of Individuals"),
    (Field::Data, "Categories of Personal Data (Fides Taxonomy)"),
    (Field::Data, "Categories of Personal Data"),
    (Field::Recipients, "Categories of Recipients"),
    (
        Field::Comment("Link to Contract with Processor"),
        "Link to Contract with Processor",
    ),
    (Field::Transfers, "Third Country Transfers"),
    (
        Field::Transfers,
        "Names of third countries or international organisations that personal data are transferred to",
    ),
    (
        Field::Comment("Safeguards for Exceptional Transfers"),
        "Safeguards for Exceptional Transfers of Personal Data",
    ),
    (Field::Retention, "Retention Schedule"),
    (Field::Security, "General Description of Security Measures"),
    (
        Field::Security,
        "General description of technical and organisational security measures",
    ),
    (
        Field::Comment("Role or Responsibility"),
        "Role or Responsibility",
    ),
    (
        Field::LegalBasis,
        "Article 6 lawful basis for processing personal data",
    ),
    (
        Field::Condition,
        "Article 9 condition for processing special category data",
    ),
    (
        Field::Condition,
        "Article 9 basis for processing special category data",
    ),
    (
        Field::Comment("Legitimate interests"),
        "Legitimate interests for the processing (if applicable)",
    ),
    (
        Field::Comment("Legitimate interests assessment"),
        "Link to record of legitimate interests assessment (if applicable)",
    ),
    (
        Field::Comment("Rights available to individuals"),
        "Rights available to individuals",
    ),
    (
        Field::Comment("Automated decision-making"),
        "Existence of automated decision-making, including profiling (if applicable)",
    ),
    (
        Field::Sources,
        "The source of the personal data (if applicable)",
    ),
    (
        Field::DpiaFlag,
        "Data Protection Impact Assessment required?",
    ),
    (
        Field::Comment("DPIA progress"),
        "Data Protection Impact Assessment progress",
    ),
    (Field::Dpia, "Link to Data Protection Impact Assessment"),
    // Datatilsynet's wording for the items of Art. 30(1).
    (Field::Controller, "Navn på behandlingsansvarlig"),
    (Field::ControllerContact, "Kontaktopplysninger"),
    (Field::Dpo, "Personvernombudet"),
    (Field::Purpose, "Formålet med behandlingen"),
    (Field::Purpose, "Behandlingsaktivitet"),
    (Field::LegalBasis, "Rettslig grunnlag"),
    (Field::LegalBasis, "Behandlingsgrunnlag (art. 6)"),
    (Field::Subjects, "Kategorier av registrerte personer"),
    (Field::Recipients, "Kategorier av mottakere"),
    (
        Field::Transfers,
        "Overføring til tredjeland eller internasjonale organisasjoner",
    ),
    (Field::Retention, "Planlagte tidsfrister for sletting"),
    (Field::Retention, "Sletting"),
    (
        Field::Security,
        "Tekniske og organisatoriske sikkerhetstiltak",
    ),
    (
        Field::Security,
        "Generell beskrivelse av tekniske og organisatoriske sikkerhetstiltak",
    ),
];

/// A header as compared: lower case, every run of punctuation and space one space.
pub fn normalise(header: &str) -> String {
    let lower = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let mut out = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// The fields of a header row: per column, its field if recognised. For privlint's own record
/// the language of the headers is also returned (the record's fixed words are in it).
pub fn match_headers(
    format: TableFormat,
    headers: &[String],
) -> (Vec<Option<Field>>, Option<Language>) {
    let mut language = None;
    let fields = match format {
        TableFormat::Behandlingsoversikt => headers
            .iter()
            .map(|h| lookup(BEHANDLINGSOVERSIKT, h))
            .collect(),
        TableFormat::Record => {
            // The language whose headers match most (privlint's record in nb, nn or en).
            let own = |l: Language, h: &str| {
                Column::ALL
                    .iter()
                    .find(|c| normalise(c.header(l)) == normalise(h))
                    .map(|&c| record_field(c))
            };
            let best = [Language::Nb, Language::Nn, Language::English]
                .into_iter()
                .max_by_key(|&l| headers.iter().filter(|h| own(l, h).is_some()).count())
                .filter(|&l| headers.iter().any(|h| own(l, h).is_some()));
            language = best;
            headers
                .iter()
                .map(|h| {
                    best.and_then(|l| own(l, h))
                        .or_else(|| lookup(RECORD_SYNONYMS, h))
                })
                .collect()
        }
    };
    (fields, language)
}

fn lookup(table: &[(Field, &str)], header: &str) -> Option<Field> {
    let header = normalise(header);
    table
        .iter()
        .find(|(_, synonym)| normalise(synonym) == header)
        .map(|(field, _)| *field)
}

/// What a column of privlint's own record holds.
fn record_field(column: Column) -> Field {
    match column {
        Column::Controller => Field::Controller,
        Column::OrgNumber => Field::OrgNumber,
        Column::ControllerContact => Field::ControllerContact,
        Column::JointControllers => Field::JointControllers,
        Column::Representative => Field::Representative,
        Column::Dpo => Field::Dpo,
        Column::Id => Field::Id,
        Column::Purpose => Field::Purpose,
        Column::LegalBasis => Field::LegalBasis,
        Column::Condition => Field::Condition,
        Column::Subjects => Field::Subjects,
        Column::Data => Field::Data,
        Column::Sources => Field::Sources,
        Column::Recipients => Field::Recipients,
        Column::Processors => Field::Processors,
        Column::Transfers => Field::Transfers,
        Column::Retention => Field::Retention,
        Column::Dpia => Field::Dpia,
        Column::Description => Field::Description,
        Column::Identification => Field::Identification,
        Column::PurposeSecurity => Field::Security,
        Column::ControllerSecurity => Field::ControllerSecurity,
        Column::Consultation => Field::Consultation,
        Column::Declaration => Field::Declaration,
        Column::Date => Field::RecordDate,
        Column::Derogations => Field::Derived,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_compare_without_case_spacing_or_punctuation() {
        assert_eq!(
            normalise(" Personvernombud -  Navn "),
            "personvernombud navn"
        );
        assert_eq!(
            normalise("Utenfor EU/EØS (ja/nei)"),
            "utenfor eu eøs ja nei"
        );
        let headers = vec!["KILDER".to_string(), "Kommunens egen kolonne".to_string()];
        let (fields, language) = match_headers(TableFormat::Record, &headers);
        assert_eq!(fields, vec![Some(Field::Sources), None]);
        assert_eq!(language, Some(Language::Nb));
    }
}
