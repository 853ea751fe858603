//! `textDocument/formatting`: `privlint fmt` on the document. Reads the text alone: a large
//! document is neither parsed nor checked for it.

use privlint_core::Span;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;

use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

pub async fn handle(
    backend: &Backend,
    params: lsp::DocumentFormattingParams,
) -> Result<Option<Vec<lsp::TextEdit>>> {
    backend
        .with_document(&params.text_document.uri, Reads::Text, formatting)
        .await
        .map(Option::flatten)
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
