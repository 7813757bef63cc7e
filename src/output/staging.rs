//! The staging folder a build fills beside the output and then swaps in one step.
//!
//! On Linux the swap is one `renameat2(RENAME_EXCHANGE)` ([`crate::platform::exchange`]): a
//! reader (or a crash) sees the old output or the new one, never none. Where folders cannot
//! be exchanged, two renames do it: the output is moved aside, then the new folder moved in;
//! a crash between them leaves the output under the aside name, which the next build puts
//! back ([`remove_stale`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{MARKER, OutputError, absolute, confine};

/// What the marker file says.
pub(super) const MARKER_TEXT: &[u8] =
    b"This folder is written by `careers build`; it is replaced on every build.\n";
const STAGING_PREFIX: &str = ".careers-staging-";
const OLD_PREFIX: &str = ".careers-old-";
/// A watch session's second copy of the site ([`super::shadow`]).
pub(super) const SHADOW_PREFIX: &str = ".careers-shadow-";
/// Folders of killed builds and sessions, swept like staging ones (`.careers-spare-` folders
/// are swept too: careers makes none, but a site may still have them beside its output).
const SWEPT_PREFIXES: [&str; 2] = [SHADOW_PREFIX, ".careers-spare-"];

/// A staging folder being filled; removed on drop unless committed.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates a fresh staging folder beside `target` (and clears stale ones left by killed
    /// builds; the caller holds the build lock).
    pub fn create(target: &Path) -> Result<Staging, OutputError> {
        let target = absolute(target);
        let parent = target.parent().unwrap_or(Path::new("/")).to_path_buf();
        std::fs::create_dir_all(&parent)
            .map_err(|e| OutputError::io("cannot create", &parent, e))?;
        let name = file_name(&target);
        remove_stale(&parent, &name, &target);
        let dir = sibling(&target, STAGING_PREFIX);
        std::fs::create_dir(&dir)
            .map_err(|e| OutputError::io("cannot create the staging folder", &dir, e))?;
        Ok(Staging {
            target,
            dir,
            committed: false,
        })
    }

    /// The output folder this staging folder will replace.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes one output file; `relative` must stay inside the output folder.
    pub fn write(&self, relative: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        self.write_with(relative, &mut |w| w.write_all(bytes))
    }

    /// Writes one output file whose bytes `fill` makes piece by piece.
    pub fn write_with(&self, relative: &Path, fill: &mut super::Fill) -> Result<(), OutputError> {
        let path = self.place(relative)?;
        // Named as it will be published, so the message says which output folder is full.
        let fail = |e| OutputError::io("cannot write", self.target.join(relative), e);
        let file = std::fs::File::create(&path).map_err(fail)?;
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
        fill(&mut out).map_err(fail)?;
        out.flush().map_err(fail)
    }

    /// Copies a file (a static file) into the output.
    pub fn copy(&self, from: &Path, relative: &Path) -> Result<(), OutputError> {
        let path = self.place(relative)?;
        std::fs::copy(from, &path)
            .map(|_| ())
            .map_err(|e| OutputError::io("cannot copy", from, e))
    }

    /// Puts the current output's copy of `relative` into the staging folder by hard link (a
    /// copy where links are not possible): a file an edit did not change is not written.
    /// Published files are never changed in place, so the link cannot change their bytes.
    pub fn carry_over(&self, relative: &Path) -> Result<(), OutputError> {
        let from = confine(&self.target, relative)?;
        let path = self.place(relative)?;
        std::fs::hard_link(&from, &path)
            .or_else(|_| std::fs::copy(&from, &path).map(|_| ()))
            .map_err(|e| OutputError::io("cannot carry over", relative, e))
    }

    /// `relative`'s path in the staging folder (which it must not leave), its folder made.
    fn place(&self, relative: &Path) -> Result<PathBuf, OutputError> {
        let path = confine(&self.dir, relative)?;
        if let Some(parent) = path.parent() {
            make_folder(parent).map_err(|e| OutputError::io("cannot create", parent, e))?;
        }
        Ok(path)
    }

    /// Marks the staging folder as careers output, swaps it in place of the target and
    /// removes the previous output (never following a symlink inside it).
    pub fn commit(self) -> Result<PathBuf, OutputError> {
        let (target, old) = self.commit_keeping_old()?;
        if let Some(old) = old {
            let _ = std::fs::remove_dir_all(old);
        }
        Ok(target)
    }

    /// [`Staging::commit`], leaving the previous output where it now is (for a shadow).
    pub fn commit_keeping_old(mut self) -> Result<(PathBuf, Option<PathBuf>), OutputError> {
        self.write(Path::new(MARKER), MARKER_TEXT)?;
        let aside = aside(&self.target);
        let old = replace(&self.dir, &self.target, &aside)
            .map_err(|e| OutputError::io("cannot move the new site into", &self.target, e))?;
        self.committed = true;
        Ok((self.target.clone(), old))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Puts `new` in place of `target`: atomically where folders can be exchanged, else with two
/// renames through `aside`. Returns where the previous target now is, if there was one.
pub(super) fn replace(new: &Path, target: &Path, aside: &Path) -> std::io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(target).is_err() {
        std::fs::rename(new, target)?;
        return Ok(None);
    }
    match crate::platform::exchange(new, target) {
        Ok(()) => Ok(Some(new.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::Unsupported => {
            replace_by_renames(new, target, aside)?;
            Ok(Some(aside.to_path_buf()))
        }
        Err(e) => Err(e),
    }
}

/// The fallback of [`replace`]: moves `target` to `aside`, then `new` to `target`; when the
/// second rename fails the first is undone, so the output is where it was.
fn replace_by_renames(new: &Path, target: &Path, aside: &Path) -> std::io::Result<()> {
    std::fs::rename(target, aside)?;
    if let Err(e) = std::fs::rename(new, target) {
        let _ = std::fs::rename(aside, target);
        return Err(e);
    }
    Ok(())
}

/// Makes a folder whose parent usually exists: one `mkdir` for the usual new folder (each
/// posting's page has its own), where `create_dir_all` first looks it up.
fn make_folder(dir: &Path) -> std::io::Result<()> {
    match std::fs::create_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::create_dir_all(dir),
        Err(_) if dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// The last part of a path, as text.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Where the output waits while it is replaced by two renames (see [`replace`]); the next
/// build puts it back if it is left there.
pub(super) fn aside(target: &Path) -> PathBuf {
    sibling(target, &format!("{OLD_PREFIX}{STAGING_PREFIX}"))
}

/// A new hidden name beside `target`: `<prefix><name>-<pid>-<nanoseconds>`, the pattern
/// [`remove_stale`] recognises.
pub(super) fn sibling(target: &Path, prefix: &str) -> PathBuf {
    let parent = target.parent().unwrap_or(Path::new("/"));
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let name = file_name(target);
    parent.join(format!("{prefix}{name}-{}-{stamp}", std::process::id()))
}

/// Clears what killed builds left beside the output `name`: staging folders are deleted; a
/// previous output moved aside just before a kill is put back when the output is missing.
fn remove_stale(parent: &Path, name: &str, target: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let stamp_of = |rest: &str| -> Option<u128> {
        let tail = rest.strip_prefix(name)?.strip_prefix('-')?;
        let (pid, stamp) = tail.split_once('-')?;
        pid.parse::<u32>().ok()?;
        stamp.parse::<u128>().ok()
    };
    let mut olds = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if let Some(rest) = file_name.strip_prefix(OLD_PREFIX) {
            if let Some(stamp) = rest.strip_prefix(STAGING_PREFIX).and_then(stamp_of) {
                olds.push((stamp, entry.path()));
            }
        } else if let Some(rest) = std::iter::once(STAGING_PREFIX)
            .chain(SWEPT_PREFIXES)
            .find_map(|prefix| file_name.strip_prefix(prefix))
            && stamp_of(rest).is_some()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    olds.sort();
    if !target.exists()
        && let Some((_, newest)) = olds.pop()
    {
        let _ = std::fs::rename(&newest, target);
    }
    for (_, old) in olds {
        let _ = std::fs::remove_dir_all(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(path: &Path, marker: &str) {
        std::fs::create_dir(path).expect("create folder");
        std::fs::write(path.join("which"), marker).expect("write marker");
    }

    fn which(path: &Path) -> String {
        std::fs::read_to_string(path.join("which")).expect("read marker")
    }

    /// Where a replace test puts the new folder, the target and the aside name.
    fn three_folders(temp: &Path) -> (PathBuf, PathBuf, PathBuf) {
        (temp.join("new"), temp.join("out"), temp.join("aside"))
    }

    #[test]
    fn a_file_s_folder_is_made_whether_or_not_its_parents_exist() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let staging = Staging::create(&tmp.path().join("public")).expect("staging");
        for file in [
            "jobs/a/index.html",
            "jobs/b/index.html",
            "x/y/z/feed.xml",
            "top.txt",
        ] {
            staging.write(Path::new(file), b"bytes").expect(file);
            let written = std::fs::read(staging.dir.join(file)).expect(file);
            assert_eq!(written, b"bytes", "{file}");
        }
        let blocked = staging.write(Path::new("top.txt/inside.html"), b"no");
        assert!(blocked.is_err_and(|e| e.to_string().starts_with("cannot create")));
        let escape = staging.write(Path::new("../outside.html"), b"no");
        assert!(matches!(escape, Err(OutputError::Escapes { .. })));
    }

    #[test]
    fn replace_puts_the_new_folder_in_place_and_says_where_the_old_one_is() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (new, target, aside) = three_folders(temp.path());
        folder(&new, "new");
        assert_eq!(replace(&new, &target, &aside).expect("first"), None);
        assert_eq!(which(&target), "new");
        folder(&new, "newer");
        let old = replace(&new, &target, &aside)
            .expect("second")
            .expect("old");
        assert_eq!(
            (which(&target), which(&old)),
            ("newer".into(), "new".into())
        );
    }

    #[test]
    fn the_rename_fallback_swaps_and_undoes_a_half_done_swap() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (new, target, aside) = three_folders(temp.path());
        folder(&new, "new");
        folder(&target, "old");
        replace_by_renames(&new, &target, &aside).expect("fallback");
        assert_eq!(
            (which(&target), which(&aside)),
            ("new".into(), "old".into())
        );
        std::fs::remove_dir_all(&aside).expect("clear aside");
        let err = replace_by_renames(&new, &target, &aside).expect_err("nothing to move in");
        assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(which(&target), "new", "the output is back in place");
    }
}
