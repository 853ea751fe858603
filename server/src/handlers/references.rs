//! `textDocument/references`: every place the ID under the cursor is named.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::{occurrences, symbol_at};
use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

pub async fn handle(
    backend: &Backend,
    params: lsp::ReferenceParams,
) -> Result<Option<Vec<lsp::Location>>> {
    let p = params.text_document_position;
    let uri = p.text_document.uri.clone();
    let with_definition = params.context.include_declaration;
    backend
        .with_document(&p.text_document.uri, Reads::All, move |at| {
            references(at, &uri, p.position, with_definition)
        })
        .await
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
