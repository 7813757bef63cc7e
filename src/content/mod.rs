//! Discovering and parsing every content file: postings, pages, the FAQ and static files.
//!
//! Files are found with sorted walks (so output is deterministic) and parsed in parallel;
//! each file's problems are collected, never stopping at the first.

pub(crate) mod apply;
pub(crate) mod codes;
pub(crate) mod dates;
pub(crate) mod extra;
pub mod facts;
pub mod faq;
pub(crate) mod fields;
pub mod frontmatter;
pub(crate) mod ignored;
pub(crate) mod job_boards;
pub(crate) mod keys;
pub(crate) mod language;
pub mod model;
pub mod page;
pub(crate) mod pasted;
pub mod posting;
pub(crate) mod regions;
pub mod slug;
pub mod url;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::source;
use fields::Reader;
use model::{FaqGroup, Page, Posting, StaticFile};

/// Everything under content/ except site.yaml.
#[derive(Clone, Debug, Default)]
pub struct Content {
    /// Every posting that parsed, drafts included, in path order.
    pub postings: Vec<Posting>,
    /// Every free page that parsed, in path order.
    pub pages: Vec<Page>,
    /// FAQ groups from content/faq.yaml.
    pub faq: Vec<FaqGroup>,
    /// The FAQ in other languages: `content/faq.de.yaml` as (`de`, groups), by language.
    pub faq_translations: Vec<(String, Vec<FaqGroup>)>,
    /// Files under content/static/.
    pub static_files: Vec<StaticFile>,
}

/// The FAQ file's place in a site.
pub const FAQ_FILE: &str = "content/faq.yaml";

/// Reads all content; problems are returned alongside whatever parsed.
pub fn load(site_dir: &Path) -> (Content, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let job_files = markdown_files(site_dir, "content/jobs", &mut diagnostics);
    let page_files = markdown_files(site_dir, "content/pages", &mut diagnostics);
    diagnostics.extend(ignored::misnamed_folders(site_dir));

    let postings: Vec<(Option<Posting>, Vec<Diagnostic>)> = job_files
        .par_iter()
        .map(|path| parse_markdown(site_dir, path, posting::read))
        .collect();
    let pages: Vec<(Option<Page>, Vec<Diagnostic>)> = page_files
        .par_iter()
        .map(|path| parse_markdown(site_dir, path, page::read))
        .collect();

    let mut content = Content::default();
    for (posting, diags) in postings {
        content.postings.extend(posting);
        diagnostics.extend(diags);
    }
    for (page, diags) in pages {
        content.pages.extend(page);
        diagnostics.extend(diags);
    }
    content.faq = load_faq(site_dir, Path::new(FAQ_FILE), &mut diagnostics);
    content.faq_translations = faq_translations(site_dir, &mut diagnostics);
    content.static_files = static_files(site_dir, Path::new("content/static"), &mut diagnostics);
    (content, diagnostics)
}

type ReadFn<T> = fn(&mut Reader, &crate::yaml::Node, &str, &str, u32) -> Option<T>;

/// Reads one Markdown file with front matter through `read`.
pub fn parse_markdown<T>(
    site_dir: &Path,
    relative: &Path,
    read: ReadFn<T>,
) -> (Option<T>, Vec<Diagnostic>) {
    let file = match source::read(site_dir, relative) {
        Ok(file) => file,
        Err(d) => return (None, vec![d]),
    };
    parse_markdown_text(&file, read)
}

/// The same, from text already in memory (used by tests and fuzzing).
pub fn parse_markdown_text<T>(
    file: &source::SourceFile,
    read: ReadFn<T>,
) -> (Option<T>, Vec<Diagnostic>) {
    let split = match frontmatter::split(file) {
        Ok(split) => split,
        Err(d) => return (None, vec![d]),
    };
    let node = match crate::yaml::parse(split.yaml) {
        Ok(node) => node,
        Err(err) => return (None, vec![frontmatter::syntax_diagnostic(file, 1, &err)]),
    };
    let stem = file
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("item");
    let mut reader = Reader::new(file, 1);
    let item = read(&mut reader, &node, stem, split.body, split.body_line);
    let item = if reader
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error)
    {
        None
    } else {
        item
    };
    (item, reader.diagnostics)
}

