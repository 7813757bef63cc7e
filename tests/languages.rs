//! Sites in other and in several languages, through the CLI on tests/fixtures/languages (en,
//! de, fr and ja; one job in en+de+fr) and on the example site switched to German: every page
//! in its own language, dates and pay per CLDR, reciprocal hreflang alternates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::{assert_snapshot, build_on, careers, copy_dir, fixture, repo, stderr};

/// A built copy of a site: its output files by site-relative path.
struct Site {
    _dir: tempfile::TempDir,
    files: BTreeMap<String, String>,
}

impl Site {
    /// The text of one output file.
    fn read(&self, path: &str) -> &str {
        self.files
            .get(path)
            .unwrap_or_else(|| panic!("no output file {path}"))
    }
}

/// Builds `site` (a folder holding content/) with a fixed today and reads every text file.
fn build(site: &Path) -> Site {
    let (dir, out) = build_on(site, "2027-03-20");
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.expect("walk output");
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            let rel = entry.path().strip_prefix(&out).expect("inside output");
            files.insert(rel.to_string_lossy().replace('\\', "/"), text);
        }
    }
    Site { _dir: dir, files }
}

/// The English interface texts of the default theme, cut at their `{placeholders}`: the
/// pieces of at least four letters that a page in another language must not show, unless
/// that language's own text has the same piece ("FAQ", "Team").
fn english_pieces(language: &str) -> Vec<String> {
    let read = |l: &str| {
        std::fs::read_to_string(repo().join(format!("themes/default/i18n/{l}.yaml")))
            .unwrap_or_else(|e| panic!("i18n/{l}.yaml: {e}"))
    };
    let own = read(language);
    let mut pieces = BTreeSet::new();
    for line in read("en").lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with("language_name") {
            continue;
        }
        let Some((_, value)) = line.split_once(": ") else {
            continue;
        };
        let value = value.trim_matches('"');
        for piece in value.split(['{', '}']).step_by(2) {
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
            if piece.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !own.contains(piece) {
                pieces.insert(piece.to_string());
            }
        }
    }
    pieces.into_iter().collect()
}

/// Where HR's own words are on a page (postings, FAQ answers, site.yaml texts), as
/// (start, end) markers: what lies between them is content, not the theme's interface.
const CONTENT: &[(&str, &str)] = &[
    ("<div class=\"content\"", "<section class=\""),
    ("<div class=\"content\"", "<p class=\"page-actions\""),
    ("<title>", "</title>"),
    ("<h1>", "</h1>"),
    ("<summary>", "</summary>"),
    ("<div class=\"answer\">", "</details>"),
    ("<p class=\"lead\">", "</p>"),
    ("<p class=\"job-summary\">", "</p>"),
    ("<h3 class=\"job-title\">", "</h3>"),
    ("<h2 id=\"benefits-heading\">", "</section>"),
    ("<script", "</script>"),
    ("<li><a href=\"#", "</li>"),
    ("<section class=\"faq faq-group\"", "</h2>"),
];

/// `html` without what lies between each pair of markers (the first marker kept, so a
/// region is cut once).
fn without_content(html: &str) -> String {
    let mut text = html.to_string();
    for (start, end) in CONTENT {
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find(start) {
            out.push_str(&rest[..at]);
            let after = at + start.len();
            match rest[after..].find(end) {
                Some(len) => rest = &rest[after + len..],
                None => {
                    out.push_str(&rest[at..after]);
                    rest = &rest[after..];
                }
            }
        }
        out.push_str(rest);
        text = out;
    }
    text
}

/// The page's visible text, without the content HR wrote (what the theme wrote).
fn interface_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in without_content(html).chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Attribute values people read or hear (labels, alt texts, data texts for scripts).
fn spoken_attributes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for name in [
        "aria-label=\"",
        "data-all=\"",
        "data-label=\"",
        "data-relative=\"",
        "data-copied=\"",
        "data-failed=\"",
        "data-name=\"",
    ] {
        for part in html.split(name).skip(1) {
            out.push(part.split('"').next().unwrap_or_default().to_string());
        }
    }
    out
}

#[test]
fn every_page_of_a_language_folder_is_in_that_language() {
    let site = build(&fixture("languages"));
    for language in ["de", "fr", "ja"] {
        let english = english_pieces(language);
        let pages: Vec<(&String, &String)> = site
            .files
            .iter()
            .filter(|(path, _)| {
                path.starts_with(&format!("{language}/")) && path.ends_with(".html")
            })
            .collect();
        assert!(pages.len() >= 5, "{language}: {} pages", pages.len());
        for (path, html) in pages {
            assert!(
                html.contains(&format!("<html lang=\"{language}\">")),
                "{path}"
            );
            let shown = format!(
                "{} {}",
                interface_text(html),
                spoken_attributes(html).join(" ")
            );
            for piece in &english {
                assert!(
                    !shown.contains(piece.as_str()),
                    "{path} shows the English `{piece}`"
                );
            }
        }
    }
}

