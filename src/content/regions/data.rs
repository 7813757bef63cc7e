//! The vocabulary of `remote_regions`: named groups of countries with their member lists, and
//! the US and Canadian subdivisions, each with the spellings people write.

use super::{Region, RegionKind};

/// UN M49 Europe (150): Eastern, Northern, Southern and Western Europe.
pub(crate) const M49_EUROPE: &[&str] = &[
    "BG", "BY", "CZ", "HU", "MD", "PL", "RO", "RU", "SK", "UA", // Eastern Europe (151)
    "AX", "DK", "EE", "FI", "FO", "GB", "GG", "IE", "IM", "IS", "JE", "LT", "LV", "NO", "SE",
    "SJ", // Northern Europe (154)
    "AD", "AL", "BA", "ES", "GI", "GR", "HR", "IT", "ME", "MK", "MT", "PT", "RS", "SI", "SM",
    "VA", // Southern Europe (039)
    "AT", "BE", "CH", "DE", "FR", "LI", "LU", "MC", "NL", // Western Europe (155)
];

/// UN M49 Western Asia (145), which is what hiring means by the Middle East.
pub(crate) const M49_WESTERN_ASIA: &[&str] = &[
    "AE", "AM", "AZ", "BH", "CY", "GE", "IL", "IQ", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY",
    "TR", "YE",
];

/// UN M49 Asia (142) without Western Asia: Central, Eastern (with Taiwan, which M49 does not
/// list), South-eastern and Southern Asia.
pub(crate) const M49_ASIA_EXCEPT_WESTERN: &[&str] = &[
    "KG", "KZ", "TJ", "TM", "UZ", // Central Asia (143)
    "CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW", // Eastern Asia (030)
    "BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN", // South-eastern (035)
    "AF", "BD", "BT", "IN", "IR", "LK", "MV", "NP", "PK", // Southern Asia (034)
];

/// UN M49 Africa (002): Northern Africa and Sub-Saharan Africa.
pub(crate) const M49_AFRICA: &[&str] = &[
    "DZ", "EG", "EH", "LY", "MA", "SD", "TN", // Northern Africa (015)
    "BI", "DJ", "ER", "ET", "IO", "KE", "KM", "MG", "MU", "MW", "MZ", "RE", "RW", "SC", "SO", "SS",
    "TF", "TZ", "UG", "YT", "ZM", "ZW", // Eastern Africa (014)
    "AO", "CD", "CF", "CG", "CM", "GA", "GQ", "ST", "TD", // Middle Africa (017)
    "BW", "LS", "NA", "SZ", "ZA", // Southern Africa (018)
    "BF", "BJ", "CI", "CV", "GH", "GM", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SH", "SL", "SN",
    "TG", // Western Africa (011)
];

/// UN M49 Oceania (009): Australia and New Zealand, Melanesia, Micronesia, Polynesia.
pub(crate) const M49_OCEANIA: &[&str] = &[
    "AU", "CC", "CX", "HM", "NF", "NZ", // Australia and New Zealand (053)
    "FJ", "NC", "PG", "SB", "VU", // Melanesia (054)
    "FM", "GU", "KI", "MH", "MP", "NR", "PW", "UM", // Micronesia (057)
    "AS", "CK", "NU", "PF", "PN", "TK", "TO", "TV", "WF", "WS", // Polynesia (061)
];

/// UN M49 Latin America and the Caribbean (419), Mexico included.
pub(crate) const LATAM: &[&str] = &[
    "AG", "AI", "AW", "BB", "BL", "BQ", "BS", "CU", "CW", "DM", "DO", "GD", "GP", "HT", "JM", "KN",
    "KY", "LC", "MF", "MQ", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI", // Caribbean (029)
    "BZ", "CR", "GT", "HN", "MX", "NI", "PA", "SV", // Central America (013)
    "AR", "BO", "BR", "BV", "CL", "CO", "EC", "FK", "GF", "GS", "GY", "PE", "PY", "SR", "UY",
    "VE", // South America (005)
];

