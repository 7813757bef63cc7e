//! The theme chain: a site's own theme overrides one template, inherits the rest from the
//! theme it extends and the built-in default; template mistakes name the template and line.

use crate::common;

use common::{careers, copy_dir, fixture, stderr};

#[test]
fn a_site_theme_overrides_one_template_and_inherits_the_rest() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let site = fixture("themed");
    let result = careers(&[
        "build",
        "--site",
        site.to_str().expect("utf8"),
        "--output",
        out.to_str().expect("utf8"),
    ]);
    assert!(result.status.success(), "{}", stderr(&result));
    let job = std::fs::read_to_string(out.join("jobs/open/index.html")).expect("job page");
    assert!(
        job.contains(r#"<h1 class="acme-job">Platform Engineer</h1>"#),
        "site template used"
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(
        index.contains("Platform Engineer"),
        "index inherited from the built-in default"
    );
    let minimal_css =
        std::fs::read_to_string(common::repo().join("themes/minimal/static/style.css"))
            .expect("minimal css");
    assert_eq!(
        std::fs::read_to_string(out.join("style.css")).expect("css"),
        minimal_css,
        "style.css comes from minimal"
    );
    assert!(
        out.join("careers.js").is_file(),
        "careers.js inherited from default"
    );
}

#[test]
fn a_template_error_names_the_template_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("themed"), &site);
    std::fs::write(site.join("themes/acme/templates/job.html"), "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ job.title }</h1>\n{% endblock content %}\n").expect("write");
    let out = tmp.path().join("out");
    let result = careers(&[
        "build",
        "--site",
        site.to_str().expect("utf8"),
        "--output",
        out.to_str().expect("utf8"),
    ]);
    assert_eq!(result.status.code(), Some(1));
    let text = stderr(&result);
    assert!(
        text.starts_with("themes/acme/templates/job.html:3:"),
        "{text}"
    );
    assert!(
        text.contains("<h1>{{ job.title }</h1>"),
        "shows the line: {text}"
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn an_unknown_theme_is_a_located_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("minimal"), &site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read") + "theme: fancy\n";
    std::fs::write(&yaml, text).expect("write");
    let result = careers(&["check", "--site", site.to_str().expect("utf8")]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("there is no theme called `fancy`"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn an_overridden_row_partial_is_rendered_once_per_posting_and_shown_on_every_listing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("themed"), &site);
    std::fs::create_dir_all(site.join("themes/acme/templates/partials")).expect("mkdir");
    std::fs::write(
        site.join("themes/acme/templates/partials/job_row.html"),
        "<li class=\"acme-row\" data-job>{{ job.title }} · {{ site.company.name }}</li>",
    )
    .expect("write");
    let out = tmp.path().join("out");
    let report = careers::build::build(&careers::build::BuildOptions {
        site_dir: site,
        output: Some(out.clone()),
        today: Some(jiff::civil::date(2026, 11, 28)),
        timings: true,
        ..Default::default()
    })
    .expect("build");
    let rows = report
        .timings
        .iter()
        .find(|t| t.name == "partials/job_row.html")
        .map_or(0, |t| t.count);
    assert_eq!(
        rows, report.open_postings,
        "one row render per open posting"
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("<li class=\"acme-row\" data-job>Platform Engineer"));
    let department = walkdir::WalkDir::new(out.join("departments"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name() == "index.html")
        .expect("a department page");
    let text = std::fs::read_to_string(department.path()).expect("department page");
    assert!(
        text.contains("class=\"acme-row\""),
        "the listing prints the override"
    );
}

/// The minimal fixture with a second Engineering posting and `theme_options` added to its
/// site.yaml, built at a sub-path into a temp folder.
fn build_with_options(options: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("minimal"), &site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    std::fs::write(&yaml, format!("{text}theme_options:\n{options}")).expect("write site.yaml");
    // A second Engineering posting, so that department can have more postings than rows.
    let open = std::fs::read_to_string(site.join("content/jobs/open.md")).expect("open.md");
    let second = open
        .replace("title: Platform Engineer", "title: Data Engineer")
        .replace("reference: ENG-1", "reference: ENG-2");
    std::fs::write(site.join("content/jobs/data.md"), second).expect("write data.md");
    let out = tmp.path().join("out");
    let result = careers(&[
        "build",
        "--site",
        site.to_str().expect("utf8"),
        "--output",
        out.to_str().expect("utf8"),
        "--base-url",
        "https://fixture.test/careers/",
        "--today",
        "2026-11-25",
    ]);
    assert!(result.status.success(), "{}", stderr(&result));
    (tmp, out)
}

#[test]
fn the_hero_is_escaped_and_its_image_found_under_the_sites_path() {
    let (_tmp, out) = build_with_options(
        "  hero:\n    title: \"Build <b>robots</b>\"\n    text: Small teams & real ownership.\n    image: /team.jpg\n",
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(
        index.contains("<h1>Build &lt;b&gt;robots&lt;/b&gt;</h1>"),
        "{index}"
    );
    assert!(index.contains("<p class=\"lead\">Small teams &amp; real ownership.</p>"));
    assert!(index.contains("<img class=\"hero-image\" src=\"/careers/team.jpg\" alt=\"\">"));
    assert_eq!(
        index.matches("<h1").count(),
        1,
        "the hero's title is the page's one h1"
    );
}

#[test]
fn a_department_beyond_the_row_limit_links_to_its_page_which_lists_every_posting() {
    let (_tmp, out) = build_with_options("  listing_rows_per_department: 1\n");
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    let engineering = index
        .split("data-group=\"engineering\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("an Engineering group");
    assert_eq!(
        engineering.matches("class=\"job-row\"").count(),
        1,
        "{engineering}"
    );
    assert!(
        engineering.contains(
            "<a href=\"/careers/departments/engineering/\" data-text=\"See all positions in Engineering ({count})\">See all positions in Engineering (2)</a>"
        ),
        "{engineering}"
    );
    let page = std::fs::read_to_string(out.join("departments/engineering/index.html"))
        .expect("department page");
    assert_eq!(page.matches("class=\"job-row\"").count(), 2);
    assert!(
        !page.contains("data-more"),
        "a department's own page lists them all"
    );
    let (_all, unlimited) = build_with_options("  listing_rows_per_department: 0\n");
    let index = std::fs::read_to_string(unlimited.join("index.html")).expect("index");
    assert!(!index.contains("data-more") && !index.contains("data-index"));
}
