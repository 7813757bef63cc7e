use std::collections::{BTreeMap, BTreeSet};

use super::data::{self, GROUPS, SUBDIVISIONS};
use super::*;

/// The code a text parses to, or "-" when it names nothing.
fn code(text: &str) -> &'static str {
    parse(text).map_or("-", |r| r.code)
}

#[test]
fn reads_codes_in_any_case() {
    for (text, want) in [
        ("DE", "DE"),
        ("de", "DE"),
        (" us ", "US"),
        ("CA", "CA"),
        ("US-CA", "US-CA"),
        ("us-ca", "US-CA"),
        ("US CA", "US-CA"),
        ("CA-BC", "CA-BC"),
        ("ca-on", "CA-ON"),
        ("NY", "US-NY"),
        ("tx", "US-TX"),
        ("DC", "US-DC"),
        ("NA", "NORAM"),
        ("N.A.", "NORAM"),
        ("EU", "EU"),
        ("emea", "EMEA"),
        ("worldwide", "worldwide"),
        ("CO", "CO"),
        ("US-CO", "US-CO"),
        ("US-ON", "-"),
        ("CA-CA", "-"),
        ("ZZ", "-"),
        ("ON", "-"),
        ("N/A", "-"),
    ] {
        assert_eq!(code(text), want, "{text:?}");
    }
}

#[test]
fn reads_worldwide_and_group_spellings() {
    for (text, want) in [
        ("Worldwide", "worldwide"),
        ("anywhere", "worldwide"),
        ("Global", "worldwide"),
        ("world", "worldwide"),
        ("Remote worldwide", "worldwide"),
        ("International", "worldwide"),
        ("everywhere", "worldwide"),
        ("European Union", "EU"),
        ("the EU", "EU"),
        ("E.U.", "EU"),
        ("Europe", "EUROPE"),
        ("EEA", "EEA"),
        ("European Economic Area", "EEA"),
        ("EMEA", "EMEA"),
        ("Europe, the Middle East & Africa", "EMEA"),
        ("APAC", "APAC"),
        ("Asia-Pacific", "APAC"),
        ("Asia Pacific", "APAC"),
        ("asia/pacific", "APAC"),
        ("LATAM", "LATAM"),
        ("LatAm", "LATAM"),
        ("Latin America", "LATAM"),
        ("North America", "NORAM"),
        ("NORAM", "NORAM"),
        ("DACH", "DACH"),
        ("D-A-CH", "DACH"),
        ("Nordics", "NORDICS"),
        ("the Nordic countries", "NORDICS"),
        ("Scandinavia", "SCANDINAVIA"),
        ("Benelux", "BENELUX"),
        ("UK&I", "UKI"),
        ("UK & Ireland", "UKI"),
        ("UKI", "UKI"),
        ("UK and Ireland", "UKI"),
        ("British Isles", "UKI"),
        ("Remote (EU)", "EU"),
        ("remote - US", "US"),
        ("remote", "-"),
    ] {
        assert_eq!(code(text), want, "{text:?}");
    }
}

