//! `watch`'s double-buffered publish: the shadow folder kept between edits stays exact over
//! many edits and fallbacks, never changes the bytes of a published file, is cleaned up, and
//! gives way to other builds.

use std::path::{Path, PathBuf};

use careers::build::{Session, Target};
use careers::watch::{Change, ChangeKind};

use super::{N, assert_same_as_full_build, edit, options, synth};

/// The `.careers-*` entries beside the output (staging folders, shadows, locks).
pub(super) fn leftovers(parent: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(parent)
        .expect("read parent")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".careers-"))
        .collect();
    names.sort();
    names
}

/// A watch session over a fresh synthetic site, first build done.
pub(super) fn start() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf, Session) {
    start_with(Target::Watch)
}

/// A session for `target` over a fresh synthetic site, first build done: the temp folder,
/// the site, the session's output and a folder for full builds to compare with.
pub(super) fn start_with(
    target: Target,
) -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf, Session) {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let (out, full) = (temp.path().join("out"), temp.path().join("full"));
    let mut session = Session::new(options(&site, &out), target);
    session.build().expect("first build");
    (temp, site, out, full, session)
}

fn body(round: usize) -> String {
    format!("\nEdit number {round}.\n")
}

pub(super) fn edit_body(site: &Path, i: usize, round: usize) -> Vec<Change> {
    edit(
        site,
        i,
        &synth::title(i),
        40_000 + (i as u32 % 50) * 1000,
        synth::valid_through(i),
        &body(round),
    )
}

#[test]
fn many_consecutive_watch_edits_and_fallbacks_match_full_builds() {
    let (_temp, site, out, full, mut session) = start();
    assert!(
        session.shadow_dir().is_none(),
        "no shadow after a full build"
    );
    // A, B, A, B, C: each edit starts from the shadow the previous one left.
    let mut round = 0;
    let mut shadows = Vec::new();
    for i in [7, 11, 7, 11, 12] {
        round += 1;
        let report = session
            .rebuild(&edit_body(&site, i, round))
            .expect("rebuild");
        assert!(report.incremental, "edit {round} should be incremental");
        assert_same_as_full_build(&site, &out, &full);
        let shadow = session.shadow_dir().expect("a shadow after an edit");
        assert!(shadow.is_dir(), "the shadow is on disk");
        shadows.push(shadow.to_path_buf());
    }
    assert!(
        shadows.windows(2).all(|w| w[0] == w[1]),
        "one shadow folder, reused edit after edit: {shadows:?}"
    );
    // A config change falls back to a full build, which drops the shadow.
    let report = session
        .rebuild(&[Change {
            path: PathBuf::from("content/site.yaml"),
            kind: ChangeKind::Config,
        }])
        .expect("full build");
    assert!(!report.incremental);
    assert!(
        session.shadow_dir().is_none(),
        "no shadow after a full build"
    );
    assert_same_as_full_build(&site, &out, &full);
    // Edits again: the first through a staging folder, then through the new shadow.
    for i in [11, 7, 11] {
        round += 1;
        let report = session
            .rebuild(&edit_body(&site, i, round))
            .expect("rebuild");
        assert!(report.incremental);
        assert!(session.shadow_dir().is_some());
        assert_same_as_full_build(&site, &out, &full);
    }
    // A title edit changes listings too; then back to a body edit.
    let report = session
        .rebuild(&edit(&site, 12, "Okapi Keeper", 41_000, "2099-12-31", ""))
        .expect("rebuild");
    assert!(report.incremental);
    assert_same_as_full_build(&site, &out, &full);
    round += 1;
    session
        .rebuild(&edit_body(&site, 7, round))
        .expect("rebuild");
    assert_same_as_full_build(&site, &out, &full);
}

