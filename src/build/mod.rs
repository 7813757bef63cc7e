//! The pipeline entry point: load → validate → render → write, as one call.
//!
//! `careers build`, `check`, `watch` and `serve` all go through [`build`] or [`check`], so
//! they report the same problems and produce the same files.

pub mod published;
mod session;

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::timings::{Timing, Timings};

pub use session::{Session, Target};

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
    /// Record how long each phase takes (`careers build --timings`).
    pub timings: bool,
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
    /// How many warnings `careers check` adds with its lints, so a build can point to them.
    pub lint_warnings: usize,
    /// Time per phase, when asked for with [`BuildOptions::timings`].
    pub timings: Vec<Timing>,
    /// True when a watch session re-rendered only what an edit touched.
    pub incremental: bool,
}

/// Why a build failed: problems in the content, the disk, or the options.
#[derive(Debug)]
pub enum BuildError {
    /// Content problems (exit code 1); every one found, sorted.
    Content(Vec<Diagnostic>),
    /// The output could not be written (exit code 2).
    Output(crate::output::OutputError),
    /// The options cannot be used (exit code 2).
    Usage(Usage),
}

/// Options that cannot be used, each said in plain words.
#[derive(Debug)]
pub enum Usage {
    /// The site folder does not exist.
    NoSite(PathBuf),
    /// `--base-url` is not an http(s) address.
    BaseUrl(String),
}

impl BuildError {
    /// The process exit code the CLI uses for this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::Content(_) => 1,
            BuildError::Output(_) | BuildError::Usage(_) => 2,
        }
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(list) => write!(f, "{} problems in the content", list.len()),
            BuildError::Output(e) => e.fmt(f),
            BuildError::Usage(Usage::NoSite(site)) => {
                write!(f, "the site folder {} does not exist", site.display())
            }
            BuildError::Usage(Usage::BaseUrl(url)) => {
                write!(
                    f,
                    "--base-url must start with http:// or https://, not `{url}`"
                )
            }
        }
    }
}

impl From<crate::output::OutputError> for BuildError {
    fn from(e: crate::output::OutputError) -> Self {
        BuildError::Output(e)
    }
}