#[test]
fn reads_countries_by_name() {
    for (text, want) in [
        ("Germany", "DE"),
        ("germany", "DE"),
        ("United States", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("U.S.", "US"),
        ("United States of America", "US"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("The Netherlands", "NL"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("Bosnia & Herzegovina", "BA"),
        ("St. Lucia", "LC"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Czech Republic", "CZ"),
        ("Georgia", "GE"),
        ("Puerto Rico", "PR"),
        ("Namibia", "NA"),
    ] {
        assert_eq!(code(text), want, "{text:?}");
    }
    let de = parse("Germany").expect("Germany");
    assert_eq!(
        (de.kind, de.name, de.short),
        (RegionKind::Country, "Germany", "Germany")
    );
    assert_eq!(de.countries, ["DE"]);
}

#[test]
fn reads_states_and_provinces() {
    for (text, want) in [
        ("California", "US-CA"),
        ("new york", "US-NY"),
        ("New York State", "US-NY"),
        ("Washington", "US-WA"),
        ("Washington, D.C.", "US-DC"),
        ("District of Columbia", "US-DC"),
        ("D.C.", "US-DC"),
        ("Georgia (US)", "US-GA"),
        ("US-GA", "US-GA"),
        ("US-PR", "US-PR"),
        ("British Columbia", "CA-BC"),
        ("Québec", "CA-QC"),
        ("Quebec", "CA-QC"),
        ("Ontario", "CA-ON"),
        ("Newfoundland", "CA-NL"),
    ] {
        assert_eq!(code(text), want, "{text:?}");
    }
    let ca = parse("California").expect("California");
    assert_eq!(ca.kind, RegionKind::Subdivision);
    assert_eq!(
        (ca.name, ca.short, ca.countries),
        ("California", "California", &["US"][..])
    );
    assert_eq!(parse("CA-BC").map(|r| r.countries), Some(&["CA"][..]));
    assert_eq!(
        SUBDIVISIONS
            .iter()
            .filter(|s| s.0.starts_with("US-"))
            .count(),
        52
    );
    assert_eq!(
        SUBDIVISIONS
            .iter()
            .filter(|s| s.0.starts_with("CA-"))
            .count(),
        13
    );
}

#[test]
fn groups_cover_their_countries() {
    let members = |text: &str| parse(text).map(|r| r.countries).unwrap_or_default();
    assert_eq!(members("EU").len(), 27);
    assert_eq!(members("EEA").len(), 30);
    assert!(members("EEA").contains(&"NO") && !members("EU").contains(&"NO"));
    assert!(members("Europe").contains(&"CH") && members("Europe").contains(&"CY"));
    for c in ["DE", "GB", "AE", "IL", "ZA", "EG", "CY"] {
        assert!(members("EMEA").contains(&c), "EMEA {c}");
    }
    for c in ["JP", "IN", "AU", "NZ", "SG"] {
        assert!(members("APAC").contains(&c), "APAC {c}");
    }
    for c in ["CY", "AE", "DE", "US"] {
        assert!(!members("APAC").contains(&c), "APAC {c}");
    }
    assert!(members("LATAM").contains(&"MX") && members("LATAM").contains(&"BR"));
    assert_eq!(members("North America"), ["US", "CA"]);
    assert_eq!(members("DACH"), ["DE", "AT", "CH"]);
    assert_eq!(members("Nordics").len(), 5);
    assert_eq!(members("worldwide"), [] as [&str; 0]);
    for (region, _) in GROUPS {
        let unique: BTreeSet<_> = region.countries.iter().collect();
        assert_eq!(unique.len(), region.countries.len(), "{}", region.code);
        for c in region.countries {
            assert!(codes::country_name(c).is_some(), "{} {c}", region.code);
        }
    }
}

#[test]
fn the_m49_lists_cover_every_country_once() {
    let rest: &[&str] = &["BM", "CA", "GL", "PM", "US", "AQ"]; // Northern America, Antarctica
    let parts = [
        data::M49_EUROPE,
        data::M49_WESTERN_ASIA,
        data::M49_ASIA_EXCEPT_WESTERN,
        data::M49_AFRICA,
        data::M49_OCEANIA,
        data::LATAM,
        rest,
    ];
    let mut all: Vec<&str> = parts.concat();
    all.sort_unstable();
    let countries: Vec<&str> = COUNTRIES.iter().map(|(c, _)| *c).collect();
    assert_eq!(all, countries);
}

#[test]
fn every_spelling_and_code_reads_back() {
    for s in spellings() {
        assert_eq!(
            code(s.shown),
            lookup(&s.key).map_or("-", |r| r.code),
            "{}",
            s.shown
        );
    }
    let mut by_code = BTreeMap::new();
    for s in index() {
        // "NA" is North America: Namibia is read by name only.
        if s.region.code != "NA" {
            assert_eq!(parse(s.region.code), Some(s.region), "{}", s.region.code);
        }
        let first = *by_code.entry(s.region.code).or_insert(s.region);
        assert_eq!(first, s.region, "two regions share {}", s.region.code);
    }
    for (c, _) in COUNTRIES.iter().filter(|(c, _)| *c != "NA") {
        assert_eq!(code(c), *c);
    }
    assert!(by_code.len() > 300);
}

#[test]
fn only_known_spellings_clash() {
    let mut meanings: BTreeMap<Box<str>, BTreeSet<&str>> = BTreeMap::new();
    for s in spellings() {
        meanings.entry(s.key).or_default().insert(s.region.code);
    }
    let clashes: Vec<&str> = meanings
        .iter()
        .filter(|(_, codes)| codes.len() > 1)
        .map(|(key, _)| &**key)
        .collect();
    assert_eq!(clashes, ["georgia", "puerto rico"]);
}

#[test]
fn suggests_the_closest_spelling() {
    for (text, want) in [
        ("Germnay", Some("Germany")),
        ("germny", Some("Germany")),
        ("EMAE", Some("EMEA")),
        ("Califronia", Some("California")),
        ("Nordcs", Some("Nordics")),
        ("Untied Kingdom", Some("United Kingdom")),
        ("Mars", None),
        ("Atlantis", None),
        ("", None),
        ("   ", None),
        ("🦀", None),
    ] {
        assert_eq!(suggest(text), want, "{text:?}");
    }
}

#[test]
fn odd_texts_neither_panic_nor_match() {
    let long = "a".repeat(10_000);
    let long_emoji = "🌍".repeat(10_000);
    for text in [
        "",
        "   ",
        "\t\n",
        "🌍",
        "🇩🇪",
        "\u{0}",
        "\u{301}",
        "-",
        "--",
        "ＤＥ",
        "דויטשלאנד",
        long.as_str(),
        long_emoji.as_str(),
    ] {
        assert_eq!(parse(text), None, "{text:?}");
        let _ = suggest(text);
    }
    assert_eq!(code("US-"), "US");
    assert_eq!(code("-CA-"), "CA");
    assert_eq!(code("ÜS"), "US");
}

proptest::proptest! {
    /// Any text at all: parse and suggest answer without panicking.
    #[test]
    fn any_text_is_answered(text in "\\PC{0,40}") {
        let _ = parse(&text);
        let _ = suggest(&text);
    }
}
