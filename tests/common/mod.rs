//! Helpers shared by the integration tests: fixture copies, running the binary, reading output.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the example site).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site's folder.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Copies a folder recursively (for tests that edit a fixture).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy target");
    for entry in std::fs::read_dir(from).expect("read fixture dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Runs `careers` with arguments; NO_COLOR keeps output plain.
pub fn careers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run careers")
}

/// Builds `site` (a folder holding content/) with a fixed `today` into a new temp folder,
/// failing the test when the build fails; the folder lives as long as the returned guard.
pub fn build_on(site: &Path, today: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let result = careers(&[
        "build",
        "--site",
        site.to_str().expect("utf-8 path"),
        "--output",
        out.to_str().expect("utf-8 path"),
        "--today",
        today,
    ]);
    assert!(result.status.success(), "{}", stderr(&result));
    (dir, out)
}

/// stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk output");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).expect("read output file"));
        }
    }
    files
}

/// Compares text with a snapshot file under tests/snapshots; `UPDATE_SNAPSHOTS=1` rewrites it.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = repo().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create snapshots dir");
        std::fs::write(&path, actual).expect("write snapshot");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert_eq!(actual, expected, "output differs from snapshot {name}");
}

/// (file name, code) of every diagnostic `check --format json` gives, in output order.
pub fn check_codes(site: &Path, today: &str) -> (i32, Vec<(String, String)>) {
    let out = careers(&[
        "check",
        "--format",
        "json",
        "--today",
        today,
        "--site",
        site.to_str().expect("utf-8 path"),
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    let list = doc["diagnostics"].as_array().expect("diagnostics").iter();
    let codes = list
        .map(|d| {
            let file = d["file"].as_str().unwrap_or_default();
            let name = file.rsplit('/').next().unwrap_or_default();
            (
                name.to_string(),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (out.status.code().unwrap_or(-1), codes)
}
