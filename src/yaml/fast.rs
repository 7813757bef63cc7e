//! A fast path for the front matter most postings have: block mappings and lists of plain
//! words, numbers and dates, `[a, b]` lists, one-line `{key: value}` maps, one-line quoted
//! text (`"10997"`, `'it''s'`), comments after values, and block text (`summary: >` or `|`,
//! with `-`) whose lines share one indentation. Anything else (anchors, tags, escapes, nested
//! flow values, `true`/`null`-like words, odd numbers, duplicate keys, more-indented lines in
//! folded text …) returns `None` and the full parser (serde-saphyr) reads the text instead, so
//! the fast path never decides a question of YAML it is not sure of. Tests compare it with the
//! full parser.

use std::borrow::Cow;

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

/// The lines that carry values, or `None` when one uses more than the fast path knows.
fn plain_lines(text: &str) -> Option<Vec<Line<'_>>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    let mut no = 0u32;
    while start <= bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let raw = text.get(start..end)?;
        start = end + 1;
        no += 1;
        let trimmed = raw.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut ascii = true;
        let mut special = false;
        for &b in trimmed.as_bytes() {
            special |= SPECIAL[usize::from(b)];
            ascii &= b.is_ascii();
        }
        if !ascii && trimmed.chars().any(|c| c.is_control() || c == '\u{feff}') {
            return None;
        }
        if trimmed.starts_with("---") || trimmed.starts_with("...") {
            return None;
        }
        let indent = raw.len() - trimmed.len();
        let mut line = Line {
            no,
            indent,
            text: trimmed.trim_end_matches(' '),
            ascii,
            block: None,
        };
        if special {
            let (clean, starts_block) = careful_line(line.text)?;
            line.text = clean;
            if starts_block {
                let (block, next, used) = block_text(text, start, indent, no)?;
                line.block = Some(block);
                start = next;
                no += used;
            }
        }
        lines.push(line);
    }
    Some(lines)
}

/// A line holding a byte outside the plain subset, when that byte only opens one-line quoted
/// text, a comment after the value or block text: the line without the comment, and whether
/// block text follows. `None` for anything else.
fn careful_line(text: &str) -> Option<(&str, bool)> {
    let item = text.starts_with("- ");
    let after_dash = if item { 2 } else { 0 };
    let rest = text.get(after_dash..)?;
    // Where the value starts: right after the dash for a quoted item or a `{…}` item, else
    // after `key: `.
    let value_at = if rest.starts_with(['"', '\'', '{']) {
        after_dash
    } else {
        match memchr::memmem::find(rest.as_bytes(), b": ") {
            Some(i) => {
                let spaced = &rest[i + 2..];
                after_dash + i + 2 + (spaced.len() - spaced.trim_start_matches(' ').len())
            }
            // `- item # comment`
            None if item => after_dash,
            None => return None,
        }
    };
    let (head, value) = text.split_at(value_at);
    if head.bytes().any(|b| SPECIAL[usize::from(b)]) {
        return None;
    }
    let kept = match value.as_bytes().first()? {
        b'"' => {
            let close = 1 + memchr::memchr(b'"', &value.as_bytes()[1..])?;
            if value[1..close].contains(['\\', '\t']) {
                return None;
            }
            comment_only(&value[close + 1..])?;
            close + 1
        }
        b'\'' => {
            let close = closing_single_quote(value)?;
            if value[1..close].contains('\t') {
                return None;
            }
            comment_only(&value[close + 1..])?;
            close + 1
        }
        b'{' => {
            // A one-line flow map of plain or quoted values (`{min: 1, currency: EUR}`):
            // nothing nested, nothing special inside but quotes; `inline` reads it.
            let close = memchr::memchr(b'}', value.as_bytes())?;
            let inside = &value.as_bytes()[1..close];
            if inside.iter().any(|&b| {
                matches!(b, b'{' | b'[' | b']')
                    || (SPECIAL[usize::from(b)] && b != b'"' && b != b'\'')
            }) {
                return None;
            }
            comment_only(&value[close + 1..])?;
            close + 1
        }
        b'#' => return Some((head.trim_end_matches(' '), false)),
        b'>' | b'|' => {
            let indicator = value.split(' ').next().unwrap_or_default();
            if item || !matches!(indicator, ">" | "|" | ">-" | "|-") {
                return None;
            }
            comment_only(&value[indicator.len()..])?;
            return Some((&text[..value_at + indicator.len()], true));
        }
        _ => {
            // Plain text, up to a comment (the first ` #`). Inside it, quotes, `&`, `*`, `!`,
            // `|`, `>` … are only text: they mean something at the start of a value, which
            // `scalar` and `inline` decline.
            let plain = match memchr::memmem::find(value.as_bytes(), b" #") {
                Some(cut) => value[..cut].trim_end_matches(' '),
                None => value,
            };
            if plain
                .bytes()
                .any(|b| matches!(b, b'\t' | b'\r' | b'{' | b'}' | b'\\'))
            {
                return None;
            }
            plain.len()
        }
    };
    Some((&text[..value_at + kept], false))
}

