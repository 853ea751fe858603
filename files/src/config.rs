//! Finding and loading `privlint.toml`.
//!
//! The configuration of a file is the nearest `privlint.toml` in its directory or above it. The
//! search stops at the repository's root (the directory holding `.git`) or, outside a
//! repository, at the home directory: a configuration above them, in a shared parent such as
//! the temporary directory, is someone else's, and could turn rules off or add files to a
//! declaration. Outside both it goes on to the top of the file system. Wherever it is found, a
//! configuration is used only when it and its directory belong to the user or to root and no
//! one else can write them; one outside any repository is used with a warning.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobSet, GlobSetBuilder};
use privlint_core::config::{BadGlob, Config, ConfigError, FILE_NAME, compile_glob};
use privlint_core::lang::{Language, T};
use privlint_core::{ColumnUnit, LineIndex};

use crate::paths::{absolute, relative, shown};
use crate::walk::{PathError, walk};

/// Why a configuration could not be used: one line per mistake, naming file, line and column.
pub type Failure = Vec<String>;

/// What looking for a file's configuration gave: none, one, or one that cannot be used.
pub type Lookup = Result<Option<Arc<Loaded>>, Arc<Failure>>;

/// A configuration file and what it says.
#[derive(Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub config: Config,
    include: GlobSet,
    exclude: GlobSet,
    /// The files of each `[[declarations]]` entry, absolute, in path order.
    pub declarations: Vec<Vec<PathBuf>>,
    /// Mistakes in how its files fall into its `[[declarations]]` entries (an entry that
    /// matches no file, a file two entries match, a broken glob). The command line refuses the
    /// configuration; the editor reports them and goes on with the files as grouped.
    pub mistakes: Option<Arc<Failure>>,
    /// Files that an entry's globs match but that are not read: a FIFO, a device, a socket, a
    /// symbolic link to something other than a regular file inside the configuration's
    /// directory; with the entry whose globs match them.
    pub refused: Vec<(usize, PathError)>,
}

