//! The command line: flags and subcommands (clap derive), kept apart from what they do.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// careers — build a fast, accessible careers site from job postings written in Markdown.
#[derive(Debug, Parser)]
#[command(name = "careers", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The site folder (the one holding content/site.yaml).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub site: PathBuf,
    /// Print only errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more detail (for build: the time of each phase, as --timings).
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced atomically; untouched if the build fails).
    Build(BuildArgs),
    /// Check every file for mistakes and print them all; writes nothing.
    Check(CheckArgs),
    /// Rebuild the output folder on every change to content, theme or settings.
    Watch(WatchArgs),
    /// Build, serve on http://127.0.0.1 and reload the browser on every change.
    Serve(ServeArgs),
    /// Create a new site with example content.
    Init(InitArgs),
    /// Create a new job posting under content/jobs/.
    New(NewArgs),
    /// Explain a diagnostic code (like `title-has-salary`), with a before and after; without
    /// a code, list every code.
    Explain(ExplainArgs),
    /// Print the JSON Schema of a content file (posting, page, site, faq), for editors; with
    /// --write, write them all into the site's .careers/schema/ folder.
    Schema(SchemaArgs),
    /// Add the browser editor for HR (Decap CMS) to the site, under content/static/admin/.
    Cms(CmsArgs),
}

/// Flags shared by build and watch.
#[derive(Debug, Args, Clone, Default)]
pub struct BuildArgs {
    /// Output folder (default: site.yaml's output_dir, normally "public").
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Use this base URL instead of site.yaml's (e.g. for a preview deploy).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Also build postings and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Write into a non-empty output folder that careers did not create.
    #[arg(long)]
    pub force: bool,
    /// Print how long each phase took (load, validate, markdown, render per template, write).
    #[arg(long)]
    pub timings: bool,
    /// Build as if today were this date (YYYY-MM-DD): preview which postings will have closed.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<jiff::civil::Date>,
}

/// Flags of `careers check`.
#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// Output format: human (default) or json (for CI and editors).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// Also check postings and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Check as if today were this date (YYYY-MM-DD), e.g. to see which postings will expire.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<jiff::civil::Date>,
}

/// How `check` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `file:line:col: error: …` with the source line and a hint.
    Human,
    /// One JSON document (see docs/diagnostics.md).
    Json,
}

/// Flags of `careers watch`.
#[derive(Debug, Args, Clone)]
pub struct WatchArgs {
    /// The same flags as build.
    #[command(flatten)]
    pub build: BuildArgs,
    /// Poll the disk instead of using OS file events (network drives, WSL, containers).
    #[arg(long)]
    pub poll: bool,
}

/// Flags of `careers serve`.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Port to listen on (0 picks a free one).
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    /// Address to bind; anything but a loopback address exposes the preview to your network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Open the site in the default browser once it is built.
    #[arg(long)]
    pub open: bool,
    /// Also build postings and pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Poll the disk instead of using OS file events.
    #[arg(long)]
    pub poll: bool,
}

/// Flags of `careers init`.
#[derive(Debug, Args, Clone)]
pub struct InitArgs {
    /// Folder to create the site in (default: the current folder); must be empty or absent.
    pub dir: Option<PathBuf>,
    /// Also add a browser editor for HR: `decap` (Decap CMS, under content/static/admin/).
    #[arg(long, value_enum, value_name = "CMS")]
    pub cms: Option<Cms>,
}

/// The browser editors careers can set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Cms {
    /// Decap CMS: a form in the browser that commits Markdown to the site's repository.
    Decap,
}

/// Flags of `careers schema`.
#[derive(Debug, Args, Clone)]
pub struct SchemaArgs {
    /// Which file's schema to print: posting, page, site or faq.
    pub file: Option<String>,
    /// Write every schema into the site's .careers/schema/ folder instead.
    #[arg(long, conflicts_with = "file")]
    pub write: bool,
}

/// Flags of `careers cms`.
#[derive(Debug, Args, Clone)]
pub struct CmsArgs {
    /// Which editor: decap.
    #[arg(value_enum, default_value_t = Cms::Decap)]
    pub cms: Cms,
    /// Replace content/static/admin/ files that are already there.
    #[arg(long)]
    pub force: bool,
}

/// Flags of `careers new`.
#[derive(Debug, Args, Clone)]
pub struct NewArgs {
    /// The job title, e.g. "Senior Backend Engineer".
    pub title: String,
    /// Department, e.g. Engineering.
    #[arg(long)]
    pub department: Option<String>,
    /// Employment type: full_time, part_time, contract, temporary, intern, volunteer, per_diem, other.
    #[arg(long = "type")]
    pub employment_type: Option<String>,
    /// Location as "City, CC" (CC = two-letter country code), e.g. "Berlin, DE".
    #[arg(long)]
    pub location: Option<String>,
}

/// Flags of `careers explain`.
#[derive(Debug, Args, Clone)]
pub struct ExplainArgs {
    /// The code, as printed by `careers check --format json` and taken by `lint: {allow: [...]}`.
    pub code: Option<String>,
}
