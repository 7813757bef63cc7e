//! Real-browser tests of the default theme (and the bundled `minimal` theme): builds the example site,
//! the `minimal` fixture (it has a closed posting), the example content with `theme: minimal` and the
//! German and Japanese folders of the four-language fixture (axe, html-validate, filters without
//! JavaScript there), the fixture whose postings carry every optional fact (a seniority filter) and
//! the `body` fixture (a posting with a task list, footnotes, a table, a `# Heading` and an image), then
//! runs tests/browser/run.mjs against them in the system Chromium (axe, filters and search with and
//! without JavaScript, keyboard, posting page, layout, html-validate), and against the error overlay
//! of a running `careers serve` whose last build failed. The same target runs actionlint on the
//! workflow `careers init` writes (tests/workflow.rs). A generated site with 10,000 open postings
//! is checked by tests/browser/big.mjs (listing size, department pages, search over every
//! posting). Never skipped: without Chromium or Node.js the
//! test fails and says what to install.

mod cms;
mod common;
mod overlay;
#[path = "../benches/synth.rs"]
mod synth;
mod workflow;

use common::{careers, copy_dir, fixture, repo, stderr};
use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM_MISSING: &str = "the browser tests need Chromium: apt-get install chromium";

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

fn build(site: &Path, out: &Path) {
    build_with(site, out, &[]);
}

/// [`build`] with the site at another base URL.
fn build_at(site: &Path, out: &Path, base_url: &str) {
    build_with(site, out, &["--base-url", base_url]);
}

/// [`build`] with more arguments for `careers build`.
fn build_with(site: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec![
        "build",
        "--site",
        site.to_str().expect("utf8 path"),
        "--output",
        out.to_str().expect("utf8 path"),
        // A fixed "today", so the example postings (open until early 2027) stay open and the
        // filter tests keep their departments whatever the real date.
        "--today",
        "2026-11-25",
    ];
    args.extend_from_slice(extra);
    let result = careers(&args);
    assert!(
        result.status.success(),
        "careers build {} failed:\n{}",
        site.display(),
        stderr(&result)
    );
}

/// The example content with `theme: minimal`, so the bundled minimal theme is tested too.
fn minimal_theme_site(dir: &Path) -> PathBuf {
    let site = dir.join("minimal-theme-site");
    copy_dir(&repo().join("content"), &site.join("content"));
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read site.yaml");
    assert!(
        text.contains("\ntheme: default\n"),
        "the example site.yaml should say `theme: default`"
    );
    std::fs::write(
        &yaml,
        text.replace("\ntheme: default\n", "\ntheme: minimal\n"),
    )
    .expect("write site.yaml");
    site
}

fn npm_ci(dir: &Path) {
    let result = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("the browser tests need Node.js 20+ and npm (apt-get install nodejs npm): {e}")
        });
    assert!(
        result.status.success(),
        "npm ci in {} failed:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&result.stdout),
        stderr(&result)
    );
}

/// tests/browser with its npm packages installed (once, however many tests ask at a time).
pub fn node_packages() -> PathBuf {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
    let tests = repo().join("tests/browser");
    if !packages_installed(&tests) {
        npm_ci(&tests);
    }
    tests
}

/// Whether every package tests/browser/package.json names is in its node_modules, so a
/// checkout whose packages were installed before one was added installs again.
fn packages_installed(dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join("package.json")) else {
        return false;
    };
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("package.json is JSON");
    let names = manifest["devDependencies"]
        .as_object()
        .into_iter()
        .flat_map(|deps| deps.keys());
    names.into_iter().all(|name| {
        dir.join("node_modules")
            .join(name)
            .join("package.json")
            .exists()
    })
}

#[test]
fn the_default_and_minimal_themes_pass_the_browser_tests() {
    let chromium = chromium();
    assert!(
        chromium.exists(),
        "{CHROMIUM_MISSING} (looked for {}; set $CHROMIUM to use another binary)",
        chromium.display()
    );

    let tmp = tempfile::tempdir().expect("tempdir");
    let example = tmp.path().join("example");
    let fixture_out = tmp.path().join("fixture");
    let minimal_theme = tmp.path().join("minimal-theme");
    build(&repo(), &example);
    build(&fixture("minimal"), &fixture_out);
    build(&minimal_theme_site(tmp.path()), &minimal_theme);
    let languages = tmp.path().join("languages");
    build(&fixture("languages"), &languages);
    let facts = tmp.path().join("facts");
    build(&fixture("facts"), &facts);
    // Built at the server's root: the fixture's own base URL has a sub-folder.
    let body = tmp.path().join("body");
    build_at(&fixture("body"), &body, "https://body.test/");

    let broken = overlay::serve_broken_site(tmp.path());

    let tests = node_packages();

    let sites = [
        ("example", &example),
        ("fixture", &fixture_out),
        ("minimal-theme", &minimal_theme),
        ("facts", &facts),
        ("body", &body),
    ];
    // The German and Japanese folders of the site in four languages.
    let folders = ["de", "ja"]
        .map(|language| format!("languages-{language}={}#{language}", languages.display()));
    let result = Command::new("node")
        .arg("--test-reporter=spec")
        .arg("run.mjs")
        .args(
            sites
                .iter()
                .map(|(name, dir)| format!("{name}={}", dir.display())),
        )
        .args(folders)
        .arg(format!("--overlay={}", broken.url))
        .current_dir(&tests)
        .env("CHROMIUM", &chromium)
        .env(
            "BROWSER_SCREENSHOTS",
            repo().join("target/browser-screenshots"),
        )
        .output()
        .unwrap_or_else(|e| {
            panic!("the browser tests need Node.js 20+ (apt-get install nodejs npm): {e}")
        });
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        stderr(&result)
    );
    println!("{output}");
    assert!(
        result.status.success(),
        "browser tests failed (node tests/browser/run.mjs exited with {}):\n{output}",
        result.status
    );
}

/// Open postings of the generated big site: what "a big employer" means in the theme's limits.
const BIG_SITE_OPEN: usize = 10_000;

#[test]
fn a_site_with_ten_thousand_postings_keeps_its_listing_small_and_finds_every_posting() {
    let chromium = chromium();
    assert!(chromium.exists(), "{CHROMIUM_MISSING}");
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("big-site");
    std::fs::create_dir_all(&site).expect("site folder");
    // One posting in twenty of the generated site is closed: write enough for 10,000 open ones.
    let total = (0..)
        .find(|&n| n - n / 20 >= BIG_SITE_OPEN)
        .expect("a size");
    synth::write_site(&site, total).expect("write the big site");
    let out = tmp.path().join("big");
    build(&site, &out);
    let tests = node_packages();
    let result = Command::new("node")
        .arg("--test-reporter=spec")
        .arg("big.mjs")
        .arg(&out)
        .current_dir(&tests)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|e| panic!("the browser tests need Node.js 20+: {e}"));
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        stderr(&result)
    );
    println!("{output}");
    assert!(
        result.status.success(),
        "big-site browser tests failed:\n{output}"
    );
}
