//! The pipeline entry point: load → validate → render → write, as one call.
//!
//! `careers build`, `check`, `watch` and `serve` all go through [`build`] or [`check`], so
//! they report the same problems and produce the same files.

use std::path::PathBuf;

use crate::diagnostics::Diagnostic;

/// What to build and how; the CLI fills it from flags, tests fill it directly.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The site folder (holding `content/site.yaml`).
    pub site_dir: PathBuf,
    /// Output folder; `None` means site.yaml's `output_dir` (default `public`) inside the site.
    pub output: Option<PathBuf>,
    /// Overrides site.yaml's `base_url` (serve points it at the local address).
    pub base_url: Option<String>,
    /// Also build postings and pages marked `draft: true`.
    pub drafts: bool,
    /// Accept a non-empty output folder we did not create.
    pub force: bool,
    /// "Today" for expiry decisions; `None` means today in the site's timezone.
    pub today: Option<jiff::civil::Date>,
}

/// What a successful build did.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    /// Where the site was written.
    pub output_dir: PathBuf,
    /// How many files were written.
    pub files_written: usize,
    /// How many postings are open (listed).
    pub open_postings: usize,
    /// Warnings found on the way (errors would have failed the build).
    pub warnings: Vec<Diagnostic>,
}

/// Why a build failed: problems in the content, or a problem with the disk or the options.
#[derive(Debug)]
pub enum BuildError {
    /// Content problems (exit code 1); every one found, sorted.
    Content(Vec<Diagnostic>),
    /// Usage or I/O problem (exit code 2), in plain words.
    Io(String),
}

impl BuildError {
    /// The process exit code the CLI uses for this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::Content(_) => 1,
            BuildError::Io(_) => 2,
        }
    }
}
