//! Writing files: what `notice`, `record` and `export` produce, and the declarations `fmt`
//! rewrites. One writer, so that every file privlint writes is treated the same way
//! (docs/security.md, "What privlint writes"):
//!
//! - A regular file is replaced atomically: the new content goes to a temporary file beside it,
//!   flushed to disk, given the old file's permissions, owner and group, and renamed over it, so
//!   the file is all old or all new. A file with several hard links, or whose owner privlint may
//!   not give the new file, is rewritten in place instead (docs/decisions.md, "Formatting").
//! - A new file gets the permissions any program's new file gets: 0666 less the umask.
//! - Through a symbolic link, the file it leads to is written and the link stays a link.
//! - A FIFO or a character device (`/dev/stdout`, `/dev/null`) is written to, never replaced.
//! - A read-only file, a directory, a socket and a block device are refused.

use std::ffi::OsString;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::{exit, files, say};

/// Writes what a publishing command produced to `path`, or to standard output when `None`, and
/// returns the exit status (a failure has been said). `inputs` are the files of the declarations
/// published: an output that is one of them (by another name, a hard link or a symbolic link
/// too) is refused, since writing it would destroy what it was made from.
pub fn publish<'a>(
    path: Option<&Path>,
    content: &[u8],
    inputs: impl IntoIterator<Item = &'a Path>,
) -> u8 {
    ignore_file_size_signal();
    let Some(path) = path.filter(|path| !is_standard_output(path)) else {
        let mut stdout = io::stdout().lock();
        let written = stdout.write_all(content).and_then(|()| stdout.flush());
        return if say::delivered(written) {
            exit::CLEAN
        } else {
            exit::FAILURE
        };
    };
    let output = identity(path);
    let over_input = inputs
        .into_iter()
        .find(|input| output.is_some() && identity(input) == output);
    let written = match over_input {
        Some(input) => Err(format!(
            "is {}, a file of the declaration: privlint does not write its output over its input",
            files::shown(input)
        )),
        None => write(path, content),
    };
    match written {
        Ok(()) => exit::CLEAN,
        Err(reason) => {
            say::error(format_args!("{}: {reason}", files::shown(path)));
            exit::FAILURE
        }
    }
}

/// Whether `path` is the file standard output is open on (`/dev/stdout`, `/dev/fd/1`, or the
/// file it was redirected to): then privlint writes to standard output itself, which keeps the
/// place the shell opened it at (`>>` appends; `{ echo; privlint …; } > FILE` keeps the echo),
/// where opening the file again would start at its beginning, and replacing it would drop what
/// was written before.
#[cfg(unix)]
fn is_standard_output(path: &Path) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(named) = std::fs::metadata(path) else {
        return false;
    };
    let Ok(open) = io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .and_then(|fd| File::from(fd).metadata())
    else {
        return false;
    };
    (named.dev(), named.ino()) == (open.dev(), open.ino())
}

#[cfg(not(unix))]
fn is_standard_output(_: &Path) -> bool {
    false
}

/// Gives the file at `path` the content `content` (see the module's documentation for what that
/// means for each kind of file). The error is what follows the file's name in a one-line message.
pub fn write(path: &Path, content: &[u8]) -> Result<(), String> {
    ignore_file_size_signal();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let target = link_target(path).map_err(|e| reason(&e))?;
            return create(&target, content).map_err(|e| reason(&e));
        }
        Err(e) => return Err(reason(&e)),
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err("is a directory: privlint writes a file, not into a directory".into());
    }
    if meta.permissions().readonly() {
        return Err(
            "read-only: privlint does not change a read-only file (make it writable first)".into(),
        );
    }
    if kind.is_file() {
        let target = link_target(path).map_err(|e| reason(&e))?;
        // The kernel and the links as read must agree on the file (a link can change meanwhile,
        // and `/proc/self/fd/N` links to a name that may not be the file's).
        let named = identity(path);
        if named.is_none() || identity(&target) != named {
            return Err("cannot write: cannot tell which file the symbolic link leads to".into());
        }
        return overwrite(&target, &meta, content);
    }
    if writes_through(&meta) {
        return OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut stream| stream.write_all(content))
            .map_err(|e| reason(&e));
    }
    Err(format!(
        "is {}: privlint writes only to a file, a FIFO or a character device",
        special_kind(&meta)
    ))
}

/// The one-line reason for a failed write.
fn reason(error: &io::Error) -> String {
    if error.kind() == io::ErrorKind::FileTooLarge {
        return "cannot write: the file would be larger than privlint may write (the file size limit, `ulimit -f`)".into();
    }
    format!("cannot write: {}", files::io_reason(error))
}

/// Replaces the regular file `target` (not a link) whose metadata is `meta`.
fn overwrite(target: &Path, meta: &Metadata, content: &[u8]) -> Result<(), String> {
    // Opening it for writing asks the system whether this user may change it at all.
    let mut file = OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|e| reason(&e))?;
    if links(meta) == 1 {
        match replace(target, meta, content) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {}
            Err(e) => return Err(reason(&e)),
        }
    }
    file.write_all(content)
        .and_then(|()| file.set_len(content.len() as u64))
        .and_then(|()| file.sync_all())
        .map_err(|e| reason(&e))
}

