//! A declaration of several files (`[[declarations]]` in privlint.toml) with at least one of
//! them open: its files, the open ones from the editor's buffers, the others read from disk.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use privlint_core::NotUtf8;
use tower_lsp_server::ls_types::Uri;

use crate::document::{Document, next_generation};
use crate::session::Published;
use crate::settings::{Configurations, DeclarationKey};

/// A declaration of several files with at least one of them open.
pub(crate) struct Group {
    /// Its files, absolute, in path order.
    pub(crate) paths: Vec<PathBuf>,
    /// The URI each file is published under (the editor's, once it opened the file).
    pub(crate) uris: Vec<Uri>,
    /// The directory of its configuration, which its files stay in.
    pub(crate) dir: PathBuf,
    /// The files not open in the editor, as read from disk (`None`: open, or not read yet).
    pub(crate) disk: Vec<Option<Document>>,
    /// Where a file read from disk stops being UTF-8, for its `invalid-utf8` finding (written
    /// in the language of each check).
    pub(crate) unreadable: Vec<Option<NotUtf8>>,
    /// Whether a file changed since the last check.
    pub(crate) stale: bool,
    /// Changes with every change of a file, so that a check done off the lock can tell whether
    /// it still applies. Unique across groups: a declaration found again is another one.
    pub(crate) generation: u64,
    /// Where each file started in the text of the last check (the model's spans count there);
    /// empty until the files as they are now have been checked once.
    pub(crate) starts: Vec<usize>,
    /// What was last published for each file: its version and diagnostics.
    pub(crate) published: Vec<Option<Published>>,
}

impl Group {
    pub(crate) fn new(key: &DeclarationKey, paths: Vec<PathBuf>) -> Group {
        let n = paths.len();
        Group {
            dir: key.0.parent().map(PathBuf::from).unwrap_or_default(),
            unreadable: vec![None; n],
            uris: paths.iter().map(|p| uri_of(p)).collect(),
            paths,
            disk: (0..n).map(|_| None).collect(),
            stale: true,
            generation: next_generation(),
            starts: Vec::new(),
            published: vec![None; n],
        }
    }

    /// A file changed: the declaration is to be checked again, and a check under way is of
    /// an older text.
    pub(crate) fn touch(&mut self) {
        self.stale = true;
        self.generation = next_generation();
    }

    /// Whether the model's spans are laid out as its files are now (see [`Self::starts`]).
    pub(crate) fn is_laid_out(&self) -> bool {
        self.starts.len() == self.paths.len()
    }

    /// Files joined the declaration or left it (created or deleted): its lists are rebuilt in
    /// one pass, in path order. Its model's layout no longer applies until it is checked again.
    /// Returns the URIs of the files that left, each with whether something was published for
    /// it, and the documents read from disk of those files, to drop off the lock.
    pub(crate) fn apply(
        &mut self,
        mut joined: Vec<PathBuf>,
        left: &HashSet<PathBuf>,
    ) -> (Vec<(Uri, bool)>, Vec<Document>) {
        joined.sort();
        joined.dedup();
        joined.retain(|p| self.index(p).is_none());
        let n = self.paths.len() + joined.len();
        let paths = std::mem::replace(&mut self.paths, Vec::with_capacity(n));
        let uris = std::mem::replace(&mut self.uris, Vec::with_capacity(n));
        let disk = std::mem::replace(&mut self.disk, Vec::with_capacity(n));
        let unreadable = std::mem::replace(&mut self.unreadable, Vec::with_capacity(n));
        let published = std::mem::replace(&mut self.published, Vec::with_capacity(n));
        let mut joined = joined.into_iter().peekable();
        let mut gone = Vec::new();
        let mut dropped = Vec::new();
        let kept = paths
            .into_iter()
            .zip(uris)
            .zip(disk)
            .zip(unreadable)
            .zip(published);
        for ((((path, uri), disk), unreadable), published) in kept {
            while let Some(new) = joined.next_if(|new| *new < path) {
                self.push_new(new);
            }
            if left.contains(&path) {
                gone.push((uri, published.is_some()));
                dropped.extend(disk);
                continue;
            }
            self.paths.push(path);
            self.uris.push(uri);
            self.disk.push(disk);
            self.unreadable.push(unreadable);
            self.published.push(published);
        }
        for new in joined {
            self.push_new(new);
        }
        self.starts.clear();
        self.touch();
        (gone, dropped)
    }

    fn push_new(&mut self, path: PathBuf) {
        self.uris.push(uri_of(&path));
        self.paths.push(path);
        self.disk.push(None);
        self.unreadable.push(None);
        self.published.push(None);
    }

    pub(crate) fn index(&self, path: &Path) -> Option<usize> {
        self.paths.binary_search_by(|p| p.as_path().cmp(path)).ok()
    }

    /// Reads its `i`th file from disk, as the command line reads it
    /// ([`privlint_files::read_member`]: a regular file inside the configuration's directory,
    /// at most 32 MB, decoded). One that cannot be read counts as empty, and why is said; one
    /// that is not UTF-8 counts as empty, with its `invalid-utf8` finding.
    pub(crate) fn read_from_disk(
        &mut self,
        i: usize,
        configurations: &mut Configurations,
    ) -> Document {
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

/// The URI a file of a declaration is published under until the editor opens it.
fn uri_of(path: &Path) -> Uri {
    Uri::from_file_path(path).unwrap_or_else(|| "file:///".parse().unwrap())
}
