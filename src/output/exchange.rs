//! Putting a finished folder in place of the output in one step.
//!
//! On Linux `renameat2(RENAME_EXCHANGE)` swaps two folders atomically: a reader (or a crash)
//! sees the old output or the new one, never no output. Where the kernel or the filesystem
//! cannot exchange (another OS, an old kernel, some network filesystems), two renames do it
//! instead: the output is moved aside, then the new folder moved in; a crash between them
//! leaves the output under the aside name, which the next build puts back
//! ([`super::remove_stale`]).

use std::io;
use std::path::{Path, PathBuf};

/// Swaps the folders `a` and `b` (both must exist) in one atomic step; an error of kind
/// `Unsupported` means this OS or filesystem cannot, and nothing changed.
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    platform::exchange(a, b)
}

/// Puts `new` in place of `target`: atomically when [`exchange`] can, else with two renames
/// through `aside`. Returns where the previous target now is (`new`'s path after an exchange,
/// `aside` after the renames), or `None` when there was no target.
pub fn replace(new: &Path, target: &Path, aside: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(target).is_err() {
        std::fs::rename(new, target)?;
        return Ok(None);
    }
    match exchange(new, target) {
        Ok(()) => Ok(Some(new.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::Unsupported => {
            replace_by_renames(new, target, aside)?;
            Ok(Some(aside.to_path_buf()))
        }
        Err(e) => Err(e),
    }
}

/// The fallback of [`replace`]: moves `target` to `aside`, then `new` to `target`; when the
/// second rename fails the first is undone, so the output is where it was.
pub fn replace_by_renames(new: &Path, target: &Path, aside: &Path) -> io::Result<()> {
    std::fs::rename(target, aside)?;
    if let Err(e) = std::fs::rename(new, target) {
        let _ = std::fs::rename(aside, target);
        return Err(e);
    }
    Ok(())
}

#[cfg(target_os = "linux")]
mod platform {
    use std::ffi::CString;
    use std::io;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    /// `renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)` through the raw system call, so
    /// it works whatever the C library's version.
    pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
        let c = |p: &Path| {
            CString::new(p.as_os_str().as_bytes())
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a path holds NUL"))
        };
        let (a, b) = (c(a)?, c(b)?);
        // SAFETY: both pointers are valid NUL-terminated strings that outlive the call; the
        // kernel only reads them.
        let rc = unsafe {
            libc::syscall(
                libc::SYS_renameat2,
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if rc == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        match err.raw_os_error() {
            // No such system call, or this filesystem cannot exchange.
            Some(libc::ENOSYS | libc::EINVAL | libc::EOPNOTSUPP) => Err(io::Error::new(
                io::ErrorKind::Unsupported,
                format!("cannot exchange folders atomically here: {err}"),
            )),
            _ => Err(err),
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod platform {
    use std::io;
    use std::path::Path;

    /// No atomic exchange outside Linux: callers use two renames.
    pub(super) fn exchange(_: &Path, _: &Path) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "cannot exchange folders atomically on this OS",
        ))
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

    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_swaps_two_folders() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (a, b) = (temp.path().join("a"), temp.path().join("b"));
        folder(&a, "A");
        folder(&b, "B");
        exchange(&a, &b).expect("exchange (tmp is on a filesystem that supports it)");
        assert_eq!((which(&a), which(&b)), ("B".to_string(), "A".to_string()));
        let missing = temp.path().join("missing");
        let err = exchange(&a, &missing).expect_err("exchange needs both folders");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert_eq!(which(&a), "B", "a failed exchange changes nothing");
    }

    #[test]
    fn replace_puts_the_new_folder_in_place_and_says_where_the_old_one_is() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (new, target, aside) = (
            temp.path().join("new"),
            temp.path().join("out"),
            temp.path().join("aside"),
        );
        folder(&new, "new");
        assert_eq!(replace(&new, &target, &aside).expect("first"), None);
        assert_eq!(which(&target), "new");
        assert!(!new.exists());
        folder(&new, "newer");
        let old = replace(&new, &target, &aside)
            .expect("second")
            .expect("an old output");
        assert_eq!(which(&target), "newer");
        assert_eq!(which(&old), "new");
        #[cfg(target_os = "linux")]
        assert_eq!(old, new, "on Linux the folders are exchanged");
    }

    #[test]
    fn the_rename_fallback_swaps_and_undoes_a_half_done_swap() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (new, target, aside) = (
            temp.path().join("new"),
            temp.path().join("out"),
            temp.path().join("aside"),
        );
        folder(&new, "new");
        folder(&target, "old");
        replace_by_renames(&new, &target, &aside).expect("fallback");
        assert_eq!(
            (which(&target), which(&aside)),
            ("new".into(), "old".into())
        );
        assert!(!new.exists());
        // The second rename fails (no `new` folder): the output is moved back.
        std::fs::remove_dir_all(&aside).expect("clear aside");
        let err = replace_by_renames(&new, &target, &aside).expect_err("nothing to move in");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert_eq!(which(&target), "new", "the output is back in place");
        assert!(!aside.exists());
    }
}
