use crate::diagnostic::Diagnostic;
use crate::model::{Model, Text};
use crate::rules::{Report, Rule};

declare_rule! {
    /// ## What it checks
    /// A `notice` with `languages` naming more than one language, and a text that the notice
    /// shows without a translation into one of the languages after the first. One finding per
    /// text, naming the languages it lacks.
    ///
    /// The texts a notice shows (language.md §8) are: the notice title; the labels of purposes
    /// and decisions, and of the categories, subjects, sources, recipients, processors and joint
    /// controllers some purpose uses (an unused definition is not shown); the names of the DPO,
    /// the representative and the supervisory authorities; each `includes` item; the interest
    /// of `basis legitimate_interests`; the event or reason of `retention`; `logic`;
    /// `arrangement`; the consequences of `provision`; the reason of a `derogation`; and the
    /// qualifying text of a right. The controller's legal name, law references, agreements,
    /// DPIA references and contact details are shown as written and take no translation.
    ///
    /// ## Why
    /// The GDPR has no article that names translations. It requires personal data to be
    /// processed transparently (Art. 5(1)(a)) and the information to be given "in a concise,
    /// transparent, intelligible and easily accessible form, using clear and plain language"
    /// (Art. 12(1)); the Article 29 Working Party's transparency guidelines, endorsed by the
    /// EDPB (WP260 rev.01, paragraph 13), read this to require a translation into the
    /// languages of the people a controller addresses. Listing a language in `languages` says
    /// the notice addresses readers of that language; a text left in the first language is not
    /// intelligible to them, and the version in their language is incomplete. The rule
    /// therefore cites Art. 12(1) and 5(1)(a).
    ///
    /// ## Example
    /// ```privacy
    /// notice "Personvernerklæring" en "Privacy notice" {
    ///   languages nb, en
    /// }
    /// purpose newsletter "Nyhetsbrev" {
    ///   basis consent
    /// }
    /// ```
    ///
    /// ## Fix
    /// ```privacy
    /// notice "Personvernerklæring" en "Privacy notice" {
    ///   languages nb, en
    /// }
    /// purpose newsletter "Nyhetsbrev" en "Newsletter" {
    ///   basis consent
    /// }
    /// ```
    pub struct MissingTranslation {
        name: "missing-translation",
        severity: Warning,
        scope: Declaration,
        article: "Art. 12(1), 5(1)(a)",
        fix: Never,
        summary: [
            "en tekst i en flerspråklig erklæring som mangler oversettelse til ett av språkene",
            "ein tekst i ei fleirspråkleg erklæring som ikkje er omsett til eitt av språka",
            "a text of a notice in several languages without a translation into one of them",
        ],
    }
    messages {
        AND = ["og", "og", "and"];
        ONE_VERSION = ["`{language}`-versjonen", "`{language}`-versjonen", "the `{language}` version"];
        VERSIONS = ["versjonene på {languages}", "versjonane på {languages}", "the {languages} versions"];
        NOT_TRANSLATED = [
            "erklæringen publiseres også på {wanted}, men {text} er ikke oversatt til {missing}, så {versions} ville vist teksten på `{first}`, som leserne kanskje ikke forstår ({Art. 12(1), 5(1)(a)}; WP260 rev.01 ¶ 13: klart og enkelt språk for dem det gjelder); legg til oversettelsen etter teksten: `{example} \"…\"`",
            "erklæringa blir også publisert på {wanted}, men {text} er ikkje omsett til {missing}, så {versions} ville vist teksten på `{first}`, som lesarane kanskje ikkje forstår ({Art. 12(1), 5(1)(a)}; WP260 rev.01 ¶ 13: klart og enkelt språk for dei det gjeld); legg til omsetjinga etter teksten: `{example} \"…\"`",
            "the notice is also published in {wanted}, but {text} has no translation into {missing}, so {versions} would show it in `{first}`, which its readers may not understand ({Art. 12(1), 5(1)(a)}; WP260 rev.01 ¶ 13: clear and plain language for the people addressed); add the translation after the text: `{example} \"…\"`",
        ];
        PUBLISHED_IN = [
            "erklæringen publiseres på `{language}`",
            "erklæringa blir publisert på `{language}`",
            "the notice is published in `{language}`",
        ];
    }
}

/// "`nn`", "`nn` and `en`", "`nn`, `se` and `en`".
fn list(languages: &[&str], report: &Report) -> String {
    let quoted: Vec<String> = languages.iter().map(|l| format!("`{l}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!(
            "{} {} {last}",
            init.join(", "),
            report.say(MissingTranslation::AND, &[])
        ),
    }
}

/// The text as the message quotes it: whole when short, else its start.
fn quote(text: &Text) -> String {
    const MAX: usize = 40;
    let value = text.value.replace('\n', " ");
    if value.chars().count() <= MAX {
        format!("\"{value}\"")
    } else {
        format!("\"{}…\"", value.chars().take(MAX).collect::<String>())
    }
}

