//! Links between content files in Markdown (`../pages/benefits.md`): resolved to the target's
//! URL, or reported with the line and column of the link when nothing is there.

use std::collections::{HashMap, HashSet};
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
    /// Where `/…` paths are resolved, when the site's static files are known.
    root: Option<Root>,
}

/// The site's root path (`/careers/`) and its static files (`img/team.jpg`), for `/…` paths.
#[derive(Clone, Debug, Default)]
struct Root {
    /// The site's root path, starting and ending with `/`.
    path: String,
    /// The static files, relative to the output folder, `/` between folders.
    files: HashSet<String>,
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

    /// Resolves `/…` link and image paths against `root` (`/careers/`) and checks them
    /// against the files under content/static/ (`files`, relative to the output folder).
    pub(crate) fn set_static(&mut self, root: &str, files: impl IntoIterator<Item = String>) {
        self.root = Some(Root {
            path: root.to_string(),
            files: files.into_iter().collect(),
        });
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
            let shown = target
                .map(|t| t.display().to_string())
                .unwrap_or_else(|| dest.to_string());
            diagnostics.push(broken(
                src,
                offset,
                dest,
                format!("this link points to `{dest}`, but there is no posting or page at {shown}"),
                "check the file name and the `../` steps; links are relative to this file's folder",
            ));
            None
        }
    }
}

/// What a path that starts with `/` stands for: a file under content/static/ (or a page of
/// the site) under the site's root path. A missing image, or a missing file linked by its
/// extension (`/benefits.pdf`), is added to `diagnostics`; `None` when nothing changes.
pub(super) fn resolve_root<'a>(
    src: &Source,
    dest: &str,
    image: bool,
    offset: usize,
    links: &LinkMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    let root = links.root.as_ref()?;
    let relative = dest.strip_prefix('/').filter(|r| !r.starts_with('/'))?;
    let path = relative.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    if root.files.contains(decoded.as_ref()) {
        return Some(CowStr::from(format!("{}{relative}", root.path)));
    }
    // Already written with the root path (`/careers/logo.png`).
    if let Some(inside) = decoded.strip_prefix(root.path.trim_start_matches('/'))
        && root.path != "/"
        && root.files.contains(inside)
    {
        return None;
    }
    let name = path.rsplit('/').next().unwrap_or("");
    let generated = [".html", ".xml", ".json", ".txt"];
    let is_file = name.contains('.') && !generated.iter().any(|g| name.ends_with(g));
    if image || is_file {
        let what = if image { "image" } else { "link" };
        diagnostics.push(broken(
            src,
            offset,
            dest,
            format!("this {what} points to `{dest}`, but there is no file content/static/{decoded}"),
            "put the file in content/static/ (a path that starts with `/` means a file there), or correct the name",
        ));
        return None;
    }
    Some(CowStr::from(format!("{}{relative}", root.path)))
}

/// The error for a link or image at byte `offset` of the Markdown whose target is missing.
fn broken(src: &Source, offset: usize, dest: &str, message: String, help: &str) -> Diagnostic {
    let before = &src.markdown[..offset.min(src.markdown.len())];
    let line_in_body = before.matches('\n').count() as u32;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    let d = Diagnostic::error(
        src.file,
        src.first_line + line_in_body,
        column,
        "broken-link",
        message,
    )
    .help(help)
    .width(dest.chars().count() + 2);
    let source_line = src
        .markdown
        .lines()
        .nth(line_in_body as usize)
        .map(str::to_string);
    Diagnostic { source_line, ..d }
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
