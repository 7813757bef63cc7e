//! The HR workflow end to end, through the real binary: init → new → check → build, the
//! refusals of init and new, every lint on its fixture (and `allow` silencing it), and the
//! exact human and JSON output of `careers check`.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "hr_workflow/expected.rs"]
mod expected;
use expected::{HUMAN, JSON, NEW_POSTING};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn careers(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the careers binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lints")
        .join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `check --format json`, parsed: (exit code, document).
fn check_json(site: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["check", "--format", "json", "--site", s(site)];
    args.extend_from_slice(extra);
    let run = careers(&args);
    let doc = serde_json::from_str(&run.stdout).expect("check prints JSON");
    (run.code, doc)
}

/// (file name, code) of every diagnostic, in output order.
fn found(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            let name = Path::new(file)
                .file_stem()
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            (name, d["code"].as_str().unwrap().to_string())
        })
        .collect()
}

/// The lint each fixture posting fires: its file name up to an optional `--note`.
fn lint_postings(site: &Path) -> Vec<(PathBuf, String)> {
    let mut list: Vec<(PathBuf, String)> = std::fs::read_dir(site.join("content/jobs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let stem = p.file_stem().unwrap().to_str().unwrap().to_string();
            let code = stem.split("--").next().unwrap().to_string();
            (p, code)
        })
        .collect();
    list.sort();
    list
}

#[test]
fn init_new_check_build_make_a_working_site() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("careers-site");
    let init = careers(&["init", s(&site)]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    for file in [
        "content/site.yaml",
        "content/faq.yaml",
        "content/jobs/customer-support-specialist.md",
        "content/pages/hiring-process.md",
        ".gitignore",
        ".github/workflows/careers.yml",
    ] {
        assert!(site.join(file).is_file(), "init wrote {file}");
    }
    let workflow = std::fs::read_to_string(site.join(".github/workflows/careers.yml")).unwrap();
    assert!(workflow.contains("schedule:\n    - cron: \"17 4 * * *\""));
    assert!(workflow.contains("actions/deploy-pages@v4"));
    let ignored = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    let patterns: Vec<&str> = ignored.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(patterns, ["/public/", ".careers-*"]);

    // The fresh site has no problems at all, even with --strict.
    let check = careers(&["check", "--strict", "--site", s(&site)]);
    assert_eq!(
        (check.code, check.stderr.as_str()),
        (0, "No problems found.\n")
    );

    let new = careers(&[
        "new",
        "Senior Backend Engineer",
        "--department",
        "Engineering",
        "--type",
        "full_time",
        "--location",
        "Berlin, DE",
        "--site",
        s(&site),
    ]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let written = site.join("content/jobs/senior-backend-engineer.md");
    assert_eq!(new.stdout, format!("{}\n", written.display()));
    let text = std::fs::read_to_string(&written).unwrap();
    let dated: Vec<String> = text
        .lines()
        .map(|l| match l.split_once(": ") {
            Some((k @ ("date_posted" | "valid_through"), v)) => {
                assert!(jiff::civil::Date::strptime("%Y-%m-%d", v).is_ok(), "{l}");
                format!("{k}: <date>")
            }
            _ => l.to_string(),
        })
        .collect();
    assert_eq!(dated.join("\n") + "\n", NEW_POSTING);

    // The new posting's TODOs are errors: check names each one and build publishes nothing.
    let (code, doc) = check_json(&site, &[]);
    assert_eq!((code, doc["errors"].as_u64()), (1, Some(5)));
    let codes: Vec<String> = found(&doc).into_iter().map(|(_, c)| c).collect();
    assert_eq!(codes, ["todo-left"; 5]);
    let out = tmp.path().join("out");
    let build = careers(&["build", "--site", s(&site), "--output", s(&out)]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(!out.exists(), "nothing is published");

    // Filled in, the posting has only advice left, and the site builds.
    let filled = text
        .replace("summary: TODO # TODO: what the role is about, in one sentence", "summary: Build the services behind our delivery planning.")
        .replace("TODO: two or three sentences about the team and why this role matters.", "Our platform team keeps the planning services fast and reliable.")
        .replace("- TODO (or delete this section: the `benefits` in site.yaml are shown on every posting)", "- Thirty days of paid holiday")
        .replace("- TODO", "- Design, build and run backend services");
    std::fs::write(&written, filled).unwrap();
    let (code, doc) = check_json(&site, &[]);
    assert_eq!((code, doc["errors"].as_u64()), (0, Some(0)));
    let warnings = doc["warnings"].as_u64().unwrap();
    let codes: Vec<String> = found(&doc).into_iter().map(|(_, c)| c).collect();
    assert!(codes.contains(&"body-too-short".to_string()), "{codes:?}");
    let build = careers(&["build", "--site", s(&site), "--output", s(&out)]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(
        build.stderr.starts_with("Built 2 open postings"),
        "{}",
        build.stderr
    );
    assert!(
        build.stderr.ends_with(&format!(
            "\n{warnings} warnings — run `careers check` to see them\n"
        )),
        "{}",
        build.stderr
    );
    assert!(
        out.join("jobs/senior-backend-engineer/index.html")
            .is_file()
    );
    assert!(
        out.join("jobs/customer-support-specialist/index.html")
            .is_file()
    );
    assert!(out.join("hiring-process/index.html").is_file());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let run = careers(&["init", s(tmp.path())]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: the folder {} is not empty; `careers init` only creates a site in a new or empty folder, so nothing of yours is overwritten. Give it a new folder name, like `careers init careers-site`\n",
            tmp.path().display()
        )
    );
    assert!(!tmp.path().join("content").exists());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn new_refuses_to_overwrite_a_posting() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    assert_eq!(careers(&["init", s(&site)]).code, 0);
    let existing = site.join("content/jobs/customer-support-specialist.md");
    let before = std::fs::read_to_string(&existing).unwrap();
    let run = careers(&["new", "Customer Support Specialist", "--site", s(&site)]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: {} already exists, and careers never overwrites a posting; edit that file, or give the new posting a different title\n",
            existing.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), before);
}

#[test]
fn new_checks_type_and_location() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    assert_eq!(careers(&["init", s(&site)]).code, 0);
    let bad_type = careers(&["new", "Designer", "--type", "fulltme", "--site", s(&site)]);
    assert_eq!(
        (bad_type.code, bad_type.stderr.as_str()),
        (
            2,
            "error: `fulltme` is not an employment type; did you mean `--type full_time`? The types are: full_time, part_time, contract, temporary, intern, volunteer, per_diem, other\n"
        )
    );
    let bad_country = careers(&[
        "new",
        "Designer",
        "--location",
        "Berlin, XY",
        "--site",
        s(&site),
    ]);
    assert_eq!(
        (bad_country.code, bad_country.stderr.as_str()),
        (
            2,
            "error: `XY` is not a country code; write it as \"City, CC\" with the two-letter country code, like --location \"Berlin, DE\" or --location \"Denver, CO, US\"\n"
        )
    );
    assert!(!site.join("content/jobs/designer.md").exists());
}

