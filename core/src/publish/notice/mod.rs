//! The privacy notice (Art. 12-14): from the [`Model`] to a [`Document`] (sections,
//! paragraphs, lists), then to HTML ([`html`]) or CommonMark ([`markdown`]). The content is
//! decided once, here; the two writers only lay it out and escape it.
//!
//! Layered, as Datatilsynet and the EDPB advise: under the title, whose notice it is and when it
//! was last updated; (1) in brief, for one phone screen: each purpose by name (grouped by
//! subject when purposes concern different people), then what matters most (automated
//! decisions, profiling, surveillance, transfers outside the EEA, sensitive data, cookies that
//! need consent, and the `claims` nothing disproves), the rights in one sentence, how to reach
//! us; (2) each purpose in full, folded in HTML (`<details>`); (3) the rights that apply, each
//! folded behind one line, the objection to direct marketing on its own (Art. 21(4)), the
//! complaint and the response time; (4) who the controller is, contact, DPO, representative.
//!
//! Sentences read whole whatever the declaration says (cli.md v3): no "label: value" frame in
//! running text; a declared text that continues a sentence (it starts in lower case) is set
//! into its frame, one that starts a sentence stands on its own; numbers up to twelve before a
//! unit are written in words.
//! Declaration strings are shown in the requested language where a translation is given
//! (language.md §8), else as written; definitions no purpose uses are not shown.

pub mod html;
pub mod markdown;
pub mod text;

use crate::model::{
    Contact, Countries, CountryValue, Model, Party, Place, Purpose, Reference, RetentionPeriod,
    Text,
};
use crate::publish::Language;
use crate::vocab::{
    Claim, Cookie, Duration, LegalBasis, Provision, TimeUnit, TransferSafeguard, Vocabulary,
};
use text::T;

/// What to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub language: Language,
    /// `Some(errors)` renders a draft, with a banner that counts the errors.
    pub draft: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

/// The language to render the notice of `model` in: `tag`, or by default the first of the
/// notice's `languages` (`nb` when it names none). Refused, with the reason, for a language the
/// notice is not published in or that privlint has no text for (the command line and the
/// playground say the same).
pub fn language(model: &Model, tag: Option<&str>) -> Result<Language, String> {
    let languages: Vec<&str> = match model.notice.as_ref() {
        Some(n) if !n.languages().is_empty() => n.languages(),
        _ => vec!["nb"],
    };
    let tag = tag.unwrap_or(languages[0]);
    match Language::from_tag(tag) {
        Some(language) if languages.contains(&tag) => Ok(language),
        _ => {
            let available: Vec<&str> = languages
                .iter()
                .copied()
                .filter(|l| Language::from_tag(l).is_some())
                .collect();
            let why = if languages.contains(&tag) {
                "privlint has no text in it (it writes nb, nn and en)".to_string()
            } else {
                format!("the notice is published in {}", languages.join(", "))
            };
            Err(format!(
                "cannot render the notice in language `{tag}`: {why}; available: {}",
                if available.is_empty() {
                    "none".to_string()
                } else {
                    available.join(", ")
                }
            ))
        }
    }
}

/// Renders the notice of `model` in `format`.
pub fn render(model: &Model, options: Options, format: Format) -> String {
    render_for(model, options, format, &[])
}

/// Renders the notice for some audiences (`--subject`): `subjects` are indices into
/// `model.subjects`; empty renders the whole notice.
///
/// Each purpose's section is made when the writer gets to it and dropped once written
/// ([`Later`]): memory then holds the text and one purpose's section, not the whole notice as a
/// tree as well (which cost twice the model for a declaration whose purposes each name many
/// categories and processors; BENCHMARKS.md, "Publishing at scale").
pub fn render_for(model: &Model, options: Options, format: Format, subjects: &[usize]) -> String {
    let (builder, document) = parts(model, options, subjects);
    let purposes = |part: &Section, write: &mut dyn FnMut(&Section)| {
        if part.id == PURPOSES {
            builder.each_purpose(|purpose| write(&purpose));
        }
    };
    match format {
        Format::Html => html::write(&document, &purposes),
        Format::Markdown => markdown::write(&document, &purposes),
    }
}

/// The subsections of a part that are made as they are written: given the part, it hands
/// each to the writer in turn (after the part's own subsections).
pub type Later<'a> = &'a dyn Fn(&Section, &mut dyn FnMut(&Section));

/// A piece of running text.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// privlint's own text.
    Fixed(String),
    /// A string from the declaration (untrusted): with the language it is written in when
    /// that is not the language of the page (an untranslated string).
    Declared {
        text: String,
        lang: Option<String>,
    },
    Strong(Vec<Inline>),
    /// A link: `#id` inside the notice, or `https:`, `http:`, `mailto:`, `tel:`.
    Link {
        href: String,
        content: Vec<Inline>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    /// Terms, each with what it says: the facts of a purpose, the contact details.
    Facts(Vec<Fact>),
    /// One line that stands for its body until the reader opens it (a right): in HTML a
    /// `<details>` with the line as its `<summary>`, open when printed; in Markdown the line as
    /// a paragraph with the body under it.
    Folded {
        line: Vec<Inline>,
        body: Vec<Block>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub term: String,
    pub body: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The fragment ID (ASCII).
    pub id: String,
    /// Folded in HTML (`<details>`, open when printed); a plain section in Markdown.
    pub folded: bool,
    pub heading: Vec<Inline>,
    pub blocks: Vec<Block>,
    pub subsections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub language: Language,
    pub title: Vec<Inline>,
    /// What stands under the title: the date of the last update, whose notice it is.
    pub intro: Vec<Block>,
    /// The draft banner.
    pub banner: Option<String>,
    pub skip: String,
    /// The parts, each an h2 with h3 subsections.
    pub sections: Vec<Section>,
}

/// The IDs of the parts, for links between them.
const SUMMARY: &str = "summary";
const PURPOSES: &str = "purposes";
const RIGHTS: &str = "rights";
const OBJECT_MARKETING: &str = "direct-marketing";
const CONTACT: &str = "contact";

struct Builder<'m> {
    model: &'m Model,
    language: Language,
    /// The language the declaration's strings are written in.
    source: String,
    /// A draft shows what the declaration does not say yet (a missing retention, provision or
    /// logic), as it shows a missing legal basis.
    draft: bool,
    /// The subjects the notice is for (`--subject`); empty for everyone.
    audience: Vec<usize>,
    /// Whether the notice is addressed to children only: its audience, or every subject its
    /// purposes name, is a `child`. Its fixed text for them is then in plainer words.
    children: bool,
}

pub fn document(model: &Model, options: Options) -> Document {
    document_for(model, options, &[])
}

/// The notice for some audiences: the purposes that concern their subjects or name none, and
/// every part that concerns the whole controller.
pub fn document_for(model: &Model, options: Options, subjects: &[usize]) -> Document {
    let (builder, mut document) = parts(model, options, subjects);
    if let Some(part) = document.sections.iter_mut().find(|s| s.id == PURPOSES) {
        builder.each_purpose(|purpose| part.subsections.push(purpose));
    }
    document
}

/// The notice without the purposes' own sections, and the builder that makes them
/// ([`Builder::each_purpose`]).
fn parts<'m>(model: &'m Model, options: Options, subjects: &[usize]) -> (Builder<'m>, Document) {
    let source = model
        .notice
        .as_ref()
        .and_then(|n| n.languages().first().map(|l| l.to_string()))
        .unwrap_or_else(|| "nb".to_string());
    let b = Builder {
        model,
        language: options.language,
        source,
        draft: options.draft.is_some(),
        audience: subjects.to_vec(),
        children: addressed_to_children(model, subjects),
    };
    let title = match model.notice.as_ref().and_then(|n| n.title.as_ref()) {
        Some(title) => vec![b.text(title)],
        None => b.fill(
            text::DEFAULT_TITLE,
            vec![("controller", vec![b.controller_name()])],
        ),
    };
    let banner = options.draft.map(|errors| match errors {
        0 => b.t(text::DRAFT_NO_ERRORS).to_string(),
        1 => b.t(text::DRAFT_ONE_ERROR).to_string(),
        n => b.t(text::DRAFT_ERRORS).replace("{count}", &n.to_string()),
    });
    let document = Document {
        language: options.language,
        intro: b.intro(),
        title,
        banner,
        skip: b.t(text::SKIP).to_string(),
        sections: vec![b.summary(), b.purposes(), b.rights(), b.contact()],
    };
    (b, document)
}

