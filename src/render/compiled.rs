//! What every page is made from, built once per render: each posting's view and body
//! (compiled from its Markdown, or kept from the last render of a session), and the open
//! postings sorted and grouped into listings.

use rayon::prelude::*;

use crate::content::model::Posting;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkMap, Source};
use crate::render::Input;
use crate::render::listings::{self, Listings};
use crate::render::urls::Urls;
use crate::render::views::{self, JobView};

/// Every posting's view and rendered body, in content order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    /// Views, one per posting.
    pub(crate) views: Vec<JobView>,
    /// Rendered bodies, one per posting.
    pub(crate) bodies: Vec<String>,
    /// Whether each posting was compiled in this render (else it is kept from the last).
    pub(crate) fresh: Vec<bool>,
}

/// A posting going into a render: its Markdown to compile, or its view, body and listing
/// row as the last render of a session made them (its file has not changed since).
#[derive(Debug)]
pub enum Work {
    /// The posting's Markdown, taken out of the loaded posting: compiling consumes it.
    Markdown(String),
    /// What the last render made of the unchanged posting.
    Kept(Box<Kept>),
}

/// One posting as a render made it, for the next render of the same session.
#[derive(Clone, Debug)]
pub struct Kept {
    pub(crate) view: JobView,
    pub(crate) body: String,
    pub(crate) row: Option<tera::Value>,
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
    markdown: &str,
) -> (JobView, String, Vec<Diagnostic>) {
    // The default summary comes from the same parse as the body.
    let max = if p.summary.is_some() {
        0
    } else {
        views::SUMMARY_LENGTH
    };
    let (html, summary, diags) = markdown::render_with_summary(
        &Source {
            markdown,
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

/// Views and bodies of every posting (one [`Work`] each, in content order), in parallel;
/// also the rows of the kept ones.
pub(crate) fn compile(
    input: &Input,
    links: &LinkMap,
    work: Vec<Work>,
) -> Result<(Compiled, Vec<Option<tera::Value>>), Vec<Diagnostic>> {
    let done: Vec<(Kept, bool, Vec<Diagnostic>)> = input
        .content
        .postings
        .par_iter()
        .zip(work)
        .map(|(p, work)| match work {
            Work::Kept(kept) => (*kept, false, Vec::new()),
            Work::Markdown(markdown) => {
                let (view, body, diagnostics) = compile_posting(input, links, p, &markdown);
                let row = None;
                (Kept { view, body, row }, true, diagnostics)
            }
        })
        .collect();
    let diagnostics: Vec<Diagnostic> = done.iter().flat_map(|r| r.2.clone()).collect();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut compiled = Compiled::default();
    let mut rows = Vec::with_capacity(done.len());
    for (kept, fresh, _) in done {
        compiled.views.push(kept.view);
        compiled.bodies.push(kept.body);
        compiled.fresh.push(fresh);
        rows.push(kept.row);
    }
    Ok((compiled, rows))
}
