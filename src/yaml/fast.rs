//! A fast path for the plain front matter most postings have: block mappings and lists of
//! plain words, numbers and dates, and `[a, b]` lists. Anything else (quotes, anchors, block
//! text, comments after values, `true`/`null`-like words, odd numbers, duplicate keys …)
//! returns `None` and the full parser (serde-saphyr) reads the text instead, so the fast path
//! never decides a question of YAML it is not sure of. Tests compare it with the full parser.

use super::{Node, Pos, Value};

/// Deeper nesting than this is left to the full parser and its depth budget (32).
const MAX_DEPTH: usize = 8;
/// Mappings with more keys are left to the full parser (the duplicate check is quadratic).
const MAX_KEYS: usize = 128;

/// One non-blank, non-comment line: indentation (spaces) and the rest, trimmed at the end.
#[derive(Clone, Copy)]
struct Line<'a> {
    no: u32,
    indent: usize,
    text: &'a str,
}

/// The tree of `text` when it only uses the plain subset, else `None`.
pub(super) fn parse(text: &str) -> Option<Node> {
    let mut lines = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let trimmed = raw.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !trimmed.is_ascii() && trimmed.chars().any(|c| c.is_control() || c == '\u{feff}') {
            return None;
        }
        if trimmed.contains([
            '\t', '\r', '&', '*', '!', '|', '>', '%', '@', '`', '"', '\'', '{', '}', '#', '?', '\\',
        ]) || trimmed.starts_with("---")
            || trimmed.starts_with("...")
        {
            return None;
        }
        lines.push(Line {
            no: i as u32 + 1,
            indent: raw.len() - trimmed.len(),
            text: trimmed.trim_end_matches(' '),
        });
    }
    let first = *lines.first()?;
    if first.indent != 0 {
        return None;
    }
    let mut at = 0;
    let node = block(&mut lines, &mut at, 0, 0)?;
    (at == lines.len()).then_some(node)
}

