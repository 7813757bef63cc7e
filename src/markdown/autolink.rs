//! Bare web addresses and email addresses in a body's text turned into links (found by the
//! `linkify` crate, which gets their ends right beside punctuation and brackets).

use std::collections::VecDeque;

use linkify::{LinkFinder, LinkKind};
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// Splits a text with bare `https://` or `http://` addresses or email addresses into text
/// and links: returns the first event and queues the rest in `rest`; `None` when the text
/// has no such address.
pub(super) fn split<'a>(text: &CowStr<'a>, rest: &mut VecDeque<Event<'a>>) -> Option<Event<'a>> {
    // Most texts have neither character: no need to look further.
    memchr::memchr2(b':', b'@', text.as_bytes())?;
    let found: Vec<(usize, usize, bool)> = LinkFinder::new()
        .links(text)
        .filter_map(|l| match l.kind() {
            LinkKind::Email => Some((l.start(), l.end(), true)),
            LinkKind::Url if is_web(l.as_str()) => Some((l.start(), l.end(), false)),
            _ => None,
        })
        .collect();
    if found.is_empty() {
        return None;
    }
    let piece = |from: usize, to: usize| -> CowStr<'a> {
        match text {
            CowStr::Borrowed(s) => CowStr::Borrowed(&s[from..to]),
            other => CowStr::from(other[from..to].to_string()),
        }
    };
    let mut at = 0;
    for (start, end, email) in found {
        if start > at {
            rest.push_back(Event::Text(piece(at, start)));
        }
        rest.push_back(Event::Start(Tag::Link {
            link_type: if email {
                LinkType::Email
            } else {
                LinkType::Autolink
            },
            dest_url: piece(start, end),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        rest.push_back(Event::Text(piece(start, end)));
        rest.push_back(Event::End(TagEnd::Link));
        at = end;
    }
    if at < text.len() {
        rest.push_back(Event::Text(piece(at, text.len())));
    }
    rest.pop_front()
}

/// Whether an address found in text is a web address (other schemes stay text).
fn is_web(url: &str) -> bool {
    let lower = |n: usize| url.get(..n).map(str::to_ascii_lowercase);
    lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://")
}
