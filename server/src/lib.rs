//! The privlint language server (`privlint lsp`): the diagnostics of `privlint check`, live,
//! and editing help, over LSP on stdio.
//!
//! Ordering (tower-lsp-server runs handlers concurrently): every handler changes the shared
//! state synchronously, under one `std::sync::Mutex` that is never held across an `.await`, so
//! edits are applied in the order they arrive. No handler awaits a request to the editor.
//!
//! Diagnostics are coalesced: an edit only changes the text and queues the document; one
//! publisher task checks each queued document as it is when the task gets to it, and publishes
//! that, tagged with its version. Edits that arrive while a check runs or while the editor is
//! slow to read are all covered by the next check, so a burst of edits costs a few checks and
//! publications, not one per version.
//!
//! Large documents are checked, and requests on them answered, on a blocking thread, on a
//! snapshot, so that they hold up neither other messages nor `$/cancelRequest` (see
//! [`aside`]).
//!
//! A document in a declaration of several files (`[[declarations]]` in privlint.toml) is
//! checked with the declaration's other files: the open ones from the editor's buffers, the
//! others read from disk (and again when the editor reports that they changed). Each file keeps
//! its sections; a check lays them out with [`Combined::from_sections`], so an edit re-reads
//! only the edited file's changed sections, then models and checks the whole declaration, and
//! publishes every file whose findings changed (see [`Group`]).

pub mod document;
mod features;
mod settings;
mod wire;

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use privlint_core::combined::Combined;
use privlint_core::{ColumnUnit, Settings};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{Notify, Semaphore};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub use document::Document;
use features::{Files, Positions};
use settings::{Configurations, DeclarationKey};

/// Documents of at least this many bytes are checked, and requests on them answered, aside
/// (formatting 20 MB takes seconds); below it, the work takes less than handing it over would,
/// and stays in the memory of one thread.
const LARGE: usize = 1024 * 1024;

/// How many requests on large documents run at once; the others wait, holding no snapshot.
const WORKERS: usize = 2;

/// How many messages the transport has in hand at once (tower-lsp-server's default is 4):
/// requests waiting for a worker must not hold up the edits and cancellations behind them.
const CONCURRENCY: usize = 64;

/// What a request reads of a document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// The text alone (formatting): on a large document, neither parsed nor checked for it.
    Text,
    /// The tree and the analysis too.
    All,
}

/// Diagnostics ready to publish.
struct Publication {
    uri: Uri,
    version: Option<i32>,
    diagnostics: Vec<Diagnostic>,
}

impl Publication {
    fn of(uri: Uri, doc: &Document, unit: ColumnUnit, files: Option<&Files>) -> Publication {
        let at = Positions { doc, unit, files };
        let diagnostics = doc
            .diagnostics
            .iter()
            .map(|d| features::diagnostic(at, &uri, d))
            .collect();
        Publication {
            version: (doc.version > 0).then_some(doc.version),
            uri,
            diagnostics,
        }
    }
}

/// What the publisher does next.
enum Next {
    Publish(Publication),
    /// Check a large document aside, then publish.
    Check {
        uri: Uri,
        snapshot: Box<Document>,
        settings: Settings,
        unit: ColumnUnit,
    },
}

/// What was published for a file: its version and diagnostics.
type Published = (Option<i32>, Arc<Vec<privlint_core::Diagnostic>>);

/// A declaration of several files with at least one of them open.
struct Group {
    /// Its files, absolute, in path order.
    paths: Vec<PathBuf>,
    /// The URI each file is published under (the editor's, once it opened the file).
    uris: Vec<Uri>,
    /// The directory of its configuration, which its files stay in.
    dir: PathBuf,
    /// The files not open in the editor, as read from disk (`None`: open, or not read yet).
    disk: Vec<Option<Document>>,
    /// The `invalid-utf8` finding of a file read from disk that is not UTF-8.
    unreadable: Vec<Option<privlint_core::Diagnostic>>,
    /// Whether a file changed since the last check.
    stale: bool,
    /// Where each file started in the text of the last check (the model's spans count there).
    starts: Vec<usize>,
    /// What was last published for each file: its version and diagnostics.
    published: Vec<Option<Published>>,
}

