//! Structured data for search engines: `JobPosting` on open posting pages and `FAQPage`
//! on /faq/, built from the same views the visible page prints.

pub mod description;

use std::fmt::Write as _;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_json::{Map, Value, json};

use crate::config::SiteConfig;
use crate::content::codes;
use crate::content::model::{FaqGroup, Posting, Salary, Workplace};
use crate::render::urls::Urls;
use crate::render::views::{JobView, LocationView};

/// Google's case-sensitive employmentType values.
fn google_type(id: &str) -> &'static str {
    match id {
        "full_time" => "FULL_TIME",
        "part_time" => "PART_TIME",
        "contract" => "CONTRACTOR",
        "temporary" => "TEMPORARY",
        "intern" => "INTERN",
        "volunteer" => "VOLUNTEER",
        "per_diem" => "PER_DIEM",
        _ => "OTHER",
    }
}

/// The `JobPosting` object of an open posting; `body_html` is its rendered body.
pub fn job_posting(
    job: &JobView,
    posting: &Posting,
    body_html: &str,
    config: &SiteConfig,
    urls: &Urls,
) -> Value {
    let mut obj = Map::new();
    obj.insert("@context".into(), json!("https://schema.org/"));
    obj.insert("@type".into(), json!("JobPosting"));
    obj.insert("title".into(), json!(job.title));
    obj.insert(
        "description".into(),
        json!(description::google_description(body_html)),
    );
    obj.insert("datePosted".into(), json!(job.date_posted));
    if let Some(until) = posting.valid_through {
        obj.insert(
            "validThrough".into(),
            json!(end_of_day(until, &config.timezone)),
        );
    }
    let types: Vec<&str> = job
        .employment_types
        .iter()
        .map(|t| google_type(t.id))
        .collect();
    obj.insert("employmentType".into(), one_or_many(types));
    obj.insert("hiringOrganization".into(), organization(config, urls));
    obj.insert("url".into(), json!(job.permalink));
    if !job.reference.is_empty() {
        obj.insert(
            "identifier".into(),
            json!({"@type": "PropertyValue", "name": config.company.name, "value": job.reference}),
        );
    }
    let places: Vec<Value> = job.locations.iter().map(place).collect();
    if !places.is_empty() {
        obj.insert("jobLocation".into(), one_or_many(places));
    }
    if posting.workplace == Workplace::Remote {
        obj.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        let regions: Vec<Value> = posting.remote_regions.iter().map(|r| region(r)).collect();
        if !regions.is_empty() {
            obj.insert("applicantLocationRequirements".into(), one_or_many(regions));
        }
    }
    if let Some(s) = &posting.salary {
        obj.insert("baseSalary".into(), base_salary(s));
    }
    obj.insert(
        "directApply".into(),
        json!(is_direct_apply(job, config, urls)),
    );
    Value::Object(obj)
}

/// One value as itself, several as an array (how Google's examples write them).
fn one_or_many<T: Into<Value>>(mut items: Vec<T>) -> Value {
    if items.len() == 1 {
        items.remove(0).into()
    } else {
        Value::Array(items.into_iter().map(Into::into).collect())
    }
}

/// The last second of `day` in the site's timezone, with its UTC offset
/// (`2026-12-31T23:59:59+01:00`); the plain date if the zone cannot express it.
pub fn end_of_day(day: Date, tz: &TimeZone) -> String {
    let Ok(zoned) = day.at(23, 59, 59, 0).to_zoned_datetime(tz.clone()) else {
        return day.to_string();
    };
    let mut out = String::new();
    match write!(out, "{}", zoned.strftime("%Y-%m-%dT%H:%M:%S%:z")) {
        Ok(()) => out,
        Err(_) => day.to_string(),
    }
}

/// The company: name, website and profiles as `sameAs`, logo.
fn organization(config: &SiteConfig, urls: &Urls) -> Value {
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(config.company.name));
    let same_as: Vec<&str> = config
        .company
        .url
        .iter()
        .chain(&config.company.same_as)
        .map(String::as_str)
        .collect();
    if !same_as.is_empty() {
        org.insert("sameAs".into(), one_or_many(same_as));
    }
    if let Some(logo) = &config.company.logo {
        org.insert("logo".into(), json!(urls.asset(logo)));
    }
    Value::Object(org)
}

