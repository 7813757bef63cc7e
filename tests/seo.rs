//! Search engines and job boards: JSON-LD, meta tags, sitemap, feeds, jobs.json, Indeed XML,
//! and expiry/drafts consistency, checked on tests/fixtures/seo-site built with a fixed today.

use std::path::{Path, PathBuf};

use careers::build::{BuildOptions, build};
use careers::render::feeds::sitemap::{self, UrlEntry};
use careers::render::urls::Urls;
use jiff::civil::date;
use serde_json::Value;

const BASE: &str = "https://acme.example/careers/";

/// A built copy of the fixture site; the folder is removed when dropped.
struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

impl Built {
    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|e| panic!("output file {path} missing: {e}"))
    }

    fn exists(&self, path: &str) -> bool {
        self.out.join(path).exists()
    }

    /// Every output file with its site-relative path, sorted.
    fn files(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        collect(&self.out, &self.out, &mut files);
        files.sort();
        files
    }
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("readable output folder") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            let rel = path.strip_prefix(root).expect("inside root");
            files.push((rel.to_string_lossy().replace('\\', "/"), text));
        }
    }
}

fn build_fixture(drafts: bool) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let site_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seo-site");
    let opts = BuildOptions {
        site_dir,
        output: Some(out.clone()),
        drafts,
        today: Some(date(2026, 11, 25)),
        ..BuildOptions::default()
    };
    if let Err(e) = build(&opts) {
        panic!("fixture site failed to build: {e:?}");
    }
    Built { _dir: dir, out }
}

/// Every JSON-LD block of a page, parsed.
fn json_ld(html: &str) -> Vec<Value> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    html.split(OPEN)
        .skip(1)
        .map(|rest| {
            let text = rest.split("</script>").next().expect("closed script");
            serde_json::from_str(text).expect("JSON-LD parses as JSON")
        })
        .collect()
}

fn job_posting(built: &Built, slug: &str) -> Value {
    let blocks = json_ld(&built.read(&format!("jobs/{slug}/index.html")));
    assert_eq!(blocks.len(), 1, "one JSON-LD block on {slug}");
    assert_eq!(blocks[0]["@type"], "JobPosting");
    blocks[0].clone()
}

/// The value of `<meta {attr}="{name}" content="…">` on a page.
fn meta(html: &str, attr: &str, name: &str) -> Option<String> {
    let marker = format!("<meta {attr}=\"{name}\" content=\"");
    let start = html.find(&marker)? + marker.len();
    Some(html[start..].split('"').next()?.to_string())
}

fn xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).expect("well-formed XML")
}

fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name(name) || c.tag_name().name() == name)
        .and_then(|c| c.text())
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

#[test]
fn onsite_posting_json_ld_matches_its_front_matter() {
    let built = build_fixture(false);
    let jp = job_posting(&built, "warehouse-lead");
    assert_eq!(jp["@context"], "https://schema.org/");
    assert_eq!(jp["title"], "Warehouse Shift Lead");
    assert_eq!(jp["datePosted"], "2026-11-01");
    // End of 31 December in America/New_York (EST, UTC−5).
    assert_eq!(jp["validThrough"], "2026-12-31T23:59:59-05:00");
    assert_eq!(
        jp["employmentType"],
        serde_json::json!(["FULL_TIME", "CONTRACTOR"])
    );
    assert_eq!(jp["url"], format!("{BASE}jobs/warehouse-lead/"));
    let org = &jp["hiringOrganization"];
    assert_eq!(org["name"], "Acme & Sons");
    assert_eq!(
        org["sameAs"],
        serde_json::json!([
            "https://acme.example/",
            "https://www.linkedin.com/company/acme-example"
        ])
    );
    assert_eq!(org["logo"], format!("{BASE}logo.svg"));
    let address = &jp["jobLocation"]["address"];
    assert_eq!(jp["jobLocation"]["@type"], "Place");
    assert_eq!(address["@type"], "PostalAddress");
    assert_eq!(address["streetAddress"], "12 Harbor Road");
    assert_eq!(address["addressLocality"], "Newark");
    assert_eq!(address["addressRegion"], "NJ");
    assert_eq!(address["postalCode"], "07105");
    assert_eq!(address["addressCountry"], "US");
    assert!(jp.get("jobLocationType").is_none());
    let salary = &jp["baseSalary"];
    assert_eq!(salary["@type"], "MonetaryAmount");
    assert_eq!(salary["currency"], "USD");
    assert_eq!(salary["value"]["@type"], "QuantitativeValue");
    assert_eq!(salary["value"]["minValue"], 60000);
    assert_eq!(salary["value"]["maxValue"], 75000);
    assert_eq!(salary["value"]["unitText"], "YEAR");
    assert_eq!(jp["identifier"]["value"], "OPS-7");
    assert_eq!(jp["identifier"]["name"], "Acme & Sons");
    // The apply link (/apply/ops-7/) is on this site.
    assert_eq!(jp["directApply"], true);
}

