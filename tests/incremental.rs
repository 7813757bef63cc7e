//! Incremental rebuilds (watch/serve) give byte-for-byte the site a full build gives, and
//! signal the reload only once the edit's HTML is on disk.

#[path = "incremental/files.rs"]
mod files;
#[path = "incremental/serve.rs"]
mod serve;
#[path = "../benches/synth.rs"]
mod synth;
#[path = "incremental/watch.rs"]
mod watch;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use careers::build::{BuildOptions, Session, Target};
use careers::watch::{Change, ChangeKind};

const N: usize = 60;

fn options(site: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        site_dir: site.to_path_buf(),
        output: Some(out.to_path_buf()),
        force: true,
        today: Some(jiff::civil::date(2026, 11, 25)),
        ..BuildOptions::default()
    }
}

/// Every file of a folder: relative path → what `read` makes of it.
fn each_file<T>(dir: &Path, read: impl Fn(&walkdir::DirEntry) -> T) -> BTreeMap<PathBuf, T> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            (rel, read(&e))
        })
        .collect()
}

/// Every file of a folder: relative path → bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    each_file(dir, |e| std::fs::read(e.path()).expect("read output file"))
}

/// Asserts the session's output equals a fresh full build of the same content.
fn assert_same_as_full_build(site: &Path, session_out: &Path, full_out: &Path) {
    let _ = std::fs::remove_dir_all(full_out);
    careers::build::build(&options(site, full_out)).expect("full build");
    let (a, b) = (snapshot(session_out), snapshot(full_out));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &a {
        assert!(
            *bytes == b[path],
            "{} differs from a full build",
            path.display()
        );
    }
}

fn posting_path(i: usize) -> PathBuf {
    PathBuf::from("content/jobs").join(synth::file_name(i))
}

fn edit(site: &Path, i: usize, title: &str, salary: u32, valid: &str, body: &str) -> Vec<Change> {
    std::fs::write(
        site.join(posting_path(i)),
        synth::posting(i, title, salary, valid, body),
    )
    .expect("edit posting");
    vec![Change {
        path: posting_path(i),
        kind: ChangeKind::Content,
    }]
}

fn run(target: Target) {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let (out, full) = (temp.path().join("out"), temp.path().join("full"));
    let mut session = Session::new(options(&site, &out), target);
    session.build().expect("first build");
    assert_same_as_full_build(&site, &out, &full);

    // Body, title, salary and valid_through edits are incremental and exact.
    let salary = 40_000 + 7 * 1000;
    let steps: [(&str, u32, &str, &str); 4] = [
        (
            "Design Specialist 7",
            salary,
            "2099-12-31",
            "\nA new paragraph.\n",
        ),
        (
            "Zebra Wrangler",
            salary,
            "2099-12-31",
            "\nA new paragraph.\n",
        ),
        ("Zebra Wrangler", 99_000, "2099-12-31", ""),
        ("Zebra Wrangler", 99_000, "2027-03-01", ""),
    ];
    for (title, salary, valid, body) in steps {
        let report = session
            .rebuild(&edit(&site, 7, title, salary, valid, body))
            .expect("rebuild");
        assert!(report.incremental, "editing {title} should be incremental");
        assert_same_as_full_build(&site, &out, &full);
    }

    // Closing a posting (valid_through in the past) changes listings: still exact.
    let report = session
        .rebuild(&edit(&site, 7, "Zebra Wrangler", 99_000, "2026-01-01", ""))
        .expect("rebuild");
    let _ = report.incremental;
    assert_same_as_full_build(&site, &out, &full);

    // A new posting and a deleted one fall back to a full build.
    let added = PathBuf::from("content/jobs/zz-new.md");
    std::fs::write(
        site.join(&added),
        synth::posting(N + 1, "Brand New Role", 50_000, "2099-12-31", ""),
    )
    .expect("add posting");
    let report = session
        .rebuild(&[Change {
            path: added,
            kind: ChangeKind::Content,
        }])
        .expect("rebuild after add");
    assert!(!report.incremental, "a new file needs a full build");
    assert_same_as_full_build(&site, &out, &full);

    std::fs::remove_file(site.join(posting_path(3))).expect("delete posting");
    let report = session
        .rebuild(&[Change {
            path: posting_path(3),
            kind: ChangeKind::Content,
        }])
        .expect("rebuild after delete");
    assert!(!report.incremental, "a deleted file needs a full build");
    assert_same_as_full_build(&site, &out, &full);

    // A template or config change is never incremental.
    let report = session
        .rebuild(&[Change {
            path: PathBuf::from("content/site.yaml"),
            kind: ChangeKind::Config,
        }])
        .expect("rebuild after config");
    assert!(!report.incremental);
    assert_same_as_full_build(&site, &out, &full);

    // A parse error fails like a full build; the next good save is exact again.
    std::fs::write(site.join(posting_path(9)), "---\ntitle: [\n---\n").expect("break posting");
    let broken = vec![Change {
        path: posting_path(9),
        kind: ChangeKind::Content,
    }];
    assert!(
        session.rebuild(&broken).is_err(),
        "a broken posting fails the build"
    );
    let report = session
        .rebuild(&edit(&site, 9, "Fixed Again", 45_000, "2099-12-31", ""))
        .expect("rebuild after fix");
    assert!(
        !report.incremental,
        "after a failed build the session starts over"
    );
    assert_same_as_full_build(&site, &out, &full);
    let report = session
        .rebuild(&edit(&site, 9, "Fixed Once More", 45_000, "2099-12-31", ""))
        .expect("rebuild");
    assert!(report.incremental);
    assert_same_as_full_build(&site, &out, &full);
}

