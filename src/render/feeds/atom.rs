//! Atom feeds (RFC 4287): /feed.xml and one per listing page, newest posting first.
//!
//! Entries carry the link, categories and a `<summary>` (location, type, pay, teaser), not
//! the posting text: a reader follows the link. The full text is on the page, in
//! /jobs.json and in /indeed.xml; with it, /feed.xml alone would be ~30 MB at 10,000 postings.

use crate::config::SiteConfig;
use crate::render::feeds::Entry;
use crate::render::feeds::xml::{self, push_escaped};
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

/// Appends a date as an Atom timestamp (midnight UTC of the content's date, never the
/// build time).
fn push_stamp(out: &mut String, date: jiff::civil::Date) {
    xml::push_date(out, date);
    out.push_str("T00:00:00Z");
}

/// Writes an Atom feed of the `members` of `open` (whose `<entry>` texts are `entries`,
/// same order) into `out`, newest `date_posted` first; the feed's `updated` is the newest
/// `date_updated`/`date_posted` among them.
pub fn feed_to(
    config: &SiteConfig,
    urls: &Urls,
    feed: &Feed,
    open: &[Entry],
    entries: &[String],
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
    let mut head = String::with_capacity(1024);
    head.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let self_url = xml::escape(&urls.absolute(feed.self_path));
    head.push_str("  <title>");
    push_escaped(&mut head, feed.title);
    head.push_str("</title>\n  <id>");
    head.push_str(&self_url);
    head.push_str("</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"");
    head.push_str(&self_url);
    head.push_str("\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"");
    push_escaped(&mut head, &urls.absolute(feed.page_path));
    head.push_str("\"/>\n  <updated>");
    match sorted.iter().map(|&i| open[i].updated()).max() {
        Some(updated) => push_stamp(&mut head, updated),
        None => head.push_str("1970-01-01T00:00:00Z"),
    }
    head.push_str("</updated>\n  <author><name>");
    push_escaped(&mut head, &config.company.name);
    head.push_str("</name></author>\n  <generator>careers</generator>\n");
    out.write_all(head.as_bytes())?;
    for i in sorted {
        out.write_all(entries[i].as_bytes())?;
    }
    out.write_all(b"</feed>\n")
}

/// The `<entry>` of one posting (the same in every feed); `author` is escaped. Its id is the
/// posting's URL, plus `#reference` when it has one.
pub fn entry(entry: &Entry, author: &str) -> String {
    let mut out = String::with_capacity(1024);
    write_entry(&mut out, entry, author);
    out
}

fn write_entry(out: &mut String, entry: &Entry, author: &str) {
    let job = entry.view;
    out.push_str("  <entry>\n    <title>");
    push_escaped(out, &job.title);
    out.push_str("</title>\n    <id>");
    push_escaped(out, &job.permalink);
    if !job.reference.is_empty() {
        out.push('#');
        push_escaped(out, &job.reference);
    }
    out.push_str("</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"");
    push_escaped(out, &job.permalink);
    out.push_str("\"/>\n    <published>");
    push_stamp(out, entry.posting.date_posted);
    out.push_str("</published>\n    <updated>");
    push_stamp(out, entry.updated());
    out.push_str("</updated>\n    <author><name>");
    out.push_str(author);
    out.push_str("</name></author>\n");
    let categories = std::iter::once((job.department.slug.as_str(), job.department.name.as_str()))
        .chain(
            job.employment_types
                .iter()
                .map(|t| (t.slug, t.label.as_str())),
        );
    for (term, label) in categories {
        out.push_str("    <category term=\"");
        push_escaped(out, term);
        out.push_str("\" label=\"");
        push_escaped(out, label);
        out.push_str("\"/>\n");
    }
    // The parts joined by " — ", each escaped on its own (escaping works character by
    // character, so this is the escaped join).
    out.push_str("    <summary>");
    let salary = job.salary.as_ref().map(|s| s.label.as_str());
    let parts = [
        Some(job.location_label.as_str()),
        Some(job.employment_label.as_str()),
        salary,
        Some(job.summary.as_str()),
    ];
    let mut first = true;
    for part in parts.into_iter().flatten().filter(|p| !p.is_empty()) {
        if !first {
            out.push_str(" — ");
        }
        push_escaped(out, part);
        first = false;
    }
    out.push_str("</summary>\n  </entry>\n");
}
