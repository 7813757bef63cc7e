//! Which laws a posting falls under by place: where it is based, and where a remote hire
//! may live.

use super::{Area, LAWS, Law, by_id};
use crate::content::model::{Location, Posting};
use crate::content::regions::{self, EU, Region, RegionKind};

/// Every law a posting's locations or remote regions fall under, in table order.
pub(crate) fn of_posting(posting: &Posting) -> Vec<&'static Law> {
    let mut remote: Vec<Region> = Vec::new();
    let mut named: Vec<&'static str> = Vec::new();
    for entry in &posting.remote_regions {
        match regions::parse(entry) {
            Some(region) => remote.push(region),
            // A law's own code ("US-NYC") stands for itself.
            None => named.extend(by_id(entry).map(|l| l.id)),
        }
    }
    let places: Vec<Place> = posting.locations.iter().map(Place::of).collect();
    LAWS.iter()
        .filter(|law| {
            places.iter().any(|place| at_location(law, place))
                || (law.remote && remote.iter().any(|r| covers(law, r)))
                || named.contains(&law.id)
        })
        .collect()
}

/// A location as the laws look at it: its country, city, and its state or province read
/// once (a name is looked up once, not against every law).
struct Place<'a> {
    /// ISO country code.
    country: &'a str,
    /// The city as written, trimmed.
    city: &'a str,
    /// The region as written, trimmed.
    region: &'a str,
    /// The subdivision code a written name stands for ("Maryland" → "MD"), if it is one.
    named: Option<&'static str>,
}

impl<'a> Place<'a> {
    /// Reads one location.
    fn of(loc: &'a Location) -> Self {
        let region = loc.region.trim();
        let country = loc.country.as_str();
        // A bare two-letter code is read as a country, so only names are looked up.
        let named = (region.chars().count() > 3)
            .then(|| regions::parse(region))
            .flatten()
            .filter(|r| r.kind == RegionKind::Subdivision)
            .and_then(|r| r.code.strip_prefix(country)?.strip_prefix('-'));
        Place {
            country,
            city: loc.city.trim(),
            region,
            named,
        }
    }

    /// Whether its region is the state or province `code` ("MD", written so or as a name).
    fn in_region(&self, code: &str) -> bool {
        self.region.eq_ignore_ascii_case(code) || self.named == Some(code)
    }
}

/// Whether a job based at `place` falls under `law`.
fn at_location(law: &Law, place: &Place) -> bool {
    let country = place.country;
    match law.area {
        Area::Country(c) => country == c,
        Area::Region(c, code) => country == c && place.in_region(code),
        Area::City(c, state, names) => {
            let in_state = place.region.is_empty() || place.in_region(state);
            let city = place.city;
            country == c && in_state && names.iter().any(|n| n.eq_ignore_ascii_case(city))
        }
        Area::EuMember => eu_without_own_law(country),
    }
}

/// Whether a remote hire living in `region` makes a job fall under `law`.
fn covers(law: &Law, region: &Region) -> bool {
    match region.kind {
        RegionKind::Worldwide => true,
        RegionKind::Subdivision => {
            let (country, code) = region.code.split_once('-').unwrap_or((region.code, ""));
            match law.area {
                Area::Region(c, st) | Area::City(c, st, _) => c == country && st == code,
                _ => false,
            }
        }
        RegionKind::Group | RegionKind::Country => match law.area {
            Area::Country(c) | Area::Region(c, _) | Area::City(c, _, _) => {
                region.countries.contains(&c)
            }
            Area::EuMember => region.countries.iter().any(|c| eu_without_own_law(c)),
        },
    }
}

