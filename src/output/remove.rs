//! Removing a replaced output folder, fast and never outside it.
//!
//! After a build the previous output holds, nearly always, the same files as the new one:
//! 10,000 postings are 10,000 folders of one `index.html` each. Walking such a tree costs
//! six system calls a posting (open, read twice and close the folder, unlink the file and
//! remove the folder, each unlink a lookup from `/`). [`remove_expected`] is told which
//! files to expect and unlinks them through folder handles instead (open the folder, unlink
//! one name, close it, remove it: four short calls); every folder is opened with
//! `O_NOFOLLOW`, so a symbolic link put in the output is removed itself, never followed.
//! Whatever else is there afterwards goes through [`remove_tree`].

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

/// Removes a folder and everything in it, sub-folders in parallel (best effort: what cannot
/// be removed stays, and the next build's stale-folder sweep tries again).
pub fn remove_tree(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        let _ = std::fs::remove_file(dir);
        return;
    };
    let entries: Vec<std::fs::DirEntry> = entries.flatten().collect();
    entries.par_iter().for_each(|entry| {
        // A symlink is removed itself, never followed.
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            remove_tree(&entry.path());
        } else {
            let _ = std::fs::remove_file(entry.path());
        }
    });
    let _ = std::fs::remove_dir(dir);
}

/// Removes `dir`, which is expected to hold `files` (relative paths): those first, through
/// folder handles, then anything else with [`remove_tree`] (best effort, like it).
pub fn remove_expected(dir: &Path, files: &[PathBuf]) {
    let mut tree = Folder::default();
    for file in files {
        tree.add(file);
    }
    fast::remove(dir, &tree);
    remove_tree(dir);
}

/// The expected files of one folder and its sub-folders.
#[derive(Default)]
struct Folder {
    files: Vec<OsString>,
    folders: BTreeMap<OsString, Folder>,
}

impl Folder {
    /// Adds one relative path; one with anything but plain names is left to `remove_tree`.
    fn add(&mut self, relative: &Path) {
        let mut names = Vec::new();
        for component in relative.components() {
            match component {
                Component::Normal(name) => names.push(name.to_os_string()),
                _ => return,
            }
        }
        let Some(file) = names.pop() else { return };
        let mut folder = self;
        for name in names {
            folder = folder.folders.entry(name).or_default();
        }
        folder.files.push(file);
    }
}

#[cfg(unix)]
mod fast {
    use std::ffi::CString;
    use std::os::fd::{AsRawFd as _, FromRawFd as _, OwnedFd};
    use std::os::unix::ffi::OsStrExt as _;
    use std::path::Path;

    use rayon::prelude::*;

    use super::Folder;

    /// Unlinks `tree`'s files under `dir` and removes its folders once empty.
    pub(super) fn remove(dir: &Path, tree: &Folder) {
        let Ok(path) = CString::new(dir.as_os_str().as_bytes()) else {
            return;
        };
        if let Some(fd) = open_folder(libc::AT_FDCWD, &path) {
            remove_in(&fd, tree);
        }
    }

    fn remove_in(fd: &OwnedFd, tree: &Folder) {
        let raw = fd.as_raw_fd();
        for file in &tree.files {
            if let Ok(name) = CString::new(file.as_bytes()) {
                // SAFETY: `raw` is an open folder for the whole call and `name` a valid
                // NUL-terminated string; unlinkat never follows a symbolic link.
                unsafe { libc::unlinkat(raw, name.as_ptr(), 0) };
            }
        }
        let folders: Vec<_> = tree.folders.iter().collect();
        folders.par_iter().for_each(|(name, sub)| {
            let Ok(name) = CString::new(name.as_bytes()) else {
                return;
            };
            if let Some(sub_fd) = open_folder(raw, &name) {
                remove_in(&sub_fd, sub);
                drop(sub_fd);
                // SAFETY: as above; fails harmlessly when the folder is not empty.
                unsafe { libc::unlinkat(raw, name.as_ptr(), libc::AT_REMOVEDIR) };
            }
        });
    }

    /// Opens the folder `name` under `at`; `None` when it is missing, not a folder, or a
    /// symbolic link (never followed).
    fn open_folder(at: libc::c_int, name: &CString) -> Option<OwnedFd> {
        let flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC;
        // SAFETY: `name` is a valid NUL-terminated string; the descriptor returned is new
        // and owned by the `OwnedFd` alone.
        let fd = unsafe { libc::openat(at, name.as_ptr(), flags) };
        // SAFETY: a non-negative return of openat is an open descriptor nobody else owns.
        (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd) })
    }
}

/// Without folder handles, [`remove_tree`] does it all.
#[cfg(not(unix))]
mod fast {
    pub(super) fn remove(_dir: &std::path::Path, _tree: &super::Folder) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_and_unexpected_files_go_and_nothing_outside_is_touched() {
        let base = std::env::temp_dir().join(format!("careers-remove-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let (old, outside) = (base.join("old"), base.join("outside"));
        for dir in ["jobs/a", "jobs/b", "jobs/gone", "feeds"] {
            std::fs::create_dir_all(old.join(dir)).unwrap();
        }
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("keep.txt"), b"keep").unwrap();
        for file in [
            "index.html",
            "jobs/a/index.html",
            "jobs/b/index.html",
            "jobs/gone/index.html",
            "feeds/x.xml",
        ] {
            std::fs::write(old.join(file), b"x").unwrap();
        }
        // A symbolic link where a folder is expected, and one where a file is.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&outside, old.join("jobs/c")).unwrap();
            std::os::unix::fs::symlink(outside.join("keep.txt"), old.join("feed.xml")).unwrap();
        }
        let expected: Vec<PathBuf> = [
            "index.html",
            "jobs/a/index.html",
            "jobs/b/index.html",
            "jobs/c/keep.txt",
            "feed.xml",
            "missing/file",
            "../outside/keep.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        remove_expected(&old, &expected);
        assert!(!old.exists(), "the old output is gone");
        assert_eq!(std::fs::read(outside.join("keep.txt")).unwrap(), b"keep");
        std::fs::remove_dir_all(&base).unwrap();
    }
}
