//! Rewriting a file through its existing inode when nobody else can see it (a watch
//! shadow's stale files, serve's spare copies).
//!
//! On tmpfs (and in VMs whose guest pages are first touched at a cost) a new 37 MB file
//! costs two to three times as much as overwriting one of the same size, because the old
//! file's pages are freed and new ones allocated. The shadow's stale files (the versions
//! the last edit replaced) are rewritten on nearly every edit, so they are overwritten in
//! place when that is safe:
//!
//! - the path is a regular file, not a symbolic link or anything else (`O_NOFOLLOW`);
//! - it has one name (a second one would be the live output's copy of the same inode);
//! - on Linux, a write lease (`F_SETLEASE`) is granted, which the kernel does only when no
//!   other open file refers to the inode: a reader of an older generation still holding it
//!   open keeps its bytes. The lease is held until the file is closed, so anyone opening it
//!   meanwhile waits until the write is complete.
//!
//! Elsewhere, or when any check fails, the caller makes a new file instead.

use std::fs::File;
use std::path::Path;

/// Opens `path` to be overwritten in place, or `None` when it must be replaced by a new
/// file (missing, linked elsewhere, open by someone, or not a plain file).
pub fn open_unshared(path: &Path) -> Option<File> {
    open_existing(path).filter(|file| {
        file.metadata()
            .is_ok_and(|m| m.file_type().is_file() && links(&m) == 1)
            && hold_write_lease(file)
    })
}

/// Opens the file at `path` to overwrite it in place when [`open_unshared`] allows it,
/// otherwise creates a new file there (shared by watch's shadow and serve's spares).
pub fn open_or_create(path: &Path) -> std::io::Result<File> {
    match open_unshared(path) {
        Some(file) => Ok(file),
        None => create_new(path),
    }
}

/// Creates `path` as a new file: unlinks what is there first (never truncates an inode that
/// may be shared), and creates missing parent folders.
fn create_new(path: &Path) -> std::io::Result<File> {
    let open = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    match open() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            open()
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            open()
        }
        other => other,
    }
}

/// Writes `bytes` as the whole content of `file` (shortening it if it was longer).
pub fn write_whole(file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

/// Writes what `fill` produces as the whole content of `file`, through a buffer (a large
/// feed is never joined in memory first), and closes it.
pub fn fill_whole(file: File, fill: &mut crate::output::Fill) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut writer = std::io::BufWriter::with_capacity(256 * 1024, file);
    fill(&mut writer)?;
    writer.flush()?;
    let mut file = writer.into_inner().map_err(|e| e.into_error())?;
    end_here(&mut file)
}

/// Cuts `file` off after what was written to it, once a streamed write is complete.
pub fn end_here(file: &mut File) -> std::io::Result<()> {
    use std::io::Seek as _;
    let written = file.stream_position()?;
    file.set_len(written)
}

/// Opens an existing regular file for writing without truncating it or following a
/// symbolic link; non-blocking, so a FIFO or someone else's lease never stalls the edit.
#[cfg(unix)]
fn open_existing(path: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .ok()
}

/// Without `O_NOFOLLOW` there is no safe way to open a file in place.
#[cfg(not(unix))]
fn open_existing(_path: &Path) -> Option<File> {
    None
}

#[cfg(unix)]
fn links(metadata: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    metadata.nlink()
}

#[cfg(not(unix))]
fn links(_metadata: &std::fs::Metadata) -> u64 {
    u64::MAX
}

/// Takes a write lease on `file`, granted only when no other open file refers to its
/// inode; the kernel drops it when `file` is closed. A lease break (someone opening the
/// file meanwhile) is signalled with SIGURG, which is ignored by default, instead of the
/// default SIGIO, which would end the process.
#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
fn hold_write_lease(file: &File) -> bool {
    use std::os::fd::AsRawFd as _;
    /// `F_SETSIG` from <asm-generic/fcntl.h>, which these architectures use; the libc
    /// crate lacks it.
    const F_SETSIG: libc::c_int = 10;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function borrows, with integer arguments only.
    unsafe {
        libc::fcntl(fd, F_SETSIG, libc::SIGURG) == 0
            && libc::fcntl(fd, libc::F_SETLEASE, libc::F_WRLCK) == 0
    }
}

/// Other systems (and Linux architectures whose fcntl numbers were not checked) have no
/// way used here to tell that nobody else has the file open.
#[cfg(not(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
fn hold_write_lease(_file: &File) -> bool {
    false
}

#[cfg(all(test, target_os = "linux", target_arch = "x86_64"))]
mod tests {
    use super::*;

    fn file_with(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("careers-overwrite-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn an_unshared_file_is_overwritten_through_its_inode_and_shortened() {
        use std::os::unix::fs::MetadataExt as _;
        let dir = scratch("unshared");
        let path = file_with(&dir, "jobs.json", b"the old, longer content");
        let inode = std::fs::metadata(&path).unwrap().ino();
        let mut file = open_unshared(&path).expect("nobody else has it open");
        write_whole(&mut file, b"new").unwrap();
        drop(file);
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::metadata(&path).unwrap().ino(), inode);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_open_elsewhere_or_linked_twice_or_a_symlink_is_not_opened_in_place() {
        let dir = scratch("shared");
        let open = file_with(&dir, "open.html", b"read by someone");
        let reader = File::open(&open).unwrap();
        assert!(open_unshared(&open).is_none(), "a reader holds it open");
        drop(reader);
        assert!(open_unshared(&open).is_some(), "the reader is gone");

        let linked = file_with(&dir, "linked.html", b"also live");
        std::fs::hard_link(&linked, dir.join("live.html")).unwrap();
        assert!(open_unshared(&linked).is_none(), "a second name shares it");

        std::os::unix::fs::symlink(&open, dir.join("link.html")).unwrap();
        assert!(open_unshared(&dir.join("link.html")).is_none());
        assert!(open_unshared(&dir.join("missing.html")).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn while_the_file_is_overwritten_anyone_opening_it_waits_and_the_writer_lives_on() {
        use std::os::unix::fs::OpenOptionsExt as _;
        let dir = scratch("waits");
        let path = file_with(&dir, "index.html", b"old");
        let file = open_unshared(&path).unwrap();
        // A non-blocking open reports what a blocking one would wait for: the lease. It
        // also starts a lease break, whose signal (SIGURG, ignored) must not end this test.
        let meanwhile = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&path);
        assert_eq!(
            meanwhile.map(|_| ()).map_err(|e| e.kind()),
            Err(std::io::ErrorKind::WouldBlock)
        );
        drop(file);
        assert!(File::open(&path).is_ok(), "closed: the lease is gone");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_streamed_write_is_cut_off_where_it_ended() {
        use std::io::Write as _;
        let dir = scratch("streamed");
        let path = file_with(&dir, "feed.xml", b"0123456789");
        let mut file = open_unshared(&path).unwrap();
        file.write_all(b"abc").unwrap();
        end_here(&mut file).unwrap();
        drop(file);
        assert_eq!(std::fs::read(&path).unwrap(), b"abc");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
