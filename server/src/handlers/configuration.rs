//! `workspace/didChangeConfiguration`: the editor's `privlint.rules` changed.

use tower_lsp_server::ls_types as lsp;

use crate::Backend;

pub async fn changed(backend: &Backend, params: lsp::DidChangeConfigurationParams) {
    let rules = params
        .settings
        .get("privlint")
        .and_then(|p| p.get("rules"))
        .cloned();
    backend
        .state()
        .configurations
        .set_editor_rules(rules.as_ref());
    backend.refresh_all();
}
