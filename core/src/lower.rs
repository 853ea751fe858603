//! Builds the [`Model`] from the outlines of a file's sections ([`crate::syntax`]).
//!
//! Reading is permissive: a statement that is not understood is recorded as a [`ReadIssue`] and
//! the rest is read as if it were not there. Statements inside text the parser could not read
//! are still read, so a syntax error in one block does not hide what the rest of the file says.

use rustc_hash::FxHashMap;

use crate::cancel::{CancelToken, Cancelled};
use crate::fields::{self, Block, Field, RightsField};
use crate::lang::{Message, T};
use crate::model::*;
use crate::rules::InvalidValue as Say;
use crate::syntax::{ArgKind, OutlineArg, Section, StatementId};
use crate::text::Span;
use crate::vocab::{
    Channel, Condition, Cookie, DecisionSafeguard, DerogationGround, Duration, LegalBasis,
    Provision, RightKind, TransferSafeguard, Vocabulary, is_eea, is_iso_country,
};

/// Reads the model of `text` from its sections (see [`crate::syntax`]).
pub fn lower(text: &str, sections: &[Section]) -> Model {
    crate::cancel::uncancelled(lower_until(text, sections, &CancelToken::never()))
}

/// [`lower`], stopping between sections once `cancel` is cancelled.
pub fn lower_until(
    text: &str,
    sections: &[Section],
    cancel: &CancelToken,
) -> Result<Model, Cancelled> {
    let mut reader = Reader {
        text,
        model: Model::default(),
        defined: FxHashMap::default(),
    };
    for section in sections {
        let outline = &section.outline;
        for (span, problem) in &outline.problems {
            reader.syntax(section.in_file(*span), problem.clone());
        }
        reader.suppressions(section);
    }
    for section in sections {
        cancel.check()?;
        for &id in &section.outline.top {
            let stmt = statement(text, section, id);
            reader.top_level(&stmt);
        }
    }
    reader.resolve();
    reader.model.symbols = reader
        .defined
        .into_iter()
        .map(|(name, symbol)| (name.to_string(), symbol))
        .collect();
    Ok(reader.model)
}

#[derive(Clone, Copy, Debug)]
struct Arg<'a> {
    kind: ArgKind,
    span: Span,
    raw: &'a str,
}

struct Stmt<'a> {
    name: &'a str,
    name_span: Span,
    span: Span,
    groups: Groups<'a>,
    section: &'a Section,
    id: StatementId,
}

impl<'a> Stmt<'a> {
    fn args(&self) -> impl Iterator<Item = Arg<'a>> + use<'a> {
        self.groups.iter().flat_map(|group| group.iter())
    }
}

/// The values of a statement, in groups separated by commas: a view of the outline, so that
/// reading a statement allocates nothing.
#[derive(Clone, Copy)]
struct Groups<'a>(Group<'a>);

impl<'a> Groups<'a> {
    fn iter(self) -> impl Iterator<Item = Group<'a>> {
        let all = self.0;
        let mut rest = all.args;
        std::iter::from_fn(move || {
            let (_, tail) = rest.split_first()?;
            let len = 1 + tail.iter().take_while(|a| !a.group_start).count();
            let (args, after) = rest.split_at(len);
            rest = after;
            Some(Group { args, ..all })
        })
    }

    fn is_empty(self) -> bool {
        self.0.args.is_empty()
    }

    fn first(self) -> Option<Group<'a>> {
        self.iter().next()
    }
}

/// Values of a statement (one group, or all of them in [`Groups`]).
#[derive(Clone, Copy)]
struct Group<'a> {
    args: &'a [OutlineArg],
    section: &'a Section,
    text: &'a str,
}

impl<'a> Group<'a> {
    fn get(self, index: usize) -> Option<Arg<'a>> {
        let written = self.args.get(index)?;
        let span = self.section.in_file(written.span);
        Some(Arg {
            kind: written.kind,
            span,
            raw: &self.text[span.start..span.end],
        })
    }

    fn first(self) -> Option<Arg<'a>> {
        self.get(0)
    }

    fn iter(self) -> impl Iterator<Item = Arg<'a>> {
        (0..self.args.len()).filter_map(move |i| self.get(i))
    }
}

/// Reads statement `id` of a section.
fn statement<'a>(text: &'a str, section: &'a Section, id: StatementId) -> Stmt<'a> {
    let outline = &section.outline;
    let statement = &outline.statements[id as usize];
    let name_span = section.in_file(statement.name);
    Stmt {
        name: &text[name_span.start..name_span.end],
        name_span,
        span: section.in_file(statement.span),
        groups: Groups(Group {
            args: &outline.args[statement.args.clone()],
            section,
            text,
        }),
        section,
        id,
    }
}

struct Reader<'a> {
    text: &'a str,
    model: Model,
    /// The IDs defined so far (a hash map while reading; the model keeps them sorted).
    defined: FxHashMap<&'a str, Symbol>,
}

impl<'a> Reader<'a> {
    fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    fn syntax(&mut self, span: Span, problem: SyntaxProblem) {
        self.model.issues.push(ReadIssue::Syntax { span, problem });
    }

    /// The statements in the block of `stmt`.
    fn children(&self, stmt: &Stmt<'a>) -> impl Iterator<Item = Stmt<'a>> + use<'a> {
        let (text, section) = (self.text, stmt.section);
        section
            .outline
            .children(stmt.id)
            .map(move |id| statement(text, section, id))
    }

    // ----- issues -------------------------------------------------------------------------

    fn invalid(&mut self, span: Span, field: &'static str, problem: Message) {
        self.invalid_with(span, field, problem, None);
    }

    fn invalid_with(
        &mut self,
        span: Span,
        field: &'static str,
        problem: Message,
        suggestion: Option<String>,
    ) {
        self.model.issues.push(ReadIssue::InvalidValue {
            span,
            field,
            problem,
            suggestion,
        });
    }

    fn unknown_field(&mut self, stmt: &Stmt, block: &'static Block) {
        let parent = (!std::ptr::eq(block, &fields::TOP_LEVEL)).then_some(block.parent);
        self.unknown_child(stmt, parent, block.fields);
    }

    fn unknown_child(
        &mut self,
        stmt: &Stmt,
        parent: Option<&'static str>,
        allowed: &'static [Field],
    ) {
        self.model.issues.push(ReadIssue::UnknownField {
            span: stmt.name_span,
            name: stmt.name.to_string(),
            parent,
            allowed,
        });
    }

    /// Reports every child of a statement that takes no block.
    fn no_block(&mut self, stmt: &Stmt, field: &'static str) {
        for child in self.children(stmt) {
            self.unknown_child(&child, Some(field), &[]);
        }
    }

    /// Reports values beyond the first `keep` of the first group, and any further group.
    fn no_more_args(&mut self, stmt: &Stmt, field: &'static str, keep: usize) {
        let mut span: Option<Span> = None;
        // The values as `privlint fmt` writes them, so that the message does not depend on
        // the layout: one space between values, `, ` between groups.
        let mut written: Vec<String> = Vec::new();
        for (g, group) in stmt.groups.iter().enumerate() {
            let extra: Vec<Arg> = group.iter().skip(if g == 0 { keep } else { 0 }).collect();
            for arg in &extra {
                span = Some(span.map_or(arg.span, |s| s.cover(arg.span)));
            }
            if !extra.is_empty() {
                written.push(extra.iter().map(|a| a.raw).collect::<Vec<_>>().join(" "));
            }
        }
        if let Some(span) = span {
            let written = written.join(", ");
            self.invalid(
                span,
                field,
                Message::new(Say::EXTRA_VALUES)
                    .with("field", field)
                    .with("written", written),
            );
        }
    }

    // ----- values -------------------------------------------------------------------------

    fn decode(&mut self, arg: Arg) -> String {
        match arg.kind {
            ArgKind::TextBlock => arg.raw[3..arg.raw.len() - 3].to_string(),
            ArgKind::String | ArgKind::Unterminated => {
                let inner = arg.raw.strip_prefix('"').unwrap_or(arg.raw);
                let inner = if arg.kind == ArgKind::String {
                    &inner[..inner.len() - 1]
                } else {
                    inner
                };
                let (value, bad) = unescape(inner);
                for (offset, len) in bad {
                    let start = arg.span.start + 1 + offset;
                    let span = Span::new(start, start + len);
                    let problem = SyntaxProblem::BadEscape(self.slice(span).to_string());
                    self.model.issues.push(ReadIssue::Syntax { span, problem });
                }
                value
            }
            _ => arg.raw.to_string(),
        }
    }

    fn flag(&mut self, stmt: &Stmt, field: &'static str) -> Span {
        if let Some(arg) = stmt.args().next() {
            let span = arg
                .span
                .cover(stmt.args().last().map_or(arg.span, |a| a.span));
            self.invalid(
                span,
                field,
                Message::new(Say::FLAG_WITH_VALUE).with("field", field),
            );
        }
        self.no_block(stmt, field);
        stmt.name_span
    }

    /// A field that takes one text in quotes, shown as written, and no block.
    fn text(&mut self, stmt: &Stmt, field: &'static str, example: &str) -> Option<Spanned<String>> {
        self.no_block(stmt, field);
        self.text_argument(stmt, field, example, false)
            .map(|t| Spanned {
                value: t.value,
                span: t.span,
            })
    }

