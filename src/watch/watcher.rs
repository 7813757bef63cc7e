//! The file watcher shared by watch and serve: OS events (or polling), debounced, filtered
//! down to the changes that matter, one batch per burst.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::commands::CommandError;
use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
    new_debouncer_opt,
};

use super::changes::{Change, classify};
use super::interrupt;
use crate::console::Console;

/// How long a path must be quiet before its events are delivered.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// After a batch, keep collecting while more batches arrive this close together.
const SETTLE: Duration = Duration::from_millis(150);
/// A steady trickle of changes still gets a rebuild after this long.
const MAX_SETTLE: Duration = Duration::from_secs(2);
/// How often `--poll` scans the disk.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// What the watcher hands to the command loop.
#[derive(Debug)]
pub enum WatchEvent {
    /// A burst of relevant changes, sorted and without duplicates.
    Changed(Vec<Change>),
    /// Ctrl+C or SIGTERM: stop.
    Interrupted,
}

enum Message {
    Events(Vec<DebouncedEvent>),
    Errors(Vec<notify::Error>),
    Interrupt,
}

enum Backend {
    Os(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, RecommendedCache>),
}

impl Backend {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Backend::Os(d) => d.watch(path, mode),
            Backend::Poll(d) => d.watch(path, mode),
        }
    }

    fn unwatch(&mut self, path: &Path) {
        let _ = match self {
            Backend::Os(d) => d.unwatch(path),
            Backend::Poll(d) => d.unwatch(path),
        };
    }
}

/// Watches a site's `content/` and `themes/` (recursively) and its root (for `themes/`
/// appearing or `content/` being replaced).
pub struct SiteWatcher {
    site: PathBuf,
    backend: Backend,
    rx: Receiver<Message>,
    watched: BTreeSet<&'static str>,
    console: Console,
    limit_reported: bool,
}

impl SiteWatcher {
    /// Starts watching; also installs the Ctrl+C handler, so call it before starting threads.
    ///
    /// `site` should be absolute (canonical), so event paths can be matched against it.
    pub fn start(site: &Path, poll: bool, console: &Console) -> Result<SiteWatcher, CommandError> {
        let (tx, rx) = channel();
        let interrupt_tx = tx.clone();
        interrupt::install(move || {
            let _ = interrupt_tx.send(Message::Interrupt);
        });
        let backend = if poll {
            // The poller compares whole-second mtimes; hashing contents too catches two
            // saves within the same second.
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true);
            new_debouncer_opt(DEBOUNCE, None, handler(tx), RecommendedCache::new(), config)
                .map(Backend::Poll)
        } else {
            new_debouncer(DEBOUNCE, None, handler(tx)).map(Backend::Os)
        }
        .map_err(|e| CommandError::Watch(describe_error(&e)))?;
        let mut watcher = SiteWatcher {
            site: site.to_path_buf(),
            backend,
            rx,
            watched: BTreeSet::new(),
            console: *console,
            limit_reported: false,
        };
        watcher
            .backend
            .watch(site, RecursiveMode::NonRecursive)
            .map_err(|e| CommandError::Watch(describe_error(&e)))?;
        for dir in ["content", "themes"] {
            if let Err(e) = watcher.rewatch(dir) {
                return Err(CommandError::Watch(describe_error(&e)));
            }
        }
        Ok(watcher)
    }

    /// Blocks until a burst of relevant changes has settled, or until interrupted.
    pub fn wait(&mut self) -> WatchEvent {
        loop {
            let Ok(first) = self.rx.recv() else {
                return WatchEvent::Interrupted;
            };
            let mut changes = BTreeSet::new();
            let mut roots_touched = false;
            let mut pending = Some(first);
            let started = Instant::now();
            while let Some(message) = pending.take() {
                match message {
                    Message::Interrupt => return WatchEvent::Interrupted,
                    Message::Errors(errors) => self.report_errors(&errors),
                    Message::Events(events) => {
                        for event in &events {
                            roots_touched |= self.absorb(event, &mut changes);
                        }
                    }
                }
                if started.elapsed() < MAX_SETTLE {
                    pending = self.rx.recv_timeout(SETTLE).ok();
                }
            }
            if roots_touched {
                for dir in ["content", "themes"] {
                    if let Err(e) = self.rewatch(dir) {
                        self.report_errors(&[e]);
                    }
                }
            }
            if !changes.is_empty() {
                return WatchEvent::Changed(changes.into_iter().collect());
            }
        }
    }

    /// Adds the relevant paths of one event; true when `content/` or `themes/` itself moved.
    fn absorb(&self, event: &DebouncedEvent, changes: &mut BTreeSet<Change>) -> bool {
        // Reading files (the build does) must not count as a change.
        let relevant = !matches!(
            event.kind,
            EventKind::Access(_)
                | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
        );
        if event.need_rescan() {
            changes.insert(Change {
                path: PathBuf::from("content"),
                kind: super::ChangeKind::Content,
            });
            return true;
        }
        if !relevant {
            return false;
        }
        let mut roots = false;
        for path in &event.paths {
            roots |= path == &self.site.join("content") || path == &self.site.join("themes");
            if let Some(change) = classify(&self.site, path) {
                changes.insert(change);
            }
        }
        roots
    }

    /// Makes the recursive watch on `site/<dir>` match whether the folder exists now.
    fn rewatch(&mut self, dir: &'static str) -> notify::Result<()> {
        let path = self.site.join(dir);
        if self.watched.remove(dir) {
            self.backend.unwatch(&path);
        }
        if path.is_dir() {
            self.backend.watch(&path, RecursiveMode::Recursive)?;
            self.watched.insert(dir);
        }
        Ok(())
    }

    fn report_errors(&mut self, errors: &[notify::Error]) {
        for error in errors {
            if is_limit(error) {
                if !self.limit_reported {
                    self.console.fail(&describe_error(error));
                    self.limit_reported = true;
                }
            } else {
                self.console.fail(&format!("file watcher: {error}"));
            }
        }
    }
}

