//! `initialize`, `initialized` and `shutdown`.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;

use crate::Backend;
use crate::capabilities;

pub async fn initialize(
    backend: &Backend,
    params: lsp::InitializeParams,
) -> Result<lsp::InitializeResult> {
    let (unit, kind) = capabilities::encoding(&params);
    {
        let mut state = backend.state();
        state.unit = unit;
        state.can_watch_files = capabilities::can_watch_files(&params);
        let options = params.initialization_options.as_ref();
        if let Some(options) = options {
            state.configurations.set_editor_rules(options.get("rules"));
        }
        state.configurations.set_editor_language(
            options
                .and_then(|o| o.get("language"))
                .and_then(|l| l.as_str()),
            params.locale.as_deref(),
        );
    }
    Ok(lsp::InitializeResult {
        capabilities: capabilities::server_capabilities(kind),
        server_info: Some(lsp::ServerInfo {
            name: "privlint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        offset_encoding: None,
    })
}

/// Asks the editor to say when files change (see [`capabilities::watched_files`]). The request
/// is sent from a task of its own: a handler never waits for the editor.
pub async fn initialized(backend: &Backend, _: lsp::InitializedParams) {
    if !backend.state().can_watch_files {
        return;
    }
    let client = backend.client.clone();
    let registration = capabilities::watched_files();
    tokio::spawn(async move {
        if let Err(error) = client.register_capability(vec![registration]).await {
            let message = format!(
                "could not watch {} and .privacy files, so changes to them on disk apply when a document is reopened: {error}",
                privlint_core::config::FILE_NAME
            );
            client.log_message(lsp::MessageType::WARNING, message).await;
        }
    });
}

pub async fn shutdown(backend: &Backend) -> Result<()> {
    backend
        .shut_down
        .store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(())
}
