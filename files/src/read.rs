//! Reading a file: only a regular file, at most [`MAX_SIZE`] bytes, decoded as UTF-8.

use std::path::Path;

use privlint_core::NotUtf8;

pub(crate) const NOT_REGULAR: &str =
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

/// The text of a `.privacy` file as privlint checks it.
pub struct Text {
    /// The decoded text, without a byte order mark ("" when it is not UTF-8).
    pub text: String,
    /// Where it stops being UTF-8, when it does: the file is reported (`invalid-utf8`, written
    /// in the language of the run that reports it), not refused.
    pub unreadable: Option<NotUtf8>,
}

/// Reads and decodes a `.privacy` file ([`read`], then [`privlint_core::decode`]).
pub fn read_text(path: &Path) -> Result<Text, String> {
    let bytes = read(path)?;
    Ok(match privlint_core::decode(&bytes) {
        Ok(text) => Text {
            text: text.to_string(),
            unreadable: None,
        },
        Err(not_utf8) => Text {
            text: String::new(),
            unreadable: Some(not_utf8),
        },
    })
}

/// An I/O error as the reason after a file's name.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}
