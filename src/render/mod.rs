//! Rendering: Markdown, templates, structured data and feeds, written through a [`Sink`]
//! in parallel. Views and bodies are built once ([`Compiled`]) and borrowed by every page
//! that shows them; listing rows become template values once and are shared by every
//! listing. A [`Scope`] limits a render to what one edited posting touches (watch/serve).

mod compiled;
mod context;
pub mod feeds;
pub mod jsonld;
pub mod listings;
mod pages;
mod rows;
pub mod theme;
pub mod urls;
pub mod views;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkMap, Source};
use crate::output::Staging;
use crate::timings::Timings;
pub use compiled::{Compiled, Shape, compile, compile_posting, same_place, shape};
pub use rows::{Pieces, ROW_TEMPLATE, pieces};
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

/// Where rendered files go: a staging folder, a live folder, or nowhere (`check`).
pub trait Sink: Sync {
    /// Writes one file at a site-relative path (`jobs/x/index.html`).
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String>;
    /// Copies a file from disk (a static file) to a site-relative path.
    fn copy(&self, from: &Path, to: &str) -> Result<(), String>;
    /// Called once every HTML page of a render is written, before the machine-readable files.
    fn pages_written(&self) {}
    /// Whether an edit's HTML pages must be written before its machine-readable files (a
    /// live folder that reloads the browser once the pages are there); otherwise an edit
    /// renders both at once.
    fn pages_first(&self) -> bool {
        false
    }
    /// Writes one file whose bytes `fill` produces piece by piece (pages rendered straight
    /// from a template); by default the pieces are collected and handed to [`Sink::write`].
    fn write_with(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(|e| format!("cannot write {path}: {e}"))?;
        self.write(path, &bytes)
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        Staging::write(self, Path::new(path), bytes)
    }
    fn copy(&self, from: &Path, to: &str) -> Result<(), String> {
        Staging::copy(self, from, Path::new(to))
    }
    fn write_with(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        Staging::write_with(self, Path::new(path), fill)
    }
}

/// A sink that writes nothing (`careers check` renders every page in memory only).
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> Result<(), String> {
        Ok(())
    }
    fn copy(&self, _: &Path, _: &str) -> Result<(), String> {
        Ok(())
    }
    fn write_with(&self, _: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        fill(&mut std::io::sink()).map_err(|e| e.to_string())
    }
}

/// What a render covers: everything, or only what an edit touched.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// Every file of the site.
    All,
    /// Every file of the site, with the listing shape the caller already made.
    AllShaped(&'a Shape),
    /// The index, every machine-readable file, and the named posting pages and listings,
    /// with the listing shape the caller already made from the same views.
    Only(&'a Affected, &'a Shape),
}

/// The pages and files an edit touches: each one whose bytes it can change, no other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Affected {
    /// Indexes into `content.postings` whose own page is re-rendered.
    pub postings: BTreeSet<usize>,
    /// Listing paths (`departments/engineering/`) whose page is re-rendered.
    pub listings: BTreeSet<String>,
    /// Listing paths whose Atom feed is made again.
    pub listing_feeds: BTreeSet<String>,
    /// Whether the index is re-rendered (a listing row, the order or the filters changed).
    pub index: bool,
    /// Which site-wide machine-readable files are made again.
    pub files: feeds::SiteFiles,
}

impl Scope<'_> {
    fn posting(&self, i: usize) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.postings.contains(&i),
        }
    }
    fn listing(&self, path: &str) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.listings.contains(path),
        }
    }
    fn listing_feed(&self, path: &str) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.listing_feeds.contains(path),
        }
    }
    fn site_files(&self) -> feeds::SiteFiles {
        match self {
            Scope::All | Scope::AllShaped(_) => feeds::SiteFiles::ALL,
            Scope::Only(a, _) => a.files,
        }
    }
    fn index(&self) -> bool {
        match self {
            Scope::All | Scope::AllShaped(_) => true,
            Scope::Only(a, _) => a.index,
        }
    }
    fn everything(&self) -> bool {
        matches!(self, Scope::All | Scope::AllShaped(_))
    }
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

/// Hands memory freed by a render stage back to the OS: glibc keeps freed small blocks in
/// its arenas, so without this the ~90 MB of listing rows dropped before the feeds of a
/// 10,000-posting build would still count in the process's resident memory.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own heap; it takes no pointers from us.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// A render's listing rows: kept by a session for the next edit, or made for this render
/// only and dropped as soon as the listings are written (a third of a build's peak memory).
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
    // Rows made for this render only go before the static files (kept ones stay).
    if let Rows::Once(p) = pieces {
        drop(p);
        release_freed_memory();
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

fn io_diagnostic(message: String) -> Diagnostic {
    Diagnostic::error(Path::new("(output)"), 0, 0, "write-failed", message)
}

/// The sink, with a count of files written and the timings to add to.
pub(crate) struct Out<'a> {
    sink: &'a dyn Sink,
    written: &'a AtomicUsize,
    timings: &'a Timings,
}

impl Out<'_> {
    fn bytes(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.timings.add("write", || self.sink.write(path, bytes))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Writes one file made piece by piece (the site-wide feeds), streamed when the sink
    /// can take it that way; its time counts where the caller makes it.
    fn stream(&self, path: &str, fill: &mut crate::output::Fill) -> Result<(), String> {
        self.sink.write_with(path, fill)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Renders `template` with `ctx` into `path`; template errors become located diagnostics.
    fn template(
        &self,
        input: &Input,
        template: &str,
        ctx: &tera::Context,
        path: &str,
    ) -> Result<(), Diagnostic> {
        let html = self
            .timings
            .add(template, || input.tera.render(template, ctx))
            .map_err(|e| theme::template_diagnostic(input.theme, &e))?;
        self.bytes(path, html.as_bytes()).map_err(io_diagnostic)
    }

    /// [`Out::template`] for a page too large to hold whole (the index and the listings):
    /// rendered straight into the sink when it can take a file in pieces. Slower per byte
    /// than rendering into memory (each piece goes through the writer), so only for that.
    fn template_streamed(
        &self,
        input: &Input,
        template: &str,
        ctx: &tera::Context,
        path: &str,
    ) -> Result<(), Diagnostic> {
        let mut failed = None;
        let written = self.timings.add(template, || {
            self.sink.write_with(path, &mut |w| {
                // The writer keeps its own error: tera reports only the kind of an I/O error.
                let mut writer = KeepError {
                    inner: w,
                    error: None,
                };
                match input.tera.render_to(template, ctx, &mut writer) {
                    Ok(()) => Ok(()),
                    Err(_) if writer.error.is_some() => Err(writer
                        .error
                        .take()
                        .unwrap_or_else(|| std::io::Error::other(""))),
                    Err(e) => {
                        failed = Some(e);
                        Err(std::io::Error::other("template error"))
                    }
                }
            })
        });
        if let Some(e) = failed {
            return Err(theme::template_diagnostic(input.theme, &e));
        }
        written.map_err(io_diagnostic)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// A writer that remembers the first error of the writer it wraps.
struct KeepError<'w> {
    inner: &'w mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl std::io::Write for KeepError<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.inner.write(bytes).inspect_err(|e| {
            if self.error.is_none() {
                self.error = Some(std::io::Error::new(e.kind(), e.to_string()));
            }
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
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
