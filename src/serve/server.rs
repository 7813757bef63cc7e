//! The accept loop and one request's handling: files, redirects, 404s, the reload endpoints.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::files::{Resolved, content_type, resolve};
use super::http::{ReadError, Request, Response, read_request};
use super::reload::{EVENTS_PATH, ReloadHub, SCRIPT, SCRIPT_PATH, inject};

/// At most this many connections are handled at once (open event streams included); more
/// get a 503. High enough that a page load's burst plus many open tabs never hits it.
const MAX_CONNECTIONS: usize = 256;
/// A client that sends nothing for this long is dropped.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// What every connection thread shares.
#[derive(Debug)]
pub struct Shared {
    /// The folder being served (the temporary build output).
    pub root: PathBuf,
    /// Build state for live reload and the error overlay.
    pub hub: ReloadHub,
    /// Connections being handled right now.
    active: AtomicUsize,
}

impl Shared {
    /// State for serving `root`.
    pub fn new(root: PathBuf) -> Shared {
        Shared {
            root,
            hub: ReloadHub::default(),
            active: AtomicUsize::new(0),
        }
    }
}

const NOT_FOUND_PAGE: &[u8] =
    b"<!doctype html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>";

/// Accepts connections forever, one thread each, at most [`MAX_CONNECTIONS`] at a time.
pub fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
        let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
        if shared.active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            shared.active.fetch_sub(1, Ordering::SeqCst);
            let _ = Response::text(503, "Too many connections; try again.\n")
                .write_to(&mut stream, false);
            continue;
        }
        let worker = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("careers-http".into())
            .spawn(move || {
                handle(stream, &worker);
                worker.active.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            shared.active.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Answers one request on `stream`, then closes it.
fn handle(mut stream: TcpStream, shared: &Shared) {
    let request = match read_request(&mut stream) {
        Ok(request) => request,
        Err(ReadError::Closed) => return,
        Err(ReadError::TooLarge) => {
            let _ = Response::text(431, "Request head too large.\n").write_to(&mut stream, false);
            close_gently(stream);
            return;
        }
        Err(ReadError::Malformed) => {
            let _ = Response::text(400, "Bad request.\n").write_to(&mut stream, false);
            close_gently(stream);
            return;
        }
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        let mut response = Response::text(405, "Only GET and HEAD are supported.\n");
        response.headers.push(("Allow", "GET, HEAD".into()));
        let _ = response.write_to(&mut stream, false);
        return;
    }
    if request.path == EVENTS_PATH && !head_only {
        // Event streams live long: no write timeout, the keep-alive notices closed tabs.
        let _ = stream.set_write_timeout(None);
        let since = query_param(&request, "since").and_then(|v| v.parse().ok());
        let _ = shared.hub.stream(&mut stream, since);
        return;
    }
    let response = respond(&request, shared);
    let _ = response.write_to(&mut stream, head_only);
}

/// Closes after an error answer without resetting the connection: a socket closed with
/// unread input sends a reset, which can make the client lose the answer. Reads (and drops)
/// at most 1 MB of what the client is still sending, for at most a second.
fn close_gently(mut stream: TcpStream) {
    use std::io::Read;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let mut sink = [0u8; 8192];
    let mut left: usize = 1 << 20;
    while left > 0 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// The response for an ordinary GET/HEAD.
fn respond(request: &Request, shared: &Shared) -> Response {
    if request.path == SCRIPT_PATH {
        return Response {
            status: 200,
            headers: vec![("Content-Type", "text/javascript; charset=utf-8".into())],
            body: SCRIPT.as_bytes().to_vec(),
        };
    }
    match resolve(&shared.root, &request.path) {
        Resolved::File(path) => file_response(200, &path, shared),
        Resolved::Redirect(location) => {
            let location = if request.query.is_empty() {
                location
            } else {
                format!("{location}?{}", request.query)
            };
            let mut response = Response::text(301, "Moved.\n");
            response.headers.push(("Location", location));
            response
        }
        Resolved::NotFound => match resolve(&shared.root, "/404.html") {
            Resolved::File(path) => file_response(404, &path, shared),
            // No 404.html (nothing built yet): a bare page that still carries the overlay.
            _ => Response {
                status: 404,
                headers: vec![("Content-Type", "text/html; charset=utf-8".into())],
                body: inject(NOT_FOUND_PAGE, shared.hub.generation()),
            },
        },
        Resolved::Forbidden => Response::text(403, "Forbidden.\n"),
        Resolved::BadRequest => Response::text(400, "Bad request.\n"),
    }
}

/// A file's bytes with its Content-Type; HTML gets the reload script.
fn file_response(status: u16, path: &std::path::Path, shared: &Shared) -> Response {
    let Ok(body) = std::fs::read(path) else {
        // The build may have swapped the folder between resolving and reading.
        return Response::text(404, "Not found.\n");
    };
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        inject(&body, shared.hub.generation())
    } else {
        body
    };
    Response {
        status,
        headers: vec![("Content-Type", kind.into())],
        body,
    }
}

fn query_param<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str, query: &str) -> Request {
        Request {
            method: "GET".into(),
            path: path.into(),
            query: query.into(),
        }
    }

    #[test]
    fn missing_paths_get_404_html_with_the_reload_script() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("404.html"), "<body>gone</body>").expect("write");
        std::fs::create_dir(dir.path().join("jobs")).expect("mkdir");
        let shared = Shared::new(dir.path().to_path_buf());
        let response = respond(&get("/nope", ""), &shared);
        assert_eq!(response.status, 404);
        let body = String::from_utf8(response.body).expect("utf8");
        assert!(
            body.contains("gone<script src=\"/__careers/live.js?g=0\">"),
            "{body}"
        );
        let redirect = respond(&get("/jobs", "a=1"), &shared);
        assert_eq!(redirect.status, 301);
        assert!(
            redirect
                .headers
                .contains(&("Location", "/jobs/?a=1".to_string()))
        );
        assert_eq!(respond(&get(SCRIPT_PATH, ""), &shared).status, 200);
    }
}
