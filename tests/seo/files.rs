//! Machine-readable files: sitemap, robots.txt, Atom feeds, jobs.json, search.json, Indeed XML.

use careers::render::feeds::sitemap::{self, UrlEntry};
use careers::render::urls::Urls;
use jiff::civil::date;
use serde_json::Value;

use crate::seo::{ATOM, BASE, build_fixture, child_text, xml};

#[test]
fn sitemap_lists_open_postings_and_pages_with_content_dates() {
    let built = build_fixture(false);
    let text = built.read("sitemap.xml");
    let doc = xml(&text);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let mut lastmod = std::collections::BTreeMap::new();
    for url in root.children().filter(|n| n.is_element()) {
        let loc = child_text(url, "loc").expect("every url has a loc");
        assert!(loc.starts_with(BASE), "{loc} is absolute under base_url");
        lastmod.insert(
            loc.trim_start_matches(BASE).to_string(),
            child_text(url, "lastmod").map(str::to_string),
        );
    }
    let get = |path: &str| {
        lastmod
            .get(path)
            .unwrap_or_else(|| panic!("{path} missing from the sitemap"))
            .as_deref()
    };
    assert_eq!(
        get("jobs/warehouse-lead/"),
        Some("2026-11-20"),
        "date_updated"
    );
    assert_eq!(
        get("jobs/remote-engineer/"),
        Some("2026-11-10"),
        "date_posted"
    );
    assert_eq!(get("jobs/last-day/"), Some("2026-10-15"));
    assert_eq!(get(""), Some("2026-11-20"), "index: newest posting");
    assert_eq!(get("departments/operations/"), Some("2026-11-20"));
    assert_eq!(get("remote/"), Some("2026-11-10"));
    assert_eq!(get("benefits/"), Some("2026-09-01"));
    assert_eq!(get("faq/"), None);
    assert!(!lastmod.contains_key("jobs/expired-role/"));
    assert!(!lastmod.keys().any(|k| k.contains("404")));
    let robots = built.read("robots.txt");
    assert!(robots.contains(&format!("Sitemap: {BASE}sitemap.xml")));
}

#[test]
fn sitemap_becomes_an_index_beyond_the_limit() {
    let urls = Urls::new(BASE);
    let entries: Vec<UrlEntry> = (1..=5)
        .map(|n| UrlEntry {
            path: format!("jobs/{n}/"),
            lastmod: Some(date(2026, 11, n)),
        })
        .collect();
    let files = sitemap::files(&urls, &entries, 2, None);
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        names,
        [
            "sitemap.xml",
            "sitemap-1.xml",
            "sitemap-2.xml",
            "sitemap-3.xml"
        ]
    );
    let index = xml(&files[0].1);
    assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
    let parts: Vec<(String, Option<String>)> = index
        .root_element()
        .children()
        .filter(|n| n.is_element())
        .map(|n| {
            (
                child_text(n, "loc").expect("loc").to_string(),
                child_text(n, "lastmod").map(str::to_string),
            )
        })
        .collect();
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0].0, format!("{BASE}sitemap-1.xml"));
    assert_eq!(parts[0].1.as_deref(), Some("2026-11-02"));
    assert_eq!(parts[2].1.as_deref(), Some("2026-11-05"));
    let sizes: Vec<usize> = files[1..]
        .iter()
        .map(|(_, text)| {
            let doc = xml(text);
            assert_eq!(doc.root_element().tag_name().name(), "urlset");
            doc.root_element()
                .children()
                .filter(|n| n.is_element())
                .count()
        })
        .collect();
    assert_eq!(sizes, [2, 2, 1]);
    // Within the limit: one plain urlset; a zero limit does not panic.
    let single = sitemap::files(&urls, &entries, 5, None);
    assert_eq!(single.len(), 1);
    assert!(single[0].1.contains("<urlset"));
    assert_eq!(sitemap::files(&urls, &entries, 0, None).len(), 6);
}

