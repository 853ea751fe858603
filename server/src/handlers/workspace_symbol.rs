//! `workspace/symbol`: the IDs defined in the open documents and the declarations they are in.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{self as lsp, Uri};

use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;
use crate::settings::DeclarationKey;
use privlint_core::model::Kind;

use super::symbol_kind;

pub async fn handle(
    backend: &Backend,
    params: lsp::WorkspaceSymbolParams,
) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
    let query = params.query;
    let mut state = backend.state();
    let mut symbols = Vec::new();
    let keys: Vec<DeclarationKey> = state.groups.keys().cloned().collect();
    for key in keys {
        let Some(uri) = state
            .groups
            .get(&key)
            .and_then(|g| g.uris.iter().find(|u| state.documents.contains_key(u)))
            .cloned()
        else {
            continue;
        };
        let found = state.with_member(&key, &uri, Reads::Text, |at| {
            workspace_symbols(at, &uri, &query)
        });
        symbols.extend(found.unwrap_or_default());
    }
    let unit = state.unit;
    let alone: Vec<Uri> = state
        .documents
        .keys()
        .filter(|u| state.group_of(u).is_none())
        .cloned()
        .collect();
    for uri in alone {
        if let Some(doc) = state.documents.get(&uri) {
            symbols.extend(workspace_symbols(Positions::new(doc, unit), &uri, &query));
        }
    }
    if !state.ready.is_empty() {
        backend.queued.notify_one();
    }
    Ok(Some(lsp::WorkspaceSymbolResponse::Flat(symbols)))
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
