//! Double buffering for `careers watch`: the folder an edit swapped out is kept beside the
//! output as a *shadow*, and the next edit brings it up to date and swaps it back in,
//! instead of hard-linking every unchanged file into a new staging folder.
//!
//! Outside the files in [`Shadow::stale`], the shadow and the live output hold the same
//! inodes (hard links) or, where links were not possible, the same bytes. So the shadow
//! becomes the next site by writing that edit's files and re-linking the files the previous
//! edit changed. A file shared with the live output, or still open by a reader of an older
//! generation, is never written through: it is replaced by a new file (`create_new`, after
//! unlinking what was there). The stale files are kept, and one that nobody else can see
//! (see [`super::overwrite`]) is overwritten in place, which on tmpfs costs a fraction of
//! a new file; so the shadow holds a second copy of the files the last edit wrote.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{MARKER, MARKER_TEXT, SHADOW_PREFIX, confine, exchange, overwrite, sibling};

/// The previous output of a watch session, kept to become the next one.
#[derive(Debug)]
pub struct Shadow {
    /// The live output folder (absolute).
    target: PathBuf,
    /// This folder: `.careers-shadow-<name>-<pid>-<time>` beside the output.
    dir: PathBuf,
    /// Site-relative files whose bytes may differ from the live output's.
    stale: BTreeSet<String>,
    /// The identity of the live output and of this folder after the last swap, to notice
    /// another process replacing the output or sweeping this folder.
    ids: (Option<FileId>, Option<FileId>),
}

impl Shadow {
    /// Keeps `old`, the folder a swap just moved the previous output of `target` to, as the
    /// shadow; `fresh` are the files that swap's build wrote (every other file of the new
    /// output is a hard link to, or a copy of, the same file in `old`).
    pub fn keep(target: &Path, old: &Path, fresh: BTreeSet<String>) -> Result<Shadow, String> {
        let dir = sibling(target, SHADOW_PREFIX)?;
        std::fs::rename(old, &dir)
            .map_err(|e| format!("cannot keep the previous output as {}: {e}", dir.display()))?;
        let ids = (file_id(target), file_id(&dir));
        Ok(Shadow {
            target: target.to_path_buf(),
            dir,
            stale: fresh,
            ids,
        })
    }

    /// The shadow folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when the output and this folder are still the ones the last swap left; false
    /// when another build replaced the output or swept this folder (the caller, holding the
    /// build lock, then discards the shadow).
    pub fn is_current(&self) -> bool {
        self.ids.0.is_some()
            && self.ids.1.is_some()
            && (file_id(&self.target), file_id(&self.dir)) == self.ids
    }

    /// Writes one file: through the stale file at `relative` when nobody else can see it,
    /// otherwise as a new inode.
    pub fn write(&self, relative: &Path, bytes: &[u8]) -> Result<(), String> {
        let path = confine(&self.dir, relative)?;
        let mut file =
            overwrite::open_or_create(&path).map_err(|e| cannot("write", relative, &e))?;
        overwrite::write_whole(&mut file, bytes).map_err(|e| cannot("write", relative, &e))
    }

    /// Writes one file made piece by piece (like [`Shadow::write`]), through a buffer, so a
    /// large feed is never joined in memory first.
    pub fn write_with(
        &self,
        relative: &Path,
        fill: &mut crate::output::Fill,
    ) -> Result<(), String> {
        let path = confine(&self.dir, relative)?;
        overwrite::open_or_create(&path)
            .and_then(|file| overwrite::fill_whole(file, fill))
            .map_err(|e| cannot("write", relative, &e))
    }

    /// Copies a file from disk into the shadow (written like [`Shadow::write`]).
    pub fn copy(&self, from: &Path, relative: &Path) -> Result<(), String> {
        let bytes = std::fs::read(from).map_err(|e| cannot("read", from, &e))?;
        self.write(relative, &bytes)
    }

    /// Re-links every stale file not in `fresh` (those the previous edit wrote and this one
    /// did not) to the live output's file, so only `fresh` differs afterwards.
    pub fn catch_up(&mut self, fresh: &BTreeSet<String>) -> Result<(), String> {
        use rayon::prelude::*;
        let behind: Vec<&String> = self.stale.difference(fresh).collect();
        behind.par_iter().try_for_each(|relative| {
            let relative = Path::new(relative.as_str());
            let path = confine(&self.dir, relative)?;
            let live = self.target.join(relative);
            remove_if_there(&path).map_err(|e| cannot("replace", relative, &e))?;
            std::fs::hard_link(&live, &path)
                .or_else(|_| {
                    if let Some(parent) = path.parent() {
                        std::fs::create_dir_all(parent)?;
                    }
                    std::fs::hard_link(&live, &path)
                        .or_else(|_| std::fs::copy(&live, &path).map(|_| ()))
                })
                .map_err(|e| cannot("carry over", relative, &e))
        })
    }

    /// Swaps this folder in place of the live output (atomically where the OS can); after
    /// it this folder holds the previous output, and `fresh` (the files this edit wrote) are
    /// the ones that differ. On an error the shadow's state is unknown: discard it.
    pub fn swap(&mut self, fresh: BTreeSet<String>) -> Result<(), String> {
        if std::fs::symlink_metadata(self.dir.join(MARKER)).is_err() {
            self.write(Path::new(MARKER), MARKER_TEXT)?;
        }
        let aside = super::aside_for(&self.target)?;
        let old = exchange::replace(&self.dir, &self.target, &aside).map_err(|e| {
            format!(
                "cannot move the new site into {}: {e}",
                self.target.display()
            )
        })?;
        match old {
            Some(old) if old != self.dir => std::fs::rename(&old, &self.dir).map_err(|e| {
                format!(
                    "cannot keep the previous output as {}: {e}",
                    self.dir.display()
                )
            })?,
            Some(_) => {}
            None => return Err("the output folder disappeared during the swap".into()),
        }
        self.stale = fresh;
        self.ids = (file_id(&self.target), file_id(&self.dir));
        Ok(())
    }

    /// Gives up the shadow, returning its folder for the caller to remove.
    pub fn into_dir(self) -> PathBuf {
        self.dir
    }
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn cannot(what: &str, path: &Path, e: &std::io::Error) -> String {
    format!("cannot {what} {}: {e}", path.display())
}

/// Which folder a path is (device and inode), to tell a folder from one put in its place.
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| (m.dev(), m.ino()))
}

/// Without inode numbers, only existence is checked.
#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<FileId> {
    std::fs::symlink_metadata(path).ok().map(|_| (0, 0))
}
