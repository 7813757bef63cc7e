//! The `JobPosting` object of an open posting, as derived serde structs. Members are in
//! byte order of their keys, then those of the posting's optional facts (`facts.rs`).

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::codes;
use crate::content::model::{PayPeriod, Posting, Salary, Workplace};
use crate::content::regions::{self, RegionKind};
use crate::render::urls::Urls;
use crate::render::views::{JobView, LocationView};

use super::facts::{FactsLd, facts_ld};
use super::{description, end_of_day};

/// Google's `JobPosting`, as written into the page.
#[derive(Serialize)]
pub struct JobPosting<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "applicantLocationRequirements")]
    #[serde(skip_serializing_if = "Option::is_none")]
    applicant_location: Option<OneOrMany<Named<'a>>>,
    #[serde(rename = "baseSalary", skip_serializing_if = "Option::is_none")]
    base_salary: Option<MonetaryAmount<'a>>,
    #[serde(rename = "datePosted")]
    date_posted: &'a str,
    description: String,
    #[serde(rename = "directApply")]
    direct_apply: bool,
    #[serde(rename = "employmentType")]
    employment_type: OneOrMany<&'static str>,
    #[serde(rename = "hiringOrganization")]
    hiring_organization: Organization<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<Identifier<'a>>,
    #[serde(rename = "jobLocation", skip_serializing_if = "Option::is_none")]
    job_location: Option<OneOrMany<Place<'a>>>,
    #[serde(rename = "jobLocationType", skip_serializing_if = "Option::is_none")]
    job_location_type: Option<&'static str>,
    title: &'a str,
    url: &'a str,
    #[serde(rename = "validThrough", skip_serializing_if = "Option::is_none")]
    valid_through: Option<String>,
    #[serde(flatten)]
    facts: FactsLd<'a>,
}

/// One item as itself, several (or none) as an array (how Google's examples write them).
#[derive(Serialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    fn new(mut items: Vec<T>) -> Self {
        match items.len() {
            1 => OneOrMany::One(items.remove(0)),
            _ => OneOrMany::Many(items),
        }
    }
}

/// A schema.org thing with a type and a name (a country, an area).
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// The company.
#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<String>,
    name: &'a str,
    #[serde(rename = "sameAs", skip_serializing_if = "Option::is_none")]
    same_as: Option<OneOrMany<&'a str>>,
}

/// The posting's reference number.
#[derive(Serialize)]
struct Identifier<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    value: &'a str,
}

/// A `Place` with a `PostalAddress`.
#[derive(Serialize)]
struct Place<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: Address<'a>,
}

/// Every part of an address that is known.
#[derive(Serialize)]
struct Address<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "addressCountry", skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(rename = "addressLocality", skip_serializing_if = "Option::is_none")]
    locality: Option<&'a str>,
    #[serde(rename = "addressRegion", skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
    #[serde(rename = "postalCode", skip_serializing_if = "Option::is_none")]
    postal_code: Option<&'a str>,
    #[serde(rename = "streetAddress", skip_serializing_if = "Option::is_none")]
    street: Option<&'a str>,
}

/// `baseSalary`: a `MonetaryAmount` whose `QuantitativeValue` has the range and period.
#[derive(Serialize)]
struct MonetaryAmount<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    currency: &'a str,
    value: QuantitativeValue,
}

/// A pay range or a single figure, per period.
#[derive(Serialize)]
struct QuantitativeValue {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "maxValue", skip_serializing_if = "Option::is_none")]
    max: Option<Amount>,
    #[serde(rename = "minValue", skip_serializing_if = "Option::is_none")]
    min: Option<Amount>,
    #[serde(rename = "unitText")]
    unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Amount>,
}

/// A figure: whole amounts without a trailing `.0`.
#[derive(Serialize)]
#[serde(untagged)]
enum Amount {
    Whole(i64),
    Fraction(f64),
}

impl From<f64> for Amount {
    fn from(n: f64) -> Self {
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            Amount::Whole(n as i64)
        } else {
            Amount::Fraction(n)
        }
    }
}

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

/// The `JobPosting` of an open posting; `body_html` is its rendered body.
pub fn job_posting<'a>(
    job: &'a JobView,
    posting: &'a Posting,
    body_html: &str,
    config: &'a SiteConfig,
    urls: &Urls,
) -> JobPosting<'a> {
    let remote = posting.workplace == Workplace::Remote;
    let regions = applicant_locations(&posting.remote_regions);
    let types = job.employment_types.iter().map(|t| google_type(t.id));
    JobPosting {
        context: "https://schema.org/",
        kind: "JobPosting",
        applicant_location: (remote && !regions.is_empty()).then(|| OneOrMany::new(regions)),
        base_salary: posting.salary().map(base_salary),
        date_posted: &job.date_posted,
        description: with_remote_statement(description::google_description(body_html), job),
        direct_apply: is_direct_apply(job, config, urls),
        employment_type: OneOrMany::new(types.collect()),
        hiring_organization: match &posting.facts.hiring_organization {
            Some(client) => Organization {
                kind: "Organization",
                logo: client.logo.as_ref().map(|logo| urls.asset(logo)),
                name: &client.name,
                same_as: client.url.as_deref().map(OneOrMany::One),
            },
            None => organization(config, urls),
        },
        identifier: (!job.reference.is_empty()).then(|| Identifier {
            kind: "PropertyValue",
            name: &config.company.name,
            value: &job.reference,
        }),
        job_location: (!job.locations.is_empty())
            .then(|| OneOrMany::new(job.locations.iter().map(place).collect())),
        job_location_type: remote.then_some("TELECOMMUTE"),
        title: &job.title,
        url: &job.permalink,
        valid_through: posting
            .valid_through
            .map(|until| end_of_day(until, &config.timezone)),
        facts: facts_ld(posting, job),
    }
}

