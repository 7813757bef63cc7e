//! One build at a time per output folder: an exclusive `flock` on `.careers-lock-<name>`
//! beside the output, held from the first check of the folder until the swap is done.
//!
//! The kernel drops the lock when the process dies (even by SIGKILL), so a killed build
//! never blocks the next one. Each build takes and releases its own lock, so `watch`
//! (one build after another in one process) and `serve` (its own temp folder) are unaffected.

use std::path::{Path, PathBuf};

const LOCK_PREFIX: &str = ".careers-lock-";

/// Holds the lock until dropped; the lock file is removed on drop.
#[derive(Debug)]
pub struct BuildLock {
    path: PathBuf,
    #[cfg(unix)]
    _file: std::fs::File,
}

/// The lock file for an output folder: `<parent>/.careers-lock-<name>`.
pub fn lock_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let parent = output.parent().unwrap_or(Path::new("."));
    parent.join(format!("{LOCK_PREFIX}{name}"))
}

/// Takes the lock for `output` (an absolute path), or says that another build holds it.
#[cfg(unix)]
pub fn acquire(output: &Path) -> Result<BuildLock, String> {
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::io::AsRawFd;

    let path = lock_path(output);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    // A holder that finishes removes the file; if we locked a file that was removed meanwhile,
    // our lock guards nothing, so try again on the new file (a few times at most).
    for _ in 0..16 {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| format!("cannot create the lock file {}: {e}", path.display()))?;
        // SAFETY: flock on a file descriptor we own; no memory is shared with the kernel.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc != 0 {
            let err = std::io::Error::last_os_error();
            if err.raw_os_error() == Some(libc::EWOULDBLOCK) {
                return Err(format!(
                    "another careers build is writing {}; wait for it to finish",
                    output.display()
                ));
            }
            return Err(format!("cannot lock {}: {err}", path.display()));
        }
        let same = match (file.metadata(), std::fs::metadata(&path)) {
            (Ok(held), Ok(now)) => held.ino() == now.ino() && held.dev() == now.dev(),
            _ => false,
        };
        if same {
            return Ok(BuildLock { path, _file: file });
        }
    }
    Err(format!(
        "cannot lock {}: the lock file keeps changing",
        path.display()
    ))
}

/// Without flock the lock is a no-op (careers builds on Windows are not locked).
#[cfg(not(unix))]
pub fn acquire(output: &Path) -> Result<BuildLock, String> {
    Ok(BuildLock {
        path: lock_path(output),
    })
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Remove while still holding the lock; the file handle closes (unlocking) after this.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_output_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let first = acquire(&out).expect("first lock");
        let err = acquire(&out).expect_err("second lock must fail");
        assert_eq!(
            err,
            format!(
                "another careers build is writing {}; wait for it to finish",
                out.display()
            )
        );
        assert!(dir.path().join(".careers-lock-public").is_file());
        drop(first);
        assert!(!dir.path().join(".careers-lock-public").exists());
        let again = acquire(&out).expect("lock after release");
        drop(again);
        let other = acquire(&dir.path().join("other")).expect("other output is independent");
        drop(other);
    }
}