    /// A field that takes one text in quotes that a notice shows (with translations), and no
    /// block.
    fn shown_text(&mut self, stmt: &Stmt, field: &'static str, example: &str) -> Option<Text> {
        self.no_block(stmt, field);
        self.text_argument(stmt, field, example, true)
    }

    /// The one text in quotes of a statement (that may have a block).
    fn text_argument(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        example: &str,
        translatable: bool,
    ) -> Option<Text> {
        let group = stmt.groups.first();
        let read = group.and_then(|g| self.text_in(g, 0, field, translatable));
        self.no_more_args(stmt, field, read.as_ref().map_or(1, |(_, taken)| *taken));
        match (read, stmt.args().next()) {
            (Some((text, _)), _) => Some(text),
            (None, None) => {
                self.invalid(
                    stmt.name_span,
                    field,
                    Message::new(Say::TEXT_MISSING)
                        .with("field", field)
                        .with("example", example),
                );
                None
            }
            (None, Some(arg)) => {
                self.invalid_with(
                    arg.span,
                    field,
                    Message::new(Say::NOT_TEXT)
                        .with("field", field)
                        .with("example", example),
                    Some(format!("\"{}\"", arg.raw)),
                );
                None
            }
        }
    }

    /// The text at `index` of a group and the translations written after it
    /// (`"Nyhetsbrev" en "Newsletter"`), with how many values they take; `None` when the value
    /// there is not a text. A text shown as written (`translatable` false: a law, a legal name,
    /// a reference) takes no translation, and one written after it is reported.
    fn text_in(
        &mut self,
        group: Group,
        index: usize,
        field: &'static str,
        translatable: bool,
    ) -> Option<(Text, usize)> {
        let arg = group.get(index).filter(|a| a.kind.is_text())?;
        let mut text = Text {
            value: self.decode(arg),
            span: arg.span,
            translations: Vec::new(),
        };
        let mut taken = 1;
        while let (Some(tag), Some(translated)) =
            (group.get(index + taken), group.get(index + taken + 1))
        {
            if tag.kind != ArgKind::Identifier || !translated.kind.is_text() {
                break;
            }
            taken += 2;
            let problem = if !translatable {
                // The texts kept for the record only are never shown in a notice.
                let phrase = if matches!(field, "security" | "identification" | "consultation") {
                    Say::TRANSLATION_FOR_RECORD
                } else {
                    Say::TRANSLATION_AS_WRITTEN
                };
                Message::new(phrase)
                    .with("field", field)
                    .with("tag", tag.raw)
            } else if !is_language_tag(tag.raw) {
                Message::new(Say::TRANSLATION_TAG).with("tag", tag.raw)
            } else if text.translation(tag.raw).is_some() {
                Message::new(Say::TRANSLATION_TWICE).with("tag", tag.raw)
            } else {
                let value = self.decode(translated);
                text.translations.push(Translation {
                    language: Spanned {
                        value: tag.raw.to_string(),
                        span: tag.span,
                    },
                    text: Spanned {
                        value,
                        span: translated.span,
                    },
                });
                continue;
            };
            self.invalid(tag.span, field, problem);
        }
        Some((text, taken))
    }

    fn date(&mut self, arg: Arg, field: &'static str) -> Option<Spanned<String>> {
        if valid_date(arg.raw) {
            Some(Spanned {
                value: arg.raw.to_string(),
                span: arg.span,
            })
        } else {
            self.invalid(
                arg.span,
                field,
                Message::new(Say::NOT_A_DATE).with("value", arg.raw),
            );
            None
        }
    }

    /// `country NO`, `country NO, SE`, `country eea`, `country NO, outside_eea`; likewise
    /// `establishment`.
    fn country(&mut self, stmt: &Stmt, field: &'static str) -> Option<Countries> {
        self.no_block(stmt, field);
        if stmt.groups.is_empty() {
            self.invalid(stmt.name_span, field, country_form(field, true));
            return None;
        }
        self.countries(stmt, field, true)
    }

    /// The countries of a statement, one per group: ISO 3166-1 alpha-2 codes and, where
    /// `regions`, the words `eea` and `outside_eea`. Without `regions` a code that is not an
    /// ISO code is not read.
    fn countries(&mut self, stmt: &Stmt, field: &'static str, regions: bool) -> Option<Countries> {
        let mut countries = Countries {
            span: stmt.span,
            values: Vec::new(),
        };
        for group in stmt.groups.iter() {
            let Some(arg) = group.first() else { continue };
            let place = match (arg.kind, arg.raw) {
                (ArgKind::Country, code) if is_iso_country(code) && is_eea(code) => {
                    Some(Place::EeaState)
                }
                (ArgKind::Country, code) if is_iso_country(code) => Some(Place::ThirdCountry),
                (ArgKind::Country, _) if regions => Some(Place::Unknown),
                (ArgKind::Identifier, "eea") if regions => Some(Place::SomewhereInEea),
                (ArgKind::Identifier, "outside_eea") if regions => Some(Place::SomewhereOutsideEea),
                _ => None,
            };
            match place {
                Some(place) => countries.values.push(CountryValue {
                    code: arg.raw.to_string(),
                    span: arg.span,
                    place,
                }),
                None => {
                    let upper = self.decode(arg).to_ascii_uppercase();
                    let suggestion = is_iso_country(&upper).then_some(upper);
                    self.invalid_with(arg.span, field, country_form(field, regions), suggestion);
                }
            }
            if let Some(extra) = group.get(1) {
                self.invalid(
                    extra.span,
                    field,
                    Message::new(Say::SEPARATE_COUNTRIES).with("field", field),
                );
            }
        }
        Some(countries)
    }

    /// `NAME ID "Label"`: the start of every definition.
    fn definition(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        kind: Kind,
    ) -> Option<(Ident, Option<Text>)> {
        let group = stmt.groups.first();
        let Some(first) = group
            .and_then(Group::first)
            .filter(|a| a.kind == ArgKind::Identifier)
        else {
            let span = group
                .and_then(Group::first)
                .map_or(stmt.name_span, |a| a.span);
            self.invalid(
                span,
                field,
                Message::new(Say::ID_AND_LABEL_MISSING)
                    .with("field", field)
                    .with("kind", kind.describe()),
            );
            return None;
        };
        if !is_snake_case(first.raw) {
            self.invalid_with(
                first.span,
                field,
                Message::new(Say::NOT_AN_ID).with("value", first.raw),
                Some(to_snake_case(first.raw)),
            );
        }
        // The controller's legal name is shown as written; every other label is translated.
        let translatable = kind != Kind::Controller;
        let read = group.and_then(|g| self.text_in(g, 1, field, translatable));
        let taken = 1 + read.as_ref().map_or(1, |(_, taken)| *taken);
        let label = match (read, group.and_then(|g| g.get(1))) {
            (Some((label, _)), _) => Some(label),
            (None, Some(arg)) => {
                self.invalid(
                    arg.span,
                    field,
                    Message::new(Say::LABEL_NOT_TEXT).with("field", field),
                );
                None
            }
            (None, None) => {
                self.invalid(
                    first.span,
                    field,
                    Message::new(Say::LABEL_MISSING)
                        .with("field", field)
                        .with("id", first.raw),
                );
                None
            }
        };
        self.no_more_args(stmt, field, taken);
        let ident = Ident {
            name: first.raw.to_string(),
            span: first.span,
        };
        Some((ident, label))
    }

    /// Registers a defined ID; false when it is already defined (the first definition wins).
    fn define(&mut self, ident: &Ident, kind: Kind, index: usize) -> bool {
        let name = self.slice(ident.span);
        if let Some(first) = self.defined.get(name) {
            self.model.duplicates.push(Duplicate {
                name: ident.name.clone(),
                span: ident.span,
                first: first.span,
            });
            return false;
        }
        let symbol = Symbol {
            kind,
            span: ident.span,
            index,
        };
        self.defined.insert(name, symbol);
        true
    }

    /// `data a, b, c`: one ID per group.
    fn references(&mut self, stmt: &Stmt, field: &'static str, kind: Kind) -> Vec<Reference> {
        self.read_references(stmt, field, kind, false).0
    }

    /// `complaint datatilsynet "qualifier"`: IDs, the first of which a text may follow.
    fn qualified_references(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        kind: Kind,
    ) -> (Vec<Reference>, Option<Text>) {
        self.read_references(stmt, field, kind, true)
    }

    fn read_references(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        kind: Kind,
        qualified: bool,
    ) -> (Vec<Reference>, Option<Text>) {
        self.no_block(stmt, field);
        if stmt.groups.is_empty() {
            self.invalid(
                stmt.name_span,
                field,
                Message::new(Say::REFERENCES_MISSING)
                    .with("field", field)
                    .with("kind", kind.describe()),
            );
        }
        let mut refs = Vec::new();
        let mut qualifier = None;
        for (index, group) in stmt.groups.iter().enumerate() {
            let Some(arg) = group.first() else { continue };
            if arg.kind == ArgKind::Identifier {
                refs.push(Reference {
                    name: arg.raw.to_string(),
                    span: arg.span,
                    expected: kind,
                    resolution: Resolution::Pending,
                });
            } else {
                self.invalid(
                    arg.span,
                    field,
                    Message::new(Say::NOT_A_REFERENCE)
                        .with("field", field)
                        .with("kind", kind.describe())
                        .with("value", arg.raw)
                        .with("keyword", kind.keyword()),
                );
            }
            let mut after = 1;
            if qualified
                && index == 0
                && let Some((text, taken)) = self.text_in(group, 1, field, true)
            {
                qualifier = Some(text);
                after += taken;
            }
            if let Some(extra) = group.get(after) {
                self.invalid(
                    extra.span,
                    field,
                    Message::new(Say::SEPARATE_IDS).with("field", field),
                );
            }
        }
        (refs, qualifier)
    }