#[test]
fn watch_sessions_match_full_builds() {
    run(Target::Watch);
}

#[test]
fn serve_sessions_match_full_builds() {
    run(Target::Serve);
}

/// What the `visible` callback saw on disk: the posting page, the index, `/feed.xml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    page: bool,
    index: bool,
    feed: bool,
}

/// The callback of `rebuild_with` runs once the edit's HTML is on disk; for `serve` before
/// the machine-readable files are rewritten, for `watch` after everything is swapped in.
fn visible_after_html(target: Target) {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let (out, full) = (temp.path().join("out"), temp.path().join("full"));
    let mut session = Session::new(options(&site, &out), target);
    session.build().expect("first build");
    let seen = std::sync::Mutex::new(Vec::new());
    let look = |marker: &str| {
        let has = |path: &str| {
            std::fs::read_to_string(out.join(path))
                .expect("read output")
                .contains(marker)
        };
        seen.lock().expect("lock").push(Seen {
            page: has("jobs/posting-000007/index.html"),
            index: has("index.html"),
            feed: has("feed.xml"),
        });
    };

    let changes = edit(&site, 7, "Zebra Wrangler", 47_000, "2099-12-31", "");
    let report = session
        .rebuild_with(&changes, &|| look("Zebra Wrangler"))
        .expect("rebuild");
    assert!(report.incremental);
    let calls = std::mem::take(&mut *seen.lock().expect("lock"));
    let feed_at_signal = target == Target::Watch;
    assert_eq!(
        calls,
        [Seen {
            page: true,
            index: true,
            feed: feed_at_signal
        }],
        "one signal, after the HTML is written"
    );
    assert_same_as_full_build(&site, &out, &full);

    // A failed build signals nothing; the full build after it signals once, when done.
    std::fs::write(site.join(posting_path(9)), "---\ntitle: [\n---\n").expect("break posting");
    let broken = vec![Change {
        path: posting_path(9),
        kind: ChangeKind::Content,
    }];
    assert!(session.rebuild_with(&broken, &|| look("x")).is_err());
    assert!(
        seen.lock().expect("lock").is_empty(),
        "no signal on failure"
    );
    let changes = edit(&site, 9, "Okapi Keeper", 45_000, "2099-12-31", "");
    let report = session
        .rebuild_with(&changes, &|| look("Okapi Keeper"))
        .expect("rebuild after fix");
    assert!(!report.incremental);
    let calls = std::mem::take(&mut *seen.lock().expect("lock"));
    assert_eq!(calls.len(), 1, "one signal per rebuild");
    assert!(
        calls[0].index && calls[0].feed,
        "a full build signals at the end"
    );
    assert_same_as_full_build(&site, &out, &full);
}

