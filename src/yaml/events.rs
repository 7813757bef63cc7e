//! The located tree built straight from the YAML event parser serde-saphyr itself reads with
//! (granit-parser), so positions are the ones serde-saphyr gives. It takes the documents whose
//! every value it can type for certain; anything else (anchors, aliases, tags, complex keys,
//! duplicate keys, a plain word whose type needs YAML's full rules, too deep a tree, a syntax
//! error) returns `None` and serde-saphyr reads the text instead, so the two never disagree.

use std::borrow::Cow;

use granit_parser::{Event, Options, Parser, ScalarStyle, Span};

use super::{Node, Pos, Value};

/// Deeper values are left to serde-saphyr and its depth budget.
const MAX_DEPTH: usize = 32;

/// The tree of a one-document `text`, when every value in it is certain; else `None`.
pub(super) fn parse(text: &str) -> Option<Node<'_>> {
    let mut options = Options::default();
    options.set_emit_comments(false);
    let mut events = Parser::new_from_str_with_options(text, options).map(|e| e.ok());
    matches!(events.next()??.0, Event::StreamStart).then_some(())?;
    matches!(events.next()??.0, Event::DocumentStart(..)).then_some(())?;
    let first = events.next()??;
    let node = node(&mut events, first, 0)?;
    matches!(events.next()??.0, Event::DocumentEnd).then_some(())?;
    matches!(events.next()??.0, Event::StreamEnd).then_some(node)
}

/// The node that starts with `first`, reading the events of its children.
fn node<'t>(
    events: &mut impl Iterator<Item = Option<(Event<'t>, Span)>>,
    first: (Event<'t>, Span),
    depth: usize,
) -> Option<Node<'t>> {
    let (event, span) = first;
    let pos = Pos {
        line: span.start.line() as u32,
        col: span.start.col() as u32 + 1,
    };
    let value = match event {
        Event::Scalar(text, style, 0, None) => match style {
            ScalarStyle::Plain => plain(text)?,
            _ => Value::Str(text),
        },
        Event::SequenceStart(_, 0, None) if depth < MAX_DEPTH => {
            let mut items = Vec::new();
            loop {
                match events.next()?? {
                    (Event::SequenceEnd, _) => break Value::Seq(items),
                    next => items.push(node(events, next, depth + 1)?),
                }
            }
        }
        Event::MappingStart(_, 0, None) if depth < MAX_DEPTH => {
            let mut entries: Vec<(Node, Node)> = Vec::new();
            loop {
                let key = match events.next()?? {
                    (Event::MappingEnd, _) => break Value::Map(entries),
                    key @ (Event::Scalar(..), _) => node(events, key, depth + 1)?,
                    _ => return None,
                };
                if entries.iter().any(|(k, _)| k.value == key.value) {
                    return None;
                }
                let next = events.next()??;
                let value = node(events, next, depth + 1)?;
                entries.push((key, value));
            }
        }
        _ => return None,
    };
    Some(Node { value, pos })
}

/// Plain words serde-saphyr reads as something other than text (YAML 1.1 and 1.2 booleans,
/// null, special floats), in any letter case.
const NOT_TEXT: [&str; 12] = [
    "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity",
];

/// How serde-saphyr reads a plain scalar, for the cases that are certain.
fn plain(text: Cow<'_, str>) -> Option<Value<'_>> {
    let first = text.chars().next()?;
    if first.is_ascii_digit() {
        let digits = text.bytes().all(|b| b.is_ascii_digit());
        if digits && (text == "0" || !text.starts_with('0')) {
            return text.parse::<i64>().ok().map(Value::Int);
        }
        if digits {
            return Some(Value::Str(text)); // leading zero: kept as text
        }
        let b = text.as_bytes();
        let date = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        // Words after a number (`3087 BM`, `3–6 months`): no number, date or time has a
        // space and a letter without a colon.
        let words =
            text.contains(' ') && text.chars().any(char::is_alphabetic) && !text.contains(':');
        return (date || words).then_some(Value::Str(text));
    }
    match &*text {
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        _ => {}
    }
    if !first.is_alphabetic() || NOT_TEXT.iter().any(|w| w.eq_ignore_ascii_case(&text)) {
        return None;
    }
    Some(Value::Str(text))
}

#[cfg(test)]
mod tests;
