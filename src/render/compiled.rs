//! What every page is made from, built once per build: each posting's view and Markdown
//! body, and the open postings sorted and grouped into listings.

use rayon::prelude::*;

use crate::content::model::Posting;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkMap, Source};
use crate::render::Input;
use crate::render::listings::{self, Listings};
use crate::render::urls::Urls;
use crate::render::views::{self, JobView};

/// Every posting's view and Markdown body, in content order .
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    /// Views, one per posting.
    pub(crate) views: Vec<JobView>,
    /// Rendered bodies, one per posting.
    pub(crate) bodies: Vec<String>,
}

/// Open postings in listing order (indexes into `content.postings`) and the listings.
#[derive(Debug)]
pub(crate) struct Shape {
    /// Open postings sorted by department, newest first, title, slug.
    pub(crate) order: Vec<usize>,
    /// Listing pages and filters; members index into `order`.
    pub(crate) listings: Listings,
}

/// Sorts the open postings and groups them into listings (one pass).
pub(crate) fn shape(views: &[JobView], urls: &Urls) -> Shape {
    let mut order: Vec<usize> = (0..views.len()).filter(|&i| !views[i].closed).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&views[a], &views[b]);
        (
            &x.department.name,
            std::cmp::Reverse(&x.date_posted),
            &x.title,
            &x.slug,
        )
            .cmp(&(
                &y.department.name,
                std::cmp::Reverse(&y.date_posted),
                &y.title,
                &y.slug,
            ))
    });
    let open: Vec<&JobView> = order.iter().map(|&i| &views[i]).collect();
    let listings = listings::compute(&open, urls);
    Shape { order, listings }
}

/// One posting's view and body; a broken link to a content file comes back as diagnostics.
pub(crate) fn compile_posting(
    input: &Input,
    links: &LinkMap,
    p: &Posting,
) -> (JobView, String, Vec<Diagnostic>) {
    // The default summary comes from the same parse as the body.
    let max = if p.summary.is_some() {
        0
    } else {
        views::SUMMARY_LENGTH
    };
    let (html, summary, diags) = markdown::render_with_summary(
        &Source {
            markdown: &p.body,
            file: &p.source,
            first_line: p.body_line,
        },
        links,
        max,
    );
    let summary = (max > 0).then_some(summary);
    let view = views::job_with_summary(p, input.config, input.urls, input.today, summary);
    (view, html, diags)
}

/// Views and bodies of every posting, in parallel.
pub(crate) fn compile(input: &Input, links: &LinkMap) -> Result<Compiled, Vec<Diagnostic>> {
    let rendered: Vec<(JobView, String, Vec<Diagnostic>)> = input
        .content
        .postings
        .par_iter()
        .map(|p| compile_posting(input, links, p))
        .collect();
    let diagnostics: Vec<Diagnostic> = rendered.iter().flat_map(|r| r.2.clone()).collect();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let (views, bodies) = rendered.into_iter().map(|(v, h, _)| (v, h)).unzip();
    Ok(Compiled { views, bodies })
}
