//! When checks run: one publisher task checks each queued document as it is when the task gets
//! to it, and publishes that, tagged with its version. Edits that arrive while a check runs or
//! while the editor is slow to read are all covered by the next check, so a burst of edits
//! costs a few checks and publications, not one per version.
//!
//! Large documents are checked, and requests on them answered, on a blocking thread, on a
//! snapshot, so that they hold up neither other messages nor `$/cancelRequest` (see
//! [`aside`]).

use std::sync::{Arc, Mutex};

use privlint_core::{ColumnUnit, Settings};
use tokio::sync::Notify;
use tower_lsp_server::Client;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{MessageType, Uri};

use crate::Backend;
use crate::convert::Positions;
use crate::document::Document;
use crate::session::{Publication, Session, lock};

/// Documents of at least this many bytes are checked, and requests on them answered, aside
/// (formatting 20 MB takes seconds); below it, the work takes less than handing it over would,
/// and stays in the memory of one thread.
pub(crate) const LARGE: usize = 1024 * 1024;

/// How many requests on large documents run at once; the others wait, holding no snapshot.
pub(crate) const WORKERS: usize = 2;

/// What a request reads of a document.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reads {
    /// The text alone (formatting): on a large document, neither parsed nor checked for it.
    Text,
    /// The tree and the analysis too.
    All,
}

/// What the publisher does next.
pub(crate) enum Next {
    Publish(Publication),
    /// Check a large document aside, then publish.
    Check {
        uri: Uri,
        snapshot: Box<Document>,
        settings: Settings,
        unit: ColumnUnit,
    },
}

/// Publishes the queued documents' diagnostics, one document at a time, each checked as it is
/// when its turn comes.
pub(crate) async fn publisher(client: Client, state: Arc<Mutex<Session>>, queued: Arc<Notify>) {
    loop {
        queued.notified().await;
        // Let the edits already received be applied first, so that one check covers them.
        tokio::task::yield_now().await;
        loop {
            let (next, problem) = {
                let mut state = lock(&state);
                let next = state.next();
                (next, state.configurations.take_problem())
            };
            // A file of a declaration that could not be read.
            if let Some(problem) = problem {
                client.log_message(MessageType::WARNING, problem).await;
            }
            let p = match next {
                None => break,
                Some(Next::Publish(p)) => p,
                Some(Next::Check {
                    uri,
                    snapshot,
                    settings,
                    unit,
                }) => {
                    // Published even if the text changed meanwhile (tagged with the version it
                    // is of): the change queued the document again, and under continuous typing
                    // the editor would otherwise get nothing.
                    let target = uri.clone();
                    let work = move |doc: &mut Document| {
                        doc.refresh(&settings);
                        Publication::of(target, doc, unit, None)
                    };
                    match aside(&state, uri, *snapshot, work).await {
                        Some((p, _)) => p,
                        None => continue, // the check panicked; the next edit checks again
                    }
                }
            };
            client
                .publish_diagnostics(p.uri, p.diagnostics, p.version)
                .await;
        }
    }
}

/// Runs `work` on a snapshot of a document on a blocking thread, then gives the document back
/// what still applies (caches, tree, analysis: see [`Document::adopt`]), also when the caller
/// has been cancelled meanwhile. Returns the result, and whether the document's text is still
/// the one it was computed on; `None` if `work` panicked.
pub(crate) async fn aside<T: Send + 'static>(
    state: &Arc<Mutex<Session>>,
    uri: Uri,
    mut snapshot: Document,
    work: impl FnOnce(&mut Document) -> T + Send + 'static,
) -> Option<(T, bool)> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let generation = snapshot.generation();
        let result = work(&mut snapshot);
        let mut state = lock(&state);
        let current = match state.documents.get_mut(&uri) {
            Some(doc) => {
                let current = doc.generation() == generation;
                doc.adopt(snapshot);
                current
            }
            None => false,
        };
        (result, current)
    })
    .await
    .ok()
}

impl Backend {
    /// Runs `f` on a document, if it is open.
    ///
    /// On a large document, `f` runs [`aside`] (after the check, if the text changed), so that
    /// the server goes on reading messages meanwhile: a `$/cancelRequest` for it is answered at
    /// once, and other requests are not held up. A cancelled job cannot be stopped half-way
    /// (core has no cancellation points), but it holds a worker until it ends, so at most
    /// [`WORKERS`] run. When the text changes before the result is ready, the answer is
    /// `ContentModified`: its positions would be those of an older text.
    pub(crate) async fn with_document<T, F>(
        &self,
        uri: &Uri,
        reads: Reads,
        f: F,
    ) -> Result<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(Positions) -> T + Send + 'static,
    {
        let generation = {
            let mut state = self.state();
            let unit = state.unit;
            if let Some(key) = state.group_of(uri) {
                // Checked in place, with the declaration's other files.
                let result = state.with_member(&key, uri, reads, f);
                if !state.ready.is_empty() {
                    self.queued.notify_one();
                }
                if let Some(problem) = state.configurations.take_problem() {
                    self.log(MessageType::WARNING, problem);
                }
                return Ok(result);
            }
            let Some(doc) = state.documents.get(uri) else {
                return Ok(None);
            };
            if doc.text.len() >= LARGE {
                doc.generation()
            } else {
                let mut doc = match reads {
                    Reads::Text => state.documents.get_mut(uri),
                    Reads::All => state.checked(uri),
                };
                if reads == Reads::All
                    && let Some(doc) = doc.as_deref_mut()
                {
                    doc.reparse();
                }
                return Ok(doc.map(|doc| f(Positions::new(doc, unit))));
            }
        };
        // Taken only once a worker is free, so that waiting requests hold no copies.
        let Ok(worker) = self.workers.clone().acquire_owned().await else {
            return Err(Error::internal_error()); // the semaphore is never closed
        };
        let (snapshot, settings, unit) = {
            let mut state = self.state();
            let unit = state.unit;
            let settings = match reads {
                Reads::Text => None,
                Reads::All => state.settings_if_stale(uri),
            };
            match state.documents.get_mut(uri) {
                None => return Ok(None),
                Some(doc) if doc.generation() != generation => {
                    return Err(Error::content_modified());
                }
                Some(doc) if reads == Reads::Text => (doc.text_snapshot(), settings, unit),
                Some(doc) => (doc.snapshot(), settings, unit),
            }
        };
        let work = move |doc: &mut Document| {
            let _worker = worker;
            if let Some(settings) = settings {
                doc.refresh(&settings);
            }
            if reads == Reads::All {
                doc.reparse();
            }
            f(Positions::new(doc, unit))
        };
        match aside(&self.state, uri.clone(), snapshot, work).await {
            None => Err(Error::internal_error()), // `f` panicked
            Some((_, false)) => Err(Error::content_modified()),
            Some((result, true)) => Ok(Some(result)),
        }
    }
}
