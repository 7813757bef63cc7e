//! One build at a time per output folder: an exclusive lock on `.careers-lock-<name>` beside
//! the output, held from the first check of the folder until the swap is done.
//!
//! The system drops the lock when the process dies (even by SIGKILL), so a killed build
//! never blocks the next one. The holder removes the lock file when done; a build that
//! locked a file just removed (or replaced) that way notices and locks the new one.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use same_file::Handle;

use super::OutputError;

const LOCK_PREFIX: &str = ".careers-lock-";

/// Holds the lock until dropped, then removes the lock file.
#[derive(Debug)]
pub struct BuildLock {
    path: PathBuf,
    file: Option<File>,
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Removed while still locked, so nobody can lock this file and trust it after us.
        let _ = std::fs::remove_file(&self.path);
        drop(self.file.take());
    }
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

/// Takes the lock for `output`, or says that another build holds it.
pub fn acquire(output: &Path) -> Result<BuildLock, OutputError> {
    take(output, |file, path| match file.try_lock() {
        Ok(()) => Ok(()),
        Err(TryLockError::WouldBlock) => Err(OutputError::Locked {
            output: output.to_path_buf(),
        }),
        Err(TryLockError::Error(e)) => Err(OutputError::io("cannot lock", path, e)),
    })
}

/// Waits until the lock for `output` is free, then takes it (`watch`, which must publish
/// an edit even while another build is running).
pub fn wait(output: &Path) -> Result<BuildLock, OutputError> {
    take(output, |file, path| {
        file.lock()
            .map_err(|e| OutputError::io("cannot lock", path, e))
    })
}

/// Opens the lock file and locks it with `lock`, again if the file locked is no longer the
/// one at the path (its holder removed it on the way out).
fn take(
    output: &Path,
    lock: impl Fn(&File, &Path) -> Result<(), OutputError>,
) -> Result<BuildLock, OutputError> {
    let path = lock_path(output);
    loop {
        let file = open(&path)?;
        lock(&file, &path)?;
        if still_at(&file, &path) {
            return Ok(BuildLock {
                path,
                file: Some(file),
            });
        }
    }
}

/// Whether `file` is still the file at `path`.
fn still_at(file: &File, path: &Path) -> bool {
    let (Ok(ours), Ok(there)) = (
        file.try_clone().and_then(Handle::from_file),
        Handle::from_path(path),
    ) else {
        return false;
    };
    ours == there
}

/// Opens (or makes) the lock file and its folder.
fn open(path: &Path) -> Result<File, OutputError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| OutputError::io("cannot create", parent, e))?;
    }
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| OutputError::io("cannot create the lock file", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_output_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let first = acquire(&out).expect("first lock");
        let err = acquire(&out).expect_err("second lock must fail");
        assert_eq!(
            err.to_string(),
            format!(
                "another careers build is writing {}; wait for it to finish",
                out.display()
            )
        );
        drop(first);
        let again = acquire(&out).expect("lock after release");
        drop(again);
        let other = acquire(&dir.path().join("other")).expect("other output is independent");
        drop(other);
    }

    #[test]
    fn waiting_for_the_lock_returns_once_the_holder_lets_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let first = acquire(&out).expect("first lock");
        let waiter = {
            let out = out.clone();
            std::thread::spawn(move || wait(&out).map(|_| ()))
        };
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(
            !waiter.is_finished(),
            "the waiter waits while the lock is held"
        );
        drop(first);
        waiter.join().expect("join").expect("lock after release");
        assert!(
            !lock_path(&out).exists(),
            "the lock file goes with the lock"
        );
    }
}
