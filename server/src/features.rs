//! What the server offers besides diagnostics, as plain functions of a document: hover,
//! completion, navigation, rename, outline, folding, code actions, formatting. The server
//! (lib.rs) only moves them over the protocol.

use std::collections::HashMap;

use privlint_core::fields::{self, Field};
use privlint_core::model::{Kind, Symbol};
use privlint_core::publish::notice::markdown;
use privlint_core::rules::find;
use privlint_core::tree_sitter::Node;
use privlint_core::vocab::{
    AdequacyDecision, Channel, Claim, Condition, Cookie, DecisionSafeguard, DerogationGround,
    EEA_STATES, INTERNATIONAL_ORGANISATIONS, ISO_3166_ALPHA2, LegalBasis, Provision, RightKind,
    TransferSafeguard, Vocabulary, adequacy_decision, international_organisation, is_eea,
};
use privlint_core::{ColumnUnit, Diagnostic, Severity, Span};
use tower_lsp_server::ls_types::{self as lsp, Uri};

use crate::document::Document;

/// Converts between byte spans and LSP ranges in the negotiated encoding.
#[derive(Clone, Copy)]
pub struct Positions<'d> {
    pub doc: &'d Document,
    pub unit: ColumnUnit,
    /// The files of the declaration `doc` is one file of, if it is one of several: then the
    /// model's spans count in the declaration's files laid end to end.
    pub files: Option<&'d Files<'d>>,
}

/// The files of a declaration of several files, as the language server holds them: for
/// mapping the spans of the declaration's model (in the files laid end to end, as
/// [`privlint_core::combined::Combined`] lays them) and related locations to locations.
pub struct Files<'d> {
    /// Where each file starts in the combined text.
    pub starts: &'d [usize],
    pub members: Vec<(&'d Uri, &'d Document)>,
    pub unit: ColumnUnit,
}

impl<'d> Files<'d> {
    /// The file a span of the model is in, and the span in that file.
    pub fn locate(&self, span: Span) -> (usize, Span) {
        privlint_core::combined::locate_span(self.starts, span)
    }

    /// A file's URI and positions.
    pub fn file(&self, file: usize) -> Option<(&'d Uri, Positions<'d>)> {
        let (uri, doc) = self.members.get(file)?;
        Some((
            uri,
            Positions {
                doc,
                unit: self.unit,
                files: None,
            },
        ))
    }

    /// The location of a span in one of the files.
    pub fn location(&self, file: usize, span: Span) -> Option<lsp::Location> {
        let (uri, at) = self.file(file)?;
        Some(lsp::Location {
            uri: uri.clone(),
            range: at.range(span),
        })
    }
}

impl<'d> Positions<'d> {
    pub fn new(doc: &'d Document, unit: ColumnUnit) -> Positions<'d> {
        Positions {
            doc,
            unit,
            files: None,
        }
    }

    /// Where a span of the model is: in this document (`uri`), or in another file of its
    /// declaration. `None` when the file is not known.
    pub fn model_location(&self, uri: &Uri, span: Span) -> Option<lsp::Location> {
        match self.files {
            None => Some(lsp::Location {
                uri: uri.clone(),
                range: self.range(span),
            }),
            Some(files) => {
                let (file, span) = files.locate(span);
                files.location(file, span)
            }
        }
    }

    /// The text a span of the model is in, and the span in it.
    fn model_text(&self, span: Span) -> Option<(&'d Document, Span)> {
        match self.files {
            None => Some((self.doc, span)),
            Some(files) => {
                let (file, span) = files.locate(span);
                files.members.get(file).map(|(_, doc)| (*doc, span))
            }
        }
    }
    pub fn range(&self, span: Span) -> lsp::Range {
        lsp::Range {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    pub fn position(&self, offset: usize) -> lsp::Position {
        let p = self.doc.position(offset, self.unit);
        lsp::Position {
            line: p.line as u32,
            character: p.column as u32,
        }
    }

    pub fn offset(&self, position: lsp::Position) -> Option<usize> {
        self.doc.offset(core_position(position), self.unit)
    }
}

pub fn core_position(p: lsp::Position) -> privlint_core::Position {
    privlint_core::Position {
        line: p.line as usize,
        column: p.character as usize,
    }
}

/// The LSP form of a diagnostic: the rule name as code, "privlint" as source, related
/// locations as related information.
pub fn diagnostic(at: Positions, uri: &Uri, d: &Diagnostic) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: at.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.rule.name.to_string())),
        source: Some("privlint".to_string()),
        message: d.message.clone(),
        related_information: (!d.related.is_empty()).then(|| {
            d.related
                .iter()
                .map(|r| lsp::DiagnosticRelatedInformation {
                    location: r
                        .file
                        .and_then(|file| at.files?.location(file, r.span))
                        .unwrap_or_else(|| lsp::Location {
                            uri: uri.clone(),
                            range: at.range(r.span),
                        }),
                    message: r.message.clone(),
                })
                .collect()
        }),
        ..lsp::Diagnostic::default()
    }
}

/// The smallest named node at an offset, preferring the token that ends there (the cursor
/// just after a word).
fn node_at(doc: &Document, offset: usize) -> Node<'_> {
    let root = doc.tree().root_node();
    let at = root
        .named_descendant_for_byte_range(offset, offset)
        .unwrap_or(root);
    if at.start_byte() == offset && offset > 0 {
        let before = root
            .named_descendant_for_byte_range(offset - 1, offset - 1)
            .unwrap_or(root);
        if before.end_byte() == offset && before.child_count() == 0 {
            return before;
        }
    }
    at
}

fn text_of<'d>(doc: &'d Document, node: Node) -> &'d str {
    &doc.text[node.start_byte()..node.end_byte()]
}