#[test]
fn each_lint_fires_on_its_own_fixture_posting() {
    let site = fixture("site");
    let (code, doc) = check_json(&site, &[]);
    assert_eq!(code, 0, "lints are warnings");
    let mut expected: Vec<(String, String)> = lint_postings(&site)
        .into_iter()
        .map(|(p, code)| (p.file_stem().unwrap().to_str().unwrap().to_string(), code))
        .collect();
    assert_eq!(expected.len(), 18);
    let mut got = found(&doc);
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert!(
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] == "warning")
    );
}

#[test]
fn strict_turns_lint_warnings_into_errors() {
    let (code, doc) = check_json(&fixture("site"), &["--strict"]);
    assert_eq!(
        (code, doc["errors"].as_u64(), doc["warnings"].as_u64()),
        (1, Some(18), Some(0))
    );
}

#[test]
fn allow_in_a_posting_silences_its_lint() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("site"), tmp.path());
    for (path, code) in lint_postings(tmp.path()) {
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen("---\n", &format!("---\nlint:\n  allow: [{code}]\n"), 1);
        std::fs::write(&path, text).unwrap();
    }
    let (code, doc) = check_json(tmp.path(), &["--strict"]);
    assert_eq!(found(&doc), Vec::<(String, String)>::new());
    assert_eq!(code, 0);
}

#[test]
fn allow_in_site_yaml_silences_lints_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("site"), tmp.path());
    let codes: Vec<String> = lint_postings(tmp.path())
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let site_yaml = tmp.path().join("content/site.yaml");
    let mut text = std::fs::read_to_string(&site_yaml).unwrap();
    // Everything but the title lints: those must still fire.
    let kept: Vec<&String> = codes.iter().filter(|c| !c.starts_with("title-")).collect();
    let list: Vec<&str> = kept.iter().map(|c| c.as_str()).collect();
    text.push_str(&format!("lint:\n  allow: [{}]\n", list.join(", ")));
    std::fs::write(&site_yaml, text).unwrap();
    let (code, doc) = check_json(tmp.path(), &[]);
    let left: Vec<String> = found(&doc).into_iter().map(|(_, c)| c).collect();
    assert_eq!(
        left,
        [
            "title-all-caps",
            "title-has-location",
            "title-has-remote",
            "title-has-salary",
            "title-too-long"
        ]
    );
    assert_eq!(code, 0);
}

#[test]
fn check_prints_the_exact_human_format() {
    let run = careers(&["check", "--site", s(&fixture("snapshot"))]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, HUMAN);
}

#[test]
fn check_prints_the_exact_json_format() {
    let run = careers(&[
        "check",
        "--format",
        "json",
        "--site",
        s(&fixture("snapshot")),
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, JSON);
}

/// HR copy a posting to start a new one and keep its `slug:`, or give a page a slug the site
/// uses itself: `check` names both files and the fix, and `build` refuses.
#[test]
fn a_copied_slug_and_a_reserved_page_slug_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &site.join("content"),
    );
    let original = std::fs::read_to_string(site.join("content/jobs/backend-development-intern.md"))
        .expect("posting");
    let copy = original.replacen(
        "title: Backend Development Intern\n",
        "title: Frontend Development Intern\nslug: backend-development-intern\n",
        1,
    );
    std::fs::write(
        site.join("content/jobs/frontend-development-intern.md"),
        copy,
    )
    .expect("copy");
    let page = std::fs::read_to_string(site.join("content/pages/benefits.md")).expect("page");
    let page = page.replacen("---\n", "---\nslug: jobs\n", 1);
    std::fs::write(site.join("content/pages/benefits.md"), page).expect("page");

    let (code, doc) = check_json(&site, &[]);
    assert_eq!(code, 1);
    let problems: Vec<(String, String, String)> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (text("file"), text("code"), text("message"))
        })
        .collect();
    assert_eq!(
        problems,
        [
            (
                "content/jobs/frontend-development-intern.md".to_string(),
                "duplicate-slug".to_string(),
                "this posting has the slug `backend-development-intern`, which content/jobs/backend-development-intern.md already uses".to_string(),
            ),
            (
                "content/pages/benefits.md".to_string(),
                "reserved-slug".to_string(),
                "the page slug `jobs` is used by the site itself".to_string(),
            ),
        ]
    );
    let out = tmp.path().join("public");
    let build = careers(&["build", "--site", s(&site), "--output", s(&out)]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(!out.exists(), "nothing is published");
}
