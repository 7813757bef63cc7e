//! A deliberately small HTTP/1.1: read one request head (capped in size), write one response,
//! close. Enough for a local preview; anything unexpected is answered with 400.

use std::io::{self, Read, Write};

/// The largest request head accepted (request line and headers).
pub const MAX_HEAD: usize = 16 * 1024;

/// The parts of a request the preview server needs.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The path part of the target, still percent-encoded (always starts with `/`).
    pub path: String,
    /// The query string without `?` (empty when absent).
    pub query: String,
}

/// Why no request could be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The client closed the connection (or timed out) before sending a full head.
    Closed,
    /// The head was larger than [`MAX_HEAD`] (answered with 431).
    TooLarge,
    /// Not a well-formed HTTP/1.x request (answered with 400).
    Malformed,
}

/// Reads and parses one request head from `stream`.
pub fn read_request(stream: &mut impl Read) -> Result<Request, ReadError> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        if let Some(end) = head_end(&head) {
            head.truncate(end);
            break;
        }
        if head.len() > MAX_HEAD {
            return Err(ReadError::TooLarge);
        }
        match stream.read(&mut chunk) {
            Ok(0) if head.is_empty() => return Err(ReadError::Closed),
            Ok(0) => return Err(ReadError::Malformed),
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) if head.is_empty() => return Err(ReadError::Closed),
            Err(_) => return Err(ReadError::Malformed),
        }
    }
    if head.len() > MAX_HEAD {
        return Err(ReadError::TooLarge);
    }
    parse_head(&head)
}

/// Where the blank line ending the head starts, accepting `\r\n\r\n` or bare `\n\n`.
fn head_end(buf: &[u8]) -> Option<usize> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = buf.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Parses a request head (without the blank line).
pub fn parse_head(head: &[u8]) -> Result<Request, ReadError> {
    let text = std::str::from_utf8(head).map_err(|_| ReadError::Malformed)?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().ok_or(ReadError::Malformed)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed);
    };
    let method_ok = !method.is_empty() && method.bytes().all(|b| b.is_ascii_uppercase());
    if !method_ok || !matches!(version, "HTTP/1.0" | "HTTP/1.1") {
        return Err(ReadError::Malformed);
    }
    if !target.starts_with('/') || target.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return Err(ReadError::Malformed);
    }
    for line in lines {
        let Some((name, _value)) = line.split_once(':') else {
            return Err(ReadError::Malformed);
        };
        if name.is_empty() || name.bytes().any(|b| b <= b' ' || b == 0x7f) {
            return Err(ReadError::Malformed);
        }
    }
    let target = target.split_once('#').map_or(target, |(t, _)| t);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Ok(Request {
        method: method.to_string(),
        path: path.to_string(),
        query: query.to_string(),
    })
}

/// A complete response; the body is sent unless the request was `HEAD`.
#[derive(Debug)]
pub struct Response {
    /// Status code, e.g. 200.
    pub status: u16,
    /// Extra headers (Content-Length and Connection are added when writing).
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A plain-text response, e.g. for errors.
    pub fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
        }
    }

    /// Writes the response and flushes; `head_only` leaves the body out (for HEAD).
    pub fn write_to(&self, out: &mut impl Write, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

/// The reason phrase for the status codes the server uses.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_request_line_and_splits_the_query() {
        let req = parse_head(b"GET /jobs/a/?x=1 HTTP/1.1\r\nHost: localhost").expect("valid");
        assert_eq!(req.method, "GET");
        assert_eq!(req.path, "/jobs/a/");
        assert_eq!(req.query, "x=1");
    }

    #[test]
    fn rejects_malformed_heads() {
        for head in [
            &b"GET /\r\n"[..],
            b"GET / HTTP/1.1 extra",
            b"get / HTTP/1.1",
            b"GET / HTTP/2.0",
            b"GET http://x/ HTTP/1.1",
            b"GET / HTTP/1.1\r\nno colon here",
            b"GET / HTTP/1.1\r\n: empty name",
            b"\xff\xfe / HTTP/1.1",
            b"",
        ] {
            assert_eq!(parse_head(head), Err(ReadError::Malformed), "{head:?}");
        }
    }

    #[test]
    fn caps_the_head_size() {
        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.extend(std::iter::repeat_n(b'a', MAX_HEAD + 10));
        big.extend_from_slice(b"\r\n\r\n");
        assert_eq!(read_request(&mut &big[..]), Err(ReadError::TooLarge));
        let mut endless = std::io::repeat(b'a');
        assert_eq!(read_request(&mut endless), Err(ReadError::TooLarge));
    }

    #[test]
    fn reads_until_the_blank_line() {
        let mut input = &b"HEAD /a HTTP/1.0\r\nHost: x\r\n\r\nignored body"[..];
        let req = read_request(&mut input).expect("valid");
        assert_eq!((req.method.as_str(), req.path.as_str()), ("HEAD", "/a"));
        assert_eq!(read_request(&mut &b""[..]), Err(ReadError::Closed));
        assert_eq!(
            read_request(&mut &b"GET / HT"[..]),
            Err(ReadError::Malformed)
        );
    }
}
