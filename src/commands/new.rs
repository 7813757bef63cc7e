//! `careers new "Title"`: a new posting file with every required key filled in or marked TODO.

use std::path::{Path, PathBuf};

use crate::cli::NewArgs;
use crate::console::Console;
use crate::content::codes;
use crate::content::model::EmploymentType;
use crate::diagnostics::did_you_mean;

/// Days from today to the suggested `valid_through`.
pub const OPEN_DAYS: i64 = 60;

/// A place parsed from `--location "City, CC"` (or "City, Region, CC").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// City or town.
    pub city: String,
    /// State or province, if given.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: String,
}

/// `careers new`: writes content/jobs/<slug>.md and prints its path; refuses to overwrite.
pub fn run(site: &Path, args: &NewArgs, console: &Console) -> i32 {
    match plan(site, args) {
        Ok((path, text)) => {
            if let Some(parent) = path.parent()
                && let Err(e) = std::fs::create_dir_all(parent)
            {
                console.fail(&format!(
                    "cannot create the folder {}: {e}",
                    parent.display()
                ));
                return 2;
            }
            // create_new: never overwrite, even if the file appeared since we looked.
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
            match written {
                Ok(()) => {
                    println!("{}", path.display());
                    console
                        .info("Fill in every TODO (a posting with one is not built), then run `careers check` to see what is left.");
                    0
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    console.fail(&exists_message(&path));
                    2
                }
                Err(e) => {
                    console.fail(&format!("cannot write {}: {e}", path.display()));
                    2
                }
            }
        }
        Err(message) => {
            console.fail(&message);
            2
        }
    }
}

fn exists_message(path: &Path) -> String {
    format!(
        "{} already exists, and careers never overwrites a posting; edit that file, or give the new posting a different title",
        path.display()
    )
}

/// Checks the flags and works out the file and its text, without writing anything.
pub fn plan(site: &Path, args: &NewArgs) -> Result<(PathBuf, String), String> {
    super::require_site(site).map_err(|e| e.to_string())?;
    let title = args.title.trim();
    if title.is_empty() {
        return Err("the job title is empty; write it in quotes, like `careers new \"Senior Backend Engineer\"`".into());
    }
    let employment = match &args.employment_type {
        Some(text) => parse_type(text)?,
        None => EmploymentType::FullTime,
    };
    let place = args.location.as_deref().map(parse_location).transpose()?;
    let slug = crate::content::slug::slugify(title);
    let path = site.join("content/jobs").join(format!("{slug}.md"));
    if path.exists() {
        return Err(exists_message(&path));
    }
    let timezone = crate::config::load(site)
        .map(|(c, _, _)| c.timezone)
        .unwrap_or_else(|_| jiff::tz::TimeZone::system());
    let today = jiff::Timestamp::now().to_zoned_datetime(timezone).date();
    let until = today
        .checked_add(jiff::Span::new().days(OPEN_DAYS))
        .unwrap_or(today);
    let text = render(
        title,
        args.department.as_deref(),
        employment,
        place.as_ref(),
        today,
        until,
    );
    Ok((path, text))
}

fn parse_type(text: &str) -> Result<EmploymentType, String> {
    EmploymentType::parse(text).ok_or_else(|| {
        let names: Vec<&str> = EmploymentType::ALL.iter().map(|t| t.id()).collect();
        match did_you_mean(text, &names) {
            Some(near) => format!("`{text}` is not an employment type; did you mean `--type {near}`? The types are: {}", names.join(", ")),
            None => format!("`{text}` is not an employment type; use one of: {}", names.join(", ")),
        }
    })
}

/// Reads "City, CC" or "City, Region, CC", checking CC is a real ISO country code.
pub fn parse_location(text: &str) -> Result<Place, String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let example = "write it as \"City, CC\" with the two-letter country code, like --location \"Berlin, DE\" or --location \"Denver, CO, US\"";
    let (city, region, cc) = match parts.as_slice() {
        [city, cc] => (*city, None, *cc),
        [city, region, cc] => (*city, Some(region.to_string()), *cc),
        _ => return Err(format!("`{text}` is not a location; {example}")),
    };
    if city.is_empty() || cc.is_empty() || region.as_deref() == Some("") {
        return Err(format!("`{text}` is not a location; {example}"));
    }
    let code = cc.to_uppercase();
    if codes::country_name(&code).is_none() {
        return Err(match codes::country_code_for_name(cc) {
            Some(c) => format!(
                "`{cc}` is a country name; write its two-letter code instead: --location \"{city}, {c}\""
            ),
            None => format!("`{cc}` is not a country code; {example}"),
        });
    }
    Ok(Place {
        city: city.to_string(),
        region,
        country: code,
    })
}