fn span_of(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

/// The statement a node belongs to, and whether the node is that statement's name.
fn statement_of(node: Node) -> Option<(Node, bool)> {
    let mut current = node;
    loop {
        let parent = current.parent()?;
        if parent.kind() == "statement" {
            let is_name = parent
                .child_by_field_name("name")
                .is_some_and(|n| n.id() == node.id());
            return Some((parent, is_name));
        }
        current = parent;
    }
}

/// The name of the statement whose block holds `node` (`None` at the top level).
fn enclosing_parent<'d>(doc: &'d Document, node: Node) -> Option<&'d str> {
    std::iter::successors(Some(node), |n| n.parent())
        .filter(|n| n.kind() == "block")
        .find_map(|block| block.parent()?.child_by_field_name("name"))
        .map(|name| text_of(doc, name))
}

fn vocabulary_entry<V: Vocabulary>(word: &str) -> Option<(&'static str, &'static str)> {
    V::from_word(word).map(|v| (v.article(), v.explanation()))
}

/// The article and explanation of a vocabulary word, read in the context of its statement.
/// `previous` is the word before it in its group (`derogation` before a ground).
fn explain_word(
    field: &str,
    word: &str,
    previous: Option<&str>,
    parent: Option<&str>,
) -> Option<(&'static str, &'static str)> {
    match field {
        "basis" => vocabulary_entry::<LegalBasis>(word),
        "condition" => vocabulary_entry::<Condition>(word),
        "safeguard" if previous == Some("derogation") => vocabulary_entry::<DerogationGround>(word),
        "safeguard" => vocabulary_entry::<TransferSafeguard>(word),
        "safeguards" => vocabulary_entry::<DecisionSafeguard>(word),
        "provision" => vocabulary_entry::<Provision>(word),
        "cookies" => vocabulary_entry::<Cookie>(word),
        "direct_marketing" => vocabulary_entry::<Channel>(word),
        _ => match parent {
            Some("rights") => vocabulary_entry::<RightKind>(word),
            Some("claims") => vocabulary_entry::<Claim>(word),
            _ => None,
        },
    }
}

/// The region words `country` takes besides ISO codes (language.md §3, v2), with what each
/// means for transfers. Core reads them in the lowering; these are their words for people.
pub(crate) const REGION_WORDS: &[(&str, &str, &str)] = &[
    (
        "eea",
        "somewhere in the EEA, state not named",
        "somewhere in the EEA (the 27 EU member states, Iceland, Liechtenstein and Norway), the state not named: no transfer to a third country, so no safeguard is needed (Art. 44)",
    ),
    (
        "outside_eea",
        "somewhere outside the EEA, country not named",
        "somewhere outside the EEA, the country not named: a transfer to a third country (Art. 44) that needs a safeguard of Art. 46 or 47, or a derogation of Art. 49 (an adequacy decision cannot be relied on without naming the country); the record of processing must identify the third country (Art. 30(1)(e))",
    ),
];

/// The language tags completion offers after `languages`: Norwegian Bokmål and Nynorsk (the
/// two written standards of Norwegian, and the seeds are Norwegian), Northern Sami (an
/// official language in Norway, Sweden and Finland), English (the usual second language of a
/// notice), and the neighbours' languages a Nordic controller most often publishes in:
/// Swedish, Danish, Finnish and German. Any `[a-z]{2,3}` tag is valid; these are suggestions.
pub(crate) const COMMON_LANGUAGES: &[(&str, &str)] = &[
    ("nb", "Norwegian Bokmål"),
    ("nn", "Norwegian Nynorsk"),
    ("en", "English"),
    ("se", "Northern Sami"),
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("fi", "Finnish"),
    ("de", "German"),
];

fn describe_region(word: &str) -> Option<String> {
    REGION_WORDS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|(w, _, explanation)| {
            format!("**`{w}`** — region word of `country`\n\n{explanation}.")
        })
}

fn describe_language(tag: &str, translation: bool) -> String {
    let name = COMMON_LANGUAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, name)| format!(" ({name})"))
        .unwrap_or_default();
    if translation {
        format!(
            "`{tag}`{name}: language tag — the string after it is the translation into this language."
        )
    } else {
        format!("`{tag}`{name}: language tag — a language the notice is published in.")
    }
}

fn describe_country(code: &str) -> String {
    if is_eea(code) {
        return format!("`{code}` is in the EEA: transfers there need no safeguard (Art. 44).");
    }
    if code == "US" {
        return "`US` is outside the EEA. The adequacy decision for the United States covers only organisations certified under the EU–US Data Privacy Framework: `safeguard dpf` (Art. 45); otherwise `safeguard scc` (Art. 46(2)(c)).".into();
    }
    match adequacy_decision(code) {
        Some(d) => format!(
            "`{code}` ({}) is outside the EEA, with an adequacy decision of the Commission: {} (Art. 45){}{}.",
            d.name,
            d.decision,
            d.scope
                .map(|s| format!("; it covers {s}"))
                .unwrap_or_default(),
            d.note.map(|n| format!("; {n}")).unwrap_or_default(),
        ),
        None if ISO_3166_ALPHA2.binary_search(&code).is_ok() => format!(
            "`{code}` is outside the EEA, with no adequacy decision: transfers need a safeguard of Art. 46 (`safeguard scc`, …)."
        ),
        None => format!("`{code}` is not an ISO 3166-1 alpha-2 country code."),
    }
}

/// The adequacy decision of an international organisation, after `international_organisation`.
fn describe_organisation(key: &str) -> Option<String> {
    let decision = international_organisation(key)?;
    Some(format!(
        "**`{key}`** — {}: an international organisation (Art. 4(26)) with an adequacy decision of the Commission, {} (Art. 45){}.",
        decision.name,
        decision.decision,
        decision.note.map(|n| format!("; {n}")).unwrap_or_default(),
    ))
}

