//! Markdown → HTML with the extensions HR expects, heading anchors, and links between
//! content files (`../pages/benefits.md`) resolved to their URLs.

mod autolink;
mod blocks;
mod body;
mod footnotes;
mod links;
mod summary;

use std::path::Path;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

use crate::diagnostics::Diagnostic;
use body::Body;
pub use links::LinkMap;
use summary::FirstParagraph;
pub(crate) use summary::first_paragraph_at;
pub use summary::{first_paragraph, truncate};

/// The Markdown of one file, and where it sits (for link resolution and error lines).
pub struct Source<'a> {
    /// The Markdown text.
    pub markdown: &'a str,
    /// The file it came from, relative to the site.
    pub file: &'a Path,
    /// Line of the file where this Markdown starts (1-based).
    pub first_line: u32,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders Markdown to HTML; broken links to content files come back as diagnostics.
pub fn render(src: &Source, links: &LinkMap) -> (String, Vec<Diagnostic>) {
    let (html, _, diagnostics) = render_with_summary(src, links, 0);
    (html, diagnostics)
}

/// [`render`], plus the first paragraph as plain text cut at `max` characters (what
/// [`first_paragraph`] gives, from the same parse; empty when `max` is 0).
pub fn render_with_summary(
    src: &Source,
    links: &LinkMap,
    max: usize,
) -> (String, String, Vec<Diagnostic>) {
    let mut body = Body::new(
        Parser::new_ext(src.markdown, options()).into_offset_iter(),
        src,
        links,
        max,
    );
    let mut html = String::with_capacity(src.markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, footnotes::at_end(body.by_ref()));
    let (summary, diagnostics) = body.finish(max);
    (html, summary, diagnostics)
}

/// Replaces link and image targets that would run script (`javascript:` …) with `#`.
fn disarm(event: &mut Event<'_>) {
    if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event
        && !crate::content::url::is_safe_link(dest_url)
    {
        *dest_url = CowStr::Borrowed("#");
    }
}

