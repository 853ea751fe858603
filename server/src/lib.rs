//! The privlint language server (`privlint lsp`): the diagnostics of `privlint check`, live,
//! and editing help, over LSP on stdio.
//!
//! Its shape (see CONTRIBUTING.md): [`session`] holds what the server knows between messages
//! (documents, the declarations of several files they are in, settings), changed synchronously
//! by each handler under one lock never held across an `.await`, so that edits apply in
//! arrival order; [`scheduler`] decides when checks run and publishes their diagnostics, tagged
//! with the version they are of; [`handlers`] has one module per request or notification, to
//! which the [`LanguageServer`] impl below only delegates; [`capabilities`] says what the
//! server offers; [`convert`] turns core's spans into LSP positions; [`wire`] guards the byte
//! stream. No handler awaits a request to the editor.
//!
//! A document in a declaration of several files (`[[declarations]]` in privlint.toml) is
//! checked with the declaration's other files: the open ones from the editor's buffers, the
//! others read from disk (and again when the editor reports that they changed). Each file keeps
//! its sections; a check lays them out with [`Combined::from_sections`], so an edit re-reads
//! only the edited file's changed sections, then models and checks the whole declaration, and
//! publishes every file whose findings changed (see [`group::Group`]).
//!
//! [`Combined::from_sections`]: privlint_core::combined::Combined::from_sections

mod capabilities;
mod check;
mod convert;
pub mod document;
mod group;
mod handlers;
mod scheduler;
mod session;
mod settings;
mod wire;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{Notify, Semaphore};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub use document::Document;
use handlers::*;
use scheduler::WORKERS;
use session::{Session, lock};

/// How many messages the transport has in hand at once (tower-lsp-server's default is 4):
/// requests waiting for a worker must not hold up the edits and cancellations behind them.
const CONCURRENCY: usize = 64;

pub struct Backend {
    client: Client,
    state: Arc<Mutex<Session>>,
    /// Wakes the [`scheduler::publisher`].
    queued: Arc<Notify>,
    workers: Arc<Semaphore>,
    /// Whether the editor asked for `shutdown` (the exit status depends on it).
    shut_down: Arc<AtomicBool>,
}

impl Backend {
    pub(crate) fn state(&self) -> MutexGuard<'_, Session> {
        lock(&self.state)
    }

    /// Queues the diagnostics of a document, to be published once edits stop coming.
    pub(crate) fn publish(&self, state: &mut Session, uri: &Uri) {
        state.queue(uri);
        self.queued.notify_one();
    }

    /// Logs a message to the editor without waiting for it.
    pub(crate) fn log(&self, kind: MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }

    /// Re-checks every open document (after a configuration change), finding again the
    /// declarations they are in.
    pub(crate) fn refresh_all(&self) {
        let mut state = self.state();
        state.cancel_check();
        state.regroup();
        let uris: Vec<Uri> = state.documents.keys().cloned().collect();
        for uri in uris {
            if let Some(doc) = state.documents.get_mut(&uri) {
                doc.settings_changed();
            }
            self.publish(&mut state, &uri);
        }
    }
}

/// Every method only delegates to its module in [`handlers`].
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        lifecycle::initialize(self, params).await
    }

    async fn initialized(&self, params: InitializedParams) {
        lifecycle::initialized(self, params).await
    }

    async fn shutdown(&self) -> Result<()> {
        lifecycle::shutdown(self).await
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        sync::open(self, params).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        sync::change(self, params).await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        sync::save(self, params).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        sync::close(self, params).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        watched_files::changed(self, params).await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        configuration::changed(self, params).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        workspace_symbol::handle(self, params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        hover::handle(self, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        completion::handle(self, params).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        definition::handle(self, params).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        references::handle(self, params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        rename::prepare(self, params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        rename::handle(self, params).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        document_symbol::handle(self, params).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        folding_range::handle(self, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        code_action::handle(self, params).await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        formatting::handle(self, params).await
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        execute_command::handle(self, params).await
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
        let state = Arc::new(Mutex::new(Session::new()));
        let queued = Arc::new(Notify::new());
        tokio::spawn(scheduler::publisher(
            client.clone(),
            state.clone(),
            queued.clone(),
        ));
        Backend {
            client,
            state,
            queued,
            workers: Arc::new(Semaphore::new(WORKERS)),
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
        .concurrency_level(CONCURRENCY)
        .serve(service)
        .await;
    shut_down.load(Ordering::SeqCst)
}

/// Serves LSP on stdin and stdout until the editor says `exit`; `Ok(false)` when it did not
/// ask for `shutdown` first (the exit status is then 1).
pub fn run_stdio() -> std::io::Result<bool> {
    one_malloc_arena();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let shut_down = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // The thread reading stdin blocks until the editor closes the pipe; do not wait for it.
    runtime.shutdown_background();
    Ok(shut_down)
}

/// Checks run on blocking threads; glibc gives each thread its own malloc arena, and memory freed
/// in one is not given back to the others, which more than doubled the server's resident memory
/// (BENCHMARKS.md). One arena keeps it as when everything ran on one thread. Set before any
/// other thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_malloc_arena() {
    // SAFETY: mallopt only sets a malloc parameter; called before the runtime starts threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_malloc_arena() {}
