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
    let (forbidden, has_cr) = scan_controls(text.as_bytes());
    if let Some(offset) = forbidden {
        return Err(control_character(relative, &text, offset));
    }
    // No copy of the usual file: one without a byte-order mark or carriage returns.
    let text = match (text.strip_prefix('\u{feff}'), has_cr) {
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

/// The offset of the first forbidden control character, and whether a carriage return comes
/// before it (one pass over the file, eight bytes at a time: almost every word of a text file
/// has no byte below U+0020 other than `\n` and no DEL, so only the few with a tab or a carriage
/// return are looked at byte by byte). Every forbidden character is ASCII, and no byte of a longer UTF-8 sequence is.
fn scan_controls(bytes: &[u8]) -> (Option<usize>, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut has_cr = false;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Non-zero exactly when some byte is below 0x20 but not a line feed (with `\n` turned
        // into 0 by the XOR, a byte in 1..0x20; no lane carries into the next), or is 0x7F (DEL).
        let lf_zero = x ^ (ONES * 0x0a);
        let low = lf_zero & (ONES * 0x7f);
        let control = (ONES * (0x7f + 0x20) - low) & !lf_zero & (low + ONES * 0x7f) & HIGH;
        let del = x ^ (ONES * 0x7f);
        let is_del = del.wrapping_sub(ONES) & !del & HIGH;
        if control | is_del != 0
            && let Some(offset) = first_forbidden(chunk, at, &mut has_cr)
        {
            return (Some(offset), has_cr);
        }
        at += 8;
    }
    let found = first_forbidden(words.remainder(), at, &mut has_cr);
    (found, has_cr)
}

/// Byte by byte: the offset (counted from `at`) of the first forbidden control character in
/// `chunk`; notes carriage returns on the way.
fn first_forbidden(chunk: &[u8], at: usize, has_cr: &mut bool) -> Option<usize> {
    for (i, &b) in chunk.iter().enumerate() {
        if b == b'\r' {
            *has_cr = true;
        } else if is_forbidden_control(char::from(b)) {
            return Some(at + i);
        }
    }
    None
}

/// The forbidden control character at `offset`, as a located error: they break XML feeds and
/// can hide text, and they are almost always pasted by accident.
fn control_character(relative: &Path, text: &str, offset: usize) -> Diagnostic {
    let c = char::from(text.as_bytes()[offset]);
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
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
    .with_source(text)
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
    fn the_word_scan_finds_what_a_byte_scan_finds() {
        let naive = |bytes: &[u8]| {
            let found = bytes
                .iter()
                .position(|&b| b != b'\r' && is_forbidden_control(char::from(b)));
            let cr = bytes[..found.unwrap_or(bytes.len())].contains(&b'\r');
            (found, cr)
        };
        for text in [
            "Zürich ok\tline\n".repeat(3),
            "plain line\nnext\n\nmore\n".repeat(2),
        ] {
            let text = text.into_bytes();
            for len in 0..text.len() {
                for at in 0..len {
                    for special in [0u8, 0x1f, 0x7f, b'\r', b'\n', b'\t', 0x20, 0x7e, 0x80, 0xff] {
                        let mut bytes = text[..len].to_vec();
                        bytes[at] = special;
                        let (found, cr) = naive(&bytes);
                        let (scan_found, scan_cr) = scan_controls(&bytes);
                        assert_eq!(scan_found, found, "{bytes:?}");
                        if found.is_none() {
                            assert_eq!(scan_cr, cr, "{bytes:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode(Path::new("a.md"), b"ok\nbad \xff here".to_vec()).expect_err("not utf8");
        assert_eq!((err.line, err.column), (2, 5));
    }
}