/// A block mapping or list starting at `lines[*at]`, whose lines are indented by `indent`.
fn block(lines: &mut [Line], at: &mut usize, indent: usize, depth: usize) -> Option<Node> {
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

fn map(lines: &mut [Line], at: &mut usize, indent: usize, depth: usize) -> Option<Node> {
    let start = lines[*at];
    let mut entries: Vec<(Node, Node)> = Vec::new();
    while let Some(&line) = lines.get(*at) {
        if line.indent < indent {
            break;
        }
        if line.indent > indent || line.text.starts_with('-') {
            return None;
        }
        let (key, rest) = match line.text.split_once(": ") {
            Some((key, rest)) => (key, rest.trim_start_matches(' ')),
            None => (line.text.strip_suffix(':')?, ""),
        };
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            || !key.as_bytes()[0].is_ascii_alphabetic()
            || entries.len() >= MAX_KEYS
            || entries
                .iter()
                .any(|(k, _)| matches!(&k.value, Value::Str(k) if k == key))
        {
            return None;
        }
        let key_node = Node {
            value: Value::Str(key.to_string()),
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

fn list(lines: &mut [Line], at: &mut usize, indent: usize, depth: usize) -> Option<Node> {
    let start = lines[*at];
    let mut items = Vec::new();
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
        if rest.contains(": ") || rest.ends_with(':') {
            // `- key: value`: a mapping whose first line starts after the dash.
            lines[*at] = Line {
                no: line.no,
                indent: indent + 2,
                text: rest,
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
fn inline(text: &str, line: Line, col: usize) -> Option<Node> {
    if let Some(inner) = text.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        if inner.contains(['[', ']']) {
            return None;
        }
        let mut items = Vec::new();
        if !inner.trim().is_empty() {
            let mut offset = col + 1;
            for part in inner.split(',') {
                let word = part.trim_matches(' ');
                let lead = part.len() - part.trim_start_matches(' ').len();
                if word.is_empty() || word.contains(": ") || word.ends_with(':') {
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
    if text.contains([',', '[', ']']) && text.starts_with(['-', ',', '[', ']']) {
        return None;
    }
    if text.contains(": ") || text.ends_with(':') || text.contains(" #") {
        return None;
    }
    Some(Node {
        value: scalar(text)?,
        pos: pos(line, col),
    })
}

/// How the full parser reads a plain scalar, for the cases the fast path is sure of.
fn scalar(text: &str) -> Option<Value> {
    let first = text.chars().next()?;
    if first.is_ascii_digit() {
        let digits = text.bytes().all(|b| b.is_ascii_digit());
        if digits && (text == "0" || !text.starts_with('0')) {
            return text.parse::<i64>().ok().map(Value::Int);
        }
        if digits {
            return Some(Value::Str(text.to_string())); // leading zero: kept as text
        }
        let b = text.as_bytes();
        let date = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        return date.then(|| Value::Str(text.to_string()));
    }
    if !first.is_alphabetic() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null"
            | "true"
            | "false"
            | "yes"
            | "no"
            | "on"
            | "off"
            | "y"
            | "n"
            | "nan"
            | "inf"
            | "infinity"
    ) {
        return None;
    }
    Some(Value::Str(text.to_string()))
}

/// The position of byte `offset` of `line.text` (columns count characters).
fn pos(line: Line, offset: usize) -> Pos {
    let chars = line
        .text
        .get(..offset)
        .map_or(offset, |p| p.chars().count());
    Pos {
        line: line.no,
        col: (line.indent + chars + 1) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::super::full;
    use super::parse;

    /// Every text the fast path accepts must give exactly the full parser's tree.
    fn same(text: &str) -> bool {
        match parse(text) {
            Some(fast) => {
                assert_eq!(Ok(fast), full(text), "fast path differs on:\n{text}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn agrees_with_the_full_parser_on_plain_front_matter() {
        let posting = "title: Engineering Specialist 0\ndepartment: Engineering\nteam: Team 0\nemployment_type: full_time\nworkplace: onsite\nlocations:\n  - city: Berlin\n    country: DE\n  - city: Amsterdam\n    country: NL\nsalary:\n  min: 40000\n  max: 55000\n  currency: EUR\n  period: year\ndate_posted: 2025-01-01\nvalid_through: 2099-12-31\nreference: BENCH-000000\ntags: [tag0, tag0, benchmark]\n";
        assert!(same(posting));
        for text in [
            "a: b\n",
            "a: 0\nb: 007\nc: 12\n",
            "- a\n- b\n",
            "list:\n  - x\n  - 2\n",
            "nested:\n  deeper:\n    k: München Straße\n",
            "tags: []\n",
            "tags: [ a ,b,  c d ]\n",
            "# comment\na: b\n\n# another\nc: d\n",
            "items:\n  - name: x\n    more:\n      - 1\n      - 2\n  - name: yy\n",
            "title: Senior Engineer (m/w/d), Berlin\n",
            "a: b  \nc:   spaced value\n",
        ] {
            assert!(same(text), "fast path should take:\n{text}");
        }
    }

    #[test]
    fn leaves_everything_else_to_the_full_parser() {
        for text in [
            "a: \"quoted\"\n",
            "a: 'quoted'\n",
            "a: b # comment\n",
            "a: true\n",
            "a: Null\n",
            "a: 1.5\n",
            "a: 1e3\n",
            "a: -3\n",
            "a: &x b\nc: *x\n",
            "a: |\n  text\n",
            "a: b\na: c\n",
            "a:\n",
            "a: b\n  c\n",
            "a: x: y\n",
            "a: [b, [c]]\n",
            "a: {b: c}\n",
            "a: 2025-1-1\n",
            "a: 99999999999999999999\n",
            "a: y\n",
            "list:\n- xa\n- yb\n",
            "  a: b\n",
            "a:\tb\n",
            "a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h:\n        i:\n         j: deep\n",
        ] {
            assert!(!same(text), "fast path should decline:\n{text}");
        }
    }

    #[test]
    fn agrees_on_every_fixture_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(root.join("tests/fixtures"))
            .into_iter()
            .chain(walkdir::WalkDir::new(root.join("examples")))
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let yaml = match entry.path().extension().and_then(|e| e.to_str()) {
                Some("yaml" | "yml") => text.clone(),
                Some("md") => match text
                    .strip_prefix("---\n")
                    .and_then(|t| t.split_once("\n---"))
                {
                    Some((front, _)) => format!("{front}\n"),
                    None => continue,
                },
                _ => continue,
            };
            if same(&yaml) {
                checked += 1;
            }
        }
        assert!(checked > 0, "some fixture takes the fast path");
    }
}
