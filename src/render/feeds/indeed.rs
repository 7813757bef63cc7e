//! `/indeed.xml`: the XML feed Indeed reads (`feeds: {indeed: true}`). Every text field is
//! in CDATA, so no HTML entities appear in titles or names; a posting with several
//! locations becomes one `<job>` per location, as Indeed asks, all sharing one
//! `requisitionid`.

use std::fmt::Write as _;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::config::SiteConfig;
use crate::content::facts;
use crate::content::job_boards::{job_ids, reference_number, remote_country};
use crate::content::model::{Apply, EmploymentType, Location, Workplace};
use crate::render::feeds::Entry;
use crate::render::feeds::xml::{cdata, push_cdata};
use crate::render::jsonld::end_of_day;
use crate::render::urls::Urls;

/// Midnight of a day in the site's time zone, in ISO 8601 with its offset
/// (`2026-10-14T00:00:00+02:00`), as Indeed recommends.
pub fn iso8601(date: Date, tz: &TimeZone) -> String {
    match date.to_zoned_datetime(tz.clone()) {
        Ok(zoned) => zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        Err(_) => format!("{date}T00:00:00Z"),
    }
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
        let _ = writeln!(
            head,
            "  <lastBuildDate>{}</lastBuildDate>",
            iso8601(newest, &config.timezone)
        );
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
    let ids = job_ids(entry.posting);
    let mut out = String::with_capacity((entry.html.len() + 1024) * ids.len());
    let requisition = reference_number(entry.posting);
    for (reference, location) in &ids {
        write_job(
            &mut out,
            config,
            entry,
            [&requisition, reference],
            *location,
        );
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

/// How much experience a posting asks for ("3 years", "18 months"), or HR's words for it.
fn experience(amount: &facts::Amount) -> String {
    match amount {
        facts::Amount::Number(12) => "1 year".into(),
        facts::Amount::Number(months) if months % 12 == 0 => format!("{} years", months / 12),
        facts::Amount::Number(1) => "1 month".into(),
        facts::Amount::Number(months) => format!("{months} months"),
        facts::Amount::Text(text) => text.clone(),
    }
}

/// One `<job>`; `ids` are the requisition id and this job's reference number.
fn write_job(
    out: &mut String,
    config: &SiteConfig,
    entry: &Entry,
    [requisition, reference]: [&str; 2],
    location: Option<&Location>,
) {
    let (p, view) = (entry.posting, entry.view);
    out.push_str("  <job>\n");
    field(out, "title", &p.title);
    field(out, "date", &iso8601(p.date_posted, &config.timezone));
    field(out, "referencenumber", reference);
    field(out, "requisitionid", requisition);
    raw_field(out, "url", &view.permalink);
    let client = p
        .facts
        .hiring_organization
        .as_ref()
        .map(|o| o.name.as_str());
    field(out, "company", client.unwrap_or(&config.company.name));
    match location {
        Some(l) => {
            field(out, "city", &l.city);
            field(out, "state", &l.region);
            field(out, "country", &l.country);
            field(out, "postalcode", &l.postal_code);
            field(out, "streetaddress", &l.street);
        }
        None => field(out, "country", &remote_country(p).unwrap_or_default()),
    }
    if let Some(Apply::Email(email)) = p.apply.as_ref().or(config.apply.as_ref()) {
        field(out, "email", email);
    }
    raw_field(out, "description", entry.html);
    if let Some(salary) = &view.salary {
        field(out, "salary", &salary.label);
    }
    if let Some(education) = p.facts.education {
        field(out, "education", education.credential_category());
    }
    let mut types: Vec<&str> = Vec::new();
    for t in p.employment_types.iter().filter_map(|&t| job_type(t)) {
        if !types.contains(&t) {
            types.push(t);
        }
    }
    field(out, "jobtype", &types.join(", "));
    field(out, "category", &p.department);
    if let Some(amount) = &p.facts.experience {
        field(out, "experience", &experience(amount));
    }
    if let Some(until) = p.valid_through {
        field(out, "expirationdate", &end_of_day(until, &config.timezone));
    }
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
    fn dates_are_iso8601_at_midnight_where_the_site_is() {
        let day = jiff::civil::date(2026, 10, 14);
        assert_eq!(iso8601(day, &TimeZone::UTC), "2026-10-14T00:00:00+00:00");
        let berlin = TimeZone::get("Europe/Berlin").expect("tzdb has Berlin");
        assert_eq!(iso8601(day, &berlin), "2026-10-14T00:00:00+02:00");
    }
}
