//! What templates see: postings and site settings turned into ready-to-print values
//! (labels, URLs, formatted pay), built once per posting and borrowed by every page.

use jiff::civil::Date;
use serde::Serialize;

use crate::config::{SiteConfig, Translation};
use crate::content::codes;
use crate::content::facts::Facts;
use crate::content::model::{Apply, Location, Posting};
use crate::content::slug::{self, slugify};
use crate::i18n::Texts;
use crate::markdown;
use crate::render::urls::Urls;
pub use facts::{Detail, OrganizationView};
pub use format::percent_encode;
use format::{cut, join_slugs};
pub use pay::SalaryView;

mod facts;
mod format;
mod pay;

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
    /// The country's name in the page's language.
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
    /// "Full-time", in the page's language.
    pub label: String,
    /// Listing slug.
    pub slug: &'static str,
    /// Listing link.
    pub url: String,
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
    /// The language the posting is written in (BCP 47), for `lang` attributes.
    pub language: String,
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
    /// On-site|Hybrid|Remote, in the page's language.
    pub workplace_label: String,
    /// Where remote hires may live, each named in the page's language.
    pub remote_regions: Vec<String>,
    /// "(open to candidates in EU)" or "(open to candidates anywhere)"; empty without regions.
    pub remote_note: String,
    /// The sentence saying a remote posting is fully remote and open to whom, for the
    /// structured data's description; empty unless the posting is remote with regions.
    #[serde(skip)]
    pub remote_statement: String,
    /// One line for listings.
    pub location_label: String,
    /// The parts `location_label` joins with " · ", for rows that show each on its own.
    pub location_parts: Vec<String>,
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
    /// Pay, when given: the range that applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<SalaryView>,
    /// Every range, when there are several (each with its `name`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub salaries: Vec<SalaryView>,
    /// Commission, tips, bonus and equity as lines ("Plus commission").
    pub pay_terms: Vec<String>,
    /// Seniority levels with their listing pages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seniority: Vec<Named>,
    /// The levels' slugs, space-separated (for the rows' `data-seniority`).
    pub seniority_slugs: String,
    /// The facts the posting has beyond the usual ones, as Key facts lines.
    pub details: Vec<Detail>,
    /// The same facts as written (ids, numbers, dates), for themes; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<Box<Facts>>,
    /// The client an agency hires for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hiring_organization: Option<Box<OrganizationView>>,
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
pub(crate) fn job_with_summary(
    p: &Posting,
    config: &SiteConfig,
    urls: &Urls,
    today: Date,
    first_paragraph: Option<String>,
    texts: &Texts,
) -> JobView {
    let url = urls.path_of(&["jobs/", &p.slug, "/"]);
    let permalink = urls.absolute_of(&["jobs/", &p.slug, "/"]);
    // Names in the language of the folder listing the posting (its own, or the host of a guest).
    let names = config.translations.get(&config.language);
    let locations: Vec<LocationView> = p
        .locations
        .iter()
        .map(|l| location(l, urls, texts, names))
        .collect();
    let employment_types: Vec<TypeView> = p
        .employment_types
        .iter()
        .map(|t| TypeView {
            id: t.id(),
            label: texts.get(t.text_key()).to_string(),
            slug: t.slug(),
            url: urls.path_of(&["types/", t.slug(), "/"]),
        })
        .collect();
    let workplace_label = texts.get(p.workplace.text_key()).to_string();
    let remote_regions = facts::regions_shown(&p.remote_regions, texts);
    let (remote_note, remote_statement) =
        facts::remote_texts(&p.remote_regions, &remote_regions, texts);
    let mut location_parts: Vec<String> = locations.iter().map(|l| l.label.clone()).collect();
    let remote = p.workplace == crate::content::model::Workplace::Remote;
    let names_workplace = if remote && !remote_regions.is_empty() {
        let regions = remote_regions.join(", ");
        location_parts.push(texts.fill("remote_in", &[("regions", &regions)]));
        true
    } else if p.workplace != crate::content::model::Workplace::Onsite || location_parts.is_empty() {
        location_parts.push(workplace_label.clone());
        true
    } else {
        false
    };
    let apply_label = texts.fill("apply_for", &[("title", &p.title)]);
    let apply = p.apply.as_ref().or(config.apply.as_ref()).map(|a| match a {
        Apply::Url(u) => ApplyView {
            href: urls.asset(u),
            kind: "url",
            label: apply_label.clone(),
        },
        Apply::Email(e) => ApplyView {
            href: format!(
                "mailto:{e}?subject={}",
                percent_encode(&texts.fill("application_subject", &[("title", &p.title)]))
            ),
            kind: "email",
            label: apply_label.clone(),
        },
    });
    let summary = p.summary.clone().unwrap_or_else(|| {
        first_paragraph.unwrap_or_else(|| markdown::first_paragraph(&p.body, SUMMARY_LENGTH))
    });
    let location_label = location_parts.join(" · ");
    let dates = texts.formats();
    JobView {
        workplace_in_location: names_workplace,
        location_slugs: join_slugs(locations.iter().map(|l| l.slug.as_str())),
        type_slugs: join_slugs(employment_types.iter().map(|t| t.slug)),
        summary_short: cut(&summary, ROW_SUMMARY_LENGTH),
        title: p.title.clone(),
        language: texts.language().to_string(),
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
        department: department(
            names
                .and_then(|n| n.departments.get(&p.department))
                .unwrap_or(&p.department),
            urls,
        ),
        team: p.team.clone().unwrap_or_default(),
        location_label,
        location_parts,
        locations,
        workplace: p.workplace.id(),
        workplace_label,
        remote_regions,
        remote_note,
        remote_statement: if p.workplace == crate::content::model::Workplace::Remote {
            remote_statement
        } else {
            String::new()
        },
        employment_label: employment_types
            .iter()
            .map(|t| t.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        employment_types,
        salary: p.salary().map(|s| pay::salary(s, texts)),
        salaries: if p.salaries.len() > 1 {
            p.salaries.iter().map(|s| pay::salary(s, texts)).collect()
        } else {
            Vec::new()
        },
        pay_terms: pay::pay_terms(&p.pay, !p.salaries.is_empty(), texts),
        seniority_slugs: join_slugs(p.facts.seniority.iter().map(|s| s.id())),
        seniority: facts::seniority(&p.facts, urls, texts),
        details: facts::details(&p.facts, &config.employer, texts),
        facts: (p.facts != Facts::default()).then(|| Box::new(p.facts.clone())),
        hiring_organization: (p.facts.hiring_organization.as_ref())
            .map(|o| Box::new(facts::organization(o, config, urls, texts))),
        date_posted: p.date_posted.to_string(),
        date_posted_label: dates.date(p.date_posted),
        valid_through: p.valid_through.map(|d| d.to_string()).unwrap_or_default(),
        valid_through_label: p.valid_through.map(|d| dates.date(d)).unwrap_or_default(),
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

/// A place as templates see it: its label in the page's language and the link to its listing.
fn location(l: &Location, urls: &Urls, texts: &Texts, names: Option<&Translation>) -> LocationView {
    let named = |text: &str| names.and_then(|n| n.locations.get(text)).cloned();
    let country_name = named(&l.country)
        .or_else(|| texts.formats().country(&l.country))
        .or_else(|| codes::country_name(&l.country).map(str::to_string))
        .unwrap_or_else(|| l.country.clone());
    let city = named(&l.city).unwrap_or_else(|| l.city.clone());
    let label = if city.is_empty() {
        country_name.clone()
    } else {
        format!("{city}, {country_name}")
    };
    let slug = slug::location(&l.city, &l.country);
    LocationView {
        city,
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