impl Group {
    fn new(key: &DeclarationKey, paths: Vec<PathBuf>) -> Group {
        let n = paths.len();
        Group {
            dir: key.0.parent().map(PathBuf::from).unwrap_or_default(),
            unreadable: vec![None; n],
            uris: paths
                .iter()
                .map(|p| Uri::from_file_path(p).unwrap_or_else(|| "file:///".parse().unwrap()))
                .collect(),
            paths,
            disk: (0..n).map(|_| None).collect(),
            stale: true,
            starts: Vec::new(),
            published: vec![None; n],
        }
    }

    fn index(&self, path: &std::path::Path) -> Option<usize> {
        self.paths.binary_search_by(|p| p.as_path().cmp(path)).ok()
    }

    /// Reads its `i`th file from disk, as the command line reads it
    /// ([`privlint_files::read_member`]: a regular file inside the configuration's directory,
    /// at most 32 MB, decoded). One that cannot be read counts as empty, and why is said; one
    /// that is not UTF-8 counts as empty, with its `invalid-utf8` finding.
    fn read_from_disk(&mut self, i: usize, configurations: &mut Configurations) -> Document {
        let path = &self.paths[i];
        match privlint_files::read_member(&self.dir, path) {
            Ok(read) => {
                self.unreadable[i] = read.unreadable;
                Document::open(read.text, 0)
            }
            Err(reason) => {
                self.unreadable[i] = None;
                configurations.problem(privlint_files::not_checked(&privlint_files::PathError {
                    path: path.clone(),
                    reason,
                }));
                Document::open(String::new(), 0)
            }
        }
    }
}

/// The absolute path of a document, as declarations' files are kept.
fn path_of(uri: &Uri) -> Option<PathBuf> {
    std::path::absolute(uri.to_file_path()?).ok()
}

struct State {
    documents: HashMap<Uri, Document>,
    /// The declarations of several files that open documents belong to.
    groups: HashMap<DeclarationKey, Group>,
    /// The declaration each file of [`Self::groups`] is in.
    member_of: HashMap<PathBuf, DeclarationKey>,
    /// Publications computed ahead of their turn: a declaration's check publishes several
    /// files. Published before the queued documents.
    ready: VecDeque<Publication>,
    unit: ColumnUnit,
    configurations: Configurations,
    /// Whether the editor lets the server ask to be told when files change.
    can_watch_files: bool,
    /// Documents whose diagnostics are to be published (or cleared, once closed), each once,
    /// oldest first.
    unpublished: VecDeque<Uri>,
}

impl State {
    fn queue(&mut self, uri: &Uri) {
        if !self.unpublished.contains(uri) {
            self.unpublished.push_back(uri.clone());
        }
    }

    /// The declaration of several files a document is in, if it is in one with an open file.
    fn group_of(&self, uri: &Uri) -> Option<DeclarationKey> {
        if self.member_of.is_empty() {
            return None;
        }
        self.member_of.get(&path_of(uri)?).cloned()
    }

    /// Adds an open document to its declaration of several files, if it is in one.
    fn join(&mut self, uri: &Uri) {
        let Some((key, paths)) = self.configurations.declaration_of(uri) else {
            return;
        };
        let Some(path) = path_of(uri) else {
            return;
        };
        let group = self.groups.entry(key.clone()).or_insert_with(|| {
            for path in &paths {
                self.member_of.insert(path.clone(), key.clone());
            }
            Group::new(&key, paths)
        });
        if let Some(i) = group.index(&path) {
            group.uris[i] = uri.clone();
            group.disk[i] = None;
            group.unreadable[i] = None;
            group.stale = true;
        }
    }