#[test]
fn dates_and_pay_are_written_the_way_each_language_writes_them() {
    let site = build(&fixture("languages"));
    let de = site.read("de/jobs/robotics-engineer/index.html");
    assert!(de.contains("31. März 2027"), "German date");
    assert!(de.contains("52.000–64.000\u{a0}€ pro Jahr"), "German pay");
    assert!(
        site.read("de/jobs/lager-teamleitung/index.html")
            .contains("3.800–4.400\u{a0}€ pro Monat")
    );
    let fr = site.read("fr/jobs/robotics-engineer/index.html");
    assert!(fr.contains("31 mars 2027"), "French date");
    let en = site.read("jobs/robotics-engineer/index.html");
    assert!(en.contains("March 31, 2027"), "English date");
    assert!(en.contains("€52,000–64,000 per year") || en.contains("€52,000–€64,000 per year"));
    let ja = site.read("ja/jobs/sales-tokyo/index.html");
    assert!(ja.contains("時給"), "Japanese pay period");
    assert!(ja.contains("2026年11月5日"), "Japanese date");
}

/// Every `<link rel="alternate" hreflang>` of a page as (hreflang, URL).
fn hreflang_links(html: &str) -> BTreeSet<(String, String)> {
    html.split("<link rel=\"alternate\" hreflang=\"")
        .skip(1)
        .filter_map(|rest| {
            let (lang, rest) = rest.split_once('"')?;
            let url = rest.split("href=\"").nth(1)?.split('"').next()?;
            Some((lang.to_string(), url.to_string()))
        })
        .collect()
}

#[test]
fn translations_name_each_other_on_every_page_and_in_the_sitemaps() {
    let site = build(&fixture("languages"));
    const BASE: &str = "https://careers.polyglot.test/";
    let page_of = |url: &str| {
        format!(
            "{}index.html",
            url.strip_prefix(BASE).expect("inside the site")
        )
    };
    let job = hreflang_links(site.read("jobs/robotics-engineer/index.html"));
    let expected: BTreeSet<(String, String)> = [
        ("en", "jobs/robotics-engineer/"),
        ("de", "de/jobs/robotics-engineer/"),
        ("fr", "fr/jobs/robotics-engineer/"),
        ("x-default", "jobs/robotics-engineer/"),
    ]
    .into_iter()
    .map(|(l, p)| (l.to_string(), format!("{BASE}{p}")))
    .collect();
    assert_eq!(job, expected);
    for (path, html) in site.files.iter().filter(|(p, _)| p.ends_with("index.html")) {
        let links = hreflang_links(html);
        for (lang, url) in links.iter().filter(|(l, _)| l != "x-default") {
            let other = hreflang_links(site.read(&page_of(url)));
            assert_eq!(
                other, links,
                "{path} and its {lang} version list different alternates"
            );
        }
        if links.is_empty() {
            continue;
        }
        // The same alternates in the sitemap of the page's language folder.
        let folder = path
            .split('/')
            .next()
            .filter(|f| ["de", "fr", "ja"].contains(f));
        let sitemap =
            site.read(&folder.map_or("sitemap.xml".into(), |f| format!("{f}/sitemap.xml")));
        let url = format!("{BASE}{}", path.strip_suffix("index.html").unwrap_or(path));
        let entry = sitemap
            .split("<url>")
            .find(|e| e.starts_with(&format!("<loc>{url}</loc>")))
            .unwrap_or_else(|| panic!("{url} not in its sitemap"));
        let in_sitemap: BTreeSet<(String, String)> = entry
            .split("<xhtml:link rel=\"alternate\" hreflang=\"")
            .skip(1)
            .filter_map(|r| {
                let (l, rest) = r.split_once('"')?;
                Some((
                    l.to_string(),
                    rest.split("href=\"").nth(1)?.split('"').next()?.to_string(),
                ))
            })
            .collect();
        assert_eq!(in_sitemap, links, "{url} in the sitemap");
    }
    let robots = site.read("robots.txt");
    assert!(
        robots.contains(&format!("Sitemap: {BASE}de/sitemap.xml")),
        "{robots}"
    );
}

