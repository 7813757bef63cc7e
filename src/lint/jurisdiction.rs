//! Pay-transparency jurisdictions: their codes, their laws in plain words, and which of them a
//! posting's locations and remote regions fall under.

use std::collections::BTreeSet;

use crate::content::codes;
use crate::content::model::{Location, Posting};

/// A place with a pay-transparency law careers knows about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Jurisdiction {
    /// Colorado.
    UsCo,
    /// New York State.
    UsNy,
    /// New York City.
    UsNyc,
    /// California.
    UsCa,
    /// Washington State.
    UsWa,
    /// Illinois.
    UsIl,
    /// Massachusetts.
    UsMa,
    /// New Jersey.
    UsNj,
    /// Ontario, Canada.
    CaOn,
    /// The European Union.
    Eu,
}

/// US states with a law here: (jurisdiction, region code, region name).
const US_STATES: &[(Jurisdiction, &str, &str)] = &[
    (Jurisdiction::UsCo, "CO", "Colorado"),
    (Jurisdiction::UsNy, "NY", "New York"),
    (Jurisdiction::UsCa, "CA", "California"),
    (Jurisdiction::UsWa, "WA", "Washington"),
    (Jurisdiction::UsIl, "IL", "Illinois"),
    (Jurisdiction::UsMa, "MA", "Massachusetts"),
    (Jurisdiction::UsNj, "NJ", "New Jersey"),
];

/// Names a city in New York City may be written as.
const NYC_NAMES: &[&str] = &[
    "new york",
    "new york city",
    "nyc",
    "manhattan",
    "brooklyn",
    "queens",
    "bronx",
    "the bronx",
    "staten island",
];

/// The 27 member states of the European Union (ISO 3166-1 alpha-2).
pub const EU_MEMBERS: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

impl Jurisdiction {
    /// Every jurisdiction, in the order docs list them.
    pub const ALL: [Jurisdiction; 10] = [
        Jurisdiction::UsCo,
        Jurisdiction::UsNy,
        Jurisdiction::UsNyc,
        Jurisdiction::UsCa,
        Jurisdiction::UsWa,
        Jurisdiction::UsIl,
        Jurisdiction::UsMa,
        Jurisdiction::UsNj,
        Jurisdiction::CaOn,
        Jurisdiction::Eu,
    ];

    /// The code written in site.yaml (`US-CO`).
    pub fn code(self) -> &'static str {
        match self {
            Jurisdiction::UsCo => "US-CO",
            Jurisdiction::UsNy => "US-NY",
            Jurisdiction::UsNyc => "US-NYC",
            Jurisdiction::UsCa => "US-CA",
            Jurisdiction::UsWa => "US-WA",
            Jurisdiction::UsIl => "US-IL",
            Jurisdiction::UsMa => "US-MA",
            Jurisdiction::UsNj => "US-NJ",
            Jurisdiction::CaOn => "CA-ON",
            Jurisdiction::Eu => "EU",
        }
    }

    /// Reads a code as written in site.yaml (case-insensitive).
    pub fn parse(code: &str) -> Option<Jurisdiction> {
        let code = code.trim().to_uppercase();
        Self::ALL.into_iter().find(|j| j.code() == code)
    }

    /// The place, for messages ("Colorado").
    pub fn place(self) -> &'static str {
        match self {
            Jurisdiction::UsCo => "Colorado",
            Jurisdiction::UsNy => "New York State",
            Jurisdiction::UsNyc => "New York City",
            Jurisdiction::UsCa => "California",
            Jurisdiction::UsWa => "Washington State",
            Jurisdiction::UsIl => "Illinois",
            Jurisdiction::UsMa => "Massachusetts",
            Jurisdiction::UsNj => "New Jersey",
            Jurisdiction::CaOn => "Ontario",
            Jurisdiction::Eu => "the European Union",
        }
    }

    /// The law, in plain words ("Colorado's Equal Pay for Equal Work Act").
    pub fn law(self) -> &'static str {
        match self {
            Jurisdiction::UsCo => "Colorado's Equal Pay for Equal Work Act",
            Jurisdiction::UsNy => "New York State's pay transparency law (Labor Law § 194-b)",
            Jurisdiction::UsNyc => "New York City's pay transparency law (Local Law 32 of 2022)",
            Jurisdiction::UsCa => "California's pay transparency law (Labor Code § 432.3)",
            Jurisdiction::UsWa => "Washington's Equal Pay and Opportunities Act",
            Jurisdiction::UsIl => "Illinois' Equal Pay Act",
            Jurisdiction::UsMa => "Massachusetts' pay transparency law",
            Jurisdiction::UsNj => "New Jersey's pay transparency law",
            Jurisdiction::CaOn => "Ontario's Employment Standards Act",
            Jurisdiction::Eu => "the EU Pay Transparency Directive",
        }
    }

    /// Whether the law asks for a description of benefits (or a link to one).
    pub fn wants_benefits(self) -> bool {
        matches!(
            self,
            Jurisdiction::UsCo | Jurisdiction::UsWa | Jurisdiction::UsIl | Jurisdiction::UsNj
        )
    }
}

