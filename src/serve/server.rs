//! The HTTP side of `serve`, on hyper: the accept loop, and one request's answer (a file
//! from memory, a redirect, a 404, the reload script or the event stream).
//!
//! hyper parses every request and answers malformed ones itself (400, or 431 for a request
//! head over [`MAX_HEAD`]); connections close after each answer, as a preview needs no
//! keep-alive.

use std::convert::Infallible;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::header::{ALLOW, CONTENT_TYPE, LOCATION};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};

use super::reload::{EVENTS_PATH, ReloadHub, SCRIPT, SCRIPT_PATH, inject};
use super::site::{Resolved, Served, content_type, resolve};

/// At most this many connections are handled at once (open event streams included); more
/// get a 503. High enough that a page load's burst plus many open tabs never hits it.
const MAX_CONNECTIONS: usize = 256;
/// A client that has not sent its request head in this time is dropped.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest request head read (hyper's smallest buffer); larger ones get a 431.
const MAX_HEAD: usize = 16 * 1024;

/// What every connection shares.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    /// The site being served.
    pub(crate) site: Served,
    /// Build state for live reload and the error overlay.
    pub(crate) hub: ReloadHub,
}

/// A response body: a whole file, or the endless event stream.
type Body = BoxBody<Bytes, Infallible>;

const NOT_FOUND_PAGE: &[u8] =
    b"<!doctype html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>";

/// Serves `listener` until the process ends, on a runtime of its own thread.
pub(crate) fn run(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(accept_loop(listener, shared))
}

/// Accepts connections forever, at most [`MAX_CONNECTIONS`] at a time.
async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let slot = Arc::clone(&slots).try_acquire_owned().ok();
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(|request| {
                let answer = match slot {
                    Some(_) => respond(&request, &shared),
                    None => text(StatusCode::SERVICE_UNAVAILABLE, "Too many connections."),
                };
                async move { Ok::<_, Infallible>(answer) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .keep_alive(false)
                .max_buf_size(MAX_HEAD)
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// The answer to one request.
fn respond<B>(request: &Request<B>, shared: &Shared) -> Response<Body> {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "Only GET and HEAD.");
        response
            .headers_mut()
            .insert(ALLOW, "GET, HEAD".parse().expect("a valid header"));
        return response;
    }
    let (path, query) = (request.uri().path(), request.uri().query());
    if path == EVENTS_PATH {
        let since = query_param(query, "since").and_then(|v| v.parse().ok());
        let mut response = with_type(
            StatusCode::OK,
            "text/event-stream",
            shared.hub.events(since),
        );
        response.headers_mut().insert(
            hyper::header::CACHE_CONTROL,
            hyper::header::HeaderValue::from_static("no-store"),
        );
        return response;
    }
    if path == SCRIPT_PATH {
        return with_type(StatusCode::OK, content_type(".js"), full(SCRIPT));
    }
    let files = shared.site.files();
    match resolve(&files, path) {
        Resolved::File(file) => page(StatusCode::OK, &file, &files[&file], shared),
        Resolved::Redirect(location) => {
            let location = match query {
                Some(q) => format!("{location}?{q}"),
                None => location,
            };
            let mut response = text(StatusCode::MOVED_PERMANENTLY, "Moved.");
            if let Ok(value) = location.parse() {
                response.headers_mut().insert(LOCATION, value);
            }
            response
        }
        Resolved::NotFound => match files.get("404.html") {
            Some(bytes) => page(StatusCode::NOT_FOUND, "404.html", bytes, shared),
            // No 404.html (nothing built yet): a bare page that still carries the overlay.
            None => page(StatusCode::NOT_FOUND, "404.html", NOT_FOUND_PAGE, shared),
        },
        Resolved::Forbidden => text(StatusCode::FORBIDDEN, "Forbidden."),
        Resolved::BadRequest => text(StatusCode::BAD_REQUEST, "Bad request."),
    }
}

/// A file's bytes with its Content-Type; HTML gets the reload script.
fn page(status: StatusCode, path: &str, bytes: &[u8], shared: &Shared) -> Response<Body> {
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        inject(bytes, shared.hub.generation())
    } else {
        bytes.to_vec()
    };
    with_type(status, kind, full(body))
}

/// A short plain-text answer.
fn text(status: StatusCode, message: &str) -> Response<Body> {
    with_type(status, content_type(".txt"), full(format!("{message}\n")))
}

/// A response with a status, a Content-Type and a body.
fn with_type(status: StatusCode, kind: &'static str, body: Body) -> Response<Body> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, hyper::header::HeaderValue::from_static(kind));
    response
}

/// A whole body.
fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into()).boxed()
}

/// The value of `name` in a query string.
fn query_param<'a>(query: Option<&'a str>, name: &str) -> Option<&'a str> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(target: &str) -> Request<()> {
        Request::get(target).body(()).expect("request")
    }

    async fn body(response: Response<Body>) -> String {
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        String::from_utf8(bytes.to_vec()).expect("utf8")
    }

    #[test]
    fn missing_paths_get_404_html_with_the_reload_script() {
        let shared = Shared::default();
        let files = [("404.html", "<body>gone</body>"), ("jobs/index.html", "")]
            .into_iter()
            .map(|(p, b)| (p.to_string(), Arc::from(b.as_bytes())))
            .collect();
        shared.site.replace(Arc::new(files));
        let response = respond(&get("/nope"), &shared);
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        let text = runtime.block_on(body(response));
        assert!(
            text.contains("gone<script src=\"/__careers/live.js?g=0\">"),
            "{text}"
        );
        let redirect = respond(&get("/jobs?a=1"), &shared);
        assert_eq!(redirect.status(), StatusCode::MOVED_PERMANENTLY);
        assert_eq!(redirect.headers()[LOCATION], "/jobs/?a=1");
        assert_eq!(respond(&get(SCRIPT_PATH), &shared).status(), StatusCode::OK);
        let post = Request::post("/").body(()).expect("request");
        assert_eq!(
            respond(&post, &shared).status(),
            StatusCode::METHOD_NOT_ALLOWED
        );
    }
}
