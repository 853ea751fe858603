//! When checks run, and where. Every edit changes the session's text at once (in arrival
//! order) and queues the document; one publisher task takes the queued documents one at a time,
//! and hands the check of each to a blocking thread, on a snapshot, so that neither the lock
//! nor the thread reading messages waits for a check: requests read the last analysis. A check
//! whose text changed meanwhile is discarded (and cancelled, see [`crate::check::Cancel`]): the
//! change queued the document again, so a burst of edits costs a few checks, and the
//! diagnostics published are always of the version they are tagged with.
//!
//! Requests on large documents are answered on a blocking thread too, on a snapshot, so that
//! they hold up neither other messages nor `$/cancelRequest` (see [`aside`]).

use std::sync::{Arc, Mutex};

use tokio::sync::Notify;
use tower_lsp_server::Client;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{MessageType, Uri};

use crate::Backend;
use crate::check::{Cancel, Job};
use crate::convert::Positions;
use crate::document::Document;
use crate::session::{Publication, Session, lock};

/// Requests on documents of at least this many bytes are answered aside (formatting 20 MB
/// takes seconds); below it, the work takes less than handing it over would, and stays in the
/// memory of one thread.
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
    /// Run a check off the lock; its publications are made ready when it is applied.
    Check(Job, Cancel),
}

/// Publishes the queued documents' diagnostics, one document at a time, each checked as it is
/// when its turn comes, off the lock.
pub(crate) async fn publisher(client: Client, state: Arc<Mutex<Session>>, queued: Arc<Notify>) {
    loop {
        queued.notified().await;
        // Let the edits already received be applied first, so that one check covers them.
        tokio::task::yield_now().await;
        loop {
            let (next, problem, superseded) = {
                let mut state = lock(&state);
                let next = state.next();
                let problem = state.configurations.take_problem();
                (next, problem, state.take_superseded())
            };
            if !superseded.is_empty() {
                // Closed documents, replaced models: freed on a blocking thread.
                tokio::task::spawn_blocking(move || drop(superseded));
            }
            // A file of a declaration that could not be read.
            if let Some(problem) = problem {
                client.log_message(MessageType::WARNING, problem).await;
            }
            let p = match next {
                None => break,
                Some(Next::Publish(p)) => p,
                Some(Next::Check(job, cancel)) => {
                    let shared = state.clone();
                    let checked = tokio::task::spawn_blocking(move || {
                        let done = job.run(&cancel);
                        let leftovers = lock(&shared).finish(done);
                        drop(leftovers); // after the lock is released
                    });
                    if checked.await.is_err() {
                        // The check panicked: nothing applies; the next edit checks again.
                        lock(&state).checking = None;
                    }
                    continue;
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
        let (current, left) = match state.documents.get_mut(&uri) {
            Some(doc) => (doc.generation() == generation, Some(doc.adopt(snapshot))),
            None => (false, None),
        };
        drop(state);
        drop(left);
        (result, current)
    })
    .await
    .ok()
}

impl Backend {
    /// Runs `f` on a document, if it is open.
    ///
    /// `f` reads the document's text as it is now, its tree brought up to date, and its last
    /// analysis, which may be of an older text: a request never waits for a check.
    ///
    /// On a large document, `f` runs [`aside`], so that
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
                // As last checked with the declaration's other files.
                return Ok(state.with_member(&key, uri, reads, f));
            }
            let Some(doc) = state.documents.get(uri) else {
                return Ok(None);
            };
            if doc.text.len() >= LARGE {
                doc.generation()
            } else {
                let doc = state.documents.get_mut(uri).expect("looked up above");
                if reads == Reads::All {
                    doc.reparse();
                }
                return Ok(Some(f(Positions::new(doc, unit))));
            }
        };
        // Taken only once a worker is free, so that waiting requests hold no copies.
        let Ok(worker) = self.workers.clone().acquire_owned().await else {
            return Err(Error::internal_error()); // the semaphore is never closed
        };
        let (snapshot, unit) = {
            let mut state = self.state();
            let unit = state.unit;
            match state.documents.get_mut(uri) {
                None => return Ok(None),
                Some(doc) if doc.generation() != generation => {
                    return Err(Error::content_modified());
                }
                Some(doc) if reads == Reads::Text => (doc.text_snapshot(), unit),
                Some(doc) => (doc.snapshot(), unit),
            }
        };
        let work = move |doc: &mut Document| {
            let _worker = worker;
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
