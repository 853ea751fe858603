//! The configurations of one run of the command line: found and loaded once by privlint-files
//! (see its `config` module for where `privlint.toml` is looked for and which one is trusted),
//! and what they say printed on stderr.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex};

use privlint_core::config::FILE_NAME;
use privlint_files::{Configs, Failure, Found};
pub use privlint_files::{Declaration, Selected, Selection, relative};

/// What a run has found so far: the configurations by directory, and the paths already
/// reported as not read (so a file is not reported twice, as a file found and as a file of a
/// declaration).
pub struct Run {
    pub configs: Configs,
    pub reported: HashSet<PathBuf>,
}

static RUN: LazyLock<Mutex<Run>> = LazyLock::new(|| {
    Mutex::new(Run {
        configs: Configs::default(),
        reported: HashSet::new(),
    })
});

/// Runs `f` on the run's configurations (shared by the files found and the files selected, so
/// that each configuration is read, and its declarations' files found, once).
pub fn with_run<T>(f: impl FnOnce(&mut Run) -> T) -> T {
    let mut run = RUN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    f(&mut run)
}

/// Prints the configurations' warnings (not used, used from outside a repository).
pub fn say_notices() {
    for notice in with_run(|run| run.configs.take_notices()) {
        crate::say::warning(notice);
    }
}

/// The files to work on (see [`privlint_files::select`]).
pub fn select(found: Vec<Found>) -> Selection {
    let selection = with_run(|run| privlint_files::select(found, &mut run.configs));
    say_notices();
    selection
}

/// Warns of the files a declaration's globs match that are not read (a FIFO, a link out of the
/// configuration's directory), unless they were reported as found already.
pub fn warn_of_refused(declaration: &Declaration) {
    let unsaid: Vec<String> = with_run(|run| {
        declaration
            .refused()
            .filter(|refused| run.reported.insert(refused.path.clone()))
            .map(privlint_files::not_checked)
            .collect()
    });
    for warning in unsaid {
        crate::say::warning(warning);
    }
}

/// With `--verbose`: which configuration governs how many files, on stderr.
pub fn describe(used: &[(Option<PathBuf>, usize)]) {
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    for (path, count) in used {
        match path {
            Some(path) => crate::say::line(&format!(
                "privlint: configuration {} for {}",
                crate::files::display(&relative(path)),
                files(*count)
            )),
            None => crate::say::line(&format!(
                "privlint: no configuration for {} (no {FILE_NAME} from their directory up to the repository root): default levels",
                files(*count)
            )),
        }
    }
}

/// Prints configuration failures, one line each.
pub fn report(failures: &[Arc<Failure>]) {
    for line in failures.iter().flat_map(|f| f.iter()) {
        crate::say::error(format_args!("invalid configuration: {line}"));
    }
}
