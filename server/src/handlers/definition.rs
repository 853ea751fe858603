//! `textDocument/definition`: where the ID under the cursor is defined, in this file or another
//! of its declaration.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::symbol_at;
use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

pub async fn handle(
    backend: &Backend,
    params: lsp::GotoDefinitionParams,
) -> Result<Option<lsp::GotoDefinitionResponse>> {
    let p = params.text_document_position_params;
    let uri = p.text_document.uri.clone();
    Ok(backend
        .with_document(&p.text_document.uri, Reads::All, move |at| {
            definition(at, &uri, p.position)
        })
        .await?
        .flatten()
        .map(lsp::GotoDefinitionResponse::Scalar))
}

pub fn definition(at: Positions, uri: &Uri, position: lsp::Position) -> Option<lsp::Location> {
    let (name, _) = symbol_at(at, position)?;
    let symbol = at.doc.model.symbols.get(&name)?;
    at.model_location(uri, symbol.span)
}
