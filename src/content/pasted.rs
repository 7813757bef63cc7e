//! Front matter pasted from other sites and word processors: invisible non-breaking spaces,
//! `key:value` without a space, quotes around part of a value, curly quotes and `#` read as a
//! comment. Every check here runs only once something already failed, or on one byte, so the
//! usual file costs nothing.

mod values;

pub(crate) use values::{salary_text_fix, thousands_dot};

use crate::content::fields::Reader;
use crate::yaml::{Node, Pos, Value};

/// Characters that look like a space in an editor but are text to YAML.
const LOOKALIKE_SPACES: [char; 4] = ['\u{a0}', '\u{2007}', '\u{202f}', '\u{3000}'];

/// A pasted-text problem in one line: 1-based column, message, help and underline width.
#[derive(Debug, PartialEq)]
pub(crate) struct Cause {
    /// 1-based column, in characters.
    pub(crate) col: u32,
    /// What is wrong.
    pub(crate) message: String,
    /// How to fix it.
    pub(crate) help: String,
    /// How many characters to underline.
    pub(crate) width: usize,
}

/// The pasted-text cause of a YAML syntax error: the last one on the lines of `yaml` up to
/// `error_line` (every line when it is 0), as (1-based line in `yaml`, cause).
pub(crate) fn syntax_cause<'a>(
    lines: impl Iterator<Item = &'a str>,
    error_line: u32,
) -> Option<(u32, Cause)> {
    let mut found = None;
    for (i, line) in lines.enumerate() {
        let n = i as u32 + 1;
        if error_line > 0 && n > error_line {
            break;
        }
        if let Some(cause) = line_cause(line) {
            found = Some((n, cause));
            if error_line == 0 {
                break;
            }
        }
    }
    found
}

/// The pasted-text problem of one line of YAML, if it has one.
pub(crate) fn line_cause(line: &str) -> Option<Cause> {
    lookalike_space(line)
        .or_else(|| glued_value(line))
        .or_else(|| partly_quoted(line))
}

/// A non-breaking space in the indentation or right after a colon.
fn lookalike_space(line: &str) -> Option<Cause> {
    let mut before = None::<char>;
    let mut indent = true;
    for (i, c) in line.chars().enumerate() {
        if LOOKALIKE_SPACES.contains(&c) && (indent || before == Some(':')) {
            let place = if indent {
                "in the indentation"
            } else {
                "after the colon"
            };
            return Some(nbsp_cause(i as u32 + 1, c, place));
        }
        if !LOOKALIKE_SPACES.contains(&c) {
            indent &= c == ' ' || c == '-';
            before = Some(c);
        }
    }
    None
}

/// The words for a lookalike space `c` at `col`, found `place` ("after the colon").
fn nbsp_cause(col: u32, c: char, place: &str) -> Cause {
    Cause {
        col,
        message: format!(
            "there is an invisible non-breaking space (U+{:04X}) {place}; YAML does not read it as a space",
            u32::from(c)
        ),
        help: "delete it and type a normal space instead (it comes from text copied out of a web page or a word processor)".into(),
        width: 1,
    }
}

/// The key at the start of `line` (after any `- `), with its 0-based character column.
fn leading_key(line: &str) -> Option<(usize, &str, &str)> {
    let body = line.trim_start_matches([' ', '-']);
    let start = line.len() - body.len();
    let end = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let (key, rest) = body.split_at(end);
    let first = key.chars().next()?;
    (first.is_ascii_alphabetic() && rest.starts_with(':'))
        .then(|| (line[..start].chars().count(), key, &rest[1..]))
}

/// `department:Engineering`: YAML reads it all as one text, not a key and a value.
fn glued_value(line: &str) -> Option<Cause> {
    let (at, key, value) = leading_key(line)?;
    let first = value.chars().next()?;
    if first.is_whitespace() || LOOKALIKE_SPACES.contains(&first) || matches!(first, ':' | '/') {
        return None;
    }
    let value = value.trim_end();
    Some(Cause {
        col: (at + key.len() + 2) as u32,
        message: format!(
            "there is no space after the colon in `{key}:{value}`, so YAML reads it as one piece of text instead of a key and its value"
        ),
        help: format!("put a space after the colon: `{key}: {value}`"),
        width: 1,
    })
}

/// `title: "Senior" Backend Engineer`: quotes that end before the value does.
fn partly_quoted(line: &str) -> Option<Cause> {
    let (_, key, rest) = leading_key(line)?;
    let value = rest.trim_start_matches(' ');
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let close = closing_quote(&value[1..], quote)? + 1;
    let extra = value[close + 1..].trim_start_matches(' ');
    if extra.is_empty() || extra.starts_with('#') {
        return None;
    }
    // `extra` ends the line, so the characters before it give its column.
    let col = line[..line.len() - extra.len()].chars().count();
    let value = value.trim_end();
    let inner: String = value.chars().filter(|&c| c != quote).collect();
    let mut help = format!("put the quotes around the whole value: `{key}: \"{inner}\"`");
    if quote == '"' && !value.contains('\'') {
        help.push_str(&format!(
            ", or, to show the quotes on the page, put single quotes around it all: `{key}: '{value}'`"
        ));
    }
    Some(Cause {
        col: col as u32 + 1,
        message:
            "the quotes end before the value does; in YAML, quotes must surround the whole value"
                .into(),
        help,
        width: extra.trim_end().chars().count().max(1),
    })
}