fn describe_symbol(at: Positions, name: &str, symbol: &Symbol) -> String {
    let Some((doc, span)) = at.model_text(symbol.span) else {
        return format!("`{name}`: {}.", symbol.kind.describe().en);
    };
    let line = doc.position(span.start, ColumnUnit::Char).line + 1;
    let place = match at.files {
        Some(files) if !std::ptr::eq(doc, at.doc) => {
            let file = files
                .members
                .iter()
                .find(|(_, d)| std::ptr::eq(*d, doc))
                .and_then(|(uri, _)| uri.as_str().rsplit('/').next().map(str::to_string))
                .unwrap_or_default();
            format!(" of `{file}`")
        }
        _ => String::new(),
    };
    // The label as the model read it (escapes decoded), not cut from the text; escaped, because
    // the hover is Markdown and a label from a pull request must not become a link, an image
    // loaded from a server, or HTML.
    let label = at
        .doc
        .model
        .label_of(symbol)
        .map(|l| format!(" \"{}\"", markdown::escape(l)))
        .unwrap_or_default();
    format!(
        "`{name}`{label}: {}, defined on line {line}{place}.",
        symbol.kind.describe().en
    )
}

/// Hover: the article behind a vocabulary word, what a country code means for transfers, the
/// definition of an ID, and the documentation of the rules that fire under the cursor.
pub fn hover(at: Positions, position: lsp::Position) -> Option<lsp::Hover> {
    let doc = at.doc;
    let offset = at.offset(position)?;
    let node = node_at(doc, offset);
    let mut parts = Vec::new();
    let word = text_of(doc, node);
    match node.kind() {
        "identifier" => {
            if let Some((statement, is_name)) = statement_of(node) {
                let field = statement
                    .child_by_field_name("name")
                    .map(|n| text_of(doc, n))
                    .unwrap_or("");
                let parent = enclosing_parent(doc, statement);
                let previous = node.prev_named_sibling();
                let previous_word = previous
                    .filter(|p| p.kind() == "identifier")
                    .map(|p| text_of(doc, p));
                let explained = if is_name {
                    explain_word("", word, None, parent)
                } else {
                    explain_word(field, word, previous_word, parent)
                };
                if let Some((article, explanation)) = explained {
                    parts.push(format!("**`{word}`** — GDPR {article}\n\n{explanation}."));
                } else if is_name {
                    if let Some(f) = fields::field(parent, word) {
                        let place = fields::block_of(parent)
                            .map(|b| b.place())
                            .unwrap_or_default();
                        parts.push(format!(
                            "**`{word}`** — field {place}\n\n{}.",
                            capitalise(f.doc)
                        ));
                    }
                } else if matches!(field, "country" | "establishment")
                    && let Some(region) = describe_region(word)
                {
                    parts.push(region);
                } else if field == "international_organisation"
                    && let Some(organisation) = describe_organisation(word)
                {
                    parts.push(organisation);
                } else if field == "languages" {
                    parts.push(describe_language(word, false));
                } else if previous.is_some_and(|p| matches!(p.kind(), "string" | "text_block"))
                    && node
                        .next_named_sibling()
                        .is_some_and(|n| matches!(n.kind(), "string" | "text_block"))
                {
                    parts.push(describe_language(word, true));
                } else if let Some(symbol) = doc.model.symbols.get(word) {
                    parts.push(describe_symbol(at, word, symbol));
                }
            }
        }
        "country" => parts.push(describe_country(word)),
        _ => {}
    }
    for d in doc
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end.max(d.span.start + 1))
    {
        parts.push(format!(
            "**{}** ({}{})\n\n{}",
            d.rule.name,
            d.severity.as_str(),
            d.rule
                .citation(privlint_core::lang::Language::English)
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            d.rule.documentation()
        ));
    }
    if parts.is_empty() {
        return None;
    }
    let range = matches!(node.kind(), "identifier" | "country").then(|| at.range(span_of(node)));
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn item(
    label: &str,
    kind: lsp::CompletionItemKind,
    detail: &str,
    docs: &str,
) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_string()),
        documentation: (!docs.is_empty()).then(|| lsp::Documentation::String(docs.to_string())),
        ..lsp::CompletionItem::default()
    }
}

fn words<V: Vocabulary>() -> Vec<lsp::CompletionItem> {
    V::ALL
        .iter()
        .map(|v| {
            item(
                v.word(),
                lsp::CompletionItemKind::ENUM_MEMBER,
                v.article(),
                v.explanation(),
            )
        })
        .collect()
}

fn ids(doc: &Document, kind: Kind) -> Vec<lsp::CompletionItem> {
    doc.model
        .symbols
        .iter()
        .filter(|(_, s)| s.kind == kind)
        .map(|(name, _)| {
            item(
                name,
                lsp::CompletionItemKind::REFERENCE,
                kind.describe().en,
                "",
            )
        })
        .collect()
}

/// The fields allowed in a block of `parent` (`None`: the top level).
fn fields_for(parent: Option<&str>) -> &'static [Field] {
    fields::block_of(parent).map_or(&[], |block| block.fields)
}

