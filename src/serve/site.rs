//! The site `serve` shows, kept in memory, and how a request path finds a file in it.
//!
//! The path is percent-decoded exactly once; `..` segments, backslashes and NUL bytes are
//! refused. Only files the last good build made can be served: there is no folder on disk
//! behind it, so nothing outside the site can be reached.

use std::sync::{Arc, RwLock};

use crate::build::published::Files;

/// The last good build's files, replaced whole after every successful build.
#[derive(Debug, Default)]
pub(crate) struct Served {
    files: RwLock<Arc<Files>>,
}

impl Served {
    /// Shows `files` from now on.
    pub(crate) fn replace(&self, files: Arc<Files>) {
        *self.files.write().unwrap_or_else(|p| p.into_inner()) = files;
    }

    /// The files being shown now.
    pub(crate) fn files(&self) -> Arc<Files> {
        Arc::clone(&self.files.read().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// Serve the file at this site-relative path.
    File(String),
    /// A folder asked for without its trailing slash: redirect here.
    Redirect(String),
    /// Nothing there (serve 404.html with status 404).
    NotFound,
    /// A traversal attempt (403).
    Forbidden,
    /// Broken percent-encoding or a path that is not UTF-8 (400).
    BadRequest,
}

/// Resolves the path part of a request target (query already removed) among `files`.
pub(crate) fn resolve(files: &Files, raw_path: &str) -> Resolved {
    if !raw_path.starts_with('/') || !well_escaped(raw_path) {
        return Resolved::BadRequest;
    }
    let Ok(decoded) = percent_encoding::percent_decode_str(raw_path).decode_utf8() else {
        return Resolved::BadRequest;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolved::Forbidden;
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Resolved::Forbidden,
            s => segments.push(s),
        }
    }
    let relative = segments.join("/");
    let index = if relative.is_empty() {
        "index.html".to_string()
    } else {
        format!("{relative}/index.html")
    };
    if decoded.ends_with('/') {
        return found(files, index);
    }
    if files.contains_key(&relative) {
        return Resolved::File(relative);
    }
    if files.contains_key(&index) {
        // Rebuilt from the raw path so `//evil.example` cannot become a protocol-relative
        // redirect.
        return Resolved::Redirect(format!("/{}/", raw_path.trim_start_matches('/')));
    }
    Resolved::NotFound
}

/// `path` when the site has it, else not found.
fn found(files: &Files, path: String) -> Resolved {
    if files.contains_key(&path) {
        Resolved::File(path)
    } else {
        Resolved::NotFound
    }
}

/// Whether every `%` starts a two-digit hex escape (the decoder would keep a broken one).
fn well_escaped(raw: &str) -> bool {
    raw.match_indices('%').all(|(i, _)| {
        raw.get(i + 1..i + 3)
            .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// The Content-Type for a file, by extension (`application/octet-stream` when unknown).
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
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

    fn site() -> Files {
        ["index.html", "jobs/a/index.html", "a b.txt"]
            .into_iter()
            .map(|p| (p.to_string(), Arc::from(&b"x"[..])))
            .collect()
    }

    fn file(path: &str) -> Resolved {
        Resolved::File(path.into())
    }

    #[test]
    fn serves_files_and_folder_indexes() {
        let files = site();
        assert_eq!(resolve(&files, "/"), file("index.html"));
        assert_eq!(resolve(&files, "/jobs/a/"), file("jobs/a/index.html"));
        assert_eq!(resolve(&files, "/a%20b.txt"), file("a b.txt"));
        let redirect = Resolved::Redirect("/jobs/a/".into());
        assert_eq!(resolve(&files, "/jobs/a"), redirect);
        assert_eq!(resolve(&files, "//jobs/a"), redirect);
        assert_eq!(resolve(&files, "/missing"), Resolved::NotFound);
        assert_eq!(resolve(&files, "/jobs/"), Resolved::NotFound);
    }

    #[test]
    fn refuses_traversal_and_bad_encoding() {
        let files = site();
        assert_eq!(resolve(&files, "/../index.html"), Resolved::Forbidden);
        assert_eq!(resolve(&files, "/%2e%2e/index.html"), Resolved::Forbidden);
        assert_eq!(resolve(&files, "/..%2findex.html"), Resolved::Forbidden);
        assert_eq!(resolve(&files, "/a/..%5cindex.html"), Resolved::Forbidden);
        assert_eq!(resolve(&files, "/a%00/index.html"), Resolved::Forbidden);
        // Decoded once: %252e stays the literal name "%2e", which does not exist.
        assert_eq!(
            resolve(&files, "/%252e%252e/index.html"),
            Resolved::NotFound
        );
        assert_eq!(resolve(&files, "/%zz"), Resolved::BadRequest);
        assert_eq!(resolve(&files, "/%"), Resolved::BadRequest);
        assert_eq!(resolve(&files, "/%e2%28"), Resolved::BadRequest);
        assert_eq!(resolve(&files, "index.html"), Resolved::BadRequest);
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a.HTML"), "text/html; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/xml");
        assert_eq!(content_type("f.woff2"), "font/woff2");
        assert_eq!(content_type("CNAME"), "application/octet-stream");
    }
}
