//! A posting body restricted to the HTML Google reads in a `JobPosting` description:
//! paragraphs, lists, line breaks, bold and italics. Headings become bold paragraphs; any
//! other tag is dropped but its text kept (scripts and styles are dropped with their text).

/// What happens to a tag in the description.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Kept as it is (attributes removed).
    Keep,
    /// A heading: becomes a bold paragraph.
    Heading,
    /// Dropped with its text.
    DropContent,
    /// Dropped, but separates words or blocks, so its neighbours' text does not run together.
    Separator,
    /// Dropped, its text kept.
    Other,
}

/// The role of a tag by its (lower-case) name.
fn role(name: &str) -> Role {
    match name {
        "p" | "ul" | "ol" | "li" | "br" | "strong" | "b" | "em" | "i" => Role::Keep,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
        "script" | "style" | "template" | "noscript" | "iframe" => Role::DropContent,
        "div" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "blockquote"
        | "pre" | "hr" | "section" | "article" | "figure" | "figcaption" | "dl" | "dt" | "dd"
        | "details" | "summary" | "img" | "caption" => Role::Separator,
        _ => Role::Other,
    }
}

/// A tag as read from the HTML (its name lower-cased; borrowed when it already was).
struct Tag<'a> {
    name: std::borrow::Cow<'a, str>,
    closing: bool,
}

/// Reads the tag starting at `html[start]` (a `<`); returns it and the index after its `>`.
/// Comments, doctypes and processing instructions come back with an empty name.
fn read_tag(html: &str, start: usize) -> Option<(Tag<'_>, usize)> {
    let rest = &html[start..];
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(html.len(), |i| start + i + 3);
        return Some((
            Tag {
                name: "".into(),
                closing: false,
            },
            end,
        ));
    }
    let bytes = rest.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        i += 1;
    }
    let raw = &rest[name_start..i];
    let name: std::borrow::Cow<str> = if raw.bytes().any(|b| b.is_ascii_uppercase()) {
        raw.to_ascii_lowercase().into()
    } else {
        raw.into()
    };
    let special = matches!(bytes.get(name_start), Some(b'!' | b'?'));
    if name.is_empty() && !special {
        return None;
    }
    // Skip attributes up to the closing `>`, respecting quoted values.
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => {
                return Some((Tag { name, closing }, start + i + 1));
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// Restricts rendered posting HTML to the tags Google's job search reads.
pub fn google_description(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // Text, and tags written exactly as they will be output, stay in place until something
    // else must be written: they are then copied in one run from `copied`.
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &html.as_bytes()[i..]) {
        let start = i + offset;
        let Some((tag, end)) = read_tag(html, start) else {
            out.push_str(&html[copied..start]);
            out.push_str("&lt;");
            i = start + 1;
            copied = i;
            continue;
        };
        i = end;
        let name: &str = &tag.name;
        let role = role(name);
        // `<li>`, `</p>`: no attributes, lower case, and not the `</br>` that is dropped.
        let as_written = matches!(tag.name, std::borrow::Cow::Borrowed(_))
            && end - start == name.len() + 2 + usize::from(tag.closing);
        if role == Role::Keep && as_written && !(tag.closing && name == "br") {
            continue;
        }
        out.push_str(&html[copied..start]);
        copied = end;
        match (role, tag.closing) {
            (Role::Keep, closing) if !(closing && name == "br") => {
                out.push_str(if closing { "</" } else { "<" });
                out.push_str(name);
                out.push('>');
            }
            (Role::Heading, closing) => out.push_str(if closing {
                "</strong></p>"
            } else {
                "<p><strong>"
            }),
            (Role::DropContent, false) => {
                let close = format!("</{name}");
                i = find_ignore_case(html, i, &close).map_or(html.len(), |at| {
                    html[at..].find('>').map_or(html.len(), |gt| at + gt + 1)
                });
                copied = i;
            }
            (Role::Separator, _) if !out.ends_with(char::is_whitespace) => out.push(' '),
            _ => {}
        }
    }
    out.push_str(&html[copied..]);
    // Trimmed in place: no second copy of the text.
    out.truncate(out.trim_end().len());
    let leading = out.len() - out.trim_start().len();
    out.drain(..leading);
    out
}

/// Byte index of `needle` (ASCII) in `haystack` at or after `from`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&at| hay[at..at + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::google_description as d;

    #[test]
    fn keeps_google_tags_and_drops_attributes() {
        assert_eq!(
            d("<p class=\"x\">A <strong>b</strong> <em>c</em><br/>d</p>\n<ul><li>e</li></ul>"),
            "<p>A <strong>b</strong> <em>c</em><br>d</p>\n<ul><li>e</li></ul>"
        );
    }

    #[test]
    fn headings_become_bold_paragraphs() {
        assert_eq!(
            d("<h2 id=\"about\">About</h2>"),
            "<p><strong>About</strong></p>"
        );
    }

    #[test]
    fn other_tags_keep_text_scripts_lose_it() {
        assert_eq!(
            d(
                "<p><a href=\"/x\">link</a> <code>x&lt;y</code></p><script>alert(1)</script><STYLE>p{}</style>"
            ),
            "<p>link x&lt;y</p>"
        );
        assert_eq!(d("<table><tr><td>a</td><td>b</td></tr></table>"), "a b");
        assert_eq!(d("a <!-- note --> b"), "a  b");
    }

    #[test]
    fn broken_html_never_panics() {
        assert_eq!(d("1 < 2"), "1 &lt; 2");
        assert_eq!(d("<p>x<a href=\"y"), "<p>x&lt;a href=\"y");
        assert_eq!(d("<script>never closed"), "");
        assert_eq!(d("é<"), "é&lt;");
        assert_eq!(d("<!-- open"), "");
    }
}
