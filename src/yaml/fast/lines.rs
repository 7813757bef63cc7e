//! The fast path's first pass: the lines that carry values, each without its comment, with
//! the lines of a block text (`>`, `|`) gathered under the line that starts it.

use std::borrow::Cow;

use super::{BlockText, Line, SPECIAL};
use crate::yaml::Value;

/// The lines that carry values, or `None` when one uses more than the fast path knows.
pub(super) fn plain_lines(text: &str) -> Option<Vec<Line<'_>>> {
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
pub(super) fn closing_single_quote(value: &str) -> Option<usize> {
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
pub(super) fn block_value<'t>(indicator: &str, block: BlockText<'t>) -> Option<Value<'t>> {
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
