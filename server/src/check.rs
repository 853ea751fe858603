//! The checks the worker runs: on snapshots taken under the session's lock, then run without
//! it, on a blocking thread, so that neither the lock nor the thread reading messages waits for
//! them. [`crate::session::Session::finish`] applies a result only when nothing changed since
//! its snapshot; otherwise it is discarded (the change queued the document again).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use privlint_core::combined::Combined;
use privlint_core::lang::Language;
use privlint_core::syntax::Section;
use privlint_core::{Diagnostic, Model, Settings};
use tower_lsp_server::ls_types::Uri;

use crate::document::Document;
use crate::settings::DeclarationKey;

/// Set when what a check is of changes. A check that has not started yet is skipped; core's
/// checks take no token yet, so one under way runs to its end and its result is discarded by
/// generation. Once core offers cancellation, [`Job::run`] passes this token on.
#[derive(Clone, Default)]
pub(crate) struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub(crate) fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub(crate) fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// What a check is of: a document alone, or a declaration of several files.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    Alone(Uri),
    Declaration(DeclarationKey),
    /// Files created or deleted.
    Files,
}

/// A check to run off the lock.
pub(crate) enum Job {
    Alone {
        uri: Uri,
        snapshot: Box<Document>,
        settings: Settings,
    },
    Declaration {
        key: DeclarationKey,
        /// The declaration's [`crate::group::Group::generation`] when the snapshots were taken.
        generation: u64,
        /// Its files, in its order.
        snapshots: Vec<Document>,
        settings: Settings,
    },
    /// `.privacy` files created or deleted, each with the directory of the configuration whose
    /// declarations it may join or leave: whether a search of that directory finds it now.
    Files(Vec<(PathBuf, PathBuf)>),
}

/// A check done: the snapshots (with their caches, to be given back) and what was found.
pub(crate) enum Done {
    Alone {
        uri: Uri,
        snapshot: Box<Document>,
    },
    Declaration {
        key: DeclarationKey,
        generation: u64,
        snapshots: Vec<Document>,
        /// `None`: skipped, because it was cancelled before it started.
        found: Option<Found>,
    },
    /// Each file created or deleted, and whether a search of its directory finds it.
    Files(Vec<(PathBuf, bool)>),
}

/// What the check of a declaration of several files found.
pub(crate) struct Found {
    pub(crate) model: Arc<Model>,
    /// Each file's diagnostics, with spans in that file.
    pub(crate) per_file: Vec<Vec<Diagnostic>>,
    /// Where each file starts in the text the model's spans count in.
    pub(crate) starts: Vec<usize>,
    /// The language the findings are written in.
    pub(crate) language: Language,
}

impl Job {
    pub(crate) fn subject(&self) -> Subject {
        match self {
            Job::Alone { uri, .. } => Subject::Alone(uri.clone()),
            Job::Declaration { key, .. } => Subject::Declaration(key.clone()),
            Job::Files(_) => Subject::Files,
        }
    }

    pub(crate) fn run(self, cancel: &Cancel) -> Done {
        match self {
            Job::Alone {
                uri,
                mut snapshot,
                settings,
            } => {
                if !cancel.is_cancelled() {
                    snapshot.refresh(&settings);
                }
                Done::Alone { uri, snapshot }
            }
            Job::Declaration {
                key,
                generation,
                mut snapshots,
                settings,
            } => {
                let found =
                    (!cancel.is_cancelled()).then(|| check_declaration(&mut snapshots, &settings));
                Done::Declaration {
                    key,
                    generation,
                    snapshots,
                    found,
                }
            }
            Job::Files(files) => {
                // One search per configuration's directory, narrowed to the files of the batch.
                let mut by_dir: HashMap<PathBuf, Vec<PathBuf>> = HashMap::new();
                for (file, dir) in files {
                    by_dir.entry(dir).or_default().push(file);
                }
                let mut found = Vec::new();
                for (dir, files) in by_dir {
                    let now = privlint_files::found_in(&dir, &files);
                    found.extend(files.into_iter().map(|f| {
                        let exists = now.contains(&f);
                        (f, exists)
                    }));
                }
                Done::Files(found)
            }
        }
    }
}

/// Lays the files of a declaration end to end ([`Combined::from_sections`]: each file reads
/// again only its changed sections), models and checks the whole, and splits the findings by
/// file.
fn check_declaration(files: &mut [Document], settings: &Settings) -> Found {
    let sections: Vec<Arc<Vec<Section>>> = files.iter_mut().map(Document::sections).collect();
    let parts: Vec<(&str, &[Section])> = files
        .iter()
        .zip(&sections)
        .map(|(doc, sections)| (doc.text.as_str(), sections.as_slice()))
        .collect();
    let combined = Combined::from_sections(&parts);
    let (model, diagnostics) = combined.analyze(settings);
    let mut per_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); files.len()];
    for (file, d) in combined.split(diagnostics) {
        per_file[file].push(d);
    }
    Found {
        model: Arc::new(model),
        per_file,
        starts: combined.starts,
        language: settings.language,
    }
}
