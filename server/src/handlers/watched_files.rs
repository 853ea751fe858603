//! `workspace/didChangeWatchedFiles`: a privlint.toml or a `.privacy` file changed on disk.

use std::path::PathBuf;

use tower_lsp_server::ls_types as lsp;

use tower_lsp_server::ls_types::Uri;

use crate::Backend;
use crate::session::path_of;
use crate::settings::DeclarationKey;

/// A privlint.toml changed: the configuration is read again and every document checked
/// again. A `.privacy` file created or deleted may change which files a declaration has; one
/// changed is read again if it is a file of a declaration that is not open (an open one is
/// the editor's buffer).
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
    let changed: Vec<PathBuf> = params
        .changes
        .iter()
        .filter_map(|e| path_of(&e.uri))
        .collect();
    if params
        .changes
        .iter()
        .any(|e| e.typ != lsp::FileChangeType::CHANGED)
    {
        state.configurations.clear();
        state.regroup(&changed);
        let keys: Vec<DeclarationKey> = state.groups.keys().cloned().collect();
        for key in keys {
            if let Some(group) = state.groups.get_mut(&key) {
                group.touch();
                let uri = group.uris[0].clone();
                backend.publish(&mut state, &uri);
            }
        }
        // Documents that left a declaration are checked alone again.
        let uris: Vec<Uri> = state.documents.keys().cloned().collect();
        for uri in uris {
            if state.group_of(&uri).is_none()
                && let Some(doc) = state.documents.get_mut(&uri)
            {
                doc.settings_changed();
                backend.publish(&mut state, &uri);
            }
        }
        return;
    }
    for path in changed {
        let Some(key) = state.member_of.get(&path).cloned() else {
            continue;
        };
        let state = &mut *state;
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
        backend.publish(state, &uri);
    }
}
