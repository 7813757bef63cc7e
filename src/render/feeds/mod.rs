//! Machine-readable outputs: Atom feeds, /jobs.json, /search.json, the Indeed and LinkedIn feeds,
//! /sitemap.xml and /robots.txt. Every one is built from the same list of open postings,
//! so an expired posting or a draft is absent from all of them or none.

pub(crate) mod atom;
pub(crate) mod indeed;
pub(crate) mod jobs_json;
pub(crate) mod linkedin;
pub(crate) mod search;
pub mod sitemap;
pub(crate) mod xml;

use std::borrow::Cow;

use jiff::civil::Date;
use rayon::prelude::*;

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
    /// The pages that exist in several languages, for the sitemap.
    pub alternates: Option<&'a crate::render::languages::Alternates>,
    /// Postings listed here whose page is in another language's folder (not in this sitemap).
    pub guests: Option<&'a std::collections::HashMap<std::path::PathBuf, Urls>>,
    /// Whether this render writes robots.txt (the first language of a site does).
    pub shared: bool,
}

/// One machine-readable file to make.
#[derive(Clone, Copy)]
enum File<'a> {
    Search,
    Robots,
    Atom(Option<&'a Listing>),
    JobsJson,
    Indeed,
    LinkedIn,
    Sitemap,
}

/// Writes one file: its path, and what writes its bytes (in pieces, so a 38 MB /jobs.json
/// is never joined in memory when the sink can take it that way).
pub type Emit<'a> =
    dyn Fn(&str, &mut crate::output::Fill) -> Result<(), crate::output::OutputError> + Sync + 'a;

/// Makes every machine-readable file and hands each to `emit` as soon as it is made, in
/// parallel; no file waits for another.
pub fn write(
    site: &Site,
    emit: &Emit<'_>,
    timings: &crate::timings::Timings,
) -> Result<(), crate::output::OutputError> {
    let emit_text = |path: &str, text: &str| emit(path, &mut |w| w.write_all(text.as_bytes()));
    let Site {
        config,
        urls,
        listings,
        open,
        ..
    } = *site;
    // Every feed of a posting repeats its Atom entry: made once, in parallel.
    let author = xml::escape(&config.company.name);
    let atom_entries: Vec<String> = match config.feeds.atom {
        false => Vec::new(),
        true => open
            .par_iter()
            .map(|e| timings.add("make Atom entries", || atom::entry(e, &author)))
            .collect(),
    };
    // The largest files first (they are 30-40 MB at 10,000 postings, the rest a few MB at
    // most), so the two threads end together instead of one writing two big files last.
    let mut files = Vec::new();
    if config.feeds.json {
        files.push(File::JobsJson);
    }
    if config.feeds.indeed {
        files.push(File::Indeed);
    }
    if config.feeds.linkedin {
        files.push(File::LinkedIn);
    }
    files.push(File::Search);
    if site.shared {
        files.push(File::Robots);
    }
    if config.feeds.atom {
        files.push(File::Atom(None));
        files.extend(listings.iter().map(|l| File::Atom(Some(l))));
    }
    files.push(File::Sitemap);
    files
        .par_iter()
        .with_max_len(1)
        .try_for_each(|file| match *file {
            File::Search => timings.add("search.json (make + write)", || {
                emit("search.json", &mut |w| search::render_to(open, w))
            }),
            File::Robots => emit_text("robots.txt", &robots(urls, &config.languages)),
            File::Atom(None) => {
                let all: Vec<usize> = (0..open.len()).collect();
                let feed = atom::Feed {
                    title: &config.title,
                    page_path: "",
                    self_path: "feed.xml",
                };
                timings.add("feed.xml (make + write)", || {
                    emit("feed.xml", &mut |w| {
                        atom::feed_to(config, urls, &feed, open, &atom_entries, &all, w)
                    })
                })
            }
            File::Atom(Some(listing)) => {
                let title = format!("{} — {}", listing.title, config.title);
                let self_path = format!("{}feed.xml", listing.path);
                let feed = atom::Feed {
                    title: &title,
                    page_path: &listing.path,
                    self_path: &self_path,
                };
                timings.add("listing feeds (make + write)", || {
                    emit(&self_path, &mut |w| {
                        let members = &listing.members;
                        atom::feed_to(config, urls, &feed, open, &atom_entries, members, w)
                    })
                })
            }
            File::JobsJson => timings.add("jobs.json (make + write)", || {
                emit("jobs.json", &mut |w| {
                    jobs_json::render_to(config, urls, open, w)
                })
            }),
            File::Indeed => timings.add("indeed.xml (make + write)", || {
                emit("indeed.xml", &mut |w| {
                    indeed::render_to(config, urls, open, w)
                })
            }),
            File::LinkedIn => timings.add("linkedin.xml (make + write)", || {
                emit("linkedin.xml", &mut |w| {
                    linkedin::render_to(config, urls, open, w)
                })
            }),
            File::Sitemap => {
                let files = timings.add("make sitemap", || {
                    sitemap::files(
                        urls,
                        &sitemap::entries(site),
                        SITEMAP_LIMIT,
                        site.alternates,
                    )
                });
                for (path, text) in files {
                    emit_text(&path, &text)?;
                }
                Ok(())
            }
        })
}

/// Makes site-rooted links in rendered HTML (`href="/careers/x/"`, `src="/logo.png"`)
/// absolute, so a body still links correctly when read in a feed reader or on a job board;
/// the HTML itself when it has none.
pub fn absolute_links<'a>(html: &'a str, urls: &Urls) -> Cow<'a, str> {
    let origin = urls
        .base_url
        .strip_suffix(&urls.root)
        .unwrap_or(urls.base_url.trim_end_matches('/'));
    // One pass: at each `href=`/`src=` whose quoted value starts with one `/`, insert the origin.
    let mut out = String::new();
    let bytes = html.as_bytes();
    let mut copied = 0;
    for eq in memchr::memchr_iter(b'=', bytes) {
        let before = &bytes[..eq];
        if !(before.ends_with(b"href") || before.ends_with(b"src")) {
            continue;
        }
        if !matches!(bytes.get(eq + 1), Some(b'"' | b'\'')) {
            continue;
        }
        if bytes.get(eq + 2) == Some(&b'/') && bytes.get(eq + 3) != Some(&b'/') {
            if out.is_empty() {
                out.reserve(html.len() + 256);
            }
            out.push_str(&html[copied..eq + 2]);
            out.push_str(origin);
            copied = eq + 2;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `/robots.txt` pointing at the sitemap, and at each other language's.
pub fn robots(urls: &Urls, languages: &[String]) -> String {
    let mut out = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        urls.absolute("sitemap.xml")
    );
    for language in languages.iter().skip(1) {
        out.push_str("Sitemap: ");
        out.push_str(&urls.in_folder(language).absolute("sitemap.xml"));
        out.push('\n');
    }
    out
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
}
