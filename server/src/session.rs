//! What the server knows between messages: the open documents, the declarations of several
//! files they are in, the settings, and what is queued for publication. Every handler changes
//! it synchronously, under one `std::sync::Mutex` never held across an `.await`, so edits are
//! applied in the order they arrive.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use privlint_core::rules::InvalidUtf8;
use privlint_core::{ColumnUnit, Settings};
use tower_lsp_server::ls_types::{Diagnostic, Range, TextDocumentContentChangeEvent, Uri};

use crate::check::{Cancel, Done, Job, Subject};
use crate::convert::{Files, Positions, core_position, diagnostic};
use crate::document::Document;
use crate::group::Group;
use crate::scheduler::{Next, Reads};
use crate::settings::{Configurations, DeclarationKey};

/// Diagnostics ready to publish.
pub(crate) struct Publication {
    pub(crate) uri: Uri,
    pub(crate) version: Option<i32>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Publication {
    pub(crate) fn of(
        uri: Uri,
        doc: &Document,
        unit: ColumnUnit,
        files: Option<&Files>,
    ) -> Publication {
        let at = Positions { doc, unit, files };
        let diagnostics = doc
            .diagnostics
            .iter()
            .map(|d| diagnostic(at, &uri, d))
            .collect();
        Publication {
            version: (doc.version > 0).then_some(doc.version),
            uri,
            diagnostics,
        }
    }
}
/// A change to a document the editor has not opened.
#[derive(Debug)]
pub(crate) struct NotOpen;

/// What was published for a file: its version and diagnostics.
pub(crate) type Published = (Option<i32>, Arc<Vec<privlint_core::Diagnostic>>);
/// The absolute path of a document, as declarations' files are kept.
pub(crate) fn path_of(uri: &Uri) -> Option<PathBuf> {
    std::path::absolute(uri.to_file_path()?).ok()
}

pub(crate) struct Session {
    pub(crate) documents: HashMap<Uri, Document>,
    /// The declarations of several files that open documents belong to.
    pub(crate) groups: HashMap<DeclarationKey, Group>,
    /// The declaration each file of [`Self::groups`] is in.
    pub(crate) member_of: HashMap<PathBuf, DeclarationKey>,
    /// Publications computed ahead of their turn: a declaration's check publishes several
    /// files. Published before the queued documents.
    pub(crate) ready: VecDeque<Publication>,
    pub(crate) unit: ColumnUnit,
    pub(crate) configurations: Configurations,
    /// Whether the editor lets the server ask to be told when files change.
    pub(crate) can_watch_files: bool,
    /// Documents whose diagnostics are to be published (or cleared, once closed), each once,
    /// oldest first.
    pub(crate) unpublished: VecDeque<Uri>,
    /// The check under way, and how to cancel it.
    pub(crate) checking: Option<(Subject, Cancel)>,
    /// What was replaced or closed, to be dropped by the worker rather than under the lock.
    pub(crate) superseded: Vec<Box<dyn Send>>,
    /// `.privacy` files created or deleted since the worker last looked: which declarations
    /// they join or leave is found by the worker, before the next check.
    pub(crate) file_events: Vec<PathBuf>,
}

impl Session {
    pub(crate) fn new() -> Session {
        Session {
            documents: HashMap::new(),
            groups: HashMap::new(),
            member_of: HashMap::new(),
            ready: VecDeque::new(),
            unit: ColumnUnit::Utf16,
            configurations: Configurations::default(),
            can_watch_files: false,
            unpublished: VecDeque::new(),
            checking: None,
            superseded: Vec::new(),
            file_events: Vec::new(),
        }
    }

    /// A document opened: kept, not parsed or checked yet (the worker does that), and joined
    /// to its declaration of several files, if it is in one (the others are read from disk).
    /// Returns what to tell the person (a broken privlint.toml, a file not read).
    pub(crate) fn open(&mut self, uri: &Uri, text: String, version: i32) -> Vec<String> {
        // Read now so that a broken privlint.toml is reported when the document opens.
        self.configurations.settings_for(uri);
        let mut problems: Vec<String> = self.configurations.take_problem().into_iter().collect();
        self.documents
            .insert(uri.clone(), Document::open(text, version));
        self.join(uri);
        problems.extend(self.configurations.take_problem());
        problems
    }