/// Site settings, content and theme after loading and validation: ready to render.
pub struct Prepared {
    /// site.yaml.
    pub config: crate::config::SiteConfig,
    /// Content to publish (drafts removed unless asked for).
    pub content: crate::content::Content,
    /// The resolved theme.
    pub theme: crate::render::theme::Theme,
    /// Templates compiled from the theme.
    pub tera: tera::Tera,
    /// Interface text and formats of every language the site shows.
    pub catalog: std::sync::Arc<crate::i18n::Catalog>,
    /// URLs under the effective base URL.
    pub urls: crate::render::urls::Urls,
    /// Today in the site's timezone.
    pub today: jiff::civil::Date,
    /// Warnings found so far.
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates everything; on content errors returns every diagnostic, sorted.
pub fn prepare(opts: &BuildOptions) -> Result<Prepared, BuildError> {
    prepare_timed(opts, &Timings::new(false))
}

/// [`prepare`], recording the load and validate phases.
pub fn prepare_timed(opts: &BuildOptions, timings: &Timings) -> Result<Prepared, BuildError> {
    let site = &opts.site_dir;
    if !site.is_dir() {
        return Err(BuildError::Usage(Usage::NoSite(site.clone())));
    }
    let fail = |mut diagnostics: Vec<Diagnostic>, content: &crate::content::Content| {
        diagnostics.extend(crate::render::link_check(content));
        crate::diagnostics::attach_sources(site, &mut diagnostics);
        crate::diagnostics::sort(&mut diagnostics);
        BuildError::Content(diagnostics)
    };
    let config = timings.phase("load site.yaml", || crate::config::load(site));
    let (content, mut diagnostics) =
        timings.phase("load + parse content", || crate::content::load(site));
    let languages = match &config {
        Ok((c, _, _)) => c.languages.clone(),
        Err(_) => Vec::new(),
    };
    let unparsed = crate::validate::unparsed_postings(site, &content, &diagnostics);
    diagnostics.extend(timings.phase("validate", || {
        crate::validate::check(&content, &languages, &unparsed)
    }));
    let (config, _, mut warnings) = match config {
        Ok(c) => c,
        Err(mut errors) => {
            errors.append(&mut diagnostics);
            return Err(fail(errors, &content));
        }
    };
    diagnostics.append(&mut warnings);
    let mut content = content;
    if !opts.drafts {
        content.postings.retain(|p| !p.draft);
        content.pages.retain(|p| !p.draft);
    }
    diagnostics.extend(crate::render::links::logo_check(site, &config, &content));
    let theme = timings.phase("load theme", || {
        crate::render::theme::load(site, &config.theme)
    });
    let catalog = match &theme {
        Ok(theme) => {
            let (catalog, mut errors) = crate::i18n::Catalog::load(
                &crate::render::translate::layers(theme),
                &site_languages(&config, &content),
            );
            diagnostics.append(&mut errors);
            diagnostics.extend(catalog.gaps(Path::new(crate::config::SITE_FILE)));
            std::sync::Arc::new(catalog)
        }
        Err(_) => std::sync::Arc::new(crate::i18n::Catalog::load(&[], &[]).0),
    };
    let (theme, tera) = match theme {
        Ok(theme) => match crate::render::theme::engine(&theme, catalog.clone()) {
            Ok(tera) => (theme, tera),
            Err(mut errors) => {
                diagnostics.append(&mut errors);
                return Err(fail(diagnostics, &content));
            }
        },
        Err(mut errors) => {
            diagnostics.append(&mut errors);
            return Err(fail(diagnostics, &content));
        }
    };
    if crate::diagnostics::has_errors(&diagnostics) {
        return Err(fail(diagnostics, &content));
    }
    let base_url = match &opts.base_url {
        Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
            if url.ends_with('/') {
                url.clone()
            } else {
                format!("{url}/")
            }
        }
        Some(url) => {
            return Err(BuildError::Usage(Usage::BaseUrl(url.clone())));
        }
        None => config.base_url.clone(),
    };
    let today = opts.today.unwrap_or_else(|| {
        jiff::Timestamp::now()
            .to_zoned_datetime(config.timezone.clone())
            .date()
    });
    crate::diagnostics::attach_sources(site, &mut diagnostics);
    Ok(Prepared {
        catalog,
        urls: crate::render::urls::Urls::new(&base_url),
        config,
        content,
        theme,
        tera,
        today,
        warnings: diagnostics,
    })
}

/// The languages pages are shown in: the site's, then those postings and pages name.
fn site_languages(
    config: &crate::config::SiteConfig,
    content: &crate::content::Content,
) -> Vec<String> {
    let mut languages = config.languages.clone();
    let mut others: Vec<&String> = (content.postings.iter())
        .filter_map(|p| p.language.as_ref())
        .chain(content.pages.iter().filter_map(|p| p.language.as_ref()))
        .collect();
    others.sort();
    others.dedup();
    for l in others {
        if !languages.contains(l) {
            languages.push(l.clone());
        }
    }
    languages
}

/// Runs the whole pipeline and swaps the new site in; on failure the output is untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let timings = Timings::new(opts.timings);
    let started = std::time::Instant::now();
    let mut prepared = prepare_timed(opts, &timings)?;
    let output = output_dir(opts, &prepared);
    crate::output::check_output(&opts.site_dir, &output, opts.force)?;
    // Held until the new site is swapped in: a second build on this output stops here.
    let _lock = crate::output::lock(&output)?;
    let staging = crate::output::Staging::create(&output)?;
    let lint_warnings = timings.phase("lint", || count_lint_warnings(opts, &prepared));
    let work = markdown(&mut prepared.content);
    let rendered = render(&prepared, work, &staging, &opts.site_dir, &timings)?;
    let files_written = rendered.files;
    drop_aside(rendered.kept);
    let output_dir = timings.phase("commit (swap folders)", || staging.commit())?;
    let mut report = report(&prepared, output_dir, files_written);
    report.lint_warnings = lint_warnings;
    if timings.enabled() {
        timings.phase("total", || ());
        report.timings = timings.report();
        if let Some(total) = report.timings.iter_mut().find(|t| t.name == "total") {
            total.time = started.elapsed();
        }
    }
    drop_aside(prepared);
    Ok(report)
}

