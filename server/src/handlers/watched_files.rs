//! `workspace/didChangeWatchedFiles`: a privlint.toml or a `.privacy` file changed on disk.

use tower_lsp_server::ls_types as lsp;

use crate::Backend;
use crate::session::path_of;

/// A privlint.toml changed: the configuration is read again and every document checked
/// again. A `.privacy` file created or deleted may change which files a declaration has: that
/// is found by the worker, for those files alone (see [`crate::session::Session::next`]). One
/// changed is read again if it is a file of a declaration that is not open (an open one is the
/// editor's buffer).
pub async fn changed(backend: &Backend, params: lsp::DidChangeWatchedFilesParams) {
    let is_config = |e: &lsp::FileEvent| {
        e.uri
            .as_str()
            .ends_with(&format!("/{}", privlint_core::config::FILE_NAME))
    };
    // No change named: anything may have changed.
    if params.changes.is_empty() || params.changes.iter().any(is_config) {
        backend.state().configurations.clear();
        backend.refresh_all();
        return;
    }
    let mut state = backend.state();
    let state = &mut *state;
    for event in &params.changes {
        let Some(path) = path_of(&event.uri) else {
            continue;
        };
        if event.typ != lsp::FileChangeType::CHANGED {
            state.file_events.push(path);
            continue;
        }
        let Some(key) = state.member_of.get(&path).cloned() else {
            continue;
        };
        let Some(group) = state.groups.get_mut(&key) else {
            continue;
        };
        let Some(i) = group.index(&path) else {
            continue;
        };
        if state.documents.contains_key(&group.uris[i]) {
            continue;
        }
        group.disk[i] = Some(group.read_from_disk(i, &mut state.configurations));
        group.touch();
        let uri = group.uris[i].clone();
        state.queue(&uri);
    }
    // The worker takes the files created or deleted first.
    backend.queued.notify_one();
}
