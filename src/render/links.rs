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
    map
}
