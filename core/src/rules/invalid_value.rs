use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Model, ReadIssue};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A value of the wrong kind, or a word that is not in the field's vocabulary:
    /// `basis necessary`, `retention soon`, `country no`, a missing label.
    ///
    /// ## Why
    /// A field whose value cannot be read says nothing; the message lists the valid values.
    /// The field still counts as written, so `basis necessary` gives this one finding and not
    /// also `missing-legal-basis`.
    ///
    /// ## Example
    /// ```privacy
    /// purpose signup "Registrering" {
    ///   basis necessary
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// purpose signup "Registrering" {
    ///   basis contract
    /// }
    /// ```
    pub struct InvalidValue {
        name: "invalid-value",
        severity: Error,
        scope: Section,
        article: "",
        fix: Sometimes,
        summary: [
            "en verdi som ikke er gyldig for feltet",
            "ein verdi som ikkje er gyldig for feltet",
            "a value that is not valid for its field",
        ],
    }
    messages {
        DID_YOU_MEAN = ["{problem}; mente du `{suggestion}`?", "{problem}; meinte du `{suggestion}`?", "{problem}; did you mean `{suggestion}`?"];
        REPLACE = ["Erstatt med `{suggestion}`", "Byt ut med `{suggestion}`", "Replace with `{suggestion}`"];
        EXTRA_VALUES = ["`{field}` skal ikke ha `{written}` her", "`{field}` skal ikkje ha `{written}` her", "`{field}` does not take `{written}` here"];
        FLAG_WITH_VALUE = [
            "`{field}` er et flagg og tar ingen verdi: skriv bare `{field}`",
            "`{field}` er eit flagg og tek ingen verdi: skriv berre `{field}`",
            "`{field}` is a flag and takes no value: write just `{field}`",
        ];
        TEXT_MISSING = [
            "`{field}` trenger en verdi i anførselstegn, for eksempel `{field} {example}`",
            "`{field}` treng ein verdi i hermeteikn, til dømes `{field} {example}`",
            "`{field}` needs a value in quotes, like `{field} {example}`",
        ];
        NOT_TEXT = [
            "`{field}` tar tekst i anførselstegn, for eksempel `{field} {example}`",
            "`{field}` tek tekst i hermeteikn, til dømes `{field} {example}`",
            "`{field}` takes text in quotes, like `{field} {example}`",
        ];
        TRANSLATION_FOR_RECORD = [
            "denne teksten i `{field}` står bare i protokollen over behandlingsaktiviteter, ikke i personvernerklæringen, og skal ikke oversettes: fjern `{tag} \"…\"`",
            "denne teksten i `{field}` står berre i protokollen over behandlingsaktivitetar, ikkje i personvernerklæringa, og skal ikkje omsetjast: fjern `{tag} \"…\"`",
            "this text of `{field}` is for the record of processing, not the notice, and takes no translation: remove `{tag} \"…\"`",
        ];
        TRANSLATION_AS_WRITTEN = [
            "denne teksten i `{field}` vises slik den er skrevet på alle språk, og skal ikke oversettes: fjern `{tag} \"…\"`",
            "denne teksten i `{field}` blir vist slik han er skriven på alle språk, og skal ikkje omsetjast: fjern `{tag} \"…\"`",
            "this text of `{field}` is shown as written in every language and takes no translation: remove `{tag} \"…\"`",
        ];
        TRANSLATION_TAG = [
            "`{tag}` er ikke en språkkode: en oversettelse starter med en kode på to eller tre bokstaver, for eksempel `en`, `nn` eller `se`",
            "`{tag}` er ikkje ein språkkode: ei omsetjing startar med ein kode på to eller tre bokstavar, til dømes `en`, `nn` eller `se`",
            "`{tag}` is not a language tag: a translation starts with a two- or three-letter code such as `en`, `nn` or `se`",
        ];
        TRANSLATION_TWICE = [
            "oversettelsen til `{tag}` står to ganger: behold én",
            "omsetjinga til `{tag}` står to gonger: behald éi",
            "the translation into `{tag}` is given twice: keep one",
        ];
        NOT_A_DATE = [
            "`{value}` er ikke en dato som finnes i kalenderen (ÅÅÅÅ-MM-DD)",
            "`{value}` er ikkje ein dato som finst i kalenderen (ÅÅÅÅ-MM-DD)",
            "`{value}` is not a date of the calendar (YYYY-MM-DD)",
        ];
        COUNTRIES_OR_REGIONS = [
            "`{field}` tar ISO 3166-1 alpha-2-koder med store bokstaver eller ordene `eea` og `outside_eea`, skilt med komma, for eksempel `{field} NO` eller `{field} NO, outside_eea`",
            "`{field}` tek ISO 3166-1 alpha-2-kodar med store bokstavar eller orda `eea` og `outside_eea`, skilde med komma, til dømes `{field} NO` eller `{field} NO, outside_eea`",
            "`{field}` takes ISO 3166-1 alpha-2 codes in capitals or the words `eea` and `outside_eea`, separated by commas, like `{field} NO` or `{field} NO, outside_eea`",
        ];
        COUNTRIES = [
            "`{field}` tar ISO 3166-1 alpha-2-koder med store bokstaver, skilt med komma, for eksempel `{field} NO, SE`",
            "`{field}` tek ISO 3166-1 alpha-2-kodar med store bokstavar, skilde med komma, til dømes `{field} NO, SE`",
            "`{field}` takes ISO 3166-1 alpha-2 codes in capitals, separated by commas, like `{field} NO, SE`",
        ];
        SEPARATE_COUNTRIES = [
            "skill landene med komma: `{field} NO, SE`",
            "skil landa med komma: `{field} NO, SE`",
            "separate the countries with commas: `{field} NO, SE`",
        ];
        ID_AND_LABEL_MISSING = [
            "`{field}` trenger en ID og et navn, for eksempel `{field} my_{field} \"Navn\"`: ID-en er det formålene bruker for å vise til {kind}",
            "`{field}` treng ein ID og eit namn, til dømes `{field} my_{field} \"Namn\"`: ID-en er det formåla brukar for å vise til {kind}",
            "`{field}` needs an ID and a label, like `{field} my_{field} \"Label\"`: the ID is how purposes refer to {kind}",
        ];
        NOT_AN_ID = [
            "`{value}` er ikke en gyldig ID: en ID skrives med små bokstaver og understrek (snake_case)",
            "`{value}` er ikkje ein gyldig ID: ein ID blir skriven med små bokstavar og understrek (snake_case)",
            "`{value}` is not a valid ID: IDs are snake_case",
        ];
        LABEL_NOT_TEXT = [
            "navnet på en `{field}` er tekst i anførselstegn",
            "namnet på ein `{field}` er tekst i hermeteikn",
            "the label of a `{field}` is text in quotes",
        ];
        LABEL_MISSING = [
            "`{field} {id}` trenger et navn i anførselstegn: navnet folk leser i personvernerklæringen",
            "`{field} {id}` treng eit namn i hermeteikn: namnet folk les i personvernerklæringa",
            "`{field} {id}` needs a label in quotes: the name people read in the notice",
        ];
        REFERENCES_MISSING = [
            "`{field}` trenger ID-ene til {kind}, skilt med komma",
            "`{field}` treng ID-ane til {kind}, skilde med komma",
            "`{field}` needs the IDs of {kind}, separated by commas",
        ];
        NOT_A_REFERENCE = [
            "`{field}` tar ID-er til {kind}, ikke `{value}`: definer den med `{keyword} ID \"Navn\"` og skriv ID-en her",
            "`{field}` tek ID-ar til {kind}, ikkje `{value}`: definer han med `{keyword} ID \"Namn\"` og skriv ID-en her",
            "`{field}` takes IDs of {kind}, not `{value}`: define it with `{keyword} ID \"Label\"` and name its ID here",
        ];
        SEPARATE_IDS = [
            "skill ID-ene i `{field}` med komma",
            "skil ID-ane i `{field}` med komma",
            "separate the IDs in `{field}` with commas",
        ];
        WORD_MISSING = [
            "`{field}` trenger {what}: en av {words}",
            "`{field}` treng {what}: ein av {words}",
            "`{field}` needs {what}: one of {words}",
        ];
        NOT_IN_VOCABULARY = [
            "`{value}` er ikke {what}: bruk en av {words}",
            "`{value}` er ikkje {what}: bruk ein av {words}",
            "`{value}` is not {what}: use one of {words}",
        ];
        SEPARATE_WORDS = [
            "skill ordene i `{field}` med komma",
            "skil orda i `{field}` med komma",
            "separate the words of `{field}` with commas",
        ];
        /// The kinds of words `{what}` names.
        A_LEGAL_BASIS = ["et behandlingsgrunnlag etter {Art. 6(1)}", "eit behandlingsgrunnlag etter {Art. 6(1)}", "a legal basis of {Art. 6(1)}"];
        A_CONDITION = ["et vilkår i {Art. 9(2)} eller {Art. 10}", "eit vilkår i {Art. 9(2)} eller {Art. 10}", "a condition of {Art. 9(2)} or {Art. 10}"];
        A_CHANNEL = ["en kanal for direkte markedsføring", "ein kanal for direkte marknadsføring", "a channel of direct marketing"];
        A_COOKIE = ["en type informasjonskapsel", "ein type informasjonskapsel", "a kind of cookie"];
        A_PROVISION = ["om opplysningene må gis ({Art. 13(2)(e)})", "om opplysningane må givast ({Art. 13(2)(e)})", "whether the data must be provided ({Art. 13(2)(e)})"];
        A_DECISION_SAFEGUARD = ["en garanti etter {Art. 22(3)}", "ein garanti etter {Art. 22(3)}", "a safeguard of {Art. 22(3)}"];
        A_TRANSFER_SAFEGUARD = ["et overføringsgrunnlag", "eit overføringsgrunnlag", "a transfer safeguard"];
        A_DEROGATION = ["et unntak i {Art. 49(1)}", "eit unntak i {Art. 49(1)}", "a ground of {Art. 49(1)}"];
        COOKIES_MISSING = [
            "`cookies` sier hva formålet lagrer på eller leser fra enheten til personen: én eller flere av strictly_necessary, functional, analytics, marketing",
            "`cookies` seier kva formålet lagrar på eller les frå eininga til personen: ein eller fleire av strictly_necessary, functional, analytics, marketing",
            "`cookies` says what the purpose stores on or reads from the person's device: one or more of strictly_necessary, functional, analytics, marketing",
        ];
        SAFEGUARDS_MISSING = [
            "`safeguards` lister garantiene etter {Art. 22(3)}: human_review, express_view, contest",
            "`safeguards` listar garantiane etter {Art. 22(3)}: human_review, express_view, contest",
            "`safeguards` lists the {Art. 22(3)} safeguards: human_review, express_view, contest",
        ];
        DETAIL_NOT_TEXT = [
            "det som følger etter `{field} {words}`, er tekst i anførselstegn",
            "det som kjem etter `{field} {words}`, er tekst i hermeteikn",
            "what follows `{field} {words}` is text in quotes",
        ];
        DECISION_NOT_TEXT = [
            "en `decision` beskrives i anførselstegn: `decision \"Automatisk kredittavgjørelse\" {{ … }}`",
            "ei `decision` blir skildra i hermeteikn: `decision \"Automatisk kredittavgjerd\" {{ … }}`",
            "a `decision` is described in quotes: `decision \"Automatisk kredittavgjørelse\" {{ … }}`",
        ];
        LAW_NOT_TEXT = [
            "`authorised_by` skriver loven i anførselstegn: `authorised_by \"forskrift om …\"`",
            "`authorised_by` skriv lova i hermeteikn: `authorised_by \"forskrift om …\"`",
            "`authorised_by` names the law in quotes: `authorised_by \"forskrift om …\"`",
        ];
        QUALIFIER_NOT_TEXT = [
            "en rettighet kan avgrenses med en tekst i anførselstegn: `{field} \"…\"`",
            "ein rett kan avgrensast med ein tekst i hermeteikn: `{field} \"…\"`",
            "a right may be qualified by a text in quotes: `{field} \"…\"`",
        ];
        NOT_AN_ORGANISATION = [
            "`{value}` er ikke en internasjonal organisasjon i privlints tabell over beslutninger om tilstrekkelig beskyttelsesnivå (den kjenner {known}): skriv bare `{field}` for en annen organisasjon",
            "`{value}` er ikkje ein internasjonal organisasjon i tabellen til privlint over avgjerder om tilstrekkeleg vernenivå (han kjenner {known}): skriv berre `{field}` for ein annan organisasjon",
            "`{value}` is not an international organisation of privlint's adequacy table (it knows {known}): write just `{field}` for another organisation",
        ];
        CONDITIONAL_PROVISION = [
            "`provision conditional` trenger det personen søker om, i anførselstegn, og så følgene av å ikke gi opplysningene: `provision conditional \"if you apply for a loan\" \"we cannot process the application\"`",
            "`provision conditional` treng det personen søkjer om, i hermeteikn, og så følgjene av å la vere å gi opplysningane: `provision conditional \"if you apply for a loan\" \"we cannot process the application\"`",
            "`provision conditional` needs what the person applies for in quotes, then the consequences of not providing the data: `provision conditional \"if you apply for a loan\" \"we cannot process the application\"`",
        ];
        DURATION_TOO_LARGE = [
            "dette tallet er for stort for en varighet",
            "dette talet er for stort for ei varigheit",
            "this number is too large for a duration",
        ];
        DURATION_WITHOUT_UNIT = [
            "en varighet trenger en enhet: `{number} days`, `{number} weeks`, `{number} months` eller `{number} years`",
            "ei varigheit treng ei eining: `{number} days`, `{number} weeks`, `{number} months` eller `{number} years`",
            "a duration needs a unit: `{number} days`, `{number} weeks`, `{number} months` or `{number} years`",
        ];
        NOT_A_DURATION = [
            "`{value}` er ikke en varighet: skriv et tall og en enhet, for eksempel `30 days` eller `1 month`",
            "`{value}` er ikkje ei varigheit: skriv eit tal og ei eining, til dømes `30 days` eller `1 month`",
            "`{value}` is not a duration: write a number and a unit, like `30 days` or `1 month`",
        ];
        UPDATED_NOT_DATE = [
            "`updated` tar en dato: `updated 2026-03-01`",
            "`updated` tek ein dato: `updated 2026-03-01`",
            "`updated` takes a date: `updated 2026-03-01`",
        ];
        NOT_A_NOTICE_LANGUAGE = [
            "`{value}` er ikke en språkkode: skriv en kode på to eller tre små bokstaver (BCP 47), for eksempel `\"nb\"`, `\"nn\"` eller `\"en\"`",
            "`{value}` er ikkje ein språkkode: skriv ein kode på to eller tre små bokstavar (BCP 47), til dømes `\"nb\"`, `\"nn\"` eller `\"en\"`",
            "`{value}` is not a language tag: write a two- or three-letter code in lower case (BCP 47), such as `\"nb\"`, `\"nn\"` or `\"en\"`",
        ];
        LANGUAGES_MISSING = [
            "`languages` lister språkene personvernerklæringen publiseres på, først det den er skrevet på: `languages nb, nn, en`",
            "`languages` listar språka personvernerklæringa blir publisert på, først det ho er skriven på: `languages nb, nn, en`",
            "`languages` lists the languages the notice is published in, the one it is written in first: `languages nb, nn, en`",
        ];
        NOT_A_LANGUAGE_TAG = [
            "`{value}` er ikke en språkkode: bruk koder på to eller tre bokstaver, for eksempel `nb`, `nn`, `en` eller `se`",
            "`{value}` er ikkje ein språkkode: bruk kodar på to eller tre bokstavar, til dømes `nb`, `nn`, `en` eller `se`",
            "`{value}` is not a language tag: use two- or three-letter codes such as `nb`, `nn`, `en` or `se`",
        ];
        LISTED_TWICE = ["`{value}` står to ganger", "`{value}` står to gonger", "`{value}` is listed twice"];
        SEPARATE_LANGUAGES = [
            "skill språkene med komma: `languages nb, nn, en`",
            "skil språka med komma: `languages nb, nn, en`",
            "separate the languages with commas: `languages nb, nn, en`",
        ];
        SEPARATE_INCLUDES = [
            "skill det som står i `includes`, med komma: `includes \"navn\", \"adresse\"`",
            "skil det som står i `includes`, med komma: `includes \"navn\", \"adresse\"`",
            "separate the items of `includes` with commas: `includes \"navn\", \"adresse\"`",
        ];
        INCLUDES_NOT_TEXT = [
            "`includes` lister tekster i anførselstegn, skilt med komma: `includes \"navn\", \"adresse\"`",
            "`includes` listar tekstar i hermeteikn, skilde med komma: `includes \"navn\", \"adresse\"`",
            "`includes` lists texts in quotes, separated by commas: `includes \"navn\", \"adresse\"`",
        ];
        AGREEMENT_NOT_DATE = [
            "`agreement` tar datoen for databehandleravtalen (`agreement 2024-01-15`) eller referansen til den i anførselstegn (`agreement \"DBA-2023-07\"`)",
            "`agreement` tek datoen for databehandlaravtalen (`agreement 2024-01-15`) eller referansen til han i hermeteikn (`agreement \"DBA-2023-07\"`)",
            "`agreement` takes the date of the data processing agreement (`agreement 2024-01-15`) or its reference in quotes (`agreement \"DBA-2023-07\"`)",
        ];
        /// The forms of `retention`, after the problem.
        RETENTION_FORMS = [
            "skriv en periode (`retention 90 days`), en periode etter en hendelse (`retention 5 years after \"the contract ends\"`), `retention until \"event\"` eller `retention indefinite \"reason\"`",
            "skriv ein periode (`retention 90 days`), ein periode etter ei hending (`retention 5 years after \"the contract ends\"`), `retention until \"event\"` eller `retention indefinite \"reason\"`",
            "write a period (`retention 90 days`), a period after an event (`retention 5 years after \"the contract ends\"`), `retention until \"event\"` or `retention indefinite \"reason\"`",
        ];
        RETENTION_MISSING = ["`retention` trenger en verdi: {forms}", "`retention` treng ein verdi: {forms}", "`retention` needs a value: {forms}"];
        AFTER_WHAT = [
            "etter perioden kommer `after \"event\"`: {forms}",
            "etter perioden kjem `after \"event\"`: {forms}",
            "after the period comes `after \"event\"`: {forms}",
        ];
        UNTIL_WHAT = [
            "`retention until` trenger hendelsen i anførselstegn: `retention until \"kunden melder seg av\"`",
            "`retention until` treng hendinga i hermeteikn: `retention until \"kunden melder seg av\"`",
            "`retention until` needs the event in quotes: `retention until \"kunden melder seg av\"`",
        ];
        NOT_A_RETENTION = [
            "`{value}` er ikke en lagringstid: {forms}",
            "`{value}` er ikkje ei lagringstid: {forms}",
            "`{value}` is not a retention period: {forms}",
        ];
        RESPOND_WITHIN_MISSING = [
            "`respond_within` trenger en varighet, for eksempel `respond_within 1 month`",
            "`respond_within` treng ei varigheit, til dømes `respond_within 1 month`",
            "`respond_within` needs a duration, like `respond_within 1 month`",
        ];
    }
}

