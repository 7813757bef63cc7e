//! A running `careers serve` whose latest build failed, for the browser checks of the error
//! overlay: the example site is built and served, then one of its postings is broken.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::common::{copy_dir, repo};

/// How long serve may take to start or to rebuild, on a slow machine.
const TIMEOUT: Duration = Duration::from_secs(60);

/// `careers serve` showing the overlay; killed when dropped.
pub struct BrokenServe {
    child: Child,
    /// The address of the listing page.
    pub url: String,
}

impl Drop for BrokenServe {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every line `stream` writes, as they come.
fn lines(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

/// Waits for a line containing `text` and returns it.
fn wait_line(lines: &Receiver<String>, text: &str) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return line,
            Ok(_) => {}
            Err(e) => panic!("careers serve never printed {text:?}: {e}"),
        }
    }
}

/// Serves a copy of the example site in `dir`, then breaks a posting's date and waits
/// until serve has reported the failed build.
pub fn serve_broken_site(dir: &Path) -> BrokenServe {
    let site = dir.join("overlay-site");
    copy_dir(&repo().join("content"), &site.join("content"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["serve", "--port", "0", "--site"])
        .arg(&site)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start careers serve");
    let stdout = lines(child.stdout.take().expect("stdout"));
    let stderr = lines(child.stderr.take().expect("stderr"));
    let serving = wait_line(&stdout, "Serving at ");
    let url = serving.trim_start_matches("Serving at ").trim().to_string();
    let posting = site.join("content/jobs/backend-development-intern.md");
    let text = std::fs::read_to_string(&posting).expect("read posting");
    assert!(
        text.contains("\ndate_posted: 2026-11-02\n"),
        "the example posting changed"
    );
    let broken = text.replace("\ndate_posted: 2026-11-02\n", "\ndate_posted: 11/02/2026\n");
    std::fs::write(&posting, broken).expect("break the posting");
    wait_line(&stderr, "Build failed");
    BrokenServe { child, url }
}
