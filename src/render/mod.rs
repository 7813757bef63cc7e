//! Rendering: Markdown, templates, structured data and feeds, written into the staging
//! folder in parallel. Views are built once and borrowed by every page that lists them.

pub mod feeds;
pub mod jsonld;
pub mod listings;
pub mod theme;
pub mod urls;
pub mod views;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::Content;
use crate::content::model::{Page, Posting};
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkMap, Source};
use crate::output::Staging;
use listings::{Listing, ListingKind};
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

/// Meta of one output page (title, canonical URL, structured data …).
#[derive(Serialize, Default)]
struct PageMeta {
    title: String,
    description: String,
    url: String,
    permalink: String,
    noindex: bool,
    kind: &'static str,
    json_ld: String,
    feed_url: String,
    image: String,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
    root: &'a str,
    company: CompanyView<'a>,
    extra: &'a serde_json::Value,
    theme_options: &'a serde_json::Value,
    /// site.yaml `benefits`: a link when it is a URL, else rendered Markdown (shown on postings).
    benefits: BenefitsView,
}

#[derive(Serialize, Default)]
struct BenefitsView {
    url: String,
    html: String,
}

#[derive(Serialize)]
struct CompanyView<'a> {
    name: &'a str,
    url: &'a str,
    logo: String,
    logo_url: String,
    same_as: &'a [String],
}

#[derive(Serialize)]
struct NavView {
    pages: Vec<NavPage>,
    has_faq: bool,
    faq_url: String,
    jobs_url: String,
}

#[derive(Serialize)]
struct NavPage {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct FaqItem<'a> {
    id: String,
    question: &'a str,
    answer: String,
}

#[derive(Serialize)]
struct FaqGroupView<'a> {
    id: &'a str,
    title: &'a str,
    questions: Vec<FaqItem<'a>>,
}

