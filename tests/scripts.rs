//! Text in any script through the CLI: slugs for Japanese and Cyrillic names, two names that
//! would share one listing page, and lints that measure Japanese text fairly.

use crate::common;

use std::path::{Path, PathBuf};

use common::{assert_snapshot, careers, copy_dir, fixture, stderr};

/// The scripts fixture copied into `dir` (so a test may add files to it).
fn site_in(dir: &Path) -> PathBuf {
    let site = dir.join("site");
    copy_dir(&fixture("scripts"), &site);
    site
}

/// `careers <command> --site <site>` with "today" pinned, so the fixture never ages.
fn run(command: &str, site: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![command, "--site", site.to_str().expect("utf8")];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--today", "2026-11-25"]);
    careers(&args)
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn japanese_departments_and_cities_get_listing_pages_of_their_own() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = site_in(tmp.path());
    let out = tmp.path().join("public");
    let built = run("build", &site, &["--output", out.to_str().expect("utf8")]);
    assert!(built.status.success(), "{}", stderr(&built));

    let pages = [
        (
            "departments/ying-ye/index.html",
            "法人営業",
            "ソフトウェアエンジニア",
        ),
        (
            "departments/kai-fa/index.html",
            "ソフトウェアエンジニア",
            "法人営業",
        ),
        (
            "locations/dong-jing-jp/index.html",
            "法人営業",
            "ソフトウェアエンジニア",
        ),
        (
            "locations/da-ban-jp/index.html",
            "ソフトウェアエンジニア",
            "法人営業",
        ),
        (
            "departments/otdel-prodazh/index.html",
            "Менеджер по продажам",
            "法人営業",
        ),
        (
            "locations/moskva-ru/index.html",
            "Менеджер по продажам",
            "法人営業",
        ),
    ];
    for (page, shown, not_shown) in pages {
        let html = read(&out, page);
        assert!(html.contains(shown), "{page} lacks {shown}");
        assert!(!html.contains(not_shown), "{page} also lists {not_shown}");
    }
    for merged in ["departments/item", "locations/jp"] {
        assert!(!out.join(merged).exists(), "{merged} was made");
    }
    // Headings in Japanese get ids of their own too, so each can be linked to.
    let posting = read(&out, "jobs/sales-tokyo/index.html");
    for id in ["shi-shi-nei-rong", "ying-mu-zi-ge", "fu-li-hou-sheng"] {
        assert!(
            posting.contains(&format!("<h2 id=\"{id}\">")),
            "no heading {id}"
        );
    }
}

#[test]
fn two_hundred_japanese_characters_are_a_description_long_enough() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = site_in(tmp.path());
    let body = std::fs::read_to_string(site.join("content/jobs/sales-tokyo.md")).expect("read");
    let text = body.rsplit("---\n").next().expect("body");
    let characters = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '#')
        .count();
    assert!(
        characters >= 220,
        "the fixture's text has {characters} characters"
    );

    let checked = run("check", &site, &["--format", "json"]);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    let doc: serde_json::Value = serde_json::from_slice(&checked.stdout).expect("json");
    assert_eq!(doc["diagnostics"], serde_json::json!([]), "{doc:#}");
}

#[test]
fn two_names_with_one_slug_are_an_error_naming_both() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = site_in(tmp.path());
    // 營業 is 営業 in traditional characters, and 大坂 an old spelling of 大阪: each pair
    // transliterates alike.
    let tokyo = std::fs::read_to_string(site.join("content/jobs/sales-tokyo.md")).expect("read");
    let other = tokyo
        .replace("department: 営業", "department: 營業")
        .replace("city: 東京", "city: 大坂");
    std::fs::write(site.join("content/jobs/sales-osaka.md"), other).expect("write");

    let checked = run("check", &site, &[]);
    assert_eq!(checked.status.code(), Some(1), "{}", stderr(&checked));
    assert_snapshot("scripts-same-slug.txt", &stderr(&checked));

    let out = tmp.path().join("public");
    let built = run("build", &site, &["--output", out.to_str().expect("utf8")]);
    assert_eq!(built.status.code(), Some(1));
    assert!(!out.exists(), "a site with merged listings was written");
}