fn fixed(s: impl Into<String>) -> Inline {
    Inline::Fixed(s.into())
}

fn link(href: impl Into<String>, content: Vec<Inline>) -> Inline {
    Inline::Link {
        href: href.into(),
        content,
    }
}

fn section(id: impl Into<String>, heading: Vec<Inline>, blocks: Vec<Block>) -> Section {
    Section {
        id: id.into(),
        heading,
        blocks,
        folded: false,
        subsections: Vec::new(),
    }
}

/// One value inline, more than one as a list.
fn items(mut items: Vec<Vec<Inline>>) -> Block {
    if items.len() == 1 {
        Block::Paragraph(items.remove(0))
    } else {
        Block::List(items)
    }
}

/// The text of a declared inline, if it is one.
fn declared(inline: &Inline) -> Option<&str> {
    match inline {
        Inline::Declared { text, .. } => Some(text),
        _ => None,
    }
}

/// Whether a declared text continues a sentence (it starts in lower case) rather than being one.
fn continues_sentence(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// The duration in running text: numbers up to twelve in words ("fem år", "ett år").
pub fn duration_text(d: Duration, language: Language) -> String {
    let (one, many) = text::unit(d.unit);
    let unit = if d.amount == 1 { one } else { many }.get(language);
    let number = match d.amount {
        1 => text::one(d.unit).get(language).to_string(),
        n @ 2..=12 => text::NUMBERS[n as usize - 2].get(language).to_string(),
        n => n.to_string(),
    };
    format!("{number} {unit}")
}

fn fact(term: &str, body: Vec<Block>) -> Fact {
    Fact {
        term: term.to_string(),
        body,
    }
}

/// Whether a text ends a sentence already (so that no full stop is added after it).
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';', '…'])
}

