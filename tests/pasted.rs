//! Front matter pasted from other sites and word processors: `careers check` on the
//! tests/fixtures/pasted site (one posting per mistake) names each one at its line and column,
//! in the exact words of the snapshots under tests/snapshots/pasted/.

use std::sync::OnceLock;

use crate::common::{assert_snapshot, careers, fixture, stderr};

/// `careers check` on the pasted fixture, run once for every test here.
fn report() -> &'static str {
    static REPORT: OnceLock<String> = OnceLock::new();
    REPORT.get_or_init(|| {
        let site = fixture("pasted");
        let out = careers(&["check", "--site", site.to_str().expect("utf-8 path")]);
        assert!(!out.status.success(), "the fixture has errors");
        stderr(&out)
    })
}

/// The messages about the files whose path starts with one of `files`, in report order.
fn about(files: &[&str]) -> String {
    report()
        .split("\n\n")
        .filter(|block| files.iter().any(|f| block.starts_with(&format!("{f}:"))))
        .map(|block| format!("{}\n\n", block.trim_end()))
        .collect()
}

#[test]
fn the_whole_report_on_pasted_front_matter() {
    assert_snapshot("pasted/check.txt", report());
}

#[test]
fn an_invisible_non_breaking_space_is_named_at_its_column() {
    let text = about(&[
        "content/jobs/nbsp-after-colon.md",
        "content/jobs/nbsp-indent.md",
    ]);
    assert_snapshot("pasted/nbsp.txt", &text);
}

#[test]
fn a_key_without_a_space_after_its_colon_is_explained() {
    assert_snapshot("pasted/no-space.txt", &about(&["content/jobs/no-space.md"]));
}

#[test]
fn quotes_around_part_of_a_value_are_explained() {
    assert_snapshot(
        "pasted/partly-quoted.txt",
        &about(&["content/jobs/partly-quoted.md"]),
    );
}

#[test]
fn pay_written_as_text_or_with_thousands_dots_gets_the_figures_to_write() {
    let text = about(&["content/jobs/salary-text.md", "content/jobs/salary-dots.md"]);
    assert_snapshot("pasted/salary.txt", &text);
}

#[test]
fn a_bare_apply_address_is_read_and_words_are_explained() {
    assert_eq!(about(&["content/jobs/apply-url.md"]), "");
    assert_snapshot("pasted/apply.txt", &about(&["content/jobs/apply-words.md"]));
}

#[test]
fn ambiguous_dates_offer_both_readings_and_times_are_dropped() {
    let text = about(&["content/jobs/date-slashes.md", "content/jobs/date-time.md"]);
    assert_snapshot("pasted/dates.txt", &text);
}

#[test]
fn curly_quotes_around_a_title_are_a_warning() {
    assert_snapshot(
        "pasted/curly-quotes.txt",
        &about(&["content/jobs/curly-title.md"]),
    );
}

#[test]
fn a_value_lost_to_a_hash_comment_is_a_warning() {
    let text = about(&["content/site.yaml", "content/jobs/comment-value.md"]);
    assert_snapshot("pasted/comment-value.txt", &text);
}

#[test]
fn files_and_folders_careers_skips_are_named_and_dot_md_in_capitals_is_read() {
    assert_eq!(about(&["content/jobs/shouting.MD"]), "");
    let text = about(&["content/job", "content/jobs/notes.md.txt"]);
    assert_snapshot("pasted/ignored.txt", &text);
}