#[test]
fn atom_feeds_have_every_required_element() {
    let built = build_fixture(false);
    let feeds: Vec<(String, String)> = built
        .files()
        .into_iter()
        .filter(|(path, _)| path.ends_with("feed.xml"))
        .collect();
    assert!(feeds.len() >= 6, "site feed and one per listing: {feeds:?}");
    for (path, text) in &feeds {
        let doc = xml(text);
        let feed = doc.root_element();
        assert!(feed.has_tag_name((ATOM, "feed")), "{path}");
        for required in ["id", "title", "updated"] {
            assert!(
                child_text(feed, required).is_some_and(|t| !t.is_empty()),
                "{path}: feed lacks {required}"
            );
        }
        let feed_author = feed.children().any(|c| c.has_tag_name((ATOM, "author")));
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.has_tag_name((ATOM, "entry")))
            .collect();
        assert!(!entries.is_empty(), "{path} has entries");
        let mut published = Vec::new();
        let mut newest = String::new();
        for entry in &entries {
            for required in ["id", "title", "updated"] {
                assert!(
                    child_text(*entry, required).is_some_and(|t| !t.is_empty()),
                    "{path}: entry lacks {required}"
                );
            }
            let author = entry.children().any(|c| c.has_tag_name((ATOM, "author")));
            assert!(author || feed_author, "{path}: entry without author");
            assert!(entry.children().any(|c| c.has_tag_name((ATOM, "link"))));
            published.push(child_text(*entry, "published").unwrap_or_default());
            newest = newest.max(child_text(*entry, "updated").unwrap_or_default().into());
        }
        let mut sorted = published.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(published, sorted, "{path}: newest first");
        assert_eq!(child_text(feed, "updated"), Some(newest.as_str()), "{path}");
    }
    let site_feed = built.read("feed.xml");
    let doc = xml(&site_feed);
    let feed = doc.root_element();
    assert_eq!(child_text(feed, "updated"), Some("2026-11-20T00:00:00Z"));
    assert_eq!(child_text(feed, "title"), Some("Careers at Acme & Sons"));
    let titles: Vec<&str> = feed
        .children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .filter_map(|e| child_text(e, "title"))
        .collect();
    assert_eq!(
        titles,
        ["R&D Engineer", "Warehouse Shift Lead", "Seasonal Picker"]
    );
    // Every feed carries summaries and links, not the posting text (that is on the page, in
    // /jobs.json and in /indeed.xml).
    let contents = |text: &str| {
        let doc = xml(text);
        let entries: Vec<(bool, bool)> = doc
            .root_element()
            .children()
            .filter(|c| c.has_tag_name((ATOM, "entry")))
            .map(|e| {
                let has = |name| e.children().any(|c| c.has_tag_name((ATOM, name)));
                (has("content"), has("summary"))
            })
            .collect();
        entries
    };
    for (path, text) in &feeds {
        assert!(
            contents(text).iter().all(|&(c, s)| !c && s),
            "{path}: feed entries have a summary and no content"
        );
    }
    assert!(site_feed.contains("<summary>Newark, United States — Full-time"));
}