/// An EU member country whose own transposition is not a row of the table.
fn eu_without_own_law(country: &str) -> bool {
    EU.contains(&country)
        && !LAWS
            .iter()
            .any(|l| matches!(l.area, Area::Country(c) if c == country))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Location;

    fn codes_of(posting: &Posting) -> Vec<&'static str> {
        of_posting(posting).into_iter().map(|l| l.id).collect()
    }

    fn at(city: &str, region: &str, country: &str) -> Vec<&'static str> {
        let mut p = crate::lint::tests_support::posting();
        p.locations = vec![Location {
            city: city.into(),
            region: region.into(),
            country: country.into(),
            ..Location::default()
        }];
        codes_of(&p)
    }

    fn remote(region: &str) -> Vec<&'static str> {
        let mut p = crate::lint::tests_support::posting();
        p.locations.clear();
        p.remote_regions = vec![region.to_string()];
        codes_of(&p)
    }

    #[test]
    fn matches_regions_by_code_or_name() {
        assert_eq!(at("Denver", "CO", "US"), ["US-CO"]);
        assert_eq!(at("Denver", "Colorado", "US"), ["US-CO"]);
        assert_eq!(at("Brooklyn", "New York", "US"), ["US-NY", "US-NYC"]);
        assert_eq!(at("Buffalo", "NY", "US"), ["US-NY"]);
        assert_eq!(at("Baltimore", "MD", "US"), ["US-MD"]);
        assert_eq!(at("Washington", "DC", "US"), ["US-DC"]);
        assert_eq!(at("Cleveland", "OH", "US"), ["US-CLEVELAND"]);
        assert_eq!(at("Columbus", "Ohio", "US"), ["US-COLUMBUS"]);
        assert_eq!(at("Columbus", "GA", "US"), Vec::<&str>::new());
        assert_eq!(at("Toronto", "Ontario", "CA"), ["CA-ON"]);
        assert_eq!(at("Vancouver", "BC", "CA"), ["CA-BC"]);
        assert_eq!(at("Charlottetown", "Prince Edward Island", "CA"), ["CA-PE"]);
        assert_eq!(at("Berlin", "", "DE"), ["EU"]);
        assert_eq!(at("Warsaw", "", "PL"), ["PL"]);
        assert_eq!(at("Amsterdam", "", "NL"), ["NL"]);
        assert_eq!(at("Zürich", "", "CH"), Vec::<&str>::new());
        assert_eq!(at("Bogotá", "", "CO"), Vec::<&str>::new());
    }

    #[test]
    fn matches_remote_regions() {
        assert_eq!(remote("Colorado"), ["US-CO"]);
        assert_eq!(remote("Germany"), ["EU"]);
        assert_eq!(remote("fr"), ["EU"]);
        assert_eq!(remote("Canada"), ["CA-BC", "CA-PE", "CA-ON"]);
        assert_eq!(
            remote("US").len(),
            14,
            "every US law but the two city ordinances"
        );
        assert!(!remote("US").contains(&"US-CLEVELAND"));
        assert_eq!(remote("Ohio"), Vec::<&str>::new());
        assert_eq!(remote("Japan"), Vec::<&str>::new());
        assert_eq!(remote("worldwide").len(), 20);
        assert_eq!(remote("New York"), ["US-NY", "US-NYC"]);
        assert_eq!(remote("US-NYC"), ["US-NYC"]);
        assert_eq!(remote("US-CLEVELAND"), ["US-CLEVELAND"]);
        assert_eq!(remote("Europe"), ["PL", "NL", "EU"]);
        assert_eq!(remote("Poland"), ["PL"]);
        assert_eq!(remote("Mars"), Vec::<&str>::new());
    }

    #[test]
    fn remote_groups_cover_their_countries_laws() {
        assert_eq!(remote("EMEA"), ["PL", "NL", "EU"]);
        assert_eq!(remote("DACH"), ["EU"]);
        assert_eq!(remote("Nordics"), ["EU"]);
        assert_eq!(remote("UK & Ireland"), ["EU"]);
        let north_america = remote("North America");
        assert_eq!(north_america.len(), 17);
        assert!(north_america.contains(&"CA-ON") && north_america.contains(&"US-CO"));
        assert_eq!(remote("NA"), north_america);
        assert_eq!(remote("APAC"), Vec::<&str>::new());
        assert_eq!(remote("LATAM"), Vec::<&str>::new());
        assert_eq!(remote("UK"), Vec::<&str>::new());
    }

    #[test]
    fn remote_states_and_provinces_are_their_own_laws() {
        assert_eq!(remote("California"), ["US-CA"]);
        assert_eq!(remote("US-CA"), ["US-CA"]);
        assert_eq!(remote("CA"), ["CA-BC", "CA-PE", "CA-ON"]);
        assert_eq!(remote("WA"), ["US-WA"]);
        assert_eq!(remote("NY"), ["US-NY", "US-NYC"]);
        assert_eq!(remote("Ontario"), ["CA-ON"]);
        assert_eq!(remote("British Columbia"), ["CA-BC"]);
        assert_eq!(remote("Maryland"), ["US-MD"]);
        assert_eq!(remote("Texas"), Vec::<&str>::new());
        assert_eq!(remote("CO"), Vec::<&str>::new());
    }
}