    /// A document of a declaration was closed: its file is read from disk again, or, when it
    /// was the declaration's last open file, the declaration is dropped and the diagnostics of
    /// its files are cleared.
    fn leave(&mut self, key: &DeclarationKey, uri: &Uri, closed: Option<Document>) {
        let documents = &self.documents;
        let Some(group) = self.groups.get_mut(key) else {
            return;
        };
        if group.uris.iter().any(|u| documents.contains_key(u)) {
            if let Some(i) = group.uris.iter().position(|u| u == uri) {
                let disk = group.read_from_disk(i, &mut self.configurations);
                // The buffer's caches still serve when the file on disk is the same text.
                group.disk[i] = Some(match closed {
                    Some(mut doc) if doc.text == disk.text => {
                        doc.version = 0;
                        doc
                    }
                    _ => disk,
                });
                group.stale = true;
            }
            return;
        }
        let group = self.groups.remove(key).expect("looked up above");
        for path in &group.paths {
            self.member_of.remove(path);
        }
        self.clear_published(group);
    }

    /// Clears what was published for the files of a declaration that are no longer in it and
    /// not open.
    fn clear_published(&mut self, group: Group) {
        for (uri, published) in group.uris.into_iter().zip(group.published) {
            if published.is_some() && !self.documents.contains_key(&uri) {
                self.ready.push_back(Publication {
                    uri,
                    version: None,
                    diagnostics: Vec::new(),
                });
            }
        }
    }

    /// Finds again which declaration each open document is in (privlint.toml changed, or a
    /// `.privacy` file was created or deleted). The files read from disk are kept, except
    /// those in `changed`.
    fn regroup(&mut self, changed: &[PathBuf]) {
        let old: Vec<(DeclarationKey, Group)> = self.groups.drain().collect();
        self.member_of.clear();
        let open: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in &open {
            self.join(uri);
        }
        for (_, mut group) in old {
            for i in 0..group.paths.len() {
                let path = &group.paths[i];
                let kept = self
                    .member_of
                    .get(path)
                    .and_then(|key| self.groups.get_mut(key))
                    .and_then(|g| g.index(path).map(|j| (g, j)));
                if let Some((new, j)) = kept {
                    if !self.documents.contains_key(&new.uris[j]) && !changed.contains(path) {
                        new.disk[j] = group.disk[i].take();
                        new.unreadable[j] = group.unreadable[i].take();
                    }
                    new.published[j] = group.published[i].take();
                }
            }
            self.clear_published(group);
        }
    }

