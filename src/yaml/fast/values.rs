//! The fast path's values on the rest of a line: plain scalars, one-line quoted text, `[a, b]`
//! lists, `{key: value}` maps and block text, each read exactly as the full parser reads it.

use std::borrow::Cow;

use super::lines::{block_value, closing_single_quote};
use super::{Line, key_and_rest, pos, room_for};
use crate::yaml::{Node, Pos, Value};

/// A value on the rest of a line: quoted text, block text, `{k: v}`, `[a, b]` or one plain
/// scalar; `col` is its byte offset in `line.text`.
pub(super) fn inline<'t>(text: &'t str, line: Line<'t>, col: usize) -> Option<Node<'t>> {
    if let Some(value) = quoted(text) {
        return Some(Node {
            value: value?,
            pos: pos(line, col),
        });
    }
    if let Some(block) = line.block {
        return Some(Node {
            value: block_value(text, block)?,
            pos: Pos {
                line: block.no,
                col: (block.indent + 1) as u32,
            },
        });
    }
    if text.starts_with('{') {
        return flow_map(text, line, col);
    }
    if let Some(inner) = text.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if inner.contains(['[', ']']) {
            return None;
        }
        let mut items = Vec::with_capacity(inner.bytes().filter(|&b| b == b',').count() + 1);
        if !inner.trim().is_empty() {
            let mut offset = col + 1;
            for part in inner.split(',') {
                let word = part.trim_matches(' ');
                let lead = part.len() - part.trim_start_matches(' ').len();
                items.push(Node {
                    value: plain_scalar(word)?,
                    pos: pos(line, offset + lead),
                });
                offset += part.len() + 1;
            }
        }
        return Some(Node {
            value: Value::Seq(items),
            pos: pos(line, col),
        });
    }
    Some(Node {
        value: plain_scalar(text)?,
        pos: pos(line, col),
    })
}

/// A plain scalar standing alone (a whole value, a list item, a flow map value), as
/// [`scalar`] reads it; `None` when it holds what would make it more than one scalar.
fn plain_scalar(text: &str) -> Option<Value<'_>> {
    // What a plain scalar must not hold: flow punctuation (only a problem at the start), `: `
    // and ` #` (memchr finds the few colons and hashes).
    if text.starts_with(['-', ',', '[', ']']) && text.contains([',', '[', ']']) {
        return None;
    }
    let b = text.as_bytes();
    for i in memchr::memchr2_iter(b':', b'#', b) {
        let before = i.checked_sub(1).map(|j| b[j]);
        match b[i] {
            b':' if b.get(i + 1) == Some(&b' ') => return None,
            b'#' if before == Some(b' ') => return None,
            _ => {}
        }
    }
    if text.ends_with(':') {
        return None;
    }
    scalar(text)
}

/// `{key: value, …}` on one line (`col` is the brace's byte offset in `line.text`): plain
/// keys, values that are plain scalars or one-line quoted text, no duplicates.
fn flow_map<'t>(text: &'t str, line: Line<'t>, col: usize) -> Option<Node<'t>> {
    let inner = text.strip_prefix('{')?.strip_suffix('}')?;
    if inner.contains(['{', '}', '[', ']']) {
        return None;
    }
    let mut entries: Vec<(Node, Node)> = Vec::new();
    if !inner.trim_matches(' ').is_empty() {
        let mut offset = col + 1;
        for part in inner.split(',') {
            let lead = part.len() - part.trim_start_matches(' ').len();
            let (key, rest) = key_and_rest(part.trim_matches(' '))?;
            let rest = rest.trim_end_matches(' ');
            if rest.is_empty() || !room_for(&entries, key) {
                return None;
            }
            let value = match quoted(rest) {
                Some(value) => value?,
                None => plain_scalar(rest)?,
            };
            // `key:`, then the spaces before the value.
            let after = part.trim_start_matches(' ').get(key.len() + 1..)?;
            let value_at =
                offset + lead + key.len() + 1 + (after.len() - after.trim_start_matches(' ').len());
            entries.push((
                Node {
                    value: Value::Str(Cow::Borrowed(key)),
                    pos: pos(line, offset + lead),
                },
                Node {
                    value,
                    pos: pos(line, value_at),
                },
            ));
            offset += part.len() + 1;
        }
    }
    Some(Node {
        value: Value::Map(entries),
        pos: pos(line, col),
    })
}

/// One-line quoted text (always text, whatever it looks like): `Some(None)` when `text`
/// starts with a quote but is not exactly one quoted value the fast path reads, `None` when it
/// is not quoted at all.
pub(super) fn quoted(text: &str) -> Option<Option<Value<'_>>> {
    if let Some(inner) = text.strip_prefix('"') {
        let inner = inner.strip_suffix('"').filter(|i| !i.contains(['"', '\\']));
        return Some(inner.map(|i| Value::Str(Cow::Borrowed(i))));
    }
    if !text.starts_with('\'') {
        return None;
    }
    // The quote that closes it must be the last byte (`''` inside is one quote).
    if closing_single_quote(text) != Some(text.len() - 1) {
        return Some(None);
    }
    let inner = &text[1..text.len() - 1];
    Some(Some(Value::Str(if inner.contains('\'') {
        Cow::Owned(inner.replace("''", "'"))
    } else {
        Cow::Borrowed(inner)
    })))
}

/// Plain words the full parser reads as something other than text (YAML 1.1 and 1.2
/// booleans, null, special floats), in any letter case.
const NOT_TEXT: [&str; 12] = [
    "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity",
];

/// How the full parser reads a plain scalar, for the cases the fast path is sure of.
fn scalar(text: &str) -> Option<Value<'_>> {
    let first = text.chars().next()?;
    if first.is_ascii_digit() {
        let digits = text.bytes().all(|b| b.is_ascii_digit());
        if digits && (text == "0" || !text.starts_with('0')) {
            return text.parse::<i64>().ok().map(Value::Int);
        }
        if digits {
            return Some(Value::Str(Cow::Borrowed(text))); // leading zero: kept as text
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
        return (date || words).then_some(Value::Str(Cow::Borrowed(text)));
    }
    match text {
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        _ => {}
    }
    if !first.is_alphabetic() || NOT_TEXT.iter().any(|w| w.eq_ignore_ascii_case(text)) {
        return None;
    }
    Some(Value::Str(Cow::Borrowed(text)))
}
