//! Writing the site: into a staging folder beside the output, swapped in only when the
//! whole build succeeded, so a failed build leaves the published folder exactly as it was.
//!
//! The output folder carries a marker file; careers refuses to replace a non-empty folder
//! without it (unless `--force`), and refuses folders that hold the site itself.

mod error;
pub(crate) mod lock;
mod shadow;
mod staging;

use std::path::{Component, Path, PathBuf};

pub use error::{OutputError, Refusal};
pub use shadow::Shadow;
pub use staging::Staging;

/// What writes one file's bytes piece by piece (a page rendered straight into its file, a
/// 38 MB feed assembled from its items), so large files are never joined in memory first.
pub type Fill<'a> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'a;

/// The file that marks a folder as careers output (safe for careers to replace).
pub const MARKER: &str = ".careers-output";

/// Checks that `output` is a folder careers may replace, given the site folder.
pub fn check_output(site_dir: &Path, output: &Path, force: bool) -> Result<(), OutputError> {
    let site = absolute(site_dir);
    let out = absolute(output);
    let refuse = |why| OutputError::Refused {
        path: output.to_path_buf(),
        why,
    };
    if out == site || site.starts_with(&out) {
        return Err(refuse(Refusal::HoldsSite));
    }
    if out.starts_with(site.join("content")) {
        return Err(refuse(Refusal::InsideContent));
    }
    if out.starts_with(site.join("themes")) {
        return Err(refuse(Refusal::InsideThemes));
    }
    if out.is_file() {
        return Err(refuse(Refusal::IsFile));
    }
    if out.is_dir() && !force && !out.join(MARKER).exists() {
        let non_empty = std::fs::read_dir(&out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty {
            return Err(refuse(Refusal::NotOurs));
        }
    }
    replaceable(&out)
}

/// Whether the output (if there is one) can be replaced: its parent, itself and the folders
/// in it must be changeable, or the previous site could be swapped out but never removed.
/// (Deeper folders are not looked at: 10,000 of them would cost a build ~50 ms.)
fn replaceable(out: &Path) -> Result<(), OutputError> {
    if !out.is_dir() {
        return Ok(());
    }
    let parent = out.parent().unwrap_or(Path::new("/"));
    let folders = walkdir::WalkDir::new(out)
        .max_depth(1)
        .into_iter()
        .filter_map(Result::ok);
    let folders = folders
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.into_path());
    for dir in std::iter::once(parent.to_path_buf()).chain(folders) {
        crate::platform::may_write(&dir).map_err(|e| {
            OutputError::io("cannot replace the output: no permission to change", dir, e)
        })?;
    }
    Ok(())
}

/// Takes the one-build-at-a-time lock for `output` (see [`lock`]).
pub fn lock(output: &Path) -> Result<lock::BuildLock, OutputError> {
    lock::acquire(&absolute(output))
}

/// The path made absolute and cleaned of `.`/`..`, resolving symlinks where it exists.
pub(crate) fn absolute(path: &Path) -> PathBuf {
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

/// `dir/relative`, refusing a `relative` that is empty or would leave `dir`.
pub(crate) fn confine(dir: &Path, relative: &Path) -> Result<PathBuf, OutputError> {
    let safe = !relative.as_os_str().is_empty()
        && relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !safe {
        return Err(OutputError::Escapes {
            path: relative.to_path_buf(),
        });
    }
    Ok(dir.join(relative))
}
