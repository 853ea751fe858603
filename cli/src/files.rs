//! Finding the `.privacy` files to check.

use std::path::{Path, PathBuf};

/// A path that could not be used, with a one-line reason.
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

/// The files named by `paths`: files as given, directories searched recursively for `.privacy`
/// files, honouring `.gitignore`. Sorted, and each file once however many ways it was named.
pub fn collect(paths: &[PathBuf]) -> (Vec<Found>, Vec<PathError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(error) => errors.push(PathError {
                path: path.clone(),
                reason: io_reason(&error),
            }),
            Ok(meta) if meta.is_dir() => {
                let before = found.len();
                let walker = ignore::WalkBuilder::new(path)
                    .hidden(false)
                    .filter_entry(|e| e.file_name() != ".git")
                    .build();
                for entry in walker {
                    match entry {
                        Ok(entry) => {
                            let Some(kind) = entry.file_type() else {
                                continue;
                            };
                            if kind.is_dir() || !is_declaration(entry.path()) {
                                continue;
                            }
                            if kind.is_file() {
                                found.push(Found {
                                    path: entry.into_path(),
                                    explicit: false,
                                    link: false,
                                });
                            } else if kind.is_symlink() {
                                match linked(path, entry.path()) {
                                    Ok(()) => found.push(Found {
                                        path: entry.into_path(),
                                        explicit: false,
                                        link: true,
                                    }),
                                    Err(reason) => crate::say::warning(format_args!(
                                        "{}: not checked: {reason}",
                                        display(entry.path())
                                    )),
                                }
                            } else {
                                // A FIFO or a device named `.privacy`: reading it could block
                                // for ever or never end, and skipping it silently would hide it.
                                errors.push(PathError {
                                    path: entry.into_path(),
                                    reason: NOT_REGULAR.to_string(),
                                });
                            }
                        }
                        Err(error) => errors.push(PathError {
                            path: path.clone(),
                            reason: error.to_string(),
                        }),
                    }
                }
                if found.len() == before {
                    errors.push(PathError {
                        path: path.clone(),
                        reason: "no .privacy files in this directory".to_string(),
                    });
                }
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
    (unique, errors)
}

/// Whether a symbolic link found in `searched` is checked: when it leads to a regular file
/// inside `searched`. A link out of it is not followed: a pull request could otherwise have
/// privlint read, and quote in its findings, any file of the machine it runs on.
fn linked(searched: &Path, link: &Path) -> Result<(), String> {
    let target = std::fs::canonicalize(link)
        .map_err(|_| "a symbolic link to nothing (its target does not exist)".to_string())?;
    let inside = std::fs::canonicalize(searched).is_ok_and(|root| target.starts_with(root));
    if !inside {
        return Err(format!(
            "a symbolic link to a file outside {}, which a directory search does not follow (name it on the command line to check it)",
            if display(searched).is_empty() {
                ".".to_string()
            } else {
                display(searched)
            }
        ));
    }
    if !std::fs::metadata(&target).is_ok_and(|m| m.is_file()) {
        return Err(NOT_REGULAR.to_string());
    }
    Ok(())
}

const NOT_REGULAR: &str =
    "not a regular file: privlint reads only regular files, not pipes, devices or sockets";

/// The most privlint reads of one file: a hundred times the largest real declarations, and
/// still checked in a few seconds; a bigger file is refused rather than filling the memory.
pub const MAX_SIZE: u64 = 32 << 20;

/// A file's bytes; the error is the reason, for a one-line message after the file's name. What
/// is not a regular file is refused before it is opened (opening a FIFO waits for a writer) and
/// again after (it could have been swapped); at most [`MAX_SIZE`] bytes are read.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let regular = |meta: std::fs::Metadata| {
        if !meta.is_file() {
            Err(NOT_REGULAR.to_string())
        } else if meta.len() > MAX_SIZE {
            Err(too_large())
        } else {
            Ok(meta.len())
        }
    };
    regular(std::fs::metadata(path).map_err(|e| io_reason(&e))?)?;
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let size = regular(file.metadata().map_err(|e| io_reason(&e))?)?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_SIZE {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> String {
    format!(
        "larger than {} MB, the most privlint reads of one file",
        MAX_SIZE >> 20
    )
}

pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

/// How a path is named in reports: as given, without a leading `./`. Formats that escape text
/// their own way (JSON, SARIF, GitHub's workflow commands) take this; text for people takes
/// [`shown`].
pub fn display(path: &Path) -> String {
    let shown = path.strip_prefix(".").unwrap_or(path);
    shown.to_string_lossy().into_owned()
}

/// A path as printed for people: [`display`] with control characters made visible.
pub fn shown(path: &Path) -> String {
    privlint_core::visible(&display(path)).into_owned()
}

/// The absolute path, with `.` and `..` taken away by the letters (as ruff does): the
/// directories searched for a configuration are the ones the path names, so `sub/../a.privacy`
/// is governed by the configuration of `a.privacy`, not of `sub`.
pub fn absolute(path: &Path) -> PathBuf {
    use std::path::Component;
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}
