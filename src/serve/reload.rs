//! Live reload: the build state shared with browsers over Server-Sent Events, the script
//! injected into HTML pages, and the error overlay it shows when a build fails.

use std::convert::Infallible;
use std::io::{self, Write};
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Frame;
use tokio::sync::mpsc;

/// URL of the event stream.
pub(crate) const EVENTS_PATH: &str = "/__careers/events";
/// URL of the reload script.
pub(crate) const SCRIPT_PATH: &str = "/__careers/live.js";
/// How often an idle stream sends a comment, to notice closed tabs.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// The result of the latest build, as browsers see it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    /// Number of successful builds so far; a page built at an older one is stale.
    generation: u64,
    /// The diagnostics text of the latest build when it failed.
    error: Option<String>,
    /// Bumped on every published build, so waiting streams wake up once per build.
    sequence: u64,
}

/// Shared between the build loop (publishing) and every browser connection (listening).
#[derive(Debug)]
pub(crate) struct ReloadHub {
    inner: Arc<Hub>,
}

/// The state and the signal every waiting stream wakes on.
#[derive(Debug)]
struct Hub {
    state: Mutex<State>,
    changed: Condvar,
}

impl Default for ReloadHub {
    fn default() -> Self {
        let hub = Hub {
            state: Mutex::new(State {
                generation: 0,
                error: None,
                sequence: 0,
            }),
            changed: Condvar::new(),
        };
        ReloadHub {
            inner: Arc::new(hub),
        }
    }
}

impl ReloadHub {
    /// Records a successful build: every open page reloads once.
    pub(crate) fn built(&self) {
        self.inner.built();
    }

    /// Records a failed build: every open page shows `text` in the overlay.
    pub(crate) fn failed(&self, text: String) {
        self.inner.failed(text);
    }

    /// The generation pages are built at now (for the injected script).
    pub(crate) fn generation(&self) -> u64 {
        self.inner.lock().generation
    }

    /// The event stream for one browser, written by a thread of its own that ends when
    /// the browser goes away. `since` is the generation the page was served at.
    pub(crate) fn events(
        &self,
        since: Option<u64>,
    ) -> http_body_util::combinators::BoxBody<Bytes, Infallible> {
        let (sender, receiver) = mpsc::channel(4);
        let hub = Arc::clone(&self.inner);
        let _ = std::thread::Builder::new()
            .name("careers-events".into())
            .spawn(move || hub.stream_every(&mut Channel(sender), since, KEEPALIVE));
        Events(receiver).boxed()
    }
}

/// A response body fed by the stream's thread.
struct Events(mpsc::Receiver<Bytes>);

impl hyper::body::Body for Events {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0
            .poll_recv(cx)
            .map(|chunk| chunk.map(|b| Ok(Frame::data(b))))
    }
}

/// The stream thread's end of the body: a write fails once the browser has gone.
struct Channel(mpsc::Sender<Bytes>);

impl Write for Channel {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .blocking_send(Bytes::copy_from_slice(buf))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the browser went away"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Hub {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking connection thread must not stop the others: take the data anyway.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn built(&self) {
        let mut state = self.lock();
        state.generation += 1;
        state.error = None;
        state.sequence += 1;
        self.changed.notify_all();
    }

    fn failed(&self, text: String) {
        let mut state = self.lock();
        state.error = Some(text);
        state.sequence += 1;
        self.changed.notify_all();
    }

    /// Streams events to one browser until it goes away, with a comment every `keepalive`
    /// to notice closed tabs. When `since` differs from the generation now (a build finished
    /// in between, or the server was restarted), the page reloads at once.
    fn stream_every(
        &self,
        out: &mut impl Write,
        since: Option<u64>,
        keepalive: Duration,
    ) -> io::Result<()> {
        let mut seen = {
            let state = self.lock();
            let mut hello = format!("event: hello\ndata: {}\n\n", state.generation);
            if since.is_some_and(|g| g != state.generation) {
                hello.push_str(&reload_event(state.generation));
            }
            if let Some(text) = &state.error {
                hello.push_str(&event("build-error", text));
            }
            out.write_all(hello.as_bytes())?;
            out.flush()?;
            state.clone()
        };
        loop {
            let next = {
                let state = self.lock();
                let (state, _) = self
                    .changed
                    .wait_timeout_while(state, keepalive, |s| s.sequence == seen.sequence)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                state.clone()
            };
            let mut message = String::new();
            if next.sequence == seen.sequence {
                message.push_str(": keep-alive\n\n");
            } else if let Some(text) = &next.error {
                message.push_str(&event("build-error", text));
            } else if next.generation > seen.generation {
                message.push_str(&reload_event(next.generation));
            }
            out.write_all(message.as_bytes())?;
            out.flush()?;
            seen = next;
        }
    }
}

fn reload_event(generation: u64) -> String {
    format!("event: reload\ndata: {generation}\n\n")
}

/// One SSE event; every line of `data` gets its own `data:` field.
fn event(name: &str, data: &str) -> String {
    let mut out = format!("event: {name}\n");
    for line in data.lines() {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Adds the reload script before the last `</body>` (or at the end when there is none).
pub(crate) fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}?g={generation}\"></script>");
    let lower = html.to_ascii_lowercase();
    let at = lower
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The reload script: listens to the event stream, reloads, shows and clears the overlay.
pub(crate) const SCRIPT: &str = include_str!("live.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_end_tag() {
        let out = inject(b"<html><BODY>x</body></html>", 3);
        let text = String::from_utf8(out).expect("utf8");
        assert_eq!(
            text,
            "<html><BODY>x<script src=\"/__careers/live.js?g=3\"></script></body></html>"
        );
        let bare = String::from_utf8(inject(b"<p>x", 0)).expect("utf8");
        assert!(bare.ends_with("live.js?g=0\"></script>"), "{bare}");
    }

    #[test]
    fn multi_line_data_gets_one_field_per_line() {
        assert_eq!(
            event("build-error", "a.md:1:2: error: x\n  help: y"),
            "event: build-error\ndata: a.md:1:2: error: x\ndata:   help: y\n\n"
        );
    }

    #[test]
    fn stale_pages_reload_on_connect_and_errors_are_replayed() {
        let hub = ReloadHub::default().inner;
        hub.built();
        hub.failed("content/site.yaml:2:1: error: broken".into());
        let mut out = FailAfterHead::default();
        let _ = hub.stream_every(&mut out, Some(0), Duration::ZERO);
        let text = String::from_utf8_lossy(&out.data);
        assert!(text.contains("event: hello\ndata: 1\n"), "{text}");
        assert!(text.contains("event: reload\ndata: 1\n"), "{text}");
        assert!(
            text.contains("data: content/site.yaml:2:1: error: broken"),
            "{text}"
        );
    }

    #[test]
    fn up_to_date_pages_do_not_reload_on_connect() {
        let hub = ReloadHub::default().inner;
        hub.built();
        let mut out = FailAfterHead::default();
        let _ = hub.stream_every(&mut out, Some(1), Duration::ZERO);
        let text = String::from_utf8_lossy(&out.data);
        assert!(text.contains("event: hello\ndata: 1\n"), "{text}");
        assert!(
            !text.contains("reload") && !text.contains("build-error"),
            "{text}"
        );
    }

    /// Accepts the first write (the initial events), then fails like a closed tab.
    #[derive(Default)]
    struct FailAfterHead {
        data: Vec<u8>,
        writes: usize,
    }

    impl Write for FailAfterHead {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            if self.writes > 1 {
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"));
            }
            self.data.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
}
