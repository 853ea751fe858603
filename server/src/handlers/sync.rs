//! Text synchronisation: `textDocument/didOpen`, `didChange`, `didSave`, `didClose`. Each
//! changes the session at once, in the order the notifications arrive, and queues the
//! document for the publisher (see [`crate::scheduler`]).

use tower_lsp_server::ls_types as lsp;

use crate::Backend;
use crate::session::NotOpen;

pub async fn open(backend: &Backend, params: lsp::DidOpenTextDocumentParams) {
    let item = params.text_document;
    let mut state = backend.state();
    for problem in state.open(&item.uri, item.text, item.version) {
        backend.log(lsp::MessageType::WARNING, problem);
    }
    backend.publish(&mut state, &item.uri);
}

pub async fn change(backend: &Backend, params: lsp::DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let mut state = backend.state();
    let version = params.text_document.version;
    match state.change(&uri, version, params.content_changes) {
        Err(NotOpen) => backend.log(
            lsp::MessageType::WARNING,
            format!("change to a document that is not open: {}", uri.as_str()),
        ),
        Ok(refused) => {
            for range in refused {
                backend.log(
                    lsp::MessageType::ERROR,
                    format!(
                        "ignored an edit outside the document ({}:{}-{}:{}); reopen the file to resynchronise",
                        range.start.line, range.start.character, range.end.line, range.end.character
                    ),
                );
            }
            // Checked by the worker, once the edits stop coming.
            backend.publish(&mut state, &uri);
        }
    }
}

pub async fn save(backend: &Backend, params: lsp::DidSaveTextDocumentParams) {
    if params
        .text_document
        .uri
        .as_str()
        .ends_with(privlint_core::config::FILE_NAME)
    {
        backend.state().configurations.clear();
        backend.refresh_all();
    }
}

pub async fn close(backend: &Backend, params: lsp::DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    let mut state = backend.state();
    let closed = state.documents.remove(&uri);
    state.changed(&uri);
    match state.group_of(&uri) {
        Some(key) => state.leave(&key, &uri, closed),
        None => state.discard(closed),
    }
    // Queued like an edit, so that diagnostics published for the open document cannot
    // come after the empty ones.
    backend.publish(&mut state, &uri);
}
