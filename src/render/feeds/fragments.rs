//! Each open posting's part of every site-wide machine-readable file. A watch/serve session
//! keeps them ([`Fragments`]) so an edit re-makes only the edited posting's before the files
//! are assembled again; a one-off build makes each one where it is written and drops it
//! (keeping them all would hold every body twice more in memory).

use std::borrow::Cow;

use crate::config::SiteConfig;
use crate::render::feeds::{Entry, absolute_links, atom, indeed, jobs_json, search, xml};
use crate::render::urls::Urls;

/// One open posting's text in each file (empty where that file is switched off).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fragments {
    /// Its `<entry>` in /feed.xml and its listing feeds (summary and link).
    pub atom: String,
    /// Its item in /jobs.json, pretty-printed at the depth of the `jobs` list.
    pub json: String,
    /// Its `<job>` element(s) in /indeed.xml.
    pub indeed: String,
    /// Its item in /search.json.
    pub search: String,
}

/// Which fragment of a posting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// [`Fragments::atom`].
    Atom,
    /// [`Fragments::json`].
    Json,
    /// [`Fragments::indeed`].
    Indeed,
    /// [`Fragments::search`].
    Search,
}

/// One fragment of an open posting; `entry.html` is the body as rendered (site-rooted links
/// are made absolute here, for the fragments that carry the body).
pub fn one(config: &SiteConfig, urls: &Urls, entry: &Entry, kind: Kind) -> String {
    let with_absolute_links = |make: &dyn Fn(&Entry) -> String| {
        let html = absolute_links(entry.html, urls);
        make(&Entry {
            html: &html,
            ..*entry
        })
    };
    match kind {
        Kind::Atom if config.feeds.atom => atom::entry(entry, &xml::escape(&config.company.name)),
        Kind::Json if config.feeds.json => {
            with_absolute_links(&|e| jobs_json::item(e, config, urls))
        }
        Kind::Indeed if config.feeds.indeed => with_absolute_links(&|e| indeed::jobs(config, e)),
        Kind::Atom | Kind::Json | Kind::Indeed => String::new(),
        Kind::Search => search::item(entry.view),
    }
}

/// Every fragment of one open posting (its body as rendered, site-rooted links not yet absolute).
pub fn make(config: &SiteConfig, urls: &Urls, entry: &Entry) -> Fragments {
    let one = |kind| one(config, urls, entry, kind);
    Fragments {
        atom: one(Kind::Atom),
        json: one(Kind::Json),
        indeed: one(Kind::Indeed),
        search: one(Kind::Search),
    }
}

/// Where the file writers get each open posting's fragments.
pub enum Source<'a> {
    /// Kept fragments, in open order (watch/serve).
    Kept(&'a [&'a Fragments]),
    /// Made on the spot from the open entries (build); Atom entries, which every feed of a
    /// posting repeats, are made once beforehand (`atom`, same order).
    Fresh {
        /// Site settings.
        config: &'a SiteConfig,
        /// URLs.
        urls: &'a Urls,
        /// Open postings, bodies as rendered.
        entries: &'a [Entry<'a>],
        /// Each open posting's Atom entry.
        atom: &'a [String],
    },
}

impl Source<'_> {
    /// The `kind` fragment of the `i`th open posting.
    pub fn get(&self, i: usize, kind: Kind) -> Cow<'_, str> {
        match self {
            Source::Kept(kept) => Cow::Borrowed(match kind {
                Kind::Atom => &kept[i].atom,
                Kind::Json => &kept[i].json,
                Kind::Indeed => &kept[i].indeed,
                Kind::Search => &kept[i].search,
            }),
            Source::Fresh { atom, .. } if kind == Kind::Atom => Cow::Borrowed(&atom[i]),
            Source::Fresh {
                config,
                urls,
                entries,
                ..
            } => Cow::Owned(one(config, urls, &entries[i], kind)),
        }
    }
}
