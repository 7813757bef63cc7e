//! Pay-transparency jurisdictions: their codes, their laws in plain words, and which of them a
//! posting's locations and remote regions fall under.

use std::collections::BTreeSet;

use jiff::civil::{Date, date};

use crate::content::model::{Location, Posting};
use crate::content::regions::{self, EU, Region, RegionKind};

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

    /// The first day the law applies to job postings: postings published earlier are not
    /// held to it.
    pub(crate) fn in_force(self) -> Date {
        match self {
            Jurisdiction::UsCo => date(2021, 1, 1),
            Jurisdiction::UsNy => date(2023, 9, 17),
            Jurisdiction::UsNyc => date(2022, 11, 1),
            Jurisdiction::UsCa => date(2023, 1, 1),
            Jurisdiction::UsWa => date(2023, 1, 1),
            Jurisdiction::UsIl => date(2025, 1, 1),
            Jurisdiction::UsMa => date(2025, 10, 29),
            Jurisdiction::UsNj => date(2025, 6, 1),
            Jurisdiction::CaOn => date(2026, 1, 1),
            Jurisdiction::Eu => date(2026, 6, 7),
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
        c if EU.contains(&c) => {
            out.insert(Jurisdiction::Eu);
        }
        _ => {}
    }
    out
}

/// The jurisdictions a remote region ("US", "Colorado", "EU", "EMEA", "US-NY", "worldwide")
/// covers: a group covers those of its countries, and a jurisdiction's own code ("US-NYC")
/// stands for itself.
pub fn of_region(region: &str) -> BTreeSet<Jurisdiction> {
    match regions::parse(region) {
        Some(r) => of_known_region(&r),
        None => Jurisdiction::parse(region).into_iter().collect(),
    }
}

/// The jurisdictions a region understood by [`regions::parse`] covers.
fn of_known_region(region: &Region) -> BTreeSet<Jurisdiction> {
    let mut out = BTreeSet::new();
    match region.kind {
        RegionKind::Worldwide => out.extend(Jurisdiction::ALL),
        RegionKind::Subdivision => add_subdivision(&mut out, region.code),
        RegionKind::Group | RegionKind::Country => {
            for country in region.countries {
                add_country(&mut out, country);
            }
        }
    }
    out
}

/// A state or province: its own law, and New York City's within New York State.
fn add_subdivision(out: &mut BTreeSet<Jurisdiction>, code: &str) {
    match code {
        "US-NY" => out.extend([Jurisdiction::UsNy, Jurisdiction::UsNyc]),
        "CA-ON" => {
            out.insert(Jurisdiction::CaOn);
        }
        _ => {
            let state = code.strip_prefix("US-");
            let laws = US_STATES.iter().filter(|(_, c, _)| Some(*c) == state);
            out.extend(laws.map(|(j, _, _)| *j));
        }
    }
}

/// A whole country: every US law for the US, Ontario's for Canada, the EU's for a member.
fn add_country(out: &mut BTreeSet<Jurisdiction>, code: &str) {
    match code {
        "US" => out.extend(
            Jurisdiction::ALL
                .into_iter()
                .filter(|j| j.code().starts_with("US-")),
        ),
        "CA" => {
            out.insert(Jurisdiction::CaOn);
        }
        c if EU.contains(&c) => {
            out.insert(Jurisdiction::Eu);
        }
        _ => {}
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
        assert_eq!(codes("worldwide").len(), Jurisdiction::ALL.len());
        assert_eq!(codes("New York"), ["US-NY", "US-NYC"]);
        assert_eq!(codes("US-NYC"), ["US-NYC"]);
        assert_eq!(codes("Europe"), ["EU"]);
        assert_eq!(codes("Mars"), Vec::<&str>::new());
    }

    #[test]
    fn remote_groups_cover_their_countries_laws() {
        let codes = |r: &str| {
            of_region(r)
                .into_iter()
                .map(Jurisdiction::code)
                .collect::<Vec<_>>()
        };
        assert!(codes("EMEA").contains(&"EU"));
        assert_eq!(codes("EMEA"), ["EU"]);
        assert_eq!(codes("DACH"), ["EU"]);
        assert_eq!(codes("Nordics"), ["EU"]);
        assert_eq!(codes("UK & Ireland"), ["EU"]);
        assert_eq!(codes("EEA"), ["EU"]);
        let north_america = codes("North America");
        assert_eq!(north_america.len(), 9);
        assert!(north_america.contains(&"CA-ON") && north_america.contains(&"US-CO"));
        assert!(
            north_america
                .iter()
                .all(|c| c.starts_with("US-") || *c == "CA-ON")
        );
        assert_eq!(codes("NA"), north_america);
        assert_eq!(codes("APAC"), Vec::<&str>::new());
        assert_eq!(codes("LATAM"), Vec::<&str>::new());
        assert_eq!(codes("UK"), Vec::<&str>::new());
    }

    #[test]
    fn remote_states_and_provinces_are_their_own_laws() {
        let codes = |r: &str| {
            of_region(r)
                .into_iter()
                .map(Jurisdiction::code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("California"), ["US-CA"]);
        assert_eq!(codes("US-CA"), ["US-CA"]);
        assert_eq!(codes("CA"), ["CA-ON"]);
        assert_eq!(codes("WA"), ["US-WA"]);
        assert_eq!(codes("NY"), ["US-NY", "US-NYC"]);
        assert_eq!(codes("US-NY"), ["US-NY", "US-NYC"]);
        assert_eq!(codes("Ontario"), ["CA-ON"]);
        assert_eq!(codes("CA-ON"), ["CA-ON"]);
        assert_eq!(codes("British Columbia"), Vec::<&str>::new());
        assert_eq!(codes("Texas"), Vec::<&str>::new());
        assert_eq!(codes("CO"), Vec::<&str>::new());
    }
}