#[test]
fn job_posting_description_keeps_only_what_google_reads() {
    let built = build_fixture(false);
    let jp = job_posting(&built, "warehouse-lead");
    let description = jp["description"].as_str().expect("description is text");
    assert!(description.starts_with("<p><strong>About the role</strong></p>"));
    assert!(description.contains("<li>Keep everyone <strong>safe</strong></li>"));
    assert!(description.contains("Read how we hire."), "link text kept");
    assert!(description.contains("Forklift licence <em>preferred</em>."));
    assert!(description.contains("Night 22–06"), "table text kept");
    for tag in ["<h2", "<a ", "<div", "<table", "<td", "class="] {
        assert!(!description.contains(tag), "{tag} left in {description}");
    }
}

#[test]
fn json_ld_values_are_visible_on_the_page() {
    let built = build_fixture(false);
    let html = built.read("jobs/warehouse-lead/index.html");
    let body = html.split("</head>").nth(1).expect("page has a body");
    for visible in [
        "Warehouse Shift Lead",
        "OPS-7",
        "Newark",
        "$60,000–$75,000 per year",
        "2026-11-01",
        "2026-12-31",
        "Full-time",
        "Contract",
        "Keep everyone <strong>safe</strong>",
    ] {
        assert!(body.contains(visible), "`{visible}` not on the page");
    }
}

#[test]
fn remote_posting_is_telecommute_with_applicant_countries() {
    let built = build_fixture(false);
    let jp = job_posting(&built, "remote-engineer");
    assert_eq!(jp["title"], "R&D Engineer");
    assert_eq!(jp["jobLocationType"], "TELECOMMUTE");
    assert!(jp.get("jobLocation").is_none());
    assert!(jp.get("validThrough").is_none(), "evergreen has no end");
    assert_eq!(
        jp["applicantLocationRequirements"],
        serde_json::json!([
            {"@type": "Country", "name": "Germany"},
            {"@type": "Country", "name": "Netherlands"},
            {"@type": "AdministrativeArea", "name": "EU"}
        ])
    );
    assert_eq!(jp["employmentType"], "PART_TIME");
    assert_eq!(jp["baseSalary"]["value"]["unitText"], "HOUR");
    assert_eq!(jp["baseSalary"]["value"]["minValue"], 40);
    assert!(
        jp.get("identifier").is_none(),
        "no reference, no identifier"
    );
    // Applying happens on an external ATS.
    assert_eq!(jp["directApply"], false);
}

#[test]
fn job_posting_only_on_open_posting_pages() {
    let built = build_fixture(false);
    let mut with_job_posting: Vec<String> = built
        .files()
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .filter(|(_, html)| json_ld(html).iter().any(|v| v["@type"] == "JobPosting"))
        .map(|(path, _)| path)
        .collect();
    with_job_posting.sort();
    assert_eq!(
        with_job_posting,
        [
            "jobs/last-day/index.html",
            "jobs/remote-engineer/index.html",
            "jobs/warehouse-lead/index.html"
        ]
    );
}

#[test]
fn expired_posting_is_closed_noindex_and_absent_everywhere() {
    let built = build_fixture(false);
    let page = built.read("jobs/expired-role/index.html");
    assert_eq!(
        meta(&page, "name", "robots").as_deref(),
        Some("noindex"),
        "closed page is noindex"
    );
    assert!(json_ld(&page).is_empty(), "closed page has no JSON-LD");
    assert!(page.contains("This position is closed"));
    // Open pages are indexable.
    let open = built.read("jobs/warehouse-lead/index.html");
    assert_eq!(meta(&open, "name", "robots"), None);
    for (path, text) in built.files() {
        if path.starts_with("jobs/expired-role/") {
            continue;
        }
        for needle in ["expired-role", "Expired Forklift Driver", "OLD-1"] {
            assert!(!text.contains(needle), "{path} mentions {needle}");
        }
    }
    // The department that only had the expired posting has no listing or feed.
    assert!(!built.exists("departments/logistics/index.html"));
    assert!(!built.exists("departments/logistics/feed.xml"));
}

