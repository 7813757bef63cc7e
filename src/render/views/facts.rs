//! A posting's optional facts, pay terms and remote regions as lines for the Key facts box and
//! the listing row, in the page's language: made once per posting, only for what it has.

use serde::Serialize;

use crate::config::{Employer, SiteConfig};
use crate::content::facts::{Amount, Facts, Organization, Start};
use crate::content::regions::{self, RegionKind};
use crate::i18n::Texts;
use crate::render::urls::Urls;
use crate::render::views::Named;

/// One line of the Key facts box: what it is and its value, both ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Detail {
    /// The fact's front-matter key (`seniority`), for CSS and themes that pick lines.
    pub id: &'static str,
    /// Its name ("Seniority").
    pub name: String,
    /// Its value ("Senior, Lead").
    pub value: String,
}

/// The company hiring when an agency posts for a client.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrganizationView {
    /// Its name.
    pub name: String,
    /// Its website or empty.
    pub url: String,
    /// Its logo's link or empty.
    pub logo: String,
    /// "Posted by Agency for Client", in the page's language.
    pub label: String,
}

/// The seniority levels with their listing pages (`/seniority/senior/`).
pub(crate) fn seniority(facts: &Facts, urls: &Urls, texts: &Texts) -> Vec<Named> {
    facts
        .seniority
        .iter()
        .map(|s| Named {
            name: texts.get(s.text_key()).to_string(),
            slug: s.id().to_string(),
            url: urls.path_of(&["seniority/", s.id(), "/"]),
        })
        .collect()
}

/// The client an agency posts for, with "Posted by <company> for <client>".
pub(crate) fn organization(
    o: &Organization,
    config: &SiteConfig,
    urls: &Urls,
    texts: &Texts,
) -> OrganizationView {
    let company = match config.company.name.as_str() {
        "" => config.title.as_str(),
        name => name,
    };
    OrganizationView {
        name: o.name.clone(),
        url: o.url.clone().unwrap_or_default(),
        logo: o.logo.as_deref().map(|l| urls.asset(l)).unwrap_or_default(),
        label: texts.fill(
            "posted_by_for",
            &[("company", company), ("client", &o.name)],
        ),
    }
}

/// The lines for every fact the posting has, in the order the Key facts box shows them
/// (seniority is not among them: it links to its listing pages, as `JobView::seniority`).
pub(crate) fn details(facts: &Facts, employer: &Employer, texts: &Texts) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut add = |id: &'static str, key: &str, value: String| {
        if !value.is_empty() {
            out.push(Detail {
                id,
                name: texts.get(key).to_string(),
                value,
            });
        }
    };
    if let Some(h) = facts.hours_per_week {
        add("hours_per_week", "fact_hours", hours(h.min, h.max, texts));
    }
    if let Some(start) = facts.start {
        let value = match start {
            Start::Asap => texts.get("start_asap").to_string(),
            Start::On(date) => texts.formats().date(date),
        };
        add("start_date", "fact_start", value);
    }
    if let Some(n) = facts.openings {
        add(
            "openings",
            "fact_openings",
            counted(texts, "openings_count", n),
        );
    }
    if let Some(visa) = facts.visa_sponsorship {
        let key = if visa { "visa_yes" } else { "visa_no" };
        add("visa_sponsorship", "fact_visa", texts.get(key).to_string());
    }
    // Ontario asks every posting to say both; other places are told too, as a courtesy.
    if let Some(existing) = facts.existing_vacancy.or(employer.existing_vacancy) {
        let key = if existing {
            "existing_vacancy_yes"
        } else {
            "existing_vacancy_no"
        };
        add(
            "existing_vacancy",
            "fact_existing_vacancy",
            texts.get(key).to_string(),
        );
    }
    if let Some(ai) = employer.ai_screening {
        let key = if ai {
            "ai_screening_yes"
        } else {
            "ai_screening_no"
        };
        add(
            "ai_screening",
            "fact_ai_screening",
            texts.get(key).to_string(),
        );
    }
    let authorization = facts.work_authorization.clone().unwrap_or_default();
    add(
        "work_authorization",
        "fact_work_authorization",
        authorization,
    );
    let clearance = facts.security_clearance.clone().unwrap_or_default();
    add("security_clearance", "fact_security_clearance", clearance);
    add(
        "required_languages",
        "fact_languages",
        languages(facts, texts),
    );
    if let Some(travel) = &facts.travel {
        let value = match travel {
            Amount::Number(n) => texts.fill("travel_percent", &[("n", &n.to_string())]),
            Amount::Text(t) => t.clone(),
        };
        add("travel", "fact_travel", value);
    }
    if let Some(experience) = &facts.experience {
        let value = match experience {
            Amount::Number(m) if m % 12 == 0 => counted(texts, "experience_years", m / 12),
            Amount::Number(m) => counted(texts, "experience_months", *m),
            Amount::Text(t) => t.clone(),
        };
        add("experience", "fact_experience", value);
    }
    if let Some(e) = facts.education {
        add(
            "education",
            "fact_education",
            texts.get(e.text_key()).to_string(),
        );
    }
    let zones = facts.timezones.clone().unwrap_or_default();
    add("timezones", "fact_timezones", zones);
    out
}

