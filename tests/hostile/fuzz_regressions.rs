//! Inputs the fuzzers found (and seeds worth keeping), re-run on every `cargo test` through
//! the same checks the fuzz targets run (fuzz/src/lib.rs, included here by path).

#[allow(dead_code)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

/// Runs every file in tests/fixtures/hostile/fuzz-regressions/<target>/ through `run`.
fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = crate::common::fixture("hostile/fuzz-regressions").join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("regression folder") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read regression input");
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} panics again", path.display());
        count += 1;
    }
    count
}

#[test]
fn posting_regressions() {
    assert!(replay("posting", checks::posting) > 0);
}

#[test]
fn site_yaml_regressions() {
    assert!(replay("site_yaml", checks::site_yaml) > 0);
}

#[test]
fn faq_yaml_regressions() {
    assert!(replay("faq_yaml", checks::faq_yaml) > 0);
}

#[test]
fn markdown_regressions() {
    assert!(replay("markdown", checks::markdown) > 0);
}
