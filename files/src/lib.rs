//! How privlint finds and reads files, for the command line and the language server alike:
//! `privlint.toml` (where it is looked for, and which one is trusted), the `.privacy` files of a
//! directory (`.gitignore` honoured, symbolic links followed only inside), the files of each
//! declaration in several files (`[[declarations]]`), and reading one file (regular files only,
//! at most 32 MB, decoded as UTF-8). `privlint-core` does no I/O; this crate does it for both.

pub mod config;
mod paths;
mod read;
mod select;
mod walk;

pub use config::{Configs, Failure, Loaded, Lookup, MemberChange, not_checked};
pub use paths::{absolute, display, relative, shown};
pub use read::{MAX_SIZE, Text, io_reason, read, read_text};
pub use select::{Declaration, Selected, Selection, read_member, select};
pub use walk::{Collected, Found, PathError, collect, found_in, is_declaration};
