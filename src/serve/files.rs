//! Maps a request path to a file under the served folder, and never to anything outside it.
//!
//! The path is percent-decoded exactly once; `..` segments, backslashes and NUL bytes are
//! refused before touching the disk, and the final file is canonicalised and must still lie
//! under the canonical root, so a symlink pointing outside is refused too.

use std::path::{Path, PathBuf};

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Serve this file (canonical path).
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect here.
    Redirect(String),
    /// Nothing there (serve 404.html with status 404).
    NotFound,
    /// A traversal attempt or a link leading outside the root (403).
    Forbidden,
    /// Broken percent-encoding or a path that is not UTF-8 (400).
    BadRequest,
}

/// Resolves the path part of a request target (query already removed) under `root`.
pub fn resolve(root: &Path, raw_path: &str) -> Resolved {
    if !raw_path.starts_with('/') {
        return Resolved::BadRequest;
    }
    let Some(bytes) = percent_decode(raw_path) else {
        return Resolved::BadRequest;
    };
    let Ok(decoded) = String::from_utf8(bytes) else {
        return Resolved::BadRequest;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolved::Forbidden;
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Resolved::Forbidden,
            s if s.contains(':') && cfg!(windows) => return Resolved::Forbidden,
            s => relative.push(s),
        }
    }
    let Ok(canonical_root) = root.canonicalize() else {
        return Resolved::NotFound;
    };
    let mut candidate = canonical_root.join(&relative);
    if candidate.is_dir() {
        if !decoded.ends_with('/') {
            // Rebuild the location from the raw path so `//evil.example` cannot become a
            // protocol-relative redirect.
            return Resolved::Redirect(format!("/{}/", raw_path.trim_start_matches('/')));
        }
        candidate.push("index.html");
    }
    match candidate.canonicalize() {
        Ok(file) if file.starts_with(&canonical_root) && file.is_file() => Resolved::File(file),
        Ok(file) if !file.starts_with(&canonical_root) => Resolved::Forbidden,
        Ok(_) => Resolved::NotFound,
        Err(_) => Resolved::NotFound,
    }
}

/// Decodes `%XX` escapes once; `None` when an escape is malformed.
pub fn percent_decode(input: &str) -> Option<Vec<u8>> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hi = hex(*bytes.get(i + 1)?)?;
            let lo = hex(*bytes.get(i + 2)?)?;
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The Content-Type for a file, by extension (`application/octet-stream` when unknown).
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "atom" => "application/atom+xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("jobs/a")).expect("mkdir");
        std::fs::write(dir.path().join("index.html"), "root").expect("write");
        std::fs::write(dir.path().join("jobs/a/index.html"), "a").expect("write");
        std::fs::write(dir.path().join("a b.txt"), "space").expect("write");
        dir
    }

    #[test]
    fn serves_files_and_folder_indexes() {
        let dir = site();
        let root = dir.path().canonicalize().expect("canon");
        assert_eq!(resolve(&root, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/jobs/a/"),
            Resolved::File(root.join("jobs/a/index.html"))
        );
        assert_eq!(
            resolve(&root, "/a%20b.txt"),
            Resolved::File(root.join("a b.txt"))
        );
        assert_eq!(
            resolve(&root, "/jobs/a"),
            Resolved::Redirect("/jobs/a/".into())
        );
        assert_eq!(
            resolve(&root, "//jobs/a"),
            Resolved::Redirect("/jobs/a/".into())
        );
        assert_eq!(resolve(&root, "/missing"), Resolved::NotFound);
    }

    #[test]
    fn refuses_traversal_and_bad_encoding() {
        let dir = site();
        let root = dir.path().join("jobs");
        assert_eq!(resolve(&root, "/../index.html"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "/%2e%2e/index.html"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "/..%2findex.html"), Resolved::Forbidden);
        assert_eq!(
            resolve(&root, "/a/..%5c..%5cindex.html"),
            Resolved::Forbidden
        );
        assert_eq!(resolve(&root, "/a%00/index.html"), Resolved::Forbidden);
        // Decoded once: %252e stays the literal name "%2e", which does not exist.
        assert_eq!(resolve(&root, "/%252e%252e/index.html"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/%zz"), Resolved::BadRequest);
        assert_eq!(resolve(&root, "/%e2%28"), Resolved::BadRequest);
        assert_eq!(resolve(&root, "index.html"), Resolved::BadRequest);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_leading_outside() {
        let dir = site();
        let root = dir.path().join("jobs");
        std::os::unix::fs::symlink(dir.path().join("index.html"), root.join("leak.html"))
            .expect("symlink");
        std::os::unix::fs::symlink(dir.path(), root.join("up")).expect("symlink");
        assert_eq!(resolve(&root, "/leak.html"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "/up/index.html"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "/up/"), Resolved::Forbidden);
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(
            content_type(Path::new("a.HTML")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("feed.xml")), "application/xml");
        assert_eq!(content_type(Path::new("f.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("logo.svg")), "image/svg+xml");
        assert_eq!(content_type(Path::new("CNAME")), "application/octet-stream");
    }
}
