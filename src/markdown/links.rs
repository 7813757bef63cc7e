//! Links between content files in Markdown (`../pages/benefits.md`): resolved to the target's
//! URL, or reported with the line and column of the link when nothing is there.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::CowStr;

use super::Source;
use crate::diagnostics::Diagnostic;

/// Content file (relative to the site, e.g. `content/pages/benefits.md`) → its URL path.
///
/// Keyed by the path written out from its components (so `a/./b.md` and `a/b.md` are one key,
/// as they are one `Path`): a lookup hashes a few bytes instead of comparing paths component by
/// component.
#[derive(Clone, Debug, Default)]
pub struct LinkMap {
    urls: HashMap<OsString, String>,
}

impl LinkMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the URL of a content file.
    pub fn insert(&mut self, file: PathBuf, url: String) {
        self.urls.insert(key(&file), url);
    }

    /// The URL of a content file, if it is one of the site's.
    pub fn get(&self, file: &Path) -> Option<&String> {
        self.urls.get(&key(file))
    }
}

/// A path's components written out again: one spelling for every way of writing them.
fn key(path: &Path) -> OsString {
    path.components().collect::<PathBuf>().into_os_string()
}

/// The URL a link to a content file stands for (`None`: not such a link, or broken; a broken
/// one is added to `diagnostics`, located at byte `offset` of the Markdown).
pub(super) fn resolve_link<'a>(
    src: &Source,
    dest: &str,
    offset: usize,
    links: &LinkMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    if dest.contains("://")
        || dest.starts_with(['/', '#'])
        || dest.starts_with("mailto:")
        || dest.starts_with("tel:")
    {
        return None;
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    if !(path_part.ends_with(".md") || path_part.ends_with(".markdown")) {
        return None;
    }
    let base = src.file.parent().unwrap_or(Path::new(""));
    let target = normalize(base, Path::new(path_part));
    // `normalize` writes the path from its components: it is already a key.
    match target.as_ref().and_then(|t| links.urls.get(t.as_os_str())) {
        Some(url) => Some(CowStr::from(match fragment {
            Some(f) => format!("{url}#{f}"),
            None => url.clone(),
        })),
        None => {
            let before = &src.markdown[..offset.min(src.markdown.len())];
            let line_in_body = before.matches('\n').count() as u32;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let shown = target
                .map(|t| t.display().to_string())
                .unwrap_or_else(|| dest.to_string());
            let d = Diagnostic::error(
                src.file,
                src.first_line + line_in_body,
                column,
                "broken-link",
                format!("this link points to `{dest}`, but there is no posting or page at {shown}"),
            )
            .help(
                "check the file name and the `../` steps; links are relative to this file's folder",
            )
            .width(dest.chars().count() + 2);
            let source_line = src
                .markdown
                .lines()
                .nth(line_in_body as usize)
                .map(str::to_string);
            diagnostics.push(Diagnostic { source_line, ..d });
            None
        }
    }
}

/// `relative` joined to `base`, with `.` and `..` resolved without touching the disk; `None`
/// if it climbs above the site.
fn normalize(base: &Path, relative: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::with_capacity(base.as_os_str().len() + relative.as_os_str().len());
    for part in base.components().chain(relative.components()) {
        match part {
            Component::Normal(p) => out.push(p),
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}
