//! The languages privlint writes its own text in, and the one way such a text is written: a
//! [`T`], the phrase in Bokmål, Nynorsk and English side by side. A `T` cannot be built without
//! all three, so a missing translation does not compile. The notice's fixed text
//! (`publish::notice::text`) and the rules' summaries and messages (`rules/`) are tables of them.
//!
//! `{name}` marks where a value goes; the three versions of a phrase have the same placeholders
//! (tested over every table). `{Art. 6(1)(a)}` is a placeholder too: it is filled with the
//! article as the language writes it ([`cite`]), so no Norwegian article reference is written by
//! hand; `{46(2)(a)}` is one the English writes without "Art." (after another article).
//! `{{` and `}}` are literal braces (a message can show a block: `{{ email "…" }}`).

use std::fmt::Display;

/// A language privlint writes its own text in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// Norwegian Bokmål.
    Nb,
    /// Norwegian Nynorsk.
    Nn,
    /// English, the language when none is chosen.
    #[default]
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
    pub fn pick<X>(self, nb: X, nn: X, en: X) -> X {
        match self {
            Language::Nb => nb,
            Language::Nn => nn,
            Language::English => en,
        }
    }
}

/// One phrase in the three languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct T {
    pub nb: &'static str,
    pub nn: &'static str,
    pub en: &'static str,
}

impl T {
    pub fn get(self, language: Language) -> &'static str {
        language.pick(self.nb, self.nn, self.en)
    }

    /// The phrase in `language` with its placeholders filled: `{name}` with the value named so,
    /// `{Art. …}` with the article as [`cite`] writes it, `{{` and `}}` as braces.
    pub fn fill(self, language: Language, values: &[(&str, &dyn Display)]) -> String {
        let text = self.get(language);
        let mut out = String::with_capacity(text.len() + 16);
        for piece in pieces(text) {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Placeholder(name) if name.starts_with("Art.") => {
                    out.push_str(&cite(name, language))
                }
                // "{46(2)(a)}": an article the English names without "Art." (after another).
                Piece::Placeholder(name) if name.starts_with(|c: char| c.is_ascii_digit()) => {
                    match language {
                        Language::English => out.push_str(name),
                        _ => out.push_str(&cite(&format!("Art. {name}"), language)),
                    }
                }
                Piece::Placeholder(name) => match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    // A phrase and its caller disagree: a programming error the tests over
                    // every rule's examples catch; the text stays readable meanwhile.
                    None => {
                        debug_assert!(false, "no value for {{{name}}} in {text:?}");
                        out.push_str(&format!("{{{name}}}"));
                    }
                },
            }
        }
        out
    }
}

/// A phrase with the values of its placeholders, written once the run's language is known: the
/// reader (`lower`) finds a value it cannot read before any language matters, and the model it
/// builds is the same in every language.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub phrase: T,
    pub values: Vec<(&'static str, Value)>,
}

/// The value of a placeholder of a [`Message`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Written as it is: a word or a value from the file.
    Text(String),
    /// A phrase of its own, written in the message's language.
    Phrase(T),
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<T> for Value {
    fn from(phrase: T) -> Value {
        Value::Phrase(phrase)
    }
}

impl Message {
    pub fn new(phrase: T) -> Message {
        Message {
            phrase,
            values: Vec::new(),
        }
    }

    /// The message with `{name}` filled with `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Message {
        self.values.push((name, value.into()));
        self
    }

    /// The message in `language`.
    pub fn write(&self, language: Language) -> String {
        let written: Vec<(&str, String)> = self
            .values
            .iter()
            .map(|(name, value)| {
                let text = match value {
                    Value::Text(text) => text.clone(),
                    Value::Phrase(phrase) => phrase.fill(language, &[]),
                };
                (*name, text)
            })
            .collect();
        let values: Vec<(&str, &dyn Display)> = written
            .iter()
            .map(|(name, text)| (*name, text as &dyn Display))
            .collect();
        self.phrase.fill(language, &values)
    }
}

