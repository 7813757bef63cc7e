//! What templates see: postings and site settings turned into ready-to-print values
//! (labels, URLs, formatted pay), built once per posting and borrowed by every page.

use jiff::civil::Date;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::codes;
use crate::content::model::{Apply, Location, PayPeriod, Posting, Salary};
use crate::content::slug::{self, slugify};
use crate::markdown;
use crate::render::urls::Urls;
use format::{cut, join_slugs};
pub use format::{date_label, money, percent_encode};

mod format;

/// A named link (department, location, type) with its listing page.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Named {
    /// Shown text.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Link path of its listing page.
    pub url: String,
}

/// A location, with a label and the link to its listing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocationView {
    /// City.
    pub city: String,
    /// Region/state.
    pub region: String,
    /// ISO code.
    pub country: String,
    /// English country name.
    pub country_name: String,
    /// Postal code.
    pub postal_code: String,
    /// Street.
    pub street: String,
    /// "Berlin, Germany".
    pub label: String,
    /// Listing slug.
    pub slug: String,
    /// Listing link.
    pub url: String,
}

/// An employment type with label and listing link.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TypeView {
    /// Front-matter id (`full_time`).
    pub id: &'static str,
    /// "Full-time".
    pub label: &'static str,
    /// Listing slug.
    pub slug: &'static str,
    /// Listing link.
    pub url: String,
}

/// Pay as figures and as one readable label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SalaryView {
    /// Lowest.
    pub min: Option<f64>,
    /// Highest.
    pub max: Option<f64>,
    /// ISO currency.
    pub currency: String,
    /// hour|day|week|month|year.
    pub period: &'static str,
    /// Free text.
    pub note: String,
    /// "€55,000–€70,000 per year".
    pub label: String,
}

/// How to apply, ready for a link.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApplyView {
    /// URL or `mailto:`.
    pub href: String,
    /// `url` or `email`.
    pub kind: &'static str,
    /// "Apply for Backend Development Intern".
    pub label: String,
}

/// Share links that need no third-party script.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareView {
    /// LinkedIn share URL.
    pub linkedin: String,
    /// `mailto:` with subject and body.
    pub email: String,
}

/// Everything a template may print about one posting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JobView {
    /// Title.
    pub title: String,
    /// Slug.
    pub slug: String,
    /// Link path.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// Department with its listing.
    pub department: Named,
    /// Team or empty.
    pub team: String,
    /// Locations.
    pub locations: Vec<LocationView>,
    /// onsite|hybrid|remote.
    pub workplace: &'static str,
    /// On-site|Hybrid|Remote.
    pub workplace_label: &'static str,
    /// Where remote hires may live.
    pub remote_regions: Vec<String>,
    /// One line for listings.
    pub location_label: String,
    /// Whether `location_label` already names the workplace (`… · Remote`), so a listing
    /// row need not show it again.
    pub workplace_in_location: bool,
    /// The locations' slugs, space-separated (for the rows' `data-locations`).
    pub location_slugs: String,
    /// Types.
    pub employment_types: Vec<TypeView>,
    /// "Full-time, Contract".
    pub employment_label: String,
    /// The types' slugs, space-separated (for the rows' `data-types`).
    pub type_slugs: String,
    /// Pay, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<SalaryView>,
    /// YYYY-MM-DD.
    pub date_posted: String,
    /// "28 November 2026".
    pub date_posted_label: String,
    /// YYYY-MM-DD or empty.
    pub valid_through: String,
    /// Label or empty.
    pub valid_through_label: String,
    /// Open until filled.
    pub evergreen: bool,
    /// valid_through has passed.
    pub closed: bool,
    /// How to apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply: Option<ApplyView>,
    /// Stable id.
    pub reference: String,
    /// Plain-text teaser.
    pub summary: String,
    /// The teaser cut to [`ROW_SUMMARY_LENGTH`] characters with `…` (for listing rows).
    pub summary_short: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Duration text.
    pub duration: String,
    /// Draft flag.
    pub draft: bool,
    /// Absolute image URL or empty.
    pub image: String,
    /// Share links.
    pub share: ShareView,
    /// Free-form values.
    pub extra: serde_json::Value,
    /// Rendered body (only set for the posting's own page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// The most characters of a summary made from the body's first paragraph.
pub const SUMMARY_LENGTH: usize = 160;

/// The most characters of `summary_short` before its `…`.
pub const ROW_SUMMARY_LENGTH: usize = 220;

