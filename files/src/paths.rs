//! How paths are normalised and named in messages.

use std::path::{Path, PathBuf};

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

/// A path as reports name it: relative to the current directory when under it.
pub fn relative(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// A directory named in a message: `.` rather than nothing for the current directory.
pub(crate) fn directory(path: &Path) -> String {
    match display(path) {
        shown if shown.is_empty() => ".".to_string(),
        shown => shown,
    }
}
