//! Helpers for the watch/serve integration tests: a temp copy of a fixture site, the real
//! binary as a child process (killed on drop), raw HTTP and an SSE reader.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: this is a deadline for slow CI machines, not a timing assertion.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// A temporary copy of tests/fixtures/serve-site plus a private TMPDIR for the child.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site");
        copy_dir(&fixture, &dir.path().join("site"));
        std::fs::create_dir(dir.path().join("tmp")).expect("mkdir tmp");
        Site { dir }
    }
    pub fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }
    /// The TMPDIR the child gets, to check that serve writes nothing there.
    pub fn tmp(&self) -> PathBuf {
        self.dir.path().join("tmp")
    }
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    /// An editor's atomic save: write a temp file beside it, rename it over the original.
    pub fn atomic_save(&self, rel: &str, text: &str) {
        let tmp = self.path(&format!("{rel}.tmp"));
        std::fs::write(&tmp, text).expect("write tmp");
        std::fs::rename(&tmp, self.path(rel)).expect("rename over");
    }
    /// Starts `careers --site <site> <args…>` with TMPDIR pointing into the test folder.
    pub fn spawn(&self, args: &[&str]) -> Proc {
        let child = Command::new(env!("CARGO_BIN_EXE_careers"))
            .arg("--site")
            .arg(self.root())
            .args(args)
            .env("TMPDIR", self.tmp())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start careers");
        Proc::new(child)
    }
}

/// A posting file in the fixture's format; `marker` ends up in the page body.
pub fn posting(title: &str, marker: &str) -> String {
    format!(
        "---\ntitle: {title}\ndepartment: Engineering\nemployment_type: full_time\n\
         date_posted: 2026-11-01\nlocations:\n  - city: Berlin\n    country: DE\n---\n\
         We build things. Marker: {marker}.\n"
    )
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The running binary; its output is collected, and it is killed when dropped.
pub struct Proc {
    pub child: Child,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Proc {
    fn new(mut child: Child) -> Proc {
        let stdout = collect(child.stdout.take().expect("stdout"));
        let stderr = collect(child.stderr.take().expect("stderr"));
        Proc {
            child,
            stdout,
            stderr,
        }
    }
    pub fn stdout(&self) -> String {
        self.stdout.lock().expect("lock").clone()
    }
    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("lock").clone()
    }
    /// Polls `probe` until it returns Some, failing with the child's output after TIMEOUT.
    pub fn wait_for<T>(&mut self, what: &str, mut probe: impl FnMut(&Proc) -> Option<T>) -> T {
        let start = Instant::now();
        loop {
            if let Some(value) = probe(self) {
                return value;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "careers exited ({status}) while waiting for {what}\n{}",
                    self.stderr()
                );
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}\nstderr:\n{}", self.stderr());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    /// Waits for the child to exit on its own and returns its status.
    pub fn wait_exit(&mut self) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            if start.elapsed() > TIMEOUT {
                panic!("careers did not exit\nstderr:\n{}", self.stderr());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    /// Waits until stderr contains `text`.
    pub fn wait_stderr(&mut self, text: &str) {
        self.wait_for(&format!("stderr to contain {text:?}"), |p| {
            p.stderr().contains(text).then_some(())
        });
    }
    /// Waits for the `Serving at` line and returns the port.
    pub fn port(&mut self) -> u16 {
        self.wait_for("the Serving at line", |p| {
            let out = p.stdout();
            let rest = out.split("Serving at http://127.0.0.1:").nth(1)?;
            rest.split('/').next()?.parse().ok()
        })
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let mut all = sink.lock().expect("lock");
            all.push_str(&line);
            all.push('\n');
        }
    });
    text
}

/// A raw HTTP response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// Sends `request` bytes as they are and reads the whole response (the server closes).
pub fn raw(port: u16, request: &[u8]) -> Resp {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(TIMEOUT)).expect("timeout");
    stream.write_all(request).expect("send");
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Resp {
        status,
        // Header names are case-insensitive: compare them in lowercase.
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

/// GET `path` exactly as written (no normalisation of `..`).
pub fn get(port: u16, path: &str) -> Resp {
    raw(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes(),
    )
}

/// One server-sent event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    pub data: String,
}

/// Opens the event stream; events arrive on the returned channel (keep-alives skipped).
pub fn events(port: u16) -> Receiver<Event> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(b"GET /__careers/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("send");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(stream);
        let (mut name, mut data) = (String::new(), Vec::<String>::new());
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push(d.to_string());
            } else if line.is_empty() && !name.is_empty() {
                let event = Event {
                    name: std::mem::take(&mut name),
                    data: std::mem::take(&mut data).join("\n"),
                };
                if tx.send(event).is_err() {
                    break;
                }
            }
        }
    });
    rx
}

/// The next event, failing after TIMEOUT.
pub fn next_event(rx: &Receiver<Event>) -> Event {
    rx.recv_timeout(TIMEOUT)
        .expect("an event from /__careers/events")
}
