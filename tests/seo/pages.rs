//! Posting, FAQ and listing pages: JSON-LD, meta tags, closed postings and drafts.
use crate::seo::{BASE, build_fixture, job_posting, json_ld, meta};

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
        "$60,000–75,000 per year",
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
    // DE, Netherlands and EU: each country once, the EU's members after the two named.
    let countries = jp["applicantLocationRequirements"]
        .as_array()
        .expect("a list of places");
    assert_eq!(countries.len(), 27);
    assert_eq!(
        countries[0],
        serde_json::json!({"@type": "Country", "name": "Germany"})
    );
    assert_eq!(
        countries[1],
        serde_json::json!({"@type": "Country", "name": "Netherlands"})
    );
    assert!(countries.iter().all(|c| c["@type"] == "Country"));
    assert!(countries.contains(&serde_json::json!({"@type": "Country", "name": "Poland"})));
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
