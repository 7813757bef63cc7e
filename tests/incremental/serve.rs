//! `serve` keeps the site in memory: an edit publishes nothing to disk.

use careers::build::Target;

use super::assert_same_as_full_build;
use super::watch::{edit_body, leftovers, start_with};

#[test]
fn a_serve_session_writes_no_site_file_to_disk() {
    let (temp, site, out, full, mut session) = start_with(Target::Memory);
    for round in 1..=3 {
        let report = session
            .rebuild(&edit_body(&site, 7, round))
            .expect("rebuild");
        assert!(report.incremental, "edit {round} should be incremental");
        assert_same_as_full_build(&site, &session, &out, &full);
    }
    let _ = std::fs::remove_dir_all(&full);
    assert!(!out.exists(), "no output folder");
    assert_eq!(
        leftovers(temp.path()),
        Vec::<String>::new(),
        "nothing beside it"
    );
}
