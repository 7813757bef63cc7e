//! Which pages and files an edit changes: compared with what the edited postings showed
//! before it, only those are rendered again (every other file keeps its bytes).

use std::collections::{BTreeMap, BTreeSet};

use crate::render::feeds::{Fragments, SiteFiles};
use crate::render::{Affected, Pieces};

/// The edited postings' listing rows and feed fragments before the edit.
pub(super) struct Before {
    edited: BTreeSet<usize>,
    parts: Vec<(usize, Option<tera::Value>, Option<Fragments>)>,
}

/// How the edit moved postings between listings (from the session's listing shape).
pub(super) struct Moves<'a> {
    /// Listing path → members before the edit.
    pub(super) old: &'a BTreeMap<String, Vec<usize>>,
    /// The same after it, when the shape was made again.
    pub(super) new: Option<&'a BTreeMap<String, Vec<usize>>>,
    /// The filter lists changed (every listing shows them).
    pub(super) all_listings: bool,
    /// The order of open postings may have changed.
    pub(super) reordered: bool,
    /// An edited posting's last change (`date_updated`, else `date_posted`) changed.
    pub(super) lastmod: bool,
}

impl Before {
    /// What the `edited` postings show now, before their pieces are made again.
    pub(super) fn of(edited: &BTreeSet<usize>, pieces: &Pieces) -> Before {
        let parts = edited
            .iter()
            .map(|&i| {
                let row = pieces.rows.get(i).cloned().flatten();
                let feeds = pieces.feeds.as_ref();
                (i, row, feeds.and_then(|f| f.get(i).cloned().flatten()))
            })
            .collect();
        Before {
            edited: edited.clone(),
            parts,
        }
    }

    /// The pages and files to render again, given the pieces made after the edit.
    pub(super) fn affected(&self, pieces: &Pieces, moves: Moves) -> Affected {
        let changed = Changed::between(&self.parts, pieces);
        // A listing page shows its members' rows; a listing feed their Atom entries.
        let touched = |showing: &BTreeSet<usize>| -> BTreeSet<String> {
            moves
                .new
                .unwrap_or(moves.old)
                .iter()
                .filter(|(path, now)| {
                    moves.all_listings
                        || moves.old.get(*path) != Some(now)
                        || now.iter().any(|m| showing.contains(m))
                        || moves.old[*path].iter().any(|m| showing.contains(m))
                })
                .map(|(path, _)| path.clone())
                .collect()
        };
        let moved = moves.reordered;
        // The feeds' heads carry the newest last change of all postings.
        let dated = moved || moves.lastmod;
        Affected {
            postings: self.edited.clone(),
            listings: touched(&changed.rows),
            listing_feeds: touched(&changed.atom),
            index: moved || !changed.rows.is_empty(),
            // robots.txt never changes without a config change (a full build).
            files: SiteFiles {
                search: moved || !changed.search.is_empty(),
                robots: false,
                feed: dated || !changed.atom.is_empty(),
                jobs_json: dated || !changed.json.is_empty(),
                indeed: dated || !changed.indeed.is_empty(),
                sitemap: dated,
            },
        }
    }
}

/// The edited postings whose listing row, or part of a site-wide file, an edit changed.
#[derive(Default)]
struct Changed {
    rows: BTreeSet<usize>,
    atom: BTreeSet<usize>,
    json: BTreeSet<usize>,
    indeed: BTreeSet<usize>,
    search: BTreeSet<usize>,
}

impl Changed {
    /// Compares what the edited postings showed `before` with their pieces now.
    fn between(
        before: &[(usize, Option<tera::Value>, Option<Fragments>)],
        pieces: &Pieces,
    ) -> Changed {
        let mut changed = Changed::default();
        for (i, row, feeds) in before {
            if pieces.rows.get(*i).and_then(Option::as_ref) != row.as_ref() {
                changed.rows.insert(*i);
            }
            let now = pieces.feeds.as_ref().and_then(|f| f.get(*i)?.as_ref());
            let before = feeds.as_ref();
            // No fragments (kept nowhere, or a closed posting): everything counts as changed.
            let differs = |part: fn(&Fragments) -> &String| match (now, before) {
                (Some(a), Some(b)) => part(a) != part(b),
                _ => true,
            };
            for (set, part) in [
                (
                    &mut changed.atom,
                    (|f| &f.atom) as fn(&Fragments) -> &String,
                ),
                (&mut changed.json, |f| &f.json),
                (&mut changed.indeed, |f| &f.indeed),
                (&mut changed.search, |f| &f.search),
            ] {
                if differs(part) {
                    set.insert(*i);
                }
            }
        }
        changed
    }
}
