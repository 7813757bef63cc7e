//! "More positions like this" on a posting page: up to [`MOST`] other open postings, those
//! of its department first, then those sharing one of its places, newest first. They are
//! taken from groups made once per render (the department and location listings), so each
//! page costs a few steps, never a pass over every posting.

use std::cmp::Reverse;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::render::compiled::{Change, Shape};
use crate::render::listings::ListingKind;
use crate::render::views::JobView;

/// The most related postings a page shows.
pub(crate) const MOST: usize = 5;

/// Every posting's related postings in this render and in the last one of a session.
#[derive(Debug, Default)]
pub(crate) struct Related {
    /// Per posting (content order), the related postings as indexes into `content.postings`.
    now: Vec<Vec<usize>>,
    /// The same from the render the session kept (empty without one).
    before: Vec<Vec<usize>>,
}

impl Related {
    /// The related postings of every posting (none for those `skip` says have no page
    /// here), beside those of the last render (`before`).
    pub(crate) fn new(
        views: &[JobView],
        shape: &Shape,
        skip: impl Fn(usize) -> bool + Sync,
        before: Vec<Vec<usize>>,
    ) -> Related {
        let groups = Groups::new(views, shape);
        let now = (views.par_iter().enumerate())
            .map(|(i, view)| match skip(i) {
                true => Vec::new(),
                false => groups.of(i, view),
            })
            .collect();
        Related { now, before }
    }

    /// Posting `i`'s related postings as template values: the listings' rows, shared.
    pub(crate) fn values(&self, i: usize, rows: &[Option<tera::Value>]) -> tera::Value {
        let values: Vec<tera::Value> = (self.now[i].iter())
            .filter_map(|&j| rows[j].clone())
            .collect();
        tera::Value::from(values)
    }

    /// Whether posting `i`'s related section differs from the last render's: other postings,
    /// or one whose row changed.
    pub(crate) fn moved(&self, i: usize, changes: &[Change]) -> bool {
        self.before.get(i) != Some(&self.now[i])
            || (self.now[i].iter()).any(|&j| matches!(changes[j], Change::Row | Change::View))
    }

    /// What the next render of a session compares its related postings with.
    pub(crate) fn into_kept(self) -> Vec<Vec<usize>> {
        self.now
    }
}

/// The open postings grouped by department and by place, each group in the order the
/// related postings are taken from it.
struct Groups<'a> {
    /// Open postings in listing order (indexes into `content.postings`).
    order: &'a [usize],
    /// Department slug → its postings (positions in `order`), newest first as listed.
    departments: HashMap<&'a str, &'a [usize]>,
    /// Location slug → its postings as places in `newest`, newest first.
    locations: HashMap<&'a str, Vec<usize>>,
    /// Positions in `order` sorted newest first, then by title and slug.
    newest: Vec<usize>,
}

impl<'a> Groups<'a> {
    /// The groups of one render, from its listings.
    fn new(views: &[JobView], shape: &'a Shape) -> Groups<'a> {
        let order = shape.order.as_slice();
        // The keys side by side, as the listings sort them (without the department).
        let mut keys: Vec<_> = (order.iter().enumerate())
            .map(|(at, &i)| {
                let v = &views[i];
                let date = Reverse(v.date_posted.as_str());
                (date, v.title.as_str(), v.slug.as_str(), at)
            })
            .collect();
        keys.sort_unstable();
        let newest: Vec<usize> = keys.into_iter().map(|k| k.3).collect();
        let mut place = vec![0; order.len()];
        for (rank, &at) in newest.iter().enumerate() {
            place[at] = rank;
        }
        let mut departments = HashMap::new();
        let mut locations = HashMap::new();
        for listing in &shape.listings.pages {
            match listing.kind {
                ListingKind::Department => {
                    departments.insert(listing.slug.as_str(), listing.members.as_slice());
                }
                ListingKind::Location => {
                    let mut ranks: Vec<usize> = listing.members.iter().map(|&m| place[m]).collect();
                    ranks.sort_unstable();
                    locations.insert(listing.slug.as_str(), ranks);
                }
                ListingKind::Type | ListingKind::Seniority | ListingKind::Remote => {}
            }
        }
        Groups {
            order,
            departments,
            locations,
            newest,
        }
    }

    /// Posting `i`'s related postings: its department's, then its places' (merged newest
    /// first), never itself, at most [`MOST`].
    fn of(&self, i: usize, view: &JobView) -> Vec<usize> {
        let mut picked = Vec::with_capacity(MOST);
        let department = self.departments.get(view.department.slug.as_str());
        for &at in department.copied().unwrap_or_default() {
            if picked.len() == MOST {
                return picked;
            }
            let j = self.order[at];
            if j != i {
                picked.push(j);
            }
        }
        let lists: Vec<&[usize]> = (view.locations.iter())
            .filter_map(|l| self.locations.get(l.slug.as_str()).map(Vec::as_slice))
            .collect();
        let mut heads = vec![0; lists.len()];
        while picked.len() < MOST {
            // The newest posting not taken yet at the head of one of the lists.
            let next = (lists.iter().zip(&heads).enumerate())
                .filter_map(|(k, (list, &head))| list.get(head).map(|&rank| (rank, k)))
                .min();
            let Some((rank, k)) = next else { break };
            heads[k] += 1;
            let j = self.order[self.newest[rank]];
            if j != i && !picked.contains(&j) {
                picked.push(j);
            }
        }
        picked
    }
}
