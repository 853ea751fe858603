//! Writing what a command produces: to standard output, or to a file that is replaced
//! atomically, so that a failed run never leaves a partial file.

use std::io::Write;
use std::path::Path;

/// Writes `content` to `path` (or standard output when `None`). A file is written to a
/// temporary file beside it and renamed over it only when complete.
pub fn write(path: Option<&Path>, content: &[u8]) -> std::io::Result<()> {
    let Some(path) = path else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(content)?;
        return stdout.flush();
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(content)?;
    temp.as_file().sync_all()?;
    // A file that already exists keeps its permissions; a new one is readable by all, as a
    // file written by any other program would be (a temporary file is private).
    match std::fs::metadata(path) {
        Ok(metadata) => temp.as_file().set_permissions(metadata.permissions())?,
        Err(_) => readable_by_all(temp.as_file())?,
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}