/// Renders Markdown written inside YAML values (FAQ answers): raw HTML is shown as text,
/// never passed through, and links that would run script are disarmed.
pub fn render_plain(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::TaskListMarker(done) => blocks::task_box(done),
        mut other => {
            disarm(&mut other);
            other
        }
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, footnotes::at_end(events));
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn resolves_links_and_reports_broken_ones() {
        let mut links = LinkMap::new();
        links.insert(
            PathBuf::from("content/pages/benefits.md"),
            "/careers/benefits/".into(),
        );
        let md = "See [benefits](../pages/benefits.md#pay).\n\nAnd [gone](../pages/nope.md).\n";
        let src = Source {
            markdown: md,
            file: Path::new("content/jobs/a.md"),
            first_line: 10,
        };
        let (html, diags) = render(&src, &links);
        assert!(html.contains(r#"href="/careers/benefits/#pay""#), "{html}");
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].line, diags[0].column), (12, 5));
    }

    #[test]
    fn headings_get_unique_ids_and_extensions_work() {
        let (html, _) = render(
            &Source {
                markdown: "## What you do\n\n## What you do\n\n- [x] done\n\n~~old~~ \"quoted\"\n",
                file: Path::new("a.md"),
                first_line: 1,
            },
            &LinkMap::new(),
        );
        assert!(html.contains(r#"<h2 id="what-you-do">"#), "{html}");
        assert!(html.contains(r#"<h2 id="what-you-do-1">"#), "{html}");
        assert!(
            html.contains("☑</span> done") && html.contains("<del>") && html.contains("“quoted”"),
            "{html}"
        );
    }

    #[test]
    fn first_paragraph_is_plain_and_short() {
        assert_eq!(
            first_paragraph("# T\n\nHello *world*, this is long.\n\nNext", 15),
            "Hello world…"
        );
    }

    #[test]
    fn first_paragraph_skips_images_emoji_and_empty_paragraphs() {
        let md = "# Title\n\n![Team](t.png)\n\n🎉 🚀\n\n&nbsp;\n\nThe real *intro*.\n";
        assert_eq!(first_paragraph(md, 160), "The real intro.");
        assert_eq!(first_paragraph_at(md), (Some(44), "The real intro.".into()));
        assert_eq!(
            first_paragraph_at("![x](y.png)\n\n✨\n"),
            (None, String::new())
        );
    }

    #[test]
    fn truncate_cuts_like_counting_every_character() {
        let by_chars = |text: &str, max: usize| {
            if text.chars().count() <= max {
                return text.to_string();
            }
            let cut: String = text.chars().take(max.saturating_sub(1)).collect();
            let cut = match cut.rfind(' ') {
                Some(i) if i > max / 2 => &cut[..i],
                _ => cut.as_str(),
            };
            format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
        };
        for text in [
            "",
            "a",
            "Hello world, this is long.",
            "Zürich, München; Genève: déjà vu… encore",
            "日本語のテキスト です",
            "word, word. word; word: word",
        ] {
            for max in 0..=text.chars().count() + 1 {
                assert_eq!(truncate(text, max), by_chars(text, max), "{text:?} {max}");
            }
        }
    }

    #[test]
    fn links_in_headings_and_images_are_rewritten_too() {
        let mut links = LinkMap::new();
        links.insert(PathBuf::from("content/pages/b.md"), "/b/".into());
        let md = "# See [b](../pages/b.md) `x`\n\n![i](javascript:alert(1))\n\n# See b x\n\n## [e](javascript:x) {#own}\n\n## own\n";
        let src = Source {
            markdown: md,
            file: Path::new("content/jobs/a.md"),
            first_line: 1,
        };
        let (html, diags) = render(&src, &links);
        assert!(diags.is_empty(), "{diags:?}");
        for part in [
            r#"<h2 id="see-b-x">See <a href="/b/">b</a> <code>x</code></h2>"#,
            r##"<img src="#" alt="i" />"##,
            r#"<h2 id="see-b-x-1">"#,
            r##"<h3 id="own"><a href="#">e</a></h3>"##,
            r#"<h3 id="own-1">"#,
        ] {
            assert!(html.contains(part), "{part}\n{html}");
        }
    }

    /// The HTML of a body in content/jobs/ with no content files to link to.
    fn html_of(markdown: &str, links: &LinkMap) -> (String, Vec<Diagnostic>) {
        let file = Path::new("content/jobs/a.md");
        render(
            &Source {
                markdown,
                file,
                first_line: 1,
            },
            links,
        )
    }

    #[test]
    fn body_headings_go_down_a_level_only_beside_a_body_h1() {
        let links = LinkMap::new();
        let (html, _) = html_of("# A\n\n## B\n\n###### F\n", &links);
        assert!(html.contains("<h2 id=\"a\">A</h2>") && html.contains("<h3 id=\"b\">B</h3>"));
        assert!(
            html.contains("<h6 id=\"f\">F</h6>") && !html.contains("<h1"),
            "{html}"
        );
        let (html, _) = html_of("## B\n\n### C\n", &links);
        assert!(html.contains("<h2 id=\"b\">B</h2>") && html.contains("<h3 id=\"c\">"));
    }

    #[test]
    fn task_boxes_are_text_not_unlabelled_inputs() {
        let (html, _) = html_of("- [ ] open\n- [x] done\n", &LinkMap::new());
        assert!(!html.contains("<input"), "{html}");
        assert!(
            html.contains("☐</span> open") && html.contains("☑</span> done"),
            "{html}"
        );
    }

    #[test]
    fn faq_answers_get_text_task_boxes_too() {
        let html = render_plain("- [x] done\n- [ ] open\n");
        assert!(
            !html.contains("<input") && html.contains("☐</span> open"),
            "{html}"
        );
    }

    #[test]
    fn bare_addresses_become_links_but_not_in_code_or_links() {
        let md = "Mail jobs@acme.test or see https://acme.test/jobs.\n\n`https://c.test` [https://l.test](https://m.test/)\n\n    https://block.test\n\njavascript:alert(1) ftp://x.test\n";
        let (html, _) = html_of(md, &LinkMap::new());
        for part in [
            r#"<a href="mailto:jobs@acme.test">jobs@acme.test</a>"#,
            r#"<a href="https://acme.test/jobs">https://acme.test/jobs</a>."#,
            "<code>https://c.test</code>",
            r#"<a href="https://m.test/">https://l.test</a>"#,
            "<code>https://block.test\n</code>",
            "javascript:alert(1) ftp://x.test",
        ] {
            assert!(html.contains(part), "{part}\n{html}");
        }
    }

    #[test]
    fn root_paths_are_static_files_under_the_base_path() {
        let mut links = LinkMap::new();
        links.set_static("/careers/", ["team.jpg".to_string(), "a b.pdf".into()]);
        let md = "![Team](/team.jpg) [pdf](/a%20b.pdf) [faq](/faq/)\n\n![Gone](/gone.png) [doc](/doc.pdf) [feed](/feed.xml)\n";
        let (html, diags) = html_of(md, &links);
        for part in [
            r#"src="/careers/team.jpg""#,
            r#"href="/careers/a%20b.pdf""#,
            r#"href="/careers/faq/""#,
            r#"href="/careers/feed.xml""#,
        ] {
            assert!(html.contains(part), "{part}\n{html}");
        }
        let found: Vec<_> = diags.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(found, [(3, 1), (3, 20)], "{diags:?}");
        assert!(diags[0].message.contains("no file content/static/gone.png"));
    }

    #[test]
    fn many_equal_headings_get_numbered_ids() {
        let md = "## A\n\n".repeat(40);
        let (html, _) = render(
            &Source {
                markdown: &md,
                file: Path::new("a.md"),
                first_line: 1,
            },
            &LinkMap::new(),
        );
        assert!(html.contains(r#"<h2 id="a">"#) && html.contains(r#"<h2 id="a-39">"#));
        assert!(!html.contains(r#"<h2 id="a-40">"#), "{html}");
    }

    #[test]
    fn summary_from_the_render_pass_equals_first_paragraph() {
        let links = LinkMap::new();
        for md in [
            "# T\n\nHello *world*, this is long.\n\nNext",
            "Intro with [a link](https://x.test/) and `code`\nand a soft break.\n\n- list",
            "- only\n- a list\n",
            "",
            "> quoted\n\nthen text\n",
            "# Title\n\n![Team](t.png)\n\n🎉 🚀\n\n&nbsp;\n\nThe real *intro*.\n",
        ] {
            let src = Source {
                markdown: md,
                file: Path::new("content/jobs/x.md"),
                first_line: 1,
            };
            for max in [15, 160] {
                let (_, summary, _) = render_with_summary(&src, &links, max);
                assert_eq!(summary, first_paragraph(md, max), "{md:?}");
            }
        }
    }
}