/// Declares phrases: `NAME = ["Bokmål", "Nynorsk", "English"];` gives `const NAME: T` and
/// `PHRASES`, every phrase of the table by name (for the tests and the review documents).
macro_rules! phrases {
    ($($(#[$doc:meta])* $name:ident = [$nb:literal, $nn:literal, $en:literal];)*) => {
        $($(#[$doc])* pub const $name: $crate::lang::T = $crate::lang::T { nb: $nb, nn: $nn, en: $en };)*
        /// Every phrase of this table, by name.
        pub const PHRASES: &[(&str, $crate::lang::T)] = &[$((stringify!($name), $name)),*];
    };
}

enum Piece<'t> {
    Text(&'t str),
    Placeholder(&'t str),
}

/// A phrase cut into literal text and placeholders.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        pieces.push(Piece::Text(&rest[..at]));
        let after = &rest[at + 1..];
        if after.starts_with(&rest[at..at + 1]) {
            // `{{` or `}}`: one brace.
            pieces.push(Piece::Text(&rest[at..at + 1]));
            rest = &after[1..];
        } else if let Some(end) = after.find('}').filter(|_| &rest[at..at + 1] == "{") {
            pieces.push(Piece::Placeholder(&after[..end]));
            rest = &after[end + 1..];
        } else {
            pieces.push(Piece::Text(&rest[at..at + 1]));
            rest = after;
        }
    }
    pieces.push(Piece::Text(rest));
    pieces
}

/// The placeholders of a phrase, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Placeholder(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect();
    found.sort_unstable();
    found
}

/// An article reference as the language writes it. English keeps the form of the rules'
/// metadata ("Art. 6(1)(a), 13(1)(c)"); Norwegian writes it as Norwegian lawyers do:
/// "personvernforordningen artikkel 6 nr. 1 bokstav a og artikkel 13 nr. 1 bokstav c"
/// (Nynorsk: "personvernforordninga …"). A leading "GDPR " is dropped in Norwegian, since the
/// act is named; Norwegian statutes ("personopplysningsloven § 12") are kept as written.
pub fn cite(article: &str, language: Language) -> String {
    if language == Language::English {
        return article.to_string();
    }
    let regulation = language.pick("personvernforordningen", "personvernforordninga", "GDPR");
    let directive = language.pick(
        "ekomdirektivet (direktiv 2002/58/EF)",
        "ekomdirektivet (direktiv 2002/58/EF)",
        "",
    );
    article
        .split("; ")
        .map(|part| {
            let (act, rest) = match part
                .strip_prefix("ePrivacy Directive 2002/58/EC ")
                .and_then(|p| p.strip_prefix("Art. "))
            {
                Some(rest) => (directive, rest.to_string()),
                None => (regulation, part.to_string()),
            };
            cite_part(act, &rest, language)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One part of a reference (between semicolons): its items, separated by ", ", in Norwegian.
fn cite_part(act: &str, part: &str, language: Language) -> String {
    let mut items: Vec<String> = Vec::new();
    // The act is named before its first article, and again after a statute in between.
    let mut named = false;
    // The article and the paragraph an item such as "(d)" or "45(1a)" continues.
    let mut article = String::new();
    // Whether the item before was a statute's ("§§ 9-1, 9-2": "9-2" is the statute's too).
    let mut statute = false;
    // "Art. 6(1), second subparagraph" is one item.
    let part = part.replace(", second subparagraph", " second subparagraph");
    for item in part.split(", ") {
        let item = item.strip_prefix("GDPR ").unwrap_or(item);
        if let Some(number) = item.strip_prefix("Recital ") {
            items.push(format!("fortalepunkt {number}"));
            continue;
        }
        let reference = item.strip_prefix("Art. ");
        let starts_with_digit = item.starts_with(|c: char| c.is_ascii_digit());
        if reference.is_none() && (statute || !starts_with_digit && !item.starts_with('(')) {
            // A Norwegian statute: as written.
            items.push(item.to_string());
            named = false;
            statute = true;
            continue;
        }
        statute = false;
        if !starts_with_digit && reference.is_none() && !article.is_empty() && named {
            // "(d)" after "49(1)(a)": another letter of the same paragraph.
            items.push(format!("bokstav {}", item.trim_matches(['(', ')'])));
            continue;
        }
        let (reference, suffix) = split_suffix(reference.unwrap_or(item), language);
        let number: String = reference
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        article = number.clone();
        let mut text = if named {
            String::from("artikkel ")
        } else {
            format!("{act} artikkel ")
        };
        named = true;
        text.push_str(&range(&number));
        let groups = &reference[number.len()..];
        for (depth, group) in groups
            .split_inclusive(')')
            .filter(|g| !g.is_empty())
            .enumerate()
        {
            // "(1)" or "-(2)": a range of paragraphs or letters.
            let (to, group) = match group.strip_prefix('-') {
                Some(group) => (true, group),
                None => (false, group),
            };
            let value = group.trim_matches(['(', ')']);
            let label = if value.starts_with(|c: char| c.is_ascii_digit()) {
                "nr."
            } else {
                "bokstav"
            };
            if to {
                text.push_str(&format!(" til {value}"));
            } else if depth == 0 || label == "bokstav" {
                text.push_str(&format!(" {label} {value}"));
            }
        }
        text.push_str(suffix);
        items.push(text);
    }
    join(&items)
}

/// "15-18" → "15 til 18".
fn range(number: &str) -> String {
    number.replace('-', " til ")
}

/// Words after the reference itself, in Norwegian.
fn split_suffix(reference: &str, language: Language) -> (&str, &'static str) {
    const SUFFIXES: &[(&str, &str, &str)] = &[
        (" second subparagraph", " annet ledd", " andre ledd"),
        (
            " as adapted by EEA Joint Committee Decision 154/2018",
            " slik den er tilpasset ved EØS-komiteens beslutning nr. 154/2018",
            " slik han er tilpassa ved avgjerda til EØS-komiteen nr. 154/2018",
        ),
    ];
    for (english, nb, nn) in SUFFIXES {
        if let Some(reference) = reference.strip_suffix(english) {
            return (reference, language.pick(nb, nn, english));
        }
    }
    (reference, "")
}

/// "a", "a og b", "a, b og c".
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{} og {last}", first.join(", ")),
    }
}

/// Bokmål forms that have no place in Nynorsk: no Nynorsk phrase contains any of them
/// (lower-cased, with a space added at the end; tested over every table, and over rendered
/// notices in `core/tests/notice_facts.rs`).
pub const BOKMAL_FORMS: &[&str] = &[
    "opplysningene",
    "ikke ",
    "hvordan",
    "hva ",
    "behandler ",
    "virksomhet",
    "dem ",
    "nødvendig",
    "hvis ",
    "allmennhet",
    "mottakeren",
    "hvem",
    "noen ",
    "bruker ",
    " ikke.",
    "hvorfor",
    "hvor ",
    "noe ",
    " fra ",
    "trenger",
    "gjøre",
    "være",
    "kommer ",
    "mener ",
    "sier ",
    "deres",
    "egen ",
    "eget ",
    "egne ",
    "rettighet",
    "beskyttelse",
    "begrens",
    "sammen",
    "for eksempel",
    "blant annet",
    "ennå",
    "bare ",
    "mens ",
    "fortsatt",
    "følger ",
    "tjenest",
    "forebygg",
    "henvendelse",
    "personvernforordningen",
    "ansvarlig",
    "mangler",
    "skrives ",
    "skal være",
];

/// What is wrong with a phrase of a table: placeholders that differ between the languages,
/// empty text or spaces around it, a Bokmål form in the Nynorsk. Empty when nothing is.
pub fn problems(name: &str, t: T) -> Vec<String> {
    let mut found = Vec::new();
    let nb = placeholders(t.nb);
    for (language, text) in [("nn", t.nn), ("en", t.en)] {
        if placeholders(text) != nb {
            found.push(format!(
                "{name}: the placeholders of the {language} text {text:?} differ from the Bokmål"
            ));
        }
    }
    for text in [t.nb, t.nn, t.en] {
        if text.trim().is_empty() {
            found.push(format!("{name} is empty"));
        } else if text.trim() != text {
            found.push(format!("{name}: spaces around {text:?}"));
        }
    }
    let nn = format!("{} ", t.nn.to_lowercase());
    for word in BOKMAL_FORMS {
        // At the start of a word: "bare " is Bokmål, "sårbare " is not.
        let starts_word = |(at, _): &(usize, &str)| {
            !nn[..*at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        };
        if nn.match_indices(word).any(|m| starts_word(&m)) {
            found.push(format!("{name}: Bokmål {word:?} in the Nynorsk {:?}", t.nn));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_values_articles_and_braces() {
        let t = T {
            nb: "`{field}` mangler ({Art. 6(1)}): skriv `x {{ y }}`",
            nn: "`{field}` manglar ({Art. 6(1)}): skriv `x {{ y }}`",
            en: "`{field}` is missing ({Art. 6(1)}): write `x {{ y }}`",
        };
        assert_eq!(
            t.fill(Language::English, &[("field", &"basis")]),
            "`basis` is missing (Art. 6(1)): write `x { y }`"
        );
        assert_eq!(
            t.fill(Language::Nn, &[("field", &"basis")]),
            "`basis` manglar (personvernforordninga artikkel 6 nr. 1): skriv `x { y }`"
        );
        assert_eq!(placeholders(t.en), vec!["Art. 6(1)", "field"]);
        let bare = T {
            nb: "({46(2)(a)})",
            nn: "({46(2)(a)})",
            en: "({46(2)(a)})",
        };
        assert_eq!(bare.fill(Language::English, &[]), "(46(2)(a))");
        assert_eq!(
            bare.fill(Language::Nb, &[]),
            "(personvernforordningen artikkel 46 nr. 2 bokstav a)"
        );
    }

    #[test]
    fn cites_articles_as_norwegian_lawyers_write_them() {
        let nb = |a| cite(a, Language::Nb);
        assert_eq!(
            nb("Art. 6(1)(a)"),
            "personvernforordningen artikkel 6 nr. 1 bokstav a"
        );
        assert_eq!(
            cite("Art. 6(1)(a)", Language::Nn),
            "personvernforordninga artikkel 6 nr. 1 bokstav a"
        );
        assert_eq!(cite("Art. 6(1)(a)", Language::English), "Art. 6(1)(a)");
        assert_eq!(
            nb("Art. 6(1), 13(1)(c)"),
            "personvernforordningen artikkel 6 nr. 1 og artikkel 13 nr. 1 bokstav c"
        );
        assert_eq!(
            nb("Art. 13(2)(b), 15-18"),
            "personvernforordningen artikkel 13 nr. 2 bokstav b og artikkel 15 til 18"
        );
        assert_eq!(
            nb("Art. 21(1)-(2), 13(2)(b)"),
            "personvernforordningen artikkel 21 nr. 1 til 2 og artikkel 13 nr. 2 bokstav b"
        );
        assert_eq!(
            nb("Art. 37(1)(b)-(c)"),
            "personvernforordningen artikkel 37 nr. 1 bokstav b til c"
        );
        assert_eq!(
            nb("Art. 49(1)(a), (d), 49(2)"),
            "personvernforordningen artikkel 49 nr. 1 bokstav a, bokstav d og artikkel 49 nr. 2"
        );
        assert_eq!(
            nb("Art. 4(11), 7, Recital 43"),
            "personvernforordningen artikkel 4 nr. 11, artikkel 7 og fortalepunkt 43"
        );
        assert_eq!(
            nb("personopplysningsloven § 12, GDPR Art. 87"),
            "personopplysningsloven § 12 og personvernforordningen artikkel 87"
        );
        assert_eq!(
            cite("Art. 6(1), second subparagraph", Language::Nn),
            "personvernforordninga artikkel 6 nr. 1 andre ledd"
        );
        assert_eq!(
            nb("Art. 6(1) second subparagraph"),
            "personvernforordningen artikkel 6 nr. 1 annet ledd"
        );
        assert_eq!(
            nb("ePrivacy Directive 2002/58/EC Art. 5(3); ekomloven § 3-15; GDPR Art. 4(11), 7"),
            "ekomdirektivet (direktiv 2002/58/EF) artikkel 5 nr. 3; ekomloven § 3-15; personvernforordningen artikkel 4 nr. 11 og artikkel 7"
        );
        assert_eq!(nb("markedsføringsloven § 15"), "markedsføringsloven § 15");
        assert_eq!(
            nb("arbeidsmiljøloven §§ 9-1, 9-2"),
            "arbeidsmiljøloven §§ 9-1 og 9-2"
        );
    }

    #[test]
    fn finds_what_is_wrong_with_a_phrase() {
        let good = T {
            nb: "ikke {x}",
            nn: "ikkje {x}",
            en: "not {x}",
        };
        assert!(problems("good", good).is_empty());
        let bad = T {
            nb: "ikke {x}",
            nn: "ikke {y}",
            en: " not {x}",
        };
        assert_eq!(problems("bad", bad).len(), 3);
        let sårbare = T {
            nb: "sårbare",
            nn: "sårbare",
            en: "vulnerable",
        };
        assert!(problems("sårbare", sårbare).is_empty());
    }
}