impl<'m> Builder<'m> {
    fn t(&self, phrase: T) -> &'static str {
        phrase.get(self.language)
    }

    /// The phrase for the reader: its plainer version when the notice is for children.
    fn for_reader(&self, phrase: T, for_children: T) -> T {
        if self.children { for_children } else { phrase }
    }

    /// A declaration string in the requested language, or as written.
    fn text(&self, text: &Text) -> Inline {
        let lang = self.language.tag();
        match text.translation(lang) {
            Some(translated) => Inline::Declared {
                text: translated.to_string(),
                lang: None,
            },
            None => Inline::Declared {
                text: text.value.clone(),
                lang: (self.source != lang).then(|| self.source.clone()),
            },
        }
    }

    /// A string that takes no translation (names, contact details).
    fn plain(&self, value: &str) -> Inline {
        Inline::Declared {
            text: value.to_string(),
            lang: None,
        }
    }

    fn label(&self, label: &Option<Text>, id: &str) -> Inline {
        match label {
            Some(text) => self.text(text),
            None => self.plain(id),
        }
    }

    /// A phrase with its `{name}` placeholders filled.
    fn fill(&self, phrase: T, values: Vec<(&str, Vec<Inline>)>) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut rest = self.t(phrase);
        while let Some(start) = rest.find('{') {
            let end = start + rest[start..].find('}').expect("placeholders are closed");
            if start > 0 {
                out.push(fixed(&rest[..start]));
            }
            let name = &rest[start + 1..end];
            let value = values
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("no value for {{{name}}}"));
            out.extend(value.1.iter().cloned());
            rest = &rest[end + 1..];
        }
        if !rest.is_empty() {
            out.push(fixed(rest));
        }
        out
    }

    /// A frame that ends with its declared value and a full stop ("Dette følgjer av {law}."),
    /// without a second stop when the value ends a sentence itself.
    fn framed(&self, phrase: T, name: &str, value: Inline) -> Vec<Inline> {
        let ends = declared(&value).is_some_and(ends_sentence);
        let mut out = self.fill(phrase, vec![(name, vec![value])]);
        if ends && matches!(out.last(), Some(Inline::Fixed(stop)) if stop == ".") {
            out.pop();
        }
        out
    }

    /// A declared text in its frame when it continues the sentence ("Grunnen er at …"),
    /// else as a sentence of its own ("Vi må arkivere saka.").
    fn clause(&self, phrase: T, name: &str, text: &Text) -> Vec<Inline> {
        let value = self.text(text);
        if declared(&value).is_some_and(continues_sentence) {
            self.framed(phrase, name, value)
        } else {
            self.sentence(value)
        }
    }

    /// A declared text as a sentence: a full stop after it unless it has one.
    fn sentence(&self, value: Inline) -> Vec<Inline> {
        let ends = declared(&value).is_some_and(ends_sentence);
        let mut out = vec![value];
        if !ends {
            out.push(fixed("."));
        }
        out
    }

    /// A declared qualification set after a sentence: in brackets before its full stop when it
    /// continues the sentence ("… treng dei (i avgrensa grad)."), else as a sentence after it.
    fn qualified(&self, mut sentence: Vec<Inline>, text: &Text) -> Vec<Inline> {
        let value = self.text(text);
        if declared(&value).is_some_and(continues_sentence)
            && let Some(Inline::Fixed(last)) = sentence.last_mut()
            && let Some(body) = last.strip_suffix('.')
        {
            *last = body.to_string();
            sentence.push(fixed(" ("));
            sentence.push(value);
            sentence.push(fixed(")."));
            return sentence;
        }
        sentence.push(fixed(" "));
        sentence.extend(self.sentence(value));
        sentence
    }

    fn controller_name(&self) -> Inline {
        match self.model.controller() {
            Some(c) => match &c.name {
                Some(name) => self.plain(&name.value),
                None => self.plain(&c.id.name),
            },
            None => fixed(self.t(text::UNNAMED_CONTROLLER)),
        }
    }

    fn join(&self, items: Vec<Vec<Inline>>) -> Vec<Inline> {
        let n = items.len();
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push(fixed(if i + 1 == n {
                    format!(" {} ", self.t(text::AND))
                } else {
                    ", ".to_string()
                }));
            }
            out.extend(item);
        }
        out
    }

    fn duration(&self, d: Duration) -> String {
        duration_text(d, self.language)
    }

    fn country(&self, value: &CountryValue) -> Inline {
        match value.place {
            Place::SomewhereOutsideEea => fixed(self.t(text::SOMEWHERE_OUTSIDE_EEA)),
            Place::SomewhereInEea => fixed(self.t(text::SOMEWHERE_IN_EEA)),
            _ => match text::country(&value.code) {
                Some(name) => fixed(self.t(name)),
                None => self.plain(&value.code),
            },
        }
    }

    fn countries(&self, countries: &Countries) -> Vec<Inline> {
        self.join(
            countries
                .values
                .iter()
                .map(|v| vec![self.country(v)])
                .collect(),
        )
    }

    fn article(&self, article: &str) -> String {
        // "Art. 9(2)(a)" → "personvernforordningen artikkel 9 nr. 2 bokstav a" / "GDPR Article 9(2)(a)".
        match self.language {
            Language::English => self
                .t(text::GDPR_ARTICLE)
                .replace("{article}", article.trim_start_matches("Art. ")),
            Language::Nb | Language::Nn => crate::lang::cite(article, self.language),
        }
    }

    /// The controller's country, for the calling code of a number written without one.
    fn home_country(&self) -> Option<&'m str> {
        let c = self.model.controller()?;
        c.country
            .as_ref()
            .and_then(|c| c.values.first())
            .map(|v| v.code.as_str())
    }

    fn contact_items(&self, contact: &Contact) -> Vec<(&'static str, Vec<Inline>)> {
        let mut items = Vec::new();
        if let Some(email) = &contact.email {
            items.push((self.t(text::EMAIL), vec![email_link(&email.value)]));
        }
        if let Some(phone) = &contact.phone {
            items.push((
                self.t(text::PHONE),
                vec![phone_link(&phone.value, self.home_country())],
            ));
        }
        if let Some(address) = &contact.address {
            items.push((self.t(text::ADDRESS), vec![self.plain(&address.value)]));
        }
        if let Some(url) = &contact.url {
            items.push((self.t(text::WEBSITE), vec![web_link(&url.value)]));
        }
        items
    }

    /// The contact details as one sentence: "Du kan sende e-post til …, ringje … eller skrive
    /// til …."
    fn channels(&self, contact: &Contact) -> Option<Vec<Inline>> {
        let mut ways = Vec::new();
        if let Some(email) = &contact.email {
            ways.push(self.fill(
                text::REACH_EMAIL,
                vec![("email", vec![email_link(&email.value)])],
            ));
        }
        if let Some(phone) = &contact.phone {
            let number = phone_link(&phone.value, self.home_country());
            ways.push(self.fill(text::REACH_PHONE, vec![("phone", vec![number])]));
        }
        if let Some(address) = &contact.address {
            ways.push(self.fill(
                text::REACH_ADDRESS,
                vec![("address", vec![self.plain(&address.value)])],
            ));
        }
        if let Some(url) = &contact.url {
            ways.push(self.fill(text::REACH_WEB, vec![("url", vec![web_link(&url.value)])]));
        }
        if ways.is_empty() {
            return None;
        }
        let n = ways.len();
        let mut joined = Vec::new();
        for (i, way) in ways.into_iter().enumerate() {
            if i > 0 {
                joined.push(fixed(if i + 1 == n {
                    format!(" {} ", self.t(text::OR))
                } else {
                    ", ".to_string()
                }));
            }
            joined.extend(way);
        }
        Some(self.fill(text::REACH, vec![("channels", joined)]))
    }

    fn contact_facts(&self, contact: &Contact) -> Vec<Fact> {
        self.contact_items(contact)
            .into_iter()
            .map(|(term, item)| fact(term, vec![Block::Paragraph(item)]))
            .collect()
    }

    /// Where to write to the controller: its e-mail, else its address, else its web site.
    fn write_to(&self) -> Vec<Inline> {
        let Some(c) = self.model.controller() else {
            return vec![self.section_link(CONTACT, text::CONTACT)];
        };
        if let Some(email) = &c.contact.email {
            vec![email_link(&email.value)]
        } else if let Some(address) = &c.contact.address {
            vec![self.plain(&address.value)]
        } else if let Some(url) = &c.contact.url {
            vec![web_link(&url.value)]
        } else {
            vec![self.section_link(CONTACT, text::CONTACT)]
        }
    }

    /// The supervisory authorities to complain to: those of `complaint`, else those the
    /// controller defines; "the supervisory authority" when neither names one.
    fn authorities(&self) -> Vec<Inline> {
        let model = self.model;
        let named: Vec<&Text> = match &model.rights {
            Some(rights) if !rights.complaint.is_empty() => rights
                .complaint
                .iter()
                .filter_map(|r| r.target())
                .filter_map(|i| model.authorities.get(i))
                .filter_map(|a| a.name.as_ref())
                .collect(),
            _ => model
                .authorities
                .iter()
                .filter_map(|a| a.name.as_ref())
                .collect(),
        };
        if named.is_empty() {
            return vec![fixed(self.t(text::THE_AUTHORITY))];
        }
        self.join(named.into_iter().map(|t| vec![self.text(t)]).collect())
    }

    /// «Heading», linked to its part.
    fn section_link(&self, id: &str, phrase: T) -> Inline {
        let quoted = self.t(text::SEE).replace("{section}", self.t(phrase));
        link(format!("#{id}"), vec![fixed(quoted)])
    }

    /// A fixed sentence with a citation before its full stop: "… vernenivå (artikkel 45)."
    fn cited(&self, phrase: T, article: &str) -> String {
        let sentence = self.t(phrase);
        let body = sentence.strip_suffix('.').unwrap_or(sentence);
        format!("{body} ({}).", self.article(article))
    }

    fn purpose_label(&self, purpose: &Purpose) -> Inline {
        self.label(&purpose.label, &purpose.id.name)
    }

    fn purpose_link(&self, purpose: &Purpose) -> Vec<Inline> {
        vec![link(
            format!("#purpose-{}", purpose.id.name),
            vec![self.purpose_label(purpose)],
        )]
    }

    /// The purposes the notice shows: all, or for `--subject` those that concern the audience
    /// or name no subject.
    fn shown_purposes(&self) -> Vec<&'m Purpose> {
        self.model
            .purposes
            .iter()
            .filter(|p| {
                self.audience.is_empty()
                    || p.subjects.is_empty()
                    || p.subjects
                        .iter()
                        .filter_map(|r| r.target())
                        .any(|i| self.audience.contains(&i))
            })
            .collect()
    }

    /// A sentence that ends by pointing to the purposes it is about: "… Sjå «A» og «B»."
    fn about(&self, phrase: T, purposes: &[&Purpose]) -> Vec<Inline> {
        let links = purposes
            .iter()
            .map(|p| {
                vec![link(
                    format!("#purpose-{}", p.id.name),
                    self.fill(text::SEE, vec![("section", vec![self.purpose_label(p)])]),
                )]
            })
            .collect();
        self.fill(phrase, vec![("purposes", self.join(links))])
    }

    // ---- Under the title

    fn intro(&self) -> Vec<Block> {
        let mut blocks = Vec::new();
        if let Some(updated) = self.model.notice.as_ref().and_then(|n| n.updated.as_ref()) {
            blocks.push(Block::Paragraph(self.fill(
                text::UPDATED,
                vec![("date", vec![fixed(self.date(&updated.value))])],
            )));
        }
        blocks.push(Block::Paragraph(self.fill(
            self.for_reader(text::ORIENT, text::ORIENT_CHILD),
            vec![("controller", vec![self.controller_name()])],
        )));
        if !self.audience.is_empty() {
            let subjects = self
                .audience
                .iter()
                .filter_map(|i| self.model.subjects.get(*i))
                .map(|s| vec![self.label(&s.label, &s.id.name)])
                .collect();
            let subjects = self.join(subjects);
            let url = self.model.notice.as_ref().and_then(|n| n.url.as_ref());
            blocks.push(Block::Paragraph(match url {
                Some(url) => self.fill(
                    text::FOR_AUDIENCE,
                    vec![("subjects", subjects), ("url", vec![web_link(&url.value)])],
                ),
                None => self.fill(text::FOR_AUDIENCE_NO_URL, vec![("subjects", subjects)]),
            }));
        }
        blocks
    }

    // ---- (1) In brief

    /// The first part, short enough for one phone screen: the purposes by name, what matters
    /// most, the rights in one sentence and how to reach us. Everything it leaves out is in the
    /// parts below it (WP260 ¶ 35–38: layered, nothing required missing).
    fn summary(&self) -> Section {
        let model = self.model;
        let purposes = self.shown_purposes();
        let mut subsections = vec![section(
            "what-for",
            vec![fixed(self.t(text::WHAT_FOR))],
            self.what_for(&purposes),
        )];
        let important = self.important(&purposes);
        if !important.is_empty() {
            subsections.push(section(
                "important",
                vec![fixed(self.t(text::WORTH_KNOWING))],
                vec![items(important)],
            ));
        }
        subsections.push(section(
            "your-rights",
            vec![fixed(self.t(text::RIGHTS))],
            vec![Block::Paragraph(self.fill(
                text::RIGHTS_BRIEF,
                vec![
                    ("authority", self.authorities()),
                    ("section", vec![self.section_link(RIGHTS, text::RIGHTS)]),
                ],
            ))],
        ));

        let mut reach = Vec::new();
        if let Some(c) = model.controller() {
            // One paragraph: the self-service place, then the quick ways (the postal address
            // is in the contact part, unless it is the only way).
            let mut ways = Vec::new();
            if let Some(place) = &c.self_service {
                ways.extend(self.fill(
                    text::SELF_SERVICE,
                    vec![("url", vec![web_link(&place.value)])],
                ));
            }
            if let Some(channels) = self.channels(&quick_ways(&c.contact)) {
                if !ways.is_empty() {
                    ways.push(fixed(" "));
                }
                ways.extend(channels);
            }
            if !ways.is_empty() {
                reach.push(ways);
            }
        }
        for dpo in &model.dpos {
            let mut p = match dpo.name.as_ref().filter(|n| !is_only_the_title(n)) {
                Some(name) => {
                    self.fill(text::REACH_DPO_NAMED, vec![("name", vec![self.text(name)])])
                }
                None => vec![fixed(self.t(text::REACH_DPO))],
            };
            if let Some(channels) = self.channels(&dpo.contact) {
                p.push(fixed(" "));
                p.extend(channels);
            }
            reach.push(p);
        }
        // The pointer to the contact part ends the last paragraph rather than taking a line.
        let read_more = self.fill(
            text::READ_MORE,
            vec![("section", vec![self.section_link(CONTACT, text::CONTACT)])],
        );
        match reach.last_mut() {
            Some(last) => {
                last.push(fixed(" "));
                last.extend(read_more);
            }
            None => reach.push(read_more),
        }
        subsections.push(section(
            "reach-us",
            vec![fixed(self.t(text::HOW_TO_REACH))],
            reach.into_iter().map(Block::Paragraph).collect(),
        ));
        Section {
            id: SUMMARY.into(),
            heading: vec![fixed(self.t(text::SUMMARY))],
            blocks: Vec::new(),
            folded: false,
            subsections,
        }
    }

    /// Each purpose by name, linked to its description and facts (a line each, so that the list
    /// stays short on a phone); grouped by subject when the purposes concern different subjects.
    fn what_for(&self, purposes: &[&'m Purpose]) -> Vec<Block> {
        if purposes.is_empty() {
            return vec![Block::Paragraph(vec![fixed(self.t(text::NO_PURPOSES))])];
        }
        let line = |p: &Purpose| self.purpose_link(p);
        let mut subjects: Vec<usize> = Vec::new();
        for p in purposes {
            for i in p.subjects.iter().filter_map(|r| r.target()) {
                if !subjects.contains(&i) {
                    subjects.push(i);
                }
            }
        }
        if subjects.len() < 2 {
            return vec![Block::List(purposes.iter().map(|p| line(p)).collect())];
        }
        subjects.sort_unstable();
        let mut blocks = Vec::new();
        for i in subjects {
            let subject = &self.model.subjects[i];
            let concerned: Vec<Vec<Inline>> = purposes
                .iter()
                .filter(|p| p.subjects.iter().any(|r| r.target() == Some(i)))
                .map(|p| line(p))
                .collect();
            blocks.push(Block::Paragraph(vec![Inline::Strong(vec![
                self.label(&subject.label, &subject.id.name),
            ])]));
            blocks.push(Block::List(concerned));
        }
        let everyone: Vec<Vec<Inline>> = purposes
            .iter()
            .filter(|p| p.subjects.is_empty())
            .map(|p| line(p))
            .collect();
        if !everyone.is_empty() {
            blocks.push(Block::Paragraph(vec![Inline::Strong(vec![fixed(
                self.t(text::EVERYONE),
            )])]));
            blocks.push(Block::List(everyone));
        }
        blocks
    }

    /// The lines of the summary for what surprises people (WP260): automated decisions,
    /// profiling, surveillance, transfers outside the EEA, sensitive and criminal-offence data,
    /// cookies that need consent; then each claim of `claims` that nothing disproves.
    fn important(&self, purposes: &[&'m Purpose]) -> Vec<Vec<Inline>> {
        let model = self.model;
        let which = |f: &dyn Fn(&Purpose) -> bool| -> Vec<&'m Purpose> {
            purposes.iter().copied().filter(|p| f(p)).collect()
        };
        let uses_data = |p: &Purpose, special: bool| {
            p.data.iter().filter_map(|r| model.category(r)).any(|c| {
                if special {
                    c.special.is_some()
                } else {
                    c.criminal.is_some()
                }
            })
        };
        let consent_cookies = |p: &Purpose| {
            p.cookies
                .iter()
                .any(|c| c.value != Cookie::StrictlyNecessary)
        };
        let mut lines = Vec::new();
        for (phrase, found) in [
            (text::HI_DECISIONS, which(&|p| !p.decisions.is_empty())),
            (text::HI_PROFILING, which(&|p| p.profiling.is_some())),
            (text::HI_CAMERA, which(&|p| p.camera.is_some())),
            (
                text::HI_MONITORING,
                which(&|p| p.monitoring.is_some() && p.camera.is_none()),
            ),
        ] {
            if !found.is_empty() {
                lines.push(self.about(phrase, &found));
            }
        }
        // Transfers outside the EEA: the countries, each once.
        let mut outside: Vec<&CountryValue> = Vec::new();
        for p in purposes {
            for party in p.party_references().filter_map(|r| model.party(r)) {
                for value in party.outside_eea() {
                    if !outside.iter().any(|v| v.code == value.code) {
                        outside.push(value);
                    }
                }
            }
        }
        if !outside.is_empty() {
            if outside
                .iter()
                .any(|v| v.place == Place::SomewhereOutsideEea)
            {
                lines.push(vec![fixed(self.t(text::HI_TRANSFERS_UNNAMED))]);
            } else {
                let names = self.join(outside.iter().map(|v| vec![self.country(v)]).collect());
                lines.push(self.fill(text::HI_TRANSFERS, vec![("countries", names)]));
            }
        }
        for (phrase, found) in [
            (text::HI_SPECIAL, which(&|p| uses_data(p, true))),
            (text::HI_CRIMINAL, which(&|p| uses_data(p, false))),
            (text::HI_COOKIES, which(&consent_cookies)),
        ] {
            if !found.is_empty() {
                lines.push(self.about(phrase, &found));
            }
        }
        let all = &model.purposes;
        for claim in model.claims.iter().flat_map(|c| &c.claims) {
            let disproved = match claim.value {
                Claim::NoConsent => all.iter().any(|p| p.rests_on_consent()),
                Claim::NoSpecialCategories => all.iter().any(|p| uses_data(p, true)),
                Claim::NoCriminalData => all.iter().any(|p| uses_data(p, false)),
                Claim::NoAutomatedDecisions => all.iter().any(|p| !p.decisions.is_empty()),
                Claim::NoProfiling => all.iter().any(|p| p.profiling.is_some()),
                Claim::NoTransfersOutsideEea => all.iter().any(|p| {
                    p.party_references()
                        .filter_map(|r| model.party(r))
                        .any(|party| party.is_outside_eea())
                }),
                Claim::NoDisclosure => all
                    .iter()
                    .any(|p| !p.recipients.is_empty() || !p.joint_controllers.is_empty()),
            };
            if !disproved {
                lines.push(vec![fixed(self.t(text::claim(claim.value)))]);
            }
        }
        lines
    }

    // ---- (2) Each purpose

    /// The part without its subsections, one per purpose: [`Builder::each_purpose`].
    fn purposes(&self) -> Section {
        Section {
            id: PURPOSES.into(),
            heading: vec![fixed(self.t(text::PURPOSES))],
            blocks: if self.shown_purposes().is_empty() {
                vec![Block::Paragraph(vec![fixed(self.t(text::NO_PURPOSES))])]
            } else {
                Vec::new()
            },
            folded: false,
            subsections: Vec::new(),
        }
    }

    /// Each shown purpose's section, in turn.
    fn each_purpose(&self, mut each: impl FnMut(Section)) {
        // Each legal basis is explained where it first appears.
        let mut explained: Vec<LegalBasis> = Vec::new();
        for purpose in self.shown_purposes() {
            each(self.purpose(purpose, &mut explained));
        }
    }

    fn parties(&self, references: &[Reference]) -> Vec<&'m Party> {
        references
            .iter()
            .filter_map(|r| self.model.party(r))
            .collect()
    }

    /// A name with what is said about it in brackets: "Driftsleverandør (Noreg og Sverige)";
    /// after a name that ends in brackets itself, with a comma: "Google (Analytics), USA".
    fn with_notes(&self, mut line: Vec<Inline>, notes: Vec<Vec<Inline>>) -> Vec<Inline> {
        if notes.is_empty() {
            return line;
        }
        let bracketed = line
            .last()
            .and_then(declared)
            .is_some_and(|t| t.trim_end().ends_with(')'));
        line.push(fixed(if bracketed { ", " } else { " (" }));
        for (i, note) in notes.into_iter().enumerate() {
            if i > 0 {
                line.push(fixed(", "));
            }
            line.extend(note);
        }
        if !bracketed {
            line.push(fixed(")"));
        }
        line
    }

    fn party_line(&self, party: &Party) -> Vec<Inline> {
        let mut notes: Vec<Vec<Inline>> = Vec::new();
        if party.public_authority.is_some() {
            notes.push(vec![fixed(self.t(text::PUBLIC_AUTHORITY))]);
        }
        if let Some(country) = &party.country {
            notes.push(self.countries(country));
        }
        self.with_notes(vec![self.label(&party.label, &party.id.name)], notes)
    }

    fn purpose(&self, purpose: &Purpose, explained: &mut Vec<LegalBasis>) -> Section {
        let model = self.model;
        let mut facts = Vec::new();

        // Legal basis, in plain words where it first appears, with the law or the interest.
        let mut bases = Vec::new();
        for basis in &purpose.bases {
            let (name, meaning) = text::basis(basis.kind);
            let mut item = vec![
                Inline::Strong(vec![fixed(self.t(name))]),
                fixed(format!(" ({}).", self.article(basis.kind.article()))),
            ];
            if !explained.contains(&basis.kind) {
                explained.push(basis.kind);
                item.push(fixed(format!(" {}", self.t(meaning))));
            }
            if let Some(detail) = &basis.detail {
                item.push(fixed(" "));
                if basis.kind == LegalBasis::LegitimateInterests {
                    item.extend(self.clause(text::INTEREST, "interest", detail));
                } else {
                    item.extend(self.framed(text::LAW, "law", self.text(detail)));
                }
            }
            bases.push(item);
        }
        facts.push(fact(
            self.t(text::BASIS),
            vec![if bases.is_empty() {
                Block::Paragraph(vec![fixed(self.t(text::NO_BASIS))])
            } else {
                items(bases)
            }],
        ));

        // Art. 9 and Art. 10 conditions, with the law in the reader's language.
        for (article_10, term, intro) in [
            (false, text::SPECIAL, text::SPECIAL_INTRO),
            (true, text::CRIMINAL, text::CRIMINAL_INTRO),
        ] {
            let conditions: Vec<Vec<Inline>> = purpose
                .conditions
                .iter()
                .filter(|c| c.kind.is_article_10() == article_10)
                .map(|c| {
                    let mut item =
                        vec![fixed(self.cited(text::condition(c.kind), c.kind.article()))];
                    if let Some(law) = &c.detail {
                        item.push(fixed(" "));
                        item.extend(self.framed(text::LAW, "law", self.text(law)));
                    }
                    item
                })
                .collect();
            if !conditions.is_empty() {
                facts.push(fact(
                    self.t(term),
                    vec![
                        Block::Paragraph(vec![fixed(self.t(intro))]),
                        items(conditions),
                    ],
                ));
            }
        }

        // Categories of data, with what they include.
        let categories: Vec<Vec<Inline>> = purpose
            .data
            .iter()
            .filter_map(|r| model.category(r))
            .map(|c| {
                let mut marks = Vec::new();
                if c.special.is_some() {
                    marks.push(vec![fixed(self.t(text::SPECIAL_MARK))]);
                }
                if c.criminal.is_some() {
                    marks.push(vec![fixed(self.t(text::CRIMINAL_MARK))]);
                }
                let mut item = self.with_notes(vec![self.label(&c.label, &c.id.name)], marks);
                if !c.includes.is_empty() {
                    item.push(fixed(" – "));
                    for (i, include) in c.includes.iter().enumerate() {
                        if i > 0 {
                            item.push(fixed(", "));
                        }
                        item.push(self.text(include));
                    }
                }
                item
            })
            .collect();
        if !categories.is_empty() {
            facts.push(fact(self.t(text::DATA), vec![items(categories)]));
        }

        let subjects: Vec<Vec<Inline>> = purpose
            .subjects
            .iter()
            .filter_map(|r| model.subject(r))
            .map(|s| vec![self.label(&s.label, &s.id.name)])
            .collect();
        if !subjects.is_empty() {
            facts.push(fact(self.t(text::SUBJECTS), vec![items(subjects)]));
        }

        let sources: Vec<Vec<Inline>> = purpose
            .sources
            .iter()
            .filter_map(|r| model.source(r))
            .map(|s| {
                let label = self.label(&s.label, &s.id.name);
                let mut notes: Vec<Vec<Inline>> = Vec::new();
                // "Deg selv (fra deg)" would say it twice.
                let names_the_reader = declared(&label).is_some_and(text::names_the_reader);
                if s.data_subject.is_some() && !names_the_reader {
                    notes.push(vec![fixed(self.t(text::FROM_YOU))]);
                }
                if s.public.is_some() {
                    notes.push(vec![fixed(self.t(text::PUBLIC_SOURCE))]);
                }
                if let Some(country) = &s.country {
                    notes.push(self.countries(country));
                }
                self.with_notes(vec![label], notes)
            })
            .collect();
        if !sources.is_empty() {
            facts.push(fact(self.t(text::SOURCES), vec![items(sources)]));
        }

        let recipients = self.parties(&purpose.recipients);
        if !recipients.is_empty() {
            facts.push(fact(
                self.t(text::RECIPIENTS),
                vec![items(
                    recipients.iter().map(|p| self.party_line(p)).collect(),
                )],
            ));
        }
        let processors = self.parties(&purpose.processors);
        if !processors.is_empty() {
            facts.push(fact(
                self.t(text::PROCESSORS),
                vec![
                    Block::Paragraph(vec![fixed(self.t(text::PROCESSORS_INTRO))]),
                    Block::List(processors.iter().map(|p| self.party_line(p)).collect()),
                ],
            ));
        }
        let joint = self.parties(&purpose.joint_controllers);
        if !joint.is_empty() {
            let joint_items = joint
                .iter()
                .map(|p| {
                    let mut item = self.party_line(p);
                    if let Some(arrangement) = &p.arrangement {
                        item.push(fixed(" – "));
                        item.push(self.text(arrangement));
                    }
                    item
                })
                .collect();
            facts.push(fact(
                self.t(text::JOINT),
                vec![
                    Block::Paragraph(vec![fixed(self.t(text::JOINT_INTRO))]),
                    Block::List(joint_items),
                ],
            ));
        }

        // Transfers outside the EEA: each party of the purpose with a country outside it.
        let transfers: Vec<Vec<Inline>> = processors
            .iter()
            .chain(&recipients)
            .chain(&joint)
            // Outside the EEA, or with a safeguard said for it (the notice shows what is declared).
            .filter(|p| p.is_outside_eea() || !p.safeguards.is_empty())
            .map(|p| self.transfer(p))
            .collect();
        if !transfers.is_empty() {
            facts.push(fact(
                self.t(text::TRANSFERS),
                vec![
                    Block::Paragraph(vec![fixed(self.t(text::TRANSFERS_INTRO))]),
                    Block::List(transfers),
                ],
            ));
        }

        if !purpose.cookies.is_empty() {
            let kinds: Vec<Vec<Inline>> = purpose
                .cookies
                .iter()
                .map(|c| vec![fixed(self.t(text::cookie(c.value)))])
                .collect();
            let mut body = vec![items(kinds)];
            if purpose
                .cookies
                .iter()
                .any(|c| c.value != Cookie::StrictlyNecessary)
            {
                body.push(Block::Paragraph(vec![fixed(
                    self.t(text::COOKIES_WITHDRAW),
                )]));
            }
            facts.push(fact(self.t(text::COOKIES), body));
        }

        if let Some(retention) = &purpose.retention {
            let p = match &retention.period {
                RetentionPeriod::Fixed(d) => self.fill(
                    text::RETENTION_FIXED,
                    vec![("duration", vec![fixed(self.duration(*d))])],
                ),
                RetentionPeriod::After(d, event) => self.fill(
                    text::RETENTION_AFTER,
                    vec![
                        ("duration", vec![fixed(self.duration(*d))]),
                        ("event", vec![self.text(event)]),
                    ],
                ),
                RetentionPeriod::Until(event) => self.fill(
                    text::RETENTION_UNTIL,
                    vec![("event", vec![self.text(event)])],
                ),
                RetentionPeriod::Indefinite(reason) => {
                    let mut p = vec![fixed(self.t(text::RETENTION_INDEFINITE))];
                    if let Some(reason) = reason {
                        p.push(fixed(" "));
                        p.extend(self.clause(text::REASON, "reason", reason));
                    }
                    p
                }
            };
            facts.push(fact(self.t(text::RETENTION), vec![Block::Paragraph(p)]));
        } else if self.draft {
            facts.push(fact(
                self.t(text::RETENTION),
                vec![Block::Paragraph(vec![fixed(self.t(text::RETENTION_GAP))])],
            ));
        }

        if let Some(p) = self.provision(purpose) {
            facts.push(fact(self.t(text::PROVISION), vec![Block::Paragraph(p)]));
        }

        if !purpose.decisions.is_empty() {
            facts.push(fact(self.t(text::DECISIONS), self.decisions(purpose)));
        }

        if purpose.profiling.is_some() {
            facts.push(fact(
                self.t(text::PROFILING),
                vec![Block::Paragraph(vec![fixed(self.t(text::PROFILING_BODY))])],
            ));
        }
        if purpose.direct_marketing.is_some() {
            facts.push(fact(
                self.t(text::DIRECT_MARKETING),
                vec![Block::Paragraph(self.fill(
                    text::DIRECT_MARKETING_BODY,
                    vec![(
                        "section",
                        vec![self.section_link(OBJECT_MARKETING, text::OBJECT_MARKETING)],
                    )],
                ))],
            ));
        }

        let reused: Vec<Vec<Inline>> = purpose
            .reuses
            .iter()
            .filter_map(|r| r.target().and_then(|i| model.purposes.get(i)))
            .map(|p| self.purpose_link(p))
            .collect();
        if !reused.is_empty() {
            facts.push(fact(
                self.t(text::REUSES),
                vec![
                    Block::Paragraph(vec![fixed(self.t(text::REUSES_INTRO))]),
                    Block::List(reused),
                ],
            ));
        }

        let mut blocks = Vec::new();
        if let Some(description) = &purpose.description {
            blocks.push(Block::Paragraph(vec![self.text(description)]));
        }
        blocks.push(Block::Facts(facts));
        for note in &purpose.notes {
            blocks.push(Block::Paragraph(vec![self.text(note)]));
        }
        Section {
            folded: true,
            ..section(
                format!("purpose-{}", purpose.id.name),
                vec![self.purpose_label(purpose)],
                blocks,
            )
        }
    }

    /// "Må du gi oss opplysningane?": only where the purpose collects from the person. A
    /// consent purpose without `provision` is voluntary; a draft shows a missing one.
    fn provision(&self, purpose: &Purpose) -> Option<Vec<Inline>> {
        if !self.model.collects_from_person(purpose) {
            return None;
        }
        let mut p = match &purpose.provision {
            Some(provision) => {
                let mut p = match (&provision.kind, &provision.condition) {
                    (Provision::Conditional, Some(condition)) => self.framed(
                        text::PROVISION_CONDITIONAL,
                        "condition",
                        self.text(condition),
                    ),
                    (kind, _) => vec![fixed(self.t(text::provision(*kind)))],
                };
                if let Some(consequence) = &provision.consequence {
                    p.push(fixed(" "));
                    p.extend(self.clause(text::CONSEQUENCE, "consequence", consequence));
                }
                p
            }
            None if purpose.rests_on_consent() => {
                vec![fixed(self.t(text::provision(Provision::Voluntary)))]
            }
            None if self.draft => vec![fixed(self.t(text::PROVISION_GAP))],
            None => return None,
        };
        if !purpose.sources.is_empty() {
            p.push(fixed(format!(" {}", self.t(text::PROVISION_OWN))));
        }
        Some(p)
    }

    /// Each automated decision: how it works, what it means for the person, the law that
    /// authorises it and what the person can do (Art. 13(2)(f), 22).
    fn decisions(&self, purpose: &Purpose) -> Vec<Block> {
        let mut body = vec![Block::Paragraph(vec![fixed(self.t(text::DECISIONS_INTRO))])];
        for d in &purpose.decisions {
            if let Some(label) = &d.label {
                body.push(Block::Paragraph(vec![Inline::Strong(vec![
                    self.text(label),
                ])]));
            }
            let mut facts = Vec::new();
            match &d.logic {
                Some(logic) => facts.push(fact(
                    self.t(text::LOGIC),
                    vec![Block::Paragraph(self.sentence(self.text(logic)))],
                )),
                None if self.draft => facts.push(fact(
                    self.t(text::LOGIC),
                    vec![Block::Paragraph(vec![fixed(self.t(text::LOGIC_GAP))])],
                )),
                None => {}
            }
            if let Some(significance) = &d.significance {
                facts.push(fact(
                    self.t(text::SIGNIFICANCE),
                    vec![Block::Paragraph(self.sentence(self.text(significance)))],
                ));
            }
            if let Some(authorisation) = &d.authorised_by {
                let p = match &authorisation.law {
                    Some(law) => self.framed(text::AUTHORISED_BY, "law", self.text(law)),
                    None => vec![fixed(self.t(text::AUTHORISED_BY_LAW))],
                };
                facts.push(fact(self.t(text::AUTHORISED), vec![Block::Paragraph(p)]));
            }
            if !d.safeguards.is_empty() {
                let safeguards = d
                    .safeguards
                    .iter()
                    .map(|s| vec![fixed(self.t(text::decision_safeguard(s.value)))])
                    .collect();
                facts.push(fact(self.t(text::WHAT_YOU_CAN_DO), vec![items(safeguards)]));
            }
            if !facts.is_empty() {
                body.push(Block::Facts(facts));
            }
        }
        body
    }

    fn transfer(&self, party: &Party) -> Vec<Inline> {
        let mut item = self.party_line(party);
        item.push(fixed(" –"));
        let mut copy = false;
        if party.safeguards.is_empty() {
            item.push(fixed(format!(" {}", self.t(text::NO_SAFEGUARD))));
        }
        for s in &party.safeguards {
            let (meaning, copyable) = text::safeguard(s.kind);
            copy |= copyable;
            item.push(fixed(format!(" {}", self.cited(meaning, s.kind.article()))));
            if s.kind == TransferSafeguard::Derogation {
                if let Some(ground) = &s.ground {
                    item.push(fixed(format!(
                        " {}",
                        self.t(text::derogation(ground.value))
                    )));
                }
                if let Some(reason) = &s.detail {
                    item.push(fixed(" "));
                    item.extend(self.clause(text::REASON, "reason", reason));
                }
            }
        }
        if copy {
            item.push(fixed(" "));
            item.extend(self.fill(text::COPY, vec![("contact", self.write_to())]));
        }
        item
    }

    // ---- (3) Rights

    fn rights(&self) -> Section {
        let model = self.model;
        let mut blocks = vec![Block::Paragraph(self.fill(
            self.for_reader(text::RIGHTS_INTRO, text::RIGHTS_INTRO_CHILD),
            vec![("section", vec![self.section_link(CONTACT, text::CONTACT)])],
        ))];
        blocks.extend(model.rights.iter().flat_map(|r| &r.granted).map(|r| {
            let (name, meaning, gist) = text::right(r.kind);
            let meaning = vec![fixed(self.t(meaning))];
            Block::Folded {
                line: vec![
                    Inline::Strong(vec![fixed(capitalise(self.t(name)))]),
                    fixed(format!(" – {}", self.t(gist))),
                ],
                body: vec![Block::Paragraph(match &r.qualifier {
                    Some(q) => self.qualified(meaning, q),
                    None => meaning,
                })],
            }
        }));
        for note in model.rights.iter().flat_map(|r| &r.notes) {
            blocks.push(Block::Paragraph(self.sentence(self.text(note))));
        }
        let respond = match model
            .rights
            .as_ref()
            .and_then(|r| r.respond_within.as_ref())
        {
            Some(d) => self.duration(d.value),
            None => self.duration(Duration {
                amount: 1,
                unit: TimeUnit::Month,
            }),
        };
        blocks.push(Block::Folded {
            line: self.fill(text::RESPOND, vec![("duration", vec![fixed(respond)])]),
            body: vec![Block::Paragraph(vec![fixed(
                self.t(text::RESPOND_EXTENSION),
            )])],
        });

        let mut subsections = Vec::new();
        let marketing: Vec<Vec<Inline>> = self
            .shown_purposes()
            .into_iter()
            .filter(|p| p.direct_marketing.is_some())
            .map(|p| self.purpose_link(p))
            .collect();
        if !marketing.is_empty() {
            subsections.push(section(
                OBJECT_MARKETING,
                vec![fixed(self.t(text::OBJECT_MARKETING))],
                vec![
                    Block::Paragraph(vec![Inline::Strong(vec![fixed(
                        self.t(text::OBJECT_MARKETING_BODY),
                    )])]),
                    Block::Paragraph(vec![fixed(self.t(text::OBJECT_MARKETING_PURPOSES))]),
                    Block::List(marketing),
                ],
            ));
        }
        let authority = self.authorities();
        let mut complaint = self.fill(
            self.for_reader(text::COMPLAINT_BODY, text::COMPLAINT_BODY_CHILD),
            vec![("authority", authority.clone())],
        );
        if let Some(q) = model
            .rights
            .as_ref()
            .and_then(|r| r.complaint_qualifier.as_ref())
        {
            complaint = self.qualified(complaint, q);
        }
        subsections.push(section(
            "complaint",
            self.fill(text::COMPLAINT, vec![("authority", authority)]),
            vec![Block::Paragraph(complaint)],
        ));
        Section {
            id: RIGHTS.into(),
            heading: vec![fixed(self.t(text::RIGHTS))],
            blocks,
            folded: false,
            subsections,
        }
    }

    // ---- (4) Contact

    fn contact(&self) -> Section {
        let model = self.model;
        let mut subsections = Vec::new();
        if let Some(c) = model.controller() {
            let mut blocks = vec![Block::Paragraph(self.fill(
                self.for_reader(text::WHO_BODY, text::WHO_BODY_CHILD),
                vec![("controller", vec![self.controller_name()])],
            ))];
            if let Some(place) = &c.self_service {
                blocks.push(Block::Paragraph(self.fill(
                    text::SELF_SERVICE,
                    vec![("url", vec![web_link(&place.value)])],
                )));
            }
            // In view: who we are and the ways to reach us at once (Art. 13(1)(a)); the postal
            // address (unless it is the only way), the organisation number and the notes fold
            // under one line (WP260 ¶ 35–38: layered, printed open).
            let mut in_view = vec![fact(
                self.t(text::NAME),
                vec![Block::Paragraph(vec![self.controller_name()])],
            )];
            let mut more = Vec::new();
            if let Some(org) = &c.org_number {
                more.push(fact(
                    self.t(text::ORG_NUMBER),
                    vec![Block::Paragraph(vec![self.plain(&org.value)])],
                ));
            }
            let quick = quick_ways(&c.contact);
            in_view.extend(self.contact_facts(&quick));
            if let (None, Some(address)) = (&quick.address, &c.contact.address) {
                more.push(fact(
                    self.t(text::ADDRESS),
                    vec![Block::Paragraph(vec![self.plain(&address.value)])],
                ));
            }
            blocks.push(Block::Facts(in_view));
            let mut folded = Vec::new();
            if !more.is_empty() {
                folded.push(Block::Facts(more));
            }
            for note in &c.notes {
                folded.push(Block::Paragraph(self.sentence(self.text(note))));
            }
            if !folded.is_empty() {
                blocks.push(Block::Folded {
                    line: vec![fixed(self.t(text::MORE_CONTACT))],
                    body: folded,
                });
            }
            subsections.push(section(
                "controller",
                vec![fixed(self.t(text::CONTROLLER))],
                blocks,
            ));
        }
        for (i, dpo) in model.dpos.iter().enumerate() {
            let mut facts = Vec::new();
            if let Some(name) = dpo.name.as_ref().filter(|n| !is_only_the_title(n)) {
                facts.push(fact(
                    self.t(text::NAME),
                    vec![Block::Paragraph(vec![self.text(name)])],
                ));
            }
            facts.extend(self.contact_facts(&dpo.contact));
            let mut blocks = vec![
                Block::Paragraph(vec![fixed(self.t(text::DPO_INTRO))]),
                Block::Facts(facts),
            ];
            for note in &dpo.notes {
                blocks.push(Block::Paragraph(self.sentence(self.text(note))));
            }
            subsections.push(section(
                if i == 0 {
                    "dpo".to_string()
                } else {
                    format!("dpo-{}", i + 1)
                },
                vec![fixed(self.t(text::DPO))],
                blocks,
            ));
        }
        for (i, representative) in model.representatives.iter().enumerate() {
            let mut facts = Vec::new();
            if let Some(name) = &representative.name {
                facts.push(fact(
                    self.t(text::NAME),
                    vec![Block::Paragraph(vec![self.text(name)])],
                ));
            }
            if let Some(country) = &representative.country {
                facts.push(fact(
                    self.t(text::COUNTRY),
                    vec![Block::Paragraph(self.countries(country))],
                ));
            }
            facts.extend(self.contact_facts(&representative.contact));
            subsections.push(section(
                if i == 0 {
                    "representative".to_string()
                } else {
                    format!("representative-{}", i + 1)
                },
                vec![fixed(self.t(text::REPRESENTATIVE))],
                vec![Block::Facts(facts)],
            ));
        }
        let mut blocks = Vec::new();
        if let Some(url) = model.notice.as_ref().and_then(|n| n.url.as_ref()) {
            blocks.push(Block::Paragraph(self.fill(
                text::PUBLISHED_AT,
                vec![("url", vec![web_link(&url.value)])],
            )));
        }
        Section {
            id: CONTACT.into(),
            heading: vec![fixed(self.t(text::CONTACT))],
            blocks,
            folded: false,
            subsections,
        }
    }

    /// `2026-09-01` → "1. september 2026" / "1 September 2026"; as written if not a date.
    fn date(&self, value: &str) -> String {
        let parts: Vec<&str> = value.split('-').collect();
        if let [y, m, d] = parts[..]
            && let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>())
            && (1..=12).contains(&m)
            && y.len() == 4
        {
            let month = self.t(text::MONTHS[m - 1]);
            return match self.language {
                Language::English => format!("{d} {month} {y}"),
                _ => format!("{d}. {month} {y}"),
            };
        }
        value.to_string()
    }
}

