//! `serve`'s in-place publish: each file is written into its spare copy beside the live
//! folder and exchanged with the live file, so the spare is reused edit after edit, a reader
//! holding a file keeps its bytes, and the spares go when the session ends.

use std::path::PathBuf;

use careers::build::{Session, Target};

use super::watch::{edit_body, leftovers};
use super::{N, assert_same_as_full_build, options, synth};

/// The spare folders beside the output.
fn spare_folders(parent: &std::path::Path) -> Vec<String> {
    leftovers(parent)
        .into_iter()
        .filter(|n| n.starts_with(".careers-spare-"))
        .collect()
}

#[test]
fn serve_replaces_files_through_one_spare_folder_removed_with_the_session() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let (out, full): (PathBuf, PathBuf) = (temp.path().join("out"), temp.path().join("full"));
    let mut session = Session::new(options(&site, &out), Target::Serve);
    session.build().expect("first build");
    assert_eq!(spare_folders(temp.path()), Vec::<String>::new());
    let mut folders = Vec::new();
    for round in 1..=3 {
        let report = session
            .rebuild(&edit_body(&site, 7, round))
            .expect("rebuild");
        assert!(report.incremental, "edit {round} should be incremental");
        assert_same_as_full_build(&site, &out, &full);
        folders.push(spare_folders(temp.path()));
    }
    assert_eq!(folders[0].len(), 1, "one spare folder: {folders:?}");
    assert!(
        folders.windows(2).all(|w| w[0] == w[1]),
        "the same spare folder edit after edit: {folders:?}"
    );
    drop(session);
    assert_eq!(
        spare_folders(temp.path()),
        Vec::<String>::new(),
        "the spares are removed with the session"
    );
}

/// Two edits after the full build, `/jobs.json` is the full build's inode again (its spare
/// overwritten in place and exchanged back); with a reader holding it, the next edits make a
/// new file and the reader's bytes stay put.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn serve_overwrites_a_spare_in_place_only_when_nobody_has_it_open() {
    use std::io::Read as _;
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    synth::write_site(&site, N).expect("write site");
    let (out, full) = (temp.path().join("out"), temp.path().join("full"));
    let mut session = Session::new(options(&site, &out), Target::Serve);
    session.build().expect("first build");
    let jobs = out.join("jobs.json");
    let first = super::watch::inode(&jobs);
    let mut edit_and_compare = |rounds: std::ops::RangeInclusive<usize>| {
        for round in rounds {
            session
                .rebuild(&edit_body(&site, 7, round))
                .expect("rebuild");
            assert_same_as_full_build(&site, &out, &full);
        }
    };
    edit_and_compare(1..=2);
    assert_eq!(super::watch::inode(&jobs), first, "nobody held it: reused");

    let held_bytes = std::fs::read(&jobs).expect("read jobs.json");
    let mut reader = std::fs::File::open(&jobs).expect("open jobs.json");
    edit_and_compare(3..=4);
    assert_ne!(
        super::watch::inode(&jobs),
        first,
        "a reader held it: a new file"
    );
    let mut now = Vec::new();
    reader.read_to_end(&mut now).expect("read held jobs.json");
    assert!(
        now == held_bytes,
        "the held jobs.json changed under its reader"
    );
}