impl Rule for MissingTranslation {
    fn check(&self, model: &Model, report: &mut Report) {
        let Some(notice) = &model.notice else {
            return;
        };
        let languages = notice.languages();
        let Some((first, others)) = languages.split_first() else {
            return;
        };
        let mut wanted: Vec<&str> = Vec::new();
        for &language in others {
            if language != *first && !wanted.contains(&language) {
                wanted.push(language);
            }
        }
        if wanted.is_empty() {
            return;
        }
        for text in model.shown_texts() {
            let missing: Vec<&str> = wanted
                .iter()
                .copied()
                .filter(|l| text.translation(l).is_none())
                .collect();
            let Some(example) = missing.first() else {
                continue;
            };
            let mut diagnostic = Diagnostic::new(
                &Self::META,
                text.span,
                report.say(
                    Self::NOT_TRANSLATED,
                    &[
                        ("wanted", &list(&wanted, report)),
                        ("text", &quote(text)),
                        ("missing", &list(&missing, report)),
                        (
                            "versions",
                            &match missing.as_slice() {
                                [one] => report.say(Self::ONE_VERSION, &[("language", one)]),
                                _ => report
                                    .say(Self::VERSIONS, &[("languages", &list(&missing, report))]),
                            },
                        ),
                        ("first", first),
                        ("example", example),
                    ],
                ),
            );
            if let Some(tag) = notice.languages.iter().find(|l| l.value == *example) {
                diagnostic = diagnostic.with_related(
                    tag.span,
                    report.say(Self::PUBLISHED_IN, &[("language", example)]),
                );
            }
            report.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const RULE: &str = "missing-translation";

    fn declaration(languages: &str, rest: &str) -> String {
        format!("notice \"Erklæring\" nn \"Erklæring\" en \"Notice\" {{\n  {languages}\n}}\n{rest}")
    }

    #[test]
    fn only_for_a_notice_in_several_languages() {
        let purpose = "purpose p \"P\"\n";
        assert_eq!(
            lines(RULE, &declaration("languages nb, en", purpose)),
            vec![4]
        );
        assert!(lines(RULE, &declaration("languages nb", purpose)).is_empty());
        assert!(lines(RULE, &declaration("language \"nb\"", purpose)).is_empty());
        assert!(lines(RULE, purpose).is_empty());
    }

    #[test]
    fn names_the_missing_languages() {
        let text = declaration(
            "languages nb, nn, se, en",
            "purpose p \"P\" nn \"P\"\npurpose q \"Q\" nn \"Q\" se \"Q\" en \"Q\"\n",
        );
        let found = findings(RULE, &text);
        // The title lacks `se`; `p` lacks `se` and `en`; `q` lacks nothing.
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0]
                .1
                .contains("no translation into `se`, so the `se` version "),
            "{}",
            found[0].1
        );
        assert!(
            found[1]
                .1
                .contains("into `se` and `en`, so the `se` and `en` versions"),
            "{}",
            found[1].1
        );
        // A tag outside `languages` is ignored, and does not count.
        let extra = declaration("languages nb, en", "purpose p \"P\" de \"P\"\n");
        assert_eq!(lines(RULE, &extra), vec![4]);
    }

    #[test]
    fn unused_definitions_are_not_shown() {
        let text = declaration(
            "languages nb, en",
            "category used \"U\" en \"U\" { includes \"a\" en \"a\", \"b\" }\ncategory unused \"X\"\n\
             subject s \"S\"\nprocessor x \"X\"\n\
             purpose p \"P\" en \"P\" {\n  data used\n  subjects s\n}\n",
        );
        // The `includes` item "b" (line 4) and the subject (line 6).
        assert_eq!(lines(RULE, &text), vec![4, 6]);
    }

    #[test]
    fn texts_of_a_purpose_and_the_rights_but_not_laws() {
        let text = declaration(
            "languages nb, en",
            "controller c \"Selskapet AS\" {\n  authority dt \"Datatilsynet\"\n}\n\
             dpo \"Ombodet\"\nrepresentative \"Representanten\"\n\
             purpose p \"P\" en \"P\" {\n\
             \x20 basis legitimate_interests \"interessa\"\n\
             \x20 basis legal_obligation \"lova § 1\"\n\
             \x20 retention 1 year after \"slutten\"\n\
             \x20 provision statutory \"følgja\"\n\
             \x20 decision \"Avgjerda\" {\n    logic \"logikken\"\n  }\n}\n\
             rights {\n  erasure \"avgrensa\"\n  complaint dt \"klage\"\n}\n",
        );
        assert_eq!(
            lines(RULE, &text),
            vec![5, 7, 8, 10, 12, 13, 14, 15, 19, 20]
        );
    }
}
