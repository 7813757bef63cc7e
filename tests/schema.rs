//! `careers schema` against the fixture sites, with Python's jsonschema (draft 2020-12,
//! formats checked): the front matter, site.yaml and faq.yaml of every good fixture pass, each
//! broken field of the broken fixture fails, and every key in a schema is one the parser takes.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::common::{careers, fixture, repo, stderr};

/// The fixtures whose every file parses (some have lint warnings, none has errors).
const GOOD: &[&str] = &[
    "body",
    "facts",
    "job-ad-checks",
    "job-ad-laws",
    "job-boards",
    "languages",
    "lints/site",
    "minimal",
    "pay-laws",
    "scripts",
    "seo-site",
    "serve-site",
    "themed",
];

/// The schemas `careers schema` prints, written into `dir`, by name.
fn schemas(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    ["posting", "page", "site", "faq"]
        .into_iter()
        .map(|name| {
            let out = careers(&["schema", name]);
            assert!(
                out.status.success(),
                "careers schema {name}: {}",
                stderr(&out)
            );
            let path = dir.join(format!("{name}.json"));
            std::fs::write(&path, &out.stdout).expect("write schema");
            (name, path)
        })
        .collect()
}

/// The YAML of a content file as JSON: the front matter of a Markdown file, else the file.
fn document(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    let yaml = if path.extension().is_some_and(|e| e == "md") {
        let rest = text.strip_prefix("---\n")?;
        &rest[..rest.find("\n---")? + 1]
    } else {
        text.as_str()
    };
    serde_saphyr::from_str::<Value>(yaml).ok()
}

/// Every content file of a site with the schema it follows, by path inside the site.
fn documents(site: &Path) -> Vec<(String, &'static str, Value)> {
    let content = site.join("content");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.expect("walk content");
        let rel = entry
            .path()
            .strip_prefix(site)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        let name = entry.file_name().to_string_lossy();
        let kind = if rel.starts_with("content/jobs/") && name.ends_with(".md") {
            "posting"
        } else if rel.starts_with("content/pages/") && name.ends_with(".md") {
            "page"
        } else if rel == "content/site.yaml" {
            "site"
        } else if name.starts_with("faq") && name.ends_with(".yaml") && entry.depth() == 1 {
            "faq"
        } else {
            continue;
        };
        if let Some(doc) = document(entry.path()) {
            out.push((rel, kind, doc));
        }
    }
    out
}

/// Runs tests/schema/validate.py: the failing JSON paths of each named document.
fn validate(items: &[(String, &PathBuf, Value)]) -> Vec<(String, Vec<String>)> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let manifest: Vec<Value> = items
        .iter()
        .map(|(name, schema, doc)| json!({"name": name, "schema": schema, "instance": doc}))
        .collect();
    let path = tmp.path().join("manifest.json");
    std::fs::write(&path, serde_json::to_string(&manifest).expect("json")).expect("write manifest");
    let out = Command::new("python3")
        .arg(repo().join("tests/schema/validate.py"))
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("the schema tests need python3 and its jsonschema package (apt-get install python3-jsonschema): {e}"));
    assert!(out.status.success(), "validate.py failed: {}", stderr(&out));
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).expect("validate.py prints JSON");
    results
        .iter()
        .map(|r| {
            let errors = r["errors"].as_array().into_iter().flatten();
            let errors = errors
                .filter_map(|e| e.as_str().map(str::to_string))
                .collect();
            (r["name"].as_str().unwrap_or_default().to_string(), errors)
        })
        .collect()
}

#[test]
fn every_good_fixture_follows_the_schema() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let schemas = schemas(tmp.path());
    let schema = |kind: &str| &schemas.iter().find(|(n, _)| *n == kind).expect("schema").1;
    let mut sites: Vec<(String, PathBuf)> =
        GOOD.iter().map(|n| (n.to_string(), fixture(n))).collect();
    sites.push(("the example site".into(), repo()));
    let mut items = Vec::new();
    for (name, site) in &sites {
        for (rel, kind, doc) in documents(site) {
            items.push((format!("{name}: {rel}"), schema(kind), doc));
        }
    }
    assert!(items.len() > 40, "only {} files found", items.len());
    let failing: Vec<_> = validate(&items)
        .into_iter()
        .filter(|(_, e)| !e.is_empty())
        .collect();
    assert!(failing.is_empty(), "files the schema rejects: {failing:#?}");
}

#[test]
fn each_broken_field_fails_the_schema() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let schemas = schemas(tmp.path());
    let schema = |kind: &str| &schemas.iter().find(|(n, _)| *n == kind).expect("schema").1;
    let items: Vec<_> = documents(&fixture("broken"))
        .into_iter()
        .map(|(rel, kind, doc)| (rel, schema(kind), doc))
        .collect();
    let results = validate(&items);
    let errors = |file: &str| {
        results
            .iter()
            .find(|(name, _)| name == file)
            .map(|(_, e)| e.clone())
            .unwrap_or_else(|| panic!("{file} was not validated"))
    };
    assert_eq!(
        errors("content/site.yaml"),
        ["/timezone", "/titel", "/title"]
    );
    assert_eq!(
        errors("content/jobs/dates.md"),
        ["/date_posted", "/locations", "/valid_through"]
    );
    assert_eq!(
        errors("content/jobs/salary.md"),
        ["/employment_type", "/salary"]
    );
    assert_eq!(errors("content/pages/about.md"), ["/slgu"]);
    // What is wrong there is between files (a FAQ group that does not exist), not in one.
    assert_eq!(errors("content/jobs/links.md"), Vec::<String>::new());
}

#[test]
fn every_key_in_a_schema_is_one_careers_reads() {
    let out = careers(&["schema", "posting"]);
    let schema: Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    let keys: Vec<&str> = schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .map(String::as_str)
        .collect();
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path();
    std::fs::create_dir_all(site.join("content/jobs")).expect("mkdir");
    std::fs::write(
        site.join("content/site.yaml"),
        "title: T\nbase_url: https://t.test/\n",
    )
    .expect("site.yaml");
    // Each key written once, with a value of the wrong kind: careers must complain about the
    // value, never that the key is unknown; a key not in the schema is unknown.
    let mut front: String = keys.iter().map(|k| format!("{k}: {{}}\n")).collect();
    front.push_str("titel: x\n");
    std::fs::write(
        site.join("content/jobs/a.md"),
        format!("---\n{front}---\nText.\n"),
    )
    .expect("posting");
    let check = careers(&[
        "check",
        "--format",
        "json",
        "--site",
        site.to_str().expect("utf-8"),
    ]);
    let report: Value = serde_json::from_slice(&check.stdout).expect("check prints JSON");
    let unknown: Vec<&str> = report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "unknown-key")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(unknown, ["unknown key `titel` in the front matter"]);
}
