//! Where rendered files go: every command renders the same files in the same order through
//! one [`Sink`]; the sink decides what happens to them (a staging folder for `build`, only
//! the changed ones for `watch`, memory for `serve`, nowhere for `check`).

use std::io::Read as _;
use std::path::Path;

use crate::output::{Fill, OutputError};

/// Takes every file of a render, by site-relative path (`jobs/x/index.html`).
pub trait Sink: Sync {
    /// Takes one file whose bytes `fill` writes (pages are one call, large feeds many).
    fn write_with(&self, path: &str, fill: &mut Fill) -> Result<(), OutputError>;

    /// Every page of the render and every file they load is in (the machine-readable files
    /// are still to come): a sink that shows pages as they are made can show the new ones.
    fn pages_done(&self) {}

    /// Keeps the file this sink took at `path` in the last render (a session's page whose
    /// posting did not change); from the folder being replaced, for a folder.
    fn keep(&self, path: &str) -> Result<(), OutputError>;

    /// Takes one file copied from disk (a static file).
    fn copy(&self, from: &Path, to: &str) -> Result<(), OutputError> {
        let mut file =
            std::fs::File::open(from).map_err(|e| OutputError::io("cannot read", from, e))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| OutputError::io("cannot read", from, e))?;
        self.write_with(to, &mut |w| w.write_all(&bytes))
    }
}

impl Sink for crate::output::Staging {
    fn write_with(&self, path: &str, fill: &mut Fill) -> Result<(), OutputError> {
        crate::output::Staging::write_with(self, Path::new(path), fill)
    }
    fn keep(&self, path: &str) -> Result<(), OutputError> {
        self.carry_over(Path::new(path))
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), OutputError> {
        crate::output::Staging::copy(self, from, Path::new(to))
    }
}

/// A sink that keeps nothing (`careers check` renders every page in memory only).
pub struct Discard;

impl Sink for Discard {
    fn write_with(&self, path: &str, fill: &mut Fill) -> Result<(), OutputError> {
        fill(&mut std::io::sink()).map_err(|e| OutputError::io("cannot render", path, e))
    }
    fn keep(&self, _: &str) -> Result<(), OutputError> {
        Ok(())
    }
    fn copy(&self, _: &Path, _: &str) -> Result<(), OutputError> {
        Ok(())
    }
}
