//! Rendering: Markdown, templates, structured data and feeds, written through a [`Sink`]
//! in parallel. Views and bodies are built once ([`Compiled`]) and borrowed by every page
//! that shows them; listing rows become template values once and are shared by every
//! listing. A [`Scope`] limits a render to what one edited posting touches (watch/serve).

mod compiled;
mod context;
pub mod feeds;
pub mod jsonld;
pub mod listings;
mod out;
mod pages;
mod rows;
mod scope;
mod sink;
pub mod theme;
pub mod urls;
pub mod views;

use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkMap, Source};
use crate::timings::Timings;
pub use compiled::{Compiled, Shape, compile, compile_posting, same_place, shape};
use out::{Out, io_diagnostic};
pub use rows::{Pieces, ROW_TEMPLATE, pieces};
pub use scope::{Affected, Scope};
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
}

/// Renders and writes every output file; returns how many were written.
pub fn render(input: &Input, sink: &dyn Sink, timings: &Timings) -> Result<usize, Vec<Diagnostic>> {
    let links = link_map(input.content, input.urls);
    let compiled = timings.phase("markdown + views", || compile(input, &links))?;
    let pieces = timings.phase("listing rows", || pieces(input, &compiled, false, timings))?;
    render_pieces(
        input,
        &links,
        &compiled,
        Rows::Once(pieces),
        Scope::All,
        sink,
        timings,
    )
}

