//! `/jobs.json`: every open posting with all its structured fields, in a stable,
//! versioned schema (see docs/output-files.md). Fields are only ever added within a
//! version; renaming or removing one means a new `version`.

use std::borrow::Cow;

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::facts::{Amount, Facts, Organization, RequiredLanguage, Seniority, Start};
use crate::content::model::{Apply, Location, Salary};
use crate::render::feeds::{Entry, absolute_links};
use crate::render::urls::Urls;

/// The schema version written in the file.
pub const VERSION: u32 = 2;

/// The whole file.
#[derive(Serialize)]
pub struct JobsFile<'a> {
    /// Schema version ([`VERSION`]).
    pub version: u32,
    /// The site the postings belong to.
    pub site: SiteInfo<'a>,
    /// Newest `date_updated`/`date_posted` of the postings (`null` when there are none).
    pub updated: Option<String>,
    /// Open postings, in listing order (department, newest first, title).
    pub jobs: Jobs<'a>,
}

/// The open postings, each made into a [`Job`] as it is written.
pub struct Jobs<'a> {
    open: &'a [Entry<'a>],
    config: &'a SiteConfig,
    urls: &'a Urls,
}

impl Serialize for Jobs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.open.iter().map(|e| job(e, self.config, self.urls)))
    }
}

/// Who publishes the postings.
#[derive(Serialize)]
pub struct SiteInfo<'a> {
    /// Site title.
    pub title: &'a str,
    /// Absolute base URL.
    pub url: &'a str,
    /// Company name.
    pub company: &'a str,
}

/// One open posting.
#[derive(Serialize)]
pub struct Job<'a> {
    /// Stable id: the slug (unique within the site).
    pub id: &'a str,
    /// The posting's `reference`, if given.
    pub reference: Option<&'a str>,
    /// Job title.
    pub title: &'a str,
    /// The language the posting is written in (BCP 47).
    pub language: &'a str,
    /// Absolute URL of the posting page.
    pub url: &'a str,
    /// Department name.
    pub department: &'a str,
    /// Team, if given.
    pub team: Option<&'a str>,
    /// Where the job is based.
    pub locations: Vec<JobLocation<'a>>,
    /// `onsite`, `hybrid` or `remote`.
    pub workplace: &'static str,
    /// Where a remote hire may live: each as written, its code and the countries it covers.
    pub remote_regions: Vec<JobRegion<'a>>,
    /// Front-matter ids: `full_time`, `part_time`, `contract`, …
    pub employment_types: Vec<&'static str>,
    /// The pay range that applies (the first without a label, else the first), if published.
    pub salary: Option<JobSalary<'a>>,
    /// Every pay range as published, each with its `label`.
    pub salaries: Vec<JobSalary<'a>>,
    /// Commission, tips, bonus and equity.
    pub pay: &'a crate::content::facts::PayTerms,
    /// Seniority levels (ids), in career order.
    pub seniority: &'a [Seniority],
    /// Weekly hours `{min, max}`, if given.
    pub hours_per_week: Option<crate::content::facts::Hours>,
    /// `asap` or YYYY-MM-DD, if given.
    pub start_date: Option<String>,
    /// People hired, if given.
    pub openings: Option<u32>,
    /// Whether a work visa is sponsored, if said.
    pub visa_sponsorship: Option<bool>,
    /// Who may work in the role, if given.
    pub work_authorization: Option<&'a str>,
    /// Security clearance required, if any.
    pub security_clearance: Option<&'a str>,
    /// Languages applicants must speak, each `{language, level}`.
    pub required_languages: &'a [RequiredLanguage],
    /// Percent of working time (a number) or words, if given.
    pub travel: Option<&'a Amount>,
    /// Months of experience (a number) or words, if given.
    pub experience: Option<&'a Amount>,
    /// `high_school`, `associate`, `bachelor`, `master`, `doctorate` or
    /// `professional_certificate`, if given.
    pub education: Option<&'static str>,
    /// Time zones of a remote role, if given.
    pub timezones: Option<&'a str>,
    /// The client an agency hires for, if any.
    pub hiring_organization: Option<&'a Organization>,
    /// YYYY-MM-DD.
    pub date_posted: String,
    /// YYYY-MM-DD, if given.
    pub date_updated: Option<String>,
    /// Last day to apply (YYYY-MM-DD), if given.
    pub valid_through: Option<String>,
    /// Open until filled.
    pub evergreen: bool,
    /// How to apply (the posting's, else the site's).
    pub apply: Option<JobApply>,
    /// Plain-text teaser.
    pub summary: &'a str,
    /// Free tags.
    pub tags: &'a [String],
    /// The rendered body, site-rooted links made absolute.
    pub description_html: Cow<'a, str>,
}

