//! Problems found in a site, as data: collected across all files, then printed together.
//!
//! Every problem carries the file, line and column, a plain-words message and a hint, so HR
//! can fix it without a developer. The human format is
//! `path:line:col: error: message`, the source line with a caret, then `help: …`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How serious a problem is: errors stop the build, warnings do not (unless `--strict`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build cannot go on.
    Error,
    /// Worth fixing; the site still builds.
    Warning,
}

/// One problem in one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, relative to the site folder where possible.
    pub file: PathBuf,
    /// 1-based line (0 when the problem is about the whole file).
    pub line: u32,
    /// 1-based column in characters (0 when unknown).
    pub column: u32,
    /// Error or warning.
    pub severity: Severity,
    /// A stable identifier for docs and machines (e.g. `unknown-key`).
    pub code: &'static str,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// The offending line of the file, shown under the message.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// How many characters the caret underlines (at least one).
    #[serde(skip)]
    pub width: u32,
}

impl Diagnostic {
    /// A new error at a position; fill the source line with [`Diagnostic::with_source`].
    pub fn error(
        file: &Path,
        line: u32,
        column: u32,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            line,
            column,
            severity: Severity::Error,
            code,
            message: message.into(),
            help: String::new(),
            source_line: None,
            width: 1,
        }
    }

    /// The same, but a warning.
    pub fn warning(
        file: &Path,
        line: u32,
        column: u32,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, code, message)
        }
    }

    /// Adds the hint printed after `help:`.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    /// Sets how many characters the caret underlines.
    pub fn width(mut self, width: usize) -> Self {
        self.width = width.clamp(1, 200) as u32;
        self
    }

    /// Attaches the offending line, taken from the file's full text.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text
                .lines()
                .nth(self.line as usize - 1)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    /// The human format: header, source line with caret, help.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = shown_path(&self.file);
        match (self.line, self.column) {
            (0, _) => {
                let _ = writeln!(out, "{file}: {kind}: {}", self.message);
            }
            (line, 0) => {
                let _ = writeln!(out, "{file}:{line}: {kind}: {}", self.message);
            }
            (line, col) => {
                let _ = writeln!(out, "{file}:{line}:{col}: {kind}: {}", self.message);
            }
        }
        if let Some(src) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            // Control characters are shown as visible symbols (one column each, so the caret
            // still lines up) and never reach the terminal, where they could act as commands.
            let (shown, column) = window(src, self.column as usize);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {shown}");
            if column > 0 {
                let before = " ".repeat(column - 1);
                let room = shown.chars().count().saturating_sub(column - 1).max(1);
                let carets = "^".repeat((self.width.max(1) as usize).min(room));
                let _ = writeln!(out, "{pad} | {before}{carets}");
            }
        }
        let explain = crate::explain::text(self.code).map(|_| self.code);
        match (self.help.is_empty(), explain) {
            (false, Some(code)) => {
                let _ = writeln!(out, "  help: {} (`careers explain {code}`)", self.help);
            }
            (false, None) => {
                let _ = writeln!(out, "  help: {}", self.help);
            }
            (true, Some(code)) => {
                let _ = writeln!(out, "  help: `careers explain {code}` says more");
            }
            (true, None) => {}
        }
        out
    }
}

/// A path as messages print it: as it is when its name is in the usual (NFC) Unicode form,
/// else with every non-ASCII character as its code point (`zu\u{308}rich.md`), so two names
/// that only look the same are told apart.
pub fn shown_path(path: &Path) -> String {
    let text = path.display().to_string();
    if unicode_normalization::is_nfc(&text) {
        return text;
    }
    text.chars()
        .map(|c| match c.is_ascii() {
            true => c.to_string(),
            false => format!("\\u{{{:x}}}", u32::from(c)),
        })
        .collect()
}

/// The most characters of a source line shown; a longer one is cut to a window around the
/// column, with `…` where it was cut.
const SHOWN_WIDTH: usize = 100;

