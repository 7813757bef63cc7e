//! Machine-readable outputs: Atom feeds, /jobs.json, /search.json, the Indeed feed,
//! /sitemap.xml and /robots.txt. Every one is built from the same list of open postings,
//! so an expired posting or a draft is absent from all of them or none.

pub mod atom;
pub mod fragments;
pub mod indeed;
pub mod jobs_json;
pub mod json;
pub mod sitemap;
pub mod xml;

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

pub use fragments::Fragments;
use fragments::{Kind, Source};

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

/// One machine-readable file to make.
#[derive(Clone, Copy)]
enum File<'a> {
    Search,
    Robots,
    Atom(Option<&'a Listing>),
    JobsJson,
    Indeed,
    Sitemap,
}

/// Writes one file: its path, and what writes its bytes (in pieces, so a 38 MB /jobs.json
/// is never joined in memory when the sink can take it that way).
pub type Emit<'a> = dyn Fn(&str, &mut crate::output::Fill) -> Result<(), String> + Sync + 'a;

/// Makes every machine-readable file (feeds of listings only where `listing` says so) from
/// each open posting's fragments (kept ones, or made here when `kept` is `None`; same order
/// as `site.open`) and hands each file to `emit` as soon as it is made, in parallel; no
/// file waits for another.
pub fn write(
    site: &Site,
    kept: Option<&[&Fragments]>,
    listing: &(dyn Fn(&Listing) -> bool + Sync),
    emit: &Emit<'_>,
    timings: &crate::timings::Timings,
) -> Result<(), String> {
    let emit_text = |path: &str, text: &str| emit(path, &mut |w| w.write_all(text.as_bytes()));
    let Site {
        config,
        urls,
        listings,
        ..
    } = *site;
    let open = site.open;
    // Every feed of a posting repeats its Atom entry: made once, in parallel.
    let atom_entries: Vec<String> = match kept {
        Some(_) => Vec::new(),
        None => open
            .par_iter()
            .map(|e| {
                timings.add("make Atom entries", || {
                    fragments::one(config, urls, e, Kind::Atom)
                })
            })
            .collect(),
    };
    let source = match kept {
        Some(kept) => Source::Kept(kept),
        None => Source::Fresh {
            config,
            urls,
            entries: open,
            atom: &atom_entries,
        },
    };
    let n = open.len();
    let mut files = vec![File::Search, File::Robots];
    if config.feeds.atom {
        files.push(File::Atom(None));
        files.extend(
            listings
                .iter()
                .filter(|l| listing(l))
                .map(|l| File::Atom(Some(l))),
        );
    }
    if config.feeds.json {
        files.push(File::JobsJson);
    }
    if config.feeds.indeed {
        files.push(File::Indeed);
    }
    files.push(File::Sitemap);
    files.par_iter().try_for_each(|file| match *file {
        File::Search => timings.add("search.json (make + write)", || {
            emit("search.json", &mut |w| {
                search_json_to((0..n).map(|i| source.get(i, Kind::Search)), w)
            })
        }),
        File::Robots => emit_text("robots.txt", &robots(urls)),
        File::Atom(None) => {
            let all: Vec<usize> = (0..open.len()).collect();
            let feed = atom::Feed {
                title: &config.title,
                page_path: "",
                self_path: "feed.xml",
            };
            timings.add("feed.xml (make + write)", || {
                emit("feed.xml", &mut |w| {
                    atom::feed_to(config, urls, &feed, open, &source, &all, w)
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
                    atom::feed_to(config, urls, &feed, open, &source, &listing.members, w)
                })
            })
        }
        File::JobsJson => timings.add("jobs.json (make + write)", || {
            emit("jobs.json", &mut |w| {
                let items = (0..n).map(|i| source.get(i, Kind::Json));
                jobs_json::render_to(config, urls, open, items, w)
            })
        }),
        File::Indeed => timings.add("indeed.xml (make + write)", || {
            emit("indeed.xml", &mut |w| {
                let jobs = (0..n).map(|i| source.get(i, Kind::Indeed));
                indeed::render_to(config, urls, open, jobs, w)
            })
        }),
        File::Sitemap => {
            let files = timings.add("make sitemap", || {
                sitemap::files(urls, &sitemap::entries(site), SITEMAP_LIMIT)
            });
            for (path, text) in files {
                emit_text(&path, &text)?;
            }
            Ok(())
        }
    })
}