/// The 27 member states of the European Union.
pub(crate) const EU: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The European Economic Area: the EU plus Iceland, Liechtenstein and Norway.
const EEA: &[&str] = joined!(EU, &["IS", "LI", "NO"]);

/// Europe the continent, not the EU: UN M49 Europe plus Cyprus, an EU member M49 puts in Asia.
const EUROPE: &[&str] = joined!(M49_EUROPE, &["CY"]);

/// EMEA: UN M49 Europe, Western Asia (the Middle East) and Africa.
const EMEA: &[&str] = joined!(M49_EUROPE, M49_WESTERN_ASIA, M49_AFRICA);

/// APAC: UN M49 Asia and Oceania, less Western Asia, which hiring counts in EMEA (it also holds
/// Cyprus, which would put every APAC posting under EU law).
const APAC: &[&str] = joined!(M49_ASIA_EXCEPT_WESTERN, M49_OCEANIA);

/// North America as hiring means it: the US and Canada; Mexico is in LATAM (write both to mean
/// both).
const NORTH_AMERICA: &[&str] = &["US", "CA"];

/// DACH: Germany (D), Austria (A), Switzerland (CH).
const DACH: &[&str] = &["DE", "AT", "CH"];

/// The Nordic countries: the five sovereign states of the Nordic Council.
const NORDICS: &[&str] = &["DK", "FI", "IS", "NO", "SE"];

/// Scandinavia in its strict sense, kept apart from the Nordics so a listing shows the word
/// the posting used.
const SCANDINAVIA: &[&str] = &["DK", "NO", "SE"];

/// Benelux: Belgium, the Netherlands, Luxembourg.
const BENELUX: &[&str] = &["BE", "NL", "LU"];

/// The UK and Ireland.
const UKI: &[&str] = &["GB", "IE"];

/// A group's entry in [`GROUPS`], so the table reads one group a line.
const fn group(
    code: &'static str,
    name: &'static str,
    short: &'static str,
    countries: &'static [&'static str],
) -> Region {
    let kind = if countries.is_empty() {
        RegionKind::Worldwide
    } else {
        RegionKind::Group
    };
    Region {
        code,
        kind,
        name,
        short,
        countries,
    }
}

/// Worldwide and the named groups, each with the spellings `parse` accepts (its code first).
pub(super) const GROUPS: &[(Region, &[&str])] = &[
    (
        group("worldwide", "Worldwide", "Worldwide", &[]),
        &[
            "Worldwide",
            "world wide",
            "anywhere",
            "anywhere in the world",
            "everywhere",
            "global",
            "globally",
            "world",
            "international",
        ],
    ),
    (
        group("EU", "European Union", "EU", EU),
        &["EU", "European Union"],
    ),
    (
        group("EEA", "European Economic Area", "EEA", EEA),
        &["EEA", "European Economic Area"],
    ),
    (group("EUROPE", "Europe", "Europe", EUROPE), &["Europe"]),
    (
        group("EMEA", "Europe, the Middle East and Africa", "EMEA", EMEA),
        &["EMEA", "Europe, Middle East and Africa"],
    ),
    (
        group("APAC", "Asia-Pacific", "APAC", APAC),
        &["APAC", "Asia-Pacific"],
    ),
    (
        group("LATAM", "Latin America", "LATAM", LATAM),
        &["LATAM", "Latin America", "Latin America and the Caribbean"],
    ),
    (
        group("NORAM", "North America", "North America", NORTH_AMERICA),
        &["NORAM", "North America", "NA"],
    ),
    (
        group("DACH", "Germany, Austria and Switzerland", "DACH", DACH),
        &["DACH", "D-A-CH"],
    ),
    (
        group("NORDICS", "Nordic countries", "Nordics", NORDICS),
        &["Nordics", "Nordic countries", "Nordic"],
    ),
    (
        group("SCANDINAVIA", "Scandinavia", "Scandinavia", SCANDINAVIA),
        &["Scandinavia", "Scandinavian countries"],
    ),
    (
        group("BENELUX", "Benelux", "Benelux", BENELUX),
        &["Benelux"],
    ),
    (
        group("UKI", "United Kingdom and Ireland", "UK & Ireland", UKI),
        &[
            "UKI",
            "UK&I",
            "UK and Ireland",
            "United Kingdom and Ireland",
            "British Isles",
        ],
    ),
];

