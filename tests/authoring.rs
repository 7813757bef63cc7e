//! What HR see while writing postings: placeholders that stop a build, references and slugs
//! two files share, pay-law advice that fits the posting's dates, and the warning count a
//! build prints.

use crate::common;

use std::path::Path;

use common::{assert_snapshot, careers, check_codes, copy_dir, fixture, repo, stderr};

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// The example site copied into `dir`, with the intern posting copied as the README says.
fn example_with_copy(
    dir: &Path,
    name: &str,
    edit: impl Fn(String) -> String,
) -> std::path::PathBuf {
    let site = dir.join("site");
    copy_dir(&repo().join("content"), &site.join("content"));
    let jobs = site.join("content/jobs");
    let original =
        std::fs::read_to_string(jobs.join("backend-development-intern.md")).expect("posting");
    let target = jobs.join(name);
    std::fs::create_dir_all(target.parent().expect("folder")).expect("folder");
    std::fs::write(target, edit(original)).expect("copy");
    site
}

#[test]
fn placeholders_of_careers_new_fail_check_and_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    assert!(careers(&["init", s(&site)]).status.success());
    assert!(
        careers(&["new", "Office Manager", "--site", s(&site)])
            .status
            .success()
    );
    let check = careers(&["check", "--site", s(&site)]);
    assert_eq!(check.status.code(), Some(1));
    assert_snapshot("authoring-new-placeholders.txt", &stderr(&check));
    let out = tmp.path().join("public");
    let build = careers(&["build", "--site", s(&site), "--output", s(&out)]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(stderr(&build).contains("error: `department` is still the placeholder `TODO`"));
    assert!(!out.exists(), "nothing is published");
}

#[test]
fn a_reference_two_postings_share_names_both_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = example_with_copy(tmp.path(), "my-new-role.md", |text| {
        text.replacen(
            "title: Backend Development Intern",
            "title: Frontend Development Intern",
            1,
        )
    });
    let out = careers(&["check", "--today", "2026-11-25", "--site", s(&site)]);
    assert_eq!(out.status.code(), Some(1));
    assert_snapshot("authoring-duplicate-reference.txt", &stderr(&out));
}

#[test]
fn a_shared_slug_is_reported_even_when_the_file_has_other_errors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = example_with_copy(tmp.path(), "berlin/backend-development-intern.md", |text| {
        text.replacen("date_posted: 2026-11-02", "date_posted: 11/02/2026", 1)
            .replacen("reference: ENG-INT-2026-04\n", "", 1)
    });
    let (code, found) = check_codes(&site, "2026-11-25");
    assert_eq!(code, 1);
    let name = "backend-development-intern.md".to_string();
    assert_eq!(
        found,
        [
            (name.clone(), "duplicate-slug".to_string()),
            (name, "bad-date".to_string())
        ]
    );
}

#[test]
fn pay_laws_report_every_problem_at_once_and_only_for_open_postings_under_them() {
    let site = fixture("pay-laws");
    let (code, found) = check_codes(&site, "2026-11-25");
    assert_eq!(code, 0);
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(f, c)| (f.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("berlin-after-the-directive.md", "pay-range-missing"),
            ("denver-closed.md", "expired"),
            ("denver-everything-missing.md", "benefits-missing"),
            ("denver-everything-missing.md", "pay-range-missing"),
            ("denver-everything-missing.md", "close-date-missing"),
        ]
    );
    let out = careers(&["check", "--today", "2026-11-25", "--site", s(&site)]);
    assert_snapshot("authoring-pay-laws.txt", &stderr(&out));
}

#[test]
fn build_counts_the_warnings_check_would_show() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = fixture("pay-laws");
    let out = tmp.path().join("public");
    let args = [
        "build",
        "--today",
        "2026-11-25",
        "--site",
        s(&site),
        "--output",
        s(&out),
    ];
    let build = careers(&args);
    assert!(build.status.success(), "{}", stderr(&build));
    let text = stderr(&build);
    assert!(text.starts_with("Built 4 open postings"), "{text}");
    assert!(
        text.ends_with("\n5 warnings — run `careers check` to see them\n"),
        "{text}"
    );
    let mut quiet = args.to_vec();
    quiet.push("--quiet");
    let build = careers(&quiet);
    assert!(build.status.success());
    assert_eq!(stderr(&build), "");
}

#[test]
fn build_says_one_warning_in_the_singular() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("pay-laws"), &site);
    let jobs = site.join("content/jobs");
    for name in [
        "denver-everything-missing.md",
        "denver-closed.md",
        "berlin-after-the-directive.md",
    ] {
        std::fs::remove_file(jobs.join(name)).expect("remove");
    }
    let body = std::fs::read_to_string(jobs.join("wilmington-before-the-act.md")).expect("posting");
    let body = body.replacen("valid_through: 2027-03-31\n", "", 1);
    std::fs::write(jobs.join("wilmington-before-the-act.md"), body).expect("edit");
    let out = tmp.path().join("public");
    let build = careers(&[
        "build",
        "--today",
        "2026-11-25",
        "--site",
        s(&site),
        "--output",
        s(&out),
    ]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(
        stderr(&build).ends_with("\n1 warning — run `careers check` to see it\n"),
        "{}",
        stderr(&build)
    );
}
