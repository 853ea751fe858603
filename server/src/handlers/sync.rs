//! Text synchronisation: `textDocument/didOpen`, `didChange`, `didSave`, `didClose`. Each
//! changes the session at once, in the order the notifications arrive, and queues the
//! document for the publisher (see [`crate::scheduler`]).

use tower_lsp_server::ls_types as lsp;

use crate::Backend;
use crate::convert::core_position;
use crate::document::Document;

pub async fn open(backend: &Backend, params: lsp::DidOpenTextDocumentParams) {
    let item = params.text_document;
    let mut state = backend.state();
    // Read now so that a broken privlint.toml is reported when the document opens.
    state.configurations.settings_for(&item.uri);
    if let Some(problem) = state.configurations.take_problem() {
        backend.log(lsp::MessageType::WARNING, problem);
    }
    // Parsed and checked by the publisher (aside when it is large).
    let doc = Document::open(item.text, item.version);
    state.documents.insert(item.uri.clone(), doc);
    // A file of a declaration of several files: the others are read from disk.
    state.join(&item.uri);
    if let Some(problem) = state.configurations.take_problem() {
        backend.log(lsp::MessageType::WARNING, problem);
    }
    backend.publish(&mut state, &item.uri);
}

pub async fn change(backend: &Backend, params: lsp::DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let mut state = backend.state();
    let unit = state.unit;
    let Some(doc) = state.documents.get_mut(&uri) else {
        backend.log(
            lsp::MessageType::WARNING,
            format!("change to a document that is not open: {}", uri.as_str()),
        );
        return;
    };
    for change in params.content_changes {
        match change.range {
            None => doc.replace(change.text),
            Some(range) => {
                let start = core_position(range.start);
                let end = core_position(range.end);
                if doc.edit(start, end, &change.text, unit).is_err() {
                    backend.log(
                            lsp::MessageType::ERROR,
                            format!(
                                "ignored an edit outside the document ({}:{}-{}:{}); reopen the file to resynchronise",
                                range.start.line, range.start.character, range.end.line, range.end.character
                            ),
                        );
                }
            }
        }
    }
    doc.version = params.text_document.version;
    if let Some(key) = state.group_of(&uri)
        && let Some(group) = state.groups.get_mut(&key)
    {
        group.stale = true;
    }
    // Checked by the publisher, once the edits stop coming.
    backend.publish(&mut state, &uri);
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
    if let Some(key) = state.group_of(&uri) {
        state.leave(&key, &uri, closed);
    }
    // Queued like an edit, so that diagnostics published for the open document cannot
    // come after the empty ones.
    backend.publish(&mut state, &uri);
}
