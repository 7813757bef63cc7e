//! Content lints: the posting's text (length, teaser, image alt text), its apply link, and
//! placeholders left over from `careers new`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::measure::{self, Length};
use super::{Ctx, Doc, Spot};
use crate::config::SiteConfig;
use crate::content::model::Apply;
use crate::diagnostics::Diagnostic;

/// Fewest words a description should have (in Chinese and Japanese, characters: see
/// [`measure::words`]).
pub const MIN_WORDS: usize = 50;
/// Widest first paragraph, in Latin letters, that works as a teaser without a `summary`:
/// search results cut by width, so Chinese, Japanese or Korean text gets half as many
/// characters (see [`Length`]).
pub const MAX_TEASER: usize = 160;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Adds the content warnings for one posting.
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let p = ctx.posting;
    let doc = ctx.doc;
    let body = p.body.as_str();
    // A long body without images has nothing for the parse below to find.
    let skip = surely_long_without_images(body);
    let mut words = if skip { MIN_WORDS } else { 0 };
    let mut image: Option<(usize, String)> = None;
    let events = (!skip)
        .then(|| Parser::new_ext(body, options()).into_offset_iter())
        .into_iter()
        .flatten();
    for (event, range) in events {
        match event {
            Event::Text(t) | Event::Code(t) => {
                // Only a short body is reported, so counting stops at the minimum.
                if words < MIN_WORDS {
                    words += measure::words(&t);
                }
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::Start(Tag::Image { .. }) => image = Some((range.start, String::new())),
            Event::End(TagEnd::Image) => {
                if let Some((start, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    out.push(doc.warn(
                        body_spot(doc, body, start, 4),
                        "image-no-alt",
                        "this image has no description (alt text), so people using screen readers do not know what it shows".to_string(),
                        "describe the image between the brackets, like `![Our team at the Berlin office](team.jpg)`",
                    ));
                }
            }
            _ => {}
        }
    }
    if words < MIN_WORDS {
        let (spot, message) = if words == 0 {
            (
                Spot {
                    line: p.body_line.saturating_sub(1).max(1),
                    column: 1,
                    width: 3,
                },
                "this posting has no description below the front matter".to_string(),
            )
        } else {
            let start = body.len() - body.trim_start().len();
            (
                body_spot(doc, body, start, 1),
                format!(
                    "the description is only {words} words long; candidates and Google for Jobs expect at least {MIN_WORDS}"
                ),
            )
        };
        out.push(doc.warn(spot, "body-too-short", message, "describe the role, what the person will do, what you look for and what you offer (see the sections `careers new` writes)"));
    }
    match &p.summary {
        None => teaser(doc, body, out),
        Some(summary) => summary_html(doc, summary, out),
    }
    super::pasted::check(doc, body, out);
    if let Some(Apply::Url(url)) = &p.apply {
        apply_link(doc, url, out);
    }
    todo_left(doc, out);
}

/// Whether the raw body surely has [`MIN_WORDS`] words and no image, so it need not be
/// parsed again: that many plain words (letters only, punctuation around them aside) on lines
/// that start no HTML block, link definition or footnote, and no image or HTML comment.
fn surely_long_without_images(body: &str) -> bool {
    if body.contains("![") || body.contains("<!--") {
        return false;
    }
    let mut words = 0;
    for line in body.lines() {
        let line = line.trim_start();
        if line.starts_with(['<', '[']) {
            return false;
        }
        for token in line.split_whitespace() {
            let word = token.trim_matches(|c: char| c.is_ascii_punctuation());
            if !word.is_empty() && word.chars().all(char::is_alphabetic) {
                words += 1;
                if words >= MIN_WORDS {
                    return true;
                }
            }
        }
    }
    false
}

/// The teaser taken from the body when there is no `summary:`: warned about when no
/// paragraph has words, or when it is wider than listings and search results show.
fn teaser(doc: &Doc, body: &str, out: &mut Vec<Diagnostic>) {
    let (start, text) = crate::markdown::first_paragraph_at(body);
    let Some(start) = start else {
        let start = body.len() - body.trim_start().len();
        out.push(doc.warn(
            body_spot(doc, body, start, 1),
            "summary-missing",
            "no paragraph of this posting has words (only headings, lists, images or emoji), so listings and search results show no teaser".to_string(),
            &format!("add a `summary:` of one or two sentences (up to {MAX_TEASER} characters) to the front matter, or start the text with a paragraph"),
        ));
        return;
    };
    let length = Length::of(&text);
    if length.width <= MAX_TEASER {
        return;
    }
    let (message, help) = match length.has_wide() {
        false => (
            format!(
                "this first paragraph ({} characters) is used as the teaser in listings and search results, and gets cut at {MAX_TEASER} characters",
                length.chars
            ),
            format!(
                "add a `summary:` of one or two sentences (up to {MAX_TEASER} characters) to the front matter"
            ),
        ),
        true => (
            format!(
                "this first paragraph ({}) is used as the teaser in listings and search results, which cut it after about {}",
                length.describe(),
                measure::limit_in_letters(MAX_TEASER)
            ),
            format!(
                "add a `summary:` of one or two sentences (up to {}) to the front matter",
                measure::limit_in_letters(MAX_TEASER)
            ),
        ),
    };
    out.push(doc.warn(
        body_spot(doc, body, start, 1),
        "summary-too-long",
        message,
        &help,
    ));
}

/// An explicit `summary:` with an HTML tag in it: listings, feeds and job boards show the
/// summary as text, so the tag would appear as it is written.
fn summary_html(doc: &Doc, summary: &str, out: &mut Vec<Diagnostic>) {
    let Some(tag) = super::pasted::html_tag(summary) else {
        return;
    };
    let spot = doc
        .find(tag)
        .unwrap_or_else(|| doc.key_or_top(&["summary"]));
    out.push(doc.warn(
        spot,
        "summary-has-html",
        format!("the `summary:` contains the HTML tag `{tag}`, but summaries are shown as plain text, so listings and job boards would show the tag itself"),
        "write the summary as plain text, without tags (Markdown is not read there either)",
    ));
}

/// The site-wide apply link in site.yaml gets the same check as a posting's.
pub fn check_site_apply(config: &SiteConfig, doc: &Doc, out: &mut Vec<Diagnostic>) {
    if let Some(Apply::Url(url)) = &config.apply {
        apply_link(doc, url, out);
    }
}

fn apply_link(doc: &Doc, url: &str, out: &mut Vec<Diagnostic>) {
    if url.starts_with("http://") {
        let spot = doc.find(url).unwrap_or_else(|| doc.key_or_top(&["apply"]));
        out.push(doc.warn(
            spot,
            "apply-not-https",
            "the apply link starts with http://, so browsers mark the form as \"not secure\" and applicants' details travel unencrypted".to_string(),
            &format!("use the https:// address of the form: `{}`", url.replacen("http://", "https://", 1)),
        ));
    }
}

/// Every `TODO` placeholder (front-matter comment lines excepted).
fn todo_left(doc: &Doc, out: &mut Vec<Diagnostic>) {
    let front_end = doc.body_line.saturating_sub(1) as usize;
    for (i, line) in doc.text.lines().enumerate() {
        if i < front_end && line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(at) = line.find("TODO") {
            let spot = Spot {
                line: i as u32 + 1,
                column: line[..at].chars().count() as u32 + 1,
                width: 4,
            };
            out.push(doc.warn(
                spot,
                "todo-left",
                "this line still has a `TODO` placeholder".to_string(),
                "replace it with the real text (and delete the `# TODO` note) before you publish",
            ));
        }
    }
}

/// Whether the body has a "Benefits" heading with some text under it.
pub fn has_benefits_section(body: &str) -> bool {
    let mut heading: Option<String> = None;
    let mut in_benefits = false;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some(String::new());
                in_benefits = false;
            }
            Event::End(TagEnd::Heading(_)) => {
                in_benefits = heading
                    .take()
                    .is_some_and(|h| h.to_lowercase().contains("benefit"));
            }
            Event::Text(t) => match heading.as_mut() {
                Some(h) => h.push_str(&t),
                None if in_benefits && !t.trim().is_empty() && !t.contains("TODO") => return true,
                None => {}
            },
            _ => {}
        }
    }
    false
}

