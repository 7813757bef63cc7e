//! Writing the site: into a staging folder beside the output, swapped in only when the
//! whole build succeeded, so a failed build leaves the published folder exactly as it was.
//!
//! The output folder carries a marker file; careers refuses to replace a non-empty folder
//! without it (unless `--force`), and refuses folders that hold the site itself.

pub mod exchange;
pub mod lock;
pub mod overwrite;
pub mod remove;
pub mod shadow;
pub mod spare;
mod streamed;

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

pub use remove::remove_tree;

/// What writes one file's bytes piece by piece (a page rendered straight into its file, a
/// 38 MB feed assembled from its items), so large files are never joined in memory first.
pub type Fill<'a> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'a;

/// The file that marks a folder as careers output (safe for careers to replace).
pub const MARKER: &str = ".careers-output";
/// What the marker file says.
const MARKER_TEXT: &[u8] =
    b"This folder is written by `careers build`; it is replaced on every build.\n";
const STAGING_PREFIX: &str = ".careers-staging-";
const OLD_PREFIX: &str = ".careers-old-";
/// A watch session's previous output, kept for its next edit (see [`shadow`]).
const SHADOW_PREFIX: &str = ".careers-shadow-";
/// A serve session's spare copies of its files (see [`spare`]).
const SPARE_PREFIX: &str = ".careers-spare-";

/// A staging folder being filled; removed on drop unless committed.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// Whether the target held an output when the build began (a fresh build has no
    /// unchanged files to look for).
    replacing: bool,
    /// Every file put into it (relative): what the previous output is expected to hold too,
    /// so it can be removed quickly after the swap ([`remove::remove_expected`]).
    files: Mutex<Vec<PathBuf>>,
}