/// The part of `line` to show (safe to print) and where `column` falls in it.
fn window(line: &str, column: usize) -> (String, usize) {
    let length = line.chars().count();
    if length <= SHOWN_WIDTH {
        return (line.chars().map(visible).collect(), column);
    }
    let start = column
        .saturating_sub(SHOWN_WIDTH / 3)
        .min(length - (SHOWN_WIDTH - 2));
    let end = (start + SHOWN_WIDTH - 2).min(length);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(end - start).map(visible));
    if end < length {
        shown.push('…');
    }
    let column = column
        .checked_sub(start)
        .map_or(0, |c| c + usize::from(start > 0));
    (shown, column)
}

/// A character as it is safe to print: tab as a space, other control characters as their
/// Unicode "control picture" (U+2400 block) or `�`.
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// Orders diagnostics by file, then position, so output is the same every run.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
}

/// Fills in the offending source line of diagnostics created without the file's text.
pub fn attach_sources(site_dir: &Path, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.source_line.is_none() && d.line > 0)
    {
        if let Ok(text) = std::fs::read_to_string(site_dir.join(&d.file)) {
            let line = text.lines().nth(d.line as usize - 1).map(|l| {
                l.trim_end_matches('\r')
                    .trim_start_matches('\u{feff}')
                    .to_string()
            });
            d.source_line = line;
        }
    }
}

/// The stable JSON format of `careers check --format json` (see docs/diagnostics.md).
pub fn to_json(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let doc = serde_json::json!({
        "version": 1,
        "errors": errors,
        "warnings": diagnostics.len() - errors,
        "diagnostics": diagnostics,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// True when any of these stops the build.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// All diagnostics in the human format, followed by a one-line count.
pub fn render_all(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.render());
        out.push('\n');
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let _ = writeln!(out, "{}", count_line(errors, warnings));
    out
}

/// "2 errors, 1 warning".
pub fn count_line(errors: usize, warnings: usize) -> String {
    let e = if errors == 1 {
        "1 error".to_string()
    } else {
        format!("{errors} errors")
    };
    let w = if warnings == 1 {
        "1 warning".to_string()
    } else {
        format!("{warnings} warnings")
    };
    format!("{e}, {w}")
}

/// The closest known name to an unknown one, for "did you mean" hints.
pub fn did_you_mean<'a>(unknown: &str, known: &[&'a str]) -> Option<&'a str> {
    let unknown = unknown.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&unknown, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_source_line_is_shown_as_a_window_around_the_column() {
        let line = format!("title: {}BAD{}", "a".repeat(5_000), "b".repeat(5_000));
        let d = Diagnostic::error(Path::new("content/jobs/x.md"), 2, 5_008, "bad", "bad value")
            .width(3)
            .with_source(&format!("---\n{line}\n"));
        let text = d.render();
        assert!(text.len() < 600, "{} bytes", text.len());
        let lines: Vec<&str> = text.lines().collect();
        let (shown, carets) = (lines[2], lines[3]);
        assert!(shown.contains("…") && shown.ends_with('…'), "{shown}");
        let at = carets.find('^').expect("carets");
        let under: String = shown.chars().skip(at).take(3).collect();
        assert_eq!(under, "BAD", "{shown}\n{carets}");
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("titel", &["title", "slug"]), Some("title"));
        assert_eq!(
            did_you_mean("departmnet", &["department", "team"]),
            Some("department")
        );
        assert_eq!(did_you_mean("zzzzzz", &["title", "slug"]), None);
    }

    #[test]
    fn renders_caret_under_column() {
        let d = Diagnostic::error(
            Path::new("content/jobs/a.md"),
            2,
            7,
            "bad-date",
            "not a date",
        )
        .help("write YYYY-MM-DD")
        .width(3)
        .with_source("---\ndate: abc\n");
        assert_eq!(
            d.render(),
            "content/jobs/a.md:2:7: error: not a date\n  |\n2 | date: abc\n  |       ^^^\n  help: write YYYY-MM-DD\n"
        );
    }
}
