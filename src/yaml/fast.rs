//! A fast path for the front matter most postings have: block mappings and lists of plain
//! words, numbers and dates, `[a, b]` lists, one-line `{key: value}` maps, one-line quoted
//! text (`"10997"`, `'it''s'`), comments after values, and block text (`summary: >` or `|`,
//! with `-`) whose lines share one indentation. Anything else (anchors, tags, escapes, nested
//! flow values, `true`/`null`-like words, odd numbers, duplicate keys, more-indented lines in
//! folded text …) returns `None` and the full parser (serde-saphyr) reads the text instead, so
//! the fast path never decides a question of YAML it is not sure of. Tests compare it with the
//! full parser.

use std::borrow::Cow;

mod lines;
mod values;

use lines::plain_lines;
use values::inline;

use super::{Node, Pos, Value};

/// Deeper nesting than this is left to the full parser and its depth budget (32).
const MAX_DEPTH: usize = 8;
/// Mappings with more keys are left to the full parser (the duplicate check is quadratic).
const MAX_KEYS: usize = 128;

/// Bytes that need more than the plain subset (tabs, quotes, anchors, aliases, tags, block
/// text, flow maps, comments after values, escapes …): a line holding one goes to the full
/// parser. All are ASCII, so no byte of a longer UTF-8 sequence is one of them.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\t\r&*!|>%@`\"'{}#?\\";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// One non-blank, non-comment line: indentation (spaces) and the rest, trimmed at the end
/// and without a comment after its value.
#[derive(Clone, Copy)]
struct Line<'a> {
    no: u32,
    indent: usize,
    text: &'a str,
    /// Whether `text` is ASCII (then columns are byte offsets).
    ascii: bool,
    /// The lines of the block text this line's `>` or `|` starts.
    block: Option<BlockText<'a>>,
}

/// The lines of a block text value, as written: from the first line to the end of the last
/// one that is not blank.
#[derive(Clone, Copy)]
struct BlockText<'a> {
    raw: &'a str,
    /// The indentation of its lines (every line of folded text has exactly this one).
    indent: usize,
    /// The line number of its first line (where the full parser places the value).
    no: u32,
}

/// The tree of `text` when it only uses the plain subset, else `None`.
pub(super) fn parse(text: &str) -> Option<Node<'_>> {
    let lines = plain_lines(text)?;
    let first = *lines.first()?;
    if first.indent != 0 {
        return None;
    }
    let mut lines = lines;
    let mut at = 0;
    let node = block(&mut lines, &mut at, 0, 0)?;
    (at == lines.len()).then_some(node)
}

/// How many lines from `lines[at]` on start at `indent` before the block ends (the entries of
/// a mapping or the items of a list), so their vector is allocated once.
fn entries_at(lines: &[Line], at: usize, indent: usize) -> usize {
    lines
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|l| l.indent >= indent)
        .filter(|l| l.indent == indent)
        .count()
}

/// A block mapping or list starting at `lines[*at]`, whose lines are indented by `indent`.
fn block<'t>(
    lines: &mut [Line<'t>],
    at: &mut usize,
    indent: usize,
    depth: usize,
) -> Option<Node<'t>> {
    let line = *lines.get(*at)?;
    // Deep nesting (hostile input) goes to the full parser and its depth budget.
    if line.indent != indent || depth > MAX_DEPTH {
        return None;
    }
    if line.text.starts_with("- ") || line.text == "-" {
        list(lines, at, indent, depth)
    } else {
        map(lines, at, indent, depth)
    }
}

/// The key of a `key: value` or `key:` line and the rest after it; `None` unless the key is a
/// plain name (a letter, then letters, digits, `_` and `-`).
fn key_and_rest(text: &str) -> Option<(&str, &str)> {
    let b = text.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let end = b
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'-'))?;
    let key = text.get(..end)?;
    match b.get(end..end + 2) {
        Some(b": ") => Some((key, text.get(end + 2..)?.trim_start_matches(' '))),
        _ if b.get(end..) == Some(b":") => Some((key, "")),
        _ => None,
    }
}

/// Whether a mapping holding `entries` can take `key`: not a duplicate (the full parser
/// rejects those), and not so many keys that the quadratic duplicate check gets slow.
fn room_for(entries: &[(Node, Node)], key: &str) -> bool {
    entries.len() < MAX_KEYS
        && !entries
            .iter()
            .any(|(k, _)| matches!(&k.value, Value::Str(k) if k == key))
}

/// Whether `text` holds `: ` (which would start a mapping inside a value).
fn has_colon_space(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| w == b": ")
}

fn map<'t>(
    lines: &mut [Line<'t>],
    at: &mut usize,
    indent: usize,
    depth: usize,
) -> Option<Node<'t>> {
    let start = lines[*at];
    let mut entries: Vec<(Node, Node)> = Vec::with_capacity(entries_at(lines, *at, indent));
    while let Some(&line) = lines.get(*at) {
        if line.indent < indent {
            break;
        }
        if line.indent > indent || line.text.starts_with('-') {
            return None;
        }
        let (key, rest) = key_and_rest(line.text)?;
        if !room_for(&entries, key) {
            return None;
        }
        let key_node = Node {
            value: Value::Str(Cow::Borrowed(key)),
            pos: pos(line, 0),
        };
        *at += 1;
        let value = if rest.is_empty() {
            // A nested block, indented deeper (a list at the key's own indentation is left
            // to the full parser: it places such a list differently).
            let next = *lines.get(*at)?;
            if next.indent <= indent {
                return None;
            }
            block(lines, at, next.indent, depth + 1)?
        } else {
            let col = line.text.len() - rest.len();
            inline(rest, line, col)?
        };
        entries.push((key_node, value));
    }
    Some(Node {
        value: Value::Map(entries),
        pos: pos(start, 0),
    })
}

fn list<'t>(
    lines: &mut [Line<'t>],
    at: &mut usize,
    indent: usize,
    depth: usize,
) -> Option<Node<'t>> {
    let start = lines[*at];
    let mut items = Vec::with_capacity(entries_at(lines, *at, indent));
    while let Some(&line) = lines.get(*at) {
        if line.indent < indent {
            break;
        }
        if line.indent > indent {
            return None;
        }
        let rest = line.text.strip_prefix("- ")?;
        if rest.starts_with(' ') || rest.is_empty() {
            return None;
        }
        if !rest.starts_with(['"', '\'', '{']) && (has_colon_space(rest) || rest.ends_with(':')) {
            // `- key: value`: a mapping whose first line starts after the dash.
            lines[*at] = Line {
                indent: indent + 2,
                text: rest,
                ..line
            };
            if depth >= MAX_DEPTH {
                return None;
            }
            items.push(map(lines, at, indent + 2, depth + 1)?);
        } else {
            items.push(inline(rest, line, 2)?);
            *at += 1;
        }
    }
    Some(Node {
        value: Value::Seq(items),
        pos: pos(start, 0),
    })
}

/// The position of byte `offset` of `line.text` (columns count characters).
fn pos(line: Line, offset: usize) -> Pos {
    let chars = if line.ascii {
        offset
    } else {
        line.text
            .get(..offset)
            .map_or(offset, |p| p.chars().count())
    };
    Pos {
        line: line.no,
        col: (line.indent + chars + 1) as u32,
    }
}

#[cfg(test)]
mod tests;
