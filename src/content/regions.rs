//! `remote_regions` entries understood: "EU", "Germany", "US-CA", "Asia-Pacific" or "worldwide"
//! become a [`Region`] with the countries it covers, and an unknown one gets a "did you mean".

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::content::codes::{self, COUNTRIES};
use crate::diagnostics::{did_you_mean, edit_distance};

/// Several code lists as one `&'static [&str]`, joined at compile time, so a group such as
/// EMEA is written as its parts and costs nothing at run time.
macro_rules! joined {
    ($($part:expr),+ $(,)?) => {{
        const PARTS: &[&[&str]] = &[$($part),+];
        const OUT: [&str; $crate::content::regions::total(PARTS)] =
            $crate::content::regions::join(PARTS);
        &OUT
    }};
}

mod data;
#[cfg(test)]
mod tests;

/// The EU's member states, which pay-transparency code checks locations against.
pub(crate) use data::EU;

/// No accepted spelling is near this long, so longer texts are refused before any work.
const MAX_LEN: usize = 128;

/// One `remote_regions` entry, understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    /// A stable key no two regions share: "worldwide", a group ("EU", "EMEA", "NORAM"), a
    /// country ("DE") or a subdivision ("US-CA"); `parse` reads each back but Namibia's "NA".
    pub(crate) code: &'static str,
    /// What sort of place it is, for code that treats groups and places apart.
    pub(crate) kind: RegionKind,
    /// The English name, for messages: "European Union", "Germany", "California".
    pub(crate) name: &'static str,
    /// What a listing shows in "Remote (EU)": "EU", "Germany", "California", "Worldwide".
    pub(crate) short: &'static str,
    /// The ISO 3166-1 alpha-2 codes it covers: empty for worldwide, its country for a
    /// subdivision.
    pub(crate) countries: &'static [&'static str],
}

/// What sort of place a [`Region`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RegionKind {
    /// Anywhere at all.
    Worldwide,
    /// A named set of countries: EU, EMEA, DACH.
    Group,
    /// One ISO 3166-1 country.
    Country,
    /// One US state (or DC, Puerto Rico) or Canadian province or territory.
    Subdivision,
}

/// Reads one `remote_regions` entry, ignoring case, accents, dots, dashes, `&` for "and",
/// "the", a leading "remote" and "St" for "Saint". A bare two-letter code is a country ("CA"
/// is Canada), or else a US state ("NY"); "NA" is North America (Namibia is "Namibia").
pub(crate) fn parse(text: &str) -> Option<Region> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_LEN {
        return None;
    }
    if let Some(region) = by_code(text) {
        return Some(region);
    }
    let key = normalise(text);
    by_code(&key).or_else(|| lookup(&key))
}

/// The closest accepted spelling to an unknown entry ("Germnay" → "Germany"), for a hint.
pub(crate) fn suggest(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.len() > MAX_LEN {
        return None;
    }
    let key = normalise(text);
    if key.is_empty() {
        return None;
    }
    let index = index();
    let near: Vec<&str> = index
        .iter()
        .map(|s| &*s.key)
        .filter(|k| near(&key, k))
        .collect();
    let best = did_you_mean(&key, &near)?;
    let i = index.binary_search_by(|s| (*s.key).cmp(best)).ok()?;
    Some(index[i].shown)
}

/// Whether a key is close enough to suggest: did_you_mean alone allows two edits in a short
/// word ("Mars" → "Mali"), so one edit per four letters here, or two letters swapped
/// ("EMAE" → "EMEA").
fn near(key: &str, known: &str) -> bool {
    let distance = edit_distance(key, known);
    distance <= (known.chars().count() / 4).max(1) || (distance == 2 && same_letters(key, known))
}

/// Whether two words are made of the same letters, as a typo that swaps two of them is.
fn same_letters(a: &str, b: &str) -> bool {
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    sorted(a) == sorted(b)
}

/// A region written as a code, without allocating: a group's code, "NA", a country ("de"),
/// a bare US state ("NY") or a subdivision ("US-CA", "us ca").
fn by_code(text: &str) -> Option<Region> {
    if let Some((region, _)) = data::GROUPS
        .iter()
        .find(|(r, _)| r.code.eq_ignore_ascii_case(text))
    {
        return Some(*region);
    }
    match *text.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
            two_letters(std::str::from_utf8(&code).ok()?)
        }
        [a, b, b'-' | b' ', c, d] => {
            let code = [a, b, b'-', c, d].map(|x| x.to_ascii_uppercase());
            subdivision(std::str::from_utf8(&code).ok()?)
        }
        _ => None,
    }
}

