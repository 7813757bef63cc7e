//! A watch session's second copy of the site: the output its last publish replaced, kept
//! beside the output as `.careers-shadow-<name>-<pid>-<time>`. The next edit rewrites in it
//! only the files that differ and swaps it in place of the output (one exchange); the output
//! it replaces becomes the shadow. On a disk every new folder and link costs about half a
//! millisecond, and a 1,000-posting site has 2,000 of them: a fresh staging folder per edit
//! would take a second, the shadow takes a few milliseconds.
//!
//! Nothing is written through a file already there: a changed file is written under a
//! temporary name and renamed over the old one, so a reader of an earlier generation keeps
//! its bytes. A symlink inside the shadow (someone put one into the output) is never
//! followed: such a folder makes the write fail, and the session builds afresh.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{OutputError, confine, staging};

/// The shadow of one output folder.
#[derive(Debug)]
pub struct Shadow {
    dir: PathBuf,
    target: PathBuf,
}

impl Shadow {
    /// Keeps `old`, the folder a publish just replaced, as the shadow of `target`.
    pub fn keep(old: &Path, target: &Path) -> Result<Shadow, OutputError> {
        let dir = staging::sibling(target, staging::SHADOW_PREFIX);
        std::fs::rename(old, &dir).map_err(|e| OutputError::io("cannot keep", old, e))?;
        Ok(Shadow {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// The output folder this shadow takes turns with.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Whether the shadow is still there as a real folder (another build may have swept it).
    pub fn is_there(&self) -> bool {
        std::fs::symlink_metadata(&self.dir).is_ok_and(|m| m.is_dir())
    }

    /// Writes `bytes` as the file at `relative`, a new file in place of any old one.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.place(relative)?;
        let temp = temporary(&path);
        let fail = |e| OutputError::io("cannot write", &path, e);
        let mut file = std::fs::File::create(&temp).map_err(fail)?;
        file.write_all(bytes).map_err(fail)?;
        drop(file);
        std::fs::rename(&temp, &path).map_err(fail)
    }

    /// Puts the output's file at `relative` into the shadow by hard link (a copy where links
    /// are not possible), in place of the shadow's old one.
    pub fn link_from_output(&self, relative: &str) -> Result<(), OutputError> {
        let from = confine(&self.target, Path::new(relative))?;
        let path = self.place(relative)?;
        let temp = temporary(&path);
        let fail = |e| OutputError::io("cannot carry over", &path, e);
        std::fs::hard_link(&from, &temp)
            .or_else(|_| std::fs::copy(&from, &temp).map(|_| ()))
            .map_err(fail)?;
        std::fs::rename(&temp, &path).map_err(fail)
    }

    /// Removes the file at `relative` (a link itself, never what it points to), and its
    /// folder when that is left empty.
    pub fn remove(&self, relative: &str) -> Result<(), OutputError> {
        let path = self.place(relative)?;
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(OutputError::io("cannot remove", &path, e)),
        }
        if let Some(parent) = path.parent().filter(|p| *p != self.dir) {
            let _ = std::fs::remove_dir(parent);
        }
        Ok(())
    }

    /// Removes every file (and symlink) in the shadow but the marker and those in `known`.
    pub fn remove_unknown<V>(&self, known: &HashMap<String, V>) -> Result<(), OutputError> {
        for entry in walkdir::WalkDir::new(&self.dir).min_depth(1) {
            let entry = entry.map_err(|e| OutputError::io("cannot read", &self.dir, e.into()))?;
            if entry.file_type().is_dir() {
                continue;
            }
            let relative = entry.path().strip_prefix(&self.dir).unwrap_or(entry.path());
            let relative = relative.to_string_lossy().replace('\\', "/");
            if relative != super::MARKER && !known.contains_key(&relative) {
                self.remove(&relative)?;
            }
        }
        Ok(())
    }

    /// Marks the shadow as careers output and swaps it in place of the output; the output
    /// it replaces is the shadow from now on.
    pub fn swap(self) -> Result<Shadow, OutputError> {
        self.write(super::MARKER, staging::MARKER_TEXT)?;
        let aside = staging::aside(&self.target);
        let old = staging::replace(&self.dir, &self.target, &aside)
            .map_err(|e| OutputError::io("cannot move the new site into", &self.target, e))?;
        let old = old.ok_or_else(|| OutputError::Kept {
            path: self.target.display().to_string(),
        })?;
        if old == self.dir {
            return Ok(self);
        }
        Shadow::keep(&old, &self.target)
    }

    /// Removes the shadow (never following a symlink inside it).
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }

