//! The one-shot commands: build, check, init, new.

pub(crate) mod cms;
mod error;
mod explain;
pub(crate) mod init;
pub(crate) mod new;
pub(crate) mod schema;
mod site;

pub use error::CommandError;
pub(crate) use site::require_site;

use std::path::Path;

use crate::build::{BuildError, BuildOptions};
use crate::cli::{
    BuildArgs, CheckArgs, CmsArgs, ExplainArgs, Format, InitArgs, NewArgs, SchemaArgs,
};
use crate::console::Console;
use crate::diagnostics::Severity;

/// `careers build`.
pub fn build(site: &Path, args: &BuildArgs, console: &Console) -> i32 {
    let started = std::time::Instant::now();
    if let Err(e) = require_site(site) {
        console.fail(&e.to_string());
        return 2;
    }
    let mut opts = build_options(site, args);
    // --verbose also shows where the time went.
    opts.timings |= console.verbose;
    // Ctrl+C stops a build before its swap, so the published site is as it was: say so.
    // (The next build clears the staging folder it leaves.)
    let _ = ctrlc::set_handler(|| {
        eprintln!("interrupted; the published site is unchanged");
        std::process::exit(130);
    });
    match crate::build::build(&opts) {
        Ok(report) => {
            console.list(&report.warnings);
            if opts.timings {
                print!("{}", crate::timings::format(&report.timings));
            }
            console.info(&format!(
                "Built {} open postings ({} files) into {} in {} ms",
                report.open_postings,
                report.files_written,
                report.output_dir.display(),
                started.elapsed().as_millis()
            ));
            console.warnings_left(report.warnings.len() + report.lint_warnings);
            0
        }
        Err(err) => report_failure(&err, console, "Nothing was changed in the output folder."),
    }
}

/// Turns BuildArgs into library options.
pub fn build_options(site: &Path, args: &BuildArgs) -> BuildOptions {
    BuildOptions {
        site_dir: site.to_path_buf(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        force: args.force,
        today: args.today,
        timings: args.timings,
    }
}

/// Prints a failed build's problems and returns its exit code.
pub fn report_failure(err: &BuildError, console: &Console, after: &str) -> i32 {
    match err {
        BuildError::Content(diagnostics) => {
            console.diagnostics(diagnostics);
            console.info(after);
        }
        other => console.fail(&other.to_string()),
    }
    err.exit_code()
}

/// `careers check`.
pub fn check(site: &Path, args: &CheckArgs, console: &Console) -> i32 {
    if let Err(e) = require_site(site) {
        console.fail(&e.to_string());
        return 2;
    }
    let opts = BuildOptions {
        site_dir: site.to_path_buf(),
        drafts: args.drafts,
        today: args.today,
        ..BuildOptions::default()
    };
    let (diagnostics, notes, io_error) = match crate::build::check(&opts) {
        Ok(checked) => (checked.diagnostics, checked.notes, None),
        Err(BuildError::Content(diagnostics)) => (diagnostics, Vec::new(), None),
        Err(other) => (Vec::new(), Vec::new(), Some(other.to_string())),
    };
    if let Some(message) = io_error {
        console.fail(&message);
        return 2;
    }
    let mut diagnostics = diagnostics;
    if args.strict {
        // --strict: every warning is reported, counted and exited on as an error.
        for d in &mut diagnostics {
            d.severity = Severity::Error;
        }
    }
    let failing = diagnostics.iter().any(|d| d.severity == Severity::Error);
    match args.format {
        Format::Json => println!("{}", crate::diagnostics::to_json(&diagnostics)),
        Format::Human => {
            console.diagnostics(&diagnostics);
            for note in &notes {
                console.info(note);
            }
            if diagnostics.is_empty() {
                console.info("No problems found.");
            }
        }
    }
    i32::from(failing)
}

/// `careers init` (see [`init`]).
pub fn init(args: &InitArgs, console: &Console) -> i32 {
    init::run(args, console)
}

/// `careers new` (see [`new`]).
pub fn new_posting(site: &Path, args: &NewArgs, console: &Console) -> i32 {
    new::run(site, args, console)
}

/// `careers explain` (see [`explain`]).
pub fn explain(args: &ExplainArgs, console: &Console) -> i32 {
    explain::run(args, console)
}

/// `careers schema` (see [`schema`]).
pub fn schema(site: &Path, args: &SchemaArgs, console: &Console) -> i32 {
    schema::run(site, args, console)
}

/// `careers cms` (see [`cms`]).
pub fn cms(site: &Path, args: &CmsArgs, console: &Console) -> i32 {
    cms::run(site, args, console)
}
