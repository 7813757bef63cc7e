//! The teaser taken from a body: its first paragraph with words, as plain text, and the
//! cut at a word boundary that keeps it short.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::options;

/// The first paragraph as plain text (the default summary), at most `max` characters.
pub fn first_paragraph(markdown: &str, max: usize) -> String {
    paragraph_text(Parser::new_ext(markdown, options()), max)
}

fn paragraph_text<'a>(events: impl Iterator<Item = Event<'a>>, max: usize) -> String {
    let mut paragraph = FirstParagraph::default();
    for event in events {
        paragraph.see(&event);
        if paragraph.done {
            break;
        }
    }
    paragraph.finish(max)
}

/// The first paragraph with words, as plain text, and the byte offset where it starts
/// (`None` when no paragraph has any): where the teaser lints point.
pub(crate) fn first_paragraph_at(markdown: &str) -> (Option<usize>, String) {
    let mut paragraph = FirstParagraph::default();
    let mut start = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if matches!(event, Event::Start(Tag::Paragraph)) {
            start = Some(range.start);
        }
        paragraph.see(&event);
        if paragraph.done {
            return (start, paragraph.finish(usize::MAX));
        }
    }
    (None, String::new())
}

/// The plain text of a body's first paragraph with words (not only an image, emoji or
/// spaces), gathered from its events as they pass.
#[derive(Default)]
pub(super) struct FirstParagraph {
    text: String,
    inside: bool,
    /// Inside an image, whose alt text is not part of the teaser.
    images: u32,
    pub(super) done: bool,
}

impl FirstParagraph {
    #[inline]
    pub(super) fn see(&mut self, event: &Event) {
        if self.done {
            return;
        }
        match event {
            Event::Start(Tag::Paragraph) => self.inside = true,
            Event::End(TagEnd::Paragraph) if self.inside => {
                self.inside = false;
                self.done = self.text.chars().any(char::is_alphanumeric);
                if !self.done {
                    self.text.clear();
                }
            }
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            _ if !self.inside || self.images > 0 => {}
            Event::Text(t) | Event::Code(t) => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            _ => {}
        }
    }

    /// The text, trimmed and cut at `max` characters.
    pub(super) fn finish(self, max: usize) -> String {
        truncate(self.text.trim(), max)
    }
}

/// Cuts text at a word boundary, adding "…" when it was longer than `max` characters.
pub fn truncate(text: &str, max: usize) -> String {
    // Where character `n` starts, if the text has more than `n` characters.
    let char_start = |n: usize| {
        if text.is_ascii() {
            (n < text.len()).then_some(n)
        } else {
            text.char_indices().nth(n).map(|(i, _)| i)
        }
    };
    if char_start(max).is_none() {
        return text.to_string();
    }
    let cut = &text[..char_start(max.saturating_sub(1)).unwrap_or(text.len())];
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut,
    };
    let cut = cut.trim_end_matches([',', '.', ';', ':', ' ']);
    let mut out = String::with_capacity(cut.len() + '…'.len_utf8());
    out.push_str(cut);
    out.push('…');
    out
}
