//! What a changed path means for the build: which part of the site it touches, or nothing.
//!
//! Only paths under `content/` and `themes/` count; everything else in the site folder (the
//! output folder, its `.careers-*` staging siblings, `.git/`, `target/`) is never watched
//! for content. Editor swap, backup and lock files are ignored wherever they appear.

use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Which part of the site a change touches, so later work can rebuild less.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// A posting, page or the FAQ (anything in content/ but settings and static files).
    Content,
    /// A theme template (or any other theme file that is not static or theme.yaml).
    Template,
    /// A file copied verbatim: content/static/** or themes/*/static/**.
    Static,
    /// Site or theme settings: content/site.yaml, themes/*/theme.yaml.
    Config,
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChangeKind::Content => "content",
            ChangeKind::Template => "template",
            ChangeKind::Static => "static",
            ChangeKind::Config => "config",
        })
    }
}

/// One changed path, relative to the site folder, and what it touches.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    /// The path relative to the site folder, e.g. `content/jobs/a.md`.
    pub path: PathBuf,
    /// Which part of the site it belongs to.
    pub kind: ChangeKind,
}

/// Classifies an absolute path under `site`; `None` when the change does not matter.
pub fn classify(site: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(site).ok()?;
    let mut parts = Vec::new();
    for component in rel.components() {
        match component {
            Component::Normal(name) => parts.push(name.to_string_lossy()),
            _ => return None,
        }
    }
    let (first, last) = (parts.first()?, parts.last()?);
    if is_editor_junk(last)
        || parts
            .iter()
            .any(|p| p == ".git" || p.starts_with(".careers-"))
    {
        return None;
    }
    let kind = match first.as_ref() {
        "content" => match parts.get(1).map(|p| p.as_ref()) {
            Some("site.yaml") if parts.len() == 2 => ChangeKind::Config,
            Some("static") => ChangeKind::Static,
            _ => ChangeKind::Content,
        },
        "themes" => match parts.get(2).map(|p| p.as_ref()) {
            Some("theme.yaml") if parts.len() == 3 => ChangeKind::Config,
            Some("static") => ChangeKind::Static,
            _ => ChangeKind::Template,
        },
        _ => return None,
    };
    Some(Change {
        path: rel.to_path_buf(),
        kind,
    })
}

/// True for files editors write next to the real one: swap, backup, lock and probe files.
///
/// Files without an extension (`static/CNAME`) are real files and are not junk.
pub fn is_editor_junk(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    // vim: `.name.swp` (then .swo, .swn …) and the `.swx` write probe; kate: .kate-swp
    let vim_swap = lower.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (ext == "swp"
                || ext == "swx"
                || (lower.starts_with('.') && ext.len() == 3 && ext.starts_with("sw")))
    });
    vim_swap
        || lower.ends_with(".kate-swp")
        || lower.ends_with('~')
        || lower.ends_with(".tmp")
        || lower.ends_with("___jb_tmp___")
        || lower.ends_with("___jb_old___")
        || lower == "4913"
        || lower.starts_with(".#")
        || (lower.len() > 1 && lower.starts_with('#') && lower.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(rel: &str) -> Option<ChangeKind> {
        let site = Path::new("/site");
        classify(site, &site.join(rel)).map(|c| c.kind)
    }

    #[test]
    fn classifies_each_part_of_the_site() {
        assert_eq!(kind("content/jobs/a.md"), Some(ChangeKind::Content));
        assert_eq!(kind("content/jobs/new/b.md"), Some(ChangeKind::Content));
        assert_eq!(kind("content/pages/benefits.md"), Some(ChangeKind::Content));
        assert_eq!(kind("content/faq.yaml"), Some(ChangeKind::Content));
        assert_eq!(kind("content/site.yaml"), Some(ChangeKind::Config));
        assert_eq!(kind("content/static/logo.png"), Some(ChangeKind::Static));
        assert_eq!(kind("content/static/CNAME"), Some(ChangeKind::Static));
        assert_eq!(kind("themes/acme/theme.yaml"), Some(ChangeKind::Config));
        assert_eq!(
            kind("themes/acme/templates/base.html"),
            Some(ChangeKind::Template)
        );
        assert_eq!(
            kind("themes/acme/static/site.css"),
            Some(ChangeKind::Static)
        );
        assert_eq!(kind("themes"), Some(ChangeKind::Template));
    }

    #[test]
    fn ignores_output_vcs_and_other_root_entries() {
        assert_eq!(kind("public/index.html"), None);
        assert_eq!(kind("public"), None);
        assert_eq!(kind(".careers-staging-1/index.html"), None);
        assert_eq!(kind("content/.careers-x/a.md"), None);
        assert_eq!(kind(".git/index"), None);
        assert_eq!(kind("content/.git/HEAD"), None);
        assert_eq!(kind("target/debug/careers"), None);
        assert_eq!(kind("README.md"), None);
        assert_eq!(
            classify(Path::new("/site"), Path::new("/elsewhere/a.md")),
            None
        );
    }

    #[test]
    fn ignores_editor_files_but_not_extensionless_files() {
        for junk in [
            "content/jobs/.a.md.swp",
            "content/jobs/.a.md.swx",
            "content/jobs/a.md~",
            "content/jobs/#a.md#",
            "content/jobs/.#a.md",
            "content/jobs/a.md.tmp",
            "content/jobs/4913",
            "content/jobs/a.md___jb_tmp___",
        ] {
            assert_eq!(kind(junk), None, "{junk} should be ignored");
        }
        assert_eq!(kind("content/static/CNAME"), Some(ChangeKind::Static));
        assert_eq!(kind("content/static/#"), Some(ChangeKind::Static));
        assert_eq!(kind("content/static/swap.sw"), Some(ChangeKind::Static));
        assert_eq!(kind("content/static/intro.swf"), Some(ChangeKind::Static));
        assert_eq!(kind("content/jobs/.a.md.swo"), None);
    }
}