/// `Some` when `after` (what follows a value on its line) is nothing or a comment.
fn comment_only(after: &str) -> Option<()> {
    let rest = after.trim_start_matches(' ');
    (rest.is_empty() || (rest.starts_with('#') && rest.len() < after.len())).then_some(())
}

/// The index of the quote closing the single-quoted text at the start of `value` (`''`
/// inside is one quote).
fn closing_single_quote(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    let mut at = 1;
    loop {
        let quote = at + memchr::memchr(b'\'', b.get(at..)?)?;
        if b.get(quote + 1) == Some(&b'\'') {
            at = quote + 2;
        } else {
            return Some(quote);
        }
    }
}

/// The block text starting at byte `start` of `text`, under a key indented by `parent`: the
/// text, where the line after it starts, and how many lines it took. `None` unless its first
/// line holds text and every line is blank or indented like the first (or deeper, which only
/// literal text keeps; [`block_value`] declines it for folded text).
fn block_text(
    text: &str,
    start: usize,
    parent: usize,
    header: u32,
) -> Option<(BlockText<'_>, usize, u32)> {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut used = 0u32;
    let mut indent = 0;
    let mut last_end = start;
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let raw = text.get(at..end)?;
        let spaces = raw.len() - raw.trim_start_matches(' ').len();
        let blank = spaces == raw.len();
        if used == 0 {
            if blank || spaces <= parent {
                return None;
            }
            indent = spaces;
        } else if blank {
            if raw.len() > indent {
                return None;
            }
        } else if spaces <= parent {
            break;
        } else if spaces < indent {
            return None;
        }
        if raw.bytes().any(|b| b == b'\t' || b == b'\r')
            || (!raw.is_ascii() && raw.chars().any(|c| c.is_control() || c == '\u{feff}'))
        {
            return None;
        }
        if !blank {
            last_end = end;
        }
        used += 1;
        at = end + 1;
    }
    if used == 0 {
        return None;
    }
    let block = BlockText {
        raw: text.get(start..last_end)?,
        indent,
        no: header + 1,
    };
    Some((block, at.min(bytes.len() + 1), used))
}

/// The value of block text as the full parser reads it: `>` folds lines into one (a blank line
/// becomes a line break), `|` keeps them; the text ends with one line break, or none with `-`.
fn block_value<'t>(indicator: &str, block: BlockText<'t>) -> Option<Value<'t>> {
    let folded = indicator.starts_with('>');
    let mut value = String::with_capacity(block.raw.len() + 1);
    let mut breaks = 0;
    let mut first = true;
    for raw in block.raw.split('\n') {
        let Some(words) = raw.get(block.indent..).filter(|w| !w.is_empty()) else {
            breaks += 1;
            continue;
        };
        if folded && words.starts_with(' ') {
            return None; // a more-indented line is not folded: left to the full parser
        }
        if !first {
            if folded && breaks == 0 {
                value.push(' ');
            } else {
                let count = if folded { breaks } else { breaks + 1 };
                value.extend(std::iter::repeat_n('\n', count));
            }
        }
        value.push_str(words);
        breaks = 0;
        first = false;
    }
    if !indicator.ends_with('-') {
        value.push('\n');
    }
    Some(Value::Str(Cow::Owned(value)))
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
        if entries.len() >= MAX_KEYS
            || entries
                .iter()
                .any(|(k, _)| matches!(&k.value, Value::Str(k) if k == key))
        {
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

/// A value on the rest of a line: `[a, b]` or one plain scalar; `col` is its byte offset in
/// `line.text`.
fn inline<'t>(text: &'t str, line: Line<'t>, col: usize) -> Option<Node<'t>> {
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
                if word.is_empty() || has_colon_space(word) || word.ends_with(':') {
                    return None;
                }
                items.push(Node {
                    value: scalar(word)?,
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
    Some(Node {
        value: scalar(text)?,
        pos: pos(line, col),
    })
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
            if rest.is_empty()
                || entries.len() >= MAX_KEYS
                || entries
                    .iter()
                    .any(|(k, _)| matches!(&k.value, Value::Str(k) if k == key))
            {
                return None;
            }
            let value = match quoted(rest) {
                Some(value) => value?,
                None if has_colon_space(rest) || rest.contains(" #") || rest.ends_with(':') => {
                    return None;
                }
                None => scalar(rest)?,
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
fn quoted(text: &str) -> Option<Option<Value<'_>>> {
    if let Some(inner) = text.strip_prefix('"') {
        let inner = inner.strip_suffix('"').filter(|i| !i.contains(['"', '\\']));
        return Some(inner.map(|i| Value::Str(Cow::Borrowed(i))));
    }
    let inner = text.strip_prefix('\'')?;
    let Some(inner) = inner.strip_suffix('\'') else {
        return Some(None);
    };
    if !inner.contains('\'') {
        return Some(Some(Value::Str(Cow::Borrowed(inner))));
    }
    // Every quote inside must be doubled.
    if inner.split("''").any(|part| part.contains('\'')) {
        return Some(None);
    }
    Some(Some(Value::Str(Cow::Owned(inner.replace("''", "'")))))
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