/// The byte index in `text` of the quote that closes a value opened with `quote`.
fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == quote && !escaped {
            if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                continue;
            }
            return Some(i);
        }
        escaped = false;
    }
    None
}

/// An unknown key that is a pasted mistake: a non-breaking space in it, or a known key glued
/// to its value (`{min:80000}`); `col` is where the key starts.
pub(crate) fn key_cause(name: &str, col: u32, known: &[&str]) -> Option<Cause> {
    if let Some((i, c)) = name
        .chars()
        .enumerate()
        .find(|(_, c)| LOOKALIKE_SPACES.contains(c))
    {
        let place = if i == 0 {
            "in the indentation"
        } else {
            "in this key"
        };
        return Some(nbsp_cause(col + i as u32, c, place));
    }
    let (key, value) = name.split_once(':')?;
    known.contains(&key).then(|| Cause {
        col: col + key.chars().count() as u32 + 1,
        message: format!(
            "there is no space after the colon in `{name}`, so YAML reads it as one piece of text instead of a key and its value"
        ),
        help: format!("put a space after the colon: `{key}: {value}`"),
        width: 1,
    })
}

/// The line of the file a YAML position is on.
pub(crate) fn source_line<'f>(r: &Reader<'f>, pos: Pos) -> Option<&'f str> {
    let n = (pos.line + r.line_offset).checked_sub(1)?;
    r.file.text.lines().nth(n as usize)
}

/// Reports `cause` on the line of `pos` as an error.
pub(crate) fn report(r: &mut Reader, pos: Pos, code: &'static str, cause: Cause) {
    let at = Pos {
        line: pos.line,
        col: cause.col,
    };
    r.error(at, cause.width, code, cause.message, cause.help);
}

/// The pasted-text reason a text value stands where keys were expected, reported; whether
/// there was one.
pub(crate) fn text_for_keys(r: &mut Reader, node: &Node) -> bool {
    if !matches!(node.value, Value::Str(_)) {
        return false;
    }
    match source_line(r, node.pos).and_then(line_cause) {
        Some(cause) => {
            report(r, node.pos, "pasted-text", cause);
            true
        }
        None => false,
    }
}

/// Curly quotes around a whole value are printed with it: a warning with the fix.
pub(crate) fn curly_quotes(r: &mut Reader, node: &Node, key: &str, text: &str) {
    let mut chars = text.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return;
    };
    let inner = chars.as_str();
    let opening = matches!(open, '“' | '”' | '„' | '‘' | '’' | '‚');
    let closing = matches!(close, '”' | '“' | '’' | '‘');
    if !opening || !closing || inner.trim().is_empty() || inner.contains(['“', '”', '„']) {
        return;
    }
    let d = crate::diagnostics::Diagnostic::warning(
        &r.file.path,
        node.pos.line + r.line_offset,
        node.pos.col,
        "curly-quotes",
        format!("`{key}` is wrapped in curly quotes {open}…{close}; YAML does not read them as quotes, so they would be printed on the page"),
    )
    .help(format!("delete them: `{key}: {inner}` (to quote a value in YAML, use straight quotes `\"`)"))
    .width(text.chars().count())
    .with_source(&r.file.text);
    r.diagnostics.push(d);
}

/// `accent: #0f766e`: the value is empty because `#` starts a comment; a warning with the fix.
pub(crate) fn comment_value(r: &mut Reader, key: &Node) {
    let Some(line) = source_line(r, key.pos) else {
        return;
    };
    let name = key.as_text().unwrap_or_default();
    let skip = key.pos.col.saturating_sub(1) as usize;
    let Some(start) = line.char_indices().nth(skip).map(|(i, _)| i) else {
        return;
    };
    let Some(rest) = line[start..]
        .strip_prefix(name.as_str())
        .and_then(|r| r.trim_start_matches(' ').strip_prefix(':'))
    else {
        return;
    };
    let comment = rest.trim_start_matches([' ', '\t']);
    if rest.len() == comment.len() || !comment.starts_with('#') {
        return;
    }
    let col = line[..line.len() - comment.len()].chars().count() as u32 + 1;
    let text = comment.trim_end();
    let d = crate::diagnostics::Diagnostic::warning(
        &r.file.path,
        key.pos.line + r.line_offset,
        col,
        "comment-value",
        format!(
            "`{name}` is empty: in YAML, `#` after a space starts a comment, so `{text}` is ignored"
        ),
    )
    .help(format!(
        "if `{text}` is the value, put it in quotes: `{name}: \"{}\"`",
        text.replace('"', "\\\"")
    ))
    .width(text.chars().count())
    .with_source(&r.file.text);
    r.diagnostics.push(d);
}

/// [`comment_value`] for every empty value in a free-form tree (`theme_options`, `extra`).
pub(crate) fn comment_values(r: &mut Reader, node: &Node) {
    match &node.value {
        Value::Map(entries) => {
            for (key, value) in entries {
                if value.value == Value::Null {
                    comment_value(r, key);
                } else {
                    comment_values(r, value);
                }
            }
        }
        Value::Seq(items) => items.iter().for_each(|item| comment_values(r, item)),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