impl Loaded {
    /// The directory its globs are relative to, and that its declarations' files stay in.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("/"))
    }

    /// Whether a directory search should check this file (`include` and `exclude`, relative
    /// to the configuration's directory). A glob matches a file when it matches its path or a
    /// directory it is in, so `exclude = ["drafts"]` leaves out everything in `drafts`.
    pub fn selects(&self, file: &Path) -> bool {
        let Ok(relative) = absolute(file)
            .strip_prefix(self.dir())
            .map(Path::to_path_buf)
        else {
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

/// A file that joined or left a `[[declarations]]` entry (see [`Configs::update_members`]).
#[derive(Debug, PartialEq, Eq)]
pub struct MemberChange {
    /// The configuration file.
    pub config: PathBuf,
    pub entry: usize,
    pub file: PathBuf,
    /// Joined the entry (else left it).
    pub joined: bool,
}

/// The configurations found so far, by directory, and what to tell the person about them.
pub struct Configs {
    by_dir: HashMap<PathBuf, Lookup>,
    /// Where the search stops outside a repository.
    home: Option<PathBuf>,
    notices: Vec<String>,
    said: HashSet<String>,
    /// `--lang`: the language of the messages about configurations, over their own.
    language: Option<Language>,
}

impl Default for Configs {
    fn default() -> Configs {
        Configs::new(home())
    }
}

/// The user's home directory (on Windows the user profile).
fn home() -> Option<PathBuf> {
    let var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(var)
        .filter(|h| !h.is_empty())
        .map(|h| absolute(Path::new(&h)))
}

impl Configs {
    /// Configurations looked for up to `home` outside a repository.
    pub fn new(home: Option<PathBuf>) -> Configs {
        Configs {
            by_dir: HashMap::new(),
            home,
            notices: Vec::new(),
            said: HashSet::new(),
            language: None,
        }
    }

    /// Says the mistakes of the configurations found from now on in `language` (`--lang`),
    /// whatever language they ask for.
    pub fn set_language(&mut self, language: Option<Language>) {
        self.language = language;
    }

    /// The configuration that governs `file`, if any.
    pub fn for_file(&mut self, file: &Path) -> Lookup {
        let file = absolute(file);
        match file.parent() {
            Some(dir) => self.for_dir(dir),
            None => Ok(None),
        }
    }

    /// Warnings for the person, each once: a configuration not used because others can write
    /// it, one used from outside any repository.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn notice(&mut self, message: String) {
        if self.said.insert(message.clone()) {
            self.notices.push(message);
        }
    }

    /// Where a symbolic link found in a directory search may lead: the directory of the
    /// configuration that governs it, else the repository it is in; `None` outside both (the
    /// caller then keeps it in the directory searched).
    pub fn boundary(&mut self, link: &Path) -> Option<PathBuf> {
        match self.for_file(link) {
            Ok(Some(loaded)) => Some(loaded.dir().to_path_buf()),
            _ => repository_root(&absolute(link)),
        }
    }

    /// The directory of the configuration that governs `file`, if it has `[[declarations]]`:
    /// where [`crate::found_in`] looks for the file when it is created or deleted.
    pub fn declarations_dir(&mut self, file: &Path) -> Option<PathBuf> {
        match self.for_file(file) {
            Ok(Some(loaded)) if !loaded.declarations.is_empty() => Some(loaded.dir().to_path_buf()),
            _ => None,
        }
    }

    /// `.privacy` files created or deleted: whether a directory search finds each now
    /// ([`crate::found_in`]). The files of the declarations of the configurations that govern
    /// them are updated for those files alone, each going to the first entry whose globs match
    /// it, as when the configuration is read ([`Config::group`]). Returns the files that joined
    /// or left a declaration. The mistakes found when the configuration was read are not
    /// looked for again.
    pub fn update_members(&mut self, found: &[(PathBuf, bool)]) -> Vec<MemberChange> {
        // For each configuration: what it was, and its files in the batch.
        type Batch = (Arc<Loaded>, Vec<(PathBuf, bool)>);
        let mut by_config: HashMap<PathBuf, Batch> = HashMap::new();
        for (file, exists) in found {
            let file = absolute(file);
            if let Ok(Some(loaded)) = self.for_file(&file)
                && !loaded.declarations.is_empty()
            {
                by_config
                    .entry(loaded.path.clone())
                    .or_insert_with(|| (loaded.clone(), Vec::new()))
                    .1
                    .push((file, *exists));
            }
        }
        let mut changes = Vec::new();
        for (config, (old, files)) in by_config {
            let mut loaded = (*old).clone();
            let dir = loaded.dir().to_path_buf();
            let inside: Vec<&Path> = files
                .iter()
                .map(|(f, _)| f.strip_prefix(&dir).unwrap_or(f))
                .collect();
            let grouping = loaded.config.group(&inside);
            let mut entry_of = vec![None; files.len()];
            for (entry, indices) in grouping.members.iter().enumerate() {
                for &i in indices {
                    entry_of[i] = Some(entry);
                }
            }
            for ((file, exists), entry) in files.into_iter().zip(entry_of) {
                let wanted = if exists { entry } else { None };
                let had = loaded.declaration_of(&file);
                if had == wanted {
                    continue;
                }
                if let Some(had) = had
                    && let Ok(at) = loaded.declarations[had].binary_search(&file)
                {
                    loaded.declarations[had].remove(at);
                    changes.push(MemberChange {
                        config: config.clone(),
                        entry: had,
                        file: file.clone(),
                        joined: false,
                    });
                }
                if let Some(wanted) = wanted
                    && let Err(at) = loaded.declarations[wanted].binary_search(&file)
                {
                    loaded.declarations[wanted].insert(at, file.clone());
                    changes.push(MemberChange {
                        config: config.clone(),
                        entry: wanted,
                        file,
                        joined: true,
                    });
                }
            }
            let updated = Arc::new(loaded);
            for lookup in self.by_dir.values_mut() {
                if let Ok(Some(cached)) = lookup
                    && Arc::ptr_eq(cached, &old)
                {
                    *cached = updated.clone();
                }
            }
        }
        changes
    }

    fn for_dir(&mut self, dir: &Path) -> Lookup {
        if let Some(found) = self.by_dir.get(dir) {
            return found.clone();
        }
        let candidate = dir.join(FILE_NAME);
        // Anything by that name counts (a FIFO or a directory is reported, not passed over).
        let usable = candidate.exists()
            && match distrust(&candidate) {
                None => true,
                Some(why) => {
                    self.notice(format!(
                        "{}: not used: {why}, so anyone could have put it there to turn rules off or add files to a declaration (privlint uses a {FILE_NAME} only when it and its directory belong to you or to root and no one else can write them)",
                        shown(&relative(&candidate))
                    ));
                    false
                }
            };
        let found = if usable {
            let loaded = load(&candidate, self.language)
                .map(|l| Some(Arc::new(l)))
                .map_err(Arc::new);
            if let Ok(Some(_)) = &loaded
                && !dir.ancestors().any(is_repository_root)
            {
                self.notice(format!(
                    "{}: used, though it is in no repository (no .git in its directory or above): make sure it is yours",
                    shown(&relative(&candidate))
                ));
            }
            loaded
        } else if is_repository_root(dir) || self.home.as_deref() == Some(dir) {
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

/// The repository a path is in: the nearest directory above it holding `.git`.
fn repository_root(path: &Path) -> Option<PathBuf> {
    path.ancestors()
        .skip(1)
        .find(|dir| is_repository_root(dir))
        .map(Path::to_path_buf)
}

/// Why a configuration file must not be trusted, if it must not: it, or its directory, can be
/// written by every user, or belongs to someone other than the user and root.
#[cfg(unix)]
fn distrust(candidate: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let user = unsafe { libc::geteuid() };
    let dir = candidate.parent()?;
    for (what, path) in [("it", candidate), ("its directory", dir)] {
        // What cannot be looked at is reported when it is read.
        let Ok(meta) = std::fs::metadata(path) else {
            continue;
        };
        if meta.mode() & 0o002 != 0 {
            return Some(format!(
                "{what} can be written by every user of this machine"
            ));
        }
        if meta.uid() != user && meta.uid() != 0 {
            return Some(format!(
                "{what} belongs to another user (uid {})",
                meta.uid()
            ));
        }
    }
    None
}

#[cfg(not(unix))]
fn distrust(_: &Path) -> Option<String> {
    None
}

fn load(path: &Path, language: Option<Language>) -> Result<Loaded, Failure> {
    let shown = shown(&relative(path));
    let bytes = crate::read(path).map_err(|reason| vec![format!("{shown}: {reason}")])?;
    let text = String::from_utf8(bytes).map_err(|_| {
        vec![format!(
            "{shown}: {}",
            NOT_UTF8.get(language.unwrap_or(Language::English))
        )]
    })?;
    let config = Config::parse(&text, language).map_err(|errors| locate(&shown, &text, errors))?;
    let language = config.message_language(language);
    let glob_set = |key, patterns: &[String]| {
        globs(key, patterns).map_err(|bad| vec![format!("{shown}: {}", bad.say(language))])
    };
    let include = glob_set("include", &config.include)?;
    let exclude = glob_set("exclude", &config.exclude)?;
    let path = absolute(path);
    let (declarations, mistakes, refused) = members(&path, &shown, &text, &config, language);
    Ok(Loaded {
        path,
        config,
        include,
        exclude,
        declarations,
        mistakes: (!mistakes.is_empty()).then(|| Arc::new(mistakes)),
        refused,
    })
}

/// The files of each `[[declarations]]` entry: the `.privacy` files under the configuration's
/// directory that its globs match (a glob matches a file or a directory it is in), with the
/// mistakes in the grouping and the matching files that are not read. An entry that matches
/// nothing, and a file that two entries match, are mistakes: the first would check nothing in
/// silence, the second would judge one file in two declarations.
fn members(
    path: &Path,
    shown: &str,
    text: &str,
    config: &Config,
    language: Language,
) -> (Vec<Vec<PathBuf>>, Failure, Vec<(usize, PathError)>) {
    if config.declarations.is_empty() {
        return (Vec::new(), Vec::new(), Vec::new());
    }
    let dir = path.parent().unwrap_or(Path::new("/"));
    // A declaration's files stay in the configuration's directory, links included.
    let walked = walk(dir, None, |_| dir.to_path_buf());
    let mut found: Vec<PathBuf> = walked.files.iter().map(|(f, _)| absolute(f)).collect();
    found.sort();
    found.retain(|file| file.starts_with(dir));
    let inside: Vec<&Path> = found
        .iter()
        .map(|f| f.strip_prefix(dir).unwrap_or(f))
        .collect();
    let grouping = config.group(&inside);
    let failure = grouping
        .mistakes(
            config,
            text,
            |file| crate::shown(&relative(&found[file])),
            language,
        )
        .into_iter()
        .map(|mistake| match mistake.line {
            Some(line) => format!("{shown}:{line}: {}", mistake.message),
            None => format!("{shown}: {}", mistake.message),
        })
        .collect();
    let members: Vec<Vec<PathBuf>> = grouping
        .members
        .iter()
        .map(|indices| indices.iter().map(|&i| found[i].clone()).collect())
        .collect();
    // What an entry would take but is not read, said rather than left out in silence.
    let refused: Vec<PathError> = walked.not_regular.into_iter().chain(walked.links).collect();
    let relative_refused: Vec<PathBuf> = refused
        .iter()
        .map(|r| {
            let path = absolute(&r.path);
            path.strip_prefix(dir)
                .map(Path::to_path_buf)
                .unwrap_or(path)
        })
        .collect();
    let paths: Vec<&Path> = relative_refused.iter().map(PathBuf::as_path).collect();
    let mut entry_of: HashMap<usize, usize> = HashMap::new();
    for (entry, indices) in config.group(&paths).members.into_iter().enumerate() {
        for index in indices {
            entry_of.insert(index, entry);
        }
    }
    let refused = refused
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let entry = *entry_of.get(&i)?;
            let path = absolute(&r.path);
            Some((
                entry,
                PathError {
                    path,
                    reason: r.reason,
                },
            ))
        })
        .collect();
    (members, failure, refused)
}

/// A refused file as a warning: `decl/x.privacy: not checked: why`.
pub fn not_checked(refused: &PathError) -> String {
    format!(
        "{}: not checked: {}",
        shown(&relative(&refused.path)),
        refused.reason
    )
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

fn globs(key: &'static str, patterns: &[String]) -> Result<GlobSet, BadGlob> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        set.add(compile_glob(pattern)?);
    }
    set.build().map_err(|_| {
        // The set is too large to build; name the glob that is, when one alone is.
        let culprit = patterns
            .iter()
            .find(|p| compile_glob(p).is_ok_and(|g| GlobSetBuilder::new().add(g).build().is_err()));
        BadGlob::TooLarge {
            key,
            glob: culprit.cloned(),
        }
    })
}

/// A configuration that cannot be decoded (in `--lang`: it cannot say its own language).
const NOT_UTF8: T = T {
    nb: "ikke UTF-8; lagre filen som UTF-8",
    nn: "ikkje UTF-8; lagre fila som UTF-8",
    en: "not UTF-8; save it as UTF-8",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::found_in;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn files_created_and_deleted_update_declarations_as_reading_them_again_would() {
        let tmp = tempfile::tempdir().unwrap();
        let root = absolute(tmp.path());
        std::fs::create_dir(root.join(".git")).unwrap();
        write(
            &root.join(FILE_NAME),
            "[[declarations]]\nname = \"org\"\nfiles = [\"org.privacy\"]\n\n[[declarations]]\nname = \"systems\"\nfiles = [\"systems\"]\n",
        );
        write(&root.join(".gitignore"), "drafts/\n");
        for file in ["org.privacy", "systems/a.privacy", "systems/b.privacy"] {
            write(&root.join(file), "access\n");
        }
        let mut configs = Configs::new(None);
        let config = configs
            .for_file(&root.join("org.privacy"))
            .unwrap()
            .unwrap();
        assert_eq!(config.declarations[1].len(), 2);
        let created = [
            "systems/x/new.privacy",
            "systems/drafts/ignored.privacy",
            "systems/note.txt",
            "elsewhere.privacy",
        ];
        for file in created {
            write(&root.join(file), "access\n");
        }
        std::fs::remove_file(root.join("systems/b.privacy")).unwrap();
        let events: Vec<PathBuf> = created
            .iter()
            .chain(&["systems/b.privacy"])
            .map(|f| root.join(f))
            .collect();
        let found_now = found_in(&root, &events);
        let found: Vec<(PathBuf, bool)> = events
            .iter()
            .map(|f| (f.clone(), found_now.contains(f)))
            .collect();
        assert_eq!(
            found.iter().map(|(_, f)| *f).collect::<Vec<_>>(),
            [true, false, false, true, false],
            "ignored, not .privacy and deleted files are not found"
        );
        let changes = configs.update_members(&found);
        let joined = |file: &str, joined| MemberChange {
            config: root.join(FILE_NAME),
            entry: 1,
            file: root.join(file),
            joined,
        };
        assert_eq!(
            changes,
            [
                joined("systems/x/new.privacy", true),
                joined("systems/b.privacy", false)
            ]
        );
        let updated = configs
            .for_file(&root.join("systems/a.privacy"))
            .unwrap()
            .unwrap();
        let fresh = Configs::new(None)
            .for_file(&root.join("org.privacy"))
            .unwrap()
            .unwrap();
        assert_eq!(updated.declarations, fresh.declarations);
    }
}