    /// Applies the changes of a `didChange`, in order. Returns the ranges of those refused
    /// (outside the document), which change nothing.
    pub(crate) fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> Result<Vec<Range>, NotOpen> {
        let unit = self.unit;
        let doc = self.documents.get_mut(uri).ok_or(NotOpen)?;
        let mut refused = Vec::new();
        for change in changes {
            match change.range {
                None => doc.replace(change.text),
                Some(range) => {
                    let start = core_position(range.start);
                    let end = core_position(range.end);
                    if doc.edit(start, end, &change.text, unit).is_err() {
                        refused.push(range);
                    }
                }
            }
        }
        doc.version = version;
        self.changed(uri);
        Ok(refused)
    }

    pub(crate) fn queue(&mut self, uri: &Uri) {
        if !self.unpublished.contains(uri) {
            self.unpublished.push_back(uri.clone());
        }
    }

    /// The declaration of several files a document is in, if it is in one with an open file.
    pub(crate) fn group_of(&self, uri: &Uri) -> Option<DeclarationKey> {
        if self.member_of.is_empty() {
            return None;
        }
        self.member_of.get(&path_of(uri)?).cloned()
    }

    /// Adds an open document to its declaration of several files, if it is in one.
    pub(crate) fn join(&mut self, uri: &Uri) {
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
            group.touch();
        }
    }

