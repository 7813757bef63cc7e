//! Atom feeds (RFC 4287): /feed.xml and one per listing page, newest posting first.
//!
//! Entries carry the link, categories and a `<summary>` (location, type, pay, teaser), not
//! the posting text: a reader follows the link. The full text is on the page, in
//! /jobs.json and in /indeed.xml; with it, /feed.xml alone would be ~30 MB at 10,000 postings.

use std::fmt::Write as _;

use crate::config::SiteConfig;
use crate::render::feeds::fragments::{Kind, Source};
use crate::render::feeds::{Entry, xml_escape};
use crate::render::urls::Urls;

/// Which feed to write.
pub struct Feed<'a> {
    /// Feed title.
    pub title: &'a str,
    /// Site-relative path of the HTML page the feed mirrors (`""` for the index).
    pub page_path: &'a str,
    /// Site-relative path of the feed itself.
    pub self_path: &'a str,
}

/// Date as an Atom timestamp (midnight UTC of the content's date, never the build time).
fn stamp(date: jiff::civil::Date) -> String {
    format!("{date}T00:00:00Z")
}

/// The stable id of a posting's entry: its URL, plus `#reference` when it has one.
pub fn entry_id(entry: &Entry) -> String {
    let view = entry.view;
    if view.reference.is_empty() {
        view.permalink.clone()
    } else {
        format!("{}#{}", view.permalink, view.reference)
    }
}

/// An Atom feed of the `members` of `open` (whose `<entry>` texts come from `entries`,
/// same order), newest `date_posted` first; the feed's `updated` is the newest
/// `date_updated`/`date_posted` among them.
pub fn feed(
    config: &SiteConfig,
    urls: &Urls,
    feed: &Feed,
    open: &[Entry],
    entries: &Source,
    members: &[usize],
) -> String {
    let mut out = Vec::new();
    let _ = feed_to(config, urls, feed, open, entries, members, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`feed`] written piece by piece into `out`.
pub fn feed_to(
    config: &SiteConfig,
    urls: &Urls,
    feed: &Feed,
    open: &[Entry],
    entries: &Source,
    members: &[usize],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut sorted: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| i < open.len())
        .collect();
    sorted.sort_by(|&a, &b| {
        let (a, b) = (&open[a], &open[b]);
        (b.posting.date_posted, &a.view.title, &a.view.slug).cmp(&(
            a.posting.date_posted,
            &b.view.title,
            &b.view.slug,
        ))
    });
    let updated = sorted
        .iter()
        .map(|&i| open[i].updated())
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), stamp);
    let author = xml_escape(&config.company.name);
    let mut head = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let self_url = xml_escape(&urls.absolute(feed.self_path));
    let _ = writeln!(head, "  <title>{}</title>", xml_escape(feed.title));
    let _ = writeln!(head, "  <id>{self_url}</id>");
    let _ = writeln!(
        head,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_url}\"/>"
    );
    let _ = writeln!(
        head,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&urls.absolute(feed.page_path))
    );
    let _ = writeln!(head, "  <updated>{updated}</updated>");
    let _ = writeln!(head, "  <author><name>{author}</name></author>");
    let _ = writeln!(head, "  <generator>careers</generator>");
    out.write_all(head.as_bytes())?;
    for i in sorted {
        out.write_all(entries.get(i, Kind::Atom).as_bytes())?;
    }
    out.write_all(b"</feed>\n")
}

/// The `<entry>` of one posting (the same in every feed); `author` is escaped.
pub fn entry(entry: &Entry, author: &str) -> String {
    let mut out = String::with_capacity(1024);
    write_entry(&mut out, entry, author);
    out
}

fn write_entry(out: &mut String, entry: &Entry, author: &str) {
    let job = entry.view;
    out.push_str("  <entry>\n");
    let _ = writeln!(out, "    <title>{}</title>", xml_escape(&job.title));
    let _ = writeln!(out, "    <id>{}</id>", xml_escape(&entry_id(entry)));
    let _ = writeln!(
        out,
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&job.permalink)
    );
    let _ = writeln!(
        out,
        "    <published>{}</published>",
        stamp(entry.posting.date_posted)
    );
    let _ = writeln!(out, "    <updated>{}</updated>", stamp(entry.updated()));
    let _ = writeln!(out, "    <author><name>{author}</name></author>");
    let _ = writeln!(
        out,
        "    <category term=\"{}\" label=\"{}\"/>",
        xml_escape(&job.department.slug),
        xml_escape(&job.department.name)
    );
    for t in &job.employment_types {
        let _ = writeln!(
            out,
            "    <category term=\"{}\" label=\"{}\"/>",
            xml_escape(t.slug),
            xml_escape(t.label)
        );
    }
    let mut summary = vec![job.location_label.as_str(), job.employment_label.as_str()];
    if let Some(salary) = &job.salary {
        summary.push(&salary.label);
    }
    summary.push(&job.summary);
    summary.retain(|s| !s.is_empty());
    let _ = writeln!(
        out,
        "    <summary>{}</summary>",
        xml_escape(&summary.join(" — "))
    );
    out.push_str("  </entry>\n");
}