#[test]
fn a_watch_edit_never_changes_the_bytes_of_a_published_file() {
    let (temp, site, out, _full, mut session) = start();
    let keep = temp.path().join("kept");
    std::fs::create_dir(&keep).expect("create kept");
    // An open handle on the first posting page, as a web server might hold.
    let page = out.join("jobs/posting-000007/index.html");
    let first_page = std::fs::read(&page).expect("read page");
    let mut handle = std::fs::File::open(&page).expect("open page");
    let mut rounds = 0;
    // Hard links to each generation's pages: the shadow shares inodes with the output.
    let mut links = Vec::new();
    for i in [7, 11, 7, 11, 7] {
        for page in ["index.html", "jobs/posting-000007/index.html", "jobs.json"] {
            let from = out.join(page);
            let link = keep.join(format!("{rounds}-{}", page.replace('/', "_")));
            std::fs::hard_link(&from, &link).expect("hard link");
            links.push((link, std::fs::read(&from).expect("read page")));
        }
        rounds += 1;
        session
            .rebuild(&edit_body(&site, i, rounds))
            .expect("rebuild");
        for (link, bytes) in &links {
            assert!(
                std::fs::read(link).expect("read link") == *bytes,
                "{} changed after edit {rounds}",
                link.display()
            );
        }
        let mut now = Vec::new();
        std::io::Seek::rewind(&mut handle).expect("rewind");
        std::io::Read::read_to_end(&mut handle, &mut now).expect("read handle");
        assert!(now == first_page, "an open posting page changed");
    }
    assert!(
        std::fs::read(&page).expect("read page") != first_page,
        "the edits did change the published page"
    );
}

#[test]
fn no_shadow_or_staging_folder_is_left_after_the_session() {
    let (temp, site, _out, _full, mut session) = start();
    for round in 1..=3 {
        session
            .rebuild(&edit_body(&site, 7, round))
            .expect("rebuild");
    }
    let shadow = session.shadow_dir().expect("a shadow").to_path_buf();
    let name = shadow.file_name().expect("name").to_string_lossy();
    assert!(name.starts_with(".careers-shadow-out-"), "{name}");
    assert_eq!(
        leftovers(temp.path()),
        [name.to_string()],
        "only the shadow"
    );
    drop(session);
    assert!(!shadow.exists(), "the shadow is removed with the session");
    assert_eq!(leftovers(temp.path()), Vec::<String>::new());
}

#[test]
fn a_stale_shadow_of_a_killed_watch_is_removed_by_the_next_build() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, 5).expect("write site");
    let out = temp.path().join("out");
    careers::build::build(&options(&site, &out)).expect("build");
    let stale = temp.path().join(".careers-shadow-out-4000000-17");
    std::fs::create_dir_all(stale.join("jobs")).expect("stale shadow");
    std::fs::write(stale.join("jobs/index.html"), "old").expect("stale file");
    // Not ours to delete: another output's shadow, and a name that only looks like one.
    let other = temp.path().join(".careers-shadow-outer-4000000-17");
    let lookalike = temp.path().join(".careers-shadow-out-notes");
    std::fs::create_dir(&other).expect("other");
    std::fs::create_dir(&lookalike).expect("lookalike");
    careers::build::build(&options(&site, &out)).expect("build again");
    assert!(!stale.exists(), "the stale shadow is swept");
    assert!(other.is_dir() && lookalike.is_dir(), "nothing else is");
    assert!(out.join("index.html").is_file());
}

#[test]
fn another_build_between_edits_sweeps_the_shadow_and_the_next_edit_stays_exact() {
    let (_temp, site, out, full, mut session) = start();
    session.rebuild(&edit_body(&site, 7, 1)).expect("rebuild");
    let first = session.shadow_dir().expect("a shadow").to_path_buf();
    // `careers build` on the same output while watch waits: it replaces the output and
    // sweeps the shadow as a leftover.
    careers::build::build(&options(&site, &out)).expect("a build from outside");
    assert!(!first.exists(), "the other build swept the shadow");
    let report = session.rebuild(&edit_body(&site, 11, 2)).expect("rebuild");
    assert!(report.incremental);
    assert_same_as_full_build(&site, &out, &full);
    let second = session.shadow_dir().expect("a new shadow").to_path_buf();
    assert_ne!(first, second);
    session.rebuild(&edit_body(&site, 7, 3)).expect("rebuild");
    assert_same_as_full_build(&site, &out, &full);
}