    /// The vocabulary word that starts a statement: `basis consent`.
    fn word<V: Vocabulary>(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        what: T,
    ) -> Option<(V, Span)> {
        self.no_block(stmt, field);
        let Some(first) = stmt.args().next() else {
            self.invalid(
                stmt.name_span,
                field,
                Message::new(Say::WORD_MISSING)
                    .with("field", field)
                    .with("what", what)
                    .with("words", V::WORDS.join(", ")),
            );
            return None;
        };
        let value = (first.kind == ArgKind::Identifier)
            .then(|| V::from_word(first.raw))
            .flatten();
        if value.is_none() {
            self.no_more_args(stmt, field, 2);
            self.invalid_vocabulary::<V>(first, field, what);
        }
        value.map(|v| (v, first.span))
    }

    fn invalid_vocabulary<V: Vocabulary>(&mut self, arg: Arg, field: &'static str, what: T) {
        let suggestion =
            crate::suggest::nearest(arg.raw, V::WORDS.iter().copied()).map(str::to_string);
        self.invalid_with(
            arg.span,
            field,
            Message::new(Say::NOT_IN_VOCABULARY)
                .with("value", arg.raw)
                .with("what", what)
                .with("words", V::WORDS.join(", ")),
            suggestion,
        );
    }

    /// Words of a vocabulary, one per group: `cookies analytics, marketing`. With none written,
    /// `empty` is reported when given (a field that may stand alone passes `None`). Also says
    /// whether a word could not be read, so that rules depending on the words hold back.
    fn word_list<V: Vocabulary>(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        what: T,
        empty: Option<T>,
    ) -> (Vec<Spanned<V>>, bool) {
        self.no_block(stmt, field);
        if let Some(empty) = empty
            && stmt.groups.is_empty()
        {
            self.invalid(stmt.name_span, field, Message::new(empty));
        }
        let mut words = Vec::new();
        let mut unreadable = false;
        for group in stmt.groups.iter() {
            let Some(arg) = group.first() else { continue };
            match V::from_word(arg.raw).filter(|_| arg.kind == ArgKind::Identifier) {
                Some(value) => words.push(Spanned {
                    value,
                    span: arg.span,
                }),
                None => {
                    unreadable = true;
                    self.invalid_vocabulary::<V>(arg, field, what);
                }
            }
            if let Some(extra) = group.get(1) {
                self.invalid(
                    extra.span,
                    field,
                    Message::new(Say::SEPARATE_WORDS).with("field", field),
                );
            }
        }
        (words, unreadable)
    }

    /// The optional text after the words that start the statement (`basis
    /// legitimate_interests "the interest"`, at `index`); nothing may follow it.
    fn detail(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        index: usize,
        translatable: bool,
    ) -> Option<Text> {
        let not_text = || {
            let words: Vec<&str> = stmt.args().take(index).map(|a| a.raw).collect();
            Message::new(Say::DETAIL_NOT_TEXT)
                .with("field", field)
                .with("words", words.join(" "))
        };
        self.optional_text(stmt, field, index, translatable, not_text)
    }

    /// The optional text at `index` of the first group, with its translations; a value there
    /// that is not text is reported with the message `not_text` makes, and nothing may follow.
    fn optional_text(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        index: usize,
        translatable: bool,
        not_text: impl FnOnce() -> Message,
    ) -> Option<Text> {
        let group = stmt.groups.first()?;
        let read = self.text_in(group, index, field, translatable);
        if read.is_none()
            && let Some(arg) = group.get(index)
        {
            self.invalid(arg.span, field, not_text());
        }
        self.no_more_args(
            stmt,
            field,
            index + read.as_ref().map_or(1, |(_, taken)| *taken),
        );
        read.map(|(text, _)| text)
    }

    /// `safeguard scc`, `safeguard derogation contract "reason"`.
    fn safeguard(&mut self, stmt: &Stmt) -> Option<Safeguard> {
        let (kind, span) =
            self.word::<TransferSafeguard>(stmt, "safeguard", Say::A_TRANSFER_SAFEGUARD)?;
        let mut ground = None;
        let mut reason_at = 1;
        if kind == TransferSafeguard::Derogation
            && let Some(arg) = stmt.groups.first().and_then(|g| g.get(1))
            && arg.kind == ArgKind::Identifier
        {
            reason_at = 2;
            match DerogationGround::from_word(arg.raw) {
                Some(value) => {
                    ground = Some(Spanned {
                        value,
                        span: arg.span,
                    })
                }
                None => {
                    self.invalid_vocabulary::<DerogationGround>(arg, "safeguard", Say::A_DEROGATION)
                }
            }
        }
        let detail = self.detail(
            stmt,
            "safeguard",
            reason_at,
            kind == TransferSafeguard::Derogation,
        );
        Some(Safeguard {
            kind,
            span,
            ground,
            detail,
        })
    }

    /// `note "…"`: a text shown where it stands, with translations; repeatable.
    fn note(&mut self, stmt: &Stmt) -> Option<Text> {
        self.shown_text(stmt, "note", "\"Send ikke fødselsnummer på e-post\"")
    }

    /// `security "…"`: the security measures, for the record only (no translations).
    fn security(&mut self, stmt: &Stmt) -> Option<Spanned<String>> {
        self.text(
            stmt,
            "security",
            "\"Tilgang styres per rolle; loggene lagres kryptert\"",
        )
    }

