//! The core pipeline through the CLI: pages, links, escaping, determinism, output safety.

use crate::common;

use std::path::Path;

use common::{assert_snapshot, careers, copy_dir, fixture, repo, snapshot, stderr};

fn build(site: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        "--site",
        site.to_str().expect("utf8"),
        "--output",
        out.to_str().expect("utf8"),
    ];
    args.extend_from_slice(extra);
    if !extra.contains(&"--today") {
        // The example postings close in early 2027: pin "today" so these tests never age.
        args.extend_from_slice(&["--today", "2026-11-25"]);
    }
    careers(&args)
}

/// The minimal fixture copied into `dir` and built once into its `public` folder.
fn minimal_site_built(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let site = dir.join("site");
    copy_dir(&fixture("minimal"), &site);
    let out = site.join("public");
    assert!(build(&site, &out, &[]).status.success());
    (site, out)
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn example_site_builds_every_page_type() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    let result = build(&repo(), &out, &[]);
    assert!(result.status.success(), "{}", stderr(&result));
    for file in [
        "index.html",
        "jobs/backend-development-intern/index.html",
        "departments/engineering/index.html",
        "locations/berlin-de/index.html",
        "types/internship/index.html",
        "remote/index.html",
        "faq/index.html",
        "hiring-process/index.html",
        "404.html",
        "feed.xml",
        "jobs.json",
        "sitemap.xml",
        "robots.txt",
        "style.css",
        "careers.js",
        "logo.svg",
        ".careers-output",
    ] {
        assert!(out.join(file).is_file(), "missing {file}");
    }
    let intern = read(&out, "jobs/backend-development-intern/index.html");
    // The seed FAQ is on the posting, word for word.
    assert!(intern.contains("What are the key responsibilities of a Backend Development Intern?"));
    assert!(intern.contains("How can I apply for this internship position?"));
    assert!(intern.contains("€1,800–2,200 per month"), "salary label");
    assert!(intern.contains("Apply for Backend Development Intern"));
    // site.yaml's benefits are shown on postings.
    assert!(intern.contains("Benefits at Northwind Robotics"));
    assert!(intern.contains("<li>30 days of paid holiday, plus your birthday off</li>"));
    // The link to the hiring process page was resolved to its URL.
    assert!(intern.contains("href=\"/hiring-process/\""));
    // Drafts are not built.
    assert!(!out.join("jobs/head-of-design/index.html").exists());
}