    /// A document of a declaration was closed: its file is read from disk again, or, when it
    /// was the declaration's last open file, the declaration is dropped and the diagnostics of
    /// its files are cleared.
    pub(crate) fn leave(&mut self, key: &DeclarationKey, uri: &Uri, closed: Option<Document>) {
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
                    closed => {
                        self.superseded.push(Box::new(closed));
                        disk
                    }
                });
                group.touch();
            }
            return;
        }
        self.discard(closed);
        let group = self.groups.remove(key).expect("looked up above");
        for path in &group.paths {
            self.member_of.remove(path);
        }
        self.clear_published(group);
    }

    /// Clears what was published for the files of a declaration that are no longer in it and
    /// not open.
    pub(crate) fn clear_published(&mut self, mut group: Group) {
        let disk = std::mem::take(&mut group.disk);
        self.discard(disk);
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

    /// Finds again which declaration each open document is in (privlint.toml or the editor's
    /// settings changed). The files read from disk are kept.
    pub(crate) fn regroup(&mut self) {
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
                    if !self.documents.contains_key(&new.uris[j]) {
                        new.disk[j] = group.disk[i].take();
                        new.unreadable[j] = group.unreadable[i].take();
                    }
                    new.published[j] = group.published[i].take();
                }
            }
            self.clear_published(group);
        }
    }

    /// The check of a declaration of several files, on snapshots of its files, if a file
    /// changed since its last check. Files not read yet are read from disk first.
    fn declaration_job(&mut self, key: &DeclarationKey) -> Option<Job> {
        let settings = match Uri::from_file_path(&key.0) {
            Some(config) => self.configurations.settings_for(&config),
            None => Settings::default(),
        };
        let group = self.groups.get_mut(key)?;
        if !group.stale {
            return None;
        }
        let documents = &mut self.documents;
        for i in 0..group.paths.len() {
            if !documents.contains_key(&group.uris[i]) && group.disk[i].is_none() {
                group.disk[i] = Some(group.read_from_disk(i, &mut self.configurations));
            }
        }
        let snapshots = (0..group.paths.len())
            .map(|i| match documents.get_mut(&group.uris[i]) {
                Some(doc) => doc.snapshot(),
                None => group.disk[i].as_mut().expect("read above").snapshot(),
            })
            .collect();
        Some(Job::Declaration {
            key: key.clone(),
            generation: group.generation,
            snapshots,
            settings,
        })
    }

    /// Makes ready the publication of every file of a declaration whose diagnostics (or
    /// version) changed since they were last published.
    fn publish_declaration(&mut self, key: &DeclarationKey) {
        let unit = self.unit;
        let Some(group) = self.groups.get_mut(key) else {
            return;
        };
        if group.stale || !group.is_laid_out() {
            return; // its check is queued, and publishes
        }
        let documents = &self.documents;
        let members = (0..group.paths.len())
            .filter_map(|i| {
                let doc = documents.get(&group.uris[i]).or(group.disk[i].as_ref())?;
                Some((&group.uris[i], doc))
            })
            .collect::<Vec<_>>();
        if members.len() != group.paths.len() {
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

    /// Runs `f` on an open document of a declaration of several files, as last checked with
    /// the others, its positions able to name them. `None` until the declaration's files as
    /// they are now have been checked once (the model's spans would name the wrong files).
    pub(crate) fn with_member<T>(
        &mut self,
        key: &DeclarationKey,
        uri: &Uri,
        reads: Reads,
        f: impl FnOnce(Positions) -> T,
    ) -> Option<T> {
        if reads == Reads::All {
            self.documents.get_mut(uri)?.reparse();
        }
        let group = self.groups.get(key)?;
        if !group.is_laid_out() {
            return None;
        }
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

    /// A document changed (or was closed, or its settings changed): its declaration is to be
    /// checked again, and a check of it under way is cancelled.
    pub(crate) fn changed(&mut self, uri: &Uri) {
        let key = self.group_of(uri);
        if let Some(key) = &key
            && let Some(group) = self.groups.get_mut(key)
        {
            group.touch();
        }
        if let Some((subject, cancel)) = &self.checking {
            let concerned = match subject {
                Subject::Alone(checked) => checked == uri,
                Subject::Declaration(checked) => Some(checked) == key.as_ref(),
                Subject::Files => false,
            };
            if concerned {
                cancel.cancel();
            }
        }
    }

    /// Cancels the check under way, whatever it is of (the settings changed).
    pub(crate) fn cancel_check(&mut self) {
        if let Some((_, cancel)) = &self.checking {
            cancel.cancel();
        }
    }

    /// Something to drop off the lock: the worker drops it.
    pub(crate) fn discard(&mut self, leftover: impl Send + 'static) {
        self.superseded.push(Box::new(leftover));
    }

    /// What was discarded since last asked, to drop off the lock.
    pub(crate) fn take_superseded(&mut self) -> Vec<Box<dyn Send>> {
        std::mem::take(&mut self.superseded)
    }

    /// What the publisher does next: publish what is ready, else check the next queued
    /// document (or declaration) if its text changed since its last check, else publish its
    /// diagnostics (cleared, once closed).
    pub(crate) fn next(&mut self) -> Option<Next> {
        loop {
            if let Some(p) = self.ready.pop_front() {
                return Some(Next::Publish(p));
            }
            if !self.file_events.is_empty() {
                let events = std::mem::take(&mut self.file_events);
                let files = events
                    .into_iter()
                    .filter_map(|file| {
                        let dir = self.configurations.declarations_dir(&file)?;
                        Some((file, dir))
                    })
                    .collect();
                return Some(self.start(Job::Files(files)));
            }
            let uri = self.unpublished.pop_front()?;
            if let Some(key) = self.group_of(&uri) {
                match self.declaration_job(&key) {
                    Some(job) => return Some(self.start(job)),
                    None => {
                        self.publish_declaration(&key);
                        continue;
                    }
                }
            }
            let unit = self.unit;
            let Some(doc) = self.documents.get(&uri) else {
                return Some(Next::Publish(Publication {
                    uri,
                    version: None,
                    diagnostics: Vec::new(),
                }));
            };
            if !doc.analysis_is_stale() {
                return Some(Next::Publish(Publication::of(uri, doc, unit, None)));
            }
            let settings = self.configurations.settings_for(&uri);
            let doc = self.documents.get_mut(&uri).expect("looked up above");
            let snapshot = Box::new(doc.snapshot());
            return Some(self.start(Job::Alone {
                uri,
                snapshot,
                settings,
            }));
        }
    }

    fn start(&mut self, job: Job) -> Next {
        let cancel = Cancel::default();
        self.checking = Some((job.subject(), cancel.clone()));
        Next::Check(job, cancel)
    }

    /// Applies a check done off the lock, if what it checked has not changed since; else only
    /// the caches go back to the documents (the change queued them again). The publications
    /// it makes are [`Self::ready`]. Returns what it replaced, to drop off the lock.
    pub(crate) fn finish(&mut self, done: Done) -> Vec<Box<dyn Send>> {
        self.checking = None;
        let unit = self.unit;
        let mut leftovers = self.take_superseded();
        match done {
            Done::Alone { uri, snapshot } => {
                let alone = self.group_of(&uri).is_none();
                if let Some(doc) = self.documents.get_mut(&uri) {
                    let current = alone && doc.generation() == snapshot.generation();
                    leftovers.push(Box::new(doc.adopt(*snapshot)));
                    if current && !doc.analysis_is_stale() {
                        self.ready.push_back(Publication::of(uri, doc, unit, None));
                    }
                }
            }
            Done::Declaration {
                key,
                generation,
                snapshots,
                found,
            } => {
                let documents = &mut self.documents;
                let Some(group) = self
                    .groups
                    .get_mut(&key)
                    .filter(|g| g.generation == generation)
                else {
                    leftovers.push(Box::new(snapshots));
                    return leftovers;
                };
                let Some(found) = found else {
                    leftovers.push(Box::new(snapshots));
                    return leftovers;
                };
                let mut per_file = found.per_file;
                for (i, unreadable) in group.unreadable.iter().enumerate() {
                    if !documents.contains_key(&group.uris[i]) {
                        per_file[i]
                            .extend(unreadable.map(|n| InvalidUtf8::diagnostic(n, found.language)));
                    }
                }
                for (i, (snapshot, diagnostics)) in snapshots.into_iter().zip(per_file).enumerate()
                {
                    let doc = match documents.get_mut(&group.uris[i]) {
                        Some(doc) => doc,
                        None => group.disk[i].as_mut().expect("snapshot taken of it"),
                    };
                    leftovers.push(Box::new(doc.adopt(snapshot)));
                    leftovers.push(Box::new(
                        doc.set_analysis(found.model.clone(), Arc::new(diagnostics)),
                    ));
                }
                group.starts = found.starts;
                group.stale = false;
                self.publish_declaration(&key);
            }
            Done::Files(found) => self.members_changed(&found, &mut leftovers),
        }
        leftovers
    }

    /// Files created or deleted joined or left declarations: each declaration with an open
    /// file is updated for those files alone, and checked again.
    fn members_changed(&mut self, found: &[(PathBuf, bool)], leftovers: &mut Vec<Box<dyn Send>>) {
        let mut by_key: HashMap<DeclarationKey, (Vec<PathBuf>, HashSet<PathBuf>)> = HashMap::new();
        for change in self.configurations.update_members(found) {
            let (joined, left) = by_key.entry((change.config, change.entry)).or_default();
            if change.joined {
                joined.push(change.file);
            } else {
                left.insert(change.file);
            }
        }
        for (key, (joined, left)) in by_key {
            let Some(group) = self.groups.get_mut(&key) else {
                // No open file: nothing is held of it; the next to open reads it as it is.
                continue;
            };
            let (gone, dropped) = group.apply(joined.clone(), &left);
            leftovers.push(Box::new(dropped));
            for path in &left {
                self.member_of.remove(path);
            }
            for path in joined {
                self.member_of.insert(path, key.clone());
            }
            for (uri, published) in gone {
                match self.documents.get_mut(&uri) {
                    // Deleted while open: checked alone from now on.
                    Some(doc) => {
                        doc.settings_changed();
                        self.queue(&uri);
                    }
                    None if published => self.ready.push_back(Publication {
                        uri,
                        version: None,
                        diagnostics: Vec::new(),
                    }),
                    None => {}
                }
            }
            let group = &self.groups[&key];
            match group.uris.iter().find(|u| self.documents.contains_key(*u)) {
                Some(open) => {
                    let open = open.clone();
                    self.queue(&open);
                }
                None => {
                    let group = self.groups.remove(&key).expect("looked up above");
                    for path in &group.paths {
                        self.member_of.remove(path);
                    }
                    self.clear_published(group);
                }
            }
        }
        // A file open alone that now belongs to a declaration joins it.
        let alone: Vec<Uri> = self
            .documents
            .keys()
            .filter(|u| self.group_of(u).is_none())
            .filter(|u| path_of(u).is_some_and(|p| found.iter().any(|(f, _)| *f == p)))
            .cloned()
            .collect();
        for uri in alone {
            self.join(&uri);
            if self.group_of(&uri).is_some() {
                self.queue(&uri);
            }
        }
    }
}

pub(crate) fn lock(state: &Mutex<Session>) -> MutexGuard<'_, Session> {
    // A handler that panicked cannot leave the documents half-edited (edits are applied
    // before anything can panic), so a poisoned lock is still usable.
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests;
