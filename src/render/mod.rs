//! Rendering: Markdown, templates, structured data and feeds. [`render`] makes every file
//! of the site, in the same order for every command, and hands each one to a [`Sink`]
//! (the sink decides where it goes). Views and bodies are built once ([`Compiled`]) and
//! borrowed by every page that shows them; listing rows become template values once and
//! are shared by every listing.

mod compiled;
mod context;
pub mod feeds;
mod files;
mod json;
pub(crate) mod jsonld;
pub(crate) mod languages;
pub(crate) mod links;
pub(crate) mod listings;
mod out;
mod pages;
mod related;
mod rows;
mod sink;
pub(crate) mod theme;
pub(crate) mod translate;
pub mod urls;
pub(crate) mod views;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkMap, Source};
use crate::output::OutputError;
use crate::timings::Timings;
use compiled::{Change, Compiled, Shape, compile, shape};
pub use compiled::{Kept, Work};
pub use links::{link_check, link_map};
use out::Out;
use related::Related;
pub use rows::ROW_TEMPLATE;
pub use sink::{Discard, Sink};
use theme::Theme;
use urls::Urls;
use views::JobView;

/// Everything rendering needs, borrowed from the earlier pipeline stages.
pub struct Input<'a> {
    /// Site settings.
    pub config: &'a SiteConfig,
    /// Content that will be published (drafts already removed unless asked for).
    pub content: &'a Content,
    /// URL helper for the effective base URL.
    pub urls: &'a Urls,
    /// Today in the site's timezone.
    pub today: Date,
    /// Resolved theme.
    pub theme: &'a Theme,
    /// Template engine built from the theme.
    pub tera: &'a tera::Tera,
    /// Interface text and formats per language.
    pub i18n: &'a crate::i18n::Catalog,
    /// The pages that exist in several languages (`None`: the site is in one).
    pub alternates: Option<&'a languages::Alternates>,
    /// Postings listed in this language folder whose page is in another (a site with
    /// `untranslated_postings: show`), by file, with the URLs of their own folder.
    pub guests: Option<&'a HashMap<std::path::PathBuf, Urls>>,
    /// Whether this render writes the files every language shares (static files,
    /// robots.txt): false for the second and later languages of a site.
    pub shared: bool,
}

/// Why a render stopped: problems in the content or the theme, or a file the sink could
/// not take.
#[derive(Debug)]
pub enum Failure {
    /// Located problems (broken links, template errors); every one found.
    Content(Vec<Diagnostic>),
    /// The sink failed (disk full, permissions).
    Output(OutputError),
}

impl From<OutputError> for Failure {
    fn from(e: OutputError) -> Self {
        Failure::Output(e)
    }
}

/// Keeps the first output failure and gathers every content problem of many pages.
fn gather(results: impl IntoIterator<Item = Result<(), Failure>>) -> Result<(), Failure> {
    let mut diagnostics = Vec::new();
    for result in results {
        match result {
            Ok(()) => {}
            Err(Failure::Output(e)) => return Err(Failure::Output(e)),
            Err(Failure::Content(mut d)) => diagnostics.append(&mut d),
        }
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Failure::Content(diagnostics))
    }
}

/// What a render made: how many files, and what the next render of a session can keep.
#[derive(Debug)]
pub struct Rendered {
    /// Files written (or kept) through the sink.
    pub files: usize,
    /// Every posting's view, body and row, and what each listing showed.
    pub kept: Kept,
}

