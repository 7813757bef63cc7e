//! `serve`'s in-place publish: each file is written into its spare copy beside the live
//! folder and exchanged with the live file, so the spare is reused edit after edit, a reader
//! holding a file keeps its bytes, and the spares go when the session ends.

use careers::build::Target;

use super::assert_same_as_full_build;
use super::watch::{edit_body, leftovers, start_with};

/// The spare folders beside the output.
fn spare_folders(parent: &std::path::Path) -> Vec<String> {
    leftovers(parent)
        .into_iter()
        .filter(|n| n.starts_with(".careers-spare-"))
        .collect()
}

#[test]
fn serve_replaces_files_through_one_spare_folder_removed_with_the_session() {
    let (temp, site, out, full, mut session) = start_with(Target::Serve);
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

/// `serve`'s spare of `/jobs.json` is overwritten in place and exchanged back, unless a
/// reader still holds it (see `assert_jobs_json_reused_unless_held`).
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn serve_overwrites_a_spare_in_place_only_when_nobody_has_it_open() {
    super::watch::assert_jobs_json_reused_unless_held(Target::Serve);
}
