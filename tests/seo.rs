//! Search engines and job boards: JSON-LD, meta tags, sitemap, feeds, jobs.json, Indeed XML,
//! and expiry/drafts consistency, checked on tests/fixtures/seo-site built with a fixed today.
//! Page-level checks are in seo/pages.rs, machine-readable files in seo/files.rs.

#[path = "seo/files.rs"]
mod files;
#[path = "seo/pages.rs"]
mod pages;

use std::path::{Path, PathBuf};

use careers::build::{BuildOptions, build};
use jiff::civil::date;
use serde_json::Value;

pub(crate) const BASE: &str = "https://acme.example/careers/";

/// A built copy of the fixture site; the folder is removed when dropped.
pub(crate) struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

impl Built {
    pub(crate) fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|e| panic!("output file {path} missing: {e}"))
    }

    pub(crate) fn exists(&self, path: &str) -> bool {
        self.out.join(path).exists()
    }

    /// Every output file with its site-relative path, sorted.
    pub(crate) fn files(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        collect(&self.out, &self.out, &mut files);
        files.sort();
        files
    }
}

pub(crate) fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("readable output folder") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            let rel = path.strip_prefix(root).expect("inside root");
            files.push((rel.to_string_lossy().replace('\\', "/"), text));
        }
    }
}

pub(crate) fn build_fixture(drafts: bool) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let site_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seo-site");
    let opts = BuildOptions {
        site_dir,
        output: Some(out.clone()),
        drafts,
        today: Some(date(2026, 11, 25)),
        ..BuildOptions::default()
    };
    if let Err(e) = build(&opts) {
        panic!("fixture site failed to build: {e:?}");
    }
    Built { _dir: dir, out }
}

/// Every JSON-LD block of a page, parsed.
pub(crate) fn json_ld(html: &str) -> Vec<Value> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    html.split(OPEN)
        .skip(1)
        .map(|rest| {
            let text = rest.split("</script>").next().expect("closed script");
            serde_json::from_str(text).expect("JSON-LD parses as JSON")
        })
        .collect()
}

pub(crate) fn job_posting(built: &Built, slug: &str) -> Value {
    let blocks = json_ld(&built.read(&format!("jobs/{slug}/index.html")));
    assert_eq!(blocks.len(), 1, "one JSON-LD block on {slug}");
    assert_eq!(blocks[0]["@type"], "JobPosting");
    blocks[0].clone()
}

/// The value of `<meta {attr}="{name}" content="…">` on a page.
pub(crate) fn meta(html: &str, attr: &str, name: &str) -> Option<String> {
    let marker = format!("<meta {attr}=\"{name}\" content=\"");
    let start = html.find(&marker)? + marker.len();
    Some(html[start..].split('"').next()?.to_string())
}

pub(crate) fn xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).expect("well-formed XML")
}

pub(crate) fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name(name) || c.tag_name().name() == name)
        .and_then(|c| c.text())
}

pub(crate) const ATOM: &str = "http://www.w3.org/2005/Atom";