/// Renames a new file with `content` over `target`, with `meta`'s permissions, owner and group.
/// `PermissionDenied` when the owner cannot be kept or the directory is not writable: then the
/// file is rewritten in place.
fn replace(target: &Path, meta: &Metadata, content: &[u8]) -> io::Result<()> {
    // Private until it has the old file's owner and permissions.
    let mut temp = Temporary::create(target, 0o600)?;
    temp.file.write_all(content)?;
    keep_owner(&temp.file, meta)?;
    temp.file.set_permissions(meta.permissions())?;
    temp.commit(target)
}

/// Writes a new file at `target`, with the permissions the umask leaves of 0666.
fn create(target: &Path, content: &[u8]) -> io::Result<()> {
    let mut temp = Temporary::create(target, 0o666)?;
    temp.file.write_all(content)?;
    temp.commit(target)
}

/// The file a write to `path` lands in: `path` with its symbolic links followed, until a name
/// that is not a link (which may not exist yet: a link to a file to be made makes it).
fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // As many links as Linux follows before giving up.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let leads_to = std::fs::read_link(&path)?;
                // A relative link is relative to the directory holding it.
                path = path.parent().unwrap_or(Path::new("")).join(leads_to);
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The temporary file a write to a target goes through: `.NAME.privlint-tmp` beside it. Its name
/// is the same for every write to that target, so one left behind by a run that was killed (by
/// SIGKILL, or a power cut) is removed by the next write to the same target. A run holds a lock
/// on its temporary file while it writes: another run writing to the same target waits for it,
/// and only a file that no one holds is taken to be left behind.
struct Temporary {
    path: PathBuf,
    file: File,
    committed: bool,
}

impl Temporary {
    /// Creates the temporary file for `target`, with `mode` less the umask.
    fn create(target: &Path, mode: u32) -> io::Result<Temporary> {
        let mut name = OsString::from(".");
        name.push(target.file_name().unwrap_or(target.as_os_str()));
        name.push(".privlint-tmp");
        let path = target.with_file_name(name);
        loop {
            match new_file(&path, mode) {
                Ok(file) => {
                    file.lock()?;
                    // Another run may have taken it for left behind and removed it before the
                    // lock was taken: then it is no longer ours, and a new one is made.
                    if holds(&file, &path)? {
                        return Ok(Temporary {
                            path,
                            file,
                            committed: false,
                        });
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => remove_left_behind(&path)?,
                Err(e) => return Err(e),
            }
        }
    }

    /// Flushes the file to disk and renames it over `target`.
    fn commit(mut self, target: &Path) -> io::Result<()> {
        self.file.sync_all()?;
        std::fs::rename(&self.path, target)?;
        self.committed = true;
        // The rename itself reaches the disk with the directory.
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        sync_directory(dir)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.committed {
            // The lock is still held, so the name is still this file's.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Removes the temporary file at `path` if the run that made it is over: waits for its lock (a
/// live run holds it until it is done), and removes it if it is still at `path`.
fn remove_left_behind(path: &Path) -> io::Result<()> {
    let in_the_way = || {
        io::Error::other(format!(
            "{} is in the way of privlint's temporary file (it is not one); remove it",
            files::shown(path)
        ))
    };
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Err(in_the_way()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    let file = match open_existing(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if !file.metadata()?.is_file() {
        return Err(in_the_way());
    }
    file.lock()?;
    if holds(&file, path)? {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// What tells a file from every other, whatever path leads to it: its device and inode (on
/// Windows, its canonical path). `None` when there is no file there.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// Whether the name `path` (not followed if a link) is the open `file`.
#[cfg(unix)]
fn holds(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let open = file.metadata()?;
    match std::fs::symlink_metadata(path) {
        Ok(named) => Ok((named.dev(), named.ino()) == (open.dev(), open.ino())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Windows gives no stable way to ask which file a name is: a file that was opened and locked
/// and whose name is still there is taken to be the one at its name.
#[cfg(not(unix))]
fn holds(_: &File, path: &Path) -> io::Result<bool> {
    Ok(path.exists())
}

/// A new file at `path` (never through a link there), with `mode` less the umask.
fn new_file(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

/// Opens an existing file to lock it: not through a link, and without waiting for a writer if
/// it has become a FIFO.
fn open_existing(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    options.open(path)
}

#[cfg(unix)]
fn sync_directory(dir: &Path) -> io::Result<()> {
    File::open(dir).and_then(|d| d.sync_all())
}

/// Windows has no handle to a directory to flush; the rename is durable by itself.
#[cfg(not(unix))]
fn sync_directory(_: &Path) -> io::Result<()> {
    Ok(())
}

/// Past the file size limit (`ulimit -f`) the system ends a process with SIGXFSZ, which would
/// leave its temporary file behind. Ignored, the write fails with EFBIG instead, and the
/// temporary file is removed.
#[cfg(unix)]
fn ignore_file_size_signal() {
    // SAFETY: `signal` with SIG_IGN installs no handler; it only sets what the signal does.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_file_size_signal() {}

/// A FIFO or a character device: written to, not replaced.
#[cfg(unix)]
fn writes_through(meta: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    kind.is_fifo() || kind.is_char_device()
}

#[cfg(not(unix))]
fn writes_through(_: &Metadata) -> bool {
    false
}

/// What a file that is neither a regular file, a directory, a FIFO nor a character device is,
/// for the message refusing it.
#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() {
        "a block device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Metadata) -> &'static str {
    "not a regular file"
}

#[cfg(unix)]
fn links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &Metadata) -> u64 {
    1
}

/// Gives the new file the old one's owner and group; refused (`PermissionDenied`) when this
/// user may not, and then the file is written in place.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) -> io::Result<()> {
    Ok(())
}
