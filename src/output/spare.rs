//! Replacing the files of `serve`'s live folder through spare copies kept beside it.
//!
//! `serve` updates its private folder in place, file by file, and a reader (the browser,
//! through our server) must see a file's old bytes or its new ones, never half of them. A
//! file is written whole under another name and then put in place in one step. Making that
//! other name a new file each time costs a new file's pages on every edit (on tmpfs, two to
//! three times the cost of overwriting one), so each file has a *spare*: the same path in a
//! folder beside the live one, holding the version the last edit replaced. An edit
//! overwrites the spare in place when nobody has it open ([`super::overwrite`]), then on
//! Linux exchanges it with the live file (`renameat2(RENAME_EXCHANGE)`): the live name now
//! has the new bytes and the spare the old ones, ready for the next edit. Where the system
//! cannot exchange, the spare is renamed over the live file, as before spares existed. The
//! price: the spare folder keeps a second copy of every file an edit wrote.

use std::path::{Path, PathBuf};

use super::{SPARE_PREFIX, confine, exchange, overwrite, sibling};

/// The spare copies beside one live folder.
#[derive(Debug)]
pub struct Spares {
    /// The live folder whose files are replaced.
    live: PathBuf,
    /// This folder: `.careers-spare-<name>-<pid>-<time>` beside the live one (a killed
    /// session's is swept by the next build, like a staging folder).
    dir: PathBuf,
}

impl Spares {
    /// Spares for `live`, in a new folder name beside it (made on the first write).
    pub fn beside(live: &Path) -> Result<Spares, String> {
        Ok(Spares {
            live: live.to_path_buf(),
            dir: sibling(live, SPARE_PREFIX)?,
        })
    }

    /// The spare folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The live folder whose files are replaced.
    pub fn live(&self) -> &Path {
        &self.live
    }

    /// Replaces the live file at `relative` with `bytes`.
    pub fn replace(&self, relative: &Path, bytes: &[u8]) -> Result<(), String> {
        self.replace_by(relative, |mut file| {
            overwrite::write_whole(&mut file, bytes)
        })
    }

    /// Replaces the live file at `relative` with what `fill` writes, through a buffer, so a
    /// large feed is never joined in memory first.
    pub fn replace_with(
        &self,
        relative: &Path,
        fill: &mut crate::output::Fill,
    ) -> Result<(), String> {
        self.replace_by(relative, |file| overwrite::fill_whole(file, fill))
    }

    /// Writes the spare of `relative` through `write`, which closes it (releasing its lease
    /// before anyone can open it under the live name), then puts it in place.
    fn replace_by(
        &self,
        relative: &Path,
        write: impl FnOnce(std::fs::File) -> std::io::Result<()>,
    ) -> Result<(), String> {
        let target = confine(&self.live, relative)?;
        let spare = confine(&self.dir, relative)?;
        overwrite::open_or_create(&spare)
            .and_then(write)
            .and_then(|()| put_in_place(&spare, &target))
            .map_err(|e| format!("cannot write {}: {e}", relative.display()))
    }
}

/// Puts the complete `spare` at `target` in one step: exchanged with the live file where the
/// system can (the spare then holds the replaced version), else renamed over it.
fn put_in_place(spare: &Path, target: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(target).is_err() {
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        return std::fs::rename(spare, target);
    }
    match exchange::exchange(spare, target) {
        Err(e) if e.kind() == std::io::ErrorKind::Unsupported => std::fs::rename(spare, target),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("careers-spare-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("live/jobs")).unwrap();
        dir
    }

    #[test]
    fn a_replaced_file_has_the_new_bytes_and_the_spare_the_old_ones() {
        let dir = folder("swap");
        let live = dir.join("live");
        std::fs::write(live.join("jobs/index.html"), b"first version").unwrap();
        let spares = Spares::beside(&live).unwrap();
        spares
            .replace(Path::new("jobs/index.html"), b"second")
            .unwrap();
        assert_eq!(
            std::fs::read(live.join("jobs/index.html")).unwrap(),
            b"second"
        );
        let spare = spares.dir().join("jobs/index.html");
        if cfg!(target_os = "linux") {
            assert_eq!(std::fs::read(&spare).unwrap(), b"first version");
        }
        spares
            .replace_with(Path::new("jobs/index.html"), &mut |out| {
                out.write_all(b"thi")?;
                out.write_all(b"rd")
            })
            .unwrap();
        assert_eq!(
            std::fs::read(live.join("jobs/index.html")).unwrap(),
            b"third"
        );
        // A file that was not there yet is created, folders and all.
        spares
            .replace(Path::new("new/feed.xml"), b"<feed/>")
            .unwrap();
        assert_eq!(
            std::fs::read(live.join("new/feed.xml")).unwrap(),
            b"<feed/>"
        );
        // Nothing leaves the folders.
        assert!(spares.replace(Path::new("../escape"), b"x").is_err());
        assert!(!dir.join("escape").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    #[test]
    fn the_spare_is_overwritten_in_place_unless_a_reader_still_has_it_open() {
        use std::os::unix::fs::MetadataExt as _;
        let dir = folder("reuse");
        let live = dir.join("live");
        let page = live.join("jobs/index.html");
        std::fs::write(&page, b"one").unwrap();
        let spares = Spares::beside(&live).unwrap();
        let inode = |p: &Path| std::fs::metadata(p).unwrap().ino();
        let put = |bytes: &[u8]| spares.replace(Path::new("jobs/index.html"), bytes).unwrap();
        let first = inode(&page);
        put(b"two");
        // The next replace writes into the first version's inode and puts it live again.
        put(b"three");
        assert_eq!(inode(&page), first);
        assert_eq!(std::fs::read(&page).unwrap(), b"three");
        // A reader holding the live file keeps its bytes: the version it holds becomes the
        // spare, and the next replace makes a new file instead of writing into it.
        let mut reader = std::fs::File::open(&page).unwrap();
        put(b"four");
        put(b"five");
        let mut held = String::new();
        std::io::Read::read_to_string(&mut reader, &mut held).unwrap();
        assert_eq!(held, "three");
        assert_ne!(inode(&page), first);
        assert_eq!(std::fs::read(&page).unwrap(), b"five");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