/// Every `href`/`src` inside the site points at a file that exists in the output.
fn assert_internal_links_resolve(out: &Path, root: &str) {
    let mut checked = 0;
    for (file, bytes) in snapshot(out) {
        if !file.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf8 html");
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let target = piece
                    .split('"')
                    .next()
                    .unwrap_or("")
                    .split(['#', '?'])
                    .next()
                    .unwrap_or("");
                let Some(path) = target.strip_prefix(root) else {
                    assert!(
                        !target.starts_with('/') || target.starts_with("//"),
                        "{file}: link {target} is outside the site root {root}"
                    );
                    continue;
                };
                let on_disk = if path.is_empty() || path.ends_with('/') {
                    out.join(path).join("index.html")
                } else {
                    out.join(path)
                };
                assert!(on_disk.is_file(), "{file}: broken internal link {target}");
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn no_internal_link_is_broken_at_the_root_or_under_a_sub_path() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("root");
    assert!(build(&repo(), &out, &[]).status.success());
    assert_internal_links_resolve(&out, "/");
    let sub = tmp.path().join("sub");
    let result = build(
        &repo(),
        &sub,
        &["--base-url", "https://acme.github.io/careers"],
    );
    assert!(result.status.success(), "{}", stderr(&result));
    assert_internal_links_resolve(&sub, "/careers/");
    assert!(read(&sub, "index.html").contains("href=\"/careers/style.css\""));
    assert!(
        read(&sub, "sitemap.xml")
            .contains("<loc>https://acme.github.io/careers/jobs/backend-development-intern/</loc>")
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(&repo(), &a, &[]).status.success());
    assert!(build(&repo(), &b, &[]).status.success());
    let (first, second) = (snapshot(&a), snapshot(&b));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &first {
        assert!(bytes == &second[name], "{name} differs between builds");
    }
}

/// A rebuild replaces the previous output whole: a deleted posting's folder and a file put in
/// the output by hand are gone, a symbolic link put in it is removed without touching what it
/// points to, the result is the same as a build into a fresh folder, and nothing is left
/// beside it.
#[cfg(unix)]
#[test]
fn a_rebuild_removes_the_previous_output_and_never_follows_a_link_in_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (site, out) = minimal_site_built(tmp.path());
    let jobs_before = names(&out.join("jobs"));
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&outside).expect("outside");
    std::fs::write(outside.join("keep.txt"), "keep").expect("outside file");
    std::os::unix::fs::symlink(&outside, out.join("jobs/linked")).expect("symlink");
    std::fs::write(out.join("jobs/notes.txt"), "by hand").expect("hand-made file");
    std::fs::remove_file(site.join("content/jobs/hostile.md")).expect("delete posting");

    let result = build(&site, &out, &[]);
    assert!(result.status.success(), "{}", stderr(&result));
    let jobs_after = names(&out.join("jobs"));
    let gone: Vec<&String> = jobs_before
        .iter()
        .filter(|n| !jobs_after.contains(n))
        .collect();
    assert_eq!(
        gone.len(),
        1,
        "one posting folder gone: {jobs_before:?} → {jobs_after:?}"
    );
    assert!(
        !jobs_after.contains(&"linked".to_string())
            && !jobs_after.contains(&"notes.txt".to_string())
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("keep.txt")).expect("kept"),
        "keep"
    );
    let fresh = tmp.path().join("fresh");
    assert!(build(&site, &fresh, &[]).status.success());
    assert!(
        snapshot(&out) == snapshot(&fresh),
        "the rebuild differs from a fresh build"
    );
    assert_eq!(
        names(&site)
            .iter()
            .filter(|n| n.starts_with(".careers-"))
            .count(),
        0
    );
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (site, out) = minimal_site_built(tmp.path());
    let before = snapshot(&out);
    std::fs::write(
        site.join("content/jobs/open.md"),
        "---\ntitle: Broken\ndate_posted: 28.11.2026\n---\n",
    )
    .expect("break posting");
    let result = build(&site, &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(stderr(&result).contains("Nothing was changed in the output folder."));
    assert_eq!(
        snapshot(&out),
        before,
        "output changed after a failed build"
    );
    // No staging folders are left behind.
    let leftovers: Vec<String> = names(&site)
        .into_iter()
        .filter(|n| n.starts_with(".careers-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn dangerous_output_folders_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("minimal"), &site);
    for (out, why) in [
        (site.clone(), "contains the site itself"),
        (tmp.path().to_path_buf(), "contains the site itself"),
        (site.join("content"), "inside content/"),
    ] {
        let result = build(&site, &out, &[]);
        assert_eq!(result.status.code(), Some(2), "{}", out.display());
        assert!(stderr(&result).contains(why), "{}", stderr(&result));
    }
    assert!(site.join("content/site.yaml").is_file(), "content survived");
    let foreign = tmp.path().join("foreign");
    std::fs::create_dir_all(&foreign).expect("mkdir");
    std::fs::write(foreign.join("keep.txt"), "mine").expect("write");
    let result = build(&site, &foreign, &[]);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("not empty and was not made by careers"),
        "{}",
        stderr(&result)
    );
    assert_eq!(
        std::fs::read_to_string(foreign.join("keep.txt")).expect("kept"),
        "mine"
    );
    assert!(build(&site, &foreign, &["--force"]).status.success());
    assert!(foreign.join("index.html").is_file());
}

#[test]
fn front_matter_values_are_always_escaped() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    assert!(build(&fixture("minimal"), &out, &[]).status.success());
    for (file, bytes) in snapshot(&out) {
        // JSON files are data, not markup: only pages and feeds are read by browsers.
        if !(file.ends_with(".html") || file.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("<script>alert"),
            "{file} has a live script from front matter"
        );
        assert!(
            !text.contains("<img src=x"),
            "{file} has a live tag from front matter"
        );
        assert!(
            !text.contains("<b>bold</b>"),
            "{file} has live HTML from front matter"
        );
    }
    let page = read(&out, "jobs/hostile/index.html");
    assert!(
        page.contains("&lt;script&gt;alert("),
        "title is printed, escaped"
    );
}

