//! `textDocument/prepareRename` and `textDocument/rename`: an ID renamed everywhere it is named,
//! in every file of its declaration.

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::{occurrences, symbol_at};
use crate::Backend;
use crate::convert::Positions;
use crate::scheduler::Reads;

pub async fn prepare(
    backend: &Backend,
    params: lsp::TextDocumentPositionParams,
) -> Result<Option<lsp::PrepareRenameResponse>> {
    let position = params.position;
    Ok(backend
        .with_document(&params.text_document.uri, Reads::All, move |at| {
            prepare_rename(at, position)
        })
        .await?
        .flatten()
        .map(lsp::PrepareRenameResponse::Range))
}

pub async fn handle(
    backend: &Backend,
    params: lsp::RenameParams,
) -> Result<Option<lsp::WorkspaceEdit>> {
    let p = params.text_document_position;
    let uri = p.text_document.uri.clone();
    let new_name = params.new_name;
    // Renamed at the spans of the last check: refused while the text is being checked (the
    // editor may ask again).
    match backend
        .with_document(&p.text_document.uri, Reads::All, move |at| {
            at.analysis_is_current()
                .then(|| rename(at, &uri, p.position, &new_name))
        })
        .await?
    {
        None => Ok(None),
        Some(None) => Err(Error::content_modified()),
        Some(Some(Ok(edit))) => Ok(edit),
        Some(Some(Err(message))) => Err(Error::invalid_params(message)),
    }
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
) -> std::result::Result<Option<lsp::WorkspaceEdit>, String> {
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
