//! What each fuzz target runs: the parsers on arbitrary bytes, plus the invariants that must
//! hold whatever the input. A panic (or a failed `assert!`) is a finding.
//!
//! This file is also compiled into the normal test suite (tests/hostile/fuzz_regressions.rs
//! includes it by path), so saved crashing inputs are re-run by `cargo test`.

use std::path::Path;

use careers::content::{self, Content, faq, page, posting};
use careers::diagnostics::Diagnostic;
use careers::markdown::{self, LinkMap, Source};
use careers::source::{self, SourceFile};

/// Every diagnostic points at a line that exists (or line 0, "the whole file").
fn assert_located(file: &SourceFile, diagnostics: &[Diagnostic]) {
    let lines = file.text.split('\n').count() as u32;
    for d in diagnostics {
        assert!(
            d.line <= lines + 1,
            "diagnostic {} at line {} of a {lines}-line file",
            d.code,
            d.line
        );
        assert!(!d.message.is_empty() && !d.help.is_empty(), "{d:?}");
    }
}

/// Decoded text, or `None` when decoding (correctly) refused the bytes.
fn decode(name: &str, data: &[u8]) -> Option<SourceFile> {
    match source::decode(Path::new(name), data.to_vec()) {
        Ok(file) => {
            assert!(!file.text.contains('\r'), "CR survived decoding");
            assert!(!file.text.starts_with('\u{feff}'), "BOM survived decoding");
            Some(file)
        }
        Err(d) => {
            assert!(
                matches!(d.code, "not-utf8" | "control-character"),
                "{}",
                d.code
            );
            assert!(d.line >= 1 && d.column >= 1);
            None
        }
    }
}

/// Front-matter split, posting and page parsing, and the cross-file checks.
pub fn posting(data: &[u8]) {
    let Some(file) = decode("content/jobs/fuzz.md", data) else {
        return;
    };
    if let Ok(split) = content::frontmatter::split(&file) {
        let text = file.text.as_str();
        assert!(text.contains(split.yaml) && text.ends_with(split.body));
        assert!(split.body_line >= 3);
    }
    let (parsed, diagnostics) = content::parse_markdown_text(&file, posting::read);
    assert_located(&file, &diagnostics);
    let (page, page_diagnostics) = content::parse_markdown_text(&file, page::read);
    assert_located(&file, &page_diagnostics);
    let mut all = Content::default();
    if let Some(p) = parsed {
        assert!(content::slug::is_valid(&p.slug), "slug {:?}", p.slug);
        if let Some(image) = &p.image {
            assert!(content::url::problem(image, false).is_none(), "{image}");
        }
        all.postings.push(p.clone());
        all.postings.push(p);
    }
    all.pages.extend(page);
    let cross = careers::validate::check(&all, &["en".to_string()], &[]);
    if all.postings.len() == 2 {
        assert!(cross.iter().any(|d| d.code == "duplicate-slug"));
    }
}

/// site.yaml parsing and checking.
pub fn site_yaml(data: &[u8]) {
    let Some(file) = decode("content/site.yaml", data) else {
        return;
    };
    match careers::config::parse_text(&file) {
        Ok(config) => {
            assert!(config.base_url.starts_with("http") && config.base_url.ends_with('/'));
            for url in config.company.url.iter().chain(&config.company.logo) {
                assert!(content::url::problem(url, false).is_none(), "{url}");
            }
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            assert_located(&file, &diagnostics);
        }
    }
}

/// faq.yaml parsing; answers rendered as the site renders them, never with live HTML.
pub fn faq_yaml(data: &[u8]) {
    let Some(file) = decode("content/faq.yaml", data) else {
        return;
    };
    let (groups, diagnostics) = faq::parse_text(&file);
    assert_located(&file, &diagnostics);
    for group in &groups {
        assert!(content::slug::is_valid(&group.id));
        for q in &group.questions {
            assert_inert(&markdown::render_plain(&q.answer));
        }
    }
}

/// Markdown → HTML for bodies (with content links) and for YAML text (FAQ answers).
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut links = LinkMap::new();
    links.insert("content/pages/benefits.md".into(), "/benefits/".into());
    let src = Source {
        markdown: text,
        file: Path::new("content/jobs/a.md"),
        first_line: 5,
    };
    let (html, diagnostics) = markdown::render(&src, &links);
    // Bodies keep raw HTML (trusted, by design), so only Markdown-made links are checked:
    // without `<` in the input, every tag in the output was made from Markdown syntax.
    if !text.contains('<') {
        let lower = html.to_ascii_lowercase();
        assert!(
            !lower.contains("<a href=\"javascript:") && !lower.contains("<img src=\"javascript:")
        );
    }
    for d in &diagnostics {
        assert_eq!(d.code, "broken-link");
        assert!(d.line >= 5 && d.line <= 5 + text.split('\n').count() as u32);
    }
    assert_inert(&markdown::render_plain(text));
    let summary = markdown::first_paragraph(text, 40);
    assert!(summary.chars().count() <= 40, "{summary:?}");
}

/// HTML made from YAML text has no tags it did not make itself, and no script links.
fn assert_inert(html: &str) {
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "<svg",
        "<img src=\"javascript:",
        "<a href=\"javascript:",
    ] {
        assert!(!lower.contains(bad), "{bad} in {html}");
    }
}
