//! Which language privlint speaks in a run: its findings, its errors about files and
//! configuration, the editor's hover and completion. One language per run, chosen by
//! [`LanguageChoice::resolve`] from what the person said, most explicit first.

use crate::lang::Language;

/// Everything that can choose the language, each `None` when not said. The order of the
/// fields is the order in which they count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LanguageChoice<'a> {
    /// `--lang` on the command line.
    pub flag: Option<Language>,
    /// `language = "nn"` in `privlint.toml`.
    pub config: Option<Language>,
    /// The editor's setting (`privlint.language` in VS Code), sent as the language server's
    /// `initializationOptions.language`.
    pub editor: Option<Language>,
    /// The `locale` the language server's client sends in `initialize` (`nb-NO`, `en-US`…).
    pub client_locale: Option<&'a str>,
    /// The first of the declaration's `notice languages`, as written.
    pub first_notice_language: Option<&'a str>,
}

impl LanguageChoice<'_> {
    /// The language of the run: the first of `--lang`, `privlint.toml`, the editor's setting,
    /// the client's locale and the declaration's first notice language that names one of
    /// privlint's languages; else English. A locale counts only when it is Norwegian: VS Code
    /// has no Norwegian display language, so its `en` says nothing about what the person reads.
    pub fn resolve(&self) -> Language {
        self.flag
            .or(self.config)
            .or(self.editor)
            .or(self.client_locale.and_then(norwegian_locale))
            .or(self.first_notice_language.and_then(Language::from_tag))
            .unwrap_or(Language::English)
    }
}

/// The language of a Norwegian locale, by its primary subtag: `nb` and `no` (Norwegian, which
/// is written in Bokmål unless said otherwise) are Bokmål, `nn` is Nynorsk; any other is `None`.
pub fn norwegian_locale(locale: &str) -> Option<Language> {
    let primary = locale.split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "nb" | "no" => Some(Language::Nb),
        "nn" => Some(Language::Nn),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{English, Nb, Nn};

    /// Every source said, each naming a different language from the one after it, so that
    /// taking the sources away one by one shows each step of the order.
    #[test]
    fn each_source_wins_over_those_after_it() {
        let mut choice = LanguageChoice {
            flag: Some(Nn),
            config: Some(English),
            editor: Some(Nb),
            client_locale: Some("nn-NO"),
            first_notice_language: Some("nb"),
        };
        assert_eq!(choice.resolve(), Nn, "--lang first");
        choice.flag = None;
        assert_eq!(choice.resolve(), English, "then privlint.toml");
        choice.config = None;
        assert_eq!(choice.resolve(), Nb, "then the editor's setting");
        choice.editor = None;
        assert_eq!(choice.resolve(), Nn, "then the client's locale");
        choice.client_locale = None;
        assert_eq!(choice.resolve(), Nb, "then the first notice language");
        choice.first_notice_language = None;
        assert_eq!(choice.resolve(), English, "else English");
        assert_eq!(LanguageChoice::default().resolve(), English);
    }

    #[test]
    fn a_locale_counts_only_when_it_is_norwegian() {
        for (locale, expected) in [
            ("nb", Some(Nb)),
            ("nb-NO", Some(Nb)),
            ("no", Some(Nb)),
            ("NO_no", Some(Nb)),
            ("nn", Some(Nn)),
            ("nn-NO", Some(Nn)),
            ("en", None),
            ("en-US", None),
            ("nl", None),
            ("", None),
        ] {
            assert_eq!(norwegian_locale(locale), expected, "{locale:?}");
        }
        // An English locale (VS Code's, always) leaves the choice to the declaration.
        let choice = LanguageChoice {
            client_locale: Some("en-US"),
            first_notice_language: Some("nn"),
            ..LanguageChoice::default()
        };
        assert_eq!(choice.resolve(), Nn);
        // A notice language privlint does not speak is passed over, to English.
        let choice = LanguageChoice {
            first_notice_language: Some("de"),
            ..LanguageChoice::default()
        };
        assert_eq!(choice.resolve(), English);
    }
}