#[test]
fn a_watch_edit_waits_for_nobody_while_another_build_holds_the_lock() {
    let (_temp, site, out, full, mut session) = start();
    session.rebuild(&edit_body(&site, 7, 1)).expect("rebuild");
    let before = std::fs::read(out.join("jobs/posting-000011/index.html")).expect("read");
    let lock = careers::output::lock(&out).expect("take the lock like another build");
    let err = match session.rebuild(&edit_body(&site, 11, 2)) {
        Err(careers::build::BuildError::Io(message)) => message,
        other => panic!(
            "expected a lock error, got {:?}",
            other.map(|r| r.incremental)
        ),
    };
    assert!(err.contains("another careers build is writing"), "{err}");
    assert_eq!(
        std::fs::read(out.join("jobs/posting-000011/index.html")).expect("read"),
        before,
        "a refused edit changes nothing"
    );
    drop(lock);
    session
        .rebuild(&edit_body(&site, 11, 3))
        .expect("rebuild after the lock is released");
    assert_same_as_full_build(&site, &out, &full);
}

#[test]
fn a_posting_closing_then_reopening_through_the_shadow_matches_full_builds() {
    let (_temp, site, out, full, mut session) = start();
    let salary = 40_000 + 7 * 1000;
    for valid in ["2099-12-31", "2026-01-01", "2099-12-31", "2027-03-01"] {
        session
            .rebuild(&edit(&site, 7, "Zebra Wrangler", salary, valid, ""))
            .expect("rebuild");
        assert_same_as_full_build(&site, &out, &full);
    }
}

/// Which file is at `path`: its inode and, where the filesystem records it, its birth time
/// (a freed inode number is soon reused by a new file; its birth time is then later).
#[cfg(unix)]
pub(super) fn inode(path: &Path) -> (u64, Option<std::time::SystemTime>) {
    use std::os::unix::fs::MetadataExt as _;
    let metadata = std::fs::metadata(path).expect("stat");
    (metadata.ino(), metadata.created().ok())
}

/// The shadow's stale copy of a site-wide file is overwritten in place when nobody holds it
/// (two edits later the output's `jobs.json` is the same inode again), and replaced by a
/// new file when a reader of that generation still has it open (whose bytes stay put).
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn the_shadow_overwrites_a_stale_file_in_place_only_when_nobody_has_it_open() {
    assert_jobs_json_reused_unless_held(Target::Watch);
}

/// Two edits after the full build, `/jobs.json` is the full build's file again (by inode and
/// birth time: rewritten in place); with a reader holding it, two more edits make a new file
/// and the reader's bytes stay put. Every edit matches a full build.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
pub(super) fn assert_jobs_json_reused_unless_held(target: Target) {
    use std::io::Read as _;
    let (_temp, site, out, full, mut session) = start_with(target);
    let jobs = out.join("jobs.json");
    let first = inode(&jobs);
    let mut edit_and_compare = |rounds: std::ops::RangeInclusive<usize>| {
        for round in rounds {
            session
                .rebuild(&edit_body(&site, 7, round))
                .expect("rebuild");
            assert_same_as_full_build(&site, &out, &full);
        }
    };
    edit_and_compare(1..=2);
    assert_eq!(inode(&jobs), first, "nobody held it: rewritten in place");

    let held_bytes = std::fs::read(&jobs).expect("read jobs.json");
    let mut reader = std::fs::File::open(&jobs).expect("open jobs.json");
    edit_and_compare(3..=4);
    assert_ne!(inode(&jobs), first, "a reader held it: a new file");
    let mut now = Vec::new();
    reader.read_to_end(&mut now).expect("read held jobs.json");
    assert!(
        now == held_bytes,
        "the held jobs.json changed under its reader"
    );
}
