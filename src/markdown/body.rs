//! A body's events between the parser and the HTML writer: the one pass that resolves links,
//! gives headings their ids (one level down when the body has a `# Heading`, so the page
//! keeps one `<h1>`), writes task-list boxes as text, links bare addresses and notes the
//! first paragraph.

use std::collections::HashSet;
use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::links::{LinkMap, resolve_link, resolve_root};
use super::{FirstParagraph, Source, disarm};
use crate::content::slug::slugify_parts;
use crate::diagnostics::Diagnostic;

/// A body's events on their way from the parser to the HTML writer, one at a time: links
/// resolved and disarmed, headings given ids (a heading's events wait until its end, where
/// its text is known), the first paragraph's text noted.
pub(super) struct Body<'s, 'a, I> {
    events: I,
    src: &'s Source<'a>,
    links: &'s LinkMap,
    diagnostics: Vec<Diagnostic>,
    used_ids: UsedIds,
    /// The events of a heading, once its id is set.
    heading: VecDeque<Event<'a>>,
    /// Events made from one parsed event (a text with bare addresses), not yet passed on.
    extra: VecDeque<Event<'a>>,
    summary: Option<FirstParagraph>,
    /// Whether headings go one level down (the body has a `# Heading`).
    demote: bool,
    /// Links, images and code blocks the parser is inside: no bare address is linked there.
    no_autolink: u32,
}

impl<'s, 'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Body<'s, 'a, I> {
    /// The pass over `events` (the parse of `src`); `max` > 0 asks for the summary.
    pub(super) fn new(events: I, src: &'s Source<'a>, links: &'s LinkMap, max: usize) -> Self {
        Body {
            events,
            src,
            links,
            diagnostics: Vec::new(),
            used_ids: UsedIds::default(),
            heading: VecDeque::new(),
            extra: VecDeque::new(),
            summary: (max > 0).then(FirstParagraph::default),
            demote: super::blocks::has_h1(src.markdown),
            no_autolink: 0,
        }
    }

    /// After the writer took every event: the summary cut at `max` (empty when not asked
    /// for), and the broken links.
    pub(super) fn finish(self, max: usize) -> (String, Vec<Diagnostic>) {
        let summary = self.summary.map_or_else(String::new, |p| p.finish(max));
        (summary, self.diagnostics)
    }

    /// The parser's next event, with its link target resolved and made safe.
    #[inline(always)]
    fn pull(&mut self) -> Option<Event<'a>> {
        if let Some(event) = self.extra.pop_front() {
            return Some(event);
        }
        let (mut event, range) = self.events.next()?;
        if let Some(summary) = &mut self.summary
            && !summary.done
        {
            summary.see(&event);
        }
        match &mut event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.no_autolink += 1;
                self.resolve(dest_url, false, range.start);
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.no_autolink += 1;
                self.resolve(dest_url, true, range.start);
            }
            Event::Start(Tag::CodeBlock(_)) => self.no_autolink += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                self.no_autolink = self.no_autolink.saturating_sub(1);
            }
            Event::Start(Tag::Heading { level, .. }) if self.demote => {
                *level = super::blocks::lower(*level);
            }
            Event::End(TagEnd::Heading(level)) if self.demote => {
                *level = super::blocks::lower(*level);
            }
            Event::TaskListMarker(done) => event = super::blocks::task_box(*done),
            Event::Text(text) if self.no_autolink == 0 => {
                if let Some(first) = super::autolink::split(text, &mut self.extra) {
                    event = first;
                }
            }
            _ => {}
        }
        disarm(&mut event);
        Some(event)
    }

    /// Sets a link's or image's target to what it stands for (a content file's URL, a
    /// static file under the site's root path), reporting it when nothing is there.
    fn resolve(&mut self, dest: &mut CowStr<'a>, image: bool, offset: usize) {
        let (src, links, out) = (self.src, self.links, &mut self.diagnostics);
        let url = match dest.starts_with('/') {
            true => resolve_root(src, dest, image, offset, links, out),
            false if image => None,
            false => resolve_link(src, dest, offset, links, out),
        };
        if let Some(url) = url {
            *dest = url;
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Body<'_, 'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(event) = self.heading.pop_front() {
            return Some(event);
        }
        let event = self.pull()?;
        if !matches!(event, Event::Start(Tag::Heading { .. })) {
            return Some(event);
        }
        self.heading.push_back(event);
        while let Some(event) = self.pull() {
            let end = matches!(event, Event::End(TagEnd::Heading(_)));
            self.heading.push_back(event);
            if end {
                add_heading_id(self.heading.make_contiguous(), &mut self.used_ids);
                break;
            }
        }
        self.heading.pop_front()
    }
}

/// Heading ids already given in one body: a short list for the few headings a body has, a
/// set beyond that (so a hostile body with thousands of headings stays linear).
#[derive(Default)]
struct UsedIds {
    few: Vec<String>,
    many: HashSet<String>,
}

impl UsedIds {
    const FEW: usize = 16;

    fn contains(&self, id: &str) -> bool {
        self.few.iter().any(|used| used == id) || self.many.contains(id)
    }

    fn insert(&mut self, id: String) {
        if self.few.len() < Self::FEW {
            self.few.push(id);
        } else {
            self.many.insert(id);
        }
    }
}

/// Sets the id of the heading whose events (start to end) are `events`: the one written
/// (`{#id}`) or the slug of its text, made unique with `-1`, `-2` … .
fn add_heading_id(events: &mut [Event], used: &mut UsedIds) {
    let Some((Event::Start(Tag::Heading { id, .. }), rest)) = events.split_first_mut() else {
        return;
    };
    let base = match id {
        Some(existing) => existing.to_string(),
        None => slugify_parts(rest.iter().filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })),
    };
    let unique = if used.contains(&base) {
        let mut n = 1;
        loop {
            let candidate = format!("{base}-{n}");
            if !used.contains(&candidate) {
                break candidate;
            }
            n += 1;
        }
    } else {
        base
    };
    // The copy has no spare capacity, so the event's boxed text needs no reallocation.
    *id = Some(CowStr::from(unique.clone()));
    used.insert(unique);
}
