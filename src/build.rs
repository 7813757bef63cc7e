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

// TEMPORARY STUB — replaced by main's build. Copies content/static into the output through a
// staging folder, and fails with a diagnostic when content/site.yaml has a line `broken`, so
// watch/serve can be exercised before the real pipeline lands.
/// Builds the site (temporary stub; see the comment above).
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    use std::fs;
    let site = &opts.site_dir;
    let yaml_path = site.join("content/site.yaml");
    let yaml = fs::read_to_string(&yaml_path)
        .map_err(|e| BuildError::Io(format!("cannot read {}: {e}", yaml_path.display())))?;
    for (no, line) in yaml.lines().enumerate() {
        if line.trim() == "broken" {
            let d = Diagnostic::error(
                std::path::Path::new("content/site.yaml"),
                no as u32 + 1,
                1,
                "stub-broken",
                "this line is broken",
            );
            return Err(BuildError::Content(vec![d]));
        }
    }
    let output = opts.output.clone().unwrap_or_else(|| site.join("public"));
    let parent = output.parent().unwrap_or(site).to_path_buf();
    let staging = parent.join(".careers-staging");
    let _ = fs::remove_dir_all(&staging);
    let io = |e: std::io::Error| BuildError::Io(e.to_string());
    fs::create_dir_all(&staging).map_err(io)?;
    let mut files = 0;
    let mut stack = vec![(site.join("content/static"), staging.clone())];
    while let Some((from, to)) = stack.pop() {
        let Ok(entries) = fs::read_dir(&from) else {
            continue;
        };
        fs::create_dir_all(&to).map_err(io)?;
        for entry in entries.flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                stack.push((entry.path(), target));
            } else {
                fs::copy(entry.path(), target).map_err(io)?;
                files += 1;
            }
        }
    }
    let mut jobs = 0;
    if let Ok(entries) = walk_md(&site.join("content/jobs")) {
        for path in entries {
            let slug = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let body = fs::read_to_string(&path).unwrap_or_default();
            let dir = staging.join("jobs").join(&slug);
            fs::create_dir_all(&dir).map_err(io)?;
            let html = format!("<!doctype html><html><body><pre>{body}</pre></body></html>");
            fs::write(dir.join("index.html"), html).map_err(io)?;
            jobs += 1;
        }
    }
    let index = format!("<!doctype html><html><body><h1>{jobs} jobs</h1></body></html>");
    fs::write(staging.join("index.html"), index).map_err(io)?;
    fs::write(
        staging.join("404.html"),
        "<html><body>Not found</body></html>",
    )
    .map_err(io)?;
    let _ = fs::remove_dir_all(&output);
    fs::rename(&staging, &output).map_err(io)?;
    Ok(BuildReport {
        output_dir: output,
        files_written: files + jobs + 2,
        open_postings: jobs,
        warnings: Vec::new(),
    })
}

// TEMPORARY STUB helper — replaced by main's build.
fn walk_md(dir: &std::path::Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(walk_md(&path)?);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(out)
}