/// Checks that `output` is a folder careers may replace, given the site folder.
pub fn check_output(site_dir: &Path, output: &Path, force: bool) -> Result<(), String> {
    let site = absolute(site_dir);
    let out = absolute(output);
    let shown = output.display();
    if out == site || site.starts_with(&out) {
        return Err(format!(
            "refusing to use {shown} as the output folder: it contains the site itself, and building would replace your content"
        ));
    }
    for protected in ["content", "themes"] {
        if out.starts_with(site.join(protected)) {
            return Err(format!(
                "refusing to use {shown} as the output folder: it is inside {protected}/, which holds your site's sources"
            ));
        }
    }
    if out.is_file() {
        return Err(format!("the output path {shown} is a file, not a folder"));
    }
    if out.is_dir() && !force && !out.join(MARKER).exists() {
        let non_empty = std::fs::read_dir(&out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty {
            return Err(format!(
                "refusing to replace {shown}: it is not empty and was not made by careers (pass --force to replace it anyway)"
            ));
        }
    }
    Ok(())
}

/// Takes the one-build-at-a-time lock for `output` (see [`lock`]).
pub fn lock(output: &Path) -> Result<lock::BuildLock, String> {
    lock::acquire(&absolute(output))
}

/// Makes a folder whose parent usually exists: one `mkdir` for the usual new folder (each
/// posting's page has its own), where `create_dir_all` first looks it up and fails.
fn make_folder(dir: &Path) -> std::io::Result<()> {
    match std::fs::create_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::create_dir_all(dir),
        Err(_) if dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// The path made absolute and cleaned of `.`/`..`, resolving symlinks where it exists.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(canonical) = path.canonicalize() {
        return canonical;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Canonicalise the longest existing ancestor, then append the rest.
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        if !existing.pop() {
            break;
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for part in rest.into_iter().rev() {
        if part == ".." {
            out.pop();
        } else if part != "." {
            out.push(part);
        }
    }
    out
}

impl Staging {
    /// Creates a fresh staging folder beside `target` (and clears stale ones left by killed builds).
    pub fn create(target: &Path) -> Result<Staging, String> {
        let target = absolute(target);
        let parent = target
            .parent()
            .ok_or_else(|| format!("{} has no parent folder", target.display()))?
            .to_path_buf();
        std::fs::create_dir_all(&parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        remove_stale(&parent, &name, &target);
        let dir = sibling(&target, STAGING_PREFIX)?;
        std::fs::create_dir(&dir)
            .map_err(|e| format!("cannot create the staging folder {}: {e}", dir.display()))?;
        Ok(Staging {
            replacing: target.is_dir(),
            target,
            dir,
            committed: false,
            files: Mutex::new(Vec::new()),
        })
    }

    /// The staging folder (for copying static files).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one output file; `relative` must stay inside the output folder.
    pub fn write(&self, relative: &Path, bytes: &[u8]) -> Result<(), String> {
        let path = self.place(relative)?;
        // A file the current output already has, byte for byte, is hard-linked instead of
        // written: on a disk a link costs less than a new file (measured in
        // docs/performance.md). Files are never changed in place, so the link cannot change
        // the published bytes; the old name goes with the old output after the swap.
        let unchanged = self
            .replacing
            .then(|| self.target.join(relative))
            .filter(|previous| {
                std::fs::symlink_metadata(previous)
                    .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
                    && std::fs::read(previous).is_ok_and(|old| old == bytes)
            });
        self.record(relative);
        if let Some(previous) = unchanged
            && std::fs::hard_link(&previous, &path).is_ok()
        {
            return Ok(());
        }
        let mut file = std::fs::File::create(&path)
            .map_err(|e| format!("cannot write {}: {e}", relative.display()))?;
        file.write_all(bytes)
            .map_err(|e| format!("cannot write {}: {e}", relative.display()))
    }

    /// `relative`'s path in the staging folder (which it must not leave), its folder made.
    fn place(&self, relative: &Path) -> Result<PathBuf, String> {
        let path = confine(&self.dir, relative)?;
        if let Some(parent) = path.parent() {
            make_folder(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        Ok(path)
    }

    /// Notes a file put into the staging folder.
    fn record(&self, relative: &Path) {
        if let Ok(mut files) = self.files.lock() {
            files.push(relative.to_path_buf());
        }
    }

    /// Copies a file into the output.
    pub fn copy(&self, from: &Path, relative: &Path) -> Result<(), String> {
        let path = self.place(relative)?;
        self.record(relative);
        std::fs::copy(from, &path).map(|_| ()).map_err(|e| {
            format!(
                "cannot copy {} to {}: {e}",
                from.display(),
                relative.display()
            )
        })
    }

    /// Hard-links an unchanged file of the previous output into the staging folder (a copy
    /// where links are not possible), so an incremental build writes only what changed.
    pub fn link(&self, from: &Path, relative: &Path) -> Result<(), String> {
        let path = self.place(relative)?;
        self.record(relative);
        std::fs::hard_link(from, &path)
            .or_else(|_| std::fs::copy(from, &path).map(|_| ()))
            .map_err(|e| format!("cannot carry over {}: {e}", relative.display()))
    }

    /// Marks the staging folder as careers output and swaps it in place of the target.
    pub fn commit(self) -> Result<PathBuf, String> {
        let mut files = std::mem::take(&mut *self.files.lock().unwrap_or_else(|e| e.into_inner()));
        files.push(PathBuf::from(MARKER));
        let (target, old) = self.swap()?;
        if let Some(old) = old {
            remove::remove_expected(&old, &files);
        }
        Ok(target)
    }

    /// [`Staging::commit`] without removing the previous output: returns the target and the
    /// folder the previous output is now in (the staging folder's name after an atomic
    /// exchange, `.careers-old-…` after the two-rename fallback), for the caller to remove
    /// or, in `watch`, to keep as its [`shadow::Shadow`].
    pub fn swap(mut self) -> Result<(PathBuf, Option<PathBuf>), String> {
        self.write(Path::new(MARKER), MARKER_TEXT)?;
        let parent = self.dir.parent().unwrap_or(Path::new(".")).to_path_buf();
        let aside = parent.join(format!(
            "{OLD_PREFIX}{}",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let old = exchange::replace(&self.dir, &self.target, &aside).map_err(|e| {
            format!(
                "cannot move the new site into {}: {e}",
                self.target.display()
            )
        })?;
        self.committed = true;
        Ok((self.target.clone(), old))
    }
}

/// `dir/relative`, refusing a `relative` that is empty or would leave `dir`.
fn confine(dir: &Path, relative: &Path) -> Result<PathBuf, String> {
    let safe = !relative.as_os_str().is_empty()
        && relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !safe {
        return Err(format!(
            "refusing to write {}: the path would leave the output folder",
            relative.display()
        ));
    }
    Ok(dir.join(relative))
}

/// A new hidden name beside `target`: `<prefix><name>-<pid>-<nanoseconds>`, the pattern
/// [`remove_stale`] recognises.
fn sibling(target: &Path, prefix: &str) -> Result<PathBuf, String> {
    let parent = target
        .parent()
        .ok_or_else(|| format!("{} has no parent folder", target.display()))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    Ok(parent.join(format!("{prefix}{name}-{}-{stamp}", std::process::id())))
}

/// Where the two-rename fallback moves the output aside: a name [`remove_stale`] puts back
/// when a crash left no output.
fn aside_for(target: &Path) -> Result<PathBuf, String> {
    sibling(target, &format!("{OLD_PREFIX}{STAGING_PREFIX}"))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Clears what killed builds left beside the output `name` (the caller holds the build
/// lock, so no other build is using them): staging folders, watch shadows and serve's spare
/// folders are deleted (a live serve session makes its spares again); a previous output
/// moved aside just before a kill is put back when the output folder itself is missing.
fn remove_stale(parent: &Path, name: &str, target: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let staging_of = |rest: &str| -> Option<u128> {
        let tail = rest.strip_prefix(name)?.strip_prefix('-')?;
        let (pid, stamp) = tail.split_once('-')?;
        pid.parse::<u32>().ok()?;
        stamp.parse::<u128>().ok()
    };
    let mut olds = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if let Some(rest) = file_name.strip_prefix(OLD_PREFIX) {
            if let Some(stamp) = rest.strip_prefix(STAGING_PREFIX).and_then(staging_of) {
                olds.push((stamp, entry.path()));
            }
        } else if let Some(rest) = file_name
            .strip_prefix(STAGING_PREFIX)
            .or_else(|| file_name.strip_prefix(SHADOW_PREFIX))
            .or_else(|| file_name.strip_prefix(SPARE_PREFIX))
            && staging_of(rest).is_some()
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
            let written = std::fs::read(staging.dir().join(file)).expect(file);
            assert_eq!(written, b"bytes", "{file}");
        }
        // A second file in a folder that exists, and a file where a folder is wanted.
        staging
            .write(Path::new("jobs/a/more.html"), b"more")
            .expect("second file");
        let blocked = staging.write(Path::new("top.txt/inside.html"), b"no");
        assert!(blocked.is_err_and(|e| e.starts_with("cannot create")));
    }
}