#[test]
fn posting_is_open_through_its_last_day() {
    let built = build_fixture(false);
    let jp = job_posting(&built, "last-day");
    assert_eq!(jp["validThrough"], "2026-11-25T23:59:59-05:00");
    assert!(built.read("jobs.json").contains("\"last-day\""));
    assert!(built.read("feed.xml").contains("jobs/last-day/"));
    assert!(built.read("sitemap.xml").contains("jobs/last-day/"));
}

#[test]
fn drafts_appear_only_with_the_drafts_flag() {
    let built = build_fixture(false);
    assert!(!built.exists("jobs/draft-role/index.html"));
    for (path, text) in built.files() {
        for needle in ["draft-role", "Secret Draft Role", "Stealth"] {
            assert!(!text.contains(needle), "{path} mentions {needle}");
        }
    }
    let with_drafts = build_fixture(true);
    assert!(with_drafts.exists("jobs/draft-role/index.html"));
    assert!(with_drafts.read("jobs.json").contains("\"draft-role\""));
}

#[test]
fn faq_page_has_valid_faq_json_ld() {
    let built = build_fixture(false);
    let blocks = json_ld(&built.read("faq/index.html"));
    assert_eq!(blocks.len(), 1);
    let faq = &blocks[0];
    assert_eq!(faq["@context"], "https://schema.org");
    assert_eq!(faq["@type"], "FAQPage");
    let questions = faq["mainEntity"].as_array().expect("mainEntity list");
    assert_eq!(questions.len(), 2);
    assert_eq!(questions[0]["@type"], "Question");
    assert_eq!(questions[0]["name"], "Do you sponsor visas?");
    assert_eq!(questions[0]["acceptedAnswer"]["@type"], "Answer");
    let answer = questions[0]["acceptedAnswer"]["text"]
        .as_str()
        .expect("answer text");
    assert!(answer.contains("<strong>most</strong>"), "{answer}");
    assert_eq!(questions[1]["name"], "Can I apply twice?");
}

#[test]
fn pages_carry_canonical_description_and_social_meta() {
    let built = build_fixture(false);
    let html = built.read("jobs/warehouse-lead/index.html");
    let url = format!("{BASE}jobs/warehouse-lead/");
    assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")));
    let summary = "Lead the night shift of our Newark warehouse.";
    assert_eq!(meta(&html, "name", "description").as_deref(), Some(summary));
    assert_eq!(
        meta(&html, "property", "og:description").as_deref(),
        Some(summary)
    );
    assert_eq!(meta(&html, "property", "og:url"), Some(url));
    assert!(
        meta(&html, "property", "og:title").is_some_and(|t| t.starts_with("Warehouse Shift Lead"))
    );
    assert!(meta(&html, "name", "twitter:card").is_some());
    assert!(meta(&html, "name", "twitter:title").is_some());
    let index = built.read("index.html");
    assert!(index.contains(&format!("<link rel=\"canonical\" href=\"{BASE}\">")));
    assert!(meta(&index, "name", "description").is_some());
}

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
    let files = sitemap::files(&urls, &entries, 2);
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
    let single = sitemap::files(&urls, &entries, 5);
    assert_eq!(single.len(), 1);
    assert!(single[0].1.contains("<urlset"));
    assert_eq!(sitemap::files(&urls, &entries, 0).len(), 6);
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
    // Bodies in feeds link absolutely.
    assert!(site_feed.contains("href=&quot;https://acme.example/careers/benefits/&quot;"));
}

#[test]
fn jobs_json_follows_schema_version_1() {
    let built = build_fixture(false);
    let doc: Value = serde_json::from_str(&built.read("jobs.json")).expect("jobs.json parses");
    assert_eq!(doc["version"], 1);
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
    assert_eq!(
        remote["remote_regions"],
        serde_json::json!(["DE", "Netherlands", "EU"])
    );
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
    assert_eq!(field("date"), Some("Sun, 01 Nov 2026 00:00:00 GMT"));
    assert_eq!(field("url"), Some(&*format!("{BASE}jobs/warehouse-lead/")));
    assert_eq!(field("company"), Some("Acme & Sons"));
    assert_eq!(field("city"), Some("Newark"));
    assert_eq!(field("state"), Some("NJ"));
    assert_eq!(field("country"), Some("US"));
    assert_eq!(field("postalcode"), Some("07105"));
    assert_eq!(field("salary"), Some("$60,000–$75,000 per year"));
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
