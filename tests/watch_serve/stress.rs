//! The preview server under hostile traffic: 200 concurrent requests, traversal in
//! every spelling, malformed and oversized requests — and the live-reload stream survives.

use std::sync::{Arc, Barrier};

use crate::watch_serve::support::{Site, events, get, next_event, posting, raw};

#[test]
fn two_hundred_concurrent_requests_keep_the_reload_stream_alive() {
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();
    let stream = events(port);
    let hello = next_event(&stream);
    assert_eq!(hello.name, "hello");
    let generation: u64 = hello.data.parse().expect("generation");

    let start = Arc::new(Barrier::new(200));
    let threads: Vec<_> = (0..200)
        .map(|i| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                let path = if i % 2 == 0 { "/jobs/a/" } else { "/" };
                get(port, path).status
            })
        })
        .collect();
    let statuses: Vec<u16> = threads
        .into_iter()
        .map(|t| t.join().expect("client"))
        .collect();
    assert_eq!(statuses, vec![200; 200], "every request answered in full");

    site.write(
        "content/jobs/a.md",
        &posting("Backend Engineer", "after-the-storm"),
    );
    let reload = next_event(&stream);
    assert_eq!(
        (reload.name.as_str(), reload.data.clone()),
        ("reload", (generation + 1).to_string())
    );
    assert!(get(port, "/jobs/a/").body.contains("after-the-storm"));
    assert!(
        proc.child.try_wait().expect("status").is_none(),
        "server still running"
    );
}

#[test]
fn traversal_in_every_spelling_and_broken_requests_are_refused_and_serving_goes_on() {
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();
    let secret = site.dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET").expect("secret");

    // More spellings, where refusing (403) and not finding (404) are both right.
    for path in [
        "/..%2fsecret.txt",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
        "/jobs/%5c..%5c..%5csecret.txt",
        "/a%00.html",
    ] {
        let resp = get(port, path);
        assert!(matches!(resp.status, 403 | 404), "{path}: {resp:?}");
        assert!(!resp.body.contains("TOP-SECRET"), "{path} leaked");
    }
    for (path, status) in [
        ("/../secret.txt", 403),
        ("/%2e%2e/secret.txt", 403),
        ("/%2E%2E%2Fsecret.txt", 403),
        ("/jobs/%2e%2e/%2e%2e/secret.txt", 403),
        ("/..%5csecret.txt", 403),
        ("/jobs\\..\\..\\secret.txt", 403),
        ("/%00", 403),
        // Decoded exactly once: `%252e` is the literal name `%2e`, which does not exist.
        ("/%252e%252e/secret.txt", 404),
        ("/%252e%252e%252fsecret.txt", 404),
        ("/%", 400),
        ("/%c0%ae%c0%ae/secret.txt", 400),
    ] {
        let resp = get(port, path);
        assert_eq!(resp.status, status, "{path}: {}", resp.head);
        assert!(!resp.body.contains("TOP-SECRET"), "{path} leaked");
    }
    for (request, status) in [
        (
            &b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"[..],
            400,
        ), // a TLS hello
        (b"GET / HTTP/1.1\r\nHost\r\n\r\n", 400),
        (b"GET  / HTTP/1.1\r\n\r\n", 400),
        (b"GET /\x01 HTTP/1.1\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 400),
        (b"DELETE / HTTP/1.1\r\n\r\n", 405),
        (b"POST / HTTP/1.1\r\n\r\n", 405),
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET /%zz HTTP/1.1\r\n\r\n", 400),
    ] {
        assert_eq!(raw(port, request).status, status, "{request:?}");
    }
    let mut huge = b"GET / HTTP/1.1\r\n".to_vec();
    for i in 0..2000 {
        huge.extend_from_slice(format!("X-Header-{i}: value\r\n").as_bytes());
    }
    huge.extend_from_slice(b"\r\n");
    assert_eq!(raw(port, &huge).status, 431, "request heads are capped");
    let mut one_big_header = b"GET / HTTP/1.1\r\nX-Big: ".to_vec();
    one_big_header.extend(std::iter::repeat_n(b'a', 20 * 1024));
    one_big_header.extend_from_slice(b"\r\n\r\n");
    assert!(matches!(raw(port, &one_big_header).status, 400 | 431));
    let after = get(port, "/jobs/a/");
    assert_eq!(after.status, 200, "the server stopped serving");
    assert!(proc.child.try_wait().expect("status").is_none());
}

/// 256 connections that send their request head a byte every two seconds hold every slot
/// of the preview server only until the head's time is up (10 s for the whole head): then
/// everyone else is served again, while they are still trickling.
#[test]
fn clients_trickling_their_request_heads_cannot_keep_the_preview_full() {
    use std::io::Write as _;
    let site = Site::new();
    let mut proc = site.spawn(&["serve", "--port", "0"]);
    let port = proc.port();
    let trickling: Vec<_> = (0..256)
        .map(|_| {
            let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
            std::thread::spawn(move || {
                let _ = stream.write_all(b"GET / HTTP/1.1\r\nX-Slow: ");
                for _ in 0..30 {
                    std::thread::sleep(std::time::Duration::from_secs(2));
                    if stream.write_all(b"a").is_err() {
                        return true;
                    }
                }
                false
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(500));
    proc.wait_for("a page while the slow clients trickle", |_| {
        (get(port, "/").status == 200).then_some(())
    });
    let dropped = trickling
        .into_iter()
        .map(|t| t.join().expect("trickler"))
        .filter(|&dropped| dropped)
        .count();
    assert_eq!(dropped, 256, "every slow client was dropped");
}
