//! Posting files that failed to parse still take an address (their `slug:` or their file
//! name), so a slug they share with another file is reported alongside their own errors.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::Content;
use crate::content::{language, slug};
use crate::diagnostics::{Diagnostic, Severity};
use crate::yaml::Value;

/// A posting file with errors, and the address it would be published at (public because
/// [`super::check`] takes it).
pub struct Unparsed {
    /// The file, relative to the site folder.
    pub(crate) source: PathBuf,
    /// Its `slug:`, else the slug of its file name.
    pub(crate) slug: String,
    /// Its `language:`, else the language of its file name.
    pub(crate) language: Option<String>,
}

/// Every posting file that has errors and did not parse, with its slug.
pub(crate) fn postings(site: &Path, content: &Content, found: &[Diagnostic]) -> Vec<Unparsed> {
    let parsed: BTreeSet<&Path> = content
        .postings
        .iter()
        .map(|p| p.source.as_path())
        .collect();
    let failed: BTreeSet<&Path> = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.file.as_path())
        .filter(|f| f.starts_with("content/jobs") && f.extension().is_some_and(|e| e == "md"))
        .filter(|f| !parsed.contains(f))
        .collect();
    // Only regular files are read again: a pipe or device would block or never end.
    let regular = |f: &&Path| std::fs::metadata(site.join(f)).is_ok_and(|m| m.is_file());
    failed
        .into_iter()
        .filter(regular)
        .filter_map(|f| read(site, f))
        .collect()
}

/// The slug and language of one file, from what of its front matter can be read.
fn read(site: &Path, relative: &Path) -> Option<Unparsed> {
    let stem = relative.file_stem()?.to_str()?;
    let (stem, stem_language) = language::split_stem(stem);
    let [written_slug, written_language] = front_matter_texts(site, relative, ["slug", "language"]);
    let slug = written_slug
        .filter(|s| slug::is_valid(s))
        .unwrap_or_else(|| slug::slugify(stem));
    Some(Unparsed {
        source: relative.to_path_buf(),
        slug,
        language: written_language.or(stem_language),
    })
}

/// Top-level front-matter values written as text, as far as the file can be read.
fn front_matter_texts<const N: usize>(
    site: &Path,
    relative: &Path,
    keys: [&str; N],
) -> [Option<String>; N] {
    let file = crate::source::read(site, relative).ok();
    let split = file
        .as_ref()
        .and_then(|f| crate::content::frontmatter::split(f).ok());
    let node = split.and_then(|s| crate::yaml::parse(s.yaml).ok());
    let entries = match node.map(|n| n.value) {
        Some(Value::Map(entries)) => entries,
        _ => Vec::new(),
    };
    keys.map(|key| {
        entries
            .iter()
            .find(|(k, _)| k.as_text().as_deref() == Some(key))
            .and_then(|(_, v)| v.as_text())
    })
}
