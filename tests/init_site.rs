//! What `careers init` and `careers new` write and print names only what someone who
//! installed the binary has: commands (each `careers explain CODE` a real code), no paths
//! of the careers repository such as docs/ or `cargo run`. And the repository's README
//! links only to files inside the repository.

use crate::common::{careers, stderr};

/// Paths and commands that exist only in a checkout of the careers repository.
const REPOSITORY_ONLY: &[&str] = &["docs/", "cargo run", "../shared", "tests/", "src/"];

/// Every `careers explain CODE` in `text`, by code.
fn explained_codes(text: &str) -> Vec<String> {
    text.split("careers explain ")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect()
        })
        .filter(|code: &String| !code.is_empty())
        .collect()
}

#[test]
fn init_and_new_point_only_at_commands_an_installed_binary_has() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    let site_arg = site.to_str().expect("utf8 path");
    let init = careers(&["init", site_arg]);
    assert!(init.status.success(), "{}", stderr(&init));
    let new = careers(&["new", "Data Analyst", "--site", site_arg]);
    assert!(new.status.success(), "{}", stderr(&new));
    let mut texts = vec![("init's message".to_string(), stderr(&init))];
    for entry in walkdir::WalkDir::new(&site) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            texts.push((entry.path().display().to_string(), text));
        }
    }
    for (name, text) in &texts {
        for bad in REPOSITORY_ONLY {
            assert!(!text.contains(bad), "{name} names `{bad}`:\n{text}");
        }
        for code in explained_codes(text) {
            let out = careers(&["explain", &code]);
            assert!(
                out.status.success(),
                "{name}: `careers explain {code}` fails"
            );
        }
    }
}

#[test]
fn the_readme_links_only_to_files_in_the_repository() {
    let repo = crate::common::repo();
    let readme = std::fs::read_to_string(repo.join("README.md")).expect("README.md");
    assert!(
        !readme.contains("../shared"),
        "README.md points outside the repository"
    );
    for link in readme
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
    {
        if link.contains("://") || link.starts_with('#') || link.starts_with("../pages/") {
            continue;
        }
        let file = link.split('#').next().unwrap_or(link);
        assert!(
            repo.join(file).exists(),
            "README.md links to {link}, which does not exist"
        );
    }
}
