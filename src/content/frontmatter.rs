//! Splitting a Markdown file into its YAML front matter and its body, and explaining YAML
//! syntax errors in plain words.

use crate::content::pasted;
use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;
use crate::yaml::{self, SyntaxError};

/// The two parts of a content file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: u32,
}

/// Finds the front matter; a file without it is an error that says how to add it.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = file.text.as_str();
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        let help = if first.trim_end() == "+++" {
            "careers uses YAML front matter: replace the `+++` lines with `---` and write `key: value`"
        } else {
            "start the file with a line containing only `---`, then the keys (title, department …), then another `---` line, then the text"
        };
        return Err(Diagnostic::error(
            &file.path,
            1,
            1,
            "no-front-matter",
            "this file does not start with a `---` line, so it has no front matter",
        )
        .help(help)
        .width(first.chars().count().max(1))
        .with_source(text));
    }
    let after_open = (first.len() + 1).min(text.len());
    let mut offset = after_open;
    let mut line = 2u32;
    while offset < text.len() {
        // One line with its `\n` (the last may have none).
        let end = memchr::memchr(b'\n', &text.as_bytes()[offset..])
            .map_or(text.len(), |i| offset + i + 1);
        let l = text.get(offset..end).unwrap_or_default();
        if l.starts_with(['-', '.']) && matches!(l.trim_end(), "---" | "...") {
            return Ok(Split {
                yaml: &text[after_open..offset],
                body: &text[end..],
                body_line: line + 1,
            });
        }
        offset = end;
        line += 1;
    }
    Err(Diagnostic::error(
        &file.path,
        1,
        1,
        "unclosed-front-matter",
        "the front matter that starts here is never closed with a second `---` line",
    )
    .help("add a line containing only `---` after the last key, before the text of the posting")
    .width(3)
    .with_source(text))
}

/// Turns a parser message into a plain-words diagnostic at the right line of the file.
pub fn syntax_diagnostic(file: &SourceFile, line_offset: u32, err: &SyntaxError) -> Diagnostic {
    let yaml_lines = file.text.lines().skip(line_offset as usize);
    let yaml_lines = yaml_lines.take_while(|l| l.trim_end() != "---");
    if let Some((line, cause)) = pasted::syntax_cause(yaml_lines, err.pos.line) {
        return Diagnostic::error(
            &file.path,
            line + line_offset,
            cause.col,
            "yaml-syntax",
            cause.message,
        )
        .help(cause.help)
        .width(cause.width)
        .with_source(&file.text);
    }
    let (message, help) = explain(err, file, line_offset);
    let line = if err.pos.line == 0 {
        0
    } else {
        err.pos.line + line_offset
    };
    Diagnostic::error(&file.path, line, err.pos.col, "yaml-syntax", message)
        .help(help)
        .with_source(&file.text)
}

fn explain(err: &SyntaxError, file: &SourceFile, line_offset: u32) -> (String, String) {
    let raw = err.message.as_str();
    let line_text = file
        .text
        .lines()
        .nth((err.pos.line + line_offset).saturating_sub(1) as usize)
        .unwrap_or("");
    if raw == yaml::TAB_MESSAGE {
        return (
            raw.to_string(),
            "replace the tab at the start of this line with spaces".into(),
        );
    }
    if raw.contains("mapping values are not allowed") {
        let key = line_text.split(':').next().unwrap_or("key").trim();
        let value = line_text
            .split_once(':')
            .map(|(_, v)| v.trim())
            .unwrap_or("");
        return (
            "this value contains a colon followed by a space, which YAML reads as a new key".into(),
            format!(
                "put the value in double quotes: `{key}: \"{}\"`",
                value.replace('"', "\\\"")
            ),
        );
    }
    if raw.starts_with("duplicate mapping key") {
        let key = raw
            .trim_start_matches("duplicate mapping key:")
            .split(',')
            .next()
            .unwrap_or("")
            .trim();
        return (
            format!("the key `{key}` is written twice"),
            "keep one of the two lines and delete the other".into(),
        );
    }
    if raw.contains("unclosed quote")
        || raw.contains("found unexpected end of stream") && raw.contains("quoted")
    {
        return (
            "a quote opened here is never closed".into(),
            "add the closing quote at the end of the value".into(),
        );
    }
    if raw.contains("unclosed bracket") {
        return (
            "a `[` or `{` opened here is never closed".into(),
            "add the closing `]` or `}`, or write the list one `- item` per line".into(),
        );
    }
    if raw.contains("did not find expected key")
        || raw.contains("did not find expected '-'")
        || raw.contains("bad indentation")
    {
        return (
            "the indentation of this line does not line up with the lines around it".into(),
            "keys of the same group must start in the same column; use spaces, two per level"
                .into(),
        );
    }
    if raw.contains("budget")
        || raw.contains("alias")
        || raw.contains("recursi")
        || raw.contains("depth")
    {
        let why = if raw.contains("Depth") || raw.contains("recursion") {
            "more than 32 levels deep"
        } else {
            "its `*aliases` expand to too many values"
        };
        return (
            format!("this YAML is too deeply nested or repeats itself too much: {why}"),
            "write the values out plainly, without `&anchors` and `*aliases`".into(),
        );
    }
    (
        format!("this is not valid YAML: {raw}"),
        "check the quotes, colons and indentation on this line and the one before".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from("content/jobs/a.md"),
            text: text.into(),
        }
    }

    #[test]
    fn splits_front_matter_and_body() {
        let f = file("---\ntitle: A\n---\nHello\n");
        let s = split(&f).expect("has front matter");
        assert_eq!(
            s,
            Split {
                yaml: "title: A\n",
                body: "Hello\n",
                body_line: 4
            }
        );
    }

    #[test]
    fn missing_front_matter_is_explained() {
        let d = split(&file("title: A\n")).expect_err("no front matter");
        assert_eq!(d.code, "no-front-matter");
        let d = split(&file("---\ntitle: A\n")).expect_err("unclosed");
        assert_eq!(d.code, "unclosed-front-matter");
    }
}
