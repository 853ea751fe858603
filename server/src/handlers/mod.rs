//! One module per request or notification: each holds what the server answers, as plain
//! functions of a document (tested without a server), and the `handle` that the
//! [`LanguageServer`](tower_lsp_server::LanguageServer) impl in lib.rs delegates to. What
//! several of them read of the syntax tree is here.

pub mod code_action;
pub mod completion;
pub mod configuration;
pub mod definition;
pub mod document_symbol;
pub mod execute_command;
pub mod folding_range;
pub mod formatting;
pub mod hover;
pub mod lifecycle;
pub mod references;
pub mod rename;
pub mod sync;
pub mod watched_files;
pub mod workspace_symbol;

use privlint_core::Span;
use privlint_core::tree_sitter::Node;
use privlint_core::vocab::Vocabulary;
use tower_lsp_server::ls_types as lsp;

use crate::convert::Positions;
use crate::document::Document;

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

#[cfg(test)]
mod vocabulary_agrees;

#[cfg(test)]
mod tests;