    /// Checks a declaration of several files if a file changed, and makes ready the
    /// publication of every file whose diagnostics (or version) changed.
    fn check_group(&mut self, key: &DeclarationKey) {
        let unit = self.unit;
        let settings = match Uri::from_file_path(&key.0) {
            Some(config) => self.configurations.settings_for(&config),
            None => Settings::default(),
        };
        let Some(group) = self.groups.get_mut(key) else {
            return;
        };
        let documents = &mut self.documents;
        let n = group.paths.len();
        if group.stale {
            for i in 0..n {
                if !documents.contains_key(&group.uris[i]) && group.disk[i].is_none() {
                    group.disk[i] = Some(group.read_from_disk(i, &mut self.configurations));
                }
            }
            let mut sections = Vec::with_capacity(n);
            for i in 0..n {
                let doc = match documents.get_mut(&group.uris[i]) {
                    Some(doc) => doc,
                    None => group.disk[i].as_mut().expect("read above"),
                };
                sections.push(doc.sections());
            }
            let combined = {
                let parts: Vec<(&str, &[privlint_core::syntax::Section])> = (0..n)
                    .map(|i| {
                        let doc = documents
                            .get(&group.uris[i])
                            .or(group.disk[i].as_ref())
                            .expect("read above");
                        (doc.text.as_str(), sections[i].as_slice())
                    })
                    .collect();
                Combined::from_sections(&parts)
            };
            let (model, diagnostics) = combined.analyze(&settings);
            let mut per_file: Vec<Vec<privlint_core::Diagnostic>> = vec![Vec::new(); n];
            for (file, d) in combined.split(diagnostics) {
                per_file[file].push(d);
            }
            for (i, unreadable) in group.unreadable.iter().enumerate() {
                if !documents.contains_key(&group.uris[i]) {
                    per_file[i].extend(unreadable.clone());
                }
            }
            let model = Arc::new(model);
            for (i, diagnostics) in per_file.into_iter().enumerate() {
                let doc = match documents.get_mut(&group.uris[i]) {
                    Some(doc) => doc,
                    None => group.disk[i].as_mut().expect("read above"),
                };
                doc.set_analysis(model.clone(), Arc::new(diagnostics));
            }
            group.starts = combined.starts;
            group.stale = false;
        }
        let members = (0..n)
            .filter_map(|i| {
                let doc = documents.get(&group.uris[i]).or(group.disk[i].as_ref())?;
                Some((&group.uris[i], doc))
            })
            .collect::<Vec<_>>();
        if members.len() != n {
            return; // not checked yet (a file was closed meanwhile): the next check publishes
        }
        let files = Files {
            starts: &group.starts,
            members,
            unit,
        };
        for (i, (uri, doc)) in files.members.iter().enumerate() {
            let version = (doc.version > 0).then_some(doc.version);
            let changed = match &group.published[i] {
                None => true,
                Some((v, d)) => {
                    *v != version || (!Arc::ptr_eq(d, &doc.diagnostics) && **d != *doc.diagnostics)
                }
            };
            if changed {
                self.ready
                    .push_back(Publication::of((*uri).clone(), doc, unit, Some(&files)));
                group.published[i] = Some((version, doc.diagnostics.clone()));
            }
        }
    }

    /// Runs `f` on an open document of a declaration of several files, checked with the
    /// others, its positions able to name them.
    fn with_member<T>(
        &mut self,
        key: &DeclarationKey,
        uri: &Uri,
        reads: Reads,
        f: impl FnOnce(Positions) -> T,
    ) -> Option<T> {
        self.check_group(key);
        if reads == Reads::All {
            self.documents.get_mut(uri)?.reparse();
        }
        let group = self.groups.get(key)?;
        let doc = self.documents.get(uri)?;
        let members = (0..group.paths.len())
            .map(|i| {
                let doc = self
                    .documents
                    .get(&group.uris[i])
                    .or(group.disk[i].as_ref())?;
                Some((&group.uris[i], doc))
            })
            .collect::<Option<Vec<_>>>()?;
        let files = Files {
            starts: &group.starts,
            members,
            unit: self.unit,
        };
        Some(f(Positions {
            doc,
            unit: self.unit,
            files: Some(&files),
        }))
    }

    /// An open document, checked if its text changed since it was last checked.
    fn checked(&mut self, uri: &Uri) -> Option<&mut Document> {
        if let Some(key) = self.group_of(uri) {
            self.check_group(&key);
            return self.documents.get_mut(uri);
        }
        if let Some(settings) = self.settings_if_stale(uri) {
            self.documents.get_mut(uri)?.refresh(&settings);
        }
        self.documents.get_mut(uri)
    }

    /// The settings to check a document with, if its analysis is stale (never for a file of a
    /// declaration of several files: that is checked with the others, in place).
    fn settings_if_stale(&mut self, uri: &Uri) -> Option<Settings> {
        if self.group_of(uri).is_some() {
            return None;
        }
        let stale = self.documents.get(uri)?.analysis_is_stale();
        stale.then(|| self.configurations.settings_for(uri))
    }

