//! The privacy notice (Art. 12-14): from the [`Model`] to a [`Document`] (sections,
//! paragraphs, lists), then to HTML ([`html`]) or CommonMark ([`markdown`]). The content is
//! decided once, here; the two writers only lay it out and escape it.
//!
//! Layered, as Datatilsynet and the EDPB advise: (1) in brief, on one screen; (2) each purpose
//! in full; (3) the rights that apply, the objection to direct marketing on its own (Art.
//! 21(4)), the complaint and the response time; (4) contact, DPO, representative, date.
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
use crate::vocab::{Duration, LegalBasis, TransferSafeguard, Vocabulary};
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
///
/// The section of each purpose is made when the writer gets to it and dropped once written
/// ([`Later`]), so that memory holds the text and one purpose's section, not the whole notice
/// as a tree as well (which cost as much again as the model of a declaration whose purposes
/// each name many categories and processors).
pub fn render(model: &Model, options: Options, format: Format) -> String {
    let (builder, document) = document(model, options);
    let purposes = |part: &Section, write: &mut dyn FnMut(&Section)| {
        if part.id == PURPOSES {
            for purpose in &model.purposes {
                write(&builder.purpose(purpose));
            }
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
    pub heading: Vec<Inline>,
    pub blocks: Vec<Block>,
    pub subsections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub language: Language,
    pub title: Vec<Inline>,
    /// The draft banner.
    pub banner: Option<String>,
    pub skip: String,
    pub contents: String,
    /// The parts, each an h2 with h3 subsections (the purposes part's are made as they are
    /// written: [`Later`]).
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
}

/// The notice without the purposes' own sections (see [`render`]), and what makes them.
fn document(model: &Model, options: Options) -> (Builder<'_>, Document) {
    let source = model
        .notice
        .as_ref()
        .and_then(|n| n.languages().first().map(|l| l.to_string()))
        .unwrap_or_else(|| "nb".to_string());
    let b = Builder {
        model,
        language: options.language,
        source,
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
        title,
        banner,
        skip: b.t(text::SKIP).to_string(),
        contents: b.t(text::CONTENTS).to_string(),
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
        subsections: Vec::new(),
    }
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

    /// A string that takes no translation (names, laws, contact details).
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

    /// "Lead: declared text" with a full stop after the declared text unless it has one.
    fn fill_sentence(&self, phrase: T, name: &str, value: Inline) -> Vec<Inline> {
        let stop = match &value {
            Inline::Declared { text, .. } => !ends_sentence(text),
            _ => true,
        };
        let mut out = self.fill(phrase, vec![(name, vec![value])]);
        if stop {
            out.push(fixed("."));
        }
        out
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
        let (one, many) = text::unit(d.unit);
        format!(
            "{} {}",
            d.amount,
            self.t(if d.amount == 1 { one } else { many })
        )
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
        // "Art. 9(2)(a)" → "artikkel 9 nr. 2 bokstav a" / "Article 9(2)(a)".
        let reference = article.trim_start_matches("Art. ");
        let reference = match self.language {
            Language::English => reference.to_string(),
            Language::Nb | Language::Nn => {
                let mut parts = reference.split('(');
                let mut out = parts.next().unwrap_or_default().to_string();
                for (i, part) in parts.enumerate() {
                    let part = part.trim_end_matches(')');
                    if i == 0 {
                        out.push_str(&format!(" nr. {part}"));
                    } else {
                        out.push_str(&format!(" bokstav {part}"));
                    }
                }
                out
            }
        };
        self.t(text::GDPR_ARTICLE).replace("{article}", &reference)
    }

    /// Contact details as one line: "E-post: … · Telefon: … · Adresse: …".
    fn contact_line(&self, contact: &Contact) -> Vec<Inline> {
        let mut parts: Vec<Vec<Inline>> = Vec::new();
        for (term, item) in self.contact_items(contact) {
            let mut part = vec![fixed(format!("{term}: "))];
            part.extend(item);
            parts.push(part);
        }
        let mut out = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push(fixed(" · "));
            }
            out.extend(part);
        }
        out
    }

    fn contact_items(&self, contact: &Contact) -> Vec<(&'static str, Vec<Inline>)> {
        let mut items = Vec::new();
        if let Some(email) = &contact.email {
            items.push((self.t(text::EMAIL), vec![email_link(&email.value)]));
        }
        if let Some(phone) = &contact.phone {
            items.push((self.t(text::PHONE), vec![phone_link(&phone.value)]));
        }
        if let Some(address) = &contact.address {
            items.push((self.t(text::ADDRESS), vec![self.plain(&address.value)]));
        }
        if let Some(url) = &contact.url {
            items.push((self.t(text::WEBSITE), vec![web_link(&url.value)]));
        }
        items
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
            return vec![link(
                format!("#{CONTACT}"),
                vec![fixed(self.t(text::CONTACT))],
            )];
        };
        if let Some(email) = &c.contact.email {
            vec![email_link(&email.value)]
        } else if let Some(address) = &c.contact.address {
            vec![self.plain(&address.value)]
        } else if let Some(url) = &c.contact.url {
            vec![web_link(&url.value)]
        } else {
            vec![link(
                format!("#{CONTACT}"),
                vec![fixed(self.t(text::CONTACT))],
            )]
        }
    }

    /// The supervisory authorities to complain to: those of `complaint`, else those the
    /// controller defines; empty when neither names one.
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

    fn any_direct_marketing(&self) -> bool {
        self.model
            .purposes
            .iter()
            .any(|p| p.direct_marketing.is_some())
    }

    // ---- (1) In brief

    fn summary(&self) -> Section {
        let model = self.model;
        let mut who = vec![Block::Paragraph(self.fill(
            text::WHO_BODY,
            vec![("controller", vec![self.controller_name()])],
        ))];
        if let Some(org) = model.controller().and_then(|c| c.org_number.as_ref()) {
            who.push(Block::Paragraph(vec![
                fixed(format!("{}: ", self.t(text::ORG_NUMBER))),
                self.plain(&org.value),
            ]));
        }
        let what_for = if model.purposes.is_empty() {
            Block::Paragraph(vec![fixed(self.t(text::NO_PURPOSES))])
        } else {
            Block::List(
                model
                    .purposes
                    .iter()
                    .map(|p| {
                        vec![link(
                            format!("#purpose-{}", p.id.name),
                            vec![self.purpose_label(p)],
                        )]
                    })
                    .collect(),
            )
        };
        let mut rights = Vec::new();
        let granted: Vec<Vec<Inline>> = model
            .rights
            .iter()
            .flat_map(|r| &r.granted)
            .map(|r| vec![fixed(self.t(text::right(r.kind).0))])
            .collect();
        if !granted.is_empty() {
            rights.extend(self.fill(text::RIGHTS_BRIEF, vec![("rights", self.join(granted))]));
            rights.push(fixed(" "));
        }
        rights.extend(self.fill(
            text::COMPLAINT_BRIEF,
            vec![("authority", self.authorities())],
        ));
        rights.push(fixed(" "));
        rights.extend(self.fill(
            text::READ_MORE,
            vec![("section", vec![self.section_link(RIGHTS, text::RIGHTS)])],
        ));
        let mut reach = Vec::new();
        if let Some(c) = model.controller() {
            let line = self.contact_line(&c.contact);
            if !line.is_empty() {
                reach.push(Block::Paragraph(line));
            }
        }
        for dpo in &model.dpos {
            let mut line = vec![Inline::Strong(vec![fixed(self.t(text::DPO))]), fixed(": ")];
            let name = dpo.name.as_ref().filter(|n| !is_only_the_title(n));
            if let Some(name) = name {
                line.push(self.text(name));
            }
            let contact = self.contact_line(&dpo.contact);
            if !contact.is_empty() {
                if name.is_some() {
                    line.push(fixed(" · "));
                }
                line.extend(contact);
            }
            reach.push(Block::Paragraph(line));
        }
        reach.push(Block::Paragraph(self.fill(
            text::READ_MORE,
            vec![("section", vec![self.section_link(CONTACT, text::CONTACT)])],
        )));
        Section {
            id: SUMMARY.into(),
            heading: vec![fixed(self.t(text::SUMMARY))],
            blocks: Vec::new(),
            subsections: vec![
                section("who", vec![fixed(self.t(text::WHO))], who),
                section(
                    "what-for",
                    vec![fixed(self.t(text::WHAT_FOR))],
                    vec![what_for],
                ),
                section(
                    "your-rights",
                    vec![fixed(self.t(text::RIGHTS))],
                    vec![Block::Paragraph(rights)],
                ),
                section("reach-us", vec![fixed(self.t(text::HOW_TO_REACH))], reach),
            ],
        }
    }

    // ---- (2) Each purpose

    fn purposes(&self) -> Section {
        Section {
            id: PURPOSES.into(),
            heading: vec![fixed(self.t(text::PURPOSES))],
            blocks: if self.model.purposes.is_empty() {
                vec![Block::Paragraph(vec![fixed(self.t(text::NO_PURPOSES))])]
            } else {
                Vec::new()
            },
            // One per purpose, made as they are written (see `render`).
            subsections: Vec::new(),
        }
    }

    fn parties(&self, references: &[Reference]) -> Vec<&'m Party> {
        references
            .iter()
            .filter_map(|r| self.model.party(r))
            .collect()
    }

    fn party_line(&self, party: &Party) -> Vec<Inline> {
        let mut line = vec![self.label(&party.label, &party.id.name)];
        let mut notes: Vec<Vec<Inline>> = Vec::new();
        if party.public_authority.is_some() {
            notes.push(vec![fixed(self.t(text::PUBLIC_AUTHORITY))]);
        }
        if let Some(country) = &party.country {
            notes.push(self.countries(country));
        }
        if !notes.is_empty() {
            line.push(fixed(" ("));
            for (i, note) in notes.into_iter().enumerate() {
                if i > 0 {
                    line.push(fixed(", "));
                }
                line.extend(note);
            }
            line.push(fixed(")"));
        }
        line
    }

    fn purpose(&self, purpose: &Purpose) -> Section {
        let model = self.model;
        let mut facts = Vec::new();

        // Legal basis, in plain words, with the law or the interest.
        let mut bases = Vec::new();
        for basis in &purpose.bases {
            let (name, meaning) = text::basis(basis.kind);
            let mut item = vec![
                Inline::Strong(vec![fixed(self.t(name))]),
                fixed(format!(" ({}). ", self.article(basis.kind.article()))),
                fixed(self.t(meaning)),
            ];
            if let Some(detail) = &basis.detail {
                item.push(fixed(" "));
                if basis.kind == LegalBasis::LegitimateInterests {
                    item.extend(self.fill_sentence(text::INTEREST, "interest", self.text(detail)));
                } else {
                    item.extend(self.fill_sentence(text::LAW, "law", self.text(detail)));
                }
            }
            bases.push(item);
        }
        facts.push(fact(
            self.t(text::BASIS),
            vec![if bases.is_empty() {
                Block::Paragraph(vec![fixed(self.t(text::NO_BASIS))])
            } else {
                Block::List(bases)
            }],
        ));

        // Art. 9 and Art. 10 conditions.
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
                        item.extend(self.fill_sentence(text::LAW, "law", self.plain(&law.value)));
                    }
                    item
                })
                .collect();
            if !conditions.is_empty() {
                facts.push(fact(
                    self.t(term),
                    vec![
                        Block::Paragraph(vec![fixed(self.t(intro))]),
                        Block::List(conditions),
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
                let mut item = vec![self.label(&c.label, &c.id.name)];
                let mut marks = Vec::new();
                if c.special.is_some() {
                    marks.push(self.t(text::SPECIAL_MARK));
                }
                if c.criminal.is_some() {
                    marks.push(self.t(text::CRIMINAL_MARK));
                }
                if !marks.is_empty() {
                    item.push(fixed(format!(" ({})", marks.join(", "))));
                }
                if !c.includes.is_empty() {
                    item.push(fixed(": "));
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
            facts.push(fact(self.t(text::DATA), vec![Block::List(categories)]));
        }

        let subjects: Vec<Vec<Inline>> = purpose
            .subjects
            .iter()
            .filter_map(|r| model.subject(r))
            .map(|s| vec![self.label(&s.label, &s.id.name)])
            .collect();
        if !subjects.is_empty() {
            facts.push(fact(self.t(text::SUBJECTS), vec![Block::List(subjects)]));
        }

        let sources: Vec<Vec<Inline>> = purpose
            .sources
            .iter()
            .filter_map(|r| r.target().map(|i| &model.sources[i]))
            .map(|s| {
                let mut item = vec![self.label(&s.label, &s.id.name)];
                let mut notes: Vec<Vec<Inline>> = Vec::new();
                if s.public.is_some() {
                    notes.push(vec![fixed(self.t(text::PUBLIC_SOURCE))]);
                }
                if let Some(country) = &s.country {
                    notes.push(self.countries(country));
                }
                if !notes.is_empty() {
                    item.push(fixed(" ("));
                    for (i, note) in notes.into_iter().enumerate() {
                        if i > 0 {
                            item.push(fixed(", "));
                        }
                        item.extend(note);
                    }
                    item.push(fixed(")"));
                }
                item
            })
            .collect();
        if !sources.is_empty() {
            facts.push(fact(self.t(text::SOURCES), vec![Block::List(sources)]));
        }

        let recipients = self.parties(&purpose.recipients);
        if !recipients.is_empty() {
            facts.push(fact(
                self.t(text::RECIPIENTS),
                vec![Block::List(
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
            let items = joint
                .iter()
                .map(|p| {
                    let mut item = self.party_line(p);
                    if let Some(arrangement) = &p.arrangement {
                        item.push(fixed(": "));
                        item.push(self.text(arrangement));
                    }
                    item
                })
                .collect();
            facts.push(fact(
                self.t(text::JOINT),
                vec![
                    Block::Paragraph(vec![fixed(self.t(text::JOINT_INTRO))]),
                    Block::List(items),
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

        if let Some(retention) = &purpose.retention {
            let mut body = Vec::new();
            match &retention.period {
                RetentionPeriod::Fixed(d) => body.push(Block::Paragraph(self.fill(
                    text::RETENTION_FIXED,
                    vec![("duration", vec![fixed(self.duration(*d))])],
                ))),
                RetentionPeriod::After(d, event) => body.push(Block::Paragraph(self.fill(
                    text::RETENTION_AFTER,
                    vec![
                        ("duration", vec![fixed(self.duration(*d))]),
                        ("event", vec![self.text(event)]),
                    ],
                ))),
                RetentionPeriod::Until(event) => body.push(Block::Paragraph(self.fill(
                    text::RETENTION_UNTIL,
                    vec![("event", vec![self.text(event)])],
                ))),
                RetentionPeriod::Indefinite(reason) => {
                    let mut p = vec![fixed(self.t(text::RETENTION_INDEFINITE))];
                    if let Some(reason) = reason {
                        p.push(fixed(" "));
                        p.extend(self.fill_sentence(text::REASON, "reason", self.text(reason)));
                    }
                    body.push(Block::Paragraph(p));
                }
            }
            facts.push(fact(self.t(text::RETENTION), body));
        }

        if let Some(provision) = &purpose.provision {
            let mut p = vec![fixed(self.t(text::provision(provision.kind)))];
            if let Some(consequence) = &provision.consequence {
                p.push(fixed(" "));
                p.extend(self.fill_sentence(
                    text::CONSEQUENCE,
                    "consequence",
                    self.text(consequence),
                ));
            }
            facts.push(fact(self.t(text::PROVISION), vec![Block::Paragraph(p)]));
        }

        if !purpose.decisions.is_empty() {
            let mut body = vec![Block::Paragraph(vec![fixed(self.t(text::DECISIONS_INTRO))])];
            let items = purpose
                .decisions
                .iter()
                .map(|d| {
                    let mut item = vec![Inline::Strong(vec![match &d.label {
                        Some(label) => self.text(label),
                        None => fixed(self.t(text::DECISIONS)),
                    }])];
                    if let Some(logic) = &d.logic {
                        item.push(fixed(". "));
                        item.extend(self.fill_sentence(text::LOGIC, "logic", self.text(logic)));
                    } else {
                        item.push(fixed("."));
                    }
                    for safeguard in &d.safeguards {
                        item.push(fixed(" "));
                        item.push(fixed(self.t(text::decision_safeguard(safeguard.value))));
                    }
                    item
                })
                .collect();
            body.push(Block::List(items));
            facts.push(fact(self.t(text::DECISIONS), body));
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
            .map(|p| {
                vec![link(
                    format!("#purpose-{}", p.id.name),
                    vec![self.purpose_label(p)],
                )]
            })
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

        section(
            format!("purpose-{}", purpose.id.name),
            vec![self.purpose_label(purpose)],
            vec![Block::Facts(facts)],
        )
    }

    fn transfer(&self, party: &Party) -> Vec<Inline> {
        let mut item = self.party_line(party);
        item.push(fixed(":"));
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
                    item.extend(self.fill_sentence(text::REASON, "reason", self.text(reason)));
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
            text::RIGHTS_INTRO,
            vec![("section", vec![self.section_link(CONTACT, text::CONTACT)])],
        ))];
        let granted: Vec<Vec<Inline>> = model
            .rights
            .iter()
            .flat_map(|r| &r.granted)
            .map(|r| {
                let (name, meaning) = text::right(r.kind);
                let mut item = vec![
                    Inline::Strong(vec![fixed(capitalise(self.t(name)))]),
                    fixed(format!(". {}", self.t(meaning))),
                ];
                if let Some(q) = &r.qualifier {
                    item.push(fixed(" "));
                    item.extend(self.fill_sentence(text::NOTE, "note", self.text(q)));
                }
                item
            })
            .collect();
        if !granted.is_empty() {
            blocks.push(Block::List(granted));
        }
        let respond = match model
            .rights
            .as_ref()
            .and_then(|r| r.respond_within.as_ref())
        {
            Some(d) => self.duration(d.value),
            None => self.t(text::ONE_MONTH).to_string(),
        };
        blocks.push(Block::Paragraph(
            self.fill(text::RESPOND, vec![("duration", vec![fixed(respond)])]),
        ));

        let mut subsections = Vec::new();
        if self.any_direct_marketing() {
            let purposes = model
                .purposes
                .iter()
                .filter(|p| p.direct_marketing.is_some())
                .map(|p| {
                    vec![link(
                        format!("#purpose-{}", p.id.name),
                        vec![self.purpose_label(p)],
                    )]
                })
                .collect();
            subsections.push(section(
                OBJECT_MARKETING,
                vec![fixed(self.t(text::OBJECT_MARKETING))],
                vec![
                    Block::Paragraph(vec![Inline::Strong(vec![fixed(
                        self.t(text::OBJECT_MARKETING_BODY),
                    )])]),
                    Block::Paragraph(vec![fixed(self.t(text::OBJECT_MARKETING_PURPOSES))]),
                    Block::List(purposes),
                ],
            ));
        }
        let authority = self.authorities();
        let mut complaint = self.fill(text::COMPLAINT_BODY, vec![("authority", authority.clone())]);
        if let Some(q) = model
            .rights
            .as_ref()
            .and_then(|r| r.complaint_qualifier.as_ref())
        {
            complaint.push(fixed(" "));
            complaint.extend(self.fill_sentence(text::NOTE, "note", self.text(q)));
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
            subsections,
        }
    }

    // ---- (4) Contact

    fn contact(&self) -> Section {
        let model = self.model;
        let mut subsections = Vec::new();
        if let Some(c) = model.controller() {
            let mut facts = vec![fact(
                self.t(text::NAME),
                vec![Block::Paragraph(vec![self.controller_name()])],
            )];
            if let Some(org) = &c.org_number {
                facts.push(fact(
                    self.t(text::ORG_NUMBER),
                    vec![Block::Paragraph(vec![self.plain(&org.value)])],
                ));
            }
            facts.extend(self.contact_facts(&c.contact));
            subsections.push(section(
                "controller",
                vec![fixed(self.t(text::CONTROLLER))],
                vec![Block::Facts(facts)],
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
            subsections.push(section(
                if i == 0 {
                    "dpo".to_string()
                } else {
                    format!("dpo-{}", i + 1)
                },
                vec![fixed(self.t(text::DPO))],
                vec![
                    Block::Paragraph(vec![fixed(self.t(text::DPO_INTRO))]),
                    Block::Facts(facts),
                ],
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
        if let Some(notice) = &model.notice {
            if let Some(url) = &notice.url {
                blocks.push(Block::Paragraph(self.fill(
                    text::PUBLISHED_AT,
                    vec![("url", vec![web_link(&url.value)])],
                )));
            }
            if let Some(updated) = &notice.updated {
                blocks.push(Block::Paragraph(self.fill(
                    text::UPDATED,
                    vec![("date", vec![fixed(self.date(&updated.value))])],
                )));
            }
        }
        Section {
            id: CONTACT.into(),
            heading: vec![fixed(self.t(text::CONTACT))],
            blocks,
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

fn phone_link(number: &str) -> Inline {
    let shown = Inline::Declared {
        text: number.to_string(),
        lang: None,
    };
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
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
        assert!(!generic.contains("Personvernombudet"), "{generic}");
        let named = md("dpo \"Kari Nordmann\"");
        assert!(named.contains("Kari Nordmann · "), "{named}");
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
        assert_eq!(b.article("Art. 6(1)(f)"), "GDPR Article 6(1)(f)");
    }
}
