//! What privlint publishes from a declaration: the privacy notice (Art. 12-14), the record of
//! processing activities (Art. 30) and an export in the W3C Data Privacy Vocabulary. Renderers
//! read the model only; they write to strings and bytes, never to files.

pub mod notice;

/// A language privlint writes its own text in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// Norwegian Bokmål.
    Nb,
    /// Norwegian Nynorsk.
    Nn,
    English,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Nb, Language::Nn, Language::English];

    /// The BCP 47 tag: `nb`, `nn`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::Nn => "nn",
            Language::English => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// Picks the text for this language from its three versions.
    pub fn pick<T>(self, nb: T, nn: T, en: T) -> T {
        match self {
            Language::Nb => nb,
            Language::Nn => nn,
            Language::English => en,
        }
    }
}

pub mod dpv;
pub mod fides;
pub mod record;
#[cfg(feature = "xlsx")]
pub mod workbook;
