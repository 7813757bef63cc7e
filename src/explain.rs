//! The text `careers explain <code>` prints: cut from docs/lints.md, which is compiled into
//! the binary, so the explanation and the published docs never differ and an installed
//! binary needs no docs folder.
//!
//! A code is explained by its `` ### `code` `` section, or by its row of a table whose first
//! column is `` `code` `` (with the section's introduction above the table).

use std::sync::LazyLock;

/// The lint documentation, as shipped.
const LINTS_DOC: &str = include_str!("../docs/lints.md");

/// Every explained code with its text, in the order of the docs.
static ENTRIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| entries(LINTS_DOC));

/// The explanation of `code`, if the docs have one.
pub(crate) fn text(code: &str) -> Option<&'static str> {
    ENTRIES
        .iter()
        .find(|(name, _)| name == code)
        .map(|(_, text)| text.as_str())
}

/// Every code that has an explanation, in the order of the docs.
pub(crate) fn codes() -> Vec<&'static str> {
    ENTRIES.iter().map(|(name, _)| name.as_str()).collect()
}

/// The code of a `` ### `code` `` heading, or of a `` | `code` | `` table row. Diagnostic
/// codes are lower case, which leaves out the table of jurisdictions (`US-CO`).
fn code_in(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('`')?;
    let code = &inner[..inner.find('`')?];
    let lower = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    (!code.is_empty() && code.chars().all(lower)).then_some(code)
}

/// Splits `doc` into entries; lines inside ``` fences are never headings.
fn entries(doc: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    let mut intro: Vec<&str> = Vec::new();
    let mut header: Vec<&str> = Vec::new();
    let mut fenced = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        let heading = !fenced && line.starts_with('#');
        if heading {
            if let Some((code, lines)) = current.take() {
                out.push((code, finish(&lines)));
            }
            intro.clear();
            header.clear();
            if let Some(code) = line.strip_prefix("### ").and_then(code_in) {
                current = Some((code.to_string(), vec![line]));
            } else {
                intro.push(line);
            }
            continue;
        }
        match &mut current {
            Some((_, lines)) => lines.push(line),
            None if !fenced && line.starts_with('|') => {
                let cells = cells(line);
                match cells.first().and_then(|c| code_in(c)) {
                    Some(code) if !header.is_empty() => {
                        out.push((code.to_string(), row_text(&intro, &header, &cells)));
                    }
                    Some(_) => {}
                    None if header.is_empty() => header = cells,
                    None => {}
                }
            }
            None => intro.push(line),
        }
    }
    if let Some((code, lines)) = current {
        out.push((code, finish(&lines)));
    }
    out
}

/// The cells of a Markdown table row, trimmed.
fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(str::trim)
        .collect()
}

/// A table row as text: the section's introduction, then `Header: cell` per column.
fn row_text(intro: &[&str], header: &[&str], cells: &[&str]) -> String {
    let mut lines: Vec<String> = intro.iter().map(|l| l.to_string()).collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.push(String::new());
    lines.push(format!("### {}", cells[0]));
    for (name, cell) in header.iter().zip(cells).skip(1) {
        lines.push(format!("{name}: {cell}"));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    finish(&lines)
}

/// Joins lines, drops blank lines at either end and turns `[text](link)` into `text`, as
/// the links lead to files an installed binary does not have.
fn finish(lines: &[&str]) -> String {
    let text = lines.join("\n");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.trim();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            after[close + 2..]
                .find(')')
                .map(|end| (close, close + 2 + end))
        });
        match link {
            Some((close, end)) if !after[..close].contains('\n') => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_code_has_an_explanation() {
        let missing: Vec<&str> = crate::lint::CODES
            .iter()
            .copied()
            .filter(|code| text(code).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "docs/lints.md does not explain {missing:?}"
        );
    }

    #[test]
    fn a_section_ends_at_the_next_heading_not_at_a_comment_in_a_code_block() {
        let benefits = text("benefits-missing").expect("explained");
        assert!(
            benefits.starts_with("### `benefits-missing`\n"),
            "{benefits}"
        );
        assert!(benefits.contains("# content/site.yaml"), "{benefits}");
        assert!(!benefits.contains("close-date-missing"), "{benefits}");
    }

    #[test]
    fn a_table_row_comes_with_its_section_and_column_names() {
        let caps = text("title-all-caps").expect("explained");
        assert!(caps.starts_with("## Titles\n"), "{caps}");
        assert!(caps.contains("Fires when: no lower-case letters"), "{caps}");
        assert!(caps.contains("After: `Operations Associate`"), "{caps}");
        assert!(!caps.contains("title-has-remote"), "{caps}");
    }

    #[test]
    fn links_keep_their_words_only() {
        let expired = text("expired").expect("explained");
        assert!(expired.contains("See closing-a-position.md."), "{expired}");
        assert!(!expired.contains("]("), "{expired}");
    }
}
