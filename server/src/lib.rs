//! The privlint language server (`privlint lsp`): the diagnostics of `privlint check`, live,
//! and editing help, over LSP on stdio.
//!
//! Ordering (tower-lsp-server runs handlers concurrently): every handler does its work on the
//! shared state synchronously, under one `std::sync::Mutex` that is never held across an
//! `.await`, so edits are applied in the order they arrive. Diagnostics are handed, still
//! under the lock, to one publisher task that sends them in that same order, tagged with the
//! document's version. No handler awaits a request to the editor.

pub mod document;
mod features;
mod settings;
mod wire;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use privlint_core::ColumnUnit;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub use document::Document;
use features::Positions;
use settings::Configurations;

/// Diagnostics ready to publish.
struct Publication {
    uri: Uri,
    version: i32,
    diagnostics: Vec<Diagnostic>,
}

struct State {
    documents: HashMap<Uri, Document>,
    unit: ColumnUnit,
    configurations: Configurations,
    /// Whether the editor lets the server ask to be told when files change.
    can_watch_files: bool,
}

pub struct Backend {
    client: Client,
    state: Mutex<State>,
    publisher: mpsc::UnboundedSender<Publication>,
    /// Whether the editor asked for `shutdown` (the exit status depends on it).
    shut_down: Arc<AtomicBool>,
}

impl Backend {
    fn state(&self) -> MutexGuard<'_, State> {
        // A handler that panicked cannot leave the documents half-edited (edits are applied
        // before anything can panic), so a poisoned lock is still usable.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Queues the diagnostics of a document; call with the lock held, so that publications
    /// keep the order of edits.
    fn publish(&self, state: &State, uri: &Uri) {
        if let Some(doc) = state.documents.get(uri) {
            let at = Positions {
                doc,
                unit: state.unit,
            };
            let diagnostics = doc
                .diagnostics
                .iter()
                .map(|d| features::diagnostic(at, uri, d))
                .collect();
            let _ = self.publisher.send(Publication {
                uri: uri.clone(),
                version: doc.version,
                diagnostics,
            });
        }
    }

    /// Logs a message to the editor without waiting for it.
    fn log(&self, kind: MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }

    /// Re-checks every open document (after a configuration change).
    fn refresh_all(&self) {
        let mut state = self.state();
        let state = &mut *state;
        let uris: Vec<Uri> = state.documents.keys().cloned().collect();
        for uri in uris {
            let settings = state.configurations.settings_for(&uri);
            if let Some(doc) = state.documents.get_mut(&uri) {
                doc.refresh(&settings);
            }
            self.publish(state, &uri);
        }
    }

    /// Runs `f` on a document, if it is open.
    fn with_document<T>(&self, uri: &Uri, f: impl FnOnce(Positions) -> T) -> Option<T> {
        let mut state = self.state();
        let unit = state.unit;
        let doc = state.documents.get_mut(uri)?;
        doc.reparse();
        Some(f(Positions { doc, unit }))
    }
}

