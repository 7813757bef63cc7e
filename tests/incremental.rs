//! Incremental rebuilds (watch into a folder, serve in memory) give byte for byte the site a
//! full build gives.

#[path = "incremental/files.rs"]
mod files;
#[path = "incremental/related.rs"]
mod related;
#[path = "incremental/serve.rs"]
mod serve;
#[path = "../benches/synth.rs"]
mod synth;
#[path = "incremental/watch.rs"]
mod watch;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use careers::build::{BuildOptions, Session, Target};

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

/// What a session last published: its output folder, or its files in memory.
fn published(session: &Session, out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    match session.files() {
        Some(files) => files
            .iter()
            .map(|(path, bytes)| (PathBuf::from(path), bytes.to_vec()))
            .collect(),
        None => snapshot(out),
    }
}

/// Asserts the session's output equals a fresh full build of the same content.
fn assert_same_as_full_build(site: &Path, session: &Session, out: &Path, full_out: &Path) {
    let _ = std::fs::remove_dir_all(full_out);
    careers::build::build(&options(site, full_out)).expect("full build");
    let (a, mut b) = (published(session, out), snapshot(full_out));
    if session.files().is_some() {
        b.remove(Path::new(".careers-output"));
    }
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

fn edit(site: &Path, i: usize, title: &str, salary: u32, valid: &str, body: &str) -> Vec<PathBuf> {
    std::fs::write(
        site.join(posting_path(i)),
        synth::posting(i, title, salary, valid, body),
    )
    .expect("edit posting");
    vec![posting_path(i)]
}

fn run(target: Target) {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let (out, full) = (temp.path().join("out"), temp.path().join("full"));
    let mut session = Session::new(options(&site, &out), target);
    session.build().expect("first build");
    assert_same_as_full_build(&site, &session, &out, &full);

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
        assert_same_as_full_build(&site, &session, &out, &full);
    }

    // Closing a posting (valid_through in the past) changes listings: still exact.
    let report = session
        .rebuild(&edit(&site, 7, "Zebra Wrangler", 99_000, "2026-01-01", ""))
        .expect("rebuild");
    let _ = report.incremental;
    assert_same_as_full_build(&site, &session, &out, &full);

    // A new posting and a deleted one fall back to a full build.
    let added = PathBuf::from("content/jobs/zz-new.md");
    std::fs::write(
        site.join(&added),
        synth::posting(N + 1, "Brand New Role", 50_000, "2099-12-31", ""),
    )
    .expect("add posting");
    let report = session.rebuild(&[added]).expect("rebuild after add");
    assert!(!report.incremental, "a new file needs a full build");
    assert_same_as_full_build(&site, &session, &out, &full);

    std::fs::remove_file(site.join(posting_path(3))).expect("delete posting");
    let report = session
        .rebuild(&[posting_path(3)])
        .expect("rebuild after delete");
    assert!(!report.incremental, "a deleted file needs a full build");
    assert_same_as_full_build(&site, &session, &out, &full);

    // A template or config change is never incremental.
    let report = session
        .rebuild(&[PathBuf::from("content/site.yaml")])
        .expect("rebuild after config");
    assert!(!report.incremental);
    assert_same_as_full_build(&site, &session, &out, &full);

    // A parse error fails like a full build; the next good save is exact again.
    std::fs::write(site.join(posting_path(9)), "---\ntitle: [\n---\n").expect("break posting");
    let broken = vec![posting_path(9)];
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
    assert_same_as_full_build(&site, &session, &out, &full);
    let report = session
        .rebuild(&edit(&site, 9, "Fixed Once More", 45_000, "2099-12-31", ""))
        .expect("rebuild");
    assert!(report.incremental);
    assert_same_as_full_build(&site, &session, &out, &full);
}

#[test]
fn watch_sessions_match_full_builds() {
    run(Target::Folder);
}

#[test]
fn serve_sessions_match_full_builds() {
    run(Target::Memory);
}

/// An edit that breaks a cross-file reference (a FAQ group that does not exist) is caught on
/// the incremental path too: the rebuild fails with the located error and the output stays.
#[test]
fn an_edit_naming_a_missing_faq_group_fails_and_keeps_the_output() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let out = temp.path().join("out");
    for target in [Target::Folder, Target::Memory] {
        let mut session = Session::new(options(&site, &out), target);
        session.build().expect("first build");
        let before = snapshot(&out);
        let text = synth::posting(7, &synth::title(7), 47_000, "2099-12-31", "").replacen(
            "---\n",
            "---\nfaq_groups: [no-such-group]\n",
            1,
        );
        std::fs::write(site.join(posting_path(7)), text).expect("edit");
        let change = [posting_path(7)];
        let Err(careers::build::BuildError::Content(diagnostics)) = session.rebuild(&change) else {
            panic!("a missing FAQ group must fail the rebuild");
        };
        assert!(
            diagnostics.iter().any(|d| d.code == "unknown-faq-group"),
            "{diagnostics:?}"
        );
        if target == Target::Folder {
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

/// `--timings` on an edit shows its steps: the edited files' parse as one total over the
/// edited postings (one line, however many changed), then validating, rendering and
/// publishing.
#[test]
fn an_edit_times_its_parse_render_and_publish() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let opts = BuildOptions {
        timings: true,
        ..options(&site, &temp.path().join("out"))
    };
    let mut session = Session::new(opts, Target::Folder);
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
    assert_eq!(lines("validate"), [0], "a phase, timed once");
    assert_eq!(lines("markdown + views"), [0]);
    assert_eq!(lines("publish"), [0]);
}
