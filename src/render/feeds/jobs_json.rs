//! `/jobs.json`: every open posting with all its structured fields, in a stable,
//! versioned schema (see docs/output-files.md). Fields are only ever added within a
//! version; renaming or removing one means a new `version`.

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::model::{Apply, Location};
use crate::render::feeds::Entry;
use crate::render::feeds::json::Json;
use crate::render::urls::Urls;

/// The schema version written in the file.
pub const VERSION: u32 = 1;

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
    pub jobs: Vec<Job<'a>>,
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
    /// Where a remote hire may live, as written.
    pub remote_regions: &'a [String],
    /// Front-matter ids: `full_time`, `part_time`, `contract`, …
    pub employment_types: Vec<&'static str>,
    /// Pay range, if published.
    pub salary: Option<JobSalary<'a>>,
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
    /// The rendered body.
    pub description_html: &'a str,
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

/// Builds the schema value of one posting.
pub fn job<'a>(entry: &Entry<'a>, config: &'a SiteConfig, urls: &Urls) -> Job<'a> {
    let p = entry.posting;
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
        url: &entry.view.permalink,
        department: &p.department,
        team: p.team.as_deref().and_then(non_empty),
        locations: p.locations.iter().map(location).collect(),
        workplace: p.workplace.id(),
        remote_regions: &p.remote_regions,
        employment_types: p.employment_types.iter().map(|t| t.id()).collect(),
        salary: p.salary.as_ref().map(|s| JobSalary {
            min: s.min,
            max: s.max,
            currency: &s.currency,
            period: s.period.id(),
            note: non_empty(&s.note),
        }),
        date_posted: p.date_posted.to_string(),
        date_updated: p.date_updated.map(|d| d.to_string()),
        valid_through: p.valid_through.map(|d| d.to_string()),
        evergreen: p.evergreen,
        apply,
        summary: &entry.view.summary,
        tags: &p.tags,
        description_html: entry.html,
    }
}

/// The text of `/jobs.json` for the open postings, from each one's [`item`] text: the same
/// bytes as pretty-printing the whole [`JobsFile`] at once (a test checks it).
pub fn render<S: AsRef<str>>(
    config: &SiteConfig,
    urls: &Urls,
    open: &[Entry],
    items: impl IntoIterator<Item = S>,
) -> String {
    let mut out = Vec::new();
    let _ = render_to(config, urls, open, items, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`] written piece by piece into `out` (the items are never joined in memory).
pub fn render_to<S: AsRef<str>>(
    config: &SiteConfig,
    urls: &Urls,
    open: &[Entry],
    items: impl IntoIterator<Item = S>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let updated = open.iter().map(Entry::updated).max().map(|d| d.to_string());
    let mut head = String::with_capacity(256);
    let mut j = Json::pretty(&mut head, 0);
    j.begin_object();
    j.key("version").int(i64::from(VERSION));
    j.key("site").begin_object();
    j.key("title").string(&config.title);
    j.key("url").string(&urls.base_url);
    j.key("company").string(&config.company.name);
    j.end_object();
    j.key("updated").opt_string(updated.as_deref());
    // The `jobs` list is written here, item by item, at the depth the items were made for.
    j.key("jobs");
    out.write_all(head.as_bytes())?;
    let mut empty = true;
    for item in items {
        out.write_all(if empty { b"[\n    " } else { b",\n    " })?;
        out.write_all(item.as_ref().as_bytes())?;
        empty = false;
    }
    out.write_all(if empty { b"[]\n}\n" } else { b"\n  ]\n}\n" })
}

/// One posting's item, pretty-printed as it sits in the `jobs` list (indented two levels),
/// HTML-safe like the whole file.
pub fn item(entry: &Entry, config: &SiteConfig, urls: &Urls) -> String {
    let mut out = String::with_capacity(entry.html.len() + entry.html.len() / 4 + 2048);
    write_job(&mut Json::pretty(&mut out, 2), &job(entry, config, urls));
    out
}

/// Writes one [`Job`], its members in the order of its fields (as serde writes them).
fn write_job(j: &mut Json, job: &Job) {
    j.begin_object();
    j.key("id").string(job.id);
    j.key("reference").opt_string(job.reference);
    j.key("title").string(job.title);
    j.key("url").string(job.url);
    j.key("department").string(job.department);
    j.key("team").opt_string(job.team);
    j.key("locations").begin_array();
    for l in &job.locations {
        j.begin_object();
        j.key("street").opt_string(l.street);
        j.key("city").opt_string(l.city);
        j.key("region").opt_string(l.region);
        j.key("postal_code").opt_string(l.postal_code);
        j.key("country").opt_string(l.country);
        j.end_object();
    }
    j.end_array();
    j.key("workplace").string(job.workplace);
    j.key("remote_regions")
        .strings(job.remote_regions.iter().map(String::as_str));
    j.key("employment_types")
        .strings(job.employment_types.iter().copied());
    j.key("salary");
    match &job.salary {
        Some(s) => {
            j.begin_object();
            j.key("min").opt_float(s.min);
            j.key("max").opt_float(s.max);
            j.key("currency").string(s.currency);
            j.key("period").string(s.period);
            j.key("note").opt_string(s.note);
            j.end_object();
        }
        None => j.null(),
    }
    j.key("date_posted").string(&job.date_posted);
    j.key("date_updated")
        .opt_string(job.date_updated.as_deref());
    j.key("valid_through")
        .opt_string(job.valid_through.as_deref());
    j.key("evergreen").bool(job.evergreen);
    j.key("apply");
    match &job.apply {
        Some(a) => {
            j.begin_object();
            j.key("url").opt_string(a.url.as_deref());
            j.key("email").opt_string(a.email.as_deref());
            j.end_object();
        }
        None => j.null(),
    }
    j.key("summary").string(job.summary);
    j.key("tags").strings(job.tags.iter().map(String::as_str));
    j.key("description_html").string(job.description_html);
    j.end_object();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assembled_items_equal_the_whole_file_pretty_printed() {
        let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seo-site");
        let prepared = crate::build::prepare(&crate::build::BuildOptions {
            site_dir: site,
            today: Some(jiff::civil::date(2026, 11, 25)),
            ..Default::default()
        })
        .expect("fixture prepares");
        let (config, urls) = (&prepared.config, &prepared.urls);
        let postings = &prepared.content.postings;
        let views: Vec<crate::render::views::JobView> = postings
            .iter()
            .map(|p| crate::render::views::job(p, config, urls, prepared.today))
            .collect();
        assert!(postings.len() >= 2);
        for count in [0, 1, postings.len()] {
            let open: Vec<Entry> = postings[..count]
                .iter()
                .zip(&views)
                .map(|(posting, view)| Entry {
                    posting,
                    view,
                    html: "<p>Body\n\twith \"quotes\" & \u{2028}</p>\n",
                })
                .collect();
            let whole = JobsFile {
                version: VERSION,
                site: SiteInfo {
                    title: &config.title,
                    url: &urls.base_url,
                    company: &config.company.name,
                },
                updated: open.iter().map(Entry::updated).max().map(|d| d.to_string()),
                jobs: open.iter().map(|e| job(e, config, urls)).collect(),
            };
            let expected = super::super::json::html_safe_json(
                serde_json::to_string_pretty(&whole).expect("json"),
            ) + "\n";
            let items: Vec<String> = open.iter().map(|e| item(e, config, urls)).collect();
            let items: Vec<&str> = items.iter().map(String::as_str).collect();
            assert_eq!(
                render(config, urls, &open, &items),
                expected,
                "{count} jobs"
            );
        }
    }
}
