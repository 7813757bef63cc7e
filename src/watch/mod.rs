//! `careers watch`: rebuild the output folder on every change.
//!
//! The watching itself ([`SiteWatcher`]) and the build-and-report step ([`rebuild`]) are
//! shared with `careers serve`.

mod changes;
mod interrupt;
mod watcher;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use changes::{Change, ChangeKind, classify, is_editor_junk};
pub use watcher::{SiteWatcher, WatchEvent};

use crate::build::{BuildError, BuildReport, Session, Target};
use crate::cli::WatchArgs;
use crate::console::Console;

/// How one build went, already printed to the terminal.
#[derive(Debug)]
pub enum Outcome {
    /// The site was written.
    Built(BuildReport),
    /// Content mistakes; the text is the rendered diagnostics (for the browser overlay).
    ContentErrors(String),
    /// A disk or option problem, in plain words.
    Failed(String),
}

/// Runs until interrupted; returns the exit code.
pub fn run(site: &Path, args: &WatchArgs, console: &Console) -> i32 {
    // Absolute and canonical, so watcher events match it.
    let site = match crate::commands::require_site(site) {
        Ok(site) => site,
        Err(e) => {
            console.fail(&e.to_string());
            return 2;
        }
    };
    let mut watcher = match SiteWatcher::start(&site, args.poll, console) {
        Ok(w) => w,
        Err(e) => {
            console.fail(&e.to_string());
            return 2;
        }
    };
    let opts = crate::commands::build_options(&site, &args.build);
    let mut session = Session::new(opts, Target::Folder);
    if let Outcome::Failed(_) = rebuild(&mut session, &[], console, "Built", &|_| {}) {
        // Nothing was built yet and the problem is not in the content (e.g. the output
        // folder is refused): watching would only repeat it.
        return 2;
    }
    console.info("Watching content/ and themes/ for changes (Ctrl+C to stop)");
    loop {
        match watcher.wait() {
            WatchEvent::Interrupted => {
                console.info("Stopped watching.");
                return 0;
            }
            WatchEvent::Changed(list) => {
                print_changes(&list, console);
                rebuild(&mut session, &list, console, "Rebuilt", &|_| {});
            }
        }
    }
}

/// Prints `Changed: path (kind)` for each change (at most 10, then a count).
pub fn print_changes(list: &[Change], console: &Console) {
    const SHOWN: usize = 10;
    for change in list.iter().take(SHOWN) {
        console.info(&format!(
            "Changed: {} ({})",
            change.path.display().to_string().replace('\\', "/"),
            change.kind
        ));
    }
    if list.len() > SHOWN {
        console.info(&format!("… and {} more changes", list.len() - SHOWN));
    }
}

/// Builds once after `changes` (none: a full build) and prints the result: the time taken,
/// or every diagnostic.
///
/// `verb` starts the success line ("Built", "Rebuilt"). A failed build leaves the last good
/// site in place (the build only swaps the output folder on success). `visible` is called
/// with the session once the new site is built; never after a failed build.
pub fn rebuild(
    session: &mut Session,
    changes: &[Change],
    console: &Console,
    verb: &str,
    visible: &dyn Fn(&Session),
) -> Outcome {
    let started = Instant::now();
    let result = if changes.is_empty() {
        session.build()
    } else {
        let paths: Vec<PathBuf> = changes.iter().map(|c| c.path.clone()).collect();
        session.rebuild(&paths)
    };
    if result.is_ok() {
        visible(session);
    }
    match result {
        Ok(report) => {
            console.diagnostics(&report.warnings);
            console.info(&format!(
                "{verb} {} files{} in {} ({} open postings)",
                report.files_written,
                if report.incremental {
                    " (incremental)"
                } else {
                    ""
                },
                millis(started.elapsed()),
                report.open_postings
            ));
            Outcome::Built(report)
        }
        Err(BuildError::Content(list)) => {
            console.diagnostics(&list);
            console.info("Build failed; keeping the last good site. Save a fix to rebuild.");
            let text: Vec<String> = list.iter().map(|d| d.render()).collect();
            Outcome::ContentErrors(text.join("\n"))
        }
        Err(other) => {
            let message = other.to_string();
            console.fail(&message);
            Outcome::Failed(message)
        }
    }
}

fn millis(elapsed: Duration) -> String {
    format!("{} ms", elapsed.as_millis())
}