/// An upper-case two-letter code: North America for "NA", a country, or else a US state.
fn two_letters(code: &str) -> Option<Region> {
    if code == "NA" {
        return group("NORAM");
    }
    country(code).or_else(|| {
        let state = data::SUBDIVISIONS
            .iter()
            .find(|(c, _, _)| c.strip_prefix("US-") == Some(code))?;
        Some(subdivision_region(state))
    })
}

/// The group or worldwide region with this code.
fn group(code: &str) -> Option<Region> {
    data::GROUPS
        .iter()
        .find(|(r, _)| r.code == code)
        .map(|(r, _)| *r)
}

/// The country with this upper-case ISO code.
fn country(code: &str) -> Option<Region> {
    let i = COUNTRIES.binary_search_by(|(c, _)| (*c).cmp(code)).ok()?;
    Some(country_at(i))
}

/// The country at a place in [`COUNTRIES`].
fn country_at(i: usize) -> Region {
    let (code, name) = COUNTRIES[i];
    Region {
        code,
        kind: RegionKind::Country,
        name,
        short: name,
        countries: std::slice::from_ref(&COUNTRIES[i].0),
    }
}

/// The subdivision with this upper-case code ("US-CA").
fn subdivision(code: &str) -> Option<Region> {
    data::SUBDIVISIONS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(subdivision_region)
}

/// A row of [`data::SUBDIVISIONS`] as a region.
fn subdivision_region(row: &(&'static str, &'static str, &'static [&'static str])) -> Region {
    let (code, name, _) = *row;
    Region {
        code,
        kind: RegionKind::Subdivision,
        name,
        short: name,
        countries: if code.starts_with("US-") {
            &["US"]
        } else {
            &["CA"]
        },
    }
}

/// The text as a look-up key: accents off, lower case, dots and apostrophes dropped, `&` as
/// "and", any other non-letter as a space, the words "the" and a leading "remote" dropped,
/// "st" as "saint", and single spaces.
fn normalise(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            '.' | '\'' | '’' => {}
            '&' => folded.push_str(" and "),
            c if c.is_alphanumeric() => folded.extend(c.to_lowercase()),
            _ => folded.push(' '),
        }
    }
    let mut words: Vec<&str> = folded.split_whitespace().filter(|w| *w != "the").collect();
    if words.len() > 1 && words[0] == "remote" {
        words.remove(0);
    }
    let mut key = String::with_capacity(folded.len());
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(if word == "st" { "saint" } else { word });
    }
    key
}

/// One accepted spelling: its key, how it is written, and the region it names.
struct Spelling {
    /// The spelling through [`normalise`].
    key: Box<str>,
    /// The spelling as the tables write it, for "did you mean".
    shown: &'static str,
    /// What it names.
    region: Region,
}

/// The region a normalised key names.
fn lookup(key: &str) -> Option<Region> {
    let index = index();
    let i = index.binary_search_by(|s| (*s.key).cmp(key)).ok()?;
    Some(index[i].region)
}

/// Every accepted spelling, sorted by key, one per key: built once per process.
fn index() -> &'static [Spelling] {
    static INDEX: OnceLock<Vec<Spelling>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut all = spellings();
        // A stable sort keeps the first-written meaning of a key: the country Georgia before
        // the state, the country Puerto Rico before US-PR.
        all.sort_by(|a, b| a.key.cmp(&b.key));
        all.dedup_by(|later, first| later.key == first.key);
        all
    })
}

/// Every accepted spelling in the order that decides clashes: groups, country names, other
/// country names, subdivisions.
fn spellings() -> Vec<Spelling> {
    let groups = data::GROUPS
        .iter()
        .flat_map(|(region, names)| names.iter().map(move |n| (*n, *region)));
    let countries = (0..COUNTRIES.len()).map(|i| (COUNTRIES[i].1, country_at(i)));
    let aliases = codes::COUNTRY_ALIASES
        .iter()
        .filter_map(|(alias, code)| Some((*alias, country(code)?)));
    let subdivisions = data::SUBDIVISIONS.iter().flat_map(|row| {
        let region = subdivision_region(row);
        std::iter::once(row.1)
            .chain(row.2.iter().copied())
            .map(move |n| (n, region))
    });
    groups
        .chain(countries)
        .chain(aliases)
        .chain(subdivisions)
        .map(|(shown, region)| Spelling {
            key: normalise(shown).into(),
            shown,
            region,
        })
        .collect()
}

/// How many codes [`joined!`] joins, for the length of its array.
pub(crate) const fn total(parts: &[&[&str]]) -> usize {
    let (mut n, mut p) = (0, 0);
    while p < parts.len() {
        n += parts[p].len();
        p += 1;
    }
    n
}

/// The codes of `parts` one after another, for [`joined!`].
pub(crate) const fn join<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut p) = (0, 0);
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    out
}