/// Renders every output file of the site through `sink`: a site in several languages one
/// language folder after the other, each as [`render_one`] renders a site in one.
pub fn render(
    input: &Input,
    work: Work,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<Rendered, Failure> {
    if input.config.languages.len() > 1 {
        languages::render(input, work, sink, timings)
    } else {
        render_one(input, work, sink, timings)
    }
}

/// Renders every output file of a site in one language through `sink`. What did not change
/// since the render `work.kept` comes from (a posting's page, a listing showing the same
/// postings with the same views) the sink keeps as it was.
fn render_one(
    input: &Input,
    mut work: Work,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<Rendered, Failure> {
    let links = match work.kept.as_mut().and_then(|k| k.links.take()) {
        Some(links) => links,
        None => link_map(input.content, input.urls),
    };
    let (compiled, mut kept) = timings
        .phase("markdown + views", || compile(input, &links, work))
        .map_err(Failure::Content)?;
    let kept_rows = std::mem::take(&mut kept.rows);
    // The listings move only when a posting's place in them may have changed.
    let same_views = !compiled.changes.contains(&Change::View);
    let kept_shape = kept.shape.take().filter(|_| same_views);
    let kept_related = std::mem::take(&mut kept.related);
    let (rows, (shape, related)) = rayon::join(
        || {
            timings.phase("listing rows", || {
                rows::rows(input, &compiled, kept_rows, timings)
            })
        },
        || {
            let shape = match kept_shape {
                Some(shape) => shape,
                None => timings.phase("listings", || shape(&compiled.views, input.urls)),
            };
            let related = timings.phase("related", || {
                let guest = |i| is_guest(input, &input.content.postings[i]);
                Related::new(&compiled.views, &shape, guest, kept_related)
            });
            (shape, related)
        },
    );
    let rows = rows.map_err(Failure::Content)?;
    let shown = shown_listings(&shape);
    let filters = tera::Value::from_serializable(&shape.listings.filters);
    let unchanged = unchanged_listings(&kept, &shown, &filters, &compiled.changes);
    let same_listings = kept.filters.as_ref() == Some(&filters);
    let written = AtomicUsize::new(0);
    let out = Out {
        sink,
        written: &written,
        timings,
    };
    let made = Made {
        links: &links,
        compiled: &compiled,
        rows: &rows,
        shape: &shape,
        filters: &filters,
        unchanged: &unchanged,
        same_listings,
        related: &related,
    };
    // The pages and the files they load first, so a sink that shows pages as they come can
    // show them before the machine-readable files are made.
    timings.phase("html pages", || html_pages(input, &made, &out))?;
    timings
        .phase("static files", || files::static_files(input, &out))
        .map_err(Failure::Output)?;
    sink.pages_done();
    files::feed_files(input, &made, &out)?;
    let kept = Kept {
        compiled,
        rows,
        listings: shown,
        filters: Some(filters),
        shape: Some(shape),
        links: Some(links),
        related: related.into_kept(),
    };
    Ok(Rendered {
        files: written.load(Ordering::Relaxed),
        kept,
    })
}

/// Each listing page's path (the index's too) and the postings it shows, in order.
fn shown_listings(shape: &Shape) -> HashMap<String, Vec<usize>> {
    let order = &shape.order;
    let pages = shape.listings.pages.iter().map(|l| {
        let members = l.members.iter().map(|&m| order[m]).collect();
        (format!("{}index.html", l.path), members)
    });
    std::iter::once(("index.html".to_string(), order.clone()))
        .chain(pages)
        .collect()
}

/// The listing pages that show what they showed in the last render: the same postings,
/// none of whose views changed, and the same filters.
fn unchanged_listings(
    kept: &Kept,
    shown: &HashMap<String, Vec<usize>>,
    filters: &tera::Value,
    changes: &[Change],
) -> HashSet<String> {
    if kept.filters.as_ref() != Some(filters) {
        return HashSet::new();
    }
    shown
        .iter()
        .filter(|(path, members)| {
            kept.listings.get(*path) == Some(*members)
                && members
                    .iter()
                    .all(|&i| matches!(changes[i], Change::Nothing | Change::Body))
        })
        .map(|(path, _)| path.clone())
        .collect()
}

/// What every page of one render is made from, built once.
struct Made<'a> {
    links: &'a LinkMap,
    compiled: &'a Compiled,
    rows: &'a [Option<tera::Value>],
    shape: &'a Shape,
    /// The filter lists as one template value.
    filters: &'a tera::Value,
    /// Listing pages the sink keeps as they were.
    unchanged: &'a HashSet<String>,
    /// Whether the listing pages and their filters are those of the last render.
    same_listings: bool,
    /// Each posting page's related postings.
    related: &'a Related,
}

/// Every HTML page: the index and the listings beside the posting pages, then the FAQ, the
/// free pages and the 404 page.
fn html_pages(input: &Input, made: &Made, out: &Out) -> Result<(), Failure> {
    let content = input.content;
    let Shape { order, listings } = made.shape;
    let base = pages::base_context(input);
    let faq_answers: Vec<Vec<String>> = content
        .faq
        .iter()
        .map(|g| {
            g.questions
                .iter()
                .map(|q| markdown::render_plain(&q.answer))
                .collect()
        })
        .collect();
    let open: Vec<&JobView> = order.iter().map(|&i| &made.compiled.views[i]).collect();
    let listed: HashSet<String> = (listings.pages.iter())
        .map(|l| input.urls.path(&l.path))
        .collect();
    let listing_pages = || {
        out.timings.phase("render listings", || {
            let values: Vec<tera::Value> =
                order.iter().filter_map(|&i| made.rows[i].clone()).collect();
            let rows = listings::Rows {
                open: &open,
                values: &values,
                filters: made.filters,
            };
            let keep = |path: &str| out.keep(path).map_err(Failure::Output);
            let index = match made.unchanged.contains("index.html") {
                true => keep("index.html"),
                false => pages::index(input, &base, out, &rows),
            };
            let each: Vec<Result<(), Failure>> = listings
                .pages
                .par_iter()
                .map(|l| {
                    let path = format!("{}index.html", l.path);
                    match made.unchanged.contains(&path) {
                        true => keep(&path),
                        false => pages::listing(input, &base, out, l, &rows),
                    }
                })
                .collect();
            gather(std::iter::once(index).chain(each))
        })
    };
    let posting_pages = || {
        out.timings.phase("render postings", || {
            let each: Vec<Result<(), Failure>> = content
                .postings
                .par_iter()
                .enumerate()
                .map(|(i, posting)| {
                    if is_guest(input, posting) {
                        return Ok(());
                    }
                    let changes = &made.compiled.changes;
                    let view = &made.compiled.views[i];
                    // A closed posting links to the listings there are, which may have changed.
                    let relisted = view.closed && !made.same_listings;
                    if changes[i] == Change::Nothing && !made.related.moved(i, changes) && !relisted
                    {
                        let path = pages::job_path(posting);
                        return out.keep(&path).map_err(Failure::Output);
                    }
                    let page = pages::JobPage {
                        posting,
                        view: &made.compiled.views[i],
                        html: &made.compiled.bodies[i],
                        row: made.rows[i].as_ref(),
                        related: made.related.values(i, made.rows),
                        listed: &listed,
                    };
                    pages::job(input, &base, out, page, &faq_answers)
                })
                .collect();
            gather(each)
        })
    };
    let (listed, posted) = rayon::join(listing_pages, posting_pages);
    let mut results = vec![listed, posted];
    if !content.faq.is_empty() {
        results.push(pages::faq(input, &base, out, &faq_answers));
    }
    for page in &content.pages {
        let (html, diagnostics) = markdown::render(
            &Source {
                markdown: &page.body,
                file: &page.source,
                first_line: page.body_line,
            },
            made.links,
        );
        results.push(if diagnostics.is_empty() {
            pages::page(input, &base, out, page, &html)
        } else {
            Err(Failure::Content(diagnostics))
        });
    }
    results.push(pages::not_found(input, &base, out));
    gather(results)
}

/// Whether `posting` is listed in this language folder but has its page in another.
fn is_guest(input: &Input, posting: &crate::content::model::Posting) -> bool {
    (input.guests).is_some_and(|g| g.contains_key(&posting.source))
}