/// Completion: node names valid at the cursor, or the values the statement's field takes
/// (vocabulary words, IDs of the right kind, country codes).
pub fn completion(at: Positions, position: lsp::Position) -> Vec<lsp::CompletionItem> {
    let doc = at.doc;
    let Some(offset) = at.offset(position) else {
        return Vec::new();
    };
    let line_start = doc.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = doc.text[line_start..offset].trim_start();
    // The statement being written on this line: after the last `;` or `{`.
    let statement = before.rsplit([';', '{']).next().unwrap_or("").trim_start();
    let mut words_before = statement.split_whitespace();
    let first = words_before.next();
    let writing_name =
        statement.is_empty() || (!statement.contains(char::is_whitespace) && first.is_some());
    let node = node_at(doc, offset.saturating_sub(1).max(line_start));
    let parent = if before.contains('{') {
        before
            .split('{')
            .rev()
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
    } else {
        enclosing_parent(doc, node)
    };
    if writing_name {
        return fields_for(parent)
            .iter()
            .map(|f| {
                let (detail, docs) = match parent {
                    Some("rights") => vocabulary_entry::<RightKind>(f.name).unwrap_or(("", f.doc)),
                    Some("claims") => vocabulary_entry::<Claim>(f.name).unwrap_or(("", f.doc)),
                    _ => ("", f.doc),
                };
                item(f.name, lsp::CompletionItemKind::KEYWORD, detail, docs)
            })
            .collect();
    }
    let rest: Vec<&str> = words_before.collect();
    // The word after `derogation` is being written: the whole word is typed, or a part of it.
    let after_derogation = match rest.as_slice() {
        ["derogation"] => statement.ends_with(char::is_whitespace),
        ["derogation", ground] => {
            !ground.starts_with('"') && !statement.ends_with(char::is_whitespace)
        }
        _ => false,
    };
    match first.unwrap_or("") {
        "basis" => words::<LegalBasis>(),
        "condition" => words::<Condition>(),
        "safeguard" if after_derogation => words::<DerogationGround>(),
        "safeguard" => words::<TransferSafeguard>(),
        "safeguards" => words::<DecisionSafeguard>(),
        "provision" => words::<Provision>(),
        "cookies" => words::<Cookie>(),
        "direct_marketing" => words::<Channel>(),
        "international_organisation" => INTERNATIONAL_ORGANISATIONS
            .iter()
            .filter_map(|key| Some((key, international_organisation(key)?)))
            .map(|(key, d): (_, &AdequacyDecision)| {
                item(
                    key,
                    lsp::CompletionItemKind::ENUM_MEMBER,
                    d.name,
                    &format!("adequacy decision {} (Art. 45)", d.decision),
                )
            })
            .collect(),
        // Art. 8 ages are set by EEA States: the codes of the EEA (one outside it is read, and
        // ignored where the age is looked up).
        "online_service" => ISO_3166_ALPHA2
            .iter()
            .filter(|c| is_eea(c))
            .map(|c| item(c, lsp::CompletionItemKind::VALUE, "EEA", ""))
            .collect(),
        "data" => ids(doc, Kind::Category),
        "subjects" => ids(doc, Kind::Subject),
        "sources" => ids(doc, Kind::Source),
        "recipients" => ids(doc, Kind::Recipient),
        "processors" => ids(doc, Kind::Processor),
        "joint_controllers" => ids(doc, Kind::JointController),
        "complaint" => ids(doc, Kind::Authority),
        "reuses" => {
            // A purpose does not reuse the data of itself.
            let own = enclosing_definition(doc, node);
            let mut items = ids(doc, Kind::Purpose);
            items.retain(|i| Some(i.label.as_str()) != own);
            items
        }
        "languages" => COMMON_LANGUAGES
            .iter()
            .map(|(tag, name)| item(tag, lsp::CompletionItemKind::VALUE, name, ""))
            .collect(),
        "retention" => ["until", "indefinite", "after"]
            .iter()
            .map(|w| item(w, lsp::CompletionItemKind::KEYWORD, "", ""))
            .collect(),
        "country" | "establishment" => REGION_WORDS
            .iter()
            .map(|(word, detail, explanation)| {
                item(
                    word,
                    lsp::CompletionItemKind::ENUM_MEMBER,
                    detail,
                    explanation,
                )
            })
            .chain(ISO_3166_ALPHA2.iter().map(|c| {
                let detail = if EEA_STATES.contains(c) {
                    "EEA"
                } else if is_eea(c) {
                    "EEA (a region with its own code)"
                } else if adequacy_decision(c).is_some() {
                    "outside the EEA, adequacy decision"
                } else {
                    "outside the EEA"
                };
                item(c, lsp::CompletionItemKind::VALUE, detail, "")
            }))
            .collect(),
        _ => Vec::new(),
    }
}

/// The ID of the definition whose block holds `node` (`purpose p "P" { … }` gives `p`).
fn enclosing_definition<'d>(doc: &'d Document, node: Node) -> Option<&'d str> {
    let statement = std::iter::successors(Some(node), |n| n.parent())
        .filter(|n| n.kind() == "block")
        .find_map(|block| block.parent())?;
    let group = statement.child_by_field_name("arguments")?.named_child(0)?;
    let id = group.named_child(0).filter(|n| n.kind() == "identifier")?;
    Some(text_of(doc, id))
}

/// The defined ID under the cursor: its name and the span of the word.
fn symbol_at(at: Positions, position: lsp::Position) -> Option<(String, Span)> {
    let offset = at.offset(position)?;
    let node = node_at(at.doc, offset);
    if node.kind() != "identifier" {
        return None;
    }
    let word = text_of(at.doc, node);
    at.doc
        .model
        .symbols
        .contains_key(word)
        .then(|| (word.to_string(), span_of(node)))
}

pub fn definition(at: Positions, uri: &Uri, position: lsp::Position) -> Option<lsp::Location> {
    let (name, _) = symbol_at(at, position)?;
    let symbol = at.doc.model.symbols.get(&name)?;
    at.model_location(uri, symbol.span)
}

/// Every place an ID is named: its definition (when asked) and every reference.
fn occurrences(at: Positions, name: &str, with_definition: bool) -> Vec<Span> {
    let model = &at.doc.model;
    let mut spans: Vec<Span> = Vec::new();
    if with_definition && let Some(symbol) = model.symbols.get(name) {
        spans.push(symbol.span);
    }
    spans.extend(
        model
            .references()
            .filter(|r| r.name == name)
            .map(|r| r.span),
    );
    spans.sort_by_key(|s| s.start);
    spans
}

pub fn references(
    at: Positions,
    uri: &Uri,
    position: lsp::Position,
    with_definition: bool,
) -> Vec<lsp::Location> {
    let Some((name, _)) = symbol_at(at, position) else {
        return Vec::new();
    };
    occurrences(at, &name, with_definition)
        .into_iter()
        .filter_map(|span| at.model_location(uri, span))
        .collect()
}

pub fn prepare_rename(at: Positions, position: lsp::Position) -> Option<lsp::Range> {
    symbol_at(at, position).map(|(_, span)| at.range(span))
}

