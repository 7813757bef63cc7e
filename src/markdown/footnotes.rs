//! Footnote definitions moved to the end of a body: the parser gives them where they are
//! written, readers expect them after the text, under a rule, as on paper.

use std::collections::VecDeque;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Opens the block the gathered definitions are written in.
const OPEN: &str = "<section class=\"footnotes\">\n<hr>\n";
/// Closes it.
const CLOSE: &str = "</section>\n";

/// `events` with every footnote definition taken out of the text and written, in the order
/// they were defined, in one `<section class="footnotes">` after the last other event.
pub(super) fn at_end<'a, I: Iterator<Item = Event<'a>>>(events: I) -> AtEnd<'a, I> {
    AtEnd {
        events,
        notes: VecDeque::new(),
        done: false,
    }
}

/// The iterator [`at_end`] returns.
pub(super) struct AtEnd<'a, I> {
    events: I,
    /// The definitions seen so far, then (once the text is out) what is left to write.
    notes: VecDeque<Event<'a>>,
    /// Whether the text is out and `notes` holds the closing block.
    done: bool,
}

impl<'a, I: Iterator<Item = Event<'a>>> AtEnd<'a, I> {
    /// Moves the definition that `start` opens, up to its end, into `notes`.
    fn gather(&mut self, start: Event<'a>) {
        self.notes.push_back(start);
        let mut depth = 1usize;
        for event in self.events.by_ref() {
            match &event {
                Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                _ => {}
            }
            self.notes.push_back(event);
            if depth == 0 {
                break;
            }
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for AtEnd<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if self.done {
            return self.notes.pop_front();
        }
        loop {
            match self.events.next() {
                Some(start @ Event::Start(Tag::FootnoteDefinition(_))) => self.gather(start),
                Some(event) => return Some(event),
                None => {
                    self.done = true;
                    if self.notes.is_empty() {
                        return None;
                    }
                    self.notes.push_back(Event::Html(CowStr::Borrowed(CLOSE)));
                    return Some(Event::Html(CowStr::Borrowed(OPEN)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Options, Parser};

    fn html(markdown: &str) -> String {
        let mut out = String::new();
        let events = Parser::new_ext(markdown, Options::ENABLE_FOOTNOTES);
        pulldown_cmark::html::push_html(&mut out, super::at_end(events));
        out
    }

    #[test]
    fn definitions_follow_the_last_paragraph_in_their_order() {
        let out = html("One[^a] two[^b].\n\n[^b]: Bee.\n\n[^a]: Ay.\n\nLast paragraph.\n");
        let last = out.find("Last paragraph").expect("text kept");
        let notes = out
            .find("<section class=\"footnotes\">")
            .expect("notes block");
        assert!(last < notes, "{out}");
        assert!(out.find("Bee.").expect("b") > notes, "{out}");
        assert!(out.find("Bee.") < out.find("Ay."), "{out}");
        assert!(out.trim_end().ends_with("</section>"), "{out}");
    }

    #[test]
    fn a_body_without_footnotes_is_unchanged() {
        assert_eq!(html("Plain *text*.\n"), "<p>Plain <em>text</em>.</p>\n");
    }
}