#[test]
fn each_language_lists_only_its_own_postings_and_shares_the_assets() {
    let site = build(&fixture("languages"));
    let de = site.read("de/index.html");
    assert!(de.contains("Robotik-Ingenieur") && de.contains("Teamleitung Lager"));
    assert!(!de.contains("法人営業") && !de.contains(">Robotics Engineer<"));
    assert!(site.read("ja/index.html").contains("法人営業"));
    assert!(
        de.contains("href=\"/style.css\""),
        "assets stay at the site root"
    );
    assert!(!site.files.contains_key("de/style.css"));
    assert!(
        site.read("de/faq/index.html")
            .contains("Wie lange dauert der Prozess?")
    );
    assert!(
        site.read("de/about/index.html")
            .contains("Arbeiten bei Polyglot")
    );
    assert!(
        !site.files.contains_key("fr/faq/index.html"),
        "no French FAQ was written"
    );
    let jobs: serde_json::Value = serde_json::from_str(site.read("de/jobs.json")).expect("JSON");
    assert!(
        jobs["jobs"]
            .as_array()
            .expect("jobs")
            .iter()
            .all(|j| j["language"] == "de")
    );
}

#[test]
fn language_de_alone_gives_the_example_site_a_german_interface() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_dir(&repo().join("content"), &site.join("content"));
    let config = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&config).expect("site.yaml");
    std::fs::write(&config, text.replace("language: en", "language: de")).expect("write");
    let built = build(&site);
    // Words HR wrote in English (a team called "North America") are theirs, not the theme's.
    let written: String = walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let english: Vec<String> = english_pieces("de")
        .into_iter()
        .filter(|piece| !written.contains(piece.as_str()))
        .collect();
    for (path, html) in built.files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let shown = format!(
            "{} {}",
            interface_text(html),
            spoken_attributes(html).join(" ")
        );
        for piece in &english {
            assert!(
                !shown.contains(piece.as_str()),
                "{path} shows the English `{piece}`"
            );
        }
    }
    assert!(
        built.read("index.html").contains("Offene Stellen")
            || built.read("index.html").contains("Stellen")
    );
}

#[test]
fn a_translation_needs_its_language_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site: PathBuf = dir.path().join("site");
    copy_dir(&fixture("minimal"), &site);
    std::fs::copy(
        site.join("content/jobs/open.md"),
        site.join("content/jobs/open.de.md"),
    )
    .expect("copy");
    let out = careers(&[
        "check",
        "--site",
        site.to_str().expect("utf-8"),
        "--today",
        "2026-11-25",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    let first = text
        .split("\n\n")
        .find(|d| d.contains("duplicate-slug") || d.contains("the slug `open`"))
        .unwrap_or(&text);
    assert_snapshot("languages/translation-without-language.txt", first);
}

#[test]
fn site_texts_and_names_are_translated_from_site_yaml() {
    let site = build(&fixture("languages"));
    assert!(
        site.read("de/index.html")
            .contains("<h1>Karriere bei Polyglot Robotics</h1>")
    );
    assert!(
        site.read("index.html")
            .contains("<h1>Careers at Polyglot Robotics</h1>")
    );
    let ja = site.read("ja/jobs/sales-tokyo/index.html");
    assert!(
        ja.contains("<p class=\"eyebrow\">営業部</p>"),
        "department name from translations.ja"
    );
    // The department's page is named after its translated name, and exists.
    let link = ja
        .split("<li><a href=\"/ja/departments/")
        .nth(1)
        .and_then(|rest| rest.split_once("\">営業部</a>"))
        .map(|(slug, _)| format!("ja/departments/{slug}index.html"))
        .expect("a breadcrumb link to the department");
    assert!(
        site.read(&link).contains("法人営業"),
        "{link} lists the posting"
    );
}

#[test]
fn untranslated_postings_can_be_listed_in_every_language_marked_with_their_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("site");
    copy_dir(&fixture("languages"), &copy);
    let config = copy.join("content/site.yaml");
    let text = std::fs::read_to_string(&config).expect("site.yaml");
    std::fs::write(&config, format!("{text}untranslated_postings: show\n")).expect("write");
    let site = build(&copy);
    let en = site.read("index.html");
    // The Japanese posting is listed in English, marked, and links to its own page.
    assert!(
        en.contains("href=\"/ja/jobs/sales-tokyo/\""),
        "guest row links to its own page"
    );
    assert!(
        en.contains("lang=\"ja\"") && en.contains("日本語"),
        "marked with its language"
    );
    assert!(
        !site.files.contains_key("jobs/sales-tokyo/index.html"),
        "no second page"
    );
    assert!(
        !site.read("sitemap.xml").contains("sales-tokyo"),
        "in its own folder's sitemap only"
    );
    assert!(site.read("ja/sitemap.xml").contains("ja/jobs/sales-tokyo/"));
    // A job with a version in the language is listed once, in that version.
    let de = site.read("de/index.html");
    assert!(de.contains("href=\"/de/jobs/robotics-engineer/\""));
    assert!(!de.contains("href=\"/jobs/robotics-engineer/\""));
    // In Japanese, the English job's department and place take the names of translations.ja.
    let ja = site.read("ja/index.html");
    assert!(ja.contains("href=\"/jobs/robotics-engineer/\""));
    assert!(
        ja.contains("技術") && ja.contains("ベルリン, ドイツ"),
        "names from translations.ja"
    );
}
