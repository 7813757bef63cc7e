//! Hostile and broken input: every test feeds something an attacker, a broken
//! editor or a failing disk could produce, and asserts the exact outcome — a located error,
//! escaped output, or an untouched previous site. Nothing may panic or leave the output folder.

use crate::common;

mod faults;
mod fuzz_regressions;
mod input;
mod paths;
mod props;
mod xss;

use std::path::{Path, PathBuf};

use careers::build::{BuildError, BuildOptions};
use careers::diagnostics::Diagnostic;

/// A copy of tests/fixtures/hostile/site in a temp folder.
#[derive(Debug)]
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        common::copy_dir(&common::fixture("hostile/site"), dir.path());
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes bytes at `rel`, creating folders.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }

    /// Copies tests/fixtures/hostile/files/<name> to `rel`.
    pub fn add(&self, name: &str, rel: &str) {
        let bytes = std::fs::read(common::fixture("hostile/files").join(name)).expect("fixture");
        self.write(rel, bytes);
    }

    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            site_dir: self.root().to_path_buf(),
            today: Some(jiff::civil::date(2026, 11, 1)),
            ..BuildOptions::default()
        }
    }

    /// `careers::build::check`, expecting content errors; returns them.
    pub fn errors(&self) -> Vec<Diagnostic> {
        match careers::build::check(&self.options()) {
            Err(BuildError::Content(d)) => d,
            other => panic!("expected content errors, got {other:?}"),
        }
    }

    /// Builds into public/, expecting success.
    pub fn build(&self) -> careers::build::BuildReport {
        careers::build::build(&self.options()).expect("build succeeds")
    }
}

/// The (file, line, column, code) of each error, for exact comparisons.
pub fn located(diagnostics: &[Diagnostic]) -> Vec<(String, u32, u32, &'static str)> {
    diagnostics
        .iter()
        .filter(|d| d.severity == careers::diagnostics::Severity::Error)
        .map(|d| (d.file.display().to_string(), d.line, d.column, d.code))
        .collect()
}
