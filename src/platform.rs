//! What differs between operating systems, in one place behind a small interface: swapping
//! two folders in one step, and asking whether this process may change a folder. Everything
//! else careers does goes through std and portable crates.

use std::io;
use std::path::Path;

/// Swaps the folders `a` and `b` (both must exist) in one atomic step; an error of kind
/// `Unsupported` means this OS or filesystem cannot, and nothing changed.
pub(crate) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    imp::exchange(a, b)
}

/// Whether an I/O error says a path goes round a loop of symbolic links (`ELOOP`).
pub(crate) fn is_link_loop(e: &io::Error) -> bool {
    imp::is_link_loop(e)
}

/// Whether this process may add and remove entries in the folder `dir`, as the system
/// decides it (a superuser may change a folder without write permission, nobody may change
/// one on a read-only disk); the system's reason when not.
pub(crate) fn may_write(dir: &Path) -> io::Result<()> {
    imp::may_write(dir)
}

#[cfg(any(target_os = "linux", target_os = "android"))]
mod imp {
    use std::io;
    use std::path::Path;

    use rustix::fs::{Access, CWD, RenameFlags, access, renameat_with};

    /// `ELOOP`.
    pub(super) fn is_link_loop(e: &io::Error) -> bool {
        e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }

    /// `access(W_OK | X_OK)`.
    pub(super) fn may_write(dir: &Path) -> io::Result<()> {
        Ok(access(dir, Access::WRITE_OK | Access::EXEC_OK)?)
    }

    /// `renameat2(RENAME_EXCHANGE)`; kernels or filesystems without it say `Unsupported`.
    pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(()),
            Err(e)
                if [
                    rustix::io::Errno::NOSYS,
                    rustix::io::Errno::INVAL,
                    rustix::io::Errno::OPNOTSUPP,
                ]
                .contains(&e) =>
            {
                Err(io::Error::new(
                    io::ErrorKind::Unsupported,
                    format!("cannot exchange folders atomically here: {e}"),
                ))
            }
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
mod imp {
    use std::io;
    use std::path::Path;

    /// Not told apart here: such an error is reported as unreadable.
    pub(super) fn is_link_loop(_: &io::Error) -> bool {
        false
    }

    /// The folder's read-only flag, where the system's own check is not at hand.
    pub(super) fn may_write(dir: &Path) -> io::Result<()> {
        match std::fs::metadata(dir)?.permissions().readonly() {
            true => Err(io::ErrorKind::PermissionDenied.into()),
            false => Ok(()),
        }
    }

    /// No atomic exchange here: the caller falls back to two renames.
    pub(super) fn exchange(_: &Path, _: &Path) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "cannot exchange folders atomically on this OS",
        ))
    }
}

#[cfg(all(test, any(target_os = "linux", target_os = "android")))]
mod tests {
    use super::*;

    fn folder(path: &Path, marker: &str) {
        std::fs::create_dir(path).expect("create folder");
        std::fs::write(path.join("which"), marker).expect("write marker");
    }

    fn which(path: &Path) -> String {
        std::fs::read_to_string(path.join("which")).expect("read marker")
    }

    #[test]
    fn exchange_swaps_two_folders_and_a_failed_one_changes_nothing() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (a, b) = (temp.path().join("a"), temp.path().join("b"));
        folder(&a, "A");
        folder(&b, "B");
        exchange(&a, &b).expect("exchange (tmp is on a filesystem that supports it)");
        assert_eq!((which(&a), which(&b)), ("B".to_string(), "A".to_string()));
        let missing = temp.path().join("missing");
        let err = exchange(&a, &missing).expect_err("exchange needs both folders");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert_eq!(which(&a), "B");
    }
}
