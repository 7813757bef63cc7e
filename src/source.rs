//! Reading content files: one place that turns bytes on disk into text we can point into.
//!
//! A byte-order mark is dropped and CRLF line endings become LF, so every later step sees
//! the same text; invalid UTF-8 becomes a located diagnostic rather than a crash.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// A content file's text, with the path shown in diagnostics.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the site folder (what diagnostics print).
    pub path: PathBuf,
    /// The text with BOM removed and line endings normalised to `\n`.
    pub text: String,
}

/// Reads a file; a file that is not UTF-8 gives a diagnostic naming the first bad line.
pub fn read(site_dir: &Path, relative: &Path) -> Result<SourceFile, Diagnostic> {
    let full = site_dir.join(relative);
    let bytes = std::fs::read(&full).map_err(|e| {
        Diagnostic::error(
            relative,
            0,
            0,
            "unreadable-file",
            format!("cannot read this file: {e}"),
        )
        .help("check that the file exists and that you have permission to read it")
    })?;
    decode(relative, bytes)
}

/// Turns raw bytes into normalised text (public so tests and fuzzers can reach it).
pub fn decode(relative: &Path, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            let line = before.matches('\n').count() as u32 + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            return Err(Diagnostic::error(
                relative,
                line,
                column,
                "not-utf8",
                "this file is not saved as UTF-8 text",
            )
            .help("save the file as \"UTF-8\" in your editor (Save As… → Encoding: UTF-8)"));
        }
    };
    if let Some(d) = control_character(relative, &text) {
        return Err(d);
    }
    // No copy of the usual file: one without a byte-order mark or carriage returns.
    let text = match (text.strip_prefix('\u{feff}'), text.contains('\r')) {
        (None, false) => text,
        (stripped, _) => stripped
            .unwrap_or(&text)
            .replace("\r\n", "\n")
            .replace('\r', "\n"),
    };
    Ok(SourceFile {
        path: relative.to_path_buf(),
        text,
    })
}

/// Whether a character is an invisible control character no content file should hold
/// (everything below U+0020 except tab, line feed and carriage return, and DEL).
pub fn is_forbidden_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{7f}'
}

/// The first forbidden control character, as a located error: they break XML feeds and can
/// hide text, and they are almost always pasted by accident.
fn control_character(relative: &Path, text: &str) -> Option<Diagnostic> {
    // Every forbidden character is ASCII, and no byte of a longer UTF-8 sequence is.
    let offset = text
        .bytes()
        .position(|b| is_forbidden_control(char::from(b)))?;
    let c = char::from(text.as_bytes()[offset]);
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    Some(
        Diagnostic::error(
            relative,
            line,
            column,
            "control-character",
            format!(
                "this file contains an invisible control character (U+{:04X}) here",
                c as u32
            ),
        )
        .help("delete it: retype the text around it, or paste it again as plain text")
        .with_source(text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let f = decode(Path::new("a.md"), b"\xef\xbb\xbfa: 1\r\nb: 2\r\n".to_vec()).expect("utf8");
        assert_eq!(f.text, "a: 1\nb: 2\n");
    }

    #[test]
    fn control_characters_are_located() {
        let err = decode(Path::new("a.md"), b"ok\r\nab\x00c".to_vec()).expect_err("NUL");
        assert_eq!(
            (err.code, err.line, err.column),
            ("control-character", 2, 3)
        );
        assert!(err.message.contains("U+0000"), "{}", err.message);
        assert!(decode(Path::new("a.md"), b"tab\there\r\n".to_vec()).is_ok());
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode(Path::new("a.md"), b"ok\nbad \xff here".to_vec()).expect_err("not utf8");
        assert_eq!((err.line, err.column), (2, 5));
    }
}
