//! `/linkedin.xml`: LinkedIn's Basic Jobs XML feed (`feeds: {linkedin: true}`). Text is in
//! CDATA as in the Indeed feed; a posting with several locations becomes one `<job>` per
//! location, as LinkedIn takes one location per job, with the same ids as Indeed's.

use std::fmt::Write as _;

use crate::config::SiteConfig;
use crate::content::facts::Seniority;
use crate::content::job_boards::{job_ids, location_line, remote_country};
use crate::content::model::{Apply, EmploymentType, Location, Workplace};
use crate::render::feeds::Entry;
use crate::render::feeds::indeed::iso8601;
use crate::render::feeds::xml::{cdata, push_cdata};
use crate::render::urls::Urls;

/// LinkedIn's `jobtype` for an employment type.
fn job_type(t: EmploymentType) -> &'static str {
    match t {
        EmploymentType::FullTime => "FULL_TIME",
        EmploymentType::PartTime => "PART_TIME",
        EmploymentType::Contract => "CONTRACT",
        EmploymentType::Temporary | EmploymentType::PerDiem => "TEMPORARY",
        EmploymentType::Intern => "INTERNSHIP",
        EmploymentType::Volunteer => "VOLUNTEER",
        EmploymentType::Other => "OTHER",
    }
}

/// LinkedIn's `experienceLevel` for a seniority.
fn experience_level(s: Seniority) -> &'static str {
    match s {
        Seniority::Intern => "INTERNSHIP",
        Seniority::Entry | Seniority::Junior => "ENTRY_LEVEL",
        Seniority::Mid => "ASSOCIATE",
        Seniority::Senior
        | Seniority::Staff
        | Seniority::Principal
        | Seniority::Lead
        | Seniority::Manager => "MID_SENIOR_LEVEL",
        Seniority::Director => "DIRECTOR",
        Seniority::Executive => "EXECUTIVE",
    }
}

/// LinkedIn's `workplaceTypes` value.
fn workplace_type(w: Workplace) -> &'static str {
    match w {
        Workplace::Onsite => "On-site",
        Workplace::Hybrid => "Hybrid",
        Workplace::Remote => "Remote",
    }
}

/// Writes `/linkedin.xml` for the open postings into `out`, one posting at a time.
pub fn render_to(
    config: &SiteConfig,
    urls: &Urls,
    open: &[Entry],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut head = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<source>\n");
    if let Some(newest) = open.iter().map(Entry::updated).max() {
        let built = iso8601(newest, &config.timezone);
        let _ = writeln!(head, "  <lastBuildDate>{built}</lastBuildDate>");
    }
    let _ = writeln!(
        head,
        "  <publisherUrl>{}</publisherUrl>",
        cdata(&urls.base_url)
    );
    let _ = writeln!(
        head,
        "  <publisher>{}</publisher>",
        cdata(&config.company.name)
    );
    let count: usize = open.iter().map(|e| job_ids(e.posting).len()).sum();
    let _ = writeln!(head, "  <expectedJobCount>{count}</expectedJobCount>");
    out.write_all(head.as_bytes())?;
    for entry in open {
        let html = super::absolute_links(entry.html, urls);
        let entry = Entry {
            html: &html,
            ..*entry
        };
        let mut text = String::with_capacity(entry.html.len() + 1024);
        for (id, location) in job_ids(entry.posting) {
            write_job(&mut text, config, &entry, &id, location);
        }
        out.write_all(text.as_bytes())?;
    }
    out.write_all(b"</source>\n")
}

/// Appends `<name>` with `value` in CDATA, unless the value is blank.
fn field(out: &mut String, name: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    let _ = write!(out, "    <{name}>");
    push_cdata(out, value);
    let _ = writeln!(out, "</{name}>");
}

/// One `<job>` for one location of a posting.
fn write_job(
    out: &mut String,
    config: &SiteConfig,
    entry: &Entry,
    id: &str,
    location: Option<&Location>,
) {
    let (p, view) = (entry.posting, entry.view);
    out.push_str("  <job>\n");
    field(out, "partnerJobId", id);
    let client = p
        .facts
        .hiring_organization
        .as_ref()
        .map(|o| o.name.as_str());
    field(out, "company", client.unwrap_or(&config.company.name));
    field(out, "title", &p.title);
    field(out, "description", entry.html);
    let apply = match p.apply.as_ref().or(config.apply.as_ref()) {
        Some(Apply::Url(url)) => url.as_str(),
        _ => view.permalink.as_str(),
    };
    field(out, "applyUrl", apply);
    field(
        out,
        "location",
        &location_line(p, location).unwrap_or_default(),
    );
    if let Some(l) = location {
        field(out, "city", &l.city);
        field(out, "state", &l.region);
        field(out, "country", &l.country);
        field(out, "postalCode", &l.postal_code);
    } else if let Some(country) = remote_country(p) {
        field(out, "country", &country);
    }
    field(out, "workplaceTypes", workplace_type(p.workplace));
    if let Some(&t) = p.employment_types.first() {
        field(out, "jobtype", job_type(t));
    }
    if let Some(&s) = p.facts.seniority.first() {
        field(out, "experienceLevel", experience_level(s));
    }
    out.push_str("  </job>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests_support::posting;

    #[test]
    fn locations_read_as_linkedin_expects() {
        let mut p = posting();
        let mut place = Location {
            city: "Austin".into(),
            region: "TX".into(),
            country: "US".into(),
            ..Location::default()
        };
        assert_eq!(
            location_line(&p, Some(&place)).as_deref(),
            Some("Austin, TX")
        );
        place.country = "DE".into();
        place.city = "Berlin".into();
        assert_eq!(
            location_line(&p, Some(&place)).as_deref(),
            Some("Berlin, Germany")
        );
        place.city.clear();
        assert_eq!(location_line(&p, Some(&place)).as_deref(), Some("Germany"));
        p.remote_regions = vec!["EU".into(), "FR".into()];
        assert_eq!(location_line(&p, None).as_deref(), Some("France"));
        p.remote_regions = vec!["worldwide".into()];
        assert_eq!(location_line(&p, None), None);
    }
}