/// The company: logo, name, and website and profiles as `sameAs`.
fn organization<'a>(config: &'a SiteConfig, urls: &Urls) -> Organization<'a> {
    let company = &config.company;
    let same_as: Vec<&str> = company
        .url
        .iter()
        .chain(&company.same_as)
        .map(String::as_str)
        .collect();
    Organization {
        kind: "Organization",
        logo: company.logo.as_ref().map(|logo| urls.asset(logo)),
        name: &company.name,
        same_as: (!same_as.is_empty()).then(|| OneOrMany::new(same_as)),
    }
}

/// Whether applying happens on this site: an apply URL under the site's base URL.
fn is_direct_apply(job: &JobView, config: &SiteConfig, urls: &Urls) -> bool {
    job.apply.as_ref().is_some_and(|a| {
        a.kind == "url"
            && (a.href.starts_with(&urls.base_url) || a.href.starts_with(&config.base_url))
    })
}

/// A part of an address, when it is known.
fn known(value: &str) -> Option<&str> {
    Some(value.trim()).filter(|v| !v.is_empty())
}

/// A `Place` with a `PostalAddress` holding every part that is known.
fn place(l: &LocationView) -> Place<'_> {
    Place {
        kind: "Place",
        address: Address {
            kind: "PostalAddress",
            country: known(&l.country),
            locality: known(&l.city),
            region: known(&l.region),
            postal_code: known(&l.postal_code),
            street: known(&l.street),
        },
    }
}

/// The description with, for a fully remote posting, a last paragraph saying so and where the
/// hire may live, as Google asks of `TELECOMMUTE` postings.
fn with_remote_statement(mut description: String, job: &JobView) -> String {
    if !job.remote_statement.is_empty() {
        let mut escaped = Vec::new();
        // Writing into memory cannot fail.
        let _ = crate::render::theme::escape_html(&job.remote_statement, &mut escaped);
        description.push_str("\n<p>");
        description.push_str(&String::from_utf8_lossy(&escaped));
        description.push_str("</p>");
    }
    description
}

/// `applicantLocationRequirements`: every country the remote regions cover (a group expanded,
/// each country once) and the states and provinces as themselves; none for worldwide, which
/// Google reads as open to all when the property is left out.
fn applicant_locations(written: &[String]) -> Vec<Named<'static>> {
    let parsed: Vec<_> = written.iter().filter_map(|t| regions::parse(t)).collect();
    if parsed.iter().any(|r| r.kind == RegionKind::Worldwide) {
        return Vec::new();
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for r in parsed {
        if r.kind == RegionKind::Subdivision {
            out.push(Named {
                kind: "State",
                name: r.name,
            });
            continue;
        }
        for code in r.countries {
            if seen.insert(*code) {
                out.push(Named {
                    kind: "Country",
                    name: codes::country_name(code).unwrap_or(code),
                });
            }
        }
    }
    out
}

/// `baseSalary` of a pay range: one `value` when both ends are the same.
fn base_salary(s: &Salary) -> MonetaryAmount<'_> {
    let (max, min, value) = match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => (None, None, Some(lo.into())),
        (lo, hi) => (hi.map(Amount::from), lo.map(Amount::from), None),
    };
    let unit = match s.period {
        PayPeriod::Hour => "HOUR",
        PayPeriod::Day => "DAY",
        PayPeriod::Week => "WEEK",
        PayPeriod::Month => "MONTH",
        PayPeriod::Year => "YEAR",
    };
    MonetaryAmount {
        kind: "MonetaryAmount",
        currency: &s.currency,
        value: QuantitativeValue {
            kind: "QuantitativeValue",
            max,
            min,
            unit,
            value,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_regions_become_the_countries_they_cover() {
        let names = |written: &[&str]| {
            let written: Vec<String> = written.iter().map(|s| s.to_string()).collect();
            crate::render::json::compact(&applicant_locations(&written))
        };
        assert_eq!(names(&["de"]), r#"[{"@type":"Country","name":"Germany"}]"#);
        assert_eq!(
            names(&["DACH", "Germany"]),
            r#"[{"@type":"Country","name":"Germany"},{"@type":"Country","name":"Austria"},{"@type":"Country","name":"Switzerland"}]"#
        );
        assert_eq!(
            names(&["California"]),
            r#"[{"@type":"State","name":"California"}]"#
        );
        assert_eq!(names(&["EU", "worldwide"]), "[]");
        assert_eq!(names(&["EU"]).matches("Country").count(), 27);
    }
}
