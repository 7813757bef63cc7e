//! A posting page's "More positions like this" shows other postings' rows: a one-posting
//! edit of a title or a department makes the pages that show that posting again, in
//! `watch` and in `serve`, and they are what a full build gives.

use std::path::{Path, PathBuf};

use careers::build::{Session, Target};

use super::watch::start_with;
use super::{assert_same_as_full_build, posting_path, published, synth};

/// The related section of posting `i`'s published page (empty when it has none).
fn related_of(session: &Session, out: &Path, i: usize) -> String {
    let files = published(session, out);
    let page = PathBuf::from(format!("jobs/posting-{i:06}/index.html"));
    let html = String::from_utf8_lossy(&files[&page]).into_owned();
    let Some(start) = html.find("<section class=\"related\"") else {
        return String::new();
    };
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    html[start..end].to_string()
}

/// Writes posting 7 with `title` in `department` and rebuilds; the rebuild is incremental.
fn edit_7(session: &mut Session, site: &Path, title: &str, department: &str) {
    let text = synth::posting(7, title, 47_000, synth::valid_through(7), "").replace(
        "department: Manufacturing",
        &format!("department: {department}"),
    );
    std::fs::write(site.join(posting_path(7)), text).expect("edit posting");
    let report = session.rebuild(&[posting_path(7)]).expect("rebuild");
    assert!(report.incremental, "a one-posting edit stays incremental");
}

/// Posting 7's title, then its department, edited in a session publishing to `target`.
fn run(target: Target) {
    let (_temp, site, out, full, mut session) = start_with(target);
    // Posting 17 is in Manufacturing with 7; posting 29 is in Research, and shares no place with 7.
    let link = "href=\"/jobs/posting-000007/\"";
    assert!(related_of(&session, &out, 17).contains(link));
    assert!(!related_of(&session, &out, 29).contains(link));

    edit_7(&mut session, &site, "Zebra Wrangler", "Manufacturing");
    assert!(related_of(&session, &out, 17).contains("Zebra Wrangler"));
    assert_same_as_full_build(&site, &session, &out, &full);

    edit_7(&mut session, &site, "Zebra Wrangler", "Research");
    assert!(!related_of(&session, &out, 17).contains(link));
    assert!(related_of(&session, &out, 29).contains("Zebra Wrangler"));
    assert_same_as_full_build(&site, &session, &out, &full);
}

#[test]
fn a_title_or_department_edit_updates_the_related_postings_of_others_in_watch() {
    run(Target::Folder);
}

#[test]
fn a_title_or_department_edit_updates_the_related_postings_of_others_in_serve() {
    run(Target::Memory);
}
