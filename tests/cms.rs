//! The browser editor end to end: a site made by `careers init --cms decap`, built, its
//! /admin/ opened in Chromium with Decap's local backend (tests/browser/cms.mjs), a posting
//! created through the form and published; the file it writes must pass
//! `careers check --strict` and build into a posting page.

use crate::common::{careers, stderr};
use std::path::Path;
use std::process::Command;

/// `careers build` as of the real today: the example posting of `careers init` and the one
/// the editor writes are dated from it.
fn build(site: &Path, out: &Path) {
    let args = [
        "build",
        "--site",
        &site.to_string_lossy(),
        "--output",
        &out.to_string_lossy(),
    ];
    let result = careers(
        &args
            .map(|a| a.to_string())
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(
        result.status.success(),
        "careers build: {}",
        stderr(&result)
    );
}

#[test]
fn a_posting_written_in_the_browser_editor_passes_check_strict_and_builds() {
    let chromium = crate::chromium();
    assert!(
        chromium.exists(),
        "{} (looked for {})",
        crate::CHROMIUM_MISSING,
        chromium.display()
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    let site_arg = site.to_str().expect("utf-8 path");
    let init = careers(&["init", site_arg, "--cms", "decap"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let built = tmp.path().join("built");
    build(&site, &built);
    let tests = crate::node_packages();
    let result = Command::new("node")
        .arg("cms.mjs")
        .arg(&site)
        .arg(&built)
        .current_dir(&tests)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|e| {
            panic!("the browser tests need Node.js 20+ (apt-get install nodejs npm): {e}")
        });
    assert!(
        result.status.success(),
        "the editor could not publish a posting:\n{}{}",
        String::from_utf8_lossy(&result.stdout),
        stderr(&result)
    );
    let written = site.join("content/jobs/warehouse-planner.md");
    let text = std::fs::read_to_string(&written).expect("the editor wrote the posting");
    assert!(text.contains("title: Warehouse Planner"), "{text}");
    assert!(
        !text.contains("visa_sponsorship"),
        "untouched switches are left out:\n{text}"
    );
    let check = careers(&["check", "--strict", "--site", site_arg]);
    assert!(
        check.status.success(),
        "careers check --strict:\n{}\n{text}",
        stderr(&check)
    );
    let out = tmp.path().join("rebuilt");
    build(&site, &out);
    let page = std::fs::read_to_string(out.join("jobs/warehouse-planner/index.html"))
        .expect("the posting has a page");
    assert!(page.contains("Warehouse Planner") && page.contains("Rotterdam"));
}
