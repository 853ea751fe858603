//! Finding `privlint.toml`: the nearest one in the checked file's directory or above it, up to
//! the repository's root (the directory holding `.git`). A configuration above the repository,
//! in a shared parent such as the temporary directory, is someone else's: it could turn rules off
//! for every checkout under it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use privlint_core::config::{Config, ConfigError, FILE_NAME};
use privlint_core::{ColumnUnit, LineIndex, Settings};

use crate::files::{Found, absolute};

/// A configuration file and what it says.
pub struct Loaded {
    pub path: PathBuf,
    pub config: Config,
    include: GlobSet,
    exclude: GlobSet,
    /// The files of each `[[declarations]]` entry, absolute, in path order.
    pub declarations: Vec<Vec<PathBuf>>,
}

impl Loaded {
    /// Whether a directory search should check this file (`include` and `exclude`, relative
    /// to the configuration's directory). A glob matches a file when it matches its path or a
    /// directory it is in, so `exclude = ["drafts"]` leaves out everything in `drafts`.
    pub fn selects(&self, file: &Path) -> bool {
        let dir = self.path.parent().unwrap_or(Path::new(""));
        let Ok(relative) = absolute(file).strip_prefix(dir).map(Path::to_path_buf) else {
            return true;
        };
        let matches = |set: &GlobSet| {
            relative
                .ancestors()
                .take_while(|p| !p.as_os_str().is_empty())
                .any(|p| set.is_match(p))
        };
        (self.config.include.is_empty() || matches(&self.include)) && !matches(&self.exclude)
    }

    /// The `[[declarations]]` entry `file` belongs to, if any.
    pub fn declaration_of(&self, file: &Path) -> Option<usize> {
        let file = absolute(file);
        self.declarations
            .iter()
            .position(|members| members.binary_search(&file).is_ok())
    }
}

/// Why a configuration could not be used: one line per mistake, naming file, line and column.
pub type Failure = Vec<String>;

/// The configurations found so far, by directory.
#[derive(Default)]
pub struct Configs {
    by_dir: HashMap<PathBuf, Result<Option<Arc<Loaded>>, Arc<Failure>>>,
}

impl Configs {
    /// The configuration that governs `file`, if any.
    pub fn for_file(&mut self, file: &Path) -> Result<Option<Arc<Loaded>>, Arc<Failure>> {
        let file = absolute(file);
        match file.parent() {
            Some(dir) => self.for_dir(dir),
            None => Ok(None),
        }
    }

    fn for_dir(&mut self, dir: &Path) -> Result<Option<Arc<Loaded>>, Arc<Failure>> {
        if let Some(found) = self.by_dir.get(dir) {
            return found.clone();
        }
        let candidate = dir.join(FILE_NAME);
        // Anything by that name counts (a FIFO or a directory is reported, not passed over).
        let found = if candidate.exists() {
            load(&candidate)
                .map(|l| Some(Arc::new(l)))
                .map_err(Arc::new)
        } else if is_repository_root(dir) {
            Ok(None)
        } else {
            match dir.parent() {
                Some(parent) => self.for_dir(parent),
                None => Ok(None),
            }
        };
        self.by_dir.insert(dir.to_path_buf(), found.clone());
        found
    }
}

/// A directory holding `.git` (a directory, or a file in a worktree or submodule).
fn is_repository_root(dir: &Path) -> bool {
    dir.join(".git").symlink_metadata().is_ok()
}

/// A file to work on.
pub struct Selected {
    pub path: PathBuf,
    /// The settings it is checked with.
    pub settings: Settings,
    /// The declaration of several files it belongs to, if any.
    pub declaration: Option<Declaration>,
}

/// A `[[declarations]]` entry of a loaded configuration.
#[derive(Clone)]
pub struct Declaration {
    pub config: Arc<Loaded>,
    pub entry: usize,
}

impl Declaration {
    /// Its files, absolute, in path order.
    pub fn files(&self) -> &[PathBuf] {
        &self.config.declarations[self.entry]
    }