    /// What to publish for the next queued document, as its text is now.
    fn next(&mut self) -> Option<Next> {
        loop {
            if let Some(p) = self.ready.pop_front() {
                return Some(Next::Publish(p));
            }
            let uri = self.unpublished.front()?.clone();
            match self.group_of(&uri) {
                Some(key) => {
                    self.unpublished.pop_front();
                    self.check_group(&key);
                }
                None => break,
            }
        }
        let uri = self.unpublished.pop_front()?;
        let unit = self.unit;
        let large = self.documents.get(&uri).map(|d| d.text.len() >= LARGE);
        if large == Some(true)
            && let Some(settings) = self.settings_if_stale(&uri)
            && let Some(doc) = self.documents.get_mut(&uri)
        {
            let snapshot = Box::new(doc.snapshot());
            return Some(Next::Check {
                uri,
                snapshot,
                settings,
                unit,
            });
        }
        Some(Next::Publish(match self.checked(&uri) {
            Some(doc) => Publication::of(uri, doc, unit, None),
            None => Publication {
                uri,
                version: None,
                diagnostics: Vec::new(),
            },
        }))
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A handler that panicked cannot leave the documents half-edited (edits are applied
    // before anything can panic), so a poisoned lock is still usable.
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Publishes the queued documents' diagnostics, one document at a time, each checked as it is
/// when its turn comes.
async fn publisher(client: Client, state: Arc<Mutex<State>>, queued: Arc<Notify>) {
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
async fn aside<T: Send + 'static>(
    state: &Arc<Mutex<State>>,
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

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// Wakes the [`publisher`].
    queued: Arc<Notify>,
    workers: Arc<Semaphore>,
    /// Whether the editor asked for `shutdown` (the exit status depends on it).
    shut_down: Arc<AtomicBool>,
}

impl Backend {
    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    /// Queues the diagnostics of a document, to be published once edits stop coming.
    fn publish(&self, state: &mut State, uri: &Uri) {
        state.queue(uri);
        self.queued.notify_one();
    }

    /// Logs a message to the editor without waiting for it.
    fn log(&self, kind: MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }

    /// Re-checks every open document (after a configuration change), finding again the
    /// declarations they are in.
    fn refresh_all(&self) {
        let mut state = self.state();
        state.regroup(&[]);
        let uris: Vec<Uri> = state.documents.keys().cloned().collect();
        for uri in uris {
            if let Some(doc) = state.documents.get_mut(&uri) {
                doc.settings_changed();
            }
            self.publish(&mut state, &uri);
        }
    }

    /// Runs `f` on a document, if it is open.
    ///
    /// On a large document, `f` runs [`aside`] (after the check, if the text changed), so that
    /// the server goes on reading messages meanwhile: a `$/cancelRequest` for it is answered at
    /// once, and other requests are not held up. A cancelled job cannot be stopped half-way
    /// (core has no cancellation points), but it holds a worker until it ends, so at most
    /// [`WORKERS`] run. When the text changes before the result is ready, the answer is
    /// `ContentModified`: its positions would be those of an older text.
    async fn with_document<T, F>(&self, uri: &Uri, reads: Reads, f: F) -> Result<Option<T>>
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
                workspace_symbol_provider: Some(OneOf::Left(true)),
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
                    commands: vec![
                        "privlint.explainRule".into(),
                        features::PREVIEW_NOTICE.into(),
                        features::LIST_RULES.into(),
                    ],
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
    /// read again, and when a `.privacy` file changes on disk, so that the files of a
    /// declaration that are not open are read again (a `git pull`, another editor's save). The
    /// request is sent from a task of its own: a handler never waits for the editor.
    async fn initialized(&self, _: InitializedParams) {
        if !self.state().can_watch_files {
            return;
        }
        let client = self.client.clone();
        let watchers = [
            format!("**/{}", privlint_core::config::FILE_NAME),
            "**/*.privacy".to_string(),
        ]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob),
            kind: None,
        })
        .collect();
        let registration = Registration {
            id: "privlint-configuration".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        tokio::spawn(async move {
            if let Err(error) = client.register_capability(vec![registration]).await {
                let message = format!(
                    "could not watch {} and .privacy files, so changes to them on disk apply when a document is reopened: {error}",
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
        // Read now so that a broken privlint.toml is reported when the document opens.
        state.configurations.settings_for(&item.uri);
        if let Some(problem) = state.configurations.take_problem() {
            self.log(MessageType::WARNING, problem);
        }
        // Parsed and checked by the publisher (aside when it is large).
        let doc = Document::open(item.text, item.version);
        state.documents.insert(item.uri.clone(), doc);
        // A file of a declaration of several files: the others are read from disk.
        state.join(&item.uri);
        if let Some(problem) = state.configurations.take_problem() {
            self.log(MessageType::WARNING, problem);
        }
        self.publish(&mut state, &item.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let mut state = self.state();
        let unit = state.unit;
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
        if let Some(key) = state.group_of(&uri)
            && let Some(group) = state.groups.get_mut(&key)
        {
            group.stale = true;
        }
        // Checked by the publisher, once the edits stop coming.
        self.publish(&mut state, &uri);
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
        let mut state = self.state();
        let closed = state.documents.remove(&uri);
        if let Some(key) = state.group_of(&uri) {
            state.leave(&key, &uri, closed);
        }
        // Queued like an edit, so that diagnostics published for the open document cannot
        // come after the empty ones.
        self.publish(&mut state, &uri);
    }

    /// A privlint.toml changed: the configuration is read again and every document checked
    /// again. A `.privacy` file created or deleted may change which files a declaration has; one
    /// changed is read again if it is a file of a declaration that is not open (an open one is
    /// the editor's buffer).
    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let is_config = |e: &FileEvent| {
            e.uri
                .as_str()
                .ends_with(&format!("/{}", privlint_core::config::FILE_NAME))
        };
        // No change named: anything may have changed.
        if params.changes.is_empty() || params.changes.iter().any(is_config) {
            self.state().configurations.clear();
            self.refresh_all();
            return;
        }
        let mut state = self.state();
        let changed: Vec<PathBuf> = params
            .changes
            .iter()
            .filter_map(|e| path_of(&e.uri))
            .collect();
        if params
            .changes
            .iter()
            .any(|e| e.typ != FileChangeType::CHANGED)
        {
            state.configurations.clear();
            state.regroup(&changed);
            let keys: Vec<DeclarationKey> = state.groups.keys().cloned().collect();
            for key in keys {
                if let Some(group) = state.groups.get_mut(&key) {
                    group.stale = true;
                    let uri = group.uris[0].clone();
                    self.publish(&mut state, &uri);
                }
            }
            // Documents that left a declaration are checked alone again.
            let uris: Vec<Uri> = state.documents.keys().cloned().collect();
            for uri in uris {
                if state.group_of(&uri).is_none()
                    && let Some(doc) = state.documents.get_mut(&uri)
                {
                    doc.settings_changed();
                    self.publish(&mut state, &uri);
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
            group.stale = true;
            let uri = group.uris[i].clone();
            self.publish(state, &uri);
        }
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

    /// The IDs defined in the open documents and the declarations they are in.
    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let query = params.query;
        let mut state = self.state();
        let mut symbols = Vec::new();
        let keys: Vec<DeclarationKey> = state.groups.keys().cloned().collect();
        for key in keys {
            let Some(uri) = state
                .groups
                .get(&key)
                .and_then(|g| g.uris.iter().find(|u| state.documents.contains_key(u)))
                .cloned()
            else {
                continue;
            };
            let found = state.with_member(&key, &uri, Reads::Text, |at| {
                features::workspace_symbols(at, &uri, &query)
            });
            symbols.extend(found.unwrap_or_default());
        }
        let unit = state.unit;
        let alone: Vec<Uri> = state
            .documents
            .keys()
            .filter(|u| state.group_of(u).is_none())
            .cloned()
            .collect();
        for uri in alone {
            if let Some(doc) = state.checked(&uri) {
                symbols.extend(features::workspace_symbols(
                    Positions::new(doc, unit),
                    &uri,
                    &query,
                ));
            }
        }
        if !state.ready.is_empty() {
            self.queued.notify_one();
        }
        Ok(Some(WorkspaceSymbolResponse::Flat(symbols)))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let position = p.position;
        self.with_document(&p.text_document.uri, Reads::All, move |at| {
            features::hover(at, position)
        })
        .await
        .map(Option::flatten)
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let position = p.position;
        Ok(self
            .with_document(&p.text_document.uri, Reads::All, move |at| {
                features::completion(at, position)
            })
            .await?
            .map(CompletionResponse::Array))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri.clone();
        Ok(self
            .with_document(&p.text_document.uri, Reads::All, move |at| {
                features::definition(at, &uri, p.position)
            })
            .await?
            .flatten()
            .map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri.clone();
        let with_definition = params.context.include_declaration;
        self.with_document(&p.text_document.uri, Reads::All, move |at| {
            features::references(at, &uri, p.position, with_definition)
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let position = params.position;
        Ok(self
            .with_document(&params.text_document.uri, Reads::All, move |at| {
                features::prepare_rename(at, position)
            })
            .await?
            .flatten()
            .map(PrepareRenameResponse::Range))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri.clone();
        let new_name = params.new_name;
        match self
            .with_document(&p.text_document.uri, Reads::All, move |at| {
                features::rename(at, &uri, p.position, &new_name)
            })
            .await?
        {
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
            .with_document(
                &params.text_document.uri,
                Reads::All,
                features::document_symbols,
            )
            .await?
            .map(DocumentSymbolResponse::Nested))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.with_document(
            &params.text_document.uri,
            Reads::All,
            features::folding_ranges,
        )
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let range = params.range;
        self.with_document(&params.text_document.uri, Reads::All, move |at| {
            features::code_actions(at, &uri, range)
                .into_iter()
                .map(CodeActionOrCommand::CodeAction)
                .collect()
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        self.with_document(&params.text_document.uri, Reads::Text, features::formatting)
            .await
            .map(Option::flatten)
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        if params.command == features::PREVIEW_NOTICE {
            return self.preview_notice(&params.arguments).await;
        }
        if params.command == features::LIST_RULES {
            return Ok(Some(features::list_rules()));
        }
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
    /// `privlint.previewNotice { uri, language?, format? }`: the notice of an open document as
    /// its text is now (see [`features::preview_notice`]).
    async fn preview_notice(
        &self,
        arguments: &[serde_json::Value],
    ) -> Result<Option<serde_json::Value>> {
        let request =
            features::NoticeRequest::from_arguments(arguments).map_err(Error::invalid_params)?;
        let uri = request.uri.clone();
        match self
            .with_document(&uri, Reads::All, move |at| {
                features::preview_notice(at, &request)
            })
            .await?
        {
            Some(preview) => Ok(Some(preview)),
            None => Err(Error::invalid_params(format!(
                "{} is not open in the editor",
                uri.as_str()
            ))),
        }
    }

    /// The answer to a message that could not be decoded (see [`wire`]).
    async fn malformed(&self) -> Result<()> {
        Err(Error::parse_error())
    }
}

/// Builds the service; used by [`run_stdio`] and by in-process tests.
pub fn service() -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    LspService::build(|client| {
        let state = Arc::new(Mutex::new(State {
            documents: HashMap::new(),
            groups: HashMap::new(),
            member_of: HashMap::new(),
            ready: VecDeque::new(),
            unit: ColumnUnit::Utf16,
            configurations: Configurations::default(),
            can_watch_files: false,
            unpublished: VecDeque::new(),
        }));
        let queued = Arc::new(Notify::new());
        tokio::spawn(publisher(client.clone(), state.clone(), queued.clone()));
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
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let shut_down = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // The thread reading stdin blocks until the editor closes the pipe; do not wait for it.
    runtime.shutdown_background();
    Ok(shut_down)
}
