//! Links between content files: each posting's and free page's URL, and the broken links
//! found without rendering any page.

use rayon::prelude::*;

use crate::content::Content;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkMap, Source};
use crate::render::urls::Urls;

/// Broken links between content files, found without rendering pages (used when the build
/// already failed, so `check` still reports every broken link in one run).
pub fn link_check(content: &Content) -> Vec<Diagnostic> {
    let links = link_map(content, &Urls::new("https://example.invalid/"));
    let postings = content
        .postings
        .par_iter()
        .map(|p| (&p.body, &p.source, p.body_line));
    let pages = content
        .pages
        .par_iter()
        .map(|p| (&p.body, &p.source, p.body_line));
    postings
        .chain(pages)
        .flat_map_iter(|(body, file, first_line)| {
            markdown::render(
                &Source {
                    markdown: body,
                    file,
                    first_line,
                },
                &links,
            )
            .1
        })
        .collect()
}

/// Content file → URL, for links between content files.
pub fn link_map(content: &Content, urls: &Urls) -> LinkMap {
    let mut map = LinkMap::new();
    for p in &content.postings {
        map.insert(p.source.clone(), urls.path_of(&["jobs/", &p.slug, "/"]));
    }
    for p in &content.pages {
        map.insert(p.source.clone(), urls.path_of(&[&p.slug, "/"]));
    }
    let files = (content.static_files.iter()).map(|f| f.to.to_string_lossy().replace('\\', "/"));
    map.set_static(&urls.site_root, files);
    map
}

/// site.yaml's `company.logo` when it is a path (`/logo.png`) with no file under
/// content/static/: every page would show a broken image.
pub(crate) fn logo_check(
    site_dir: &std::path::Path,
    config: &crate::config::SiteConfig,
    content: &Content,
) -> Option<Diagnostic> {
    let logo = config.company.logo.as_deref()?;
    if logo.starts_with("https://") || logo.starts_with("http://") {
        return None;
    }
    let path = logo.trim_start_matches('/');
    let found =
        (content.static_files.iter()).any(|f| f.to.to_string_lossy().replace('\\', "/") == path);
    if found {
        return None;
    }
    let file = std::path::Path::new(crate::config::SITE_FILE);
    let text = crate::source::read(site_dir, file)
        .map(|f| f.text)
        .unwrap_or_default();
    let (line, column) = (text.lines().enumerate())
        .find_map(|(i, l)| {
            let at = l.find("logo:")?;
            let value = l[at..].find(logo).map_or(at, |v| at + v);
            Some((i as u32 + 1, l[..value].chars().count() as u32 + 1))
        })
        .unwrap_or((1, 1));
    let message = format!(
        "the logo `{logo}` is not a file in content/static/, so every page would show a broken image"
    );
    let d = Diagnostic::error(file, line, column, "broken-link", message)
        .help(format!("put the logo at content/static/{path}, or correct the path (a path that starts with `/` means a file in content/static/)"))
        .width(logo.chars().count());
    Some(d.with_source(&text))
}
