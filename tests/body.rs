//! Posting bodies end to end: task lists, headings, bare addresses and `/` paths as pages
//! show them, closed postings' links, and the errors and warnings about body text.

use std::path::Path;

use crate::common::{assert_snapshot, careers, copy_dir, fixture, stderr};

/// Builds `site` into `out` on a fixed day; the command's output.
fn build(site: &Path, out: &Path) -> std::process::Output {
    let (site, out) = (site.to_str().expect("utf8"), out.to_str().expect("utf8"));
    careers(&[
        "build",
        "--site",
        site,
        "--output",
        out,
        "--today",
        "2026-11-25",
    ])
}

/// `careers check` of `site` on a fixed day.
fn check(site: &Path) -> std::process::Output {
    let site = site.to_str().expect("utf8");
    careers(&["check", "--site", site, "--today", "2026-11-25"])
}

/// A copy of the `body` fixture with `files` (path in content/, text) written into it.
fn edited(dir: &Path, files: &[(&str, &str)]) -> std::path::PathBuf {
    let site = dir.join("site");
    copy_dir(&fixture("body"), &site);
    for (path, text) in files {
        std::fs::write(site.join("content").join(path), text).expect("write file");
    }
    site
}

#[test]
fn bodies_render_accessible_markup_under_the_base_path() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let built = build(&fixture("body"), &out);
    assert!(built.status.success(), "{}", stderr(&built));
    let page = std::fs::read_to_string(out.join("jobs/rich/index.html")).expect("page");
    assert_eq!(page.matches("<h1").count(), 1, "{page}");
    for part in [
        r#"<h2 id="data-at-body-co">Data at Body Co</h2>"#,
        r#"<h3 id="what-you-will-do">"#,
        r#"<span class="task-box task-done">☑</span> Own"#,
        r#"<img src="/careers/team.svg" alt="Our team at the Hamburg office" />"#,
        r#"<a href="/careers/benefits.pdf">"#,
        r#"<a href="mailto:jobs@body.test">jobs@body.test</a>"#,
        r#"<a href="https://blog.body.test/engineering">https://blog.body.test/engineering</a>."#,
    ] {
        assert!(page.contains(part), "{part}");
    }
    assert!(!page.contains("<input"), "task boxes are text");
    let notes = page
        .find("<section class=\"footnotes\">")
        .expect("footnotes gathered");
    let last = page
        .find("for everything else.")
        .expect("the body's last paragraph");
    assert!(last < notes, "footnotes after the body's last paragraph");
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(
        index.contains("We move data for two thousand shops"),
        "teaser skips the heading and image"
    );
}

#[test]
fn closed_postings_link_only_to_listings_that_exist() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    assert!(build(&fixture("body"), &out).status.success());
    let closed = std::fs::read_to_string(out.join("jobs/closed/index.html")).expect("page");
    for gone in [
        "departments/legal/",
        "locations/munich-de/",
        "types/contract/",
    ] {
        assert!(!out.join(gone).exists(), "{gone}");
        assert!(!closed.contains(&format!("/careers/{gone}\"")), "{gone}");
    }
    assert!(closed.contains("<dd>Legal</dd>") && closed.contains("<li>Legal</li>"));
    let open = std::fs::read_to_string(out.join("jobs/rich/index.html")).expect("page");
    assert!(open.contains(r#"<a href="/careers/departments/engineering/">Engineering</a>"#));
}

#[test]
fn missing_images_files_and_logo_are_located_errors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let yaml = std::fs::read_to_string(fixture("body/content/site.yaml")).expect("site.yaml");
    let body = "---\ntitle: Analyst\ndepartment: Engineering\nemployment_type: full_time\nlocations: [{city: Hamburg, country: DE}]\ndate_posted: 2026-10-01\nvalid_through: 2099-12-31\n---\nSee the map:\n\n![Map of the office](/map.png) and the [handbook](/handbook.pdf).\n";
    let site = edited(
        tmp.path(),
        &[
            ("site.yaml", &yaml.replace("/logo.svg", "/brand/logo.png")),
            ("jobs/analyst.md", body),
        ],
    );
    let checked = check(&site);
    assert_eq!(checked.status.code(), Some(1), "{}", stderr(&checked));
    assert_snapshot("body-missing-files.txt", &stderr(&checked));
    let built = build(&site, &tmp.path().join("out"));
    assert_eq!(built.status.code(), Some(1), "{}", stderr(&built));
}

#[test]
fn pasted_text_and_teasers_get_warnings() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let front = "---\ntitle: Analyst\ndepartment: Engineering\nemployment_type: full_time\nlocations: [{city: Hamburg, country: DE}]\ndate_posted: 2026-10-01\nvalid_through: 2099-12-31\n";
    let pasted = format!(
        "{front}summary: Join <b>our</b> team\n---\nHello {{{{ candidate_name }}}}, we are glad you are here and want to tell you everything about the role in our Hamburg office.\n\n##Benefits\n\n•\tThirty days of holiday\n·  A yearly learning budget\n\n![Team](data:image/png;base64,iVBORw0KGgo=)\n\n<iframe src=\"https://video.body.test/embed/1\"></iframe>\n\n```\n{{{{ kept in code }}}}\n```\n"
    );
    let no_teaser = format!(
        "{front}---\n# The role\n\n![Team](/team.svg)\n\n🎉 🚀\n\n- Own the pipelines that feed every shop's stock numbers across the country\n- Design the next warehouse with the analytics team and the shop owners\n- Review the work of two junior engineers and help them grow every week\n"
    );
    let site = edited(
        tmp.path(),
        &[
            ("jobs/pasted.md", &pasted),
            ("jobs/no-teaser.md", &no_teaser),
        ],
    );
    let checked = check(&site);
    assert_snapshot("body-lints.txt", &stderr(&checked));
}