/// A `Place` with a `PostalAddress` holding every part that is known.
fn place(l: &LocationView) -> Value {
    let mut address = Map::new();
    address.insert("@type".into(), json!("PostalAddress"));
    for (key, value) in [
        ("streetAddress", &l.street),
        ("addressLocality", &l.city),
        ("addressRegion", &l.region),
        ("postalCode", &l.postal_code),
        ("addressCountry", &l.country),
    ] {
        if !value.trim().is_empty() {
            address.insert(key.into(), json!(value.trim()));
        }
    }
    json!({"@type": "Place", "address": Value::Object(address)})
}

/// A remote region: a `Country` when it names one (ISO code or English name), otherwise an
/// `AdministrativeArea` carrying the text as written ("EU", "Europe").
fn region(text: &str) -> Value {
    let text = text.trim();
    let upper = text.to_ascii_uppercase();
    let name = codes::country_name(&upper)
        .filter(|_| text.len() == 2)
        .or_else(|| codes::country_code_for_name(text).and_then(codes::country_name));
    match name {
        Some(name) => json!({"@type": "Country", "name": name}),
        None => json!({"@type": "AdministrativeArea", "name": text}),
    }
}

/// `baseSalary`: a `MonetaryAmount` whose `QuantitativeValue` has the range and period.
fn base_salary(s: &Salary) -> Value {
    let mut value = Map::new();
    value.insert("@type".into(), json!("QuantitativeValue"));
    match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => {
            value.insert("value".into(), number(lo));
        }
        (lo, hi) => {
            if let Some(lo) = lo {
                value.insert("minValue".into(), number(lo));
            }
            if let Some(hi) = hi {
                value.insert("maxValue".into(), number(hi));
            }
        }
    }
    value.insert("unitText".into(), json!(s.period.id().to_uppercase()));
    json!({"@type": "MonetaryAmount", "currency": s.currency, "value": Value::Object(value)})
}

/// A figure as a JSON number, without a trailing `.0` for whole amounts.
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

/// Whether applying happens on this site: an apply URL under the site's base URL.
fn is_direct_apply(job: &JobView, config: &SiteConfig, urls: &Urls) -> bool {
    job.apply.as_ref().is_some_and(|a| {
        a.kind == "url"
            && (a.href.starts_with(&urls.base_url) || a.href.starts_with(&config.base_url))
    })
}

/// The `FAQPage` object for /faq/; answers are their rendered HTML.
pub fn faq_page(groups: &[FaqGroup], answers: &[Vec<String>]) -> Value {
    let entities: Vec<Value> = groups
        .iter()
        .zip(answers)
        .flat_map(|(g, a)| g.questions.iter().zip(a.iter()))
        .map(|(q, answer)| json!({"@type": "Question", "name": q.question, "acceptedAnswer": {"@type": "Answer", "text": answer}}))
        .collect();
    json!({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities})
}

/// Wraps JSON-LD in a script tag, escaping `<` so no value can close the script early.
pub fn script(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + text.len() / 4 + 64);
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&crate::render::feeds::html_safe_json(text));
    out.push_str("</script>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_through_is_the_last_second_in_the_site_zone() {
        let berlin = TimeZone::get("Europe/Berlin").expect("tzdb has Berlin");
        assert_eq!(
            end_of_day(jiff::civil::date(2026, 12, 31), &berlin),
            "2026-12-31T23:59:59+01:00"
        );
        assert_eq!(
            end_of_day(jiff::civil::date(2026, 7, 1), &berlin),
            "2026-07-01T23:59:59+02:00"
        );
        assert_eq!(
            end_of_day(jiff::civil::date(2026, 7, 1), &TimeZone::UTC),
            "2026-07-01T23:59:59+00:00"
        );
    }

    #[test]
    fn remote_regions_become_countries_when_they_name_one() {
        assert_eq!(region("de"), json!({"@type": "Country", "name": "Germany"}));
        assert_eq!(
            region("Netherlands"),
            json!({"@type": "Country", "name": "Netherlands"})
        );
        assert_eq!(
            region("EU"),
            json!({"@type": "AdministrativeArea", "name": "EU"})
        );
    }
}
