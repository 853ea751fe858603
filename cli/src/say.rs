//! Messages to the person running privlint, on stderr. Everything said here may quote a file
//! name, a configuration or a file's text, which come from whoever wrote the pull request, so
//! every line goes through [`visible`]: a control character in a name cannot start a new line
//! (which a CI runner would read as a workflow command) or drive the terminal.
//!
//! A message that cannot be written (stderr closed or on a full disk) is dropped: there is no
//! one left to tell, and the exit status still says what happened.

use std::io::Write;

use privlint_core::visible;

/// `privlint: error: MESSAGE`.
pub fn error(message: impl std::fmt::Display) {
    line(&format!("privlint: error: {message}"));
}

/// `privlint: warning: MESSAGE`: something the person should know that does not fail the run.
pub fn warning(message: impl std::fmt::Display) {
    line(&format!("privlint: warning: {message}"));
}

/// A line as it is, made visible.
pub fn line(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", visible(text));
}

/// Whether the report reached stdout. A closed pipe (`privlint … | head -1`) counts as reached:
/// the reader took what it wanted. Any other error (a full disk) is said, and counts as not.
pub fn delivered(written: std::io::Result<()>) -> bool {
    match written {
        Ok(()) => true,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(error) => {
            self::error(format_args!("cannot write the report: {error}"));
            false
        }
    }
}