/// Makes site-rooted links in rendered HTML (`href="/careers/x/"`, `src="/logo.png"`)
/// absolute, so a body still links correctly when read in a feed reader or on a job board.
pub fn absolute_links(html: &str, urls: &Urls) -> String {
    let origin = urls
        .base_url
        .strip_suffix(&urls.root)
        .unwrap_or(urls.base_url.trim_end_matches('/'));
    // One pass: at each `href=`/`src=` whose quoted value starts with one `/`, insert the origin.
    let mut out = String::with_capacity(html.len() + 256);
    let bytes = html.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = html[at..].find('=') {
        let eq = at + found;
        at = eq + 1;
        if !(html[..eq].ends_with("href") || html[..eq].ends_with("src")) {
            continue;
        }
        if !matches!(bytes.get(eq + 1), Some(b'"' | b'\'')) {
            continue;
        }
        if bytes.get(eq + 2) == Some(&b'/') && bytes.get(eq + 3) != Some(&b'/') {
            out.push_str(&html[copied..eq + 2]);
            out.push_str(origin);
            copied = eq + 2;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// `/search.json`: the small index the listing script filters with (no bodies), from each
/// posting's [`search_item`].
pub fn search_json<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let mut out = Vec::new();
    let _ = search_json_to(items, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`search_json`] written piece by piece into `out`.
pub fn search_json_to<S: AsRef<str>>(
    items: impl IntoIterator<Item = S>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(b"[")?;
    for (n, item) in items.into_iter().enumerate() {
        if n > 0 {
            out.write_all(b",")?;
        }
        out.write_all(item.as_ref().as_bytes())?;
    }
    out.write_all(b"]\n")
}

/// One posting's item of `/search.json` (compact, HTML-safe JSON).
pub fn search_item(j: &JobView) -> String {
    /// The item's fields, in the (alphabetical) order the file has always had.
    #[derive(serde::Serialize)]
    struct Item<'a> {
        department: &'a str,
        locations: Vec<&'a str>,
        text: String,
        title: &'a str,
        types: Vec<&'a str>,
        url: &'a str,
        workplace: &'a str,
    }
    let item = Item {
        department: &j.department.slug,
        locations: j.locations.iter().map(|l| l.slug.as_str()).collect(),
        text: format!(
            "{} {} {} {}",
            j.title, j.department.name, j.location_label, j.summary
        )
        .to_lowercase(),
        title: &j.title,
        types: j.employment_types.iter().map(|t| t.slug).collect(),
        url: &j.url,
        workplace: j.workplace,
    };
    html_safe_json(serde_json::to_string(&item).unwrap_or_default())
}

/// JSON with `<`, `>` and `&` written as \u escapes (the same JSON to any parser), so a
/// consumer that pastes a value into a page without escaping it gets no live tag from us.
/// Each character is replaced on its own, so escaping items one by one equals escaping the
/// whole file.
pub fn html_safe_json(text: String) -> String {
    if !text.contains(['<', '>', '&']) {
        return text;
    }
    html_safe_indented(&text, "")
}

/// [`html_safe_json`] and, in the same pass, `indent` after every line break (a
/// pretty-printed item placed inside a larger document); JSON strings hold no raw line
/// breaks, so only the printer's own are indented.
pub fn html_safe_indented(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        // memchr finds the few bytes to replace; the runs between are copied whole.
        let mut copied = 0;
        for at in memchr::memchr3_iter(b'<', b'>', b'&', line.as_bytes()) {
            out.push_str(&line[copied..at]);
            out.push_str(match line.as_bytes()[at] {
                b'<' => "\\u003c",
                b'>' => "\\u003e",
                _ => "\\u0026",
            });
            copied = at + 1;
        }
        out.push_str(&line[copied..]);
    }
    out
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
    fn html_safe_json_escapes_markup_and_indents_in_one_pass() {
        let text = "{\n  \"a\": \"<b> & \\\\n\"\n}".to_string();
        assert_eq!(
            html_safe_indented(&text, "    "),
            "{\n      \"a\": \"\\u003cb\\u003e \\u0026 \\\\n\"\n    }"
        );
        assert_eq!(
            html_safe_json(text.clone()),
            text.replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026")
        );
        assert_eq!(html_safe_json("plain".into()), "plain");
    }
}