/// Renders and writes every output file; returns how many were written.
pub fn render(input: &Input, staging: Option<&Staging>) -> Result<usize, Vec<Diagnostic>> {
    let Input {
        config,
        content,
        urls,
        today,
        ..
    } = *input;
    let links = link_map(content, urls);
    let written = AtomicUsize::new(0);
    let writer = Writer {
        staging,
        written: &written,
    };

    // Views and bodies of all postings, in parallel.
    let rendered: Vec<(JobView, String, Vec<Diagnostic>)> = content
        .postings
        .par_iter()
        .map(|p| {
            let view = views::job(p, config, urls, today);
            let (html, diags) = markdown::render(
                &Source {
                    markdown: &p.body,
                    file: &p.source,
                    first_line: p.body_line,
                },
                &links,
            );
            (view, html, diags)
        })
        .collect();
    let pages_html: Vec<(String, Vec<Diagnostic>)> = content
        .pages
        .par_iter()
        .map(|p| {
            markdown::render(
                &Source {
                    markdown: &p.body,
                    file: &p.source,
                    first_line: p.body_line,
                },
                &links,
            )
        })
        .collect();
    let mut diagnostics: Vec<Diagnostic> = rendered
        .iter()
        .flat_map(|r| r.2.clone())
        .chain(pages_html.iter().flat_map(|p| p.1.clone()))
        .collect();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }

    // Open postings sorted once: department, newest first, title.
    let mut order: Vec<usize> = (0..rendered.len())
        .filter(|&i| !rendered[i].0.closed)
        .collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&rendered[a].0, &rendered[b].0);
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
    let open: Vec<JobView> = order.iter().map(|&i| rendered[i].0.clone()).collect();
    let all_listings = listings::compute(&open, urls);

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
    let base = base_context(input);

    // Posting pages.
    let job_results: Vec<Result<(), Diagnostic>> = content
        .postings
        .par_iter()
        .zip(rendered.par_iter())
        .map(|(posting, (view, html, _))| {
            render_job(input, &base, &writer, posting, view, html, &faq_answers)
        })
        .collect();
    diagnostics.extend(job_results.into_iter().filter_map(Result::err));

    // Listings.
    let index_meta = PageMeta {
        title: config.title.clone(),
        description: config
            .description
            .clone()
            .unwrap_or_else(|| format!("Open positions at {}", config.company.name)),
        url: urls.path(""),
        permalink: urls.absolute(""),
        kind: "index",
        feed_url: if config.feeds.atom {
            urls.path("feed.xml")
        } else {
            String::new()
        },
        image: config
            .company
            .logo
            .as_deref()
            .map(|l| urls.asset(l))
            .unwrap_or_default(),
        ..PageMeta::default()
    };
    let mut ctx = base.clone();
    ctx.insert("page", &index_meta);
    ctx.insert("groups", &listings::groups(&open, 0..open.len()));
    ctx.insert("jobs", &open);
    ctx.insert("filters", &all_listings.filters);
    diagnostics.extend(
        writer
            .template(input, "index.html", &ctx, "index.html")
            .err(),
    );

    let listing_results: Vec<Result<(), Diagnostic>> = all_listings
        .pages
        .par_iter()
        .map(|listing| render_listing(input, &base, &writer, listing, &open, &all_listings.filters))
        .collect();
    diagnostics.extend(listing_results.into_iter().filter_map(Result::err));

    // FAQ, free pages, 404.
    if !content.faq.is_empty() {
        diagnostics.extend(render_faq(input, &base, &writer, &faq_answers).err());
    }
    for (page, (html, _)) in content.pages.iter().zip(&pages_html) {
        diagnostics.extend(render_page(input, &base, &writer, page, html).err());
    }
    let mut ctx = base.clone();
    ctx.insert(
        "page",
        &PageMeta {
            title: format!("Page not found — {}", config.title),
            url: urls.path("404.html"),
            permalink: urls.absolute("404.html"),
            noindex: true,
            kind: "404",
            ..PageMeta::default()
        },
    );
    diagnostics.extend(writer.template(input, "404.html", &ctx, "404.html").err());
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }

    // Machine-readable files.
    let open_entries: Vec<feeds::Entry> = order
        .iter()
        .zip(&open)
        .map(|(&i, view)| feeds::Entry {
            posting: &content.postings[i],
            view,
            html: &rendered[i].1,
        })
        .collect();
    let files = feeds::files(&feeds::Site {
        config,
        urls,
        content,
        open: &open_entries,
        listings: &all_listings.pages,
    });
    for (path, text) in &files {
        writer
            .bytes(Path::new(path), text.as_bytes())
            .map_err(|e| vec![io_diagnostic(e)])?;
    }

    // Static files: theme assets first, then the site's own (which win).
    for (path, file) in &input.theme.static_files {
        if !content
            .static_files
            .iter()
            .any(|s| s.to.to_string_lossy() == path.as_str())
        {
            writer
                .bytes(Path::new(path), &file.bytes)
                .map_err(|e| vec![io_diagnostic(e)])?;
        }
    }
    for file in &content.static_files {
        if let Some(staging) = staging {
            staging
                .copy(&file.from, &file.to)
                .map_err(|e| vec![io_diagnostic(e)])?;
        }
        written.fetch_add(1, Ordering::Relaxed);
    }
    Ok(written.load(Ordering::Relaxed))
}

fn io_diagnostic(message: String) -> Diagnostic {
    Diagnostic::error(Path::new("(output)"), 0, 0, "write-failed", message)
}

/// Writes into the staging folder, or only counts when checking (`staging` is `None`).
struct Writer<'a> {
    staging: Option<&'a Staging>,
    written: &'a AtomicUsize,
}