/// Whether a notice is addressed to children only: every subject of its audience is a `child`,
/// or, for the whole notice, every subject some purpose names is one.
fn addressed_to_children(model: &Model, audience: &[usize]) -> bool {
    let subjects: Vec<usize> = if audience.is_empty() {
        model
            .purposes
            .iter()
            .flat_map(|p| p.subjects.iter().filter_map(|r| r.target()))
            .collect()
    } else {
        audience.to_vec()
    };
    !subjects.is_empty()
        && subjects
            .iter()
            .all(|i| model.subjects.get(*i).is_some_and(|s| s.child.is_some()))
}

/// The ways to reach someone at once: the contact details without the postal address, unless
/// it is the only way.
fn quick_ways(contact: &Contact) -> Contact {
    let other_way = contact.email.is_some() || contact.phone.is_some() || contact.url.is_some();
    Contact {
        address: contact.address.clone().filter(|_| !other_way),
        ..contact.clone()
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn email_link(address: &str) -> Inline {
    let shown = Inline::Declared {
        text: address.to_string(),
        lang: None,
    };
    if address.contains('@')
        && !address.contains(|c: char| c.is_whitespace() || "<>\"'()[]\\?&#".contains(c))
    {
        link(format!("mailto:{address}"), vec![shown])
    } else {
        shown
    }
}

/// A `tel:` link with the country code, the controller's when the number is written without one.
fn phone_link(number: &str, country: Option<&str>) -> Inline {
    let shown = Inline::Declared {
        text: number.to_string(),
        lang: None,
    };
    let digits = crate::vocab::international(number, country);
    let plausible = number
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if plausible && digits.chars().filter(char::is_ascii_digit).count() >= 5 {
        link(format!("tel:{digits}"), vec![shown])
    } else {
        shown
    }
}

fn web_link(url: &str) -> Inline {
    let shown = Inline::Declared {
        text: url.to_string(),
        lang: None,
    };
    if is_safe_url(url) {
        link(url, vec![shown])
    } else {
        shown
    }
}

/// Whether a URL from the declaration may become a link: `http(s)` only, and no character that
/// would need escaping in either output.
pub fn is_safe_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > 8
        && !url.contains(|c: char| {
            c.is_whitespace() || c.is_control() || "<>\"'()[]\\`{}|^".contains(c)
        })
}

/// The name of a country in a language, as the notice shows it.
pub fn country_name(code: &str, language: Language) -> Option<&'static str> {
    text::country(code).map(|t| t.get(language))
}

