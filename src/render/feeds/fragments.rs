//! Each open posting's part of every site-wide machine-readable file, made once and kept:
//! a full build assembles the files from them, and a watch/serve session re-makes only the
//! edited posting's fragments before assembling the files again.

use crate::config::SiteConfig;
use crate::render::feeds::{
    Entry, absolute_links, atom, indeed, jobs_json, search_item, xml_escape,
};
use crate::render::urls::Urls;

/// One open posting's text in each file (empty where that file is switched off).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fragments {
    /// The rendered body with site-rooted links made absolute.
    pub html: String,
    /// Its `<entry>` in /feed.xml (with `<content>`).
    pub atom: String,
    /// Its `<entry>` in listing feeds (summary and link only).
    pub atom_short: String,
    /// Its item in /jobs.json, pretty-printed at the depth of the `jobs` list.
    pub json: String,
    /// Its `<job>` element(s) in /indeed.xml.
    pub indeed: String,
    /// Its item in /search.json.
    pub search: String,
}

/// The fragments of one open posting.
pub fn make(config: &SiteConfig, urls: &Urls, entry: &Entry) -> Fragments {
    let html = absolute_links(entry.html, urls);
    let entry = Entry {
        html: &html,
        ..*entry
    };
    let (atom, atom_short) = if config.feeds.atom {
        let author = xml_escape(&config.company.name);
        (
            atom::entry(&entry, &author, atom::Body::Content),
            atom::entry(&entry, &author, atom::Body::SummaryOnly),
        )
    } else {
        (String::new(), String::new())
    };
    let json = if config.feeds.json {
        jobs_json::item(&entry, config, urls)
    } else {
        String::new()
    };
    let indeed = if config.feeds.indeed {
        indeed::jobs(config, &entry)
    } else {
        String::new()
    };
    Fragments {
        search: search_item(entry.view),
        atom,
        atom_short,
        json,
        indeed,
        html,
    }
}
