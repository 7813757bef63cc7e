//! Title lints: job boards and search engines want a plain job title, without salary,
//! place or "remote" (those have their own fields), in normal case and not too long.

use super::measure::{self, Length};
use super::{Ctx, Spot};
use crate::content::codes;
use crate::diagnostics::Diagnostic;

/// Widest title, in Latin letters, before `title-too-long`: job boards and Google cut titles
/// by width, so a Chinese, Japanese or Korean title gets half as many characters.
pub const MAX_LEN: usize = 80;

const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₽', '₩', '₪', '₺', '₫', '₱'];

/// Adds the title warnings for one posting.
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let title = ctx.posting.title.as_str();
    let doc = ctx.doc;
    let whole = doc.key_or_top(&["title"]);
    let length = Length::of(title);
    if length.width > MAX_LEN {
        let message = match length.has_wide() {
            false => format!(
                "the title is {} characters long; job boards and Google cut titles after about {MAX_LEN}",
                length.chars
            ),
            true => format!(
                "the title is {} long; job boards and Google cut titles after about {}",
                length.describe(),
                measure::limit_in_letters(MAX_LEN)
            ),
        };
        out.push(doc.warn(
            whole,
            "title-too-long",
            message,
            "keep just the job title (like `Senior Backend Engineer`) and move the rest into the text",
        ));
    }
    if is_all_caps(title) {
        out.push(doc.warn(
            whole,
            "title-all-caps",
            "the title is written in capital letters only, which reads as shouting and is harder to read".to_string(),
            "write it in normal case, like `Senior Backend Engineer`",
        ));
    }
    if let Some((at, width)) = salary_in(title) {
        out.push(doc.warn(
            within(ctx, whole, at, width),
            "title-has-salary",
            "the title mentions pay; job boards reject or demote titles with salaries in them".to_string(),
            "remove it from the title and write the range under `salary:` (min, max, currency, period)",
        ));
    }
    if let Some((at, width, name)) = place_in(ctx) {
        out.push(doc.warn(
            within(ctx, whole, at, width),
            "title-has-location",
            format!("the title names a place (`{name}`); the place already shows from `locations`, and job boards use that field to match searches"),
            "remove the place from the title; keep it under `locations:`",
        ));
    }
    if let Some(at) = find_word(title, "remote") {
        out.push(doc.warn(
            within(ctx, whole, at, 6),
            "title-has-remote",
            "the title says \"remote\"; write it as `workplace: remote` instead, so filters, job boards and Google for Jobs see it".to_string(),
            "remove \"remote\" from the title and add `workplace: remote` (with `remote_regions:` for where people may live)",
        ));
    }
}

/// Points at characters `at..at+width` of the title on its line, if the title is found there.
fn within(ctx: &Ctx, whole: Spot, at: usize, width: usize) -> Spot {
    let title = ctx.posting.title.as_str();
    let line = ctx
        .doc
        .text
        .lines()
        .nth(whole.line.saturating_sub(1) as usize)
        .unwrap_or("");
    match line.find(title) {
        Some(byte) => Spot {
            line: whole.line,
            column: (line[..byte].chars().count() + at + 1) as u32,
            width,
        },
        None => whole,
    }
}

/// No lower-case letters and enough letters to be more than an acronym ("CTO" is fine);
/// scripts without capitals (Chinese, Japanese, Arabic …) have no letters to count here.
fn is_all_caps(title: &str) -> bool {
    let letters: Vec<char> = (title.chars())
        .filter(|c| c.is_uppercase() || c.is_lowercase())
        .collect();
    let words = title
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    letters.len() >= 6 && words >= 2 && !letters.iter().any(|c| c.is_lowercase())
}

/// A currency sign, or a number like `80k`, `80,000` or `100000`: (char offset, width).
pub fn salary_in(title: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = title.chars().collect();
    if let Some(i) = chars.iter().position(|c| CURRENCY_SIGNS.contains(c)) {
        return Some((i, 1));
    }
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let digits: String = chars[start..i]
            .iter()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let k = chars.get(i).is_some_and(|c| matches!(c, 'k' | 'K'))
            && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
        if k {
            return Some((start, i + 1 - start));
        }
        let raw: String = chars[start..i].iter().collect();
        let grouped = raw.ends_with(",000") || raw.ends_with(".000");
        if grouped || (digits.len() >= 5 && digits.ends_with("000")) {
            return Some((start, i - start));
        }
    }
    None
}