fn load_faq(site_dir: &Path, relative: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<FaqGroup> {
    if !site_dir.join(relative).is_file() {
        return Vec::new();
    }
    let file = match source::read(site_dir, relative) {
        Ok(file) => file,
        Err(d) => {
            diagnostics.push(d);
            return Vec::new();
        }
    };
    let (groups, mut problems) = faq::parse_text(&file);
    diagnostics.append(&mut problems);
    groups
}

/// `content/faq.<lang>.yaml` files, each read like content/faq.yaml, sorted by language.
fn faq_translations(
    site_dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, Vec<FaqGroup>)> {
    let Ok(entries) = std::fs::read_dir(site_dir.join("content")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let stem = name.strip_suffix(".yaml")?;
            let (base, language) = language::split_stem(stem);
            let language = language.filter(|_| base == "faq")?;
            let relative = Path::new("content").join(&name);
            Some((language, load_faq(site_dir, &relative, diagnostics)))
        })
        .collect()
}

/// Whether a file name is an editor's temporary or backup file, or hidden.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
}

/// Sorted `.md` files under `dir` (relative to the site), skipping hidden and backup files;
/// any other file gets a warning.
fn markdown_files(site_dir: &Path, dir: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let what = if dir.ends_with("jobs") {
        "posting"
    } else {
        "page"
    };
    let (files, others): (Vec<PathBuf>, Vec<PathBuf>) = walk(site_dir, Path::new(dir), diagnostics)
        .into_iter()
        .partition(|p| ignored::is_markdown(p));
    diagnostics.extend(others.iter().map(|p| ignored::not_markdown(p, what)));
    files
}

