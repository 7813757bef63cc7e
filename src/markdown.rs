//! Markdown → HTML with the extensions HR expects, heading anchors, and links between
//! content files (`../pages/benefits.md`) resolved to their URLs.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::content::slug::slugify;
use crate::diagnostics::Diagnostic;

/// Content file (relative to the site, e.g. `content/pages/benefits.md`) → its URL path.
pub type LinkMap = BTreeMap<PathBuf, String>;

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
    let mut diagnostics = Vec::new();
    let mut used_ids = HashSet::new();
    let mut events: Vec<Event> = Vec::new();
    let mut heading_start: Option<usize> = None;
    for (event, range) in Parser::new_ext(src.markdown, options()).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve_link(src, &dest_url, range.start, links, &mut diagnostics)
                    .unwrap_or(dest_url);
                disarm(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some(events.len());
                event
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    add_heading_id(&mut events[start..], &mut used_ids);
                }
                event
            }
            other => disarm(other),
        };
        events.push(event);
    }
    let summary = if max == 0 {
        String::new()
    } else {
        paragraph_text(events.iter().cloned(), max)
    };
    let mut html = String::with_capacity(src.markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (html, summary, diagnostics)
}

/// Replaces link and image targets that would run script (`javascript:` …) with `#`.
fn disarm(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_dest(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_dest(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

/// Renders Markdown written inside YAML values (FAQ answers): raw HTML is shown as text,
/// never passed through, and links that would run script are disarmed.
pub fn render_plain(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => disarm(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// A link target, or `#` when it would run script (`javascript:` and friends).
fn safe_dest(dest: CowStr<'_>) -> CowStr<'_> {
    if crate::content::url::is_safe_link(&dest) {
        dest
    } else {
        CowStr::from("#")
    }
}

fn add_heading_id(events: &mut [Event], used: &mut HashSet<String>) {
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Some(Event::Start(Tag::Heading { id, .. })) = events.first_mut() {
        let base = match id {
            Some(existing) => existing.to_string(),
            None => slugify(&text),
        };
        let mut candidate = base.clone();
        let mut n = 1;
        while !used.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        *id = Some(CowStr::from(candidate));
    }
}

fn resolve_link<'a>(
    src: &Source,
    dest: &str,
    offset: usize,
    links: &LinkMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    if dest.contains("://")
        || dest.starts_with(['/', '#'])
        || dest.starts_with("mailto:")
        || dest.starts_with("tel:")
    {
        return None;
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    if !(path_part.ends_with(".md") || path_part.ends_with(".markdown")) {
        return None;
    }
    let base = src.file.parent().unwrap_or(Path::new(""));
    let target = normalize(&base.join(path_part));
    match target.as_ref().and_then(|t| links.get(t)) {
        Some(url) => Some(CowStr::from(match fragment {
            Some(f) => format!("{url}#{f}"),
            None => url.clone(),
        })),
        None => {
            let before = &src.markdown[..offset.min(src.markdown.len())];
            let line_in_body = before.matches('\n').count() as u32;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            let shown = target
                .map(|t| t.display().to_string())
                .unwrap_or_else(|| dest.to_string());
            let d = Diagnostic::error(
                src.file,
                src.first_line + line_in_body,
                column,
                "broken-link",
                format!("this link points to `{dest}`, but there is no posting or page at {shown}"),
            )
            .help(
                "check the file name and the `../` steps; links are relative to this file's folder",
            )
            .width(dest.chars().count() + 2);
            let source_line = src
                .markdown
                .lines()
                .nth(line_in_body as usize)
                .map(str::to_string);
            diagnostics.push(Diagnostic { source_line, ..d });
            None
        }
    }
}

/// Resolves `.` and `..` without touching the disk; `None` if it climbs above the site.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

/// The first paragraph as plain text (the default summary), at most `max` characters.
pub fn first_paragraph(markdown: &str, max: usize) -> String {
    paragraph_text(Parser::new_ext(markdown, options()), max)
}

fn paragraph_text<'a>(events: impl Iterator<Item = Event<'a>>, max: usize) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if in_paragraph => break,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    truncate(text.trim(), max)
}

/// Cuts text at a word boundary, adding "…" when it was longer than `max` characters.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            html.contains("checkbox") && html.contains("<del>") && html.contains("“quoted”"),
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
    fn summary_from_the_render_pass_equals_first_paragraph() {
        let links = LinkMap::new();
        for md in [
            "# T\n\nHello *world*, this is long.\n\nNext",
            "Intro with [a link](https://x.test/) and `code`\nand a soft break.\n\n- list",
            "- only\n- a list\n",
            "",
            "> quoted\n\nthen text\n",
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
