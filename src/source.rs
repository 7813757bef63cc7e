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
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    Ok(SourceFile {
        path: relative.to_path_buf(),
        text,
    })
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
    fn invalid_utf8_is_located() {
        let err = decode(Path::new("a.md"), b"ok\nbad \xff here".to_vec()).expect_err("not utf8");
        assert_eq!((err.line, err.column), (2, 5));
    }
}