fn is(text: &str, names: &[&str]) -> bool {
    let t = text.trim();
    names.iter().any(|n| n.eq_ignore_ascii_case(t))
}

/// The jurisdictions one location falls under.
pub fn of_location(loc: &Location) -> BTreeSet<Jurisdiction> {
    let mut out = BTreeSet::new();
    let nyc_city = NYC_NAMES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(loc.city.trim()));
    match loc.country.as_str() {
        "US" => {
            for (j, code, name) in US_STATES {
                if is(&loc.region, &[code, name]) {
                    out.insert(*j);
                }
            }
            let in_ny = loc.region.trim().is_empty() || is(&loc.region, &["NY", "New York"]);
            if nyc_city && in_ny {
                out.insert(Jurisdiction::UsNy);
                out.insert(Jurisdiction::UsNyc);
            }
        }
        "CA" if is(&loc.region, &["ON", "Ontario"]) => {
            out.insert(Jurisdiction::CaOn);
        }
        c if EU_MEMBERS.contains(&c) => {
            out.insert(Jurisdiction::Eu);
        }
        _ => {}
    }
    out
}

/// The jurisdictions a remote region ("US", "Colorado", "EU", "DE", "US-NY", "worldwide") covers.
pub fn of_region(region: &str) -> BTreeSet<Jurisdiction> {
    let r = region.trim();
    let all_us = || {
        Jurisdiction::ALL
            .into_iter()
            .filter(|j| j.code().starts_with("US-"))
            .collect::<BTreeSet<_>>()
    };
    if is(
        r,
        &["anywhere", "worldwide", "world", "global", "everywhere"],
    ) {
        return Jurisdiction::ALL.into_iter().collect();
    }
    if is(
        r,
        &["US", "USA", "United States", "United States of America"],
    ) {
        return all_us();
    }
    if is(r, &["EU", "European Union", "Europe", "EEA"]) {
        return [Jurisdiction::Eu].into();
    }
    if is(r, &["CA", "Canada", "Ontario", "CA-ON"]) {
        return [Jurisdiction::CaOn].into();
    }
    if is(r, &["US-NY", "New York", "New York State", "NY"]) {
        return [Jurisdiction::UsNy, Jurisdiction::UsNyc].into();
    }
    if let Some(j) = Jurisdiction::parse(r) {
        return [j].into();
    }
    if let Some((j, _, _)) = US_STATES.iter().find(|(_, _, name)| is(r, &[name])) {
        return [*j].into();
    }
    let country = if r.len() == 2 {
        Some(r.to_uppercase())
    } else {
        codes::country_code_for_name(r).map(str::to_string)
    };
    match country {
        Some(c) if EU_MEMBERS.contains(&c.as_str()) => [Jurisdiction::Eu].into(),
        _ => BTreeSet::new(),
    }
}

/// Every jurisdiction a posting falls under: its locations, plus where a remote hire may live.
pub fn of_posting(posting: &Posting) -> BTreeSet<Jurisdiction> {
    let mut out: BTreeSet<Jurisdiction> = posting.locations.iter().flat_map(of_location).collect();
    out.extend(posting.remote_regions.iter().flat_map(|r| of_region(r)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(city: &str, region: &str, country: &str) -> Vec<&'static str> {
        let loc = Location {
            city: city.into(),
            region: region.into(),
            country: country.into(),
            ..Location::default()
        };
        of_location(&loc)
            .into_iter()
            .map(Jurisdiction::code)
            .collect()
    }

    #[test]
    fn matches_regions_by_code_or_name() {
        assert_eq!(at("Denver", "CO", "US"), ["US-CO"]);
        assert_eq!(at("Denver", "Colorado", "US"), ["US-CO"]);
        assert_eq!(at("Brooklyn", "New York", "US"), ["US-NY", "US-NYC"]);
        assert_eq!(at("Buffalo", "NY", "US"), ["US-NY"]);
        assert_eq!(at("Toronto", "Ontario", "CA"), ["CA-ON"]);
        assert_eq!(at("Vancouver", "BC", "CA"), Vec::<&str>::new());
        assert_eq!(at("Berlin", "", "DE"), ["EU"]);
        assert_eq!(at("Zürich", "", "CH"), Vec::<&str>::new());
        assert_eq!(at("Bogotá", "", "CO"), Vec::<&str>::new());
    }

    #[test]
    fn matches_remote_regions() {
        let codes = |r: &str| {
            of_region(r)
                .into_iter()
                .map(Jurisdiction::code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("Colorado"), ["US-CO"]);
        assert_eq!(codes("Germany"), ["EU"]);
        assert_eq!(codes("fr"), ["EU"]);
        assert_eq!(codes("Canada"), ["CA-ON"]);
        assert_eq!(codes("US").len(), 8);
        assert_eq!(codes("Japan"), Vec::<&str>::new());
    }
}