#[test]
fn jobs_json_follows_schema_version_2() {
    let built = build_fixture(false);
    let doc: Value = serde_json::from_str(&built.read("jobs.json")).expect("jobs.json parses");
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["site"]["url"], BASE);
    assert_eq!(doc["site"]["company"], "Acme & Sons");
    assert_eq!(doc["updated"], "2026-11-20");
    let jobs = doc["jobs"].as_array().expect("jobs list");
    let ids: Vec<&str> = jobs.iter().filter_map(|j| j["id"].as_str()).collect();
    assert_eq!(ids.len(), 3);
    let job = jobs
        .iter()
        .find(|j| j["id"] == "warehouse-lead")
        .expect("warehouse-lead listed");
    assert_eq!(job["reference"], "OPS-7");
    assert_eq!(job["title"], "Warehouse Shift Lead");
    assert_eq!(job["url"], format!("{BASE}jobs/warehouse-lead/"));
    assert_eq!(job["department"], "Operations");
    assert_eq!(job["team"], "Night Shift");
    assert_eq!(
        job["locations"],
        serde_json::json!([{"street": "12 Harbor Road", "city": "Newark", "region": "NJ", "postal_code": "07105", "country": "US"}])
    );
    assert_eq!(job["workplace"], "onsite");
    assert_eq!(
        job["employment_types"],
        serde_json::json!(["full_time", "contract"])
    );
    assert_eq!(job["salary"]["min"], 60000.0);
    assert_eq!(job["salary"]["max"], 75000.0);
    assert_eq!(job["salary"]["currency"], "USD");
    assert_eq!(job["salary"]["period"], "year");
    assert_eq!(job["salary"]["note"], "Plus night premium");
    assert_eq!(job["date_posted"], "2026-11-01");
    assert_eq!(job["date_updated"], "2026-11-20");
    assert_eq!(job["valid_through"], "2026-12-31");
    assert_eq!(job["evergreen"], false);
    assert_eq!(job["apply"]["url"], format!("{BASE}apply/ops-7/"));
    assert_eq!(job["apply"]["email"], Value::Null);
    assert_eq!(
        job["summary"],
        "Lead the night shift of our Newark warehouse."
    );
    assert_eq!(job["tags"], serde_json::json!(["operations", "leadership"]));
    let body = job["description_html"].as_str().expect("body html");
    assert!(body.contains("<h2 id=\"about-the-role\">About the role</h2>"));
    assert!(body.contains("href=\"https://acme.example/careers/benefits/\""));
    let remote = jobs
        .iter()
        .find(|j| j["id"] == "remote-engineer")
        .expect("remote listed");
    assert_eq!(remote["reference"], Value::Null);
    assert_eq!(remote["locations"], serde_json::json!([]));
    let regions = remote["remote_regions"].as_array().expect("regions");
    assert_eq!(
        regions[..2],
        [
            serde_json::json!({"name": "DE", "code": "DE", "countries": ["DE"]}),
            serde_json::json!({"name": "Netherlands", "code": "NL", "countries": ["NL"]}),
        ]
    );
    assert_eq!(regions[2]["code"], "EU");
    assert_eq!(regions[2]["countries"].as_array().map(Vec::len), Some(27));
    assert_eq!(remote["evergreen"], true);
    assert_eq!(remote["valid_through"], Value::Null);
    let search: Value = serde_json::from_str(&built.read("search.json")).expect("search.json");
    assert_eq!(search.as_array().map(Vec::len), Some(3));
}

#[test]
fn indeed_feed_follows_indeeds_rules() {
    let built = build_fixture(false);
    let text = built.read("indeed.xml");
    let doc = xml(&text);
    let source = doc.root_element();
    assert_eq!(source.tag_name().name(), "source");
    assert_eq!(child_text(source, "publisher"), Some("Acme & Sons"));
    assert_eq!(child_text(source, "publisherurl"), Some(BASE));
    // Text fields are CDATA, never entities.
    assert!(text.contains("<title><![CDATA[R&D Engineer]]></title>"));
    assert!(!text.contains("&amp;"), "no HTML entities in the feed");
    let jobs: Vec<_> = source
        .children()
        .filter(|c| c.has_tag_name("job"))
        .collect();
    assert_eq!(jobs.len(), 3);
    let lead = jobs
        .iter()
        .find(|j| child_text(**j, "referencenumber") == Some("OPS-7"))
        .expect("OPS-7 in the feed");
    let field = |name: &str| child_text(*lead, name);
    assert_eq!(field("title"), Some("Warehouse Shift Lead"));
    assert_eq!(field("date"), Some("2026-11-01T00:00:00-04:00"));
    assert_eq!(field("requisitionid"), Some("OPS-7"));
    assert_eq!(field("url"), Some(&*format!("{BASE}jobs/warehouse-lead/")));
    assert_eq!(field("company"), Some("Acme & Sons"));
    assert_eq!(field("city"), Some("Newark"));
    assert_eq!(field("state"), Some("NJ"));
    assert_eq!(field("country"), Some("US"));
    assert_eq!(field("postalcode"), Some("07105"));
    assert_eq!(field("salary"), Some("$60,000–75,000 per year"));
    assert_eq!(field("jobtype"), Some("fulltime, contract"));
    assert_eq!(field("category"), Some("Operations"));
    assert!(field("description").is_some_and(|d| d.contains("<li>Plan the shift</li>")));
    // Without a reference, the slug is the stable reference number.
    assert!(
        jobs.iter()
            .any(|j| child_text(*j, "referencenumber") == Some("remote-engineer"))
    );
}

#[test]
fn machine_readable_output_is_deterministic() {
    let first = build_fixture(false);
    let second = build_fixture(false);
    assert_eq!(first.files(), second.files());
}