fn handler(tx: Sender<Message>) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result: DebounceEventResult| {
        let _ = tx.send(match result {
            Ok(events) => Message::Events(events),
            Err(errors) => Message::Errors(errors),
        });
    }
}

/// True when the OS refused more watches (inotify max_user_watches, too many open files).
fn is_limit(error: &notify::Error) -> bool {
    match &error.kind {
        notify::ErrorKind::MaxFilesWatch => true,
        notify::ErrorKind::Io(io) => {
            io.kind() == std::io::ErrorKind::StorageFull
                || matches!(io.raw_os_error(), Some(24) | Some(28))
                || io
                    .to_string()
                    .to_ascii_lowercase()
                    .contains("too many open files")
        }
        _ => false,
    }
}

/// Plain words for a watcher error; the OS watch limit gets advice to use `--poll`.
fn describe_error(error: &notify::Error) -> String {
    if is_limit(error) {
        "the system's limit on watched files was reached, so changes may be missed. \
         Run again with --poll (checks the disk every half second), or raise the limit \
         (Linux: sysctl fs.inotify.max_user_watches=524288)."
            .to_string()
    } else {
        let paths: Vec<String> = error
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        if paths.is_empty() {
            format!("cannot watch for changes: {error}")
        } else {
            format!("cannot watch {}: {error}", paths.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watch_limit_suggests_poll() {
        let limit = notify::Error::new(notify::ErrorKind::MaxFilesWatch);
        let enospc = notify::Error::io(std::io::Error::from_raw_os_error(28));
        let emfile = notify::Error::io(std::io::Error::from_raw_os_error(24));
        for error in [limit, enospc, emfile] {
            assert!(is_limit(&error), "{error:?}");
            assert!(describe_error(&error).contains("--poll"), "{error:?}");
        }
        let missing = notify::Error::path_not_found().add_path(PathBuf::from("/site/content"));
        assert!(!is_limit(&missing));
        assert!(describe_error(&missing).contains("/site/content"));
    }
}
