//! The sinks a [`super::Session`] writes through: one that records every path (full builds
//! and `watch` staging), `watch`'s shadow folder, and one that updates `serve`'s live folder
//! in place through its spare copies.

use std::path::Path;
use std::sync::Mutex;

use crate::output::shadow::Shadow;
use crate::output::spare::Spares;
use crate::render::Sink;

/// A sink that writes through to another and remembers every path it wrote.
pub(super) struct Recording<'a> {
    inner: &'a dyn Sink,
    files: Mutex<Vec<String>>,
}

impl<'a> Recording<'a> {
    /// Writes through to `inner`.
    pub(super) fn new(inner: &'a dyn Sink) -> Recording<'a> {
        Recording {
            inner,
            files: Mutex::new(Vec::new()),
        }
    }

    /// The paths written, sorted.
    pub(super) fn into_files(self) -> Vec<String> {
        let mut files = self.files.into_inner().unwrap_or_default();
        files.sort();
        files
    }

    fn record(&self, path: &str) {
        if let Ok(mut files) = self.files.lock() {
            files.push(path.to_string());
        }
    }
}

impl Sink for Recording<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.inner.write(path, bytes)?;
        self.record(path);
        Ok(())
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), String> {
        self.inner.copy(from, to)?;
        self.record(to);
        Ok(())
    }
    fn pages_written(&self) {
        self.inner.pages_written();
    }
    fn pages_first(&self) -> bool {
        self.inner.pages_first()
    }
    fn write_with(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        // Streams when the inner sink does (a staging or shadow folder).
        self.inner.write_with(path, fill)?;
        self.record(path);
        Ok(())
    }
}

impl Sink for Shadow {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        Shadow::write(self, Path::new(path), bytes)
    }
    fn write_with(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        Shadow::write_with(self, Path::new(path), fill)
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), String> {
        Shadow::copy(self, from, Path::new(to))
    }
}

/// Writes into a live folder, each file put in place in one step through its spare copy
/// (readers see old or new bytes, see [`Spares`]); calls `visible` once the HTML pages are
/// written.
pub(super) struct InPlace<'a> {
    /// The spare copies beside the live folder (which they know).
    pub(super) spares: &'a Spares,
    /// Called once the HTML pages are written.
    pub(super) visible: &'a (dyn Fn() + Sync),
}

impl Sink for InPlace<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let target = self.spares.live().join(path);
        // Same length first: a changed feed is not read back just to find it differs.
        let same_len = std::fs::metadata(&target).is_ok_and(|m| m.len() == bytes.len() as u64);
        if same_len && std::fs::read(&target).is_ok_and(|old| old == bytes) {
            return Ok(());
        }
        self.spares.replace(Path::new(path), bytes)
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), String> {
        let bytes =
            std::fs::read(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        self.write(to, &bytes)
    }
    /// A file made piece by piece (the index, listings, site-wide feeds) is streamed into its
    /// spare: no copy of it is held in memory, at the cost of rewriting it even when its
    /// bytes did not change.
    fn write_with(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        self.spares.replace_with(Path::new(path), fill)
    }
    fn pages_written(&self) {
        (self.visible)();
    }
    fn pages_first(&self) -> bool {
        true
    }
}
