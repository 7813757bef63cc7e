//! Listing pages two different names would share: each department and each location has
//! one page under its slug in each language's folder, so two names with one slug there would
//! silently merge their postings.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

use crate::content::slug;
use crate::content::{Content, language};
use crate::diagnostics::{Diagnostic, shown_path};

/// The name that took a slug first, and the posting it came from.
struct First<'a> {
    /// The name as written (a department, or a location's city and country).
    name: String,
    /// The posting that wrote it.
    file: &'a Path,
}

/// A name and the slug of its listing page, as one posting writes it.
struct Named<'a> {
    /// `department` or `location`.
    kind: &'static str,
    /// The listing's folder: the language's (empty for the default) and the kind's
    /// (`departments`, `locations`).
    folder: (&'a str, &'static str),
    /// The name as written.
    name: String,
    /// Its slug.
    slug: String,
    /// The posting.
    file: &'a Path,
    /// Line and column of the name in the posting.
    at: (u32, u32),
    /// How many characters to underline there.
    width: usize,
}

/// Every department or location whose listing slug another name already has in the same
/// language's folder (`languages`: the site's, the default first).
pub fn check(content: &Content, languages: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: HashMap<(&str, &str, String), First> = HashMap::new();
    for p in &content.postings {
        let tree = language::tree(p.language.as_deref(), languages);
        let department = Named {
            kind: "department",
            folder: (tree, "departments"),
            name: p.department.clone(),
            slug: slug::slugify(&p.department),
            file: &p.source,
            at: p.department_at,
            width: p.department.chars().count(),
        };
        out.extend(clash(&mut seen, department));
        for l in &p.locations {
            let location = Named {
                kind: "location",
                folder: (tree, "locations"),
                name: match l.city.is_empty() {
                    true => l.country.clone(),
                    false => format!("{}, {}", l.city, l.country),
                },
                slug: slug::location(&l.city, &l.country),
                file: &p.source,
                at: l.at,
                width: l.city.chars().count().max(1),
            };
            out.extend(clash(&mut seen, location));
        }
    }
    out
}

/// Records the first name for a listing page; a different name for it later is an error there.
fn clash<'a>(
    seen: &mut HashMap<(&'a str, &'static str, String), First<'a>>,
    named: Named<'a>,
) -> Option<Diagnostic> {
    let (tree, folder) = named.folder;
    let first = match seen.entry((tree, folder, named.slug.clone())) {
        Entry::Vacant(place) => {
            place.insert(First {
                name: named.name,
                file: named.file,
            });
            return None;
        }
        Entry::Occupied(taken) => taken.into_mut(),
    };
    if first.name == named.name {
        return None;
    }
    let (kind, (line, column)) = (named.kind, named.at);
    let tree = match tree {
        "" => String::new(),
        language => format!("/{language}"),
    };
    let message = format!(
        "the {kind} `{}` would have the page {tree}/{folder}/{}/, which the {kind} `{}` in {} already has, so their postings would be listed together",
        named.name,
        named.slug,
        first.name,
        shown_path(first.file),
    );
    Some(
        Diagnostic::error(named.file, line, column, "same-listing-slug", message)
            .help("rename one of them, or write both the same way")
            .width(named.width),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Posting;
    use crate::content::{parse_markdown_text, posting};
    use crate::source::SourceFile;

    /// A posting `content/jobs/<file>.md` in `department`, at `places` (YAML flow maps).
    fn at(file: &str, department: &str, places: &str) -> Posting {
        let text = format!(
            "---\ntitle: T\ndepartment: {department}\nemployment_type: full_time\nlocations: [{places}]\ndate_posted: 2026-11-01\n---\nBody\n"
        );
        let file = SourceFile {
            path: format!("content/jobs/{file}.md").into(),
            text,
        };
        let (p, d) = parse_markdown_text(&file, posting::read);
        assert!(d.is_empty(), "{d:?}");
        p.expect("parsed")
    }

    fn problems(postings: Vec<Posting>) -> Vec<String> {
        in_languages(postings, &["en"])
    }

    fn in_languages(postings: Vec<Posting>, languages: &[&str]) -> Vec<String> {
        let content = Content {
            postings,
            ..Content::default()
        };
        let languages: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
        check(&content, &languages)
            .iter()
            .map(|d| {
                format!(
                    "{}:{}:{}+{} {}",
                    d.file.display(),
                    d.line,
                    d.column,
                    d.width,
                    d.message
                )
            })
            .collect()
    }

    #[test]
    fn one_name_written_alike_everywhere_is_fine() {
        let postings = vec![
            at("a", "営業", "{city: 東京, country: JP}"),
            at(
                "b",
                "営業",
                "{city: 東京, country: JP}, {city: 大阪, country: JP}",
            ),
            at("c", "開発", "{city: 大阪, country: jp}, {country: JP}"),
        ];
        assert_eq!(problems(postings), Vec::<String>::new());
    }

    #[test]
    fn two_names_for_one_page_are_an_error_at_every_other_spelling() {
        let postings = vec![
            at("a", "R&D", "{city: Berlin, country: DE}"),
            at("b", "R & D", "{city: berlin, country: DE}"),
            at("c", "R&D", "{city: Berlin, country: DE}"),
            at("d", "r and d", "{city: Berlin, country: DE}"),
        ];
        assert_eq!(
            problems(postings),
            [
                "content/jobs/b.md:3:13+5 the department `R & D` would have the page /departments/r-and-d/, which the department `R&D` in content/jobs/a.md already has, so their postings would be listed together",
                "content/jobs/b.md:5:20+6 the location `berlin, DE` would have the page /locations/berlin-de/, which the location `Berlin, DE` in content/jobs/a.md already has, so their postings would be listed together",
                "content/jobs/d.md:3:13+7 the department `r and d` would have the page /departments/r-and-d/, which the department `R&D` in content/jobs/a.md already has, so their postings would be listed together",
            ]
        );
    }

    #[test]
    fn names_that_transliterate_alike_clash() {
        // The same word in Japanese and in traditional Chinese characters.
        let postings = vec![
            at("a", "営業", "{city: 東京, country: JP}"),
            at("b", "營業", "{city: 東京, country: JP}"),
        ];
        let found = problems(postings);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("/departments/ying-ye/"), "{}", found[0]);
    }

    #[test]
    fn a_city_that_leaves_no_letters_clashes_with_its_country() {
        let postings = vec![
            at("a", "X", "{country: JP}"),
            at("b", "X", "{city: ★, country: JP}"),
        ];
        assert_eq!(problems(postings).len(), 1);
    }

    #[test]
    fn each_language_folder_has_listing_pages_of_its_own() {
        let german = |file: &str, department: &str| {
            let mut p = at(file, department, "{city: Berlin, country: DE}");
            p.language = Some("de".into());
            p
        };
        let postings = || {
            vec![
                at("a", "R&D", "{city: Berlin, country: DE}"),
                german("b", "R & D"),
            ]
        };
        assert_eq!(
            in_languages(postings(), &["en", "de"]),
            Vec::<String>::new()
        );
        let merged = in_languages(postings(), &["en"]);
        assert_eq!(merged.len(), 1, "{merged:?}");
        let both = vec![german("a", "R&D"), german("b", "R & D")];
        let found = in_languages(both, &["en", "de"]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(" /de/departments/r-and-d/,"),
            "{}",
            found[0]
        );
    }
}