/// [`render`] for a caller that made the views, bodies, rows and listing shape itself (a
/// one-off build, which frees the Markdown sources in between); the rows are dropped once
/// not needed.
pub fn render_compiled(
    input: &Input,
    links: &LinkMap,
    compiled: &Compiled,
    (pieces, shape): (Pieces, &Shape),
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<usize, Vec<Diagnostic>> {
    let rows = Rows::Once(pieces);
    let scope = Scope::AllShaped(shape);
    render_pieces(input, links, compiled, rows, scope, sink, timings)
}

/// A render's listing rows: kept by a session for the next edit, or made for this render
/// only and freed once every file that shows them is written (a third of a build's peak
/// memory).
enum Rows<'a> {
    Kept(&'a Pieces),
    Once(Pieces),
}

/// Renders what `scope` covers from already compiled postings and their [`Pieces`]; returns
/// how many files it wrote.
pub fn render_with(
    input: &Input,
    links: &LinkMap,
    compiled: &Compiled,
    pieces: &Pieces,
    scope: Scope,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<usize, Vec<Diagnostic>> {
    let rows = Rows::Kept(pieces);
    render_pieces(input, links, compiled, rows, scope, sink, timings)
}

fn render_pieces(
    input: &Input,
    links: &LinkMap,
    compiled: &Compiled,
    pieces: Rows,
    scope: Scope,
    sink: &dyn Sink,
    timings: &Timings,
) -> Result<usize, Vec<Diagnostic>> {
    let Input {
        config,
        content,
        urls,
        ..
    } = *input;
    let written = AtomicUsize::new(0);
    let out = Out {
        sink,
        written: &written,
        timings,
    };
    let pages_html: Vec<(String, Vec<Diagnostic>)> = if scope.everything() {
        content
            .pages
            .par_iter()
            .map(|p| {
                markdown::render(
                    &Source {
                        markdown: &p.body,
                        file: &p.source,
                        first_line: p.body_line,
                    },
                    links,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut diagnostics: Vec<Diagnostic> = pages_html.iter().flat_map(|p| p.1.clone()).collect();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let made;
    let Shape { order, listings } = match scope {
        Scope::Only(_, shape) | Scope::AllShaped(shape) => shape,
        Scope::All => {
            made = timings.phase("listings", || shape(&compiled.views, urls));
            &made
        }
    };
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
    let base = pages::base_context(input);

    // The index and the listings, from rows turned into template values once.
    let rows_of = match &pieces {
        Rows::Kept(p) => &p.rows,
        Rows::Once(p) => &p.rows,
    };
    let open: Vec<&JobView> = order.iter().map(|&i| &compiled.views[i]).collect();
    let html_pages = || -> Vec<Diagnostic> {
        let listing_pages = || {
            timings.phase("render listings", || {
                let Some(values) = order
                    .iter()
                    .map(|&i| rows_of.get(i).cloned().flatten())
                    .collect::<Option<Vec<tera::Value>>>()
                else {
                    return vec![missing_piece()];
                };
                let filters = tera::Value::from_serializable(&listings.filters);
                let rows = listings::Rows {
                    open: &open,
                    values: &values,
                    filters: &filters,
                };
                let index = scope
                    .index()
                    .then(|| pages::index(input, &base, &out, &rows).err())
                    .flatten();
                let mut results: Vec<Diagnostic> = listings
                    .pages
                    .par_iter()
                    .filter(|l| scope.listing(&l.path))
                    .filter_map(|l| pages::listing(input, &base, &out, l, &rows).err())
                    .collect();
                results.extend(index);
                results
            })
        };
        // Posting pages (an open posting's page reuses its row value).
        let posting_pages = || {
            timings.phase("render postings", || {
                content
                    .postings
                    .par_iter()
                    .enumerate()
                    .filter(|(i, _)| scope.posting(*i))
                    .filter_map(|(i, posting)| {
                        let page = pages::JobPage {
                            posting,
                            view: &compiled.views[i],
                            html: &compiled.bodies[i],
                            row: rows_of.get(i).and_then(Option::as_ref),
                        };
                        pages::job(input, &base, &out, page, &faq_answers).err()
                    })
                    .collect::<Vec<Diagnostic>>()
            })
        };
        // At once: the index is one long task, which the posting pages fill in around.
        let (mut diagnostics, postings) = rayon::join(listing_pages, posting_pages);
        diagnostics.extend(postings);
        // FAQ, free pages, 404.
        if scope.everything() {
            if !content.faq.is_empty() {
                diagnostics.extend(pages::faq(input, &base, &out, &faq_answers).err());
            }
            for (page, (html, _)) in content.pages.iter().zip(&pages_html) {
                diagnostics.extend(pages::page(input, &base, &out, page, html).err());
            }
            diagnostics.extend(pages::not_found(input, &base, &out).err());
        }
        diagnostics
    };

    // Machine-readable files, each written as soon as it is made.
    let feed_files = |kept_feeds: Option<&Vec<Option<feeds::Fragments>>>| {
        timings.phase("feeds + sitemap", || {
            let entries: Vec<feeds::Entry> = order
                .iter()
                .zip(&open)
                .map(|(&i, view)| feeds::Entry {
                    posting: &content.postings[i],
                    view,
                    html: &compiled.bodies[i],
                })
                .collect();
            let kept: Option<Vec<&feeds::Fragments>> = match kept_feeds {
                Some(feeds) => Some(
                    order
                        .iter()
                        .map(|&i| feeds.get(i).and_then(Option::as_ref))
                        .collect::<Option<_>>()
                        .ok_or_else(|| missing_piece().message)?,
                ),
                None => None,
            };
            let site = feeds::Site {
                config,
                urls,
                content,
                open: &entries,
                listings: &listings.pages,
            };
            feeds::write(
                &site,
                kept.as_deref(),
                scope.site_files(),
                &|l| scope.listing_feed(&l.path),
                &|path, fill| out.stream(path, fill),
                timings,
            )
        })
    };

    let kept_feeds = match &pieces {
        Rows::Kept(p) => p.feeds.as_ref(),
        Rows::Once(_) => None,
    };
    if sink.pages_first() {
        // A live folder that reloads the browser once the pages are there (serve): pages,
        // the signal, then the machine-readable files.
        diagnostics.extend(html_pages());
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        sink.pages_written();
        feed_files(kept_feeds).map_err(|e| vec![io_diagnostic(e)])?;
    } else {
        // Files published together (a build, a watch edit): pages and feeds at once, so
        // the few large feeds never leave a core idle at the end.
        let (mut page_errors, files) = timings.phase("pages and feeds, at once", || {
            rayon::join(html_pages, || feed_files(kept_feeds))
        });
        if let Err(e) = files {
            page_errors.push(io_diagnostic(e));
        }
        diagnostics.extend(page_errors);
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        sink.pages_written();
    }
    // Rows made for this render only are freed beside the rest of it (kept ones stay).
    if let Rows::Once(p) = pieces {
        crate::memory::drop_aside(p);
    }

    // Static files: theme assets first, then the site's own (which win).
    if scope.everything() {
        timings
            .phase("static files", || -> Result<(), String> {
                for (path, file) in &input.theme.static_files {
                    if !content
                        .static_files
                        .iter()
                        .any(|s| s.to.to_string_lossy() == path.as_str())
                    {
                        out.bytes(path, &file.bytes)?;
                    }
                }
                for file in &content.static_files {
                    let to = file.to.to_string_lossy().replace('\\', "/");
                    sink.copy(&file.from, &to)?;
                    written.fetch_add(1, Ordering::Relaxed);
                }
                Ok(())
            })
            .map_err(|e| vec![io_diagnostic(e)])?;
    }
    Ok(written.load(Ordering::Relaxed))
}

/// An open posting without its pieces: a bug in keeping [`Pieces`] in step, never content.
fn missing_piece() -> Diagnostic {
    io_diagnostic("internal error: an open posting has no listing row or feed entry".into())
}

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
