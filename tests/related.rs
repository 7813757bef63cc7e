//! "More positions like this" on posting pages, through the CLI: on a copy of the example
//! site (several departments, a draft) with a closed posting, a sixth candidate and a
//! posting alone in its department and place; and in the four-language fixture, where each
//! language folder relates its own postings.

use std::path::Path;

use crate::common::{careers, copy_dir, fixture, repo, stderr};

/// Front matter of a small posting: (file, title, department, city, country, posted, closes).
type Extra<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
);

/// Writes each posting of `extra` into `site`'s content/jobs.
fn add_postings(site: &Path, extra: &[Extra]) {
    for (file, title, department, city, country, posted, closes) in extra {
        let text = format!(
            "---\ntitle: {title}\ndepartment: {department}\nemployment_type: full_time\nlocations:\n  - {{city: {city}, country: {country}}}\ndate_posted: {posted}\nvalid_through: {closes}\n---\n\nWhat the role is about, in a few words.\n"
        );
        std::fs::write(site.join("content/jobs").join(file), text).expect("write posting");
    }
}

/// Builds `site` into `out` for 2026-11-25, with `extra` arguments.
fn build(site: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec!["build", "--site", site.to_str().expect("utf-8")];
    args.extend([
        "--output",
        out.to_str().expect("utf-8"),
        "--today",
        "2026-11-25",
    ]);
    args.extend(extra);
    let result = careers(&args);
    assert!(result.status.success(), "{}", stderr(&result));
}

/// The links of a page's related postings in order; `None` when it has no such section.
fn related(out: &Path, page: &str) -> Option<Vec<String>> {
    let path = out.join(page);
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{page}: {e}"));
    let start = html.find("<section class=\"related\"")?;
    let end = start + html[start..].find("</section>").expect("a closed section");
    let links = html[start..end]
        .split("<a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect();
    Some(links)
}

/// The example site with a closed Engineering posting in Berlin, a Finance posting in
/// Berlin and a Legal one in Lisbon, built into `out`.
fn example_site(dir: &Path, out: &Path, extra: &[&str]) {
    let site = dir.join("site");
    copy_dir(&repo().join("content"), &site.join("content"));
    add_postings(
        &site,
        &[
            (
                "robotics-lead.md",
                "Robotics Lead",
                "Engineering",
                "Berlin",
                "DE",
                "2026-10-01",
                "2026-11-10",
            ),
            (
                "finance-analyst.md",
                "Finance Analyst",
                "Finance",
                "Berlin",
                "DE",
                "2026-10-05",
                "2027-03-31",
            ),
            (
                "legal-counsel.md",
                "Legal Counsel",
                "Legal",
                "Lisbon",
                "PT",
                "2026-11-01",
                "2027-03-31",
            ),
        ],
    );
    build(&site, out, extra);
}

#[test]
fn a_posting_page_relates_its_department_first_then_its_places_newest_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    example_site(dir.path(), &out, &[]);
    // Engineering (newest first), then Berlin: the draft Head of Design, the closed Robotics
    // Lead and, sixth, the Field Service Technician are left out.
    let intern = related(&out, "jobs/backend-development-intern/index.html");
    let expected = [
        "/jobs/embedded-firmware-engineer/",
        "/jobs/senior-backend-engineer/",
        "/jobs/product-designer/",
        "/jobs/finance-analyst/",
        "/jobs/people-operations-generalist/",
    ];
    assert_eq!(intern, Some(expected.map(String::from).to_vec()));
    let html = std::fs::read_to_string(out.join("jobs/backend-development-intern/index.html"))
        .expect("read page");
    assert!(html.contains("<h2 id=\"related-heading\">More positions like this</h2>"));
    // A closed posting's page shows open ones, never itself.
    let closed = related(&out, "jobs/robotics-lead/index.html").expect("a section");
    assert_eq!(closed.len(), 5);
    assert_eq!(closed[0], "/jobs/backend-development-intern/");
    assert!(!closed.iter().any(|l| l.contains("robotics-lead")));
    // Alone in its department and its place: no section, not even its heading.
    assert_eq!(related(&out, "jobs/legal-counsel/index.html"), None);
    let alone = std::fs::read_to_string(out.join("jobs/legal-counsel/index.html")).expect("read");
    assert!(!alone.contains("related-heading"));
}

#[test]
fn a_draft_is_related_only_when_drafts_are_published() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    example_site(dir.path(), &out, &["--drafts"]);
    let intern = related(&out, "jobs/backend-development-intern/index.html").expect("a section");
    assert_eq!(intern[2], "/jobs/head-of-design/", "{intern:?}");
}

/// The four-language fixture with a second German posting in Berlin, built into `out`.
fn languages_site(dir: &Path, out: &Path, show_untranslated: bool) {
    let site = dir.join("site");
    copy_dir(&fixture("languages"), &site);
    add_postings(
        &site,
        &[(
            "servicetechnik.de.md",
            "Servicetechnik (m/w/d)",
            "Service",
            "Berlin",
            "DE",
            "2026-11-12",
            "2027-03-31",
        )],
    );
    if show_untranslated {
        let config = site.join("content/site.yaml");
        let text = std::fs::read_to_string(&config).expect("site.yaml");
        std::fs::write(&config, format!("{text}untranslated_postings: show\n")).expect("write");
    }
    build(&site, out, &[]);
}

#[test]
fn each_language_folder_relates_its_own_postings_with_its_own_links() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    languages_site(dir.path(), &out, false);
    let de = related(&out, "de/jobs/robotics-engineer/index.html");
    assert_eq!(de, Some(vec!["/de/jobs/servicetechnik/".to_string()]));
    let html = std::fs::read_to_string(out.join("de/jobs/robotics-engineer/index.html"))
        .expect("read page");
    assert!(html.contains("<h2 id=\"related-heading\">Ähnliche Stellen</h2>"));
    // The English version has no other English posting in its department or place.
    assert_eq!(related(&out, "jobs/robotics-engineer/index.html"), None);
    assert_eq!(related(&out, "de/jobs/lager-teamleitung/index.html"), None);
}

#[test]
fn an_untranslated_posting_listed_in_a_folder_is_related_there_with_its_own_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    languages_site(dir.path(), &out, true);
    // Listed in English (marked as German), it links to the only page it has.
    let en = related(&out, "jobs/robotics-engineer/index.html");
    assert_eq!(en, Some(vec!["/de/jobs/servicetechnik/".to_string()]));
    let de = related(&out, "de/jobs/robotics-engineer/index.html").expect("a section");
    assert!(de.iter().all(|l| l.starts_with("/de/jobs/")), "{de:?}");
}