    /// `international_organisation`, or `international_organisation epo`: the key must be an
    /// organisation of the adequacy table.
    fn international_organisation(&mut self, stmt: &Stmt) -> InternationalOrganisation {
        const FIELD: &str = "international_organisation";
        self.no_block(stmt, FIELD);
        self.no_more_args(stmt, FIELD, 1);
        let key = stmt.args().next().and_then(|arg| {
            if arg.kind == ArgKind::Identifier
                && crate::vocab::international_organisation(arg.raw).is_some()
            {
                return Some(Spanned {
                    value: arg.raw.to_string(),
                    span: arg.span,
                });
            }
            let keys = crate::vocab::INTERNATIONAL_ORGANISATIONS;
            let suggestion =
                crate::suggest::nearest(arg.raw, keys.iter().copied()).map(str::to_string);
            self.invalid_with(
                arg.span,
                FIELD,
                Message::new(Say::NOT_AN_ORGANISATION)
                    .with("value", arg.raw)
                    .with(
                        "known",
                        keys.iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                    .with("field", FIELD),
                suggestion,
            );
            None
        });
        InternationalOrganisation {
            span: stmt.name_span,
            key,
        }
    }

    /// The two texts of `provision conditional "what the person applies for" "consequences"`,
    /// each with its translations: the second is the next text not preceded by a language tag.
    /// Without the first, one finding says what the form is (what follows is not read).
    fn conditional_provision(&mut self, stmt: &Stmt, word: Span) -> (Option<Text>, Option<Text>) {
        let Some(group) = stmt.groups.first() else {
            return (None, None);
        };
        let Some((condition, taken)) = self.text_in(group, 1, "provision", true) else {
            let span = group.get(1).map_or(word, |a| a.span);
            self.invalid(span, "provision", Message::new(Say::CONDITIONAL_PROVISION));
            return (None, None);
        };
        let consequence = self.detail(stmt, "provision", 1 + taken, true);
        (Some(condition), consequence)
    }

    fn duration(&mut self, arg: Arg, field: &'static str) -> Option<Duration> {
        match arg.kind {
            ArgKind::Duration => {
                let parsed = Duration::parse(arg.raw);
                if parsed.is_none() {
                    self.invalid(arg.span, field, Message::new(Say::DURATION_TOO_LARGE));
                }
                parsed
            }
            ArgKind::Integer => {
                self.invalid(
                    arg.span,
                    field,
                    Message::new(Say::DURATION_WITHOUT_UNIT).with("number", arg.raw),
                );
                None
            }
            _ => {
                self.invalid(
                    arg.span,
                    field,
                    Message::new(Say::NOT_A_DURATION).with("value", arg.raw),
                );
                None
            }
        }
    }

    // ----- the nodes ----------------------------------------------------------------------

    fn top_level(&mut self, stmt: &Stmt) {
        use fields::TopField as F;
        let Some(field) = F::from_name(stmt.name) else {
            self.unknown_field(stmt, &fields::TOP_LEVEL);
            return;
        };
        match field {
            F::Notice => self.notice(stmt),
            F::Controller => self.controller(stmt),
            F::Dpo => self.dpo(stmt),
            F::Representative => self.representative(stmt),
            F::Category => self.category(stmt),
            F::Subject => self.subject(stmt),
            F::Source => self.source(stmt),
            F::Recipient => self.party(stmt, Kind::Recipient),
            F::Processor => self.party(stmt, Kind::Processor),
            F::JointController => self.party(stmt, Kind::JointController),
            F::Purpose => self.purpose(stmt),
            F::Rights => self.rights(stmt),
            F::Claims => self.claims(stmt),
        }
    }

    fn notice(&mut self, stmt: &Stmt) {
        use fields::NoticeField as F;
        let title = self.text_argument(stmt, "notice", "\"Personvernerklæring\"", true);
        let mut notice = Notice {
            span: stmt.span,
            title,
            ..Notice::default()
        };
        for child in self.children(stmt) {
            let Some(field) = F::from_name(child.name) else {
                self.unknown_field(&child, &fields::NOTICE);
                continue;
            };
            match field {
                F::Language => notice.language = self.language(&child),
                F::Languages => notice.languages = self.languages(&child),
                F::Url => notice.url = self.text(&child, "url", "\"https://…\""),
                F::Updated => {
                    self.no_block(&child, "updated");
                    self.no_more_args(&child, "updated", 1);
                    match child.args().next() {
                        Some(arg) if arg.kind == ArgKind::Date => {
                            notice.updated = self.date(arg, "updated")
                        }
                        other => self.invalid(
                            other.map_or(child.name_span, |a| a.span),
                            "updated",
                            Message::new(Say::UPDATED_NOT_DATE),
                        ),
                    }
                }
            }
        }
        if self.model.notice.is_none() {
            self.model.notice = Some(notice);
        }
    }

    /// `language "nb"`: the language tag in quotes.
    fn language(&mut self, stmt: &Stmt) -> Option<Spanned<String>> {
        let language = self.text(stmt, "language", "\"nb\"")?;
        if is_language_tag(&language.value) {
            return Some(language);
        }
        self.invalid(
            language.span,
            "language",
            Message::new(Say::NOT_A_NOTICE_LANGUAGE).with("value", language.value.as_str()),
        );
        None
    }

    /// `languages nb, nn, en`: language tags, never references.
    fn languages(&mut self, stmt: &Stmt) -> Vec<Spanned<String>> {
        self.no_block(stmt, "languages");
        if stmt.groups.is_empty() {
            self.invalid(
                stmt.name_span,
                "languages",
                Message::new(Say::LANGUAGES_MISSING),
            );
        }
        let mut languages: Vec<Spanned<String>> = Vec::new();
        for group in stmt.groups.iter() {
            let Some(arg) = group.first() else { continue };
            if arg.kind != ArgKind::Identifier || !is_language_tag(arg.raw) {
                self.invalid(
                    arg.span,
                    "languages",
                    Message::new(Say::NOT_A_LANGUAGE_TAG).with("value", arg.raw),
                );
            } else if languages.iter().any(|l| l.value == arg.raw) {
                self.invalid(
                    arg.span,
                    "languages",
                    Message::new(Say::LISTED_TWICE).with("value", arg.raw),
                );
            } else {
                languages.push(Spanned {
                    value: arg.raw.to_string(),
                    span: arg.span,
                });
            }
            if let Some(extra) = group.get(1) {
                self.invalid(
                    extra.span,
                    "languages",
                    Message::new(Say::SEPARATE_LANGUAGES),
                );
            }
        }
        languages
    }

    fn contact(&mut self, stmt: &Stmt, part: ContactPart, contact: &mut Contact) {
        let (field, example) = match part {
            ContactPart::Email => ("email", "\"post@example.no\""),
            ContactPart::Phone => ("phone", "\"+47 22 00 00 00\""),
            ContactPart::Address => ("address", "\"Postboks 1, 0101 Oslo\""),
            ContactPart::Url => ("url", "\"https://example.no/kontakt\""),
        };
        contact.written.insert(field);
        let value = self.text(stmt, field, example);
        match part {
            ContactPart::Email => contact.email = value,
            ContactPart::Phone => contact.phone = value,
            ContactPart::Address => contact.address = value,
            ContactPart::Url => contact.url = value,
        }
    }

    fn controller(&mut self, stmt: &Stmt) {
        use fields::ControllerField as F;
        let Some((id, name)) = self.definition(stmt, "controller", Kind::Controller) else {
            return;
        };
        // A second controller is reported as duplicate-controller, not as a duplicate ID.
        if self.model.controllers.is_empty()
            && !self.define(&id, Kind::Controller, self.model.controllers.len())
        {
            return;
        }
        let mut controller = Controller {
            id,
            name: name.map(|n| Spanned {
                value: n.value,
                span: n.span,
            }),
            org_number: None,
            country: None,
            contact: Contact::default(),
            public_authority: None,
            establishment: None,
            self_service: None,
            notes: Vec::new(),
            security: None,
            written: Written::default(),
        };
        for child in self.children(stmt) {
            let Some(field) = F::from_name(child.name) else {
                self.unknown_field(&child, &fields::CONTROLLER);
                continue;
            };
            let contact = &mut controller.contact;
            match field {
                F::Email => self.contact(&child, ContactPart::Email, contact),
                F::Phone => self.contact(&child, ContactPart::Phone, contact),
                F::Address => self.contact(&child, ContactPart::Address, contact),
                F::Url => self.contact(&child, ContactPart::Url, contact),
                F::OrgNumber => {
                    controller.org_number = self.text(&child, "org_number", "\"999 999 999\"")
                }
                F::Country => controller.country = self.country(&child, "country"),
                F::PublicAuthority => {
                    controller.public_authority = Some(self.flag(&child, "public_authority"))
                }
                F::Establishment => {
                    controller.establishment = self.country(&child, "establishment")
                }
                F::SelfService => {
                    controller.self_service =
                        self.text(&child, "self_service", "\"https://example.no/innsyn\"")
                }
                F::Note => controller.notes.extend(self.note(&child)),
                F::Security => controller.security = self.security(&child),
                F::Authority => {
                    self.no_block(&child, "authority");
                    if let Some((id, name)) = self.definition(&child, "authority", Kind::Authority)
                        && self.define(&id, Kind::Authority, self.model.authorities.len())
                    {
                        self.model.authorities.push(Authority { id, name });
                    }
                }
            }
            controller.written.insert(field.name());
        }
        self.model.controllers.push(controller);
    }

    fn dpo(&mut self, stmt: &Stmt) {
        use fields::DpoField as F;
        let name = self.text_argument(stmt, "dpo", "\"Personvernombudet\"", true);
        let mut dpo = Dpo {
            keyword: stmt.name_span,
            name,
            contact: Contact::default(),
            notes: Vec::new(),
        };
        for child in self.children(stmt) {
            let Some(field) = F::from_name(child.name) else {
                self.unknown_field(&child, &fields::DPO);
                continue;
            };
            let part = match field {
                F::Email => ContactPart::Email,
                F::Phone => ContactPart::Phone,
                F::Address => ContactPart::Address,
                F::Url => ContactPart::Url,
                F::Note => {
                    dpo.notes.extend(self.note(&child));
                    continue;
                }
            };
            self.contact(&child, part, &mut dpo.contact);
        }
        self.model.dpos.push(dpo);
    }

    fn representative(&mut self, stmt: &Stmt) {
        use fields::RepresentativeField as F;
        let name = self.text_argument(stmt, "representative", "\"Eksempel Europe AS\"", true);
        let mut representative = Representative {
            keyword: stmt.name_span,
            name,
            country: None,
            contact: Contact::default(),
        };
        for child in self.children(stmt) {
            let Some(field) = F::from_name(child.name) else {
                self.unknown_field(&child, &fields::REPRESENTATIVE);
                continue;
            };
            let contact = &mut representative.contact;
            match field {
                F::Country => representative.country = self.country(&child, "country"),
                F::Email => self.contact(&child, ContactPart::Email, contact),
                F::Phone => self.contact(&child, ContactPart::Phone, contact),
                F::Address => self.contact(&child, ContactPart::Address, contact),
                F::Url => self.contact(&child, ContactPart::Url, contact),
            }
        }
        self.model.representatives.push(representative);
    }

    fn category(&mut self, stmt: &Stmt) {
        use fields::CategoryField as F;
        let Some((id, label)) = self.definition(stmt, "category", Kind::Category) else {
            return;
        };
        if !self.define(&id, Kind::Category, self.model.categories.len()) {
            return;
        }
        let mut category = Category {
            id,
            label,
            includes: Vec::new(),
            special: None,
            criminal: None,
            national_id: None,
        };
        for child in self.children(stmt) {
            let Some(field) = F::from_name(child.name) else {
                self.unknown_field(&child, &fields::CATEGORY);
                continue;
            };
            match field {
                F::Includes => {
                    self.no_block(&child, "includes");
                    for group in child.groups.iter() {
                        match self.text_in(group, 0, "includes", true) {
                            Some((text, taken)) => {
                                category.includes.push(text);
                                if let Some(extra) = group.get(taken) {
                                    self.invalid(
                                        extra.span,
                                        "includes",
                                        Message::new(Say::SEPARATE_INCLUDES),
                                    );
                                }
                            }
                            None => {
                                if let Some(arg) = group.first() {
                                    self.invalid(
                                        arg.span,
                                        "includes",
                                        Message::new(Say::INCLUDES_NOT_TEXT),
                                    );
                                }
                            }
                        }
                    }
                }
                F::Special => category.special = Some(self.flag(&child, "special")),
                F::Criminal => category.criminal = Some(self.flag(&child, "criminal")),
                F::NationalId => category.national_id = Some(self.flag(&child, "national_id")),
            }
        }
        self.model.categories.push(category);
    }

    fn subject(&mut self, stmt: &Stmt) {
        use fields::SubjectField as F;
        let Some((id, label)) = self.definition(stmt, "subject", Kind::Subject) else {
            return;
        };
        if !self.define(&id, Kind::Subject, self.model.subjects.len()) {
            return;
        }
        let mut subject = Subject {
            id,
            label,
            child: None,
            employee: None,
            customer: None,
        };
        for child in self.children(stmt) {
            match F::from_name(child.name) {
                Some(F::Child) => subject.child = Some(self.flag(&child, "child")),
                Some(F::Employee) => subject.employee = Some(self.flag(&child, "employee")),
                Some(F::Customer) => subject.customer = Some(self.flag(&child, "customer")),
                None => self.unknown_field(&child, &fields::SUBJECT),
            }
        }
        self.model.subjects.push(subject);
    }

    fn source(&mut self, stmt: &Stmt) {
        use fields::SourceField as F;
        let Some((id, label)) = self.definition(stmt, "source", Kind::Source) else {
            return;
        };
        if !self.define(&id, Kind::Source, self.model.sources.len()) {
            return;
        }
        let mut source = Source {
            id,
            label,
            public: None,
            country: None,
            data_subject: None,
        };
        for child in self.children(stmt) {
            match F::from_name(child.name) {
                Some(F::Public) => source.public = Some(self.flag(&child, "public")),
                Some(F::Country) => source.country = self.country(&child, "country"),
                Some(F::DataSubject) => {
                    source.data_subject = Some(self.flag(&child, "data_subject"))
                }
                None => self.unknown_field(&child, &fields::SOURCE),
            }
        }
        self.model.sources.push(source);
    }

    /// A processor, recipient or joint controller.
    fn party(&mut self, stmt: &Stmt, kind: Kind) {
        let Some((id, label)) = self.definition(stmt, kind.keyword(), kind) else {
            return;
        };
        if !self.define(&id, kind, self.model.parties.len()) {
            return;
        }
        let mut party = Party {
            kind,
            id,
            label,
            country: None,
            safeguards: Vec::new(),
            public_authority: None,
            agreement: None,
            arrangement: None,
            contact: Contact::default(),
            international_organisation: None,
            written: Written::default(),
        };
        for child in self.children(stmt) {
            let field = match kind {
                Kind::Recipient => {
                    fields::RecipientField::from_name(child.name).map(PartyField::from)
                }
                Kind::Processor => {
                    fields::ProcessorField::from_name(child.name).map(PartyField::from)
                }
                _ => fields::JointControllerField::from_name(child.name).map(PartyField::from),
            };
            let Some(field) = field else {
                let block = match kind {
                    Kind::Recipient => &fields::RECIPIENT,
                    Kind::Processor => &fields::PROCESSOR,
                    _ => &fields::JOINT_CONTROLLER,
                };
                self.unknown_field(&child, block);
                continue;
            };
            match field {
                PartyField::Country => {
                    party.written.insert("country");
                    party.country = self.country(&child, "country")
                }
                PartyField::PublicAuthority => {
                    party.written.insert("public_authority");
                    party.public_authority = Some(self.flag(&child, "public_authority"))
                }
                PartyField::Safeguard => {
                    party.written.insert("safeguard");
                    party.safeguards.extend(self.safeguard(&child));
                }
                PartyField::Agreement => {
                    party.written.insert("agreement");
                    self.no_block(&child, "agreement");
                    self.no_more_args(&child, "agreement", 1);
                    party.agreement = match child.args().next() {
                        Some(arg) if arg.kind == ArgKind::Date => self.date(arg, "agreement"),
                        Some(arg) if arg.kind.is_text() => Some(Spanned {
                            value: self.decode(arg),
                            span: arg.span,
                        }),
                        other => {
                            let span = other.map_or(child.name_span, |a| a.span);
                            self.invalid(span, "agreement", Message::new(Say::AGREEMENT_NOT_DATE));
                            None
                        }
                    };
                }
                PartyField::Arrangement => {
                    party.written.insert("arrangement");
                    party.arrangement =
                        self.shown_text(&child, "arrangement", "\"the essence of the arrangement\"")
                }
                PartyField::Contact(part) => self.contact(&child, part, &mut party.contact),
                PartyField::InternationalOrganisation => {
                    party.written.insert("international_organisation");
                    party.international_organisation = Some(self.international_organisation(&child))
                }
            }
        }
        self.model.parties.push(party);
    }

    fn purpose(&mut self, stmt: &Stmt) {
        use fields::PurposeField as F;
        let Some((id, label)) = self.definition(stmt, "purpose", Kind::Purpose) else {
            return;
        };
        // A second purpose with the same ID is read all the same (its mistakes are its own),
        // but kept apart: only `duplicate-definition` speaks of it.
        let duplicate = !self.define(&id, Kind::Purpose, self.model.purposes.len());
        let mut p = Purpose {
            id,
            label,
            description: None,
            bases: Vec::new(),
            conditions: Vec::new(),
            data: Vec::new(),
            subjects: Vec::new(),
            sources: Vec::new(),
            recipients: Vec::new(),
            processors: Vec::new(),
            joint_controllers: Vec::new(),
            retention: None,
            direct_marketing: None,
            marketing_channels: Vec::new(),
            cookies: Vec::new(),
            camera: None,
            profiling: None,
            monitoring: None,
            large_scale: None,
            manual: None,
            online_service: None,
            offered_in: Vec::new(),
            provision: None,
            reuses: Vec::new(),
            dpia: None,
            identification: None,
            consultation: None,
            security: None,
            notes: Vec::new(),
            decisions: Vec::new(),
            written: Written::default(),
            unreadable: Written::default(),
        };
        for child in self.children(stmt) {
            let Some(field) = F::from_name(child.name) else {
                self.unknown_field(&child, &fields::PURPOSE);
                continue;
            };
            p.written.insert(field.name());
            match field {
                F::Basis => {
                    match self.word::<LegalBasis>(&child, "basis", Say::A_LEGAL_BASIS) {
                        Some((kind, span)) => {
                            // The interest is shown in the notice, and a law is named in the
                            // reader's language (language.md §1); other bases take no text.
                            let translatable = matches!(
                                kind,
                                LegalBasis::LegitimateInterests
                                    | LegalBasis::LegalObligation
                                    | LegalBasis::PublicTask
                            );
                            let detail = self.detail(&child, "basis", 1, translatable);
                            p.bases.push(Basis { kind, span, detail });
                        }
                        None => p.unreadable.insert("basis"),
                    }
                }
                F::Condition => {
                    match self.word::<Condition>(&child, "condition", Say::A_CONDITION) {
                        Some((kind, span)) => {
                            // The law, named in the reader's language.
                            let detail = self.detail(&child, "condition", 1, true);
                            p.conditions.push(ConditionUse { kind, span, detail });
                        }
                        None => p.unreadable.insert("condition"),
                    }
                }
                F::Data => p
                    .data
                    .extend(self.references(&child, "data", Kind::Category)),
                F::Subjects => {
                    p.subjects
                        .extend(self.references(&child, "subjects", Kind::Subject))
                }
                F::Sources => p
                    .sources
                    .extend(self.references(&child, "sources", Kind::Source)),
                F::Recipients => {
                    p.recipients
                        .extend(self.references(&child, "recipients", Kind::Recipient))
                }
                F::Processors => {
                    p.processors
                        .extend(self.references(&child, "processors", Kind::Processor))
                }
                F::JointControllers => p.joint_controllers.extend(self.references(
                    &child,
                    "joint_controllers",
                    Kind::JointController,
                )),
                F::Reuses => p
                    .reuses
                    .extend(self.references(&child, "reuses", Kind::Purpose)),
                F::Retention => {
                    let retention = self.retention(&child);
                    if p.retention.is_none() {
                        p.retention = retention;
                    }
                }
                F::Description => {
                    p.description = self.shown_text(
                        &child,
                        "description",
                        "\"what is done with the data, in plain words\"",
                    )
                }
                F::DirectMarketing => {
                    let (channels, unreadable) =
                        self.word_list::<Channel>(&child, "direct_marketing", Say::A_CHANNEL, None);
                    if unreadable {
                        p.unreadable.insert("direct_marketing");
                    }
                    p.marketing_channels.extend(channels);
                    p.direct_marketing = Some(child.name_span);
                }
                F::Cookies => {
                    let (cookies, unreadable) = self.word_list::<Cookie>(
                        &child,
                        "cookies",
                        Say::A_COOKIE,
                        Some(Say::COOKIES_MISSING),
                    );
                    if unreadable {
                        p.unreadable.insert("cookies");
                    }
                    p.cookies.extend(cookies);
                }
                F::Camera => p.camera = Some(self.flag(&child, "camera")),
                F::Profiling => p.profiling = Some(self.flag(&child, "profiling")),
                F::Monitoring => p.monitoring = Some(self.flag(&child, "monitoring")),
                F::LargeScale => p.large_scale = Some(self.flag(&child, "large_scale")),
                F::Manual => p.manual = Some(self.flag(&child, "manual")),
                F::OnlineService => {
                    self.no_block(&child, "online_service");
                    if !child.groups.is_empty()
                        && let Some(countries) = self.countries(&child, "online_service", false)
                    {
                        p.offered_in.extend(countries.values);
                    }
                    p.online_service = Some(child.name_span);
                }
                F::Provision => {
                    match self.word::<Provision>(&child, "provision", Say::A_PROVISION) {
                        Some((kind, span)) => {
                            let (condition, consequence) = if kind == Provision::Conditional {
                                self.conditional_provision(&child, span)
                            } else {
                                (None, self.detail(&child, "provision", 1, true))
                            };
                            if p.provision.is_none() {
                                p.provision = Some(ProvisionUse {
                                    kind,
                                    span,
                                    condition,
                                    consequence,
                                });
                            }
                        }
                        None => p.unreadable.insert("provision"),
                    }
                }
                F::Dpia => p.dpia = self.text(&child, "dpia", "\"DPIA-2024-03\""),
                F::Identification => {
                    p.identification = self.text(
                        &child,
                        "identification",
                        "\"why secure identification is needed\"",
                    )
                }
                F::Consultation => {
                    p.consultation = self.text(
                        &child,
                        "consultation",
                        "\"Drøftet med tillitsvalgte 2025-03-04\"",
                    )
                }
                F::Security => p.security = self.security(&child),
                F::Note => p.notes.extend(self.note(&child)),
                F::Decision => {
                    let decision = self.decision(&child);
                    p.decisions.push(decision);
                }
            }
        }
        if duplicate {
            self.model.shadowed_purposes.push(p);
        } else {
            self.model.purposes.push(p);
        }
    }

    fn retention(&mut self, stmt: &Stmt) -> Option<Retention> {
        self.no_block(stmt, "retention");
        let args: Vec<Arg> = stmt.args().collect();
        let group = stmt.groups.first();
        let word_at = |i: usize, w: &str| {
            args.get(i)
                .is_some_and(|a| a.kind == ArgKind::Identifier && a.raw == w)
        };
        let period = match args.first().copied() {
            None => {
                self.invalid(
                    stmt.name_span,
                    "retention",
                    Message::new(Say::RETENTION_MISSING).with("forms", Say::RETENTION_FORMS),
                );
                return None;
            }
            Some(first) if matches!(first.kind, ArgKind::Duration | ArgKind::Integer) => {
                let duration = self.duration(first, "retention")?;
                if args.len() == 1 {
                    RetentionPeriod::Fixed(duration)
                } else if word_at(1, "after")
                    && let Some((event, taken)) =
                        group.and_then(|g| self.text_in(g, 2, "retention", true))
                {
                    self.no_more_args(stmt, "retention", 2 + taken);
                    RetentionPeriod::After(duration, event)
                } else {
                    self.invalid(
                        args[1].span,
                        "retention",
                        Message::new(Say::AFTER_WHAT).with("forms", Say::RETENTION_FORMS),
                    );
                    return None;
                }
            }
            Some(_) if word_at(0, "until") => {
                match group.and_then(|g| self.text_in(g, 1, "retention", true)) {
                    Some((event, taken)) => {
                        self.no_more_args(stmt, "retention", 1 + taken);
                        RetentionPeriod::Until(event)
                    }
                    None => {
                        self.invalid(args[0].span, "retention", Message::new(Say::UNTIL_WHAT));
                        return None;
                    }
                }
            }
            Some(_) if word_at(0, "indefinite") => {
                let reason = group.and_then(|g| self.text_in(g, 1, "retention", true));
                self.no_more_args(
                    stmt,
                    "retention",
                    1 + reason.as_ref().map_or(0, |(_, n)| *n),
                );
                RetentionPeriod::Indefinite(reason.map(|(text, _)| text))
            }
            Some(first) => {
                let suggestion =
                    crate::suggest::nearest(first.raw, ["until", "indefinite"]).map(str::to_string);
                self.invalid_with(
                    first.span,
                    "retention",
                    Message::new(Say::NOT_A_RETENTION)
                        .with("value", first.raw)
                        .with("forms", Say::RETENTION_FORMS),
                    suggestion,
                );
                return None;
            }
        };
        Some(Retention {
            period,
            span: stmt.span,
        })
    }

    fn decision(&mut self, stmt: &Stmt) -> Decision {
        use fields::DecisionField as F;
        let label = self.optional_text(stmt, "decision", 0, true, || {
            Message::new(Say::DECISION_NOT_TEXT)
        });
        let mut decision = Decision {
            keyword: stmt.name_span,
            label,
            logic: None,
            significance: None,
            authorised_by: None,
            safeguards: Vec::new(),
            written: Written::default(),
            unreadable: Written::default(),
        };
        for child in self.children(stmt) {
            let Some(field) = F::from_name(child.name) else {
                self.unknown_field(&child, &fields::DECISION);
                continue;
            };
            match field {
                F::Logic => {
                    decision.logic = self.shown_text(&child, "logic", "\"the logic involved\"")
                }
                F::Significance => {
                    decision.significance = self.shown_text(
                        &child,
                        "significance",
                        "\"what the decision means for you\"",
                    )
                }
                F::AuthorisedBy => {
                    self.no_block(&child, "authorised_by");
                    let law = self.optional_text(&child, "authorised_by", 0, true, || {
                        Message::new(Say::LAW_NOT_TEXT)
                    });
                    decision.authorised_by = Some(Authorisation {
                        span: child.name_span,
                        law,
                    });
                }
                F::Safeguards => {
                    let (safeguards, unreadable) = self.word_list::<DecisionSafeguard>(
                        &child,
                        "safeguards",
                        Say::A_DECISION_SAFEGUARD,
                        Some(Say::SAFEGUARDS_MISSING),
                    );
                    if unreadable {
                        decision.unreadable.insert("safeguards");
                    }
                    decision.safeguards.extend(safeguards);
                }
            }
            decision.written.insert(field.name());
        }
        decision
    }

    fn rights(&mut self, stmt: &Stmt) {
        self.no_more_args(stmt, "rights", 0);
        let mut rights = self.model.rights.take().unwrap_or(Rights {
            keyword: stmt.name_span,
            granted: Vec::new(),
            complaint: Vec::new(),
            complaint_qualifier: None,
            respond_within: None,
            notes: Vec::new(),
            written: Written::default(),
            misspelt: Vec::new(),
            last_node: None,
        });
        for child in self.children(stmt) {
            rights.last_node = Some(child.span);
            let Some(field) = RightsField::from_name(child.name) else {
                // What the person meant is granted already; do not report it missing too.
                match crate::suggest::nearest(child.name, fields::RIGHTS.names()) {
                    Some("complaint") => rights.written.insert("complaint"),
                    Some(meant) => rights.misspelt.extend(RightKind::from_word(meant)),
                    None => {}
                }
                self.unknown_field(&child, &fields::RIGHTS);
                continue;
            };
            if let Some(kind) = field.right() {
                self.no_block(&child, field.name());
                let qualifier = self.qualifier(&child, field.name());
                rights.granted.push(Right {
                    kind,
                    span: child.name_span,
                    qualifier,
                });
                continue;
            }
            match field {
                RightsField::Complaint => {
                    rights.written.insert("complaint");
                    let (references, qualifier) =
                        self.qualified_references(&child, "complaint", Kind::Authority);
                    rights.complaint.extend(references);
                    if rights.complaint_qualifier.is_none() {
                        rights.complaint_qualifier = qualifier;
                    }
                }
                RightsField::RespondWithin => {
                    rights.written.insert("respond_within");
                    self.no_block(&child, "respond_within");
                    self.no_more_args(&child, "respond_within", 1);
                    match child.args().next() {
                        Some(arg) => {
                            if let Some(d) = self.duration(arg, "respond_within") {
                                rights.respond_within = Some(Spanned {
                                    value: d,
                                    span: arg.span,
                                });
                            }
                        }
                        None => self.invalid(
                            child.name_span,
                            "respond_within",
                            Message::new(Say::RESPOND_WITHIN_MISSING),
                        ),
                    }
                }
                RightsField::Note => rights.notes.extend(self.note(&child)),
                _ => unreachable!("the rights were read above"),
            }
        }
        self.model.rights = Some(rights);
    }

    /// The optional text that qualifies a right: `erasure "begrenset av arkivplikt"`.
    fn qualifier(&mut self, stmt: &Stmt, field: &'static str) -> Option<Text> {
        self.optional_text(stmt, field, 0, true, || {
            Message::new(Say::QUALIFIER_NOT_TEXT).with("field", field)
        })
    }

    fn claims(&mut self, stmt: &Stmt) {
        self.no_more_args(stmt, "claims", 0);
        let mut claims = self.model.claims.take().unwrap_or(Claims {
            keyword: stmt.name_span,
            claims: Vec::new(),
        });
        for child in self.children(stmt) {
            match fields::ClaimsField::from_name(child.name) {
                Some(field) => {
                    self.flag(&child, field.name());
                    claims.claims.push(Spanned {
                        value: field.claim(),
                        span: child.name_span,
                    });
                }
                None => self.unknown_field(&child, &fields::CLAIMS),
            }
        }
        self.model.claims = Some(claims);
    }

    /// Resolves every reference against the symbol table.
    fn resolve(&mut self) {
        let symbols = &self.defined;
        let resolve = |r: &mut Reference| {
            r.resolution = match symbols.get(r.name.as_str()) {
                None => Resolution::Undefined,
                Some(s) if s.kind == r.expected => Resolution::Resolved(s.index),
                Some(s) => Resolution::WrongKind(s.kind),
            };
        };
        for p in self
            .model
            .purposes
            .iter_mut()
            .chain(&mut self.model.shadowed_purposes)
        {
            p.data
                .iter_mut()
                .chain(&mut p.subjects)
                .chain(&mut p.sources)
                .chain(&mut p.recipients)
                .chain(&mut p.processors)
                .chain(&mut p.joint_controllers)
                .chain(&mut p.reuses)
                .for_each(resolve);
        }
        if let Some(rights) = &mut self.model.rights {
            rights.complaint.iter_mut().for_each(resolve);
        }
    }

    /// Reads `# privlint: allow RULE[, RULE] -- reason` comments. One at the end of a statement's
    /// first line covers that statement; one on a line of its own covers the statement on the
    /// next line.
    fn suppressions(&mut self, section: &Section) {
        for comment in &section.outline.comments {
            let span = section.in_file(comment.span);
            let Some(SuppressionComment { rules, reason }) = parse_suppression(self.slice(span))
            else {
                continue;
            };
            let rules = rules
                .into_iter()
                .map(|(offset, name)| Spanned {
                    value: name.to_string(),
                    span: Span::new(span.start + offset, span.start + offset + name.len()),
                })
                .collect();
            self.model.suppressions.push(Suppression {
                span,
                rules,
                reason: reason.map(str::to_string),
                scope: comment.statement.map(|s| section.in_file(s)),
            });
        }
    }
}

/// A `# privlint: allow …` comment, read.
struct SuppressionComment<'c> {
    /// The rule names, with their byte offsets in the comment.
    rules: Vec<(usize, &'c str)>,
    reason: Option<&'c str>,
}

/// Reads a suppression comment, or gives `None` when the comment is not one.
fn parse_suppression(comment: &str) -> Option<SuppressionComment<'_>> {
    let body = comment.strip_prefix('#')?.trim_start();
    let body = body.strip_prefix("privlint:")?.trim_start();
    let list = body.strip_prefix("allow")?;
    let (list, reason) = match list.split_once("--") {
        Some((list, reason)) => (list, Some(reason.trim()).filter(|r| !r.is_empty())),
        None => (list, None),
    };
    let list_start = list.as_ptr() as usize - comment.as_ptr() as usize;
    let mut rules = Vec::new();
    let mut offset = list_start;
    for part in list.split(',') {
        let name = part.trim();
        if !name.is_empty() {
            let lead = part.len() - part.trim_start().len();
            rules.push((offset + lead, name));
        }
        offset += part.len() + 1;
    }
    Some(SuppressionComment { rules, reason })
}

