//! `TODO` placeholders left in a posting (as `careers new` writes them) are errors, so a
//! half-written posting is never published.

use crate::content::fields::Reader;
use crate::yaml::{Node, Pos, Value};

/// The placeholder word `careers new` writes.
const WORD: &str = "TODO";

/// Reports every `TODO` in the front-matter values and in the text of the posting.
pub(super) fn check(r: &mut Reader, front: &Node, body: &str, body_line: u32) {
    in_value(r, front, "");
    in_body(r, body, body_line);
}

/// Where `TODO` stands as a word of its own in `text` (a byte offset).
fn find(text: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(WORD).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + WORD.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// Walks a front-matter value; `key` is the key it is written under (empty at the top).
fn in_value(r: &mut Reader, node: &Node, key: &str) {
    match &node.value {
        Value::Str(text) if find(text).is_some() => report_value(r, node, key, text),
        Value::Seq(items) => items.iter().for_each(|item| in_value(r, item, key)),
        Value::Map(entries) => {
            for (k, v) in entries {
                in_value(r, v, k.as_text().as_deref().unwrap_or(key));
            }
        }
        _ => {}
    }
}

/// One error for a value holding `TODO`, underlining the word where the line shows it.
fn report_value(r: &mut Reader, node: &Node, key: &str, text: &str) {
    let line = node.pos.line + r.line_offset;
    let written = r.file.text.lines().nth(line.saturating_sub(1) as usize);
    let col = written
        .and_then(|l| {
            let from = l
                .char_indices()
                .nth(node.pos.col.saturating_sub(1) as usize)?
                .0;
            let at = from + find(&l[from..])?;
            Some(l[..at].chars().count() as u32 + 1)
        })
        .unwrap_or(node.pos.col);
    let name = if key.is_empty() { "this value" } else { key };
    let message = if text.trim() == WORD {
        format!("`{name}` is still the placeholder `TODO`, so this posting cannot be published")
    } else {
        format!("`{name}` still has a `TODO` placeholder, so this posting cannot be published")
    };
    let pos = Pos {
        line: node.pos.line,
        col,
    };
    r.error(pos, WORD.len(), "todo-left", message, hint(key));
}

/// How to fill in the placeholder of a key `careers new` leaves open.
fn hint(key: &str) -> String {
    let with = match key {
        "title" => "the job title, like `title: Office Manager`",
        "department" => "your department, like `department: Operations`",
        "city" => {
            "the city, like `city: Berlin` (for a remote job, delete `locations` and write `workplace: remote`)"
        }
        "country" => "the two-letter country code, like `country: DE`",
        "summary" => {
            "one sentence about the role, like `summary: Keep our Berlin office running smoothly.`"
        }
        _ => "the real text",
    };
    format!("replace `TODO` with {with}")
}

/// One error per line of the text that still holds `TODO` (code blocks excepted).
fn in_body(r: &mut Reader, body: &str, body_line: u32) {
    let mut in_code = false;
    for (i, line) in body.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        let Some(at) = find(line).filter(|_| !in_code) else {
            continue;
        };
        let pos = Pos {
            line: (body_line + i as u32).saturating_sub(r.line_offset),
            col: line[..at].chars().count() as u32 + 1,
        };
        r.error(
            pos,
            WORD.len(),
            "todo-left",
            "the text still has a `TODO` placeholder, so this posting cannot be published".into(),
            "replace `TODO` with the real text, or delete the line".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn finds_todo_only_as_a_word_of_its_own() {
        assert_eq!(find("TODO"), Some(0));
        assert_eq!(find("- TODO (or delete)"), Some(2));
        assert_eq!(find("TODO: two sentences"), Some(0));
        assert_eq!(find("TODOIST and MYTODO"), None);
        assert_eq!(find("todo, in lower case"), None);
    }
}