/// Every regular file under `dir`, sorted, as paths relative to the site; symlinks that leave
/// the site and loops are reported rather than followed.
fn walk(site_dir: &Path, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let root = site_dir.join(dir);
    if !root.is_dir() {
        return Vec::new();
    }
    let canonical_site = site_dir
        .canonicalize()
        .unwrap_or_else(|_| site_dir.to_path_buf());
    let mut out = Vec::new();
    // Whether the entry at each depth of the current path is, or is inside, a link: one
    // check per entry instead of looking at every ancestor of every file.
    let root_linked = root.ancestors().any(|a| a.is_symlink());
    let mut linked: Vec<bool> = Vec::new();
    // Loops of file links already reported (each by its members), so one loop is one error.
    let mut loops: std::collections::BTreeSet<Vec<PathBuf>> = Default::default();
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let mut walker = walker
        .filter_entry(|e| !e.file_name().to_str().is_some_and(is_ignored_name) || e.depth() == 0);
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| p.strip_prefix(site_dir).unwrap_or(p).to_path_buf())
                    .unwrap_or_else(|| dir.to_path_buf());
                let file_loop = err.io_error().is_some_and(crate::platform::is_link_loop);
                if file_loop && !loops.insert(loop_of(&site_dir.join(&path))) {
                    continue;
                }
                let (code, message) = if file_loop {
                    (
                        "symlink-loop",
                        "this link leads round a loop of links and never to a file (a symlink loop)"
                            .to_string(),
                    )
                } else if err.loop_ancestor().is_some() {
                    (
                        "symlink-loop",
                        "this folder link points back to a folder that contains it (a symlink loop)"
                            .to_string(),
                    )
                } else {
                    ("unreadable-file", format!("cannot read this: {err}"))
                };
                diagnostics.push(
                    Diagnostic::error(&path, 0, 0, code, message)
                        .help("remove the link or fix the folder's permissions"),
                );
                continue;
            }
        };
        let depth = entry.depth();
        let inside_link = match depth.checked_sub(1) {
            None => root_linked,
            Some(parent) => linked.get(parent).copied().unwrap_or(true),
        };
        let is_linked = inside_link || entry.path_is_symlink();
        linked.truncate(depth);
        linked.push(is_linked);
        let relative = entry
            .path()
            .strip_prefix(site_dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        let outside = is_linked
            && !(entry.path().canonicalize()).is_ok_and(|t| t.starts_with(&canonical_site));
        let is_dir = entry.file_type().is_dir();
        if outside {
            // A folder link is one error, and what it leads to is not walked.
            let what = if is_dir { "folder" } else { "file" };
            diagnostics.push(
                Diagnostic::error(
                    &relative,
                    0,
                    0,
                    "link-outside-site",
                    format!("this {what} is a link to something outside the site folder"),
                )
                .help(format!(
                    "copy the {what} into the site instead of linking to it"
                )),
            );
            if is_dir {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_file() {
            out.push(relative);
        } else if !is_dir {
            diagnostics.push(
                Diagnostic::error(
                    &relative,
                    0,
                    0,
                    "not-a-file",
                    "this is not a file but a pipe, a device or a socket, so careers cannot read it",
                )
                .help("remove it, or put the file itself here"),
            );
        }
    }
    out
}

/// The links of the loop `path` is on, in order from the smallest (at most 40 steps).
fn loop_of(path: &Path) -> Vec<PathBuf> {
    let mut members = vec![path.to_path_buf()];
    let mut at = path.to_path_buf();
    while let Ok(next) = std::fs::read_link(&at) {
        let next = at.parent().map_or(next.clone(), |p| p.join(&next));
        if members.contains(&next) || members.len() >= 40 {
            break;
        }
        members.push(next.clone());
        at = next;
    }
    members.sort();
    members
}

/// Static files under `dir`, mapped to the output root.
pub fn static_files(
    site_dir: &Path,
    dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<StaticFile> {
    walk(site_dir, dir, diagnostics)
        .into_iter()
        .filter_map(|relative| {
            let to = relative.strip_prefix(dir).ok()?.to_path_buf();
            Some(StaticFile {
                from: site_dir.join(&relative),
                to,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn posting(text: &str) -> (Option<Posting>, Vec<Diagnostic>) {
        let file = SourceFile {
            path: PathBuf::from("content/jobs/x.md"),
            text: text.into(),
        };
        parse_markdown_text(&file, posting::read)
    }

    const GOOD: &str = "---\ntitle: T\ndepartment: D\nemployment_type: full_time\nlocations: [{city: Berlin, country: DE}]\ndate_posted: 2026-11-01\n---\nBody\n";

    #[test]
    fn a_good_posting_parses_with_defaults() {
        let (p, d) = posting(GOOD);
        assert!(d.is_empty(), "{d:?}");
        let p = p.expect("parsed");
        assert_eq!(
            (p.slug.as_str(), p.body_line, p.workplace),
            ("x", 8, model::Workplace::Onsite)
        );
    }

    #[test]
    fn a_tab_in_indentation_is_named_with_its_line() {
        let (_, d) = posting("---\ntitle: T\nlocations:\n\t- city: Berlin\n---\n");
        assert_eq!((d[0].line, d[0].column), (4, 1));
        assert!(d[0].message.contains("tab"), "{}", d[0].message);
        assert!(d[0].help.contains("spaces"));
    }

    #[test]
    fn every_problem_in_one_file_is_reported() {
        let (p, d) = posting(
            "---\ntitel: T\ndepartment: D\nemployment_type: fulltime\nworkplace: office-ish\ndate_posted: 2026-13-01\n---\n",
        );
        assert!(p.is_none());
        let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [
                "unknown-key",
                "missing-key",
                "bad-workplace",
                "missing-key",
                "bad-date"
            ],
            "{d:#?}"
        );
        assert_eq!(d[0].help, "did you mean `title`?");
        assert_eq!(d[0].line, 2, "lines count the opening --- line");
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let bytes = format!("\u{feff}{}", GOOD.replace('\n', "\r\n")).into_bytes();
        let file = crate::source::decode(Path::new("content/jobs/x.md"), bytes).expect("utf8");
        let (p, d) = parse_markdown_text(&file, posting::read);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.expect("parsed").title, "T");
    }

    #[test]
    fn salary_min_above_max_points_at_min() {
        let text = GOOD.replace(
            "date_posted",
            "salary:\n  min: 9\n  max: 5\n  currency: EUR\ndate_posted",
        );
        let (_, d) = posting(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line, d[0].column), ("salary-range", 7, 8));
    }
}