/// "20 hours a week", "20–30 hours a week", with the language's digits.
fn hours(min: f64, max: f64, texts: &Texts) -> String {
    let formats = texts.formats();
    if min == max {
        let form = texts.lookup_category("hours_per_week", formats.plural_of(min));
        crate::i18n::fill(form, &[("n", &formats.number(min))])
    } else {
        let range = format!("{}–{}", formats.number(min), formats.number(max));
        texts.fill("hours_range_per_week", &[("range", &range)])
    }
}

/// A plural text for `n`, with `{n}` filled in.
fn counted(texts: &Texts, key: &str, n: u32) -> String {
    let form = texts.lookup(key, Some(u64::from(n))).unwrap_or(key);
    crate::i18n::fill(form, &[("n", &texts.formats().number(f64::from(n)))])
}

/// "German (C1), English" with the languages' names in the page's language.
fn languages(facts: &Facts, texts: &Texts) -> String {
    let formats = texts.formats();
    let names: Vec<String> = facts
        .required_languages
        .iter()
        .map(|l| {
            let name = formats
                .language_name(&l.language)
                .unwrap_or_else(|| l.language.clone());
            let level = match l.level.as_deref() {
                Some("native") => texts.get("language_native"),
                Some(level) => level,
                None => return name,
            };
            texts.fill("language_level", &[("language", &name), ("level", level)])
        })
        .collect();
    names.join(", ")
}

/// Each remote region's name in the page's language: countries from CLDR, groups from the
/// translation files where their name is a word ("Europe"), else as abbreviated ("EU").
pub(crate) fn regions_shown(written: &[String], texts: &Texts) -> Vec<String> {
    written
        .iter()
        .map(|text| match regions::parse(text) {
            Some(r) if r.kind == RegionKind::Country => texts
                .formats()
                .country(r.code)
                .unwrap_or_else(|| r.short.to_string()),
            Some(r) => match r.code {
                "worldwide" => texts.get("region_worldwide").to_string(),
                "EUROPE" => texts.get("region_europe").to_string(),
                "NORAM" => texts.get("region_north_america").to_string(),
                "NORDICS" => texts.get("region_nordics").to_string(),
                "UKI" => texts.get("region_uki").to_string(),
                _ => r.short.to_string(),
            },
            None => text.clone(),
        })
        .collect()
}

/// The Key facts note on where a remote hire may live ("(open to candidates in EU)") and the
/// sentence Google asks a fully remote posting's description to carry; both empty when the
/// posting names no region.
pub(crate) fn remote_texts(
    written: &[String],
    shown: &[String],
    texts: &Texts,
) -> (String, String) {
    let anywhere = written
        .iter()
        .filter_map(|t| regions::parse(t))
        .any(|r| r.kind == RegionKind::Worldwide);
    if anywhere {
        let note = texts.get("remote_open_anywhere").to_string();
        return (note, texts.get("remote_statement_anywhere").to_string());
    }
    if shown.is_empty() {
        return (String::new(), String::new());
    }
    let regions = shown.join(", ");
    (
        texts.fill("remote_open_to", &[("regions", &regions)]),
        texts.fill("remote_statement", &[("regions", &regions)]),
    )
}
