//! Where rendered files go: the [`Sink`] a render writes through, for the staging folder of
//! a build and for `check`, which writes nothing.

use std::path::Path;

use crate::output::Staging;

/// Where rendered files go: a staging folder, a live folder, or nowhere (`check`).
pub trait Sink: Sync {
    /// Writes one file at a site-relative path (`jobs/x/index.html`).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String>;
    /// Copies a file from disk (a static file) to a site-relative path.
    fn copy(&self, from: &Path, to: &str) -> Result<(), String>;
    /// Called once every HTML page of a render is written, before the machine-readable files.
    fn pages_written(&self) {}
    /// Whether an edit's HTML pages must be written before its machine-readable files (a
    /// live folder that reloads the browser once the pages are there); otherwise an edit
    /// renders both at once.
    fn pages_first(&self) -> bool {
        false
    }
    /// Writes one file whose bytes `fill` produces piece by piece (pages rendered straight
    /// from a template); by default the pieces are collected and handed to [`Sink::write`].
    fn write_with(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(|e| format!("cannot write {path}: {e}"))?;
        self.write(path, &bytes)
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        Staging::write(self, Path::new(path), bytes)
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), String> {
        Staging::copy(self, from, Path::new(to))
    }
    fn write_with(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        Staging::write_with(self, Path::new(path), fill)
    }
}

/// A sink that writes nothing (`careers check` renders every page in memory only).
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> Result<(), String> {
        Ok(())
    }
    fn copy(&self, _: &Path, _: &str) -> Result<(), String> {
        Ok(())
    }
    fn write_with(&self, _: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        fill(&mut std::io::sink()).map_err(|e| e.to_string())
    }
}
