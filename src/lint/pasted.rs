//! Text pasted from elsewhere that Markdown shows wrongly: Word bullets, `##Heading` without
//! its space, template placeholders, images embedded as data and iframes without a title.
//! One scan of the body's lines (code blocks skipped), with no regex; at most [`MOST`] of each
//! kind per posting.

use super::Doc;
use super::body::body_spot;
use crate::diagnostics::Diagnostic;

/// Adds a warning for each pasted-text mistake in the body.
pub(super) fn check(doc: &Doc, body: &str, out: &mut Vec<Diagnostic>) {
    // Most bodies have none of the inline mistakes: one pass over the whole body says which
    // of them a line could have, so lines are only searched for those.
    let could = Inline {
        template: body.contains("{{") || body.contains("{%"),
        data: body.contains("data:"),
        iframe: find_ascii_ignore_case(body, "<iframe").is_some(),
    };
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            _ => {}
        }
        if fence.is_some() || marker.is_some() {
            continue;
        }
        let indent = line.len() - trimmed.len();
        line_start(doc, body, at + indent, trimmed, out);
        if could.template || could.data || could.iframe {
            inline(doc, body, at, line, could, out);
        }
    }
}

/// Which inline mistakes a body could have at all.
#[derive(Clone, Copy)]
struct Inline {
    /// `{{` or `{%` is in it.
    template: bool,
    /// `data:` is in it.
    data: bool,
    /// `<iframe` (any case) is in it.
    iframe: bool,
}

/// Mistakes at the start of a line: a Word bullet, a heading without its space.
fn line_start(doc: &Doc, body: &str, at: usize, line: &str, out: &mut Vec<Diagnostic>) {
    let mut chars = line.chars();
    if let Some(bullet @ ('•' | '·')) = chars.next()
        && matches!(chars.next(), Some(' ' | '\t'))
        && room(out, "word-bullet")
    {
        out.push(doc.warn(
            body_spot(doc, body, at, 1),
            "word-bullet",
            format!("this line starts with `{bullet}`, a bullet pasted from a word processor, so it shows as a character and not as a list item"),
            "write `- ` for a list item, like `- Pension scheme`",
        ));
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes)
        && let Some(next) = line[hashes..].chars().next()
        && next.is_alphabetic()
        && room(out, "heading-no-space")
    {
        let written: String = line.trim_end().chars().take(40).collect();
        let fixed = format!("{} {}", &line[..hashes], &written[hashes..]);
        out.push(doc.warn(
            body_spot(doc, body, at, hashes + 1),
            "heading-no-space",
            format!("`{written}` is shown as text, not as a heading: Markdown needs a space after the `#`"),
            &format!("write `{fixed}`"),
        ));
    }
}

/// Mistakes anywhere in a line: template tags, data images, iframes without a title.
fn inline(doc: &Doc, body: &str, at: usize, line: &str, could: Inline, out: &mut Vec<Diagnostic>) {
    let tags: &[(&str, &str)] = if could.template {
        &[("{{", "}}"), ("{%", "%}")]
    } else {
        &[]
    };
    for &(open, close) in tags {
        if let Some(start) = line.find(open)
            && let Some(len) = line[start..].find(close)
            && room(out, "template-tag")
        {
            let tag = &line[start..start + len + close.len()];
            out.push(doc.warn(
                body_spot(doc, body, at + start, tag.chars().count()),
                "template-tag",
                format!("`{tag}` is a template placeholder left in the text; the page shows it as it is written"),
                "replace it with the real text, or delete it",
            ));
        }
    }
    let needles: &[&str] = if could.data {
        &["](data:", "src=\"data:", "src='data:"]
    } else {
        &[]
    };
    for needle in needles {
        if let Some(start) = line.find(needle)
            && room(out, "image-inline-data")
        {
            let start = if needle.starts_with(']') {
                line[..start].rfind("![").unwrap_or(start)
            } else {
                start
            };
            out.push(doc.warn(
                body_spot(doc, body, at + start, 2),
                "image-inline-data",
                "this image is pasted into the text as data (`data:…;base64,…`), which pages do not show: the image is missing".to_string(),
                "save the image as a file in content/static/ (like content/static/team.png) and link it: `![Our team](/team.png)`",
            ));
        }
    }
    if could.iframe
        && let Some(start) = find_ascii_ignore_case(line, "<iframe")
    {
        let tag = line[start..].split_inclusive('>').next().unwrap_or("");
        if find_ascii_ignore_case(tag, "title=").is_none() && room(out, "iframe-no-title") {
            out.push(doc.warn(
                body_spot(doc, body, at + start, 7),
                "iframe-no-title",
                "this `<iframe>` has no `title`, so people using screen readers do not know what it shows".to_string(),
                "add a title that says what it shows, like `<iframe title=\"Video: a day at our Berlin office\" …>`",
            ));
        }
    }
}

/// Most warnings of one kind given for one posting: the first few show the fix, and a
/// pasted document with thousands of bullets neither floods the report nor slows it down.
const MOST: usize = 10;

/// Whether another warning of `code` may be added (fewer than [`MOST`] so far).
fn room(out: &[Diagnostic], code: &str) -> bool {
    out.iter().filter(|d| d.code == code).count() < MOST
}

/// The first HTML tag in a text (`<b>`, `</p>`, `<a href=…>`), if it has one.
pub(super) fn html_tag(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[from..]) {
        let start = from + i;
        let next = bytes.get(start + 1).copied().unwrap_or(b' ');
        if (next.is_ascii_alphabetic() || next == b'/' || next == b'!')
            && let Some(len) = text[start..].find('>')
        {
            return Some(&text[start..=start + len]);
        }
        from = start + 1;
    }
    None
}

/// Byte index of an ASCII `needle` in `haystack`, ignoring ASCII case; only the places
/// where its first byte stands are compared.
fn find_ascii_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    let mut from = 0;
    while let Some(i) = memchr::memchr2(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &hay[from..],
    ) {
        let at = from + i;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str) -> Vec<String> {
        let doc = Doc {
            file: "content/jobs/a.md".into(),
            text: format!("---\ntitle: A\n---\n{body}"),
            body_line: 4,
        };
        let mut out = Vec::new();
        check(&doc, body, &mut out);
        out.iter()
            .map(|d| format!("{}@{}:{}", d.code, d.line, d.column))
            .collect()
    }

    #[test]
    fn finds_each_pasted_mistake_where_it_is() {
        let body = "•\tPension\n  · Bike\n##Benefits\n#1 priority\nHi {{ name }} {% if x %}\n![](data:image/png;base64,AAAA)\n<iframe src=\"v\"></iframe>\n<IFRAME title=\"ok\"></IFRAME>\n```\n##code {{ x }}\n```\n";
        assert_eq!(
            found(body),
            [
                "word-bullet@4:1",
                "word-bullet@5:3",
                "heading-no-space@6:1",
                "template-tag@8:4",
                "template-tag@8:15",
                "image-inline-data@9:1",
                "iframe-no-title@10:1",
            ]
        );
        assert!(found("- item\n## Heading\n#\n").is_empty());
        assert_eq!(found(&"• a\n".repeat(50)).len(), MOST);
    }

    #[test]
    fn finds_html_tags_in_text() {
        assert_eq!(html_tag("Join <b>us</b>"), Some("<b>"));
        assert_eq!(html_tag("pay < 5 and > 2"), None);
        assert_eq!(html_tag("a <"), None);
    }
}