    /// `relative`'s path in the shadow, its folders made; refused when a folder on the way
    /// is a symlink or a file.
    fn place(&self, relative: &str) -> Result<PathBuf, OutputError> {
        let path = confine(&self.dir, Path::new(relative))?;
        let mut folder = self.dir.clone();
        let parents: Vec<_> = Path::new(relative).parent().into_iter().collect();
        for part in parents.iter().flat_map(|p| p.components()) {
            folder.push(part);
            match std::fs::symlink_metadata(&folder) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    return Err(OutputError::Escapes {
                        path: PathBuf::from(relative),
                    });
                }
                Err(_) => std::fs::create_dir(&folder)
                    .map_err(|e| OutputError::io("cannot create", &folder, e))?,
            }
        }
        Ok(path)
    }
}

/// A temporary name beside `path`, for a file renamed over it once written.
fn temporary(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".careers-new");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shadow_is_rewritten_then_swapped_in_and_the_output_becomes_the_shadow() {
        let temp = tempfile::tempdir().expect("temp dir");
        let out = temp.path().join("public");
        let old = temp.path().join("old");
        for dir in [&out, &old] {
            std::fs::create_dir_all(dir.join("jobs/a")).expect("mkdir");
        }
        std::fs::write(out.join("jobs/a/index.html"), "current").expect("write");
        std::fs::write(old.join("jobs/a/index.html"), "old").expect("write");
        std::fs::write(old.join("gone.txt"), "old").expect("write");
        let shadow = Shadow::keep(&old, &out).expect("keep");
        let held = std::fs::read(out.join("jobs/a/index.html")).expect("read");
        shadow.link_from_output("jobs/a/index.html").expect("link");
        shadow
            .write("jobs/b/index.html", b"new page")
            .expect("write");
        shadow.remove("gone.txt").expect("remove");
        let shadow = shadow.swap().expect("swap");
        assert_eq!(
            std::fs::read(out.join("jobs/a/index.html")).expect("read"),
            held
        );
        assert_eq!(
            std::fs::read(out.join("jobs/b/index.html")).expect("read"),
            b"new page"
        );
        assert!(!out.join("gone.txt").exists());
        assert!(out.join(super::super::MARKER).is_file());
        assert!(shadow.is_there());
        shadow
            .write("jobs/a/index.html", b"next")
            .expect("write the next generation");
        assert_eq!(
            held, b"current",
            "the published file is not written through"
        );
        shadow.discard();
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_folder_in_the_shadow_is_never_written_through() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (out, old, elsewhere) = (
            temp.path().join("public"),
            temp.path().join("old"),
            temp.path().join("elsewhere"),
        );
        for dir in [&out, &old, &elsewhere] {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::os::unix::fs::symlink(&elsewhere, old.join("jobs")).expect("symlink");
        let shadow = Shadow::keep(&old, &out).expect("keep");
        let refused = shadow.write("jobs/x/index.html", b"no");
        assert!(matches!(refused, Err(OutputError::Escapes { .. })));
        assert_eq!(std::fs::read_dir(&elsewhere).expect("read").count(), 0);
        shadow.discard();
        assert!(elsewhere.is_dir(), "what the link pointed at stays");
    }
}