/// A remote region as written, understood.
#[derive(Serialize)]
pub struct JobRegion<'a> {
    /// As written in the posting.
    pub name: &'a str,
    /// `worldwide`, a group (`EU`, `EMEA`, `NORAM` …), a country (`DE`) or a state or
    /// province (`US-CA`).
    pub code: &'static str,
    /// The ISO 3166-1 codes it covers (empty for worldwide).
    pub countries: &'static [&'static str],
}

/// A location; unknown parts are `null`.
#[derive(Serialize)]
pub struct JobLocation<'a> {
    /// Street address.
    pub street: Option<&'a str>,
    /// City.
    pub city: Option<&'a str>,
    /// State or region.
    pub region: Option<&'a str>,
    /// Postal code.
    pub postal_code: Option<&'a str>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<&'a str>,
}

/// A pay range.
#[derive(Serialize)]
pub struct JobSalary<'a> {
    /// Lowest.
    pub min: Option<f64>,
    /// Highest.
    pub max: Option<f64>,
    /// ISO 4217 code.
    pub currency: &'a str,
    /// `hour`, `day`, `week`, `month` or `year`.
    pub period: &'static str,
    /// Free text, if given.
    pub note: Option<&'a str>,
    /// What the range is for ("GS-14"), if given.
    pub label: Option<&'a str>,
}

/// How to apply: exactly one of `url` (absolute) and `email` is set.
#[derive(Serialize)]
pub struct JobApply {
    /// Application form.
    pub url: Option<String>,
    /// Address to send applications to.
    pub email: Option<String>,
}

fn non_empty(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty()).then_some(text)
}

fn location(l: &Location) -> JobLocation<'_> {
    JobLocation {
        street: non_empty(&l.street),
        city: non_empty(&l.city),
        region: non_empty(&l.region),
        postal_code: non_empty(&l.postal_code),
        country: non_empty(&l.country),
    }
}

/// A pay range as the schema writes it.
fn salary(s: &Salary) -> JobSalary<'_> {
    JobSalary {
        min: s.min,
        max: s.max,
        currency: &s.currency,
        period: s.period.id(),
        note: non_empty(&s.note),
        label: s.label.as_deref(),
    }
}

/// Builds the schema value of one posting.
pub fn job<'a>(entry: &Entry<'a>, config: &'a SiteConfig, urls: &Urls) -> Job<'a> {
    let p = entry.posting;
    let f: &Facts = &p.facts;
    let apply = p.apply.as_ref().or(config.apply.as_ref()).map(|a| match a {
        Apply::Url(u) => JobApply {
            url: Some(urls.asset(u)),
            email: None,
        },
        Apply::Email(e) => JobApply {
            url: None,
            email: Some(e.clone()),
        },
    });
    Job {
        id: &p.slug,
        reference: p.reference.as_deref().and_then(non_empty),
        title: &p.title,
        language: &entry.view.language,
        url: &entry.view.permalink,
        department: &p.department,
        team: p.team.as_deref().and_then(non_empty),
        locations: p.locations.iter().map(location).collect(),
        workplace: p.workplace.id(),
        remote_regions: p
            .remote_regions
            .iter()
            .filter_map(|name| {
                let region = crate::content::regions::parse(name)?;
                Some(JobRegion {
                    name,
                    code: region.code,
                    countries: region.countries,
                })
            })
            .collect(),
        employment_types: p.employment_types.iter().map(|t| t.id()).collect(),
        salary: p.salary().map(salary),
        salaries: p.salaries.iter().map(salary).collect(),
        pay: &p.pay,
        seniority: &f.seniority,
        hours_per_week: f.hours_per_week,
        start_date: f.start.map(|s| match s {
            Start::Asap => "asap".to_string(),
            Start::On(date) => date.to_string(),
        }),
        openings: f.openings,
        visa_sponsorship: f.visa_sponsorship,
        work_authorization: f.work_authorization.as_deref(),
        security_clearance: f.security_clearance.as_deref(),
        required_languages: &f.required_languages,
        travel: f.travel.as_ref(),
        experience: f.experience.as_ref(),
        education: f.education.map(|e| e.id()),
        timezones: f.timezones.as_deref(),
        hiring_organization: f.hiring_organization.as_ref(),
        date_posted: p.date_posted.to_string(),
        date_updated: p.date_updated.map(|d| d.to_string()),
        valid_through: p.valid_through.map(|d| d.to_string()),
        evergreen: p.evergreen,
        apply,
        summary: &entry.view.summary,
        tags: &p.tags,
        description_html: absolute_links(entry.html, urls),
    }
}

/// Writes `/jobs.json` for the open postings into `out`, pretty-printed and HTML-safe.
pub fn render_to(
    config: &SiteConfig,
    urls: &Urls,
    open: &[Entry],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let file = JobsFile {
        version: VERSION,
        site: SiteInfo {
            title: &config.title,
            url: &urls.base_url,
            company: &config.company.name,
        },
        updated: open.iter().map(Entry::updated).max().map(|d| d.to_string()),
        jobs: Jobs { open, config, urls },
    };
    crate::render::json::write(out, &file, true)?;
    out.write_all(b"\n")
}
