//! What a watch or serve session last published, and the sinks that publish the next build:
//! every file of a render is compared, by hash, with the same path of the last published
//! build, so which files an edit changed comes out of that comparison.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::output::{Fill, MARKER, OutputError, Shadow, Staging};
use crate::render::Sink;

/// A whole site in memory, by site-relative path (`serve`).
pub type Files = HashMap<String, Arc<[u8]>>;

/// The hash of every file of the last build a session published into its output folder,
/// and the marker file's time, to notice an output another build replaced since.
#[derive(Default)]
pub(super) struct Published {
    /// Every file's hash, by site-relative path.
    hashes: HashMap<String, u64>,
    /// The output folder.
    output: PathBuf,
    /// When its marker file was written.
    marker: Option<SystemTime>,
}

impl Published {
    /// Records a build just swapped into `output`.
    pub(super) fn new(output: &Path, hashes: HashMap<String, u64>) -> Published {
        Published {
            hashes,
            output: output.to_path_buf(),
            marker: marker_time(output),
        }
    }

    /// Records a build just swapped into `output`; returns the hashes of the build it
    /// replaced (the files of the folder that is now the shadow).
    pub(super) fn roll(
        &mut self,
        output: &Path,
        hashes: HashMap<String, u64>,
    ) -> HashMap<String, u64> {
        std::mem::replace(self, Published::new(output, hashes)).hashes
    }

    /// The hashes of the files in `output` now, or none when the output is not the one this
    /// session last published (another build replaced it, or it is another folder).
    pub(super) fn current(&self, output: &Path) -> Option<&HashMap<String, u64>> {
        let same =
            self.output == output && self.marker.is_some() && marker_time(output) == self.marker;
        same.then_some(&self.hashes)
    }
}

/// When the output's marker file was written: each build writes a new one.
fn marker_time(output: &Path) -> Option<SystemTime> {
    std::fs::symlink_metadata(output.join(MARKER))
        .and_then(|m| m.modified())
        .ok()
}

/// The hash a file is compared by.
fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// Makes one file's bytes in memory.
fn collect(path: &str, fill: &mut Fill) -> Result<Vec<u8>, OutputError> {
    let mut bytes = Vec::new();
    fill(&mut bytes).map_err(|e| OutputError::io("cannot render", path, e))?;
    Ok(bytes)
}

/// Fills a staging folder: a file whose hash the current output has for the same path is
/// carried over by hard link, every other file is written.
pub(super) struct Changed<'a> {
    /// The folder being filled.
    staging: &'a Staging,
    /// What the output holds now, when this session published it.
    before: Option<&'a HashMap<String, u64>>,
    /// What the staging folder holds so far.
    after: Mutex<HashMap<String, u64>>,
}

impl<'a> Changed<'a> {
    /// Compares with `before`, the hashes of the files in the staging folder's target.
    pub(super) fn new(staging: &'a Staging, before: Option<&'a HashMap<String, u64>>) -> Self {
        Changed {
            staging,
            before,
            after: Mutex::new(HashMap::new()),
        }
    }

    /// The hash of every file put into the staging folder.
    pub(super) fn into_hashes(self) -> HashMap<String, u64> {
        self.after.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Changed<'_> {
    fn write_with(&self, path: &str, fill: &mut Fill) -> Result<(), OutputError> {
        let bytes = collect(path, fill)?;
        let h = hash(&bytes);
        let same = self.before.and_then(|b| b.get(path)) == Some(&h);
        if !(same && self.staging.carry_over(Path::new(path)).is_ok()) {
            self.staging.write(Path::new(path), &bytes)?;
        }
        if let Ok(mut after) = self.after.lock() {
            after.insert(path.to_string(), h);
        }
        Ok(())
    }

    fn keep(&self, path: &str) -> Result<(), OutputError> {
        let h = self.before.and_then(|b| b.get(path)).copied();
        let Some(h) = h else {
            return Err(OutputError::Kept {
                path: path.to_string(),
            });
        };
        self.staging.carry_over(Path::new(path))?;
        if let Ok(mut after) = self.after.lock() {
            after.insert(path.to_string(), h);
        }
        Ok(())
    }
}

/// Called with the site to show once a render's pages are in: its new pages and the last
/// render's other files.
pub type Visible = dyn Fn(Arc<Files>) + Send + Sync;

/// Brings a watch session's shadow up to date: a file whose hash the shadow already has is
/// left alone, a kept one is linked from the output, every other one written; afterwards
/// ([`Rewrite::finish`]) the shadow's files the render did not make are removed.
pub(super) struct Rewrite<'a> {
    shadow: &'a Shadow,
    /// What the shadow holds.
    holds: &'a HashMap<String, u64>,
    /// What the output holds.
    current: &'a HashMap<String, u64>,
    /// What the shadow holds so far.
    after: Mutex<HashMap<String, u64>>,
}

