//! Builds the [`Model`] from the outlines of a file's sections ([`crate::syntax`]).
//!
//! Reading is permissive: a statement that is not understood is recorded as a [`ReadIssue`] and
//! the rest is read as if it were not there. Statements inside text the parser could not read
//! are still read, so a syntax error in one block does not hide what the rest of the file says.

use rustc_hash::FxHashMap;

use crate::model::*;
use crate::syntax::{ArgKind, OutlineArg, Section, StatementId};
use crate::text::Span;
use crate::vocab::{
    Claim, Condition, DecisionSafeguard, Duration, LegalBasis, RightKind, TransferSafeguard,
    Vocabulary, is_iso_country,
};

/// Node names allowed at the top level of a file.
pub const TOP_LEVEL_FIELDS: &[&str] = &[
    "notice",
    "controller",
    "dpo",
    "category",
    "subject",
    "source",
    "recipient",
    "processor",
    "joint_controller",
    "purpose",
    "rights",
    "claims",
];
pub const NOTICE_FIELDS: &[&str] = &["language", "updated", "url"];
pub const CONTROLLER_FIELDS: &[&str] = &[
    "org_number",
    "country",
    "address",
    "email",
    "phone",
    "url",
    "public_authority",
    "authority",
];
pub const DPO_FIELDS: &[&str] = &["email", "phone", "address", "url"];
pub const CATEGORY_FIELDS: &[&str] = &["includes", "special", "criminal"];
pub const SUBJECT_FIELDS: &[&str] = &["child"];
pub const SOURCE_FIELDS: &[&str] = &["public", "country"];
pub const RECIPIENT_FIELDS: &[&str] = &["country", "public_authority", "safeguard"];
pub const PROCESSOR_FIELDS: &[&str] = &["country", "safeguard", "agreement"];
pub const JOINT_CONTROLLER_FIELDS: &[&str] = &["country", "arrangement"];
pub const PURPOSE_FIELDS: &[&str] = &[
    "basis",
    "condition",
    "data",
    "subjects",
    "sources",
    "recipients",
    "processors",
    "joint_controllers",
    "retention",
    "direct_marketing",
    "profiling",
    "monitoring",
    "large_scale",
    "manual",
    "dpia",
    "decision",
];
pub const DECISION_FIELDS: &[&str] = &["logic", "safeguards"];
pub const RIGHTS_FIELDS: &[&str] = &[
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "withdraw_consent",
    "human_review",
    "complaint",
    "respond_within",
];
pub const CLAIMS_FIELDS: &[&str] = &[
    "no_consent",
    "no_special_categories",
    "no_criminal_data",
    "no_automated_decisions",
    "no_profiling",
    "no_transfers_outside_eea",
    "no_disclosure",
];

/// Where each node name may stand, for "`basis` belongs inside a `purpose`".
pub const FIELDS_BY_PARENT: &[(&str, &[&str])] = &[
    ("the top level", TOP_LEVEL_FIELDS),
    ("notice", NOTICE_FIELDS),
    ("controller", CONTROLLER_FIELDS),
    ("dpo", DPO_FIELDS),
    ("category", CATEGORY_FIELDS),
    ("subject", SUBJECT_FIELDS),
    ("source", SOURCE_FIELDS),
    ("recipient", RECIPIENT_FIELDS),
    ("processor", PROCESSOR_FIELDS),
    ("joint_controller", JOINT_CONTROLLER_FIELDS),
    ("purpose", PURPOSE_FIELDS),
    ("decision", DECISION_FIELDS),
    ("rights", RIGHTS_FIELDS),
    ("claims", CLAIMS_FIELDS),
];

