//! The HTML pages: one function per kind of page, each filling a template context from
//! values built once (views, the filter lists, the listing rows as template values) and
//! borrowed, never rebuilt per page.

use std::collections::HashSet;

use serde::Serialize;

use crate::content::model::{Page, Posting};
use crate::markdown;
use crate::render::Failure;
use crate::render::listings::{Listing, ListingKind, Rows};
use crate::render::views::JobView;
use crate::render::{Input, Out, jsonld};

pub(crate) use crate::render::context::base_context;

/// Meta of one output page (title, canonical URL, structured data …).
#[derive(Serialize, Default)]
pub(crate) struct PageMeta {
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

/// Puts a page's meta into its context, with its versions in other languages
/// (`alternates`, empty for a page in one language only).
/// and the language switcher's links (`language_links`: this page in each other language,
/// else that language's home page).
fn insert_page(ctx: &mut tera::Context, input: &Input, meta: &PageMeta, language: &str) {
    ctx.insert("page", meta);
    let Some(all) = input.alternates else {
        ctx.insert("alternates", &[(); 0]);
        ctx.insert("language_links", &[(); 0]);
        return;
    };
    let alternates = all.of(&meta.permalink);
    let links: Vec<&crate::render::languages::Alternate> = all
        .homes()
        .iter()
        .filter(|home| home.hreflang != language)
        .map(|home| {
            alternates
                .iter()
                .find(|a| a.hreflang == home.hreflang)
                .unwrap_or(home)
        })
        .collect();
    ctx.insert("alternates", alternates);
    ctx.insert("language_links", &links);
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

/// What a posting page is made from: the posting, its view and body, its listing row when it
/// has one (an open posting's row value is reused as the page's `job`) and the rows of its
/// related postings.
pub(crate) struct JobPage<'a> {
    pub(crate) posting: &'a Posting,
    pub(crate) view: &'a JobView,
    pub(crate) html: &'a str,
    pub(crate) row: Option<&'a tera::Value>,
    /// The rows of the postings shown under "More positions like this".
    pub(crate) related: tera::Value,
    /// The link paths of the listing pages there are (`/departments/sales/`).
    pub(crate) listed: &'a HashSet<String>,
}

/// A posting's own page.
/// Where a posting's page goes.
pub(crate) fn job_path(posting: &Posting) -> String {
    format!("jobs/{}/index.html", posting.slug)
}

/// A posting's page.
pub(crate) fn job(
    input: &Input,
    base: &tera::Context,
    out: &Out,
    page: JobPage,
    faq_answers: &[Vec<String>],
) -> Result<(), Failure> {
    let JobPage {
        posting,
        view,
        html,
        row,
        related,
        listed,
    } = page;
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
    // The view as a template value (the row's, without `row_html`), with the body added.
    let mut job = match row.and_then(|r| r.as_map()) {
        Some(map) => map.clone(),
        None => tera::Value::from_serializable(&linked_listings(view, listed))
            .into_map()
            .unwrap_or_default(),
    };
    job.remove(&tera::value::Key::Str("row_html"));
    job.insert(
        tera::value::Key::Str("content"),
        tera::Value::safe_string(html),
    );
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
    if view.language != config.language {
        crate::render::context::set_language(&mut ctx, input.i18n.texts(&view.language));
    }
    insert_page(&mut ctx, input, &meta, &view.language);
    ctx.insert_value("job", tera::Value::from(job));
    ctx.insert("faq", &faq);
    ctx.insert_value("related", related);
    out.template(input, "job.html", &ctx, &job_path(posting))
}

/// A closed posting's view with the links to listing pages that do not exist (no open
/// posting is left in its department, place, type or level) emptied, so themes show names.
fn linked_listings(view: &JobView, listed: &HashSet<String>) -> JobView {
    let mut view = view.clone();
    let keep = |url: &mut String| {
        if !listed.contains(url.as_str()) {
            url.clear();
        }
    };
    keep(&mut view.department.url);
    view.locations.iter_mut().for_each(|l| keep(&mut l.url));
    view.employment_types
        .iter_mut()
        .for_each(|t| keep(&mut t.url));
    view.seniority.iter_mut().for_each(|s| keep(&mut s.url));
    view
}

/// `/` (all open postings).
pub(crate) fn index(
    input: &Input,
    base: &tera::Context,
    out: &Out,
    rows: &Rows,
) -> Result<(), Failure> {
    let Input { config, urls, .. } = *input;
    let texts = input.i18n.texts(&config.language);
    let meta = PageMeta {
        title: config.title.clone(),
        description: config.description.clone().unwrap_or_else(|| {
            texts.fill("index_description", &[("company", &config.company.name)])
        }),
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
    let all: Vec<usize> = (0..rows.open.len()).collect();
    let (jobs, groups) = rows.jobs_and_groups(&all);
    let mut ctx = base.clone();
    insert_page(&mut ctx, input, &meta, &config.language);
    ctx.insert_value("groups", groups);
    ctx.insert_value("jobs", jobs);
    ctx.insert_value("filters", rows.filters.clone());
    out.template_streamed(input, "index.html", &ctx, "index.html")
}

/// One filtered listing (`/departments/<slug>/` …).
pub(crate) fn listing(
    input: &Input,
    base: &tera::Context,
    out: &Out,
    listing: &Listing,
    rows: &Rows,
) -> Result<(), Failure> {
    let Input { config, urls, .. } = *input;
    let texts = input.i18n.texts(&config.language);
    let key = match listing.kind {
        ListingKind::Department | ListingKind::Location => "listing_description_in",
        ListingKind::Type => "listing_description_type",
        ListingKind::Seniority => "listing_description_seniority",
        ListingKind::Remote => "listing_description_remote",
    };
    let description = texts.fill(
        key,
        &[("name", &listing.title), ("company", &config.company.name)],
    );
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
    let (jobs, groups) = rows.jobs_and_groups(&listing.members);
    let mut ctx = base.clone();
    insert_page(&mut ctx, input, &meta, &config.language);
    ctx.insert("listing", &serde_json::json!({"title": listing.title, "kind": listing.kind, "slug": listing.slug, "description": description, "feed_url": feed_url}));
    ctx.insert_value("groups", groups);
    ctx.insert_value("jobs", jobs);
    ctx.insert_value("filters", rows.filters.clone());
    out.template_streamed(
        input,
        "listing.html",
        &ctx,
        &format!("{}index.html", listing.path),
    )
}

/// `/404.html`.
pub(crate) fn not_found(input: &Input, base: &tera::Context, out: &Out) -> Result<(), Failure> {
    let Input { config, urls, .. } = *input;
    let texts = input.i18n.texts(&config.language);
    let mut ctx = base.clone();
    insert_page(
        &mut ctx,
        input,
        &PageMeta {
            title: format!("{} — {}", texts.get("not_found_title"), config.title),
            url: urls.path("404.html"),
            permalink: urls.absolute("404.html"),
            noindex: true,
            kind: "404",
            ..PageMeta::default()
        },
        &config.language,
    );
    out.template(input, "404.html", &ctx, "404.html")
}

/// `/faq/`.
pub(crate) fn faq(
    input: &Input,
    base: &tera::Context,
    out: &Out,
    answers: &[Vec<String>],
) -> Result<(), Failure> {
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
    let texts = input.i18n.texts(&config.language);
    let meta = PageMeta {
        title: format!("{} — {}", texts.get("faq_title"), config.title),
        description: texts.fill("faq_description", &[("company", &config.company.name)]),
        url: urls.path("faq/"),
        permalink: urls.absolute("faq/"),
        kind: "faq",
        json_ld: jsonld::script(&jsonld::faq_page(&content.faq, answers, &config.language)),
        ..PageMeta::default()
    };
    let mut ctx = base.clone();
    insert_page(&mut ctx, input, &meta, &config.language);
    ctx.insert("faq_groups", &groups);
    out.template(input, "faq.html", &ctx, "faq/index.html")
}

pub(crate) fn page(
    input: &Input,
    base: &tera::Context,
    out: &Out,
    page: &Page,
    html: &str,
) -> Result<(), Failure> {
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
    if let Some(language) = &page.language {
        crate::render::context::set_language(&mut ctx, input.i18n.texts(language));
    }
    let language = page.language.as_deref().unwrap_or(&config.language);
    insert_page(&mut ctx, input, &meta, language);
    ctx.insert("page_content", &serde_json::json!({"title": page.title, "slug": page.slug, "summary": page.summary, "content": html, "extra": page.extra}));
    out.template(input, "page.html", &ctx, &format!("{path}index.html"))
}
