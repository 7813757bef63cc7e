//! `watch`'s publish: the shadow (the output it last replaced) brought up to date, or a
//! staging folder holding the changed files and hard links to the unchanged ones, swapped in
//! at once. It stays exact over many edits and fallbacks, never changes the bytes of a
//! published file, leaves nothing behind, and waits for other builds.

use std::path::{Path, PathBuf};

use careers::build::{Session, Target};

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
    start_with(Target::Folder)
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

pub(super) fn edit_body(site: &Path, i: usize, round: usize) -> Vec<PathBuf> {
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
    let mut round = 0;
    for i in [7, 11, 7, 11, 12] {
        round += 1;
        let report = session
            .rebuild(&edit_body(&site, i, round))
            .expect("rebuild");
        assert!(report.incremental, "edit {round} should be incremental");
        assert_same_as_full_build(&site, &session, &out, &full);
    }
    // A config change falls back to a full build; edits after it are exact again.
    let report = session
        .rebuild(&[PathBuf::from("content/site.yaml")])
        .expect("full build");
    assert!(!report.incremental);
    assert_same_as_full_build(&site, &session, &out, &full);
    for i in [11, 7, 11] {
        round += 1;
        let report = session
            .rebuild(&edit_body(&site, i, round))
            .expect("rebuild");
        assert!(report.incremental);
        assert_same_as_full_build(&site, &session, &out, &full);
    }
    // A title edit changes listings too; then back to a body edit.
    let report = session
        .rebuild(&edit(&site, 12, "Okapi Keeper", 41_000, "2099-12-31", ""))
        .expect("rebuild");
    assert!(report.incremental);
    assert_same_as_full_build(&site, &session, &out, &full);
    round += 1;
    session
        .rebuild(&edit_body(&site, 7, round))
        .expect("rebuild");
    assert_same_as_full_build(&site, &session, &out, &full);
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

/// Between edits the session keeps one shadow (the output it last replaced) beside the
/// output, the same folder edit after edit; nothing is left once the session ends.
#[test]
fn one_shadow_is_kept_between_edits_and_nothing_is_left_after_the_session() {
    let (temp, site, _out, _full, mut session) = start();
    let mut seen = Vec::new();
    for round in 1..=3 {
        session
            .rebuild(&edit_body(&site, 7, round))
            .expect("rebuild");
        seen.push(leftovers(temp.path()));
    }
    assert_eq!(seen[0].len(), 1, "{seen:?}");
    assert!(seen[0][0].starts_with(".careers-shadow-out-"), "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    drop(session);
    assert_eq!(leftovers(temp.path()), Vec::<String>::new());
}

/// A file put into the output by hand, and a symlink pointing outside, do not come back
/// through the shadow; what the link points at stays.
#[cfg(unix)]
#[test]
fn files_put_into_the_output_by_hand_do_not_survive_the_shadow() {
    let (temp, site, out, full, mut session) = start();
    session.rebuild(&edit_body(&site, 7, 1)).expect("rebuild");
    let outside = temp.path().join("outside");
    std::fs::create_dir(&outside).expect("outside");
    std::fs::write(outside.join("keep.txt"), "keep").expect("outside file");
    std::fs::write(out.join("by-hand.txt"), "x").expect("hand-made file");
    std::os::unix::fs::symlink(&outside, out.join("jobs/linked")).expect("symlink");
    for round in 2..=4 {
        session
            .rebuild(&edit_body(&site, 7, round))
            .expect("rebuild");
        assert_same_as_full_build(&site, &session, &out, &full);
    }
    assert!(!out.join("by-hand.txt").exists());
    assert_eq!(
        std::fs::read_to_string(outside.join("keep.txt")).expect("kept"),
        "keep"
    );
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

/// Another build replacing the output between two edits (here with another base URL, so
/// every page differs): the next edit carries nothing over from it (it builds the whole site
/// again) and is exact; the edit after that is incremental again.
#[test]
fn another_build_between_edits_and_the_next_edit_stays_exact() {
    let (_temp, site, out, full, mut session) = start();
    session.rebuild(&edit_body(&site, 7, 1)).expect("rebuild");
    let elsewhere = careers::build::BuildOptions {
        base_url: Some("https://elsewhere.example/".into()),
        ..options(&site, &out)
    };
    careers::build::build(&elsewhere).expect("a build from outside");
    let report = session.rebuild(&edit_body(&site, 11, 2)).expect("rebuild");
    assert!(!report.incremental, "nothing of the other build is trusted");
    assert_same_as_full_build(&site, &session, &out, &full);
    let report = session.rebuild(&edit_body(&site, 7, 3)).expect("rebuild");
    assert!(report.incremental);
    assert_same_as_full_build(&site, &session, &out, &full);
}

/// An edit saved while another build holds the output's lock waits for it, then publishes.
#[test]
fn a_watch_edit_waits_while_another_build_holds_the_lock() {
    let (_temp, site, out, full, mut session) = start();
    session.rebuild(&edit_body(&site, 7, 1)).expect("rebuild");
    let lock = careers::output::lock(&out).expect("take the lock like another build");
    let released = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(std::time::Duration::from_millis(300));
            released.store(true, std::sync::atomic::Ordering::SeqCst);
            drop(lock);
        });
        session
            .rebuild(&edit_body(&site, 11, 2))
            .expect("rebuild once the lock is released");
        assert!(
            released.load(std::sync::atomic::Ordering::SeqCst),
            "the edit waited for the other build"
        );
    });
    assert_same_as_full_build(&site, &session, &out, &full);
}

#[test]
fn a_posting_closing_then_reopening_through_the_shadow_matches_full_builds() {
    let (_temp, site, out, full, mut session) = start();
    let salary = 40_000 + 7 * 1000;
    for valid in ["2099-12-31", "2026-01-01", "2099-12-31", "2027-03-01"] {
        session
            .rebuild(&edit(&site, 7, "Zebra Wrangler", salary, valid, ""))
            .expect("rebuild");
        assert_same_as_full_build(&site, &session, &out, &full);
    }
}