/// Reads the model of `text` from its sections (see [`crate::syntax`]).
pub fn lower(text: &str, sections: &[Section]) -> Model {
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
    reader.model
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

    fn invalid(&mut self, span: Span, field: &'static str, problem: impl Into<String>) {
        self.invalid_with(span, field, problem, None);
    }

    fn invalid_with(
        &mut self,
        span: Span,
        field: &'static str,
        problem: impl Into<String>,
        suggestion: Option<String>,
    ) {
        self.model.issues.push(ReadIssue::InvalidValue {
            span,
            field,
            problem: problem.into(),
            suggestion,
        });
    }

    fn unknown_field(
        &mut self,
        stmt: &Stmt,
        parent: Option<&'static str>,
        allowed: &'static [&'static str],
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
            self.unknown_field(&child, Some(field), &[]);
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
                format!("`{field}` does not take `{written}` here"),
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
                format!("`{field}` is a flag and takes no value: write just `{field}`"),
            );
        }
        self.no_block(stmt, field);
        stmt.name_span
    }

    /// A field that takes one text in quotes and no block.
    fn text(&mut self, stmt: &Stmt, field: &'static str, example: &str) -> Option<Spanned<String>> {
        self.no_block(stmt, field);
        self.text_argument(stmt, field, example)
    }

    /// The one text in quotes of a statement (that may have a block).
    fn text_argument(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        example: &str,
    ) -> Option<Spanned<String>> {
        self.no_more_args(stmt, field, 1);
        match stmt.args().next() {
            None => {
                self.invalid(
                    stmt.name_span,
                    field,
                    format!("`{field}` needs a value in quotes, like `{field} {example}`"),
                );
                None
            }
            Some(arg) if arg.kind.is_text() => Some(Spanned {
                value: self.decode(arg),
                span: arg.span,
            }),
            Some(arg) => {
                self.invalid_with(
                    arg.span,
                    field,
                    format!("`{field}` takes text in quotes, like `{field} {example}`"),
                    Some(format!("\"{}\"", arg.raw)),
                );
                None
            }
        }
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
                format!("`{}` is not a date of the calendar (YYYY-MM-DD)", arg.raw),
            );
            None
        }
    }

    fn country(&mut self, stmt: &Stmt) -> Option<Country> {
        self.no_block(stmt, "country");
        self.no_more_args(stmt, "country", 1);
        let Some(arg) = stmt.args().next() else {
            self.invalid(
                stmt.name_span,
                "country",
                "`country` needs an ISO 3166-1 alpha-2 code, like `country NO`",
            );
            return None;
        };
        match arg.kind {
            ArgKind::Country => Some(Country {
                code: arg.raw.to_string(),
                span: stmt.span,
                code_span: arg.span,
                known: arg.raw.len() == 2 && is_iso_country(arg.raw),
            }),
            _ => {
                let upper = self.decode(arg).to_ascii_uppercase();
                let suggestion = is_iso_country(&upper).then_some(upper);
                self.invalid_with(
                    arg.span,
                    "country",
                    "a country is written as its ISO 3166-1 alpha-2 code in capitals, like `country NO`",
                    suggestion,
                );
                None
            }
        }
    }

    /// `NAME ID "Label"`: the start of every definition.
    fn definition(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        kind: Kind,
    ) -> Option<(Ident, Option<Spanned<String>>)> {
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
                format!(
                    "`{field}` needs an ID and a label, like `{field} my_{field} \"Label\"`: the ID is how purposes refer to {}",
                    kind.describe()
                ),
            );
            return None;
        };
        if !is_snake_case(first.raw) {
            self.invalid_with(
                first.span,
                field,
                format!("`{}` is not a valid ID: IDs are snake_case", first.raw),
                Some(to_snake_case(first.raw)),
            );
        }
        let label = match group.and_then(|g| g.get(1)) {
            Some(arg) if arg.kind.is_text() => Some(Spanned {
                value: self.decode(arg),
                span: arg.span,
            }),
            Some(arg) => {
                self.invalid(
                    arg.span,
                    field,
                    format!("the label of a `{field}` is text in quotes"),
                );
                None
            }
            None => {
                self.invalid(
                    first.span,
                    field,
                    format!(
                        "`{field} {}` needs a label in quotes: the name people read in the notice",
                        first.raw
                    ),
                );
                None
            }
        };
        self.no_more_args(stmt, field, 2);
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
        self.no_block(stmt, field);
        if stmt.groups.is_empty() {
            self.invalid(
                stmt.name_span,
                field,
                format!(
                    "`{field}` needs the IDs of {}, separated by commas",
                    kind.describe()
                ),
            );
        }
        let mut refs = Vec::new();
        for group in stmt.groups.iter() {
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
                    format!(
                        "`{field}` takes IDs of {}, not `{}`: define it with `{} ID \"Label\"` and name its ID here",
                        kind.describe(),
                        arg.raw,
                        kind.keyword()
                    ),
                );
            }
            if let Some(extra) = group.get(1) {
                self.invalid(
                    extra.span,
                    field,
                    format!("separate the IDs in `{field}` with commas"),
                );
            }
        }
        refs
    }

    /// `basis consent "detail"`: a vocabulary word, optionally followed by a text.
    fn word<V: Vocabulary>(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        what: &str,
    ) -> Option<(V, Span, Option<Spanned<String>>)> {
        self.no_block(stmt, field);
        self.no_more_args(stmt, field, 2);
        let words = || V::words().join(", ");
        let Some(first) = stmt.args().next() else {
            self.invalid(
                stmt.name_span,
                field,
                format!("`{field}` needs {what}: one of {}", words()),
            );
            return None;
        };
        let value = if first.kind == ArgKind::Identifier {
            V::from_word(first.raw)
        } else {
            None
        };
        let Some(value) = value else {
            let suggestion = crate::suggest::nearest(first.raw, V::ALL.iter().map(|v| v.word()))
                .map(str::to_string);
            self.invalid_with(
                first.span,
                field,
                format!("`{}` is not {what}: use one of {}", first.raw, words()),
                suggestion,
            );
            return None;
        };
        let detail = match stmt.groups.first().and_then(|g| g.get(1)) {
            Some(arg) if arg.kind.is_text() => Some(Spanned {
                value: self.decode(arg),
                span: arg.span,
            }),
            Some(arg) => {
                self.invalid(
                    arg.span,
                    field,
                    format!("what follows `{field} {}` is text in quotes", first.raw),
                );
                None
            }
            None => None,
        };
        Some((value, first.span, detail))
    }

    fn duration(&mut self, arg: Arg, field: &'static str) -> Option<Duration> {
        match arg.kind {
            ArgKind::Duration => {
                let parsed = Duration::parse(arg.raw);
                if parsed.is_none() {
                    self.invalid(arg.span, field, "this number is too large for a duration");
                }
                parsed
            }
            ArgKind::Integer => {
                self.invalid(
                    arg.span,
                    field,
                    format!(
                        "a duration needs a unit: `{0} days`, `{0} weeks`, `{0} months` or `{0} years`",
                        arg.raw
                    ),
                );
                None
            }
            _ => {
                self.invalid(
                    arg.span,
                    field,
                    format!(
                        "`{}` is not a duration: write a number and a unit, like `30 days` or `1 month`",
                        arg.raw
                    ),
                );
                None
            }
        }
    }

    // ----- the nodes ----------------------------------------------------------------------

    fn top_level(&mut self, stmt: &Stmt) {
        match stmt.name {
            "notice" => self.notice(stmt),
            "controller" => self.controller(stmt),
            "dpo" => self.dpo(stmt),
            "category" => self.category(stmt),
            "subject" => self.subject(stmt),
            "source" => self.source(stmt),
            "recipient" => self.party(stmt, "recipient", Kind::Recipient, RECIPIENT_FIELDS),
            "processor" => self.party(stmt, "processor", Kind::Processor, PROCESSOR_FIELDS),
            "joint_controller" => self.party(
                stmt,
                "joint_controller",
                Kind::JointController,
                JOINT_CONTROLLER_FIELDS,
            ),
            "purpose" => self.purpose(stmt),
            "rights" => self.rights(stmt),
            "claims" => self.claims(stmt),
            _ => self.unknown_field(stmt, None, TOP_LEVEL_FIELDS),
        }
    }

    fn notice(&mut self, stmt: &Stmt) {
        let title = self.text_argument(stmt, "notice", "\"Personvernerklæring\"");
        let mut notice = Notice {
            span: stmt.span,
            title,
            ..Notice::default()
        };
        for child in self.children(stmt) {
            match child.name {
                "language" => notice.language = self.text(&child, "language", "\"nb\""),
                "url" => notice.url = self.text(&child, "url", "\"https://…\""),
                "updated" => {
                    self.no_block(&child, "updated");
                    self.no_more_args(&child, "updated", 1);
                    notice.updated = match child.args().next() {
                        Some(arg) if arg.kind == ArgKind::Date => self.date(arg, "updated"),
                        Some(arg) => {
                            self.invalid(
                                arg.span,
                                "updated",
                                "`updated` takes a date: `updated 2026-03-01`",
                            );
                            None
                        }
                        None => {
                            self.invalid(
                                child.name_span,
                                "updated",
                                "`updated` takes a date: `updated 2026-03-01`",
                            );
                            None
                        }
                    };
                }
                _ => self.unknown_field(&child, Some("notice"), NOTICE_FIELDS),
            }
        }
        if self.model.notice.is_none() {
            self.model.notice = Some(notice);
        }
    }

    fn contact_field(&mut self, stmt: &Stmt, contact: &mut Contact) -> bool {
        let field = match stmt.name {
            "email" => "email",
            "phone" => "phone",
            "address" => "address",
            "url" => "url",
            _ => return false,
        };
        contact.written.insert(field);
        match stmt.name {
            "email" => contact.email = self.text(stmt, "email", "\"post@example.no\""),
            "phone" => contact.phone = self.text(stmt, "phone", "\"+47 22 00 00 00\""),
            "address" => contact.address = self.text(stmt, "address", "\"Postboks 1, 0101 Oslo\""),
            "url" => contact.url = self.text(stmt, "url", "\"https://example.no/kontakt\""),
            _ => return false,
        }
        true
    }

    fn controller(&mut self, stmt: &Stmt) {
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
            name,
            org_number: None,
            country: None,
            contact: Contact::default(),
            public_authority: None,
            written: Written::default(),
        };
        for child in self.children(stmt) {
            if self.contact_field(&child, &mut controller.contact) {
                continue;
            }
            match child.name {
                "org_number" => {
                    controller.org_number = self.text(&child, "org_number", "\"999 999 999\"")
                }
                "country" => controller.country = self.country(&child),
                "public_authority" => {
                    controller.public_authority = Some(self.flag(&child, "public_authority"))
                }
                "authority" => {
                    self.no_block(&child, "authority");
                    if let Some((id, name)) = self.definition(&child, "authority", Kind::Authority)
                        && self.define(&id, Kind::Authority, self.model.authorities.len())
                    {
                        self.model.authorities.push(Authority { id, name });
                    }
                }
                _ => {
                    self.unknown_field(&child, Some("controller"), CONTROLLER_FIELDS);
                    continue;
                }
            }
            controller
                .written
                .insert(field_name(CONTROLLER_FIELDS, child.name));
        }
        self.model.controllers.push(controller);
    }

    fn dpo(&mut self, stmt: &Stmt) {
        let name = self.text_argument(stmt, "dpo", "\"Personvernombudet\"");
        let mut dpo = Dpo {
            keyword: stmt.name_span,
            name,
            contact: Contact::default(),
        };
        for child in self.children(stmt) {
            if !self.contact_field(&child, &mut dpo.contact) {
                self.unknown_field(&child, Some("dpo"), DPO_FIELDS);
            }
        }
        self.model.dpos.push(dpo);
    }

    fn category(&mut self, stmt: &Stmt) {
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
        };
        for child in self.children(stmt) {
            match child.name {
                "includes" => {
                    self.no_block(&child, "includes");
                    for arg in child.args() {
                        if arg.kind.is_text() {
                            let value = self.decode(arg);
                            category.includes.push(Spanned {
                                value,
                                span: arg.span,
                            });
                        } else {
                            self.invalid(arg.span, "includes", "`includes` lists texts in quotes, separated by commas: `includes \"navn\", \"adresse\"`");
                        }
                    }
                }
                "special" => category.special = Some(self.flag(&child, "special")),
                "criminal" => category.criminal = Some(self.flag(&child, "criminal")),
                _ => self.unknown_field(&child, Some("category"), CATEGORY_FIELDS),
            }
        }
        self.model.categories.push(category);
    }

    fn subject(&mut self, stmt: &Stmt) {
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
        };
        for child in self.children(stmt) {
            match child.name {
                "child" => subject.child = Some(self.flag(&child, "child")),
                _ => self.unknown_field(&child, Some("subject"), SUBJECT_FIELDS),
            }
        }
        self.model.subjects.push(subject);
    }

    fn source(&mut self, stmt: &Stmt) {
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
        };
        for child in self.children(stmt) {
            match child.name {
                "public" => source.public = Some(self.flag(&child, "public")),
                "country" => source.country = self.country(&child),
                _ => self.unknown_field(&child, Some("source"), SOURCE_FIELDS),
            }
        }
        self.model.sources.push(source);
    }

    fn party(
        &mut self,
        stmt: &Stmt,
        field: &'static str,
        kind: Kind,
        allowed: &'static [&'static str],
    ) {
        let Some((id, label)) = self.definition(stmt, field, kind) else {
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
            written: Written::default(),
        };
        for child in self.children(stmt) {
            if !allowed.contains(&child.name) {
                self.unknown_field(&child, Some(field), allowed);
                continue;
            }
            party.written.insert(field_name(allowed, child.name));
            match child.name {
                "country" => party.country = self.country(&child),
                "public_authority" => {
                    party.public_authority = Some(self.flag(&child, "public_authority"))
                }
                "safeguard" => {
                    if let Some((kind, span, detail)) =
                        self.word::<TransferSafeguard>(&child, "safeguard", "a transfer safeguard")
                    {
                        party.safeguards.push(Safeguard { kind, span, detail });
                    }
                }
                "agreement" => {
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
                            self.invalid(span, "agreement", "`agreement` takes the date of the data processing agreement (`agreement 2024-01-15`) or its reference in quotes (`agreement \"DBA-2023-07\"`)");
                            None
                        }
                    };
                }
                "arrangement" => {
                    party.arrangement =
                        self.text(&child, "arrangement", "\"the essence of the arrangement\"")
                }
                _ => unreachable!("every allowed party field is handled"),
            }
        }
        self.model.parties.push(party);
    }

    fn purpose(&mut self, stmt: &Stmt) {
        let Some((id, label)) = self.definition(stmt, "purpose", Kind::Purpose) else {
            return;
        };
        // A second purpose with the same ID is read all the same (its mistakes are its own),
        // but kept apart: only `duplicate-definition` speaks of it.
        let duplicate = !self.define(&id, Kind::Purpose, self.model.purposes.len());
        let mut p = Purpose {
            id,
            label,
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
            profiling: None,
            monitoring: None,
            large_scale: None,
            manual: None,
            dpia: None,
            decisions: Vec::new(),
            written: Written::default(),
            unreadable: Written::default(),
        };
        for child in self.children(stmt) {
            if !PURPOSE_FIELDS.contains(&child.name) {
                self.unknown_field(&child, Some("purpose"), PURPOSE_FIELDS);
                continue;
            }
            p.written.insert(field_name(PURPOSE_FIELDS, child.name));
            match child.name {
                "basis" => {
                    if let Some((kind, span, detail)) =
                        self.word::<LegalBasis>(&child, "basis", "a legal basis of Art. 6(1)")
                    {
                        p.bases.push(Basis { kind, span, detail });
                    } else {
                        p.unreadable.insert("basis");
                    }
                }
                "condition" => {
                    if let Some((kind, span, detail)) = self.word::<Condition>(
                        &child,
                        "condition",
                        "a condition of Art. 9(2) or Art. 10",
                    ) {
                        p.conditions.push(ConditionUse { kind, span, detail });
                    } else {
                        p.unreadable.insert("condition");
                    }
                }
                "data" => p
                    .data
                    .extend(self.references(&child, "data", Kind::Category)),
                "subjects" => p
                    .subjects
                    .extend(self.references(&child, "subjects", Kind::Subject)),
                "sources" => p
                    .sources
                    .extend(self.references(&child, "sources", Kind::Source)),
                "recipients" => {
                    p.recipients
                        .extend(self.references(&child, "recipients", Kind::Recipient))
                }
                "processors" => {
                    p.processors
                        .extend(self.references(&child, "processors", Kind::Processor))
                }
                "joint_controllers" => p.joint_controllers.extend(self.references(
                    &child,
                    "joint_controllers",
                    Kind::JointController,
                )),
                "retention" => {
                    let retention = self.retention(&child);
                    if p.retention.is_none() {
                        p.retention = retention;
                    }
                }
                "direct_marketing" => {
                    p.direct_marketing = Some(self.flag(&child, "direct_marketing"))
                }
                "profiling" => p.profiling = Some(self.flag(&child, "profiling")),
                "monitoring" => p.monitoring = Some(self.flag(&child, "monitoring")),
                "large_scale" => p.large_scale = Some(self.flag(&child, "large_scale")),
                "manual" => p.manual = Some(self.flag(&child, "manual")),
                "dpia" => p.dpia = self.text(&child, "dpia", "\"DPIA-2024-03\""),
                "decision" => {
                    let decision = self.decision(&child);
                    p.decisions.push(decision);
                }
                _ => unreachable!("every allowed purpose field is handled"),
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
        const FORMS: &str = "write a period (`retention 90 days`), a period after an event (`retention 5 years after \"the contract ends\"`), `retention until \"event\"` or `retention indefinite \"reason\"`";
        let args: Vec<Arg> = stmt.args().collect();
        let text_at = |i: usize| args.get(i).copied().filter(|a| a.kind.is_text());
        let word_at = |i: usize, w: &str| {
            args.get(i)
                .is_some_and(|a| a.kind == ArgKind::Identifier && a.raw == w)
        };
        let period = match args.first().copied() {
            None => {
                self.invalid(
                    stmt.name_span,
                    "retention",
                    format!("`retention` needs a value: {FORMS}"),
                );
                return None;
            }
            Some(first) if matches!(first.kind, ArgKind::Duration | ArgKind::Integer) => {
                let duration = self.duration(first, "retention")?;
                if args.len() == 1 {
                    RetentionPeriod::Fixed(duration)
                } else if word_at(1, "after") && text_at(2).is_some() {
                    let event = self.decode(args[2]);
                    self.no_more_args(stmt, "retention", 3);
                    RetentionPeriod::After(duration, event)
                } else {
                    self.invalid(
                        args[1].span,
                        "retention",
                        format!("after the period comes `after \"event\"`: {FORMS}"),
                    );
                    return None;
                }
            }
            Some(_) if word_at(0, "until") => match text_at(1) {
                Some(arg) => {
                    let event = self.decode(arg);
                    self.no_more_args(stmt, "retention", 2);
                    RetentionPeriod::Until(event)
                }
                None => {
                    self.invalid(args[0].span, "retention", "`retention until` needs the event in quotes: `retention until \"formålet er oppfylt\"`");
                    return None;
                }
            },
            Some(_) if word_at(0, "indefinite") => {
                let reason = text_at(1).map(|a| self.decode(a));
                self.no_more_args(stmt, "retention", if reason.is_some() { 2 } else { 1 });
                RetentionPeriod::Indefinite(reason)
            }
            Some(first) => {
                let suggestion =
                    crate::suggest::nearest(first.raw, ["until", "indefinite"]).map(str::to_string);
                self.invalid_with(
                    first.span,
                    "retention",
                    format!("`{}` is not a retention period: {FORMS}", first.raw),
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
        self.no_more_args(stmt, "decision", 1);
        let label = match stmt.args().next() {
            Some(arg) if arg.kind.is_text() => Some(Spanned {
                value: self.decode(arg),
                span: arg.span,
            }),
            Some(arg) => {
                self.invalid(arg.span, "decision", "a `decision` is described in quotes: `decision \"Automatisk kredittavgjørelse\" { … }`");
                None
            }
            None => None,
        };
        let mut decision = Decision {
            keyword: stmt.name_span,
            label,
            logic: None,
            safeguards: Vec::new(),
            written: Written::default(),
            unreadable: Written::default(),
        };
        for child in self.children(stmt) {
            match child.name {
                "logic" => decision.logic = self.text(&child, "logic", "\"the logic involved\""),
                "safeguards" => {
                    self.no_block(&child, "safeguards");
                    if child.groups.is_empty() {
                        self.invalid(child.name_span, "safeguards", "`safeguards` lists the Art. 22(3) safeguards: human_review, express_view, contest");
                    }
                    for group in child.groups.iter() {
                        let Some(arg) = group.first() else { continue };
                        match DecisionSafeguard::from_word(arg.raw)
                            .filter(|_| arg.kind == ArgKind::Identifier)
                        {
                            Some(s) => decision.safeguards.push(Spanned {
                                value: s,
                                span: arg.span,
                            }),
                            None => {
                                decision.unreadable.insert("safeguards");
                                let suggestion =
                                    crate::suggest::nearest(arg.raw, DecisionSafeguard::words())
                                        .map(str::to_string);
                                self.invalid_with(arg.span, "safeguards", format!("`{}` is not a safeguard of Art. 22(3): use human_review, express_view or contest", arg.raw), suggestion);
                            }
                        }
                    }
                }
                _ => {
                    self.unknown_field(&child, Some("decision"), DECISION_FIELDS);
                    continue;
                }
            }
            decision
                .written
                .insert(field_name(DECISION_FIELDS, child.name));
        }
        decision
    }

    fn rights(&mut self, stmt: &Stmt) {
        self.no_more_args(stmt, "rights", 0);
        let mut rights = self.model.rights.take().unwrap_or(Rights {
            keyword: stmt.name_span,
            granted: Vec::new(),
            complaint: Vec::new(),
            respond_within: None,
            written: Written::default(),
            misspelt: Vec::new(),
            last_node: None,
        });
        for child in self.children(stmt) {
            rights.last_node = Some(child.span);
            if let Some(kind) = RightKind::from_word(child.name) {
                self.no_block(&child, field_name(RIGHTS_FIELDS, child.name));
                let qualifier = self.qualifier(&child);
                rights.granted.push(Right {
                    kind,
                    span: child.name_span,
                    qualifier,
                });
                continue;
            }
            match child.name {
                "complaint" => {
                    rights.written.insert("complaint");
                    rights
                        .complaint
                        .extend(self.references(&child, "complaint", Kind::Authority))
                }
                "respond_within" => {
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
                            "`respond_within` needs a duration, like `respond_within 1 month`",
                        ),
                    }
                }
                _ => {
                    // What the person meant is granted already; do not report it missing too.
                    match crate::suggest::nearest(child.name, RIGHTS_FIELDS.iter().copied()) {
                        Some("complaint") => rights.written.insert("complaint"),
                        Some(meant) => rights.misspelt.extend(RightKind::from_word(meant)),
                        None => {}
                    }
                    self.unknown_field(&child, Some("rights"), RIGHTS_FIELDS)
                }
            }
        }
        self.model.rights = Some(rights);
    }

    /// The optional text that qualifies a right: `erasure "begrenset av arkivplikt"`.
    fn qualifier(&mut self, stmt: &Stmt) -> Option<Spanned<String>> {
        let field = field_name(RIGHTS_FIELDS, stmt.name);
        self.no_more_args(stmt, field, 1);
        match stmt.args().next() {
            Some(arg) if arg.kind.is_text() => Some(Spanned {
                value: self.decode(arg),
                span: arg.span,
            }),
            Some(arg) => {
                self.invalid(
                    arg.span,
                    field,
                    format!("a right may be qualified by a text in quotes: `{field} \"…\"`"),
                );
                None
            }
            None => None,
        }
    }

    fn claims(&mut self, stmt: &Stmt) {
        self.no_more_args(stmt, "claims", 0);
        let mut claims = self.model.claims.take().unwrap_or(Claims {
            keyword: stmt.name_span,
            claims: Vec::new(),
        });
        for child in self.children(stmt) {
            match Claim::from_word(child.name) {
                Some(claim) => {
                    self.flag(&child, field_name(CLAIMS_FIELDS, child.name));
                    claims.claims.push(Spanned {
                        value: claim,
                        span: child.name_span,
                    });
                }
                None => self.unknown_field(&child, Some("claims"), CLAIMS_FIELDS),
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

/// The static name of a field known to be in `allowed`.
fn field_name(allowed: &'static [&'static str], name: &str) -> &'static str {
    allowed
        .iter()
        .copied()
        .find(|f| *f == name)
        .expect("the field was matched against this list")
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

fn valid_date(text: &str) -> bool {
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
            message("processor x \"X\" {\n  country NO  SE,\n     DK\n}\n"),
            vec!["`country` does not take `SE, DK` here".to_string()]
        );
    }

    #[test]
    fn suggests_snake_case() {
        assert_eq!(to_snake_case("myCategory"), "my_category");
        assert!(is_snake_case("my_category2"));
        assert!(!is_snake_case("My"));
    }
}
