//! Machine-readable outputs: Atom feeds, /jobs.json, /search.json, the Indeed feed,
//! /sitemap.xml and /robots.txt. Every one is built from the same list of open postings,
//! so an expired posting or a draft is absent from all of them or none.

pub mod atom;
pub mod indeed;
pub mod jobs_json;
pub mod sitemap;

use jiff::civil::Date;
use serde_json::json;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::content::model::Posting;
use crate::render::listings::Listing;
use crate::render::urls::Urls;
use crate::render::views::JobView;

/// The most URLs one sitemap file may hold (the sitemaps.org limit).
pub const SITEMAP_LIMIT: usize = 50_000;

/// One open posting with everything the feeds need.
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    /// The posting as written.
    pub posting: &'a Posting,
    /// Its view (labels, URLs).
    pub view: &'a JobView,
    /// Its rendered body.
    pub html: &'a str,
}

impl Entry<'_> {
    /// The last change: `date_updated`, else `date_posted`.
    pub fn updated(&self) -> Date {
        self.posting
            .date_updated
            .unwrap_or(self.posting.date_posted)
    }
}

/// What the machine-readable files are built from.
pub struct Site<'a> {
    /// Site settings (feed switches, company).
    pub config: &'a SiteConfig,
    /// URLs under the effective base URL.
    pub urls: &'a Urls,
    /// Everything published (for pages and the FAQ in the sitemap).
    pub content: &'a Content,
    /// Open postings in listing order.
    pub open: &'a [Entry<'a>],
    /// Filtered listings; `members` index into `open`.
    pub listings: &'a [Listing],
}

/// Every machine-readable file as (site-relative path, text), in a fixed order.
pub fn files(site: &Site) -> Vec<(String, String)> {
    let Site {
        config,
        urls,
        listings,
        ..
    } = *site;
    // Bodies leave the site here: their site-rooted links must work anywhere.
    let bodies: Vec<String> = site
        .open
        .iter()
        .map(|e| absolute_links(e.html, urls))
        .collect();
    let open: Vec<Entry> = site
        .open
        .iter()
        .zip(&bodies)
        .map(|(e, html)| Entry { html, ..*e })
        .collect();
    let open = open.as_slice();
    let views: Vec<&JobView> = open.iter().map(|e| e.view).collect();
    let mut files: Vec<(String, String)> = vec![
        ("search.json".into(), search_json(&views)),
        ("robots.txt".into(), robots(urls)),
    ];
    if config.feeds.atom {
        let all: Vec<&Entry> = open.iter().collect();
        let feed = atom::Feed {
            title: &config.title,
            page_path: "",
            self_path: "feed.xml",
        };
        files.push(("feed.xml".into(), atom::feed(config, urls, &feed, &all)));
        for listing in listings {
            let members: Vec<&Entry> = listing
                .members
                .iter()
                .filter_map(|&i| open.get(i))
                .collect();
            let title = format!("{} — {}", listing.title, config.title);
            let self_path = format!("{}feed.xml", listing.path);
            let feed = atom::Feed {
                title: &title,
                page_path: &listing.path,
                self_path: &self_path,
            };
            files.push((self_path.clone(), atom::feed(config, urls, &feed, &members)));
        }
    }
    if config.feeds.json {
        files.push(("jobs.json".into(), jobs_json::render(config, urls, open)));
    }
    if config.feeds.indeed {
        files.push(("indeed.xml".into(), indeed::render(config, urls, open)));
    }
    let entries = sitemap::entries(site);
    files.extend(sitemap::files(urls, &entries, SITEMAP_LIMIT));
    files
}

/// Escapes text for XML element content and attribute values (and drops the control
/// characters XML 1.0 forbids).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_xml_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Wraps text in a CDATA section; a `]]>` inside is split across two sections.
pub fn cdata(text: &str) -> String {
    let clean: String = text.chars().filter(|&c| !is_xml_forbidden(c)).collect();
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

fn is_xml_forbidden(c: char) -> bool {
    ((c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Makes site-rooted links in rendered HTML (`href="/careers/x/"`, `src="/logo.png"`)
/// absolute, so a body still links correctly when read in a feed reader or on a job board.
pub fn absolute_links(html: &str, urls: &Urls) -> String {
    let origin = urls
        .base_url
        .strip_suffix(&urls.root)
        .unwrap_or(urls.base_url.trim_end_matches('/'));
    let mut out = html.to_string();
    for attr in ["href", "src"] {
        for quote in ['"', '\''] {
            let from = format!("{attr}={quote}/");
            let keep = format!("{attr}={quote}//");
            let mut text = String::with_capacity(out.len());
            let mut rest = out.as_str();
            while let Some(at) = rest.find(&from) {
                text.push_str(&rest[..at]);
                if rest[at..].starts_with(&keep) {
                    text.push_str(&keep);
                    rest = &rest[at + keep.len()..];
                } else {
                    text.push_str(&format!("{attr}={quote}{origin}/"));
                    rest = &rest[at + from.len()..];
                }
            }
            text.push_str(rest);
            out = text;
        }
    }
    out
}

/// `/search.json`: the small index the listing script filters with (no bodies).
pub fn search_json(jobs: &[&JobView]) -> String {
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
    html_safe_json(serde_json::to_string(&items).unwrap_or_default()) + "\n"
}

/// JSON with `<`, `>` and `&` written as \u escapes (the same JSON to any parser), so a
/// consumer that pastes a value into a page without escaping it gets no live tag from us.
pub fn html_safe_json(text: String) -> String {
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `/robots.txt` pointing at the sitemap.
pub fn robots(urls: &Urls) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        urls.absolute("sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_rooted_links_become_absolute() {
        let urls = Urls::new("https://acme.example/careers/");
        assert_eq!(
            absolute_links(
                "<a href=\"/careers/x/\">x</a> <img src='/careers/l.png'> <a href=\"//cdn.test/y\">y</a> <a href=\"https://o.test/\">o</a>",
                &urls
            ),
            "<a href=\"https://acme.example/careers/x/\">x</a> <img src='https://acme.example/careers/l.png'> <a href=\"//cdn.test/y\">y</a> <a href=\"https://o.test/\">o</a>"
        );
    }

    #[test]
    fn cdata_cannot_be_closed_early() {
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
        assert_eq!(cdata("x\u{1}y"), "<![CDATA[xy]]>");
    }

    #[test]
    fn escape_covers_markup_and_control_characters() {
        assert_eq!(
            xml_escape("<a & 'b'>\u{7}"),
            "&lt;a &amp; &apos;b&apos;&gt;"
        );
    }
}