    /// Whether two selected files belong to the same declaration.
    pub fn same(&self, other: &Declaration) -> bool {
        Arc::ptr_eq(&self.config, &other.config) && self.entry == other.entry
    }
}

/// What [`select`] chose.
pub struct Selection {
    /// The files to work on.
    pub files: Vec<Selected>,
    /// Broken configurations, each once.
    pub failures: Vec<Arc<Failure>>,
    /// The configuration files that govern the files, each once, in order of path, with how
    /// many files each governs; `None` for the files that have none.
    pub used: Vec<(Option<PathBuf>, usize)>,
    /// When directories were searched and found `.privacy` files, but the configurations left
    /// every one of them out: why nothing was checked. A run that checks nothing and passes
    /// would hide every finding.
    pub all_left_out: Option<String>,
}

/// The files to work on: files named on the command line always, files found in a directory
/// when their configuration's include and exclude select them. Files under a broken
/// configuration are left out, and the failure returned once.
pub fn select(found: Vec<Found>) -> Selection {
    let mut configs = Configs::default();
    let mut failures: Vec<Arc<Failure>> = Vec::new();
    let mut selected = Vec::new();
    let mut used = std::collections::BTreeMap::new();
    let (mut searched, mut kept) = (0, 0);
    let mut leaving_out = std::collections::BTreeSet::new();
    for file in found {
        match configs.for_file(&file.path) {
            Ok(loaded) => {
                searched += usize::from(!file.explicit);
                if file.explicit || loaded.as_ref().is_none_or(|l| l.selects(&file.path)) {
                    kept += usize::from(!file.explicit);
                    *used
                        .entry(loaded.as_ref().map(|l| l.path.clone()))
                        .or_default() += 1;
                    let declaration = loaded.as_ref().and_then(|config| {
                        config.declaration_of(&file.path).map(|entry| Declaration {
                            config: config.clone(),
                            entry,
                        })
                    });
                    selected.push(Selected {
                        settings: settings(&loaded),
                        path: file.path,
                        declaration,
                    });
                } else if let Some(loaded) = &loaded {
                    leaving_out.insert(loaded.path.clone());
                }
            }
            Err(failure) => {
                if !failures.iter().any(|f| Arc::ptr_eq(f, &failure)) {
                    failures.push(failure);
                }
            }
        }
    }
    let all_left_out = (searched > 0 && kept == 0).then(|| {
        let names: Vec<String> = leaving_out
            .iter()
            .map(|p| crate::files::display(&relative(p)))
            .collect();
        format!(
            "nothing to check: the `include` and `exclude` of {} leave out all {searched} .privacy file{} found (their globs match paths relative to the configuration's directory)",
            names.join(", "),
            if searched == 1 { "" } else { "s" }
        )
    });
    Selection {
        files: selected,
        failures,
        used: used.into_iter().collect(),
        all_left_out,
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

/// A configuration's path as reports name it: relative to the current directory when under it.
pub fn relative(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// Prints configuration failures, one line each.
pub fn report(failures: &[Arc<Failure>]) {
    for line in failures.iter().flat_map(|f| f.iter()) {
        crate::say::error(format_args!("invalid configuration: {line}"));
    }
}

/// The settings a file is checked with.
fn settings(loaded: &Option<Arc<Loaded>>) -> Settings {
    loaded
        .as_ref()
        .map(|l| l.config.settings.clone())
        .unwrap_or_default()
}

fn load(path: &Path) -> Result<Loaded, Failure> {
    let shown = crate::files::display(&relative(path));
    let bytes = crate::files::read(path).map_err(|reason| vec![format!("{shown}: {reason}")])?;
    let text = String::from_utf8(bytes)
        .map_err(|_| vec![format!("{shown}: not UTF-8; save it as UTF-8")])?;
    let config = Config::parse(&text).map_err(|errors| locate(&shown, &text, errors))?;
    let include = globs("include", &config.include).map_err(|e| vec![format!("{shown}: {e}")])?;
    let exclude = globs("exclude", &config.exclude).map_err(|e| vec![format!("{shown}: {e}")])?;
    let path = absolute(path);
    let declarations = members(&path, &shown, &text, &config)?;
    Ok(Loaded {
        path,
        config,
        include,
        exclude,
        declarations,
    })
}

/// The files of each `[[declarations]]` entry: the `.privacy` files under the configuration's
/// directory that its globs match (a glob matches a file or a directory it is in). An entry
/// that matches nothing, and a file that two entries match, are mistakes: the first would
/// check nothing in silence, the second would judge one file in two declarations.
fn members(
    path: &Path,
    shown: &str,
    text: &str,
    config: &Config,
) -> Result<Vec<Vec<PathBuf>>, Failure> {
    if config.declarations.is_empty() {
        return Ok(Vec::new());
    }
    let dir = path.parent().unwrap_or(Path::new("/"));
    let index = LineIndex::new(text);
    let line = |entry: &privlint_core::config::DeclarationEntry| {
        index
            .position(text, entry.span.start, ColumnUnit::Char)
            .line
            + 1
    };
    let mut failure = Vec::new();
    let (found, _) = crate::files::collect(&[dir.to_path_buf()]);
    let mut found: Vec<PathBuf> = found.iter().map(|f| absolute(&f.path)).collect();
    found.sort();
    found.retain(|file| file.starts_with(dir));
    let inside: Vec<&Path> = found
        .iter()
        .map(|f| f.strip_prefix(dir).unwrap_or(f))
        .collect();
    let grouping = config.group(&inside);
    for (entry, error) in &grouping.bad_globs {
        failure.push(format!(
            "{shown}:{}: {error}",
            line(&config.declarations[*entry])
        ));
    }
    for &(file, first, second) in &grouping.in_two {
        let (a, b) = (&config.declarations[first], &config.declarations[second]);
        failure.push(format!(
            "{shown}: {} is in two declarations, `{}` (line {}) and `{}` (line {}): a file belongs to one declaration, so narrow their `files`",
            crate::files::shown(&relative(&found[file])),
            a.name,
            line(a),
            b.name,
            line(b)
        ));
    }
    let members: Vec<Vec<PathBuf>> = grouping
        .members
        .iter()
        .map(|indices| indices.iter().map(|&i| found[i].clone()).collect())
        .collect();
    for (entry, files) in config.declarations.iter().zip(&members) {
        if files.is_empty() {
            failure.push(format!(
                "{shown}:{}: the declaration `{}` matches no .privacy file: its `files` ({}) are globs relative to the directory of {FILE_NAME}",
                line(entry),
                entry.name,
                entry.files.iter().map(|g| format!("\"{}\"", brief(g))).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    if failure.is_empty() {
        Ok(members)
    } else {
        Err(failure)
    }
}

fn locate(shown: &str, text: &str, errors: Vec<ConfigError>) -> Failure {
    let index = LineIndex::new(text);
    errors
        .into_iter()
        .map(|e| {
            let at = index.position(text, e.span.start, ColumnUnit::Char);
            format!("{shown}:{}:{}: {}", at.line + 1, at.column + 1, e.message)
        })
        .collect()
}

fn globs(key: &str, patterns: &[String]) -> Result<GlobSet, String> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        set.add(glob(pattern)?);
    }
    set.build().map_err(|_| {
        // The set is too large to build; name the glob that is, when one alone is.
        let culprit = patterns
            .iter()
            .find(|p| glob(p).is_ok_and(|g| GlobSetBuilder::new().add(g).build().is_err()));
        match culprit {
            Some(pattern) => format!(
                "the glob `{}` in `{key}` is too large to use",
                brief(pattern)
            ),
            None => format!("the globs in `{key}` are too many to use together"),
        }
    })
}

fn glob(pattern: &str) -> Result<Glob, String> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{}`: {}", brief(pattern), e.kind()))
}

/// A glob as quoted in a message: its first 60 characters.
fn brief(pattern: &str) -> String {
    match pattern.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &pattern[..end]),
        None => pattern.to_string(),
    }
}
