//! An edit rewrites exactly the files whose bytes it changes: every other file of the
//! published site is carried over as the same file (a hard link), and the result is still
//! byte for byte what a full build gives.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::{assert_same_as_full_build, each_file, edit, posting_path, synth};

/// Every file of the output with its inode.
fn inodes(dir: &Path) -> BTreeMap<PathBuf, u64> {
    each_file(dir, |e| e.metadata().expect("metadata").ino())
}

/// The files whose inode changed between two snapshots, as `/`-separated paths.
fn rewritten(before: &BTreeMap<PathBuf, u64>, after: &BTreeMap<PathBuf, u64>) -> BTreeSet<String> {
    after
        .iter()
        .filter(|(path, ino)| before.get(*path) != Some(ino))
        .filter(|(path, _)| *path != Path::new(".careers-output"))
        .map(|(path, _)| path.to_string_lossy().replace('\\', "/"))
        .collect()
}

#[test]
fn an_edit_rewrites_only_the_files_it_changes() {
    let (_temp, site, out, full, mut session) = super::watch::start();
    let salary = 40_000 + 7 * 1000;
    let title = synth::title(7);
    let valid = synth::valid_through(7);
    let page = "jobs/posting-000007/index.html".to_string();

    // A sentence added to the body: its listing row, feed entry, search item and sitemap
    // entry stay the same, so only its page and the two files carrying bodies change.
    let before = inodes(&out);
    let changes = edit(&site, 7, &title, salary, valid, "\nOne more sentence.\n");
    assert!(session.rebuild(&changes).expect("rebuild").incremental);
    let body_edit = rewritten(&before, &inodes(&out));
    let expected: BTreeSet<String> = [page.as_str(), "indeed.xml", "jobs.json"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(body_edit, expected);
    assert_same_as_full_build(&site, &session, &out, &full);

    // Another salary: its row changes, so the index, its listings and the feeds showing it
    // are made again; search.json (title, place, summary) and the sitemap are not.
    let before = inodes(&out);
    let changes = edit(&site, 7, &title, salary + 5000, valid, "");
    assert!(session.rebuild(&changes).expect("rebuild").incremental);
    let salary_edit = rewritten(&before, &inodes(&out));
    for file in [&page, "index.html", "feed.xml", "jobs.json", "indeed.xml"] {
        assert!(
            salary_edit.contains(file),
            "{file} not rewritten: {salary_edit:?}"
        );
    }
    assert!(salary_edit.iter().any(|f| f.starts_with("departments/")));
    assert!(
        salary_edit
            .iter()
            .any(|f| f.ends_with("/feed.xml") && f != "feed.xml")
    );
    for file in ["search.json", "sitemap.xml", "robots.txt"] {
        assert!(
            !salary_edit.contains(file),
            "{file} rewritten: {salary_edit:?}"
        );
    }
    let untouched_listing = salary_edit
        .iter()
        .filter(|f| f.starts_with("locations/"))
        .count();
    assert!(
        untouched_listing < 4,
        "only posting 7's locations: {salary_edit:?}"
    );
    assert_same_as_full_build(&site, &session, &out, &full);

    // A last-change date: the sitemap and the feeds' heads change with it.
    let before = inodes(&out);
    let text = std::fs::read_to_string(site.join(posting_path(7))).expect("read posting");
    let dated = text.replacen(
        "valid_through:",
        "date_updated: 2026-11-20\nvalid_through:",
        1,
    );
    std::fs::write(site.join(posting_path(7)), dated).expect("edit posting");
    let changes = vec![posting_path(7)];
    assert!(session.rebuild(&changes).expect("rebuild").incremental);
    let dated_edit = rewritten(&before, &inodes(&out));
    for file in ["sitemap.xml", "feed.xml", "jobs.json", "indeed.xml"] {
        assert!(
            dated_edit.contains(file),
            "{file} not rewritten: {dated_edit:?}"
        );
    }
    assert_same_as_full_build(&site, &session, &out, &full);
}