/// Renames an ID everywhere; the error is a message for the person.
pub fn rename(
    at: Positions,
    uri: &Uri,
    position: lsp::Position,
    new_name: &str,
) -> Result<Option<lsp::WorkspaceEdit>, String> {
    let Some((name, _)) = symbol_at(at, position) else {
        return Ok(None);
    };
    let valid = new_name.starts_with(|c: char| c.is_ascii_lowercase())
        && new_name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(format!(
            "`{new_name}` is not an ID: use lower-case letters, digits and `_`, starting with a letter"
        ));
    }
    // The model is the whole declaration's: a name defined in any of its files is taken.
    if new_name != name
        && let Some(taken) = at.doc.model.symbols.get(new_name)
    {
        let place = match at.model_location(uri, taken.span) {
            Some(l) if at.files.is_some() => format!(
                " in {} (line {})",
                l.uri.as_str().rsplit('/').next().unwrap_or(""),
                l.range.start.line + 1
            ),
            _ => String::new(),
        };
        return Err(format!("`{new_name}` is already defined{place}"));
    }
    let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for location in occurrences(at, &name, true)
        .into_iter()
        .filter_map(|span| at.model_location(uri, span))
    {
        changes
            .entry(location.uri)
            .or_default()
            .push(lsp::TextEdit {
                range: location.range,
                new_text: new_name.to_string(),
            });
    }
    Ok(Some(lsp::WorkspaceEdit {
        changes: Some(changes),
        ..lsp::WorkspaceEdit::default()
    }))
}

/// The definitions of a document's model whose ID contains `query` (case-insensitive; all of
/// them when it is empty), where they are: in the document, or in any file of its declaration.
#[allow(deprecated)] // SymbolInformation::deprecated must be written, though deprecated
pub fn workspace_symbols(at: Positions, uri: &Uri, query: &str) -> Vec<lsp::SymbolInformation> {
    let query = query.to_lowercase();
    at.doc
        .model
        .symbols
        .iter()
        .filter(|(name, _)| name.contains(&query))
        .filter_map(|(name, symbol)| {
            Some(lsp::SymbolInformation {
                name: name.clone(),
                kind: symbol_kind(keyword_of(symbol.kind)),
                tags: None,
                deprecated: None,
                location: at.model_location(uri, symbol.span)?,
                container_name: Some(symbol.kind.describe().en.to_string()),
            })
        })
        .collect()
}

/// The keyword that defines a kind of ID.
fn keyword_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Controller => "controller",
        Kind::JointController => "joint_controller",
        Kind::Processor => "processor",
        Kind::Recipient => "recipient",
        Kind::Authority => "authority",
        Kind::Purpose => "purpose",
        Kind::Category => "category",
        Kind::Subject => "subject",
        Kind::Source => "source",
    }
}

fn symbol_kind(name: &str) -> lsp::SymbolKind {
    match name {
        "controller" | "joint_controller" | "processor" | "recipient" | "authority" => {
            lsp::SymbolKind::OBJECT
        }
        "purpose" => lsp::SymbolKind::FUNCTION,
        "category" | "subject" | "source" => lsp::SymbolKind::STRUCT,
        "decision" => lsp::SymbolKind::EVENT,
        _ => lsp::SymbolKind::NAMESPACE,
    }
}

/// The outline: every top-level node, with purposes' decisions and the controller's
/// authorities inside.
pub fn document_symbols(at: Positions) -> Vec<lsp::DocumentSymbol> {
    outline(at, at.doc.tree().root_node(), 0)
}

#[allow(deprecated)] // DocumentSymbol::deprecated must be written, though deprecated
fn outline(at: Positions, container: Node, depth: usize) -> Vec<lsp::DocumentSymbol> {
    let doc = at.doc;
    let mut symbols = Vec::new();
    let mut cursor = container.walk();
    for statement in container.named_children(&mut cursor) {
        if statement.kind() != "statement" {
            continue;
        }
        let Some(name_node) = statement.child_by_field_name("name") else {
            continue;
        };
        let keyword = text_of(doc, name_node);
        if depth > 0 && !matches!(keyword, "decision" | "authority") {
            continue;
        }
        let args = statement.child_by_field_name("arguments");
        let arguments = args.map(|a| text_of(doc, a)).unwrap_or("");
        let id = arguments
            .split_whitespace()
            .next()
            .filter(|w| !w.starts_with('"'));
        // The label as the model read it (escapes decoded), not cut from the text.
        let label = match id {
            Some(id) => doc
                .model
                .symbols
                .get(id)
                .and_then(|s| doc.model.label_of(s)),
            None => doc.model.name_at(span_of(name_node)),
        }
        .map(str::to_string);
        let title = match id {
            Some(id) => format!("{keyword} {id}"),
            None => keyword.to_string(),
        };
        let children = statement
            .child_by_field_name("body")
            .map(|body| outline(at, body, depth + 1))
            .filter(|c| !c.is_empty());
        symbols.push(lsp::DocumentSymbol {
            name: title,
            detail: label,
            kind: symbol_kind(keyword),
            tags: None,
            deprecated: None,
            range: at.range(span_of(statement)),
            selection_range: at.range(span_of(args.unwrap_or(name_node))),
            children,
        });
    }
    symbols
}

pub fn folding_ranges(at: Positions) -> Vec<lsp::FoldingRange> {
    let mut ranges = Vec::new();
    let mut cursor = at.doc.tree().root_node().walk();
    // Walk every node; blocks that span lines fold.
    'walk: loop {
        let node = cursor.node();
        if node.kind() == "block" && node.end_position().row > node.start_position().row {
            let start = at.position(node.start_byte());
            let end = at.position(node.end_byte());
            ranges.push(lsp::FoldingRange {
                start_line: start.line,
                end_line: end.line.saturating_sub(1).max(start.line),
                kind: Some(lsp::FoldingRangeKind::Region),
                ..lsp::FoldingRange::default()
            });
        }
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    ranges
}