/// A YAML scalar: plain when safe, double-quoted otherwise.
pub fn yaml_text(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || " -().,/&'+".contains(c))
        && text.chars().next().is_some_and(char::is_alphanumeric)
        && !matches!(
            text.to_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "null" | "on" | "off"
        )
        && text.parse::<f64>().is_err();
    if plain {
        text.to_string()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// The posting file's text.
pub fn render(
    title: &str,
    department: Option<&str>,
    employment: EmploymentType,
    place: Option<&Place>,
    today: jiff::civil::Date,
    until: jiff::civil::Date,
) -> String {
    let department = match department.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => format!("department: {}\n", yaml_text(d)),
        None => "department: TODO # TODO: your department, e.g. Engineering\n".to_string(),
    };
    let locations = match place {
        Some(p) => {
            let region = p.region.as_deref().map(|r| format!("    region: {}\n", yaml_text(r))).unwrap_or_default();
            format!("locations:\n  - city: {}\n{region}    country: {}\n", yaml_text(&p.city), p.country)
        }
        None => "locations:\n  - city: TODO # TODO: the city, or delete `locations` and write `workplace: remote`\n    country: US # TODO: the two-letter country code (DE, FR, GB, US …)\n".to_string(),
    };
    format!(
        "---\n\
title: {title}\n\
{department}\
# One of: full_time, part_time, contract, temporary, intern, volunteer, per_diem, other.\n\
employment_type: {employment}\n\
# Where the work happens: onsite, hybrid or remote.\n\
workplace: onsite\n\
{locations}\
# Many places require a pay range on job ads (`careers explain pay-range-missing`). Remove the \"#\" to use it:\n\
# salary: {{min: 50000, max: 60000, currency: EUR, period: year}}\n\
date_posted: {today}\n\
# The last day to apply. For a role that is always open, delete it and write `evergreen: true`.\n\
valid_through: {until}\n\
# A one- or two-sentence teaser for listings and search results (up to 160 characters).\n\
summary: TODO # TODO: what the role is about, in one sentence\n\
# More facts job seekers filter on; remove the \"#\" of those that apply:\n\
# seniority: mid              # intern, entry, junior, mid, senior, staff, principal, lead, manager, director, executive\n\
# hours_per_week: 40          # or {{min: 20, max: 30}}\n\
# start_date: asap            # or a date: 2027-03-01\n\
# openings: 2\n\
# visa_sponsorship: false\n\
# required_languages: [en, {{language: de, level: B2}}]\n\
# experience: {{years: 2}}\n\
# education: bachelor         # high_school, associate, bachelor, master, doctorate, professional_certificate\n\
# remote_regions: [EU]        # with workplace: remote: countries, US states, or EU, EMEA, APAC, worldwide …\n\
---\n\
\n\
## About the role\n\
\n\
TODO: two or three sentences about the team and why this role matters.\n\
\n\
## What you will do\n\
\n\
- TODO\n\
\n\
## What we look for\n\
\n\
- TODO\n\
\n\
## Benefits\n\
\n\
- TODO (or delete this section: the `benefits` in site.yaml are shown on every posting)\n",
        title = yaml_text(title),
        employment = employment.id(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_locations_and_rejects_bad_country_codes() {
        assert_eq!(
            parse_location("Berlin, de"),
            Ok(Place {
                city: "Berlin".into(),
                region: None,
                country: "DE".into()
            })
        );
        assert_eq!(
            parse_location("Denver, CO, US").map(|p| p.region),
            Ok(Some("CO".into()))
        );
        assert_eq!(
            parse_location("Berlin, Germany"),
            Err("`Germany` is a country name; write its two-letter code instead: --location \"Berlin, DE\"".into())
        );
        assert!(
            parse_location("Berlin, XX")
                .is_err_and(|e| e.starts_with("`XX` is not a country code"))
        );
        assert!(parse_location("Berlin").is_err());
    }

    #[test]
    fn quotes_only_titles_yaml_would_misread() {
        assert_eq!(
            yaml_text("Senior Backend Engineer"),
            "Senior Backend Engineer"
        );
        assert_eq!(
            yaml_text("C++ Engineer: Compilers"),
            "\"C++ Engineer: Compilers\""
        );
        assert_eq!(yaml_text("Yes"), "\"Yes\"");
        assert_eq!(yaml_text("\"Quoted\""), "\"\\\"Quoted\\\"\"");
    }
}