#[test]
fn expired_postings_close_and_drafts_need_the_flag() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    assert!(build(&fixture("minimal"), &out, &[]).status.success());
    let index = read(&out, "index.html");
    assert!(index.contains("Platform Engineer"));
    assert!(!index.contains("Old Role"), "expired posting is listed");
    let closed = read(&out, "jobs/expired/index.html");
    assert!(closed.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(closed.to_lowercase().contains("position is closed"));
    assert!(!closed.contains("application/ld+json"));
    assert!(!read(&out, "sitemap.xml").contains("jobs/expired/"));
    assert!(!read(&out, "feed.xml").contains("Old Role"));
    assert!(!out.join("jobs/draft/index.html").exists());
    assert!(
        out.join("CNAME").is_file(),
        "static files without an extension are copied"
    );
    let drafts = tmp.path().join("drafts");
    assert!(
        build(&fixture("minimal"), &drafts, &["--drafts"])
            .status
            .success()
    );
    assert!(read(&drafts, "index.html").contains("Secret Role"));
}

#[test]
fn today_can_be_set_to_preview_expiry() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    // The intern posting closes on 2027-01-31: open on its last day, closed the day after.
    assert!(
        build(&repo(), &out, &["--today", "2027-01-31"])
            .status
            .success()
    );
    assert!(read(&out, "index.html").contains("Backend Development Intern"));
    assert!(
        build(&repo(), &out, &["--today", "2027-02-01"])
            .status
            .success()
    );
    assert!(!read(&out, "index.html").contains("Backend Development Intern"));
    assert!(
        read(&out, "jobs/backend-development-intern/index.html").contains(r#"content="noindex""#)
    );
    let bad = build(&repo(), &out, &["--today", "2027-02-30"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn check_reports_every_problem_in_every_file_at_once() {
    let result = careers(&["check", "--site", fixture("broken").to_str().expect("utf8")]);
    assert_eq!(result.status.code(), Some(1));
    assert_snapshot("broken-check.txt", &stderr(&result));
}

#[test]
fn check_json_is_machine_readable() {
    let result = careers(&[
        "check",
        "--format",
        "json",
        "--site",
        fixture("broken").to_str().expect("utf8"),
    ]);
    assert_eq!(result.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&result.stdout).expect("json");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], 14);
    let first = &doc["diagnostics"][0];
    assert_eq!(first["file"], "content/faq.yaml");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(6), Some(20))
    );
    assert_eq!(first["code"], "yaml-syntax");
}

#[test]
fn check_on_the_example_site_is_clean_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&repo().join("content"), &site.join("content"));
    let result = careers(&["check", "--site", site.to_str().expect("utf8")]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert!(!site.join("public").exists(), "check wrote output");
}

#[test]
fn usage_errors_exit_with_2_and_help_reads_well() {
    assert_eq!(careers(&["build", "--no-such-flag"]).status.code(), Some(2));
    let help = careers(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for command in ["build", "check", "watch", "serve", "init", "new"] {
        assert!(text.contains(command), "--help lacks {command}");
    }
    assert!(String::from_utf8_lossy(&careers(&["--version"]).stdout).starts_with("careers "));
    let missing = careers(&["build", "--site", "/nonexistent/site"]);
    assert_eq!(missing.status.code(), Some(2));
}

/// A rebuild after an edit publishes the edited page and leaves the others as they were.
#[test]
fn a_rebuild_publishes_the_edit_and_keeps_the_other_pages() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&repo().join("content"), &site.join("content"));
    let out = tmp.path().join("public");
    assert!(build(&site, &out, &[]).status.success());
    let (kept, edited) = (
        "jobs/backend-development-intern/index.html",
        "jobs/field-service-technician/index.html",
    );
    let kept_before = read(&out, kept);
    let old_text = read(&out, edited);
    let source = site.join("content/jobs/field-service-technician.md");
    let text = std::fs::read_to_string(&source).expect("posting");
    std::fs::write(&source, format!("{text}\nOne more line.\n")).expect("edit");
    assert!(build(&site, &out, &[]).status.success());
    assert_eq!(read(&out, kept), kept_before, "an unchanged page stays");
    assert!(read(&out, edited).contains("One more line."));
    assert_ne!(read(&out, edited), old_text);
}
