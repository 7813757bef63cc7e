//! Checks that need more than one file: unique slugs, FAQ groups that exist, reserved URLs,
//! one name per listing page.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::content::model::Posting;
use crate::content::{Content, language};
use crate::diagnostics::{Diagnostic, did_you_mean};

mod listings;
mod references;
mod unparsed;

pub use unparsed::Unparsed;
pub(crate) use unparsed::postings as unparsed_postings;

/// Page slugs that would collide with the site's own folders.
const RESERVED: &[&str] = &[
    "jobs",
    "departments",
    "locations",
    "types",
    "seniority",
    "remote",
    "faq",
    "404",
];

/// Whether a file's name ends in a language (`backend.de.md`).
fn has_language(source: &std::path::Path) -> bool {
    source
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| language::split_stem(s).1.is_some())
}

/// Every cross-file problem in the content; `unparsed` are the posting files that failed to
/// parse, which still take their slug.
pub fn check(content: &Content, languages: &[String], unparsed: &[Unparsed]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Looked up only (the problems come in content order): a hash map, borrowing each path.
    // Every slug is lowercase ASCII (`slug::read` makes or checks it so), so slugs that are
    // equal ignoring case are equal.
    // Each language the site lists has its own folder, so a slug is taken once per folder.
    let mut seen: HashMap<(&str, &str), &PathBuf> = HashMap::new();
    let mut postings: Vec<_> = (content.postings.iter())
        .map(|p| (&p.slug, &p.source, p.language.as_deref()))
        .chain(
            unparsed
                .iter()
                .map(|u| (&u.slug, &u.source, u.language.as_deref())),
        )
        .collect();
    postings.sort_by_key(|(_, source, _)| *source);
    let slugs = postings
        .into_iter()
        .map(|(slug, source, lang)| (slug, source, "posting", language::tree(lang, languages)))
        .chain(content.pages.iter().map(|p| {
            (
                &p.slug,
                &p.source,
                "page",
                language::tree(p.language.as_deref(), languages),
            )
        }));
    for (slug, source, kind, folder) in slugs {
        if let Some(first) = seen.get(&(folder, slug.as_str())) {
            let help = if languages.len() > 1 || has_language(source) || has_language(first) {
                "give one of them its own `slug:` (or rename the file), so each has its own address; a translation is published under its own language only when site.yaml lists that language in `languages:`"
            } else {
                "give one of them its own `slug:` (or rename the file), so each has its own address"
            };
            out.push(
                Diagnostic::error(
                    source,
                    1,
                    1,
                    "duplicate-slug",
                    format!(
                        "this {kind} has the slug `{slug}`, which {} already uses",
                        crate::diagnostics::shown_path(first)
                    ),
                )
                .help(help),
            );
        } else {
            seen.insert((folder, slug), source);
        }
        if kind == "page" && RESERVED.contains(&slug.as_str()) {
            out.push(
                Diagnostic::error(
                    source,
                    1,
                    1,
                    "reserved-slug",
                    format!("the page slug `{slug}` is used by the site itself"),
                )
                .help(format!(
                    "give the page another `slug:`, e.g. `slug: {slug}-info`"
                )),
            );
        }
    }
    out.extend(references::check(content));
    out.extend(check_static_paths(content));
    out.extend(check_faq_groups(content, content.postings.iter()));
    out.extend(listings::check(content, languages));
    out
}

/// `faq_groups` entries naming no group of content/faq.yaml.
fn check_faq_groups<'a>(
    content: &Content,
    postings: impl Iterator<Item = &'a Posting>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let ids: Vec<&str> = content.faq.iter().map(|g| g.id.as_str()).collect();
    for p in postings {
        for (id, line, col) in &p.faq_groups {
            if !ids.contains(&id.as_str()) {
                let help = match did_you_mean(id, &ids) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if ids.is_empty() => "content/faq.yaml has no groups yet; add one with this `id`, or remove it here".to_string(),
                    None => format!("the groups in content/faq.yaml are: {}", ids.join(", ")),
                };
                let d = Diagnostic::error(
                    &p.source,
                    *line,
                    *col,
                    "unknown-faq-group",
                    format!("there is no FAQ group `{id}` in content/faq.yaml"),
                )
                .help(help)
                .width(id.chars().count());
                out.push(d);
            }
        }
    }
    out
}

/// What careers makes at `path` (lowercase, `/`-separated, relative to the output), if
/// anything: a static file there would silently replace it.
fn generated(path: &str, content: &Content) -> Option<&'static str> {
    let top = match path {
        "index.html" => Some("the job listing"),
        "404.html" => Some("the not-found page"),
        "feed.xml" => Some("the job feed"),
        "jobs.json" | "search.json" | "indeed.xml" | "linkedin.xml" | "robots.txt"
        | "sitemap.xml" => Some("a machine-readable file"),
        ".careers-output" => Some("the output folder's marker"),
        p if p.starts_with("sitemap-") && p.ends_with(".xml") => Some("a part of the sitemap"),
        _ => None,
    };
    if top.is_some() {
        return top;
    }
    let (dir, name) = path.split_once('/')?;
    let page = matches!(name.rsplit('/').next(), Some("index.html" | "feed.xml"));
    match dir {
        "jobs" | "departments" | "locations" | "types" | "seniority" | "remote" | "faq" if page => {
            Some("a page or feed")
        }
        _ if name == "index.html" && content.pages.iter().any(|p| p.slug == dir) => Some("a page"),
        _ => None,
    }
}

/// Static files whose output paths would clash or break on some hosts: a path careers
/// makes itself, two paths that differ only in letter case (one overwrites the other on
/// macOS, Windows and many hosts), and backslashes in names (a folder separator on Windows).
fn check_static_paths(content: &Content) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, &PathBuf> = BTreeMap::new();
    for file in &content.static_files {
        let shown = PathBuf::from("content/static").join(&file.to);
        let text = file.to.to_string_lossy();
        if text.contains('\\') {
            out.push(
                Diagnostic::error(&shown, 0, 0, "bad-file-name", "this file name contains a backslash `\\`, which Windows and many hosts read as a folder separator")
                    .help("rename the file without the backslash"),
            );
            continue;
        }
        let key = text.to_lowercase();
        if let Some(what) = generated(&key, content) {
            out.push(
                Diagnostic::error(&shown, 0, 0, "replaces-generated-file", format!("this file would replace /{text}, {what} careers makes"))
                    .help("rename or move the file; to change that page, edit the content or the theme instead"),
            );
            continue;
        }
        match seen.get(&key) {
            Some(first) => out.push(
                Diagnostic::error(&shown, 0, 0, "case-collision", format!("this file's path differs from content/static/{} only in upper/lower case; on case-insensitive hosts one would overwrite the other", first.display()))
                    .help("rename one of the two files so their names differ by more than letter case"),
            ),
            None => {
                seen.insert(key, &file.to);
            }
        }
    }
    out
}
