//! Grouping open postings once (by department, location, type, remote) so every listing
//! page is rendered from precomputed groups, never by re-scanning all postings.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::render::urls::Urls;
use crate::render::views::JobView;

/// A filter option: a name, its listing and how many open postings it has.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FilterOption {
    /// Shown text.
    pub name: String,
    /// Slug.
    pub slug: String,
    /// Listing link.
    pub url: String,
    /// Open postings.
    pub count: usize,
}

/// The remote listing's link and size.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RemoteFilter {
    /// Link to /remote/.
    pub url: String,
    /// Open remote postings.
    pub count: usize,
}

/// Every filter with its options (shown on every listing).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Filters {
    /// Departments.
    pub departments: Vec<FilterOption>,
    /// Locations.
    pub locations: Vec<FilterOption>,
    /// Employment types.
    pub types: Vec<FilterOption>,
    /// Seniority levels, in career order (empty when no posting names one).
    pub seniority: Vec<FilterOption>,
    /// Remote.
    pub remote: RemoteFilter,
}

/// What kind of filtered listing a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ListingKind {
    /// /departments/<slug>/
    Department,
    /// /locations/<slug>/
    Location,
    /// /types/<slug>/
    Type,
    /// /seniority/<level>/
    Seniority,
    /// /remote/
    Remote,
}

/// A filtered listing page to render: its output folder and member postings (indexes into the open list).
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    /// What it filters by.
    pub kind: ListingKind,
    /// Heading.
    pub title: String,
    /// Slug (empty for remote).
    pub slug: String,
    /// Site-relative folder (`departments/engineering/`).
    pub path: String,
    /// Indexes into the sorted open postings.
    pub members: Vec<usize>,
}

/// All listings and the filters, computed in one pass over the open postings.
#[derive(Clone, Debug, PartialEq)]
pub struct Listings {
    /// Every filtered page.
    pub pages: Vec<Listing>,
    /// The filter options.
    pub filters: Filters,
}

/// Adds posting `i` to the members of the listing `slug` (named `name` when it is new)
/// unless it is the last one already, copying the slug only for the first member.
fn add(listings: &mut BTreeMap<String, (String, Vec<usize>)>, slug: &str, name: &str, i: usize) {
    if !listings.contains_key(slug) {
        listings.insert(slug.to_string(), (name.to_string(), Vec::new()));
    }
    if let Some((_, members)) = listings.get_mut(slug)
        && members.last() != Some(&i)
    {
        members.push(i);
    }
}

/// Groups sorted open postings in one pass.
pub fn compute<'v>(open: &[&'v JobView], urls: &Urls) -> Listings {
    let mut departments: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    let mut locations: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    let mut types: BTreeMap<(usize, &'static str), (&'v str, Vec<usize>)> = BTreeMap::new();
    let mut levels: BTreeMap<(usize, &'v str), (&'v str, Vec<usize>)> = BTreeMap::new();
    let mut remote = Vec::new();
    for (i, job) in open.iter().enumerate() {
        for s in &job.seniority {
            let order = crate::content::facts::Seniority::ALL
                .iter()
                .position(|x| x.id() == s.slug)
                .unwrap_or(99);
            levels
                .entry((order, s.slug.as_str()))
                .or_insert_with(|| (s.name.as_str(), Vec::new()))
                .1
                .push(i);
        }
        add(
            &mut departments,
            &job.department.slug,
            &job.department.name,
            i,
        );
        for l in &job.locations {
            add(&mut locations, &l.slug, &l.label, i);
        }
        for t in &job.employment_types {
            let order = crate::content::model::EmploymentType::ALL
                .iter()
                .position(|x| x.id() == t.id)
                .unwrap_or(99);
            types
                .entry((order, t.slug))
                .or_insert_with(|| (t.label.as_str(), Vec::new()))
                .1
                .push(i);
        }
        if job.workplace == "remote" {
            remote.push(i);
        }
    }
    let mut pages = Vec::new();
    let mut option =
        |kind: ListingKind, dir: &str, slug: String, name: String, members: Vec<usize>| {
            let path = format!("{dir}/{slug}/");
            let opt = FilterOption {
                name: name.clone(),
                slug: slug.clone(),
                url: urls.path(&path),
                count: members.len(),
            };
            pages.push(Listing {
                kind,
                title: name,
                slug,
                path,
                members,
            });
            opt
        };
    let mut location_list: Vec<(String, String, Vec<usize>)> =
        locations.into_iter().map(|(s, (n, m))| (n, s, m)).collect();
    location_list.sort();
    let filters_departments = departments
        .into_iter()
        .map(|(s, (n, m))| option(ListingKind::Department, "departments", s, n, m))
        .collect();
    let filters_locations = location_list
        .into_iter()
        .map(|(n, s, m)| option(ListingKind::Location, "locations", s, n, m))
        .collect();
    let filters_types = types
        .into_iter()
        .map(|((_, s), (n, m))| option(ListingKind::Type, "types", s.into(), n.into(), m))
        .collect();
    let filters_seniority = levels
        .into_iter()
        .map(|((_, s), (n, m))| option(ListingKind::Seniority, "seniority", s.into(), n.into(), m))
        .collect();
    let remote_count = remote.len();
    if let Some(&first) = remote.first() {
        pages.push(Listing {
            kind: ListingKind::Remote,
            title: open[first].workplace_label.clone(),
            slug: String::new(),
            path: "remote/".into(),
            members: remote,
        });
    }
    Listings {
        pages,
        filters: Filters {
            departments: filters_departments,
            locations: filters_locations,
            types: filters_types,
            seniority: filters_seniority,
            remote: RemoteFilter {
                url: urls.path("remote/"),
                count: remote_count,
            },
        },
    }
}

/// The index and the filtered listings: rows are template values shared by every page.
pub struct Rows<'a> {
    /// Open postings in listing order.
    pub open: &'a [&'a JobView],
    /// Each open posting as a template value, same order.
    pub values: &'a [tera::Value],
    /// The filter lists as one template value.
    pub filters: &'a tera::Value,
}

impl Rows<'_> {
    /// `jobs` and `groups` for the members (indexes into `open`, sorted by department).
    pub fn jobs_and_groups(&self, members: &[usize]) -> (tera::Value, tera::Value) {
        let jobs: Vec<tera::Value> = members.iter().map(|&i| self.values[i].clone()).collect();
        let mut groups: Vec<tera::Value> = Vec::new();
        let mut start = 0;
        while start < members.len() {
            let department = &self.open[members[start]].department;
            let mut end = start + 1;
            while end < members.len() && self.open[members[end]].department.slug == department.slug
            {
                end += 1;
            }
            let mut group = std::collections::BTreeMap::new();
            group.insert("name", tera::Value::from(department.name.as_str()));
            group.insert("slug", tera::Value::from(department.slug.as_str()));
            group.insert("url", tera::Value::from(department.url.as_str()));
            group.insert("count", tera::Value::from(end - start));
            group.insert("jobs", tera::Value::from(&jobs[start..end]));
            groups.push(tera::Value::from(group));
            start = end;
        }
        (tera::Value::from(jobs), tera::Value::from(groups))
    }
}