/// Whether a DPO's name is only the title ("Personvernombudet", "The data protection
/// officer"): the notice then shows the title once, not "Personvernombud: Personvernombud".
fn is_only_the_title(name: &Text) -> bool {
    let title = |t: &str| {
        let t = t.trim().to_lowercase();
        let t = t.strip_prefix("the ").unwrap_or(&t).to_string();
        [text::DPO.nb, text::DPO.nn, text::DPO.en]
            .iter()
            .any(|title| {
                let title = title.to_lowercase();
                t == title || t == format!("{title}et") || t == "dpo"
            })
    };
    title(&name.value) && name.translations.iter().all(|t| title(&t.text.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(source: &str) -> Model {
        let sections = crate::syntax::read(source);
        crate::analyze(source, &sections, &crate::Settings::default()).0
    }

    #[test]
    fn a_dpo_named_only_by_the_title_is_not_named_twice() {
        let md = |dpo: &str| {
            let m = model(&format!(
                "controller c \"C\" {{ country NO; email \"a@b.no\" }}\n{dpo} {{ email \"dpo@b.no\" }}\n"
            ));
            render(
                &m,
                Options {
                    language: Language::Nb,
                    draft: None,
                },
                Format::Markdown,
            )
        };
        let generic = md("dpo \"Personvernombudet\" en \"The data protection officer\"");
        assert!(!generic.contains("vårt, Personvernombudet"), "{generic}");
        assert!(
            !generic.contains("**Navn**\n\nPersonvernombudet"),
            "{generic}"
        );
        let named = md("dpo \"Kari Nordmann\"");
        assert!(
            named.contains("Personvernombudet vårt, Kari Nordmann, svarer"),
            "{named}"
        );
    }

    #[test]
    fn a_notice_for_children_only_uses_plainer_fixed_text() {
        let source = "controller c \"Skolen\" { country NO; email \"a@b.no\" }\n\
            subject elever \"Elever\" { child }\nsubject foresatte \"Foresatte\"\n\
            purpose a \"Opplæring\" { basis public_task \"opplæringslova\"; subjects elever }\n\
            purpose b \"Kontakt med heimen\" { basis public_task \"opplæringslova\"; subjects foresatte }\n";
        let m = model(source);
        let options = Options {
            language: Language::Nn,
            draft: None,
        };
        let for_pupils = render_for(&m, options, Format::Markdown, &[0]);
        assert!(
            for_pupils.contains("Her fortel vi i Skolen kva vi gjer"),
            "{for_pupils}"
        );
        assert!(
            for_pupils.contains("ein vaksen du stolar på"),
            "{for_pupils}"
        );
        let whole = render(&m, options, Format::Markdown);
        assert!(
            whole.contains("Her forklarer vi i Skolen korleis"),
            "{whole}"
        );
        let for_parents = render_for(&m, options, Format::Markdown, &[1]);
        assert!(!for_parents.contains("vaksen"), "{for_parents}");
    }

    #[test]
    fn a_source_that_is_the_person_gets_the_note_from_you_only_when_its_label_does_not_say_it() {
        let md = |label: &str, lang: Language| {
            let m = model(&format!(
                "controller c \"C\" {{ country NO; email \"a@b.no\" }}\n\
                 source s {label} {{ data_subject }}\n\
                 purpose p \"Kundeforhold\" {{ basis contract; sources s }}\n"
            ));
            let options = Options {
                language: lang,
                draft: None,
            };
            render(&m, options, Format::Markdown)
        };
        let you = md("\"Deg selv\" en \"You\"", Language::Nb);
        assert!(you.contains("Deg selv\n"), "{you}");
        assert!(!you.contains("fra deg"), "{you}");
        let you = md("\"Deg selv\" en \"You\"", Language::English);
        assert!(you.contains("You\n") && !you.contains("from you"), "{you}");
        let form = md("\"Søknadsskjemaet\"", Language::Nb);
        assert!(form.contains("Søknadsskjemaet (fra deg)"), "{form}");
    }

    #[test]
    fn the_first_part_names_the_purposes_and_each_right_is_one_line_that_opens() {
        let m = model(
            "controller c \"C\" { country NO; email \"a@b.no\" }\n\
             purpose p \"Nyhetsbrev\" { basis consent; description \"Vi sender nyhetsbrev. Om tjenestene.\" }\n\
             rights { access \"som loven sier\"; erasure }\n",
        );
        let options = Options {
            language: Language::Nb,
            draft: None,
        };
        let html = render(&m, options, Format::Html);
        let start = html.find("<section id=\"summary\">").unwrap();
        let end = html.find("<section id=\"purposes\">").unwrap();
        let first_part = &html[start..end];
        assert!(first_part.contains(">Nyhetsbrev</a></li>"), "{first_part}");
        assert!(!first_part.contains("Vi sender nyhetsbrev"), "{first_part}");
        assert!(
            html.contains(
                "<details>\n<summary><strong>Rett til innsyn</strong> – du kan få vite hva vi har om deg</summary>\n\
                 <p>Du kan få vite om vi behandler opplysninger om deg."
            ),
            "{html}"
        );
        assert!(html.contains("(som loven sier).</p>\n</details>"), "{html}");
        assert!(
            html.contains("<summary><strong>Rett til sletting</strong>"),
            "{html}"
        );
        assert!(
            html.contains("<summary>Vi svarer deg så snart vi kan"),
            "{html}"
        );
        let md = render(&m, options, Format::Markdown);
        assert!(
            md.contains(
                "**Rett til innsyn** – du kan få vite hva vi har om deg\n\nDu kan få vite om vi"
            ),
            "{md}"
        );
    }

    #[test]
    fn untrusted_strings_are_escaped() {
        let m = model(
            "controller c \"<b>C</b> & co\" { country NO; email \"a@b.no\" }\npurpose p \"<script>alert(1)</script> *x* [y](z)\" { basis contract }\n",
        );
        let options = Options {
            language: Language::Nb,
            draft: None,
        };
        let html = render(&m, options, Format::Html);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;C&lt;/b&gt; &amp; co"));
        let md = render(&m, options, Format::Markdown);
        assert!(
            md.contains(r"&lt;script&gt;alert(1)&lt;/script&gt; \*x\* \[y\](z)"),
            "{md}"
        );
    }

    #[test]
    fn articles_read_as_norwegian_citations() {
        let b = Builder {
            model: &Model::default(),
            language: Language::Nn,
            source: "nb".into(),
            draft: false,
            audience: Vec::new(),
            children: false,
        };
        assert_eq!(
            b.article("Art. 9(2)(a)"),
            "personvernforordninga artikkel 9 nr. 2 bokstav a"
        );
        assert_eq!(b.article("Art. 10"), "personvernforordninga artikkel 10");
        let b = Builder {
            language: Language::English,
            ..b
        };
        assert_eq!(b.article("Art. 6(1)(f)"), "Article 6(1)(f) GDPR");
    }
}
