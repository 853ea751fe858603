//! What the server knows between messages: the open documents, the declarations of several
//! files they are in, the settings, and what is queued for publication. Every handler changes
//! it synchronously, under one `std::sync::Mutex` never held across an `.await`, so edits are
//! applied in the order they arrive.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use privlint_core::combined::Combined;
use privlint_core::{ColumnUnit, Settings};
use tower_lsp_server::ls_types::{Diagnostic, Uri};

use crate::convert::{Files, Positions, diagnostic};
use crate::document::Document;
use crate::group::Group;
use crate::scheduler::{LARGE, Next, Reads};
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
}

impl Session {
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
            group.stale = true;
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
    pub(crate) fn clear_published(&mut self, group: Group) {
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
    pub(crate) fn regroup(&mut self, changed: &[PathBuf]) {
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
    pub(crate) fn check_group(&mut self, key: &DeclarationKey) {
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
    pub(crate) fn with_member<T>(
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
    pub(crate) fn checked(&mut self, uri: &Uri) -> Option<&mut Document> {
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
    pub(crate) fn settings_if_stale(&mut self, uri: &Uri) -> Option<Settings> {
        if self.group_of(uri).is_some() {
            return None;
        }
        let stale = self.documents.get(uri)?.analysis_is_stale();
        stale.then(|| self.configurations.settings_for(uri))
    }

    /// What to publish for the next queued document, as its text is now.
    pub(crate) fn next(&mut self) -> Option<Next> {
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

pub(crate) fn lock(state: &Mutex<Session>) -> MutexGuard<'_, Session> {
    // A handler that panicked cannot leave the documents half-edited (edits are applied
    // before anything can panic), so a poisoned lock is still usable.
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
