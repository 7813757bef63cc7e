//! How a posting becomes jobs on job boards: one id per location, the country a remote job
//! hires in, and LinkedIn's location line and limits. The feeds write them and `careers
//! check` warns where a posting cannot meet them.

use crate::content::codes;
use crate::content::model::{Location, Posting};
use crate::content::slug;

/// The longest `partnerJobId` LinkedIn takes.
pub const MAX_ID: usize = 40;
/// The shortest description LinkedIn takes, in characters.
pub const MIN_DESCRIPTION: usize = 100;

/// The stable reference of a posting: its `reference`, else its slug. Indeed's
/// `requisitionid`, shared by the `<job>` of each of its locations.
pub fn reference_number(posting: &Posting) -> String {
    posting
        .reference
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .unwrap_or(&posting.slug)
        .to_string()
}

/// The job-board ids of a posting with the location each stands for: the reference alone
/// for one location (or none), else `<reference>-<location slug>` per location.
pub fn job_ids(posting: &Posting) -> Vec<(String, Option<&Location>)> {
    let base = reference_number(posting);
    match posting.locations.as_slice() {
        [] => vec![(base, None)],
        [one] => vec![(base, Some(one))],
        several => several
            .iter()
            .map(|l| {
                (
                    format!("{base}-{}", slug::location(&l.city, &l.country)),
                    Some(l),
                )
            })
            .collect(),
    }
}

/// The first of a remote posting's regions that is a country, as its ISO code.
pub fn remote_country(posting: &Posting) -> Option<String> {
    posting.remote_regions.iter().find_map(|r| {
        let r = r.trim();
        codes::country_name(&r.to_ascii_uppercase())
            .filter(|_| r.len() == 2)
            .map(|_| r.to_ascii_uppercase())
            .or_else(|| codes::country_code_for_name(r).map(str::to_string))
    })
}

/// The location line LinkedIn reads: "City, ST" in the United States, "City, Country"
/// elsewhere, the country alone without a city; a remote posting without a place gives the
/// first country it may hire in.
pub fn location_line(posting: &Posting, location: Option<&Location>) -> Option<String> {
    let Some(l) = location else {
        let code = remote_country(posting)?;
        return codes::country_name(&code).map(str::to_string);
    };
    let country = codes::country_name(&l.country).unwrap_or(&l.country);
    let place = match (l.city.as_str(), l.region.as_str()) {
        ("", _) => country.to_string(),
        (city, region) if l.country == "US" && !region.is_empty() => format!("{city}, {region}"),
        (city, _) => format!("{city}, {country}"),
    };
    Some(place)
}
