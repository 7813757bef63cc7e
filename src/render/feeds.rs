//! Machine-readable outputs: Atom feeds, /jobs.json, /search.json, /sitemap.xml, /robots.txt.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde_json::json;

use crate::config::SiteConfig;
use crate::render::urls::Urls;
use crate::render::views::JobView;

/// Escapes text for XML element content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// An Atom feed of `jobs` (newest first); `self_path` is the feed's site-relative path.
pub fn atom(
    config: &SiteConfig,
    urls: &Urls,
    title: &str,
    page_path: &str,
    self_path: &str,
    jobs: &[&JobView],
) -> String {
    let mut sorted: Vec<&&JobView> = jobs.iter().collect();
    sorted.sort_by(|a, b| {
        b.date_posted
            .cmp(&a.date_posted)
            .then(a.title.cmp(&b.title))
    });
    let updated = sorted
        .first()
        .map(|j| j.date_posted.clone())
        .unwrap_or_else(|| "1970-01-01".into());
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let _ = writeln!(out, "  <title>{}</title>", xml_escape(title));
    let _ = writeln!(out, "  <id>{}</id>", xml_escape(&urls.absolute(self_path)));
    let _ = writeln!(
        out,
        "  <link rel=\"self\" href=\"{}\"/>",
        xml_escape(&urls.absolute(self_path))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&urls.absolute(page_path))
    );
    let _ = writeln!(out, "  <updated>{updated}T00:00:00Z</updated>");
    let _ = writeln!(
        out,
        "  <author><name>{}</name></author>",
        xml_escape(&config.company.name)
    );
    for job in sorted {
        let id = if job.reference.is_empty() {
            job.permalink.clone()
        } else {
            format!("{}#{}", job.permalink, job.reference)
        };
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", xml_escape(&job.title));
        let _ = writeln!(out, "    <id>{}</id>", xml_escape(&id));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&job.permalink)
        );
        let _ = writeln!(
            out,
            "    <published>{}T00:00:00Z</published>",
            job.date_posted
        );
        let _ = writeln!(out, "    <updated>{}T00:00:00Z</updated>", job.date_posted);
        let _ = writeln!(
            out,
            "    <category term=\"{}\" label=\"{}\"/>",
            xml_escape(&job.department.slug),
            xml_escape(&job.department.name)
        );
        let summary = format!(
            "{} — {} — {}",
            job.location_label, job.employment_label, job.summary
        );
        let _ = writeln!(out, "    <summary>{}</summary>", xml_escape(&summary));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// `/jobs.json`: every open posting with its structured fields (schema version 1).
pub fn jobs_json(config: &SiteConfig, urls: &Urls, jobs: &[JobView]) -> String {
    let doc = json!({
        "version": 1,
        "site": {"title": config.title, "url": urls.base_url, "company": config.company.name},
        "jobs": jobs,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// `/search.json`: the small index the listing script filters with (no bodies).
pub fn search_json(jobs: &[JobView]) -> String {
    let items: Vec<serde_json::Value> = jobs
        .iter()
        .map(|j| {
            json!({
                "url": j.url,
                "title": j.title,
                "department": j.department.slug,
                "locations": j.locations.iter().map(|l| l.slug.as_str()).collect::<Vec<_>>(),
                "types": j.employment_types.iter().map(|t| t.slug).collect::<Vec<_>>(),
                "workplace": j.workplace,
                "text": format!("{} {} {} {}", j.title, j.department.name, j.location_label, j.summary).to_lowercase(),
            })
        })
        .collect();
    serde_json::to_string(&items).unwrap_or_default() + "\n"
}

/// `/sitemap.xml` from (site-relative path, lastmod) pairs.
pub fn sitemap(urls: &Urls, entries: &[(String, Option<Date>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in entries {
        let _ = write!(
            out,
            "  <url><loc>{}</loc>",
            xml_escape(&urls.absolute(path))
        );
        if let Some(d) = lastmod {
            let _ = write!(out, "<lastmod>{d}</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `/robots.txt` pointing at the sitemap.
pub fn robots(urls: &Urls) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        urls.absolute("sitemap.xml")
    )
}