/// The view of a posting (without its body HTML), given its body's first paragraph (the
/// summary when the posting has none), so the body is not parsed a second time.
pub fn job_with_summary(
    p: &Posting,
    config: &SiteConfig,
    urls: &Urls,
    today: Date,
    first_paragraph: Option<String>,
) -> JobView {
    let url = urls.path_of(&["jobs/", &p.slug, "/"]);
    let permalink = urls.absolute_of(&["jobs/", &p.slug, "/"]);
    let locations: Vec<LocationView> = p.locations.iter().map(|l| location(l, urls)).collect();
    let employment_types: Vec<TypeView> = p
        .employment_types
        .iter()
        .map(|t| TypeView {
            id: t.id(),
            label: t.label(),
            slug: t.slug(),
            url: urls.path_of(&["types/", t.slug(), "/"]),
        })
        .collect();
    let mut location_parts: Vec<String> = locations.iter().map(|l| l.label.clone()).collect();
    if p.workplace != crate::content::model::Workplace::Onsite || location_parts.is_empty() {
        location_parts.push(p.workplace.label().to_string());
    }
    let apply = p.apply.as_ref().or(config.apply.as_ref()).map(|a| match a {
        Apply::Url(u) => ApplyView {
            href: urls.asset(u),
            kind: "url",
            label: format!("Apply for {}", p.title),
        },
        Apply::Email(e) => ApplyView {
            href: format!(
                "mailto:{e}?subject={}",
                percent_encode(&format!("Application: {}", p.title))
            ),
            kind: "email",
            label: format!("Apply for {}", p.title),
        },
    });
    let summary = p.summary.clone().unwrap_or_else(|| {
        first_paragraph.unwrap_or_else(|| markdown::first_paragraph(&p.body, SUMMARY_LENGTH))
    });
    let location_label = location_parts.join(" · ");
    let workplace_label = p.workplace.label();
    JobView {
        workplace_in_location: !location_label.is_empty()
            && location_label.contains(workplace_label),
        location_slugs: join_slugs(locations.iter().map(|l| l.slug.as_str())),
        type_slugs: join_slugs(employment_types.iter().map(|t| t.slug)),
        summary_short: cut(&summary, ROW_SUMMARY_LENGTH),
        title: p.title.clone(),
        slug: p.slug.clone(),
        share: ShareView {
            linkedin: format!(
                "https://www.linkedin.com/sharing/share-offsite/?url={}",
                percent_encode(&permalink)
            ),
            email: format!(
                "mailto:?subject={}&body={}",
                percent_encode(&p.title),
                percent_encode(&permalink)
            ),
        },
        url,
        permalink,
        department: department(&p.department, urls),
        team: p.team.clone().unwrap_or_default(),
        location_label,
        locations,
        workplace: p.workplace.id(),
        workplace_label,
        remote_regions: p.remote_regions.clone(),
        employment_label: employment_types
            .iter()
            .map(|t| t.label)
            .collect::<Vec<_>>()
            .join(", "),
        employment_types,
        salary: p.salary.as_ref().map(salary),
        date_posted: p.date_posted.to_string(),
        date_posted_label: date_label(p.date_posted),
        valid_through: p.valid_through.map(|d| d.to_string()).unwrap_or_default(),
        valid_through_label: p.valid_through.map(date_label).unwrap_or_default(),
        evergreen: p.evergreen,
        closed: is_closed(p, today),
        apply,
        reference: p.reference.clone().unwrap_or_default(),
        summary,
        tags: p.tags.clone(),
        duration: p.duration.clone().unwrap_or_default(),
        draft: p.draft,
        image: p
            .image
            .as_deref()
            .map(|i| urls.asset(i))
            .unwrap_or_default(),
        extra: p.extra.clone(),
        content: None,
    }
}

/// A posting is closed once its last day to apply is before today.
pub fn is_closed(p: &Posting, today: Date) -> bool {
    p.valid_through.is_some_and(|d| d < today)
}

/// The department as a named link.
pub fn department(name: &str, urls: &Urls) -> Named {
    let slug = slugify(name);
    Named {
        name: name.to_string(),
        url: urls.path_of(&["departments/", &slug, "/"]),
        slug,
    }
}

/// A place as templates see it: its label and the link to its listing.
fn location(l: &Location, urls: &Urls) -> LocationView {
    let country_name = codes::country_name(&l.country)
        .unwrap_or(&l.country)
        .to_string();
    let label = if l.city.is_empty() {
        country_name.clone()
    } else {
        format!("{}, {country_name}", l.city)
    };
    let slug = slug::location(&l.city, &l.country);
    LocationView {
        city: l.city.clone(),
        region: l.region.clone(),
        country: l.country.clone(),
        country_name,
        postal_code: l.postal_code.clone(),
        street: l.street.clone(),
        label,
        url: urls.path_of(&["locations/", &slug, "/"]),
        slug,
    }
}

fn salary(s: &Salary) -> SalaryView {
    let amount = |n: f64| money(n, &s.currency);
    let figures = match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => amount(lo),
        (Some(lo), Some(hi)) => format!("{}–{}", amount(lo), amount(hi)),
        (Some(lo), None) => format!("From {}", amount(lo)),
        (None, Some(hi)) => format!("Up to {}", amount(hi)),
        (None, None) => String::new(),
    };
    let per = match s.period {
        PayPeriod::Hour => "per hour",
        PayPeriod::Day => "per day",
        PayPeriod::Week => "per week",
        PayPeriod::Month => "per month",
        PayPeriod::Year => "per year",
    };
    SalaryView {
        min: s.min,
        max: s.max,
        currency: s.currency.clone(),
        period: s.period.id(),
        note: s.note.clone(),
        label: format!("{figures} {per}"),
    }
}