impl<'a> Rewrite<'a> {
    /// Rewrites `shadow` (holding `holds`) into the render, beside the output holding `current`.
    pub(super) fn new(
        shadow: &'a Shadow,
        holds: &'a HashMap<String, u64>,
        current: &'a HashMap<String, u64>,
    ) -> Self {
        Rewrite {
            shadow,
            holds,
            current,
            after: Mutex::new(HashMap::new()),
        }
    }

    /// Removes what the render did not make; returns the hash of every file it made.
    pub(super) fn finish(self) -> Result<HashMap<String, u64>, OutputError> {
        let after = self.after.into_inner().unwrap_or_else(|e| e.into_inner());
        for path in self.holds.keys().filter(|p| !after.contains_key(*p)) {
            self.shadow.remove(path)?;
        }
        Ok(after)
    }

    /// Records that the shadow holds `h` at `path`.
    fn record(&self, path: &str, h: u64) {
        if let Ok(mut after) = self.after.lock() {
            after.insert(path.to_string(), h);
        }
    }
}

impl Sink for Rewrite<'_> {
    fn write_with(&self, path: &str, fill: &mut Fill) -> Result<(), OutputError> {
        let bytes = collect(path, fill)?;
        let h = hash(&bytes);
        if self.holds.get(path) != Some(&h) {
            self.shadow.write(path, &bytes)?;
        }
        self.record(path, h);
        Ok(())
    }

    fn keep(&self, path: &str) -> Result<(), OutputError> {
        let Some(&h) = self.current.get(path) else {
            return Err(OutputError::Kept {
                path: path.to_string(),
            });
        };
        if self.holds.get(path) != Some(&h) {
            self.shadow.link_from_output(path)?;
        }
        self.record(path, h);
        Ok(())
    }
}

/// Collects every file of a render in memory (`serve`); kept files come from `previous`.
pub(super) struct Memory<'a> {
    /// The last render's files.
    previous: Option<Arc<Files>>,
    /// This render's files so far.
    files: Mutex<Files>,
    /// Shows the new pages once they are in.
    visible: &'a Visible,
}

impl<'a> Memory<'a> {
    /// A sink keeping files from `previous`, the last render's, showing the new HTML
    /// through `visible`.
    pub(super) fn new(previous: Option<Arc<Files>>, visible: &'a Visible) -> Self {
        let size = previous.as_ref().map_or(0, |p| p.len());
        Memory {
            previous,
            files: Mutex::new(Files::with_capacity(size)),
            visible,
        }
    }

    /// The files collected.
    pub(super) fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory<'_> {
    fn pages_done(&self) {
        let mut shown = self.previous.as_deref().cloned().unwrap_or_default();
        if let Ok(files) = self.files.lock() {
            shown.extend(files.iter().map(|(k, v)| (k.clone(), Arc::clone(v))));
        }
        (self.visible)(Arc::new(shown));
    }

    fn write_with(&self, path: &str, fill: &mut Fill) -> Result<(), OutputError> {
        let bytes = collect(path, fill)?;
        if let Ok(mut files) = self.files.lock() {
            files.insert(path.to_string(), Arc::from(bytes));
        }
        Ok(())
    }

    fn keep(&self, path: &str) -> Result<(), OutputError> {
        let kept = self.previous.as_ref().and_then(|p| p.get(path)).cloned();
        let Some(bytes) = kept else {
            return Err(OutputError::Kept {
                path: path.to_string(),
            });
        };
        if let Ok(mut files) = self.files.lock() {
            files.insert(path.to_string(), bytes);
        }
        Ok(())
    }
}