/// Quick fixes for the diagnostics in a range: the rule's own fix where it is certain, and a
/// suppression comment with a reason to fill in.
pub fn code_actions(at: Positions, uri: &Uri, range: lsp::Range) -> Vec<lsp::CodeAction> {
    let doc = at.doc;
    let (Some(start), Some(end)) = (at.offset(range.start), at.offset(range.end)) else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    for d in doc
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= end && start <= d.span.end)
    {
        let lsp_diagnostic = diagnostic(at, uri, d);
        let edit = |edits: Vec<lsp::TextEdit>| lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..lsp::WorkspaceEdit::default()
        };
        if let Some(fix) = &d.fix {
            actions.push(lsp::CodeAction {
                title: fix.title.clone(),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic.clone()]),
                edit: Some(edit(
                    fix.edits
                        .iter()
                        .map(|e| lsp::TextEdit {
                            range: at.range(e.span),
                            new_text: e.text.clone(),
                        })
                        .collect(),
                )),
                is_preferred: Some(true),
                ..lsp::CodeAction::default()
            });
        }
        if d.rule.name == "syntax-error" || d.rule.name == "unused-suppression" {
            continue;
        }
        let line_start = doc.text[..d.span.start]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let indent: String = doc.text[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let newline = if doc.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        actions.push(lsp::CodeAction {
            title: format!("Suppress `{}` here, with a reason", d.rule.name),
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp_diagnostic]),
            edit: Some(edit(vec![lsp::TextEdit {
                range: at.range(Span::new(line_start, line_start)),
                new_text: format!(
                    "{indent}# privlint: allow {} -- reason: why this is lawful here{newline}",
                    d.rule.name
                ),
            }])),
            ..lsp::CodeAction::default()
        });
    }
    actions
}

/// `privlint fmt` on the document: one edit replacing the whole text, none when it is already
/// formatted or has a syntax error.
pub fn formatting(at: Positions) -> Option<Vec<lsp::TextEdit>> {
    let formatted = privlint_core::format::format(&at.doc.text).ok()?;
    if formatted == at.doc.text {
        return Some(Vec::new());
    }
    Some(vec![lsp::TextEdit {
        range: at.range(Span::new(0, at.doc.text.len())),
        new_text: formatted,
    }])
}

/// The documentation of a rule, for the editor's "explain" command.
pub fn explain(rule: &str) -> Option<String> {
    find(rule).map(|r| r.meta().explanation())
}

/// The command that renders the privacy notice for the editor's preview.
pub const PREVIEW_NOTICE: &str = "privlint.previewNotice";

/// What `privlint.previewNotice` is asked: `{ uri, language?, format? }` (format `html`, the
/// default, or `markdown`/`md`).
pub struct NoticeRequest {
    pub uri: Uri,
    pub language: Option<String>,
    pub format: privlint_core::publish::notice::Format,
}

impl NoticeRequest {
    pub fn from_arguments(arguments: &[serde_json::Value]) -> Result<NoticeRequest, String> {
        let usage = "expects one argument { uri, language?, format? }";
        let Some(serde_json::Value::Object(args)) = arguments.first() else {
            return Err(format!("{PREVIEW_NOTICE} {usage}"));
        };
        let uri = args
            .get("uri")
            .and_then(|u| u.as_str())
            .ok_or_else(|| format!("{PREVIEW_NOTICE} {usage}: no `uri`"))?;
        let uri: Uri = uri
            .parse()
            .map_err(|_| format!("{PREVIEW_NOTICE}: `{uri}` is not a URI"))?;
        let language = match args.get("language") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(tag)) => Some(tag.clone()),
            Some(_) => return Err(format!("{PREVIEW_NOTICE}: `language` is a tag like \"en\"")),
        };
        use privlint_core::publish::notice::Format;
        let format = match args.get("format").and_then(|f| f.as_str()) {
            None | Some("html") => Format::Html,
            Some("markdown" | "md") => Format::Markdown,
            Some(other) => {
                return Err(format!(
                    "{PREVIEW_NOTICE}: unknown format `{other}` (html or markdown)"
                ));
            }
        };
        Ok(NoticeRequest {
            uri,
            language,
            format,
        })
    }
}

/// `privlint.listRules`: every rule as data, for the editor's pick list (so that it does not
/// parse the table `privlint rules` prints).
pub const LIST_RULES: &str = "privlint.listRules";

pub fn list_rules() -> serde_json::Value {
    privlint_core::rules::ALL
        .iter()
        .map(|rule| rule.meta().to_json())
        .collect()
}

/// The notice of the document as its text is now, for the editor's preview:
/// `{ html, languages, language, format, errors }`. `html` is the rendered notice (Markdown when
/// asked for); `languages` those of the notice privlint can write (`nb` when it names none);
/// `language` the one rendered: the one asked for when it is among them, else the first (a
/// preview goes on showing while `languages` is being edited). A declaration with errors is
/// rendered as a draft, whose banner counts them: a work in progress must still show.
pub fn preview_notice(at: Positions, request: &NoticeRequest) -> serde_json::Value {
    use privlint_core::publish::Language;
    use privlint_core::publish::notice::{self, Format, Options};
    let model = &at.doc.model;
    let mut languages: Vec<Language> = model
        .notice
        .as_ref()
        .map(|n| n.languages())
        .unwrap_or_default()
        .into_iter()
        .filter_map(Language::from_tag)
        .collect();
    languages.dedup();
    if languages.is_empty() {
        languages.push(Language::Nb);
    }
    let language = request
        .language
        .as_deref()
        .and_then(Language::from_tag)
        .filter(|l| languages.contains(l))
        .unwrap_or(languages[0]);
    let errors = at
        .doc
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let options = Options {
        language,
        draft: (errors > 0).then_some(errors),
    };
    serde_json::json!({
        "html": notice::render(model, options, request.format),
        "languages": languages.iter().map(|l| l.tag()).collect::<Vec<_>>(),
        "language": language.tag(),
        "format": if request.format == Format::Html { "html" } else { "markdown" },
        "errors": errors,
    })
}

#[cfg(test)]
mod vocabulary_agrees;

#[cfg(test)]
mod tests {
    use super::*;
    use privlint_core::Settings;