impl Writer<'_> {
    fn bytes(&self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        if let Some(staging) = self.staging {
            staging.write(path, bytes)?;
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Renders `template` with `ctx` into `path`.
    fn template(
        &self,
        input: &Input,
        template: &str,
        ctx: &tera::Context,
        path: &str,
    ) -> Result<(), Diagnostic> {
        let html = input
            .tera
            .render(template, ctx)
            .map_err(|e| theme::template_diagnostic(input.theme, &e))?;
        self.bytes(Path::new(path), html.as_bytes())
            .map_err(io_diagnostic)
    }
}

fn base_context(input: &Input) -> tera::Context {
    let Input {
        config,
        content,
        urls,
        ..
    } = *input;
    let benefits = match config.benefits.as_deref() {
        Some(b)
            if b.starts_with("https://")
                || b.starts_with("http://")
                || (b.starts_with('/') && !b.contains(char::is_whitespace)) =>
        {
            BenefitsView {
                url: urls.asset_path(b),
                html: String::new(),
            }
        }
        Some(b) => BenefitsView {
            url: String::new(),
            html: markdown::render_plain(b),
        },
        None => BenefitsView::default(),
    };
    let site = SiteView {
        benefits,
        title: &config.title,
        description: config.description.as_deref().unwrap_or(""),
        language: &config.language,
        base_url: &urls.base_url,
        root: &urls.root,
        company: CompanyView {
            name: &config.company.name,
            url: config.company.url.as_deref().unwrap_or(""),
            logo: config
                .company
                .logo
                .as_deref()
                .map(|l| urls.asset_path(l))
                .unwrap_or_default(),
            logo_url: config
                .company
                .logo
                .as_deref()
                .map(|l| urls.asset(l))
                .unwrap_or_default(),
            same_as: &config.company.same_as,
        },
        extra: &config.extra,
        theme_options: &config.theme_options,
    };
    let nav = NavView {
        pages: content
            .pages
            .iter()
            .map(|p| NavPage {
                title: p.title.clone(),
                url: urls.path(&format!("{}/", p.slug)),
            })
            .collect(),
        has_faq: !content.faq.is_empty(),
        faq_url: urls.path("faq/"),
        jobs_url: urls.path(""),
    };
    let mut ctx = tera::Context::new();
    ctx.insert("site", &site);
    ctx.insert("nav", &nav);
    ctx.insert(
        "build",
        &serde_json::json!({"generator": concat!("careers ", env!("CARGO_PKG_VERSION"))}),
    );
    ctx
}

fn render_job(
    input: &Input,
    base: &tera::Context,
    writer: &Writer,
    posting: &Posting,
    view: &JobView,
    html: &str,
    faq_answers: &[Vec<String>],
) -> Result<(), Diagnostic> {
    let Input {
        config,
        content,
        urls,
        ..
    } = *input;
    let mut faq: Vec<FaqItem> = posting
        .faq
        .iter()
        .enumerate()
        .map(|(i, q)| FaqItem {
            id: format!("faq-{}", i + 1),
            question: &q.question,
            answer: markdown::render_plain(&q.answer),
        })
        .collect();
    for (group_id, _, _) in &posting.faq_groups {
        if let Some(gi) = content.faq.iter().position(|g| &g.id == group_id) {
            for (q, answer) in content.faq[gi].questions.iter().zip(&faq_answers[gi]) {
                faq.push(FaqItem {
                    id: format!("faq-{}", faq.len() + 1),
                    question: &q.question,
                    answer: answer.clone(),
                });
            }
        }
    }
    let mut job = view.clone();
    job.content = Some(html.to_string());
    let json_ld = if view.closed {
        String::new()
    } else {
        jsonld::script(&jsonld::job_posting(view, posting, html, config, urls))
    };
    let meta = PageMeta {
        title: format!("{} — {}", view.title, config.company.name),
        description: view.summary.clone(),
        url: view.url.clone(),
        permalink: view.permalink.clone(),
        noindex: view.closed,
        kind: "job",
        json_ld,
        feed_url: String::new(),
        image: if view.image.is_empty() {
            config
                .company
                .logo
                .as_deref()
                .map(|l| urls.asset(l))
                .unwrap_or_default()
        } else {
            view.image.clone()
        },
    };
    let mut ctx = base.clone();
    ctx.insert("page", &meta);
    ctx.insert("job", &job);
    ctx.insert("faq", &faq);
    writer.template(
        input,
        "job.html",
        &ctx,
        &format!("jobs/{}/index.html", posting.slug),
    )
}

fn render_listing(
    input: &Input,
    base: &tera::Context,
    writer: &Writer,
    listing: &Listing,
    open: &[JobView],
    filters: &listings::Filters,
) -> Result<(), Diagnostic> {
    let Input { config, urls, .. } = *input;
    let description = match listing.kind {
        ListingKind::Department => format!(
            "Open positions in {} at {}.",
            listing.title, config.company.name
        ),
        ListingKind::Location => format!(
            "Open positions in {} at {}.",
            listing.title, config.company.name
        ),
        ListingKind::Type => format!("{} positions at {}.", listing.title, config.company.name),
        ListingKind::Remote => format!("Remote positions at {}.", config.company.name),
    };
    let feed_url = if config.feeds.atom {
        urls.path(&format!("{}feed.xml", listing.path))
    } else {
        String::new()
    };
    let meta = PageMeta {
        title: format!("{} — {}", listing.title, config.title),
        description: description.clone(),
        url: urls.path(&listing.path),
        permalink: urls.absolute(&listing.path),
        kind: "listing",
        feed_url: feed_url.clone(),
        ..PageMeta::default()
    };
    let jobs: Vec<&JobView> = listing.members.iter().map(|&i| &open[i]).collect();
    let mut ctx = base.clone();
    ctx.insert("page", &meta);
    ctx.insert("listing", &serde_json::json!({"title": listing.title, "kind": listing.kind, "slug": listing.slug, "description": description, "feed_url": feed_url}));
    ctx.insert(
        "groups",
        &listings::groups(open, listing.members.iter().copied()),
    );
    ctx.insert("jobs", &jobs);
    ctx.insert("filters", filters);
    writer.template(
        input,
        "listing.html",
        &ctx,
        &format!("{}index.html", listing.path),
    )
}

fn render_faq(
    input: &Input,
    base: &tera::Context,
    writer: &Writer,
    answers: &[Vec<String>],
) -> Result<(), Diagnostic> {
    let Input {
        config,
        content,
        urls,
        ..
    } = *input;
    let groups: Vec<FaqGroupView> = content
        .faq
        .iter()
        .zip(answers)
        .map(|(g, a)| FaqGroupView {
            id: &g.id,
            title: &g.title,
            questions: g
                .questions
                .iter()
                .zip(a)
                .enumerate()
                .map(|(i, (q, answer))| FaqItem {
                    id: format!("{}-{}", g.id, i + 1),
                    question: &q.question,
                    answer: answer.clone(),
                })
                .collect(),
        })
        .collect();
    let meta = PageMeta {
        title: format!("Frequently asked questions — {}", config.title),
        description: format!(
            "Answers to common questions about working at and applying to {}.",
            config.company.name
        ),
        url: urls.path("faq/"),
        permalink: urls.absolute("faq/"),
        kind: "faq",
        json_ld: jsonld::script(&jsonld::faq_page(&content.faq, answers)),
        ..PageMeta::default()
    };
    let mut ctx = base.clone();
    ctx.insert("page", &meta);
    ctx.insert("faq_groups", &groups);
    writer.template(input, "faq.html", &ctx, "faq/index.html")
}

fn render_page(
    input: &Input,
    base: &tera::Context,
    writer: &Writer,
    page: &Page,
    html: &str,
) -> Result<(), Diagnostic> {
    let Input { config, urls, .. } = *input;
    let path = format!("{}/", page.slug);
    let meta = PageMeta {
        title: format!("{} — {}", page.title, config.title),
        description: page
            .summary
            .clone()
            .unwrap_or_else(|| markdown::first_paragraph(&page.body, 160)),
        url: urls.path(&path),
        permalink: urls.absolute(&path),
        kind: "page",
        image: page
            .image
            .as_deref()
            .map(|i| urls.asset(i))
            .unwrap_or_default(),
        ..PageMeta::default()
    };
    let mut ctx = base.clone();
    ctx.insert("page", &meta);
    ctx.insert("page_content", &serde_json::json!({"title": page.title, "slug": page.slug, "summary": page.summary, "content": html, "extra": page.extra}));
    writer.template(input, "page.html", &ctx, &format!("{path}index.html"))
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
fn link_map(content: &Content, urls: &Urls) -> LinkMap {
    let mut map = LinkMap::new();
    for p in &content.postings {
        map.insert(p.source.clone(), urls.path(&format!("jobs/{}/", p.slug)));
    }
    for p in &content.pages {
        map.insert(p.source.clone(), urls.path(&format!("{}/", p.slug)));
    }
    map
}
