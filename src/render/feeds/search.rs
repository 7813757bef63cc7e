//! `/search.json`: the small index the listing script filters with (no bodies), one item
//! per open posting.

use serde::Serialize;

use crate::render::feeds::Entry;
use crate::render::views::JobView;

/// One posting's item, its members in the (alphabetical) order the file has always had.
#[derive(Serialize)]
struct Item<'a> {
    department: &'a str,
    locations: Vec<&'a str>,
    seniority: Vec<&'a str>,
    text: String,
    title: &'a str,
    types: Vec<&'a str>,
    url: &'a str,
    workplace: &'a str,
}

/// Writes `/search.json` (compact, HTML-safe) for the open postings into `out`.
pub fn render_to(open: &[Entry], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    crate::render::json::write(out, &Items(open), false)?;
    out.write_all(b"\n")
}

/// The items, made one by one as they are written.
struct Items<'a>(&'a [Entry<'a>]);

impl Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|e| item(e.view)))
    }
}

/// One posting's item: what the listing script filters on.
fn item(j: &JobView) -> Item<'_> {
    let text = [&j.title, &j.department.name, &j.location_label, &j.summary]
        .map(String::as_str)
        .join(" ");
    Item {
        department: &j.department.slug,
        locations: j.locations.iter().map(|l| l.slug.as_str()).collect(),
        seniority: j.seniority.iter().map(|s| s.slug.as_str()).collect(),
        text: text.to_lowercase(),
        title: &j.title,
        types: j.employment_types.iter().map(|t| t.slug).collect(),
        url: &j.url,
        workplace: j.workplace,
    }
}
