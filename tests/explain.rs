//! `careers explain`: a code's documentation from docs/lints.md, a did-you-mean for a
//! mistyped code, and the pointer to it at the end of every lint's help.

use crate::common::{careers, stderr};

/// Standard output as text.
fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn explain_prints_the_section_of_docs_lints_md() {
    let out = careers(&["explain", "remote-without-region"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let docs = std::fs::read_to_string(crate::common::repo().join("docs/lints.md")).expect("docs");
    let start = docs
        .find("### `remote-without-region`")
        .expect("section in the docs");
    let section = &docs[start..];
    let section = &section[..section.find("\n## ").expect("next section")];
    assert!(text.starts_with(section.trim_end()), "{text}");
    assert!(
        text.contains("lint: {allow: [remote-without-region]}"),
        "{text}"
    );
}

#[test]
fn explain_of_an_unknown_code_exits_2_with_the_closest_code() {
    let out = careers(&["explain", "title-has-salry"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `title-has-salary`?"),
        "{}",
        stderr(&out)
    );
    let listed = careers(&["explain"]);
    assert!(listed.status.success());
    assert!(
        stdout(&listed).contains("\n  todo-left\n"),
        "{}",
        stdout(&listed)
    );
}

#[test]
fn a_lint_warning_ends_its_help_with_careers_explain() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    assert!(
        careers(&["init", site.to_str().expect("utf8")])
            .status
            .success()
    );
    let posting = site.join("content/jobs/customer-support-specialist.md");
    let text = std::fs::read_to_string(&posting).expect("read posting");
    let title = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("title line");
    std::fs::write(
        &posting,
        text.replace(title, "title: Support Agent (Remote)"),
    )
    .expect("write");
    let out = careers(&["--site", site.to_str().expect("utf8"), "check"]);
    let report = stderr(&out);
    let help = report
        .lines()
        .skip_while(|l| !l.contains("remote"))
        .find(|l| l.trim_start().starts_with("help:"))
        .unwrap_or_else(|| panic!("no help line:\n{report}"));
    assert!(
        help.ends_with("(`careers explain title-has-remote`)"),
        "{report}"
    );
}