fn encoding(params: &InitializeParams) -> (ColumnUnit, PositionEncodingKind) {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|e| e.contains(&PositionEncodingKind::UTF8)) {
        (ColumnUnit::Utf8, PositionEncodingKind::UTF8)
    } else {
        (ColumnUnit::Utf16, PositionEncodingKind::UTF16)
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let (unit, kind) = encoding(&params);
        {
            let mut state = self.state();
            state.unit = unit;
            state.can_watch_files = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false);
            if let Some(options) = &params.initialization_options {
                state.configurations.set_editor_rules(options.get("rules"));
            }
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(kind),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".into(), ",".into()]),
                    ..CompletionOptions::default()
                }),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                document_formatting_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec!["privlint.explainRule".into()],
                    ..ExecuteCommandOptions::default()
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "privlint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    /// Asks the editor to say when a `privlint.toml` changes, so that the configuration is
    /// read again. The request is sent from a task of its own: a handler never waits for the
    /// editor.
    async fn initialized(&self, _: InitializedParams) {
        if !self.state().can_watch_files {
            return;
        }
        let client = self.client.clone();
        let watcher = FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{}", privlint_core::config::FILE_NAME)),
            kind: None,
        };
        let registration = Registration {
            id: "privlint-configuration".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![watcher],
            })
            .ok(),
        };
        tokio::spawn(async move {
            if let Err(error) = client.register_capability(vec![registration]).await {
                let message = format!(
                    "could not watch {} files, so changes to them apply when a document is reopened: {error}",
                    privlint_core::config::FILE_NAME
                );
                client.log_message(MessageType::WARNING, message).await;
            }
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let mut state = self.state();
        let settings = state.configurations.settings_for(&item.uri);
        if let Some(problem) = state.configurations.take_problem() {
            self.log(MessageType::WARNING, problem);
        }
        let doc = Document::new(item.text, item.version, &settings);
        state.documents.insert(item.uri.clone(), doc);
        self.publish(&state, &item.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let mut state = self.state();
        let unit = state.unit;
        let settings = state.configurations.settings_for(&uri);
        let Some(doc) = state.documents.get_mut(&uri) else {
            self.log(
                MessageType::WARNING,
                format!("change to a document that is not open: {}", uri.as_str()),
            );
            return;
        };
        for change in params.content_changes {
            match change.range {
                None => doc.replace(change.text),
                Some(range) => {
                    let start = features::core_position(range.start);
                    let end = features::core_position(range.end);
                    if doc.edit(start, end, &change.text, unit).is_err() {
                        self.log(
                            MessageType::ERROR,
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
        doc.refresh(&settings);
        self.publish(&state, &uri);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if params
            .text_document
            .uri
            .as_str()
            .ends_with(privlint_core::config::FILE_NAME)
        {
            self.state().configurations.clear();
            self.refresh_all();
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state().documents.remove(&uri);
        let _ = self.publisher.send(Publication {
            uri,
            version: 0,
            diagnostics: Vec::new(),
        });
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.state().configurations.clear();
        self.refresh_all();
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let rules = params
            .settings
            .get("privlint")
            .and_then(|p| p.get("rules"))
            .cloned();
        self.state().configurations.set_editor_rules(rules.as_ref());
        self.refresh_all();
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        Ok(self
            .with_document(&p.text_document.uri, |at| features::hover(at, p.position))
            .flatten())
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        Ok(self
            .with_document(&p.text_document.uri, |at| {
                features::completion(at, p.position)
            })
            .map(CompletionResponse::Array))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        Ok(self
            .with_document(&uri, |at| features::definition(at, &uri, p.position))
            .flatten()
            .map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        let with_definition = params.context.include_declaration;
        Ok(self.with_document(&uri, |at| {
            features::references(at, &uri, p.position, with_definition)
        }))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        Ok(self
            .with_document(&params.text_document.uri, |at| {
                features::prepare_rename(at, params.position)
            })
            .flatten()
            .map(PrepareRenameResponse::Range))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        match self.with_document(&uri, |at| {
            features::rename(at, &uri, p.position, &params.new_name)
        }) {
            None => Ok(None),
            Some(Ok(edit)) => Ok(edit),
            Some(Err(message)) => Err(Error::invalid_params(message)),
        }
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .with_document(&params.text_document.uri, features::document_symbols)
            .map(DocumentSymbolResponse::Nested))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        Ok(self.with_document(&params.text_document.uri, features::folding_ranges))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        Ok(self.with_document(&uri, |at| {
            features::code_actions(at, &uri, params.range)
                .into_iter()
                .map(CodeActionOrCommand::CodeAction)
                .collect()
        }))
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        Ok(self
            .with_document(&params.text_document.uri, features::formatting)
            .flatten())
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        if params.command != "privlint.explainRule" {
            return Err(Error::invalid_params(format!(
                "unknown command `{}`",
                params.command
            )));
        }
        let rule = params
            .arguments
            .first()
            .and_then(|a| a.as_str())
            .unwrap_or("");
        match features::explain(rule) {
            Some(docs) => Ok(Some(serde_json::Value::String(docs))),
            None => Err(Error::invalid_params(format!("unknown rule `{rule}`"))),
        }
    }
}

impl Backend {
    /// The answer to a message that could not be decoded (see [`wire`]).
    async fn malformed(&self) -> Result<()> {
        Err(Error::parse_error())
    }
}

/// Builds the service; used by [`run_stdio`] and by in-process tests.
pub fn service() -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    LspService::build(|client| {
        let (publisher, mut queue) = mpsc::unbounded_channel::<Publication>();
        let sender = client.clone();
        tokio::spawn(async move {
            while let Some(p) = queue.recv().await {
                let version = (p.version > 0).then_some(p.version);
                sender
                    .publish_diagnostics(p.uri, p.diagnostics, version)
                    .await;
            }
        });
        Backend {
            client,
            state: Mutex::new(State {
                documents: HashMap::new(),
                unit: ColumnUnit::Utf16,
                configurations: Configurations::default(),
                can_watch_files: false,
            }),
            publisher,
            shut_down: Arc::new(AtomicBool::new(false)),
        }
    })
    .custom_method(wire::MALFORMED, Backend::malformed)
    .finish()
}

/// Serves LSP on the editor's byte streams, behind the [`wire`] guard, until the editor says
/// `exit` or closes its input. Used by [`run_stdio`] and by the fuzzer. Returns whether the
/// editor asked for `shutdown` first: LSP wants the exit status to say so.
pub async fn serve(
    input: impl AsyncRead + Send + Unpin + 'static,
    output: impl AsyncWrite + Unpin,
) -> bool {
    let (service, socket) = service();
    let shut_down = service.inner().shut_down.clone();
    let (guarded, server_input) = tokio::io::duplex(1 << 16);
    tokio::spawn(wire::guard(input, guarded));
    Server::new(server_input, output, socket)
        .serve(service)
        .await;
    shut_down.load(Ordering::SeqCst)
}

/// Serves LSP on stdin and stdout until the editor says `exit`; `Ok(false)` when it did not
/// ask for `shutdown` first (the exit status is then 1).
pub fn run_stdio() -> std::io::Result<bool> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let shut_down = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // The thread reading stdin blocks until the editor closes the pipe; do not wait for it.
    runtime.shutdown_background();
    Ok(shut_down)
}
