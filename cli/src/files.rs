//! Finding the `.privacy` files to check, as privlint-files finds them, with what it has to say
//! printed on stderr.

use std::path::PathBuf;

pub use privlint_files::{Found, PathError, absolute, display, io_reason, read, shown};

use crate::{config, say};

/// The files named by `paths`: files as given, directories searched recursively for `.privacy`
/// files, honouring `.gitignore` (see [`privlint_files::collect`]). Sorted, and each file once
/// however many ways it was named. A symbolic link that is not followed is a warning here.
pub fn collect(paths: &[PathBuf]) -> (Vec<Found>, Vec<PathError>) {
    let collected = config::with_run(|run| {
        let collected = privlint_files::collect(paths, &mut run.configs);
        for refused in collected.errors.iter().chain(&collected.skipped) {
            run.reported.insert(absolute(&refused.path));
        }
        collected
    });
    for skipped in &collected.skipped {
        say::warning(privlint_files::not_checked(skipped));
    }
    config::say_notices();
    (collected.files, collected.errors)
}