/// How many warnings the lints of `careers check` give (the build shows only the count).
fn count_lint_warnings(opts: &BuildOptions, prepared: &Prepared) -> usize {
    let lints = crate::lint::run(
        &opts.site_dir,
        &prepared.config,
        &prepared.content.postings,
        prepared.today,
    );
    let warning = crate::diagnostics::Severity::Warning;
    let diagnostics = lints.diagnostics.iter();
    diagnostics.filter(|d| d.severity == warning).count()
}

/// Frees a build's loaded or rendered site on a thread of its own: at 10,000 postings that
/// is a million small blocks and ~0.1 s, which the build need not wait for (and the process
/// may exit before it is done).
fn drop_aside<T: Send + 'static>(value: T) {
    // Without a thread to be had, the value goes with the failed spawn, here.
    let _ = std::thread::Builder::new()
        .name("careers-free".into())
        .spawn(move || drop(value));
}

/// Where a build writes: `--output`, else site.yaml's `output_dir` inside the site.
fn output_dir(opts: &BuildOptions, prepared: &Prepared) -> PathBuf {
    match &opts.output {
        Some(out) => out.clone(),
        None => opts.site_dir.join(&prepared.config.output_dir),
    }
}

/// The report of a successful build.
fn report(prepared: &Prepared, output_dir: PathBuf, files_written: usize) -> BuildReport {
    let open_postings = prepared
        .content
        .postings
        .iter()
        .filter(|p| !crate::render::views::is_closed(p, prepared.today))
        .count();
    BuildReport {
        output_dir,
        files_written,
        open_postings,
        warnings: prepared.warnings.clone(),
        lint_warnings: 0,
        timings: Vec::new(),
        incremental: false,
    }
}

/// What `check` found: every problem, and sentences about what it left out.
#[derive(Debug)]
pub struct Checked {
    /// Warnings (and errors of lint settings), sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// What was not checked and why, for the user to know.
    pub notes: Vec<String>,
}

/// Validates everything a build would, rendering every page in memory, then runs the lints
/// (see [`crate::lint`]); writes nothing.
pub fn check(opts: &BuildOptions) -> Result<Checked, BuildError> {
    let mut prepared = prepare(opts)?;
    let lints = crate::lint::run(
        &opts.site_dir,
        &prepared.config,
        &prepared.content.postings,
        prepared.today,
    );
    let work = markdown(&mut prepared.content);
    let discard = crate::render::Discard;
    render(
        &prepared,
        work,
        &discard,
        &opts.site_dir,
        &Timings::new(false),
    )?;
    let notes = crate::lint::too_small_note(&prepared.config, &lints.too_small_for);
    let mut diagnostics = prepared.warnings;
    diagnostics.extend(lints.diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    Ok(Checked {
        diagnostics,
        notes: notes.into_iter().collect(),
    })
}

/// Every posting's Markdown, taken out of the loaded content for the render to compile (the
/// render consumes it; nothing after loading and checking reads it).
fn markdown(content: &mut crate::content::Content) -> crate::render::Work {
    let take = |p: &mut crate::content::model::Posting| Some(std::mem::take(&mut p.body));
    crate::render::Work {
        markdown: content.postings.iter_mut().map(take).collect(),
        kept: None,
    }
}

/// Renders every file of a prepared site through `sink`; content problems come back located
/// and sorted.
fn render(
    prepared: &Prepared,
    work: crate::render::Work,
    sink: &dyn crate::render::Sink,
    site: &std::path::Path,
    timings: &Timings,
) -> Result<crate::render::Rendered, BuildError> {
    let input = crate::render::Input {
        config: &prepared.config,
        content: &prepared.content,
        urls: &prepared.urls,
        today: prepared.today,
        theme: &prepared.theme,
        tera: &prepared.tera,
        i18n: &prepared.catalog,
        alternates: None,
        guests: None,
        shared: true,
    };
    crate::render::render(&input, work, sink, timings).map_err(|failure| match failure {
        crate::render::Failure::Output(e) => BuildError::Output(e),
        crate::render::Failure::Content(mut diagnostics) => {
            crate::diagnostics::attach_sources(site, &mut diagnostics);
            crate::diagnostics::sort(&mut diagnostics);
            BuildError::Content(diagnostics)
        }
    })
}
