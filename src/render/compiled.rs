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
    /// What changed in each posting since the render whose [`Kept`] this one started from.
    pub(crate) changes: Vec<Change>,
}

/// What changed in a posting since the last render of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    /// Nothing: its page, row and listings are the same.
    Nothing,
    /// Its body only: its page changes, its view (so its row and listings) does not.
    Body,
    /// Its view but not its place in the listings (a salary, a summary): its row and the
    /// listings showing it change, which listings show it and in what order do not.
    Row,
    /// Its view and perhaps its place: the listings are sorted and grouped again.
    View,
}

/// Whether two views of a posting sort and group the same in the listings (see [`shape`]
/// and [`listings::compute`]).
fn same_place(a: &JobView, b: &JobView) -> bool {
    let same_places = a.locations.len() == b.locations.len()
        && (a.locations.iter().zip(&b.locations))
            .all(|(x, y)| x.slug == y.slug && x.label == y.label);
    let same_types = a.employment_types.len() == b.employment_types.len()
        && (a.employment_types.iter().zip(&b.employment_types)).all(|(x, y)| x.id == y.id);
    (
        a.closed,
        &a.department,
        &a.date_posted,
        &a.title,
        &a.slug,
        a.workplace,
    ) == (
        b.closed,
        &b.department,
        &b.date_posted,
        &b.title,
        &b.slug,
        b.workplace,
    ) && same_places
        && same_types
}

/// What a render keeps for the next render of a session: every posting's view, body and
/// listing row, and what each listing page showed.
#[derive(Debug, Default)]
pub struct Kept {
    /// Every posting's view and body.
    pub(crate) compiled: Compiled,
    /// Every posting's listing row (`None` when closed).
    pub(crate) rows: Vec<Option<tera::Value>>,
    /// Each listing page's path and its postings (indexes into `content.postings`).
    pub(crate) listings: std::collections::HashMap<String, Vec<usize>>,
    /// The filter lists every listing page shows (`None` before the first render).
    pub(crate) filters: Option<tera::Value>,
    /// The open postings in listing order and the listings (`None` before the first render).
    pub(crate) shape: Option<Shape>,
    /// Links between content files (a session's edits never move a file).
    pub(crate) links: Option<LinkMap>,
    /// Each posting's related postings (indexes into `content.postings`).
    pub(crate) related: Vec<Vec<usize>>,
}

/// The postings going into a render: each one's Markdown to compile (taken out of the
/// loaded posting: compiling consumes it), or `None` for one unchanged since `kept` was made.
#[derive(Debug, Default)]
pub struct Work {
    /// One per posting, in content order.
    pub markdown: Vec<Option<String>>,
    /// The last render of the session.
    pub kept: Option<Kept>,
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
    // The keys side by side (not in the large views), so the sort reads little memory;
    // slugs are unique, so an unstable sort is deterministic.
    let mut keys: Vec<_> = (views.iter().enumerate())
        .filter(|(_, v)| !v.closed)
        .map(|(i, v)| {
            let date = std::cmp::Reverse(v.date_posted.as_str());
            (
                v.department.name.as_str(),
                date,
                v.title.as_str(),
                v.slug.as_str(),
                i,
            )
        })
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|k| k.4).collect();
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
    let texts = input
        .i18n
        .texts(p.language.as_deref().unwrap_or(&input.config.language));
    // A guest of this language folder links to its page in its own folder.
    let urls = (input.guests)
        .and_then(|g| g.get(&p.source))
        .unwrap_or(input.urls);
    let view = views::job_with_summary(p, input.config, urls, input.today, summary, texts);
    (view, html, diags)
}

/// Views and bodies of every posting, in parallel: compiled from the Markdown in `work`,
/// kept from its last render for the rest; with the rows and listings of that render.
pub(crate) fn compile(
    input: &Input,
    links: &LinkMap,
    work: Work,
) -> Result<(Compiled, Kept), Vec<Diagnostic>> {
    let postings = &input.content.postings;
    let mut kept = work.kept.unwrap_or_default();
    // Without a last render of every posting, every posting is compiled.
    let whole = kept.compiled.views.len() != postings.len();
    let fresh: Vec<(usize, String)> = (work.markdown.into_iter().enumerate())
        .filter_map(|(i, markdown)| match markdown {
            Some(m) => Some((i, m)),
            None => whole.then(String::new).map(|m| (i, m)),
        })
        .collect();
    let done: Vec<(usize, JobView, String, Vec<Diagnostic>)> = fresh
        .into_par_iter()
        .map(|(i, markdown)| {
            let (view, body, diagnostics) = compile_posting(input, links, &postings[i], &markdown);
            (i, view, body, diagnostics)
        })
        .collect();
    let diagnostics: Vec<Diagnostic> = done.iter().flat_map(|d| d.3.clone()).collect();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut compiled = std::mem::take(&mut kept.compiled);
    if whole {
        compiled = Compiled::default();
        kept = Kept::default();
    }
    compiled.changes = vec![Change::Nothing; postings.len()];
    kept.rows.resize(postings.len(), None);
    for (i, view, body, _) in done {
        if whole {
            compiled.views.push(view);
            compiled.bodies.push(body);
            compiled.changes[i] = Change::View;
            continue;
        }
        let old = &compiled.views[i];
        compiled.changes[i] = if *old == view {
            Change::Body
        } else if same_place(old, &view) {
            Change::Row
        } else {
            Change::View
        };
        if compiled.changes[i] != Change::Body {
            kept.rows[i] = None;
        }
        compiled.views[i] = view;
        compiled.bodies[i] = body;
    }
    Ok((compiled, kept))
}
