//! `/sitemap.xml`: every open posting, listing and page with `lastmod` from the content
//! (never the build time); beyond the per-file limit it becomes a sitemap index over
//! `sitemap-1.xml`, `sitemap-2.xml`, …

use jiff::civil::Date;

use crate::render::feeds::xml::{self, push_escaped};
use crate::render::feeds::{Entry, Site};
use crate::render::languages::Alternates;
use crate::render::urls::Urls;

/// One URL of the sitemap: a site-relative path and its last change, if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlEntry {
    /// Site-relative path (`jobs/x/`).
    pub path: String,
    /// Last change from the content.
    pub lastmod: Option<Date>,
}

/// The sitemap's URLs: the index, open postings, listings, the FAQ and free pages.
pub fn entries(site: &Site) -> Vec<UrlEntry> {
    let newest = site.open.iter().map(Entry::updated).max();
    let mut out = vec![UrlEntry {
        path: String::new(),
        lastmod: newest,
    }];
    let guest = |e: &&Entry| {
        site.guests
            .is_some_and(|g| g.contains_key(&e.posting.source))
    };
    out.extend(site.open.iter().filter(|e| !guest(e)).map(|e| UrlEntry {
        path: format!("jobs/{}/", e.posting.slug),
        lastmod: Some(e.updated()),
    }));
    out.extend(site.listings.iter().map(|listing| {
        UrlEntry {
            path: listing.path.clone(),
            lastmod: listing
                .members
                .iter()
                .filter_map(|&i| site.open.get(i))
                .map(Entry::updated)
                .max(),
        }
    }));
    if !site.content.faq.is_empty() {
        out.push(UrlEntry {
            path: "faq/".into(),
            lastmod: None,
        });
    }
    out.extend(site.content.pages.iter().map(|page| UrlEntry {
        path: format!("{}/", page.slug),
        lastmod: page.date_updated,
    }));
    out
}

/// The sitemap file(s) as (site-relative path, text): one `sitemap.xml` when the URLs fit in
/// `limit` (at least 1), otherwise `sitemap.xml` as an index over numbered parts.
pub fn files(
    urls: &Urls,
    entries: &[UrlEntry],
    limit: usize,
    alternates: Option<&Alternates>,
) -> Vec<(String, String)> {
    let limit = limit.max(1);
    if entries.len() <= limit {
        return vec![("sitemap.xml".into(), urlset(urls, entries, alternates))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in entries.chunks(limit).enumerate() {
        let path = format!("sitemap-{}.xml", n + 1);
        index.push_str("  <sitemap>");
        push_loc(
            &mut index,
            urls,
            &path,
            part.iter().filter_map(|e| e.lastmod).max(),
        );
        index.push_str("</sitemap>\n");
        files.push((path, urlset(urls, part, alternates)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index));
    files
}

/// One `<urlset>` file.
fn urlset(urls: &Urls, entries: &[UrlEntry], alternates: Option<&Alternates>) -> String {
    let mut out = String::with_capacity(256 + entries.len() * 128);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if alternates.is_some() {
        out.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    out.push_str(">\n");
    for entry in entries {
        out.push_str("  <url>");
        push_loc(&mut out, urls, &entry.path, entry.lastmod);
        if let Some(alternates) = alternates {
            for a in alternates.of(&urls.absolute(&entry.path)) {
                out.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
                push_escaped(&mut out, &a.hreflang);
                out.push_str("\" href=\"");
                push_escaped(&mut out, &a.url);
                out.push_str("\"/>");
            }
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// Appends `<loc>` with the absolute URL of a site-relative path, and `<lastmod>` if known.
fn push_loc(out: &mut String, urls: &Urls, path: &str, lastmod: Option<Date>) {
    // The absolute URL escaped in two parts (escaping works character by character), without
    // making it first.
    out.push_str("<loc>");
    push_escaped(out, &urls.base_url);
    push_escaped(out, path.trim_start_matches('/'));
    out.push_str("</loc>");
    if let Some(date) = lastmod {
        out.push_str("<lastmod>");
        xml::push_date(out, date);
        out.push_str("</lastmod>");
    }
}
