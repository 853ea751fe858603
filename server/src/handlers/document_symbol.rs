//! `textDocument/documentSymbol`: the outline.

use privlint_core::tree_sitter::Node;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;

use super::{span_of, symbol_kind, text_of};
use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

pub async fn handle(
    backend: &Backend,
    params: lsp::DocumentSymbolParams,
) -> Result<Option<lsp::DocumentSymbolResponse>> {
    Ok(backend
        .with_document(&params.text_document.uri, Reads::All, document_symbols)
        .await?
        .map(lsp::DocumentSymbolResponse::Nested))
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