impl Rule for InvalidValue {
    fn check(&self, model: &Model, report: &mut Report) {
        for issue in &model.issues {
            let ReadIssue::InvalidValue {
                span,
                problem,
                suggestion,
                ..
            } = issue
            else {
                continue;
            };
            let problem = problem.write(report.language);
            let diagnostic = match suggestion {
                Some(s) => Diagnostic::new(
                    &Self::META,
                    *span,
                    report.say(
                        Self::DID_YOU_MEAN,
                        &[("problem", &problem), ("suggestion", s)],
                    ),
                )
                .with_fix(
                    report.say(Self::REPLACE, &[("suggestion", s)]),
                    vec![Edit {
                        span: *span,
                        text: s.clone(),
                    }],
                ),
                None => Diagnostic::new(&Self::META, *span, problem),
            };
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    #[test]
    fn lists_or_suggests_valid_words() {
        let found = findings("invalid-value", "purpose p \"P\" {\n  basis concent\n}\n");
        assert!(
            found[0].1.contains("did you mean `consent`"),
            "{}",
            found[0].1
        );
        let found = findings("invalid-value", "purpose p \"P\" {\n  basis necessary\n}\n");
        assert!(
            found[0].1.contains("legitimate_interests"),
            "{}",
            found[0].1
        );
    }

    /// The problem, its suggestion and the quick fix are written in the run's language, with
    /// the phrases inside the problem (the kind of word, the article) in it too.
    #[test]
    fn is_written_in_the_runs_language() {
        let settings = crate::Settings {
            language: crate::lang::Language::Nn,
            ..crate::Settings::default()
        };
        let found = crate::check("purpose p \"P\" {\n  basis concent\n}\n", &settings);
        let finding = found
            .iter()
            .find(|d| d.rule.name == "invalid-value")
            .unwrap();
        assert!(
            finding.message.starts_with(
                "`concent` er ikkje eit behandlingsgrunnlag etter personvernforordninga artikkel 6 nr. 1: bruk ein av consent,"
            ),
            "{}",
            finding.message
        );
        assert!(
            finding.message.ends_with("; meinte du `consent`?"),
            "{}",
            finding.message
        );
        assert_eq!(finding.fix.as_ref().unwrap().title, "Byt ut med `consent`");
    }

    #[test]
    fn an_invalid_value_still_counts_as_written() {
        let text = "purpose p \"P\" {\n  basis necessary\n  retention soon\n}\n";
        assert_eq!(lines("invalid-value", text), vec![2, 3]);
        assert!(lines("missing-legal-basis", text).is_empty());
        assert!(lines("missing-retention", text).is_empty());
    }

    #[test]
    fn checks_kinds_of_values() {
        assert_eq!(
            lines("invalid-value", "processor p \"P\" { country no }\n"),
            vec![1]
        );
        assert_eq!(
            lines(
                "invalid-value",
                "processor p \"P\" { agreement 2023-02-30 }\n"
            ),
            vec![1]
        );
        assert_eq!(
            lines("invalid-value", "rights { respond_within 30 }\n"),
            vec![1]
        );
        assert_eq!(
            lines("invalid-value", "category c \"C\" { special yes }\n"),
            vec![1]
        );
        assert_eq!(lines("invalid-value", "category c\n"), vec![1]);
        assert!(
            lines(
                "invalid-value",
                "purpose p \"P\" { retention 5 years after \"x\" }\n"
            )
            .is_empty()
        );
    }
}
