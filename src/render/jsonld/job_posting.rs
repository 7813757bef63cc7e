//! The `JobPosting` object of an open posting, written straight as HTML-safe JSON. Members
//! are written in byte order of their keys, the order serde_json's map gave them before.

use crate::config::SiteConfig;
use crate::content::codes;
use crate::content::model::{PayPeriod, Posting, Salary, Workplace};
use crate::render::feeds::json::Json;
use crate::render::urls::Urls;
use crate::render::views::{JobView, LocationView};

use super::{description, end_of_day};

/// Everything a posting's `JobPosting` is made from; written by [`super::script`].
pub struct JobPosting<'a> {
    /// The posting's view (labels, URLs).
    pub job: &'a JobView,
    /// The posting as written.
    pub posting: &'a Posting,
    /// Its rendered body.
    pub body_html: &'a str,
    /// Site settings (company, timezone).
    pub config: &'a SiteConfig,
    /// URLs under the effective base URL.
    pub urls: &'a Urls,
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

/// One item as itself, several (or none) as an array (how Google's examples write them).
fn one_or_many<T>(j: &mut Json, items: &[T], mut write: impl FnMut(&mut Json, &T)) {
    if let [only] = items {
        write(j, only);
    } else {
        j.begin_array();
        for item in items {
            write(j, item);
        }
        j.end_array();
    }
}

impl JobPosting<'_> {
    /// Writes the object.
    pub fn write(&self, j: &mut Json) {
        let JobPosting {
            job,
            posting,
            config,
            ..
        } = *self;
        j.begin_object();
        j.key("@context").string("https://schema.org/");
        j.key("@type").string("JobPosting");
        let remote = posting.workplace == Workplace::Remote;
        if remote && !posting.remote_regions.is_empty() {
            j.key("applicantLocationRequirements");
            one_or_many(j, &posting.remote_regions, |j, r| region(j, r));
        }
        if let Some(s) = &posting.salary {
            j.key("baseSalary");
            base_salary(j, s);
        }
        j.key("datePosted").string(&job.date_posted);
        j.key("description")
            .string(&description::google_description(self.body_html));
        j.key("directApply").bool(self.is_direct_apply());
        j.key("employmentType");
        one_or_many(j, &job.employment_types, |j, t| j.string(google_type(t.id)));
        j.key("hiringOrganization");
        self.organization(j);
        if !job.reference.is_empty() {
            j.key("identifier").begin_object();
            j.key("@type").string("PropertyValue");
            j.key("name").string(&config.company.name);
            j.key("value").string(&job.reference);
            j.end_object();
        }
        if !job.locations.is_empty() {
            j.key("jobLocation");
            one_or_many(j, &job.locations, place);
        }
        if remote {
            j.key("jobLocationType").string("TELECOMMUTE");
        }
        j.key("title").string(&job.title);
        j.key("url").string(&job.permalink);
        if let Some(until) = posting.valid_through {
            j.key("validThrough")
                .string(&end_of_day(until, &config.timezone));
        }
        j.end_object();
    }

    /// The company: logo, name, and website and profiles as `sameAs`.
    fn organization(&self, j: &mut Json) {
        let company = &self.config.company;
        j.begin_object();
        j.key("@type").string("Organization");
        if let Some(logo) = &company.logo {
            j.key("logo").string(&self.urls.asset(logo));
        }
        j.key("name").string(&company.name);
        let same_as: Vec<&String> = company.url.iter().chain(&company.same_as).collect();
        if !same_as.is_empty() {
            j.key("sameAs");
            one_or_many(j, &same_as, |j, url| j.string(url));
        }
        j.end_object();
    }

    /// Whether applying happens on this site: an apply URL under the site's base URL.
    fn is_direct_apply(&self) -> bool {
        self.job.apply.as_ref().is_some_and(|a| {
            a.kind == "url"
                && (a.href.starts_with(&self.urls.base_url)
                    || a.href.starts_with(&self.config.base_url))
        })
    }
}

/// A `Place` with a `PostalAddress` holding every part that is known.
fn place(j: &mut Json, l: &LocationView) {
    j.begin_object();
    j.key("@type").string("Place");
    j.key("address").begin_object();
    j.key("@type").string("PostalAddress");
    for (key, value) in [
        ("addressCountry", &l.country),
        ("addressLocality", &l.city),
        ("addressRegion", &l.region),
        ("postalCode", &l.postal_code),
        ("streetAddress", &l.street),
    ] {
        let value = value.trim();
        if !value.is_empty() {
            j.key(key).string(value);
        }
    }
    j.end_object();
    j.end_object();
}

/// A remote region: a `Country` when it names one (ISO code or English name), otherwise an
/// `AdministrativeArea` carrying the text as written ("EU", "Europe").
pub(super) fn region(j: &mut Json, text: &str) {
    let text = text.trim();
    let name = codes::country_name(&text.to_ascii_uppercase())
        .filter(|_| text.len() == 2)
        .or_else(|| codes::country_code_for_name(text).and_then(codes::country_name));
    let (kind, name) = match name {
        Some(name) => ("Country", name),
        None => ("AdministrativeArea", text),
    };
    j.begin_object();
    j.key("@type").string(kind);
    j.key("name").string(name);
    j.end_object();
}

/// `baseSalary`: a `MonetaryAmount` whose `QuantitativeValue` has the range and period.
fn base_salary(j: &mut Json, s: &Salary) {
    j.begin_object();
    j.key("@type").string("MonetaryAmount");
    j.key("currency").string(&s.currency);
    j.key("value").begin_object();
    j.key("@type").string("QuantitativeValue");
    let single = match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => Some(lo),
        (lo, hi) => {
            if let Some(hi) = hi {
                number(j.key("maxValue"), hi);
            }
            if let Some(lo) = lo {
                number(j.key("minValue"), lo);
            }
            None
        }
    };
    j.key("unitText").string(match s.period {
        PayPeriod::Hour => "HOUR",
        PayPeriod::Day => "DAY",
        PayPeriod::Week => "WEEK",
        PayPeriod::Month => "MONTH",
        PayPeriod::Year => "YEAR",
    });
    if let Some(amount) = single {
        number(j.key("value"), amount);
    }
    j.end_object();
    j.end_object();
}

/// A figure as a JSON number, without a trailing `.0` for whole amounts.
fn number(j: &mut Json, n: f64) {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        j.int(n as i64);
    } else {
        j.float(n);
    }
}
