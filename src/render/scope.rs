//! What one render covers: the whole site, or only the pages and files an edit can change.

use std::collections::BTreeSet;

use crate::render::compiled::Shape;
use crate::render::feeds;

/// What a render covers: everything, or only what an edit touched.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// Every file of the site.
    All,
    /// Every file of the site, with the listing shape the caller already made.
    AllShaped(&'a Shape),
    /// The index, every machine-readable file, and the named posting pages and listings,
    /// with the listing shape the caller already made from the same views.
    Only(&'a Affected, &'a Shape),
}

/// The pages and files an edit touches: each one whose bytes it can change, no other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Affected {
    /// Indexes into `content.postings` whose own page is re-rendered.
    pub postings: BTreeSet<usize>,
    /// Listing paths (`departments/engineering/`) whose page is re-rendered.
    pub listings: BTreeSet<String>,
    /// Listing paths whose Atom feed is made again.
    pub listing_feeds: BTreeSet<String>,
    /// Whether the index is re-rendered (a listing row, the order or the filters changed).
    pub index: bool,
    /// Which site-wide machine-readable files are made again.
    pub files: feeds::SiteFiles,
}

impl Scope<'_> {
    /// Whether posting `i`'s own page is rendered.
    pub(crate) fn posting(&self, i: usize) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.postings.contains(&i),
        }
    }
    /// Whether the listing page at `path` is rendered.
    pub(crate) fn listing(&self, path: &str) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.listings.contains(path),
        }
    }
    /// Whether the Atom feed of the listing at `path` is made.
    pub(crate) fn listing_feed(&self, path: &str) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.listing_feeds.contains(path),
        }
    }
    /// Which site-wide machine-readable files are made.
    pub(crate) fn site_files(&self) -> feeds::SiteFiles {
        match self {
            Scope::All | Scope::AllShaped(_) => feeds::SiteFiles::ALL,
            Scope::Only(a, _) => a.files,
        }
    }
    /// Whether the index is rendered.
    pub(crate) fn index(&self) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.index,
        }
    }
    /// Whether this is a whole build (free pages, FAQ, 404 and static files too).
    pub(crate) fn everything(&self) -> bool {
        matches!(self, Scope::All | Scope::AllShaped(_))
    }
}