    fn doc(text: &str) -> Document {
        Document::new(text.to_string(), 1, &Settings::default())
    }

    fn at(doc: &Document) -> Positions<'_> {
        Positions::new(doc, ColumnUnit::Utf16)
    }

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position { line, character }
    }

    fn hover_text(doc: &Document, line: u32, character: u32) -> String {
        match hover(at(doc), pos(line, character)).map(|h| h.contents) {
            Some(lsp::HoverContents::Markup(m)) => m.value,
            _ => String::new(),
        }
    }

    #[test]
    fn hover_reads_words_in_their_place() {
        let d = doc(
            "rights {\n  portability\n}\npurpose p \"P\" {\n  condition explicit_consent\n}\nclaims { no_profiling }\n",
        );
        assert!(hover_text(&d, 1, 4).contains("Art. 20"));
        assert!(hover_text(&d, 4, 15).contains("Art. 9(2)(a)"));
        assert!(hover_text(&d, 6, 12).contains("Art. 4(4)"));
    }

    #[test]
    fn labels_in_hover_and_outline_are_read_not_cut_from_the_text() {
        let d = doc(
            "category k \"Kontakt \\\"privat\\\" og jobb\"\npurpose p \"P\" { data k; decision \"Avgjerd \\\"A\\\"\" { logic \"L\" } }\ndpo \"Ombod \\\"B\\\"\" { email \"e\" }\n",
        );
        assert!(
            hover_text(&d, 1, 21).contains("`k` \"Kontakt \"privat\" og jobb\""),
            "{}",
            hover_text(&d, 1, 21)
        );
        let outline = document_symbols(at(&d));
        let details: Vec<Option<String>> = outline.iter().map(|s| s.detail.clone()).collect();
        assert_eq!(details[0].as_deref(), Some("Kontakt \"privat\" og jobb"));
        assert_eq!(details[2].as_deref(), Some("Ombod \"B\""));
        let decision = &outline[1].children.as_ref().unwrap()[0];
        assert_eq!(decision.detail.as_deref(), Some("Avgjerd \"A\""));
    }

    #[test]
    fn a_label_in_hover_is_literal_text_not_a_link_an_image_or_html() {
        // A declaration comes from a pull request; its labels must not become a link that leads
        // away, an image loaded from a server (a tracking pixel) or HTML in the editor's hover.
        let d = doc(
            "category k \"[x](https://evil) ![i](https://evil/x.png) <img src=https://evil/y.png>\"\npurpose p \"P\" { data k }\n",
        );
        let text = hover_text(&d, 1, 21);
        assert!(text.contains("`k`"), "{text}");
        assert!(
            text.contains(
                r"\[x\](https://evil) \!\[i\](https://evil/x.png) &lt;img src=https://evil/y.png&gt;"
            ),
            "{text}"
        );
        for live in ["[x](", "![i](", "<img"] {
            assert!(
                !text
                    .replace(r"\[", "")
                    .replace(r"\!", "")
                    .replace(r"\<", "")
                    .contains(live),
                "{live} is live in {text}"
            );
        }
    }

    #[test]
    fn the_rules_are_listed_as_data() {
        let rules = list_rules();
        let rules = rules.as_array().unwrap();
        assert_eq!(rules.len(), privlint_core::rules::ALL.len());
        let syntax = &rules[0];
        assert_eq!(syntax["name"], "syntax-error");
        assert!(syntax["article"].is_null(), "no article is null, not \"\"");
        let right = rules.iter().find(|r| r["name"] == "missing-right").unwrap();
        assert_eq!(right["fix"], "sometimes");
        assert_eq!(right["article"], "Art. 13(2)(b), 15-18");
    }

    #[test]
    fn completion_knows_the_block_it_is_in() {
        let d = doc("rights {\n  \n}\nclaims {\n  \n}\n");
        let labels = |line| -> Vec<String> {
            completion(at(&d), pos(line, 2))
                .into_iter()
                .map(|i| i.label)
                .collect()
        };
        let rights = labels(1);
        assert!(
            rights.contains(&"portability".to_string())
                && rights.contains(&"complaint".to_string())
        );
        assert!(labels(4).contains(&"no_transfers_outside_eea".to_string()));
    }

    #[test]
    fn a_suppression_goes_on_the_line_before_with_its_indentation() {
        let d = doc("controller c \"C\" { email \"e\" }\ncategory k \"K\"\n");
        let unused = d
            .diagnostics
            .iter()
            .find(|x| x.rule.name == "unused-definition")
            .unwrap();
        let range = at(&d).range(unused.span);
        let actions = code_actions(at(&d), &"file:///x.privacy".parse().unwrap(), range);
        let suppress = actions
            .iter()
            .find(|a| a.title.contains("unused-definition"))
            .unwrap();
        let edits = &suppress.edit.as_ref().unwrap().changes.as_ref().unwrap();
        let edit = &edits.values().next().unwrap()[0];
        assert_eq!(edit.range.start, pos(1, 0));
        assert!(
            edit.new_text
                .starts_with("# privlint: allow unused-definition -- ")
        );
    }

    /// Two files of one declaration, checked as the server checks them.
    fn declaration(texts: &[&str]) -> (Vec<Document>, Vec<usize>) {
        let settings = Settings::default();
        let mut docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
        let sections: Vec<_> = docs.iter_mut().map(|d| d.sections()).collect();
        let parts: Vec<(&str, &[privlint_core::syntax::Section])> = docs
            .iter()
            .zip(&sections)
            .map(|(d, s)| (d.text.as_str(), s.as_slice()))
            .collect();
        let combined = privlint_core::combined::Combined::from_sections(&parts);
        let (model, diagnostics) = combined.analyze(&settings);
        let model = std::sync::Arc::new(model);
        let mut per_file = vec![Vec::new(); docs.len()];
        for (file, d) in combined.split(diagnostics) {
            per_file[file].push(d);
        }
        for (doc, diagnostics) in docs.iter_mut().zip(per_file) {
            doc.set_analysis(model.clone(), std::sync::Arc::new(diagnostics));
        }
        (docs, combined.starts)
    }

    #[test]
    fn navigation_and_rename_cross_files() {
        let (docs, starts) = declaration(&[
            "category a \"A\"\ncategory b \"B\"\n",
            "purpose p \"P\" {\n  data a\n}\n",
        ]);
        let uris: Vec<Uri> = ["file:///o.privacy", "file:///s.privacy"]
            .iter()
            .map(|u| u.parse().unwrap())
            .collect();
        let files = Files {
            starts: &starts,
            members: uris.iter().zip(docs.iter()).collect(),
            unit: ColumnUnit::Utf16,
        };
        let at = Positions {
            doc: &docs[1],
            unit: ColumnUnit::Utf16,
            files: Some(&files),
        };
        let location = definition(at, &uris[1], pos(1, 7)).unwrap();
        assert_eq!(
            (location.uri.as_str(), location.range.start),
            ("file:///o.privacy", pos(0, 9))
        );
        let refs = references(at, &uris[1], pos(1, 7), true);
        assert_eq!(refs.len(), 2);
        let edit = rename(at, &uris[1], pos(1, 7), "c").unwrap().unwrap();
        let changes = edit.changes.unwrap();
        assert_eq!(changes[&uris[0]][0].range.start, pos(0, 9));
        assert_eq!(changes[&uris[1]][0].range.start, pos(1, 7));
        let taken = rename(at, &uris[1], pos(1, 7), "b").unwrap_err();
        assert!(taken.contains("o.privacy (line 2)"), "{taken}");
        // `b` is unused: reported in the first file, from the second.
        assert!(
            docs[0]
                .diagnostics
                .iter()
                .any(|d| d.rule.name == "unused-definition")
        );
        let symbols = workspace_symbols(at, &uris[1], "");
        assert_eq!(symbols.len(), 3);
    }

    #[test]
    fn rename_refuses_bad_and_taken_names() {
        let d = doc("category a \"A\"\ncategory b \"B\"\npurpose p \"P\" { data a, b }\n");
        let uri: Uri = "file:///x.privacy".parse().unwrap();
        assert!(rename(at(&d), &uri, pos(0, 9), "B").is_err());
        assert!(rename(at(&d), &uri, pos(0, 9), "b").is_err());
        let edit = rename(at(&d), &uri, pos(0, 9), "c").unwrap().unwrap();
        assert_eq!(edit.changes.unwrap()[&uri].len(), 2);
    }

    #[test]
    fn the_notice_preview_renders_the_current_text_even_with_errors() {
        let text = r#"notice "Personvern" en "Privacy" { languages nb, en }
controller c "C AS" {
  country NO
  email "p@c.example"
  authority dt "Datatilsynet" en "The Data Protection Authority"
}
category k "Kontakt" en "Contact"
subject s "Kunder" en "Customers"
purpose p "Bestillinger <b>" en "Orders <b>" {
  basis contract
  provision contractual "Uten dem ingen ordre" en "Without them no order"
  data k
  subjects s
  retention 1 years after "kjøpet" en "the purchase"
}
rights { access; rectification; erasure; restriction; portability; objection; complaint dt }
"#;
        let uri = "file:///x.privacy";
        let request = |args: serde_json::Value| NoticeRequest::from_arguments(&[args]).unwrap();
        let d = doc(text);
        let nb = preview_notice(at(&d), &request(serde_json::json!({ "uri": uri })));
        assert_eq!(nb["languages"], serde_json::json!(["nb", "en"]));
        assert_eq!(nb["language"], "nb");
        let html = nb["html"].as_str().unwrap();
        // The renderer escapes the declaration's strings.
        assert!(html.contains("Bestillinger &lt;b&gt;"), "{html}");
        assert!(!html.contains("<b>") && !html.contains("<script"));
        let en = preview_notice(
            at(&d),
            &request(serde_json::json!({ "uri": uri, "language": "en" })),
        );
        assert_eq!(en["language"], "en");
        assert!(en["html"].as_str().unwrap().contains("Orders &lt;b&gt;"));
        // A language the notice is not published in falls back to the first.
        let nn = preview_notice(
            at(&d),
            &request(serde_json::json!({ "uri": uri, "language": "nn" })),
        );
        assert_eq!(nn["language"], "nb");
        let md = preview_notice(
            at(&d),
            &request(serde_json::json!({ "uri": uri, "format": "markdown" })),
        );
        assert_eq!(md["format"], "markdown");
        assert!(!md["html"].as_str().unwrap().contains("<html"));

        // An error (a purpose with no legal basis): still rendered, as a draft that says so.
        let broken = doc(&text.replace("basis contract", ""));
        let draft = preview_notice(at(&broken), &request(serde_json::json!({ "uri": uri })));
        let errors = draft["errors"].as_u64().unwrap();
        assert!(errors >= 1, "{draft}");
        let html = draft["html"].as_str().unwrap();
        assert!(html.contains("class=\"draft\"") && html.contains("Bestillinger"));
        assert_eq!(
            nb["errors"],
            0,
            "{}",
            d.diagnostics
                .iter()
                .map(|x| x.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        );
        assert!(!nb["html"].as_str().unwrap().contains("class=\"draft\""));
    }

    #[test]
    fn the_notice_preview_checks_its_arguments() {
        let bad = |args: serde_json::Value| NoticeRequest::from_arguments(&[args]).err();
        assert!(NoticeRequest::from_arguments(&[]).is_err());
        assert!(bad(serde_json::json!({})).unwrap().contains("uri"));
        assert!(
            bad(serde_json::json!({ "uri": "file:///x.privacy", "format": "pdf" }))
                .unwrap()
                .contains("pdf")
        );
        assert!(bad(serde_json::json!({ "uri": "file:///x.privacy", "language": 3 })).is_some());
        assert!(bad(serde_json::json!({ "uri": "file:///x.privacy", "language": null })).is_none());
    }
}