/// Line and column in the file of a byte offset in the body.
pub(super) fn body_spot(doc: &Doc, body: &str, offset: usize, width: usize) -> Spot {
    let before = &body[..offset.min(body.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Spot {
        line: doc.body_line + before.matches('\n').count() as u32,
        column: before[line_start..].chars().count() as u32 + 1,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests_support::{ctx_for, posting};

    fn found(body: &str, summary: Option<&str>) -> Vec<String> {
        let mut p = posting();
        p.body = body.to_string();
        p.summary = summary.map(str::to_string);
        let mut out = Vec::new();
        ctx_for(&p, jiff::civil::date(2026, 1, 1), |ctx| {
            check(ctx, &mut out)
        });
        out.iter()
            .map(|d| format!("{}@{}:{}", d.code, d.line, d.column))
            .collect()
    }

    #[test]
    fn only_long_plain_bodies_skip_the_parse() {
        let words = "word ".repeat(MIN_WORDS);
        assert!(surely_long_without_images(&words));
        assert!(!surely_long_without_images(&"word ".repeat(MIN_WORDS - 1)));
        assert!(!surely_long_without_images(&format!("{words}\n![](a.png)")));
        assert!(!surely_long_without_images(&format!(
            "<div>\n{words}\n</div>"
        )));
        assert!(!surely_long_without_images(&format!("<!-- {words} -->")));
        assert!(!surely_long_without_images(
            &"[link](https://example.com) ".repeat(MIN_WORDS)
        ));
    }

    #[test]
    fn flags_short_bodies_long_teasers_images_and_todos() {
        let long = "word ".repeat(60);
        assert_eq!(found(&long, Some("s")), Vec::<String>::new());
        assert_eq!(found("", Some("s")), ["body-too-short@3:1"]);
        assert_eq!(found("\nToo short.\n", Some("s")), ["body-too-short@5:1"]);
        assert_eq!(found(&long, None), ["summary-too-long@4:1"]);
        let img = format!("{long}\n\nSee ![](team.png) and ![Team](b.png).\n");
        assert_eq!(found(&img, Some("s")), ["image-no-alt@6:5"]);
        let todo = format!("{long}\n\n- TODO\n");
        assert_eq!(found(&todo, Some("s")), ["todo-left@6:3"]);
    }

    /// About 230 characters of Japanese in five paragraphs, none wider than a teaser.
    const JAPANESE: &str = "私たちの物流チームでは、全国二千店舗への配送ルートを計画し、倉庫のロボットの動きを地図で見守ります。\n\n入社後は先輩エンジニアがメンターとして付き、最初の三か月で実際の課題に取り組みます。\n\n必要なのは、データを丁寧に扱う姿勢と、チームで学び合う意欲です。経験は問いません。\n\nフレックスタイム制で、週二日までの在宅勤務ができます。交通費は全額支給、書籍や研修の費用も会社が負担します。\n\n東京と大阪のオフィスには、落ち着いて働ける静かな席があります。応募をお待ちしています。\n";

    #[test]
    fn japanese_text_is_measured_by_its_characters() {
        assert!(
            JAPANESE.chars().count() > 220,
            "{}",
            JAPANESE.chars().count()
        );
        assert_eq!(found(JAPANESE, None), Vec::<String>::new());
        assert_eq!(
            found("東京の営業チームです。\n", Some("s")),
            ["body-too-short@4:1"]
        );
        // One paragraph of 81 wide characters is wider than 160 Latin letters.
        let wide = format!("{}。\n\n{JAPANESE}", "営".repeat(80));
        let mut p = posting();
        p.body = wide;
        p.summary = None;
        let mut out = Vec::new();
        ctx_for(&p, jiff::civil::date(2026, 1, 1), |ctx| {
            check(ctx, &mut out)
        });
        let d = &out[0];
        assert_eq!((d.code, out.len()), ("summary-too-long", 1));
        assert_eq!(
            d.message,
            "this first paragraph (81 characters, as wide as 162 Latin letters) is used as the teaser in listings and search results, which cut it after about 160 Latin letters or 80 Chinese, Japanese or Korean characters"
        );
        assert_eq!(
            d.help,
            "add a `summary:` of one or two sentences (up to 160 Latin letters or 80 Chinese, Japanese or Korean characters) to the front matter"
        );
    }

    #[test]
    fn benefits_section_needs_text() {
        assert!(has_benefits_section("## Benefits\n\n- Pension\n"));
        assert!(!has_benefits_section("## Benefits\n\n- TODO\n"));
        assert!(!has_benefits_section("## Benefits\n\n## Next\n\ntext\n"));
    }
}