#[test]
fn serve_signals_reload_once_the_html_is_written() {
    visible_after_html(Target::Serve);
}

#[test]
fn watch_signals_reload_after_publishing() {
    visible_after_html(Target::Watch);
}

/// An edit that leaves every posting's place in the listings alone (body, pay) reuses the
/// listing shape; one that moves a posting (its title) makes it again; both stay exact.
#[test]
fn the_listing_shape_is_made_again_only_when_a_posting_moves() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let (out, full) = (temp.path().join("out"), temp.path().join("full"));
    let opts = BuildOptions {
        timings: true,
        ..options(&site, &out)
    };
    let mut session = Session::new(opts, Target::Watch);
    session.build().expect("first build");
    let made_shape = |report: &careers::build::BuildReport| {
        report.timings.iter().any(|t| t.name == "listing shape")
    };
    let title = synth::title(7);
    let body_edit = session
        .rebuild(&edit(&site, 7, &title, 47_000, "2099-12-31", "\nMore.\n"))
        .expect("body edit");
    assert!(body_edit.incremental);
    assert!(!made_shape(&body_edit), "a body edit keeps the shape");
    assert_same_as_full_build(&site, &out, &full);
    let title_edit = session
        .rebuild(&edit(&site, 7, "Aardvark Keeper", 47_000, "2099-12-31", ""))
        .expect("title edit");
    assert!(title_edit.incremental);
    assert!(made_shape(&title_edit), "a new title moves the posting");
    assert_same_as_full_build(&site, &out, &full);
}

/// An edit that breaks a cross-file reference (a FAQ group that does not exist) is caught on
/// the incremental path too: the rebuild fails with the located error and the output stays.
#[test]
fn an_edit_naming_a_missing_faq_group_fails_and_keeps_the_output() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let out = temp.path().join("out");
    for target in [Target::Watch, Target::Serve] {
        let mut session = Session::new(options(&site, &out), target);
        session.build().expect("first build");
        let before = snapshot(&out);
        let text = synth::posting(7, &synth::title(7), 47_000, "2099-12-31", "").replacen(
            "---\n",
            "---\nfaq_groups: [no-such-group]\n",
            1,
        );
        std::fs::write(site.join(posting_path(7)), text).expect("edit");
        let change = [Change {
            path: posting_path(7),
            kind: ChangeKind::Content,
        }];
        let Err(careers::build::BuildError::Content(diagnostics)) = session.rebuild(&change) else {
            panic!("a missing FAQ group must fail the rebuild");
        };
        assert!(
            diagnostics.iter().any(|d| d.code == "unknown-faq-group"),
            "{diagnostics:?}"
        );
        if target == Target::Watch {
            assert!(
                snapshot(&out) == before,
                "a failed rebuild leaves the output as it was"
            );
        }
        std::fs::write(
            site.join(posting_path(7)),
            synth::posting(7, &synth::title(7), 47_000, "2099-12-31", ""),
        )
        .expect("fix");
    }
}

/// `--timings` on an edit shows its steps: the edited file's parse and Markdown as totals
/// over the edited postings (one line each, however many changed), then finding the
/// affected files and publishing them.
#[test]
fn an_edit_times_its_parse_markdown_affected_files_and_publish() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let opts = BuildOptions {
        timings: true,
        ..options(&site, &temp.path().join("out"))
    };
    let mut session = Session::new(opts, Target::Watch);
    session.build().expect("first build");
    let mut changes = edit(&site, 3, &synth::title(3), 41_000, "2099-12-31", "\nOne.\n");
    changes.extend(edit(
        &site,
        5,
        &synth::title(5),
        42_000,
        "2099-12-31",
        "\nTwo.\n",
    ));
    let report = session.rebuild(&changes).expect("edit");
    assert!(report.incremental);
    let lines = |name: &str| -> Vec<usize> {
        let found = report.timings.iter().filter(|t| t.name == name);
        found.map(|t| t.count).collect()
    };
    assert_eq!(lines("parse edited"), [2], "one total over both postings");
    assert_eq!(lines("markdown + view"), [2]);
    assert_eq!(lines("affected files"), [0], "a phase, timed once");
    assert_eq!(lines("publish"), [0]);
}
