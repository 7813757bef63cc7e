//! Script injection through front matter, FAQ text and URL fields: escaped everywhere it is
//! shown (pages, JSON-LD, feeds), and script URLs refused with a located error.

use crate::common;
use crate::hostile::{Site, located};

/// Every output file that could carry the injected text, with its content.
fn outputs(site: &Site) -> Vec<(String, String)> {
    common::snapshot(&site.path("public"))
        .into_iter()
        .filter(|(path, _)| [".html", ".xml", ".json"].iter().any(|e| path.ends_with(e)))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).expect("utf8 output")))
        .collect()
}

#[test]
fn script_tags_in_every_front_matter_field_and_faq_answer_never_run() {
    let site = Site::new();
    site.add("xss-posting.md", "content/jobs/xss.md");
    site.add("xss-faq.yaml", "content/faq.yaml");
    std::fs::write(
        site.path("content/site.yaml"),
        "title: \"</script><script>alert('site')</script>\"\nbase_url: https://careers.hostile.test/\ndescription: \"<script>alert('desc')</script>\"\nbenefits: \"<script>alert('benefits')</script>\"\ncompany:\n  name: \"</script><script>alert('company')</script>\"\n  url: https://hostile.test/\napply:\n  email: jobs@hostile.test\nfeeds: {atom: true, json: true, indeed: true}\n",
    )
    .expect("site.yaml");
    site.build();
    let files = outputs(&site);
    let checked: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    for must in [
        "jobs/xss-engineer/index.html",
        "faq/index.html",
        "feed.xml",
        "jobs.json",
        "indeed.xml",
    ] {
        assert!(checked.contains(&must), "{must} not built: {checked:?}");
    }
    let mut shown = 0;
    for (path, text) in &files {
        if path.ends_with(".html") {
            let lower = text.to_ascii_lowercase();
            for live in [
                "<script>alert",
                "<a href=\"javascript:",
                "<img src=\"javascript:",
                "<img src=x",
            ] {
                assert!(!lower.contains(live), "{path} contains a live `{live}`");
            }
        } else if path.ends_with(".xml") {
            // Feeds: well-formed XML where the injected text is character data, never elements.
            let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let tags: Vec<&str> = doc
                .descendants()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            assert!(
                !tags.iter().any(|t| matches!(*t, "script" | "img" | "a")),
                "{path}: {tags:?}"
            );
        } else {
            assert!(!text.contains('<'), "{path}: JSON keeps `<` as \\u003c");
        }
        if text.contains("alert(&#x27;title&#x27;)")
            || text.contains("\\u003cscript\\u003ealert('title')")
            || text.contains("&lt;script&gt;alert")
        {
            shown += 1;
        }
    }
    assert!(
        shown >= 3,
        "escaped text should still be visible in pages and feeds"
    );
    let page =
        std::fs::read_to_string(site.path("public/jobs/xss-engineer/index.html")).expect("page");
    // JSON-LD keeps `<` escaped so no value can end the script block.
    let ld = page
        .split("application/ld+json\">")
        .nth(1)
        .expect("json-ld")
        .split("</script>")
        .next()
        .expect("end");
    assert!(
        ld.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert('title')"),
        "{ld}"
    );
    // The FAQ answer starts with a tag, so Markdown reads the line as raw HTML: all of it is
    // shown as text.
    assert!(
        page.contains("&lt;script&gt;alert('answer')&lt;/script&gt; [click](javascript:alert('link')) &lt;img src=x onerror=alert('img')&gt;"),
        "answer escaped"
    );
    let faq = std::fs::read_to_string(site.path("public/faq/index.html")).expect("faq");
    assert!(
        faq.contains("<a href=\"#\">click</a>") && faq.contains("<img src=\"#\" alt=\"x\""),
        "faq links disarmed"
    );
}

#[test]
fn script_urls_in_url_fields_are_refused_with_located_errors() {
    let site = Site::new();
    std::fs::write(
        site.path("content/site.yaml"),
        "title: T\nbase_url: javascript:alert(1)\ncompany:\n  name: C\n  url: javascript:alert(1)\n  logo: \"JavaScript:alert(1)\"\n  same_as: [https://ok.test/, \"data:text/html,<script>x</script>\"]\napply:\n  url: javascript:alert(1)\n",
    )
    .expect("site.yaml");
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            ("content/site.yaml".into(), 2, 11, "bad-url"),
            ("content/site.yaml".into(), 5, 8, "bad-url"),
            ("content/site.yaml".into(), 6, 9, "bad-url"),
            ("content/site.yaml".into(), 7, 31, "bad-url"),
            ("content/site.yaml".into(), 9, 8, "bad-url"),
        ],
        "{errors:#?}"
    );
    assert_eq!(
        errors[1].message,
        "`url` is not a usable web address: `javascript:` addresses are not allowed here (only https:// and http:// links, or paths inside the site)"
    );
    assert!(errors[1].help.contains("https://"));

    let site = Site::new();
    site.write(
        "content/jobs/img.md",
        "---\ntitle: T\ndepartment: D\nemployment_type: full_time\nlocations: [{city: B, country: DE}]\ndate_posted: 2026-10-01\nimage: javascript:alert(1)\napply: {url: \"javascript:alert(1)\"}\n---\n",
    );
    site.write(
        "content/pages/p.md",
        "---\ntitle: P\nimage: \"vbscript:x\"\n---\n",
    );
    let errors = site.errors();
    assert_eq!(
        located(&errors),
        [
            ("content/jobs/img.md".into(), 7, 8, "bad-url"),
            ("content/jobs/img.md".into(), 8, 14, "bad-url"),
            ("content/pages/p.md".into(), 3, 8, "bad-url"),
        ],
        "{errors:#?}"
    );
}