/// What a field of countries takes, for its messages.
fn country_form(field: &'static str, regions: bool) -> Message {
    let phrase = if regions {
        Say::COUNTRIES_OR_REGIONS
    } else {
        Say::COUNTRIES
    };
    Message::new(phrase).with("field", field)
}

/// A BCP 47 primary language subtag: `nb`, `nn`, `en`, `sma`.
fn is_language_tag(word: &str) -> bool {
    (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// The contact fields that the controller, the DPO and the representative share.
#[derive(Clone, Copy)]
enum ContactPart {
    Email,
    Phone,
    Address,
    Url,
}

/// The fields of processors, recipients and joint controllers, read by one function.
#[derive(Clone, Copy)]
enum PartyField {
    Country,
    PublicAuthority,
    Safeguard,
    Agreement,
    Arrangement,
    Contact(ContactPart),
    InternationalOrganisation,
}

impl From<fields::RecipientField> for PartyField {
    fn from(field: fields::RecipientField) -> Self {
        use fields::RecipientField as F;
        match field {
            F::Country => PartyField::Country,
            F::PublicAuthority => PartyField::PublicAuthority,
            F::Safeguard => PartyField::Safeguard,
            F::InternationalOrganisation => PartyField::InternationalOrganisation,
        }
    }
}

impl From<fields::ProcessorField> for PartyField {
    fn from(field: fields::ProcessorField) -> Self {
        use fields::ProcessorField as F;
        match field {
            F::Country => PartyField::Country,
            F::Safeguard => PartyField::Safeguard,
            F::Agreement => PartyField::Agreement,
        }
    }
}

impl From<fields::JointControllerField> for PartyField {
    fn from(field: fields::JointControllerField) -> Self {
        use fields::JointControllerField as F;
        match field {
            F::Country => PartyField::Country,
            F::Arrangement => PartyField::Arrangement,
            F::Safeguard => PartyField::Safeguard,
            F::Email => PartyField::Contact(ContactPart::Email),
            F::Phone => PartyField::Contact(ContactPart::Phone),
            F::Address => PartyField::Contact(ContactPart::Address),
            F::Url => PartyField::Contact(ContactPart::Url),
        }
    }
}

fn is_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn to_snake_case(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim_start_matches('_').chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `text` (YYYY-MM-DD) is a date of the calendar.
pub fn valid_date(text: &str) -> bool {
    let mut parts = text.split('-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(year)), Some(Some(month)), Some(Some(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Decodes the escapes of a string body; returns the text and the (offset, length) of every
/// escape that is not one of `\"` `\\` `\n` `\t` `\u{…}`.
fn unescape(body: &str) -> (String, Vec<(usize, usize)>) {
    if !body.contains('\\') {
        return (body.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(body.len());
    let mut bad = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, 'n')) => out.push('\n'),
            Some((_, 't')) => out.push('\t'),
            Some((j, 'u')) => {
                let rest = &body[j + 1..];
                let decoded = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .and_then(|(hex, _)| {
                        let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
                        Some((c, hex.len() + 2))
                    });
                match decoded {
                    Some((c, len)) => {
                        out.push(c);
                        for _ in 0..len {
                            chars.next();
                        }
                    }
                    None => bad.push((i, 2)),
                }
            }
            Some((_, other)) => bad.push((i, 1 + other.len_utf8())),
            None => bad.push((i, 1)),
        }
    }
    (out, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_the_documented_escapes() {
        assert_eq!(
            unescape(r#"a\"b\\c\nd\te\u{e6}"#),
            ("a\"b\\c\nd\te\u{e6}".to_string(), vec![])
        );
        assert_eq!(unescape(r"x\qy").1, vec![(1, 2)]);
        assert_eq!(unescape(r"\u{110000}").1, vec![(0, 2)]);
    }

    #[test]
    fn dates_must_exist_in_the_calendar() {
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2023-02-29"));
        assert!(!valid_date("2026-13-01"));
        assert!(!valid_date("2026-04-31"));
    }

    #[test]
    fn extra_values_are_quoted_as_formatting_writes_them() {
        let message = |text: &str| -> Vec<String> {
            crate::check(text, &crate::Settings::default())
                .into_iter()
                .filter(|d| d.rule.name == "invalid-value")
                .map(|d| d.message)
                .collect()
        };
        assert_eq!(
            message("source t l\"\"\"\"\n"),
            message("source t l \"\" \"\"\n")
        );
        assert_eq!(
            message("processor x \"X\" {\n  agreement \"A\"  \"B\",\n     \"C\"\n}\n"),
            vec!["`agreement` does not take `\"B\", \"C\"` here".to_string()]
        );
    }

    fn model(text: &str) -> Model {
        crate::analyze(
            text,
            &crate::syntax::read(text),
            &crate::Settings::default(),
        )
        .0
    }

    fn invalid_values(text: &str) -> Vec<String> {
        crate::rules::testing::findings("invalid-value", text)
            .into_iter()
            .map(|(line, message)| format!("{line}: {message}"))
            .collect()
    }

    /// Every field of version 3 (language.md, the parts marked v3) is read into the model.
    #[test]
    fn reads_the_fields_of_version_3() {
        let text = r#"notice "N" { languages nb, en }
controller c "C AS" {
  country NO
  establishment NO, SE, eea
  self_service "https://c.example/innsyn"
  note "Send ikke fødselsnummer på e-post" en "Do not send national identity numbers by e-mail"
  note "Andre"
  security "Tilgang per rolle"
}
dpo "Ombud" { email "o@c.example"; note "Ombudet svarer innen en uke" }
category id "Identitet" { national_id }
subject kunder "Kunder" { customer }
source app "Appen" { data_subject }
recipient epo "Det europeiske patentverket" { international_organisation epo }
recipient un "FN" { international_organisation }
joint_controller j "J" {
  email "j@j.example"
  phone "+47 1"
  address "Gate 1"
  url "https://j.example"
}
purpose p "P" {
  description "Vi sender nyheter." en "We send news."
  basis legal_obligation "kvitvaskingslova § 30" en "section 30 of the Anti-Money Laundering Act"
  condition authorised_by_law "straffeprosessloven" en "the Criminal Procedure Act"
  direct_marketing email, sms
  cookies strictly_necessary, analytics
  camera
  online_service NO, US
  provision conditional "om du vil søke om lån" en "if you want to apply for a loan" "kan vi ikke behandle søknaden" en "we cannot process the application"
  identification "Sikker identifisering"
  consultation "Drøftet med tillitsvalgte 2025-03-04"
  security "Kryptert"
  note "Første" en "First"
  note "Andre"
  sources app
  decision "D" {
    significance "Avslag" en "Refusal"
    authorised_by "forskrift om lån" en "regulations on loans"
  }
  decision "E" { authorised_by }
}
rights { access; note "Innsyn etter offentleglova" }
"#;
        assert_eq!(invalid_values(text), Vec::<String>::new());
        let m = model(text);
        let c = m.controller().unwrap();
        let codes: Vec<&str> = c
            .establishment
            .as_ref()
            .unwrap()
            .values
            .iter()
            .map(|v| v.code.as_str())
            .collect();
        assert_eq!(codes, ["NO", "SE", "eea"]);
        assert_eq!(
            c.self_service.as_ref().unwrap().value,
            "https://c.example/innsyn"
        );
        assert_eq!(c.notes.len(), 2);
        assert_eq!(
            c.notes[0].translation("en"),
            Some("Do not send national identity numbers by e-mail")
        );
        assert_eq!(c.security.as_ref().unwrap().value, "Tilgang per rolle");
        assert_eq!(m.dpos[0].notes[0].value, "Ombudet svarer innen en uke");
        assert!(m.categories[0].national_id.is_some());
        assert!(m.subjects[0].customer.is_some());
        assert!(m.sources[0].data_subject.is_some());
        let epo = m.parties[0].international_organisation.as_ref().unwrap();
        assert_eq!(epo.key.as_ref().unwrap().value, "epo");
        assert_eq!(epo.adequacy_decision().unwrap().decision, "(EU) 2025/1382");
        let un = m.parties[1].international_organisation.as_ref().unwrap();
        assert!(un.key.is_none() && un.adequacy_decision().is_none());
        let contact: Vec<&str> = m.parties[2].contact.values().collect();
        assert_eq!(
            contact,
            ["Gate 1", "j@j.example", "+47 1", "https://j.example"]
        );

        let p = &m.purposes[0];
        assert_eq!(
            p.description.as_ref().unwrap().translation("en"),
            Some("We send news.")
        );
        assert_eq!(
            p.bases[0].detail.as_ref().unwrap().translation("en"),
            Some("section 30 of the Anti-Money Laundering Act")
        );
        assert_eq!(
            p.conditions[0].detail.as_ref().unwrap().translation("en"),
            Some("the Criminal Procedure Act")
        );
        assert!(p.direct_marketing.is_some());
        let channels: Vec<Channel> = p.marketing_channels.iter().map(|c| c.value).collect();
        assert_eq!(channels, [Channel::Email, Channel::Sms]);
        let cookies: Vec<Cookie> = p.cookies.iter().map(|c| c.value).collect();
        assert_eq!(cookies, [Cookie::StrictlyNecessary, Cookie::Analytics]);
        assert!(p.camera.is_some() && p.monitoring.is_none());
        assert_eq!(p.monitors(), p.camera);
        assert!(p.online_service.is_some());
        let offered: Vec<(&str, Place)> = p
            .offered_in
            .iter()
            .map(|v| (v.code.as_str(), v.place))
            .collect();
        assert_eq!(
            offered,
            [("NO", Place::EeaState), ("US", Place::ThirdCountry)]
        );
        let provision = p.provision.as_ref().unwrap();
        assert_eq!(provision.kind, Provision::Conditional);
        let condition = provision.condition.as_ref().unwrap();
        assert_eq!(condition.value, "om du vil søke om lån");
        assert_eq!(
            condition.translation("en"),
            Some("if you want to apply for a loan")
        );
        let consequence = provision.consequence.as_ref().unwrap();
        assert_eq!(consequence.value, "kan vi ikke behandle søknaden");
        assert_eq!(
            consequence.translation("en"),
            Some("we cannot process the application")
        );
        assert_eq!(
            p.identification.as_ref().unwrap().value,
            "Sikker identifisering"
        );
        assert_eq!(
            p.consultation.as_ref().unwrap().value,
            "Drøftet med tillitsvalgte 2025-03-04"
        );
        assert_eq!(p.security.as_ref().unwrap().value, "Kryptert");
        let notes: Vec<&str> = p.notes.iter().map(|n| n.value.as_str()).collect();
        assert_eq!(notes, ["Første", "Andre"]);
        assert!(m.collects_from_person(p));
        let d = &p.decisions[0];
        assert_eq!(
            d.significance.as_ref().unwrap().translation("en"),
            Some("Refusal")
        );
        let law = d.authorised_by.as_ref().unwrap().law.as_ref().unwrap();
        assert_eq!(law.translation("en"), Some("regulations on loans"));
        let bare = p.decisions[1].authorised_by.as_ref().unwrap();
        assert!(
            bare.law.is_none(),
            "`authorised_by` alone is read, naming no law"
        );
        assert_eq!(
            m.rights.as_ref().unwrap().notes[0].value,
            "Innsyn etter offentleglova"
        );

        // The new shown texts take translations and are shown (language.md §8); law
        // references take translations but are not among the shown texts, nor are the texts
        // for the record.
        let shown: Vec<&str> = m.shown_texts().iter().map(|t| t.value.as_str()).collect();
        for text in [
            "Send ikke fødselsnummer på e-post",
            "Ombudet svarer innen en uke",
            "Vi sender nyheter.",
            "om du vil søke om lån",
            "kan vi ikke behandle søknaden",
            "Avslag",
            "Første",
            "Innsyn etter offentleglova",
        ] {
            assert!(shown.contains(&text), "{text} is not shown: {shown:?}");
        }
        for text in [
            "kvitvaskingslova § 30",
            "forskrift om lån",
            "Kryptert",
            "Sikker identifisering",
        ] {
            assert!(!shown.contains(&text), "{text} is shown");
        }
    }

    #[test]
    fn the_new_forms_report_what_they_cannot_read() {
        let purpose = |body: &str| invalid_values(&format!("purpose p \"P\" {{\n  {body}\n}}\n"));
        // `provision conditional` needs what the person applies for.
        let found = purpose("provision conditional");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("2: `provision conditional` needs what the person applies for"),
            "{found:?}"
        );
        assert_eq!(purpose("provision conditional loan \"x\"").len(), 1);
        // One text is what the person applies for; the consequence is then missing, which
        // is `missing-provision`'s business, not a value that cannot be read.
        assert!(purpose("provision conditional \"om du vil søke\"").is_empty());
        assert_eq!(purpose("provision conditional \"a\" \"b\" \"c\"").len(), 1);
        // Unknown words of `cookies` and of the marketing channels.
        let found = purpose("cookies analytic, tracking");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("did you mean `analytics`"), "{found:?}");
        assert_eq!(purpose("cookies").len(), 1);
        assert_eq!(purpose("cookies analytics marketing").len(), 1);
        let found = purpose("direct_marketing email, fax");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("`fax` is not a channel of direct marketing"),
            "{found:?}"
        );
        // `online_service` takes ISO codes only; one outside the EEA is accepted.
        assert!(purpose("online_service NO, SE, US").is_empty());
        assert_eq!(purpose("online_service eea").len(), 1);
        assert_eq!(purpose("online_service QQ").len(), 1);
        // Translations after law references are read; after texts for the record they are not.
        assert!(
            purpose("basis public_task \"kommuneloven\" en \"the Local Government Act\"")
                .is_empty()
        );
        assert!(
            purpose(
                "condition employment \"arbeidsmiljøloven\" en \"the Working Environment Act\""
            )
            .is_empty()
        );
        let found = purpose("security \"Kryptert\" en \"Encrypted\"");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("is for the record of processing, not the notice,"),
            "{found:?}"
        );
        assert_eq!(purpose("identification \"x\" en \"y\"").len(), 1);
        assert_eq!(purpose("consultation \"x\" en \"y\"").len(), 1);
        // `authorised_by` takes nothing or the law in quotes.
        assert_eq!(
            invalid_values("purpose p \"P\" { decision \"D\" { authorised_by forskrift } }\n")
                .len(),
            1
        );
    }

    /// Art. 8 ages are set by EEA States: a code outside the EEA after `online_service` is read
    /// without complaint and changes nothing for `child-consent`.
    #[test]
    fn a_code_outside_the_eea_after_online_service_is_accepted() {
        let text = |offered: &str| {
            format!(
                "controller c \"C\" {{ country NO }}\nsubject kids \"Barn\" {{ child }}\npurpose p \"P\" {{\n  basis consent\n  subjects kids\n  online_service{offered}\n}}\n"
            )
        };
        assert!(invalid_values(&text(" US")).is_empty());
        let child_consent = |t: &str| crate::rules::testing::findings("child-consent", t);
        assert_eq!(child_consent(&text(" US")), child_consent(&text("")));
        assert_eq!(child_consent(&text("")).len(), 1);
    }

    #[test]
    fn an_international_organisation_is_named_by_a_key_of_the_adequacy_table() {
        let found = invalid_values("recipient r \"R\" { international_organisation who }\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(
                "`who` is not an international organisation of privlint's adequacy table"
            ),
            "{found:?}"
        );
        assert!(
            invalid_values("recipient r \"R\" { international_organisation EPO }\n").len() == 1
        );
        assert!(
            invalid_values("recipient r \"R\" { international_organisation epo }\n").is_empty()
        );
        assert!(invalid_values("recipient r \"R\" { international_organisation }\n").is_empty());
        assert_eq!(
            invalid_values("recipient r \"R\" { international_organisation epo, epo }\n").len(),
            1
        );
    }

    #[test]
    fn the_language_of_a_notice_is_a_language_tag() {
        let notice =
            |value: &str| invalid_values(&format!("notice \"N\" {{ language {value} }}\n"));
        assert!(notice("\"nb\"").is_empty());
        assert!(notice("\"sma\"").is_empty());
        for bad in ["\"norsk\"", "\"NB\"", "\"nb-NO\"", "\"\"", "\"n\""] {
            let found = notice(bad);
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert!(
                found[0].contains("is not a language tag"),
                "{bad}: {found:?}"
            );
        }
        // An invalid tag is not the notice's language.
        assert!(
            model("notice \"N\" { language \"norsk\" }\n")
                .notice
                .unwrap()
                .languages()
                .is_empty()
        );
    }

    #[test]
    fn suggests_snake_case() {
        assert_eq!(to_snake_case("myCategory"), "my_category");
        assert!(is_snake_case("my_category2"));
        assert!(!is_snake_case("My"));
    }
}
