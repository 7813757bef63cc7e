//! Small rewrites of block events for the page around a body: headings one level down when
//! the body has its own `# Heading`, and task-list boxes written as text.

use pulldown_cmark::{CowStr, Event, HeadingLevel};

/// Whether the Markdown has a level-one heading (`# Title`, or a title underlined with
/// `===`), found by a scan of line starts; one inside a code block counts too, which only
/// moves the headings down a level.
pub(super) fn has_h1(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    if memchr::memchr2(b'#', b'=', bytes).is_none() {
        return false;
    }
    let mut previous_blank = true;
    for line in markdown.lines() {
        let rest = strip_containers(line);
        let b = rest.as_bytes();
        if b.first() == Some(&b'#') && matches!(b.get(1), None | Some(b' ' | b'\t')) {
            return true;
        }
        let underline = !b.is_empty() && rest.trim_end().bytes().all(|c| c == b'=');
        if underline && !previous_blank {
            return true;
        }
        previous_blank = rest.trim().is_empty();
    }
    false
}

/// A line without its indentation, block-quote markers and list-item markers.
fn strip_containers(line: &str) -> &str {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let after = if let Some(r) = trimmed.strip_prefix('>') {
            r
        } else if let Some(r) = trimmed.strip_prefix(['-', '*', '+'])
            && r.starts_with([' ', '\t'])
        {
            r
        } else if (1..10).contains(&digits)
            && let Some(r) = trimmed[digits..].strip_prefix(['.', ')'])
            && r.starts_with([' ', '\t'])
        {
            r
        } else {
            return trimmed;
        };
        rest = after;
    }
}

/// The heading level one below `level` (`h6` stays `h6`).
pub(super) fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// A task-list box as a character (☑ done, ☐ not yet) rather than an unlabelled form field:
/// a posting is not a form, and screen readers read the character's name in the reader's
/// own language.
pub(super) fn task_box(done: bool) -> Event<'static> {
    Event::InlineHtml(CowStr::Borrowed(if done {
        "<span class=\"task-box task-done\">☑</span> "
    } else {
        "<span class=\"task-box\">☐</span> "
    }))
}

#[cfg(test)]
mod tests {
    use super::has_h1;

    #[test]
    fn finds_level_one_headings_only() {
        for md in [
            "# A",
            "x\n\n> # A\n",
            "- # A",
            "1. # A",
            "Title\n===\n",
            "#",
        ] {
            assert!(has_h1(md), "{md:?}");
        }
        for md in ["## A", "#hashtag", "\\# no", "a = b", "\n===\n", "x"] {
            assert!(!has_h1(md), "{md:?}");
        }
    }
}
