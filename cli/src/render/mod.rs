//! Renderers: the same diagnostics as text for people and as data for machines.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

/// Standard output with a large buffer: a report is written in many small pieces, and the
/// standard stream flushes at every line end (one system call per line of a large report).
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
}

pub use privlint_core::report::{Location, write_json};