/// The posting's own city, region or country name inside its title.
fn place_in(ctx: &Ctx) -> Option<(usize, usize, String)> {
    let title = ctx.posting.title.as_str();
    let mut names: Vec<String> = Vec::new();
    for loc in &ctx.posting.locations {
        names.push(loc.city.clone());
        names.push(loc.region.clone());
        names.extend(codes::country_name(&loc.country).map(str::to_string));
    }
    names
        .into_iter()
        .filter(|n| n.trim().chars().count() > 2)
        .find_map(|n| {
            find_word(title, n.trim())
                .map(|at| (at, n.trim().chars().count(), n.trim().to_string()))
        })
}

/// Char offset of `word` in `text` as a whole word, ignoring case.
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    if text.is_ascii() && word.is_ascii() && !word.is_empty() {
        return find_ascii_word(text.as_bytes(), word.as_bytes());
    }
    let hay: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let needle: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() || hay.len() != text.chars().count() {
        // Lower-casing changed the length (rare letters): fall back to an exact search.
        let byte = text.find(word)?;
        return Some(text[..byte].chars().count());
    }
    (0..=hay.len().saturating_sub(needle.len())).find(|&i| {
        hay.len() >= needle.len()
            && hay[i..i + needle.len()] == needle[..]
            && (i == 0 || !hay[i - 1].is_alphanumeric())
            && hay
                .get(i + needle.len())
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// [`find_word`] for ASCII text, where a byte is a character: no copies, no allocation.
fn find_ascii_word(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let last = hay.len().checked_sub(needle.len())?;
    (0..=last).find(|&i| {
        hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
            && (i == 0 || !hay[i - 1].is_ascii_alphanumeric())
            && hay
                .get(i + needle.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests_support::{ctx_for, posting};

    #[test]
    fn ascii_words_are_found_as_the_general_search_finds_them() {
        for (text, word, at) in [
            ("Backend Engineer (Remote)", "remote", Some(18)),
            ("Remote-first Engineer", "remote", Some(0)),
            ("Remotely Engineer", "remote", None),
            ("Berlin", "Berlin", Some(0)),
            ("Be", "Berlin", None),
            ("Sales Lead, BERLIN", "berlin", Some(12)),
        ] {
            assert_eq!(find_word(text, word), at, "{text} / {word}");
        }
    }

    fn codes(title: &str) -> Vec<String> {
        let mut p = posting();
        p.title = title.to_string();
        let mut out = Vec::new();
        ctx_for(&p, jiff::civil::date(2026, 1, 1), |ctx| {
            check(ctx, &mut out)
        });
        out.iter()
            .map(|d| format!("{}@{}+{}", d.code, d.column, d.width))
            .collect()
    }

    #[test]
    fn flags_each_problem_at_its_place_in_the_title() {
        assert_eq!(codes("Backend Engineer"), Vec::<String>::new());
        assert_eq!(codes("SRE"), Vec::<String>::new());
        assert_eq!(codes("BACKEND ENGINEER"), ["title-all-caps@8+16"]);
        assert_eq!(codes("Backend Engineer (80k)"), ["title-has-salary@26+3"]);
        assert_eq!(codes("Backend Engineer €90,000"), ["title-has-salary@25+1"]);
        assert_eq!(codes("Backend Engineer 100,000"), ["title-has-salary@25+7"]);
        assert_eq!(
            codes("Backend Engineer, Berlin"),
            ["title-has-location@26+6"]
        );
        assert_eq!(
            codes("Backend Engineer Germany"),
            ["title-has-location@25+7"]
        );
        assert_eq!(
            codes("Backend Engineer (Remote)"),
            ["title-has-remote@26+6"]
        );
        assert_eq!(
            codes("Engineer for Berliner Startups 2000"),
            Vec::<String>::new()
        );
        assert_eq!(codes(&"x".repeat(81)), ["title-too-long@8+81"]);
    }

    #[test]
    fn titles_without_capitals_or_with_wide_characters_are_measured_fairly() {
        assert_eq!(codes("営業 マネージャー 東京本社"), Vec::<String>::new());
        assert_eq!(codes("Менеджер по продажам"), Vec::<String>::new());
        assert_eq!(codes("МЕНЕДЖЕР ПО ПРОДАЖАМ"), ["title-all-caps@8+20"]);
        // 40 Japanese characters are as wide as 80 Latin letters: the most a title may be.
        assert_eq!(codes(&"営".repeat(40)), Vec::<String>::new());
        assert_eq!(codes(&"営".repeat(41)), ["title-too-long@8+41"]);
    }
}
