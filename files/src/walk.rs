//! Finding the `.privacy` files named on the command line or under a directory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::config::Configs;
use crate::paths::{directory, display, relative};
use crate::read::NOT_REGULAR;

/// A path that could not be used, with a one-line reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", display(&self.path), self.reason)
    }
}

pub fn is_declaration(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "privacy")
}

/// A file to check.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub path: PathBuf,
    /// Named on the command line, rather than found in a directory: then `exclude` in
    /// `privlint.toml` does not apply (the person asked for it).
    pub explicit: bool,
    /// Found in a directory as a symbolic link (to a file inside the directory searched).
    pub link: bool,
}

impl Found {
    /// Which name a file named several ways is reported under: the one given on the command
    /// line, else its own rather than a link's.
    fn rank(&self) -> (bool, bool) {
        (self.explicit, !self.link)
    }
}

/// What [`collect`] found.
pub struct Collected {
    /// Sorted, and each file once however many ways it was named.
    pub files: Vec<Found>,
    /// Paths that fail the run: missing, not a regular file, a directory without declarations.
    pub errors: Vec<PathError>,
    /// Symbolic links found in a directory and not followed: said, without failing the run.
    pub skipped: Vec<PathError>,
}

/// The files named by `paths`: files as given, directories searched recursively for `.privacy`
/// files, honouring `.gitignore`. A symbolic link found in a directory is followed only to a
/// regular file inside the directory of the configuration that governs it (see
/// [`Configs::boundary`]).
pub fn collect(paths: &[PathBuf], configs: &mut Configs) -> Collected {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(error) => errors.push(PathError {
                path: path.clone(),
                reason: crate::read::io_reason(&error),
            }),
            Ok(meta) if meta.is_dir() => {
                let walked = walk(path, None, |link| {
                    configs.boundary(link).unwrap_or(path.clone())
                });
                if walked.files.is_empty() {
                    errors.push(PathError {
                        path: path.clone(),
                        reason: "no .privacy files in this directory".to_string(),
                    });
                }
                found.extend(walked.files.into_iter().map(|(path, link)| Found {
                    path,
                    explicit: false,
                    link,
                }));
                errors.extend(walked.errors);
                errors.extend(walked.not_regular);
                skipped.extend(walked.links);
            }
            Ok(meta) if !meta.is_file() => errors.push(PathError {
                path: path.clone(),
                reason: NOT_REGULAR.to_string(),
            }),
            Ok(_) => found.push(Found {
                path: path.clone(),
                explicit: true,
                link: false,
            }),
        }
    }
    // One file named several ways (`a.privacy`, `./a.privacy`, its absolute path, a link to
    // it, both named and found in a directory) is checked once.
    let mut by_file = std::collections::HashMap::new();
    let mut unique: Vec<Found> = Vec::new();
    for file in found {
        let key = std::fs::canonicalize(&file.path).unwrap_or_else(|_| file.path.clone());
        match by_file.entry(key) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(unique.len());
                unique.push(file);
            }
            std::collections::hash_map::Entry::Occupied(slot) => {
                let kept = &mut unique[*slot.get()];
                if file.rank() > kept.rank() {
                    *kept = file;
                }
            }
        }
    }
    unique.sort();
    Collected {
        files: unique,
        errors,
        skipped,
    }
}

/// The `.privacy` files under a directory.
pub(crate) struct Walked {
    /// Regular files, and symbolic links to regular files inside their boundary (`true`).
    pub files: Vec<(PathBuf, bool)>,
    /// FIFOs, devices and sockets with a `.privacy` name: reading one could block for ever or
    /// never end, and skipping it silently would hide it.
    pub not_regular: Vec<PathError>,
    /// Symbolic links not followed, and why.
    pub links: Vec<PathError>,
    /// Directories that could not be read.
    pub errors: Vec<PathError>,
}

/// Walks `dir` for `.privacy` files, honouring `.gitignore` and skipping `.git`. A symbolic
/// link is followed when it leads to a regular file inside `boundary(link)`. With `towards`,
/// only the directories on the way to those paths are read: what is found of them is what the
/// whole walk would find (the same ignore files apply on the way), at the cost of the
/// directories they are in.
pub(crate) fn walk(
    dir: &Path,
    towards: Option<&[PathBuf]>,
    mut boundary: impl FnMut(&Path) -> PathBuf,
) -> Walked {
    let mut walked = Walked {
        files: Vec::new(),
        not_regular: Vec::new(),
        links: Vec::new(),
        errors: Vec::new(),
    };
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(false)
        .filter_entry({
            // The paths and every directory above them, to look each entry up at once.
            let on_the_way: Option<HashSet<PathBuf>> = towards.map(|paths| {
                paths
                    .iter()
                    .flat_map(|p| p.ancestors().map(Path::to_path_buf))
                    .collect()
            });
            move |e| {
                e.file_name() != ".git"
                    && on_the_way.as_ref().is_none_or(|set| set.contains(e.path()))
            }
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                walked.errors.push(PathError {
                    path: dir.to_path_buf(),
                    reason: error.to_string(),
                });
                continue;
            }
        };
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() || !is_declaration(entry.path()) {
            continue;
        }
        if kind.is_file() {
            walked.files.push((entry.into_path(), false));
        } else if kind.is_symlink() {
            match linked(&boundary(entry.path()), entry.path()) {
                Ok(()) => walked.files.push((entry.into_path(), true)),
                Err(reason) => walked.links.push(PathError {
                    path: entry.into_path(),
                    reason,
                }),
            }
        } else {
            walked.not_regular.push(PathError {
                path: entry.into_path(),
                reason: NOT_REGULAR.to_string(),
            });
        }
    }
    walked
}

/// Which of `files` a directory search of `dir` (a configuration's directory, as for its
/// declarations' files) finds: `.privacy` files, not ignored, regular or links to regular
/// files inside `dir`. For files created or deleted, without walking the whole directory again:
/// only the directories they are in are read, once however many files are in each.
pub fn found_in(dir: &Path, files: &[PathBuf]) -> HashSet<PathBuf> {
    walk(dir, Some(files), |_| dir.to_path_buf())
        .files
        .into_iter()
        .map(|(found, _)| found)
        .collect()
}

/// Whether a symbolic link found in a directory search is read: when it leads to a regular
/// file inside `boundary`. A link out of it is not followed: a pull request could otherwise
/// have privlint read, and quote in its findings, any file of the machine it runs on. The kind
/// is looked at first (without opening the file), so that a link to `/dev/stdin` is refused
/// for what it is wherever the standard input leads.
pub(crate) fn linked(boundary: &Path, link: &Path) -> Result<(), String> {
    const NOTHING: &str = "a symbolic link to nothing (its target does not exist)";
    let meta = std::fs::metadata(link).map_err(|_| NOTHING.to_string())?;
    if !meta.is_file() {
        return Err(NOT_REGULAR.to_string());
    }
    let target = std::fs::canonicalize(link).map_err(|_| NOTHING.to_string())?;
    let inside = std::fs::canonicalize(boundary).is_ok_and(|root| target.starts_with(root));
    if !inside {
        return Err(format!(
            "a symbolic link to a file outside {}, which a directory search does not follow (name it on the command line to check it)",
            directory(&relative(boundary))
        ));
    }
    Ok(())
}
