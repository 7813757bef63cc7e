//! `/indeed.xml`: the XML feed Indeed reads (`feeds: {indeed: true}`). Every text field is
//! in CDATA, so no HTML entities appear in titles or names; a posting with several
//! locations becomes one `<job>` per location, as Indeed asks.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::config::SiteConfig;
use crate::content::codes;
use crate::content::model::{Apply, EmploymentType, Location, Workplace};
use crate::render::feeds::Entry;
use crate::render::feeds::xml::{cdata, push_cdata};
use crate::render::urls::Urls;

/// A date in RFC 822 form, as Indeed expects (`Wed, 14 Oct 2026 00:00:00 GMT`).
pub fn rfc822(date: Date) -> String {
    date.strftime("%a, %d %b %Y 00:00:00 GMT").to_string()
}

/// Indeed's `jobtype` value, for the types it knows.
fn job_type(t: EmploymentType) -> Option<&'static str> {
    match t {
        EmploymentType::FullTime => Some("fulltime"),
        EmploymentType::PartTime => Some("parttime"),
        EmploymentType::Contract => Some("contract"),
        EmploymentType::Temporary | EmploymentType::PerDiem => Some("temporary"),
        EmploymentType::Intern => Some("internship"),
        EmploymentType::Volunteer | EmploymentType::Other => None,
    }
}

/// The stable reference number of a posting: its `reference`, else its slug.
pub fn reference_number(entry: &Entry) -> String {
    entry
        .posting
        .reference
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .unwrap_or(&entry.posting.slug)
        .to_string()
}

/// Writes `/indeed.xml` for the open postings into `out`, one posting at a time.
pub fn render_to(
    config: &SiteConfig,
    urls: &Urls,
    open: &[Entry],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut head = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<source>\n");
    let _ = writeln!(
        head,
        "  <publisher>{}</publisher>",
        cdata(&config.company.name)
    );
    let _ = writeln!(
        head,
        "  <publisherurl>{}</publisherurl>",
        cdata(&urls.base_url)
    );
    if let Some(newest) = open.iter().map(Entry::updated).max() {
        let _ = writeln!(head, "  <lastBuildDate>{}</lastBuildDate>", rfc822(newest));
    }
    out.write_all(head.as_bytes())?;
    for entry in open {
        let html = super::absolute_links(entry.html, urls);
        let entry = Entry {
            html: &html,
            ..*entry
        };
        out.write_all(jobs(config, &entry).as_bytes())?;
    }
    out.write_all(b"</source>\n")
}

/// The `<job>` element(s) of one posting: one per location when it has several.
pub fn jobs(config: &SiteConfig, entry: &Entry) -> String {
    let locations = &entry.posting.locations;
    let mut out = String::with_capacity((entry.html.len() + 1024) * locations.len().max(1));
    let base = reference_number(entry);
    if locations.len() <= 1 {
        write_job(&mut out, config, entry, &base, locations.first());
    } else {
        for (l, view) in locations.iter().zip(&entry.view.locations) {
            let reference = format!("{base}-{}", view.slug);
            write_job(&mut out, config, entry, &reference, Some(l));
        }
    }
    out
}

/// Appends `<name>` with `value` in CDATA, unless the value is blank.
fn field(out: &mut String, name: &str, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        raw_field(out, name, value);
    }
}

/// Appends `<name>` with `value` (as it is) in CDATA.
fn raw_field(out: &mut String, name: &str, value: &str) {
    out.push_str("    <");
    out.push_str(name);
    out.push('>');
    push_cdata(out, value);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

fn write_job(
    out: &mut String,
    config: &SiteConfig,
    entry: &Entry,
    reference: &str,
    location: Option<&Location>,
) {
    let (p, view) = (entry.posting, entry.view);
    out.push_str("  <job>\n");
    field(out, "title", &p.title);
    let mut date = String::with_capacity(32);
    date.push_str(&rfc822(p.date_posted));
    field(out, "date", &date);
    field(out, "referencenumber", reference);
    raw_field(out, "url", &view.permalink);
    let client = p
        .facts
        .hiring_organization
        .as_ref()
        .map(|o| o.name.as_str());
    field(out, "company", client.unwrap_or(&config.company.name));
    let remote_country = || {
        p.remote_regions.iter().find_map(|r| {
            let r = r.trim();
            codes::country_name(&r.to_ascii_uppercase())
                .filter(|_| r.len() == 2)
                .map(|_| r.to_ascii_uppercase())
                .or_else(|| codes::country_code_for_name(r).map(str::to_string))
        })
    };
    match location {
        Some(l) => {
            field(out, "city", &l.city);
            field(out, "state", &l.region);
            field(out, "country", &l.country);
            field(out, "postalcode", &l.postal_code);
            field(out, "streetaddress", &l.street);
        }
        None => field(out, "country", &remote_country().unwrap_or_default()),
    }
    if let Some(Apply::Email(email)) = p.apply.as_ref().or(config.apply.as_ref()) {
        field(out, "email", email);
    }
    raw_field(out, "description", entry.html);
    if let Some(salary) = &view.salary {
        field(out, "salary", &salary.label);
    }
    let mut types: Vec<&str> = Vec::new();
    for t in p.employment_types.iter().filter_map(|&t| job_type(t)) {
        if !types.contains(&t) {
            types.push(t);
        }
    }
    field(out, "jobtype", &types.join(", "));
    field(out, "category", &p.department);
    match p.workplace {
        Workplace::Remote => field(out, "remotetype", "Fully remote"),
        Workplace::Hybrid => field(out, "remotetype", "Hybrid remote"),
        Workplace::Onsite => {}
    }
    out.push_str("  </job>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc822() {
        assert_eq!(
            rfc822(jiff::civil::date(2026, 10, 14)),
            "Wed, 14 Oct 2026 00:00:00 GMT"
        );
    }
}