/// US states, DC and Puerto Rico, then Canadian provinces and territories, checked against
/// ISO 3166-2 (iso-codes 4.20.1): (code, English name, other spellings).
pub(super) const SUBDIVISIONS: &[(&str, &str, &[&str])] = &[
    ("US-AL", "Alabama", &[]),
    ("US-AK", "Alaska", &[]),
    ("US-AZ", "Arizona", &[]),
    ("US-AR", "Arkansas", &[]),
    ("US-CA", "California", &[]),
    ("US-CO", "Colorado", &[]),
    ("US-CT", "Connecticut", &[]),
    ("US-DE", "Delaware", &[]),
    (
        "US-DC",
        "District of Columbia",
        &["Washington DC", "Washington, D.C."],
    ),
    ("US-FL", "Florida", &[]),
    ("US-GA", "Georgia", &["Georgia (US)", "Georgia, USA"]),
    ("US-HI", "Hawaii", &[]),
    ("US-ID", "Idaho", &[]),
    ("US-IL", "Illinois", &[]),
    ("US-IN", "Indiana", &[]),
    ("US-IA", "Iowa", &[]),
    ("US-KS", "Kansas", &[]),
    ("US-KY", "Kentucky", &[]),
    ("US-LA", "Louisiana", &[]),
    ("US-ME", "Maine", &[]),
    ("US-MD", "Maryland", &[]),
    ("US-MA", "Massachusetts", &[]),
    ("US-MI", "Michigan", &[]),
    ("US-MN", "Minnesota", &[]),
    ("US-MS", "Mississippi", &[]),
    ("US-MO", "Missouri", &[]),
    ("US-MT", "Montana", &[]),
    ("US-NE", "Nebraska", &[]),
    ("US-NV", "Nevada", &[]),
    ("US-NH", "New Hampshire", &[]),
    ("US-NJ", "New Jersey", &[]),
    ("US-NM", "New Mexico", &[]),
    ("US-NY", "New York", &["New York State"]),
    ("US-NC", "North Carolina", &[]),
    ("US-ND", "North Dakota", &[]),
    ("US-OH", "Ohio", &[]),
    ("US-OK", "Oklahoma", &[]),
    ("US-OR", "Oregon", &[]),
    ("US-PA", "Pennsylvania", &[]),
    ("US-PR", "Puerto Rico", &[]),
    ("US-RI", "Rhode Island", &[]),
    ("US-SC", "South Carolina", &[]),
    ("US-SD", "South Dakota", &[]),
    ("US-TN", "Tennessee", &[]),
    ("US-TX", "Texas", &[]),
    ("US-UT", "Utah", &[]),
    ("US-VT", "Vermont", &[]),
    ("US-VA", "Virginia", &[]),
    ("US-WA", "Washington", &["Washington State"]),
    ("US-WV", "West Virginia", &[]),
    ("US-WI", "Wisconsin", &[]),
    ("US-WY", "Wyoming", &[]),
    ("CA-AB", "Alberta", &[]),
    ("CA-BC", "British Columbia", &[]),
    ("CA-MB", "Manitoba", &[]),
    ("CA-NB", "New Brunswick", &[]),
    ("CA-NL", "Newfoundland and Labrador", &["Newfoundland"]),
    ("CA-NS", "Nova Scotia", &[]),
    ("CA-NT", "Northwest Territories", &[]),
    ("CA-NU", "Nunavut", &[]),
    ("CA-ON", "Ontario", &[]),
    ("CA-PE", "Prince Edward Island", &["PEI"]),
    ("CA-QC", "Quebec", &[]),
    ("CA-SK", "Saskatchewan", &[]),
    ("CA-YT", "Yukon", &["Yukon Territory"]),
];
